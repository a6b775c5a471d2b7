"""Spelling and wording on text written the way real PITs go wrong (this team's own sentences,
reproducing each pattern): British English against American spellings, capitalised and garbled
words, words run together, real-word slips in terms of art, rare look-alikes, impossible word
pairs, names in the wrong case; and the same kinds of text written right, which must pass."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from pitlint.config import Config
from pitlint.engine import check
from pitlint.spelling import Speller


def _found(tmp_path: Path, text: str, select: tuple[str, ...] = ("typo", "link")) -> list[tuple]:
    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    (report,) = check([draft], Config(select=select)).files
    assert report.error is None
    return [
        (f.rule.code, f.severity.value, f.location.line, f.location.column, f.excerpt, f.suggestion)
        for f in report.findings
    ]


def _messages(tmp_path: Path, select: tuple[str, ...]) -> list[str]:
    """The messages of the findings on the draft `_found` wrote last."""
    (report,) = check([tmp_path / "draft.txt"], Config(select=select)).files
    return [f.message for f in report.findings]


def _fixes(tmp_path: Path, text: str, select: tuple[str, ...]) -> list[tuple]:
    """(excerpt, suggestion, how safe its fix is) of each finding."""
    draft = tmp_path / "fixes.txt"
    draft.write_text(text, encoding="utf-8")
    (report,) = check([draft], Config(select=select)).files
    return [(f.excerpt, f.suggestion, f.fix.applicability.value if f.fix else None) for f in report.findings]


def test_american_spellings_get_the_british_form(tmp_path: Path):
    found = _found(tmp_path, "The organization will analyze the color of the center's defense.\n")
    assert found == [
        ("PIT404", "info", 1, 5, "organization", "organisation"),  # -ize: Oxford English too
        ("PIT404", "warning", 1, 23, "analyze", "analyse"),
        ("PIT404", "warning", 1, 35, "color", "colour"),
        ("PIT404", "warning", 1, 48, "center", "centre"),
        ("PIT404", "warning", 1, 57, "defense", "defence"),
    ]
    assert _fixes(tmp_path, "The organization will analyze the color of the center's defense.\n", ("PIT404",)) == [
        ("organization", "organisation", "unsafe"),  # -ize is Oxford English: changed only when asked
        ("analyze", "analyse", "safe"),
        ("color", "colour", "safe"),
        ("center", "centre", "safe"),
        ("defense", "defence", "safe"),
    ]


def test_the_verbs_spelling_where_the_noun_is_meant(tmp_path: Path):
    text = (
        "The council holds the license of the site and its practise of review. We may license it, "
        "and officers practise firearms drills; licence holders were told.\n"
    )
    assert _found(tmp_path, text) == [
        ("PIT404", "warning", 1, 23, "license", "licence"),
        ("PIT404", "warning", 1, 51, "practise", "practice"),
    ]


def test_british_and_legal_spellings_are_never_corrected(tmp_path: Path):
    text = (
        "Aluminium, paediatric, judgment, judgement, programme, program, licence, license, travelled, "
        "whilst, amongst, manoeuvre, enquiry, inquiry, ageing, offence, fulfil, cheque and catalogue are "
        "British; so are the sub-sections (ii) and (iv) of the co-ordinated non-disclosure.\n"
    )
    assert _found(tmp_path, text) == []


def test_the_dictionary_is_british():
    speller = Speller()
    assert speller.known("colour") and speller.known("judgment") and not speller.known("color")
    assert speller.british("Color") == "Colour"
    assert speller.british("colour") is None
    assert speller.suggest("corupt") == "corrupt"


def test_capitalised_and_garbled_words_are_checked_where_they_cannot_be_names(tmp_path: Path):
    text = (
        "The Corupt Practices hotline is run by Inspector Jane Whitcombe and PENLINK staff.\n\n"
        "Provision of informati0n held by the force.\n\n"
        "Publically available numbers are listed at Middlewich and Hetherington.\n"
    )
    assert _found(tmp_path, text) == [
        ("PIT403", "warning", 1, 5, "Corupt", "Corrupt"),
        ("PIT403", "warning", 3, 14, "informati0n", "information"),
        ("PIT403", "warning", 5, 1, "Publically", "Publicly"),  # two edits from a common word
    ]


def test_words_run_together(tmp_path: Path):
    text = "The letter dated14th March was sent in 2019within the period.\n"
    assert _found(tmp_path, text) == [
        ("PIT403", "warning", 1, 12, "dated14th", "dated 14th"),
        ("PIT403", "warning", 1, 40, "2019within", "2019 within"),
    ]
    # a word that numbers what follows, and its number; not a footnote's mark or a product's number
    cited = "Compliance with section1(1)(a) is not required for the drone swarms1 or the Captor2 spray.\n"
    assert _found(tmp_path, cited) == [("PIT403", "warning", 1, 17, "section1", "section 1")]


def test_many_words_run_together_are_spaces_lost_in_conversion(tmp_path: Path):
    text = "Dear MrJones,\n\nThe letter dated14th March was sent in 2019within the FOIbut period.\n"
    found = _found(tmp_path, text)
    assert [f[:5] for f in found] == [
        ("PIT403", "info", 1, 6, "MrJones"),
        ("PIT403", "info", 3, 12, "dated14th"),
        ("PIT403", "info", 3, 40, "2019within"),
        ("PIT403", "info", 3, 55, "FOIbut"),
    ]
    assert [f[5] for f in found] == ["Mr Jones", "dated 14th", "2019 within", "FOI but"]
    assert _messages(tmp_path, ("PIT403",))[0] == (
        '"MrJones" runs two words together: "Mr Jones" (4 words run together in this draft: were spaces lost '
        "when it was copied or converted?)"
    )


def test_words_broken_by_a_space(tmp_path: Path):
    text = (
        "A public authority must, if permit ed, say whether it holds the infor mation asked for. "
        "Compare the class vs the harm, and use the ed. note.\n"
    )
    assert _found(tmp_path, text) == [
        ("PIT403", "warning", 1, 29, "permit ed", "permitted"),
        ("PIT403", "warning", 1, 65, "infor mation", "information"),
    ]

    known = (
        "By with holding it we rely on s31. There fore the harm is clear. The figures are no table of "
        "costs; we detect or prevent crime, and it may be held every day.\n"
    )
    assert _fixes(tmp_path, known, ("PIT403",)) == [
        ("with holding", "withholding", "unsafe"),  # two words: the pair counts cannot be sure
        ("There fore", "Therefore", "unsafe"),
    ]
    assert [f[:4] for f in _found(tmp_path, known, ("PIT403",))] == [
        ("PIT403", "warning", 1, 4),
        ("PIT403", "warning", 1, 36),
    ]


def test_suggestions_two_edits_away_a_lost_apostrophe_and_names(tmp_path: Path):
    text = (
        "The childrens homes were publically named. Dear RHall, the letter about Mr Bamber was sent, "
        "and Bamber replied.\n"
    )
    assert _found(tmp_path, text) == [
        ("PIT403", "warning", 1, 5, "childrens", "children's"),
        ("PIT403", "warning", 1, 26, "publically", "publicly"),
    ]


def test_a_word_split_by_an_invisible_character_is_not_misspelt(tmp_path: Path):
    text = "The pre\u00advention of crime and de\u200btection matter. The recieved letter.\n"
    assert _found(tmp_path, text) == [("PIT403", "warning", 1, 53, "recieved", "received")]


def test_that_that_is_a_slip_only_before_a_new_clause(tmp_path: Path):
    text = "Staff would expect that that the confidentiality is kept. He said that that was wrong.\n"
    assert _found(tmp_path, text) == [("PIT402", "warning", 1, 20, "that that", "that")]


def test_the_same_verb_on_both_sides_of_not(tmp_path: Path):
    text = (
        "The council will be not be releasing it. The answer is not is clear. It cannot be used, "
        "and may be or not be held. Do not do it; the letter is not a refusal.\n"
    )
    assert _found(tmp_path, text) == [
        ("PIT402", "warning", 1, 18, "be not be", "not be"),
        ("PIT402", "warning", 1, 53, "is not is", "is not"),
    ]


def test_slips_in_terms_of_art(tmp_path: Path):
    text = (
        "Disclosure would reveal persona data about a convert human intelligence source. Section 31(1)(a) "
        "is a prejudiced based exemption protecting the communities we service. We considered the public test.\n"
    )
    assert _found(tmp_path, text) == [
        ("PIT405", "warning", 1, 25, "persona", "personal"),
        ("PIT405", "warning", 1, 46, "convert", "covert"),
        ("PIT405", "warning", 1, 103, "prejudiced", "prejudice"),
        ("PIT405", "warning", 1, 160, "service", "serve"),
        ("PIT405", "warning", 1, 187, "public test", "public interest test"),
    ]


def test_a_real_word_slipped_into_a_partner_bodys_name(tmp_path: Path):
    text = (
        "The data was shared with the Cardiff and Vale University Heath Board and the National Heath Service. "
        "Hampstead Heath Park Police and the health board were consulted.\n"
    )
    assert _found(tmp_path, text, ("PIT405",)) == [
        ("PIT405", "warning", 1, 58, "Heath", "Health"),
        ("PIT405", "warning", 1, 87, "Heath", "Health"),
    ]


def test_a_slip_in_a_term_of_small_letters_written_as_a_name(tmp_path: Path):
    """The term is suggested in the draft's own case."""
    text = (
        "The Vetting Code of Practise applies to the force's Digitial Forensic Unit and its Unmanned Areal Vehicles.\n"
    )
    assert _found(tmp_path, text, ("PIT405",)) == [
        ("PIT405", "warning", 1, 21, "Practise", "Practice"),
        ("PIT405", "warning", 1, 53, "Digitial", "Digital"),
        ("PIT405", "warning", 1, 93, "Areal", "Aerial"),
    ]
    assert _messages(tmp_path, ("PIT405",))[0] == '"Practise" in "Code of Practise": did you mean "Code of Practice"?'


def test_a_word_typed_for_from_where_english_pairs_it_with_neither_neighbour(tmp_path: Path):
    text = (
        "The information is exempt form disclosure. The form the officer completed is attached. Officers "
        "recognised him on sight or by his car.\n"
    )
    assert _found(tmp_path, text, ("PIT405",)) == [("PIT405", "warning", 1, 27, "form", "from")]


def test_a_rank_misspelt_is_corrected_to_the_rank(tmp_path: Path):
    text = "Where Custody Sergents or detention officers intervened, a near miss is recorded.\n"
    assert _found(tmp_path, text, ("PIT403",)) == [("PIT403", "warning", 1, 15, "Sergents", "Sergeants")]


def test_terms_written_right_or_used_otherwise_pass(tmp_path: Path):
    text = (
        "The third part of the request is answered below. We must evidence harm in confirming it. "
        "Personal data about a covert human intelligence source is protected, and the public interest test "
        "favours non-disclosure for the communities we serve. The nation's security matters.\n"
    )
    assert _found(tmp_path, text) == []


def test_the_environmental_regulations_have_exceptions_not_exemptions(tmp_path: Path):
    text = "The public interest in maintaining the exception outweighs that in disclosing the plans.\n"
    assert _found(tmp_path, text) == [("PIT405", "warning", 1, 40, "exception", "exemption")]
    for named in ("Regulation 12(5)(e) of the EIR applies.", "The Environmental Information Regulations 2004 apply."):
        assert _found(tmp_path, named + "\n\n" + text) == []


def test_a_rare_word_typed_for_a_common_one(tmp_path: Path):
    text = "There is a serious thereat to the public, dealt with appropriately and responsibly.\n"
    assert _found(tmp_path, text) == [("PIT405", "warning", 1, 20, "thereat", "threat")]
    # where the common word fits one neighbour only ("sustained threat" is too rare a pair to know),
    # it is a question: a rare word may be meant ("steal data or extort money": "or export")
    text = "There is a sustained thereat from terrorists. They steal data or extort money.\n"
    assert _found(tmp_path, text) == [
        ("PIT405", "info", 1, 22, "thereat", "threat"),
        ("PIT405", "info", 1, 66, "extort", "export"),
    ]
    # a Greek plural of a term's word is no slip of it ("lawful bases" beside "lawful basis")
    assert _found(tmp_path, "None of the lawful bases under Article 6 applies.\n") == []
    # a newer -ing form of a common word, which older counts hold rarely, is no slip
    assert _found(tmp_path, "Passengers can report concerns, including by texting 61016.\n") == []
    # a capital inside a sentence names a place or a thing; at a sentence's start it may be a slip
    assert _found(tmp_path, "Some districts in the Dales contain only a few hundred households.\n") == []
    found = _found(tmp_path, "Thereat of terrorism is real and present in every part of the county.\n")
    assert found == [("PIT405", "warning", 1, 1, "Thereat", "Threat")]


def test_a_rare_word_that_lost_the_first_letter_of_a_common_one(tmp_path: Path):
    """Another first letter makes another word ("tasked", "asked"), so a rare word is matched to a
    word it lacks the first letter of only where that word fits both its neighbours."""
    assert _found(tmp_path, "This relates to a articular case.\n") == [
        ("PIT405", "warning", 1, 19, "articular", "particular")
    ]
    assert _found(tmp_path, "The articular cartilage of the knee was named.\n") == []


def test_two_common_words_joined_with_no_common_word_near_are_a_compound(tmp_path: Path):
    """ "callsigns" is "call signs" written solid, not a slip for the rare "callings" (info); a word
    whose correction is common keeps it ("publically" is "publicly", not "public ally")."""
    text = "A list of the callsigns was given; they were publically named.\n"
    assert _found(tmp_path, text) == [
        ("PIT403", "info", 1, 15, "callsigns", "call signs"),
        ("PIT403", "warning", 1, 46, "publically", "publicly"),
    ]
    # a rare word a keystroke off is no likelier: "hitlist" is "hit list", and "vehical" is "vehicle"
    # (two keystrokes off but common), not "vesical"; "hotlist", ANPR's word, is in the vocabulary
    text = "The number was added to the hitlist. Each unmarked vehical is chosen with care.\n"
    assert _found(tmp_path, text) == [
        ("PIT403", "info", 1, 29, "hitlist", "hit list"),
        ("PIT403", "warning", 1, 52, "vehical", "vehicle"),
    ]
    assert _found(tmp_path, text.replace("hitlist", "hotlist")) == [("PIT403", "warning", 1, 52, "vehical", "vehicle")]


def test_two_words_english_writes_side_by_side_far_more_than_the_near_word_are_a_compound(tmp_path: Path):
    """ "nightshift" is one edit from "nightshirt", but English writes "night shift" a hundred times
    more often than "nightshirt" at all: a compound written solid (info), never "nightshirt"."""
    text = "Officers on the nightshift attended. The unit's nightshirt policy was not relevant.\n"
    assert _found(tmp_path, text) == [("PIT403", "info", 1, 17, "nightshift", "night shift")]


def test_an_acronym_the_draft_also_writes_in_capitals_is_not_misspelt(tmp_path: Path):
    written_out = "Officers carry PAVA incapacitant spray.\n\nPava \u2013 Captor.\n"
    assert _found(tmp_path, written_out, ("PIT403",)) == []
    alone = "Officers carry incapacitant spray.\n\nPava \u2013 Captor.\n"
    assert _found(tmp_path, alone, ("PIT403",)) == [("PIT403", "warning", 3, 1, "Pava", "Papa")]
    # only a capitalised word: a heading in capitals does not excuse the word in small letters
    heading = "RECIEVED\n\nWe recieved it.\n"
    assert [f[:5] for f in _found(tmp_path, heading, ("PIT403",))] == [
        ("PIT403", "warning", 1, 1, "RECIEVED"),
        ("PIT403", "warning", 3, 4, "recieved"),
    ]


def test_a_rare_word_that_differs_from_a_common_one_by_a_vowel_at_its_end(tmp_path: Path):
    text = "The figures are for the calender year, and the liquor was kept in a hangar.\n"
    assert _found(tmp_path, text) == [("PIT405", "warning", 1, 25, "calender", "calendar")]


def test_its_and_its_confused(tmp_path: Path):
    text = (
        "Disclosure is refused as it's release could harm the force and It\u2019s own staff. "
        "It's likely that it's not held, and it's been asked before.\n"
    )
    assert _found(tmp_path, text) == [
        ("PIT406", "warning", 1, 26, "it's release", "its release"),
        ("PIT406", "warning", 1, 64, "It\u2019s own", "Its own"),
    ]


def test_word_pairs_english_never_uses(tmp_path: Path):
    text = (
        "Confirming this would could lead to harm; we released the all the information highlighted within in "
        "bold, and by withhold we rely on it. By release of the figures nothing changes.\n"
    )
    assert _found(tmp_path, text) == [
        ("PIT406", "warning", 1, 17, "would could", None),
        ("PIT406", "warning", 1, 55, "the all", "all"),
        ("PIT406", "warning", 1, 91, "within in", "within"),
        ("PIT406", "warning", 1, 111, "by withhold", "by withholding"),
    ]
    # a capital after "by" is a name's (a supplier's, "Reveal"), not a verb's
    assert _found(tmp_path, "The cameras are supplied to the force by Reveal Media Ltd and by Deliver Ltd.\n") == []
    # an article before a modal verb; "this" before a plural that is also a verb
    modal = "The cannot guarantee it, and a would-be thief could try. This records assaults.\n"
    assert _found(tmp_path, modal) == [("PIT406", "warning", 1, 1, "The cannot", None)]
    # a capital "A" inside a sentence is a label, even with the next line starting "The"
    labelled = "The reasons are in Appendix A\nThe Freedom of Information Act gives them.\n"
    assert _found(tmp_path, labelled) == []
    # two conjunctions that English never puts together; "and or", written for "and/or", is info
    conjunctions = "We can neither confirm or nor deny it. Officers and or staff may apply.\n"
    assert _found(tmp_path, conjunctions) == [
        ("PIT406", "warning", 1, 24, "or nor", None),
        ("PIT406", "info", 1, 49, "and or", "and/or"),
    ]


def test_a_quantifier_before_a_determiner_is_missing_of(tmp_path: Path):
    text = (
        "The exemption applies to some the information requested, and several these records are old. At most "
        "the force holds two files; none the less we apply it. Each the same. Nobody is any the wiser.\n"
    )
    assert _found(tmp_path, text) == [
        ("PIT406", "warning", 1, 26, "some the", "some of the"),
        ("PIT406", "warning", 1, 62, "several these", "several of these"),
    ]
    assert _messages(tmp_path, ("PIT406",))[0] == '"some the": "of" is missing ("some of the")'
    measures = (
        "The number officers deployed is exempt. The number plates were read; the number of officers is "
        "given, and a number one priority.\n"
    )
    assert _found(tmp_path, measures, ("PIT406",)) == [
        ("PIT406", "warning", 1, 5, "number officers", "number of officers")
    ]
    # a clause after "the amount" is English; a subject that is no "of" slip is still checked for agreement
    clauses = "The amount drivers are fined depends on the offence. The volume requests received has increased.\n"
    assert [(f[0], f[4]) for f in _found(tmp_path, clauses, ("PIT406",))] == [("PIT406", "has")]


def test_have_before_a_verb_that_is_not_its_past_participle(tmp_path: Path):
    text = (
        "The request has not be costed, and the force have already provide the figures. We have cause to "
        "believe it has work to do; it has regard to the guidance and has release dates. It has been sent.\n"
    )
    assert _found(tmp_path, text) == [
        ("PIT406", "warning", 1, 13, "has not be", "has not been"),
        ("PIT406", "warning", 1, 46, "have already provide", "have already provided"),
    ]
    assert _messages(tmp_path, ("PIT406",))[0] == '"has not be": after "has" a verb takes its past participle: "been"'


