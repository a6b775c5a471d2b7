"""The shape of a PIT: its sections, the exemptions it cites, and the kind of response it gives.

Headings vary between teams and years ("Harm", "Evidence of Harm", "Reasons for Non-Disclosure",
"Considerations favouring Non-Disclosure", "Balance test"...), so they are matched by meaning
first and by fuzzy spelling second. The conclusion usually has no heading of its own: it is the
closing paragraph that states the outcome.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from pitlint import law, regexes, statements
from pitlint.document import Document, Paragraph
from pitlint.readers._paragraphs import looks_like_heading
from pitlint.reuse.text import said_near, sentence_bounds

SECTION_KEYS = ("harm", "favouring", "against", "balancing", "conclusion")
_ARGUED = ("harm", "favouring", "against", "balancing")

_FACTORS = r"(factors?|reasons?|considerations?|arguments?|issues?)"
_HEADING_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("balancing", regexes.compile(r"\bbalanc", re.I)),
    ("conclusion", regexes.compile(r"^\W*(conclusions?|decision|outcome|summary of decision)\b", re.I)),
    (
        "against",
        regexes.compile(
            rf"{_FACTORS}.*\b(against|non[- ]?disclos\w*|non[- ]?release|withhold\w*|neither confirm\w*|maintain\w*"
            r"|retention|retain\w*)"  # ("Factors favouring retention": the information kept back)
            r"|\bagainst (disclosure|release|confirm\w*|complying)"
            r"|\bin favou?r of (non[- ]?disclos\w*|non[- ]?release|withhold\w*|maintain\w*|neither confirm\w*)",
            re.I,
        ),
    ),
    (
        "favouring",
        regexes.compile(
            rf"{_FACTORS}.*\b(favou?r\w*|supporting)\b|\bin favour of (disclosure|release)|"
            # "Reasons for disclosure", not "Reasons for Decision"
            rf"{_FACTORS}\s+for\s+(?:the\s+)?(?:disclos|releas|confirm|compl|publi|openness|transparen)|"
            r"\bfavou?ring (disclosure|release|complying|confirm\w*)",
            re.I,
        ),
    ),
    ("harm", regexes.compile(r"(?<!-)\bharm\b(?!-)|\bprejudice\b", re.I)),  # (not "self-harm incidents")
    ("exemption", regexes.compile(r"\bexemptions?\b|^\W*(section|s\.?)\s*\d{2}\b", re.I)),
]
# Canonical headings for fuzzy matching of misspelt ones ("Balancing Tset", "Factros against disclosure").
_CANONICAL = {
    "balancing test": "balancing",
    "balance test": "balancing",
    "evidence of harm": "harm",
    "harm": "harm",
    "factors favouring disclosure": "favouring",
    "factors favouring release": "favouring",
    "reasons for disclosure": "favouring",
    "factors against disclosure": "against",
    "factors against release": "against",
    "reasons for non-disclosure": "against",
    "conclusion": "conclusion",
}

# however the verbs are inflected, and with "or" for "nor" ("Police Scotland can neither confirm or deny")
NEITHER_CONFIRM_NOR_DENY = r"neither\s+confirm(?:s|ed|ing)?\s+n?or\s+den(?:y|ies|ied|ying)"
OUTCOME = regexes.compile(
    r"\b(balance|public interest)( test)? (clearly )?(favours|is in favour of|falls in favour of)\b"
    # "the balance lies firmly in favour of maintaining", "the public interest lies in withholding"
    r"|\b(balance|public interest)( test)? (therefore |clearly |firmly )*(lies|rests|falls) (firmly |clearly )*"
    r"((in favour of|in|with) )?(maintain\w*|withh\w*|non-?disclosure|neither\b|not (disclos|releas|confirm)\w*)"
    r"|\boutweigh(s|ed)?\b"
    rf"|\b{NEITHER_CONFIRM_NOR_DENY}\b.*\b(held|holds?|exists?)\b"
    r"|\bwill not (disclose|confirm|release)\b"
    r"|\b(therefore|conclude[sd]?|decided|decision)\b.*"
    r"\b(not (be )?disclos\w*|non-?disclosure|withh[oe]ld\w*|maintain\w*)",
    re.I,
)
_WEIGHED_TO_CONCLUDE = regexes.compile(
    r"\b(?:having|after|when)\s+(?:carefully\s+)?(?:weighed|weighing|balanced|balancing)\b|\bon balance\b"
    r"|^\W*weighing\b|\b(?:has|have|had)\s+(?:carefully\s+)?(?:weighed|balanced)\b|\bin\s+(?:weighing|balancing)\b"
    r"|\bhaving\s+(?:carefully\s+)?considered\s+(?:all\s+(?:of\s+)?)?(?:these|the|both|each)\b",
    re.I,
)
_WEIGHING = regexes.compile(
    r"\bon balance\b|\bbalanc(e|ing) (test|exercise)\b|\bweigh(ed|ing)?\b|\bmeasured (against|with)\b|\boutweigh"
    r"|\bbalanc(?:ed|ing) (?:these|the|those|all|both)\b",
    re.I,
)


def concluding_paragraph(outline: Outline) -> Paragraph | None:
    """The paragraph of the conclusion that states its outcome (the last that does), else the
    conclusion's last paragraph: not the review and complaints paragraphs a conclusion runs into."""
    paragraphs = [p for section in outline.of("conclusion") for p in section.paragraphs]
    pattern = _NCND_OUTCOME if outline.concluded == "ncnd" else _WITHHOLD_OUTCOME
    stating = [paragraph for paragraph in paragraphs if pattern.search(paragraph.text)]
    return (stating or paragraphs or [None])[-1]


