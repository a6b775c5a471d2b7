"""The command line as users and CI meet it: the JSON contract for every format, exit codes,
rule selection, configuration files and bad input."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from pitlint import __version__
from tests.conftest import SEEDS, make_pdf, run_pitlint
from tests.docxmaker import add_bold_heading

FINDING_KEYS = [
    "code",
    "name",
    "category",
    "severity",
    "message",
    "excerpt",
    "line",
    "column",
    "end_line",
    "end_column",
    "paragraph",
    "section",
    "suggestion",
    "source",
    "fix",  # beyond the contract's example: null, or the replacement and whether it is safe
]
# A PIT whose favouring section is empty and which never weighs its factors.
BLOCKS = [
    ("h", "Harm"),
    ("p", "Naming the supplier would be likely to prejudice the prevention of crime."),
    ("h", "Factors favouring disclosure"),
    ("h", "Factors against disclosure"),
    ("p", "Offenders could target the supplier's systems."),
    ("p", "Therefore the balance test favours non-disclosure."),
]


def _write(path: Path) -> Path:
    """The BLOCKS draft in the format the suffix names."""
    suffix = path.suffix
    if suffix == ".txt":
        path.write_text("\n\n".join(text for _, text in BLOCKS) + "\n", encoding="utf-8")
    elif suffix == ".md":
        path.write_text("\n\n".join(("## " if kind == "h" else "") + text for kind, text in BLOCKS) + "\n")
    elif suffix == ".html":
        body = "".join(f"<h2>{t}</h2>" if k == "h" else f"<p>{t}</p>" for k, t in BLOCKS)
        path.write_text(f"<html><body><nav>Home</nav><main>{body}</main></body></html>", encoding="utf-8")
    elif suffix == ".docx":
        document = docx.Document()
        document.core_properties.author = document.core_properties.comments = ""  # no personal metadata
        for kind, text in BLOCKS:
            (add_bold_heading(document, text) if kind == "h" else document.add_paragraph(text))
        document.save(str(path))
    elif suffix == ".pdf":
        make_pdf(path, BLOCKS)
    return path


@pytest.mark.parametrize("suffix", [".txt", ".md", ".docx", ".pdf", ".html"])
def test_json_contract_for_every_format(tmp_path: Path, suffix: str):
    draft = _write(tmp_path / f"draft{suffix}")
    result = run_pitlint("check", "--format", "json", draft)
    assert result.code == 1, result.stderr
    assert result.stderr == ""
    data = result.json
    assert data["pitlint_version"] == __version__
    (file,) = data["files"]
    assert (file["path"], file["error"]) == (str(draft), None)
    assert file["stats"] == {
        "paragraphs": 6,
        "reused_fraction": 0.0,
        "identical_to": None,
        "silenced": 0,
        "baselined": 0,
    }
    missing, empty = file["findings"]
    keys = FINDING_KEYS + (["page"] if suffix == ".pdf" else [])
    assert list(missing) == keys and list(empty) == keys
    assert {k: missing[k] for k in FINDING_KEYS} == {
        "code": "PIT104",
        "name": "missing-balancing-test",
        "category": "structure",
        "severity": "error",
        "message": "No balancing test: the factors are never weighed against each other.",
        "excerpt": "",
        "line": None,
        "column": None,
        "end_line": None,
        "end_column": None,
        "paragraph": None,
        "section": "balancing",
        "suggestion": 'Add a "Balancing test" that weighs the factors for and against and says which way '
        "the balance falls.",
        "source": None,
        "fix": None,  # a missing section has no words to replace
    }
    assert (empty["code"], empty["severity"], empty["section"], empty["paragraph"], empty["excerpt"]) == (
        "PIT106",
        "warning",
        "favouring",
        3,
        "Factors favouring disclosure",
    )
    expected_position = {
        ".txt": (5, 1, 5, 28),
        ".md": (5, 4, 5, 31),
        ".html": (1, None, 1, None),
        ".docx": (None, None, None, None),
        ".pdf": (None, None, None, None),
    }[suffix]
    position = (empty["line"], empty["column"], empty["end_line"], empty["end_column"])
    if suffix == ".html":
        assert (position[0], position[2]) == (1, 1)
    else:
        assert position == expected_position
    if suffix == ".pdf":
        assert empty["page"] == 1


def test_text_report_lists_each_finding_with_a_summary(tmp_path: Path):
    draft = _write(tmp_path / "draft.txt")
    result = run_pitlint("check", draft)
    assert result.code == 1
    assert result.stdout == (
        f"{draft} (6 paragraphs, 0% reused)\n\n"
        f"{draft}: PIT104 [error] No balancing test: the factors are never weighed against each other.\n"
        '  help: Add a "Balancing test" that weighs the factors for and against and says which way the balance '
        "falls.\n\n"
        f'{draft}:5:1: PIT106 [warning] The "Factors favouring disclosure" section is empty.\n'
        "  | Factors favouring disclosure\n"
        "  | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
        "  help: Write the section, or remove the heading if the template does not apply.\n\n"
        "2 findings in 1 file (1 error, 1 warning, 0 info).\n"
        "Run `pitlint explain CODE` to see what a rule checks and how to fix it.\n"
    )


def test_exit_codes_and_fail_on(tmp_path: Path):
    draft = _write(tmp_path / "draft.txt")
    assert run_pitlint("check", draft).code == 1
    assert run_pitlint("check", "--fail-on", "never", draft).code == 0
    assert run_pitlint("check", "--ignore", "PIT104", draft).code == 0  # only a warning left
    assert run_pitlint("check", "--ignore", "PIT104", "--fail-on", "warning", draft).code == 1
    assert run_pitlint("check", SEEDS["004"]).code == 0
    bad = run_pitlint("check", "--fail-on", "sometimes", draft)
    assert bad.code == 2 and "Traceback" not in bad.stderr


def test_select_and_ignore_count_what_they_silence(tmp_path: Path):
    draft = _write(tmp_path / "draft.txt")
    ignored = run_pitlint("check", "-f", "json", "--ignore", "missing-balancing-test", draft).json["files"][0]
    assert [f["code"] for f in ignored["findings"]] == ["PIT106"]
    assert ignored["stats"]["silenced"] == 1
    selected = run_pitlint("check", "-f", "json", "--select", "PIT104,PIT105", draft).json["files"][0]
    assert [f["code"] for f in selected["findings"]] == ["PIT104"]
    assert selected["stats"]["silenced"] == 1
    by_category = run_pitlint("check", "-f", "json", "--ignore", "structure", draft).json["files"][0]
    assert (by_category["findings"], by_category["stats"]["silenced"]) == ([], 2)
    unknown = run_pitlint("check", "--select", "PIT999", draft)
    assert unknown.code == 2
    assert unknown.stderr.startswith("pitlint: unknown rule selector 'PIT999'")
    assert unknown.stdout == ""


def test_unreadable_files_are_reported_and_the_others_still_checked(tmp_path: Path):
    good = _write(tmp_path / "good.txt")
    corrupt = tmp_path / "corrupt.docx"
    corrupt.write_bytes(b"PK\x03\x04 definitely not a real zip")
    unsupported = tmp_path / "notes.pages"
    unsupported.write_text("{\\rtf1}")
    result = run_pitlint("check", "--format", "json", corrupt, good, unsupported, tmp_path / "missing.pdf")
    assert result.code == 2
    assert result.stderr.splitlines() == [
        f"pitlint: {corrupt}: not a Word .docx file (it is not a zip package)",
        f"pitlint: {unsupported}: unsupported file type '.pages' (pitlint reads .docx, .pdf, .md, .txt and .html; "
        ".doc, .odt and .rtf through LibreOffice)",
        f"pitlint: {tmp_path / 'missing.pdf'}: no such file or folder",
    ]
    files = result.json["files"]
    assert [(f["path"], f["error"] is None) for f in files] == [
        (str(corrupt), False),
        (str(good), True),
        (str(unsupported), False),
        (str(tmp_path / "missing.pdf"), False),
    ]
    assert files[0] == {
        "path": str(corrupt),
        "error": "not a Word .docx file (it is not a zip package)",
        "stats": None,
        "findings": [],
    }
    assert [f["code"] for f in files[1]["findings"]] == ["PIT104", "PIT106"]
    text = run_pitlint("check", corrupt, good)
    assert text.code == 2 and "Traceback" not in text.stderr + text.stdout
    assert f"{corrupt}: cannot be checked: not a Word .docx file" in text.stdout


def test_folders_are_searched_for_drafts(tmp_path: Path):
    _write(tmp_path / "a.txt")
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub" / "b.docx")
    (tmp_path / ".git").mkdir()
    _write(tmp_path / ".git" / "c.txt")
    _write(tmp_path / "~$b.docx")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    result = run_pitlint("check", "-f", "json", tmp_path)
    assert [f["path"] for f in result.json["files"]] == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.docx")]


def test_configuration_files(tmp_path: Path):
    project = tmp_path / "project"
    drafts = project / "drafts"
    drafts.mkdir(parents=True)
    _write(drafts / "draft.txt")
    (project / "pyproject.toml").write_text('[tool.pitlint]\nignore = ["PIT104"]\nformat = "json"\n')
    result = run_pitlint("check", "draft.txt", cwd=drafts)
    assert result.code == 0
    assert result.json["files"][0]["stats"]["silenced"] == 1
    assert run_pitlint("check", "--format", "text", "draft.txt", cwd=drafts).stdout.startswith("draft.txt (6")
    (drafts / ".pitlint.toml").write_text('fail-on = "warning"\n')  # the nearest file wins
    assert run_pitlint("check", "draft.txt", cwd=drafts).code == 1
    assert run_pitlint("check", "--fail-on", "never", "draft.txt", cwd=drafts).code == 0  # the command line wins
    explicit = tmp_path / "team.toml"
    explicit.write_text('select = ["PIT106"]\nfail-on = "never"\n')
    result = run_pitlint("check", "--config", explicit, "-f", "json", "draft.txt", cwd=drafts)
    assert (result.code, [f["code"] for f in result.json["files"][0]["findings"]]) == (0, ["PIT106"])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('fail_on = "never"\n', "unknown key 'fail_on' in .pitlint.toml (did you mean 'fail-on'?)"),
        ('fail-on = "sometimes"\n', "'fail-on' in .pitlint.toml must be one of error, warning, info, never"),
        ("ignore = 104\n", "'ignore' in .pitlint.toml must be a list of rule codes, names or categories"),
        ("ignore = [\n", "not valid TOML"),
    ],
)
def test_bad_configuration_is_one_clear_line(tmp_path: Path, content: str, message: str):
    _write(tmp_path / "draft.txt")
    (tmp_path / ".pitlint.toml").write_text(content)
    result = run_pitlint("check", "draft.txt", cwd=tmp_path)
    assert result.code == 2
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"pitlint: {tmp_path / '.pitlint.toml'}: ")
    assert message in result.stderr


def test_output_file(tmp_path: Path):
    draft = _write(tmp_path / "draft.txt")
    out = tmp_path / "report.json"
    result = run_pitlint("check", "-f", "json", "-o", out, draft)
    assert (result.code, result.stdout) == (1, "")
    assert '"code": "PIT104"' in out.read_text()


def test_version_rules_and_explain():
    assert run_pitlint("--version").stdout == f"pitlint {__version__}\n"
    listing = run_pitlint("rules")
    assert listing.code == 0
    rows = [line.split()[:4] for line in listing.stdout.splitlines()[2:] if line.startswith("PIT")]
    assert rows[:6] == [
        ["PIT101", "missing-harm", "structure", "error"],
        ["PIT102", "missing-favouring-factors", "structure", "error"],
        ["PIT103", "missing-against-factors", "structure", "error"],
        ["PIT104", "missing-balancing-test", "structure", "error"],
        ["PIT105", "missing-conclusion", "structure", "error"],
        ["PIT106", "empty-section", "structure", "warning"],
    ]
    for key in ("PIT104", "pit104", "missing-balancing-test"):
        explained = run_pitlint("explain", key)
        assert explained.code == 0
        assert explained.stdout.startswith("PIT104 missing-balancing-test (structure, error by default)")
        assert "\nBad:\n    " in explained.stdout and "\nGood:\n    Balancing test" in explained.stdout
        assert "--ignore PIT104" in explained.stdout
    unknown = run_pitlint("explain", "PIT999")
    assert (unknown.code, unknown.stderr) == (2, "pitlint: unknown rule 'PIT999' (see `pitlint rules`)\n")


def test_every_rule_is_documented():
    from pitlint.findings import all_rules

    for rule in all_rules():
        assert rule.code.startswith("PIT") and len(rule.code) == 6
        assert rule.name == rule.name.lower() and " " not in rule.name
        assert rule.summary and rule.explanation and rule.bad and rule.good and rule.bad != rule.good


@pytest.mark.parametrize("command", [["--version"], ["rules"], ["explain", "PIT104"]])
def test_start_up_imports_nothing_heavy(command: list[str]):
    """`pitlint --version` and `pitlint rules` must not pay for numpy, datasketch or the readers."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "pitlint", *command],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=60,
    )
    assert done.returncode == 0
    imported = {line.split("|")[-1].strip().split(".")[0] for line in done.stderr.splitlines() if "|" in line}
    heavy = {"numpy", "scipy", "datasketch", "docx", "pdfminer", "bs4", "lxml", "rapidfuzz", "fpdf"}
    assert imported & heavy == set()
    assert "pitlint" in imported


