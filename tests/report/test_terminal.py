"""The reports people read in a terminal: the full text layout and its wrapping, colour (on a real
pseudo-terminal, forced, refused), --quiet, --statistics and --format concise; drafts read from
standard input; the progress shown on a terminal's stderr and nowhere else."""

from __future__ import annotations

import fcntl
import os
import re
import struct
import subprocess
import sys
import termios
import threading
from pathlib import Path

import docx
import pytest

from pitlint.report.text import clip
from tests.conftest import SEEDS, Result
from tests.docxmaker import add_bold_heading

LONG_URL = (
    "http://www.example-police.uk/foi/guidance/public-interest-test/annex-b-factors-for-and-against-disclosure-2019.pdf"
)
SECURE_URL = LONG_URL.replace("http://", "https://")
# A complete PIT with two slips in one paragraph (line 11): a doubled word and a plain http link.
DRAFT = f"""Harm

Naming the supplier would be likely to prejudice the prevention of crime.

Factors favouring disclosure

Disclosure would show how public money is spent on the contract.

Factors against disclosure

Offenders could target the the supplier's systems. The guidance is at {LONG_URL} for more.

Balancing test

The balance test favours non-disclosure of the supplier's name.

Conclusion

Therefore the public interest favours withholding the name.
"""
DOUBLED = (  # a safe fix: [*], and what it does instead of a help line saying the same
    'draft.txt:11:24: PIT402 [*] [warning] "the" is written twice\n  | the the\n  | ^^^^^^^\n  fix: replace with "the"'
)
INSECURE = (  # an unsafe fix (the https page may not exist), its URL too long for the line: whole
    f"draft.txt:11:71: PIT502 [warning] A plain http:// link: use https://\n  | {LONG_URL}\n"
    f'  fix: replace with\n       "{SECURE_URL}"\n       (unsafe: applied only with --unsafe-fixes)'
)
SUMMARY = (
    "2 findings in 1 file (0 errors, 2 warnings, 0 info).\n"
    "[*] 1 fixable with `pitlint check --fix` (1 more with --unsafe-fixes).\n"
)
HINT = "Run `pitlint explain CODE` to see what a rule checks and how to fix it.\n"
ESCAPE = "\x1b["


def _env(**extra: str) -> dict[str, str]:
    """The environment of a user who set nothing about colour or width, plus ``extra``."""
    env = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    return {**env, "PYTHONIOENCODING": "utf-8", **extra}


def _run(*args: str | Path, cwd: Path, stdin: bytes = b"", **env: str) -> Result:
    """pitlint as a separate process, its output piped (as in a CI log), ``stdin`` as its input."""
    done = subprocess.run(
        [sys.executable, "-m", "pitlint", *map(str, args)],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=_env(**env),
        timeout=120,
    )
    return Result(done.returncode, done.stdout.decode(), done.stderr.decode())


