"""PIT415: a sentence left unfinished, in a Word draft's paragraphs and in plain text, where the
reader joins a paragraph that stops on "to" with the next."""

from __future__ import annotations

from pathlib import Path

import docx

from pitlint.config import Config
from pitlint.engine import check

CUT = "Confirmation or denial would allow those intent on causing harm to"
NEXT = "Responses under the Act are disclosures to the world, and any answer would be available to all."


def _found(draft: Path) -> list[tuple]:
    (report,) = check([draft], Config(select=("PIT415",))).files
    assert report.error is None
    return [(f.rule.code, f.location.line, f.location.column, f.excerpt) for f in report.findings]


def test_a_word_paragraph_that_stops_mid_sentence(tmp_path: Path):
    document = docx.Document()
    for text in ("Harm", CUT, NEXT, "Section 31(3) Law Enforcement", "We rely on the following exemption by virtue of"):
        document.add_paragraph(text)
    document.add_paragraph("Section 24(2) National Security")
    document.add_paragraph("The factors are weighed below, and the balance favours")
    document.add_paragraph("neither confirming nor denying that any information is held, as set out.")
    path = tmp_path / "draft.docx"
    document.save(path)
    (report,) = check([path], Config(select=("PIT415",))).files
    found = [(f.rule.code, f.location.paragraph, f.excerpt) for f in report.findings]
    # (a list carries "by virtue of" on; a paragraph in small letters carries the last one on)
    assert found == [("PIT415", 2, "to")]
    assert report.findings[0].message == (
        'The sentence stops on "to" and what follows starts anew: the rest of the sentence is missing'
    )


def test_a_plain_text_paragraph_cut_short_is_found_though_the_reader_joins_it(tmp_path: Path):
    draft = tmp_path / "draft.txt"
    draft.write_text(f"Harm\n\n{CUT}\n\n{NEXT}\n", encoding="utf-8")
    assert _found(draft) == [("PIT415", 3, 65, "to")]
    # a name after the break carries the sentence on
    named = f"Harm\n\n{CUT}\n\nKent Police officers and those who support them in the county.\n"
    draft.write_text(named, encoding="utf-8")
    assert _found(draft) == []
    # a rarer word that opens sentences, never a name ("Weighing these matters, ..."), starts anew
    for opener in (
        "Weighing these matters, the force has decided to withhold it.",
        "Accordingly, the force has decided to withhold the figures.",
    ):
        draft.write_text(f"Harm\n\nAny confirmation that a source was used in the operation would\n\n{opener}\n")
        assert _found(draft) == [("PIT415", 3, 58, "would")], opener


def test_a_list_or_a_question_after_the_cut_and_a_heading_run_into_its_text(tmp_path: Path):
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "The requested information is exempt from disclosure by virtue of\n\n"
        "Freedom of Information Act 2000 section 31(1)(a) and (b), Law Enforcement, and section 38(1)(a).\n\n"
        "We are able to provide the following information in relation to\n\n"
        "Question 1: The force has 14 drones, which are used for searches and at incidents.\n\n"
        "Evidence of Harm and\n\n"
        "Disclosure of the locations would allow offenders to avoid the cameras across the county.\n",
        encoding="utf-8",
    )
    assert _found(draft) == []


def test_headings_list_items_and_the_requesters_words_are_left_alone(tmp_path: Path):
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Request: Please tell me how many drones the force owns and what they are used for and\n\n"
        "Response\n\n"
        "a) the number of drones owned by the force in each year and\n\n"
        "Factors Favouring Disclosure Under Section 31 Of The\n\n"
        f"{NEXT}\n",
        encoding="utf-8",
    )
    assert _found(draft) == []


def test_one_finding_for_a_cut_sentence_and_the_words_run_together_across_it(tmp_path: Path):
    """ "... Code of Practice and the" / "Each decision ...": the reader runs "the Each" together,
    which is the same slip as the sentence cut short."""
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Harm\n\nVetting decisions are made in accordance with the Vetting Code of Practice and the\n\n"
        "Each decision is recorded, and an applicant who is refused may appeal to a senior officer.\n",
        encoding="utf-8",
    )
    (report,) = check([draft], Config(select=("typo",))).files
    assert [(f.rule.code, f.excerpt) for f in report.findings] == [("PIT415", "the")]


