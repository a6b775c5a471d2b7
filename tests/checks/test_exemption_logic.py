"""The legal logic on text written the way real responses go wrong (this team's own sentences):
the response read from its own words against the subsections cited, only this Act's citations,
suggestions that fit what the text argues, titles and natures of exemptions, garbled citations,
factors weighed for an absolute exemption; and another force's name, or this force's own name
written wrongly."""

from __future__ import annotations

from pathlib import Path

import pytest

from pitlint.config import Config
from pitlint.engine import check


def _found(tmp_path: Path, text: str, select: tuple[str, ...] = ("exemption",), **settings) -> list[tuple]:
    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    (report,) = check([draft], Config(select=select, **settings)).files
    assert report.error is None
    return [
        (f.rule.code, f.severity.value, f.location.line if f.location else None, f.excerpt, f.suggestion)
        for f in report.findings
    ]


def _messages(tmp_path: Path, select: tuple[str, ...]) -> list[str]:
    """The messages of the findings on the draft `_found` wrote last."""
    (report,) = check([tmp_path / "draft.txt"], Config(select=select)).files
    return [f.message for f in report.findings]


CONFIRMS = """Response

We can confirm that some relevant information is held by the force. However, this letter is a refusal
notice for the redacted parts of the attached document, by virtue of:

Section 31(3) Law enforcement

Harm

Disclosure would be likely to prejudice the prevention of crime.

Factors favouring disclosure

The public would see how the force works.
"""


def test_a_confirming_response_that_cites_the_ncnd_subsection(tmp_path: Path):
    assert _found(tmp_path, CONFIRMS) == [
        (
            "PIT206",
            "error",
            6,
            "Section 31(3)",
            "Cite the subsection that withholds it: s31(1)(a)-(i), naming the purpose prejudiced.",
        ),
    ]
    # the heading weighs disclosure, which is right for a response that confirms: no PIT201
    fixed = CONFIRMS.replace("Section 31(3)", "Section 31(1)(a)")
    assert _found(tmp_path, fixed) == []


def test_an_ncnd_response_that_cites_a_withholding_subsection(tmp_path: Path):
    text = (
        "The force neither confirms nor denies that it holds information relevant to your request, by virtue of:\n\n"
        "Section 30(2) Investigations\n\n"
        "Section 38(2) Health and safety (by virtue of Section 38(1))\n"
    )
    assert _found(tmp_path, text) == [
        (
            "PIT206",
            "error",
            3,
            "Section 30(2)",
            "Cite the subsection that removes the duty to confirm or deny: s30(3).",
        ),
    ]


def test_a_sentence_that_mixes_the_two_templates(tmp_path: Path):
    text = (
        "The force can confirm it holds information relevant to your request as the duty in s1(1)(a) of the "
        "Act does not apply, by virtue of Section 31(1)(a) Law enforcement.\n"
    )
    ((code, severity, line, excerpt, _),) = _found(tmp_path, text)
    assert (code, severity, line) == ("PIT206", "error", 1)
    assert excerpt == (
        "force can confirm it holds information relevant to your request as the duty in s1(1)(a) of the Act does "
        "not apply"
    )


def test_only_this_acts_citations_count(tmp_path: Path):
    text = (
        "Section 31(1)(a) Law enforcement applies. Section 44 of the Terrorism Act 2000 gives powers to stop and "
        "search; see also the Terrorism Act 2000, section 41. Information which is not exempt information by "
        "virtue of section 30 is exempt information if its disclosure under this Act would prejudice the "
        "prevention of crime.\n"
    )
    assert _found(tmp_path, text) == []
    # s31(1)'s words paraphrased, with no "exempt information" after them
    paraphrased = (
        "Section 31(1)(a)(b) Law enforcement applies. Information which is not exempt by virtue of Section 30 is "
        "exempt if its disclosure would, or would be likely to, prejudice the prevention of crime.\n"
    )
    assert _found(tmp_path, paraphrased) == []


def test_a_response_under_the_scottish_act_is_not_read_against_this_acts_table(tmp_path: Path):
    # FOISA numbers its exemptions otherwise: its s38 is personal information, s33 commercial
    # interests, s30(c) prejudice to public affairs, and it letters s30 straight away
    scottish = (
        "We are withholding some of the information because the exemptions at s.38(1)(b) (personal "
        "information) and s.33(1)(b) (commercial interests) of FOISA apply to it. Section 30(c) (substantial "
        "prejudice to effective conduct of public affairs) applies to the rest. This exemption is subject "
        "to the public interest test.\n"
    )
    assert _found(tmp_path, scottish, select=("exemption", "typo")) == []
    spelt_out = scottish.replace("of FOISA", "of the Freedom of Information (Scotland) Act 2002")
    assert _found(tmp_path, spelt_out, select=("exemption", "typo")) == []
    # a response under this Act that mentions the Scottish Act's section is still read: only the
    # Scottish citation is another Act's
    both = (
        "The information is withheld under the Freedom of Information Act 2000.\n\nSection 38(1)(a) Personal "
        "information\n\nPolice Scotland would answer under section 33(1)(b) (commercial interests) of FOISA.\n"
    )
    assert [f[:4] for f in _found(tmp_path, both, select=("PIT207",))] == [
        ("PIT207", "warning", 3, "Section 38(1)(a) Personal information"),
    ]
    this_act = both.replace("of FOISA", "of the Act")
    assert [f[:4] for f in _found(tmp_path, this_act, select=("PIT207",))] == [
        ("PIT207", "warning", 3, "Section 38(1)(a) Personal information"),
        ("PIT207", "warning", 5, "section 33(1)(b) (commercial interests)"),
    ]


def test_the_subsection_suggested_fits_the_argument_and_the_response(tmp_path: Path):
    commercial = (
        "We can confirm that the information is held. Section 43 - Commercial interests. Disclosure would "
        "prejudice the commercial interests of the supplier.\n"
    )
    assert _found(tmp_path, commercial) == [
        ("PIT204", "warning", 1, "Section 43", "Cite the subsection: s43(2)."),
    ]
    secrets = "We can confirm that the information is held. Section 43 - Commercial interests. It is a trade secret.\n"
    assert _found(tmp_path, secrets)[0][4] == "Cite the subsection: s43(1)."
    # a draft that quotes the whole section names both: prejudice to commercial interests is the usual ground
    quoted = secrets.replace(
        "It is a trade secret.",
        "S.43 provides that (1) trade secrets and (2) what would prejudice the commercial "
        "interests of any person are exempt.",
    )
    assert _found(tmp_path, quoted)[0][4] == "Cite the subsection: s43(2) (43(1) for a trade secret)."
    ncnd = "We neither confirm nor deny that we hold the information. Section 43 - Commercial interests.\n"
    assert _found(tmp_path, ncnd)[0][4] == "Cite the subsection: s43(3)."


def test_a_subsection_without_its_paragraph_is_info(tmp_path: Path):
    text = "We can confirm that the information is held. It is withheld under Section 31(1) Law enforcement.\n"
    assert _found(tmp_path, text) == [
        ("PIT204", "info", 1, "Section 31(1)", "Name the paragraph, e.g. s31(1)(a)."),
    ]
    # s30(2)'s paragraphs (a) and (b) apply together: there is no one to name
    both = "We can confirm that the information is held. It is withheld under Section 30(2) Investigations.\n"
    assert _found(tmp_path, both) == []


def test_titles_and_natures_of_exemptions(tmp_path: Path):
    text = (
        "Section 31(1)(g) - Investigations and proceedings conducted by a public authority\n\n"
        "Section 30(1)(a) Investigations\n\n"
        "Section 30(1)(a) is a prejudice based qualified exemption and Section 43(2) is a class based exemption. "
        "Section 40(2) is a class based absolute exemption. Section 31(1)(g) is a prejudice based qualified "
        "exemption. Section 24(1) is a prejudice based qualified exemption. Section 21(1) is a qualified exemption.\n"
    )
    assert _found(tmp_path, text) == [
        (
            "PIT207",
            "warning",
            1,
            "Section 31(1)(g) - Investigations and proceedings conducted by a public authority",
            "s31(1)(g) Law enforcement",
        ),
        (
            "PIT207",
            "warning",
            5,
            "Section 30(1)(a) is a prejudice based qualified exemption",
            "s30(1)(a) is a class-based qualified exemption",
        ),
        (
            "PIT207",
            "warning",
            5,
            "Section 43(2) is a class based exemption",
            "s43(2) is a prejudice-based qualified exemption",
        ),
        (
            "PIT207",
            "warning",
            5,
            "Section 21(1) is a qualified exemption",
            "s21(1) is a class-based absolute exemption",
        ),
    ]


def test_a_title_in_capitals_after_a_citation_in_running_text(tmp_path: Path):
    text = (
        "The vehicles are withheld under Section 24(1) National Security, Section 26(1)(b) International "
        "Relations and Section 31(1)(a) Law Enforcement. The rest is withheld under Section 31(1)(a)(b) "
        "Investigations and Proceedings. Section 40(2) Personal Information applies. Section 38(1) The "
        "health of officers matters.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT207",))] == [
        ("PIT207", "warning", 1, "Section 26(1)(b) International Relations"),
        ("PIT207", "warning", 1, "Section 31(1)(a)(b) Investigations and Proceedings"),
    ]
    dashed = (
        "The value of the contract is exempt under Section 43(2) - Law Enforcement. Section 31(1)(a) - Protests "
        "will continue to take place in the district.\n"
    )
    assert [f[:4] for f in _found(tmp_path, dashed, select=("PIT207",))] == [
        ("PIT207", "warning", 1, "Section 43(2) - Law Enforcement"),
    ]


def test_a_prejudice_based_exemption_described_in_class_based_words(tmp_path: Path):
    text = (
        "We can confirm that the information is held. Section 43(2) applies and the legislators have already "
        "accepted the harm in disclosing commercial information.\n"
    )
    assert _found(tmp_path, text) == [
        (
            "PIT207",
            "warning",
            1,
            "legislators have already accepted the harm",
            "s43(2) is a prejudice-based qualified exemption",
        )
    ]
    said = text.replace("Section 43(2) applies", "Section 43(2) is a prejudice based exemption")
    assert _found(tmp_path, said) == []


def test_a_prejudice_test_for_a_class_based_exemption(tmp_path: Path):
    text = (
        "The details are exempt by virtue of Section 30(1)(a) Investigations. I am required to complete a "
        "Prejudice Test/Public Interest Test on disclosure.\n"
    )
    assert _found(tmp_path, text) == [
        ("PIT207", "warning", 1, "Prejudice Test", "Speak of the public interest test alone.")
    ]
    # a prejudice-based exemption beside it, or the test said not to be needed
    assert _found(tmp_path, text.replace("Section 30(1)(a) Investigations", "Section 31(1)(a) Law enforcement")) == []
    denied = text.replace(
        "I am required to complete a Prejudice Test/", "As it is class-based, no prejudice test is needed, only a "
    )
    assert _found(tmp_path, denied) == []


def test_whose_personal_data(tmp_path: Path):
    third = (
        "We neither confirm nor deny that we hold the information. Section 40(5A) applies: to confirm or deny "
        "that we hold information about a third party would breach the data protection principles.\n"
    )
    assert _found(tmp_path, third) == [("PIT207", "warning", 1, "Section 40(5A)", "Section 40(5B)")]
    assert _found(tmp_path, third.replace("40(5A)", "40(5B)")) == []
    own = "We neither confirm nor deny that we hold it. Section 40(5B) applies to your own personal data.\n"
    assert _found(tmp_path, own) == [("PIT207", "warning", 1, "Section 40(5B)", "Section 40(5A)")]


def test_a_garbled_citation_is_read_and_reported_once(tmp_path: Path):
    text = "We can confirm that the information is held. Section 22 (1()(a) Future publication.\n"
    assert _found(tmp_path, text) == [("PIT208", "warning", 1, "Section 22 (1()(a)", "Section 22(1)(a)")]
    # a subsection's number without its brackets, under this Act or the Scottish one
    for act in ("the Act", "FOISA"):
        lost = f"An exemption under section 33 1(b) of {act} applies to some of it; see bus 12 3(a).\n"
        assert _found(tmp_path, lost) == [("PIT208", "warning", 1, "section 33 1(b)", "section 33(1)(b)")]


def test_a_citation_that_skips_the_subsection(tmp_path: Path):
    text = (
        "A public authority must state under Section 1(a) of the Act whether it holds the information, and "
        "communicate it under section 1(b). The information is exempt under Section 31(a) Law enforcement. "
        "Section 1(a) of the Police Act 1996 and section 43(1)(a) are other matters.\n"
    )
    assert _found(tmp_path, text) == [
        ("PIT208", "warning", 1, "Section 1(a)", "Section 1(1)(a)"),
        ("PIT208", "warning", 1, "section 1(b)", "section 1(1)(b)"),
        ("PIT208", "warning", 1, "Section 31(a)", "Section 31(1)(a)"),
    ]


def test_a_confirmation_of_the_whole_request_in_an_ncnd_response(tmp_path: Path):
    text = (
        "I can confirm that the information you have requested is held by the force.\n\n"
        "The force can neither confirm nor deny that it holds information relevant to your request.\n\n"
        "Section 40(5B) Personal information\n"
    )
    assert _found(tmp_path, text) == [
        (
            "PIT206",
            "warning",
            1,
            "I can confirm that the information you have requested is held",
            "Remove the confirmation, or answer the request and cite the subsection that withholds the information.",
        )
    ]
    # a partial answer confirms a part and neither confirms nor denies the rest
    partial = text.replace("is held by the force", "is held in part by the force")
    assert _found(tmp_path, partial) == []
    scoped = text.replace("The force can", "For questions 2 and 3 the force can")
    assert _found(tmp_path, scoped) == []
    rest = text.replace("that it holds information", "that it holds any other information")
    assert _found(tmp_path, rest) == []


def test_factors_weighed_for_an_absolute_exemption_beside_a_qualified_one(tmp_path: Path):
    factors = (
        "Factors favouring confirming or denying\n\nConfirming whether the force holds this information would "
        "show the public how seriously it takes the threat, and would inform the debate about it.\n\n"
    )
    text = (
        "We neither confirm nor deny that we hold the information requested, by virtue of the exemptions below.\n\n"
        f"Section 23(5) Security bodies\n\n{factors}Section 24(2) National security\n\n{factors}"
    )
    assert _found(tmp_path, text) == [
        (
            "PIT203",
            "warning",
            5,
            "Factors favouring confirming or denying",
            "Weigh the factors for the qualified exemptions only; say that s23 is absolute.",
        )
    ]


def test_a_harm_cut_short_is_not_judged_for_likelihood(tmp_path: Path):
    harm = "Section 31(1)(a) Law enforcement\n\nHarm\n\nDisclosure could affect the prevention of crime.\n"
    assert _found(tmp_path, harm) == []
    complete = harm + "\nFactors favouring disclosure\n\nThe public would know.\n"
    assert [f[0] for f in _found(tmp_path, complete)] == ["PIT205"]


ORGANISATIONS = """Bedfordshire Police Headquarters, Woburn Road, Kempston

Response - Cambridgeshire Constabulary can confirm that it holds information in relation to your
request. Cambridgeshire Constabulary will not disclose it.

Harm

The force shares air support with Staffordshire Police. You asked whether Essex Police notified the
force. Kent Police holds the records for us.

The information held by Cambridgeshire constabulary is exempt. The law requires -Cambridgeshire
Constabulary to reply. The Cambridgeshire Police Service will not say. CAMBRIDGESHIRE CONSTABULARY.
"""


def test_other_forces_are_reported_only_where_they_act_as_the_responder(tmp_path: Path):
    assert _found(tmp_path, ORGANISATIONS, select=("PIT601",)) == [
        ("PIT601", "warning", 9, "Kent Police", "Cambridgeshire Constabulary"),
    ]


def test_another_force_as_the_subject_or_the_stance_with_forces_named_further_on(tmp_path: Path):
    """ "Wiltshire Police does not publish ..., as police forces do nationally" in Dorset's letter:
    a reason far from the name excuses nothing; one beside it does ("Kent Police and other forces")."""
    text = (
        "Dorset Police can confirm that it holds the information. Dorset Police will not disclose it.\n\n"
        "Wiltshire Police does not publish the details of its fleet, and the approach is consistent with that "
        "taken by police forces nationally.\n\nIt is Devon and Cornwall Police's position that this, combined "
        "with similar disclosures by other forces, would harm policing.\n\nKent Police and other forces publish "
        "their fleet sizes.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT601",))] == [
        ("PIT601", "warning", 3, "Wiltshire Police"),
        ("PIT601", "warning", 5, "Devon and Cornwall Police"),
    ]


def test_another_force_compared_or_set_against_us_is_named_for_a_reason(tmp_path: Path):
    text = (
        "Gloucestershire Constabulary holds the records. Gloucestershire Constabulary will not disclose them.\n\n"
        "Wiltshire Police, our partner in the collaboration, answers requests about its own area. Avon and "
        "Somerset Police does the same for Bristol.\n\nGwent Police holds those records rather than us.\n\n"
        "Devon and Cornwall Police will not disclose the information.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT601",))] == [
        ("PIT601", "warning", 7, "Devon and Cornwall Police"),
    ]


def test_another_force_whose_position_is_stated_before_its_name(tmp_path: Path):
    text = (
        "South Yorkshire Police holds the records. South Yorkshire Police will not disclose them.\n\n"
        "It is therefore the position of West Yorkshire Police to neither confirm nor deny that information is "
        "held.\n\nThe view of the regional partners, including Humberside Police, was sought.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT601",))] == [
        ("PIT601", "warning", 3, "West Yorkshire Police"),
    ]


def test_another_force_as_the_place_the_searches_were_made(tmp_path: Path):
    """ "Searches were conducted within Lancashire Constabulary, including the Drone Unit" in
    Cumbria's letter: the place of the response's own searches; what follows the name lists its
    parts, no reason to name another force. Searches made with partner forces are."""
    text = (
        "Cumbria Constabulary holds the records. Cumbria Constabulary will not disclose them.\n\n"
        "Searches were conducted within Lancashire Constabulary, including the Drone Unit and Operational "
        "Support, and no further records were found.\n\nEnquiries were made with our partner forces across "
        "Durham Constabulary and Cleveland Police.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT601",))] == [
        ("PIT601", "warning", 3, "Lancashire Constabulary"),
    ]


