"""Sentences left unfinished: a paragraph that stops on a word no English sentence ends on ("...
would allow those intent on causing harm to"), with a new sentence or nothing after it. Reused
wording is cut and pasted in pieces, and the cut sometimes falls mid-sentence."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from pitlint import regexes
from pitlint.checks import Context
from pitlint.document import Document, Paragraph
from pitlint.findings import Category, Finding, Rule, Severity
from pitlint.outline import Outline, is_heading
from pitlint.readers._paragraphs import SUBJECT_AND_AUXILIARY_LAST, looks_like_heading

UNFINISHED = Rule(
    "PIT415",
    "unfinished-sentence",
    Category.TYPO,
    Severity.WARNING,
    'A paragraph that stops mid-sentence, on a word no sentence ends on ("... causing harm to").',
    "A paragraph whose last word is an article, a preposition, a conjunction, a modal verb or a "
    "possessive, with no full stop after it, and a new sentence (a capital) or nothing after it, has "
    "lost the rest of its sentence: usually where reused wording was cut and pasted. Headings, list "
    "items, table cells and the requester's words are left alone, as is a paragraph the next one "
    "carries on in small letters (a line broken by a page or a PDF's layout).",
    "Confirmation or denial would allow those intent on causing harm to\n\nResponses under the FOIA ...",
    "Confirmation or denial would allow those intent on causing harm to plan their activities.",
    action="Finish the sentence, or delete what is left of it.",
)
RULES = (UNFINISHED,)

# words a sentence cannot end on: articles, prepositions that need an object, conjunctions, modals,
# possessives (a paragraph ending on one has no full stop either, so "as they were asked to" is
# reported too: rare in a response, and unpunctuated all the same)
_CANNOT_END = frozenset(
    "the a an of to and or nor but for with by from into onto at than because whether "
    "would could should will shall may might must can our their its your his her my which whose those these".split()
)
_LAST_WORD = regexes.compile(r"(?<![A-Za-z])([A-Za-z]+)\s*$")
# a relative clause stopped on its auxiliary ("... Assessment (APSTRA), which is"); a modal and a verb
# that takes an object, with none after it ("... Removal Teams, would allow"); a comma ("... when
# applying this exemption,")
_LEFT_OPEN = (
    regexes.compile(r"(?:,\s*|\s)(?:which|who)\s+(is|are|was|were|has|have|had|will|would|can|may)\s*$"),
    regexes.compile(
        r"\b(?:would|could|will|may|might|can)\s+(allow|enable|assist|reveal|show|provide|give|help|identify"
        r"|indicate|undermine|prejudice|compromise|disclose|confirm|prevent|mean|require|involve|include)\s*$"
    ),
    regexes.compile(r"\s([a-z]+),\s*$"),
)


def _left_open(text: str, start: int, end: int) -> re.Match[str] | None:
    """The last word of a clause that cannot end there, whatever the word: a relative clause's
    auxiliary, a modal's verb without its object, a word before a trailing comma."""
    for pattern in _LEFT_OPEN:
        found = pattern.search(text, start, end)
        if found is not None:
            return found
    return None


# a paragraph opened by a clause that needs a main clause after it: "Where numbers are fewer than five"
_SUBORDINATE_OPENER = regexes.compile(
    r"\W*(?:where|when|whenever|if|as|because|although|though|since|while|whilst|unless|once)\b", re.IGNORECASE
)
_TAIL = 40  # characters at a paragraph's end in which its last word is looked for
_LIST_LABEL = regexes.compile(r"^\W*(?:\(?[a-z0-9]{1,3}[.)]|[\u2022\u2013*-])\s")
_OPENING_WORD = regexes.compile(r"\s*([A-Z][a-z]+)\b")
COMMON_OPENER = 10_000_000  # a capitalised word this common in English opens a sentence; a rarer one is a name
# what carries a sentence on as a list's item: a citation, the Act named, a question's label
_CITATION_START = regexes.compile(
    r"(?:sections?|s\.?\s?\d|regulations?|paragraph|schedule|part|freedom\s+of\s+information|foi)\b"
    r"|(?:question|q|item|point|part)\s?\d+\s*[:.)\-\u2013]",
    re.IGNORECASE,
)
_FIRST_SENTENCE = regexes.compile(r"[^.!?\n]*")
_SENTENCE_REACH = 400  # characters after a join looked at for the sentence it opens
MIN_WORDS = 8  # a shorter paragraph is a label, a heading or a line of an address


