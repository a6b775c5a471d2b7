"""The reviewer's rules on the seeds (their known faults, and nothing else), on a clean PIT (no
warnings at all), and each rule firing on bad text and silent on good text."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from pitlint.config import Config
from pitlint.engine import check
from tests.conftest import SEEDS
from tests.docxmaker import add_hyperlink

REVIEWER = ("exemption", "typo", "link", "copy-paste", "structure")

# Every finding of the reviewer's rules on the seeds: their known faults (seeds README, DOMAIN.md).
# The superseded policy is linked over http: one slip, so the stale-link finding alone (its
# suggestion replaces the document; "use https://" for it would contradict that).
SEED_FAULTS = {
    "000": [
        ("PIT204", 5, "s31"),
        ("PIT401", 8, "leave the open"),
    ],
    "001": [
        ("PIT204", 3, "Section 31"),
        ("PIT401", 15, "maintaining the exclusion"),
    ],
    "002": [
        ("PIT201", 2, "the withheld information"),
        ("PIT204", 4, "Section 24"),
        ("PIT201", 5, "favouring release"),
        ("PIT201", 10, "release of the requested information"),
        ("PIT201", 15, "favouring release"),
        ("PIT201", 18, "the withheld information"),
        ("PIT401", 19, "this lead to"),
        ("PIT401", 21, "protection the communities"),
        ("PIT501", 24, "http://library.college.police.uk/docs/APP-Community-Security-Policy-2014.pdf"),
    ],
    "003": [
        ("PIT501", 6, "https://www.app.college.police.uk/app-content/information-management/"),
        ("PIT501", 30, "http://library.college.police.uk/docs/APP-Community-Security-Policy-2014.pdf"),
    ],
    "004": [
        ("PIT204", 1, "Section 31"),
    ],
}

CLEAN = """West Midlands Police - Public Interest Test - FOI 1187/26

Request: the make and model of drones used by West Midlands Police.

Applicable exemption

Section 31(1)(a) Law enforcement: the prevention or detection of crime.

Harm

Naming the make and model of the force's drones would be likely to prejudice the prevention of crime,
because offenders could look up each model's flight time and camera range and plan around them. The
College of Policing's guidance is at https://www.college.police.uk/app/ for reference.

Factors favouring disclosure

Disclosure would show how West Midlands Police spends public money on drones and whether the models
chosen are good value.

Factors against disclosure

Knowing the models would let offenders judge when the drones cannot fly, for example in high wind or
heavy rain, and time offences for those hours.

Balancing test

The public interest in seeing how drone money is spent is real, but it is outweighed by the risk that
offenders plan around the drones' known limits, which would put people at risk.

