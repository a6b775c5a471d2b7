"""Publication safety: what a file carries besides its published text and must not go out with
it: tracked changes (deleted words are still in the file), reviewers' comments, hidden text,
personal metadata, embedded objects, and PDF annotations. The readers record these facts; this
check reports them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pitlint import regexes
from pitlint.checks import Context
from pitlint.document import AUTHOR as FIXER
from pitlint.document import Comment, Document, Revision
from pitlint.findings import Category, Finding, Rule, Severity, fold
from pitlint.outline import Outline

TRACKED_CHANGE = Rule(
    "PIT701",
    "tracked-change",
    Category.PUBLICATION,
    Severity.ERROR,
    "A tracked change left in the file: deleted words can still be read.",
    "A tracked deletion stays inside the .docx until the change is accepted or rejected: anyone who "
    "opens the published file with Review > Show Markup (or unzips it) reads the deleted words, which "
    "may be exactly what was removed for a reason. Accept or reject every change before publishing. "
    "A PDF exported with its markup showing prints a deletion struck through: its words are read "
    "from the page, crossed out.",
    'A draft published with the deletion "The footage is kept on the Axon cloud" still tracked.',
    "The same draft after Review > Accept All Changes, saved again.",
)
COMMENT = Rule(
    "PIT702",
    "reviewer-comment",
    Category.PUBLICATION,
    Severity.ERROR,
    "A reviewer's comment left in the file.",
    "Comments travel with the document and are shown to anyone who opens it. Internal remarks "
    '("check this with the drone unit") must be removed before a PIT is published. So must the '
    "comments pitlint itself adds to an annotated copy (--annotate) and the directive comments that "
    'silence it in Word ("pitlint: ignore PIT302"): a re-check reports those together, in one '
    "finding that counts them, rather than one by one.",
    'A comment "Check this with the drone unit before it goes out" on a paragraph.',
    "No comments: Review > Delete All Comments in Document.",
    action="Delete the comments before publishing: Review > Delete All Comments in Document.",
)
HIDDEN_TEXT = Rule(
    "PIT703",
    "hidden-text",
    Category.PUBLICATION,
    Severity.ERROR,
    "Text formatted as hidden: invisible on screen, still in the file.",
    "Hidden text (Font > Hidden) does not show when the document is read normally, but it is in the "
    "file and in any text extracted from it, and it shows with formatting marks turned on.",
    'A paragraph with the hidden words "Internal note: ask the air unit".',
    "The note deleted rather than hidden.",
)
PERSONAL_METADATA = Rule(
    "PIT704",
    "personal-metadata",
    Category.PUBLICATION,
    Severity.WARNING,
    "The file's properties name people (author, last modified by, custom properties).",
    "Document properties are published with the file. Authors' and reviewers' names in them reveal "
    "who drafted the response, which some forces do not publish. Remove them (File > Info > Inspect "
    "Document) or set them to the team's name.",
    "Author: J. Smith (FOI Decision Maker)",
    "Author: FOI Unit",
)
EMBEDDED_OBJECT = Rule(
    "PIT705",
    "embedded-object",
    Category.PUBLICATION,
    Severity.ERROR,
    "An embedded object (a spreadsheet, another document) inside the file.",
    "An embedded spreadsheet or document carries all of its own content, not just the part shown, "
    "and is published with the file.",
    "A chart pasted from Excel as an embedded workbook.",
    "The chart pasted as a picture.",
)
MACROS = Rule(
    "PIT706",
    "macros",
    Category.PUBLICATION,
    Severity.ERROR,
    "Macros (a VBA project) inside the Word file.",
    "A macro-enabled Word file (.docm, .dotm) carries a VBA project: code, and often the names and "
    "paths of whoever wrote it. Public authorities publish documents without macros, and readers' "
    "security settings warn about or block files that have them.",
    "draft.docm, with the team's formatting macros saved in it.",
    "The draft saved as a .docx (Word drops the macros), or exported to PDF.",
)
RULES = (TRACKED_CHANGE, COMMENT, HIDDEN_TEXT, PERSONAL_METADATA, EMBEDDED_OBJECT, MACROS)

_PERSONAL = {"author": "author", "last_modified_by": "last modified by", "comments": "comments property"}
# Words of team, role and program names ("FOI Unit", "Information Compliance Team", "Microsoft
# Office User", "python-docx"): a name property made only of these (and of police forces' names)
# holds no person's name. The fix this rule suggests is to put the team's name there, which must
# then pass; "J. Smith (FOI Decision Maker)" still names a person.
_IMPERSONAL = frozenset(
    [
        "unit",
        "team",
        "department",
        "office",
        "police",
        "constabulary",
        "service",
        "foi",
        "disclosure",
        "information",
        "records",
        "compliance",
        "council",
        "authority",
        "administrator",
        "admin",
        "user",
        "python-docx",
        "microsoft",
        "word",
        "libreoffice",
        "adobe",
        "acrobat",
        "of",
        "and",
        "the",
        "for",
    ]
)


# In free text (the comments property), what names a person: an e-mail address, a telephone
# number, or a name ("J. Smith", "Jane Smith", "Smith, Jane") of words that are not all impersonal.
_EMAIL_OR_PHONE = regexes.compile(r"\S+@\S+\.\w+|(?:\+44\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b")
_INITIALLED = regexes.compile(r"\b(?:[A-Z]\.\s?)+[A-Z][a-z]+\b")  # "J. Smith"
_TWO_WORDS = regexes.compile(r"\b[A-Z][a-z]+,?\s+[A-Z][a-z]+\b")  # "Jane Smith", "Smith, Jane": one must be a name


def _names_a_person(key: str, value: str, context: Context) -> bool:
    if key == "comments":
        return _free_text_names_a_person(value, context)
    forces = {w for o in context.packs.organisations for n in o.full_names for w in re.findall(r"[\w-]+", n.lower())}
    return bool(set(re.findall(r"[\w-]+", value.lower())) - _IMPERSONAL - forces)


def _free_text_names_a_person(value: str, context: Context) -> bool:
    """A comment such as "generated by python-docx" names no one; "Checked by Jane Smith" does."""
    if _EMAIL_OR_PHONE.search(value):
        return True
    from pitlint.spelling import is_name

    forces = {w for o in context.packs.organisations for n in o.full_names for w in re.findall(r"[\w-]+", n.lower())}
    candidates = [m.group() for m in _INITIALLED.finditer(value)] + [
        m.group() for m in _TWO_WORDS.finditer(value) if any(is_name(w) for w in re.findall(r"[A-Za-z]+", m.group()))
    ]
    return any(set(re.findall(r"[\w-]+", name.lower())) - _IMPERSONAL - forces for name in candidates)


def _at(rule: Rule, document: Document, number: int | None, message: str, excerpt: str, suggestion: str) -> Finding:
    """A finding on a paragraph of the draft; its excerpt is the words concerned, which for a
    deletion or hidden text are in the file but not in the published text."""
    paragraph = document.paragraphs[number - 1] if number and 0 < number <= len(document.paragraphs) else None
    return Finding(rule, message, fold(excerpt), paragraph.locate() if paragraph else None, suggestion=suggestion)


def _struck(document: Document, revision: Revision) -> Finding:
    """Words printed struck through in a PDF: on the page, where they can be read."""
    message = f'Struck-through words are printed in the PDF: "{fold(revision.text)}"'
    suggestion = (
        "A tracked deletion exported with its markup, or words meant to be removed: accept or "
        "reject the changes in the source document (or delete the words) and export the PDF again."
    )
    paragraph = (
        document.paragraphs[revision.paragraph - 1] if 0 < revision.paragraph <= len(document.paragraphs) else None
    )
    if paragraph is None:
        return Finding(TRACKED_CHANGE, message, fold(revision.text), None, suggestion=suggestion)
    start = paragraph.text.find(revision.text)
    where = paragraph.locate(start, start + len(revision.text)) if start >= 0 else paragraph.locate()
    return Finding(TRACKED_CHANGE, message, fold(revision.text), where, suggestion=suggestion)


def _own_comments(comments: list[Comment]) -> Iterator[Finding]:
    """One finding for all the comments pitlint put in the file (an annotated copy's findings)
    and the directive comments addressed to it: they are published like any comment, but are not
    a reviewer's remarks to be weighed one by one."""
    annotations = sum(1 for comment in comments if comment.kind == "pitlint")
    directives = sum(1 for comment in comments if comment.kind == "directive")
    if not annotations and not directives:
        return
    parts = []
    if annotations:
        parts.append(f"{annotations} review comment{'s' if annotations > 1 else ''} added by pitlint")
    if directives:
        parts.append(f'{directives} pitlint directive{"s" if directives > 1 else ""} ("pitlint: ignore ...")')
    verb = "is" if annotations + directives == 1 else "are"
    yield COMMENT.finding(
        f"{' and '.join(parts)} {verb} still in the file",
        suggestion="Delete them before publishing: Review > Delete All Comments in Document "
        "(or publish from the draft, not the annotated copy).",
    )


def check(document: Document, outline: Outline, context: Context) -> Iterator[Finding]:
    facts = document.facts
    own = [revision for revision in facts.revisions if revision.author == FIXER]
    if own:  # `pitlint fix`'s tracked changes: the officer's to accept or reject, told once
        yield TRACKED_CHANGE.finding(
            f"{len(own)} tracked change{'s' if len(own) > 1 else ''} made by `pitlint fix` "
            f"{'are' if len(own) > 1 else 'is'} not yet accepted or rejected",
            suggestion="Accept or reject each in Word's Review pane, then save again.",
        )
    for revision in facts.revisions:
        if revision.author == FIXER:
            continue
        by = f" by {revision.author}" if revision.author else ""
        if revision.kind == "struck":
            yield _struck(document, revision)
            continue
        if revision.kind == "deletion":
            message = f'A tracked deletion{by} is still in the file: "{fold(revision.text)}"'
        else:
            message = f'A tracked insertion{by} is not yet accepted: "{fold(revision.text)}"'
        yield _at(
            TRACKED_CHANGE,
            document,
            revision.paragraph,
            message,
            revision.text,
            "Accept or reject all changes, then save again.",
        )
    yield from _own_comments(facts.comments)
    for comment in facts.comments:
        if comment.kind != "reviewer":
            continue
        by = f" by {comment.author}" if comment.author else ""
        where = f" ({comment.anchor})" if comment.anchor.startswith("page ") else ""
        yield _at(
            COMMENT,
            document,
            comment.paragraph,
            f'A comment{by}{where} is in the file: "{fold(comment.text)}"',
            comment.text,
            "Delete all comments before publishing.",
        )
    for number, text in facts.hidden_text:
        yield _at(
            HIDDEN_TEXT,
            document,
            number,
            f'Hidden text is in the file: "{fold(text)}"',
            text,
            "Delete the hidden text.",
        )
    for key, value in sorted(facts.metadata.items()):
        label = _PERSONAL.get(key) or (
            f"custom property {key[len('custom:') :]}" if key.startswith("custom:") else None
        )
        if label and _names_a_person(key, value, context):
            yield PERSONAL_METADATA.finding(
                f'The file\'s {label} is "{value}"',
                suggestion="Remove personal details from the document properties before publishing.",
            )
    if facts.macros:
        yield MACROS.finding(
            "The file carries macros (a VBA project).",
            suggestion="Save the draft as a .docx (Word Document), which drops the macros, or publish a PDF.",
        )
    if facts.embedded_objects:
        count = facts.embedded_objects
        yield EMBEDDED_OBJECT.finding(
            f"{count} embedded object{'s are' if count > 1 else ' is'} in the file.",
            suggestion="Replace embedded objects with pictures or text.",
        )
