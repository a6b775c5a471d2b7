"""Copy-paste: another organisation's name left from the PIT the wording came from, and
placeholders left from a template."""

from __future__ import annotations

from collections.abc import Iterator

from pitlint.checks import Context
from pitlint.checks._patterns import pattern_findings
from pitlint.document import Document
from pitlint.findings import Category, Finding, Rule, Severity
from pitlint.outline import Outline, request_text

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
    Severity.INFO,
    "The harm or factors argue about a subject the request never mentions.",
    'When a draft gives its request ("Request: ..."), its arguments should be about that request. '
    "A subject the harm or factors discuss (software, drones, ANPR, ...) that the request never "
    "mentions usually means the wording was taken from a PIT for a different request. The subjects "
    "and their names are in the rule packs. This is a prompt to look, not a verdict: arguments often "
    "name related subjects for good reason, so it is reported as info.",
    "Request: the number of drones owned by the force.\nHarm\nDisclosing which operating system the "
    "force uses would expose it to attack.",
    "Request: the number of drones owned by the force.\nHarm\nDisclosing how many drones the force has "
    "would show how much of the county it can cover at once.",
)
RULES = (PLACEHOLDER, OTHER_SUBJECT)


def check(document: Document, outline: Outline, context: Context) -> Iterator[Finding]:
    yield from pattern_findings(document, PLACEHOLDER, context.packs.for_rule(PLACEHOLDER.code))
    yield from _other_subjects(outline, context)


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
