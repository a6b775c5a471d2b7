"""Exemption logic: whether the response's wording, citations and conclusion hold together
(facts from law.py and DOMAIN.md)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pitlint import law
from pitlint.checks import Context
from pitlint.document import Document
from pitlint.findings import Category, Finding, Rule, Severity
from pitlint.outline import Outline

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
    "A public interest test written for an absolute exemption.",
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
    "An exemption cited by section alone, without its subsection.",
    "s17(1)(b) of the Act requires the refusal to specify the exemption in question; the ICO's line "
    'to take (LTT101) is that this means the subsection, e.g. s31(1)(a) rather than "Section 31 - '
    'Law enforcement".',
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
    "the lower likelihood.",
    "Harm\nDisclosure could affect the prevention of crime.",
    "Harm\nDisclosure would be likely to prejudice the prevention of crime, because ...",
)
RULES = (NCND_CONFIRMS, CONCLUSION_CONTRADICTS, ABSOLUTE_PIT, NO_SUBSECTION, NO_LIKELIHOOD)

_CONFIRMING = re.compile(
    r"\b(?:the|this) withheld information\b|\bthe information (?:that is |which is )?held\b"
    r"|\bdisclos(?:ure of|ing) the requested information\b|\brelease of the requested information\b",
    re.IGNORECASE,
)
_DISCLOSURE_HEADING = re.compile(r"\bfavou?ring\s+(?:the\s+)?(?:disclosure|release)\b", re.IGNORECASE)
_LIKELIHOOD = re.compile(r"\bwould\b|\blikely\b", re.IGNORECASE)


def _ncnd(document: Document, outline: Outline) -> Iterator[Finding]:
    if outline.response != "ncnd":
        return
    for paragraph in document.paragraphs:
        for match in _CONFIRMING.finditer(paragraph.text):
            yield NCND_CONFIRMS.finding(
                f'"{match.group()}" implies the information is held, in a neither-confirm-nor-deny response',
                paragraph,
                match.start(),
                match.end(),
                suggestion='Speak of confirming or denying whether information is held, e.g. "confirming or '
                'denying whether this information is held".',
            )
    for section in outline.sections:
        if section.heading is not None and section.key == "favouring":
            match = _DISCLOSURE_HEADING.search(section.heading.text)
            if match:
                yield NCND_CONFIRMS.finding(
                    f'The heading "{section.heading.text}" weighs disclosure, in a neither-confirm-nor-deny response',
                    section.heading,
                    match.start(),
                    match.end(),
                    suggestion='"Factors favouring confirming or denying that information is held"',
                )


def _conclusion(outline: Outline) -> Iterator[Finding]:
    kinds = {citation.kind for citation in outline.citations} - {None}
    if len(kinds) != 1 or outline.concluded is None:
        return
    (cited,) = kinds
    if cited == outline.concluded:
        return
    conclusions = outline.of("conclusion")
    paragraph = conclusions[-1].paragraphs[-1] if conclusions and conclusions[-1].paragraphs else None
    labels = ", ".join(dict.fromkeys(f"s{c.label}" for c in outline.citations if c.kind))
    if cited == "ncnd":
        message = f"The conclusion withholds information, but {labels} neither confirms nor denies that it is held."
        suggestion = 'Conclude that the balance "favours neither confirming nor denying that information is held".'
    else:
        message = f"The conclusion neither confirms nor denies, but {labels} withholds information admitted to be held."
        suggestion = "Cite the NCND subsection (e.g. s31(3)), or conclude that the balance favours non-disclosure."
    yield CONCLUSION_CONTRADICTS.finding(message, paragraph, suggestion=suggestion)


def _absolute(outline: Outline) -> Iterator[Finding]:
    cited = {(c.section, c.subsection) for c in outline.citations}
    if not cited or not (outline.has("favouring") or outline.has("against") or outline.has("balancing")):
        return
    absolute = [
        (section, sub) for section, sub in cited if law.EXEMPTIONS[section].absolute or (section == 40 and sub == "1")
    ]
    if len(absolute) == len(cited):
        names = ", ".join(sorted({f"s{section}" for section, _ in absolute}))
        yield ABSOLUTE_PIT.finding(
            f"{names} is an absolute exemption: no public interest test is needed.",
            suggestion="Check the exemption cited; if it is right, remove the public interest test.",
        )


def _subsections(document: Document, outline: Outline) -> Iterator[Finding]:
    specified = {c.section for c in outline.citations if c.subsection}
    reported: set[int] = set()
    for citation in outline.citations:
        if citation.subsection or citation.section in specified or citation.section in reported:
            continue
        reported.add(citation.section)
        paragraph = document.paragraphs[citation.paragraph - 1]
        exemption = law.EXEMPTIONS[citation.section]
        yield NO_SUBSECTION.finding(
            f"Section {citation.section} ({exemption.name}) is cited without its subsection.",
            paragraph,
            citation.start,
            citation.end,
            suggestion=f"Cite the subsection, e.g. s{citation.section}({exemption.withhold[0]})"
            + (f" or s{citation.section}({exemption.ncnd[0]}) for neither confirm nor deny" if exemption.ncnd else ""),
        )


def _likelihood(outline: Outline) -> Iterator[Finding]:
    prejudice = sorted({c.section for c in outline.citations if law.EXEMPTIONS[c.section].prejudice})
    harm = [p for section in outline.of("harm") for p in section.paragraphs]
    if not prejudice or not harm or any(_LIKELIHOOD.search(p.text) for p in harm):
        return
    heading = outline.of("harm")[0].heading
    yield NO_LIKELIHOOD.finding(
        f"s{prejudice[0]} is prejudice-based, but the harm never says whether disclosure would, or would be "
        "likely to, cause it.",
        heading,
        suggestion='State the likelihood: "would prejudice" or "would be likely to prejudice".',
    )


def check(document: Document, outline: Outline, context: Context) -> Iterator[Finding]:
    yield from _ncnd(document, outline)
    yield from _conclusion(outline)
    yield from _absolute(outline)
    yield from _subsections(document, outline)
    yield from _likelihood(outline)