def test_another_force_after_searches_with_a_department_and_a_date_left_in_our_telling(tmp_path: Path):
    """ "Following searches with the department, Bedfordshire Police has considered your request" in
    Northamptonshire's letter: the response has begun, and a "with" ends its say at the comma; "On
    XX April 2024 you wrote" is the force's own telling of the request, its slot the force's."""
    text = (
        "Northamptonshire Police\n\nRequest: On XX April 2024 you wrote to Northamptonshire Police asking "
        "for the number of cyber attacks.\n\nFollowing searches with the Digital Services Department, "
        "Bedfordshire Police has considered your request and I can confirm that information is held. "
        "Northamptonshire Police will not disclose it.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT601", "PIT602"))] == [
        ("PIT602", "error", 3, "XX"),
        ("PIT601", "warning", 5, "Bedfordshire Police"),
    ]


def test_a_forces_alias_inside_its_full_name_is_one_mention(tmp_path: Path):
    """ "Metropolitan Police" inside "Metropolitan Police Service" is not a second mention, so a City
    of London letter that names the Met three times is still the City's."""
    text = (
        "The City of London Police holds the information. The City of London Police will not disclose it.\n\n"
        "Mutual aid between the City of London Police and the Metropolitan Police Service is not recharged. "
        "No payments were made to the Metropolitan Police Service, and the Metropolitan Police Service made none.\n"
    )
    assert _found(tmp_path, text, select=("PIT601",)) == []


def test_another_forces_name_ending_in_the_own_name_is_not_it_cut_short(tmp_path: Path):
    text = (
        "West Yorkshire Police holds this. Yorkshire Police will not say. North Yorkshire Police and South "
        "Yorkshire Police agree.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT408",))] == [("PIT408", "warning", 1, "Yorkshire Police")]


def test_with_names_a_partner_only_before_the_force_or_beside_another_body(tmp_path: Path):
    """ "Staffordshire Police works with a number of suppliers" in Warwickshire's letter is the
    template's force acting; "works with West Mercia Police" and "with Staffordshire Police" name
    a partner."""
    text = (
        "Warwickshire Police can confirm that it holds the information. Warwickshire Police will not "
        "disclose it.\n\n"
        "Staffordshire Police works with a number of suppliers on a confidential basis.\n\n"
        "Staffordshire Police works with West Mercia Police on procurement. Warwickshire Police buys its "
        "fleet jointly with Staffordshire Police. Warwickshire Police holds the contract.\n\n"
        "Warwickshire Police has no information about the ability of Staffordshire Police to recruit. We hold "
        "nothing on the ability of Staffordshire Police to deploy drones, which this force cannot comment on.\n"
    )
    assert _found(tmp_path, text, select=("PIT601",)) == [
        ("PIT601", "warning", 3, "Staffordshire Police", "Warwickshire Police"),
    ]
    # the doer of an infinitive acts too: "the public expect Staffordshire Police to keep"
    expected = text.replace(
        "Staffordshire Police works with a number of suppliers on a confidential basis.",
        "The public expect Staffordshire Police to keep its capability out of the hands of criminals.",
    )
    assert _found(tmp_path, expected, select=("PIT601",)) == [
        ("PIT601", "info", 3, "Staffordshire Police", "Warwickshire Police"),
    ]


def test_bodies_replaced_since_are_outdated_references(tmp_path: Path):
    text = (
        "Response dated 3 May 2023\n\nThe Independent Police Complaints Commission (IPCC) and the Interception of "
        "Communications Commissioner's Office inspect us, as do HMIC and SOCA. In 2015 the IPCC reviewed the "
        "case. Her Majesty's Inspectorate of Constabulary and Fire & Rescue Services reported.\n"
    )
    assert [f[3] for f in _found(tmp_path, text, select=("PIT503",))] == [
        "Independent Police Complaints Commission (IPCC)",
        "Interception of Communications Commissioner's Office",
        "HMIC",
        "SOCA",
        "Her Majesty's",  # (the full name is not HMIC's; since September 2022 it is His Majesty's)
    ]
    assert _found(tmp_path, text.replace("3 May 2023", "3 May 2012"), select=("PIT503",)) == []


def test_a_threat_level_copied_from_before_it_was_lowered(tmp_path: Path):
    text = (
        "Date: 4 June 2025\n\nThe threat level to the UK from international terrorism is currently SEVERE, "
        "meaning an attack is highly likely. The threat level for Northern Ireland-related terrorism in "
        "Northern Ireland is currently assessed as SEVERE. The threat level remains SUBSTANTIAL, and the harm "
        "would be severe. Hearings are held under the Police (Conduct) Regulations 2012.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT503",))] == [
        ("PIT503", "warning", 3, "threat level to the UK from international terrorism is currently SEVERE"),
        (
            "PIT503",
            "warning",
            3,
            "threat level for Northern Ireland-related terrorism in Northern Ireland is currently assessed as SEVERE",
        ),
        ("PIT503", "info", 3, "Police (Conduct) Regulations 2012"),
    ]
    # before the levels were lowered, the letter was right
    assert _found(tmp_path, text.replace("4 June 2025", "4 June 2019"), select=("PIT503",)) == []


def test_bodies_closed_or_merged_since_are_outdated_references(tmp_path: Path):
    text = (
        "Response dated 3 March 2024\n\nApplicants are checked with the Criminal Records Bureau, exhibits go "
        "to the Forensic Science Service, attacks are reported to CERT-UK and contracts are advertised in the "
        "Official Journal of the European Union. In 2010 a CRB check was made.\n"
    )
    found = _found(tmp_path, text, select=("PIT503",))
    assert [f[3] for f in found] == [
        "Criminal Records Bureau",
        "Forensic Science Service",
        "CERT-UK",
        "Official Journal of the European Union",
    ]
    assert found[0][4] == "the Disclosure and Barring Service (DBS)"
    assert _found(tmp_path, text.replace("3 March 2024", "3 March 2011"), select=("PIT503",)) == []


def test_the_crowns_bodies_police_authorities_and_cpni_after_they_changed(tmp_path: Path):
    text = (
        "Response dated 4 March 2025\n\nThe inspection by Her Majesty's Inspectorate of Constabulary and Fire & "
        "Rescue Services was published. The Wiltshire Police Authority agreed it, as did the Civil Nuclear "
        "Police Authority and the Scottish Police Authority, on advice from the Centre for the Protection of "
        "National Infrastructure (CPNI). Her Majesty's Inspectorate of Constabulary inspects forces.\n"
    )
    found = _found(tmp_path, text, select=("PIT503",))
    assert [f[3] for f in found] == [
        "Her Majesty's",
        "Wiltshire Police Authority",
        "Centre for the Protection of National Infrastructure (CPNI)",
        "Her Majesty's Inspectorate of Constabulary",
    ]
    assert [f[4] for f in found[:3]] == [
        "His Majesty's",
        "the Police and Crime Commissioner",
        "the National Protective Security Authority (NPSA)",
    ]
    assert _found(tmp_path, text.replace("4 March 2025", "4 March 2012"), select=("PIT503",)) == []


def test_an_acts_title_with_a_year_it_does_not_have(tmp_path: Path):
    text = (
        "Informants are managed under Part II of the Regulation of Investigatory Powers Act 2002 and the "
        "Investigatory Powers Act 2016; the Modern Slavery Act 2014 applies.\n"
    )
    found = _found(tmp_path, text, select=("PIT507",))
    assert [(f[3], f[4]) for f in found] == [
        ("Regulation of Investigatory Powers Act 2002", "Regulation of Investigatory Powers Act 2000"),
        ("Modern Slavery Act 2014", "Modern Slavery Act 2015"),
    ]


def test_an_exemption_of_the_scottish_act_called_absolute_or_qualified_wrongly(tmp_path: Path):
    text = (
        "Your request has been considered under the Freedom of Information (Scotland) Act 2002.\n\n"
        "Section 35(1)(a)&(b) - Law Enforcement\n\nSection 35 is an absolute exemption. Section 37 is a "
        "qualified exemption. Section 38(1)(b) is an absolute exemption, and section 39(1) is qualified.\n\n"
        "You may then apply to the Scottish Information Commissioner.\n"
    )
    found = _found(tmp_path, text, select=("PIT207",))
    assert [(f[0], f[2], f[3]) for f in found] == [("PIT207", 5, "absolute"), ("PIT207", 5, "qualified")]
    assert found[0][4] == "s35 of FOISA is a qualified exemption"
    english = text.replace("Freedom of Information (Scotland) Act 2002", "Freedom of Information Act 2000")
    assert [f for f in _found(tmp_path, english, select=("PIT207",)) if "Scotland" in str(f)] == []
    # an English letter that names the Scottish Act in passing is not read by its sections
    passing = text.replace("Scottish Information Commissioner", "Information Commissioner's Office")
    assert [f for f in _found(tmp_path, passing, select=("PIT207",)) if "Scotland" in str(f)] == []


def test_a_balancing_test_that_finds_for_disclosure_in_a_response_that_withholds(tmp_path: Path):
    text = (
        "Section 31(1)(a) Law Enforcement\n\nThe information is held and is withheld.\n\n"
        "Harm\n\nDisclosure would be likely to prejudice the prevention of crime.\n\n"
        "Factors favouring disclosure\n\nTransparency.\n\nFactors against disclosure\n\nSafety.\n\n"
        "Balance test\n\nTaking all of the above into account, the balance test favours disclosure of the "
        "requested information.\n\nConclusion\n\nThe information is withheld.\n"
    )
    assert [(f[0], f[2], f[3]) for f in _found(tmp_path, text, select=("PIT212",))] == [
        ("PIT212", 19, "balance test favours disclosure")
    ]
    for right in (
        "the balance test favours non-disclosure of the requested information",
        "the balance test favours disclosure of the total only, which is given above",
        "the public interest in maintaining the exemption outweighs the public interest in disclosure",
        "I do not consider that the public interest in disclosure outweighs that in maintaining it",
        "whilst the public interest favours disclosure of information that promotes accountability, the risk "
        "carries greater weight",
        "we considered whether the public interest in disclosure outweighs that in maintaining the exemption",
    ):
        changed = text.replace("the balance test favours disclosure of the requested information", right)
        assert _found(tmp_path, changed, select=("PIT212",)) == [], right
    outweighs = text.replace(
        "the balance test favours disclosure of the requested information",
        "the public interest in disclosure outweighs that in maintaining the exemption",
    )
    assert [f[3] for f in _found(tmp_path, outweighs, select=("PIT212",))] == [
        "public interest in disclosure outweighs"
    ]
    # what is disclosed named between: the whole of it, not a part ("the total")
    named = text.replace(
        "the balance test favours disclosure of the requested information",
        "the public interest in disclosing the unit prices outweighs that in maintaining the exemption",
    )
    assert [f[3] for f in _found(tmp_path, named, select=("PIT212",))] == [
        "public interest in disclosing the unit prices outweighs"
    ]
    part = named.replace("disclosing the unit prices", "disclosing the total")
    assert _found(tmp_path, part, select=("PIT212",)) == []


def test_a_withholding_subsection_cited_in_the_sentence_that_neither_confirms_nor_denies(tmp_path: Path):
    text = (
        "The total cost is £4,000. The deployment figures are held and are withheld under section 31(1)(a).\n\n"
        "For question 3, we can neither confirm nor deny that we hold any information by virtue of "
        "Section 31(1)(b) and Section 30(3).\n"
    )
    assert [(f[0], f[2], f[3]) for f in _found(tmp_path, text, select=("PIT206", "PIT202"))] == [
        ("PIT206", 3, "Section 31(1)(b)")
    ]
    right = text.replace("Section 31(1)(b) and", "Section 31(3) and")
    assert _found(tmp_path, right, select=("PIT206", "PIT202")) == []
    # the harm named after the citation ("as ... would prejudice ... (section 31(1)(a))") is no citation
    reason = text.replace(
        "by virtue of Section 31(1)(b) and Section 30(3).",
        "by virtue of section 31(3), as to do so would be likely to prejudice the prevention of crime "
        "(section 31(1)(a)).",
    )
    assert _found(tmp_path, reason, select=("PIT206",)) == []


def test_a_withholding_subsection_relied_on_in_an_ncnd_sentence_however_worded(tmp_path: Path):
    """The NCND sentence's citation however it is tied to it ("in accordance with", "relying upon",
    "pursuant to", "and ... applies") and whatever the sentence says of the information ("as to the
    deployment", "such as flight logs", "that would fall within"): one finding, on the citation."""
    opening = "The total cost is £4,000. The deployment figures are held and are withheld under section 24(1).\n\n"
    for sentence in (
        "For question 3, we can neither confirm nor deny that we hold any information, in accordance with "
        "section 31(1)(a).",
        "For question 3, we can neither confirm nor deny whether any information is held that would fall "
        "within this question by virtue of section 31(1)(a).",
        "For question 3, we can neither confirm nor deny whether we hold information as to the deployment of "
        "drones by virtue of section 31(1)(a).",
        "For question 3, we can neither confirm nor deny that we hold any information, relying upon section 31(1)(a).",
        "For question 3, we can neither confirm nor deny holding any information, and section 31(1)(a) applies.",
        "For question 3, we can neither confirm nor deny that we hold any information pursuant to section 31(1)(a).",
        "For question 3, we can neither confirm nor deny whether we hold information such as flight logs by "
        "virtue of section 31(1)(a).",
    ):
        found = _found(tmp_path, opening + sentence + "\n", select=("PIT206", "PIT202"))
        assert [(f[0], f[2], f[3]) for f in found] == [("PIT206", 3, "section 31(1)(a)")], sentence
    # the NCND subsection relied on in the same sentence, the withholding one named as what would apply
    relied = (
        "For question 3, the force neither confirms nor denies holding any information about that location, "
        "which would otherwise be exempt under section 31(1)(a), by virtue of section 31(3)."
    )
    assert _found(tmp_path, opening + relied + "\n", select=("PIT206", "PIT202")) == []


def test_what_is_said_to_be_exempt_by_virtue_of_an_ncnd_subsection(tmp_path: Path):
    """ "The locations of the cameras are exempt by virtue of:" withholds: an NCND subsection cited
    for it is the wrong one; "which are exempt under" describes, and says nothing of the response."""
    text = (
        "The locations of the fixed cameras are exempt by virtue of:\n\n"
        "Section 24(2) National Security\n\nSection 31(1)(a) Law Enforcement\n"
    )
    assert [(f[0], f[2], f[3]) for f in _found(tmp_path, text, select=("PIT206",))] == [("PIT206", 3, "Section 24(2)")]
    described = text.replace(
        "The locations of the fixed cameras are exempt by virtue of:",
        "Some kinds of information which are exempt under section 24(2) are described below:",
    )
    assert _found(tmp_path, described, select=("PIT206",)) == []


def test_another_force_expected_to_act_is_not_the_responder(tmp_path: Path):
    """ "We would expect British Transport Police to hold records" is advice, not another force left
    in ("we" speaks beside it); a force that is only an infinitive's doer ("The law allows Norfolk
    Constabulary to recover the costs", or the template slip "The public expect Suffolk Constabulary
    to police protests", which reads the same) is a note."""
    text = ORGANISATIONS + (
        "\nWe would expect Suffolk Constabulary to hold records of events in Ipswich. The law allows Norfolk "
        "Constabulary to recover the costs. Essex Police publishes similar figures about its own deployments.\n"
    )
    assert _found(tmp_path, text, select=("PIT601",)) == [
        ("PIT601", "warning", 9, "Kent Police", "Cambridgeshire Constabulary"),
        ("PIT601", "info", 14, "Norfolk Constabulary", "Cambridgeshire Constabulary"),
    ]


def test_the_forces_own_name_written_wrongly(tmp_path: Path):
    assert _found(tmp_path, ORGANISATIONS, select=("PIT408",)) == [
        ("PIT408", "warning", 11, "Cambridgeshire constabulary", "Cambridgeshire Constabulary"),
        ("PIT408", "warning", 11, "-Cambridgeshire Constabulary", "Cambridgeshire Constabulary"),
        ("PIT408", "info", 12, "The Cambridgeshire Police Service", "The Cambridgeshire Constabulary"),
    ]
    cut = "Dyfed-Powys Police holds it. The Act requires -Powys Police to reply. Heddlu Dyfed-Powys agrees.\n"
    assert _found(tmp_path, cut, select=("PIT408",)) == [
        ("PIT408", "warning", 1, "-Powys Police", "Dyfed-Powys Police"),
    ]


def test_the_forces_own_name_misspelt_is_one_finding_with_the_whole_name(tmp_path: Path):
    """The pattern lets a name's first words go missing ("-Powys Police"); where they are there but
    misspelt, the finding covers them, so that its fix does not write "Dyfd-Dyfed-Powys Police"."""
    text = "Dyfed-Powys Police holds it. Dyfd-Powys Police will not release it.\n"
    assert _found(tmp_path, text, select=("typo",)) == [
        ("PIT408", "warning", 1, "Dyfd-Powys Police", "Dyfed-Powys Police"),
    ]
    jersey = "The States of Jersey Police holds it. The Sates of Jersey police will not release it.\n"
    assert _found(tmp_path, jersey, select=("typo",)) == [
        ("PIT408", "warning", 1, "Sates of Jersey police", "States of Jersey Police"),
    ]