def check(document: Document, outline: Outline, context: Context) -> Iterator[Finding]:
    paragraphs = document.paragraphs
    for position, paragraph in enumerate(paragraphs):
        if _a_sentence_of_prose(paragraph, outline):
            yield from _stopped_short(paragraph)
        if len(paragraph.pieces) > 1 and _a_sentence_of_prose(paragraph, outline):
            yield from _joined_fragments(paragraph)
        tail = max(0, len(paragraph.text) - _TAIL)
        last = _LAST_WORD.search(paragraph.text, tail)
        ending = paragraph.text.rstrip()[-1:]
        left_open = _left_open(paragraph.text, tail, len(paragraph.text)) if ending.isalpha() or ending == "," else None
        if left_open is not None:
            last = left_open  # (a relative clause's auxiliary, a modal's verb or a comma: never a sentence's end)
        elif last is None or last[1] not in _CANNOT_END:
            last = SUBJECT_AND_AUXILIARY_LAST.search(paragraph.text, tail)
            if last is None or not _SUBORDINATE_OPENER.match(paragraph.text):
                # (a clause of its own may end so: "The table below lists every vehicle we have")
                continue  # (in small letters: "Section 31 Law Enforcement And" is a heading's capitals)
        if not _a_sentence_of_prose(paragraph, outline) or _stranded(paragraph.text, last):
            continue
        following = paragraphs[position + 1] if position + 1 < len(paragraphs) else None
        if following is not None and not (_a_new_sentence(following.text) or _a_heading(following)):
            continue  # carried on: a line broken by a page or a layout, or a list ("by virtue of" / "Section 31(3)")
        yield _unfinished(paragraph, last)


# a determiner no sentence ends on, even with its full stop typed ("to identify the."); ("a" is left
# out: a letter for a label, "as mark a."; a preposition too: "a legal obligation to." is English);
# and one that opens a clause's subject after "that" ("is mindful that any."; "the figures, if any."
# and "no record of any." are English)
_STOP_AFTER = regexes.compile(r"\b(the|an|our|their|its|your|my|any|every|each)\.(?=\s|$)")
_AFTER_THAT = frozenset("any every each".split())
_SENTENCE_START = regexes.compile(r"[^.!?]*$")
MIN_STOPPED_WORDS = 4  # words of a sentence that stops short (fewer: a label, "See part a.")


def _stopped_short(paragraph: Paragraph) -> Iterator[Finding]:
    """A sentence whose full stop follows a determiner: the rest was cut before the stop was typed
    ("Disclosure would allow offenders to identify the.")."""
    text = paragraph.text
    for match in _STOP_AFTER.finditer(text):
        before = text[max(0, match.start() - 5) : match.start()]
        if not (
            before.endswith("that ") if match[1] in _AFTER_THAT else before[-2:-1].islower() and before[-1:] == " "
        ):
            continue  # (a determiner after a word in small letters; any, every, each after "that")
        sentence = _SENTENCE_START.search(text, 0, match.start())
        if sentence is None or len(text[sentence.start() : match.end()].split()) < MIN_STOPPED_WORDS:
            continue
        opened = sentence.start()
        if text.count('"', opened, match.start()) % 2 or text.count("\u201c", opened, match.start()):
            continue  # a word quoted: 'the word "the".'
        word = match[1]
        yield UNFINISHED.finding(
            f'The sentence stops on "{word}" before its full stop: the rest of the sentence is missing',
            paragraph,
            match.start(1),
            match.end(1),
        )