def test_an_irregular_past_or_a_settled_noun_after_have_or_be(tmp_path: Path):
    slips = (
        "The review has took longer than planned. This has lead to delays. The audit was lead by an "
        "inspector. The footage was took from the system and the officers had saw it.\n"
    )
    assert _found(tmp_path, slips, ("PIT406",)) == [
        ("PIT406", "warning", 1, 12, "has took", "has taken"),
        ("PIT406", "warning", 1, 47, "has lead", "has led"),
        ("PIT406", "warning", 1, 77, "was lead", "was led"),
        ("PIT406", "warning", 1, 115, "was took", "was taken"),
        ("PIT406", "warning", 1, 157, "had saw", "had seen"),
    ]
    assert _messages(tmp_path, ("PIT406",))[0] == '"has took": after "has" a verb takes its past participle: "taken"'
    # the noun after "has"; a bare verb after "is" in a cleft; "showed" and "proved" are participles too
    right = (
        "The force has lead responsibility for the operation. What we do is provide a service to the public. "
        "The survey has showed a fall and the trial has proved useful. The unit has release dates for both.\n"
    )
    assert _found(tmp_path, right, ("PIT406",)) == []


def test_a_verb_not_plain_after_does_not_or_did_not(tmp_path: Path):
    text = (
        "The duty to confirm or deny does not arises. The force did not provided the figures, and it does "
        "not has a policy. The officer did not attended.\n"
    )
    assert _found(tmp_path, text, ("PIT406",)) == [
        ("PIT406", "warning", 1, 38, "arises", "arise"),
        ("PIT406", "warning", 1, 64, "provided", "provide"),
        ("PIT406", "warning", 1, 102, "has", "have"),
        ("PIT406", "warning", 1, 136, "attended", "attend"),  # (the pairs hold "they attend", not "it attends")
    ]
    assert _messages(tmp_path, ("PIT406",))[0] == '"does not arises": after "does not" a verb is plain: "arise"'
    right = "Did records show a rise? It does not apply, and they did not used to. It does not always hold.\n"
    assert _found(tmp_path, right, ("PIT406",)) == []


def test_a_term_look_alike_that_is_meant(tmp_path: Path):
    """A first letter is seldom slipped ("overt" beside "covert"); an ordinal's "part" ending its
    phrase is a part of the request, not "third party"."""
    text = (
        "In answer to the third part, the number was 4. The third part of the request is refused. We hold "
        "third part information on file. Drones are used in overt policing.\n"
    )
    assert _found(tmp_path, text, ("PIT405",)) == [("PIT405", "warning", 1, 104, "part", "party")]


def test_both_after_its_subject_before_a_plain_verb(tmp_path: Path):
    text = (
        "The Regulation of Investigatory Powers Act 2000 and the Data Protection Act 2018 both place the force "
        "under a duty. They both hold records, and the units both area were checked.\n"
    )
    assert _found(tmp_path, text, ("PIT406",)) == [("PIT406", "warning", 1, 155, "both area", "both areas")]


def test_there_before_a_plural_the_pair_counts_do_not_hold(tmp_path: Path):
    text = (
        "Sources and there handlers work on trust. It was sent to there offices. We went to the house and "
        "there officers found drugs. Officers arrived there minutes later.\n"
    )
    assert _found(tmp_path, text, ("PIT405",)) == [
        ("PIT405", "warning", 1, 13, "there", "their"),
        ("PIT405", "warning", 1, 58, "there", "their"),
    ]


def test_there_after_a_verb_english_follows_only_with_their(tmp_path: Path):
    """ "alter there routes": English writes "alter their", never "alter there"; "went there" and
    "Officers arrived there minutes later" are the adverb."""
    text = (
        "Drivers involved in crime would alter there routes to avoid detection. Officers went there "
        "yesterday, and officers arrived there minutes later.\n"
    )
    assert _found(tmp_path, text, ("PIT405",)) == [("PIT405", "warning", 1, 39, "there", "their")]


def test_principle_and_principal_before_what_they_describe(tmp_path: Path):
    """ "the principal of openness" is the rule, "principle"; "The force's principle mobile device
    supplier" the main one, "principal"; "the principal of the college", "the principle of openness",
    "The principle applies" and "The principle underlying the Act" are right."""
    text = (
        "The force is committed to the principal of openness. The principal of the college agreed. The "
        "force's principle mobile device supplier is named. The principle of openness applies. The principle "
        "underlying the Act is clear.\n"
    )
    assert [f[:6] for f in _found(tmp_path, text, ("PIT405",))] == [
        ("PIT405", "warning", 1, 31, "principal", "principle"),
        ("PIT405", "warning", 1, 103, "principle", "principal"),
    ]


def test_compliant_typed_for_complaint(tmp_path: Path):
    """ "make a compliant to the Commissioner": both neighbours want "complaint"; "a compliant system"
    and "fully compliant with" are the adjective."""
    text = (
        "If you remain dissatisfied you may make a compliant to the Information Commissioner. The force runs "
        "a compliant system that is fully compliant with the code.\n"
    )
    assert _found(tmp_path, text, ("PIT405",)) == [("PIT405", "warning", 1, 43, "compliant", "complaint")]


def test_there_before_an_adjective_and_its_noun(tmp_path: Path):
    """ "on there operational capability": an adjective and a noun after a preposition make a noun
    phrase, which "their" opens; "on there being" and "From there operational teams" are English."""
    text = (
        "Disclosure would have an impact on there operational capability. The force relied on there being "
        "no other route. Officers met at the depot and from there operational teams deployed. The files "
        "held in there tactical folders were checked.\n"
    )
    assert _found(tmp_path, text, ("PIT405",)) == [
        ("PIT405", "warning", 1, 36, "there", "their"),
        ("PIT405", "warning", 1, 201, "there", "their"),
    ]


def test_of_left_out_before_an_acronym(tmp_path: Path):
    text = (
        "Offenders would plan journeys, and the use ANPR to track vehicles would suffer. The number ANPR "
        "cameras is held. The force ANPR team replied. Buffers that use BGR are fine. This means US English. "
        "Press the selection CTRL-X key.\n"
    )
    assert _found(tmp_path, text, ("PIT406",)) == [
        ("PIT406", "warning", 1, 40, "use ANPR", "use of ANPR"),
        ("PIT406", "warning", 1, 85, "number ANPR", "number of ANPR"),
    ]
    assert _messages(tmp_path, ("PIT406",))[0] == '"use ANPR": a word is missing; English writes "use of ANPR"'


def test_of_left_out_before_an_adjective_and_its_plural(tmp_path: Path):
    """ "the use armoured vehicles", "the use unmarked vehicles depends": a noun English follows with
    "of", then an adjective no verb makes; "The use armed officers make of it" is a clause and "the
    cost incurred" a verb's participle."""
    text = (
        "Disclosure would inform debate about the use armoured vehicles on public roads. The effectiveness "
        "of the use unmarked vehicles depends on secrecy. The use armed officers make of it is recorded. "
        "The cost incurred items were listed.\n"
    )
    assert [f[:6] for f in _found(tmp_path, text, ("PIT406",))] == [
        ("PIT406", "warning", 1, 42, "use armoured", "use of armoured"),
        ("PIT406", "warning", 1, 106, "use unmarked", "use of unmarked"),
    ]
    assert _messages(tmp_path, ("PIT406",))[0] == (
        '"use armoured vehicles": a word is missing; English writes "use of armoured vehicles"'
    )


def test_a_plural_terms_word_slipped_in_the_singular(tmp_path: Path):
    text = "I have considered the first data protection principal, which requires fairness.\n"
    assert _found(tmp_path, text, ("PIT405",)) == [("PIT405", "warning", 1, 45, "principal", "principle")]
    assert _messages(tmp_path, ("PIT405",)) == [
        '"principal" in "data protection principal": did you mean "data protection principle"?'
    ]


def test_a_rare_word_used_more_than_once_is_the_subject(tmp_path: Path):
    once = "There is a serious thereat to terrorists.\n"
    assert _found(tmp_path, once) == [("PIT405", "warning", 1, 20, "thereat", "threat")]
    twice = once + "\nThe word thereat is old legal English.\n"
    assert _found(tmp_path, twice) == []
    # in the plural the first time: the request's "drones", the answer's "a drone"
    subject = "Which incidents involved drones?\n\nWe found each incident where a drone has been used.\n"
    assert _found(tmp_path, subject) == []
    assert _found(tmp_path, subject.replace("drones", "aircraft")) == [("PIT405", "info", 3, 32, "drone", "done")]


def test_system_names_and_the_acts_own_words_pass(tmp_path: Path):
    text = (
        "The case is logged on eCase and PowerPoint. The public interest in maintaining the exclusion of the "
        "duty to confirm or deny outweighs the public interest in disclosing whether the force holds it.\n"
    )
    assert _found(tmp_path, text) == []


def test_file_formats_are_words(tmp_path: Path):
    text = "Please provide the data as a csv or xlsx file; the minutes are attached as a docx and a pdf.\n"
    assert _found(tmp_path, text) == []
    assert [f[:5] for f in _found(tmp_path, "Please provide the data as a xslx file.\n")] == [
        ("PIT403", "warning", 1, 30, "xslx")
    ]  # a format misspelt is not


def test_a_name_made_with_a_particle_is_a_name(tmp_path: Path):
    text = "The dogs seized were a Dogue de Bordeaux and a mastiff. The Publically funded service replied.\n"
    assert [f[:5] for f in _found(tmp_path, text)] == [("PIT403", "warning", 1, 61, "Publically")]


def test_words_given_as_alternatives_are_each_checked(tmp_path: Path):
    text = "Dear Sir/Madm,\n\nOfficers and/or staff, he/she, see docs/APP-Polcy or www.example.police.uk/foi/Polcy.\n"
    assert [f[:5] for f in _found(tmp_path, text, select=("PIT403",))] == [("PIT403", "warning", 1, 10, "Madm")]


def test_redaction_marks_are_not_misspellings(tmp_path: Path):
    text = "Dear Mr xxxxxx xxxxx, your request was sent from a xxxxxxx address and we replied.\n"
    assert _found(tmp_path, text) == []
    assert _found(tmp_path, "Dear Mr Smith, your requst was sent.\n") == [
        ("PIT403", "warning", 1, 21, "requst", "request")
    ]


def test_names_in_the_wrong_case_are_info(tmp_path: Path):
    text = "Under the Freedom of information Act and the FREEDOM OF INFORMATION ACT the request was refused.\n"
    assert _found(tmp_path, text) == [
        ("PIT407", "info", 1, 11, "Freedom of information Act", "Freedom of Information Act"),
    ]


def test_outdated_data_protection_terms_and_usage(tmp_path: Path):
    text = (
        "The GDPR and sensitive personal data apply, with regards to the UK GDPR and GDPR Article 5. "
        "Section 40(2)&(3) and Section 40(5) apply; Section 40(3A)(a) and Section 40(5B) are today's.\n"
    )
    assert _found(tmp_path, text) == [
        ("PIT503", "warning", 1, 1, "The GDPR", "the UK GDPR"),
        ("PIT503", "warning", 1, 14, "sensitive personal data", "special category data"),
        ("PIT401", "info", 1, 45, "with regards to", "with regard to"),
        ("PIT503", "warning", 1, 77, "GDPR", "UK GDPR"),
        ("PIT503", "warning", 1, 93, "Section 40(2)&(3)", "s40(3A) or 40(3B)"),
        ("PIT503", "warning", 1, 115, "Section 40(5)", "s40(5A) or 40(5B)"),
    ]
    # about offences, such data is criminal offence data, not special category data: no suggestion
    offences = "The names are sensitive personal data about alleged offences.\n"
    assert _found(tmp_path, offences) == [("PIT503", "warning", 1, 15, "sensitive personal data", None)]
    # the abbreviation run together with "UK" is the UK GDPR already
    joined = "The UK General Data Protection Regulation (UKGDPR) applies.\n"
    assert [f for f in _found(tmp_path, joined) if f[0] == "PIT503"] == []


def test_an_outdated_name_in_a_sentence_about_an_earlier_year_is_history(tmp_path: Path):
    text = "Following a review in September 2004 ACPO concluded that the data is exempt. ACPO guidance applies.\n"
    found = _found(tmp_path, text)
    # "the NPCC" did not conclude anything in 2004: only today's reliance on ACPO is reported
    assert found == [("PIT503", "warning", 1, 78, "ACPO", "the National Police Chiefs' Council (NPCC)")]


