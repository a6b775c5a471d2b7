"""Outline: every section of the five seeds, the citations, the kind of response."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from pitlint.outline import build, classify_heading, find_citations, request_text
from pitlint.readers import read
from tests.conftest import SEEDS, make_pdf, text_blocks
from tests.docxmaker import add_bold_heading

# (key, heading, first words of the section's first paragraph); conclusions have no heading.
EXPECTED = {
    "000": [
        ("harm", "Evidence of Harm", "To disclose any details of West Midlands Police software"),
        ("favouring", "Factors favouring disclosure (s31)", "Confirming that information exists relevant"),
        ("against", "Factors against disclosure (s31)", "To not disclose information about the software"),
        ("balancing", "Balancing Test", "The Police Service is charged with enforcing the law"),
        ("conclusion", "", "Anything that places that confidence at risk"),
    ],
    "001": [
        ("exemption", "Applicable exemption", None),
        ("exemption", "Section 31 – Law enforcement", None),
        ("harm", "Harm", "The disclosure of the requested information would provide the public at large"),
        ("favouring", "Reasons for Disclosure", "The disclosure of the requested information would show"),
        ("against", "Reasons for Non-Disclosure", "Disclosure would provide those intent on disrupting"),
        ("balancing", "Balancing Test", "For a public interest test, issues that favour disclosure"),
        ("conclusion", "", "Having considered the arguments for and against, I therefore consider"),
    ],
    "002": [
        ("harm", "Harm", "Policing is an information-led activity"),
        ("exemption", "Section 24 National Security", None),
        ("favouring", "Factors favouring release", "The public are entitled to know how public funds are spent"),
        ("against", "Factors against release", "Security measures are put in place to protect the community"),
        ("exemption", "Section 31(3) Law Enforcement", None),
        ("favouring", "Factors favouring release", "Disclosing information relevant to this request"),
        ("against", "Factors against release", "Disclosure of the withheld information would suggest"),
        ("balancing", "Balancing Test", "The Police Service is charged with enforcing the law"),
        ("conclusion", "", "In addition anything that places that confidence at risk"),
    ],
    "003": [
        ("exemption", "Applicable Exemptions:", None),
        ("exemption", "Section 24(2) National security Section 31(3) Law enforcement", None),
        ("harm", "Harm in Confirming or Denying that Information is held", "Policing is an information-led"),
        ("exemption", "Section 24(2) National Security:", None),
        (
            "favouring",
            "Factors favouring complying with Section 1(1)(a) confirming that information is held:",
            "The public are entitled to know",
        ),
        (
            "against",
            "Factors against complying with Section 1(1)(a) neither confirming nor denying that information is held:",
            "Security measures are put in place",
        ),
        ("exemption", "Section 31(3) Law Enforcement", None),
        (
            "favouring",
            "Factors favouring complying with Section 1(1)(a) confirming that information is held:",
            "Confirming that information exists relevant to this request",
        ),
        (
            "against",
            "Factors against complying with Section 1(1)(a) neither confirming nor denying that information is held:",
            "Confirmation or denial that information is held",
        ),
        ("balancing", "Balancing Test", "For this public interest test, factors that favour complying"),
        ("conclusion", "", "In addition, anything that places that confidence at risk"),
    ],
    "004": [
        ("exemption", "Exemption - Section 31- Law Enforcement", None),
        ("harm", "Harm", "The disclosure of the requested information would provide the public at large"),
        ("favouring", "Factors favouring Disclosure", "The disclosure of the requested information would show"),
        ("against", "Considerations favouring Non-Disclosure", "Disclosure would provide those intent"),
        ("balancing", "Balancing Test", "For a public interest test, issues that favour release"),
        ("conclusion", "", "Having considered the arguments for and against, the public interest test favours"),
    ],
}
RESPONSES = {"000": "withhold", "001": "withhold", "002": "ncnd", "003": "ncnd", "004": "withhold"}


def _shape(outline) -> list[tuple[str, str, str | None]]:
    shape = []
    for section in outline.sections:
        if section.key is None:
            continue
        first = section.paragraphs[0].text if section.paragraphs else None
        shape.append((section.key, section.title, first))
    return shape


def _matches(shape, expected) -> bool:
    return len(shape) == len(expected) and all(
        key == want_key
        and title == want_title
        and (want_first is None) == (first is None)
        and (want_first is None or first.startswith(want_first))
        for (key, title, first), (want_key, want_title, want_first) in zip(shape, expected, strict=True)
    )


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_every_section_of_the_seeds_is_found(seed: str):
    outline = build(read(SEEDS[seed]))
    shape = _shape(outline)
    assert _matches(shape, EXPECTED[seed]), shape
    assert outline.response == RESPONSES[seed]
    for key in ("harm", "favouring", "against", "balancing", "conclusion"):
        assert outline.has(key)


def test_conclusion_of_004_is_its_last_two_paragraphs():
    outline = build(read(SEEDS["004"]))
    (conclusion,) = outline.of("conclusion")
    assert [p.text[:40] for p in conclusion.paragraphs] == [
        "Having considered the arguments for and ",
        "Therefore, it is my opinion that the pub",
    ]
    assert outline.section_of(conclusion.paragraphs[0].index) == "conclusion"
    assert outline.section_of(3) == "harm"


def test_factors_know_which_exemption_they_are_about():
    outline = build(read(SEEDS["003"]))
    assert [(s.key, s.exemption) for s in outline.sections if s.key in ("favouring", "against")] == [
        ("favouring", 24),
        ("against", 24),
        ("favouring", 31),
        ("against", 31),
    ]


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_sections_are_found_in_word_and_pdf_versions(seed: str, tmp_path: Path):
    """The same PIT typed in Word (bold headings) or published as PDF has the same outline."""
    blocks = text_blocks(SEEDS[seed])
    document = docx.Document()
    for kind, text in blocks:
        if kind == "h":
            add_bold_heading(document, text)
        else:
            document.add_paragraph(text)
    document.save(str(tmp_path / "seed.docx"))
    make_pdf(tmp_path / "seed.pdf", blocks)
    keys = [s.key for s in build(read(SEEDS[seed])).sections if s.key]
    for version in ("seed.docx", "seed.pdf"):
        outline = build(read(tmp_path / version))
        assert [s.key for s in outline.sections if s.key] == keys, version
        assert outline.response == RESPONSES[seed]


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("Section 31(1)(a) and (b) apply.", [(31, "1", "a"), (31, "1", "b")]),
        ("exempt under s.24(2) of the Act", [(24, "2", None)]),
        ("Section 31 - Law enforcement", [(31, None, None)]),
        ("We rely on s40(5) and S.38(1)(b).", [(40, "5", None), (38, "1", "b")]),
        ("Sections 30(1)(a) and 31(1)(a) are engaged.", [(30, "1", "a"), (31, "1", "a")]),
        ("Section 40(5A) applies, not section 17", [(40, "5A", None)]),
        ("Factors against complying with Section 1(1)(a)", []),
        ("Office 365 accounts", []),
        ("Section 31(1) (a,b) Law Enforcement", [(31, "1", "a"), (31, "1", "b")]),
        ("Section 38 (1) (a, b & c)", [(38, "1", "a"), (38, "1", "b"), (38, "1", "c")]),
        ("withheld under the exemption(s) in section(s) 43(1&2) of the Act", [(43, "1", None), (43, "2", None)]),
    ],
)
def test_citations(tmp_path: Path, text: str, cited: list):
    draft = tmp_path / "draft.txt"
    draft.write_text(text + "\n", encoding="utf-8")
    found = find_citations(read(draft))
    assert [(c.section, c.subsection, c.clause) for c in found] == cited


def test_citation_position_and_kind(tmp_path: Path):
    draft = tmp_path / "draft.txt"
    draft.write_text("Applicable exemption\n\nWe cite s.24(2) and Section 31(1)(a).\n", encoding="utf-8")
    first, second = find_citations(read(draft))
    assert (first.text, first.paragraph, first.start, first.end, first.kind, first.label) == (
        "s.24(2)",
        2,
        8,
        15,
        "ncnd",
        "24(2)",
    )
    assert (second.kind, second.label) == ("withhold", "31(1)(a)")


@pytest.mark.parametrize(
    ("body", "response"),
    [
        ("Section 24(2) and Section 31(3) apply.", "ncnd"),
        ("Section 31(1)(a) applies.", "withhold"),
        ("Section 24(2) and Section 31(1)(a) apply.", "mixed"),
        (
            "Section 31 applies. The balance test favours neither confirming nor denying that information is held.",
            "ncnd",
        ),
        ("The weather is fine.", "unknown"),
        # holding confirmed without "confirm"; NCND however the verbs are inflected
        ("Kent Police holds the information you have requested. Section 31(1)(a) applies.", "withhold"),
        ("Kent Police can neither confirm nor deny that it holds the information you have requested.", "ncnd"),
        ("In terms of Section 18, Police Scotland can neither confirm or deny that it holds it.", "ncnd"),
        (
            "The public interest therefore favours maintaining the exemptions, and Kent Police neither confirms "
            "nor denies whether it holds the information.",
            "ncnd",
        ),
    ],
)
def test_response_kind(tmp_path: Path, body: str, response: str):
    draft = tmp_path / "draft.txt"
    draft.write_text(f"Balancing Test\n\n{body}\n", encoding="utf-8")
    assert build(read(draft)).response == response


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("Overall Harm", "harm"),
        ("Reasons for Non-Disclosure", "against"),
        ("Considerations favouring Non-Disclosure", "against"),
        ("Factors favouring release", "favouring"),
        ("Public interest balance", "balancing"),
        ("Balance test", "balancing"),
        ("Balancing Tset", "balancing"),
        ("Factros against discolsure", "against"),
        ("Conclusion", "conclusion"),
        ("Section 24(2) National security", "exemption"),
        ("Public Interest Test", None),
        ("Request details", None),
        ("Reasons for Decision:", None),  # shares most letters with "Reasons for disclosure", not its words
    ],
)
def test_heading_classification(heading: str, key: str | None):
    assert classify_heading(heading) == key


def test_a_sentence_introducing_a_list_is_not_a_heading(tmp_path: Path):
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Reasons for Decision:\nThis information is exempt by virtue of the following\nsections:\n"
        "Section 31(1)(a) Law Enforcement where release would prejudice the prevention of crime.\n",
        encoding="utf-8",
    )
    sections = build(read(draft)).sections
    assert [(s.heading.text if s.heading else None, [p.text for p in s.paragraphs]) for s in sections] == [
        (
            "Reasons for Decision:",
            [
                "This information is exempt by virtue of the following sections:",
                "Section 31(1)(a) Law Enforcement where release would prejudice the prevention of crime.",
            ],
        )
    ]


def test_request_line(tmp_path: Path):
    draft = tmp_path / "draft.txt"
    draft.write_text("FOI 1187/26\n\nRequest: the number of drones owned by the force.\n\nHarm\n\nText.\n")
    assert request_text(build(read(draft))) == "the number of drones owned by the force."


def test_a_disclosure_logs_dated_labels_bound_the_request(tmp_path: Path):
    """ "Request received: 7 August 2020" heads the requester's words and "Response sent: 28 August
    2020" ends them: a weblink or a typo there is theirs."""
    draft = tmp_path / "log.txt"
    draft.write_text(
        "Case reference FOI2020/00244\n\nRequest received: 7 August 2020\n\n"
        "I am looking for the spend data on the following weblink.\n\n"
        "Could you advise when the file will be available?\n\n"
        "Response sent: 28 August 2020\n\nWe hold the information.\n",
        encoding="utf-8",
    )
    document = read(draft)
    outline = build(document)
    assert sorted(outline.quoted) == [3, 4]
    assert document.paragraphs[2].text.startswith("I am looking")


