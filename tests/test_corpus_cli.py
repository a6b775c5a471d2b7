"""`pitlint corpus build|add|stats` and `check --corpus`, as users run them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import CORPUS, run_pitlint

DRAFT = """Request: drone flight logs

Harm

Disclosure of flight logs would be likely to prejudice the prevention of crime, because offenders could
learn when the drones are in the air.

Factors favouring disclosure

The public would see how often drones fly over their streets.

Factors against disclosure

The Police Service is charged with enforcing the law, preventing and detecting crime and protection the
communities we serve.

Balancing Test

The public interest in knowing how often drones fly is outweighed by the risk to operations. Therefore the
balance test favours non-disclosure.
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "issued"
    shutil.copytree(CORPUS, folder)
    return folder


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_build_then_check_against_the_folder(corpus: Path, draft: Path):
    built = run_pitlint("corpus", "build", corpus)
    assert built.code == 0, built.stderr
    assert built.stdout.startswith("Indexed 5 PITs (112 distinct sentences, ")
    assert f"from {corpus} into {corpus / '.pitlint-index'} in " in built.stdout
    result = run_pitlint("check", "-f", "json", "--corpus", corpus, draft)
    assert result.stderr == ""  # the folder's own index is used: nothing to build
    file = result.json["files"][0]
    drift = [f for f in file["findings"] if f["code"] == "PIT302"]
    assert [(f["excerpt"], f["suggestion"], f["line"], f["column"], f["end_line"], f["end_column"]) for f in drift] == [
        ("and protection the communities", "and protecting the communities", 14, 86, 15, 11)
    ]
    copied = [f for f in file["findings"] if f["code"] == "PIT301"]
    assert [(f["line"], f["source"]["document"]) for f in copied] == [(14, "seed-002")]
    assert file["stats"]["reused_fraction"] == round(19 / 77, 3)  # one 19-word sentence of 77 body words


def test_check_builds_a_cached_index_for_a_plain_folder(corpus: Path, draft: Path, index_cache: Path):
    first = run_pitlint("check", "--corpus", corpus, "--select", "boilerplate", draft)
    assert first.code == 0
    assert first.stderr == f"pitlint: indexing {corpus} (once; kept in {index_cache})\n"
    second = run_pitlint("check", "--corpus", corpus, "--select", "boilerplate", draft)
    assert (second.stderr, second.stdout) == ("", first.stdout)


def test_add_extends_the_index(corpus: Path, tmp_path: Path):
    index = tmp_path / "team-index"
    assert run_pitlint("corpus", "build", corpus, "--index", index).code == 0
    new = tmp_path / "new.txt"
    new.write_text(
        "Public Interest Test 777B/26\n\nHarm\n\nReleasing the flight logs of the force's drones would let offenders "
        "time their crimes around patrols.\n",
        encoding="utf-8",
    )
    added = run_pitlint("corpus", "add", new, "--index", index)
    assert (added.code, added.stdout) == (0, f"Added 1 PIT to {index}: 777B-26.\n")
    again = run_pitlint("corpus", "add", new, "--index", index)
    assert again.code == 0 and "already in the index" in again.stderr
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Harm\n\nReleasing the flight logs of the force's drones would let offenders time their crimes around "
        "patrols.\n",
        encoding="utf-8",
    )
    result = run_pitlint("check", "-f", "json", "--select", "PIT301", "--corpus", index, draft)
    (finding,) = result.json["files"][0]["findings"]
    assert finding["message"] == "Passage copied from issued PIT 777B/26 (similarity 1.00)"
    assert finding["source"]["document"] == "777B-26"


def test_stats(corpus: Path):
    run_pitlint("corpus", "build", corpus)
    text = run_pitlint("corpus", "stats", "--index", corpus / ".pitlint-index", "--top", "2")
    assert text.code == 0
    assert "5 documents, 112 distinct sentences" in text.stdout
    assert "3: 502A-22, seed-003, seed-004" in text.stdout
    data = json.loads(run_pitlint("corpus", "stats", "--index", corpus, "--format", "json").stdout)
    top = data["reused"][0]
    assert top["documents"] == 5
    assert [(v["documents"], v["examples"]) for v in top["variants"]] == [
        (3, ["502A-22", "seed-003", "seed-004"]),
        (1, ["624A-23"]),
        (1, ["seed-002"]),
    ]


