"""Structure rules through the whole pipeline: file -> Document -> Outline -> findings."""

from __future__ import annotations

from pathlib import Path

import docx

from pitlint.config import Config
from pitlint.engine import check
from tests.conftest import SEEDS
from tests.docxmaker import add_bold_heading

COMPLETE = """Request: the make and model of drones used by the force.

Applicable exemption

Section 31(1)(a) Law enforcement

Harm

Naming the make of drone would be likely to prejudice the prevention of crime, because offenders could
look up its flight time and camera range.

Factors favouring disclosure

Disclosure would show how the force spends public money on drones.

Factors against disclosure

Offenders could plan around the known limits of the drones.

Balancing test

The public interest in transparency about drone spending is outweighed by the risk to air support
operations.

Therefore the balance test favours non-disclosure.
"""


def _findings(path: Path) -> list:
    """The structure findings of one draft, through the whole engine."""
    (report,) = check([path], Config(select=("structure",))).files
    assert report.error is None  # (a draft that could not be read has no findings either)
    return report.findings


def _codes(path: Path) -> list[tuple[str, str, str | None]]:
    return [(f.rule.code, f.severity.value, f.section) for f in _findings(path)]


def test_a_complete_pit_has_no_structure_findings(tmp_path: Path):
    draft = tmp_path / "complete.txt"
    draft.write_text(COMPLETE, encoding="utf-8")
    assert _codes(draft) == []


def test_the_seeds_have_every_section():
    for path in SEEDS.values():
        assert _codes(path) == [], path.name


def test_missing_balancing_test_in_a_word_draft(tmp_path: Path):
    document = docx.Document()
    for block in COMPLETE.split("\n\n"):
        text = " ".join(block.split())
        if text.startswith("Balancing test") or text.startswith("The public interest in transparency"):
            continue
        if len(text) < 40 and not text.endswith("."):
            add_bold_heading(document, text)
        else:
            document.add_paragraph(text)
    path = tmp_path / "draft.docx"
    document.save(str(path))
    (finding,) = _findings(path)
    assert (finding.rule.code, finding.rule.name, finding.severity.value, finding.section) == (
        "PIT104",
        "missing-balancing-test",
        "error",
        "balancing",
    )
    assert finding.message == "No balancing test: the factors are never weighed against each other."
    assert finding.excerpt == "" and finding.location is None
    assert finding.suggestion.startswith('Add a "Balancing test"')


def test_missing_harm_is_an_error_for_a_prejudice_based_exemption(tmp_path: Path):
    draft = tmp_path / "noharm.txt"
    start, end = COMPLETE.index("Harm\n"), COMPLETE.index("Factors favouring")
    draft.write_text(COMPLETE[:start] + COMPLETE[end:], encoding="utf-8")
    (finding,) = _findings(draft)
    assert (finding.rule.code, finding.severity.value, finding.section) == ("PIT101", "error", "harm")
    assert "s31 is prejudice-based" in finding.message

    class_based = tmp_path / "class.txt"
    class_based.write_text(draft.read_text().replace("Section 31(1)(a) Law enforcement", "Section 24(1)"))
    (finding,) = _findings(class_based)
    assert (finding.rule.code, finding.severity.value) == ("PIT101", "info")


def test_harm_argued_without_its_heading_or_needed_by_no_exemption_is_not_missing(tmp_path: Path):
    """The harm set out under the exemption's own heading, or only an absolute exemption cited."""
    start, end = COMPLETE.index("Harm\n"), COMPLETE.index("Factors favouring")
    unheaded = COMPLETE[:start] + COMPLETE[end:]
    unheaded = unheaded.replace(
        "Section 31(1)(a) Law enforcement\n",
        "Section 31(1)(a) Law enforcement\n\nNaming the make would be likely to prejudice the prevention of "
        "crime: it would allow offenders to look up the drone's flight time.\n",
    )
    draft = tmp_path / "unheaded.txt"
    draft.write_text(unheaded, encoding="utf-8")
    assert _findings(draft) == []
    absolute = tmp_path / "absolute.txt"
    absolute.write_text(
        (COMPLETE[:start] + COMPLETE[end:]).replace("Section 31(1)(a) Law enforcement", "Section 41(1)"),
        encoding="utf-8",
    )
    assert _findings(absolute) == []