def test_a_requester_contacting_the_body_under_the_act(tmp_path: Path):
    """ "I am contacting you under the Freedom of Information act 2000." opens the requester's words."""
    draft = tmp_path / "log.txt"
    draft.write_text(
        "Reference 2019-220\n\nI am contacting you under the Freedom of Information act 2000.\n\n"
        "Response\n\nWe hold the information.\n",
        encoding="utf-8",
    )
    assert sorted(build(read(draft)).quoted) == [2]


def test_the_authority_contacting_the_requester_about_their_request_is_not_the_request(tmp_path: Path):
    """ "I am contacting you under section 10 ... about your request" is the authority's own letter."""
    draft = tmp_path / "letter.txt"
    draft.write_text(
        "I am contacting you under the Freedom of Information Act 2000 about your request, to explain that we "
        "need more time.\n\nWe hold the information.\n",
        encoding="utf-8",
    )
    assert sorted(build(read(draft)).quoted) == []


def test_a_response_that_quotes_each_item_again_above_its_answer(tmp_path: Path):
    """ "You asked for" (no colon) heads the request and "Our Response" ends it; each item quoted
    again above its answer, even with a space lost on the way ("areathe"), is still the requester's."""
    draft = tmp_path / "log.txt"
    draft.write_text(
        "FRS 2024 17 - Hydrants\n\nYou asked for\n\n"
        "- Please could you provide the number of hydrants you inspect each year.\n\n"
        "- Station list: please include the station name and the area the station covers.\n\n"
        "Our Response\n\n"
        "- Please could you provide the number of hydrants you inspect each year.\n\n"
        "Answer: We inspect 4,200 hydrants a year.\n\n"
        "- Station list: please include the station name and the areathe station covers.\n\n"
        "Answer: The list is published on our website.\n",
        encoding="utf-8",
    )
    outline = build(read(draft))
    assert sorted(outline.quoted) == [3, 4, 6, 8]