def test_the_forces_distinctive_word_misspelt(tmp_path: Path):
    """ "Staffordhsire Police": two letters swapped in the word that says which force it is; a
    neighbouring force's name, further off, is another force's."""
    text = (
        "Staffordshire Police holds the contract. It would prejudice the interests of Staffordhsire Police "
        "itself. Staffordshire Police works with Shropshire Police and West Mercia Police.\n"
    )
    assert _found(tmp_path, text, select=("PIT408",)) == [
        ("PIT408", "warning", 1, "Staffordhsire Police", "Staffordshire Police"),
    ]
    others = (
        "Staffordshire Police holds it. The Staffordhire Police Federation was consulted, as were officers of "
        "the former Staffordshare Constabulary area.\n"
    )
    assert _found(tmp_path, others, select=("PIT408",)) == [
        ("PIT408", "warning", 1, "Staffordshare Constabulary", "Staffordshire Police"),
    ]
    assert _messages(tmp_path, ("PIT408",)) == [
        '"Staffordshare Constabulary" is this force\'s name misspelt: "Staffordshire Police"'
    ]
    places = "Hertfordshire Constabulary holds it. Officers of the former Herefordshire Constabulary area helped.\n"
    assert _found(tmp_path, places, select=("PIT408",)) == []
    led = (
        "The Police Service of Northern Ireland holds it. The Police Service of Northen Ireland will not release it.\n"
    )
    assert _found(tmp_path, led, select=("PIT408",)) == [
        ("PIT408", "warning", 1, "Police Service of Northen Ireland", "Police Service of Northern Ireland"),
    ]
    dropped = "Leicestershire Police holds it. Leicestshire Police holds information.\n"
    assert _found(tmp_path, dropped, select=("PIT408",)) == [
        ("PIT408", "warning", 1, "Leicestshire Police", "Leicestershire Police"),
    ]
    mercia = "West Mercia Police holds it. West Mecria Police will not release it.\n"
    assert _found(tmp_path, mercia, select=("PIT408",)) == [
        ("PIT408", "warning", 1, "West Mecria Police", "West Mercia Police"),
    ]


def test_the_forces_own_name_counts_its_acronym_and_ties_go_to_the_first_named(tmp_path: Path):
    """PSNI named once in full and four times by its acronym, Police Scotland once, acting: the
    draft is PSNI's, whichever the pack lists first."""
    text = (
        "The Police Service of Northern Ireland is providing an NCND response. The PSNI can neither confirm "
        "nor deny it. The PSNI works with partners. The PSNI will not confirm it. The PSNI notes this. "
        "Police Scotland must be able to use covert tactics.\n"
    )
    assert _found(tmp_path, text, select=("PIT601",)) == [
        ("PIT601", "warning", 1, "Police Scotland", "Police Service of Northern Ireland"),
    ]
    tie = "Police Service of Northern Ireland holds it. Police Scotland must be able to use covert tactics.\n"
    assert _found(tmp_path, tie, select=("PIT601",)) == [
        ("PIT601", "warning", 1, "Police Scotland", "Police Service of Northern Ireland"),
    ]


def test_another_force_described_or_another_body_named_after_a_force_is_not_a_leftover(tmp_path: Path):
    text = (
        "Cambridgeshire Constabulary can confirm that it holds the information. Cambridgeshire Constabulary "
        "will not disclose it.\n\n"
        "Essex Police are responsible for policing a larger county with more officers.\n\n"
        "The figures were given to the Kent Police Federation. The Cambridgeshire Police Authority is "
        "consulted. Kent Police holds the records for us.\n"
    )
    assert _found(tmp_path, text, select=("PIT601", "PIT408")) == [
        ("PIT601", "warning", 5, "Kent Police", "Cambridgeshire Constabulary"),
    ]


def test_a_section_of_the_foi_act_abbreviated_is_an_foi_citation(tmp_path: Path):
    text = (
        "The information is withheld under Section 31 of the FOI Act - Law Enforcement.\n\n"
        "Section 44 of the Terrorism Act 2000 is not relevant.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT204",))] == [
        ("PIT204", "warning", 1, "Section 31"),
    ]


def test_a_withholding_response_that_announces_the_harm_of_confirming_or_not(tmp_path: Path):
    text = (
        "We can confirm that the information is held. It is withheld under the following exemption:\n\n"
        "Section 31(1)(a) Law enforcement\n\nSection 31 is a qualified exemption and the harm that would be caused "
        "in confirming or not that the information is held must be set out. The duty to confirm or deny is "
        "explained in section 1(1)(a).\n\nHarm\n\nDisclosure would show offenders where the cameras are.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT206",))] == [
        ("PIT206", "warning", 5, "confirming or not"),
    ]
    # the harm of confirming or denying given to the subsection that removes that duty: the
    # response answers part and neither confirms nor denies the rest
    in_part = text.replace("is held must be set out", "is held for subsection (3) must be set out")
    assert _found(tmp_path, in_part, select=("PIT206",)) == []


def test_a_withholding_response_that_argues_the_harm_of_confirming_or_denying(tmp_path: Path):
    text = (
        "We can confirm that the information is held. It is withheld under Section 31(1)(a) Law enforcement.\n\n"
        "Harm\n\nBy confirming or denying that information is held, the force would reveal its tactics to "
        "offenders.\n\nFactors favouring disclosure\n\nDisclosure would show how public money is spent on "
        "tactics and equipment.\n"
    )
    assert _found(tmp_path, text) == [
        ("PIT206", "warning", 5, "confirming or denying", "Argue the harm of disclosing the information itself."),
    ]


def test_an_ncnd_response_that_says_it_withholds(tmp_path: Path):
    text = (
        "We neither confirm nor deny that we hold the information, and rely on the following exemptions to "
        "withhold it: Section 31(3) Law enforcement.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT201",))] == [
        ("PIT201", "error", 1, "exemptions to withhold")
    ]


def test_a_section_of_the_act_named_for_another_sections_duty(tmp_path: Path):
    text = (
        "Section 17 of the Freedom of Information Act places two duties on public authorities. This letter "
        "is a refusal notice under Section 17 of the Act. Section 1 gives a general right of access.\n"
    )
    assert _found(tmp_path, text) == [("PIT209", "warning", 1, "Section 17", "Section 1")]


def test_citations_at_the_end_of_a_sentence_and_other_acts_sections(tmp_path: Path):
    text = (
        "We can confirm that the information is held. It is withheld as commercially sensitive under "
        "Section 43. The exemptions in section 33A (1) of the Data Protection Act 2018 do not apply.\n"
    )
    assert _found(tmp_path, text) == [("PIT204", "warning", 1, "Section 43", "Cite the subsection: s43(2).")]


def test_the_requesters_words_are_not_checked(tmp_path: Path):
    text = (
        "Request\n\nI would like all inter and intra communications of Cleveland police, and the colour of "
        "the GDPR notices.\n\n1. The costs of the tender.\n\nResponse\n\nCleveland Police can confirm that the "
        "information is held. Cleveland Police will not disclose it.\n"
    )
    assert _found(tmp_path, text, select=("typo", "link", "copy-paste")) == []


def test_questions_answered_in_turn_and_a_request_after_you_wrote_are_the_requesters(tmp_path: Path):
    text = (
        "Q1) How many pagers does your force use, and is the freedom of information act followed?\n\n"
        "The force holds no pagers.\n\n"
        "2. Do you neither confirm nor deny holding recieved data?\n\n"
        "You wrote:\n\nI want the GDPR records of the the teams.\n\n"
        "Response\n\nThe force can confirm that it holds the information and it is withheld under "
        "Section 31(1)(a) Law enforcement.\n"
    )
    assert _found(tmp_path, text, select=("typo", "link", "exemption")) == []


def test_a_request_in_the_requesters_own_unlabelled_words(tmp_path: Path):
    text = (
        "Cyber security\n\nReceived 2 March 2026. Under the Freedom of Information Act, I would like to request "
        "the following information:\n\n1. The number of breaches caused by unpatchd software.\n\n"
        "2. The costs, and whether s.31(1) of the FOIA can apply.\n\nResponse\n\nThe council holds the "
        "infromation and it is withheld under Section 31(1)(a) Law enforcement.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("typo", "exemption"))] == [
        ("PIT403", "warning", 11, "infromation"),
    ]
    # a letter that quotes the request inside its own paragraph: the paragraph is the force's
    quoted = (
        "We treat your email as a request. You asked: \u201cI would like to know the sums paid.\u201d We hold the "
        "infromation by calender year.\n"
    )
    assert [f[:4] for f in _found(tmp_path, quoted, select=("typo",))] == [
        ("PIT403", "warning", 1, "infromation"),
        ("PIT405", "warning", 1, "calender"),
    ]


def test_a_request_in_a_companys_voice_runs_up_to_the_response_label(tmp_path: Path):
    text = (
        "Ref 0412 Regarding Parking Fines Request\n\nThis is a request for information under the Freedom of "
        "Information Act 2000. We wish to obtain the sums owed, which maybe considered lost.\n\n"
        "We therefore request a list of the refunds owed to Parkwize Ltd and its write ons.\n\n"
        "\u2022 The value of each refund.\n\nPlease note that no personal data (as defined by the Data "
        "Protection Act 1998) is requested.\n\nOur response\n\nThe council holds the infromation and "
        "it is withheld under Section 31(1)(a) Law enforcement.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("typo", "link"))] == [
        ("PIT403", "warning", 13, "infromation"),
    ]
    # without a response label ahead, the force's "Please note" ends the request
    told = text.replace("Our response\n\n", "")
    assert [f[:4] for f in _found(tmp_path, told, select=("typo", "link"))] == [
        ("PIT503", "warning", 9, "Data Protection Act 1998"),
        ("PIT403", "warning", 11, "infromation"),
    ]
    # the force's thanks end it even with a label ahead
    thanked = text.replace("Please note that", "Thank you for your email. Please note that")
    assert ("PIT503", "warning", 9, "Data Protection Act 1998") in [
        f[:4] for f in _found(tmp_path, thanked, select=("typo", "link"))
    ]


def test_a_request_introduced_by_a_line_ending_in_a_semicolon_ends_at_the_table(tmp_path: Path):
    text = (
        "The requests to be considered are;\n\nWhat childrens homes were publically named?\n\n"
        "EXEMPTION / FAVOURING DISCLOSURE / FAVOURING NON-DISCLOSURE\n"
        "Section 40(2) / Disclosure would name the persona data of staff.\n"
    )
    assert _found(tmp_path, text, select=("typo",)) == [
        ("PIT405", "warning", 6, "persona", "personal"),
    ]


def test_the_request_ends_where_the_force_speaks(tmp_path: Path):
    text = (
        "You requested the following information:\n\nA list of the fleet, with registrations.\n\n"
        "Please see the attached document.\n\nThe force is unable to provide the infromation on covert "
        "vehicles, as it is exempt by virtue of Section 31(1)(a) Law enforcement.\n"
    )
    assert _found(tmp_path, text, select=("typo",)) == [
        ("PIT403", "warning", 7, "infromation", "information"),
    ]


def test_a_request_the_force_says_it_received_and_questions_without_question_marks(tmp_path: Path):
    text = (
        "We received a request under the Freedom of Information Act 2000 (FOIA):\n\n"
        "I am trying to find out the numbers of Anti Social Behavour reports near the statoin.\n\n"
        "Our Response:\n\nThe force is unable to provide the infromation.\n\n"
        "1) At what time was the statment posted\n\nIt was posted at noon.\n\n"
        "2) Request for a copy of the vidoe footage\n\nThe footage is withheld.\n"
    )
    assert _found(tmp_path, text, select=("typo",)) == [
        ("PIT403", "warning", 7, "infromation", "information"),
    ]


def test_a_request_introduced_with_a_dash_ends_where_it_has_been_considered(tmp_path: Path):
    text = (
        "I note you seek access to the following information: -\n\n"
        "1) Does the force use the recomended thresholds?\n\n"
        "2) In addition to point 1, the numbre of courses since 2011.\n\n"
        "Your request has now been considered and I can confirm that the infromation is held.\n\n"
        "1) The force applies the guidance.\n"
    )
    assert _found(tmp_path, text, select=("typo",)) == [
        ("PIT403", "warning", 7, "infromation", "information"),
    ]


def test_questions_labelled_inline_are_the_requesters(tmp_path: Path):
    text = "Question(s): Since the Taskforce was launched, how much infromation was held?\n\nNone.\n"
    assert _found(tmp_path, text, select=("typo",)) == []
    # the same words as the force's own are checked
    answer = "Since the Taskforce was launched, how much infromation was held?\n"
    assert _found(tmp_path, answer, select=("typo",)) == [("PIT403", "warning", 1, "infromation", "information")]


def test_a_response_that_answers_part_and_neither_confirms_nor_denies_the_rest(tmp_path: Path):
    text = (
        "Attached are 44 e-mails, with redactions. The force neither confirms nor denies whether additional "
        "material is held.\n\nSection 40(2) Personal Information applies to the redactions.\n\n"
        "Section 30(1)(b) Investigations applies.\n\n"
        "Considerations for confirming or denying whether information is held under S30\n"
    )
    found = _found(tmp_path, text, select=("PIT206",))
    assert [f[:4] for f in found] == [("PIT206", "error", 5, "Section 30(1)(b)")]
    assert _messages(tmp_path, ("PIT206",))[0] == (
        "s30(1)(b) withholds information admitted to be held, but this response neither confirms nor denies "
        "under s30 that more is held."
    )
    # without the weighing of confirming or denying under s30, s30(1)(b) may be the answered part's,
    # but then nothing cited removes the duty to confirm or deny for the rest: the NCND is reported
    answered = text.replace("Considerations for confirming or denying whether information is held under S30\n", "")
    assert _found(tmp_path, answered, select=("PIT206",)) == [
        (
            "PIT206",
            "warning",
            1,
            "The force neither confirms nor denies",
            "Cite the subsection that removes that duty for the exemption relied on: s40(5B) (another person's "
            "data) or 40(5A) (the requester's own); s30(3).",
        )
    ]
    # with that subsection cited too, the response holds together
    cited = answered + "\nSection 30(3) applies to whether more is held.\n"
    assert _found(tmp_path, cited, select=("PIT206",)) == []


def test_names_and_numbering_that_changed_are_right_in_a_response_dated_before(tmp_path: Path):
    letter = (
        "Our Ref: 1234/14  Police Headquarters  11 June 2014\n\n"
        "We neither confirm nor deny holding the information by virtue of Section 40(5) Personal "
        "information. ACPO guidance applies.\n"
    )
    assert _found(tmp_path, letter, select=("PIT503",)) == []  # no "s40(5B)" or "NPCC" for a letter of 2014
    act = "Under the Freedom of Information Act 2000 we rely on Section 40(2) and (3)(a) Personal information.\n"
    # an Act's year is its name, not the year the sentence is about
    assert _found(tmp_path, act, select=("PIT503",)) == [
        ("PIT503", "warning", 1, "Section 40(2) and (3)(a)", "s40(3A) or 40(3B)"),
    ]
    assert _messages(tmp_path, ("PIT503",)) == [
        "s40(3) is the numbering before the Data Protection Act 2018: cite s40(3A) or 40(3B)"
    ]
    today = letter.replace("11 June 2014", "11 June 2026")
    assert [f[:4] for f in _found(tmp_path, today, select=("PIT503",))] == [
        ("PIT503", "warning", 3, "Section 40(5)"),
        ("PIT503", "warning", 3, "ACPO"),
    ]


@pytest.mark.parametrize(
    ("dated", "reported"),
    [
        ("12 January 2015", []),  # ACPO closed on 31 March 2015: right in January
        ("31/03/2015", []),
        ("1st April 2015", ["ACPO"]),  # the NPCC's from its first day
        ("May 24, 2018", ["ACPO"]),  # s40 renumbered on 25 May 2018
        ("25.05.18", ["Section 40(5)", "ACPO"]),
        ("31 June 2015", ["Section 40(5)", "ACPO"]),  # no such day: the letter's date is unknown
        ("March 2015", []),  # a month on a line of its own: its first day
    ],
)
def test_a_change_is_dated_to_the_day(tmp_path: Path, dated: str, reported: list[str]):
    """ACPO closed on 31 March 2015; s40 was renumbered on 25 May 2018."""
    letter = (
        f"Police Headquarters\n\n{dated}\n\nWe neither confirm nor deny holding the information by virtue "
        "of Section 40(5) Personal information. ACPO guidance applies.\n"
    )
    suggestions = {"Section 40(5)": "s40(5A) or 40(5B)", "ACPO": "the National Police Chiefs' Council (NPCC)"}
    assert _found(tmp_path, letter, select=("PIT503",)) == [
        ("PIT503", "warning", 5, excerpt, suggestions[excerpt]) for excerpt in reported
    ]


def test_old_subsections_run_together_after_the_one_in_force(tmp_path: Path):
    letter = "Police Headquarters\n\n3 March 2024\n\nSection 40(2)(3)&(4) - Personal Information applies.\n"
    assert _found(tmp_path, letter, select=("PIT503",)) == [
        ("PIT503", "warning", 5, "Section 40(2)(3)&(4)", "s40(3A) or 40(3B)"),
    ]
    assert _found(tmp_path, letter.replace("2024", "2016"), select=("PIT503",)) == []


@pytest.mark.parametrize(
    ("heading", "reported"),
    [
        ("Custody records (4471/14)", []),  # no date: the reference's year, from its first day
        ("Reference No: 004471/15", []),  # ACPO closed in March 2015: the doubt goes to the text
        ("Reference No: 004471/16", ["ACPO"]),
        ("FOI 2018-0412", ["ACPO"]),  # 1 January 2018: s40 not yet renumbered
        ("FOI 2019-0412", ["Section 40(5)", "ACPO"]),
        ("Custody records (4471/19) 3 March 2014", []),  # a full date wins over a reference
        ("Custody records (1/2)", ["Section 40(5)", "ACPO"]),  # not a reference with a year
        ("Reference: SM289/13", []),  # letters before the number
    ],
)
def test_a_response_with_no_date_is_dated_by_its_references_year(tmp_path: Path, heading: str, reported: list[str]):
    letter = (
        f"{heading}\n\nWe neither confirm nor deny holding the information by virtue of Section 40(5) "
        "Personal information. ACPO guidance applies.\n"
    )
    assert [f[:4] for f in _found(tmp_path, letter, select=("PIT503",))] == [
        ("PIT503", "warning", 3, excerpt) for excerpt in reported
    ]


def test_a_section_relied_on_alone_before_it_is_cited_in_full_is_reported(tmp_path: Path):
    text = (
        "The figures for this year would engage an exemption, namely section 30 concerning investigations.\n\n"
        "The informant payments are exempt by virtue of section 30(2)(a)(i) Investigations. Section 30 is a "
        "class-based exemption.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT204",))] == [("PIT204", "warning", 1, "section 30")]
    later = "The payments are exempt by virtue of section 30(2)(a)(i) Investigations.\n\nSection 30 is class-based.\n"
    assert _found(tmp_path, later, select=("PIT204",)) == []
    withdrawn = (
        "The harm arguments applied under Section 31 of the Act have been disregarded at internal review. "
        "The information is disclosed below.\n"
    )
    assert _found(tmp_path, withdrawn, select=("PIT204",)) == []
    pointed = text.replace("namely section 30 concerning investigations", "namely section 30 (see below)")
    assert _found(tmp_path, pointed, select=("PIT204",)) == []