def _on_terminal(
    *args: str | Path, cwd: Path, columns: int = 80, stream: str = "stdout", **env: str
) -> tuple[int, str, str]:
    """pitlint with its stdout (or stderr) on a real pseudo-terminal ``columns`` wide; returns the
    exit code, what the terminal showed (line ends as written) and the other stream."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    shown: list[bytes] = []

    def read() -> None:
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:  # the last writer closed the terminal
                return
            if not data:
                return
            shown.append(data)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "pitlint", *map(str, args)],
            stdin=subprocess.DEVNULL,
            stdout=slave if stream == "stdout" else subprocess.PIPE,
            stderr=slave if stream == "stderr" else subprocess.PIPE,
            cwd=cwd,
            env=_env(TERM="xterm", **env),
        )
        os.close(slave)
        other = process.communicate(timeout=120)[1 if stream == "stdout" else 0]
    finally:
        reader.join(timeout=120)
        os.close(master)
    terminal = b"".join(shown).decode().replace("\r\n", "\n")  # the terminal's own line ends
    return process.returncode, terminal, other.decode()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def test_full_layout_at_80_columns(folder: Path):
    """Header, the flagged words underlined, help; a URL too long for the line is shown whole,
    never cut, and is the only thing longer than the terminal."""
    result = _run("check", "draft.txt", cwd=folder, COLUMNS="80")
    assert result.code == 0  # warnings only
    assert result.stdout == f"draft.txt (10 paragraphs, 0% reused)\n\n{DOUBLED}\n\n{INSECURE}\n\n{SUMMARY}{HINT}"
    too_long = [line for line in result.stdout.splitlines() if len(line) > 80]
    assert too_long == [f"  | {LONG_URL}", f'       "{SECURE_URL}"']
    assert result.stderr == ""


def test_messages_and_help_wrap_between_words_and_keep_urls_whole(folder: Path):
    """A team's rule whose message and suggestion hold long URLs: wrapped at 60 columns, every
    line fits except the ones that are a URL, and each URL is on one line, whole."""
    guide = "https://www.example-police.uk/foi/house-style/naming-suppliers-in-published-public-interest-tests"
    (folder / "team.yaml").write_text(
        "rules:\n  PIT401:\n    - pattern: 'withholding the name'\n"
        f"      message: 'Name the thing withheld precisely, as the house style at {guide} asks of every PIT'\n"
        f"      suggestion: 'withholding the supplier''s name (see {guide})'\n"
        "      fix: none\n",  # advice: a help line
        encoding="utf-8",
    )
    (folder / ".pitlint.toml").write_text('rules = ["team.yaml"]\nselect = ["PIT401"]\n', encoding="utf-8")
    result = _run("check", "draft.txt", cwd=folder, COLUMNS="60")
    lines = result.stdout.splitlines()
    assert lines[2:9] == [
        "draft.txt:19:39: PIT401 [warning] Name the thing withheld",
        "  precisely, as the house style at",
        f"  {guide}",
        "  asks of every PIT",
        "  | withholding the name",
        "  | ^^^^^^^^^^^^^^^^^^^^",
        "  help: withholding the supplier's name (see",
    ]
    assert lines[9] == f"        {guide})"
    assert [line for line in lines if len(line) > 60] == [f"  {guide}", f"        {guide})"]


def test_colour_on_a_terminal_at_its_width(folder: Path):
    """On a real terminal 60 columns wide: coloured (severity, code, path, carets), wrapped at 60."""
    code, shown, _ = _on_terminal("check", "draft.txt", cwd=folder, columns=60)
    assert code == 0
    assert "\x1b[1mdraft.txt:11:24:\x1b[0m \x1b[1mPIT402\x1b[0m \x1b[36m[*]\x1b[0m \x1b[33m[warning]\x1b[0m" in shown
    assert "  | \x1b[33m^^^^^^^\x1b[0m\n" in shown
    plain = re.sub(r"\x1b\[[0-9;]*m", "", shown)
    assert plain == _run("check", "draft.txt", cwd=folder, COLUMNS="60").stdout  # nothing but colour added
    assert [line for line in plain.splitlines() if len(line) > 60] == [f"  | {LONG_URL}", f'       "{SECURE_URL}"']
    # NO_COLOR is the reader's choice, even on a terminal
    assert ESCAPE not in _on_terminal("check", "draft.txt", cwd=folder, NO_COLOR="1")[1]


def test_colour_only_where_asked(folder: Path):
    piped = _run("check", "draft.txt", cwd=folder)
    forced = _run("check", "draft.txt", cwd=folder, FORCE_COLOR="1")
    assert ESCAPE not in piped.stdout
    assert "\x1b[1mdraft.txt:11:71:\x1b[0m \x1b[1mPIT502\x1b[0m \x1b[33m[warning]\x1b[0m A plain" in forced.stdout
    assert re.sub(r"\x1b\[[0-9;]*m", "", forced.stdout) == piped.stdout
    assert ESCAPE not in _run("check", "draft.txt", cwd=folder, FORCE_COLOR="1", NO_COLOR="1").stdout
    assert ESCAPE not in _run("check", "-f", "json", "draft.txt", cwd=folder, FORCE_COLOR="1").stdout
    written = _run("check", "draft.txt", "-o", "report.txt", cwd=folder, FORCE_COLOR="1")
    assert (written.code, written.stdout, written.stderr) == (0, "", "pitlint: wrote the report to report.txt\n")
    assert (folder / "report.txt").read_text(encoding="utf-8") == piped.stdout


def test_quiet_shows_only_the_findings(folder: Path):
    (folder / "clean.txt").write_text(DRAFT.replace("the the", "the").replace("http:", "https:"), encoding="utf-8")
    result = _run("check", "-q", "clean.txt", "draft.txt", cwd=folder)
    assert (result.code, result.stdout, result.stderr) == (0, f"{DOUBLED}\n\n{INSECURE}\n", "")
    clean = _run("check", "--quiet", "clean.txt", "-o", "report.txt", cwd=folder)
    assert (clean.code, clean.stdout, clean.stderr) == (0, "", "")
    assert (folder / "report.txt").read_text() == ""


def test_statistics_count_by_rule(folder: Path):
    (folder / "other.txt").write_text(DRAFT.replace("the the", "is is the"), encoding="utf-8")
    result = _run("check", "--statistics", "draft.txt", "other.txt", cwd=folder)
    assert result.stdout == (
        "  count  code    name           fixable\n"
        "-------  ------  -------------  ---------\n"
        "      2  PIT402  doubled-word   yes\n"
        "      2  PIT502  insecure-link  yes\n"
        "\n4 findings in 2 files (0 errors, 4 warnings, 0 info).\n"
        "[*] 2 fixable with `pitlint check --fix` (2 more with --unsafe-fixes).\n" + HINT
    )
    quiet = _run("check", "--statistics", "-q", "-f", "concise", "draft.txt", cwd=folder)
    assert quiet.stdout.splitlines()[2:] == [
        "      1  PIT402  doubled-word   yes",
        "      1  PIT502  insecure-link  yes",
    ]
    wrong = _run("check", "--statistics", "-f", "sarif", "draft.txt", cwd=folder)
    assert (wrong.code, wrong.stdout) == (2, "")
    assert wrong.stderr == (
        "pitlint: --statistics counts findings for people: use it with --format text or concise, not sarif\n"
    )


def test_concise_lines(folder: Path):
    _word_draft(folder / "draft.docx")
    result = _run("check", "-f", "concise", "--select", "PIT4,PIT5", "draft.txt", "draft.docx", cwd=folder)
    assert result.stdout == (
        'draft.txt:11:24: PIT402 "the" is written twice\n'
        "draft.txt:11:71: PIT502 A plain http:// link: use https://\n"
        'draft.docx:para 6: PIT402 "the" is written twice\n'
        "draft.docx:para 6: PIT502 A plain http:// link: use https://\n"
        "\n4 findings in 2 files (0 errors, 4 warnings, 0 info).\n"
        "[*] 1 fixable with `pitlint check --fix`, 1 fixable in a copy of the Word draft\n"
        "  with `pitlint fix DRAFT.docx` (2 more with --unsafe-fixes).\n" + HINT
    )
    (folder / ".pitlint.toml").write_text('format = "concise"\n', encoding="utf-8")  # a valid config value
    quiet = _run("check", "-q", "--ignore", "PIT402", "draft.txt", cwd=folder)
    assert quiet.stdout == "draft.txt:11:71: PIT502 A plain http:// link: use https://\n"
    whole = _run("check", "-q", "-", cwd=folder, stdin=b"Harm\n\nText.\n")
    assert whole.stdout.splitlines()[0] == "-: PIT102 No factors favouring disclosure: the PIT weighs only one side."


def test_standard_input_as_plain_text_and_as_the_named_file(folder: Path):
    draft = (folder / "draft.txt").read_bytes()
    plain = _run("check", "-f", "concise", "-q", "-", cwd=folder, stdin=draft)
    assert plain.code == 0
    assert plain.stdout.splitlines() == [
        '-:11:24: PIT402 "the" is written twice',
        "-:11:71: PIT502 A plain http:// link: use https://",
    ]
    as_md = _run("check", "-f", "json", "-", "--stdin-filename", "notes/pit.md", cwd=folder, stdin=b"## " + draft)
    first = as_md.json["files"][0]
    assert first["path"] == "notes/pit.md"
    assert (first["findings"][0]["line"], first["findings"][0]["column"]) == (11, 24)  # the "## " is on line 1
    assert "pitlint-stdin" not in as_md.stdout + as_md.stderr  # the spooled copy is never named
    # an editor sends the buffer of a file on disk: the report never lands on that file
    refused = _run("check", "-", "--stdin-filename", "draft.txt", "-o", "draft.txt", cwd=folder, stdin=draft)
    assert refused.code == 2
    assert refused.stderr == (
        "pitlint: draft.txt: the report would overwrite draft.txt, which is being checked; give another file\n"
    )
    assert (folder / "draft.txt").read_bytes() == draft


def test_standard_input_as_a_word_file_and_bad_input(folder: Path):
    document = docx.Document()
    document.add_paragraph("Harm")
    document.add_paragraph("Naming the the supplier would prejudice the prevention of crime.")
    document.save(str(folder / "pit.docx"))
    word = _run(
        "check", "-f", "concise", "--select", "PIT402", "-", "--stdin-filename", "in/pit.docx",
        cwd=folder, stdin=(folder / "pit.docx").read_bytes(),
    )  # fmt: skip
    assert (word.code, word.stdout.splitlines()[0]) == (0, 'in/pit.docx:para 2: PIT402 "the" is written twice')
    garbage = bytes(range(256)) * 4
    for name, reason in [
        (None, "binary content, not a text file"),
        ("x.docx", "not a Word .docx file (it is not a zip package)"),
    ]:
        named = ["--stdin-filename", name] if name else []
        bad = _run("check", "-", *named, cwd=folder, stdin=garbage)
        assert (bad.code, bad.stderr) == (2, f"pitlint: {name or '-'}: {reason}\n")
        assert bad.stdout.startswith(f"{name or '-'}: cannot be checked: {reason}\n")
    empty = _run("check", "-f", "json", "-", cwd=folder)  # an empty draft: valid, and missing everything
    assert empty.code == 1
    assert [f["code"] for f in empty.json["files"][0]["findings"]] == ["PIT101", "PIT102", "PIT103", "PIT104", "PIT105"]
    fixing = _run("check", "--fix", "-", "draft.txt", cwd=folder, stdin=b"Harm\n\nThe the text.\n")
    assert (fixing.code, fixing.stderr) == (
        2,
        "pitlint: --fix and --diff read standard input alone: give - as the only PATH\n",
    )
    alone = _run("check", "draft.txt", "--stdin-filename", "a.txt", cwd=folder)
    assert (alone.code, alone.stderr) == (
        2,
        "pitlint: --stdin-filename names standard input: give - as a PATH to read it\n",
    )


def test_fixes_are_counted_by_the_command_that_makes_them(folder: Path):
    """A text draft's safe fixes are made by `check --fix`, a Word draft's by `pitlint fix` into a
    copy; an HTML page is not rewritten, so its fix is advice: no [*], not counted."""
    _word_draft(folder / "draft.docx")
    (folder / "draft.html").write_text(
        "<html><body>" + "".join(f"<p>{text}</p>" for text in DRAFT.split("\n\n")) + "</body></html>"
    )
    result = _run("check", "draft.txt", "draft.docx", "draft.html", cwd=folder, COLUMNS="200")
    assert 'draft.html:para 6: PIT402 [warning] "the" is written twice' in result.stdout.splitlines()
    assert 'draft.docx:para 6: PIT402 [*] [warning] "the" is written twice' in result.stdout.splitlines()
    assert result.stdout.endswith(
        "[*] 1 fixable with `pitlint check --fix`, 1 fixable in a copy of the Word draft with "
        "`pitlint fix DRAFT.docx` (2 more with --unsafe-fixes).\n" + HINT
    )
    statistics = _run("check", "--statistics", "-q", "draft.txt", "--ignore", "PIT402", cwd=folder)
    assert statistics.stdout.splitlines()[2:] == ["      1  PIT502  insecure-link  yes"]
    unsafe_only = _run("check", "-f", "concise", "--ignore", "PIT402", "draft.txt", cwd=folder)
    assert "[*] 1 fixable only with --unsafe-fixes.\n" in unsafe_only.stdout


def _word_draft(path: Path) -> None:
    """DRAFT as a Word file: short lines as bold headings, the rest as paragraphs."""
    document = docx.Document()
    document.core_properties.author = document.core_properties.comments = ""  # no personal metadata
    for line in DRAFT.strip().split("\n\n"):
        (add_bold_heading(document, line) if len(line) < 30 else document.add_paragraph(line))
    document.save(str(path))


def test_long_excerpts_are_clipped_between_words():
    words = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    assert clip(words, 40) == "one two three four five ... fourteen"
    assert clip(words, 60) == "one two three four five six seven eight ... fourteen"
    assert clip(words, len(words)) == words
    assert clip(LONG_URL, 40) == LONG_URL  # one word: whole, whatever its length
    assert clip(f"{LONG_URL} and more words", 40) == f"{LONG_URL} ..."


def test_progress_on_a_terminal_only(tmp_path: Path):
    """Checking more than ten drafts shows a count on a terminal's stderr, redrawn in place and
    erased at the end; ten drafts, or a stderr that is not a terminal, show nothing."""
    for number in range(10):
        (tmp_path / f"pit-{number:02}.txt").write_text("Harm\n\nThe text is is short.\n", encoding="utf-8")
    code, shown, stdout = _on_terminal("check", ".", cwd=tmp_path, stream="stderr")
    assert (code, shown) == (1, "")
    assert stdout.endswith(
        "50 findings in 10 files (40 errors, 10 warnings, 0 info).\n[*] 10 fixable with `pitlint check --fix`.\n" + HINT
    )
    (tmp_path / "pit-10.txt").write_text("Harm\n\nText.\n", encoding="utf-8")
    code, shown, stdout = _on_terminal("check", ".", cwd=tmp_path, stream="stderr")
    assert code == 1
    assert shown == "".join(f"\rChecking {done}/11 drafts\x1b[K" for done in range(12)) + "\r\x1b[K"
    assert stdout.endswith(
        "54 findings in 11 files (44 errors, 10 warnings, 0 info).\n[*] 10 fixable with `pitlint check --fix`.\n" + HINT
    )
    assert _on_terminal("check", "-q", ".", cwd=tmp_path, stream="stderr")[1] == ""
    assert _run("check", ".", cwd=tmp_path).stderr == ""


def test_an_index_built_for_a_check_shows_its_progress(tmp_path: Path):
    """--corpus FOLDER without an index builds one into the cache: a bar on a terminal, the one
    "indexing" line elsewhere."""
    corpus = tmp_path / "issued"
    corpus.mkdir()
    for number in range(20):
        seed = SEEDS[f"00{number % 5}"]
        (corpus / f"pit-{number:02}.txt").write_text(seed.read_text(encoding="utf-8") + f"\nReference {number}.\n")
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    command = ("check", "--corpus", "issued", "--select", "PIT3", "draft.txt")
    code, shown, _ = _on_terminal(*command, cwd=tmp_path, stream="stderr", PITLINT_CACHE_DIR=str(tmp_path / "one"))
    assert code == 0
    assert shown.startswith(f"pitlint: indexing issued (once; kept in {tmp_path / 'one'})\n")
    assert "Indexing" in shown and "20/20" in shown
    piped = _run(*command, cwd=tmp_path, PITLINT_CACHE_DIR=str(tmp_path / "two"))
    assert piped.stderr == f"pitlint: indexing issued (once; kept in {tmp_path / 'two'})\n"


def test_the_readme_sample_is_what_pitlint_prints():
    """The README's "real output" is the example draft's report at 80 columns."""
    root = Path(__file__).parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8")
    sample = readme.split("The first command prints (real output):\n\n```\n", 1)[1].split("```", 1)[0]
    assert _run("check", "examples/foi-1187-draft.docx", cwd=root, COLUMNS="80").stdout == sample