def test_a_questions_label_again_over_its_answer_ends_the_request(tmp_path: Path):
    """Questions listed under "You asked:" with no heading between them and the answers: "Each
    question is answered in turn below." and a bare "Q1." over its answer are the force's."""
    draft = tmp_path / "letter.txt"
    draft.write_text(
        "Dear Requester, your request was received on 29 May 2024. You asked:\n\n"
        "Q1. How many firearm certificates were on issue on 31 March 2024?\n\n"
        "Q2. How many certificates were revoked in 2023/24?\n\n"
        "Each question is answered in turn below.\n\nQ1.\n\nOn 31 March 2024 there were 1,184 firearm "
        "certificates on issue.\n\nQ2.\n\nThe number of certificates revoked were 41.\n",
        encoding="utf-8",
    )
    assert sorted(build(read(draft)).quoted) == [2, 3]
    # (a label over the question asked again still asks; its answer below is the force's)
    text = draft.read_text(encoding="utf-8")
    draft.write_text(text.replace("Q2.\n\nThe number", "Q2. How many were revoked?\n\nThe number"), encoding="utf-8")
    assert sorted(build(read(draft)).quoted) == [2, 3, 7]


def test_numbered_questions_each_answered_under_it(tmp_path: Path):
    """ "You asked:" then "1. How many ...?", its answer, "2. Please provide ...", its answer: the
    answers are the force's words, the questions the requester's."""
    draft = tmp_path / "letter.txt"
    draft.write_text(
        "Thank you for your request.\n\nYou asked:\n\n1. How many fixed ANPR cameras does the force operate?\n\n"
        "There are currently 312 fixed ANPR cameras operating across 108 sites.\n\n2. Please provide the "
        "location of each camera.\n\nThis information is held but will not be disclosed.\n\nSection 31(1)(a) "
        "- Law Enforcement\n",
        encoding="utf-8",
    )
    assert sorted(build(read(draft)).quoted) == [3, 5]
    # the questions numbered after a lead-in of the force's ("You asked the following questions.")
    draft.write_text(
        "Request received: 2 June 2025\n\nYou asked the following questions about cyber security.\n\n"
        "1. Which company provides the firewall?\n\nThis information is held and is withheld.\n\n"
        "2. How many incidents were reported?\n\nThe number reported by the Cyber Security Team was 37.\n",
        encoding="utf-8",
    )
    assert sorted(build(read(draft)).quoted) == [2, 3, 5]