def test_factors_under_run_in_labels_and_a_conclusion_before_the_closing_matter(tmp_path: Path):
    """ "Factors favouring disclosure: ..." on the line of its text, and a conclusion that ends the
    balancing test, followed by the review rights and the sign-off."""
    draft = tmp_path / "run-in.txt"
    draft.write_text(
        "Request: the make and model of drones used by the force.\n\n"
        "Section 31(1)(a) Law enforcement\n\nHarm\n\n"
        "Naming the make of drone would be likely to prejudice the prevention of crime.\n\n"
        "Public Interest Test\n\n"
        "Factors favouring disclosure: Disclosure would show how the force spends public money.\n\n"
        "Section 31(1)(a) - factors in favour of withholding: Offenders could plan around the drones.\n\n"
        "Balancing test\n\n"
        "Transparency matters, but the risk to operations is greater. The balance lies firmly in favour of "
        "maintaining the exemption.\n\n"
        "If you are dissatisfied with this response, you may ask for an internal review.\n\n"
        "You may then complain to the Information Commissioner's Office.\n\n"
        "Yours sincerely\n\nFreedom of Information Unit\n",
        encoding="utf-8",
    )
    assert _findings(draft) == []


def test_a_conclusion_ending_the_balancing_test_before_a_sign_off_read_as_one_paragraph(tmp_path: Path):
    """The sign-off's lines (a role, a unit, a force, an address) joined into one paragraph by the
    reader: closing matter still, so the balancing test's last sentence is the conclusion."""
    draft = tmp_path / "sign-off.txt"
    draft.write_text(
        COMPLETE.replace("\nTherefore the balance test favours non-disclosure.\n", "").replace(
            "operations.\n", "operations. The force considers that the balance lies in favour of withholding.\n"
        )
        + "\nComplaint rights\n\nIf you are unhappy with this response, you may ask for an internal review.\n\n"
        "You may then complain to the Information Commissioner's Office.\n\nYours sincerely\n\n"
        "Freedom of Information Officer\nInformation Rights Unit\nExampleshire Police\n"
        "PO Box 12, Station Road, Anytown, Exampleshire\n",
        encoding="utf-8",
    )
    assert _findings(draft) == []


def test_factors_argued_in_prose_in_the_words_letters_use(tmp_path: Path):
    """No headings: "There are factors in favour of confirming or denying", "I recognise that there
    are strong arguments for disclosure", then "Set against this is" or "Against this"."""
    for favouring, against in (
        ("There are factors in favour of confirming or denying.", "Set against this is the need to protect sources."),
        ("There is a genuine public interest in confirming or denying.", "Against this, sources would be deterred."),
        ("I recognise that there are strong arguments for disclosure.", "Against this, cameras would be avoided."),
        ("The public has a legitimate interest in knowing how informants are used.", "However, sources would be lost."),
        ("The public interest in openness about the tactic is recognised.", "On the other side is the risk."),
        ("Arguments in favour of confirming or denying are that it is open.", "Arguments against are that it is not."),
    ):
        draft = tmp_path / "prose.txt"
        draft.write_text(
            "Request: whether informants were used in the operation.\n\n"
            "The force neither confirms nor denies that it holds the information, by virtue of section 31(3).\n\n"
            "Confirming or denying would be likely to prejudice the prevention of crime, because offenders would "
            "learn how the case was built, and it would allow them to identify sources.\n\n"
            f"{favouring} The public would see how the tactic is used.\n\n"
            f"{against} The promise of confidentiality would be broken.\n\n"
            "The force has weighed these arguments and concluded that the balance favours neither confirming nor "
            "denying.\n",
            encoding="utf-8",
        )
        assert _findings(draft) == [], favouring
    # one side only, or the other side's words alone ("a public interest in protecting"), is not both
    draft.write_text(
        "Request: whether informants were used.\n\nThe force neither confirms nor denies it, by virtue of "
        "section 31(3).\n\nConfirming or denying would be likely to prejudice the prevention of crime and "
        "would allow offenders to identify sources.\n\nThere is a strong public interest in protecting sources. "
        "However, the tactic is lawful.\n\nHaving weighed these factors, the balance favours neither confirming "
        "nor denying.\n",
        encoding="utf-8",
    )
    assert [(code, section) for code, _, section in _codes(draft)] == [("PIT102", "favouring"), ("PIT103", "against")]