Therefore the balance test favours non-disclosure of the make and model of the drones.
"""


def _findings(path: Path, select: tuple[str, ...] = REVIEWER, **settings) -> list:
    (report,) = check([path], Config(select=select, **settings)).files
    assert report.error is None
    return report.findings


@pytest.mark.parametrize("seed", sorted(SEED_FAULTS))
def test_the_seeds_give_their_known_faults_and_nothing_else(seed: str):
    found = [(f.rule.code, f.location.paragraph if f.location else None, f.excerpt) for f in _findings(SEEDS[seed])]
    assert found == SEED_FAULTS[seed]


def test_a_clean_tailored_pit_gives_no_warnings_or_errors(tmp_path: Path):
    draft = tmp_path / "clean.txt"
    draft.write_text(CLEAN, encoding="utf-8")
    (report,) = check([draft], Config()).files  # every rule, the shipped corpus included
    assert [(f.rule.code, f.excerpt) for f in report.findings if f.severity.value != "info"] == []


def _one(tmp_path: Path, text: str, name: str = "draft.txt", **settings):
    draft = tmp_path / name
    draft.write_text(text, encoding="utf-8")
    return [f for f in _findings(draft, **settings) if f.rule.category.value != "structure"]


@pytest.mark.parametrize(
    ("bad", "good", "code", "excerpt"),
    [
        (
            "The force does not leave the open to attack.",
            "The force does not leave them open to attack.",
            "PIT401",
            "leave the open",
        ),
        ("Disclosure would would harm the force.", "Disclosure would harm the force.", "PIT402", "would would"),
        (
            "See http://www.college.police.uk/app for more.",
            "See https://www.college.police.uk/app for more.",
            "PIT502",
            "http://www.college.police.uk/app",
        ),
        (
            "Guidance at <https://www.app.college.police.uk/app-content/investigations/>.",
            "Guidance at <https://www.college.police.uk/app/investigations>.",
            "PIT501",
            "https://www.app.college.police.uk/app-content/investigations/",
        ),
        ("This follows ACPO guidance.", "This follows NPCC guidance.", "PIT503", "ACPO"),
        (
            "Personal data is protected by the Data Protection Act 1998.",
            "Personal data is protected by the Data Protection Act 2018.",
            "PIT503",
            "Data Protection Act 1998",
        ),
        (
            "The document was marked Not Protectively Marked.",
            "The document was marked OFFICIAL.",
            "PIT503",
            "Not Protectively Marked",
        ),
        ("We rely on s40(5) of the Act.", "We rely on s40(5B) of the Act.", "PIT503", "s40(5)"),
        (
            "Hampshire Constabulary holds the data.",
            "Hampshire and Isle of Wight Constabulary holds the data.",
            "PIT503",
            "Hampshire Constabulary",
        ),
        ("Date of request: [insert date].", "Date of request: 3 March 2026.", "PIT602", "[insert date]"),
        ("Reference: <<reference>>.", "Reference: 1187/26.", "PIT602", "<<reference>>"),
        ("Cost: TBC.", "Cost: 300 pounds.", "PIT602", "TBC"),
        (
            "The names are withheld (delete as appropriate) under s40(2).",
            "The names are withheld under s40(2).",
            "PIT602",
            "(delete as appropriate)",
        ),
        (
            "The information is exempt under an exemption(s) under section 30 of the Act.",
            "If you disagree with the exemption(s) we apply in future, you may ask for a review.",
            "PIT602",
            "an exemption(s)",
        ),
        (
            "Disclosing the [Question 2] would undermine the contract.",
            "Disclosing the prices [redacted] would undermine the contract.",
            "PIT602",
            "[Question 2]",
        ),
        (
            "The letter was saved as C:\\DOCUME~1\\jsmith\\LOCALS~1\\Temp\\review.doc before it was sent.",
            "The letter was saved before it was sent.",
            "PIT602",
            "C:\\DOCUME~1\\jsmith\\LOCALS~1\\Temp\\review.doc",
        ),
        (
            "It is withheld under section(s) 31(1)(a) and (b).",
            "It is withheld under section 31(1)(a) and (b).",
            "PIT602",
            "section(s)",
        ),
        (
            "Public Interest Test (if applicable)",
            "We will tell you if applicable, and release the rest where required.",
            "PIT602",
            "Public Interest Test (if applicable)",
        ),
    ],
)
def test_each_rule_fires_on_bad_text_and_not_on_good(tmp_path: Path, bad: str, good: str, code: str, excerpt: str):
    found = [(f.rule.code, f.excerpt) for f in _one(tmp_path, f"Harm\n\n{bad}\n")]
    assert (code, excerpt) in found
    assert [f for f in _one(tmp_path, f"Harm\n\n{good}\n") if f.rule.code == code] == []


def test_a_link_broken_across_lines_by_pdf_extraction(tmp_path: Path):
    text = (
        "Harm\n\nThe policy is at http://library.college.police.uk/docs/\n\nAPP-Community-Security-Policy-2014.pdf "
        "and nowhere else.\n"
    )
    stale = [f for f in _one(tmp_path, text) if f.rule.code == "PIT501"]
    # the reader joins the link again, so the excerpt is the link as it should read
    assert [f.excerpt for f in stale] == [
        "http://library.college.police.uk/docs/APP-Community-Security-Policy-2014.pdf"
    ]
    assert stale[0].location.paragraph == 2


def test_a_word_hyperlink_to_a_stale_page(tmp_path: Path):
    document = docx.Document()
    paragraph = document.add_paragraph("See the ")
    add_hyperlink(
        paragraph,
        "community security policy",
        "http://library.college.police.uk/docs/APP-Community-Security-Policy-2014.pdf",
    )
    path = tmp_path / "linked.docx"
    document.save(str(path))
    found = [(f.rule.code, f.excerpt) for f in _findings(path, select=("link",))]
    assert found == [("PIT501", "community security policy")]
    # with the stale-link rule left out, the plain http:// link is still reported
    found = [(f.rule.code, f.excerpt) for f in _findings(path, select=("link",), ignore=("PIT501",))]
    assert found == [("PIT502", "community security policy")]


NCND = """Applicable exemption