def test_an_unlabelled_request_wondering_if_the_body_could_send_it(tmp_path: Path):
    draft = tmp_path / "log.txt"
    draft.write_text(
        "I am interested in the attendance plans for the county, and was wondering if you could send over "
        "a list of them.\n\nI can confirm that the Service holds the information.\n",
        encoding="utf-8",
    )
    outline = build(read(draft))
    assert sorted(outline.quoted) == [1]
    assert outline.request is not None and outline.request.index == 1


def test_an_answer_that_takes_up_the_items_words_is_not_the_item_again(tmp_path: Path):
    """Only an item repeated (a space lost or mended at most) is the requester's again; an answer in
    its words is the response's."""
    draft = tmp_path / "log.txt"
    draft.write_text(
        "You asked for:\n\n- Please could you provide the number of drones the force owns.\n\n"
        "Our Response:\n\n- We can provide the number of drones the force owns: four.\n",
        encoding="utf-8",
    )
    assert sorted(build(read(draft)).quoted) == [2]


def test_a_label_then_the_answer_that_the_information_is_not_held(tmp_path: Path):
    """After "You requested", "Information is not held." is the response, not more of the request."""
    draft = tmp_path / "log.txt"
    draft.write_text(
        "FOI 2024/3006\n\nYou requested\n\nThe number of police horses that died in service.\n\n"
        "Information is not held. The records were not retained.\n",
        encoding="utf-8",
    )
    assert sorted(build(read(draft)).quoted) == [3]


