"""PIT507: legislation cited by a title it does not have."""

from __future__ import annotations

from pathlib import Path

import pytest

from pitlint.config import Config
from pitlint.engine import check
from pitlint.errors import ConfigError
from pitlint.packs import load


def _found(tmp_path: Path, text: str, **config) -> list[tuple]:
    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    (report,) = check([draft], Config(select=("PIT507",), **config)).files
    assert report.error is None
    return [(f.location.line, f.location.column, f.excerpt, f.suggestion, f.message) for f in report.findings]


def test_a_title_with_its_words_reordered_or_dropped(tmp_path: Path):
    text = (
        "The limit is set by the Freedom of Information (Fees and Appropriate Limit) Regulations 2004.\n\n"
        "Section 12 of the Freedom Information Act 2000 applies.\n"
    )
    fees = "Freedom of Information and Data Protection (Appropriate Limit and Fees) Regulations 2004"
    assert _found(tmp_path, text) == [
        (
            1,
            25,
            "Freedom of Information (Fees and Appropriate Limit) Regulations 2004",
            fees,
            '"Freedom of Information (Fees and Appropriate Limit) Regulations 2004" is not a title the law has: '
            f"did you mean the {fees}?",
        ),
        (
            3,
            19,
            "Freedom Information Act 2000",
            "Freedom of Information Act 2000",
            '"Freedom Information Act 2000" is not a title the law has: did you mean the Freedom of Information '
            "Act 2000?",
        ),
    ]


def test_the_title_starts_with_a_word_of_its_own(tmp_path: Path):
    text = "Section 31 Law Enforcement and the Freedom of Information (Fees and Appropriate Limit) Regulations 2004.\n"
    found = _found(tmp_path, text)
    assert [f[:4] for f in found] == [
        (
            1,
            36,
            "Freedom of Information (Fees and Appropriate Limit) Regulations 2004",
            "Freedom of Information and Data Protection (Appropriate Limit and Fees) Regulations 2004",
        )
    ]


def test_titles_written_as_enacted_or_unknown_or_of_another_year_pass(tmp_path: Path):
    text = (
        "Under Section 12 of the Freedom of Information(FOI) Act 2000, the Freedom of Information (FoI) Act 2000 "
        "and the Terrorism Act 2000, the FOI Act 2000 "
        "applies. The Anti-social Behaviour, Crime and Policing Act 2014 and the Criminal Justice Act 1988 "
        "apply. The Freedom of Information (Scotland) Act 2000 is cited with the wrong year, which is not "
        "this rule's to guess.\n"
    )
    assert _found(tmp_path, text) == []


def test_the_requesters_words_are_left_alone(tmp_path: Path):
    text = (
        "Your request:\n\nUnder the Freedom of Information (Fees and Appropriate Limit) Regulations 2004, "
        "what is the limit?\n\nOur response:\n\nThe limit is 450 pounds.\n"
    )
    assert _found(tmp_path, text) == []


def test_a_team_adds_titles_and_bad_ones_are_refused(tmp_path: Path):
    pack = tmp_path / "team.yaml"
    pack.write_text("legislation:\n  - Local Government Act 1972\n", encoding="utf-8")
    text = "Under the Local Government Acts 1972 and the Local Government Act 1972 we act.\n"
    assert _found(tmp_path, text, rules=(pack,)) == []
    slip = "Under the Local Goverment Act 1972 we act.\n"
    assert [f[:4] for f in _found(tmp_path, slip, rules=(pack,))] == [
        (1, 11, "Local Goverment Act 1972", "Local Government Act 1972")
    ]
    pack.write_text("legislation:\n  - Local Government Act\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load((pack,))
    assert str(raised.value) == (
        f"{pack}: legislation: must be a list of titles ending in Act, Regulations, Order or Rules, and a year"
    )


def test_titles_compared_per_draft_are_bounded(tmp_path: Path):
    text = "".join(f"Paragraph {n} cites the Freedom Information Act 2000.\n\n" for n in range(250))
    found = _found(tmp_path, text)
    assert len(found) == 200  # MAX_CITED: a hostile file is not compared title by title
    assert found[-1][:3] == (399, 25, "Freedom Information Act 2000")


def test_a_title_without_its_act(tmp_path: Path):
    """ "the Freedom of Information 2000" leaves "Act" out; "Information 2000 was a year" and "in
    Freedom of Information Act 2000" are right."""
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "It is exempt under the Freedom of Information 2000 (the Act). The Freedom of Information Act 2000 "
        "applies. Figures for 2000 are held.\n",
        encoding="utf-8",
    )
    (report,) = check([draft], Config(select=("PIT507",))).files
    assert [(f.location.column, f.excerpt, f.suggestion, f.message) for f in report.findings] == [
        (
            24,
            "Freedom of Information 2000",
            "Freedom of Information Act 2000",
            '"Freedom of Information 2000" leaves out a word of the title: the Freedom of Information Act 2000.',
        )
    ]


def test_a_title_without_its_act_only_where_the_title_is_the_whole_run(tmp_path: Path):
    """ "the Freedom of Information 2000 Act" has its kind (after the year: another slip); "The Dorset
    Police 1996 annual report" is no Police Act 1996."""
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "It is exempt under the Freedom of Information 2000 Act. The Dorset Police 1996 annual report is held.\n",
        encoding="utf-8",
    )
    (report,) = check([draft], Config(select=("PIT507",))).files
    assert [f.excerpt for f in report.findings] == []