Section 31(3) Law enforcement

Harm

Confirming or denying whether the force holds this information would be likely to prejudice crime prevention.

Factors favouring confirming or denying that information is held

Confirming would inform the public.

Factors against confirming or denying that information is held

Confirming would help offenders.

Balancing test

On balance the risk outweighs the benefit. Therefore the balance test favours {outcome}.
"""


def test_ncnd_logic(tmp_path: Path):
    clean = NCND.format(outcome="neither confirming nor denying that information is held")
    assert [f.rule.code for f in _one(tmp_path, clean, select=("exemption",))] == []
    leaky = clean.replace("whether the force holds this information", "the withheld information")
    found = _one(tmp_path, leaky, select=("exemption",))
    assert [(f.rule.code, f.excerpt) for f in found] == [("PIT201", "the withheld information")]
    assert found[0].severity.value == "error"
    contradicted = NCND.format(outcome="non-disclosure of the information")
    (finding,) = _one(tmp_path, contradicted, select=("exemption",))
    assert (finding.rule.code, finding.location.paragraph) == ("PIT202", 10)
    assert finding.message == (
        "The conclusion withholds information, but s31(3) neither confirms nor denies that it is held."
    )


def test_withholding_citation_with_an_ncnd_conclusion(tmp_path: Path):
    text = NCND.replace("Section 31(3)", "Section 31(1)(a)").format(
        outcome="neither confirming nor denying that information is held"
    )
    codes = [f.rule.code for f in _one(tmp_path, text, select=("exemption",))]
    assert codes == ["PIT202"]
    # the finding is on the paragraph that states the outcome, not on the review paragraph after it
    review = text + "\nIf you are unhappy with this response, you may ask for an internal review.\n"
    (finding,) = _one(tmp_path, review, select=("exemption",))
    assert (finding.rule.code, finding.location.paragraph) == ("PIT202", 10)


def test_absolute_exemption_and_missing_likelihood(tmp_path: Path):
    absolute = NCND.replace("Section 31(3) Law enforcement", "Section 44(1) Prohibitions on disclosure").format(
        outcome="non-disclosure"
    )
    (finding,) = _one(tmp_path, absolute, select=("PIT203",))
    assert (finding.rule.code, finding.severity.value, finding.location, finding.excerpt) == (
        "PIT203",
        "warning",
        None,
        "",
    )
    assert finding.message == "s44 is an absolute exemption: no public interest test is needed."
    assert _one(tmp_path, NCND.format(outcome="neither confirming nor denying"), select=("PIT203",)) == []
    unlikely = NCND.replace("would be likely to prejudice", "could affect").format(
        outcome="neither confirming nor denying that information is held"
    )
    (finding,) = _one(tmp_path, unlikely, select=("PIT205",))
    # (marked where it puts the harm as only possible)
    assert (finding.rule.code, finding.excerpt) == ("PIT205", "could affect")
    # a heading naming the request's subject, "self-harm", heads no harm section
    topic = (
        "Part 3 - self-harm incidents recorded in custody\n\nThere were 14 incidents.\n\nExemption\n\nThe camera "
        "positions are withheld under section 31(1)(a) Law enforcement, as disclosure would be likely to prejudice "
        "the prevention of crime.\n\nFactors favouring disclosure\n\nTransparency.\n\nFactors against disclosure\n\n"
        "Detainees would avoid the cameras.\n\nBalancing test\n\nThe balance favours non-disclosure.\n"
    )
    assert _one(tmp_path, topic, select=("PIT205",)) == []


def test_another_organisation(tmp_path: Path):
    text = (
        "Harm\n\nWest Midlands Police holds drones. West Midlands Police uses them. Thames Valley Police "
        "would not wish to reveal details.\n"
    )
    (finding,) = _one(tmp_path, text, select=("copy-paste",))
    assert (finding.rule.code, finding.excerpt, finding.suggestion) == (
        "PIT601",
        "Thames Valley Police",
        "West Midlands Police",
    )
    assert finding.message == (
        '"Thames Valley Police" is another force, named as the one responding: this draft is for West Midlands Police'
    )
    configured = _one(tmp_path, text, select=("copy-paste",), organisation="Thames Valley Police")
    assert [f.excerpt for f in configured] == ["West Midlands Police", "West Midlands Police"]
    shared = "Harm\n\nWest Midlands Police follows NPCC and College of Policing guidance; WMP asked the ICO.\n"
    assert _one(tmp_path, shared, select=("copy-paste",)) == []


def test_an_argument_about_another_request(tmp_path: Path):
    text = (
        "Request: the number of drones owned by the force.\n\nHarm\n\nDisclosing which operating system the "
        "force uses would be likely to expose it to attack.\n"
    )
    (finding,) = _one(tmp_path, text, select=("PIT603",))
    assert (finding.rule.code, finding.excerpt) == ("PIT603", "operating system")
    assert finding.message.startswith('The arguments speak of operating systems ("operating system")')
    fitting = text.replace("which operating system the force uses", "how many drones the force has")
    assert _one(tmp_path, fitting, select=("PIT603",)) == []
    # the response's own answer, before the arguments, puts the subject in the request's scope
    framed = text.replace(
        "\n\nHarm", "\n\nThe force neither confirms nor denies which operating system its drones run.\n\nHarm"
    )
    assert _one(tmp_path, framed, select=("PIT603",)) == []
    # the harm's text under a sub-heading of its own is argued too; the balancing test is not
    nested = text.replace("Harm\n\n", "Harm\n\nSection 31(1)(a) Law enforcement\n\n")
    (finding,) = _one(tmp_path, nested, select=("PIT603",))
    assert (finding.excerpt, finding.location.line) == ("operating system", 7)
    balanced = text.replace("Harm\n\n", "Harm\n\nThe harm is set out below.\n\nBalancing test\n\n")
    assert _one(tmp_path, balanced, select=("PIT603",)) == []


def test_a_template_choice_of_one_or_several_left_unmade(tmp_path: Path):
    text = (
        "Harm\n\nThe names are exempt by virtue of the following exemption(s): section 40(2). The "
        "report is exempt under an exemption(s) of the Act.\n"
    )
    found = [(f.rule.code, f.severity.value, f.message, f.excerpt) for f in _one(tmp_path, text)]
    message = "The template's choice between one and several was left unmade"
    # "an exemption(s)" cannot stand; "the following exemption(s)" is template wording, not wrong as it stands
    assert [f for f in found if f[0] == "PIT602"] == [
        ("PIT602", "info", message, "the following exemption(s)"),
        ("PIT602", "warning", message, "an exemption(s)"),
    ]
    # with the count filled in beside it, one finding (the warning), not one for each entry
    counted = "Harm\n\nThe names are withheld under these exemption(s) 30(1)(a) of the Act.\n"
    found = [(f.rule.code, f.severity.value, f.excerpt) for f in _one(tmp_path, counted)]
    assert [f for f in found if f[0] == "PIT602"] == [("PIT602", "warning", "exemption(s)")]


def test_a_police_response_deciding_as_another_kind_of_body(tmp_path: Path):
    text = (
        "Harm\n\nMerseyside Police holds the information. Among the factors the Department considered "
        "was the risk to officers.\n\nBalancing test\n\nMerseyside Police has weighed the factors.\n"
    )
    found = [(f.rule.code, f.excerpt, f.message, f.suggestion) for f in _one(tmp_path, text) if f.rule.code == "PIT601"]
    assert found == [
        (
            "PIT601",
            "the Department",
            '"the Department" is how a department speaks of itself: this response is Merseyside Police\'s. '
            "Is this wording from another body's template?",
            "Merseyside Police",
        )
    ]
    # at a sentence's start "The Department" is still the template's
    opening = text.replace("Among the factors the Department considered was", "The Department decided on")
    assert [f.excerpt for f in _one(tmp_path, opening) if f.rule.code == "PIT601"] == ["The Department"]
    # where the draft names a body of that kind, "the Department" may be that body
    named = text.replace("Merseyside Police holds", "The Department of Justice asked. Merseyside Police holds")
    assert [f for f in _one(tmp_path, named) if f.rule.code == "PIT601"] == []
    # and a response of a body the packs do not list (not a police force) is not judged
    council = text.replace("Merseyside Police", "Wirral Council")
    assert [f for f in _one(tmp_path, council) if f.rule.code == "PIT601"] == []


def test_a_plain_http_link_in_a_response_written_before_browsers_warned(tmp_path: Path):
    text = "Date: 4 March {year}\n\nHarm\n\nThe guidance is at http://www.legislation.gov.uk/ukpga/2000/36.\n"
    found = [
        (f.rule.code, f.location.paragraph, f.excerpt, f.suggestion) for f in _one(tmp_path, text.format(year=2019))
    ]
    assert [f for f in found if f[0] == "PIT502"] == [
        ("PIT502", 3, "http://www.legislation.gov.uk/ukpga/2000/36", "https://www.legislation.gov.uk/ukpga/2000/36")
    ]
    # dated 2013, the link was written as the site then gave it
    assert [f for f in _one(tmp_path, text.format(year=2013)) if f.rule.code == "PIT502"] == []


def test_many_runs_of_xs_are_redactions_reported_once(tmp_path: Path):
    """A template's "XXX" left in is one or two; a text with names and dates redacted ("Mr XXX XXX",
    "on XX April", "ref XXXXXXXX") has many: reported once, as info, at the first."""
    one = _one(tmp_path, "Harm\n\nThe officer, XXX, attended.\n")
    assert [(f.rule.code, f.severity.value, f.excerpt) for f in one if f.rule.code == "PIT602"] == [
        ("PIT602", "error", "XXX")
    ]
    many = _one(
        tmp_path,
        "Harm\n\nThe statement of Mr XXX XXX was taken on XXX April by PC XXXXX, ref XXXXXXXX, and sent to XXX.\n",
    )
    found = [f for f in many if f.rule.code == "PIT602"]
    assert [(f.severity.value, f.excerpt, f.location.column) for f in found] == [("info", "XXX", 21)]
    assert found[0].message == (
        "6 runs of X's in this text: names or figures redacted, or placeholders left in? (reported once)"
    )


def test_a_links_scheme_mistyped(tmp_path: Path):
    text = (
        "Harm\n\nSee https//www.college.police.uk/app, http:/www.example.gov.uk, htps://a.police.uk and "
        "HTTPS;//b.police.uk, but not https://c.police.uk/a//b or http://d.police.uk.\n"
    )
    found = [
        (f.rule.code, f.excerpt, f.location.column, f.fix.replacement if f.fix else None) for f in _one(tmp_path, text)
    ]
    assert [f for f in found if f[0] == "PIT508"] == [
        ("PIT508", "https//", 5, "https://"),
        ("PIT508", "http:/", 39, "http://"),
        ("PIT508", "htps://", 65, "https://"),
        ("PIT508", "HTTPS;//", 88, "https://"),
    ]
    quoted = "Request: please see https//www.example.gov.uk/page\n\nResponse\n\nThe page is ours.\n"
    assert [f for f in _one(tmp_path, quoted) if f.rule.code == "PIT508"] == []


def test_a_link_wrapped_by_a_mail_filter(tmp_path: Path):
    """Safe Links and Proofpoint wrappers give the address they hold (and name a mailbox they carry);
    a Mimecast token holds none; the requester's words are checked too; the real address is not."""
    safe = (
        "https://eur02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.org%2Fen%2Fresults"
        "&data=05%7C02%7CFOI.Team%40exampleshire.police.uk%7C3b42%7C0&sdata=QceeX%3D&reserved=0"
    )
    text = (
        f"Request: please look at {safe}\n\nResponse\n\nSee https://urldefense.com/v3/__https://www.gov.uk/"
        "guidance__;!!abc$ and https://protect-eu.mimecast.com/s/AbCdEfGh?domain=gov.uk, and "
        "https://example.org/en/results itself.\n"
    )
    found = [f for f in _one(tmp_path, text) if f.rule.code == "PIT509"]
    assert [(f.severity.value, f.location.line, f.location.column, f.suggestion) for f in found] == [
        ("warning", 1, 25, "https://example.org/en/results"),
        ("warning", 5, 5, "https://www.gov.uk/guidance"),
        ("warning", 5, 74, None),
    ]
    assert found[0].message == (
        "This link is an e-mail filter's wrapper, not the address itself, and it carries the mailbox "
        "FOI.Team@exampleshire.police.uk"
    )
    assert found[0].fix is not None and found[0].fix.replacement == "https://example.org/en/results"
    word = docx.Document()
    add_hyperlink(word.add_paragraph("See "), "the results page", safe)
    word.save(tmp_path / "linked.docx")
    (linked,) = [f for f in _findings(tmp_path / "linked.docx") if f.rule.code == "PIT509"]
    assert (linked.excerpt, linked.suggestion, linked.fix) == (
        "the results page",
        "https://example.org/en/results",
        None,
    )