def test_wording_for_the_number_of_exemptions_cited(tmp_path: Path):
    one = "Applicable Exemptions\n\nSection 43(2) Commercial interests\n\nThese exemptions are explained below.\n"
    assert _found(tmp_path, one, select=("PIT210",)) == [
        ("PIT210", "info", 1, "Applicable Exemptions", "Applicable Exemption"),
    ]
    several = "It is exempt by virtue of the following exemption: Section 24(1) and Section 31(1)(a).\n"
    assert _found(tmp_path, several, select=("PIT210",)) == [
        ("PIT210", "info", 1, "the following exemption", "the following exemptions"),
    ]
    assert _found(tmp_path, several.replace("exemption:", "exemptions:"), select=("PIT210",)) == []
    # two lists: each wording counts the exemptions listed after it, not all those in the letter
    two_lists = (
        "The names are exempt under the following exemptions:\n\nSection 40(2) Personal information\n\n"
        "Section 38(1)(a) Health and safety\n\nThe tactics are exempt under the following exemption:\n\n"
        "Section 31(1)(a) Law enforcement\n\nThese exemptions are explained below.\n"
    )
    assert _found(tmp_path, two_lists, select=("PIT210",)) == []
    # a list of bare numbers after a singular "Section" is four exemptions
    listed = "The information is exempt by virtue of Section 23, 24, 31 and 40 of the Act: these exemptions apply.\n"
    assert _found(tmp_path, listed, select=("PIT210",)) == []
    assert _found(tmp_path, "Section 40, 12 months ago, these exemptions applied.\n", select=("PIT210",)) == [
        ("PIT210", "info", 1, "these exemptions", "this exemption")
    ]
    # one section cited in several limbs is fairly "these exemptions"
    limbs = "It is withheld under the following exemptions:\n\nSection 31(1)(a)(b) Law enforcement\n"
    assert _found(tmp_path, limbs, select=("PIT210",)) == []
    subsections = "We rely on the following exemptions: Section 31(1)(a) and Section 31(3).\n"
    assert _found(tmp_path, subsections, select=("PIT210",)) == []
    assert _found(tmp_path, limbs.replace("(a)(b)", "(a)"), select=("PIT210",)) == [
        ("PIT210", "info", 1, "the following exemptions", "the following exemption")
    ]
    # a section named inside the statute's words quoted after the one listed is not listed
    quoted = (
        "We rely on the following exemption:\n\nSection 24(1) - Information which does not fall within "
        "section 23(1) is exempt if required for safeguarding national security.\n\nSection 31(1)(a) Law enforcement "
        "is explained below.\n"
    )
    assert _found(tmp_path, quoted, select=("PIT210",)) == [
        ("PIT210", "info", 1, "the following exemption", "the following exemptions")
    ]
    assert (
        _found(
            tmp_path, quoted.replace("\n\nSection 31(1)(a) Law enforcement is explained below.", ""), select=("PIT210",)
        )
        == []
    )
    wrong = two_lists.replace(
        "Health and safety\n\nThe tactics", "Health and safety\n\nSection 24(1) National security\n\nThe tactics"
    )
    wrong = wrong.replace("following exemptions:", "following exemption:", 1)
    assert _found(tmp_path, wrong, select=("PIT210",)) == [
        ("PIT210", "info", 1, "the following exemption", "the following exemptions"),
    ]


def test_an_absolute_exemption_put_in_the_public_interest_test(tmp_path: Path):
    text = (
        "We neither confirm nor deny that we hold the information.\n\n"
        "The PIT is in relation to Section 23(5), Section 24(2) and Section 31(3).\n\n"
        "Section 40(5B) is an absolute exemption, so no public interest test is needed for it.\n"
    )
    assert _found(tmp_path, text, select=("PIT203",)) == [
        ("PIT203", "warning", 3, "Section 23(5)", "Apply the public interest test to the qualified exemptions only."),
    ]


def test_an_absolute_exemption_called_qualified(tmp_path: Path):
    """ "Section 40(2) is a qualified exemption" where the draft argues the first condition (in the
    principle's own words, or with "principal" for "principle") is reported on its citation, or, where
    only absolute exemptions are cited, on "qualified"; "Section 23 is a qualified exemption" is a
    nature misstated (PIT207), once."""
    text = (
        "We can confirm that the information is held.\n\nSection 31(1)(g) Law Enforcement\n\n"
        "Releasing the names would not be fair or lawful and would breach the first data protection principal.\n\n"
        "Section 40(2) is a qualified exemption and I have therefore considered the public interest below.\n\n"
        "Section 23 is a qualified exemption, as is section 24.\n\n"
        "Section 31(1)(g) is a qualified exemption, and section 40(2) applies to the names.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT203", "PIT207"))] == [
        ("PIT203", "warning", 7, "Section 40(2)"),
        ("PIT207", "warning", 9, "Section 23 is a qualified exemption"),  # (the table knows s23: its nature misstated)
    ]
    alone = (
        "We can confirm that the information is held.\n\nSection 40(2) Personal information\n\n"
        "Disclosure of the names would be unfair to the officers.\n\n"
        "Section 40(2) is a qualified exemption, and I have therefore considered the public interest below.\n\n"
        "Factors favouring disclosure\n\nThe public would learn more.\n\n"
        "Factors against disclosure\n\nStaff would be identified.\n"
    )
    assert [f[:4] for f in _found(tmp_path, alone, select=("PIT203",))] == [("PIT203", "warning", 7, "qualified")]


def test_factors_weighed_for_an_exemption_the_draft_calls_absolute(tmp_path: Path):
    text = (
        "We can confirm that the information is held.\n\nSection 40(2) Personal information. Section 40(2) is an "
        "absolute exemption.\n\nFactors favouring disclosure\n\nThe public would learn more.\n\n"
        "Factors against disclosure\n\nStaff would be identified.\n"
    )
    assert _found(tmp_path, text, select=("PIT203",)) == [
        (
            "PIT203",
            "warning",
            None,
            "",
            "Check the exemption cited; if it is right, remove the public interest test.",
        ),
    ]
    # s40(2) alone: absolute under its first condition only, which the draft does not say
    unsaid = text.replace(" Section 40(2) is an absolute exemption.", "")
    assert _found(tmp_path, unsaid, select=("PIT203",)) == []
    # ... which it argues: disclosure would breach the data protection principles
    first = unsaid.replace("Staff would be identified.", "Release would breach the first data protection principle.")
    assert [f[:4] for f in _found(tmp_path, first, select=("PIT203",))] == [("PIT203", "warning", None, "")]
    # a PIT named for s40(2) beside a qualified exemption, under the first condition
    beside = (
        "We can confirm that the information is held.\n\nSection 31(1)(a) Law Enforcement\n\nSection 40(2) - "
        "Personal Information\n\nRelease would contravene the data protection principles.\n\nSection 40(2) - "
        "Public Interest Test\n\nFactors favouring disclosure\n\nThe public would learn more.\n"
    )
    assert [f[:4] for f in _found(tmp_path, beside, select=("PIT203",))] == [("PIT203", "warning", 9, "Section 40(2)")]
    # the second condition (an objection under Article 21) is qualified: its test is right
    second = beside.replace(
        "would contravene the data protection principles",
        "is covered by s40(3B): the data subject has the right to object",
    )
    assert _found(tmp_path, second, select=("PIT203",)) == []


def test_a_claim_is_about_the_citation_just_before_it(tmp_path: Path):
    text = (
        "The force neither confirms nor denies that it holds the information by virtue of the following "
        "exemption(s):\nSection 23(5) - Security bodies Section 24(2) - National Security\n"
        "Section 31(3) - Law Enforcement\nSection 23 is an absolute class-based exemption.\n"
        "Sections 24 and 31 are prejudice based qualified exemptions.\n"
    )
    assert _found(tmp_path, text, select=("PIT207", "PIT210")) == []
    wrong = text.replace("Sections 24 and 31 are prejudice based", "Sections 24 and 31 are class based")
    assert [finding[0] for finding in _found(tmp_path, wrong, select=("PIT207",))] == ["PIT207"]


def test_another_requests_reference(tmp_path: Path):
    text = (
        "Request Number: FOI/1234\n\nIn relation to request number FOI/1187 the force neither confirms nor "
        "denies that it holds the information.\n\nThis follows your previous request FOI/1001.\n"
    )
    assert _found(tmp_path, text, select=("PIT604",)) == [
        ("PIT604", "warning", 3, "FOI/1187", "FOI/1234"),
    ]
    assert _found(tmp_path, text.replace("FOI/1187", "FOI/1234"), select=("PIT604",)) == []
    # the response's own reference in its title, written as the title writes it
    titled = (
        "Correspondence about case F0051234\n\nRequest\n\nPlease send the correspondence.\n\nResponse\n\n"
        "All emails related to FOI request F0051324 are attached.\n"
    )
    assert _found(tmp_path, titled, select=("PIT604",)) == [("PIT604", "warning", 9, "F0051324", "F0051234")]
    assert _messages(tmp_path, ("PIT604",)) == [
        "F0051324 is not this response's reference (F0051234): left from another response?"
    ]
    related = titled.replace("All emails related to FOI request", "This follows a related request,")
    assert _found(tmp_path, related, select=("PIT604",)) == []
    # a web page's list of details labels the reference on the line above it; its title names the
    # request this one asks about
    listed = (
        "Correspondence in relation to request FOI/19/00022: FOI release\n\n- FOI reference\n\n- FOI/19/01202\n\n"
        "Information requested\n\nAll correspondence about FOI/19/00022, please.\n\nResponse\n\n"
        "Some of it is withheld; FOI/19/00123 is quoted in full.\n"
    )
    assert _found(tmp_path, listed, select=("PIT604",)) == [("PIT604", "warning", 13, "FOI/19/00123", "FOI/19/01202")]


def test_a_public_interest_test_for_confidence_in_the_law_of_confidence_own_words(tmp_path: Path):
    """s41 is absolute, but a breach of confidence is not actionable where disclosure is in the public
    interest: a draft that weighs that defence says so, and is right to weigh it."""
    text = (
        "We can confirm that the information is held.\n\n"
        "Section 41(1) Information provided in confidence.\n\n"
        "Although Section 41 is not a qualified exemption, the public interest is weighed to decide whether "
        "the duty of confidence can be overcome.\n\n"
        "Factors favouring disclosure\n\nThe public would learn how funds are spent.\n\n"
        "Factors against disclosure\n\nSuppliers would stop sharing prices.\n"
    )
    assert _found(tmp_path, text, select=("PIT203", "PIT207")) == []
    # without the defence's words, a test weighed for s41 alone is still reported
    plain = text.replace(
        ", the public interest is weighed to decide whether the duty of confidence can be overcome", ""
    )
    assert [f[:2] for f in _found(tmp_path, plain, select=("PIT203", "PIT207"))] == [("PIT203", "warning")]


def test_a_nature_denied_is_the_other_nature(tmp_path: Path):
    text = "The information is held.\n\nSection 41(1) applies. Section 41 is not a qualified exemption.\n"
    assert _found(tmp_path, text, select=("PIT207",)) == []
    wrong = "The information is held.\n\nSection 31(1)(a) applies. Section 31 is not a prejudice based exemption.\n"
    assert [f[:4] for f in _found(tmp_path, wrong, select=("PIT207",))] == [
        ("PIT207", "warning", 3, "Section 31 is not a prejudice based exemption")
    ]


def test_a_section_named_alone_is_the_subsection_the_draft_cites(tmp_path: Path):
    text = (
        "The information is held.\n\nCommercial interests - Section 43(2)\n\n"
        "Section 43 is a qualified and class-based exemption, so a public interest test is carried out.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT207",))] == [
        ("PIT207", "warning", 5, "Section 43 is a qualified and class-based exemption")
    ]
    assert _messages(tmp_path, ("PIT207",)) == [
        "s43, cited as s43(2), is called class-based, but it is prejudice-based: the harm must be shown."
    ]
    # s43(1) (trade secrets) is class-based; with both subsections cited, "Section 43" names neither
    both = text.replace("Section 43(2)\n", "Section 43(1) and Section 43(2)\n")
    assert _found(tmp_path, both, select=("PIT207",)) == []


def test_a_section_named_with_another_act_keeps_that_act_in_later_mentions(tmp_path: Path):
    text = (
        "Under the Terrorism Act 2000 Section 44, the police may designate areas. Please list the areas "
        "designated under Section 44.\n\nThe locations are exempt under Section 24(1) National security.\n"
    )
    assert _found(tmp_path, text, select=("PIT204",)) == []
    # named with the FOI Act, the same number is this Act's again
    foi = text.replace("designated under Section 44.", "designated, which we withhold under Section 44 of the Act.")
    # (s44(1) has three grounds to choose between: still a warning)
    assert [f[:4] for f in _found(tmp_path, foi, select=("PIT204",))] == [("PIT204", "warning", 1, "Section 44")]


def test_a_section_spelt_out_at_once_is_cited_in_full(tmp_path: Path):
    text = (
        "The information is held. It is exempt from disclosure under section 31 of the Freedom of Information "
        "Act 2000. Section 31(1)(a) says that we need not provide information that would be likely to "
        "prejudice the prevention of crime.\n"
    )
    assert _found(tmp_path, text, select=("PIT204",)) == []


def test_an_exemption_called_absolute_then_weighed(tmp_path: Path):
    text = (
        "The information is held.\n\nSection 40(2) is an absolute and class based exemption. As this exemption is "
        "class based I am not required to identify the harm, and I believe that the right to privacy outweighs any "
        "public interest in release.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT203",))] == [
        ("PIT203", "warning", 3, "outweighs any public interest")
    ]
    # said to need no weighing, it is not weighed
    none = text.replace(
        "I believe that the right to privacy outweighs any public interest in release",
        "no public interest test is required",
    )
    assert _found(tmp_path, none, select=("PIT203",)) == []
    # a qualified exemption weighed so is right
    qualified = text.replace("Section 40(2) is an absolute and class based exemption", "Section 31(1)(a) applies")
    assert _found(tmp_path, qualified, select=("PIT203",)) == []


def test_a_withholding_response_that_cites_only_the_ncnd_subsection(tmp_path: Path):
    text = (
        "Answer: The information requested has been deemed exempt by virtue of section 30(3) Investigations "
        "under the Freedom of Information Act 2000.\n"
    )
    found = _found(tmp_path, text, select=("PIT206",))
    assert [f[:4] for f in found] == [("PIT206", "error", 1, "section 30(3)")]


def test_a_refusal_notice_under_the_subsection_for_costs_and_vexatious_requests(tmp_path: Path):
    text = (
        "The information is exempt under Section 31(1)(a) of the Freedom of Information Act 2000, and this "
        "refusal notice is issued under Section 17(5).\n"
    )
    assert _found(tmp_path, text) == [("PIT209", "warning", 1, "Section 17(5)", "Section 17(1)")]
    costly = "Answering would exceed the cost limit under section 12.\n\n" + text
    assert _found(tmp_path, costly, select=("PIT209",)) == []


def test_garbled_brackets_in_a_regulation_or_another_reference(tmp_path: Path):
    text = (
        "The report is excepted under Regulation 12(5(b) of the Environmental Information Regulations. "
        "The duty (see Section 1(1)(a)) does not apply, and Sections 24(2) and 31(3) are cited.\n"
    )
    assert _found(tmp_path, text, select=("PIT208",)) == [
        ("PIT208", "warning", 1, "Regulation 12(5(b)", "Regulation 12(5)(b)")
    ]


def test_a_request_quoted_after_as_follows_and_one_whose_question_looks_like_a_heading(tmp_path: Path):
    text = (
        "Thank you for your request for information received on 3rd May 2011, which was as follows:-\n"
        "Please provide the locations of all the camras under the control of Lancashire Police.\n"
        "Your request has now been considered and the information is given below.\n"
    )
    assert _found(tmp_path, text, select=("typo",)) == []
    # the same words as the force's own, after the response began, are checked
    answered = text + "\nThe camras under the control of the force are listed.\n"
    assert _found(tmp_path, answered, select=("typo",)) == [("PIT403", "warning", 5, "camras", "cameras")]
    numbered = (
        "Request\n\n1. Please provide the quarterly report.\n\n"
        "2. If the whole report is considered exempt, please provide at minimum:\n\n"
        "- Any reports or organogrms of the team\n\nResponse\n\n1. The report is withheld.\n"
    )
    assert _found(tmp_path, numbered, select=("typo",)) == []
    # in the response, under its label, the same slip is reported
    after_label = numbered + "\n2. No organogrms are held.\n"
    assert _found(tmp_path, after_label, select=("typo",)) == [("PIT403", "warning", 13, "organogrms", "organograms")]


def test_requests_under_labels_that_name_the_act_and_a_lead_in_without_its_colon(tmp_path: Path):
    labelled = (
        "FOI Request\n\nI am writing to you under the Act to request the following.\n\n- (a) What did it cost?\n\n"
        "If it is not possible, please give advice and assistance under Section 12 of the Act.\n\n"
        "FOI Response\n\nIn respect of question (a) the information is held.\n"
    )
    assert _found(tmp_path, labelled, select=("PIT209",)) == []
    # the same words under the response's label are the force's own, and checked
    answering = labelled.replace(
        "FOI Response\n\n", "FOI Response\n\nWe give advice and assistance under Section 12 of the Act.\n\n"
    )
    assert _found(tmp_path, answering, select=("PIT209",)) == [("PIT209", "warning", 11, "Section 12", "Section 16")]
    lead_in = (
        "You requested the following information\n\nHow much does the university pay as commisison to agents?\n\n"
        "We have interpreted your request as the rate paid.\n"
    )
    assert _found(tmp_path, lead_in, select=("typo",)) == []
    assert _found(tmp_path, lead_in + "\nThe commisison is not held.\n", select=("typo",)) == [
        ("PIT403", "warning", 7, "commisison", "commission")
    ]


