"""The command line's entry point: runs the commands (commands.py) and turns whatever happens into
one line and an exit code from the contract.

``pitlint --version`` is answered here before typer and the commands are imported (they take
most of the 80 ms it otherwise costs); every other command goes through typer.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys

from pitlint import __version__


class _Terminated(BaseException):
    """Raised by the handler of a terminating signal, so that cleanup (a build's staging folder,
    its lock, its worker processes) runs as it does for Ctrl-C."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _terminate(signum: int, frame: object) -> None:
    raise _Terminated(signum)


def _quiet_from_here() -> None:
    """After a stopped run's one line, nothing more on stderr: a worker pool's threads, torn down
    at exit mid-write, may otherwise print a closed pipe's error after it."""
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.flush()
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (for the rest of the process)


def main() -> None:
    """Run the command; whatever happens, the user gets one line and an exit code from the contract:
    2 for a usage or internal error, 130 when interrupted, never a traceback."""
    if sys.argv[1:] in (["--version"], ["-V"]):  # what the commands' --version says, without loading them
        sys.stdout.write(f"pitlint {__version__}\n")
        sys.exit(0)
    import typer

    from pitlint.commands import _say, for_arguments

    for ending in (signal.SIGTERM, signal.SIGHUP):  # a CI timeout, a closed terminal: end as Ctrl-C does
        with contextlib.suppress(ValueError, OSError):  # (not the main thread, or no such signal)
            signal.signal(ending, _terminate)
    try:
        code = for_arguments(sys.argv[1:])(standalone_mode=False)
        if code == 130:  # typer turns Ctrl-C into this exit code, silently
            _say("interrupted")
    except (KeyboardInterrupt, typer.Abort):
        _say("interrupted")
        code = 130
        _quiet_from_here()
    except _Terminated as ending:
        _say(f"stopped by {signal.Signals(ending.signum).name}")
        code = 128 + ending.signum
        _quiet_from_here()
    except Exception as error:
        if hasattr(error, "show") and hasattr(error, "exit_code"):  # click's usage errors, as click shows them
            error.show()
            code = 2
        else:  # a bug: say so plainly, with what it was
            _say(f"internal error ({type(error).__name__}: {error}); please report it")
            code = 2
    sys.exit(code if isinstance(code, int) else 0)