def test_a_slot_named_by_what_goes_in_it(tmp_path: Path):
    text = "Harm\n\nWrite within 40 days of [date of response] to [name of officer removed] or [Name].\n"
    found = [(f.rule.code, f.excerpt) for f in _one(tmp_path, text) if f.rule.code == "PIT602"]
    assert found == [("PIT602", "[date of response]"), ("PIT602", "[Name]")]
    # a redaction's note says what was taken out, and why
    notes = (
        "Harm\n\nThe officer [name of officer omitted] and [name of officer – section 40(2)] ran [title of "
        "operation not disclosed]; [date of birth exempt] and [name of witness anonymised] are kept back.\n"
    )
    assert [f for f in _one(tmp_path, notes) if f.rule.code == "PIT602"] == []


def test_a_day_or_a_sum_left_as_xx(tmp_path: Path):
    """ "XX" in a date's, a sum's or a count of days' place is a slot; the Roman twenty is not."""
    text = (
        "Harm\n\nThe contract runs until XX March 2021 and costs £XX. Part XX of the Act and Chapter XX apply. "
        "A total of XX applicants were refused; Part XX sections apply. The wait was XX weeks. The fleet "
        "comprises XX vehicles, as Table XX shows.\n"
    )
    found = [(f.rule.code, f.severity.value, f.excerpt, f.location.column) for f in _one(tmp_path, text)]
    assert [f for f in found if f[0] == "PIT602"] == [
        ("PIT602", "error", "XX", 25),
        ("PIT602", "error", "£XX", 49),
        ("PIT602", "error", "XX", 106),
        ("PIT602", "error", "XX", 171),
        ("PIT602", "error", "XX", 201),
    ]


