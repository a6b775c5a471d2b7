"""Exemption logic: whether the response's wording, citations and conclusion hold together
(facts from law.py and DOMAIN.md)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from pitlint import law, regexes
from pitlint.checks import Context
from pitlint.document import Document, Paragraph
from pitlint.findings import Category, Finding, Rule, Severity
from pitlint.outline import Citation, Outline, brackets_lost, concluding_paragraph, is_heading, run_in_label_end
from pitlint.reuse.text import sentence_around
from pitlint.statements import CONFIRMS_HELD, NCND_CLAUSE, WITHHOLDS, Statement

NCND_CONFIRMS = Rule(
    "PIT201",
    "ncnd-confirms-information",
    Category.EXEMPTION,
    Severity.ERROR,
    "A neither-confirm-nor-deny response that says or implies the information is held.",
    "An NCND response refuses the duty to confirm or deny (s1(1)(a)). Its PIT weighs confirming or "
    'denying, and must not say or imply that information is held: "the withheld information", "the '
    'information held", "disclosure of the requested information" and headings such as "Factors '
    'favouring disclosure" all confirm that something exists, which is exactly what NCND protects.',
    "Section 31(3) ... To disclose the withheld information could identify vulnerable systems.",
    "Section 31(3) ... To confirm or deny whether the force holds this information could identify vulnerable systems.",
)
CONCLUSION_CONTRADICTS = Rule(
    "PIT202",
    "conclusion-contradicts-citations",
    Category.EXEMPTION,
    Severity.ERROR,
    "The conclusion gives a different kind of response from the subsections cited.",
    "NCND subsections (24(2), 30(3), 31(3), 40(5A)/(5B) ...) refuse to confirm or deny; withholding "
    "subsections (24(1), 31(1), 40(2) ...) admit the information is held and refuse to release it. A "
    'conclusion that "favours non-disclosure" under NCND citations, or "neither confirming nor '
    'denying" under withholding citations, contradicts the response.',
    "Section 31(3) ... the balance test favours non-disclosure of the information.",
    "Section 31(3) ... the balance test favours neither confirming nor denying that information is held.",
)
ABSOLUTE_PIT = Rule(
    "PIT203",
    "pit-for-absolute-exemption",
    Category.EXEMPTION,
    Severity.WARNING,
    "A public interest test written for an absolute exemption (alone, or beside a qualified one).",
    "Absolute exemptions (s21, s23, s32, s34, s41, s44, and s40(1)) need no public interest test. "
    "Writing one suggests the wrong exemption or template was used, and invites the argument that "
    "the public interest was weighed when it need not have been.",
    "Section 44(1) ... Factors favouring disclosure ... Balancing test ...",
    "Section 44(1): disclosure is prohibited by [the enactment]. (No public interest test applies.)",
)
NO_SUBSECTION = Rule(
    "PIT204",
    "citation-without-subsection",
    Category.EXEMPTION,
    Severity.WARNING,
    "An exemption cited by section alone, without its subsection (info: without its paragraph, e.g. "
    "s31(1), or where only one subsection can be meant).",
    "s17(1)(b) of the Act requires the refusal to specify the exemption in question; the ICO's line "
    'to take (LTT101) is that this means the subsection, e.g. s31(1)(a) rather than "Section 31 - '
    'Law enforcement". A later mention of a section cited in full, and a summary that lists sections '
    'and sends the reader on to their explanation ("Sections 31 and 40 apply, each explained below"), '
    "are not reported. Where the response's kind leaves the section one subsection to mean (section 22 "
    "withholding can only be s22(1)), the subsection left out is a formality, reported as info.",
    "Section 31 - Law enforcement",
    "Section 31(1)(a) - Law enforcement (the prevention or detection of crime)",
)
NO_LIKELIHOOD = Rule(
    "PIT205",
    "harm-without-likelihood",
    Category.EXEMPTION,
    Severity.WARNING,
    "A prejudice-based exemption whose harm never states how likely the prejudice is.",
    "For prejudice-based exemptions (s31, s38, s43(2) ...) the PIT must say whether disclosure "
    '"would" or "would be likely to" cause the prejudice; where neither is said the ICO assumes '
    "the lower likelihood. Harms set out under a heading for each exemption are judged each on its own, "
    "and the Act's own formula quoted (\"exempt if its disclosure would, or would be likely to, "
    'prejudice") states no likelihood. The finding marks where the harm is put as only possible ("could").',
    "Harm\nDisclosure could affect the prevention of crime.",
    "Harm\nDisclosure would be likely to prejudice the prevention of crime, because ...",
)
CONTRADICTORY_RESPONSE = Rule(
    "PIT206",
    "contradictory-response",
    Category.EXEMPTION,
    Severity.ERROR,
    "A subsection cited, or a sentence written, for the other kind of response than the one given.",
    "Each exemption has subsections that withhold information admitted to be held (31(1), 30(1) and "
    "30(2), 43(2) ...) and one that removes the duty to confirm or deny (31(3), 30(3), 43(3) ...). A "
    'response that says "we can confirm that information is held" and withholds it cannot rest on '
    '31(3); one that "neither confirms nor denies" cannot rest on 31(1) alone. The words of the '
    "response decide which it is, so the citation is what must change. A sentence that confirms "
    'holding the information "as the duty in s1(1)(a) does not apply" mixes the two templates.',
    "We can confirm that information is held, but it is withheld. Section 31(3) Law enforcement.",
    "We can confirm that information is held, but it is withheld. Section 31(1)(a) Law enforcement.",
)
EXEMPTION_UNNAMED = Rule(
    "PIT211",
    "exemption-not-named",
    Category.EXEMPTION,
    Severity.WARNING,
    "A response that withholds information, or neither confirms nor denies, and never names the exemption.",
    "A refusal notice must specify the exemption it relies on (Freedom of Information Act s17(1)(b); "
    "in Scotland FOISA s16(1)(c)) and say why it applies. A response that calls the information "
    '"exempt in terms of the Act", or withholds it, with no section or regulation cited anywhere, '
    "leaves the requester unable to challenge it.",
    "Some of the information is exempt in terms of the Act and has been withheld.",
    "Some of the information is exempt in terms of section 30(1)(a) of the Act and has been withheld.",
)
BALANCE_FOR_DISCLOSURE = Rule(
    "PIT212",
    "balance-favours-disclosure",
    Category.EXEMPTION,
    Severity.WARNING,
    "A balancing test or conclusion that finds for disclosure in a response that withholds.",
    "A qualified exemption withholds information only where the public interest in maintaining it "
    'outweighs the public interest in disclosure. A balancing test that ends "the balance favours '
    'disclosure" (often the template\'s other ending, or "non-" lost) while the response withholds or '
    "neither confirms nor denies says the exemption does not apply: the refusal falls with it.",
    "Taking all of the above into account, the balance test favours disclosure of the requested information.",
    "Taking all of the above into account, the balance test favours non-disclosure of the requested information.",
)
RULES = (
    NCND_CONFIRMS,
    CONCLUSION_CONTRADICTS,
    ABSOLUTE_PIT,
    NO_SUBSECTION,
    NO_LIKELIHOOD,
    CONTRADICTORY_RESPONSE,
    EXEMPTION_UNNAMED,
    BALANCE_FOR_DISCLOSURE,
)

_CONFIRMING = regexes.compile(
    r"\b(?:the|this) withheld information\b|(?<!\bwere )(?<!\bWere )\bthe information (?:that is |which is )?held\b"
    r"|\bexemptions? to withhold\b|\bto withhold (?:the|this) information\b"
    r"|\bdisclos(?:ure of|ing) the requested information\b|\brelease of the requested information\b",
    re.IGNORECASE,
)
# "As the information requested is held by the unit", "Although the information is held for": holding
# stated as a fact (not in a sentence that supposes it, _SUPPOSED)
_STATED_HELD = regexes.compile(
    r"\bthe\s+information\s+(?:requested\s+|you\s+(?:have\s+)?requested\s+|sought\s+)?(?:is|are)\s+held\b"
    r"(?!\s+or\s+not)"
    # "the records we hold about this individual": the force speaking of what it holds
    r"|\bthe\s+(?:information|records|data|documents|material|files|figures|details|statistics)\s+(?:that\s+|which\s+)?"
    r"(?:we|the\s+force|the\s+constabulary)\s+(?:holds?|keeps?|retains?)\b(?!,?\s+(?:if\s+any|or\s+not)\b)",
    re.IGNORECASE,
)
_WEIGHS_NCND = regexes.compile(
    r"\W*(?:factors?|arguments?|considerations?)\s+(?:favou?ring|against|for|in\s+favou?r\s+of)\s+"
    r"(?:confirmation\s+or\s+denial|confirming\s+or\s+denying)\b",
    re.IGNORECASE,
)
_SUPPOSED = regexes.compile(
    r"\b(?:whether|if|would|could|might|were|confirm\w*|den(?:y|ies|ying)|suppos\w*|assum\w*|even\s+if"
    r"|indicat\w*|stat(?:e|es|ed|ing|ement)|infer\w*|impl(?:y|ies|ied)|suggest\w*|reveal\w*|taken\s+as)\b",
    re.IGNORECASE,
)
# "Factors favouring disclosure", "In favour of disclosure", "Arguments for release"
_DISCLOSURE_HEADING = regexes.compile(
    r"\b(?:favou?ring|in\s+favou?r\s+of|for)\s+(?:the\s+)?(?:disclosure|release|disclosing|releasing)\b",
    re.IGNORECASE,
)
# "would", "is likely to", "a real likelihood" (not "more or less likely to be", "most likely to go":
# how likely something else is)
_LIKELIHOOD = regexes.compile(
    r"\bwould\b|\b(?:is|are|be|been|remains?|highly|very|real(?:ly)?|still)\s+likely\b|\blikelihood\b", re.IGNORECASE
)


def _ncnd_parts(outline: Outline) -> list[Paragraph]:
    """In a mixed response, the paragraphs under a heading that cites only subsections removing the
    duty to confirm or deny ("Section 40(5B) Personal Information - Q3"), up to a heading that cites
    anything else: the part that neither confirms nor denies."""
    found: list[Paragraph] = []
    inside = False
    for section in outline.sections:
        cited = outline.cited_in(section.heading.index) if section.heading is not None else []
        if cited:
            inside = all(citation.kind == "ncnd" for citation in cited)
        if inside:
            found.extend(section.paragraphs)
    return found


def _supposed(text: str, match: re.Match[str]) -> bool:
    """Whether the clause before a statement of holding supposes it rather than states it ("If the
    information is held", "would confirm that the information is held"), from the sentence's start
    or a run-in label's colon."""
    start = max(sentence_around(text, match.start(), match.end())[0], text.rfind(":", 0, match.start()) + 1)
    clause = _NEW_CLAUSE.search(text, start, match.end())  # (the clause's own: ", and the records we hold")
    while clause is not None and clause.end() <= match.start():
        start = clause.end()
        clause = _NEW_CLAUSE.search(text, start, match.end())
    if _CONFIRMED_HERE.match(text, start, match.start()):
        return False  # the force confirming it in so many words: "Although we can confirm that the ..."
    return _SUPPOSED.search(text, start, match.start()) is not None


# the force saying it confirms, not what confirming would do: "we can confirm that", "I confirm that"
# (not "we would confirm", "if we were to confirm"; "To confirm that ..." has no "we")
_CONFIRMED_HERE = regexes.compile(
    r"(?:(?!\b(?:if|whether|would|could|might|were)\b)[^.;])*?\b(?:we|I)\s+(?:can\s+|do\s+|hereby\s+)?"
    r"confirm\s+(?:that\s+)?$",
    re.IGNORECASE,
)
# a clause of its own after a comma: "The force neither confirms nor denies ..., and the records"
_NEW_CLAUSE = regexes.compile(r",\s+(?:and|but)\s+(?=the\b)|;\s+", re.IGNORECASE)


def _ncnd(document: Document, outline: Outline) -> Iterator[Finding]:
    if outline.response == "mixed":  # (only the part that neither confirms nor denies)
        paragraphs, where = _ncnd_parts(outline), "in the part of the response that neither confirms nor denies it"
        # (and a paragraph that weighs confirming or denying: "Factors against confirmation or denial: ...")
        known = {paragraph.index for paragraph in paragraphs}
        paragraphs += [p for p in document.paragraphs if p.index not in known and _WEIGHS_NCND.match(p.text)]
    elif outline.response == "ncnd":
        paragraphs, where = document.paragraphs, "in a neither-confirm-nor-deny response"
    else:
        # (a part weighing confirming or denying, in a response read as withholding)
        paragraphs = [p for p in document.paragraphs if _WEIGHS_NCND.match(p.text)]
        where = "in the part of the response that neither confirms nor denies it"
    for paragraph in paragraphs:
        stated = [match for match in _STATED_HELD.finditer(paragraph.text) if not _supposed(paragraph.text, match)]
        for match in sorted([*_CONFIRMING.finditer(paragraph.text), *stated], key=lambda match: match.start()):
            yield NCND_CONFIRMS.finding(
                f'"{match.group()}" implies the information is held, {where}',
                paragraph,
                match.start(),
                match.end(),
                suggestion='Speak of confirming or denying whether information is held, e.g. "confirming or '
                'denying whether this information is held".',
            )
    if outline.response == "mixed":
        yield from _disclosure_headings(
            outline, _ncnd_headings(outline), "in the part that neither confirms nor denies"
        )
    if outline.response != "ncnd":
        return
    yield from _disclosure_weighed_in_prose(document, outline)
    yield from _disclosure_headings(outline, None, "in a neither-confirm-nor-deny response")


def _ncnd_headings(outline: Outline) -> set[int]:
    """In a mixed response, the factors' headings that belong to its NCND part: in that part, or
    naming an exemption the response cites only by its NCND subsection ("Section 30 - Public
    Interest factors favouring disclosure", where only s30(3) is cited)."""
    inside = {paragraph.index for paragraph in _ncnd_parts(outline)}
    kinds: dict[int, set[str | None]] = {}
    for citation in outline.citations:
        if not citation.supporting and citation.subsection is not None:
            kinds.setdefault(citation.section, set()).add(citation.kind)
    found = set()
    for section in outline.sections:
        if section.heading is None or section.key != "favouring":
            continue
        named = {citation.section for citation in outline.cited_in(section.heading.index)}
        if section.heading.index in inside or (named and all(kinds.get(n) == {"ncnd"} for n in named)):
            found.add(section.heading.index)
    return found


def _disclosure_headings(outline: Outline, only: set[int] | None, where: str) -> Iterator[Finding]:
    """A heading of the factors for the NCND part that weighs disclosure: only confirming or denying is weighed."""
    for section in outline.sections:
        if (
            section.heading is not None
            and section.key == "favouring"
            and (only is None or section.heading.index in only)
        ):
            match = _DISCLOSURE_HEADING.search(section.heading.text)
            if match:
                yield NCND_CONFIRMS.finding(
                    f'The heading "{section.heading.text}" weighs disclosure, {where}',
                    section.heading,
                    match.start(),
                    match.end(),
                    suggestion='"Factors favouring confirming or denying that information is held"',
                )


# factors of disclosure named in a sentence: "The factors favouring disclosure of the information are"
_DISCLOSURE_FACTORS = regexes.compile(
    r"\b(?:factors?|arguments?|considerations?)\s+(?:favou?ring|in\s+favou?r\s+of)\s+(?:the\s+)?"
    r"(?:disclosure|release|disclosing|releasing)\b",
    re.IGNORECASE,
)


def _disclosure_weighed_in_prose(document: Document, outline: Outline) -> Iterator[Finding]:
    """In a response that neither confirms nor denies, a sentence that weighs the factors for
    disclosing the information (a heading is reported on its own): only confirming or denying is
    weighed."""
    headings = {section.heading.index for section in outline.sections if section.heading is not None}
    for paragraph in document.paragraphs:
        if paragraph.index in headings or paragraph.index in outline.quoted:
            continue
        for match in _DISCLOSURE_FACTORS.finditer(paragraph.text):
            yield NCND_CONFIRMS.finding(
                f'"{match.group()}" weighs disclosure, in a neither-confirm-nor-deny response',
                paragraph,
                match.start(),
                match.end(),
                suggestion='Weigh confirming or denying: "factors favouring confirmation or denial".',
            )


# the weighing come down for disclosure of the whole: "the balance test favours disclosure of the
# requested information", "the public interest in disclosure outweighs ..."
_FOR_DISCLOSURE = regexes.compile(
    r"\b(?:balance|public\s+interest)(?:\s+test)?\s+(?:therefore\s+|clearly\s+|firmly\s+)?"
    r"(?:favou?rs|lies\s+in\s+favou?r\s+of|falls\s+in\s+favou?r\s+of|is\s+in\s+favou?r\s+of)\s+"
    r"(?:the\s+)?(?P<what>disclos\w*|release|releasing|confirming\s+or\s+denying)"
    r"(?!\s*\w*\s+(?:of|to)\s+(?:some|part|a\s+part|the\s+total|the\s+number|question|item))"
    r"|\bpublic\s+interest\s+in\s+(?P<favoured>disclos\w*|release|releasing|confirming\s+or\s+denying)\s+"
    # (what is disclosed, in a few words: "in disclosing the unit prices outweighs"; not a part of it)
    r"(?:(?!(?:some|part|total|number|figures?|outweighs|is|are|was|were|would|will)\b)[\w'-]+\s+){0,4}?"
    r"(?:therefore\s+|clearly\s+)?outweighs\b",
    re.IGNORECASE,
)
# a sentence that weighs a part, denies the finding or states a condition or the Act's presumption:
# "does not consider that the public interest in disclosure outweighs", "Where the public interest ..."
_EXCEPT = regexes.compile(
    r"\b(?:but|however|except|although|though|whilst|while|whereas|only|partial\w*|some\s+of|not|no|nothing|"
    r"never|cannot|whether|where|if|unless|presumption|presumes?)\b|n't\b",
    re.IGNORECASE,
)


def _balance_for_disclosure(document: Document, outline: Outline) -> Iterator[Finding]:
    """The weighing, or the conclusion, finds for disclosure (or for confirming or denying) of the
    whole, in a response that withholds it (or neither confirms nor denies). Not where the sentence
    weighs a part ("favours disclosure of the total, but not of the breakdown")."""
    response = outline.stated or outline.concluded
    if response not in ("withhold", "ncnd"):
        return
    for section in outline.sections:
        if section.key not in ("balancing", "conclusion"):
            continue
        for paragraph in section.paragraphs:
            for found in _FOR_DISCLOSURE.finditer(paragraph.text):
                sentence = _sentence_around(paragraph.text, found.start(), found.end())
                if _EXCEPT.search(sentence) and not sentence.lstrip().lower().startswith("however"):
                    continue
                what = (found["what"] or found["favoured"]).lower()
                if what.startswith("confirming") and response != "ncnd":
                    continue
                wanted = "non-disclosure" if response == "withhold" else "neither confirming nor denying"
                yield BALANCE_FOR_DISCLOSURE.finding(
                    f'The weighing finds for {what} ("{found.group()}"), but the response '
                    + ("withholds the information." if response == "withhold" else "neither confirms nor denies."),
                    paragraph,
                    found.start(),
                    found.end(),
                    suggestion=f"Say that the balance favours {wanted}, if that is the outcome.",
                )
                return


def _conclusion(outline: Outline) -> Iterator[Finding]:
    cited = outline.cited
    if cited not in ("ncnd", "withhold") or outline.concluded is None or cited == outline.concluded:
        return
    if outline.stated == outline.concluded:
        return  # the words and the conclusion agree: the citation is wrong (PIT206 says so)
    paragraph = concluding_paragraph(outline)
    labels = ", ".join(dict.fromkeys(f"s{c.label}" for c in outline.citations if c.kind and not c.supporting))
    if cited == "ncnd":
        message = f"The conclusion withholds information, but {labels} neither confirms nor denies that it is held."
        suggestion = 'Conclude that the balance "favours neither confirming nor denying that information is held".'
    else:
        message = f"The conclusion neither confirms nor denies, but {labels} withholds information admitted to be held."
        suggestion = "Cite the NCND subsection (e.g. s31(3)), or conclude that the balance favours non-disclosure."
    yield CONCLUSION_CONTRADICTS.finding(message, paragraph, suggestion=suggestion)


def _ncnd_part_uncited(outline: Outline) -> Iterator[Finding]:
    """A response that answers in part and neither confirms nor denies the rest ("whether
    additional material is held"), citing only subsections that withhold: nothing it cites
    removes the duty to confirm or deny for that rest."""
    if outline.stated != "mixed" or not outline.citations:
        return
    cited = [citation for citation in outline.citations if not citation.supporting]
    if not cited or any(citation.kind != "withhold" for citation in cited):
        return  # an NCND subsection cited, or a bare section (PIT204 asks for its subsection)
    exemptions = [law.EXEMPTIONS[section] for section in dict.fromkeys(c.section for c in cited)]
    if not any(exemption.ncnd for exemption in exemptions):
        return
    statement = next((s for s in outline.said if s.kind == "ncnd"), None)
    if statement is None:
        return
    choices = "; ".join(f"s{exemption.confirming()}" for exemption in exemptions if exemption.ncnd)
    suggestion = f"Cite the subsection that removes that duty for the exemption relied on: {choices}."
    if not statement.partial:  # not of "any further information": of what the response says it holds
        suggestion = (
            "The response says elsewhere that the information is held: if so, this sentence should withhold it, "
            f"not neither confirm nor deny; if a part is not confirmed, cite for it {choices}."
        )
    finding = CONTRADICTORY_RESPONSE.finding(
        "This neither confirms nor denies that information is held, but every subsection cited withholds "
        "information admitted to be held: none removes the duty to confirm or deny.",
        statement.paragraph,
        statement.start,
        statement.end,
        suggestion=suggestion,
    )
    finding.severity = Severity.WARNING
    yield finding


def _mixed_sentences(outline: Outline) -> Iterator[Finding]:
    for statement in outline.said:
        if statement.kind == "both":
            yield CONTRADICTORY_RESPONSE.finding(
                "This sentence confirms that information is held and also says the duty to confirm or deny "
                "does not apply: it mixes the confirming and the neither-confirm-nor-deny templates.",
                statement.paragraph,
                statement.start,
                statement.end,
                suggestion="Say either that the information is held (and why it is withheld), or neither confirm "
                "nor deny that it is held.",
            )


# a confirmation that covers the whole request, not a part of it ("in relation to question 1")
_WHOLE_REQUEST = regexes.compile(
    r"\b(?:the|all(?:\s+of)?\s+the)\s+(?:information|data)\s+(?:that\s+|which\s+)?you\s+(?:have\s+)?"
    r"(?:requested|asked\s+for|sought)\b|\bthe\s+requested\s+(?:information|data)\b"
    r"|\bthat\s+relevant\s+(?:information|data)\s+(?:is|are)\s+held\b",  # not "that some relevant ..."
    re.IGNORECASE,
)


# a statement about a part of the request
_PART = regexes.compile(
    r"\b(?:in\s+part|partly|partially|some\s+of|parts?\s+of|questions?|points?|items?|remaining)\b|^\W*\d"
    # what is held is answered, and NCND covers the rest: "that we hold any other information"
    r"|\b(?:any\s+)?(?:other|further|additional|more)\s+(?:relevant\s+)?(?:information|data|records?)\b",
    re.IGNORECASE,
)


def _sentence_of(statement: Statement) -> str:
    """The sentence a statement is in, from the paragraph's text."""
    return _sentence_around(statement.paragraph.text, statement.start, statement.end)


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding ``text[start:end]``."""
    first, last = sentence_around(text, start, end)
    return text[first:last]


def _confirmed_then_ncnd(outline: Outline) -> Iterator[Finding]:
    """A response that confirms holding all the information asked for, and then neither confirms nor
    denies holding it on NCND subsections only: the confirming sentence is left from another
    response (a partial answer confirms a part: "in relation to question 1")."""
    if outline.stated != "mixed" or outline.cited != "ncnd":
        return
    if any(_PART.search(_sentence_of(s)) for s in outline.said if s.kind == "ncnd"):
        return  # "1-3. We neither confirm nor deny that information at these points is held"
    for statement in outline.said:
        text = statement.paragraph.text[statement.start : statement.end]
        if statement.kind != "withhold" or _PART.search(_sentence_of(statement)):
            continue
        if CONFIRMS_HELD.match(text) and _WHOLE_REQUEST.search(text):
            labels = ", ".join(dict.fromkeys(f"s{c.label}" for c in outline.citations if c.kind == "ncnd"))
            finding = CONTRADICTORY_RESPONSE.finding(
                f"This sentence confirms that the information asked for is held, but the response neither "
                f"confirms nor denies holding it ({labels}).",
                statement.paragraph,
                statement.start,
                statement.end,
                suggestion="Remove the confirmation, or answer the request and cite the subsection that "
                "withholds the information.",
            )
            finding.severity = Severity.WARNING
            yield finding


# the argument of an NCND response: the harm of confirming or denying that information is held
_NCND_ARGUMENT = regexes.compile(
    r"\bconfirm(?:ing)?\s+or\s+(?:deny(?:ing)?\b|not(?=\s+(?:that|whether)\b))|\bconfirmation\s+or\s+denial\b"
    r"|\bneither\s+confirm(?:ing)?\s+nor\b",
    re.IGNORECASE,
)
# the same argument announced outside the harm and the factors ("the harm that would be caused in
# confirming or not that the information is held"), where the Act's duty is otherwise only explained
_NCND_HARM = regexes.compile(r"\bharm\b[^.]{0,60}?\b(?:in|by|of|from)\s+(?=confirm(?:ing)?\s+or\b|neither\b)", re.I)


def _ncnd_argument(text: str, arguing: bool) -> re.Match[str] | None:
    """The NCND argument in a paragraph: anywhere in the harm or the factors, elsewhere only where
    a sentence announces that harm ("the harm that would be caused in confirming or not")."""
    if arguing:
        return _NCND_ARGUMENT.search(text)
    announced = _NCND_HARM.search(text)
    return _NCND_ARGUMENT.match(text, announced.end()) if announced else None


def _arguments_fit(outline: Outline) -> Iterator[Finding]:
    """A response that confirms holding the information and withholds it, whose harm or factors
    argue the harm of confirming or denying: the test of the other duty (once per section)."""
    if outline.response != "withhold" or "ncnd" in (outline.stated, outline.cited, outline.concluded):
        return
    for section in outline.sections:
        arguing = section.key in ("harm", "favouring", "against", "balancing")
        for paragraph in section.paragraphs:
            found = _ncnd_argument(paragraph.text, arguing)
            if found and not _for_ncnd_subsection(
                _sentence_around(paragraph.text, found.start(), found.end()), outline
            ):
                finding = CONTRADICTORY_RESPONSE.finding(
                    f'"{found.group()}": this argues the harm of confirming or denying, but the response confirms '
                    "that the information is held and withholds it.",
                    paragraph,
                    found.start(),
                    found.end(),
                    suggestion="Argue the harm of disclosing the information itself.",
                )
                finding.severity = Severity.WARNING
                yield finding
                break


_SUBSECTION_NAMED = regexes.compile(r"\bsub-?sections?\s*\(\s*(?P<subsection>\d{1,2}[A-Z]?)\s*\)", re.IGNORECASE)


def _for_ncnd_subsection(sentence: str, outline: Outline) -> bool:
    """Whether a sentence gives the harm of confirming or denying to a subsection that removes
    that duty, of an exemption cited ("... in confirming or denying that any information is held
    for subsection (3)"): a response that answers in part, not a contradiction."""
    named = {found["subsection"].upper() for found in _SUBSECTION_NAMED.finditer(sentence)}
    return any(named & set(law.EXEMPTIONS[c.section].ncnd) for c in outline.citations)


def _citations_fit(document: Document, outline: Outline) -> Iterator[Finding]:
    """Each exemption's subsections against what the response says it does. In a response that
    answers part and neither confirms nor denies the rest, an exemption is held to the NCND part
    where the text weighs confirming or denying under it ("confirming or denying ... under S30")."""
    if outline.stated not in ("ncnd", "withhold", "mixed"):
        return
    text = " ".join(paragraph.text for paragraph in document.paragraphs)
    by_section: dict[int, list[Citation]] = {}
    for citation in outline.citations:
        if not citation.supporting:
            by_section.setdefault(citation.section, []).append(citation)
    weighed_ncnd = _ncnd_sections(text) if outline.stated == "mixed" else set()
    ncnd_sentences = functools.cache(lambda: _ncnd_sentences(document, outline))  # (read at need, once)
    for section, citations in by_section.items():
        kinds = {citation.kind for citation in citations} - {None}
        stated = outline.stated
        if stated == "mixed":
            if section not in weighed_ncnd:
                yield from _withholding_in_an_ncnd_sentence(document, outline, citations, ncnd_sentences())
                continue
            stated = "ncnd"
        if stated == outline.stated == "ncnd" and kinds == {"ncnd", "withhold"}:
            if section in law.NCND_OF_ITS_OWN or not any(
                _on_a_citation_line(document, c) for c in citations if c.kind == "ncnd"
            ):
                # (s31(1)(a) may stand beside s31(3), whose grounds it names; not listed alone, with
                # s31(3) only in the arguments' labels: "Section 31(3): There is a public interest ...")
                found = list(_withholding_beside_its_ncnd(document, citations))
                # (or relied on in the sentence that neither confirms nor denies: "by virtue of
                # Section 23(5), Section 24(1) and Section 31(3)")
                yield from found or _withholding_in_an_ncnd_sentence(document, outline, citations, ncnd_sentences())
            continue
        if len(kinds) != 1 or kinds == {stated}:
            continue
        first = next(citation for citation in citations if citation.kind)
        exemption = law.EXEMPTIONS[section]
        if stated == "withhold":
            if not exemption.withhold:
                continue
            message = (
                f"s{first.label} removes the duty to confirm or deny, but this response says the information "
                "is held and withholds it."
            )
            suggestion = f"Cite the subsection that withholds it: s{exemption.withholding(text)}."
        else:
            if not exemption.ncnd:
                continue
            message = (
                f"s{first.label} withholds information admitted to be held, but this response neither confirms "
                + (
                    "nor denies holding it."
                    if outline.stated == "ncnd"
                    else f"nor denies under s{section} that more is held."
                )
            )
            suggestion = f"Cite the subsection that removes the duty to confirm or deny: s{exemption.confirming()}."
        yield CONTRADICTORY_RESPONSE.finding(
            message, document.paragraphs[first.paragraph - 1], first.start, first.end, suggestion=suggestion
        )


def _on_a_citation_line(document: Document, citation: Citation) -> bool:
    """Whether a citation stands on a line of citations or a heading of its own, not in a sentence."""
    paragraph = document.paragraphs[citation.paragraph - 1]
    line = paragraph.text
    if _RUN_IN_CITATION.match(line):
        return False  # "Section 31(3): Confirming or denying would ...": an argument's label
    if (is_heading(paragraph) or not line.rstrip().endswith((".", ":", ";", ","))) and len(
        line.split()
    ) <= CITATION_LINE_WORDS:
        return True  # a heading, or a line like one: "Factors favouring confirmation or denial - Section 24(1)"
    return _CITATION_LINE.match(line) is not None and len(line.split()) <= CITATION_LINE_WORDS


def _withholding_beside_its_ncnd(document: Document, citations: list[Citation]) -> Iterator[Finding]:
    """In a response that neither confirms nor denies, an exemption cited by its NCND subsection and,
    elsewhere, by its withholding one ("Section 24(2)" in the letter, "Section 24(1)" over the public
    interest test), where the NCND one stands on its own grounds: the withholding one is the slip."""
    ncnd = next(citation for citation in citations if citation.kind == "ncnd")
    for citation in citations:
        line = document.paragraphs[citation.paragraph - 1]
        # (on a citation line or a heading of its own: in a sentence it may be what the NCND one
        # protects, "would be exempt under section 40(2) if held")
        if citation.kind == "withhold" and _on_a_citation_line(document, citation):
            yield CONTRADICTORY_RESPONSE.finding(
                f"s{citation.label} withholds information admitted to be held, but this response neither confirms "
                f"nor denies holding it (s{ncnd.label} is cited for that elsewhere).",
                line,
                citation.start,
                citation.end,
                suggestion=f"Cite s{ncnd.label} here, as elsewhere.",
            )
            return


# the subsections an NCND sentence relies on, and its reasons after them ("..., as to do so would be
# likely to prejudice the prevention of crime (section 31(1)(a))": the harm, not the citation)
_NCND_RELIES_ON = regexes.compile(
    r"\bby\s+virtue\s+of\b|\bunder\b|\brel(?:y|ies|ying)\s+(?:up)?on\b|\bpursuant\s+to\b"
    r"|\bin\s+(?:accordance|line)\s+with\b|\bengag\w*",
    re.IGNORECASE,
)
# ("as to whether", "such as flight logs" and "that would fall within" are no reasons; "as to do so")
_BECAUSE = regexes.compile(
    r"(?<!such\s)\bas\b(?!\s+to\s+(?!do\b))|\bbecause\b|\bsince\b|\bprejudic|\bharm", re.IGNORECASE
)


def _confirming_subsection_beside(
    citations: list[Citation], citation: Citation, exemption: law.Exemption, text: str, first: int, last: int
) -> bool:
    """Whether the sentence also cites the exemption's NCND subsection and names the withholding one
    as what it protects ("..., which would otherwise be exempt under section 31(1)(a), by virtue of
    section 31(3)"): that is the one relied on. Listed side by side as exemptions relied on
    ("Section 31(3) - Law Enforcement; and Section 31(1)(a)(b) - Law Enforcement"), both are."""
    beside = any(
        other.paragraph == citation.paragraph
        and first <= other.start < last
        and other.subsection is not None
        and other.subsection.upper() in {s.upper() for s in exemption.ncnd}
        for other in citations
    )
    return beside and _PROTECTED.search(text, first, last) is not None


# what an NCND sentence says of the withholding subsection it names: the exemption the information
# would fall under, if held
_PROTECTED = regexes.compile(
    r"\botherwise\b|\bwould\s+(?:be|fall)\b|\bif\s+(?:it\s+|they\s+|any\s+)?(?:were|was|is|are)?\s*held\b"
    r"|\bif\s+any\b|\bwere\s+(?:it|any)\b",
    re.IGNORECASE,
)


# "..., and section 31(1)(a) applies": the citation relied on, named before its verb
_APPLIES = regexes.compile(r"\s*(?:applies|is\s+engaged|is\s+relied\s+(?:up)?on)\b", re.IGNORECASE)


def _ncnd_sentences(document: Document, outline: Outline) -> set[tuple[int, int, int]]:
    """(paragraph, start, end) of each sentence that neither confirms nor denies, from its NCND words
    on, and of each that disapplies the duty to confirm or deny."""
    # (from the NCND words on: a list line with no full stop that a reader ran into the paragraph
    # after it is no part of that sentence)
    sentences = {
        (
            statement.paragraph.index,
            statement.start,
            sentence_around(statement.paragraph.text, statement.start, statement.end)[1],
        )
        for statement in outline.said
        if statement.kind == "ncnd"
    }
    # (and the sentence of the Act's duty disapplied: "The duty in Section 1(1)(a) of the Act does not
    # apply by virtue of the following exemptions: ...")
    for paragraph in document.paragraphs:
        if paragraph.index not in outline.quoted:
            for clause in NCND_CLAUSE.finditer(paragraph.text):
                start, end = sentence_around(paragraph.text, clause.start(), clause.end())
                sentences.add((paragraph.index, start, end))
    return sentences


def _withholding_in_an_ncnd_sentence(
    document: Document, outline: Outline, citations: list[Citation], sentences: set[tuple[int, int, int]]
) -> Iterator[Finding]:
    """In a response that answers one part and neither confirms nor denies another, a withholding
    subsection cited in the very sentence that neither confirms nor denies ("We can neither confirm
    nor deny ... by virtue of Section 31(1)(a)(b) and Section 30(3)"): the NCND part's citation.
    ``sentences``: `_ncnd_sentences`, read once a draft."""
    listed = _listed_after(document, outline)
    for citation in citations:
        exemption = law.EXEMPTIONS.get(citation.section)
        if citation.kind != "withhold" or exemption is None or not exemption.ncnd:
            continue
        text = document.paragraphs[citation.paragraph - 1].text
        in_the_list = citation.paragraph in listed and not any(
            other.paragraph in listed and other.section == citation.section and other.kind == "ncnd"
            for other in citations
        )
        if in_the_list or any(
            index == citation.paragraph
            and first <= citation.start < last
            and (_NCND_RELIES_ON.search(text, first, citation.start) or _APPLIES.match(text, citation.end))
            and not _BECAUSE.search(text, first, citation.start)
            and not _confirming_subsection_beside(citations, citation, exemption, text, first, last)
            for index, first, last in sentences
        ):
            yield CONTRADICTORY_RESPONSE.finding(
                f"s{citation.label} withholds information admitted to be held, but the sentence citing it neither "
                "confirms nor denies that information is held.",
                document.paragraphs[citation.paragraph - 1],
                citation.start,
                citation.end,
                suggestion=f"Cite the subsection that removes the duty to confirm or deny: s{exemption.confirming()}.",
            )
            return


LISTED_CITATIONS = 4  # citation lines that may follow an NCND sentence ending "by virtue of:"
CITATION_LINE_WORDS = 16  # a line citing exemptions, not a sentence about them
_LIST_LEAD = regexes.compile(r"(?:\bby\s+virtue\s+of|\bunder|\bexemptions?|\bfollowing)\s*:\s*$", re.IGNORECASE)
_CITATION_LINE = regexes.compile(r"^\W*(?:sections?|s\.?)\s*\d", re.IGNORECASE)
# a citation as a run-in label, a sentence after its colon
_RUN_IN_CITATION = regexes.compile(r"^\W*(?:sections?|s\.?)\s*\d[\w()]*\s*:[^\S\n]*(?:\S+[^\S\n]+){3}", re.IGNORECASE)


def _listed_after(document: Document, outline: Outline) -> set[int]:
    """The citation lines listed straight after an NCND sentence that ends its paragraph on "... does
    not apply by virtue of:": that sentence's citations, though on lines of their own."""
    found: set[int] = set()
    for statement in outline.said:
        text = statement.paragraph.text
        if statement.kind != "ncnd" or not _LIST_LEAD.search(text, statement.end):
            continue
        for paragraph in document.paragraphs[statement.paragraph.index : statement.paragraph.index + LISTED_CITATIONS]:
            if not _CITATION_LINE.match(paragraph.text):
                break
            found.add(paragraph.index)
    return found


# "the information ... is exempt from disclosure under section 38(2)": what is said to be withheld
_WITHHELD_UNDER = regexes.compile(
    r"\b(?:exempt\s+from\s+(?:disclosure|release)|(?:further|also)\s+exempt|(?:being\s+)?withheld)\s+"
    r"(?:under|by\s+virtue\s+of|in\s+accordance\s+with)\s+(?:the\s+provisions?\s+of\s+)?$",
    re.IGNORECASE,
)


_NEGATED = regexes.compile(r"\b(?:not|no|never|nothing)\b|n't\b", re.IGNORECASE)  # "not be taken to mean that ..."
# "Some data has been withheld as it is exempt ... by virtue of the following exemptions:"
_SAYS_WITHHELD = regexes.compile(r"\b(?:has|have|is|are)\s+(?:been|being)\s+withheld\b", re.IGNORECASE)


def _withholding_for(citation: Citation, exemption: law.Exemption, text: str) -> str:
    """The subsection that withholds what an NCND subsection would not confirm: s40(1) for the
    requester's own data (40(5A)), otherwise the exemption's own."""
    if citation.section == 40 and (citation.subsection or "").upper() == "5A":
        return "40(1)"
    return exemption.withholding(text)


def _exempt_under_ncnd(document: Document, outline: Outline) -> Iterator[Finding]:
    """A subsection that removes the duty to confirm or deny, said to exempt information from
    disclosure ("is exempt from disclosure under section 38(2)"), or the only kind of subsection
    cited where the response says something "has been withheld": it exempts nothing. (In a
    response that withholds, `_citations_fit` reports the citation already.)"""
    cited = [citation for citation in outline.citations if not citation.supporting]
    only_ncnd = bool(cited) and all(citation.kind == "ncnd" for citation in cited)
    # (in a response that withholds, only an exemption cited both ways: one cited by its NCND subsection
    # alone is reported by `_citations_fit`; "exempt under s31(1)(a), and the logs further exempt by
    # virtue of s31(3)" is not)
    both_ways = {c.section for c in cited if c.kind == "withhold"} & {c.section for c in cited if c.kind == "ncnd"}
    for citation in cited:
        if citation.kind != "ncnd" or (outline.stated == "withhold" and citation.section not in both_ways):
            continue
        text = document.paragraphs[citation.paragraph - 1].text
        before = document.paragraphs[citation.paragraph - 2].text if citation.paragraph > 1 else ""
        said = (
            _SAYS_WITHHELD.search(before + " " + text[: citation.start]) if only_ncnd and citation is cited[0] else None
        )
        withheld = said is not None and not _NEGATED.search(said.string[max(0, said.start() - 60) : said.start()])
        under = _WITHHELD_UNDER.search(text, max(0, citation.start - 80), citation.start)
        if not (withheld or under):
            continue
        exemption = law.EXEMPTIONS[citation.section]
        finding = CONTRADICTORY_RESPONSE.finding(
            (
                f"The response says information has been withheld, but s{citation.label}, the only kind of "
                "subsection cited, removes the duty to confirm or deny: it withholds nothing."
                if withheld
                else f"s{citation.label} removes the duty to confirm or deny; it exempts no information from "
                "disclosure."
            ),
            document.paragraphs[citation.paragraph - 1],
            under.start() if under and not withheld else citation.start,  # ("withheld under Section 31(3)")
            citation.end,
            suggestion=(
                f"Say that the duty to confirm or deny does not arise under s{citation.label}"
                + (
                    f", or cite s{_withholding_for(citation, exemption, text)} for information withheld."
                    if exemption.withhold
                    else "."
                )
            ),
        )
        finding.severity = Severity.WARNING
        yield finding


# "Considerations for confirming or denying whether information is held under S30"
_NCND_UNDER = regexes.compile(
    r"\bconfirm(?:ing)?\s+or\s+deny(?:ing)?\b[^.:;]{0,80}?\b(?:under|by\s+virtue\s+of)\s+"
    r"(?:section|s\.?)\s?(?P<section>\d{1,2})\b",
    re.IGNORECASE,
)


def _ncnd_sections(text: str) -> set[int]:
    """The sections under which the text weighs confirming or denying."""
    return {int(found["section"]) for found in _NCND_UNDER.finditer(text)}


def _said_absolute(document: Document, citation: Citation) -> bool:
    """Whether the draft itself calls an exemption that is absolute only in some cases (s40(2)
    under its first condition) absolute, in the sentence that cites it."""
    if law.is_absolute(citation.section, citation.subsection) is not None:
        return False
    text = document.paragraphs[citation.paragraph - 1].text
    end = text.find(". ", citation.end)
    sentence = text[citation.end : end if end >= 0 else len(text)]
    return bool(re.search(r"^\W*(?:is|being)\s+an?\s+absolute\b", sentence, re.IGNORECASE))


# s40(2)'s first condition, argued: disclosure would breach (contravene) the data protection
# principles; under it s40(2) is absolute (s2(3)(fa)). The second and third conditions (s40(3B), an
# objection under Article 21; s40(4A)) are qualified, so a draft naming them is left alone.
_FIRST_CONDITION = regexes.compile(
    r"\b(?:breach|contraven)\w*\s+(?:\w+\s+){0,6}?(?:data\s+protection\s+)?princip(?:le|al)s?\b|\bfirst\s+condition\b"
    r"|\b40\s*\(\s*3A\s*\)"
    # the first principle's own words: processing must be lawful and fair ("would be unfair to them")
    r"|\bdisclos\w*\s+(?:\w+\s+){0,4}?(?:would|could)\s+(?:also\s+)?(?:be\s+)?(?:unfair|unlawful)\b"
    r"|\bwould\s+not\s+be\s+(?:fair|lawful)\b",
    re.IGNORECASE,
)
_OTHER_CONDITIONS = regexes.compile(
    r"\b40\s*\(\s*(?:3B|4A)\s*\)|\b(?:second|third)\s+condition\b|\bArticle\s+21\b|\bright\s+to\s+object\b",
    re.IGNORECASE,
)


def _absolute_as(section: int) -> str:
    """How an exemption is absolute: s40 on its first condition only."""
    if section == 40:
        return "absolute where disclosure would breach the data protection principles (its first condition)"
    return "an absolute exemption"


def _first_condition(document: Document, outline: Outline) -> set[tuple[int, str | None]]:
    """s40(2) cited where the draft argues its first condition only: absolute, as if it said so."""
    if not any(p.index not in outline.quoted and _FIRST_CONDITION.search(p.text) for p in document.paragraphs):
        return set()
    if any(_OTHER_CONDITIONS.search(p.text) for p in document.paragraphs):
        return set()
    return {(c.section, c.subsection) for c in outline.citations if c.section == 40 and c.subsection == "2"}


# "Section 40(2) is a qualified exemption": the sentence that gives an absolute exemption a test
_CALLED_QUALIFIED = regexes.compile(r"\bqualified\b", re.IGNORECASE)


def _called_qualified(document: Document, outline: Outline, sections: set[int]) -> tuple[Paragraph, int, int] | None:
    """Where the draft calls one of these exemptions qualified: "qualified" in a sentence citing it."""
    for citation in outline.citations:
        if citation.section not in sections:
            continue
        paragraph = document.paragraphs[citation.paragraph - 1]
        for start, end in _sentence_spans(paragraph.text):
            if start <= citation.start < end:
                found = _CALLED_QUALIFIED.search(paragraph.text, citation.start, end)
                if found:
                    return paragraph, found.start(), found.end()
    return None


def _qualified_after(outline: Outline, text: str, citation: Citation, end: int) -> bool:
    """Whether "qualified" follows the citation before another citation does (it is said of it)."""
    later = [c.start for c in outline.cited_in(citation.paragraph) if citation.end <= c.start < end]
    found = _CALLED_QUALIFIED.search(text, citation.end, min(later, default=end))
    return found is not None


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in _SENTENCES.finditer(text)]


def _absolute(
    document: Document, outline: Outline, said: set[tuple[int, str | None]], weighed: set[int]
) -> Iterator[Finding]:
    """A PIT for absolute exemptions only, or factors headed under an absolute exemption. ``said``:
    the citations the draft calls absolute; ``weighed``: absolute exemptions its own law weighs."""
    if not outline.citations or not (outline.has("favouring") or outline.has("against") or outline.has("balancing")):
        return
    verdicts = [
        (law.is_absolute(c.section, c.subsection) or (c.section, c.subsection) in said) and c.section not in weighed
        for c in outline.citations
        if not c.supporting
    ]
    if verdicts and all(verdicts):
        names = ", ".join(sorted({f"s{c.section}" for c in outline.citations}))
        sections = {c.section for c in outline.citations}
        place = _called_qualified(document, outline, sections)
        how = _absolute_as(sections.pop() if len(sections) == 1 else 0)
        yield ABSOLUTE_PIT.finding(
            f"{names} is {how}: no public interest test is needed.",
            *(place or ()),
            suggestion="Check the exemption cited; if it is right, remove the public interest test.",
        )
        return
    reported: set[int] = set()
    for section in outline.sections:
        number = section.exemption
        if section.key not in ("favouring", "against") or number is None or number in reported:
            continue
        # (or absolute as the draft uses it: s40(2) on its first condition, "Section 40(2) factors favouring")
        as_used = law.is_absolute(number, None) is None and any(section == number for section, _ in said)
        if (law.is_absolute(number, None) or as_used) and number not in weighed:
            reported.add(number)
            # (on the heading, or on a run-in label: "Section 40(2) factors favouring disclosure:")
            where = (
                (section.heading,)
                if section.heading is not None
                else (section.paragraphs[0], 0, run_in_label_end(section.paragraphs[0].text))
            )
            yield ABSOLUTE_PIT.finding(
                f"Factors are weighed for s{number}, {_absolute_as(number)}: the public interest test applies "
                "only to the qualified exemptions cited beside it.",
                *where,
                suggestion=f"Weigh the factors for the qualified exemptions only; say that s{number} is absolute.",
            )


# The law of confidence has a public interest test of its own: a disclosure in the public interest
# is no actionable breach, so a PIT weighed for s41 in those words is right, though s41 is absolute.
_CONFIDENCE_TEST = regexes.compile(
    r"\bactionable\b|\bpublic\s+interest\s+defen[cs]e\b|\b(?:duty|law)\s+of\s+confidence\b"
    r"|\bconfidentiality\b[^.]{0,40}\boverc[oa]me\b",
    re.IGNORECASE,
)


def _weighed_anyway(document: Document) -> set[int]:
    """Absolute exemptions whose own law weighs the public interest, as the draft says it does."""
    return {41} if any(_CONFIDENCE_TEST.search(p.text) for p in document.paragraphs) else set()


_PIT_WORDS = regexes.compile(r"\bpublic\s+interest\s+test\b|\bPIT\b|\bbalanc(?:e|ing)\s+test\b", re.IGNORECASE)
_NO_PIT = regexes.compile(
    r"\bno\s+(?:need|requirement)\b|\bneeds?\s+no\b|\brequires?\s+no\b|\bnot\s+(?:required|necessary|needed|apply|applicable)\b|\bdoes\s+not\b"
    r"|\bneed\s+not\b|\babsolute\b|\bwithout\b|\bnor\b|\bnot\s+(?:an?\s+)?qualified\b"
    r"|\bno\s+(?:public\s+interest\s+test|PIT|balancing\s+test)\b",  # "and no public interest test is required"
    re.IGNORECASE,
)
_SENTENCES = regexes.compile(r"[^.!?]+[.!?]?")
_WEIGHED = regexes.compile(
    r"\boutweigh(?:s|ed|ing)?\b[^.]{0,60}\bpublic\s+interest\b|\bpublic\s+interest\b[^.]{0,60}\boutweigh"
    r"|\b(?:weighed|considered|balanced)\s+(?:up\s+)?the\s+public\s+interest\s+(?:for|in|under)\b",
    re.IGNORECASE,
)


def _clause_to(sentence: str, at: int) -> str:
    """The sentence up to the end of the clause holding ``at`` (its colon or semicolon): "Section
    40(2) is a qualified exemption and I have considered the public interest: ... does not override"."""
    ends = [end for end in (sentence.find(":", at), sentence.find(";", at)) if end >= 0]
    return sentence[: min(ends)] if ends else sentence


def _absolute_in_the_test(
    document: Document, outline: Outline, said: set[tuple[int, str | None]], weighed: set[int]
) -> Iterator[Finding]:
    """A sentence that puts an absolute exemption in the public interest test ("The PIT is in
    relation to s23(5), s24(2) and s31(3)"), unless it says that none is needed."""
    reported = set(weighed)
    for paragraph in document.paragraphs:
        cited = [
            c
            for c in outline.cited_in(paragraph.index)
            if law.is_absolute(c.section, c.subsection) or (c.section, c.subsection) in said
        ]
        if not cited:
            continue
        # (alone in the paragraph: beside a qualified one, the weighing is that one's, "Sections 24(2)
        # and 31(3) are qualified ... the public interest in maintaining the exemption outweighs")
        alone = len({c.section for c in outline.cited_in(paragraph.index) if not c.supporting}) == 1
        for sentence in _SENTENCES.finditer(paragraph.text):
            # the test named beside the exemption (unless the sentence says none is needed), or,
            # where the paragraph cites it alone, the public interest weighed for it ("... is an
            # absolute exemption ... I believe that the right to privacy outweighs any public interest")
            named = _PIT_WORDS.search(sentence.group()) and not _NO_PIT.search(sentence.group())
            # or calls s40(2) qualified where the draft argues its first condition ("Section 40(2) is
            # a qualified exemption and I have considered ..."; PIT207 says so of the others)
            qualified = _CALLED_QUALIFIED.search(sentence.group())
            called = qualified and not _NO_PIT.search(_clause_to(sentence.group(), qualified.end()))
            weighing = _WEIGHED.search(sentence.group()) if alone and not named else None
            if not (named or weighing or called):
                continue
            for citation in cited:
                if qualified and law.is_absolute(citation.section, citation.subsection):
                    continue  # "Sections 23(5) and 24(2) are qualified exemptions": PIT207 says so, once
                if not (named or weighing) and (
                    law.is_absolute(citation.section, citation.subsection) is not None
                    or not _qualified_after(outline, paragraph.text, citation, sentence.end())
                ):
                    continue  # ("Section 31(1)(a) is a qualified exemption, and section 40(2) applies")
                inside = sentence.start() <= citation.start < sentence.end() or weighing
                if inside and citation.section not in reported:
                    reported.add(citation.section)
                    start, end = (
                        (sentence.start() + weighing.start(), sentence.start() + weighing.end())
                        if weighing
                        else (citation.start, citation.end)
                    )  # the weighing itself, where the exemption was cited in a sentence before
                    yield ABSOLUTE_PIT.finding(
                        f"s{citation.label} is {_absolute_as(citation.section)}: the public interest test does "
                        "not apply to it.",
                        paragraph,
                        start,
                        end,
                        suggestion="Apply the public interest test to the qualified exemptions only.",
                    )


def _subsections(document: Document, outline: Outline) -> Iterator[Finding]:
    first_specified: dict[int, int] = {}  # section -> the paragraph of its first citation in full
    for c in outline.citations:
        if c.subsection:
            first_specified.setdefault(c.section, c.paragraph)
    reported: set[int] = set()
    text = " ".join(paragraph.text for paragraph in document.paragraphs)
    for citation in outline.citations:
        if citation.subsection or citation.section in reported:
            continue
        paragraph = document.paragraphs[citation.paragraph - 1]
        if citation.section in first_specified and not _relied_on_first(document, citation, first_specified):
            if _withheld_under(paragraph.text, citation, first_specified):
                reported.add(citation.section)
                note = NO_SUBSECTION.finding(
                    f"Section {citation.section} is cited without its subsection where information is withheld "
                    "under it (it is cited in full elsewhere).",
                    paragraph,
                    citation.start,
                    citation.end,
                    suggestion="Cite the subsection relied on here.",
                )
                note.severity = Severity.INFO
                yield note
            continue  # a later mention of a section cited in full ("Section 30 is a class-based exemption")
        if brackets_lost(paragraph.text, citation.end):
            continue  # "section 33 1(b)": its subsection is there, its brackets lost (PIT208)
        if _summary(paragraph, citation, outline):
            continue  # "exempt under Sections 31, 38 and 40 ... each of which is explained below"
        if _statute_follows(document, paragraph, citation):
            continue  # "Section 31" over its words "(1) Information which ... (a) the prevention ...": quoted
        if _WITHDRAWN.search(_sentence_around(paragraph.text, citation.start, citation.end)):
            continue  # "the arguments applied under Section 31 have been disregarded at review"
        if citation.clause and law.lettered_first_subsection(citation.section, citation.clause):
            continue  # "Section 31(a)": PIT208 names the subsection left out
        exemption = law.EXEMPTIONS[citation.section]
        if _subsection_in_words(document, citation, exemption):
            reported.add(citation.section)  # (its later bare mentions are read the same way)
            continue  # "(section 30) ... (section 31). Subsection (3) of both of these sections provides"
        # (one subsection makes the exemption, s21(1): the section alone is unambiguous, a formality)
        alone = len(exemption.withhold) + len(exemption.ncnd) == 1
        if citation.section == 39 and outline.environmental:
            continue  # "section 39": why the Regulations answer the request, not a refusal under the Act
        reported.add(citation.section)
        if outline.response == "ncnd" and exemption.ncnd:
            choice = f"s{exemption.confirming()}"
        elif outline.response == "withhold" or not exemption.ncnd:
            choice = f"s{exemption.withholding(text)}"
        else:
            choice = (
                f"s{exemption.withholding(text)} to withhold, or s{exemption.confirming()} to neither confirm nor deny"
            )
        finding = NO_SUBSECTION.finding(
            f"Section {citation.section} ({exemption.name}) is cited without its subsection.",
            paragraph,
            citation.start,
            citation.end,
            suggestion=f"Cite the subsection: {choice}.",
        )
        if alone or _only_one_meant(exemption, outline.response):
            finding.severity = Severity.INFO  # "section 22" withholding can only be s22(1): a formality
        yield finding
    yield from _paragraphs(document, outline)


_SUBSECTION_QUOTED = regexes.compile(r"\s*\(1\)\s+\S")


def _statute_follows(document: Document, paragraph: Paragraph, citation: Citation) -> bool:
    """A section's number as a heading, with its text quoted under it from subsection (1): the
    subsections relied on are the ones quoted."""
    heading = paragraph.text[: citation.start].strip() == "" and len(paragraph.text[citation.end :].split()) <= 6
    following = document.paragraphs[paragraph.index] if paragraph.index < len(document.paragraphs) else None
    return heading and following is not None and _SUBSECTION_QUOTED.match(following.text) is not None


def _only_one_meant(exemption: law.Exemption, response: str) -> bool:
    """Whether the response's kind leaves one subsection the bare section can mean, with no
    alternative grounds under it to name (s22 withholding is s22(1); s31 withholding is s31(1)
    and one of its nine grounds, s35 one of four, s30 withholding is 30(1) or 30(2))."""
    meant = exemption.withhold if response == "withhold" else exemption.ncnd if response == "ncnd" else ()
    return len(meant) == 1 and exemption.section in law.ONE_GROUND


# a sentence saying an exemption is not (or no longer) relied on: its citations are not reliance
_WITHDRAWN = regexes.compile(
    r"\bdisregarded\b|\bwithdrawn\b|\bno\s+longer\s+(?:rel|appl|engag)\w*|\bnot\s+(?:be\s+)?relied\s+(?:up)?on\b"
    r"|\b(?:has|have|was|were)\s+not\s+been\s+(?:considered|applied|engaged|cited)\b"
    r"|\bset\s+aside\b|\boverturned\b",
    re.IGNORECASE,
)
_RELIED_ON = regexes.compile(
    r"(?:by\s+virtue\s+of|namely|under|relies?\s+on|relying\s+on|engag\w*|exemptions?,?)\s+(?:the\s+)?$", re.IGNORECASE
)


# a sentence that sends the reader on to where the exemption is cited in full
_POINTS_ON = regexes.compile(
    r"\b(?:see|set\s+out|explained|detailed|described|shown|given|quoted)\s+(?:\w+\s+){0,2}?below\b"
    r"|\bas\s+follows\b"
    r"|\b(?:detailed|set\s+out|explained|given|provided)\s+(?:our|the)\s+(?:rationale|reasons?|reasoning)\b",
    re.IGNORECASE,
)


def _summary(paragraph: Paragraph, citation: Citation, outline: Outline) -> bool:
    """A sentence that lists several sections by number alone and sends the reader on to their
    explanation ("... by virtue of Sections 31, 38 and 40 and have detailed our rationale"): the
    subsections are the explanation's to give, wherever the text goes on."""
    first, last = sentence_around(paragraph.text, citation.start, citation.end)
    listed = [
        other
        for other in outline.citations
        if other.paragraph == citation.paragraph and first <= other.start < last and not other.subsection
    ]
    return len({other.section for other in listed}) >= 2 and _POINTS_ON.search(paragraph.text[first:last]) is not None


# a paragraph that opens by spelling out a provision: "Section 22(1) of the FOIA (...) provides that"
_SPELT_OUT = regexes.compile(
    r"\W*(?:section|s\.?)\s?\d{1,2}\s?\(\s?\d{1,2}[A-Z]?\s?\)[^.]{0,120}?\b(?:provides|states|says|reads)\b",
    re.IGNORECASE,
)


SUBSECTION_REACH = 250  # characters after a bare citation in which its subsection may be named in words
_OF_ANOTHER = regexes.compile(r"\s*of\s+(?:section|s\.?)\s?\d", re.IGNORECASE)


def _subsection_in_words(document: Document, citation: Citation, exemption: law.Exemption) -> bool:
    """Whether the words just after a bare citation name one of the section's subsections on its own
    ("... (section 31). Subsection (3) of both of these sections provides ..."), not another
    section's ("subsection (1) of section 40")."""
    subsections = {sub.upper() for sub in (*exemption.withhold, *exemption.ncnd)}
    text = document.paragraphs[citation.paragraph - 1].text
    for found in _SUBSECTION_NAMED.finditer(text, citation.end, citation.end + SUBSECTION_REACH):
        if found["subsection"].upper() in subsections and not _OF_ANOTHER.match(text, found.end()):
            return True
    return False


_GROUND_FOR_WITHHOLDING = regexes.compile(
    r"\b(?:exempt|withheld|withholding)\s+(?:from\s+disclosure\s+)?(?:under|by\s+virtue\s+of)\s+$", re.IGNORECASE
)


def _withheld_under(text: str, citation: Citation, first_specified: dict[int, int]) -> bool:
    """A bare section with its title, as the ground for withholding a part ("they are exempt under
    Section 31 Law Enforcement"), paragraphs after the section was cited in full for another part:
    a note, as the full citation is there to be read."""
    if citation.paragraph <= first_specified[citation.section]:
        return False
    title = law.EXEMPTIONS[citation.section].name.lower()
    if not text[citation.end :].lstrip(" -\u2013(").lower().startswith(title):
        return False
    return _GROUND_FOR_WITHHOLDING.search(text, max(0, citation.start - 40), citation.start) is not None


def _relied_on_first(document: Document, citation: Citation, first_specified: dict[int, int]) -> bool:
    """A section cited alone as what a part of the response rests on ("engage an exemption, namely
    section 30"), in a paragraph before any citation of it in full: not a mention of one cited in
    full elsewhere, nor one spelt out in its own paragraph ("... under section 31 of the Act.
    Section 31(1)(a) says ...")."""
    if citation.paragraph >= first_specified[citation.section]:
        return False
    if first_specified[citation.section] == citation.paragraph + 1 and _SPELT_OUT.match(
        document.paragraphs[citation.paragraph].text
    ):
        return False  # the next paragraph spells it out: "Section 22(1) of the FOIA (...) provides that"
    text = document.paragraphs[citation.paragraph - 1].text
    sentence = _sentence_around(text, citation.start, citation.end)
    if _POINTS_ON.search(sentence):
        return False  # "exempt under section 31 of the Act - see exemption below": cited in full further on
    # (or a list of what is relied on: "The exemptions relied upon are Section 31(1)(a) ... and Section 38")
    return bool(_RELIED_ON.search(text[max(0, citation.start - 40) : citation.start]) or _RELIANCE.search(sentence))


_RELIANCE = regexes.compile(r"\bexemptions?\s+(?:relied\s+(?:up)?on|applied|engaged)\s+(?:is|are)\b", re.IGNORECASE)


def _paragraphs(document: Document, outline: Outline) -> Iterator[Finding]:
    """A subsection with lettered paragraphs (31(1)(a)-(i), 30(1)(a)-(c) ...) cited without one, in
    a response that withholds (an NCND response rests on its NCND subsection)."""
    if outline.response == "ncnd":
        return
    lettered = {(c.section, c.subsection) for c in outline.citations if c.clause}
    reported: set[tuple[int, str]] = set()
    for citation in outline.citations:
        key = (citation.section, citation.subsection or "")
        letters = law.PARAGRAPHS.get(key)
        if citation.clause or citation.supporting or not letters or key in lettered or key in reported:
            continue
        reported.add(key)
        finding = NO_SUBSECTION.finding(
            f"s{citation.label} has paragraphs ({letters[0]}) to ({letters[-1]}): the one relied on is not named."
            if len(letters) > 2
            else f"s{citation.label} has paragraphs ({letters[0]}) and ({letters[1]}): the one relied on is not named.",
            document.paragraphs[citation.paragraph - 1],
            citation.start,
            citation.end,
            suggestion=f"Name the paragraph, e.g. s{citation.label}({letters[0]}).",
        )
        finding.severity = Severity.INFO
        yield finding


def _likelihood(outline: Outline) -> Iterator[Finding]:
    """A prejudice-based exemption's harm, once it is complete (another section follows it), must
    state a likelihood."""
    prejudice = sorted(
        {c.section for c in outline.citations if law.basis(c.section, c.subsection) == law.PREJUDICE}
        | {c.section for c in outline.citations if c.subsection is None and law.EXEMPTIONS[c.section].prejudice}
    )
    sections = [section for section in outline.sections if section.key is not None]
    harms = [section for section in sections if section.key == "harm"]
    if not prejudice or not harms or sections[-1] is harms[-1]:
        return
    # a harm for each exemption, each under a heading that cites it ("HARM - SECTION 31(1)(a)"), is
    # judged on its own; otherwise the harm as a whole
    own = [(section, outline.cited_in(section.heading.index)) for section in harms if section.heading is not None]
    if len(own) > 1 and len(own) == len(harms) and all(cited for _, cited in own):
        parts = [([section], sorted({c.section for c in cited if c.section in prejudice})) for section, cited in own]
    else:
        parts = [(harms, prejudice)]
    for part, sections_argued in parts:
        harm = [p for section in part for p in section.paragraphs]
        if not sections_argued or not harm or any(_states_likelihood(p.text) for p in harm):
            continue
        where = _weak_harm(harm) or (
            # (its heading, or its run-in label: "Harm: Drones are used ...")
            (part[0].heading,) if part[0].heading is not None else (harm[0], 0, run_in_label_end(harm[0].text))
        )
        yield NO_LIKELIHOOD.finding(
            f"s{sections_argued[0]} is prejudice-based, but the harm never says whether disclosure would, or would "
            "be likely to, cause it.",
            *where,
            suggestion='State the likelihood: "would prejudice" or "would be likely to prejudice".',
        )


# the Act's own formula, quoted to say what the exemption is ("exempt if its disclosure would, or would
# be likely to, prejudice"): it states no likelihood of this harm
_FORMULA = regexes.compile(r"\bwould,?\s+or\s+would\s+be\s+likely\s+to\b", re.IGNORECASE)


_WEAK = regexes.compile(r"\b(?:could|may|might)\b(?:\s+(?:potentially|possibly|also|well))?\s+\w+", re.IGNORECASE)


def _weak_harm(harm: list[Paragraph]) -> tuple[Paragraph, int, int] | None:
    """Where the harm first puts its prejudice as only possible ("could potentially allow")."""
    for paragraph in harm:
        found = _WEAK.search(paragraph.text)
        if found:
            return paragraph, found.start(), found.end()
    return None


def _states_likelihood(text: str) -> bool:
    """Whether a paragraph says "would" or "likely" outside the Act's formula."""
    return _LIKELIHOOD.search(_FORMULA.sub(" ", text)) is not None


# any numbered provision, however the response writes it ("s.30", "Sec 31", "regulation 12(5)(b)",
# "Article 6", "31(3)"): a citation the outline could not read is still a citation, not a missing one
_NUMBERED_PROVISION = regexes.compile(
    r"\b(?:sections?|sec|regulations?|reg|regs|exceptions?|articles?|paragraphs?)\b\.?\s*\(?\d|\bss?\.?\s*\d"
    r"|\b\d{1,3}[A-Z]?\s?\(\d{1,2}[A-Z]?\)",  # "24(2) and 31(3)", the word "section" left out
    re.IGNORECASE,
)


def _exemption_unnamed(document: Document, outline: Outline) -> Iterator[Finding]:
    """The response withholds, or neither confirms nor denies, and cites no provision at all."""
    if outline.citations or not outline.said or outline.response not in ("withhold", "ncnd", "mixed"):
        return
    if any(
        _NUMBERED_PROVISION.search(paragraph.text)
        for paragraph in document.paragraphs
        if paragraph.index not in outline.quoted
    ):
        return
    refusing = [
        statement
        for statement in outline.said
        if statement.kind != "withhold"  # neither confirms nor denies
        or WITHHOLDS.search(_sentence_of(statement))  # not a bare "we confirm that the information is held"
    ]
    if not refusing:
        return
    first = refusing[0]
    yield EXEMPTION_UNNAMED.finding(
        "This response withholds information (or neither confirms nor denies) but never cites the section "
        "it relies on: cite the section and subsection.",
        first.paragraph,
        first.start,
        first.end,
    )


def check(document: Document, outline: Outline, context: Context) -> Iterator[Finding]:
    yield from _exemption_unnamed(document, outline)
    yield from _ncnd(document, outline)
    fitted = list(_citations_fit(document, outline))
    # one finding per slip: a withholding citation flagged inside a sentence that neither confirms
    # nor denies is that sentence's fault, not also its conclusion's or its statement's
    placed = {finding.location.paragraph for finding in fitted if finding.location is not None}
    uncited = [f for f in _ncnd_part_uncited(outline) if f.location is None or f.location.paragraph not in placed]
    # (and a sentence that neither confirms nor denies what the response says it holds is that
    # sentence's slip, though it closes the letter: not also a conclusion contradicting a citation)
    placed |= {finding.location.paragraph for finding in uncited if finding.location is not None}
    yield from (f for f in _conclusion(outline) if f.location is None or f.location.paragraph not in placed)
    yield from _balance_for_disclosure(document, outline)
    yield from fitted
    yield from _exempt_under_ncnd(document, outline)
    yield from uncited
    yield from _mixed_sentences(outline)
    yield from _confirmed_then_ncnd(outline)
    yield from _arguments_fit(outline)
    said = {(c.section, c.subsection) for c in outline.citations if _said_absolute(document, c)}
    said |= _first_condition(document, outline)
    weighed = _weighed_anyway(document)
    absolute = list(_absolute(document, outline, said, weighed))
    # (one finding for the sentence that calls an absolute exemption qualified)
    called = {finding.location.paragraph for finding in absolute if finding.location is not None}
    in_the_test = [
        finding
        for finding in _absolute_in_the_test(document, outline, said, weighed)
        if finding.location is None or finding.location.paragraph not in called
    ]
    if in_the_test:  # (and the sentence that weighs it, rather than the draft as a whole)
        absolute = [finding for finding in absolute if finding.location is not None]
    yield from absolute
    yield from in_the_test
    yield from _subsections(document, outline)
    yield from _likelihood(outline)
