"""Regenerates the review page's screenshots in docs/ from the example draft, so they are never
made by hand: docs/review-page.png (the page as a browser shows it) and docs/review-page-print.png
(its print style at A4 width, in greyscale, as a black-and-white printer would show it).

Needs Chromium (`chromium` or `chromium-browser`). Run from anywhere:
python scripts/screenshots.py"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = "examples/foi-1187-draft.docx"  # as the README runs it, from the repository's root
DOCS = ROOT / "docs"
A4_WIDTH = 794  # CSS pixels: 210 mm at 96 dpi


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        sys.exit("screenshots: Chromium is not installed (chromium or chromium-browser)")
    return found


def _shoot(chromium: str, page: Path, target: Path, size: str, profile: Path) -> None:
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            "--disable-background-networking",
            f"--user-data-dir={profile}",
            f"--window-size={size}",
            f"--screenshot={target}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )


def main() -> None:
    chromium = _chromium()
    DOCS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        page = work / "review.html"
        done = subprocess.run(
            [sys.executable, "-m", "pitlint", "check", "--format", "html", "--output", str(page), EXAMPLE],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        if not page.exists():
            sys.exit(f"screenshots: pitlint wrote no page ({done.stderr.strip()})")
        _shoot(chromium, page, DOCS / "review-page.png", "1280,2000", work / "profile")
        # the print style applied on screen, at the width of an A4 page, in greyscale
        html = page.read_text(encoding="utf-8")
        printed = html.replace("@media print", "@media all").replace(
            "</style>", "html { filter: grayscale(1); }</style>"
        )
        preview = work / "print.html"
        preview.write_text(printed, encoding="utf-8")
        _shoot(chromium, preview, DOCS / "review-page-print.png", f"{A4_WIDTH},1400", work / "profile")
    print(f"wrote {DOCS / 'review-page.png'} and {DOCS / 'review-page-print.png'}")


if __name__ == "__main__":
    main()