def test_the_freedom_of_information_act_2002_is_the_scottish_act(tmp_path: Path):
    text = (
        "Under the Freedom of Information Act 2002, please provide the emails.\n\nThe public interest test "
        "required by Sections 30(b)(i) and (ii) has been applied.\n"
    )
    assert _found(tmp_path, text) == []
    assert _found(tmp_path, text.replace("2002", "2000"), select=("PIT204",))[0][:4] == (
        "PIT204",
        "warning",
        3,
        "Sections 30(b)(i) and (ii)",
    )


def test_a_regulation_called_a_section_and_the_qualified_person_under_another_section(tmp_path: Path):
    text = (
        "The information is excepted under Section 13 of the Environmental Information Regulations.\n\n"
        "The opinion of the Qualified Person (under Sec 35 of the Act) was sought; the qualified person for "
        "section 36 agreed.\n"
    )
    assert _found(tmp_path, text, select=("PIT209",)) == [
        ("PIT209", "warning", 1, "Section 13", "Regulation 13"),
        ("PIT209", "warning", 3, "Sec 35", "Sec 36"),
    ]


def test_section_39_under_the_regulations_is_why_they_answer(tmp_path: Path):
    text = "Section 39 of the Act requires us to answer under the EIR. Regulation 12(4)(b) applies.\n"
    assert _found(tmp_path, text, select=("PIT204",)) == []
    under_the_act = "We withhold the information under section 39 of the Act.\n"
    assert [f[:4] for f in _found(tmp_path, under_the_act, select=("PIT204",))] == [
        ("PIT204", "warning", 1, "section 39")
    ]


def test_the_forces_own_name_with_an_ampersand_is_its_name(tmp_path: Path):
    text = "Devon & Cornwall Police can neither confirm nor deny it. Cornwall Police holds nothing.\n"
    assert _found(tmp_path, text, select=("PIT408",), organisation="Devon and Cornwall Police") == [
        ("PIT408", "warning", 1, "Cornwall Police", "Devon and Cornwall Police")
    ]


def test_a_subject_line_over_the_salutation_and_a_link_in_the_request(tmp_path: Path):
    text = (
        "Freedom of Information Request\n\nDear Mr Smith\n\nThank you for your email of 3 May, in which you made "
        "the following request for information:\n\nPlease provide the file at http://example.org/report.pdf "
        "and the recomended figures.\n\nI can confirm that the force holds the informaton.\n"
    )
    assert _found(tmp_path, text, select=("typo", "link")) == [
        ("PIT403", "warning", 9, "informaton", "information"),
    ]


def test_a_summary_of_several_bare_sections_that_points_on_is_not_a_citation_without_subsection(tmp_path: Path):
    text = (
        "We consider the information exempt by virtue of Sections 31, 38 and 40 of FOIA and have detailed our "
        "rationale as to why these exemptions apply.\n\nThe figures are exempt under sections 22 and 31, each "
        "of which is explained below.\n\nThe contract is exempt under section 43.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT204",))] == [("PIT204", "warning", 5, "section 43")]


def test_a_refusal_that_never_names_its_exemption(tmp_path: Path):
    unnamed = (
        "Response\n\nI can confirm that some of the information is exempt in terms of the Act and it has "
        "been withheld.\n\nHarm\n\nRelease would harm the investigation.\n"
    )
    assert _found(tmp_path, unnamed) == [("PIT211", "warning", 3, "information is exempt in terms of", None)]
    # any numbered provision is a citation, however it is written ("S30(1)(a)", "Sec. 30", "regulation 12")
    for cited in ("S30(1)(a) of FOI(S)A", "Sec. 30 of the Act", "regulation 12(5)(b)", "30(1) of the Act"):
        named = unnamed.replace("in terms of the Act", f"in terms of {cited}")
        assert [f for f in _found(tmp_path, named) if f[0] == "PIT211"] == []
    # a response that withholds nothing needs no exemption
    disclosed = "Response\n\nI can confirm that the information is held and it is attached.\n"
    assert _found(tmp_path, disclosed) == []


def test_a_request_that_says_it_is_being_made(tmp_path: Path):
    text = (
        "Reference FOI/26/101\n\nI am making a freedom of information request in respect of the clinic "
        "run out of Potters Bar hospital, and its recieved letters.\n\nResponse\n\nThe Trust holds the "
        "infromation and it is withheld under Section 43(2) Commercial interests.\n"
    )
    # the requester's words are not the response's; the same slip in the response is found
    assert [f[:4] for f in _found(tmp_path, text, select=("typo",))] == [("PIT403", "warning", 7, "infromation")]
    # the same words in the response's own voice are looked at
    told = text.replace("I am making a freedom of information request in respect of", "The Trust asked about")
    assert ("PIT403", "warning", 3, "recieved") in [f[:4] for f in _found(tmp_path, told, select=("typo",))]


def test_a_bracket_opened_inside_another(tmp_path: Path):
    text = "The exemptions in sections 33(1(a)) and 33(1)(b) of FOISA apply to the report.\n"
    assert _found(tmp_path, text, select=("PIT208",)) == [
        ("PIT208", "warning", 1, "sections 33(1(a))", "sections 33(1)(a)")
    ]


def test_a_section_number_bracketed_like_a_subsection(tmp_path: Path):
    text = "The duty in section (1) (1) (a) of the Act does not apply, nor does subsection (1) (a).\n"
    assert _found(tmp_path, text, select=("PIT208",)) == [
        ("PIT208", "warning", 1, "section (1) (1) (a)", "section 1(1)(a)")
    ]


def test_a_law_enforcement_paragraph_named_by_another_paragraph_s_ground(tmp_path: Path):
    text = (
        "Disclosure would prejudice the administration of justice [section 31(1)(a)] and the "
        "prevention or detection of crime (section 31(1)(a)).\n\nSection 31(1)(b) - apprehension or "
        "prosecution of offenders.\n"
    )
    assert _found(tmp_path, text, select=("PIT207",)) == [
        (
            "PIT207",
            "warning",
            1,
            "section 31(1)(a)",
            "Cite s31(1)(c), or name the ground of s31(1)(a).",
        )
    ]


def test_a_list_of_citations_each_with_its_title(tmp_path: Path):
    text = (
        "Some information is exempt under Sections 26(1)(b) (Defence), 38(1) (Health & Safety) and "
        "40(2) (Personal Information) of the Act and is withheld.\n\nSection 40 is an absolute exemption; "
        "Sections 26 and 38 are qualified exemptions.\n"
    )
    # each is cited in full in the list, so the later bare mentions are only mentions (38(1) without
    # its paragraph is the info it always is)
    assert [f[1:4] for f in _found(tmp_path, text) if f[0] == "PIT204"] == [("info", 1, "38(1)")]
    # without the list read whole, "Section 40" and "38" had looked uncited in full
    unlisted = text.replace("Sections 26(1)(b) (Defence), 38(1) (Health & Safety) and 40(2)", "Section 26(1)(b)")
    assert [f[3] for f in _found(tmp_path, unlisted) if f[:2] == ("PIT204", "warning")] == ["Section 40", "38"]


def test_a_subsection_titled_as_its_sibling(tmp_path: Path):
    """ "Section 43(2) Trade Secrets" after a label, running on into an explanation: s43(1) is trade
    secrets; s43(2) titled "Commercial Interests" and s43(1) "Trade secrets" are right."""
    text = (
        "The information is held.\n\nExemption applied: Section 43(2) Trade Secrets - information is exempt "
        "if its disclosure would prejudice the commercial interests of any person.\n\n"
        "Section 43(1) Trade secrets\n\nSection 43(2) Commercial Interests\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT207",))] == [
        ("PIT207", "warning", 3, "Section 43(2) Trade Secrets")
    ]
    assert _messages(tmp_path, ("PIT207",)) == [
        '"Trade Secrets" is the title of section 43(1) (Trade secrets); section 43(2) is Commercial interests.'
    ]


def test_citation_lines_the_reader_joined_keep_their_titles(tmp_path: Path):
    """Three citation lines with no stops are one paragraph to the reader; each still starts its own
    line, so the third's title (s41's, given to s43(2)) is reported."""
    text = (
        "The information is withheld.\n"
        "\nSection 24(1) National Security\nSection 31(1)(a) Law Enforcement\n"
        "Section 43(2) Information provided in confidence\n"
    )
    found = [f for f in _found(tmp_path, text) if f[0] == "PIT207"]
    assert [(f[1], f[2], f[3], f[4]) for f in found] == [
        ("warning", 5, "Section 43(2) Information provided in confidence", "s43(2) Commercial interests"),
    ]


def test_the_cost_limit_called_an_exemption(tmp_path: Path):
    text = (
        "The information is exempt by virtue of Section 12 of the Act, as finding it would cost more than "
        "the appropriate limit. Section 14 exempts information in repeated requests. We are exempt under "
        "section 12 from complying. The data is exempt under section 14(1) of the Data Protection Act "
        "1998. Regulation 12 exemption applies. The request is exempt under section 12(1) of the Freedom of "
        "Information Act 2000 from the duty to comply.\n"
    )
    # the cost limit and vexatious requests lift the duty to answer; they make no information exempt
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT209",))] == [
        ("PIT209", "warning", 1, "exempt by virtue of Section 12"),
        ("PIT209", "warning", 1, "Section 14 exempts information"),
    ]


def test_a_numbered_request_after_its_label_and_one_the_requester_is_grateful_for(tmp_path: Path):
    numbered = (
        "Request for Information\n\nYou asked for the following information\n\n  1. The response letter of "
        "26 November\n  2. The advice given with regards to the response letter\n  3. The minutes of the "
        "meeting.\n\nI can confirm that the information is held. The informaton is withheld under section 42(1).\n"
    )
    # each numbered item is the requester's ("with regards to" in the second); the response's own slip is found
    assert [(f[0], f[2], f[3]) for f in _found(tmp_path, numbered, select=("typo",))] == [("PIT403", 9, "informaton")]
    # (before, the second item, shaped like a heading, ended the request and its words were checked)
    grateful = (
        "Your request\n\nI would be most grateful if you could provide the consultee comments with regards "
        "to the application.\n\nOur response\n\nThe comments with regards to it are attached.\n"
    )
    assert [f[2:4] for f in _found(tmp_path, grateful, select=("PIT401",))] == [(7, "with regards to")]


def test_a_bare_section_that_can_mean_one_subsection_only_is_info(tmp_path: Path):
    withheld = "We can confirm that the information is held. It is withheld under Section 22 as it will be published.\n"
    assert [f[:4] for f in _found(tmp_path, withheld, select=("PIT204",))] == [("PIT204", "info", 1, "Section 22")]
    # s30 withholding may be 30(1) or 30(2): which one is the reader's question
    either = withheld.replace("Section 22 as it will be published", "Section 30 as it is an investigation")
    assert [f[:4] for f in _found(tmp_path, either, select=("PIT204",))] == [("PIT204", "warning", 1, "Section 30")]


def test_a_citation_whose_sub_paragraph_comes_before_its_paragraph(tmp_path: Path):
    text = (
        "The information is withheld.\n\nSection 30(2)(i)(a) (Investigations and proceedings conducted by "
        "public authorities)\n\nSection 36(2)(b)(i), section 31(1)(i) and section 30(2)(a)(ii) are written right.\n"
    )
    assert _found(tmp_path, text, select=("PIT208",)) == [
        ("PIT208", "warning", 3, "Section 30(2)(i)(a)", "Section 30(2)(a)(i)")
    ]


def test_a_paragraph_of_the_section_named_by_its_own_words_is_no_other_title(tmp_path: Path):
    """s30(2)(b) is about confidential sources: "confidential" does not make it s41's title."""
    text = (
        "The information is withheld.\n\nSection 30(2)(b) - relates to obtaining information from confidential "
        "sources\n\nSection 38(1)(a) - Information provided in confidence\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT207",))] == [
        ("PIT207", "warning", 5, "Section 38(1)(a) - Information provided in confidence"),
    ]


def test_a_request_ends_where_the_answer_encloses_or_attaches_something(tmp_path: Path):
    text = (
        "Information requested\n\nThe briefing prepared for the committee hearing.\n\n"
        "I enclose a copy of some of the information you requested.\n\n"
        "Exemptions under sections 30(b)(i) and 33(1)(b) of FOISA applies to some of the information.\n"
    )
    assert _found(tmp_path, text, select=("PIT406",)) == [("PIT406", "warning", 7, "applies", "apply")]
    attached = text.replace("I enclose", "We attach")
    assert _found(tmp_path, attached, select=("PIT406",)) == [("PIT406", "warning", 7, "applies", "apply")]


def test_a_section_the_requester_names_is_not_the_response_s_citation(tmp_path: Path):
    """ "subject to section 40(2)" in the request, and a disclosure log's note of what a refusal
    "may include", are neither a citation nor an NCND answer of the response."""
    text = (
        "This request was refused in full. This may include information where we can neither confirm nor deny "
        "that we hold it.\n\nRequest\n\nUnder the Act, and subject to section 40(2) on personal data, could you "
        "please provide your list of business rates data.\n\nResponse\n\nThe council publishes this data, so it "
        "is exempt under section 21 of the Act.\n"
    )
    # (only the note that s21 is cited without its one subsection, a formality)
    assert _found(tmp_path, text, select=("exemption",)) == [
        ("PIT204", "info", 9, "section 21", "Cite the subsection: s21(1).")
    ]


def test_an_answer_numbered_as_its_question_or_joined_to_it_is_the_response_s(tmp_path: Path):
    numbered = (
        "Request:\n\nQ1. Please tell me what powers were used at the camp.\n\nResponse:\n\n"
        "Q1. I am exempting any information pursuant to Section 31 Law Enforcement.\n"
    )
    assert [f[:4] for f in _found(tmp_path, numbered, select=("PIT204",))] == [
        ("PIT204", "warning", 7, "Section 31"),
    ]
    joined = (  # a question without its full stop, read as one paragraph with the answer after it
        "We hold the information.\n\nQuestion 1 - Would it be possible to receive the list, please may this "
        "include: Call type - one pump\nThe information is exempt from disclosure under Section 24 National Security.\n"
    )
    assert [f[:4] for f in _found(tmp_path, joined, select=("PIT204",))] == [
        ("PIT204", "warning", 4, "Section 24"),
    ]


def test_a_request_ends_where_a_named_body_answers(tmp_path: Path):
    text = (
        "Thank you for your request, which was as follows:\n\nWhether the minister made representations.\n\n"
        "The Foreign & Commonwealth Office (FCO) does hold the information. It is exempt under section 31.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT204",))] == [("PIT204", "warning", 5, "section 31")]


def test_a_letter_s_date_below_a_long_letterhead_dates_it(tmp_path: Path):
    """A dozen short lines of name, address, Tel and Fax put the date below them: a 2009 letter's
    s40(3)(a)(i) and Data Protection Act 1998 were right when it was written."""
    lines = "A Officer|FOI Team|HM Department|100 High St|London SW1A 2BQ|Mr A Requester|Tel|Fax|Email|Date|Our Ref"
    letterhead = "\n\n".join([*lines.split("|"), "FOI 1710/09", "17 July 2009"])
    text = (
        letterhead + "\n\nDear Mr Requester\n\nThe information is withheld under section 40(2) by virtue of "
        "section 40(3)(a)(i), as disclosure would breach the Data Protection Act 1998.\n"
    )
    assert _found(tmp_path, text, select=("PIT503",)) == []
    assert [f[:4] for f in _found(tmp_path, text.replace("17 July 2009", "17 July 2019"), select=("PIT503",))] == [
        ("PIT503", "warning", 29, "section 40(3)(a)(i)"),
        ("PIT503", "warning", 29, "Data Protection Act 1998"),
    ]


def test_the_response_starts_where_it_writes_to_confirm_or_withholds(tmp_path: Path):
    text = (
        "Thank you for your email asking for the following:\n\nall records of the briefings.\n\n"
        "I am writing to confirm that we hold information. It is being withheld under Section 35 and "
        "Section 27 of the Act.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT204",))] == [
        ("PIT204", "warning", 5, "Section 35"),
        ("PIT204", "warning", 5, "Section 27"),
    ]
    # the requester's own "I am writing to you under the Act to request" is still the request
    asked = (
        "You asked for:\n\nI am writing to you under the Freedom of Information Act 2000 to request the "
        "following.\n\nIf it costs more than the limit in Section 12, please advise under Section 12.\n\n"
        "Our Response:\n\nThe information is exempt.\n"
    )
    assert _found(tmp_path, asked, select=("PIT209",)) == []


def test_a_section_heading_over_its_quoted_subsections_names_them(tmp_path: Path):
    text = (
        "The information is withheld.\n\nSection 31\n\n(1) Information which is not exempt information by "
        "virtue of section 30 is exempt information if its disclosure would prejudice -\n\n(a) the prevention "
        "or detection of crime\n\nSection 38 applies too.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT204",))] == [("PIT204", "warning", 9, "Section 38")]


def test_national_security_called_class_based(tmp_path: Path):
    """s24 needs the harm shown (exemption "required" for national security): "class based" is
    noted (info: forces' and the ICO's wording varies), "prejudice based" (the police template's
    words) is not reported; s24 called class-based beside s31 is a warning for s31's sake."""
    text = (
        "The information is withheld.\n\nSection 24 is a qualified class based exemption. Section 24(1) is a "
        "prejudice based qualified exemption.\n"
    )
    assert [f[:5] for f in _found(tmp_path, text, select=("PIT207",))] == [
        ("PIT207", "info", 3, "Section 24 is a qualified class based exemption", "s24 is a qualified exemption"),
    ]
    both = text.replace("Section 24 is a qualified class based", "Sections 24 and 31 are qualified class based")
    both = both.replace("exemption. Section 24(1)", "exemptions. Section 24(1)")
    assert [f[:3] for f in _found(tmp_path, both, select=("PIT207",))] == [("PIT207", "warning", 3)]


def test_a_sentence_written_twice_a_paragraph_or_two_apart(tmp_path: Path):
    text = (
        "I have dealt with your request under the Freedom of Information Act 2000.\n\n"
        "The department holds a draft response to the consultation.\n\n"
        "I have dealt with your request under the Freedom of Information Act 2000.\n"
    )
    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    (report,) = check([draft], Config(select=("PIT605",))).files
    assert [(f.rule.code, f.location.line, f.location.column, f.message) for f in report.findings] == [
        ("PIT605", 5, 1, "This sentence is written twice: it is also on line 1."),
    ]
    # the same answer to two questions, the same factor under two headings, or copies far apart: on purpose
    answers = (
        "Q2) How many fax machines are in use?\n\nWe do not hold any information in relation to this question "
        "at all.\n\nQ3) How many pagers are in use?\n\nWe do not hold any information in relation to this "
        "question at all.\n\nFactors favouring disclosure (s31)\n\nThere is a public interest in the "
        "transparency of the force's use of public money.\n\nFactors favouring disclosure (s38)\n\nThere is a "
        "public interest in the transparency of the force's use of public money.\n"
    )
    assert _found(tmp_path, answers, select=("PIT605",)) == []