def _joined_fragments(paragraph: Paragraph) -> Iterator[Finding]:
    """Where a reader joined two paragraphs because the first stopped on a word no sentence ends on
    (a page broken mid-sentence is joined so), but a blank line lay between them and the second
    opens a new sentence with a common word in capitals ("... causing harm to" / "Responses under
    the FOIA ..."): the first sentence was left unfinished, not broken by a page."""
    from pitlint import language
    from pitlint.spelling import Speller

    text = paragraph.text
    begun = 0  # where the paragraph the reader joined on last began
    for before, after in itertools.pairwise(paragraph.pieces):
        if after.page is not None and before.page is not None:
            apart = after.page != before.page  # (a PDF's paragraphs, joined across a page)
        elif after.line is not None and before.line is not None:
            apart = after.line - before.line >= 2  # (plain text: a blank line between)
        else:
            apart = after.block != before.block  # (a Word file's paragraphs)
        if not apart or after.offset <= 0:
            continue
        own, begun = text[begun : after.offset], after.offset
        if len(own.split()) < MIN_WORDS:
            continue  # a heading run into its text ("Evidence of Harm and")
        last = _LAST_WORD.search(text, max(0, after.offset - _TAIL), after.offset)
        left_open = _left_open(text, max(0, after.offset - _TAIL), after.offset)
        if left_open is not None:
            last = left_open  # ("..., which is" / "If you are dissatisfied ...")
        opening = _OPENING_WORD.match(text, after.offset)
        if last is None or opening is None:
            continue
        if left_open is None and (last[1] not in _CANNOT_END or _stranded(text[: after.offset], last)):
            continue
        if after.page is None and _a_heading_piece(paragraph, after.offset):
            yield _unfinished(paragraph, last)  # ("... as we can" / "Exemptions"; not a PDF: a running header)
            continue
        if not _a_new_sentence(text[after.offset : after.offset + _SENTENCE_REACH]):
            continue
        if Speller.is_name(opening[1]) or (
            language.count(opening[1].lower()) < COMMON_OPENER and not _an_opener(opening[1].lower())
        ):
            continue  # a name carries the sentence on: "... to" / "Kent Police"
        yield _unfinished(paragraph, last)


_STRANDABLE = frozenset("to for of with from at by into onto about on".split())
_WORD_BEFORE = regexes.compile(r"([A-Za-z]+)\s+$")


def _stranded(text: str, last: re.Match[str]) -> bool:
    """Whether a closing preposition is left at the end of a clause, after its verb, as English
    does ("the information you are looking for", "each one relates to", "who it would be caused
    to"): a whole sentence, where the cut ones end on a preposition after a noun ("intent on
    causing harm to", "would allow criminals to")."""
    from pitlint import language

    if last[1] not in _STRANDABLE:
        return False
    before = _WORD_BEFORE.search(text, 0, last.start(1))
    if before is None:
        return False
    verb = before[1].lower()
    return verb.endswith(("ed", "ing")) or language.plain_form(verb) is not None


def _an_opener(word: str) -> bool:
    """A rarer word that opens a sentence, never a name: a participle or an adverb English writes
    in small letters ("Weighing these matters, ...", "Accordingly, ...")."""
    from pitlint import language

    return word.endswith(("ing", "ly")) and len(word) > 5 and language.count(word) > 0


def _a_heading_piece(paragraph: Paragraph, start: int) -> bool:
    """Whether the piece the reader joined on at ``start`` is a heading, the whole of its piece."""
    ends = [piece.offset for piece in paragraph.pieces if piece.offset > start]
    own = paragraph.text[start : min(ends, default=len(paragraph.text))].strip()
    return looks_like_heading(own) and not _CITATION_START.match(own)


def _unfinished(paragraph: Paragraph, last: re.Match[str]) -> Finding:
    return UNFINISHED.finding(
        f'The sentence stops on "{last[1]}" and what follows starts anew: the rest of the sentence is missing',
        paragraph,
        last.start(1),
        last.end(1),
    )


def _a_new_sentence(text: str) -> bool:
    """Whether text opens a sentence of its own: a capital, not a citation or a list's item, and
    words enough before its first stop to be more than a heading."""
    text = text.lstrip()
    if not text[:1].isupper() or _CITATION_START.match(text):
        return False
    first = _FIRST_SENTENCE.match(text)
    return first is not None and len(first.group().split()) >= MIN_WORDS


def _a_heading(paragraph: Paragraph) -> bool:
    """A heading, which no sentence carries on into (a citation may: "by virtue of" / "Section 31(3)")."""
    return is_heading(paragraph) and not _CITATION_START.match(paragraph.text.lstrip())


def _a_sentence_of_prose(paragraph: Paragraph, outline: Outline) -> bool:
    """A paragraph of the response's own running text: not the requester's, a heading, a list
    item, a table's cell, or a few words."""
    text = paragraph.text
    return (
        paragraph.index not in outline.quoted
        and not paragraph.in_table
        and not is_heading(paragraph)
        and not _LIST_LABEL.match(text)
        and len(text.split()) >= MIN_WORDS
        and text.lstrip()[:1].isupper()
    )
