"""Shared fixtures: the seed PITs, a runner for the real command line, and makers of real PDF
and HTML files (Word files come from tests/docxmaker.py)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

# A Unicode font, so PDFs can hold the curly quotes and dashes real PITs use (Debian's
# fonts-dejavu-core, which .ci/run installs when it is missing).
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
# The five issued PITs shipped as the default corpus are also the readers' first real test data.
CORPUS = Path(__file__).parents[1] / "corpus"
SEEDS = {path.name[:3]: path for path in sorted(CORPUS.glob("0*.txt"))}


def require(program: str, why: str) -> str:
    """The path of a program the tests need: in CI (which installs it) its absence fails the
    run; elsewhere the tests that need it are skipped, saying why."""
    import shutil

    found = shutil.which(program)
    if found:
        return found
    if os.environ.get("CI"):
        raise RuntimeError(f"{program} is missing: {why}; .ci/run installs it")
    pytest.skip(f"{program} is not installed: {why}", allow_module_level=True)
    raise AssertionError  # not reached


# Indexes, compiled patterns and parsed packs of the tests (and of the pitlint processes they
# start) go to a temporary cache, never the user's: set before any test module imports pitlint,
# whose patterns are compiled (and their cache named) at import.
_CACHE = Path(tempfile.mkdtemp(prefix="pitlint-cache-"))
os.environ["PITLINT_CACHE_DIR"] = str(_CACHE)


@pytest.fixture(scope="session", autouse=True)
def index_cache() -> Iterator[Path]:
    """The tests' temporary cache, removed at the end of the session."""
    yield _CACHE
    shutil.rmtree(_CACHE, ignore_errors=True)


@pytest.fixture
def seeds() -> dict[str, Path]:
    return dict(SEEDS)


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str

    @property
    def json(self) -> dict:
        return json.loads(self.stdout)


def run_pitlint(*args: str | Path, cwd: Path | None = None) -> Result:
    """Run `python -m pitlint` as a user would, in a separate process."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8", NO_COLOR="1", COLUMNS="200")
    done = subprocess.run(
        [sys.executable, "-m", "pitlint", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )
    return Result(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def pitlint() -> Callable[..., Result]:
    return run_pitlint


def make_pdf(
    path: Path, blocks: list[tuple[str, str]], *, author: str | None = None, page_numbers: bool = False
) -> Path:
    """A real PDF laid out by fpdf2. Blocks: ("h", heading), ("p", paragraph), ("page", "") for
    a page break, ("cut", text) for text that goes on without a paragraph gap (a sentence that
    runs across the page break)."""
    from fpdf import FPDF

    class Numbered(FPDF):
        def footer(self) -> None:
            if page_numbers:
                self.set_y(-15)
                self.set_font("DejaVu", "", 9)
                self.cell(0, 10, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Numbered(format="A4")
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(True, margin=20)
    if author:
        pdf.set_author(author)
    pdf.add_page()
    for kind, text in blocks:
        if kind == "h":
            pdf.set_font("DejaVu", "B", 12)
            pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        elif kind == "p":
            pdf.set_font("DejaVu", "", 11)
            pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
        elif kind == "cut":
            pdf.set_font("DejaVu", "", 11)
            pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        elif kind == "page":
            pdf.add_page()
    pdf.output(str(path))
    return path


@pytest.fixture
def pdf_maker() -> Callable[..., Path]:
    return make_pdf


def text_blocks(path: Path) -> list[tuple[str, str]]:
    """A seed's headings and paragraphs as PDF blocks: short unterminated lines are headings."""
    from pitlint.outline import is_heading
    from pitlint.readers import read

    return [("h" if is_heading(p) else "p", p.text) for p in read(path).paragraphs]


def build_wheel(folder: Path) -> subprocess.CompletedProcess[str]:
    """`pip wheel` of this checkout into ``folder``, one build at a time: setuptools writes its
    build folders inside the source tree, so two tests building at once (pytest-xdist's workers)
    would trip over each other's files."""
    import fcntl
    import tempfile

    root = Path(__file__).resolve().parents[1]
    with open(Path(tempfile.gettempdir()) / "pitlint-tests-wheel.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(folder), str(root)],
            capture_output=True,
            text=True,
            timeout=300,
        )
