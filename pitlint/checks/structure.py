"""Structure: the parts every PIT needs (harm, factors for and against, a balancing test, a
conclusion), and sections that have a heading but nothing under it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pitlint import law, regexes
from pitlint.checks import Context
from pitlint.document import Document
from pitlint.findings import Category, Finding, Rule, Severity
from pitlint.outline import OUTCOME, SECTION_KEYS, Outline, Section
from pitlint.reuse.text import sentence_around

MISSING_HARM = Rule(
    "PIT101",
    "missing-harm",
    Category.STRUCTURE,
    Severity.ERROR,
    "No harm section: the PIT never sets out what disclosure would damage.",
    "Every PIT must show the harm that disclosure (or confirming or denying) would cause. For a "
    "prejudice-based exemption (s31, s38, s43(2) ...) the harm is the test itself: without it the "
    "exemption is not engaged. For other exemptions the ICO still expects the harm to be explained "
    "before the factors are weighed, so this is a note there; nothing is said where the harm is argued "
    "under another heading, or where only absolute exemptions are cited.",
    "Exemption: Section 31(1)(a) Law enforcement\nFactors favouring disclosure\n...",
    "Exemption: Section 31(1)(a) Law enforcement\nHarm\nDisclosure of the supplier's name would be "
    "likely to prejudice the prevention of crime, because ...\nFactors favouring disclosure\n...",
)
MISSING_FAVOURING = Rule(
    "PIT102",
    "missing-favouring-factors",
    Category.STRUCTURE,
    Severity.ERROR,
    "No factors favouring disclosure: a PIT weighs both sides.",
    "A public interest test weighs the factors in favour of disclosure against those in favour of "
    "maintaining the exemption. With only one side listed there is nothing to weigh, and the ICO "
    "treats the test as not carried out. In an NCND response the factors favour confirming or "
    "denying that information is held.",
    "Factors against disclosure\n...\nBalancing test\n...",
    "Factors favouring disclosure\nDisclosure would show how public money is spent on ...\n"
    "Factors against disclosure\n...\nBalancing test\n...",
)
MISSING_AGAINST = Rule(
    "PIT103",
    "missing-against-factors",
    Category.STRUCTURE,
    Severity.ERROR,
    "No factors against disclosure: nothing supports maintaining the exemption.",
    "The factors against disclosure are the public interest in maintaining the exemption. Without "
    "them the balance cannot fall on the side of non-disclosure, whatever the conclusion says.",
    "Factors favouring disclosure\n...\nBalancing test\nThe balance favours non-disclosure.",
    "Factors favouring disclosure\n...\nFactors against disclosure\nDisclosure would let offenders "
    "judge the force's capability to ...\nBalancing test\n...",
)
MISSING_BALANCING = Rule(
    "PIT104",
    "missing-balancing-test",
    Category.STRUCTURE,
    Severity.ERROR,
    "No balancing test: the factors are listed but never weighed.",
    "The balancing test is where the authority weighs the factors for and against disclosure and "
    "explains which way the balance falls for this request. Listing factors and then jumping to a "
    "conclusion gives no reasons for the outcome, and s17(3)(b) of the Act requires the authority to "
    "state its reasons for finding that the public interest in maintaining the exemption outweighs "
    "the public interest in disclosure.",
    "Factors against disclosure\n...\nTherefore the information is withheld.",
    "Balancing test\nThe public interest in transparency about IT spending is real, but here it is "
    "outweighed by the risk that naming the supplier would expose force systems to attack ...",
)
MISSING_CONCLUSION = Rule(
    "PIT105",
    "missing-conclusion",
    Category.STRUCTURE,
    Severity.ERROR,
    "No conclusion: nothing states which way the public interest falls.",
    "The PIT must end by stating its outcome: that the public interest favours maintaining the "
    "exemption (or, for an NCND response, neither confirming nor denying that information is "
    "held), or that it favours disclosure.",
    "Balancing test\nBoth sides have been considered.",
    "Balancing test\n... Therefore the balance test favours non-disclosure.",
)
EMPTY_SECTION = Rule(
    "PIT106",
    "empty-section",
    Category.STRUCTURE,
    Severity.WARNING,
    "A section heading with nothing under it.",
    "A heading followed directly by the next heading usually means a template section was never "
    "filled in, or its text was deleted by mistake.",
    "Harm\nFactors favouring disclosure\nDisclosure would ...",
    "Harm\nNaming the supplier would be likely to ...\nFactors favouring disclosure\nDisclosure would ...",
)
NO_OUTCOME = Rule(
    "PIT107",
    "conclusion-without-outcome",
    Category.STRUCTURE,
    Severity.ERROR,
    "A conclusion that never states the outcome.",
    "The conclusion must say which way the public interest falls: that it favours maintaining the "
    "exemption (non-disclosure), neither confirming nor denying that information is held, or "
    "disclosure. A conclusion that only summarises the arguments leaves the requester without a decision.",
    "Conclusion\nBoth sides of the argument have been carefully considered.",
    "Conclusion\nHaving considered both sides, the balance test favours non-disclosure.",
)
RULES = (
    MISSING_HARM,
    MISSING_FAVOURING,
    MISSING_AGAINST,
    MISSING_BALANCING,
    MISSING_CONCLUSION,
    EMPTY_SECTION,
    NO_OUTCOME,
)

_SUGGESTIONS = {
    "harm": 'Add a "Harm" section saying what disclosure would damage and how likely that is '
    '("would" or "would be likely to").',
    "favouring": 'Add "Factors favouring disclosure" with the public interest in releasing this information.',
    "against": 'Add "Factors against disclosure" with the public interest in maintaining the exemption.',
    "balancing": 'Add a "Balancing test" that weighs the factors for and against and says which way the balance falls.',
    "conclusion": 'End with the outcome, e.g. "the balance test favours non-disclosure".',
}
_NCND_SUGGESTIONS = {
    "favouring": 'Add "Factors favouring confirming or denying that information is held".',
    "against": 'Add "Factors against confirming or denying that information is held".',
    "conclusion": 'End with the outcome, e.g. "the balance test favours neither confirming nor denying '
    'that information is held".',
}


# a sentence that says what disclosure would damage ("would be likely to prejudice", "would allow
# those intent on", "could place officers at risk"): the harm argued, with or without its heading
_HARM_ARGUED = regexes.compile(
    r"\b(?:would|could|will|may|might)\s+(?:also\s+|therefore\s+|inevitably\s+|potentially\s+)?"
    r"(?:be\s+likely\s+to\s+|be\s+able\s+to\s+|likely\s+)?"
    r"(?:prejudice|endanger|undermine|compromise|jeopardi[sz]e|damage|harm|hinder|impede|disrupt|assist|"
    r"allow|enable|identify|expose|weaken|deter|place|put|threaten|frustrate|defeat|inhibit)\b",
    re.IGNORECASE,
)
HARM_SENTENCES = 2  # sentences of harm, outside the requester's words, that make a harm argued
# (or one in the Act's own words: "disclosure would be likely to prejudice the prevention of crime")
_PREJUDICE_STATED = regexes.compile(
    r"\bwould(?:,?\s+or\s+would\s+be\s+likely\s+to,?)?\s+(?:be\s+likely\s+to\s+)?(?:prejudice|endanger)\b", re.I
)


def _harm_argued(document: Document, outline: Outline) -> bool:
    """Whether the draft argues the harm somewhere, though under no harm heading (in the
    exemption's own section, or among the factors against)."""
    found = 0
    for paragraph in document.paragraphs:
        if paragraph.index not in outline.quoted:
            found += len(_HARM_ARGUED.findall(paragraph.text))
            if found >= HARM_SENTENCES or _PREJUDICE_STATED.search(paragraph.text):
                return True
    return False


def _qualified_cited(outline: Outline) -> bool:
    """Whether a qualified exemption is cited, or none is: an absolute one alone (s40(2), s41)
    needs no public interest test, and so no harm weighed in one."""
    cited = [citation for citation in outline.citations if not citation.supporting]
    return not cited or any(law.is_absolute(c.section, c.subsection) is False for c in cited)


def _harm_severity(outline: Outline) -> tuple[Severity, str]:
    prejudice = sorted({c.section for c in outline.citations if law.EXEMPTIONS[c.section].prejudice})
    if prejudice:
        cited = ", ".join(f"s{section}" for section in prejudice)
        return (
            Severity.ERROR,
            f"No harm section, but {cited} is prejudice-based: the harm must be shown for the exemption to apply.",
        )
    # (a class-based exemption is engaged without harm shown: its absence is worth a note only)
    return Severity.INFO, "No harm section: the PIT never explains what disclosure would damage."


# a public interest test written as prose under its one heading (as Scottish responses write it):
# a paragraph for disclosure, one that turns to the other side, one that weighs them
_PIT_HEADING = regexes.compile(r"^\W*public\s+interest(?:\s+test)?(?:\s+considerations?)?\W*$", re.IGNORECASE)
_TURNS = regexes.compile(r"^\W*(?:however|against\s+this|on\s+the\s+other\s+hand|conversely|but)\b", re.IGNORECASE)
_WEIGHS = regexes.compile(r"\bon\s+balance\b|\bweigh(?:ed|ing)?\b|\boutweigh", re.IGNORECASE)


# each side of the test in a sentence of its own, however the draft lays it out: "I accept that
# there is a public interest in ...", "In favour of confirming or denying, ..."; "However, the
# risk ...", "Against release, ...", "the public interest in protecting ..."
_PROTECTING = r"(?:protecting|maintaining|ensuring|preventing|safeguarding|withholding|not)\b"
_FAVOURING_PROSE = regexes.compile(
    # "there is a genuine public interest in confirming", "there are good reasons why the public
    # would want", "there are strong arguments for disclosure" (not "a public interest in protecting")
    r"\bthere\s+(?:is|are|may\s+be|will\s+be)\s+(?:\w+\s+){0,3}?(?:public\s+interest\s+in\s+(?!" + _PROTECTING + r")"
    r"|(?:arguments?|reasons?|factors?|considerations?)\s+(?:for|why|in\s+favou?r\s+of|favou?ring)\b)"
    # "arguments for disclosure", "factors in favour of confirming or denying"
    r"|\b(?:arguments?|reasons?|factors?|considerations?|case)\s+(?:for|in\s+favou?r\s+of|favou?ring|supporting)\s+"
    r"(?:the\s+)?(?:disclos|releas|confirm|publish|openness|transparency)\w*"
    # "the public has a legitimate interest in knowing"
    r"|\bpublic\s+(?:has|have)\s+(?:a|an)\s+(?:\w+\s+){0,2}interest\s+in\b"
    # "The public interest in openness about firearms licensing is recognised"
    r"|\bpublic\s+interest\s+in\s+(?:openness|transparency|accountability|knowing|understanding)\b"
    r"|\b(?:taken|take|takes)\s+into\s+account\s+that\s+(?:disclosure|release|confirm\w*|denial)\s+would\b"
    r"|(?:^|[.;:]\s+)in\s+favou?r\s+of\s+(?:disclos|releas|confirm)\w*",
    re.IGNORECASE,
)
_AGAINST_PROSE = regexes.compile(
    r"(?:^|[.;:]\s+)(?:however|(?:set\s+|weighed\s+|weighing\s+)?against\s+(?:this|that|these|release|disclosure|confirm\w*)"
    r"|conversely|on\s+the\s+other\s+(?:hand|side))\b"
    r"|\b(?:arguments?|factors?|considerations?|reasons?)\s+against\b"
    r"|\bpublic\s+interest\s+in\s+" + _PROTECTING,
    re.IGNORECASE,
)


def _argued_in_prose(document: Document, outline: Outline) -> set[str]:
    """The argued sections a public interest test written as prose holds: both sides, where a
    paragraph turns from one to the other under its one heading ("However, ..."), or where its
    sentences argue each side in the words PITs use, and the weighing, where one weighs them ("On
    balance, ...")."""
    found: set[str] = set()
    # (where the other side has a heading of its own, the weighing's and the conclusion's words for
    # this side are no section of factors: "The force recognises the public interest in knowing ..."
    # under "Balancing test", after "Factors against disclosure", stands for none)
    for paragraph in document.paragraphs:
        if paragraph.index in outline.quoted:
            continue
        favouring = _FAVOURING_PROSE.search(paragraph.text)
        weighing = outline.section_of(paragraph.index) in ("balancing", "conclusion")
        if weighing and (outline.has("favouring") or (outline.has("against") and favouring)):
            continue
        if favouring:
            found.add("favouring")
        if "favouring" in found and _against_argued(paragraph.text):
            found.add("against")  # (after a side for: "however" alone turns from anything)
    if "favouring" not in found:
        found = set()  # (a side against alone is no test: "however" turns from anything)
    return found | _argued_under_one_heading(outline)


def _against_argued(text: str) -> bool:
    """Whether a sentence argues against disclosure, not one that only weighs the two sides ("The
    public interest in maintaining the exemption therefore outweighs that in disclosure")."""
    for match in _AGAINST_PROSE.finditer(text):
        start, end = sentence_around(text, match.start(), match.end())
        if not _WEIGHED_OUT.search(text, start, end):
            return True
    return False


# a sentence that finds which side weighs more ("... therefore outweighs ...", "On balance, ...")
_WEIGHED_OUT = regexes.compile(r"\boutweigh|\bon\s+balance\b|\bbalance\s+(?:lies|falls|favours)\b", re.IGNORECASE)


def _argued_under_one_heading(outline: Outline) -> set[str]:
    for section in outline.sections:
        if section.key is not None or section.heading is None or not _PIT_HEADING.match(section.heading.text):
            continue
        paragraphs = section.paragraphs
        turn = next((i for i, p in enumerate(paragraphs) if i and _TURNS.match(p.text)), None)
        if turn is None:
            continue
        found = {"favouring", "against"}
        if any(_WEIGHS.search(p.text) for p in paragraphs[turn:]):
            found.add("balancing")
        return found
    return set()


def _items_as_lines(section: Section, following: Section | None) -> bool:
    """A heading that leads into a list ("Factors in favour of disclosure:") whose items are short
    lines without bullets, taken for headings by their look ("Transparency over decision making")."""
    return (
        section.heading is not None
        and section.heading.text.rstrip().endswith(":")
        and following is not None
        and following.key not in SECTION_KEYS
        and following.heading is not None
        and following.heading.heading is None  # a heading by its look only, not by its style
    )


def check(document: Document, outline: Outline, context: Context) -> Iterator[Finding]:
    ncnd = outline.response == "ncnd"
    missing = {
        MISSING_FAVOURING: ("favouring", "No factors favouring disclosure: the PIT weighs only one side."),
        MISSING_AGAINST: ("against", "No factors against disclosure: nothing supports maintaining the exemption."),
        MISSING_BALANCING: ("balancing", "No balancing test: the factors are never weighed against each other."),
        MISSING_CONCLUSION: (
            "conclusion",
            "No conclusion: no closing paragraph states which way the public interest falls.",
        ),
    }
    if not outline.has("harm") and _qualified_cited(outline) and not _harm_argued(document, outline):
        severity, message = _harm_severity(outline)
        finding = MISSING_HARM.finding(message, suggestion=_SUGGESTIONS["harm"], section="harm")
        finding.severity = severity
        yield finding
    in_prose: set[str] | None = None  # (read only where a section is missing)
    for rule, (key, message) in missing.items():
        if not outline.has(key) and in_prose is None:
            in_prose = _argued_in_prose(document, outline)
        if not outline.has(key) and key not in (in_prose or ()):
            suggestion = (_NCND_SUGGESTIONS if ncnd else _SUGGESTIONS).get(key, _SUGGESTIONS[key])
            if ncnd:
                message = message.replace("disclosure", "confirming or denying")
            yield rule.finding(message, suggestion=suggestion, section=key)
    stated = outline.concluded is not None or any(
        OUTCOME.search(p.text) for section in outline.of("conclusion") for p in section.paragraphs
    )
    for section in outline.of("conclusion"):
        if section.heading is not None and section.paragraphs and not stated:
            # (on the conclusion's first sentence, where the outcome belongs, not on its heading)
            first = section.paragraphs[0]
            start, end = sentence_around(first.text, 0, 1)
            yield NO_OUTCOME.finding(
                "The conclusion does not state which way the public interest falls.",
                first,
                start,
                end,
                suggestion=(_NCND_SUGGESTIONS if ncnd else _SUGGESTIONS)["conclusion"],
                section="conclusion",
            )
    for section, following in zip(outline.sections, [*outline.sections[1:], None], strict=False):
        if (
            following is not None
            and following.paragraphs
            and (following.key == section.key or following.key not in SECTION_KEYS)
        ):
            # a heading, then a lead-in of the same section ("Considerations favouring disclosure:"),
            # or its text under sub-headings ("Harm", then "Section 31(1)(a)" or "Choice" and text)
            continue
        if _items_as_lines(section, following):
            continue
        if (
            section.heading is not None
            and section.key in ("harm", "favouring", "against", "balancing")
            and not section.paragraphs
        ):
            yield EMPTY_SECTION.finding(
                f'The "{section.heading.text.strip()}" section is empty.',
                section.heading,
                suggestion="Write the section, or remove the heading if the template does not apply.",
                section=section.key,
            )