def test_a_date_a_slot_in_capitals_a_note_or_a_number_left_as_a_placeholder(tmp_path: Path):
    """ "XX/XX/2020", "[PREVIOUS REF]", "[FLU to confirm]", "FOI 2019/###"; not a redaction's label
    ("[NAME REDACTED]", "[sic]"), nor a heading's hashes."""
    text = (
        "Harm\n\nThe fleet as at XX/XX/2020 was 614 (see [PREVIOUS REF]) and the rate as at [FLU to confirm] "
        "is held, as in FOI 2019/### and reference ###. The [NAME REDACTED] officer wrote [sic] it.\n\n"
        "## Balancing test\n\nThe balance favours non-disclosure. Passages are marked [LAW ENFORCEMENT] and "
        "[PERSONAL DATA]; Table XX shows 15 incidents.\n"
    )
    found = [(f.excerpt, f.location.column, f.message) for f in _one(tmp_path, text) if f.rule.code == "PIT602"]
    assert found == [
        ("XX/XX/2020", 17, "A date was left as a placeholder"),
        ("[PREVIOUS REF]", 41, "A template placeholder was left in"),
        ("[FLU to confirm]", 76, "A note to whoever fills in the template was left in"),
        ("###", 117, "A placeholder (###) was left in"),
        ("###", 135, "A placeholder (###) was left in"),
    ]