def test_corpus_problems_are_one_line_and_exit_2(corpus: Path, draft: Path, tmp_path: Path):
    missing = run_pitlint("check", "--corpus", tmp_path / "nowhere", draft)
    assert (missing.code, missing.stderr) == (2, f"pitlint: {tmp_path / 'nowhere'}: no such corpus folder or index\n")
    server = run_pitlint("check", "--corpus", "http://127.0.0.1:9/corpus", draft)
    assert (server.code, server.stderr) == (
        2,
        "pitlint: http://127.0.0.1:9/corpus: not a corpus folder, an index or a redis:// address\n",
    )
    index = tmp_path / "index"
    run_pitlint("corpus", "build", corpus, "--index", index)
    (corpus / "004_da1c3325b88c1ea3.txt").unlink()  # withdrawn since the index was built
    stale = run_pitlint("check", "--corpus", index, draft)
    assert stale.code == 2 and "stale index: the corpus folder" in stale.stderr
    assert "Traceback" not in stale.stderr
    (index / "index.sqlite").write_bytes(b"not a database")
    broken = run_pitlint("corpus", "stats", "--index", index)
    assert (broken.code, broken.stderr) == (
        2,
        f"pitlint: the index at {index} is damaged; rebuild it with `pitlint corpus build`\n",
    )
    no_index = run_pitlint("corpus", "add", draft, "--index", tmp_path / "none")
    assert no_index.code == 2 and "no index here" in no_index.stderr


def test_unreadable_files_in_a_corpus_are_reported_and_the_rest_indexed(corpus: Path):
    (corpus / "broken.docx").write_bytes(b"not a zip")
    result = run_pitlint("corpus", "build", corpus)
    assert result.code == 2
    assert result.stderr == f"pitlint: {corpus / 'broken.docx'}: not a Word .docx file (it is not a zip package)\n"
    assert result.stdout.startswith("Indexed 5 PITs")


def test_corpus_from_configuration(corpus: Path, draft: Path):
    project = draft.parent
    (project / ".pitlint.toml").write_text(f'corpus = "{corpus.name}"\nselect = ["drift"]\n')
    run_pitlint("corpus", "build", corpus)
    result = run_pitlint("check", "-f", "json", draft.name, cwd=project)
    assert [f["code"] for f in result.json["files"][0]["findings"]] == ["PIT302"]


def test_an_empty_corpus_folder_is_one_line_not_an_empty_corpus(tmp_path: Path):
    empty = tmp_path / "issued"
    empty.mkdir()
    (empty / "notes.csv").write_text("not a PIT\n")
    draft = tmp_path / "draft.txt"
    draft.write_text("Harm\n\nDisclosure would harm the prevention of crime.\n", encoding="utf-8")
    checked = run_pitlint("check", draft, "--corpus", empty)
    assert (checked.code, checked.stdout) == (2, "")
    assert checked.stderr.endswith(
        f"pitlint: {empty}: no issued PITs in this folder (give a folder of .docx, .pdf, .md, .txt or .html PITs, "
        "or an index made by `pitlint corpus build`)\n"
    )
    built = run_pitlint("corpus", "build", empty, "--index", tmp_path / "index")
    assert (built.code, built.stderr) == (
        2,
        f"pitlint: {empty}: no issued PITs in this folder (.docx, .pdf, .md, .txt or .html); nothing to index\n",
    )
    assert not (tmp_path / "index").exists()


NEW_PIT = (
    "Public Interest Test 778C/26\n\nHarm\n\nPublishing the rota of the force's dog handlers would let offenders "
    "choose the nights with no dogs on patrol.\n"
)


def test_add_finds_the_index_of_the_folder_the_new_pit_is_in(corpus: Path, tmp_path: Path):
    assert run_pitlint("corpus", "build", corpus).code == 0
    new = corpus / "2026" / "778C-26.txt"
    new.parent.mkdir()
    new.write_text(NEW_PIT, encoding="utf-8")
    # run from the folder above the corpus, as a repo keeper would: the corpus's own index, not ./.pitlint-index
    added = run_pitlint("corpus", "add", new.relative_to(tmp_path), cwd=tmp_path)
    assert (added.code, added.stdout) == (0, f"Added 1 PIT to {corpus.resolve() / '.pitlint-index'}: 778C-26.\n")
    assert not (tmp_path / ".pitlint-index").exists()
    # --index takes the corpus folder as readily as the index inside it
    again = run_pitlint("corpus", "add", new, "--index", corpus)
    assert again.code == 0 and "already in the index" in again.stderr


def test_an_index_built_in_a_sub_folder_does_not_stale_its_parents(corpus: Path, draft: Path):
    assert run_pitlint("corpus", "build", corpus).code == 0
    sub = corpus / "2026"
    sub.mkdir()
    (sub / "778C-26.txt").write_text(NEW_PIT, encoding="utf-8")
    assert run_pitlint("corpus", "add", sub / "778C-26.txt", "--index", corpus).code == 0
    assert run_pitlint("corpus", "build", sub).code == 0  # the sub-folder's own index, inside the corpus
    result = run_pitlint("check", "--corpus", corpus / ".pitlint-index", "--select", "boilerplate", draft)
    assert (result.code, result.stderr) == (0, "")  # not stale: the parent's PITs are as they were