def test_an_officer_wondering_if_the_requester_could_clarify_is_not_the_request(tmp_path: Path):
    draft = tmp_path / "letter.txt"
    draft.write_text(
        "Before we can proceed, I was wondering if you could clarify which period you mean.\n\n"
        "We hold some information.\n",
        encoding="utf-8",
    )
    assert sorted(build(read(draft)).quoted) == []


def test_a_letters_title_over_its_reference_line_is_not_a_request_label(tmp_path: Path):
    """ "Freedom of Information Request" above "Reference number: ..." is the letter's title: the
    reference line (a placeholder in it too) is the response's, not the requester's."""
    draft = tmp_path / "letter.txt"
    draft.write_text(
        "Freedom of Information Request\nReference number: FOI/2021/XXXX (Operation Kinmont)\nDate: 9 December 2021\n\n"
        "Thank you for your request for information, received on 11 November 2021, regarding the operation.\n\n"
        "Your request\n\nPlease provide the cost of the operation.\n\nResponse\n\nWe hold the information.\n",
        encoding="utf-8",
    )
    document = read(draft)
    quoted = build(document).quoted
    assert [p.text for p in document.paragraphs if p.index in quoted] == ["Please provide the cost of the operation."]


def test_the_requesters_information_is_held_by_your_force_is_still_the_request(tmp_path: Path):
    draft = tmp_path / "log.txt"
    draft.write_text(
        "You requested\n\nPlease provide the number of seizures.\n\n"
        "Information is held by your force about each seizure, so please give the totals.\n\n"
        "Response\n\nThe information is held.\n",
        encoding="utf-8",
    )
    assert sorted(build(read(draft)).quoted) == [2, 3]