@pytest.mark.parametrize(
    ("pack", "text", "expected"),
    [
        ("terms: [drone flight log]\n", "The drone fight log is kept.\n", ("PIT405", "fight", "flight")),
        ("terms: [one]\n", "", None),
    ],
)
def test_a_team_adds_its_own_terms(tmp_path: Path, pack: str, text: str, expected):
    rules = tmp_path / "team.yaml"
    rules.write_text(pack, encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    if expected is None:
        from pitlint.errors import ConfigError

        with pytest.raises(ConfigError, match=r"team.yaml: terms: must be a list of terms of two words or more"):
            check([draft], Config(rules=(rules,)))
        return
    (report,) = check([draft], Config(select=("PIT405",), rules=(rules,))).files
    assert [(f.rule.code, f.excerpt, f.suggestion) for f in report.findings] == [expected]


def test_a_space_before_punctuation_is_info(tmp_path: Path):
    text = "Both need to be articulated . The request , however, is clear; see section 3.1 and 0.5 .\n"
    assert _found(tmp_path, text, select=("PIT409",)) == [
        ("PIT409", "info", 1, 17, "articulated .", "articulated."),
        ("PIT409", "info", 1, 35, "request ,", "request,"),
        ("PIT409", "info", 1, 86, "5 .", "5."),
    ]


def test_stray_punctuation_after_a_word(tmp_path: Path):
    text = (
        "I write about your request.0. Below is our response.. The list, etc., and the papers... "
        "Section 3.1. applies to the information,. It is held. It covers vans,, and cars; set path=/usr/include,, "
        "and the fields a,,b.\n"
    )
    assert _found(tmp_path, text) == [
        ("PIT410", "warning", 1, 20, "request.0.", "request."),
        ("PIT410", "warning", 1, 44, "response..", "response."),
        ("PIT410", "warning", 1, 117, "information,.", "information."),
        ("PIT410", "warning", 1, 153, "vans,,", "vans,"),
    ]
    # after a number too, but a decimal at a sentence's end is no stray key
    dated = "The policy was approved on 23 January 2023.. Costs rose by 10.5. We hold it.\n"
    assert _found(tmp_path, dated) == [("PIT410", "warning", 1, 39, "2023..", "2023.")]


def test_an_acts_year_no_act_could_have(tmp_path: Path):
    text = (
        "The Freedom of Information Act 200 applies, as do the Freedom of Information Act 2000, the Data "
        "Protection Act 2108, the Data Protection Act 2018 and the Isle of Man's Data Protection Act 2002.\n"
    )
    assert _found(tmp_path, text) == [
        ("PIT401", "warning", 1, 5, "Freedom of Information Act 200", "Freedom of Information Act 2000"),
        ("PIT401", "warning", 1, 92, "Data Protection Act 2108", None),
    ]
    assert _messages(tmp_path, ("PIT401",)) == [
        "The year of the Act is mistyped: the Freedom of Information Act is of 2000",
        "The year of the Act is mistyped: the Data Protection Acts are of 1984, 1998 and 2018",
    ]


def test_words_in_capitals_and_in_a_bodys_name(tmp_path: Path):
    text = (
        "WITHOLDING INFORMATION\n\nThe Gangmasters and Labour Abuse Authority replied about PSNI and ANPR data "
        "under SECTION 31.\n"
    )
    assert _found(tmp_path, text, select=("PIT403",)) == [
        ("PIT403", "warning", 1, 1, "WITHOLDING", "WITHHOLDING"),
    ]


def test_a_prefix_written_apart_from_its_word(tmp_path: Path):
    text = "Cameras are not used for pre planned operations; the pre-planned ones are listed.\n"
    assert _fixes(tmp_path, text, select=("PIT403",)) == [("pre planned", "pre-planned", "unsafe")]
    assert _found(tmp_path, text, select=("PIT403",)) == [("PIT403", "warning", 1, 26, "pre planned", "pre-planned")]


def test_a_word_with_no_correction_that_splits_into_two(tmp_path: Path):
    text = "This exemptionapplies to the data. Thisis held by the policeforce. The xqzvbn field.\n"
    assert _fixes(tmp_path, text, select=("PIT403",)) == [
        ("exemptionapplies", "exemption applies", "unsafe"),
        ("Thisis", "This is", "unsafe"),  # "this is" is usual English: not "Thesis"
        ("policeforce", "police force", "unsafe"),
        ("xqzvbn", None, None),
    ]
    assert [f[2:4] for f in _found(tmp_path, text, select=("PIT403",))] == [(1, 6), (1, 36), (1, 55), (1, 72)]


def test_been_after_be_or_a_modal_and_maybe_for_may_be(tmp_path: Path):
    text = (
        "The policy was been introduced in 2019 and it would been refused. More resources maybe needed. "
        "Maybe we can help, maybe so; it has been sent and the data may be used.\n"
    )
    assert _found(tmp_path, text, select=("PIT406",)) == [
        ("PIT406", "warning", 1, 12, "was been", None),
        ("PIT406", "warning", 1, 47, "would been", "would have been"),
        ("PIT406", "warning", 1, 82, "maybe needed", "may be needed"),
    ]
    assert _messages(tmp_path, ("PIT406",)) == [
        '"was been": "been" follows a form of "have", not of "be"',
        '"would been": a word is missing ("would have been")',
        '"maybe needed": "maybe" is "perhaps"; the verb is "may be"',
    ]


def test_paragraph_letters_after_the_section_number(tmp_path: Path):
    text = "It is exempt under Section 31 (a)(b) Law enforcement, not s30(a)(i).\n"
    # (s30(a) may be s30(1)(a) or s30(2)(a): which subsection was meant is not for PIT208 to say)
    assert _fixes(tmp_path, text, select=("PIT208",)) == [("Section 31 (a)(b)", "Section 31(1)(a)(b)", "safe")]
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT208",))] == [("PIT208", "warning", 1, 20)]


def test_no_suggestion_where_the_sentence_would_make_it_wrong(tmp_path: Path):
    text = (
        "12 November 2023\n\nRecently the General Data Protection Regulation (GDPR) was introduced across the "
        "European Union.\n\nThe GDPR applies to this data.\n"
    )
    assert _fixes(tmp_path, text, select=("PIT503",)) == [
        ("the General Data Protection Regulation", None, None),  # the EU's own Regulation is not the UK GDPR
        ("GDPR", None, None),
        ("The GDPR", "the UK GDPR", "safe"),
    ]
    assert [f[:4] for f in _found(tmp_path, text, select=("PIT503",))] == [
        ("PIT503", "warning", 3, 10),
        ("PIT503", "warning", 3, 50),
        ("PIT503", "warning", 5, 1),
    ]


def test_an_acronym_mistyped_after_the_draft_defines_it(tmp_path: Path):
    text = (
        "The information is covered by Legal Professional Privilege (LPP). LLP protects advice given by "
        "a lawyer. A Covert Human Intelligence Source (CHIS) is protected; no CIHS is named.\n"
    )
    assert _found(tmp_path, text) == [
        ("PIT405", "warning", 1, 67, "LLP", "LPP"),
        ("PIT405", "warning", 1, 165, "CIHS", "CHIS"),
    ]
    # in a later paragraph too: "Cheshire Fire and Rescue Service (CFRS) holds it." then "requires CRFS"
    later = (
        "Cheshire Fire and Rescue Service (CFRS) does hold the information.\n\nSection 17 requires CRFS, when "
        "refusing, to give a notice.\n\nCFRS has done so.\n"
    )
    assert _found(tmp_path, later) == [("PIT405", "warning", 3, 21, "CRFS", "CFRS")]
    # a firm's name, an acronym written twice (in any paragraph): not a slip of the definition
    fine = (
        "The information is covered by Legal Professional Privilege (LPP). Advice came from Smith LLP. "
        "Automatic Number Plate Recognition (ANPR) and ANPS were compared; ANPS is a database.\n\n"
        "LLP partners are named.\n"
    )
    assert _found(tmp_path, fine) == []


def test_a_list_item_whose_verb_does_not_agree_with_the_others(tmp_path: Path):
    text = (
        "Section 17 requires a notice which: a) states that fact b) specifies the exemption in question and "
        "c) state (if that would not otherwise be apparent) why the exemption applies.\n"
    )
    assert _found(tmp_path, text) == [("PIT411", "warning", 1, 103, "state", "states")]
    # a list of nouns, or items that open with the bare verb throughout, agree
    nouns = "We hold: a) costs of the scheme, b) numbers of the staff and c) staff lists for the year.\n"
    assert _found(tmp_path, nouns) == []
    bare = "Please: a) state that fact, b) specify the exemption and c) state why it applies.\n"
    assert _found(tmp_path, bare) == []


def test_list_items_in_paragraphs_of_their_own(tmp_path: Path):
    import docx

    document = docx.Document()
    document.add_paragraph("Section 17 requires a notice which:")
    for item in (
        "1. a) States that fact",
        "2. b) Specifies the exemption(s) in question and",
        "3. c) State why the exemption applies",
    ):
        document.add_paragraph(item)
    document.add_paragraph("Our response follows.")
    path = tmp_path / "draft.docx"
    document.save(path)
    (report,) = check([path], Config(select=("PIT411",))).files
    assert [(f.rule.code, f.location.paragraph, f.excerpt, f.suggestion) for f in report.findings] == [
        ("PIT411", 4, "State", "States")
    ]


def test_a_fixed_phrase_without_its_last_preposition(tmp_path: Path):
    text = "The details are exempt by virtue section 30 of the Act.\n\nIn relation S38 (2): no data is held.\n"
    assert _found(tmp_path, text) == [
        ("PIT405", "warning", 1, 24, "by virtue", "by virtue of"),
        ("PIT405", "warning", 3, 1, "In relation", "In relation to"),
    ]
    fine = (
        "The details are exempt by virtue of section 30. It was held in respect and in trust. The firearms "
        "involved in Response Extent and Result of Searches were counted. We act on behalf of the force.\n"
    )
    assert _found(tmp_path, fine) == []
    # "in" before the -ing form it governs: "the public interest lies in maintaining the exemption"
    lies = "On balance the public interest lies maintaining the exemption.\n"
    assert _found(tmp_path, lies) == [
        ("PIT405", "warning", 1, 16, "public interest lies", "public interest lies in"),
    ]
    placed = (
        "We must decide where the balance lies. The balance lies against disclosure. The public interest "
        "lies heavily in withholding; the public interest lies with maintaining it.\n"
    )
    assert _found(tmp_path, placed) == []


def test_a_fixed_phrase_without_its_first_preposition_after_a_passive(tmp_path: Path):
    """ "are deployed support of missing person searches": "in support of" lost its "in" after a
    passive verb; "the support of the public", "a previously registered response to" and "staff in
    support roles" are whole."""
    text = (
        "The drones are deployed support of missing person searches. We value the support of the public. "
        "A previously registered response to the alert was changed. Staff in support roles were consulted.\n"
    )
    assert _found(tmp_path, text, ("PIT405",)) == [
        ("PIT405", "warning", 1, 25, "support of", "in support of"),
    ]


def test_a_singular_determiner_before_a_plural_noun(tmp_path: Path):
    text = (
        "The force relies on an exemptions listed below, and every exemptions applies. A number of officers "
        "attended; Category A officers were briefed. The analysis shows it.\n"
    )
    assert _found(tmp_path, text) == [
        ("PIT406", "warning", 1, 21, "an exemptions", None),
        ("PIT406", "warning", 1, 53, "every exemptions", None),
    ]
    assert _messages(tmp_path, ("PIT406",))[0] == '"an exemptions": "an" with a plural'


def test_a_modal_before_an_adjective_that_takes_be(tmp_path: Path):
    text = (
        "Disclosure would likely to be prejudicial, and the force will unable to say more. "
        "It would likely be harmful; the force would be able to respond.\n"
    )
    assert _found(tmp_path, text) == [
        ("PIT406", "warning", 1, 12, "would likely", "would be likely"),
        ("PIT406", "warning", 1, 58, "will unable", "will be unable"),
    ]
    assert _messages(tmp_path, ("PIT406",))[0] == '"would likely to": "be" is missing ("would be likely to")'


def test_you_where_your_was_meant_after_a_preposition(tmp_path: Path):
    text = (
        "In relation to you request, thank you for you help. The figures are provided to you free of "
        "charge, we will write to you first, and many of you request them.\n"
    )
    assert _found(tmp_path, text) == [
        ("PIT405", "warning", 1, 16, "you", "your"),
        ("PIT405", "warning", 1, 43, "you", "your"),
    ]
    assert _messages(tmp_path, ("PIT405",))[0] == '"you request": did you mean "your request"?'


def test_a_fixed_phrase_with_a_word_put_before_its_last_word_is_not_missing_it(tmp_path: Path):
    text = "The Act asks whether disclosure would be likely otherwise to prejudice the conduct of public affairs.\n"
    assert _found(tmp_path, text) == []
    slipped = "Disclosure would be likely harm the force's work.\n"
    assert _found(tmp_path, slipped) == [("PIT405", "warning", 1, 12, "would be likely", "would be likely to")]


def test_a_word_written_again_in_the_other_number(tmp_path: Path):
    text = (
        "The information is exempt under sections Section 36(2) and 38. The need needs to be met, and the "
        "exemption exemptions are listed.\n"
    )
    assert _fixes(tmp_path, text, ("PIT402",)) == [("sections Section", "Section", "unsafe")]


def test_an_acts_name_without_its_noun_and_due_without_to(tmp_path: Path):
    text = (
        "We answer under the Freedom of Information and any other legislation. Thank you for your Freedom of "
        "Information. The Freedom of Information and Data Protection teams agree. Due the error it is late.\n"
    )
    assert _found(tmp_path, text) == [
        ("PIT405", "warning", 1, 21, "Freedom of Information", "Freedom of Information Act"),
        ("PIT405", "warning", 1, 90, "Freedom of Information", "Freedom of Information request"),
        ("PIT406", "warning", 1, 174, "Due the", "Due to the"),
    ]


def test_a_plural_the_word_list_lacks_is_not_a_possessive(tmp_path: Path):
    text = "Future tenderers may bid, the comms team says; the childrens centre is open.\n"
    assert _found(tmp_path, text) == [("PIT403", "warning", 1, 52, "childrens", "children's")]


def test_the_other_wording_of_the_factors_heading_is_a_term(tmp_path: Path):
    text = "Factors in favour of discloser\n\nThe public interest in favour of disclosure is weighed.\n"
    assert _found(tmp_path, text) == [("PIT405", "warning", 1, 22, "discloser", "disclosure")]


def test_due_before_a_determiner_after_a_form_of_be_is_owed(tmp_path: Path):
    text = "People who are due a refund are paid, and the sum is due the council. It failed due the error.\n"
    assert _found(tmp_path, text) == [("PIT406", "warning", 1, 81, "due the", "due to the")]


def test_a_log_entry_dated_before_the_request_beside_a_right_response_date(tmp_path: Path):
    text = (
        "Firearms - 203/12\n\nDated: 07 Jun 2011\n\nDate of request: 15/02/2012\n\nDate of response: 01/03/2012\n\n"
        "Thank you for your email dated 15th February 2012 in which you made a request for information.\n"
    )
    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    (report,) = check([draft], Config(select=("PIT412",))).files
    assert [(f.rule.code, f.location.line, f.excerpt, f.message) for f in report.findings] == [
        (
            "PIT412",
            3,
            "07 Jun 2011",
            "The page is dated 07 Jun 2011, before the request it answers (15 February 2012).",
        ),
    ]
    draft.write_text(text.replace("07 Jun 2011", "07 Mar 2012"), encoding="utf-8")
    assert check([draft], Config(select=("PIT412",))).files[0].findings == []


def test_a_letter_dated_before_the_email_it_treats_as_a_request(tmp_path: Path):
    text = (
        "Our Ref: FOI2025/03187\nDate: 3 March 2025\n\nDear Requester,\n\nI refer to your email dated 12 March "
        "2025, which we are treating as a request for information.\n"
    )
    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    (report,) = check([draft], Config(select=("PIT412",))).files
    assert [(f.rule.code, f.excerpt, f.message) for f in report.findings] == [
        ("PIT412", "3 March 2025", "The letter is dated 3 March 2025, before the request it answers (12 March 2025)."),
    ]


def test_a_letter_dated_before_the_request_it_answers(tmp_path: Path):
    text = (
        "19 January 2011\n\nDear Ms Smith\n\nThank you for your request for information, which you sent to the "
        "force on the 16th December 2011.\n"
    )
    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    (report,) = check([draft], Config(select=("PIT412",))).files
    assert [(f.rule.code, f.location.line, f.excerpt, f.suggestion, f.message) for f in report.findings] == [
        (
            "PIT412",
            1,
            "19 January 2011",
            "19 January 2012",
            "The letter is dated 19 January 2011, before the request it answers (16 December 2011).",
        )
    ]
    # dated after it, or a request dated years after (not a year typed from habit): no fix offered
    later = text.replace("19 January 2011", "19 January 2012")
    draft.write_text(later, encoding="utf-8")
    assert check([draft], Config(select=("PIT412",))).files[0].findings == []
    long_before = text.replace("19 January 2011", "19 January 2009")
    draft.write_text(long_before, encoding="utf-8")
    (finding,) = check([draft], Config(select=("PIT412",))).files[0].findings
    assert finding.suggestion is None


def test_these_or_those_before_a_singular_and_be_before_a_bare_verb(tmp_path: Path):
    text = (
        "In these circumstance the information must be provide to you. These data are held, those involved "
        "were told and it will be released.\n"
    )
    assert _found(tmp_path, text) == [
        ("PIT406", "warning", 1, 4, "these circumstance", "these circumstances"),
        ("PIT406", "warning", 1, 44, "be provide", "be provided"),
    ]


def test_a_word_of_a_regulators_address_a_letter_or_two_off(tmp_path: Path):
    text = (
        "Write to the Information Commissioner's Office, Wycliffe House, Water Lane, Wimslow, Cheshire, SK9 5FA. "
        "The lane is long.\n\nOr the Scottish Information Commissioner, Kinburn Castle, Doubledykes Raod, St "
        "Andrews, Fife KY16 9DS.\n\nThe Water Board and the House of Lords met in Wimslow.\n"
    )
    assert _found(tmp_path, text, ("PIT403",)) == [
        ("PIT403", "warning", 1, 77, "Wimslow", "Wilmslow"),
        ("PIT403", "warning", 1, 100, "5FA", "5AF"),
        ("PIT403", "warning", 3, 71, "Raod", "Road"),
    ]
    assert _messages(tmp_path, ("PIT403",))[0] == '"Wimslow" in the ICO\'s address: did you mean "Wilmslow"?'


def test_a_place_after_a_preposition_is_a_name(tmp_path: Path):
    text = "Items were seized at the port of Goole in 2019. The Catch Corupt hotline is open.\n"
    assert _found(tmp_path, text) == [("PIT403", "warning", 1, 59, "Corupt", "Corrupt")]


def test_a_name_before_the_noun_it_qualifies_is_a_name(tmp_path: Path):
    """ "the Buxton suite": a capitalised word between "the" and a noun in small letters is a place's
    or a body's name, however near a common word it is."""
    text = "Incidents at the Buxton suite are held. The Catch Corupt hotline is open.\n"
    assert _found(tmp_path, text) == [("PIT403", "warning", 1, 51, "Corupt", "Corrupt")]


def test_a_place_named_with_another_in_a_bodys_name_is_a_name(tmp_path: Path):
    """ "Edale and Buxton Mountain Rescue Teams": a capitalised word after "and" and a name no
    dictionary has is a name too, whatever follows it; a company's "plc" is no misspelling."""
    text = (
        "Searches were made with the Edale and Buxton Mountain Rescue Teams. The licences are supplied by "
        "Softcat plc under the framework. The Catch Corupt hotline is open.\n"
    )
    assert _found(tmp_path, text) == [("PIT403", "warning", 1, 141, "Corupt", "Corrupt")]


def test_a_product_before_its_kind_a_company_before_plc_and_byelaws(tmp_path: Path):
    text = (
        "The force flies two DJI Avata aircraft. Contracts with Datong plc or Cellxion Ltd are not confirmed. "
        "The site byelaws apply. The Catch Corupt hotline is open.\n"
    )
    assert [f[4] for f in _found(tmp_path, text)] == ["Corupt"]


def test_words_that_look_like_a_terms_slip_but_are_english(tmp_path: Path):
    """ "would be unlikely to" is the term's opposite, meant; "the first and third parts" are the
    request's parts; "organised groups" is whole without "crime"; "The checks carried out include"
    has a phrasal verb's particle, not a singular noun, before its verb."""
    text = (
        "Suppliers bidding again would know the price and would be unlikely to offer less. In answer to the "
        "first and third parts, the force holds 214 cameras. Farms are targeted by organised groups seeking "
        "machinery. The checks carried out include searches of the Police National Computer. The review "
        "show no change.\n"
    )
    assert [f[:5] for f in _found(tmp_path, text, ("PIT405", "PIT406"))] == [("PIT406", "warning", 1, 294, "show")]


def test_a_rare_word_a_keystroke_away_is_a_warning_one_far_away_a_question(tmp_path: Path):
    text = "There is a serious thereat to the public. No training has been given since the proscription of the group.\n"
    assert [f[:5] for f in _found(tmp_path, text)] == [
        ("PIT405", "warning", 1, 20, "thereat"),
        ("PIT405", "info", 1, 80, "proscription"),
    ]


def test_these_before_a_singular_that_describes_a_noun_is_right(tmp_path: Path):
    text = "The application of these exemption is clear; the locations of these camera sites are not.\n"
    assert _found(tmp_path, text) == [("PIT406", "warning", 1, 20, "these exemption", "these exemptions")]


def test_you_as_the_subject_of_a_sentence_and_section_written_twice(tmp_path: Path):
    text = (
        "You request is being dealt with. The information you request is held, and it is exempt under "
        "section s.30(b)(i).\n"
    )
    assert _found(tmp_path, text) == [
        ("PIT405", "warning", 1, 1, "You", "Your"),
        ("PIT402", "warning", 1, 94, "section s.", "section "),
    ]


def test_a_title_of_legislation_with_a_year_it_does_not_have(tmp_path: Path):
    text = (
        "This is answered under the Environmental Information Regulations 2000 and the Human Rights Act 2000, "
        "not the Freedom of Information Act 2002 of Scotland or the Data Protection Act 2000.\n"
    )
    assert _found(tmp_path, text, select=("PIT507",)) == [
        (
            "PIT507",
            "warning",
            1,
            28,
            "Environmental Information Regulations 2000",
            "Environmental Information Regulations 2004",
        ),
        ("PIT507", "warning", 1, 79, "Human Rights Act 2000", "Human Rights Act 1998"),
    ]


def test_a_plural_head_after_a_noun_that_describes_it(tmp_path: Path):
    text = "The pricing schedules shows the rates. The officers reports are held. The figures shows refusals.\n"
    assert [f[:6] for f in _found(tmp_path, text, ("PIT406",))] == [
        ("PIT406", "warning", 1, 23, "shows", "show"),
        ("PIT406", "warning", 1, 83, "shows", "show"),
    ]


def test_to_left_out_after_required_or_unable(tmp_path: Path):
    text = (
        "The force is required consider the public interest. It is unable provide the data. The required "
        "reading is listed. It was able to help.\n"
    )
    assert [f[:6] for f in _found(tmp_path, text, ("PIT406",))] == [
        ("PIT406", "warning", 1, 14, "required consider", "required to consider"),
        ("PIT406", "warning", 1, 59, "unable provide", "unable to provide"),
    ]


def test_the_acts_time_limit_in_calendar_days(tmp_path: Path):
    text = "We must respond within 20 calendar days of receipt, and we aim to reply within 20 working days.\n"
    assert _found(tmp_path, text, ("PIT401",)) == [("PIT401", "warning", 1, 24, "20 calendar days", "20 working days")]
    assert _messages(tmp_path, ("PIT401",)) == ["The Act allows 20 working days (section 10), not calendar days"]


def test_legal_latin_is_known(tmp_path: Path):
    text = "A pro forma is attached; the matter is sub judice and prima facie the informaton was not ultra vires.\n"
    assert _found(tmp_path, text) == [("PIT403", "warning", 1, 71, "informaton", "information")]


def test_a_line_in_another_language_and_a_broken_mailto_are_not_misspelt(tmp_path: Path):
    text = (
        "Adran yr Economi, Gwyddoniaeth a Thrafnidiaeth\n"
        "Contact us at mailto:foi-requests [email protected] about the recieved letter.\n"
        "The harm is clear and the recieved letter was read.\n"
    )
    # the letterhead's Welsh words and the page's broken "mailto:" are left alone; the slip in
    # English on each line is found
    assert _found(tmp_path, text) == [
        ("PIT403", "warning", 2, 63, "recieved", "received"),
        ("PIT403", "warning", 3, 27, "recieved", "received"),
    ]


def test_a_town_in_an_address_is_not_misspelt(tmp_path: Path):
    address = (
        "You may complain to the Information Commissioner at Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF.\n"
    )
    assert _found(tmp_path, address) == []
    # the same word with no postcode after it is looked at as any capitalised word is
    alone = "You may complain to the Information Commissioner, whose Wilmslow office will reply.\n"
    assert [f[:5] for f in _found(tmp_path, alone)] == [("PIT403", "warning", 1, 57, "Wilmslow")]


def test_a_latin_plural_the_word_list_lacks_is_not_misspelt(tmp_path: Path):
    # "memoranda" is the plural of a known "memorandum"; "memorandae" is nobody's plural
    text = "The memoranda were read. The memorandae were not.\n"
    assert [f[:5] for f in _found(tmp_path, text)] == [("PIT403", "warning", 1, 30, "memorandae")]
    # a known word's -ing or -ed form the word list lacks, near no other word, is no slip; one near
    # another word is ("commiting")
    assert _found(tmp_path, "Pickpocketing is rare on the line.\n", ("PIT403",)) == []
    assert _found(tmp_path, "Officers are commiting time to it.\n", ("PIT403",)) == [
        ("PIT403", "warning", 1, 14, "commiting", "committing")
    ]


def test_he_where_the_lost_its_t(tmp_path: Path):
    text = (
        "We will publish it at a later date and he duty to confirm applies. The officer said he would "
        "reply; did he review the file? We asked that he review it, and he reviewed it.\n"
    )
    assert [f[:6] for f in _found(tmp_path, text, ("PIT405",))] == [("PIT405", "warning", 1, 40, "he", "the")]


def test_a_form_of_be_before_a_modal(tmp_path: Path):
    text = (
        "We are will not release the report. What the costs are will depend on the contract, and "
        "whether they were would be known later. The deadline was May 2019.\n"
    )
    assert [f[:5] for f in _found(tmp_path, text, ("PIT406",))] == [("PIT406", "warning", 1, 4, "are will")]


def test_an_article_before_any(tmp_path: Path):
    text = "It would prejudice the any of the relations listed. Any of them may apply.\n"
    assert [f[:5] for f in _found(tmp_path, text, ("PIT406",))] == [("PIT406", "warning", 1, 20, "the any")]


def test_the_indefinite_article_english_does_not_put_before_the_word(tmp_path: Path):
    """By how often English writes "a" and "an" before the word; for a common word the pair counts
    lack, by a first letter whose sound is certain ("an Neither", a term's first word). Both usual
    ("a historic", "an historic"), an initialism ("an FOI", "a NATO"), a label ("Category A
    offence") or a name: nothing."""
    text = (
        "We cannot give a estimate. This is an unique request and a hour was spent on it. It was given "
        "an Neither Confirm Nor Deny response. It is a historic case and an historic one, an FOI request "
        "and a NATO matter, a Category A offence, a European matter and a one-off.\n"
    )
    assert [f[:6] for f in _found(tmp_path, text, ("PIT406",))] == [
        ("PIT406", "warning", 1, 16, "a estimate", "an estimate"),
        ("PIT406", "warning", 1, 36, "an unique", "a unique"),
        ("PIT406", "warning", 1, 58, "a hour", "an hour"),
        ("PIT406", "warning", 1, 95, "an Neither", "a Neither"),
    ]


def test_a_preposition_before_of_where_english_never_puts_one(tmp_path: Path):
    text = "Searches were conducted within of the force. Some of it was out of scope because of cost.\n"
    assert [f[:6] for f in _found(tmp_path, text, ("PIT406",))] == [("PIT406", "warning", 1, 25, "within of", None)]


def test_a_semicolon_after_a_linking_adverb_and_a_full_stop_left_out(tmp_path: Path):
    """ "information however; we" puts the semicolon after "however" (after a comma, ", however; it"
    ends a clause); "materials In the" runs two sentences together on one line. A word that leads
    into a title ("in The Times", "called The Hub") or a capital in a name is no missing full stop."""
    text = (
        "The council holds this information however; we will not release it. It is likely, however; it "
        "may change. Empty homes can hide criminal materials In the tribunal case this was accepted. It was "
        "reported in The Times and a unit called The Hub was set up. Thank you for your request Please find "
        "our reply.\n"
    )
    assert [f[:6] for f in _found(tmp_path, text, ("PIT410",))] == [
        ("PIT410", "warning", 1, 24, "information however;", "information; however,"),
        ("PIT410", "warning", 1, 137, "materials In", "materials. In"),
        ("PIT410", "warning", 1, 273, "request Please", "request. Please"),
    ]


def test_a_comma_where_a_full_stop_belongs(tmp_path: Path):
    """ "requested, In weighing": a new sentence after a comma; a name, an address, a salutation and
    lines the reader joined are not."""
    text = "The factors concern the information requested, In weighing the prejudice we found it likely.\n"
    assert [f[:6] for f in _found(tmp_path, text, ("PIT410",))] == [
        ("PIT410", "warning", 1, 37, "requested, In", "requested. In")
    ]
    right = (
        "Dear requester, In response to your request we write.\n\nIt was sent to Smith, In Brief Ltd, and "
        "to the team, The Hub, at Police HQ, The Avenue, Leeds.\n"
    )
    assert _found(tmp_path, right, ("PIT410",)) == []


def test_a_comma_between_a_subject_and_its_verb(tmp_path: Path):
    text = (
        "Appendix A\n\nThe Freedom of Information Act 2000, creates a right of access. The Data Protection Act "
        "2018 (DPA), gives rights.\n"
    )
    assert [f[:6] for f in _found(tmp_path, text, ("PIT410",))] == [
        (
            "PIT410",
            "warning",
            3,
            1,
            "The Freedom of Information Act 2000, creates",
            "The Freedom of Information Act 2000 creates",
        ),
        (
            "PIT410",
            "warning",
            3,
            65,
            "The Data Protection Act 2018 (DPA), gives",
            "The Data Protection Act 2018 (DPA) gives",
        ),
    ]
    modal = "A Public Authority in receipt of a request, must if permitted state whether it holds it.\n"
    assert [f[:6] for f in _found(tmp_path, modal, ("PIT410",))] == [
        (
            "PIT410",
            "warning",
            1,
            1,
            "A Public Authority in receipt of a request, must",
            "A Public Authority in receipt of a request must",
        )
    ]
    assert _messages(tmp_path, ("PIT410",)) == [
        '"A Public Authority in receipt of a request, must": a comma between the subject and its verb'
    ]
    right = (
        "The Act, unless stated otherwise, means the 2000 Act. The Freedom of Information Act 2000, thus, "
        "applies. The Act, states the guidance, requires a reply. The Freedom of Information Act 2000, this "
        "response explains. The force, in our view, must act. If we receive a request, we must reply. "
        "The force must, however, reply. Each year, we will publish it. A request, if vexatious, may be refused. "
        "The Act, as amended, applies. Under the Act 2000, it applies. The Act 2000, sections 1 and 2, apply. "
        "Under the Freedom of Information Act 2000, requests are answered.\n"
    )
    assert _found(tmp_path, right, ("PIT410",)) == []


def test_a_full_stop_where_the_sentence_goes_on(tmp_path: Path):
    text = "In. addition, the report is held. It was sent to. The force kept it. See para. three.\n"
    assert [f[:6] for f in _found(tmp_path, text, ("PIT410",))] == [("PIT410", "warning", 1, 1, "In.", "In")]


def test_a_plural_subject_before_its_citations_and_a_singular_verb(tmp_path: Path):
    text = (
        "We are withholding it because exemptions under sections 30(b)(i) (free and frank provision of "
        "advice) and s.38(1)(b) (personal information) of FOISA applies to that information. An exemption "
        "under section 30(b) of FOISA applies to the rest.\n"
    )
    assert [f[:6] for f in _found(tmp_path, text, ("PIT406",))] == [("PIT406", "warning", 1, 150, "applies", "apply")]
    # the noun governed by another: the verb is that noun's
    governed = (
        "The public interest in maintaining the exemptions under section 30(b)(i) and (ii) of FOISA is "
        "greater. The application of the exceptions in regulation 10(4)(e) of the EIRs is clear.\n"
    )
    assert _found(tmp_path, governed, ("PIT406",)) == []


def test_a_date_whose_year_lost_a_digit_or_ran_into_a_month(tmp_path: Path):
    text = "We wrote on 3 June 202, on 27th October 2016September, and on 4 May 2021 and 22nd November2010.\n"
    assert [f[:6] for f in _found(tmp_path, text, ("PIT403",))] == [
        ("PIT403", "warning", 1, 13, "3 June 202", None),
        ("PIT403", "warning", 1, 41, "2016September", "2016 September"),
        ("PIT403", "warning", 1, 83, "November2010", "November 2010"),
    ]
    # a number after a month, two dates run together, a date inside a link
    other = (
        "On 1 May 200 officers attended on 5 March 2016September 2016. See "
        "https://example.gov.uk/archive/2016September/report.pdf for it.\n"
    )
    assert [f[:6] for f in _found(tmp_path, other, ("PIT403",))] == [
        ("PIT403", "warning", 1, 43, "2016September", None)
    ]


def test_that_where_than_follows_a_comparative(tmp_path: Path):
    text = (
        "The response has taken longer that the statutory 20 days. The longer that the request waits, the "
        "worse; the role is no longer that of a constable; we held fewer that the force did. It was only "
        "later that the officer saw it.\n"
    )
    assert [f[:6] for f in _found(tmp_path, text, ("PIT405",))] == [
        ("PIT405", "warning", 1, 31, "that", "than"),
        ("PIT405", "warning", 1, 162, "that", "than"),
    ]


def test_list_numbers_read_across_and_a_template_s_plural_choice(tmp_path: Path):
    text = "The points i i. and ii. are met. These exemption(s) apply, and these exemption is met.\n"
    assert [f[:6] for f in _found(tmp_path, text, ("PIT402", "PIT406"))] == [
        ("PIT406", "warning", 1, 64, "these exemption", "these exemptions")
    ]


def test_a_solid_compound_of_a_prefix_and_a_common_word(tmp_path: Path):
    text = "Our cybersecurity and counterfraud teams read it; the cyberatack was logged.\n"
    assert [f[:5] for f in _found(tmp_path, text, ("PIT403",))] == [("PIT403", "warning", 1, 55, "cyberatack")]
    # a two-letter prefix before a longer word; not where the whole is one edit from a word
    short = (
        "The contract will be retendered and the arrest deconflicted; he was dearrested. It was untill then "
        "reknown, reguarded and unrelevant. Unmanaged and unredacted devices are unprecedent.\n"
    )
    assert [f[4] for f in _found(tmp_path, short, ("PIT403",))] == [
        "untill",
        "reknown",
        "reguarded",
        "unrelevant",
        "unprecedent",
    ]


def test_sections_before_one_number_and_more_before_a_number_without_than(tmp_path: Path):
    text = (
        "The exemption in sections 43(2) applies, as do sections 24(2) and 31(3), Sections 24 (National "
        "Security) and 31, and sections 33(1(a)) and 33(1)(b). Finding it would take "
        "more 18 hours; no more 18-year-olds were held, and we hold more than 18.\n"
    )
    assert [f[:6] for f in _found(tmp_path, text, ("PIT405", "PIT406"))] == [
        ("PIT406", "warning", 1, 18, "sections", "section"),
        ("PIT405", "warning", 1, 172, "more 18", "more than 18"),
    ]


def test_the_noun_for_whoever_does_a_term_s_word(tmp_path: Path):
    text = "The Internal Reviewer upheld the decision. The public interest text was weighed.\n"
    assert [f[:5] for f in _found(tmp_path, text, ("PIT405",))] == [("PIT405", "warning", 1, 64, "text")]


def test_a_word_wrapped_across_two_lines_is_the_layout_s_not_a_slip(tmp_path: Path):
    """A page's text broken at a line's end inside a word ("Em" / "ail:", as a PDF's contact block
    comes out) is not a word split by a space; the same split on one line is."""
    text = "Tel: 01625 545 745 / Fax: 01625 524 510\nEm\nail: foi@example.org\n\nThe infor mation is held.\n"
    assert [f[:5] for f in _found(tmp_path, text, ("PIT403",))] == [("PIT403", "warning", 5, 5, "infor mation")]


def test_available_before_a_place_without_its_preposition(tmp_path: Path):
    text = (
        "The guidance is available this link and accessible the following webpage. It is also available "
        "at this link, and staff are available this week.\n"
    )
    assert _fixes(tmp_path, text, ("PIT405",)) == [
        ("available this link", "available at this link", "unsafe"),
        ("accessible the following webpage", "accessible at the following webpage", "unsafe"),
    ]
    assert [f[:4] for f in _found(tmp_path, text, ("PIT405",))] == [
        ("PIT405", "warning", 1, 17),
        ("PIT405", "warning", 1, 41),
    ]


def test_names_in_an_address_list_under_a_request_label_run_into_it(tmp_path: Path):
    """ "You asked for" joined by the reader to the request it heads; the list of premises after it
    is the requester's, and a town or business beside a street is a name anywhere."""
    text = (
        "You asked for\n\nPlease can you provide the inspection reports for the following properties.\n\n"
        "  \u2022 Viet 80s, Friar Lane, issued 21/12/23\n\n"
        "Our Response\n\nThe reports for Muthu Clumber Park Hotel, Blyth Road, Worksop, are attached. The "
        "Comittee met.\n"
    )
    assert [f[:5] for f in _found(tmp_path, text, ("PIT403",))] == [("PIT403", "warning", 9, 82, "Comittee")]


def test_a_misspelt_month_or_day_is_no_name(tmp_path: Path):
    text = "We replied on 8 Febuary 2015, on Wendesday, and again in Janury. Mr Marck wrote to Ms Febre.\n"
    assert [f[:6] for f in _found(tmp_path, text, ("PIT403",))] == [
        ("PIT403", "warning", 1, 17, "Febuary", "February"),
        ("PIT403", "warning", 1, 34, "Wendesday", "Wednesday"),
        ("PIT403", "warning", 1, 58, "Janury", "January"),
    ]


def test_a_month_out_of_its_monthly_series(tmp_path: Path):
    text = (
        "Month | Dogs\nFeb-24 | 10\nMar-24 | 8\nApr-25 | 5\nMay-24 | 6\n\nThe years Apr-24 to Mar-25 and then Apr-25.\n"
    )
    assert _found(tmp_path, text, ("PIT413",)) == [("PIT413", "warning", 4, 1, "Apr-25", "Apr-24")]
    assert _messages(tmp_path, ("PIT413",)) == [
        '"Apr-25" breaks the series of months (Mar-24, May-24): did you mean "Apr-24"?'
    ]


def test_a_period_that_ends_before_it_starts(tmp_path: Path):
    text = (
        "We searched the period 01/06/2024 -05/03/2024, and between 1 May 2020 and 1 March 2020, and "
        "1 April 2023 to 31 March 2024. On 3 May 2021 and 2 May 2020 we wrote. From 1 January 2020 - "
        "1 January 2015.\n"
    )
    assert _fixes(tmp_path, text, ("PIT413",)) == [
        ("01/06/2024 -05/03/2024", "01/06/2024 -05/03/2025", "unsafe"),
        ("1 May 2020 and 1 March 2020", "1 May 2020 and 1 March 2021", "unsafe"),
        ("1 January 2020 - 1 January 2015", None, None),  # years apart: which date is wrong is not known
    ]
    assert [f[:4] for f in _found(tmp_path, text, ("PIT413",))] == [
        ("PIT413", "warning", 1, 24),
        ("PIT413", "warning", 1, 60),
        ("PIT413", "warning", 1, 168),
    ]


def test_would_like_to_for_would_be_likely_to_and_an_empty_name_after_by(tmp_path: Path):
    text = (
        "Your request, received by on 29/11/2016 and received by the on 6 December 2016, was read. "
        "Disclosure would, or would like to, prejudice the force. I would like to assist you.\n"
    )
    assert _fixes(tmp_path, text, ("PIT405",)) == [
        ("received by on", None, None),
        ("received by the on", None, None),
        ("would like to", "would be likely to", "unsafe"),
    ]


def test_a_term_s_verb_after_to_or_a_modal_is_no_slip(tmp_path: Path):
    text = "It would help to inform public debate; it would inform public debate. The inform public debate is weak.\n"
    assert [f[:5] for f in _found(tmp_path, text, ("PIT405",))] == [("PIT405", "warning", 1, 75, "inform")]
    # after "also", or as a second verb after "and"
    more = "It would also inform public debate. Release would show the spread and inform public debate.\n"
    assert _found(tmp_path, more, ("PIT405",)) == []


def test_an_abbreviation_s_full_stop_before_a_comma(tmp_path: Path):
    text = "Richard Wilson, Esq., Flat 3, and the Dept., wrote in Jan., but the answer was.. late.\n"
    assert [f[:5] for f in _found(tmp_path, text, ("PIT410",))] == [("PIT410", "warning", 1, 76, "was..")]


def test_an_adjective_after_by_and_privilege_waived(tmp_path: Path):
    text = (
        "The advice was given without waiving Legal Professional Privilege, and is held by exempt bodies. "
        "We comply by provide the data.\n"
    )
    assert [f[:5] for f in _found(tmp_path, text, ("PIT405", "PIT406"))] == [
        ("PIT406", "warning", 1, 108, "by provide"),
    ]


def test_two_sections_or_which_for_a_plural_then_a_singular_verb_and_a_number_left_out(tmp_path: Path):
    text = (
        "Section 40(2) and 38(1) applies to it. Sections 24 and 31 apply. The exemption in section 30(1) and 31(1) "
        "is engaged. These are exemptions which requires the harm to be shown; the factor that is weighed is harm. "
        "The date referred to in paragraph. It is set out in section 17 of the Act.\n"
    )
    assert [f[:6] for f in _found(tmp_path, text, ("PIT405", "PIT406"))] == [
        ("PIT406", "warning", 1, 25, "applies", "apply"),
        ("PIT406", "warning", 1, 146, "requires", "require"),
        ("PIT405", "warning", 1, 237, "paragraph", None),
    ]
    # "which" for the whole clause before it
    clause = "Sections 44 and 23 are absolute exemptions which means that no test applies, which is why we stop.\n"
    assert _found(tmp_path, clause, ("PIT406",)) == []


def test_which_for_another_noun_a_page_made_available_and_names_like_months(tmp_path: Path):
    text = (
        "The weighing of factors which is required was done. A list of the exemptions which is attached. The "
        "council has made available a page on it, as specified in regulation. We met Mr Marchi and Ms Aprile "
        "Jones. We can neither confirm or nor deny it.\n"
    )
    assert [f[:5] for f in _found(tmp_path, text, ("PIT403", "PIT405", "PIT406"))] == [
        ("PIT406", "warning", 1, 231, "or nor"),
    ]


def test_an_exemptions_kind_said_without_its_article(tmp_path: Path):
    text = (
        "Section 31 is prejudice based qualified exemption and section 40 is absolute exemption. Section 30 "
        "is a class based exemption; both are qualified exemptions.\n"
    )
    assert [f[:6] for f in _found(tmp_path, text, ("PIT406",))] == [
        ("PIT406", "warning", 1, 15, "prejudice based qualified exemption", "a prejudice based qualified exemption"),
        ("PIT406", "warning", 1, 69, "absolute exemption", "an absolute exemption"),
    ]


def test_a_small_word_of_a_bodys_name_put_for_another(tmp_path: Path):
    """ "for" and "of" swapped in a department's name; Northern Ireland's "Department of Education"
    and "Department of Justice" are names in their own right (not listed)."""
    text = (
        "We consulted the Department of Work and Pensions and the Ministry for Justice. The Department of "
        "Education (Northern Ireland) and the Department for Work and Pensions agreed.\n"
    )
    assert [f[:6] for f in _found(tmp_path, text, ("PIT405",))] == [
        ("PIT405", "warning", 1, 29, "of", "for"),
        ("PIT405", "warning", 1, 67, "for", "of"),
    ]


def test_no_space_after_a_full_stop_and_a_second_year_after_a_date(tmp_path: Path):
    """ "principles.In the present case" (not an address, "Leave.EU", nor a file's "report.Docx");
    "dated 29 July 2012 2010" (not a range, "1 April 2012 - 2013", nor "5 May 2014 2015/16")."""
    text = (
        "This breaches the principles.In the present case it applies. See Leave.EU and report.Docx here. Your "
        "request dated 29 July 2012 2010 was read. The year 1 April 2012 - 2013 and 5 May 2014 2015/16 budgets.\n"
    )
    assert [f[:6] for f in _found(tmp_path, text, ("PIT410", "PIT403"))] == [
        ("PIT410", "info", 1, 19, "principles.In", "principles. In"),
        ("PIT403", "warning", 1, 116, "29 July 2012 2010", None),
    ]


def test_lines_the_reader_joins_are_no_sentences_run_together(tmp_path: Path):
    """A hard-wrapped text's lines become one paragraph: a line ending without a full stop (a link's
    words, a heading) before one starting "We" is no full stop left out."""
    text = "We have referred it. Read our report about the investigation\nWe have received requests about it.\n"
    assert _found(tmp_path, text, ("PIT410",)) == []


def test_slips_of_punctuation_dates_and_the_acts_formulas(tmp_path: Path):
    """A space before a full stop after a citation's bracket (info); a year glued to the day's comma;
    the prejudice test's and the NCND formula's words left out; a verb with no subject after
    "However"; an apostrophe typed as a quotation mark; a comma before "and" in a list of two
    sections (a list of three may take it)."""
    text = (
        "It is exempt under sections 42 and 44(1)(a) . We hold data to July 22,2024. This would or would "
        "likely, prejudice someone. It is an exemption from or denying whether any is held. However can "
        'provide the following. We read the Council"s response. Sections 24, and 31 are prejudice based. '
        "Sections 23, 24, and 31 apply.\n"
    )
    assert [f[:6] for f in _found(tmp_path, text, ("typo",))] == [
        ("PIT409", "info", 1, 42, "a) .", "a)."),
        ("PIT403", "warning", 1, 63, "July 22,2024", "July 22, 2024"),
        ("PIT405", "warning", 1, 82, "would or would likely", "would, or would be likely to"),
        ("PIT405", "warning", 1, 148, "or denying", "confirming or denying"),
        ("PIT406", "warning", 1, 188, "can", None),
        ("PIT410", "warning", 1, 234, '"s', "'s"),
        ("PIT410", "warning", 1, 247, "Sections 24, and 31", "Sections 24 and 31"),
    ]


def test_a_bodys_name_in_the_plural_where_its_possessive_is_meant(tmp_path: Path):
    """In a draft that names Cheshire Constabulary, "the Constabularies policing area" is its
    possessive; a list of bodies, or the plural before a small word or a verb, is a plural."""
    text = (
        "Cheshire Constabulary holds the records. No authority is in place within the Constabularies policing "
        "area. Bedfordshire and Hertfordshire Constabularies share a unit. The Councils involved and the "
        "Councils across the region were told; the Council agreed.\n"
    )
    assert [f[:6] for f in _found(tmp_path, text, ("PIT405",))] == [
        ("PIT405", "warning", 1, 78, "Constabularies", "Constabulary's")
    ]


def test_a_dash_with_a_space_before_it_and_none_after(tmp_path: Path):
    """ "Section 31 \u2013Law Enforcement" (info); a dash spaced on both sides, a range of numbers and a
    dash inside a word are left alone."""
    text = (
        "We hold it under Section 31 \u2013Law Enforcement. Section 31 \u2013 Law Enforcement. In 2019 \u20132020 "
        "pre\u2013war.\n"
    )
    assert [f[:6] for f in _found(tmp_path, text, ("PIT410",))] == [("PIT410", "info", 1, 29, "\u2013L", "\u2013 L")]


def test_a_name_on_a_line_of_its_own_and_a_heading_in_capitals_before_its_label(tmp_path: Path):
    """ "Iain Overton", an addressee's line of two words the lists lack, and "Datrix Limited" are names; a misspelt
    heading has a word of English in it and is still checked. "REQUEST Request Number" is a heading
    run into a label, "the the" a doubled word."""
    text = "Iain Overton\n\nBalancing Tesst\n\nREQUEST Request Number: 12. We hold the the data via Datrix Limited.\n"
    assert [f[:5] for f in _found(tmp_path, text, ("PIT403", "PIT402"))] == [
        ("PIT403", "warning", 3, 11, "Tesst"),
        ("PIT402", "warning", 5, 37, "the the"),
    ]


def test_a_police_powers_section_is_another_acts(tmp_path: Path):
    """ "the Section 44 authorisations database", "section 60 stops": the Terrorism Act's and the
    Criminal Justice and Public Order Act's powers, not the FOI Act's exemptions."""
    text = "We hold the Section 44 authorisations database and the section 60 stops recorded in 2010.\n"
    assert _found(tmp_path, text, ("exemption",)) == []


def test_two_phrases_for_one_both_with_a_singular_and_a_semicolon_after_to(tmp_path: Path):
    """ "In regards in relation to" (an edit left both phrases); "both member of staff" (but "both
    officer and staff views" names two); "decided to;" (a colon introduces what follows; "The
    data;" ends a clause)."""
    text = (
        "I have decided to; (a) refuse it. In regards in relation to your request, both member of staff "
        "agreed, and both officer and staff views were heard. We hold the data; it is old.\n"
    )
    assert [f[:6] for f in _found(tmp_path, text, ("PIT406", "PIT410"))] == [
        ("PIT410", "warning", 1, 16, "to;", "to:"),
        ("PIT406", "warning", 1, 35, "In regards in relation to", "In relation to"),
        ("PIT406", "warning", 1, 75, "both member", "both members"),
    ]


def test_this_a_with_its_verb_left_out_and_ensure_for_assure(tmp_path: Path):
    """ "This a class based exemption" opens a sentence with no verb ("Is this a problem?" has one);
    one ensures a thing and assures a person ("ensure the public that", "ensured them that"; "ensure
    that it is safe" is right). "However can it be" is a question, its subject after the verb."""
    text = (
        "This a class based absolute exemption. Is this a problem? This would ensure the public that we act. "
        "We ensured them that it was safe. We ensure that it is safe. However can it be.\n"
    )
    assert [f[:6] for f in _found(tmp_path, text, ("PIT405", "PIT406"))] == [
        ("PIT406", "warning", 1, 6, "a", "is a"),
        ("PIT405", "warning", 1, 70, "ensure", "assure"),
        ("PIT405", "warning", 1, 104, "ensured", "assured"),
    ]


def test_thanks_without_your_and_a_space_before_a_closing_bracket(tmp_path: Path):
    text = "Thank you for email of 7 August. Thank you for your email. It is exempt (section 36 ) Version 2.\n"
    assert [f[:6] for f in _found(tmp_path, text, ("PIT406", "PIT409"))] == [
        ("PIT406", "warning", 1, 15, "email", "your email"),
        ("PIT409", "info", 1, 82, "36 )", "36)"),
    ]


def test_a_plural_where_its_possessive_is_meant_before_a_noun_that_takes_to(tmp_path: Path):
    """ "the authorities ability to", "the officers duty to": a plural cannot stand before these as a
    plural; "the previous decision to", "the serious failure to", "the process ability" (words in
    -us, -ss) and "the rights to appeal" are left alone."""
    text = (
        "It would prejudice the authorities ability to act and the officers duty to report. The previous "
        "decision to act and the serious failure to act. It affects the process ability to run. The rights "
        "to appeal.\n"
    )
    assert [f[:6] for f in _found(tmp_path, text, ("PIT405",))] == [
        ("PIT405", "warning", 1, 24, "authorities", None),
        ("PIT405", "warning", 1, 59, "officers", None),
    ]
    assert _messages(tmp_path, ("PIT405",)) == [
        '"the authorities ability to": the possessive needs its apostrophe ("authority\'s or authorities\'")',
        '"the officers duty to": the possessive needs its apostrophe ("officer\'s or officers\'")',
    ]


def test_correct_wording_the_new_checks_leave_alone(tmp_path: Path):
    """What a review of the new checks found flagged wrongly, each now left alone: "both" before a
    citation's number, a plural subject before its verb, a condition or an order after "However",
    "attempt" as a verb, a relative clause after "ensure the communities that", "an MoD", "an
    hotel", a left-over article, "opt in or deny", a count after a date."""
    text = (
        "Both regulation 12(4)(e) and regulation 13 are engaged. Both Part 2 and Part 3 apply. The Council "
        "agreed. The Councils publish their spending data. The Councils themselves decide. However, should "
        "any further information be required, contact us. However, do not hesitate to contact me. When the "
        "officers attempt to locate the owner, they ask. We ensure the communities that are most affected "
        "receive support. He is an MoD Police officer. It was an hotel. The article an therefore stays. "
        "Residents may opt in or deny consent. On 1 April 2020 2000 calls were received.\n"
    )
    assert _found(tmp_path, text, ("typo",)) == []


def test_the_review_s_wrong_fixes_mended(tmp_path: Path):
    """ "accessible this web page" (a cue the pattern also matches); "neither or deny" takes "nor";
    "is however;" has commas around the adverb; "Would or would likely" keeps its capital."""
    text = (
        "The guidance is accessible this web page. We can neither or deny it. This is however; not the "
        "case. Would or would likely prejudice it.\n"
    )
    assert [(f[0], f[4], f[5]) for f in _found(tmp_path, text, ("typo",))] == [
        ("PIT405", "accessible this web page", "accessible at this web page"),
        ("PIT405", "or deny", "confirm nor deny"),
        ("PIT410", "is however;", "is, however,"),
        ("PIT405", "Would or would likely", "Would, or would be likely to"),
    ]


def test_a_section_for_the_act_the_idiom_without_in_and_a_bracket_opened_on_a_comma(tmp_path: Path):
    """ "exempt under s35(1)(a) for the FoI Act" (a section is of the Act; "for the reasons" is
    right); "it is the public interest to" ("in" left out; "the public interest to be served" is
    a phrase of its own); "Spend 2024 (, later months": what the bracket held is gone ("(a)" and
    "(see below)" are fine)."""
    text = (
        "It is exempt under s35(1)(a) for the FoI Act. It is exempt under section 35 for the reasons below. "
        "It is the public interest to safeguard the force. It is the public interest to be served by it. "
        "It is in the public interest to act. Spend April 2024 (, later months are online (see below).\n"
    )
    assert [f[:6] for f in _found(tmp_path, text, ("PIT405", "PIT406", "PIT410"))] == [
        ("PIT405", "warning", 1, 30, "for", "of"),
        ("PIT406", "warning", 1, 106, "the", "in the"),
        ("PIT410", "warning", 1, 250, "(,", None),
    ]


def test_the_idiom_in_the_public_interest_without_its_the(tmp_path: Path):
    text = (
        "Disclosure is not in public interest. It would be in public interest cases only, and the balance lies "
        "in public interest terms. This is a matter of public interest, and it is in the public interest.\n"
    )
    assert [f[:6] for f in _found(tmp_path, text, ("PIT405", "PIT406"))] == [
        ("PIT406", "warning", 1, 19, "in", "in the"),
    ]


def test_a_list_label_run_onto_the_word_before_is_no_misspelling(tmp_path: Path):
    """A page that lost a list's line breaks: "negotiationsb)" after an "a)" item is a right word and
    its label; "negotiationsb" with no list, or "negotiatonsb)", is still checked."""
    text = (
        "a) Talks are ongoing and would harm those negotiationsb) Companies compete fairly.\n\n"
        "The negotiatonsb) were long.\n"
    )
    assert [(f[0], f[4]) for f in _found(tmp_path, text, ("PIT403",))] == [("PIT403", "negotiatonsb")]


def test_an_owner_before_a_plural_noun_english_never_writes_after_it(tmp_path: Path):
    """ "the investigating officers findings", "individual forces capabilities": people or bodies
    before a plural noun never written after them lost their apostrophe. Left alone: a compound
    English writes ("complaints procedure" is no owner's; "victims themselves" is a pronoun), a verb
    after a plural subject ("the officers uses" would be another slip, not this one), and words in
    capitals (a title)."""
    text = (
        "It gave the investigating officers findings and would undermine individual forces capabilities. "
        "The officers uses force. It was said by victims themselves. The Armed Forces Covenants apply.\n"
    )
    assert [f[:6] for f in _found(tmp_path, text, ("PIT405",))] == [
        ("PIT405", "warning", 1, 27, "officers", None),
        ("PIT405", "warning", 1, 76, "forces", None),
    ]
    assert _messages(tmp_path, ("PIT405",))[1] == (
        '"forces capabilities": the possessive needs its apostrophe ("force\'s or forces\'")'
    )


def test_the_following_without_the_and_been_without_has(tmp_path: Path):
    """ "by virtue of following exemption" and "the following exemption been cited" left a word out;
    "in following the procedure" (a verb), "Has the request been considered?", "Had the information
    been released" and "has never been" are right. "This outweighs" is a verb after "this", not a
    plural noun."""
    text = (
        "It is exempt by virtue of following exemption. The text has been redacted with the following "
        "exemption been cited. In following the procedure we act. Has the request been considered? Had the "
        "information been released, harm would follow. It has never been held. This outweighs the harm.\n"
    )
    assert [f[:6] for f in _found(tmp_path, text, ("PIT406",))] == [
        ("PIT406", "warning", 1, 27, "following", "the following"),
        ("PIT406", "warning", 1, 94, "exemption been", None),
    ]


def test_relation_to_without_in_and_a_duty_without_its_article(tmp_path: Path):
    """ "holds information relation to a case" and "has duty to conduct" each left a word out; "in
    relation to", "a close relation to" and "has a duty to" are right."""
    text = (
        "The office holds information relation to a case, which it has duty to conduct. We act in relation "
        "to it; it bears a close relation to that, and we have a duty to act.\n"
    )
    assert [f[:6] for f in _found(tmp_path, text, ("PIT406",))] == [
        ("PIT406", "warning", 1, 30, "relation", "in relation"),
        ("PIT406", "warning", 1, 63, "duty", "a duty"),
    ]


def test_the_review_s_mends_of_the_new_wording_checks(tmp_path: Path):
    """Correct English the new checks once flagged: an owner after a verb or a preposition ("The
    policy forces officers to", "gives individuals rights", "Each of the forces records", "sent the
    applicants letters"); "been" after a question's or a condition's "have" ("How long has the
    investigation been open?", "had the request been made"); "following" as a verb; a mixed reply's
    "for the FOI Act part"; "This is the public interest to weigh"; "a comma (,)". And the
    suggestions: "an obligation", "witness's or witnesses'"."""
    correct = (
        "The policy forces officers to record it. The Act gives individuals rights over their data. Each of the "
        "forces records crime. We sent the applicants letters. How long has the investigation been open? It "
        "might have been different had the request been made earlier. The force has in the past been "
        "criticised. We act by following information security standards and by following section 45 guidance. "
        "We applied section 40(2) for the FOI Act part of the request. This is the public interest to weigh. "
        "It is the public interest to which section 2 refers. Use a comma (,) or a semicolon (;) here.\n"
    )
    assert _found(tmp_path, correct, ("typo",)) == []
    slips = "The requester has obligation to pay. It covers the witnesses expenses.\n"
    assert [(f[0], f[4], f[5]) for f in _found(tmp_path, slips, ("PIT405", "PIT406"))] == [
        ("PIT406", "obligation", "an obligation"),
        ("PIT405", "witnesses", None),
    ]
    assert _messages(tmp_path, ("PIT405",)) == [
        '"witnesses expenses": the possessive needs its apostrophe ("witness\'s or witnesses\'")'
    ]


def test_a_common_word_typed_for_its_usual_partner(tmp_path: Path):
    text = (
        "Offenders would plan there routes to avoid the cameras. An attack could adversely effect the force. "
        "Information form misconduct hearings is not published. The list is on there website.\n"
    )
    assert _found(tmp_path, text, ("PIT405",)) == [
        ("PIT405", "warning", 1, 22, "there", "their"),
        ("PIT405", "warning", 1, 83, "effect", "affect"),
        ("PIT405", "warning", 1, 171, "there", "their"),
    ]


def test_a_partner_word_settled_by_one_neighbour_that_leans_the_same_way_or_by_a_participle(tmp_path: Path):
    """ "and there families": English pairs "and" with "their" more than with "there" (not 2 to 1,
    but not against), and "their families" decides; "drawn form the": after a participle the
    preposition was meant, though "form the" is English ("these records form the bulk")."""
    text = (
        "Licence holders and there families may be put at risk. The figures are drawn form the vetting "
        "system, and the totals were taken form the annual returns.\n"
    )
    assert _found(tmp_path, text, ("PIT405",)) == [
        ("PIT405", "warning", 1, 21, "there", "their"),
        ("PIT405", "warning", 1, 78, "form", "from"),
        ("PIT405", "warning", 1, 129, "form", "from"),
    ]
    right = "The completed form is kept, and the returns were taken from the system and there is no copy.\n"
    assert _found(tmp_path, right, ("PIT405",)) == []
    # after a singular noun "form" could be neither a verb ("forms") nor a compound before "the"
    noun = (
        "We received information form the Digital Services team. The application form the force sends is short. "
        "The updated form the team uses is kept, and a data protection form the requester signed was received.\n"
    )
    assert _found(tmp_path, noun, ("PIT405",)) == [("PIT405", "warning", 1, 25, "form", "from")]
    # a regular participle the pair counts do not hold after "been" is a participle still
    sparse = "The footage was being retrieved form the cameras. A detailed form the team uses is kept.\n"
    assert _found(tmp_path, sparse, ("PIT405",)) == [("PIT405", "warning", 1, 33, "form", "from")]


def test_a_word_dropped_after_able_or_from_there_is(tmp_path: Path):
    text = (
        "We are not able provide it. The public are able have confidence. It is accepted that there a "
        "public interest in openness.\n"
    )
    assert _found(tmp_path, text, ("PIT405", "PIT406")) == [
        ("PIT406", "warning", 1, 12, "able provide", "able to provide"),
        ("PIT406", "warning", 1, 44, "able have", "able to have"),
        ("PIT405", "warning", 1, 86, "there a", "there is a"),
    ]
    right = (
        "We are able to provide it. The likely impact is small. Is there a need? Here and there a few "
        "officers attended. We know that there is a risk.\n"
    )
    assert _found(tmp_path, right, ("PIT405", "PIT406")) == []


def test_a_possessive_pronoun_given_an_apostrophe(tmp_path: Path):
    text = "The force continues in its\u2019 fight against crime. The choice is your's, and the risk their's.\n"
    assert _found(tmp_path, text, ("PIT410",)) == [
        ("PIT410", "warning", 1, 24, "its\u2019", "its"),
        ("PIT410", "warning", 1, 64, "your's", "yours"),
        ("PIT410", "warning", 1, 85, "their's", "theirs"),
    ]
    # the word itself in quotation marks, "it's", a plural's possessive: all right
    right = "The word 'its' has no apostrophe, and 'it's' means it is. The officers' and the public's views differ.\n"
    assert _found(tmp_path, right, ("PIT410",)) == []


def test_a_preposition_left_out_before_the_governed_phrase(tmp_path: Path):
    """ "the security the force's network": a noun that governs a phrase, then a determiner English
    never writes after it; the preposition English writes there is suggested."""
    text = (
        "Protecting the security the force's network is essential. Disclosure would undermine confidence "
        "the vetting process and weaken it.\n"
    )
    # a clause after the phrase has verbs of its own ("to those who wish to misuse drones")
    relative = "It would reveal the extent its capabilities to those who wish to misuse drones.\n"
    assert [f[:5] for f in _found(tmp_path, relative, ("PIT406",))] == [("PIT406", "warning", 1, 21, "extent its")]
    assert _found(tmp_path, text, ("PIT406",)) == [
        ("PIT406", "warning", 1, 16, "security the", "security of the"),
        ("PIT406", "warning", 1, 86, "confidence the", "confidence in the"),
    ]
    # clauses without their relative pronoun, opening phrases without a comma, two objects
    right = (
        "We value the confidence the public have in us. The protection the law affords to sources is strong. "
        "The security the force's systems offer is reviewed. The risk the public faces is low. It is the "
        "picture the force's figures paint that matters. We cannot release the information the force gave "
        "to the ICO. For reasons of security the force's position is that it will not say. When calling the "
        "function the arguments and options are passed. It would give the force the ability to act. Make "
        "this button the default.\n"
    )
    assert _found(tmp_path, right, ("PIT406",)) == []


def test_a_dropped_word_after_a_describing_word_a_share_or_in_a_terms_or(tmp_path: Path):
    """ "maintaining public confidence the police service, particularly" (one word between the verb
    and the noun; a comma ends the phrase); "The majority the contracts in question" (a plural that
    is a verb too, its phrase ending as an object's); "confirm deny" (the "or" of a term). ("lays"
    for "lies" is left: "the unit lays in supplies" is English.)"""
    text = (
        "It is part of maintaining public confidence the police service, particularly now. The majority the "
        "contracts in question are old. We are not able to confirm deny whether it is held.\n"
    )
    assert _found(tmp_path, text, ("PIT405", "PIT406")) == [
        ("PIT406", "warning", 1, 34, "confidence the", "confidence in the"),
        ("PIT406", "warning", 1, 87, "majority the", "majority of the"),
        ("PIT405", "warning", 1, 150, "confirm deny", "confirm or deny"),
    ]
    right = (
        "Disclosure would mean placing in the public domain the detail that would help an attacker. The "
        "guidance lays out the steps, the unit lays in supplies, and the serious organised crime unit lays "
        "down the rules.\n"
    )
    assert _found(tmp_path, right, ("PIT405", "PIT406")) == []


def test_a_share_missing_its_of_before_a_passive(tmp_path: Path):
    """A relative clause after a share ("the remainder the force holds") has a verb missing its
    object; a passive after the phrase rules that reading out, in the singular too."""
    text = "The remainder the documents will be sent to you. The bulk the evidence is held on paper.\n"
    assert _found(tmp_path, text, ("PIT406",)) == [
        ("PIT406", "warning", 1, 5, "remainder the", "remainder of the"),
        ("PIT406", "warning", 1, 54, "bulk the", "bulk of the"),
    ]
    right = (
        "The remainder the force holds is published. The majority the year before was spent on training. "
        "The bulk the unit stores are kept.\n"
    )
    assert _found(tmp_path, right, ("PIT406",)) == []


def test_principle_before_a_noun_it_describes(tmp_path: Path):
    text = "The principle reason for refusing is harm. Our principle aim is openness. The force's principle concern.\n"
    assert _found(tmp_path, text, ("PIT405",)) == [
        ("PIT405", "warning", 1, 5, "principle", "principal"),
        ("PIT405", "warning", 1, 48, "principle", "principal"),
        ("PIT405", "warning", 1, 87, "principle", "principal"),
    ]
    right = (
        "The principle applies here. The principle behind the policy is fairness. The principle of openness "
        "matters. The principle means that we disclose. The principle set out in the code is clear. This "
        "principle aims to protect individuals, and the principle limits the use of personal data. The "
        "force's principle applies.\n"
    )
    assert _found(tmp_path, right, ("PIT405",)) == []


def test_a_partner_word_both_neighbours_lean_towards(tmp_path: Path):
    """ "would advice you": neither side alone is decisive, both lean to "advise"."""
    text = "We would advice you to read the guidance.\n"
    assert _found(tmp_path, text, ("PIT405",)) == [("PIT405", "warning", 1, 10, "advice", "advise")]
    right = "Any advice you need is on our website, and the advice given is recorded. We advise you to read it.\n"
    assert _found(tmp_path, right, ("PIT405",)) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "They went there yesterday and stayed there until noon.",
        "We hold information from the force and from its partners.",
        "The effect of disclosure would be serious, and it would affect the force.",
        "It would deny whether the data exists, wherever the records were kept.",
        "The principal aim is to uphold the principle of openness.",
        "Officers passed the site of the incident on the past two occasions.",
        "The Council's counsel gave advice; we advise you to seek it.",
        "Staff can lose their licence if the records are loose.",
        "There is a form to complete. Forms are on our website.",
        "The decision led to a trial, and the lead officer gave evidence.",
        # each word of these pairs is right in many places the pair counts miss: both neighbours
        # must prefer the partner strongly, so a well-formed sentence is not questioned
        "These records form the bulk of the information held, and officers form the backbone of it.",
        "A man threw the bottle through the window.",
        "The report laid bare the failings, and the street has been quiet since.",
        "The decisions we cite are recent; senior counsel has advised, and she had lead responsibility.",
        "The vehicles were bought under a national framework, and the changes were effected through it.",
        "The breech of the shotgun must be open when it is carried.",
    ],
)
def test_partner_words_used_rightly_are_left_alone(tmp_path: Path, sentence: str):
    assert _found(tmp_path, sentence + "\n", ("PIT405",)) == []