def test_the_requesters_words_are_no_placeholders_but_a_bracketed_slot_is(tmp_path: Path):
    """A request's list item "Trading name (if applicable)" and a log's "XXX" over a name are the
    requester's words; a template's "[insert request]" in the request's place is still a slot."""
    text = (
        "Your request\n\nPlease could you provide me with:\n\n- Trading name (if applicable)\n\n"
        "- The statement of Mr XXX\n\nOur response\n\nThe information is held. Harm\n\nRelease would harm it.\n"
    )
    assert [f for f in _one(tmp_path, text) if f.rule.code == "PIT602"] == []
    slot = text.replace("- The statement of Mr XXX", "- [insert request]")
    assert [(f.rule.code, f.excerpt) for f in _one(tmp_path, slot) if f.rule.code == "PIT602"] == [
        ("PIT602", "[insert request]")
    ]


def test_a_question_label_over_its_answer_is_the_forces_words(tmp_path: Path):
    """ "Question 1 - figures as at XX June 2020:" over a table: the answer's title, which neither
    asks nor pleads, so a placeholder in it is the force's; a label that asks stays the requester's."""
    text = (
        'Your request:\n\n"1. How many certificates are held?"\n\nOur response:\n\n'
        "Question 1 - figures as at XX June 2020:\n\nFirearm certificates 5,318\n\n"
        "Question 2 - How many were revoked in XX June 2020?\n\nThere were 27.\n"
    )
    assert [(f.rule.code, f.location.line, f.excerpt) for f in _one(tmp_path, text) if f.rule.code == "PIT602"] == [
        ("PIT602", 7, "XX")
    ]