# (or the test weighed as NCND's is: "greater than the public interest in confirming or denying")
_NCND_OUTCOME = regexes.compile(
    rf"\b{NEITHER_CONFIRM_NOR_DENY}\b|\bnot (to )?confirm or deny\b|\bpublic interest in confirming or denying\b", re.I
)
_WITHHOLD_OUTCOME = regexes.compile(
    r"\bnon-?\s?disclosure\b|\bnot (be )?disclos\w*|\bwithh[oe]ld\w*|\bmaintain\w* the exemption|"
    r"\bexemptions? (is|are) (engaged|maintained)|\boutweighs the public interest in disclos",
    re.I,
)
# the date on a label line of a disclosure log: "Request received: 7 August 2020", "Response sent: 03/06/2025"
_LABEL_DATE = (
    r"(?:[A-Za-z]{3,9},?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+,?\s+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})\W*$"
)
_REQUEST = regexes.compile(
    r"^\W*(?:(?:your request|request(?:ed)?|information requested|you (?:asked|requested)|questions?(?:\(s\))?(?=\s*:))"
    r"(?:\b|(?<=\)))"  # (after "Question(s)" no word boundary comes before the colon)
    r"\s*(?:for)?\s*[:\-\u2013]\s*"
    # a label line the reader joined to the request it heads: "You asked for Please can you provide"
    r"|(?:information\s+requested|you\s+(?:asked\s+for|requested))\s+(?=(?-i:[A-Z][a-z])))"
    r"(?P<text>\S.*)",
    re.I,
)
_REQUEST_LABEL = regexes.compile(
    # "Request and Answer:" heads both; "In relation to your request, the following exemption applies:" is the force's
    (
        r"^(?!.*\b(?:answer|response|reply|decision|exempt\w*|appl(?:y|ies))\b)(?:"
        r"^\W*(your request|(?:FOI\s+|freedom\s+of\s+information\s+)?request|information requested"
        r"|you asked(?:\s+(?:for|us))?|you requested|you wrote|you said"
        r"|you\s+(?:requested|asked\s+for|sought)\s+the\s+following(?:\s+information)?)\W*$"
        r"|^\W*(?:FOI\s+)?request\s+(?:received|made|dated?)\W*"
    )
    + _LABEL_DATE  # "Request Received: 7 August 2020"
    + r"|[^:]*?\byou\s+(?:seek|sought|asked|requested|have\s+requested|have\s+asked|wanted)\b"
    r"[^.]{0,200}:\s*[-\u2013]?\s*$"
    r"|^(?!.*\b(?:I|we)\b)[^.]{0,80}\brequests?\b[^.]{0,80}[:;]\s*$"  # "The requests to be considered are;"
    # "Thank you for your request for information received on 13th May, which was as follows:-",
    # "... your email, in which you made the following request for information:"
    r"|[^.]*\b(?:request\b[^.]*\b(?:as\s+follows|the\s+following)|the\s+following\s+request\b[^.:;]*)"
    r"\s*[:;]\s*[-\u2013]?\s*$"
    r"|^\W*(?:I|we)\s+(?:have\s+)?(?:received|were\s+sent)\s+(?:a|an|your|the\s+following)\s+"
    r"(?:\w+\s+){0,2}request\b[^.]{0,120}[:;]\s*$"  # "We received a request under the Act (FOIA):"
    r")",
    re.I,
)
# the requester's own opening words, quoted unlabelled (as disclosure logs and request sites
# print them): "I would like to request the following information", "I am writing to request"
# a requester asking for something by name: "could I please have copies of the minutes", "I wish
# copies of all the minutes" (no officer writes so); wherever such a paragraph stands in the opening
_ASKING_WORDS = (
    r"\b(?:[Cc]ould|[Cc]an|[Mm]ay)\s+I\s+(?:please\s+)?(?:have|request|obtain|be\s+(?:sent|provided))\b"
    r"|(?<![A-Za-z])I\s+(?:wish|want|would\s+like)\s+(?:to\s+(?:have|receive|be\s+sent)\s+)?"
    r"(?:copies|a\s+copy|details|a\s+list|the\s+(?:number|numbers|minutes|figures|names))\b"
)
_ASKING = regexes.compile(_ASKING_WORDS)
_FIRST_PERSON_REQUEST = regexes.compile(
    (
        r"(?<![A-Za-z])I\s+(?:would\s+(?:like|be\s+(?:most\s+|very\s+)?grateful\s+if\s+you\s+could)|wish|am\s+writing)\s+(?:to\s+)?"
        r"(?:request|ask|obtain|see|know|provide|send|receive)\b"
        r"|\bI\s+(?:hereby\s+)?request\s+(?:the\s+following|(?:under|in\s+accordance\s+with)\s+the\s+Freedom)\b"
        # a company or group writing: "We wish to obtain", "This is a request for information, filed under"
        r"|\bWe\s+(?:would\s+like|wish|are\s+writing)\s+to\s+(?:request|obtain)\b"
        r"|\bThis\s+is\s+a\s+request\s+(?:for\s+information\b|(?:made\s+)?under\b)"
        # "I am making a freedom of information request in respect of ...", "We are submitting a request"
        r"|\b(?:I\s+am|We\s+are)\s+(?:making|submitting)\s+(?:a|this)\s+(?:freedom\s+of\s+information\s+|FOI\s+)?request\b"
        # "I am contacting you under the Freedom of Information Act 2000."
        r"|\b(?:I\s+am|We\s+are)\s+contacting\s+you\s+(?:under|in\s+accordance\s+with)\s+the\s+Freedom\s+of\s+"
        r"Information\s+[Aa]ct\b(?!.{0,80}\byour\s+request\b)"
        # "... and was wondering if you could send over a list": a requester asking for something (an
        # officer wonders too, but to ask a question back: "if you could clarify")
        r"|(?<![A-Za-z])(?:I|and)\s+(?:was|am|were)\s+wondering\s+(?:if|whether)\s+(?:you\s+(?:could|would|can|might)\s+"
        r"(?:please\s+)?(?:send|provide|supply|tell|let\s+me|give|forward|share)\b|it\s+(?:would|is|might)\s+be\s+"
        r"possible\s+(?:for\s+me\s+)?to\s+(?:have|obtain|get|receive|see|be\s+sent)\b)"
    )
    + r"|"
    + _ASKING_WORDS
)
# a later paragraph in the requester's voice: "We therefore request a list", "I would also like"
_REQUESTER_GOES_ON = regexes.compile(
    r"^\W*(?:I|We)\s+(?:also\s+|therefore\s+|further\s+|would\s+also\s+)?(?:request|would\s+like|wish|require)\b"
)
_SALUTATION = regexes.compile(r"\W*dear\b", re.IGNORECASE)
# a letter's reference or date line: under "Freedom of Information Request", the title of the letter
_LETTER_HEADING = regexes.compile(
    r"\W*(?:(?:our|your)\s+)?(?:ref(?:erence)?|date|dated)\b(?:\s+(?:no\.?|number))?\s*[:.\-]", re.IGNORECASE
)
# a label that heads the response, on its own line: the request quoted above it runs up to it
_RESPONSE_LABEL = regexes.compile(
    r"^\W*(?:our\s+|the\s+)?(?:FOI\s+|freedom\s+of\s+information\s+)?(?:response|reply|answer)"
    r"(?:\W*$|\s+(?:sent|dated?|issued)\W*" + _LABEL_DATE + ")",  # "Response Sent: 28 August 2020"
    re.I,
)
# a start of the response only where no response label follows: requesters write "Please note" too
_PLEASE = regexes.compile(r"^\W*please\s+(?:see|find|note)\b", re.I)
_REQUEST_ITEM = regexes.compile(
    r"^\s*(?:\d{1,2}[.):]|[a-z][.)]|[\-\u2013\u2022*]|please\b|can you\b|could you\b)", re.I
)
# a question of the request, answered below it: "Q3) How many ...?", "Question 2: ...", "4. Do you ...?"
_QUESTION = regexes.compile(
    r"^\W*(?:Q\s?\d{1,2}|Question\s+\d{1,2})\s*[).:\-\u2013]|^\s*\d{1,2}\s?[.)]\s.*\?\s*$"
    # "1) At what time was this posted", "2) Request for a copy of": a question without its "?"
    r"|^\s*\d{1,2}\s?[.)]\s+(?:(?:at|in|on|for|from|by|to)\s+)?(?:what|when|how|who|whom|which|where|why|whether)\b"
    r"|^\s*\d{1,2}\s?[.)]\s+(?:please\b|(?:a\s+)?request(?:ing)?\s+for\b|(?:can|could|would|will)\s+you\b)",
    re.IGNORECASE,
)
# where the response begins after a request quoted in full
_RESPONSE_START = regexes.compile(
    r"^\W*(?:in\s+)?(?:response|reply|answer|decision)\b"
    r"|^\W*(?:I|we)\s+(?:can|cannot|have|am|are|will|would|do|note|enclose|attach)\b"
    r"(?!\s+(?:like|want|wish|request|ask|trying|looking|seeking|interested|hoping|aware"
    r"|writing\b(?!\s+to\s+(?:confirm|inform|advise|let|update|explain))|be\s+(?:most\s+|very\s+)?grateful))"
    r"|\bneither\s+confirm|\bfollowing\s+receipt\b|\bthank\s+you\s+for\s+your\b"
    # the searches made for the answer: "Having completed searches, ...", "Searches were made by the unit"
    r"|^\W*having\s+(?:completed|carried\s+out|conducted|made)\s+(?:the\s+|all\s+)?(?:searches|a\s+search|enquiries)\b"
    r"|^\W*(?:searches|enquiries)\s+(?:were|have\s+been)\s+(?:made|carried\s+out|conducted|undertaken)\b"
    # "Following searches with the unit, ...", "Kent Police has considered your request"
    r"|^\W*(?:following|after)\s+(?:the\s+|all\s+)?(?:searches|a\s+search|enquiries)\b"
    r"|\b(?:has|have)\s+considered\s+your\s+request\b"
    # the answers announced: "Each question is answered in turn below."
    r"|^\W*(?:each|every|all|the)\s+(?:of\s+(?:the|your)\s+)?(?:questions?|parts?|points?)\s+"
    r"(?:is|are|has\s+been|have\s+been)\s+answered\b"
    r"|\b(?:has|have)\s+(?:now\s+)?been\s+(?:considered|processed|assessed)\b"  # "Your request has now been considered"
    r"|^\W*please\s+(?:see|find|note)\b|^\W*attached\b|\bexempt\s+(?:from\s+(?:disclosure|release)\s+)?(?:by\s+virtue|under)\b"
    r"|\b(?:is|are)\s+(?:being\s+)?withheld\s+under\b"
    # whether it is held: "Information is not held.", "The information you requested is held by the council"
    r"|^\W*(?:the\s+|no\s+|some\s+|all\s+(?:the\s+)?)?(?:relevant\s+|requested\s+)?information\s+"
    r"(?:(?:that\s+)?you\s+(?:have\s+)?(?:requested|asked\s+for|seek|sought)\s+)?(?:is|was)\s+(?:not\s+)?held\b"
    r"(?![^.]{0,60}\byour\b)"  # (not the requester's "Information is held by your force about ...")
    r"|^\W*(?:section|s\.?)\s?\d{1,2}\s?\(|^(?-i:[A-Z]{2,}(?:[ /&,\-]+[A-Z]{2,}){2})\b"  # a citation; words in capitals
    r"|\b(?:is|are|am|was|were)\s+(?:unable|not\s+able)\s+to\s+(?:provide|confirm|disclose|supply|release)\b"
    # a body speaking: "The force is", "The Foreign & Commonwealth Office (FCO) does hold"
    r"|^\W*(?:(?-i:[A-Z])[\w&-]*\s+){1,5}(?:&\s+(?:(?-i:[A-Z])[\w-]*\s+){1,3})?"
    r"(?:Police|Constabulary|Service|Force|Office|Council|Trust|Department|Authority|Agency|Board|Government|Ministry)"
    r"\s+(?:\((?-i:[A-Z]{2,})\)\s+)?(?:is|are|has|have|does|do|can|cannot|will|holds?|would|neither)\b",
    re.I,
)
CITATION = regexes.compile(
    r"\b(?:sections?|section\(s\)|sect\.|sec\.|s\.?|exemptions?)\s?(?P<number>\d{1,2})(?![\dA-Za-z]|\.\d)"
    r"(?P<subsections>(?:\s?\(\s?[0-9]{1,2}[A-Z]?\s?\))?(?:\s?\(\s?[a-z]{1,4}\s?\))*)"
    # "(1) (a,b)": paragraphs in one bracket; "43(1&2)": subsections in one
    r"(?P<listed>\s?\(\s?(?:[a-z](?:\s?(?:,|&|and)\s?[a-z])+|\d{1,2}(?:\s?(?:,|&|and)\s?\d{1,2})+)\s?\))?"
    r"(?P<more>(?:(?:\s?(?:,|and|or|&)\s?\(\s?(?:[0-9]{1,2}[A-Z]?|[a-z]{1,4})\s?\)|\s?\(\s?[0-9]{1,2}[A-Z]?\s?\))"
    r"(?:\s?\(\s?[a-z]{1,4}\s?\))*)*)",  # "(1)(a) and (b)", "(2) and (3)(a)", "(2)(3)&(4)"
    re.I,
)