def test_a_check_against_a_folder_loads_nothing_of_the_shared_index(tmp_path: Path):
    """The shared (Redis) index and its client are imported only when an address is given."""
    draft = tmp_path / "draft.txt"
    draft.write_text("Harm\n\nThe Police Service is charged with enforcing the law.\n", encoding="utf-8")
    corpus = Path(__file__).parents[1] / "corpus"
    command = [sys.executable, "-X", "importtime", "-m", "pitlint", "check", "--corpus", str(corpus), str(draft)]
    subprocess.run(command, capture_output=True, timeout=120)  # builds the folder's index into the cache
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr[-500:]  # the draft has no balancing test
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert "pitlint.reuse.matching" in imported  # the draft was compared with the corpus
    assert {name for name in imported if name.startswith(("pitlint.reuse.shared.", "redis"))} == set()
    # nor what only building an index, or a newer typer, needs: MinHash (datasketch, scipy), numpy
    # (a small index's arrays are read as memoryviews), pydantic; nor, with the packs' parses cached, YAML
    unwanted = {"datasketch", "scipy", "pydantic", "numpy", "yaml"}
    probe = "import sys, rapidfuzz.process; print('numpy' in sys.modules)"
    if (
        subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60).stdout.strip()
        == "True"
    ):
        unwanted.discard("numpy")  # (rapidfuzz before 3.x's later releases imports numpy with itself)
    assert {name.split(".")[0] for name in imported} & unwanted == set()


