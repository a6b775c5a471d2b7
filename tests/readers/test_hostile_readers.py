"""Every class of input that once made a reader hang (or would have, at the size limits) is read
or refused within a generous wall clock, in a process of its own so that a hang fails the test
instead of stalling the run. Not a speed test: benchmarks/hostile_readers.py times them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.readers.hostile_inputs import CASES, Case, case_id, raw_pdf

WALL_CLOCK = 60  # seconds; each finishes in a few (benchmarks/RESULTS.md)
CHILD = """
import json, sys
from pathlib import Path
from pitlint.errors import ReadError
from pitlint.readers import read
try:
    document = read(Path(sys.argv[1]))
except ReadError as error:
    print(json.dumps({"error": error.reason}))
else:
    text = document.text
    print(json.dumps({"found": sys.argv[2] in text, "paragraphs": len(document.paragraphs), "length": len(text)}))
"""


def read_in_child(path: Path, expect: str) -> dict:
    done = _child(path, expect)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _child(path: Path, expect: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CHILD, str(path), expect],
        capture_output=True,
        text=True,
        timeout=WALL_CLOCK,
        cwd=Path(__file__).parents[2],
    )


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_hostile_input_ends_with_the_right_text_or_a_reason(tmp_path: Path, case: Case):
    path = tmp_path / f"{case.name}{case.suffix}"
    case.make(path)
    outcome = read_in_child(path, case.expect)
    if case.refused:
        assert outcome["error"].startswith(case.refused), outcome
    else:
        assert "error" not in outcome, outcome
        assert outcome["found"], outcome
        assert case.paragraphs in (None, outcome["paragraphs"]), outcome


def test_what_pdfminer_repairs_is_not_reported_on_stderr(tmp_path: Path):
    """A page without a MediaBox: pdfminer logs a warning, which Python would print on stderr
    (where a user expects one line per unreadable file and nothing else)."""
    path = tmp_path / "no-mediabox.pdf"
    raw_pdf(path, b"BT /F1 12 Tf 72 720 Td (Harm) Tj ET", mediabox=False)
    done = _child(path, "Harm")
    assert (done.returncode, done.stderr, json.loads(done.stdout)["found"]) == (0, "", True)