_DIGIT = regexes.compile(r"\d")
# "Sections 30(1)(a) and 31(1)(a)", "Section 23, 24, 31 and 40": the later numbers have no "s" of
# their own (after a singular "Section", only a list that ends "and N" or "or N" is one).
# (each number may carry its title in brackets: "Sections 26(1)(b) (Defence), 38(1) (Health & Safety) and 40(2)")
_TITLED = r"(?:\s?\((?-i:[A-Z])[^()]{2,40}\))?"
_CITATION_LIST = regexes.compile(
    r"\bsection(?P<plural>s)?\s(?P<items>\d{1,2}(?:\s?\([0-9A-Za-z]{1,4}\))*"
    + _TITLED
    + r"(?:\s?(?:,|and|&|or)\s?\d{1,2}(?:\s?\([0-9A-Za-z]{1,4}\))*"
    + _TITLED
    + r")+)",
    re.I,
)
_LIST_END = regexes.compile(r"(?:\band|\bor|&)\s?\d{1,2}(?:\s?\([0-9A-Za-z]{1,4}\))*" + _TITLED + "$")
_CITATION_ITEM = regexes.compile(r"(?P<number>\d{1,2})(?P<subsections>(?:\s?\([0-9A-Za-z]{1,4}\))*)")


@dataclass(frozen=True)
class Citation:
    """One exemption cited, e.g. 31(1)(a): section 31, subsection "1", paragraph "a"."""

    section: int
    subsection: str | None
    clause: str | None
    text: str  # as written in the draft
    paragraph: int
    start: int
    end: int
    supporting: bool = False  # "30(3) ... by virtue of 30(2)": the ground of an NCND citation
    garbled: str | None = None  # brackets typed wrong ("31 (1()(a)"): the text as written

    @property
    def kind(self) -> str | None:
        """'ncnd' or 'withhold' where the subsection says which duty is refused."""
        return law.subsection_kind(self.section, self.subsection)

    @property
    def label(self) -> str:
        return (
            f"{self.section}"
            + (f"({self.subsection})" if self.subsection else "")
            + (f"({self.clause})" if self.clause else "")
        )


@dataclass
class Section:
    """A part of the PIT: its heading (None for an untitled conclusion) and its paragraphs."""

    key: str | None  # one of SECTION_KEYS, "exemption", or None for other headings
    heading: Paragraph | None
    paragraphs: list[Paragraph] = field(default_factory=list)
    exemption: int | None = None  # the exemption these factors are about, where the draft says

    @property
    def title(self) -> str:
        return self.heading.text if self.heading else ""


@dataclass
class Outline:
    sections: list[Section]
    citations: list[Citation]
    response: str  # "ncnd", "withhold", "mixed" or "unknown": what the text says, else what is cited
    concluded: str | None  # what the conclusion says: "ncnd", "withhold" or None
    request: Paragraph | None = None
    quoted: frozenset[int] = frozenset()  # paragraphs (1-based) holding the requester's own words
    stated: str | None = None  # what the response says it does ("ncnd", "withhold", "mixed"), if it says
    cited: str | None = None  # what the subsections cited do ("ncnd", "withhold", "mixed"), if they say
    said: list[statements.Statement] = field(default_factory=list)  # the sentences that say what it does
    scottish: bool = False  # answered under the Freedom of Information (Scotland) Act: no citations of this one
    environmental: bool = False  # answered under the Environmental Information Regulations: "exceptions"
    _by_paragraph: dict[int, list[Citation]] | None = field(default=None, repr=False)

    def cited_in(self, paragraph: int) -> list[Citation]:
        """The citations in one paragraph (1-based), in order."""
        if self._by_paragraph is None:
            self._by_paragraph = {}
            for citation in self.citations:
                self._by_paragraph.setdefault(citation.paragraph, []).append(citation)
        return self._by_paragraph.get(paragraph, [])

    def of(self, key: str) -> list[Section]:
        return [section for section in self.sections if section.key == key]

    def has(self, key: str) -> bool:
        return bool(self.of(key))

    def argued(self, keys: tuple[str, ...] = ("harm", "favouring", "against")) -> list[Paragraph]:
        """The paragraphs of the sections with these keys, with the text under their sub-headings
        ("Harm", then "Section 31(1)(a)" and its text): up to the next section of the PIT."""
        found: list[Paragraph] = []
        inside = False
        for section in self.sections:
            if section.key in keys:
                inside = True
            elif section.key in SECTION_KEYS:
                inside = False
            if inside:
                found.extend(section.paragraphs)
        return found

    def section_of(self, paragraph: int) -> str | None:
        """The key of the section a paragraph (1-based) belongs to; the conclusion wins."""
        found = None
        for section in self.sections:
            members = [p.index for p in section.paragraphs] + ([section.heading.index] if section.heading else [])
            if paragraph in members:
                found = section.key if section.key in SECTION_KEYS else found
                if section.key == "conclusion":
                    return "conclusion"
        return found