def test_a_verb_whose_number_is_not_its_subjects(tmp_path: Path):
    text = (
        "The documents you have requested is exempt. The information are held. The reports is published. "
        "The officers has reviewed it. The pricing information you requested are sensitive. "
        "We confirm that the records we hold is incomplete.\n"
    )
    assert _found(tmp_path, text, ("PIT406",)) == [
        ("PIT406", "warning", 1, 34, "is", "are"),
        ("PIT406", "warning", 1, 61, "are", "is"),
        ("PIT406", "warning", 1, 83, "is", "are"),
        ("PIT406", "warning", 1, 110, "has", "have"),
        ("PIT406", "warning", 1, 165, "are", "is"),
        ("PIT406", "warning", 1, 216, "is", "are"),
    ]


def test_a_plain_verb_after_an_uncountable_subject(tmp_path: Path):
    text = (
        "The footage contain images of the public. The evidence suggest that harm would follow. "
        "The committee agreed that the guidance remain in force. The data show a fall.\n"
    )
    assert _found(tmp_path, text, ("PIT406",)) == [
        ("PIT406", "warning", 1, 13, "contain", "contains"),
        ("PIT406", "warning", 1, 56, "suggest", "suggests"),
    ]
    message = '"footage contain": the subject is singular, so the verb is "contains"'
    assert _messages(tmp_path, ("PIT406",))[0] == message