def test_a_requester_asking_for_something_by_name_is_quoted_wherever_it_stands(tmp_path: Path):
    """ "Dear FOI officer, under the freedom of information act, could I please have copies ..." (a
    request site's copy of the request) and the council's restatement of it are the requester's
    words: their lower-case Act is not the response's."""
    text = (
        "Customer\n\nDear FOI officer, under the freedom of information act, could I please have copies of "
        "the minutes?\n\nMessage from the Council\n\nThank you for your request. Its terms are set out "
        "below.\n\nUnder the freedom of information act, could I please have copies of the minutes.\n\n"
        "The minutes are exempt under the Freedom of Information Act.\n"
    )
    assert [f for f in _one(tmp_path, text) if f.rule.code == "PIT407"] == []


def test_a_table_cell_left_as_xx(tmp_path: Path):
    """A table's figure left as "XX", its column set off by spaces: a placeholder; "Part XX" of an
    Act and "XXL" are not."""
    text = (
        "Harm\n\nEthnicity                 Searches\nWhite                     5,214\n"
        "Mixed or multiple         XX\nOther                     61\n\nSee Part XX of the Act and the XXL size.\n"
    )
    found = [(f.excerpt, f.message) for f in _one(tmp_path, text) if f.rule.code == "PIT602"]
    assert found == [("XX", "A placeholder (XX) was left in a table")]
    # a month left as XX before its year
    dated = "Harm\n\nThe contract runs until XX 2028, when Part XX 2 ends.\n"
    assert [(f.excerpt, f.location.column) for f in _one(tmp_path, dated) if f.rule.code == "PIT602"] == [("XX", 25)]