def classify_heading(text: str) -> str | None:
    """The section key a heading announces, or None when it announces none of them."""
    clean = re.sub(r"\s+", " ", text).strip(" :*#\t")
    for key, pattern in _HEADING_PATTERNS:
        if pattern.search(clean):
            return key
    from rapidfuzz import fuzz, process

    match = process.extractOne(clean.lower(), _CANONICAL.keys(), scorer=fuzz.ratio, score_cutoff=85)
    if match is None or not _typed_for(clean.lower().split(), match[0].split()):
        return None
    return _CANONICAL[match[0]]


def _typed_for(written: list[str], canonical: list[str]) -> bool:
    """Is a heading a known one mistyped word by word ("Factors favoring disclosure"), not another
    heading that shares most letters ("Reasons for decision" is not "Reasons for disclosure")?"""
    from rapidfuzz import fuzz

    if len(written) != len(canonical):
        return False
    return all(fuzz.ratio(a, b) >= 75 for a, b in zip(written, canonical, strict=True))


def is_heading(paragraph: Paragraph) -> bool:
    if paragraph.heading is not None:
        return paragraph.heading
    return not paragraph.in_table and looks_like_heading(paragraph.text)


def _levels(text: str) -> tuple[str | None, list[str]]:
    """'(1)(a)' -> ('1', ['a']); '(a)' -> (None, ['a'])."""
    levels = re.findall(r"\(\s?([0-9A-Za-z]{1,4})\s?\)", text)
    subsection = levels[0].upper() if levels and levels[0][0].isdigit() else None
    return subsection, [level.lower() for level in levels[1 if subsection else 0 :] if not level[0].isdigit()]


# "section 44 of the Terrorism Act 2000", "the Police Act 1996, section 38": another Act's section
_OTHER_ACT_AFTER = regexes.compile(
    r"\s*(?:\([^)]{0,12}\)\s*)*(?:of|under|in)\s+(?:the\s+)?(?!Freedom\s+of\s+Information|FOIA?\s+Act\b|FOI\b)"
    r"(?:[A-Z][\w'\u2019-]*\s+(?:and\s+|of\s+|&\s+)?){1,7}(?:Act|Regulations?|Order)\b"
    r"|\s*(?:of|under|in)\s+(?:the\s+)?(?:DPA|PACE|RIPA|IPA|TA|GDPR|UK GDPR|EIR)\b"
)
# The Freedom of Information (Scotland) Act 2002 numbers its exemptions otherwise (its s38 is
# personal information, s30 prejudice to public affairs, s33 commercial interests): a response
# under it is not read against this Act's table.
# (a pattern that starts with its literal word, "\b" after it, is found by a fast scan for the
# word: one that starts with "\b" or in any case is tried at every character, thirty times slower)
_SCOTTISH_ACRONYM_WORDS = r"FOI\s?\(?S\)?A"
_SCOTTISH_NAME_WORDS = r"Freedom\s+of\s+Information\s+\(\s*Scotland\s*\)"
_SCOTTISH_ACRONYM = regexes.compile(r"FOI(?<=\bFOI)\s?\(?S\)?A\b")  # _SCOTTISH_ACRONYM_WORDS, led by its literal
_SCOTTISH_NAME = regexes.compile(r"\b" + _SCOTTISH_NAME_WORDS, re.I)
# the Scottish Act is 2002's, this one 2000's: "the Freedom of Information Act 2002" is the Scottish one
_SCOTTISH_YEAR = regexes.compile(r"\bFreedom\s+of\s+Information\s+Act\s+2002\b", re.IGNORECASE)
_UK_ACT = regexes.compile(r"\bFreedom\s+of\s+Information\s+Act\b(?!\s+2002\b)|\bFOIA\b", re.IGNORECASE)
_OTHER_ACT_SCOTTISH = regexes.compile(
    r"\s*(?:\([^)]{0,12}\)\s*)*(?:\([^)]{0,60}\)\s*)?(?:of|under|in)\s+(?:the\s+)?"
    rf"(?:{_SCOTTISH_ACRONYM_WORDS}\b|{_SCOTTISH_NAME_WORDS})"
)
_SCOTTISH_BEFORE = regexes.compile(rf"\b{_SCOTTISH_ACRONYM_WORDS},?\s*$")
_OTHER_ACT_BEFORE = regexes.compile(r"\b(?!Information\b)[A-Z][a-z]+\s+(?:Act|Regulations)(?:\s+\d{4})?,?\s*$")
# brackets after a section number that do not pair up: "Section 31 (1()(a)", "s40 (5A))"
_GARBLED = regexes.compile(
    r"(?=[ \t(]{0,3}\()[ \t()]{1,4}(?:(?:[0-9]{1,2}[A-Z]?|[a-z]{1,3})(?![A-Za-z0-9])[ \t()]{0,4}){1,6}(?<=\))"
)


_FOI_NAMED = regexes.compile(r"\bFreedom\s+of\s+Information\b|\bFOIA?\b|\bthe\s+Act\b", re.IGNORECASE)
# "Information which is not exempt information by virtue of section 30 is exempt information if ...":
# the Act's own words quoted, whose cross-references are not this response's citations
_STATUTE = regexes.compile(r"\bexempt\s+information\b|\bunder\s+this\s+Act\b", re.IGNORECASE)
_BY_VIRTUE = regexes.compile(r"\bby\s+virtue\s+of\b|\bin\s+relation\s+to\b|\bunder\b", re.IGNORECASE)


_SENTENCE_REACH = 300  # characters either side of a citation searched for its sentence


# a police power's use named by its section: "the Section 44 authorisations database", "section 60
# stops", "section 43 searches" (the Terrorism Act's and the Criminal Justice and Public Order Act's)
_POLICE_POWER_AFTER = regexes.compile(
    r"\s+(?:authori[sz]ations?|stops?|searches|stop\s+and\s+search(?:es)?|powers?|orders?|warrants?)\b",
    re.IGNORECASE,
)


def another_act(text: str, start: int, end: int) -> bool:
    """Whether a section number at text[start:end] is named as another Act's ("section 44 of the
    Terrorism Act", "the Terrorism Act 2000 Section 44", "section 38(1)(b) of FOISA")."""
    before = text[max(0, start - 40) : start]
    return bool(
        _OTHER_ACT_AFTER.match(text, end)
        or _POLICE_POWER_AFTER.match(text, end)
        or _OTHER_ACT_SCOTTISH.match(text, end)
        or _OTHER_ACT_BEFORE.search(before)
        or _SCOTTISH_BEFORE.search(before) is not None
    )