def test_a_sentence_pasted_twice_side_by_side(tmp_path: Path):
    text = (
        "Offenders would use that knowledge to choose devices the force cannot examine. Offenders would use "
        "that knowledge to choose devices the force cannot examine. This would be likely to harm.\n"
    )
    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    (report,) = check([draft], Config(select=("PIT605",))).files
    assert [(f.rule.code, f.location.line, f.location.column, f.excerpt) for f in report.findings] == [
        ("PIT605", 1, 80, "Offenders would use that knowledge to choose devices the force cannot examine."),
    ]


def test_a_sentence_repeated_after_a_run_in_label(tmp_path: Path):
    text = (
        "Factors against disclosure: Disclosure would be likely to put officers at risk of harm from those "
        "they stop.\n\nBalance: The data is published quarterly. Disclosure would be likely to put officers "
        "at risk of harm from those they stop.\n"
    )
    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    (report,) = check([draft], Config(select=("PIT605",))).files
    assert [(f.rule.code, f.location.line, f.location.column, f.message) for f in report.findings] == [
        ("PIT605", 3, 43, "This sentence is written twice: it is also on line 1."),
    ]


def test_a_long_sentence_repeated_further_apart(tmp_path: Path):
    """A long sentence (14 words or more) is looked for up to six paragraphs on, a short one two."""
    long = "Covert tactics are effective only while those they are used against do not know how they are deployed."
    short = "The force holds the figures for each of the years asked."
    filler = "\n\n".join(f"Paragraph {n} says something else entirely about the request." for n in range(1, 4))
    text = f"{long} {short}\n\n{filler}\n\n{long} {short}\n"
    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    (report,) = check([draft], Config(select=("PIT605",))).files
    assert [(f.rule.code, f.location.line, f.location.column, f.message) for f in report.findings] == [
        ("PIT605", 9, 1, "This sentence is written twice: it is also on line 1."),
    ]
    far = (
        f"{long}\n\n"
        + "\n\n".join(f"Paragraph {n} says something else entirely." for n in range(1, 7))
        + f"\n\n{long}\n"
    )
    assert _found(tmp_path, far, select=("PIT605",)) == []


def test_another_requests_reference_as_bare_numbers(tmp_path: Path):
    """A reference written as numbers alone ("(1842/24)" in the title), and another request's in the
    body; a financial year ("2023/24") is no reference."""
    text = (
        "Firearms certificates (1842/24)\n\nRequest\n\nHow many certificates are in force?\n\nResponse\n\n"
        "The figures for 2023/24 are attached. Your request (reference 2209/24) has been considered with "
        "care, and with regard to the extent to which similar information is already public.\n"
    )
    assert _found(tmp_path, text, select=("PIT604",)) == [("PIT604", "warning", 9, "2209/24", "1842/24")]
    assert _found(tmp_path, text.replace("2209/24", "1842/24"), select=("PIT604",)) == []
    long_form = "Reference: FOI 2024/0981\n\nI have considered your request, reference 2023/1147, for 2023/2024.\n"
    assert _found(tmp_path, long_form, select=("PIT604",)) == [("PIT604", "warning", 3, "2023/1147", "2024/0981")]
    prefixed = text.replace("(1842/24)", "\n\nRequest Number: FOI 1842/24")
    assert _found(tmp_path, prefixed, select=("PIT604",)) == [("PIT604", "warning", 11, "2209/24", "1842/24")]


def test_a_section_said_not_to_be_considered_is_no_citation(tmp_path: Path):
    text = (
        "The registration numbers are withheld under Section 31(1)(a). They are not personal data, so "
        "Section 40 has not been considered.\n"
    )
    assert _found(tmp_path, text, select=("PIT204",)) == []


def test_factors_under_another_questions_heading_are_not_an_earlier_sections(tmp_path: Path):
    text = (
        "REASONS FOR DECISION\n\nQuestion 3 \u2013 Section 21(1) Information accessible to applicant by other "
        "means\n\nThe guidance officers follow is published on the College of Policing website.\n\n"
        "Questions 1 and 2 \u2013 neither confirm nor deny\n\nThe force can neither confirm nor deny whether it "
        "holds information relevant to these questions by virtue of Sections 24(2) and 31(3) of the Act.\n\n"
        "HARM IN CONFIRMING OR DENYING\n\nConfirming or denying would reveal which groups are of interest.\n\n"
        "PUBLIC INTEREST CONSIDERATIONS FAVOURING CONFIRMATION OR DENIAL\n\nConfirming or denying would reassure "
        "the public.\n\nPUBLIC INTEREST CONSIDERATIONS FAVOURING NEITHER CONFIRMING NOR DENYING\n\nConfirming "
        "or denying would harm the prevention of crime.\n\nBALANCE TEST\n\nThe balance favours neither "
        "confirming nor denying that information is held.\n"
    )
    assert _found(tmp_path, text, select=("PIT203",)) == []
    # (with no heading of its own, the NCND part reads as more of question 3's)
    run_on = text.replace("Questions 1 and 2 \u2013 neither confirm nor deny\n\n", "")
    assert [f[:3] for f in _found(tmp_path, run_on, select=("PIT203",))] == [("PIT203", "warning", 13)]


def test_factors_labelled_for_s40_on_its_first_condition_and_a_title_heading(tmp_path: Path):
    """A run-in label's own citation names the exemption its factors are for; a heading naming an
    exemption by its title ("Law Enforcement - encryption") starts that exemption's part."""
    text = (
        "Section 40(2) - Personal Information\n\nThe names are personal data, and disclosure would be unfair "
        "and would breach the first data protection principle.\n\nSection 40(2) factors favouring disclosure: "
        "Disclosure would show openness.\n\nLaw Enforcement - encryption of footage\n\nThe encryption is "
        "withheld under Section 31(1)(a).\n\nFactors favouring disclosure: Disclosure would reassure the "
        "public.\n\nFactors against disclosure: Release would be likely to increase the risk of attack.\n"
    )
    found = _found(tmp_path, text, select=("PIT203",))
    assert [f[:4] for f in found] == [("PIT203", "warning", 5, "Section 40(2) factors favouring disclosure:")]
    assert _messages(tmp_path, ("PIT203",)) == [
        "Factors are weighed for s40, absolute where disclosure would breach the data protection principles "
        "(its first condition): the public interest test applies only to the qualified exemptions cited beside it."
    ]


def test_an_ncnd_response_speaking_of_records_it_holds_or_weighing_disclosure_in_prose(tmp_path: Path):
    text = (
        "The force neither confirms nor denies that it holds the information requested, by virtue of "
        "Section 31(3).\n\nAlthough the records we hold about this individual are subject to oversight, the "
        "force must consider the effect of any answer. The factors favouring disclosure of the information are "
        "acknowledged. Confirming whether the records we hold, if any, relate to him would harm policing. The "
        "force does not confirm whether it holds them, and the records we hold are kept securely.\n\n"
        "The balance favours neither confirming nor denying.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT201",))] == [
        ("PIT201", "error", 3, "the records we hold"),
        ("PIT201", "error", 3, "factors favouring disclosure"),
        ("PIT201", "error", 3, "the records we hold"),  # (its own clause after ", and": not supposed)
    ]


def test_a_disclosure_heading_over_the_ncnd_part_of_a_mixed_response(tmp_path: Path):
    """Cases investigated: none (answered); cases under investigation: neither confirmed nor denied
    under s30(3). "Section 30 - Public Interest factors favouring disclosure" weighs disclosure for
    the NCND part; the withheld part's own heading ("Section 31 - factors favouring disclosure",
    s31(1)(a) cited to withhold) is right."""
    text = (
        "With regards to cases investigated, I can confirm that the answer is none. The figures for last "
        "year are exempt under Section 31(1)(a).\n\nWith regards to cases under investigation, the force "
        "neither confirms nor denies that it holds any of the information by virtue of Section 30(3) "
        "Investigations.\n\nSection 31 - Public Interest factors favouring disclosure\n\nThe public would "
        "understand the figures.\n\nSection 30 - Public Interest factors favouring disclosure\n\nConfirming "
        "that information exists could promote public trust.\n\nSection 30 - Public Interest factors against "
        "disclosure\n\nConfirming or denying would harm investigations.\n"
    )
    found = _found(tmp_path, text, select=("PIT201",))
    assert [f[:4] for f in found] == [("PIT201", "error", 9, "favouring disclosure")]
    assert _messages(tmp_path, ("PIT201",)) == [
        'The heading "Section 30 - Public Interest factors favouring disclosure" weighs disclosure, in the part '
        "that neither confirms nor denies"
    ]


def test_an_ncnd_response_that_confirms_holding_in_so_many_words(tmp_path: Path):
    """ "Although we can confirm that the information requested is held, ..." in a response that
    neither confirms nor denies; "To confirm that the information requested is held would ..." and
    "we would confirm that ..." suppose it."""
    text = (
        "The force neither confirms nor denies that it holds the information, by virtue of Section 24(2) and "
        "Section 31(3).\n\nAlthough we can confirm that the information requested is held, confirming whether "
        "the capability is deployed at a site would harm security. To confirm that the information requested "
        "is held would reveal the capability. If asked again, we would confirm that the information requested "
        "is held.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT201",))] == [
        ("PIT201", "error", 3, "the information requested is held"),
    ]


def test_review_mends_for_exemption_wording(tmp_path: Path):
    """ "In response to your request, we can confirm that the information requested is held" in an
    NCND response confirms; hours in a heading's paragraph are no cost limit; searches made within
    another force, told at length, name it as the responder."""
    confirmed = (
        "The force neither confirms nor denies that it holds the information, by virtue of Section 31(3).\n\n"
        "In response to your request, although we can confirm that the information requested is held, "
        "confirming whether it covers the site would harm security.\n"
    )
    assert [f[3] for f in _found(tmp_path, confirmed, select=("PIT201",))] == ["the information requested is held"]
    hours = (
        "This information is exempt under Section 31(1)(a). We are refusing this part of your request under "
        "Section 12 of the Act.\n\nRetention limits\n\nData is kept for no more than 24 hours.\n"
    )
    assert [f[3] for f in _found(tmp_path, hours, select=("PIT209",))] == ["Section 12"]
    searched = (
        "Cumbria Constabulary holds the records. Cumbria Constabulary will not disclose them.\n\nSearches of "
        "the relevant systems and records were conducted within Lancashire Constabulary last month.\n"
    )
    assert [f[3] for f in _found(tmp_path, searched, select=("PIT601",))] == ["Lancashire Constabulary"]


def test_an_ncnd_response_speaking_of_the_figures_it_holds(tmp_path: Path):
    text = (
        "The force neither confirms nor denies that it holds the information requested, by virtue of "
        "Section 30(3) and Section 31(3).\n\nReleasing the figures we hold for the two towns would show "
        "offenders where the police are active. Confirming whether the statistics we hold, if any, cover "
        "the towns would harm policing.\n\nThe balance favours neither confirming nor denying.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT201",))] == [
        ("PIT201", "error", 3, "the figures we hold"),
    ]


def test_each_exemptions_own_harm_states_its_likelihood(tmp_path: Path):
    """Harms headed per exemption are judged each on its own; the Act's formula quoted, and "most
    likely to go unseen", state no likelihood of this harm."""
    text = (
        "The pricing is withheld under Section 43(2) and the design under Section 31(1)(a).\n\n"
        "HARM \u2013 SECTION 43(2)\n\nRelease would be likely to prejudice the supplier's position.\n\n"
        "HARM \u2013 SECTION 31(1)(a)\n\nSection 31 makes information exempt if its disclosure would, or would be "
        "likely to, prejudice the prevention of crime. The design may assist an attempt to breach the system, "
        "where offenders are most likely to go unseen.\n\nFactors favouring disclosure\n\nValue for money.\n\n"
        "Factors against disclosure\n\nSecurity.\n\nBalancing test\n\nThe balance favours withholding.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT205",))] == [("PIT205", "warning", 9, "may assist")]
    assert _found(tmp_path, text.replace("may assist", "would assist"), select=("PIT205",)) == []


def test_an_absolute_exemption_called_qualified_beside_its_test_is_one_finding(tmp_path: Path):
    text = (
        "Sections 23(5), 24(2) and 31(3) are qualified exemptions and the public interest test for each is "
        "set out below.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT203", "PIT207"))] == [
        ("PIT207", "warning", 1, "Sections 23(5), 24(2) and 31(3) are qualified exemptions"),
    ]
    text = "Sections 24 and 30 are qualified exemptions, and section 31 is a prejudice-based qualified exemption.\n"
    assert _found(tmp_path, text, select=("PIT207",)) == []


def test_placeholders_for_a_count_before_its_describing_word_and_a_slot_in_capitals(tmp_path: Path):
    text = (
        "There were XX further incidents. The terms agreed with [SUPPLIER], including price, are withheld. "
        "The [ANPR] system and [REDACTED] text and Part XX sections are not slots. See [INSTALL][] too.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT602",))] == [
        ("PIT602", "error", 1, "XX"),
        ("PIT602", "error", 1, "[SUPPLIER]"),
    ]


def test_placeholders_for_a_count_before_an_adjective_and_an_acronym_or_before_its_verb(tmp_path: Path):
    text = (
        "There are currently XX fixed ANPR cameras in the county. Of these, XX were moved last year. Part XX "
        "was repealed, the XX Corps were deployed and Table XX is below. There were XX strip searches, and "
        "chapters XIX and XX cover complaints. We recorded XX near-miss incidents.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT602",))] == [
        ("PIT602", "error", 1, "XX"),
        ("PIT602", "error", 1, "XX"),
        ("PIT602", "error", 1, "XX"),
        ("PIT602", "error", 1, "XX"),
    ]
    (report,) = check([tmp_path / "draft.txt"], Config(select=("PIT602",))).files
    assert [f.location.column for f in report.findings] == [21, 68, 176, 249]


def test_a_withholding_subsection_listed_where_the_ncnd_one_labels_only_the_arguments(tmp_path: Path):
    text = (
        "South Yorkshire Police neither confirms nor denies that it holds any information relevant to your "
        "request, by virtue of the following exemptions:\n\nSection 30(3) Investigations and Proceedings\n"
        "Section 31(1)(a)(b) Law Enforcement\n\nFactors favouring confirmation or denial\n\nSection 31(3): "
        "There is a public interest in transparency about the use of intrusive powers.\n\nFactors against "
        "confirmation or denial\n\nSection 31(3): Confirming or denying would put individuals at risk.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT206",))] == [
        ("PIT206", "error", 4, "Section 31(1)(a)(b)"),
    ]
    listed = text.replace("Section 31(1)(a)(b) Law Enforcement", "Section 31(1)(a)(b) and 31(3) Law Enforcement")
    assert _found(tmp_path, listed, select=("PIT206",)) == []


def test_a_withholding_subsection_over_an_ncnd_responses_factors(tmp_path: Path):
    text = (
        "The force neither confirms nor denies that it holds the information, by virtue of Sections 23(5) and "
        "24(2).\n\nHarm in confirming or denying\n\nTo confirm or deny that the force holds equipment of the "
        "kind described would tell criminals and terrorists where the police can and cannot act.\n\n"
        "Factors favouring confirmation or denial \u2013 Section 24(1)\n\nConfirming or denying would allow "
        "the public to see whether the police have access to capabilities that could affect their privacy.\n\n"
        "Factors against confirmation or denial\n\nConfirming or denying would harm national security, as "
        "those who pose a threat would learn what the police can do.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT206",))] == [("PIT206", "error", 7, "Section 24(1)")]


def test_a_bare_section_in_the_list_of_exemptions_relied_on(tmp_path: Path):
    text = (
        "The exemptions relied upon are Section 31(1)(a)(f) Law Enforcement and Section 38 Health and Safety. "
        "The XX custody centres are busy; the XX edition of the guide is older.\n\nSection 38(1)(a) and (b) "
        "apply where disclosure would endanger health.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT204", "PIT602"))] == [
        ("PIT204", "warning", 1, "Section 38"),
        ("PIT602", "error", 1, "XX"),
    ]


def test_a_scottish_response_sending_the_requester_to_the_ico(tmp_path: Path):
    text = (
        "Police Scotland has considered your request under the Freedom of Information (Scotland) Act 2002. "
        "The information is exempt under section 35(1)(a) of FOISA.\n\nIf you remain dissatisfied, you may "
        "apply to the Information Commissioner's Office, Wycliffe House, Water Lane, Wilmslow. Complaints about "
        "how we use your personal data may go to the ICO.\n\nYou may also appeal to the Scottish Information "
        "Commissioner. Our FOISA review is explained by the Scottish Information Commissioner.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT510",))] == [
        ("PIT510", "warning", 3, "Information Commissioner's Office, Wycliffe House"),
    ]
    addressed = text.replace("Water Lane, Wilmslow.", "Water Lane, Wilmslow, Cheshire SK9 5AF.")
    assert [f[3] for f in _found(tmp_path, addressed, select=("PIT510",))] == [
        "Information Commissioner's Office, Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF"
    ]


def test_a_refusal_under_an_exemption_said_to_be_made_under_section_12(tmp_path: Path):
    text = (
        "This information is exempt under Section 31(1)(a)(f) Law Enforcement. Because the information is "
        "exempt, we are refusing this part of your request under Section 12 of the Act.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT209",))] == [("PIT209", "warning", 1, "Section 12")]
    alone = "This information is exempt under Section 31(1)(a). This letter is a refusal notice under Section 12.\n"
    assert [f[:4] for f in _found(tmp_path, alone, select=("PIT209",))] == [("PIT209", "warning", 1, "Section 12")]
    costed = text + "\nFinding the rest would exceed the cost limit of 18 hours.\n"
    assert _found(tmp_path, costed, select=("PIT209",)) == []
    # hours of something else are no cost limit: "each authorisation was for no more than 24 hours"
    hours = text + "\nEach authorisation was for a period of no more than 24 hours.\n"
    assert [f[:4] for f in _found(tmp_path, hours, select=("PIT209",))] == [("PIT209", "warning", 1, "Section 12")]
    limit = text + "\nLocating the rest would take more than 18 hours.\n"
    assert _found(tmp_path, limit, select=("PIT209",)) == []


