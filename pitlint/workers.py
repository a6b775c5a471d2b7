"""Worker processes that never outlive pitlint: a build killed by any signal (a CI job's
timeout, an out-of-memory kill, a closed terminal) leaves nothing running.

Each worker asks Linux to kill it when its parent dies (prctl PR_SET_PDEATHSIG), and everywhere
also watches its parent's process id from a thread, ending itself when the parent is gone. It
ignores Ctrl-C, which reaches the whole process group: the parent alone decides how the build
ends, and the user sees one line, not a traceback from every worker.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time

WATCH_SECONDS = 0.5  # how often a worker looks for its parent
_PR_SET_PDEATHSIG = 1


def start_worker(parent: int) -> None:
    """The initializer of every worker process pitlint starts."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the request above took effect
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="pitlint-parent-watch", daemon=True).start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)