def under_scottish_act(document: Document, text: str | None = None) -> bool:
    """Whether a response answers under the Freedom of Information (Scotland) Act: it names that
    Act and never this one, so each section it cites is the Scottish Act's (``text``: the
    document's paragraphs joined, when already made)."""
    text = document.text if text is None else text
    named = (
        _SCOTTISH_ACRONYM.search(text)
        or ("scotland" in text.lower() and _SCOTTISH_NAME.search(text))
        or _SCOTTISH_YEAR.search(text)
    )
    if not named:
        return False
    this_act = len(_UK_ACT.findall(text))
    if not this_act:
        return True
    # (this Act named too: a slip in a Scottish letter where the Scottish Act, its Commissioner and
    # its sections are named more often, "a refusal notice under section 16 of the Freedom of
    # Information Act 2000"; a passing mention of the Scottish Act in a letter under this one)
    scottish = (
        len(_SCOTTISH_ACRONYM.findall(text))
        + len(_SCOTTISH_NAME.findall(text))
        + len(_SCOTTISH_YEAR.findall(text))
        + len(_SCOTTISH_COMMISSIONER.findall(text))
    )
    # (and the letter is Police Scotland's: an English force's letter may name the Scottish Act and its
    # Commissioner to send the requester on)
    return scottish > 2 * this_act and text.count("Police Scotland") >= SCOTTISH_FORCE_NAMED


SCOTTISH_FORCE_NAMED = 3  # times a Scottish response names Police Scotland where this Act is named too
_SCOTTISH_COMMISSIONER = regexes.compile(r"\bScottish\s+Information\s+Commissioner\b", re.IGNORECASE)


_EIR_ACRONYM = regexes.compile(r"EIR(?<=\bEIR)s?\b")  # (led by its literal: see above)
_EIR_NAME = regexes.compile(r"environmental\s+information\s+regulations")


def under_environmental_regulations(document: Document, text: str | None = None) -> bool:
    """Whether a response answers under the Environmental Information Regulations 2004, whose
    grounds for refusal are "exceptions", not "exemptions" (``text`` as for `under_scottish_act`)."""
    text = document.text if text is None else text
    if _EIR_ACRONYM.search(text):
        return True
    lowered = text.lower()
    return "environmental" in lowered and _EIR_NAME.search(lowered) is not None


def foi_act(text: str, start: int, end: int) -> bool:
    """Whether a section number at text[start:end] is one of this Act's, cited by this response:
    not another Act's, and not a cross-reference inside the Act's own words quoted."""
    return not another_act(text, start, end) and not _in_quoted_statute(text, start, end)


def _in_quoted_statute(text: str, start: int, end: int) -> bool:
    """Whether a section number is a cross-reference in the Act's own words quoted ("... by
    virtue of section 30 is exempt information if ...")."""
    before = text[max(0, start - _SENTENCE_REACH) : start]
    after = text[end : end + _SENTENCE_REACH]
    before = before[max(before.rfind(". "), before.rfind("\n")) + 1 :]
    after = after[: min((i for i in (after.find(". "), after.find("\n")) if i >= 0), default=len(after))]
    if _OUTSIDE_OF.search(before):
        return True  # s24(1) in its own words: "information which does not fall within section 23(1)"
    return bool(_STATUTE.search(before + after) and re.search(r"by\s+virtue\s+of\s*$", before))


# a section named only to set its information aside: the Act's words for s24(1) and s23's kin
# (and s31(1)'s: "information which is not exempt by virtue of section 30 is exempt if")
_OUTSIDE_OF = regexes.compile(
    r"\bnot\s+(?:(?:fall|falling|fell)\s+within|exempt(?:\s+information)?\s+by\s+virtue\s+of)\s*$", re.IGNORECASE
)


_BRACKETS_LOST = regexes.compile(r"\s\d{1,2}[A-Z]?(?:\([a-z]{1,4}\))+")  # "section 33 1(b)": after the number


def brackets_lost(text: str, end: int) -> bool:
    """Whether a section number at text[:end] is followed by its subsection's number without its
    brackets ("section 33 1(b)"), which PIT208 reports."""
    return _BRACKETS_LOST.match(text, end) is not None


def _garbled(text: str, end: int) -> str | None:
    """The brackets after a citation, when they are typed wrong."""
    found = _GARBLED.match(text, end)
    if found is None:
        return None
    brackets = found.group()
    clean = re.fullmatch(r"(?:\s?\(\s?[0-9A-Za-z]{1,4}\s?\))+", brackets)
    return None if clean else brackets.strip()


def find_citations(document: Document, scottish: bool | None = None) -> list[Citation]:
    """Every exemption of the Act cited (sections 21 to 44), with subsection and clause where given;
    another Act's sections ("section 44 of the Terrorism Act") are left out, and none are cited in a
    response under the Scottish Act (``scottish``: `under_scottish_act`, when already known)."""
    citations: list[Citation] = []
    if under_scottish_act(document) if scottish is None else scottish:
        return citations
    other_acts: set[int] = set()  # numbers given to another Act's sections ("Terrorism Act 2000 Section 44")
    for paragraph in document.paragraphs:
        text = paragraph.text
        if not _DIGIT.search(text):
            continue  # (most paragraphs: no number, so no citation)
        found: list[Citation] = []
        for match in CITATION.finditer(text):
            number = int(match["number"])
            if number not in law.EXEMPTIONS:
                continue
            if another_act(text, match.start(), match.end()):
                other_acts.add(number)
                continue
            if _in_quoted_statute(text, match.start(), match.end()):
                continue
            bare = number in other_acts and not match["subsections"]
            if bare and not said_near(_FOI_NAMED, text, match.start(), match.end()):
                continue  # "designated under Section 44", after the Terrorism Act's section 44
            subsection, clauses = _levels(match["subsections"])
            garbled = _garbled(text, match.end())
            if garbled and not match["subsections"]:
                levels = re.findall(r"[0-9]{1,2}[A-Z]?|[a-z]{1,3}", garbled)
                subsection, clauses = _levels("".join(f"({level})" for level in levels))
            end = match.end() + (text.find(garbled, match.end()) - match.end() + len(garbled) if garbled else 0)
            where = dict(
                text=text[match.start() : end].strip(), paragraph=paragraph.index, start=match.start(), end=end
            )
            listed = re.findall(r"\b(?:[a-z]{1,4}|\d{1,2})\b", re.sub(r"\band\b", ",", match["listed"] or ""))
            numbered = bool(listed) and listed[0].isdigit()  # "43(1&2)": subsections, each its own citation
            if numbered and subsection is None:
                subsection, listed = listed[0], listed[1:]
            elif listed and not numbered and not subsection:
                listed = []  # "Section 31 (a, b)": paragraphs with no subsection (PIT204 asks for it)
            elif listed and not numbered and not clauses:
                clauses, listed = listed[:1], listed[1:]
            found.append(Citation(number, subsection, clauses[0] if clauses else None, **where, garbled=garbled))
            found.extend(
                Citation(number, item, None, **where) if numbered else Citation(number, subsection, item, **where)
                for item in listed
            )
            current = subsection
            # "31(1)(a) and (b)", "40(2) and (3)(a)", "40(2)(3)&(4)": each subsection, with its first clause
            for group in re.split(r"\s?(?:,|and|or|&)\s?|(?=\(\s?[0-9])", match["more"]):
                levels = re.findall(r"\(\s?([0-9A-Za-z]{1,4})\s?\)", group)
                if not levels:
                    continue
                if levels[0][0].isdigit():
                    current = levels[0].upper()
                    levels = levels[1:]
                    if not levels:
                        found.append(Citation(number, current, None, **where))
                for clause in levels[:1]:
                    found.append(Citation(number, current, clause.lower(), **where))
        for listed in _CITATION_LIST.finditer(text):
            if not listed["plural"] and not _LIST_END.search(listed["items"]):
                continue
            for item in list(_CITATION_ITEM.finditer(listed["items"]))[1:]:  # the first is matched above
                number = int(item["number"])
                start = listed.start("items") + item.start()
                end = listed.start("items") + item.end()
                if number in law.EXEMPTIONS and foi_act(text, start, end):
                    subsection, clauses = _levels(item["subsections"])
                    found.append(
                        Citation(
                            number,
                            subsection,
                            clauses[0] if clauses else None,
                            item.group(),
                            paragraph.index,
                            start,
                            end,
                        )
                    )
        citations.extend(_mark_supporting(found, text))
    return citations