def test_an_ncnd_subsection_said_to_exempt_beside_a_withholding_one(tmp_path: Path):
    text = (
        "The locations are held. They are exempt from disclosure under Section 31(1)(a)(b) Law Enforcement, and "
        "the flight logs are further exempt by virtue of Section 31(3).\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT206",))] == [
        ("PIT206", "warning", 1, "further exempt by virtue of Section 31(3)"),
    ]


def test_neither_answered_by_or(tmp_path: Path):
    text = (
        "We can neither confirm or deny that we hold it. By neither confirming or denying we protect it. "
        "We neither confirm nor deny it; it is neither here nor there, or so we think. Either confirm or deny.\n"
    )
    assert _found(tmp_path, text, select=("PIT406",)) == [
        ("PIT406", "warning", 1, "or", "nor"),
        ("PIT406", "warning", 1, "or", "nor"),
    ]


def test_citations_of_a_response_read_as_the_request_are_kept(tmp_path: Path):
    """A request label followed straight by the answer: its citation is the response's (no PIT211),
    and a list of a subsection's own paragraphs (i) and (j) is no reversed citation."""
    text = (
        "Your request:\n\nThe number of drones held.\n\nIn this instance the force is relying on section "
        "31(1)(a) to withhold the information, and on Section 31(2)(i)(j).\n\nConclusion\n\nThe balance "
        "favours withholding.\n"
    )
    assert _found(tmp_path, text, select=("PIT211", "PIT208")) == []


def test_a_disclosure_logs_note_is_no_answer_but_a_hedged_answer_is(tmp_path: Path):
    from pitlint.readers import read
    from pitlint.statements import find

    draft = tmp_path / "draft.txt"
    draft.write_text(
        "This request was refused. This may include information where we can neither confirm nor deny that we "
        "hold it.\n\nAs any information held could include intelligence, the force neither confirms nor denies "
        "that it holds it.\n",
        encoding="utf-8",
    )
    assert [(s.kind, s.paragraph.index) for s in find(read(draft))] == [("ncnd", 2)]


def test_a_force_named_by_its_initials_neither_confirms_nor_denies(tmp_path: Path):
    """ "SYP neither confirms nor denies that it holds any information": the force's initials are
    the subject, as "the force" is; initials quoted in small letters are not."""
    from pitlint.readers import read
    from pitlint.statements import find

    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Q1. The makes are withheld under section 31(1)(a).\n\nQ3. In relation to this question, SYP neither "
        "confirms nor denies that it holds any information, by virtue of section 31(3).\n\nThe syp neither "
        "confirms nor denies it.\n",
        encoding="utf-8",
    )
    assert [(s.kind, s.paragraph.index) for s in find(read(draft))] == [("withhold", 1), ("ncnd", 2)]
    draft.write_text(
        "The ICO says a force neither confirms nor denies only where confirming would cause harm.\n",
        encoding="utf-8",
    )
    assert find(read(draft)) == []


def test_a_subsection_removing_the_duty_to_confirm_or_deny_said_to_exempt_information(tmp_path: Path):
    """s38(2) exempts nothing: a response that neither confirms nor denies, but says the information
    "is exempt from disclosure under section 38(2)", is told so on those words and the citation; the
    same subsection said to remove the duty to confirm or deny is right."""
    text = (
        "Our response\n\n"
        "The Commission considers that the information you asked for is exempt from disclosure under "
        "section 38(2) of the Act.\n\n"
        "To confirm or deny whether the areas are covered by cameras would be likely to endanger the safety "
        "of staff. The duty to confirm or deny does not arise under section 38(2).\n"
    )
    assert _found(tmp_path, text, ("PIT206",)) == [
        (
            "PIT206",
            "warning",
            3,
            "exempt from disclosure under section 38(2)",
            "Say that the duty to confirm or deny does not arise under s38(2), or cite s38(1) for information "
            "withheld.",
        )
    ]
    right = text.replace("is exempt from disclosure under section 38(2) of the Act", "is covered by section 38(2)")
    assert _found(tmp_path, right, ("PIT206",)) == []


def test_only_subsections_removing_the_duty_to_confirm_or_deny_for_what_has_been_withheld(tmp_path: Path):
    """A response that neither confirms nor denies one part, says "some data has been withheld" and
    cites only s31(3): nothing cited withholds it. With s31(1)(a) cited for the withheld data too,
    the response is whole."""
    text = (
        "Decision\n\n"
        "For unmarked vehicles the force can neither confirm nor deny whether it holds the information.\n\n"
        "Some data has been withheld as it is exempt, by virtue of the following exemptions:\n\n"
        "Section 31(3) - Law Enforcement\n"
    )
    found = _found(tmp_path, text, ("PIT206",))
    assert [f[:4] for f in found] == [("PIT206", "warning", 7, "Section 31(3)")]
    assert _messages(tmp_path, ("PIT206",)) == [
        "The response says information has been withheld, but s31(3), the only kind of subsection cited, "
        "removes the duty to confirm or deny: it withholds nothing."
    ]
    whole = text.replace("Section 31(3) - Law Enforcement", "Section 31(1)(a) and Section 31(3) - Law Enforcement")
    assert _found(tmp_path, whole, ("PIT206",)) == []


def test_a_bare_section_whose_subsection_the_text_gives_in_words_or_spells_out_next(tmp_path: Path):
    """ "(section 30) ... (section 31). Subsection (3) of both of these sections provides ..." names
    the subsection in words; "exempt under section 22 of the FOIA." followed by a paragraph opening
    "Section 22(1) of the FOIA (...) provides that" spells it out. Neither is a section cited bare;
    one relied on bare with no such words still is."""
    words = (
        "We do not disclose information about investigations (section 30) or information that would "
        "prejudice our functions (section 31). Subsection (3) of both of these sections exempts us from "
        "confirming or denying whether any intelligence is held.\n"
    )
    assert _found(tmp_path, words, select=("PIT204",)) == []
    spelt = (
        "The data is published twice a year, so we consider it exempt under section 22 of the FOIA.\n\n"
        "Section 22(1) of the FOIA (information intended for future publication) provides that information is "
        "exempt if it is held with a view to its publication.\n"
    )
    assert _found(tmp_path, spelt, select=("PIT204",)) == []
    bare = spelt.replace("Section 22(1) of the FOIA (information intended for future publication) provides", "We add")
    assert [f[:4] for f in _found(tmp_path, bare, select=("PIT204",))] == [("PIT204", "warning", 1, "section 22")]


def test_a_negated_withholding_and_another_sections_subsection(tmp_path: Path):
    """ "should not be taken to mean that any information has been withheld" says nothing was; a
    subsection named for another section ("subsection (1) of section 40") is not the bare s31's."""
    negated = (
        "This response should not be taken to mean that any information has been withheld.\n\n"
        "Section 23(5) and Section 24(2) remove the duty to confirm or deny.\n"
    )
    assert _found(tmp_path, negated, ("PIT206",)) == []
    other = (
        "The information is withheld under section 31 of the Act. Your own details are withheld as "
        "subsection (1) of section 40 applies.\n"
    )
    assert ("PIT204", "warning", 1, "section 31") in [f[:4] for f in _found(tmp_path, other, ("PIT204",))]


def test_an_ncnd_subsection_cited_to_withhold_is_not_told_its_new_number(tmp_path: Path):
    """ "I am unable to release this as it may identify an individual ... Section 40(5)": the response
    withholds (the "may" gives its reason), so s40(2) is asked for, and PIT503's s40(5A)/(5B), which
    neither confirm nor deny, is not suggested."""
    text = (
        "Request\n\nHow many allegations were made, by year?\n\nResponse\n\n"
        "In my first reply I said that I may be able to give a breakdown by year, but I am unable to release "
        "this as it may identify an individual, which would go against Section 40(5) of the Act.\n"
    )
    assert _found(tmp_path, text, ("PIT206", "PIT503")) == [
        ("PIT206", "error", 7, "Section 40(5)", "Cite the subsection that withholds it: s40(2)."),
    ]


def test_one_section_under_the_plural_and_an_exception_of_the_regulations_called_a_section(tmp_path: Path):
    """ "Sections 24(1) – National Security" cites one section ("Sections 24(1) – National Security and
    31(1) – Law Enforcement" cites two); "Section 12(5)(e)" in a response under the Environmental
    Information Regulations is their regulation, not the cost limit."""
    text = (
        "Sections 24(1) – National Security\n\nSections 24(1) – National Security and 31(1) – Law "
        "Enforcement\n\nUnder the Environmental Information Regulations the information is exempt under "
        "Section 12(5)(e).\n"
    )
    assert _found(tmp_path, text, ("PIT209", "PIT406")) == [
        ("PIT406", "warning", 1, "Sections", "Section"),
        ("PIT209", "warning", 5, "Section 12(5)(e)", "Regulation 12(5)(e)"),
    ]


def test_this_is_a_class_based_exemption_under_a_prejudice_based_heading(tmp_path: Path):
    """A paragraph opening "This is a qualified and class-based exemption" under the heading
    "Section 43(2) - Commercial Interests" (its statute quoted between them) speaks of s43(2), which
    is prejudice-based: told once, not again for "legislators have already accepted the harm"."""
    text = (
        "Section 43(2) - Commercial Interests\n\n"
        "\u201c(2) Information is exempt information if its disclosure under this Act would, or would be likely "
        "to, prejudice the commercial interests of any person.\u201d\n\n"
        "This is a qualified and class-based exemption. As a class-based exemption, legislators have already "
        "accepted the harm in release of this class of information.\n\n"
        "Section 30(1) - Investigations\n\nThis is a class-based exemption.\n"
    )
    assert _found(tmp_path, text, ("PIT207",)) == [
        (
            "PIT207",
            "warning",
            5,
            "is a qualified and class-based exemption",
            "s43(2) is a prejudice-based qualified exemption",
        ),
    ]


def test_two_sections_under_the_singular_and_an_ncnd_heading_in_favour_of_disclosure(tmp_path: Path):
    """ "Section 24(2) and 27(4)(a) are qualified exemptions": two sections under the singular
    ("Section 31(1)(a) and (b) are" is one section's two paragraphs); "In favour of disclosure" heads
    factors that weigh disclosure in a response that neither confirms nor denies."""
    text = (
        "We can neither confirm nor deny whether we hold the information, by virtue of Section 24(2) and "
        "27(4)(a). Section 24(2) and 27(4)(a) are qualified exemptions. Section 31(1)(a) and (b) are not "
        "cited.\n\nIn favour of disclosure\n\nConfirming or denying would show openness.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, ("PIT201", "PIT406"))] == [
        ("PIT406", "warning", 1, "Section"),
        ("PIT201", "error", 3, "In favour of disclosure"),
    ]


def test_the_review_s_mends_of_the_response_reading_and_the_exemption_checks(tmp_path: Path):
    """A sentence that opens on a condition says nothing of this response ("If the force confirms
    that information is held, this would reveal ..."), so an NCND response's disclosure heading and
    "the withheld information" are still told; "unable to release the information ... as it is not
    held" withholds nothing (no PIT211); "section 12(4)(b)" is the Act's own (aggregating requests)
    even under the Regulations, while "sections 12(5)(e)" are theirs, plural kept."""
    text = (
        "We can neither confirm nor deny whether we hold the information, by virtue of section 31(3).\n\n"
        "If the force confirms that information is held, this would reveal which premises are of interest.\n\n"
        "Factors favouring disclosure\n\nThe withheld information would inform debate.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, ("PIT201",))] == [
        ("PIT201", "error", 5, "favouring disclosure"),
        ("PIT201", "error", 7, "The withheld information"),
    ]
    not_held = "We are unable to release the information you asked for, as it is not held.\n"
    assert _found(tmp_path, not_held, ("PIT211",)) == []
    eir = (
        "Under the Environmental Information Regulations, section 12(4)(b) allows the requests to be aggregated, "
        "and sections 12(5)(e) and 12(5)(f) apply.\n"
    )
    assert _found(tmp_path, eir, ("PIT209",)) == [("PIT209", "warning", 1, "sections 12(5)(e)", "regulations 12(5)(e)")]


def test_section_23_named_in_section_24s_own_words_is_not_cited(tmp_path: Path):
    """ "information which does not fall within section 23(1)": s24(1) in its own words sets s23's
    information aside; it cites nothing, so no absolute exemption is weighed."""
    text = (
        "We hold the information. It is exempt under sections 24(1) and 31(1)(a).\n\n"
        "Section 24(1) provides that information which does not fall within section 23(1) is exempt if "
        "exemption from the duty to disclose is required for the purpose of safeguarding national security. "
        "Both are qualified exemptions, so we must show that the public interest in maintaining the exemptions "
        "outweighs the public interest in disclosure.\n"
    )
    assert _found(tmp_path, text, select=("PIT203",)) == []
    # cited, beside s24(1) in its paragraph, the weighing is the qualified one's; cited alone, s23's
    cited = text.replace("does not fall within section 23(1)", "falls within section 23(1)")
    assert _found(tmp_path, cited, select=("PIT203",)) == []
    alone = text.replace(
        "Section 24(1) provides that information which does not fall within section 23(1) is exempt if "
        "exemption from the duty to disclose is required for the purpose of safeguarding national security. "
        "Both are qualified exemptions, so we",
        "The information was supplied by a security body and falls within section 23(1), so we",
    )
    assert [f[:4] for f in _found(tmp_path, alone, select=("PIT203",))] == [
        ("PIT203", "warning", 3, "public interest in maintaining the exemptions outweigh")
    ]


def test_s43_1_called_prejudice_based_means_s43_2(tmp_path: Path):
    """s43(1) (trade secrets) is class-based; a draft that calls it prejudice-based argues commercial
    prejudice, which is s43(2): the citation is what to change."""
    text = (
        "We hold the information. It is exempt under Section 43(1) - Commercial Interests.\n\n"
        "Section 43(1) is a prejudice-based, qualified exemption.\n"
    )
    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    (report,) = check([draft], Config(select=("PIT207",))).files
    assert [(f.rule.code, f.location.line, f.message, f.suggestion) for f in report.findings] == [
        (
            "PIT207",
            3,
            "s43(1) is class-based; called prejudice-based, it is s43(2) that is meant.",
            "Cite s43(2) (prejudice-based) if the argument is prejudice; s43(1) is class-based",
        )
    ]


def test_a_stray_ncnd_sentence_in_a_response_that_says_the_information_is_held(tmp_path: Path):
    """The response says the information is held and withholds it; one sentence then neither
    confirms nor denies. The fault is that sentence, not the citations."""
    text = (
        "This information is held but is exempt by virtue of section 31(1)(a) and section 40(2).\n\n"
        "Factors favouring disclosure\n\nThe public would learn how cash is seized.\n\n"
        "Factors against disclosure\n\nOffenders would learn where it is kept.\n\n"
        "The force will therefore neither confirm nor deny holding information relevant to questions 3 and 4.\n"
    )
    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    (report,) = check([draft], Config(select=("PIT206",))).files
    [finding] = report.findings
    assert (finding.rule.code, finding.location.line, finding.excerpt) == (
        "PIT206",
        11,
        "The force will therefore neither confirm nor deny",
    )
    assert finding.suggestion.startswith("The response says elsewhere that the information is held")


def test_the_scottish_acts_refusal_notice_is_its_section_16(tmp_path: Path):
    text = (
        "I have considered your request under the Freedom of Information (Scotland) Act 2002. This letter "
        "represents a refusal notice in terms of section 16 of the Act.\n"
    )
    assert _found(tmp_path, text, select=("PIT209",)) == []
    english = text.replace("Freedom of Information (Scotland) Act 2002", "Freedom of Information Act 2000")
    assert [f[:2] for f in _found(tmp_path, english, select=("PIT209",))] == [("PIT209", "warning")]


MIXED_BY_QUESTION = """Q2) Which systems are checked when an officer is vetted?

Our response:

The specific systems checked, and the frequency of any checks against national databases, is exempt by virtue of
Section 31(1)(a)(b) Law Enforcement.

Q3) Is the constable named in my request subject to a misconduct investigation?

Our response:

West Yorkshire Police can neither confirm nor deny that it holds the information you have requested, by virtue
of Section 40(5B)(a)(i) Personal Information.

Section 40(5B)(a)(i) Personal Information - Q3

Releasing the information held about this officer would breach the data protection principles.

Section 31(1)(a)(b) Law Enforcement - Q2

Harm

Naming the systems would be likely to prejudice the prevention of crime, as the information held shows gaps.

Factors favouring disclosure

The public would know how officers are checked.

Factors favouring non-disclosure

Offenders could exploit the gaps.

Balancing test

The balance lies in favour of withholding the information.
"""


def test_a_response_mixed_question_by_question_reads_each_part_by_its_citation(tmp_path: Path):
    """Q2 withheld (a long subject, then "is exempt by virtue of"), Q3 neither confirmed nor denied:
    the withholding citation and the factors for disclosure are right for Q2; "the information
    held" is a slip only in Q3's part."""
    assert _found(tmp_path, MIXED_BY_QUESTION, select=("PIT201", "PIT202", "PIT206")) == [
        (
            "PIT201",
            "error",
            17,
            "the information held",
            'Speak of confirming or denying whether information is held, e.g. "confirming or denying whether '
            'this information is held".',
        )
    ]
    assert _messages(tmp_path, ("PIT201",)) == [
        '"the information held" implies the information is held, in the part of the response that neither '
        "confirms nor denies it"
    ]


