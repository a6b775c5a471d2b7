"""A batch checked by several processes: the same report, byte for byte, as one process gives; no
draft lost when a worker dies; Ctrl-C ends the run and its workers with one line."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import docx
import pytest

from pitlint import parallel
from tests.conftest import SEEDS, run_pitlint
from tests.reuse.test_build_processes import _alive, _children, _gone_within

SLIPPED = (
    "Public Interest Test {n}\n\nHarm in disclosure\n\nDisclosure would could lead to harm to the the "
    "force's investigations, and the informaton would be used by offenders.\n\nFactors favouring "
    "disclosure\n\nDisclosure would inform the public debate about policing.\n\nFactors against "
    "disclosure\n\nDisclosure would prejudice law enforcement.\n\nBalancing test\n\nThe public interest "
    "lies in maintaining the exemption.\n\nConclusion\n\nThe information is exempt by virtue of section "
    "31(3).\n"
)


def _batch(folder: Path, count: int) -> Path:
    """Text, Markdown and Word drafts with slips, the issued seeds, and one broken Word file."""
    folder.mkdir()
    for number in range(count):
        text = SLIPPED.format(n=number)
        if number % 3 == 0:
            document = docx.Document()
            for block in text.strip().split("\n\n"):
                document.add_paragraph(block)
            document.save(folder / f"draft{number:03d}.docx")
        else:
            (folder / f"draft{number:03d}.{'md' if number % 3 == 1 else 'txt'}").write_text(text, encoding="utf-8")
    for code, seed in SEEDS.items():
        (folder / f"seed{code}.txt").write_bytes(seed.read_bytes())
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not a Word file")
    return folder


def test_two_processes_report_what_one_does(tmp_path: Path):
    folder = _batch(tmp_path / "drafts", 24)
    one = run_pitlint("check", "--format", "json", "--jobs", "1", folder)
    two = run_pitlint("check", "--format", "json", "--jobs", "2", folder)
    assert one.code == two.code == 2  # (the broken file)
    assert two.stdout == one.stdout
    assert two.stderr == one.stderr
    files = one.json["files"]
    assert len(files) == 24 + len(SEEDS) + 1
    assert [file["path"] for file in files] == sorted(file["path"] for file in files)  # in the order found
    broken = [file for file in files if file["error"]]
    assert [file["path"] for file in broken] == [str(folder / "broken.docx")]
    assert two.stderr.count("broken.docx") == 1
    slips = {finding["code"] for file in files if "draft" in file["path"] for finding in file["findings"]}
    assert {"PIT402", "PIT403", "PIT406"} <= slips  # each worker checked its drafts whole


def test_the_number_of_workers():
    assert parallel.workers_for(1, 0) == 1
    assert parallel.workers_for(parallel.FILES_PER_WORKER * 2 - 1, 0) == 1  # a few drafts: this process
    assert parallel.workers_for(1000, 0) == parallel.cores()
    assert parallel.workers_for(5, 8) == 5  # never more than the drafts
    assert parallel.workers_for(50, 1) == 1


def _dies_in_a_worker(path: Path) -> str:
    if path.name == "b" and os.getpid() != PARENT:
        os._exit(9)  # as an out-of-memory kill would end it
    return path.name.upper()


PARENT = os.getpid()


def test_a_worker_that_dies_loses_no_draft():
    names = [Path(name) for name in "a b c d e f g h i j".split()]
    seen: list[int] = []
    results = parallel.check_all(names, _dies_in_a_worker, 2, done=seen.append)
    assert results == [name.name.upper() for name in names]  # in order, the rest checked here
    assert seen == list(range(1, 11))


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
@pytest.mark.parametrize(
    ("signum", "code", "line"), [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "stopped by SIGTERM")]
)
def test_a_parallel_check_stopped_by_a_signal_ends_cleanly(tmp_path: Path, signum: int, code: int, line: str):
    folder = tmp_path / "drafts"
    folder.mkdir()
    for number in range(2000):
        (folder / f"d{number:04d}.txt").write_text(SLIPPED.format(n=number), encoding="utf-8")
    output = tmp_path / "report.json"
    run = subprocess.Popen(
        [sys.executable, "-m", "pitlint", "check", "--jobs", "2", "--format", "json", "-o", str(output), str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's job is
    )
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and len(workers) < 2 and run.poll() is None:
        time.sleep(0.05)
        workers = [pid for pid in _children(run.pid) if _alive(pid)]
    assert len(workers) == 2, run.communicate()
    time.sleep(0.5)
    if signum == signal.SIGINT:
        os.killpg(run.pid, signum)  # Ctrl-C reaches every process of the terminal's job
    else:
        os.kill(run.pid, signum)  # a CI timeout ends the command it started
    _, stderr = run.communicate(timeout=60)
    assert run.returncode == code
    assert stderr.splitlines()[-1] == f"pitlint: {line}" and "Traceback" not in stderr
    assert _gone_within(workers, 5)
    assert not output.exists()  # no half-written report


def test_a_check_of_one_draft_starts_no_worker_machinery(tmp_path: Path):
    """The process pool's modules (some 30 ms to import) are loaded only for a batch split up."""
    draft = tmp_path / "draft.txt"
    draft.write_text(SLIPPED.format(n=1), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "pitlint", "check", str(draft)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert "pitlint.parallel" in imported
    assert not {name for name in imported if name.startswith(("multiprocessing", "concurrent"))}