def test_a_sentence_cut_after_its_subject_and_auxiliary_before_a_heading(tmp_path: Path):
    """ "Where numbers are fewer than five we have" then the heading "Exemptions": a line ending on
    a subject and its auxiliary is no heading, and no sentence carries on into a heading."""
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Response\n\nThe figures for each year are shown in the table below.\n\n"
        "Where numbers are fewer than five we have\n\nExemptions\n\n"
        "Section 40(2) Personal Information applies to the small numbers.\n",
        encoding="utf-8",
    )
    assert _found(draft) == [("PIT415", 5, 38, "have")]
    draft.write_text(
        "Response\n\nThe figures for each year are shown in the table below, as fully as we can\n\n"
        "Exemptions\n\nSection 40(2) Personal Information applies to the small numbers.\n",
        encoding="utf-8",
    )
    assert _found(draft) == [("PIT415", 3, 72, "can")]
    draft.write_text(
        "Response\n\nThe table below lists every vehicle we have\n\nHarm\n\n"
        "Naming the vehicles would be likely to prejudice the prevention of crime.\n",
        encoding="utf-8",
    )
    assert _found(draft) == []  # (a clause of its own: only a subordinate one needs its main clause)


def test_a_preposition_left_at_the_end_of_its_clause_is_no_cut(tmp_path: Path):
    """ "the information you are looking for", "each one relates to": English leaves a preposition
    after its verb at a clause's end; after a noun ("would allow criminals to") it is a cut."""
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Harm\n\nOther organisations that may hold the information you are looking for\n\n"
        "Having searched its own systems, the force suggests that you contact the local authority.\n\n"
        "The questions you asked and the information that each one of them relates to\n\n"
        "Accordingly, each question is set out below with the information the force holds.\n"
    )
    assert _found(draft) == []
    draft.write_text(
        "Harm\n\nDisclosure of the locations of every camera would allow the criminals to\n\n"
        "Accordingly, the force will withhold the figures for each of the districts.\n"
    )
    assert [f[0] for f in _found(draft)] == ["PIT415"]


def test_a_sentence_whose_full_stop_follows_a_word_no_sentence_ends_on(tmp_path: Path):
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Disclosure would allow offenders to identify the. The plans would show the layout of the suite. "
        "Officers and staff rely on the cameras to. The plans are held on file.\n\n"
        "This is the information you asked for. We will provide it if we are able to. It is the system we "
        "rely on. Meet at 10 a.m. tomorrow. Press the key to mark a place as mark a. The queue is set up to "
        'submit the job to. The word "the". is quoted.\n',
        encoding="utf-8",
    )
    # (a preposition after a noun is left alone: "a legal obligation to.", "the records we have a licence for.")
    assert _found(draft) == [("PIT415", 1, 46, "the")]
    (report,) = check([draft], Config(select=("PIT415",))).files
    assert report.findings[0].message == (
        'The sentence stops on "the" before its full stop: the rest of the sentence is missing'
    )


def test_a_sentence_that_stops_on_a_determiner_after_that(tmp_path: Path):
    """ "is mindful that any." has lost the subject of its clause; "the figures, if any." and "we hold
    no record of any." are whole sentences."""
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "In reaching this decision the Constabulary is mindful that any. The harm is set out above in full.\n\n"
        "We have listed the figures for each year, if any. We hold no record of any. Officers were told that "
        "each. Staff are aware of that.\n",
        encoding="utf-8",
    )
    assert _found(draft) == [("PIT415", 1, 60, "any"), ("PIT415", 3, 101, "each")]


def test_a_relative_clause_stopped_on_its_auxiliary(tmp_path: Path):
    """ "... Assessment (APSTRA), which is" with a blank line and a new sentence after it: cut off,
    in a paragraph of its own or joined by the reader to the next."""
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "The number of armed response vehicles on duty varies from shift to shift. Deployment levels are set "
        "each year through the Armed Policing Strategic Threat and Risk Assessment (APSTRA), which is\n\n"
        "If you are dissatisfied with this response, you have the right to ask for an internal review.\n\n"
        "The figures are those the force holds and which we have.\n",
        encoding="utf-8",
    )
    assert _found(draft) == [("PIT415", 1, 191, "is")]


def test_a_paragraph_stopped_on_a_modals_verb_a_pronoun_or_a_comma(tmp_path: Path):
    """ "..., would allow", "... would enable those", "... when applying this exemption," with a new
    sentence after each: cut off; "... the information will be disclosed" lacks only its stop."""
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Disclosure of the number of officers deployed each day, and in particular the size of the teams, "
        "would allow\n\n"
        "Those intending to travel for terrorism would be able to compare ports, and over time would enable those\n\n"
        "You can find out more about Section 31 in the guidance we consider when applying this exemption,\n\n"
        "When assessing the public interest we took the following factors into account and weighed them.\n\n"
        "Once the review is complete the remaining information will be disclosed\n\n"
        "The balance of the public interest lies in maintaining the exemption for these reasons.\n",
        encoding="utf-8",
    )
    assert _found(draft) == [
        ("PIT415", 1, 104, "allow"),
        ("PIT415", 3, 100, "those"),
        ("PIT415", 5, 87, "exemption"),
    ]