def test_information_for_one_question_exempt_and_another_neither_confirmed_nor_denied_is_mixed(tmp_path: Path):
    """ "The information for question 3 is exempt by virtue of Section 31(1)(a)(b). In relation to
    question 4, the force neither confirms nor denies ... Section 31(3)": a mixed response, in which
    s31(1)(a)(b) heading question 3's test is right."""
    text = (
        "Request\n\n3. Please provide the watchlists planned for 2025.\n\n4. Has the Security Service been "
        "involved?\n\nDecision\n\nThe information for question 3 is exempt by virtue of Section 31(1)(a)(b). "
        "In relation to question 4, the force neither confirms nor denies that it holds any information, by "
        "virtue of Sections 24(2) and 31(3).\n\nQuestion 3 - Section 31(1)(a)(b) Law Enforcement\n\n"
        "Disclosing the watchlists in advance would be likely to prejudice the prevention of crime, as "
        "wanted offenders would stay away.\n\nPublic interest considerations favouring disclosure\n\n"
        "The technology is new and the public would understand its use better.\n\nQuestion 4 - Neither "
        "confirm nor deny\n\nConfirming or denying would show whether the Security Service works with the "
        "force, which would harm national security.\n"
    )
    assert _found(tmp_path, text, select=("PIT201", "PIT206")) == []


def test_a_withholding_subsection_relied_on_in_the_sentence_of_an_ncnd_response(tmp_path: Path):
    """ "neither confirm nor deny ... by virtue of Section 23(5), Section 24(1) and Section 31(3)",
    with s24(2) cited over the test: the s24(1) in the NCND sentence is the slip."""
    text = (
        "Decision\n\nThe force can neither confirm nor deny that it holds the information you requested, by "
        "virtue of Section 23(5), Section 24(1) and Section 31(3) of the Act.\n\nSections 24(2) and 31(3) are "
        "qualified exemptions.\n\nConfirming or denying would show whether the capability exists, which "
        "would harm national security.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT206",))] == [("PIT206", "error", 3, "Section 24(1)")]
    assert _messages(tmp_path, ("PIT206",)) == [
        "s24(1) withholds information admitted to be held, but the sentence citing it neither confirms nor "
        "denies that information is held."
    ]


def test_a_withholding_subsection_listed_beside_its_ncnd_one_in_the_duty_sentence(tmp_path: Path):
    """ "The duty in Section 1(1)(a) of the Act does not apply by virtue of the following exemptions:
    Section 30(3) ...; Section 31(3) ...; and Section 31(1)(a)(b)": listed side by side, the
    withholding one is a slip; "which would otherwise be exempt under section 31(1)(a), by virtue of
    section 31(3)" names what the NCND one protects."""
    text = (
        "The force can neither confirm nor deny whether it holds information relevant to your request. The duty "
        "in Section 1(1)(a) of the Act does not apply by virtue of the following exemptions: Section 30(3) - "
        "Investigations; Section 31(3) - Law Enforcement; and Section 31(1)(a)(b) - Law Enforcement.\n\n"
        "Confirming or denying would harm the use of informants.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT206",))] == [
        ("PIT206", "error", 1, "Section 31(1)(a)(b)")
    ]
    protected = text.replace(
        "Section 31(3) - Law Enforcement; and Section 31(1)(a)(b) - Law Enforcement",
        "Section 31(3), as the information would otherwise be exempt under Section 31(1)(a)(b)",
    )
    assert _found(tmp_path, protected, select=("PIT206",)) == []


def test_an_ncnd_subsection_cited_where_the_information_requested_is_held_but_exempt(tmp_path: Path):
    """ "The information requested at question 2 is held but is exempt from disclosure" and "are
    therefore withheld": a withholding response, so s24(2) in its citation list is the slip."""
    text = (
        "Response\n\nThe information requested at question 2 is held but is exempt from disclosure.\n\n"
        "Section 31(1)(a)(b) - Law Enforcement\nSection 24(2) - National Security\n\nReleasing the camera "
        "locations would be likely to prejudice the prevention of crime.\n\nThe locations of the cameras "
        "are therefore withheld.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT206",))] == [("PIT206", "error", 6, "Section 24(2)")]
    priced = (
        "Response\n\n(c) The unit price per camera is held but is exempt from disclosure.\n\nThe exemptions "
        "that apply to part (c) are Section 43(3) Commercial Interests and Section 31(1)(a) Law Enforcement.\n"
    )
    assert [f[:4] for f in _found(tmp_path, priced, select=("PIT206",))] == [("PIT206", "error", 5, "Section 43(3)")]


def test_a_part_refused_under_exemptions_beside_an_ncnd_part(tmp_path: Path):
    """ "Question 3 is refused under sections 21 and 40(2). For question 4, the force neither confirms
    nor denies ... under section 40(5B)(a)(i)": a mixed response, so s40(2) heading question 3's
    answer is right."""
    text = (
        "Response\n\nQuestion 3 is refused under sections 21 and 40(2). For question 4, the force neither "
        "confirms nor denies holding information, under sections 40(5B)(a)(i) and 30(3).\n\nResponse to "
        "question 3\n\nSection 40(2)\n\nThe names of the officers are personal data, and disclosure would be "
        "unfair to them.\n\nResponse to question 4\n\nSection 40(5B)(a)(i)\n\nTo confirm or deny would "
        "disclose personal data about the officer named.\n"
    )
    assert _found(tmp_path, text, select=("PIT206",)) == []


def test_factors_under_a_heading_citing_an_absolute_and_a_qualified_exemption(tmp_path: Path):
    """ "Question 3: Sections 23(5) and 24(2)", s23(5) said to be absolute: the factors under it are
    s24(2)'s, not weighed for s23."""
    text = (
        "The force neither confirms nor denies that it holds the information, by virtue of sections 23(5) and "
        "24(2).\n\nQuestion 3: Sections 23(5) and 24(2)\n\nSection 23(5) is an absolute exemption, and no public "
        "interest test is required. Section 24(2) is qualified.\n\nFactors favouring confirmation or denial: "
        "the public would know whether protesters are monitored.\n\nFactors against confirmation or denial: "
        "confirming or denying would harm national security.\n\nBalance: the balance favours neither "
        "confirming nor denying.\n"
    )
    assert _found(tmp_path, text, select=("PIT203",)) == []


def test_a_withholding_subsection_listed_under_an_ncnd_sentence_in_a_mixed_response(tmp_path: Path):
    """Q1 answered and withheld in part; Q2 "neither confirms nor denies ... by virtue of the following
    exemptions:" with the citations on lines of their own: a withholding subsection there is the NCND
    part's citation. With the NCND subsection listed beside it, it is not."""
    text = (
        "Request\n\n1. How many officers were suspended?\n\n2. Is the officer named in the press suspended?\n\n"
        "Response\n\nQuestion 1: 14 officers were suspended. Their names are withheld under Section 40(2) "
        "Personal Information.\n\nQuestion 2: Exampleshire Police neither confirms nor denies that it holds "
        "information relevant to question 2, by virtue of the following exemptions:\n\n"
        "Section 40(5B) Personal Information\n\nSection 30(1) Investigations and Proceedings\n\n"
        "Confirming or denying would be likely to prejudice any investigation.\n"
    )
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT206",))] == [("PIT206", "error", 15, "Section 30(1)")]
    both = text.replace(
        "Section 30(1) Investigations and Proceedings\n\n",
        "Section 30(1) Investigations and Proceedings\n\nSection 30(3) Investigations and Proceedings\n\n",
    )
    assert _found(tmp_path, both, select=("PIT206",)) == []


def test_a_withholding_subsection_over_the_test_of_an_ncnd_response_whose_ncnd_one_stands_alone(tmp_path: Path):
    """The letter neither confirms nor denies under s24(2); the public interest test's own citation
    line says s24(1). s24(2) rests on no grounds of s24(1), so s24(1) is the slip; s31(1)(a) beside
    s31(3) names the matters s31(3) rests on, and a sentence naming s40(2) explains s40(5B)."""
    text = (
        "Request\n\nWere drones used at the port?\n\nResponse\n\nExampleshire Police neither confirms nor denies "
        "that it holds the information, by virtue of Section 24(2) National Security and Section 31(3) Law "
        "Enforcement.\n\nPublic interest test\n\nSection 24(1) National Security\n\nConfirming or denying would "
        "be likely to prejudice the prevention of crime under section 31(1)(a).\n\nThe balance favours neither "
        "confirming nor denying.\n"
    )
    found = [f[:4] for f in _found(tmp_path, text, select=("PIT206",))]
    assert found == [("PIT206", "error", 11, "Section 24(1)")]
    assert _messages(tmp_path, ("PIT206",)) == [
        "s24(1) withholds information admitted to be held, but this response neither confirms nor denies holding "
        "it (s24(2) is cited for that elsewhere)."
    ]
    alone = text.replace("Section 24(1) National Security", "Section 24(2) National Security")
    assert _found(tmp_path, alone, select=("PIT206",)) == []


def test_an_ncnd_conclusion_weighed_against_confirming_or_denying_is_no_withholding(tmp_path: Path):
    """ "the public interest in maintaining the exemptions is greater than the public interest in
    confirming or denying": the NCND test's outcome, though it names no "neither ... nor"."""
    text = (
        "Request\n\nWere informants used?\n\nResponse\n\nThe force neither confirms nor denies that it holds "
        "the information, by virtue of Section 30(3) and Section 31(3).\n\nConfirming or denying would be "
        "likely to prejudice the prevention of crime.\n\nThere is a public interest in openness about the use of "
        "informants.\n\nAgainst this, sources would be deterred from coming forward.\n\nOversight of the tactic "
        "already exists.\n\nHaving weighed these considerations, I have concluded "
        "that the public interest in maintaining the exemptions is greater than the public interest in confirming "
        "or denying whether information is held.\n\nThis response should not be taken as an indication that any "
        "information does or does not exist.\n"
    )
    assert _found(tmp_path, text, select=("PIT202", "PIT107")) == []


def test_holding_stated_as_a_fact_in_the_part_that_neither_confirms_nor_denies(tmp_path: Path):
    ncnd = (
        "Essex Police neither confirms nor denies that it holds the information you requested by virtue of "
        "Section 31(3) Law Enforcement.\n\nAs the information requested is held by the Source Unit, any answer "
        "would reveal tactics. If the information is held, confirming it would harm. Confirming that the "
        "information is held would help offenders.\n"
    )
    assert [f[:4] for f in _found(tmp_path, ncnd, select=("PIT201",))] == [
        ("PIT201", "error", 3, "the information requested is held"),
    ]
    # a run-in part that weighs confirming or denying, in a response that also withholds
    mixed = (
        "The figures for question 1 are withheld by virtue of Section 31(1)(a) Law Enforcement.\n\n"
        "For question 2, Essex Police neither confirms nor denies that it holds information by virtue of "
        "Section 31(3).\n\nFactors against confirmation or denial: Although the information is held for "
        "young sources as for adults, the force takes the same approach.\n"
    )
    assert [f[:4] for f in _found(tmp_path, mixed, select=("PIT201",))] == [
        ("PIT201", "error", 5, "the information is held"),
    ]


def test_an_absolute_exemption_said_to_need_no_public_interest_test(tmp_path: Path):
    text = (
        "Cleveland Police neither confirms nor denies that it holds information by virtue of Section 23(5) "
        "and Section 24(2).\n\nSection 23(5) is an absolute, class-based exemption. If information were held "
        "and had come from any of the bodies listed in Section 23(3), the duty to confirm or deny would not "
        "arise, and no public interest test is required.\n\nFactors favouring confirmation or denial\n\n"
        "Confirming would inform debate.\n\nFactors against confirmation or denial\n\nConfirming would "
        "harm national security.\n"
    )
    assert _found(tmp_path, text, select=("PIT203",)) == []


def test_another_reference_where_the_own_label_line_is_joined_to_the_title(tmp_path: Path):
    text = (
        "West Yorkshire Police - Freedom of Information\nRequest reference: FOI/1162/24\nDate: 19 April 2024\n\n"
        'Dear Requester,\n\nYour request, received on 22 March 2024, asked:\n\n"How many officers were '
        'dismissed in 2023?"\n\nWest Yorkshire Police holds this information. In 2023, 14 officers were '
        "dismissed.\n\nThe figures come from the Professional Standards Department.\n\nThey include officers "
        "on probation.\n\nThey do not include police staff.\n\nFigures for 2022 were published last year.\n\n"
        "If you are unhappy you may ask for a review.\n\nPlease quote reference FOI/0874/24 in any "
        "future correspondence about this request.\n"
    )
    assert _found(tmp_path, text, select=("PIT604",)) == [
        ("PIT604", "warning", 23, "FOI/0874/24", "FOI/1162/24"),
    ]
    # the force's letters before the reference: "Our reference: HP/FOI/2025/01462"
    lettered = text.replace("Request reference: FOI/1162/24", "Our reference: HP/FOI/2025/01462").replace(
        "FOI/0874/24", "HP/FOI/2024/00931"
    )
    assert _found(tmp_path, lettered, select=("PIT604",)) == [
        ("PIT604", "warning", 23, "FOI/2024/00931", "FOI/2025/01462"),
    ]


def test_another_reference_with_the_forces_letters_or_heading_a_later_part(tmp_path: Path):
    """ "FOI/SUF/24/0967" beside the letter's "FOI/SUF/25/1184"; and "Request FOI/25/0398 - Athena"
    heading the test of a letter whose letterhead says "Our reference: FOI/25/0412"."""
    lettered = (
        "Suffolk Constabulary\nReference: FOI/SUF/25/1184\nDate: 2 May 2025\n\nDear Requester,\n\nThe "
        "information requested is held but is exempt from disclosure under Section 43(2).\n\nIf you are "
        "unhappy you may ask for a review, quoting reference FOI/SUF/24/0967.\n"
    )
    assert _found(tmp_path, lettered, select=("PIT604",)) == [
        ("PIT604", "warning", 9, "FOI/SUF/24/0967", "FOI/SUF/25/1184"),
    ]
    headed = (
        "Kent Police\nOur reference: FOI/25/0412\nDate: 2 May 2025\n\nDear Requester,\n\nThe contract "
        "value is exempt from disclosure under Section 43(2) of the Act.\n\nThe supplier was consulted about "
        "the request.\n\nThe contract runs until 2027.\n\nThe renewal will be tendered next year.\n\n"
        "Public Interest Test\n\n"
        "Request FOI/25/0398 - Athena records management system\n\nDisclosure would be likely to prejudice "
        "the supplier's commercial interests in the renewal.\n"
    )
    assert _found(tmp_path, headed, select=("PIT604",)) == [
        ("PIT604", "warning", 17, "FOI/25/0398", "FOI/25/0412"),
    ]


def test_s40_2_on_its_first_condition_weighed_or_called_qualified_anyway(tmp_path: Path):
    called = (
        "The names are withheld under Section 40(2) Personal Information.\n\nDisclosure would be unfair and would "
        "breach the first data protection principle. Section 40(2) is a qualified exemption and I have "
        "therefore considered the public interest: the interest in accountability does not override the "
        "rights of the officers.\n"
    )
    assert [f[:4] for f in _found(tmp_path, called, select=("PIT203",))] == [
        ("PIT203", "warning", 3, "Section 40(2)"),
    ]
    weighed = (
        "The names are withheld under Section 40(2) Personal Information.\n\nDisclosure would breach the first "
        "data protection principle. Where this condition is met Section 40(2) is an absolute exemption, so no "
        "public interest test is required. For completeness, I have also weighed the public interest for "
        "Section 40(2), and found that the privacy of the holders prevails.\n"
    )
    assert [f[:4] for f in _found(tmp_path, weighed, select=("PIT203",))] == [
        ("PIT203", "warning", 3, "weighed the public interest for"),
    ]


def test_a_bare_section_and_its_title_as_a_later_parts_ground_is_a_note(tmp_path: Path):
    text = (
        "A2. This information is held but is withheld under Section 31(1)(a)(b) of the Act.\n\n"
        "A5. The flight logs are held, but they are exempt under Section 31 Law Enforcement, as they record "
        "flight paths.\n\nSection 31 is a qualified exemption.\n"
    )
    found = _found(tmp_path, text, select=("PIT204",))
    assert [f[:4] for f in found] == [("PIT204", "info", 3, "Section 31")]
    assert _messages(tmp_path, ("PIT204",)) == [
        "Section 31 is cited without its subsection where information is withheld under it (it is cited in "
        "full elsewhere)."
    ]


def test_a_scottish_response_that_names_the_act_of_england_once(tmp_path: Path):
    """Read under the Scottish Act where it, its Commissioner and sections are named more: the
    English Act's one mention is the slip (PIT510), s35 "Law enforcement" and s16 refusal are right."""
    text = (
        "Police Scotland\n\nFreedom of Information (Scotland) Act 2002\n\nIn terms of section 18(1) of the Act, "
        "Police Scotland neither confirms nor denies whether it holds the information, by virtue of section "
        "35(1)(a) - Law Enforcement.\n\nThis letter is a refusal notice under section 16 of the Freedom of "
        "Information Act 2000. Strathclyde Police does not hold older records, and Police Scotland holds the "
        "rest.\n\nIf you are dissatisfied you may apply to the Scottish Information Commissioner. Write to the "
        "Scottish Information Commissioner, Kinburn Castle.\n"
    )
    found = _found(tmp_path, text, select=("exemption", "link", "PIT510"))
    assert [f[:4] for f in found] == [
        ("PIT510", "warning", 7, "Freedom of Information Act 2000"),
        ("PIT503", "warning", 7, "Strathclyde Police"),
    ]
    assert found[0][4] == "Freedom of Information (Scotland) Act 2002"
    # an English force's letter that sends the requester to Police Scotland, naming its Act twice
    english = (
        "West Yorkshire Police has dealt with your request under the Freedom of Information Act 2000.\n\n"
        "Records of Scottish stops are held by Police Scotland under the Freedom of Information (Scotland) Act "
        "2002; the Freedom of Information (Scotland) Act 2002 gives a right of appeal to the Scottish Information "
        "Commissioner.\n"
    )
    assert _found(tmp_path, english, select=("PIT507", "PIT510")) == []


def test_holding_spoken_of_not_stated_and_a_position_restated(tmp_path: Path):
    ncnd = (
        "Essex Police neither confirms nor denies that it holds the information you requested by virtue of "
        "Section 31(3) Law Enforcement.\n\nThis response should not be taken as an indication that the "
        "information is held. To state that the information is held would help offenders. Were the information "
        "held, its disclosure would harm.\n\nConclusion: Essex Police neither confirms nor denies that it holds "
        "the information you requested by virtue of Section 31(3) Law Enforcement.\n"
    )
    assert _found(tmp_path, ncnd, select=("PIT201", "PIT605")) == []