def _mark_supporting(found: list[Citation], text: str) -> list[Citation]:
    """A withholding subsection named as the ground of an NCND one of the same section, earlier in
    the paragraph ("Section 30(3) (by virtue of Section 30(2))"), is part of that NCND citation."""
    marked = []
    for position, citation in enumerate(found):
        grounds = [
            other
            for other in found[max(0, position - 4) : position]  # the ground is named just after
            if other.section == citation.section
            and other.kind == "ncnd"
            and other.end <= citation.start
            and _BY_VIRTUE.search(text[other.end : citation.start])
        ]
        if citation.kind == "withhold" and grounds:
            citation = replace(citation, supporting=True)
        marked.append(citation)
    return marked


# what a letter closes with after its conclusion: the rights of review and complaint, offers of
# help, a note that nothing should be inferred, where statistics are published, the sign-off
_CLOSING_MATTER = regexes.compile(
    r"\binternal review\b|\bInformation Commissioner|\bICO\b|\bcomplain|\bdissatisfied\b|\bnot satisfied\b"
    r"|\bYours (?:sincerely|faithfully)\b|\bfurther (?:enquiries|queries|questions)\b|\bno inference\b"
    r"|\bre-?use\b|\bcopyright\b|\bpublishe[sd]\b[^.]{0,80}\b(?:annually|quarterly|online|website|GOV\.UK)\b"
    r"|\bcontact us\b|\bthank you\b|\bfurther assistance\b|\bCourt of Session\b|\bdisclosure log\b|\bappeal\b"
    r"|\bnot be taken as\b|\b[CG]ymraeg\b|\bin Welsh\b|\bfurther information\b",
    re.IGNORECASE,
)
CLOSING_REACH = 12  # paragraphs at a letter's end that may be its closing matter
SIGN_OFF_WORDS = 25  # this short, no full stop: a sign-off, its lines read as one ("Officer, PO Box 37")
_SENTENCE_END = regexes.compile(r"[.!?](?:\s|$)")


# a label that runs into its paragraph's text: "Factors favouring disclosure: ...", "Section 24(1) -
# factors in favour of withholding: ..."
_RUN_IN_LABEL = regexes.compile(r"[^\w\n]*(?P<label>[A-Z][^:.!?\n]{2,90}?)\s*:\s+\S")
RUN_IN_LABEL_WORDS = 12  # a longer lead-in before a colon is a sentence, not a label


def _run_in_label_match(text: str) -> re.Match[str] | None:
    found = _RUN_IN_LABEL.match(text)
    if found is None or len(found["label"].split()) > RUN_IN_LABEL_WORDS or _A_CLAUSE.search(found["label"]):
        return None  # ("Section 43(2) is a qualified, prejudice-based exemption: ...": a sentence, not a label)
    return found


_A_CLAUSE = regexes.compile(r"\b(?:is|are|was|were)\b", re.IGNORECASE)


def run_in_label_end(text: str) -> int:
    """Where a paragraph's run-in label and its colon end ("Harm: Covert tactics ..."), or 0."""
    found = _run_in_label_match(text)
    return found.end() - 1 if found else 0  # (the pattern ends on the text's first character)


def _run_in_label(text: str) -> str | None:
    """The argued section a paragraph's run-in label announces, if it has one."""
    found = _run_in_label_match(text)
    if found is None:
        return None
    key = classify_heading(found["label"])
    return key if key in _ARGUED else None


def _conclusion(body: list[Paragraph]) -> list[Paragraph]:
    """The closing paragraphs that state the outcome: from the first such among the last three
    before the letter's closing matter (its review rights and sign-off), to the end."""
    end = len(body)
    while end > 0 and len(body) - end < CLOSING_REACH and _closing_matter(body[end - 1].text):
        end -= 1
    tail = body[max(0, end - 3) :]
    for position, paragraph in enumerate(tail[: end - max(0, end - 3)]):
        if OUTCOME.search(paragraph.text):
            return tail[position:]
    return []


def _closing_matter(text: str) -> bool:
    # (a sign-off's lines, read as one paragraph: a name, a role, a unit, an address)
    short = len(text.split()) <= SIGN_OFF_WORDS and not _SENTENCE_END.search(text)
    return (short or _CLOSING_MATTER.search(text) is not None) and OUTCOME.search(text) is None


def _requester_opens(text: str) -> bool:
    """Whether a paragraph opens with the requester's own words ("Under the Act, I would like to
    request ..."), not a letter that quotes them further on inside quotation marks."""
    found = _FIRST_PERSON_REQUEST.search(text, 0, _OPENING_REACH)
    return found is not None and not re.search('[\u201c"]', text[: found.start()])


_OPENING_REACH = 300  # characters of a paragraph in which the requester's words may begin


_IN_QUOTES = regexes.compile(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d][.?]?")  # (fullmatch: the whole paragraph)


def _request(opening: list[Paragraph]) -> tuple[Paragraph | None, frozenset[int]]:
    """The paragraph giving the request ("Request: ...", or the first after a "Request" label or a
    "you asked for the following:" line), and every paragraph of the requester's words: after a
    label, up to the next heading or the start of the response; after "Request: ...", the list
    items or questions that follow it, and more in the requester's voice ("We therefore request");
    with a response label ahead ("Our response"), everything up to it."""
    for position, paragraph in enumerate(opening):
        inline = _REQUEST.match(paragraph.text)
        first_person = not inline and _requester_opens(paragraph.text)
        if not inline and not first_person and not _REQUEST_LABEL.search(paragraph.text):
            continue
        following = opening[position if inline or first_person else position + 1 :]
        if (
            following
            and not (inline or first_person)
            and (_SALUTATION.match(following[0].text) or _LETTER_HEADING.match(following[0].text))
        ):
            continue  # "Freedom of Information Request" over "Dear Mr Smith" or "Reference number: ...": a title
        if not following or (not first_person and _RESPONSE_START.search(following[0].text)):
            return None, frozenset()
        quoted = {following[0].index}
        labelled = any(_RESPONSE_LABEL.match(later.text) for later in following[1:15])
        numbered = bool(_REQUEST_ITEM.match(following[0].text))
        # a request given whole in quotation marks ends at its closing mark: a paragraph out of
        # them after it is the response's ("Searches were made by the unit, and I can confirm")
        enclosed = _IN_QUOTES.fullmatch(following[0].text.strip()) is not None
        numbers = {_label_number(following[0].text)} - {None}  # the questions' labels seen ("Q1.", "2.")
        answering = False  # each question answered under it ("1. How many ...?" / "There are 312 ...")
        for at, later in enumerate(following[1:15], start=1):
            number = _label_number(later.text)
            if number in numbers and not _still_asks(later.text):
                break  # a question's label again, over its answer: the response has begun ("Q1." / "On 31 March ...")
            if number is not None:
                numbers.add(number)
            listed = (
                _REQUEST_ITEM.match(later.text)
                or later.text.rstrip().endswith("?")
                or _REQUESTER_GOES_ON.match(later.text)
            )
            starts = _RESPONSE_START.search(later.text) and not (labelled and _PLEASE.match(later.text))
            if _RESPONSE_LABEL.match(later.text) or starts:
                break
            # with a response label ahead, only a heading of the response's own ends the request
            # early (a numbered question can look like a heading: "2. If the whole is exempt:")
            # nor does the next item of a numbered request ("1. The letter" then "2. The legal advice")
            going_on = labelled or (numbered and _REQUEST_ITEM.match(later.text))
            if is_heading(later) and not (going_on and classify_heading(later.text) is None):
                break
            if (inline or first_person) and not listed and not labelled:
                break
            if enclosed and not labelled and not listed and not later.text.lstrip().startswith(('"', "\u201c")):
                break
            if (numbered or numbers) and not labelled and not listed:
                upcoming = following[at + 1] if at + 1 < len(following) else None
                answering = answering or (upcoming is not None and _REQUEST_ITEM.match(upcoming.text) is not None)
                if answering:
                    continue  # the answer to the question above it, the next question after it: the force's
            quoted.add(later.index)
        return following[0], frozenset(quoted)
    return None, frozenset()


