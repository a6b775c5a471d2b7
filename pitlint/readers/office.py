"""Word 97-2003 (.doc), OpenDocument (.odt) and RTF drafts: converted to .docx by a headless
LibreOffice in a private temporary folder, with a time limit, then read as Word drafts. Without
LibreOffice the draft is refused with a hint to save it as .docx.

The conversion runs with a throw-away LibreOffice profile (two runs never share one, and the
user's own is never touched), never runs the document's macros (LibreOffice's default for
conversion) and is stopped after CONVERT_SECONDS."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

from pitlint.document import Document
from pitlint.errors import ReadError

SUFFIXES = (".doc", ".dot", ".odt", ".ott", ".rtf")
CONVERT_SECONDS = 25  # within the 30 s every file gets


def _office() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def read(path: Path) -> Document:
    office = _office()
    kind = path.suffix.lower().lstrip(".")
    if office is None:
        raise ReadError(
            path,
            f"a .{kind} draft is read through LibreOffice, which is not installed here: save it as .docx "
            "(File > Save As > Word Document) or install LibreOffice",
        )
    with tempfile.TemporaryDirectory(prefix="pitlint-office-") as work:
        folder = Path(work)
        source = folder / f"draft{path.suffix.lower()}"
        shutil.copyfile(path, source)  # a name LibreOffice cannot mistake for an option or a URL
        try:
            done = subprocess.run(
                [
                    office,
                    "--headless",
                    "--norestore",
                    "--nolockcheck",
                    f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                    "--convert-to",
                    "docx:MS Word 2007 XML",
                    "--outdir",
                    str(folder / "out"),
                    str(source),
                ],
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=CONVERT_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise ReadError(path, f"LibreOffice could not convert it within {CONVERT_SECONDS} s") from None
        converted = folder / "out" / "draft.docx"
        if done.returncode != 0 or not converted.is_file():
            raise ReadError(path, f"LibreOffice could not read it as a .{kind} document")
        from pitlint.readers import docx

        document = docx.read(converted)
    return replace(document, path=str(path), format=kind)
