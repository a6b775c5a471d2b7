"""Lists whose items do not agree: "a notice which (a) states that fact, (b) specifies the
exemption in question and (c) state why the exemption applies". Each item carries on the words
before the list, so a verb that opens one item takes the form the other items' verbs take; one
left in its bare form is a slip (the quoted section 17 of the Act has it in many PITs' wording).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pitlint import language, regexes
from pitlint.checks import Context
from pitlint.document import Document, Paragraph
from pitlint.findings import Applicability, Category, Finding, FixAvailability, Rule, Severity
from pitlint.outline import Outline

LIST_AGREEMENT = Rule(
    "PIT411",
    "list-item-agreement",
    Category.TYPO,
    Severity.WARNING,
    'A list item whose verb does not agree with the other items\' ("(a) states ..., (b) specifies ..., (c) state").',
    "Items of a lettered or numbered list carry on the words before the list, so the verbs that open "
    'them take one form: "a notice which (a) states that fact, (b) specifies the exemption and (c) '
    'states why it applies". An item that opens with the bare verb where the others open with its '
    "-s form is a slip. Reported only where at least two other items open with an -s verb followed by "
    'its object ("the", "that", "why", ...), so a list of plural nouns is left alone.',
    "The Act requires a notice which a) states that fact, b) specifies the exemption and c) state why.",
    "The Act requires a notice which a) states that fact, b) specifies the exemption and c) states why.",
    fix=FixAvailability.ALWAYS,
    fix_safety=Applicability.SAFE,
    action="Write the item's verb in the form the other items' verbs take.",
)
RULES = (LIST_AGREEMENT,)

# an item's label and its first word: "a)", "(b)", "c.", "2)" at a line's start or after a space
_ITEM = regexes.compile(
    r"(?:^|(?<=[\s:;,]))\(?(?P<label>[a-h]|\d{1,2})[).]\s+(?P<word>[A-Za-z]+)(?![).\w])(?P<after>\W+\w+)?"
)
_LABELS = regexes.compile(r"\s*(?:\(?(?:[a-h]|\d{1,2})[).]\s*)*")  # what may come before a paragraph's item: "1. a)"
# what follows a verb that opens a clause: its object or a clause of its own
_OBJECT = frozenset("the that a an why whether which what how it its their this these those any all".split())
_AGREEING = 2  # other items that must open with an -s verb and its object


def _third_person(word: str) -> str | None:
    """The -s form of a bare verb ("state" -> "states", "specify" -> "specifies"), if English has it."""
    if word.endswith("s"):
        return None
    forms = [word + "s", word + "es"]
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms.insert(0, word[:-1] + "ies")
    return next((form for form in forms if language.count(form) > 0), None)


def _opens_clause(item: re.Match[str]) -> bool:
    """An item that opens with an -s verb and its object: "states that fact", "specifies the exemption"."""
    following = (item["after"] or "").split()
    return item["word"].lower().endswith("s") and bool(following) and following[0].lower() in _OBJECT


def _lists(document: Document, quoted: frozenset[int]) -> Iterator[list[tuple[Paragraph, re.Match[str]]]]:
    """Each list's items: those inside one paragraph ("which: a) states ... b) specifies ..."), or a
    run of paragraphs that each open with an item (a Word list)."""
    run: list[tuple[Paragraph, re.Match[str]]] = []
    for paragraph in document.paragraphs:
        items = [] if paragraph.index in quoted else list(_ITEM.finditer(paragraph.text))
        if len(items) > 1:
            yield [(paragraph, item) for item in items]
        if len(items) == 1 and _LABELS.fullmatch(paragraph.text, 0, items[0].start()):
            run.append((paragraph, items[0]))
            continue
        if run:
            yield run
            run = []
    if run:
        yield run


def check(document: Document, outline: Outline, context: Context) -> Iterator[Finding]:
    for items in _lists(document, outline.quoted):
        if len(items) < _AGREEING + 1:
            continue
        agreeing = [item for _, item in items if _opens_clause(item)]
        if len(agreeing) < _AGREEING:
            continue
        for paragraph, item in items:
            word = item["word"]
            form = _third_person(word.lower())
            if len(word) < 3 or form is None or language.pair("to", word.lower()) == 0:
                continue  # not a bare verb
            if not (language.pair("which", form) or language.pair("it", form)):
                continue  # its -s form is no verb English puts after "which" or "it"
            replacement = form.capitalize() if word[:1].isupper() else form
            others = '", "'.join(other["word"] for other in agreeing[:2])
            yield LIST_AGREEMENT.finding(
                f'"{word}" opens a list item whose other items open with "{others}": write "{replacement}"',
                paragraph,
                item.start("word"),
                item.end("word"),
                replacement=replacement,
            )
