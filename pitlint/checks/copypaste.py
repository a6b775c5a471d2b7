"""Copy-paste: another organisation's name left from the PIT the wording came from, and
placeholders left from a template."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from pitlint.checks import Context
from pitlint.checks._patterns import pattern_findings
from pitlint.document import Document, Paragraph
from pitlint.findings import Category, Finding, Rule, Severity
from pitlint.outline import Outline, request_text
from pitlint.packs import Organisation

OTHER_ORGANISATION = Rule(
    "PIT601",
    "other-organisation",
    Category.COPY_PASTE,
    Severity.WARNING,
    "Another organisation's name, probably left from the PIT the wording was copied from.",
    "Forces share PIT wording (through the NPCC's central referral unit and with each other). A "
    "draft that names another force in its own arguments was copied without tailoring. The draft's "
    "own organisation comes from --organisation (or organisation = in the configuration), or else is "
    "the force it names most. Full names count; acronyms are weak evidence and are not reported.",
    "West Midlands Police ... Thames Valley Police would not wish to reveal details of software ...",
    "West Midlands Police ... West Midlands Police would not wish to reveal details of software ...",
)
PLACEHOLDER = Rule(
    "PIT602",
    "placeholder",
    Category.COPY_PASTE,
    Severity.ERROR,
    "Text left from a template: [insert ...], <<...>>, XXX, TBC, [date].",
    "Templates mark what must be filled in; a marker left in a published PIT shows the response was "
    "not finished. The placeholder patterns are in the rule packs.",
    "Date of request: [insert date]",
    "Date of request: 3 March 2026",
)
OTHER_SUBJECT = Rule(
    "PIT603",
    "argument-about-another-request",
    Category.COPY_PASTE,
    Severity.WARNING,
    "The harm or factors argue about a subject the request never mentions.",
    'When a draft gives its request ("Request: ..."), its arguments should be about that request. '
    "A subject the harm or factors discuss (software, drones, ANPR, ...) that the request never "
    "mentions usually means the wording was taken from a PIT for a different request. The subjects "
    "and their names are in the rule packs.",
    "Request: the number of drones owned by the force.\nHarm\nDisclosing which operating system the "
    "force uses would expose it to attack.",
    "Request: the number of drones owned by the force.\nHarm\nDisclosing how many drones the force has "
    "would show how much of the county it can cover at once.",
)
RULES = (OTHER_ORGANISATION, PLACEHOLDER, OTHER_SUBJECT)


def _name_pattern(name: str) -> re.Pattern[str]:
    words = [re.escape(word) for word in re.split(r"[\s-]+", name)]
    return re.compile(r"(?<!\w)" + r"[\s-]+".join(words) + r"(?!\w)", re.IGNORECASE)


def _own(
    mentions: Counter[str],
    acronyms: Counter[str],
    first: dict[str, tuple[int, int]],
    configured: str | None,
    organisations: list[Organisation],
) -> str | None:
    """The draft's own organisation: as configured, else the one it names most (on a tie, the
    one with more acronyms, then the one named first)."""
    if configured:
        wanted = configured.strip().lower()
        for organisation in organisations:
            if wanted in {n.lower() for n in organisation.full_names} | {a.lower() for a in organisation.acronyms}:
                return organisation.name
        return configured
    if not mentions:
        return None
    return max(mentions, key=lambda name: (mentions[name], acronyms[name], -first[name][0], -first[name][1]))


def check(document: Document, outline: Outline, context: Context) -> Iterator[Finding]:
    yield from pattern_findings(document, PLACEHOLDER, context.packs.for_rule(PLACEHOLDER.code))
    yield from _other_subjects(outline, context)
    organisations = context.packs.organisations
    found: list[tuple[Organisation, Paragraph, re.Match[str]]] = []
    mentions: Counter[str] = Counter()
    acronyms: Counter[str] = Counter()
    first: dict[str, tuple[int, int]] = {}
    for organisation in organisations:
        patterns = [_name_pattern(name) for name in organisation.full_names]
        acronym_patterns = [re.compile(rf"\b{re.escape(a)}\b") for a in organisation.acronyms]
        for paragraph in document.paragraphs:
            for pattern in patterns:
                for match in pattern.finditer(paragraph.text):
                    found.append((organisation, paragraph, match))
                    mentions[organisation.name] += 1
                    where = (paragraph.index, match.start())
                    first[organisation.name] = min(first.get(organisation.name, where), where)
            acronyms[organisation.name] += sum(len(p.findall(paragraph.text)) for p in acronym_patterns)
    own = _own(mentions, acronyms, first, context.config.organisation, organisations)
    if own is None:
        return
    for organisation, paragraph, match in found:
        if organisation.name == own:
            continue
        yield OTHER_ORGANISATION.finding(
            f'"{match.group()}" is another organisation: this draft is for {own}',
            paragraph,
            match.start(),
            match.end(),
            suggestion=own,
        )


def _other_subjects(outline: Outline, context: Context) -> Iterator[Finding]:
    request = request_text(outline)
    if not request:
        return
    subjects = context.packs.subjects
    asked = {name for name, patterns in subjects.items() if any(p.search(request) for p in patterns)}
    argued = [
        paragraph
        for section in outline.sections
        if section.key in ("harm", "favouring", "against")
        for paragraph in section.paragraphs
    ]
    for name, patterns in subjects.items():
        if name in asked:
            continue
        first = next(
            ((paragraph, match) for paragraph in argued for p in patterns if (match := p.search(paragraph.text))),
            None,
        )
        if first:
            paragraph, match = first
            yield OTHER_SUBJECT.finding(
                f'The arguments speak of {name} ("{match.group()}"), which the request does not mention: is this '
                "wording from a PIT for another request?",
                paragraph,
                match.start(),
                match.end(),
                suggestion=f"Argue about what was requested, or remove the argument about {name}.",
            )