def test_a_plain_verb_after_one_countable_thing(tmp_path: Path):
    text = (
        "The review show no change. This request relate to drones. The team remain committed. These figures "
        "show a rise. The first form of the request was longer. The board agreed that the camera remain.\n"
    )
    assert _found(tmp_path, text, ("PIT406",)) == [
        ("PIT406", "warning", 1, 12, "show", "shows"),
        ("PIT406", "warning", 1, 41, "relate", "relates"),
    ]
    assert _messages(tmp_path, ("PIT406",))[1] == '"request relate": the subject is singular, so the verb is "relates"'


def test_a_plural_verb_after_the_number_of(tmp_path: Path):
    text = (
        "The number of certificates revoked were small. The number of officers deployed at matches in the "
        "county have risen. A number of officers were injured. The number of people we have stopped is "
        "recorded. The number of officers who were hurt is held. The number of incidents vary.\n"
    )
    assert _found(tmp_path, text, ("PIT406",)) == [
        ("PIT406", "warning", 1, 36, "were", "was"),
        ("PIT406", "warning", 1, 105, "have", "has"),
        ("PIT406", "warning", 1, 272, "vary", "varies"),
    ]
    assert _messages(tmp_path, ("PIT406",))[0] == (
        '"The number of certificates revoked were": the subject is "the number", singular, so the verb is "was"'
    )


