"""A corpus build stopped by any signal leaves no process behind: killed outright (a CI timeout,
an out-of-memory kill), its workers end by themselves; stopped by Ctrl-C or SIGTERM, it ends
with one line, the contract's exit code, no staging folder and the old index in place."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

WORDS = (
    "police force disclosure harm crime information public interest exemption section request officers would "
    "prejudice prevention detection law enforcement"
).split()


def _corpus(folder: Path, count: int = 1500) -> Path:
    generator = random.Random(3)
    folder.mkdir()
    for number in range(count):
        sentences = (" ".join(generator.choice(WORDS) for _ in range(15)).capitalize() + "." for _ in range(40))
        (folder / f"pit{number:05d}.txt").write_text("\n\n".join(sentences), encoding="utf-8")
    return folder


def _children(parent: int) -> list[int]:
    """Processes whose parent is ``parent``, from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == parent:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for its new parent to reap it is not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _start_build(corpus: Path, index: Path) -> tuple[subprocess.Popen, list[int]]:
    build = subprocess.Popen(
        [sys.executable, "-m", "pitlint", "corpus", "build", str(corpus), "--index", str(index)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        workers = _children(build.pid)
        if len(workers) >= 2:  # the pool has started: the build is under way
            time.sleep(0.5)
            return build, _children(build.pid)
        if build.poll() is not None:
            break
        time.sleep(0.05)
    build.kill()
    pytest.fail(f"the build never started its workers: {build.communicate()}")


def _digests(folder: Path) -> dict[str, str]:
    import hashlib

    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def _gone_within(pids: list[int], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(_alive(pid) for pid in pids):
            return True
        time.sleep(0.1)
    return False


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _corpus(tmp_path_factory.mktemp("build") / "issued")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_workers_end_when_the_build_is_killed(corpus: Path, tmp_path: Path):
    build, workers = _start_build(corpus, tmp_path / "index")
    assert workers
    os.kill(build.pid, signal.SIGKILL)
    build.wait(timeout=30)
    assert _gone_within(workers, 5), [pid for pid in workers if _alive(pid)]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
@pytest.mark.parametrize(
    ("signum", "code", "line"), [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "stopped by SIGTERM")]
)
def test_a_build_stopped_by_a_signal_ends_cleanly(corpus: Path, tmp_path: Path, signum: int, code: int, line: str):
    index = tmp_path / "index"
    small = _corpus(tmp_path / "small", count=3)
    done = subprocess.run(
        [sys.executable, "-m", "pitlint", "corpus", "build", str(small), "--index", str(index)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    before = _digests(index)
    build, workers = _start_build(corpus, index)
    os.kill(build.pid, signum)
    _, stderr = build.communicate(timeout=60)
    assert build.returncode == code
    assert stderr.splitlines()[-1] == f"pitlint: {line}" and "Traceback" not in stderr
    assert _gone_within(workers, 5)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index", "small"]  # no staging folder left
    assert _digests(index) == before  # the index in use is the one built before