def test_example_draft_shipped_with_the_readme():
    example = Path(__file__).parents[1] / "examples" / "foi-1187-draft.docx"
    result = run_pitlint("check", "--format", "json", example)
    assert result.code == 1
    findings = result.json["files"][0]["findings"]
    assert [(f["code"], f["paragraph"]) for f in findings] == [
        ("PIT104", None),
        ("PIT704", None),
        ("PIT602", 5),
        ("PIT301", 9),  # in reading order: the copied sentence starts before the words flagged in it
        ("PIT201", 9),
        ("PIT601", 10),
        ("PIT701", 10),  # a finding on the paragraph as a whole comes after those on its words
        ("PIT301", 14),
        ("PIT302", 14),  # the known wrong phrase is the same slip: reported once
        ("PIT501", 14),  # superseded, and linked over http: reported once
        ("PIT701", 14),
        ("PIT702", 15),
        ("PIT301", 17),
    ]
    drift = findings[8]
    assert (drift["excerpt"], drift["suggestion"]) == (
        "and protection the communities",
        "and protecting the communities",
    )


def test_text_report_fits_the_terminal(tmp_path: Path):
    """Wrapped at $COLUMNS, between words: every word of the report is still there, in order."""
    _write(tmp_path / "draft.txt")
    wide = run_pitlint("check", "draft.txt", cwd=tmp_path).stdout  # COLUMNS=200: nothing wrapped
    for columns in (80, 120):
        done = subprocess.run(
            [sys.executable, "-m", "pitlint", "check", "draft.txt"],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=dict(os.environ, COLUMNS=str(columns), NO_COLOR="1"),
        )
        assert max(len(line) for line in done.stdout.splitlines()) <= columns, columns
        assert done.stdout.split() == wide.split()
    assert max(len(line) for line in wide.splitlines()) > 80  # so the test above wrapped something


def test_the_readme_lists_every_rule_as_the_registry_has_it():
    """The rules table in the README is the registry: same codes, names, categories, severities, summaries."""
    import re

    from pitlint.findings import all_rules

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (PIT\d+) \| ([\w-]+) \| ([\w-]+) \| (\w+) \| (.*) \|$", readme, re.MULTILINE)
    assert rows == [(r.code, r.name, r.category.value, r.severity.value, r.summary) for r in all_rules()]