# what a response does with a section it cites: a requester naming one says none of it
_CITING_VERB = regexes.compile(
    r"\b(?:withh[eo]ld\w*|exempt\w*|rel(?:y|ies|ying|ied)|appl(?:y|ies|ied)|engag\w*|neither|refus\w*)\b", re.I
)


def _requesters(citation: Citation, quoted: frozenset[int], document: Document) -> bool:
    """A section the requester names ("and subject to section 40(2) on personal data"), not one the
    response cites: in the request's words, in a sentence that does nothing with it, and with no
    answer begun before it in the paragraph (a reader may join an unpunctuated question to its
    answer: "... one pump The information is exempt under Section 24")."""
    if citation.paragraph not in quoted:
        return False
    text = document.paragraphs[citation.paragraph - 1].text
    for start, end in sentence_bounds(text):
        if start > citation.start:
            break
        sentence = text[start:end]
        if _RESPONSE_START.match(sentence) or (end >= citation.end and _CITING_VERB.search(sentence)):
            return False
    return _RESPONSE_START.search(text, 0, citation.start) is None


_ASKED_AGAIN = 20  # characters: a repeated line this long is a request item quoted again, not a label
_SAME_ITEM = 95  # rapidfuzz ratio: the item again, a space lost or mended on the way ("areathe")


def _asked_again(paragraphs: list[Paragraph], quoted: frozenset[int]) -> frozenset[int]:
    """Paragraphs that repeat one of the requester's (or nearly: a space lost or mended): a
    response that quotes each item again above its answer ("- Please could you provide ..." then
    "Answer: ...")."""
    from rapidfuzz import fuzz

    asked = [" ".join(p.text.split()) for p in paragraphs if p.index in quoted and len(p.text) >= _ASKED_AGAIN]
    if not asked:
        return frozenset()
    again = set()
    for paragraph in paragraphs:
        if paragraph.index in quoted or len(paragraph.text) < _ASKED_AGAIN:
            continue
        text = " ".join(paragraph.text.split())
        if any(
            abs(len(text) - len(item)) <= len(item) // 20 + 1 and fuzz.ratio(text, item, score_cutoff=_SAME_ITEM)
            for item in asked
        ):
            again.add(paragraph.index)
    return frozenset(again)


_OPENS_QUOTE = regexes.compile('\\s*["\u201c]')
_CLOSES_QUOTE = regexes.compile('["\u201d][\\s.)]*$')
_ABOUT_THE_REQUEST = regexes.compile(r"\brequest|\basked\b|\bas follows\b", re.IGNORECASE)
QUOTED_PARAGRAPHS_MOST = 15  # paragraphs one quotation of the request may run to


def _quoted_across(opening: list[Paragraph]) -> frozenset[int]:
    """The paragraphs of a quotation that runs over several, after a sentence about the request
    ("... received on 5th December 2025. Please find below the response to your request:", then
    '"1. How many ...', '2. ...', '3. ... last year?"'): the requester's words, quoted. Only a
    quotation opened at a paragraph's start and closed at a later one's end, none between opening
    another."""
    found: set[int] = set()
    for position in range(1, len(opening)):
        first = opening[position]
        if not _OPENS_QUOTE.match(first.text) or _CLOSES_QUOTE.search(first.text):
            continue
        if not _ABOUT_THE_REQUEST.search(opening[position - 1].text):
            continue
        for end in range(position + 1, min(len(opening), position + QUOTED_PARAGRAPHS_MOST)):
            text = opening[end].text
            if _OPENS_QUOTE.match(text) or _RESPONSE_LABEL.match(text) or classify_heading(text) is not None:
                break  # another quotation opens, or the response: the first was never closed
            if _CLOSES_QUOTE.search(text) and _closes_an_open_quote(text):
                found.update(paragraph.index for paragraph in opening[position : end + 1])
                break
    return frozenset(found)


def _closes_an_open_quote(text: str) -> bool:
    """Whether the quotation mark a paragraph ends on closes one opened before the paragraph, not
    a quotation of its own ('... under the heading "Drones and Protest".')."""
    if "\u201d" in text[-3:]:
        return text.count("\u201c") < text.count("\u201d")
    return text.count('"') % 2 == 1


def _asks(text: str) -> bool:
    """A question of the request, not an answer numbered as its question ("Q1. I am exempting ...").
    (A declarative item under a question's label stays the requester's: "Question 2 - The number of
    officers who were deployed" asks as often as "Question 2 - The contract commenced ..." answers.)"""
    question = _QUESTION.match(text)
    if question is None or _RESPONSE_START.match(text[question.end() :].lstrip()):
        return False
    # a short label over the answer that follows ("Question 1 - figures as at 30 June 2020:")
    return not (_ANSWER_LABEL.search(text) and len(text.split()) <= ANSWER_LABEL_WORDS)


ANSWER_LABEL_WORDS = 12
# a question's label that ends on a colon and neither asks nor pleads: the answer's title
_ANSWER_LABEL = regexes.compile(
    r"^(?![^\n]*(?:\?|\bplease\b|\b(?:how|what|which|when|where|who|whether|why|provide|list|give|send|tell)\b))"
    r"[^\n]*:\s*$",
    re.IGNORECASE,
)


# a question's label: "Q2.", "Question 2 -", or (asked first so) "2." ("1. How many ..." / "Q1. There were ...")
_LABEL = regexes.compile(r"^\W*(?:(?:Q\s?|Question\s+)(\d{1,2})\s*[).:\-\u2013]|(\d{1,2})\s?[.)]\s)", re.IGNORECASE)


def _answered_under_labels(paragraphs: list[Paragraph]) -> set[int]:
    """Paragraphs that repeat a question's label after the question was asked under it ("Question 2 -
    How much was spent?" ... "Question 2 - The force spent ..."): the answers, which are the force's
    words. Only a statement answers: a line with a question mark or "please", or in the requester's
    own voice ("I meant ..."), still asks."""
    asked: set[str] = set()
    answers: set[int] = set()
    for paragraph in paragraphs:
        label = _LABEL.match(paragraph.text)
        if label is None:
            continue
        number = label[1] or label[2]
        if number in asked and not _still_asks(paragraph.text):
            answers.add(paragraph.index)
        asked.add(number)  # (a label's first line is the question, however it is put)
    return answers


def _label_number(text: str) -> str | None:
    """The number of a question's label a paragraph opens with ("Q2.", "Question 2 -", "2."), if any."""
    label = _LABEL.match(text)
    return None if label is None else label[1] or label[2]


