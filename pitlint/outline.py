"""The shape of a PIT: its sections, the exemptions it cites, and the kind of response it gives.

Headings vary between teams and years ("Harm", "Evidence of Harm", "Reasons for Non-Disclosure",
"Considerations favouring Non-Disclosure", "Balance test"...), so they are matched by meaning
first and by fuzzy spelling second. The conclusion usually has no heading of its own: it is the
closing paragraph that states the outcome.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pitlint import law
from pitlint.document import Document, Paragraph
from pitlint.readers._paragraphs import looks_like_heading

SECTION_KEYS = ("harm", "favouring", "against", "balancing", "conclusion")

_FACTORS = r"(factors?|reasons?|considerations?|arguments?|issues?)"
_HEADING_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("balancing", re.compile(r"\bbalanc", re.I)),
    ("conclusion", re.compile(r"^\W*(conclusions?|decision|outcome|summary of decision)\b", re.I)),
    (
        "against",
        re.compile(
            rf"{_FACTORS}.*\b(against|non[- ]?disclos\w*|non[- ]?release|withhold\w*|neither confirm\w*|maintain\w*)"
            r"|\bagainst (disclosure|release|confirm\w*|complying)",
            re.I,
        ),
    ),
    (
        "favouring",
        re.compile(
            rf"{_FACTORS}.*\b(favou?r\w*|for|supporting)\b|\bin favour of (disclosure|release)|"
            r"\bfavou?ring (disclosure|release|complying|confirm\w*)",
            re.I,
        ),
    ),
    ("harm", re.compile(r"\bharm\b|\bprejudice\b", re.I)),
    ("exemption", re.compile(r"\bexemptions?\b|^\W*(section|s\.?)\s*\d{2}\b", re.I)),
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

OUTCOME = re.compile(
    r"\b(balance|public interest)( test)? (clearly )?(favours|is in favour of|falls in favour of)\b"
    r"|\boutweigh(s|ed)?\b"
    r"|\bneither confirm(ing)? nor deny(ing)?\b.*\b(held|exists?)\b"
    r"|\bwill not (disclose|confirm|release)\b"
    r"|\b(therefore|conclude[sd]?|decided|decision)\b.*"
    r"\b(not (be )?disclos\w*|non-?disclosure|withh[oe]ld\w*|maintain\w*)",
    re.I,
)
_WEIGHING = re.compile(
    r"\bon balance\b|\bbalanc(e|ing) (test|exercise)\b|\bweigh(ed|ing)?\b|\bmeasured (against|with)\b|\boutweigh",
    re.I,
)
_NCND_OUTCOME = re.compile(r"\bneither confirm(ing)? nor deny(ing)?\b|\bnot (to )?confirm or deny\b", re.I)
_WITHHOLD_OUTCOME = re.compile(
    r"\bnon-?\s?disclosure\b|\bnot (be )?disclos\w*|\bwithh[oe]ld\w*|\bmaintain\w* the exemption|"
    r"\bexemptions? (is|are) (engaged|maintained)|\boutweighs the public interest in disclos",
    re.I,
)
_REQUEST = re.compile(
    r"^\W*(your request|request(ed)?|information requested|you (asked|requested))\b"
    r"\s*(for)?\s*[:\-\u2013]\s*(?P<text>\S.*)",
    re.I,
)
_REQUEST_LABEL = re.compile(r"^\W*(your request|request|information requested)\W*$", re.I)
CITATION = re.compile(
    r"\b(?:sections?|sect\.|sec\.|s\.?)\s?(?P<number>\d{1,2})(?![\d.])"
    r"(?P<subsections>(?:\s?\(\s?[0-9]{1,2}[A-Z]?\s?\))?(?:\s?\(\s?[a-z]{1,4}\s?\))*)"
    r"(?P<more>(?:\s?(?:,|and|or|&)\s?\(\s?(?:[0-9]{1,2}[A-Z]?|[a-z]{1,4})\s?\))*)",
    re.I,
)

# "Sections 30(1)(a) and 31(1)(a)": the later numbers have no "s" of their own.
_CITATION_LIST = re.compile(
    r"\bsections\s(?P<items>\d{1,2}(?:\s?\([0-9A-Za-z]{1,4}\))*(?:\s?(?:,|and|&|or)\s?\d{1,2}(?:\s?\([0-9A-Za-z]{1,4}\))*)+)",
    re.I,
)
_CITATION_ITEM = re.compile(r"(?P<number>\d{1,2})(?P<subsections>(?:\s?\([0-9A-Za-z]{1,4}\))*)")


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
    response: str  # "ncnd", "withhold", "mixed" or "unknown"
    concluded: str | None  # what the conclusion says: "ncnd", "withhold" or None
    request: Paragraph | None = None

    def of(self, key: str) -> list[Section]:
        return [section for section in self.sections if section.key == key]

    def has(self, key: str) -> bool:
        return bool(self.of(key))

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
    return _CANONICAL[match[0]] if match else None


def is_heading(paragraph: Paragraph) -> bool:
    if paragraph.heading is not None:
        return paragraph.heading
    return not paragraph.in_table and looks_like_heading(paragraph.text)


def _levels(text: str) -> tuple[str | None, list[str]]:
    """'(1)(a)' -> ('1', ['a']); '(a)' -> (None, ['a'])."""
    levels = re.findall(r"\(\s?([0-9A-Za-z]{1,4})\s?\)", text)
    subsection = levels[0].upper() if levels and levels[0][0].isdigit() else None
    return subsection, [level.lower() for level in levels[1 if subsection else 0 :] if not level[0].isdigit()]


def find_citations(document: Document) -> list[Citation]:
    """Every exemption cited (sections 21 to 44), with subsection and clause where given."""
    citations: list[Citation] = []
    for paragraph in document.paragraphs:
        text = paragraph.text
        for match in CITATION.finditer(text):
            number = int(match["number"])
            if number not in law.EXEMPTIONS:
                continue
            subsection, clauses = _levels(match["subsections"])
            where = dict(text=match.group().strip(), paragraph=paragraph.index, start=match.start(), end=match.end())
            citations.append(Citation(number, subsection, clauses[0] if clauses else None, **where))
            for item in re.findall(r"\(\s?([0-9A-Za-z]{1,4})\s?\)", match["more"]):  # "31(1)(a) and (b)"
                if item[0].isdigit():
                    citations.append(Citation(number, item.upper(), None, **where))
                else:
                    citations.append(Citation(number, subsection, item.lower(), **where))
        for listed in _CITATION_LIST.finditer(text):
            for item in list(_CITATION_ITEM.finditer(listed["items"]))[1:]:  # the first is matched above
                number = int(item["number"])
                if number in law.EXEMPTIONS:
                    subsection, clauses = _levels(item["subsections"])
                    start = listed.start("items") + item.start()
                    end = listed.start("items") + item.end()
                    citations.append(
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
    return citations


def _conclusion(body: list[Paragraph]) -> list[Paragraph]:
    """The closing paragraphs that state the outcome (from the first such among the last three)."""
    tail = body[-3:]
    for position, paragraph in enumerate(tail):
        if OUTCOME.search(paragraph.text):
            return tail[position:]
    return []


def _request(opening: list[Paragraph]) -> Paragraph | None:
    """The paragraph giving the request: "Request: ...", or a "Request" label in a table or on a
    line of its own followed by the request itself."""
    for position, paragraph in enumerate(opening):
        if _REQUEST.match(paragraph.text):
            return paragraph
        if _REQUEST_LABEL.match(paragraph.text) and position + 1 < len(opening):
            return opening[position + 1]
    return None


def _response(citations: list[Citation], concluded: str | None) -> str:
    kinds = {citation.kind for citation in citations} - {None}
    if kinds == {"ncnd", "withhold"}:
        return "mixed"
    if kinds:
        return kinds.pop()
    return concluded or "unknown"


def build(document: Document) -> Outline:
    citations = find_citations(document)
    sections: list[Section] = [Section(None, None)]
    context: int | None = None
    for paragraph in document.paragraphs:
        if not is_heading(paragraph):
            sections[-1].paragraphs.append(paragraph)
            continue
        key = classify_heading(paragraph.text)
        cited = [c.section for c in citations if c.paragraph == paragraph.index]
        if cited:
            context = cited[0] if key != "exemption" or len(set(cited)) == 1 else None
        sections.append(Section(key, paragraph, exemption=context if key in ("favouring", "against") else None))
    sections = [section for section in sections if section.heading or section.paragraphs]

    body = [p for section in sections for p in section.paragraphs]
    closing = _conclusion(body)
    if not any(section.key == "conclusion" for section in sections) and closing:
        sections.append(Section("conclusion", None, closing))
    if not any(section.key == "balancing" for section in sections):
        factors = [s for s in sections if s.key in ("favouring", "against")]
        after = factors[-1].paragraphs[-1].index if factors and factors[-1].paragraphs else 0
        weighing = [p for p in body if p.index > after and p not in closing and _WEIGHING.search(p.text)]
        if weighing:
            sections.append(Section("balancing", None, weighing))
    conclusion_text = " ".join(p.text for s in sections if s.key == "conclusion" for p in s.paragraphs)
    concluded = (
        "ncnd"
        if _NCND_OUTCOME.search(conclusion_text)
        else ("withhold" if _WITHHOLD_OUTCOME.search(conclusion_text) else None)
    )
    request = _request(document.paragraphs[:20])
    return Outline(sections, citations, _response(citations, concluded), concluded, request)


def request_text(outline: Outline) -> str | None:
    """The words of the request given in a "Request:" line, if the draft has one."""
    if outline.request is None:
        return None
    match = _REQUEST.match(outline.request.text)
    return match["text"].strip() if match else outline.request.text.strip()
