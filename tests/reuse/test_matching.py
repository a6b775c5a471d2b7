"""The seeds checked one at a time against the other four: every shared passage found with its
right source (checked against an exhaustive rapidfuzz search), the typo shown as drift with the
majority wording, and nothing unique to a seed reported as reused."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest

from pitlint.config import Config
from pitlint.engine import check
from pitlint.outline import is_heading
from pitlint.readers import read
from pitlint.reuse import index as index_module
from pitlint.reuse import text
from pitlint.reuse.matching import Slip, _score, analyse
from tests.conftest import SEEDS

NAMES = {"000": "502A-22", "001": "624A-23", "002": "seed-002", "003": "seed-003", "004": "seed-004"}


@pytest.fixture(scope="module")
def full_index(tmp_path_factory) -> index_module.Index:
    """All five seeds (the shipped manifest names them)."""
    corpus = Path(SEEDS["000"]).parent
    target = tmp_path_factory.mktemp("index") / "seeds"
    index_module.build(corpus, target)
    opened = index_module.Index.open(target)
    yield opened
    opened.close()


def _sentences(path: Path) -> list[tuple[int, text.Sentence]]:
    return [
        (paragraph.index, sentence)
        for paragraph in read(path).paragraphs
        if not is_heading(paragraph)
        for sentence in text.passages(paragraph.text)
        if text.substantive(paragraph.text[sentence.start : sentence.end])
    ]


def _truth(seed: str) -> dict[tuple[int, int], set[str]]:
    """Exhaustive search: for each sentence of the seed, the other seeds holding a sentence that
    scores as a copy."""
    others = {NAMES[key]: [s.norm for _, s in _sentences(path)] for key, path in SEEDS.items() if key != seed}
    truth = {}
    for paragraph, sentence in _sentences(SEEDS[seed]):
        sources = {name for name, norms in others.items() if any(_score(sentence.norm, n) for n in norms)}
        if sources:
            truth[(paragraph, sentence.start)] = sources
    return truth


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_every_shared_passage_is_found_with_its_source(seed: str, full_index):
    analysis = analyse(read(SEEDS[seed]), full_index)
    assert analysis.identical_to == NAMES[seed]  # recognised, and left out of its own sources
    assert analysis.corpus_documents == 4
    found = {(m.paragraph.index, m.sentence.start): m for run in analysis.runs for m in run.matches}
    truth = _truth(seed)
    assert set(found) == set(truth), seed  # nothing missed, and nothing unique to the seed reported
    for key, match in found.items():
        assert {o.document for o in match.occurrences} <= truth[key] | {NAMES[seed]}
        assert NAMES[seed] not in {o.document for o in match.occurrences}
    for run in analysis.runs:
        assert run.document in set().union(*(truth[(m.paragraph.index, m.sentence.start)] for m in run.matches))
    assert 0 < analysis.reused_fraction < 1


def test_the_typo_is_drift_with_the_majority_wording(full_index):
    analysis = analyse(read(SEEDS["002"]), full_index)
    (slip,) = analysis.slips
    assert slip.paragraph.text[slip.start : slip.end] == "and protection the communities"
    assert (slip.approved, slip.majority, slip.total) == ("and protecting the communities", 4, 4)
    for seed in ("000", "001", "003", "004"):
        assert analyse(read(SEEDS[seed]), full_index).slips == []


def test_seed_against_an_index_of_the_other_four(tmp_path: Path):
    """The same result with the seed really absent from the corpus."""
    corpus = tmp_path / "four"
    corpus.mkdir()
    for key, path in SEEDS.items():
        if key != "002":
            shutil.copy(path, corpus / path.name)
    shutil.copy(Path(SEEDS["000"]).parent / "manifest.json", corpus)
    index_module.build(corpus, tmp_path / "index")
    opened = index_module.Index.open(tmp_path / "index")
    analysis = analyse(read(SEEDS["002"]), opened)
    opened.close()
    assert analysis.identical_to is None and analysis.corpus_documents == 4
    assert {(m.paragraph.index, m.sentence.start) for r in analysis.runs for m in r.matches} == set(_truth("002"))
    (slip,) = analysis.slips
    assert (slip.approved, slip.majority, slip.total) == ("and protecting the communities", 4, 4)


def test_drift_through_the_engine_in_a_word_draft(tmp_path: Path):
    document = docx.Document()
    document.add_paragraph("Balancing Test")
    document.add_paragraph(
        "The Police Service is charged with enforcing the law, preventing and detecting crime and protection "
        "the communities we serve. Naming the drone supplier would tell offenders which flight times the "
        "force relies on."
    )
    path = tmp_path / "draft.docx"
    document.save(str(path))
    (report,) = check([path], Config(select=("boilerplate", "drift"))).files
    copied, drift = report.findings
    # copied word for word from the one PIT that has the slip; the majority says otherwise
    assert (copied.rule.code, copied.location.paragraph, copied.source["document"]) == ("PIT301", 2, "seed-002")
    assert copied.excerpt == (
        "The Police Service is charged with enforcing the law, preventing and detecting crime and protection "
        "the communities we serve."
    )
    assert copied.message == "Passage copied from issued PIT seed-002 (similarity 1.00)"
    assert (drift.rule.code, drift.severity.value, drift.excerpt) == (
        "PIT302",
        "warning",
        "and protection the communities",
    )
    assert drift.suggestion == "and protecting the communities"
    assert report.reused_fraction == round(19 / 33, 3)  # words of reused sentences / words of the body


def test_deliberate_tailoring_is_not_drift(tmp_path: Path):
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "The Police Service is charged with enforcing the law, preventing and detecting crime and protecting "
        "the vulnerable communities we serve.\n\nAs part of that policing purpose, information is gathered which "
        "can be highly sensitive relating to drone operations.\n",
        encoding="utf-8",
    )
    (report,) = check([draft], Config(select=("boilerplate", "drift"))).files
    assert [f.rule.code for f in report.findings] == ["PIT301", "PIT301"]


def test_new_wording_is_never_flagged(tmp_path: Path):
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Harm\n\nNaming the make of drone would be likely to prejudice the prevention of crime, because "
        "offenders could look up its flight time and camera range.\n\nFactors favouring disclosure\n\nThe "
        "public would see how much the force spends on drones and whether they are good value.\n",
        encoding="utf-8",
    )
    (report,) = check([draft], Config(select=("boilerplate", "drift", "generic"))).files
    assert (report.findings, report.reused_fraction) == ([], 0.0)


def test_the_source_of_a_run_does_not_depend_on_the_process(tmp_path: Path):
    """Many issued PITs share whole runs of boilerplate; which one a run is cited from must be the
    same in every process (string hashing differs between processes)."""
    import json
    import os
    import subprocess
    import sys

    from benchmarks.generate import generate

    corpus = tmp_path / "corpus"
    generate(corpus, 150, seed=3)
    index_module.build(corpus, tmp_path / "index")
    command = [sys.executable, "-m", "pitlint", "check", "--format", "json", "--select", "boilerplate"]
    command += ["--corpus", str(tmp_path / "index"), f"{corpus}.draft.txt", *map(str, SEEDS.values())]
    outputs = []
    for seed in ("1", "2", "3"):
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            env=dict(os.environ, PYTHONHASHSEED=seed),
        )
        outputs.append(json.loads(done.stdout)["files"])
    sources = [f["source"]["document"] for file in outputs[0] for f in file["findings"]]
    assert len(sources) > 20 and len(set(sources)) > 5
    assert outputs[1] == outputs[0] and outputs[2] == outputs[0]


def test_a_short_issued_sentence_inside_a_long_draft_one_is_not_a_copy():
    heading = text.normalise("Harm in confirming or denying that information is held by the force")
    long_sentence = text.normalise(
        "The harm in confirming or denying that information is held by the force was weighed by the team "
        "against the benefit to the public of knowing how the drones were bought and flown last year"
    )
    assert _score(long_sentence, heading) == 0.0
    # a draft sentence cut from a longer issued one is still a copy
    assert _score(heading, long_sentence) >= 90


def test_links_and_citation_lines_are_not_passages():
    assert not text.substantive("https://www.college.police.uk/app/information-management/freedom-of-information")
    assert not text.substantive("Section 24(2) National Security and Section 31(3) Law Enforcement.")
    assert text.substantive("A copy of the policy can be found at https://www.college.police.uk/app/")


SHARED = (
    "The Police Service is charged with enforcing the law, preventing and detecting crime and protecting "
    "the communities we serve across the whole of the force area."
)


@pytest.fixture(scope="module")
def four_pits(tmp_path_factory) -> Path:
    """Four issued PITs that word one sentence the same way."""
    corpus = tmp_path_factory.mktemp("four")
    topics = ("drones", "tasers", "vehicles", "software")
    for number, topic in enumerate(topics):
        (corpus / f"{number}.txt").write_text(
            f"Harm\n\nNaming the {topic} supplier would let offenders plan around the force.\n\n"
            f"Balancing test\n\n{SHARED}\n",
            encoding="utf-8",
        )
    index_module.build(corpus, corpus / ".pitlint-index")
    return corpus


@pytest.mark.parametrize(
    ("variant", "expected"),
    [
        ("and protection the communities", [("PIT302", "and protection the communities")]),  # "protection the"
        ("and protecting the comunities", [("PIT302", "the comunities we serve")]),  # not a word
        ("and protecting the communities that", []),  # "that" added: usual English either way
        ("and protecting all the communities", []),  # tailored
    ],
)
def test_drift_is_a_difference_that_reads_worse(tmp_path: Path, four_pits: Path, variant: str, expected):
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Balancing test\n\n"
        + SHARED.replace("and protecting the communities", variant).replace("it serves we serve", "it serves")
        + "\n",
        encoding="utf-8",
    )
    (report,) = check([draft], Config(select=("drift", "typo"), corpus=str(four_pits))).files
    assert [(f.rule.code, f.excerpt) for f in report.findings] == expected
    for finding in report.findings:
        assert "where 4 of 4 issued PITs say" in finding.message
        assert finding.suggestion == finding.fix.replacement and finding.suggestion in SHARED


def test_a_copy_with_invisible_characters_and_look_alike_letters_is_still_found(tmp_path: Path):
    """Soft hyphens, zero-width spaces, a Cyrillic "і" and a ligature make a copy look new to a
    plain comparison; matching reads the plain words, and the finding points at the draft's own
    characters."""
    copied = (
        "As part of that policing purpose, information is gathered which can be highly sensitive relating to "
        "high profile investigative activity."
    )
    # a soft hyphen or a zero-width space in every longer word, a Cyrillic "і", a ligature
    disguised = " ".join(
        word[:1] + ("\u00ad" if number % 2 else "\u200b") + word[1:] if len(word) > 1 else word
        for number, word in enumerate(copied.replace("sensi", "sens\u0456").replace("profile", "pro\ufb01le").split())
    )
    for sentence in (copied, disguised):
        draft = tmp_path / "draft.txt"
        draft.write_text(f"Balancing test\n\n{sentence}\n", encoding="utf-8")
        (report,) = check([draft], Config(select=("PIT301",))).files
        (finding,) = report.findings
        assert finding.rule.code == "PIT301"
        assert finding.excerpt == sentence
        assert (finding.location.line, finding.location.column) == (3, 1)


def test_plain_and_vectorised_search_give_the_same_candidates(full_index, monkeypatch: pytest.MonkeyPatch):
    """A small index is searched and its candidates ranked in plain Python, a large one with numpy:
    the same (sentence, passage, weight) triples, and the same analysis of every seed."""
    import random

    from pitlint.reuse import matching
    from pitlint.reuse.fingerprints import fingerprints_of_many

    sentences = [
        text.normalise(paragraph.text[s.start : s.end]).split()
        for seed in SEEDS.values()
        for paragraph in read(seed).paragraphs
        for s in text.sentences(paragraph.text)
    ]
    generator = random.Random(5)
    sentences += [generator.choices([w for s in sentences for w in s], k=12) for _ in range(200)]
    prints, owners = fingerprints_of_many(sentences)
    plain = full_index.lookup(prints, owners)
    vectorised = full_index._lookup_vectorised(prints, owners)
    assert len(plain[0]) > 1000
    assert list(plain) == [a.tolist() for a in vectorised]  # in the same order: weights are summed in it
    from pitlint.reuse.folder import reader

    for seed in SEEDS.values():
        document = read(seed)
        analyses = []
        for index_from, ranking_from in ((10**9, 10**9), (0, 10**9), (10**9, 0), (0, 0)):
            monkeypatch.setattr(reader, "VECTORISED_QUERIES", index_from)
            monkeypatch.setattr(matching, "VECTORISED_POSTINGS", ranking_from)
            analyses.append(analyse(document, full_index))
        assert all(found == analyses[0] for found in analyses[1:])
        assert analyses[0].runs
    assert matching._ranked_vectorised([], [], []) == []


def test_wording_said_of_another_speaker_does_not_read_worse():
    """ "the communities it serves" for "the communities we serve": English pairs "communities it"
    too rarely for the counts, but a pronoun and its verb changed together are the subject's choice."""
    from pitlint.checks import Context, drift
    from pitlint.document import Paragraph

    paragraph = Paragraph("protecting the communities it serves", 1)
    approved = ("the", "communities", "we", "serve")
    context = Context(Config())

    def worse(*draft_words: str) -> bool:
        slip = Slip(paragraph, 0, len(paragraph.text), " ".join(approved), 5, 5, 0, "", draft_words, approved)
        return drift._worse(slip, context)

    assert worse("the", "communities", "it", "serves") is False
    assert worse("the", "communities", "we", "sevre") is True  # (a word no dictionary has still reads worse)