def test_a_quotation_of_the_request_over_several_paragraphs_is_the_requesters(tmp_path: Path):
    """A quotation opened at one paragraph's start and closed at a later one's end, after a sentence
    about the request: every paragraph of it is the requester's; a quotation never closed, or one
    after a paragraph about something else, is not taken for the request."""
    draft = tmp_path / "reply.txt"
    opening = "Thank you for your request for information received on 5 May 2025, which read as follows.\n\n"
    quotation = (
        "\u201cPlease provide the number of dogs the force keeps at the Lindley kennels.\n\n"
        "Please also give the kennels' running costs in each of the last three years.\u201d\n\n"
    )
    answer = "Response\n\nThe force keeps 14 dogs. The running costs are exempt under section 43(2).\n"
    draft.write_text(opening + quotation + answer, encoding="utf-8")
    assert sorted(build(read(draft)).quoted) == [2, 3]
    unclosed = quotation.replace("\u201d", "")
    draft.write_text(opening + unclosed + answer, encoding="utf-8")
    assert not {2, 3} & build(read(draft)).quoted
    elsewhere = "The kennels were opened in 2009.\n\n"
    draft.write_text(elsewhere + quotation + answer, encoding="utf-8")
    assert not {2, 3} & build(read(draft)).quoted
    policy = "Our kennels policy states:\n\n"
    draft.write_text(policy + quotation + answer, encoding="utf-8")
    assert not {2, 3} & build(read(draft)).quoted
    # never closed, the response heading ends it, and a title quoted in the response closes nothing
    titled = (
        opening
        + unclosed
        + "Response\n\nThe force keeps 14 dogs, as set out under the heading \u201cKennels\u201d.\n\n"
        + 'The costs are in the report titled "Dog Section Review".\n'
    )
    draft.write_text(titled, encoding="utf-8")
    assert not {2, 3, 5, 6} & build(read(draft)).quoted


def test_a_declarative_item_under_a_questions_label_stays_the_requesters(tmp_path: Path):
    """Request items read as statements ("which is held", "who were deployed", "It is requested")
    are the requester's words, so their slips are not the force's; "Q3. I am exempting ..." answers."""
    draft = tmp_path / "reply.txt"
    draft.write_text(
        "Thank you for your request received on 5 May 2025.\n\n"
        "Question 1 - The number of officers who were deployed on each day\n\n"
        "Question 2 - It is requested that you provide the cost, which is held by the force.\n\n"
        "Q3. I am exempting this part under section 31(1)(a).\n",
        encoding="utf-8",
    )
    quoted = build(read(draft)).quoted
    assert quoted == {2, 3}


def test_an_answer_under_its_questions_label_repeated_is_the_responses(tmp_path: Path):
    """ "Question 2 - How much was spent?" then "Question 2 - The force spent ...": the second line
    answers (a "please note" in it does not make it ask); a label never asked under stays quoted."""
    draft = tmp_path / "reply.txt"
    draft.write_text(
        "Thank you for your request received on 5 May 2025.\n\n"
        "Question 1 - How much was spent?\n\n"
        "Question 1 - The force spent 212 pounds; please note the figure is provisional.\n\n"
        "Question 2 - Please provide the policy.\n\n"
        "Question 2 - The policy is attached.\n\n"
        "Question 3 - The number of officers who were deployed\n",
        encoding="utf-8",
    )
    quoted = build(read(draft)).quoted
    assert quoted == {2, 4, 6}
    # a label's first line asks however it is put; a later one in the requester's voice still asks
    draft.write_text(
        "Thank you for your request received on 5 May 2025.\n\n"
        "Q5. The cost of any consultancy, if possible.\n\n"
        "Q5. No consultancy was used; please be advised that no information is held.\n\n"
        "Question 2 - I meant the income from courses.\n\n"
        "Question 2 - I ment the income from courses, not fines.\n",
        encoding="utf-8",
    )
    quoted = build(read(draft)).quoted
    assert quoted == {2, 4, 5}