def test_a_plural_verb_after_the_number_of_and_a_relative_clause(tmp_path: Path):
    text = (
        "The number of applicants who failed vetting were 14. The number of officers who were dismissed in "
        "2024 were 9. The number of people who attended was 40. The number of cases that are open are held.\n"
    )
    assert [f[:6] for f in _found(tmp_path, text, ("PIT406",))] == [
        ("PIT406", "warning", 1, 45, "were", "was"),
        ("PIT406", "warning", 1, 104, "were", "was"),
    ]


def test_the_subject_and_its_verb_read_across_a_year(tmp_path: Path):
    """A year or a financial year ending a phrase of time ("revoked in 2023", "for 2022/23") lies
    between the subject and its verb; the count's and the plural's verbs are read past it."""
    text = (
        "The number of certificates revoked in 2023 were 37, against 41 the year before. The figures for "
        "2022/23 shows a fall. The number of officers trained in 2021 was 40. The figures for 2023 show "
        "that the number of certificates issued since 2019 has risen. In 2023 officers were trained.\n"
    )
    assert _found(tmp_path, text, ("PIT406",)) == [
        ("PIT406", "warning", 1, 44, "were", "was"),
        ("PIT406", "warning", 1, 105, "shows", "show"),
    ]
    assert _messages(tmp_path, ("PIT406",))[0] == (
        '"The number of certificates revoked in 2023 were": the subject is "the number", singular, so the verb is "was"'
    )


def test_a_plural_verb_after_each_of_or_after_an_opening_phrase(tmp_path: Path):
    text = (
        "In total, the number of applicants refused were 412. Each of these certificates are renewed. One of "
        "the officers who were hurt is off work, and each of them is paid. If the number of sources were "
        "known, they would be at risk. The cost and the number of incidents are withheld.\n"
    )
    assert _found(tmp_path, text, ("PIT406",)) == [
        ("PIT406", "warning", 1, 44, "were", "was"),
        ("PIT406", "warning", 1, 81, "are", "is"),
    ]
    assert _messages(tmp_path, ("PIT406",))[1] == (
        '"Each of these certificates are": the subject is "each", singular, so the verb is "is"'
    )


def test_lead_for_led_after_a_singular_subject_and_its_of_phrase(tmp_path: Path):
    text = (
        "In the past, the circulation of police registration numbers on social media lead to vehicles being "
        "followed. The release of the requested information may lead to harm. The use of the cameras which "
        "lead to arrests is set out.\n"
    )
    assert [f[:6] for f in _found(tmp_path, text, ("PIT406",))] == [("PIT406", "warning", 1, 77, "lead", "led")]


def test_lead_after_a_past_year_and_intent_without_on(tmp_path: Path):
    text = (
        "The national check of the workforce in 2023, which lead to a number of reviews, accounts for the rise. "
        "Those intent burglary would use it, as would those intent on theft and anyone intent to harm.\n"
    )
    assert [f[:6] for f in _found(tmp_path, text, ("PIT406", "PIT401"))] == [
        ("PIT406", "warning", 1, 52, "lead", "led"),
        ("PIT401", "warning", 1, 110, "intent", "intent on"),
    ]


def test_lead_for_led_after_which_with_no_comma(tmp_path: Path):
    text = (
        "The panel examined the conduct which lead to the referral. It weighed the evidence that lead to "
        "the charge. The factors which lead to delay are known.\n"
    )
    assert [f[:6] for f in _found(tmp_path, text, ("PIT406",))] == [
        ("PIT406", "warning", 1, 38, "lead", "led"),
        ("PIT406", "warning", 1, 89, "lead", "led"),
    ]


def test_lead_for_led_after_a_singular_subject(tmp_path: Path):
    text = (
        "The review in 2022 lead to new cameras. It follows a review of custody safety, which lead to a "
        "change. These changes lead to delays, the team lead the search, and it could lead to harm.\n"
    )
    assert _found(tmp_path, text, ("PIT406",)) == [
        ("PIT406", "warning", 1, 20, "lead", "led"),
        ("PIT406", "warning", 1, 86, "lead", "led"),
    ]
    assert _messages(tmp_path, ("PIT406",))[0] == (
        '"The review in 2022 lead to": after a singular subject, "lead" is "led" (or "leads")'
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The name of the officers is withheld.",
        "The 20 working days is the statutory limit.",
        "The news is good, and the series is complete.",
        "The data are held and the staff are trained.",
        "The force are unable to confirm the figure, and the public are entitled to know.",
        "If the information were released, it would harm the force.",
        "The information requested is exempt, and the information held by the force is old.",
        "These figures show a rise. Those officers who were involved have left.",
        "The Times is a newspaper, and the Simpsons is a programme.",
        "The evidence that the officers have provided is compelling.",
        "The report that the officers submitted is held on file.",
        "Whether the officers attended is not recorded, and when the reports arrived is unknown.",
        "The premises is licensed for the sale of alcohol.",
    ],
)
def test_subjects_and_verbs_that_agree_or_are_not_plain_are_left_alone(tmp_path: Path, sentence: str):
    assert _found(tmp_path, sentence + "\n", ("PIT406",)) == []


def test_a_second_verb_left_plain_after_is_and_its_noun(tmp_path: Path):
    text = (
        "Section 31 is a prejudice based, qualified exemption and therefore require both a harm test and a "
        "public interest test.\n"
    )
    assert [f[:6] for f in _found(tmp_path, text, ("PIT406",))] == [("PIT406", "warning", 1, 68, "require", "requires")]
    assert _messages(tmp_path, ("PIT406",)) == [
        '"is a prejudice based, qualified exemption and therefore require": the subject of "is" goes on to '
        '"require", so the verb is "requires"'
    ]
    right = (
        "Section 31 is a qualified exemption and therefore requires a test. It is a list of units that collect "
        "and therefore require funds. It is a good idea and we agree. This is a small force and officers deploy "
        "widely.\n"
    )
    assert _found(tmp_path, right, ("PIT406",)) == []


def test_a_date_with_another_month_after_it(tmp_path: Path):
    text = "From 1st April 2016 to 30th November 2016 April 2016 we have recorded three incidents.\n"
    assert [f[:6] for f in _found(tmp_path, text, ("PIT406",))] == [
        ("PIT406", "warning", 1, 24, "30th November 2016 April 2016", None)
    ]
    assert _messages(tmp_path, ("PIT406",)) == [
        '"30th November 2016 April 2016": a date with another month after it: one of them is left over'
    ]
    right = (
        "Between 1 January 2020 February 2020 March 2020 the totals rose. On 3 May 2021 May officers attended. "
        "From 1 April 2016 to 30 November 2016 we recorded three.\n"
    )
    assert _found(tmp_path, right, ("PIT406",)) == []


def test_a_singular_verb_after_a_plural_subject_and_its_year(tmp_path: Path):
    text = (
        "The figures for 2021 shows an increase. The totals in 2019/20 was higher. We confirm that the "
        "figures for 2022 is correct. The costs for 2022/23 includes overtime. The figures for August 2025 "
        "shows a fall. Of this, the overtime costs was £812,350.\n"
    )
    assert [(f[3], f[4], f[5]) for f in _found(tmp_path, text, ("PIT406",))] == [
        (22, "shows", "show"),
        (63, "was", "were"),
        (112, "is", "are"),
        (146, "includes", "include"),
        (193, "shows", "show"),
        (235, "was", "were"),
    ]
    right = (
        "The figures for 2021 show a fall. A breakdown of the figures for 2021 shows a fall. The data for "
        "2021 is held. The figures for 2021 were published. Two years is the period searched.\n"
    )
    assert _found(tmp_path, right, ("PIT406",)) == []


def test_a_singular_verb_after_a_plural_subject_and_the_words_describing_it(tmp_path: Path):
    straight = "The figures shows refusals by year. The officers reports are filed. Our records holds none.\n"
    assert [(f[3], f[4], f[5]) for f in _found(tmp_path, straight, ("PIT406",))] == [
        (13, "shows", "show"),
        (81, "holds", "hold"),
    ]
    text = (
        "The figures in the table above shows revocations. The officers on duty at the time was three. "
        "Officers were sent, and the documents requested contains notes. The vehicles in the fleet uses diesel.\n"
    )
    assert [(f[3], f[4], f[5]) for f in _found(tmp_path, text, ("PIT406",))] == [
        (32, "shows", "show"),
        (84, "was", "were"),
        (143, "contains", "contain"),
        (185, "uses", "use"),
    ]
    right = (
        "The figures for the force area as a whole are provided below. The costs of the works were met. The "
        "officers in the team who works nights were paid. The records held by the force show this. The "
        "results for each area vary. The details of the process were set out. Those figures above are right.\n"
    )
    assert _found(tmp_path, right, ("PIT406",)) == []


def test_an_of_phrase_verb_where_the_pair_counts_know_neither_word(tmp_path: Path):
    """ "deployment" before "is" and "they vary" are both unseen in the pair counts: the noun's
    ending says it is singular, and the linking verb's spelling gives its -s form."""
    text = "The deployment of these resources vary from week to week.\n"
    assert [(f[3], f[4], f[5]) for f in _found(tmp_path, text, ("PIT406",))] == [(35, "vary", "varies")]


def test_a_verb_that_takes_the_number_of_the_of_phrase_before_it(tmp_path: Path):
    text = (
        "The use of unmarked vehicles form part of the plan. The disclosure of these details were harmful. "
        "We confirm that the location of the cameras are sensitive. The use of these powers apply.\n"
    )
    assert [(f[3], f[4], f[5]) for f in _found(tmp_path, text, ("PIT406",))] == [
        (30, "form", "forms"),
        (85, "were", "was"),
        (143, "are", "is"),
        (182, "apply", "applies"),
    ]
    right = (
        "A number of officers are trained. The majority of forces were consulted. The details of the "
        "vehicles remain secret. One of the officers form a team. These kinds of tactics are covert. "
        "The use of unmarked vehicles forms part of the plan. The amount of overtime officers work is "
        "recorded. The model of the cameras officers use is not held. The use of drones helps officers "
        "find people. The head of the victims support service reviews each case.\n"
    )
    assert _found(tmp_path, right, ("PIT406",)) == []


def test_the_second_written_rounds_right_english_is_left_alone(tmp_path: Path):
    """A Welsh sentence before its English, a policing word, a product's name, a noun and its verb,
    another body's name and a pronoun with a participle: all right as written."""
    text = (
        "Rydym yn croesawu gohebiaeth yn Gymraeg a byddwn yn ymateb yn Gymraeg, heb oedi. We welcome "
        "correspondence in Welsh. The force has DJI Mavic 2 Enterprise aircraft and untraced offenders. What "
        "the public finds interesting is not the test. Write to the Freedom of Information Office. The number "
        "of those classified as cyber-related is given.\n"
    )
    assert _found(tmp_path, text, ("PIT403", "PIT405", "PIT406")) == []
    slips = "We welcome correspondance in Welsh. The Mavik aircraft flew.\n"
    assert [f[4] for f in _found(tmp_path, slips, ("PIT403",))] == ["correspondance"]


def test_slips_beside_names_acronyms_and_a_nouns_verb_are_still_found(tmp_path: Path):
    """What the second round's exceptions must not hide: a misspelt word after an acronym and before
    a verb ("CCTV Fotage was"), "public finds" in a noun's place, a body's name missing a word after
    "The", "those" with a singular in -eed, and a misspelling in a sentence of names."""
    text = (
        "The CCTV Fotage was retained. Overtime is paid from the public finds allocated to the force. The "
        "Crown Service decided not to charge. Funding was sought to meet those need. Officers Pryddech, "
        "Rhydderch, Gwynfor, Cadwaladr and Llywarch atended the scene. The force flies two DJI Mavic 3 "
        "aircraft and one DJI Avata.\n"
    )
    found = [(code, excerpt, suggestion) for code, _, _, _, excerpt, suggestion in _found(tmp_path, text, ("typo",))]
    assert found == [
        ("PIT403", "Fotage", "Footage"),
        ("PIT405", "finds", "funds"),
        ("PIT405", "Crown Service", "Crown Prosecution Service"),
        ("PIT406", "those need", "those needs"),
        ("PIT403", "atended", "attended"),
    ]


def test_the_fourth_reviews_right_english_is_left_alone(tmp_path: Path):
    """ "those" as a pronoun before "need to"; "lies" before a preposition in -ing; a Welsh sentence
    whose capitalised words are unknown, in a longer paragraph; a product's name before "and"."""
    text = (
        "Those need not be disclosed. Those need to be considered separately. We judged where the public "
        "interest lies regarding disclosure, and where the balance lies concerning release.\n\n"
        "Rydym wedi ystyried eich cais o dan Ddeddf Rhyddid Gwybodaeth 2000. We have considered your request. "
        "The force owns one DJI Avata and five DJI Mavic 3 Thermal aircraft.\n"
    )
    assert _found(tmp_path, text, ("PIT403", "PIT405", "PIT406")) == []
    names = "Officers Pryddech, Rhydderch, Gwynfor and Llywarch atended the incident.\n"
    assert [f[:6] for f in _found(tmp_path, names, ("PIT403",))] == [
        ("PIT403", "warning", 1, 52, "atended", "attended")
    ]


def test_affect_where_the_noun_must_stand(tmp_path: Path):
    text = (
        "This would have a detrimental affect on the force and no affect on others. It will affect the "
        "force. Most the officers were local; the majority the officers deployed were not.\n"
    )
    assert [(f[0], f[4], f[5]) for f in _found(tmp_path, text, ("PIT405", "PIT406"))] == [
        ("PIT405", "detrimental affect", "detrimental effect"),
        ("PIT405", "no affect", "no effect"),
        ("PIT406", "Most the", "Most of the"),
        ("PIT406", "majority the", "majority of the"),
    ]
    # a verb before an adverbial, a clinician's noun, and nouns of a share before a time or a clause
    right = (
        "Crimes against the disabled affect on average 30 victims a month. The detainee showed a blunted "
        "affect on assessment. Officers made up the majority the year before; kit was bought in bulk the "
        "previous year; the remainder the force holds is exempt. The majority the public expects is a visible "
        "presence; the cameras made up the remainder the years after.\n"
    )
    assert _found(tmp_path, right, ("PIT405", "PIT406")) == []


def test_a_date_no_calendar_has(tmp_path: Path):
    text = (
        "Thank you for your request received on 31 April 2023 and clarified on 29 February 2023. "
        "We replied on 29 February 2024, 30 April 2023 and 31/06/2021, and again on June 31, 2020.\n"
    )
    found = _found(tmp_path, text, ("PIT414",))
    assert [(code, line, column, excerpt) for code, _, line, column, excerpt, _ in found] == [
        ("PIT414", 1, 40, "31 April 2023"),
        ("PIT414", 1, 71, "29 February 2023"),
        ("PIT414", 1, 139, "31/06/2021"),
        ("PIT414", 1, 164, "June 31, 2020"),
    ]
    messages = [f.message for f in check([tmp_path / "draft.txt"], Config(select=("PIT414",))).files[0].findings]
    assert messages[:2] == [
        '"31 April 2023" is no date: April has 30 days',
        '"29 February 2023" is no date: February 2023 had 28 days',
    ]
    numbers = "See paragraph 30.2.15, version 31.6.12 and references 29/02/23-AB and 31/04/2023/123.\n"
    assert _found(tmp_path, numbers, ("PIT414",)) == []
    first = "31/06/2021 was the date given.\n"  # (at a paragraph's very start: nothing before it to be a numbering)
    assert [f[:5] for f in _found(tmp_path, first, ("PIT414",))] == [("PIT414", "warning", 1, 1, "31/06/2021")]