def _still_asks(text: str) -> bool:
    """Whether a labelled paragraph asks (a question mark, "please", the requester's voice), not answers."""
    label = _LABEL.match(text)
    rest = text[label.end() :] if label else text
    return bool(text.rstrip().endswith("?") or _ASKS_PLEASE.search(rest) or _REQUESTER_SPEAKS.match(rest))


_ASKS_PLEASE = regexes.compile(r"\bplease\b(?!\s+(?:note|be\s+(?:aware|advised)|find|see)\b)", re.IGNORECASE)
# the requester's own voice under a label ("I meant the income ...", "I would like"), not the
# force's "I can confirm" or "I have decided"
_REQUESTER_SPEAKS = regexes.compile(
    r"\W*(?:I|My)\b(?!\s+(?:can|cannot|am\s+(?:able|unable|satisfied)|have\s+(?:decided|considered|concluded)"
    r"|would\s+(?:advise|like\s+to\s+(?:advise|explain|apologise))|must|do\s+not\s+consider))"
)


# a heading over the answer to other questions of the request
_QUESTIONS_HEADING = regexes.compile(r"\W*(?:questions?|parts?|Q)\s?\d", re.IGNORECASE)


def _titled_exemption(heading: str) -> int | None:
    """The one exemption a heading names by its title and no number ("Law Enforcement"), if one."""
    named = {e.section for e in law.EXEMPTIONS.values() if re.search(rf"\b(?:{e.title})", heading, re.IGNORECASE)}
    return named.pop() if len(named) == 1 else None


# the request told in the force's own words: "Request: You asked for ...", "On 18 July 2024 you asked"
_TOLD_BY_THE_FORCE = regexes.compile(
    r"\W*(?:[A-Z][a-z]+(?:\s+\d+)?\s*[:.)-]\s*)?(?:On\s+[^,.;\n]{3,30}?,?\s+)?(?i:you)\s+(?:have\s+)?"
    r"(?:asked|requested|wanted|sought|wrote)\b"
)


def told_by_the_force(text: str) -> bool:
    """Whether a paragraph of the request is the force telling it ("You asked for ..."), not the
    requester's own words: its spelling and what it leaves unfilled are the force's."""
    return _TOLD_BY_THE_FORCE.match(text) is not None


def _cited(citations: list[Citation]) -> str | None:
    """What the subsections cited do: "ncnd", "withhold", "mixed", or None when none says."""
    kinds = {citation.kind for citation in citations if not citation.supporting} - {None}
    if len(kinds) == 2:
        return "mixed"
    return kinds.pop() if kinds else None


def build(document: Document) -> Outline:
    text = document.text
    scottish = under_scottish_act(document, text)
    citations = find_citations(document, scottish)
    by_paragraph: dict[int, list[Citation]] = {}
    for citation in citations:
        by_paragraph.setdefault(citation.paragraph, []).append(citation)
    sections: list[Section] = [Section(None, None)]
    context: int | None = None
    for paragraph in document.paragraphs:
        if not is_heading(paragraph):
            key = _run_in_label(paragraph.text)
            current = sections[-1]
            if key is not None and (current.paragraphs or current.key not in SECTION_KEYS):
                # (right under an argued section's heading, the heading governs)
                # "Factors favouring disclosure: Disclosure would show ...": a section of one paragraph,
                # its exemption the label's own where it cites one ("Section 40(2) factors favouring
                # disclosure:")
                label_end = run_in_label_end(paragraph.text)
                labelled = [c.section for c in by_paragraph.get(paragraph.index, []) if c.start < label_end]
                exemption = labelled[0] if len(set(labelled)) == 1 else context
                sections.append(Section(key, None, [paragraph], exemption=exemption if key != "harm" else None))
                continue
            sections[-1].paragraphs.append(paragraph)
            continue
        key = classify_heading(paragraph.text)
        if key == "conclusion" and not any(section.key in _ARGUED for section in sections):
            key = None  # "Decision" over a letter's opening, before anything is argued, is not a conclusion
        cited = [c.section for c in by_paragraph.get(paragraph.index, [])]
        if cited:
            context = cited[0] if key != "exemption" or len(set(cited)) == 1 else None
            if context is not None and len(set(cited)) > 1:
                # ("Question 3: Sections 23(5) and 24(2)": the factors under it are the qualified one's)
                qualified = [number for number in dict.fromkeys(cited) if not law.is_absolute(number, None)]
                context = qualified[0] if len(qualified) == 1 else context
        elif key in (None, "exemption") and (titled := _titled_exemption(paragraph.text)) is not None:
            context = titled  # "Law Enforcement - encryption of footage": s31's part, by its title
        elif key is None and _QUESTIONS_HEADING.match(paragraph.text):
            context = None  # "Questions 1 and 2 - neither confirm nor deny": another part, its own exemptions
        sections.append(Section(key, paragraph, exemption=context if key in ("favouring", "against") else None))
    sections = [section for section in sections if section.heading or section.paragraphs]

    body = [p for section in sections for p in section.paragraphs]
    # (a closing paragraph comes after the argument: in a text cut short, the response's own
    # statement at its top is no conclusion)
    argued = [
        (s.heading or s.paragraphs[0]).index for s in sections if s.key in _ARGUED and (s.heading or s.paragraphs)
    ]
    closing = _conclusion(body)
    if closing and argued and closing[0].index < min(argued):
        closing = []
    if not any(section.key == "conclusion" for section in sections) and closing:
        sections.append(Section("conclusion", None, closing))
    if not any(section.key == "balancing" for section in sections):
        factors = [s for s in sections if s.key in ("favouring", "against")]
        after = factors[-1].paragraphs[-1].index if factors and factors[-1].paragraphs else 0
        weighing = [p for p in body if p.index > after and p not in closing and _WEIGHING.search(p.text)]
        # (or the conclusion weighs as it concludes: "Having weighed these factors, I have concluded")
        weighing = weighing or [p for p in closing[:1] if _WEIGHED_TO_CONCLUDE.search(p.text)]
        if weighing:
            sections.append(Section("balancing", None, weighing))
    conclusion_text = " ".join(p.text for s in sections if s.key == "conclusion" for p in s.paragraphs)
    concluded = (
        "ncnd"
        if _NCND_OUTCOME.search(conclusion_text)
        else ("withhold" if _WITHHOLD_OUTCOME.search(conclusion_text) else None)
    )
    request, quoted = _request(document.paragraphs[:25])
    answered = _answered_under_labels(document.paragraphs)
    quoted |= {paragraph.index for paragraph in document.paragraphs if _asks(paragraph.text)} - answered
    quoted |= {paragraph.index for paragraph in document.paragraphs[:25] if _ASKING.search(paragraph.text, 0, 300)}
    quoted |= _asked_again(document.paragraphs, quoted)
    quoted |= _quoted_across(document.paragraphs[:25])
    # (a draft whose every citation would go is read with them: its request was read too widely)
    citations = [citation for citation in citations if not _requesters(citation, quoted, document)] or citations
    said = [statement for statement in statements.find(document) if statement.paragraph.index not in quoted]
    stated = statements.kind(said)
    cited = _cited(citations)
    response = stated or cited or concluded or "unknown"
    environmental = under_environmental_regulations(document, text)
    return Outline(
        sections, citations, response, concluded, request, quoted, stated, cited, said, scottish, environmental
    )


def request_text(outline: Outline, document: Document | None = None) -> str | None:
    """The words of the request, if the draft gives it: its "Request:" line, or (given the
    document) every paragraph of the requester's words."""
    if outline.request is None:
        return None
    match = _REQUEST.match(outline.request.text)
    first = match["text"].strip() if match else outline.request.text.strip()
    if document is None:
        return first
    rest = [p.text for p in document.paragraphs if p.index in outline.quoted and p.index != outline.request.index]
    return " ".join([first, *rest])