def test_a_response_that_confirms_holding_then_concludes_neither_confirming_nor_denying(tmp_path: Path):
    """Said to hold and withhold at the top, concluded as NCND at the end: the conclusion is the
    slip (one finding, on it), not the withholding citation, and the factors are for disclosure."""
    from pitlint.config import Config
    from pitlint.engine import check

    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Response\n\nKent Police holds the information you have requested.\n\n"
        "The number of unmarked vehicles, and the make of each, are exempt from disclosure under the "
        "following exemption:\n\nSection 31(1)(a)(b) Law Enforcement\n\nHarm\n\n"
        "Publishing the makes would be likely to prejudice the prevention of crime.\n\n"
        "Factors favouring disclosure\n\nThe fleet is paid for from public funds.\n\n"
        "Factors favouring non-disclosure\n\nOfficers could be identified.\n\n"
        "Balancing Test\n\nTransparency matters, but the risk is greater.\n\n"
        "Kent Police will therefore neither confirm nor deny whether it holds the makes of its vehicles.\n\n"
        "If you are not satisfied with this response, you may ask for an internal review.\n",
        encoding="utf-8",
    )
    outline = build(read(draft))
    assert (outline.stated, outline.cited, outline.concluded) == ("mixed", "withhold", "ncnd")
    (report,) = check([draft], Config(select=("exemption", "structure"))).files
    assert [(f.rule.code, f.location.line if f.location else None) for f in report.findings] == [("PIT206", 25)]


def test_a_text_cut_short_has_no_conclusion_before_its_argument(tmp_path: Path):
    """A page cut off in its harm: the NCND statement at its top is not its conclusion."""
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Response\n\nWe can neither confirm nor deny that we hold any information relating to your request.\n\n"
        "Section 31(3) Law Enforcement\n\nHarm\n\nThe threat of terrorism cannot be ignored and the threat le\n",
        encoding="utf-8",
    )
    outline = build(read(draft))
    assert not outline.has("conclusion") and outline.concluded is None


def test_a_request_given_whole_in_quotation_marks_ends_at_its_closing_mark(tmp_path: Path):
    draft = tmp_path / "letter.txt"
    draft.write_text(
        "Dear Requester\n\nThank you for your email of 22 November 2023, in which you asked:\n\n"
        '"Could you please provide the number of firearm certificates in force? I would also like the '
        'same figures for the village specifically."\n\nSearches were made by the Firearms Licensing Unit, '
        "and I can confirm that the force holds the information.\n\nThe figures are below.\n",
        encoding="utf-8",
    )
    assert sorted(build(read(draft)).quoted) == [3]
    # another quoted paragraph after it is the requester's too
    two = draft.read_text(encoding="utf-8").replace(
        'specifically."\n\nSearches', 'specifically."\n\n"Please also say which unit keeps them."\n\nSearches'
    )
    draft.write_text(two, encoding="utf-8")
    assert sorted(build(read(draft)).quoted) == [3, 4]


def test_the_searches_made_start_the_response_after_a_numbered_request(tmp_path: Path):
    draft = tmp_path / "letter.txt"
    draft.write_text(
        "Dear Requester,\n\nThank you for your request, in which you asked for the following information:\n\n"
        "1. The number of armed officers deployed at each site.\n\n2. The make and model of the firearms issued.\n\n"
        "Having completed searches, the Constabulary has considered your request and holds the information.\n\n"
        "Searches were made by the Firearms Unit, which keeps the records.\n",
        encoding="utf-8",
    )
    assert sorted(build(read(draft)).quoted) == [2, 3]


def test_answers_labelled_q_under_a_request_numbered_without_it(tmp_path: Path):
    draft = tmp_path / "letter.txt"
    draft.write_text(
        "Request\n\n1. How many firearm certificates were in force on 1 April 2024?\n\n2. Please give the names "
        "of the licensing staff.\n\nResponse\n\nQ1. On 1 April 2024 there were 4,218 firearm certificates in "
        "force.\n\nQ2. The names of staff are withheld under Section 40(2) Personal Information.\n",
        encoding="utf-8",
    )
    assert sorted(build(read(draft)).quoted) == [2, 3]