def test_a_days_name_the_date_does_not_fall_on(tmp_path: Path):
    text = "Date: Tuesday 25 August 2022. We met on Thursday 25 August 2022 and on Friday, the 26th August 2022.\n"
    assert [f[:5] for f in _found(tmp_path, text, ("PIT414",))] == [
        ("PIT414", "warning", 1, 7, "Tuesday 25 August 2022")
    ]
    messages = [f.message for f in check([tmp_path / "draft.txt"], Config(select=("PIT414",))).files[0].findings]
    assert messages == ['"Tuesday 25 August 2022" is no date: 25 August 2022 was a Thursday']


def test_an_impossible_date_on_a_label_among_the_requesters_lines(tmp_path: Path):
    """ "Received 30 February 2026." under "Request:" is the force's label, not the requester's words."""
    text = 'Request:\n\nReceived 30 February 2026.\n\n"Has the force used drones since 30 February 2026?"\n'
    assert [f[:5] for f in _found(tmp_path, text, ("PIT414",))] == [
        ("PIT414", "warning", 3, 10, "30 February 2026"),
        ("PIT414", "info", 5, 34, "30 February 2026"),  # the requester's own: a note
    ]


def test_a_period_told_in_words_that_ends_before_it_starts(tmp_path: Path):
    text = (
        "The contract commenced on 1 April 2022 and runs until 31 March 2021, with an option to extend. It "
        "was signed on 1 May 2020 and reviewed on 1 March 2020. From 2 June 2023 the unit moved; it closed on "
        "1 January 2023.\n"
    )
    assert [f[:5] for f in _found(tmp_path, text, ("PIT413",))] == [
        ("PIT413", "warning", 1, 27, "1 April 2022 and runs until 31 March 2021")
    ]


def test_a_term_of_years_whose_end_is_not_that_many_years_on(tmp_path: Path):
    text = (
        "The contract was awarded on 14 March 2023 for a term of five years, ending on 31 March 2027. A second "
        "contract commenced on 1 April 2022 for a period of three years, ending on 31 March 2025.\n"
    )
    assert [f[:5] for f in _found(tmp_path, text, ("PIT413",))] == [("PIT413", "warning", 1, 79, "31 March 2027")]
    assert _messages(tmp_path, ("PIT413",)) == [
        "A term of five years from 14 March 2023 ends about 14 March 2028, not 31 March 2027."
    ]


def test_a_period_reversed_in_the_requesters_words_is_a_note(tmp_path: Path):
    """The requester asked for a period that ends before it starts: not the force's words to
    correct, but the answer has to say which dates it covers."""
    text = (
        "Freedom of Information Request\n\nYou asked:\n\n"
        '"How many cyber attacks against force systems were detected between 1 April 2024 and '
        '31 March 2023, and how many of those were reported to the National Cyber Security Centre?"\n\n'
        "Response\n\nWe searched the records held between 1 April 2024 and 31 March 2023 for this answer.\n"
    )
    found = _found(tmp_path, text, ("PIT413",))
    assert [f[:5] for f in found] == [
        ("PIT413", "info", 5, 69, "1 April 2024 and 31 March 2023"),
        ("PIT413", "warning", 9, 38, "1 April 2024 and 31 March 2023"),
    ]
    assert _messages(tmp_path, ("PIT413",))[0] == (
        'The period "1 April 2024 and 31 March 2023" ends before it starts. '
        "It is in the request as quoted: say which dates the answer covers."
    )


def test_a_letter_dated_after_its_reference_before_a_request_received_by_the_force(tmp_path: Path):
    """ "Our Ref: FOI 2024-01762" then the date, on one line; the request "received by Cheshire
    Constabulary on" a later date, in a sentence that ends "You asked:" (read as the request's)."""
    text = (
        "Cheshire Constabulary\n\nOur Ref: FOI 2024-01762\n6 August 2024\n\nDear Requester\n\n"
        "I write in response to your request for information, which was received by Cheshire Constabulary on "
        '12 August 2024. You asked:\n\n"How many people died in custody?"\n\nThe information is held.\n'
    )
    found = _found(tmp_path, text, ("PIT412",))
    assert [(code, line, excerpt) for code, _, line, _, excerpt, _ in found] == [("PIT412", 4, "6 August 2024")]


def test_a_labelled_response_date_joined_to_the_title_is_the_letters(tmp_path: Path):
    text = (
        "Freedom of Information Request - FOI 2024/1366\nResponse date: 28 June 2024\n\n"
        "Thank you for your request dated 3 July 2024, in which you asked for the figures.\n"
    )
    found = _found(tmp_path, text, ("PIT412",))
    assert [(code, line, column, excerpt) for code, _, line, column, excerpt, _ in found] == [
        ("PIT412", 2, 16, "28 June 2024")
    ]
    review = (
        "Internal review\nOriginal response date: 28 March 2024\n\nYour review request was received on 10 April 2024.\n"
    )
    assert _found(tmp_path, review, ("PIT412",)) == []


def test_a_letterheads_date_field_run_into_the_reference_is_the_letters(tmp_path: Path):
    """Lines of a letterhead join into one paragraph in plain text: the "Date:" field among them
    is still the letter's date; a field that names another date is not."""
    text = (
        "Our Ref: FOI 0312/23\nDate: 9 March 2023\n\n"
        "I write about your request for information received by the force on 14 March 2023.\n"
    )
    found = _found(tmp_path, text, ("PIT412",))
    assert [(code, line, column, excerpt) for code, _, line, column, excerpt, _ in found] == [
        ("PIT412", 2, 7, "9 March 2023")
    ]
    for field in ("Request Date: 9 March 2023", "Original date: 9 March 2023"):
        assert _found(tmp_path, text.replace("Date: 9 March 2023", field), ("PIT412",)) == []
    prose = "We wrote to you on the date below and the Date: 9 March 2023 was when we first replied to you about this."
    assert _found(tmp_path, text.replace("Date: 9 March 2023", prose * 2), ("PIT412",)) == []


def test_a_response_far_past_twenty_working_days_that_says_nothing_of_it(tmp_path: Path):
    text = "11 March 2020\n\nThank you for your request dated 6 January 2020. The information is withheld.\n"
    found = _found(tmp_path, text, ("PIT416",))
    assert [(code, line, column, excerpt) for code, _, line, column, excerpt, _ in found] == [
        ("PIT416", 1, 1, "11 March 2020")
    ]
    assert _messages(tmp_path, ("PIT416",)) == [
        "The letter is dated 47 weekdays after the request (6 January 2020), over the 20 working days the Act "
        "allows, and says nothing of the delay."
    ]
    for said in ("I apologise for the delay.", "We extended the time to consider the public interest."):
        assert _found(tmp_path, text.replace("withheld.", f"withheld. {said}"), ("PIT416",)) == []
    contract = text.replace("withheld.", "withheld. The contract has an option to extend for a further year.")
    assert [f[4] for f in _found(tmp_path, contract, ("PIT416",))] == ["11 March 2020"]  # (a contract's, not the time)
    in_time = text.replace("11 March 2020", "7 February 2020")  # 24 weekdays: within the margin
    assert _found(tmp_path, in_time, ("PIT416",)) == []
    # a log's own date above the letter's labelled date is not the letter's
    logged = (
        "Dated: 11 Dec 2014\n\nDate of request: 24/10/14\n\nDate of response: 13/11/14\n\nThe request is answered.\n"
    )
    assert _found(tmp_path, logged, ("PIT416", "PIT412")) == []
    # a letterhead's line of contact fields that ends on the letter's date
    letterhead = (
        "Police HQ, Arnold NG5 8PP\n\nTel: 101 Ext 800 2507 Fax: 0115 967 2896 10 January 2017\n\n"
        "Thank you for your request received on 29/11/2016. The information is withheld.\n"
    )
    found = _found(tmp_path, letterhead, ("PIT416",))
    assert [(code, line, column, excerpt) for code, _, line, column, excerpt, _ in found] == [
        ("PIT416", 3, 42, "10 January 2017")
    ]
    # the request by what carried it: "your email, which we received on"
    early = "Date: 9 March 2023\n\nThank you for your email, which we received on 14 March 2023.\n"
    assert [f[:5] for f in _found(tmp_path, early, ("PIT412",))] == [("PIT412", "warning", 1, 7, "9 March 2023")]
    assert _messages(tmp_path, ("PIT412",)) == [
        "The letter is dated 9 March 2023, before the request it answers (14 March 2023)."
    ]
    incident = letterhead.replace("Fax: 0115 967 2896 10 January", "Fax: 0115 967 2896 Incident 10 January")
    assert _found(tmp_path, incident, ("PIT416",)) == []


def test_the_requesters_own_words_for_the_subject_are_not_misspellings(tmp_path: Path):
    """ "callsigns" in the request: the response takes the word up; elsewhere it is reported."""
    text = (
        "Request: Please provide the callsigns of every appliance.\n\n"
        "Response\n\nThe callsigns are exempt under section 24(1).\n"
    )
    assert _found(tmp_path, text, ("PIT403",)) == []
    alone = text.replace("Please provide the callsigns of every appliance.", "Please provide the call signs.")
    assert [f[:5] for f in _found(tmp_path, alone, ("PIT403",))] == [("PIT403", "info", 5, 5, "callsigns")]


def test_maintaining_the_exclusion_of_that_duty_is_the_acts_own_phrase(tmp_path: Path):
    text = "We considered the public interest in maintaining the exclusion of that duty.\n"
    assert _found(tmp_path, text, ("PIT401",)) == []
    assert [f[:5] for f in _found(tmp_path, "We weighed maintaining the exclusion.\n", ("PIT401",))] == [
        ("PIT401", "warning", 1, 12, "maintaining the exclusion")
    ]


def test_a_terms_optional_describing_word_left_out_is_no_slip(tmp_path: Path):
    """ "informed debate" is "informed public debate" without a word English pairs with "debate":
    right as it is. "the public test" lacks "interest", which English never puts before "test"."""
    text = "Disclosure would support informed debate. We applied the public test.\n"
    assert [f[:5] for f in _found(tmp_path, text, ("PIT405",))] == [("PIT405", "warning", 1, 58, "public test")]


def test_a_bracket_never_closed(tmp_path: Path):
    text = (
        "Section 24(1 National Security\n\n"
        "Details for each deployment (including the offence categories are exempt from disclosure.\n\n"
        "Spend April 2024 (, later months are on the site.\n\n"
        "Sections 31(1)(a) and (b) apply (see below). a) first b) second (here.\n\n"
        "The list (as published is long\n"
    )
    assert [f[:5] for f in _found(tmp_path, text, ("PIT410",))] == [
        ("PIT410", "warning", 1, 9, "24(1"),
        ("PIT410", "warning", 3, 29, "("),
        ("PIT410", "warning", 5, 18, "(,"),
    ]


def test_a_citation_with_its_numbers_left_out(tmp_path: Path):
    text = "Some information is withheld because exemptions under sections of FOISA apply.\n"
    assert _found(tmp_path, text, ("PIT405",)) == [("PIT405", "warning", 1, 55, "sections", None)]
    assert _found(tmp_path, text.replace("sections of", "sections 30(b) and 38(1)(b) of"), ("PIT405",)) == []


def test_license_ending_a_compound_after_a_noun_is_the_noun(tmp_path: Path):
    """ "a firearms license in 2023", "1,420 user licenses allocated", "their shotgun license.": the
    compound's head, the noun "licence"; "Officers license drones" and "The council licenses premises"
    are the verb with its object, and "Application of License." has no noun before it."""
    text = (
        "We granted a firearms license in 2023. There are 1,420 user licenses allocated to staff. Holders "
        "renew their shotgun license. Officers license drones for use. The council licenses premises in the "
        "town. See the Application of License.\n"
    )
    assert [f[:5] for f in _found(tmp_path, text, ("PIT404",))] == [
        ("PIT404", "warning", 1, 23, "license"),
        ("PIT404", "warning", 1, 61, "licenses"),
        ("PIT404", "warning", 1, 118, "license"),
    ]


def test_practise_after_it_is_and_a_participle_is_the_noun(tmp_path: Path):
    text = (
        "It is established practise within the police service not to disclose this. Trainees who are not "
        "yet competent practise under a tutor.\n"
    )
    assert [f[:5] for f in _found(tmp_path, text, ("PIT404",))] == [("PIT404", "warning", 1, 19, "practise")]


def test_the_verbs_spelling_for_the_noun_and_the_nouns_for_the_verb(tmp_path: Path):
    text = (
        "Firearms license holders must renew. It is good practise to check, and in practise we do. "
        "We applied to licence the venue. Councils license premises; we will license it; we practise openness. "
        "A holder whose firearms license has been revoked may appeal.\n"
    )
    assert _found(tmp_path, text, ("PIT404",)) == [
        ("PIT404", "warning", 1, 10, "license", "licence"),
        ("PIT404", "warning", 1, 49, "practise", "practice"),
        ("PIT404", "warning", 1, 75, "practise", "practice"),
        ("PIT404", "warning", 1, 105, "licence", "license"),
        ("PIT404", "warning", 1, 217, "license", "licence"),
    ]
    # after an adjective the word is the noun; after a subject or an adverb, the verb
    adjectives = (
        "In accordance with national practise, current practise and professional license rules, we "
        "rarely practise it, and officers practise often.\n"
    )
    assert [(f[3], f[4]) for f in _found(tmp_path, adjectives, ("PIT404",))] == [
        (29, "practise"),
        (47, "practise"),
        (73, "license"),
    ]
    subjects = (
        "Each custody sergeant practises the drill. Staff at the hospital practise the same measures. "
        "Officers across Gwent practise drills. Trainees who are not yet competent practise under a tutor. "
        "The Home Secretary licenses establishments.\n"
    )
    assert _found(tmp_path, subjects, ("PIT404",)) == []


def test_a_misspelt_word_of_a_bodys_name(tmp_path: Path):
    """A body's name is made of English words: one of them misspelt is a slip, not a name."""
    text = (
        "The Independant Office for Police Conduct reviewed it, as did HM Goverment's lawyers. "
        "The Gangmasters and Labour Abuse Authority and Worksop Town Council replied. The Firearms Suport Unit "
        "and the Tactical Aid Unit attended. The Wyre Forest Safer Neighbourhood Team patrolled.\n"
    )
    assert _found(tmp_path, text, ("PIT403",)) == [
        ("PIT403", "warning", 1, 5, "Independant", "Independent"),
        ("PIT403", "warning", 1, 66, "Goverment", "Government"),
        ("PIT403", "warning", 1, 177, "Suport", "Support"),
    ]
    # a word English (or a pack's term) pairs with its neighbour in the name, first in the name too
    paired = "The permit came from the Border Forse office. Searches were made by the Firarms Licensing Unit.\n"
    assert _found(tmp_path, paired, ("PIT403",)) == [
        ("PIT403", "warning", 1, 33, "Forse", "Force"),
        ("PIT403", "warning", 1, 73, "Firarms", "Firearms"),
    ]


def test_a_makers_name_before_its_product_in_capitals(tmp_path: Path):
    text = "Tools such as Cellebrite UFED Cloud Analyser are used. The Polce CCTV van was there.\n"
    assert [f[:5] for f in _found(tmp_path, text, ("PIT403",))] == [("PIT403", "warning", 1, 60, "Polce")]


def test_a_known_places_name_with_two_letters_swapped(tmp_path: Path):
    text = "Officers from Huddersfeild and Nottingahm attended, with Mr Alexandre Brown of Blakeney.\n"
    assert _found(tmp_path, text, ("PIT403",)) == [
        ("PIT403", "warning", 1, 15, "Huddersfeild", "Huddersfield"),
        ("PIT403", "warning", 1, 32, "Nottingahm", "Nottingham"),
    ]


def test_as_part_without_of(tmp_path: Path):
    text = "They sent it as part their response, and as part of the review; we took part the whole day.\n"
    assert _found(tmp_path, text, ("PIT401",)) == [("PIT401", "warning", 1, 14, "as part", "as part of")]


def test_a_plural_subject_with_was_is_told_it_is_plural(tmp_path: Path):
    draft = tmp_path / "draft.txt"
    draft.write_text("The officers involved was interviewed.\n", encoding="utf-8")
    (report,) = check([draft], Config(select=("PIT406",))).files
    assert [(f.message, f.suggestion) for f in report.findings] == [
        ('"officers involved was": the subject is plural, so the verb is "were"', "were")
    ]


def test_a_tables_names_run_into_one_line_are_not_misspellings(tmp_path: Path):
    text = "Station Name Station Number Mansfield 01 Warsop 07 Worksop 08 Harworth 10\n"
    assert _found(tmp_path, text, ("PIT403",)) == []
    in_a_sentence = "The Worksop team replied.\n"
    assert [f[:5] for f in _found(tmp_path, in_a_sentence, ("PIT403",))] == [("PIT403", "warning", 1, 5, "Worksop")]


def test_a_verb_and_its_adverb_are_not_a_word_split(tmp_path: Path):
    text = "Suppliers may price less keenly. Information with holding codes is withheld.\n"
    assert [f[:5] for f in _found(tmp_path, text, ("PIT403",))] == [("PIT403", "warning", 1, 46, "with holding")]


def test_a_term_written_apart_is_not_a_word_split(tmp_path: Path):
    """The Firearms Act 1968 writes "shot gun certificate" apart."""
    text = "There were 815 firearm certificates and 96 shot gun certificates. Figures with holding codes are kept.\n"
    assert [f[:5] for f in _found(tmp_path, text, ("PIT403",))] == [("PIT403", "warning", 1, 75, "with holding")]


def test_sections_with_titles_between_them_are_several(tmp_path: Path):
    text = (
        "It is exempt under Sections 24(1) National Security and 31(1) Law Enforcement. "
        "It is also exempt under sections 43(2) Commercial Interests.\n"
    )
    assert [f[:5] for f in _found(tmp_path, text, ("PIT406",))] == [("PIT406", "warning", 1, 104, "sections")]


def test_the_requesters_word_in_the_plural_is_theirs_too(tmp_path: Path):
    text = "Request: How large is the watchlist?\n\nResponse\n\nThe watchlists varied in size.\n"
    assert _found(tmp_path, text, ("PIT403",)) == []


def test_a_bracket_closed_that_was_never_opened(tmp_path: Path):
    text = (
        "Section 31(1)(a)(b) Law Enforcement)\n\n"
        "The parts (the Schedule of Rates and Annex C, the SLA, are withheld under the following exemptions:\n\n"
        "The items are a) first b) second and (ii) third, 1) one 2) two.\n"
    )
    # (a paragraph ending on a colon may close its bracket after the list below it)
    assert [f[:5] for f in _found(tmp_path, text, ("PIT410",))] == [("PIT410", "warning", 1, 36, ")")]


def test_welsh_place_names_and_scottish_acts_are_right(tmp_path: Path):
    text = (
        "We rely on the Regulation of Investigatory Powers (Scotland) Act 2000. Our headquarters are at "
        "Glan y Don, Colwyn Bay.\n"
    )
    assert _found(tmp_path, text, ("PIT403", "PIT507")) == []


def test_a_request_dated_below_a_letterhead(tmp_path: Path):
    letterhead = "".join(f"Line {n} of the address\n\n" for n in range(14))
    text = (
        "Date: 14 August 2020\n\n" + letterhead + "Dear Requester,\n\n"
        "I write in connection with your request for information, dated 3rd September 2020, about seized cash.\n"
    )
    found = _found(tmp_path, text, ("PIT412",))
    assert [(code, line, excerpt) for code, _, line, _, excerpt, _ in found] == [("PIT412", 1, "14 August 2020")]


def test_a_names_first_word_after_the(tmp_path: Path):
    text = "It is set out in the All-Wales Outbreak Control Plan, not in the all the plans.\n"
    assert [f[:5] for f in _found(tmp_path, text, ("PIT406",))] == [("PIT406", "warning", 1, 62, "the all")]