def test_a_side_for_argued_in_prose_with_the_other_side_only_in_the_weighing(tmp_path: Path):
    """ "The public interest in maintaining the exemption therefore outweighs ..." weighs; it argues
    nothing against disclosure: the side for is there, the side against is missing."""
    draft = tmp_path / "prose.txt"
    draft.write_text(
        "Request: the vetting guide.\n\nThe guide is withheld under section 31(1)(a), as its release would be "
        "likely to prejudice the prevention of crime by showing applicants how to deceive the process.\n\n"
        "In favour of disclosure, there is a strong public interest in police vetting.\n\nOn balance, the "
        "public interest in maintaining the exemption therefore outweighs that in disclosure.\n",
        encoding="utf-8",
    )
    assert [(code, section) for code, _, section in _codes(draft)] == [("PIT103", "against")]


def test_a_headed_test_whose_weighing_mentions_the_side_it_has_no_section_for(tmp_path: Path):
    """Headed harm, factors against, balancing and conclusion: the weighing's "recognises the public
    interest in knowing" is no section of factors for, so they are missing. "Factors favouring
    retention" is the side against, by its label."""
    headed = tmp_path / "headed.txt"
    headed.write_text(
        "The plans are withheld under Section 24(1) and Section 31(1)(a).\n\nHarm\n\nRelease would be likely "
        "to prejudice the protection of crowded places.\n\nFactors against disclosure\n\nDisclosure would "
        "help those planning an attack.\n\nBalancing test\n\nThe force recognises the public interest in "
        "knowing that crowded events are protected, but the risk of harm is greater.\n\nConclusion\n\nThe "
        "balance favours withholding the plans.\n",
        encoding="utf-8",
    )
    assert [(code, section) for code, _, section in _codes(headed)] == [("PIT102", "favouring")]
    labelled = tmp_path / "labelled.txt"
    labelled.write_text(
        "The figures are withheld under Section 31(1)(a).\n\nHarm\n\nRelease would be likely to prejudice the "
        "prevention of crime.\n\nPublic Interest Test\n\nSection 31(1)(a) - Factors favouring disclosure: "
        "the public is entitled to know how money is spent.\n\nSection 31(1)(a) - Factors favouring retention: "
        "disclosure would hinder the detection of crime.\n\nBalancing Test\n\nThe force recognises the public "
        "interest in openness, but the balance favours withholding the figures.\n",
        encoding="utf-8",
    )
    assert _codes(labelled) == []


def test_empty_section_points_at_its_heading(tmp_path: Path):
    draft = tmp_path / "empty.txt"
    text = COMPLETE.replace("Disclosure would show how the force spends public money on drones.\n\n", "")
    draft.write_text(text, encoding="utf-8")
    (finding,) = _findings(draft)
    assert (finding.rule.code, finding.severity.value, finding.section) == ("PIT106", "warning", "favouring")
    assert finding.excerpt == "Factors favouring disclosure"
    assert finding.message == 'The "Factors favouring disclosure" section is empty.'
    line = text.splitlines().index("Factors favouring disclosure") + 1
    assert (finding.location.line, finding.location.column, finding.location.end_column) == (line, 1, 28)


