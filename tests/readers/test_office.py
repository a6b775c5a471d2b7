"""Word 97-2003, OpenDocument and RTF drafts: read through a headless LibreOffice when it is
installed (each conversion in a private folder, with its own profile), else refused with a hint."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from tests.conftest import require, run_pitlint

SOFFICE = require("soffice", "converts the .odt and .doc drafts these tests read")


def _saved_as(tmp_path: Path, suffix: str) -> Path:
    """A draft written in Word's format, saved by LibreOffice in another (as an officer's would be)."""
    source = tmp_path / "draft.docx"
    document = docx.Document()
    document.add_paragraph("Harm")
    document.add_paragraph("Disclosure would would reveal the organization of the unit.")
    document.save(str(source))
    out = tmp_path / "saved"
    subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--convert-to",
         suffix.lstrip("."), "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return out / f"draft{suffix}"


@pytest.mark.parametrize("suffix", [".odt", ".doc"])
def test_an_odt_or_doc_draft_is_checked_like_a_word_one(tmp_path: Path, suffix: str):
    draft = _saved_as(tmp_path, suffix)
    result = run_pitlint("check", draft, "--select", "PIT402,PIT404", "-f", "json")
    assert result.code == 0, result.stderr
    file = result.json["files"][0]
    assert file["path"] == str(draft) and file["error"] is None
    found = [(f["code"], f["excerpt"], f["paragraph"], f["line"]) for f in file["findings"]]
    assert found == [("PIT402", "would would", 2, None), ("PIT404", "organization", 2, None)]


def test_without_libreoffice_the_officer_is_told_to_save_as_docx(tmp_path: Path):
    draft = tmp_path / "draft.odt"
    draft.write_bytes(b"PK\x03\x04 an OpenDocument file")
    empty = tmp_path / "bin"
    empty.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "pitlint", "check", str(draft)],
        capture_output=True, text=True, timeout=60, env=dict(os.environ, PATH=str(empty), NO_COLOR="1"),
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr == (
        f"pitlint: {draft}: a .odt draft is read through LibreOffice, which is not installed here: save it as "
        ".docx (File > Save As > Word Document) or install LibreOffice\n"
    )


def test_a_damaged_doc_is_one_line(tmp_path: Path):
    draft = tmp_path / "old.doc"
    draft.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000)
    result = run_pitlint("check", draft)
    assert (result.code, result.stderr) == (2, f"pitlint: {draft}: LibreOffice could not read it as a .doc document\n")