def test_a_closing_bracket_in_a_paragraph_with_no_opening_one(tmp_path: Path):
    text = "Section 31 Law Enforcement)\n\nThe items are a) first b) second.\n"
    assert [f[:5] for f in _found(tmp_path, text, ("PIT410",))] == [("PIT410", "warning", 1, 27, ")")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Letters were sent to licence holders, and changes to licence conditions are published.",
        "Can licence holders appeal? Will licence fees rise?",
        "The DVLA licenses number plate suppliers, and the council does not license areas of land.",
        "Staff practise checks every week.",
        "Mr Holme and Ms Crowne of Holme Valley wrote to us.",
        "See questions 1(a, b and c) and Annex 4(a to c). 1.1) The information is held. Q5) Not held.",
        "Exemptions under sections of the Act that protect national security may apply.",
        "The guidance under sections of the Freedom of Information Act is published by the ICO.",
        "This is set out as Part A of the form.",
    ],
)
def test_the_second_reviews_correct_sentences_are_left_alone(tmp_path: Path, sentence: str):
    assert _found(tmp_path, sentence + "\n", ("typo",)) == []


def test_a_misspelt_word_in_a_table_of_words_is_reported(tmp_path: Path):
    text = "Offence 2023 2024 Burglary 45 52 Robery 30 28 Theft 120 98\n"
    assert [f[:5] for f in _found(tmp_path, text, ("PIT403",))] == [("PIT403", "warning", 1, 34, "Robery")]


def test_a_date_the_request_will_be_published_on_is_not_its_date(tmp_path: Path):
    text = (
        "Date: 20 June 2024\n\nThank you for your request. The response to your request will be published "
        "on our disclosure log on 27 June 2024.\n"
    )
    assert _found(tmp_path, text, ("PIT412",)) == []


def test_names_in_a_list_of_places_and_a_compound_before_a_clause(tmp_path: Path):
    """ "from Chesterfield and Buxton to Derby": a name after "and" and a name; "the security advice
    the force gives": a noun after a noun is a compound's head, not "advise"; "An answer would show
    X, would allow Y": predicates in a list, no comma between a subject and its verb."""
    text = (
        "Officers work across the county, from Chesterfield and Buxton to Derby. It would undermine the "
        "security advice the force gives to holders. An answer either way would show openness, would allow "
        "scrutiny and would build trust.\n"
    )
    assert _found(tmp_path, text, ("PIT403", "PIT405", "PIT410")) == []
    assert [f[:5] for f in _found(tmp_path, "We would advice the force to act.\n", ("PIT405",))] == [
        ("PIT405", "warning", 1, 10, "advice")
    ]


def test_a_noun_typed_for_its_adjective_before_a_noun(tmp_path: Path):
    text = "The force takes a consistency approach to requests, as there is a significance risk.\n"
    assert _found(tmp_path, text, ("PIT405",)) == [
        ("PIT405", "warning", 1, 19, "consistency", "consistent"),
        ("PIT405", "warning", 1, 67, "significance", "significant"),
    ]
    right = (
        "The evidence base is sound; the emergency services, an intelligence officer, a compliance team and "
        "the violence reduction unit took part, and a residence permit was shown.\n"
    )
    assert _found(tmp_path, right, ("PIT405",)) == []


def test_clauses_without_their_that_after_a_governing_noun_are_left_alone(tmp_path: Path):
    """A relative clause's subject may hold "and", a preposition or an aside before its verb; an
    opening phrase may lack its comma; a time may stand for an adverb; a share noun may take a
    clause. None is a preposition left out."""
    right = (
        "The confidence the public and our partners have in the process must be kept. The security the "
        "staff at headquarters need is provided by a contractor. The information the force or its contractors "
        "hold on this subject is attached. The security the force's team, working with partners, provides is "
        "robust. Regarding security the force and its partners have agreed an approach. The force must weigh "
        "against disclosure the risk to officers. Providing protection the whole year costs more. The bulk "
        "the auditors examined related to overtime. The majority our officers deal with are resolved. Whatever "
        "advice the force gives is free. It would also inform public debate. In response the force has "
        "updated its guidance. His background is in public interest advocacy. Officers patrol from Killamarsh "
        "and Clowne to Derby. The legal advice the force received is privileged. The majority decision the "
        "tribunal reached is binding.\n"
    )
    assert _found(tmp_path, right, ("PIT403", "PIT405", "PIT406")) == []
    slips = (
        "The majority the officers deployed were taken from other duties. It is not in public interest to "
        "release it. Staff would advice you to wait.\n"
    )
    assert [f[:5] for f in _found(tmp_path, slips, ("PIT405", "PIT406"))] == [
        ("PIT406", "warning", 1, 5, "majority the"),
        ("PIT406", "warning", 1, 76, "in"),
        ("PIT405", "warning", 1, 122, "advice"),
    ]


def test_a_plural_subjects_phrase_with_a_describing_word_before_its_noun(tmp_path: Path):
    """ "the figures for annual reads provided above show": "reads" is the noun of the phrase, not the
    subject's verb; "The figures in the table above shows" is still a slip."""
    text = "The figures for annual reads provided above show the scale. The figures in the table above shows it.\n"
    assert [f[:5] for f in _found(tmp_path, text, ("PIT406",))] == [("PIT406", "warning", 1, 92, "shows")]


def test_a_verb_after_an_of_phrase_in_the_heads_number(tmp_path: Path):
    """ "The locations of the cameras is" (a plural head and its "of" phrase); "The use of ANPR
    cameras are" (an acronym describing the phrase's noun); "The more complex of the extensions are"
    (a comparison) and "The locations of the camera are" are right."""
    text = (
        "The locations of the cameras is not published. The use of ANPR cameras are well known. The more "
        "complex of the extensions are slow. The locations of the camera are secret.\n"
    )
    assert [f[:6] for f in _found(tmp_path, text, ("PIT406",))] == [
        ("PIT406", "warning", 1, 30, "is", "are"),
        ("PIT406", "warning", 1, 72, "are", "is"),
    ]
    # (earlier left alone, now a slip as reviewers label it: "Details of each authorisation is set out")
    assert [f[:5] for f in _found(tmp_path, "The details of the incidents is withheld.\n", ("PIT406",))] == [
        ("PIT406", "warning", 1, 30, "is")
    ]


def test_a_past_tense_the_counts_lack_a_family_word_and_fraud_words(tmp_path: Path):
    """ "the intelligence the officer relied on" (a clause: "relied" is a verb, to rely); "counter-
    terrorist roles" beside the term "counter terrorism" (one family's words); crypto words."""
    text = (
        "We hold the intelligence the officer relied on and the officer's name. Officers in counter-terrorist "
        "roles attended. The firm trades in cryptoassets and crypto tokens, a matter of disproportionality.\n"
    )
    assert _found(tmp_path, text, ("PIT403", "PIT405", "PIT406")) == []
    # the same checks, on the slips beside them
    slips = "Protecting the integrity the force's systems is vital. The firm trades in cryptoasests.\n"
    assert [f[:5] for f in _found(tmp_path, slips, ("PIT403", "PIT405", "PIT406"))] == [
        ("PIT406", "warning", 1, 16, "integrity the"),
        ("PIT403", "warning", 1, 75, "cryptoasests"),
    ]


def test_a_bare_verb_after_in_or_after_a_verb_that_takes_to(tmp_path: Path):
    text = "There is a public interest in maintain the exemption. Those who wish disrupt sites would gain.\n"
    assert [f[:6] for f in _found(tmp_path, text, ("PIT406",))] == [
        ("PIT406", "warning", 1, 28, "in maintain", "in maintaining"),
        ("PIT406", "warning", 1, 65, "wish disrupt", "wish to disrupt"),
    ]
    right = (
        "It is in accord with the guidance, and in replace mode the key works. We help identify them, and "
        "those who wish to disrupt sites are known; without regard to cost the force acts.\n"
    )
    assert _found(tmp_path, right, ("PIT406",)) == []


def test_no_such_date_in_the_line_that_introduces_the_request(tmp_path: Path):
    """The line over the request is the force's ("Your request, received on ..., was as follows:")."""
    text = (
        "Request\n\nYour request, received on 31 September 2024, was as follows:\n\nQ1. How many fixed ANPR "
        "cameras does the force operate?\n\nResponse\n\nThe force operates 84 fixed cameras.\n"
    )
    assert [f[:5] for f in _found(tmp_path, text, ("PIT414",))] == [("PIT414", "warning", 3, 27, "31 September 2024")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The area has fell walkers in large numbers every summer.",
        "The door of the garage had saw marks around the lock.",
        "Whether the force holds the data or does not matters little to the outcome.",
        "The footpaths which lead to the station are lit at night.",
        "The only lead to emerge from the appeal was passed to the NCA.",
        "The main lead to date has been the forensic evidence.",
        "The power lead to the camera was cut before the burglary.",
        "The criteria lead to different results for each force.",
        "One of the reasons the exemptions are engaged is the risk to officers.",
        "Each of the items the officers were given is recorded on the system.",
        "The discs on which the footage is stored contain other material as well.",
        "The use CCTV operators make of the system is audited every year.",
        "The cost ANPR imposes on the force is met from the capital budget.",
        "From there officers escorted the vehicle to the motorway.",
        "Before 2012 the Criminal Records Bureau issued these certificates.",
        "Samples showing XX chromosomes were recorded as female.",
        "These are questions we have no answers to.",
        "The figures given in our response to FOI/2023/01120 have since been revised.",
    ],
)
def test_correct_sentences_around_the_verb_agreement_and_of_checks_pass(tmp_path: Path, sentence: str):
    """Correct sentences a reviewer wrote around these checks (one per kind of false finding mended)."""
    text = "Our reference: FOI/2024/00931\nDate: 3 May 2024\n\n" + sentence + "\n"
    found = _found(tmp_path, text, ("typo", "link", "copy-paste"))
    assert [f for f in found if f[1] != "info"] == []


def test_a_total_whose_parts_add_up_to_another_number(tmp_path: Path):
    text = (
        "Over three years, 57 applicants were refused clearance: 14 in 2022, 19 in 2023 and 21 in 2024. In all "
        "54 officers were vetted: 14 in 2022, 19 in 2023 and 21 in 2024. The 12 officers - 3 in 2022, 4 in "
        "2023 and 5 in 2024 - left. In 2024: 3 in 2022 and 4 in 2023.\n"
    )
    assert [f[:5] for f in _found(tmp_path, text, ("PIT417",))] == [
        ("PIT417", "warning", 1, 19, "57 applicants were refused clearance: 14 in 2022, 19 in 2023 and 21 in 2024"),
    ]
    assert _messages(tmp_path, ("PIT417",)) == ["57 is given as the total, but its parts add up to 54 (14 + 19 + 21)."]


def test_the_same_count_given_twice_with_its_digits_swapped(tmp_path: Path):
    """ "214 marked vehicles" in the answer, "the 241 marked vehicles" in the harm; "118 are unmarked"
    and "181 unmarked vehicles"; counts of other things, two-digit counts, years and sums of money
    that share digits are left alone."""
    text = (
        "The fleet has 842 vehicles, of which 214 are marked and 118 are unmarked. In 2024, 12 officers "
        "and 21 staff were trained, 120 officers in all.\n\nThe contract is worth \u00a3214,000 and ran from 2021 "
        "to 2012.\n\nHarm\n\nA list for each of the 181 unmarked vehicles would let offenders spot them; "
        "around a third of the 241 marked vehicles were damaged, and 102 officers attended.\n"
    )
    found = _found(tmp_path, text, ("PIT418",))
    assert [f[:5] for f in found] == [
        ("PIT418", "warning", 7, 24, "181"),
        ("PIT418", "warning", 7, 99, "241"),
    ]
    assert _messages(tmp_path, ("PIT418",))[0] == (
        "181 (unmarked vehicles) here, 118 earlier: the same figure with its digits in another order?"
    )
    word = docx.Document()
    word.add_paragraph("There are 1,450 body-worn video cameras in use.")
    word.add_paragraph("Bidders to replace the 1,540 cameras would know the price.")
    word.save(tmp_path / "cameras.docx")
    (report,) = check([tmp_path / "cameras.docx"], Config(select=("PIT418",))).files
    assert [(f.excerpt, f.location.paragraph) for f in report.findings] == [("1,540", 2)]


def test_a_financial_year_repeated_down_rows_a_year_apart(tmp_path: Path):
    text = (
        "Payments to the supplier:\n\n2021/22 - \u00a31,187,420\n2022/23 - \u00a31,214,600\n"
        "2022/23 - \u00a31,302,115\n\nThese figures include support.\n\n2022/23 - 14\n2022/23 - 9\n"
    )
    assert [f[:6] for f in _found(tmp_path, text, ("PIT413",))] == [("PIT413", "warning", 5, 1, "2022/23", "2023/24")]
    assert _messages(tmp_path, ("PIT413",)) == [
        '"2022/23" repeats the year of the row above it, in a series a year apart: did you mean "2023/24"?'
    ]


def test_a_total_after_its_parts_in_a_sentence(tmp_path: Path):
    text = (
        "At 31 January 2025 there were 9,812 firearm certificates and 14,306 shotgun certificates on issue, a "
        "total of 23,118 certificates. In 2024 there were 40 applications and 12 appeals, a total of 52 "
        "applications. There were 30 new certificates and 12 renewed certificates, a total of 42 certificates.\n"
    )
    assert [f[:5] for f in _found(tmp_path, text, ("PIT417",))] == [("PIT417", "warning", 1, 111, "23,118")]
    assert _messages(tmp_path, ("PIT417",)) == [
        "23,118 is given as the total, but its parts add up to 24,118 (9,812 + 14,306)."
    ]


def test_review_mends_for_figures_and_dates(tmp_path: Path):
    """A header row of years is no part of a total; a line of dashes between year rows is no row;
    a reversed period in the request as quoted is a note with no fix; a term of one year is said so;
    "120 calendar days" is not the Act's limit mistyped."""
    table = (
        "Cameras by year:\n\nArea | 2022 | 2023 | 2024\nNorth | 30 | 32 | 44\nSouth | 30 | 30 | 31\n"
        "West | 24 | 27 | 22\nTotal | 84 | 89 | 102\n"
    )
    assert [f[4] for f in _found(tmp_path, table, ("PIT417",))] == ["102"]
    assert _messages(tmp_path, ("PIT417",)) == ["102 is given as the total, but the 3 rows above it add up to 97."]
    dashed = "Spend by year:\n\n2020/21 - 5\n---\n2021/22 - 6\n2022/23 - 7\n"
    assert _found(tmp_path, dashed, ("PIT413",)) == []
    asked = 'You asked:\n\n"Please give the figures for the period 01/06/2024 - 05/03/2024, by month."\n'
    draft = tmp_path / "asked.txt"
    draft.write_text(asked, encoding="utf-8")
    (report,) = check([draft], Config(select=("PIT413",))).files
    assert [(f.severity.value, f.fix, f.suggestion) for f in report.findings] == [("info", None, None)]
    term = "The contract was signed on 1 April 2023 for a term of one year, ending on 31 March 2026.\n"
    _found(tmp_path, term, ("PIT413",))
    assert _messages(tmp_path, ("PIT413",)) == [
        "A term of one year from 1 April 2023 ends about 1 April 2024, not 31 March 2026."
    ]
    assert _found(tmp_path, "The work took 120 calendar days to finish.\n", ("PIT401",)) == []


def test_a_total_row_whose_rows_above_add_up_to_another_number(tmp_path: Path):
    """ "Total - 333" under five rows that add up to 343, in a plain-text list; a table's total row
    checked column by column; a Word draft's rows as paragraphs; totals that add up are left alone."""
    listed = (
        "Deployments in 2023, by purpose:\n\nMissing and vulnerable person searches - 212\nCrime scene "
        "photography - 64\nSearches for suspects - 37\nRoad traffic collisions - 19\nPublic order - 11\n"
        "Total - 333\n"
    )
    assert [f[:5] for f in _found(tmp_path, listed, ("PIT417",))] == [("PIT417", "warning", 8, 9, "333")]
    assert _messages(tmp_path, ("PIT417",)) == ["333 is given as the total, but the 5 rows above it add up to 343."]
    table = (
        "Deployments by quarter:\n\n| Quarter | Deployments | Alerts |\n|---|---|---|\n| January to March | 31 "
        "| 142 |\n| April to June | 44 | 188 |\n| July to September | 52 | 214 |\n| Total | 127 | 554 |\n"
    )
    assert [f[:5] for f in _found(tmp_path, table, ("PIT417",))] == [("PIT417", "warning", 8, 17, "554")]
    assert _found(tmp_path, table.replace("| 554 |", "| 544 |"), ("PIT417",)) == []
    money = "Spend by year:\n\n2021/22 - \u00a31,187,420\n2022/23 - \u00a31,214,600\nTotal - \u00a32,402,020\n"
    assert _found(tmp_path, money, ("PIT417",)) == []
    word = docx.Document()
    for line in ("Searches - 212", "Photography - 64", "Total - 266"):
        word.add_paragraph(line)
    word.save(tmp_path / "rows.docx")
    (report,) = check([tmp_path / "rows.docx"], Config(select=("PIT417",))).files
    assert [(f.rule.code, f.excerpt, f.location.paragraph) for f in report.findings] == [("PIT417", "266", 3)]


def test_slips_before_a_possessive_an_adverb_after_an_acronym_and_a_custody_suite(tmp_path: Path):
    text = (
        "The principle supplier's terms are withheld. Offenders would avoid the deployment ANPR cameras "
        "altogether. Detainees in the Custody Suits were checked. The use CCTV operators make of it is limited.\n"
    )
    assert [f[:5] for f in _found(tmp_path, text, ("PIT405", "PIT406"))] == [
        ("PIT405", "warning", 1, 5, "principle"),
        ("PIT406", "warning", 1, 72, "deployment ANPR"),
        ("PIT405", "warning", 1, 133, "Suits"),
    ]


def test_the_request_told_in_the_forces_own_words_is_spell_checked(tmp_path: Path):
    told = (
        "Request\n\nYou asked for the total paid to Covert Human Inteligence Sources in each year.\n\n"
        "Response\n\nThe force holds the information. It is withheld under section 31(1)(a).\n"
    )
    assert [f[:5] for f in _found(tmp_path, told, ("PIT403",))] == [("PIT403", "warning", 3, 46, "Inteligence")]
    asked = told.replace("You asked for", "Please send")  # the requester's own words: not ours to correct
    assert _found(tmp_path, asked, ("PIT403",)) == []


def test_form_for_from_after_a_participle_in_a_clause_cut_short(tmp_path: Path):
    text = (
        "The data captured form the network is useful. The completed form the officer signed is attached. "
        "Officers trained form the core of the unit.\n"
    )
    assert _found(tmp_path, text, ("PIT405",)) == [("PIT405", "warning", 1, 19, "form", "from")]


def test_affect_after_a_describing_word_in_ing(tmp_path: Path):
    text = (
        "It would have a chilling affect on the willingness of people. Changes that affect on-call officers "
        "matter. It will affect officers.\n"
    )
    assert _found(tmp_path, text, ("PIT405",)) == [("PIT405", "warning", 1, 17, "chilling affect", "chilling effect")]


def test_a_letter_dated_before_an_email_received_by_the_force(tmp_path: Path):
    text = (
        "Date: 3 March 2025\n\nThank you for your email received by Cleveland Police on 14 March 2025. You asked "
        "for the figures.\n"
    )
    assert [f[:5] for f in _found(tmp_path, text, ("PIT412",))] == [("PIT412", "warning", 1, 7, "3 March 2025")]


def test_the_verbs_spelling_after_a_determiner_and_a_participle(tmp_path: Path):
    text = "These figures follow the established practise of the force. We practise it daily.\n"
    assert _found(tmp_path, text, ("PIT404",)) == [("PIT404", "warning", 1, 38, "practise", "practice")]


def test_a_sentence_written_twice_one_after_the_other(tmp_path: Path):
    text = "Misconduct hearings are held in public. Misconduct hearings are held in public. Yes. Yes.\n"
    assert [f[:5] for f in _found(tmp_path, text, ("PIT605",))] == [
        ("PIT605", "warning", 1, 41, "Misconduct hearings are held in public."),
    ]