def test_ncnd_wording_in_the_suggestions(tmp_path: Path):
    draft = tmp_path / "ncnd.txt"
    draft.write_text(
        "Section 31(3) Law enforcement\n\nHarm\n\nConfirming or denying would be likely to prejudice crime "
        "prevention.\n\nThe balance test favours neither confirming nor denying that information is held.\n",
        encoding="utf-8",
    )
    findings = {f.rule.code: f for f in _findings(draft)}
    assert sorted(findings) == ["PIT102", "PIT103", "PIT104"]
    assert findings["PIT102"].message == "No factors favouring confirming or denying: the PIT weighs only one side."
    assert findings["PIT102"].suggestion == ('Add "Factors favouring confirming or denying that information is held".')


def test_a_conclusion_that_states_no_outcome(tmp_path: Path):
    draft = tmp_path / "vague.txt"
    draft.write_text(
        COMPLETE.replace("Therefore the balance test favours non-disclosure.\n", "")
        + "\nConclusion\n\nBoth sides of the argument have been carefully considered.\n",
        encoding="utf-8",
    )
    found = [(f.rule.code, f.excerpt, f.section) for f in _findings(draft)]
    assert found == [("PIT107", "Both sides of the argument have been carefully considered.", "conclusion")]
    draft.write_text(COMPLETE + "\nConclusion\n\nThe balance test favours non-disclosure.\n", encoding="utf-8")
    assert _findings(draft) == []


def test_a_heading_then_a_lead_in_of_the_same_section_is_not_empty(tmp_path: Path):
    draft = tmp_path / "lead-in.txt"
    text = COMPLETE.replace(
        "Factors favouring disclosure\n\n", "Factors favouring disclosure\n\nConsiderations favouring disclosure:\n\n"
    )
    draft.write_text(text, encoding="utf-8")
    assert _findings(draft) == []


def test_a_section_whose_text_is_under_sub_headings_is_not_empty(tmp_path: Path):
    """Harm argued exemption by exemption, factors under a title each: each sub-heading has text."""
    draft = tmp_path / "sub-headings.txt"
    text = COMPLETE.replace("Harm\n\n", "Harm\n\nSection 31(1)(a)\n\n").replace(
        "Factors favouring disclosure\n\n", "Factors favouring disclosure\n\nSpending\n\n"
    )
    draft.write_text(text, encoding="utf-8")
    assert _findings(draft) == []
    # a heading straight after another of the test's own sections still leaves that one empty
    empty = COMPLETE.replace("Disclosure would show how the force spends public money on drones.\n\n", "")
    draft.write_text(empty.replace("Harm\n\n", "Harm\n\nSection 31(1)(a)\n\n"), encoding="utf-8")
    assert [(f.rule.code, f.excerpt) for f in _findings(draft)] == [("PIT106", "Factors favouring disclosure")]


def test_a_lead_in_whose_items_are_short_lines_without_bullets_is_not_empty(tmp_path: Path):
    draft = tmp_path / "lines.txt"
    listed = "Factors favouring disclosure:\n\nTransparency over spending\n\nInforming public debate\n\n"
    text = COMPLETE.replace(
        "Factors favouring disclosure\n\nDisclosure would show how the force spends public money on drones.\n\n",
        listed,
    )
    assert listed in text
    draft.write_text(text, encoding="utf-8")
    assert _findings(draft) == []
    # without the colon that leads into a list, the heading has nothing under it
    draft.write_text(text.replace("disclosure:", "disclosure"), encoding="utf-8")
    assert [(f.rule.code, f.excerpt) for f in _findings(draft)] == [("PIT106", "Factors favouring disclosure")]


def test_a_public_interest_test_written_as_prose_under_its_one_heading(tmp_path: Path):
    """As Scottish responses write it: a paragraph for disclosure, one that turns ("However, ..."),
    one that weighs ("On balance, ..."), with no heading for each."""
    draft = tmp_path / "prose.txt"
    draft.write_text(
        "Request: the number of armed response vehicles on duty.\n\nSection 35(1)(a) - Law Enforcement\n\n"
        "Disclosure would be likely to prejudice the prevention of crime, as it would allow offenders to time "
        "their crimes.\n\nPublic interest test\n\n"
        "There is a public interest in the accountability of the service for its armed policing.\n\n"
        "However, the service has a duty to protect the public, and disclosure would place lives at risk.\n\n"
        "On balance, the public interest in disclosure is outweighed by that in maintaining the exemption.\n\n"
        "You can request a review of this response within 40 working days.\n",
        encoding="utf-8",
    )
    assert _findings(draft) == []
    unturned = tmp_path / "unturned.txt"
    unturned.write_text(draft.read_text().replace("However, the", "The"), encoding="utf-8")
    # the side for is still argued; nothing turns to the side against ("On balance" still weighs)
    assert [f.rule.code for f in _findings(unturned)] == ["PIT103"]


def test_factors_headed_as_the_public_interest_in_favour_and_weighed_as_concluded(tmp_path: Path):
    """ "Public Interest in Favour of Non-Disclosure" heads the factors against; "Having weighed these
    factors, I have concluded ..." weighs them as it concludes."""
    draft = tmp_path / "favour.txt"
    draft.write_text(
        "Request: the number of officers at each match.\n\nSection 31(1)(a) Law enforcement\n\nHarm\n\n"
        "Disclosure would be likely to prejudice the prevention of crime.\n\n"
        "Public Interest in Favour of Disclosure\n\nThe public would know how resources are used.\n\n"
        "Public Interest in Favour of Non-Disclosure\n\nOffenders could exploit the gaps.\n\n"
        "Having weighed these factors, I have concluded that the balance of public interest lies in "
        "withholding the information.\n\nIf you are not satisfied, you may ask for an internal review.\n",
        encoding="utf-8",
    )
    assert _findings(draft) == []


def test_a_harm_stated_once_in_the_acts_words_is_argued(tmp_path: Path):
    """One sentence in the Act's words ("would be likely to prejudice the prevention of crime") states
    the harm; one sentence of another kind ("would show offenders") is not enough alone."""
    start, end = COMPLETE.index("Harm\n"), COMPLETE.index("Factors favouring")
    draft = tmp_path / "once.txt"
    once = COMPLETE[:start] + "The force considers that disclosure would be likely to prejudice crime prevention.\n\n"
    draft.write_text(once + COMPLETE[end:], encoding="utf-8")
    assert _findings(draft) == []
    weak = COMPLETE[:start] + "The figures would show the spread of cameras.\n\n"
    draft.write_text(weak + COMPLETE[end:].replace("Offenders could plan", "Offenders plan"), encoding="utf-8")
    assert [(code, section) for code, _, section in _codes(draft)] == [("PIT101", "harm")]


def test_in_balancing_these_arguments_is_the_balancing_test(tmp_path: Path):
    """A conclusion that weighs as it concludes ("In balancing these arguments I have given weight
    to ...; the balance favours non-disclosure") is the balancing test too."""
    draft = tmp_path / "balancing.txt"
    text = COMPLETE.replace(
        "Balancing test\n\nThe public interest in transparency about drone spending is outweighed by the risk to air "
        "support\noperations.\n\n",
        "",
    ).replace(
        "Therefore the balance test favours non-disclosure.",
        "In balancing these arguments I have given weight to the spending already published. Therefore the "
        "balance test favours non-disclosure.",
    )
    assert "Balancing test" not in text
    draft.write_text(text, encoding="utf-8")
    assert _findings(draft) == []
