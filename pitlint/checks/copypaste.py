"""Copy-paste: another organisation's name left from the PIT the wording came from, and
placeholders left from a template."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from pitlint import regexes
from pitlint.checks import Context
from pitlint.checks._patterns import pattern_findings
from pitlint.document import Document, Paragraph
from pitlint.findings import Applicability, Category, Finding, FixAvailability, Rule, Severity
from pitlint.outline import Outline, is_heading, request_text, run_in_label_end, told_by_the_force
from pitlint.reuse.text import sentence_around, sentence_bounds
from pitlint.statements import NCND, WITHHOLDS

PLACEHOLDER = Rule(
    "PIT602",
    "placeholder",
    Category.COPY_PASTE,
    Severity.ERROR,
    "Text left from a template: [insert ...], <<...>>, XXX, TBC, [date], its instructions (delete as appropriate).",
    "Templates mark what must be filled in, and tell whoever fills them in what to do; a marker or an "
    "instruction left in a published PIT shows the response was not finished. The patterns are in "
    'the rule packs. Four or more runs of X\'s are a text\'s redactions ("Mr XXX XXX", "ref XXXXXXXX") '
    "rather than placeholders each left in: they are reported once, as info.",
    "Date of request: [insert date]",
    "Date of request: 3 March 2026",
    action="Replace the placeholder with the real text, or delete it.",
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


def check(document: Document, outline: Outline, context: Context) -> Iterator[Finding]:
    found = pattern_findings(document, PLACEHOLDER, context.packs.for_rule(PLACEHOLDER.code))
    yield from _redactions_once(
        (finding for finding in found if not _the_requesters(finding, outline, document)), document
    )
    yield from _other_subjects(document, outline, context)
    yield from _other_references(document, outline)
    yield from _repeated_sentences(document, outline)


def _the_requesters(finding: Finding, outline: Outline, document: Document) -> bool:
    """A placeholder's pattern matched in the requester's words: their "(if applicable)", a log's
    "XXX" over their names. A slot in brackets ("[insert request]") is the template's wherever it is."""
    return (
        finding.location is not None
        and finding.location.paragraph in outline.quoted
        and not finding.excerpt.lstrip().startswith(("[", "<<"))
        and not told_by_the_force(document.paragraphs[finding.location.paragraph - 1].text)
    )  # ("On XX April 2024 you wrote to us": the force's own slot left unfilled)


REDACTIONS = 4  # this many runs of X's or more, one of them plainly over a name or a date, are redactions
_XS = regexes.compile(r"\[?\s*[Xx]{3,}\s*\]?")
# a run of X's over a name or a date: after a title ("Mr XXX", "PC XXXX"), before another run ("XXX
# XXX") or a month ("XX April"); a template's "Dear XXX", "Reference: FOI XXX" is none of these
_OVER_A_NAME = regexes.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|PC|DC|PS|DS|Sgt|Insp|Supt)\.?\s*$")
_ANOTHER_RUN = regexes.compile(
    r"\s+(?:[Xx]{2,}\b|(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b)"
)


def _redacting(finding: Finding, document: Document) -> bool:
    if finding.span is None or finding.location is None:
        return False
    text = document.paragraphs[finding.location.paragraph - 1].text
    start, end = finding.span
    return bool(_OVER_A_NAME.search(text[max(0, start - 8) : start]) or _ANOTHER_RUN.match(text, end))


def _redactions_once(findings: Iterable[Finding], document: Document) -> Iterator[Finding]:
    """The placeholder findings, with runs of X's reported once where there are many and some
    plainly stand over a name or a date ("Mr XXX XXX", "on XX April"): redaction is one choice of
    the text; a template's "XXX" left in ("Dear XXX", "Reference: FOI XXX") stays an error each. The
    rest as found."""
    xs: list[Finding] = []
    for finding in findings:
        if _XS.fullmatch(finding.excerpt or ""):
            xs.append(finding)
        else:
            yield finding
    if len(xs) < REDACTIONS or not any(_redacting(finding, document) for finding in xs):
        yield from xs
        return
    first = xs[0]
    first.message = (
        f"{len(xs)} runs of X's in this text: names or figures redacted, or placeholders left in? (reported once)"
    )
    first.severity = Severity.INFO
    first.fix = None
    yield first


# a question or an item of the request, to which the same answer may be given again
_ITEM = regexes.compile(r"^\W*(?:Q\s?\d{1,2}|question\s+\d{1,2}|\d{1,2}\s?[.):]|[a-z]\s?[.)])", re.IGNORECASE)


def _questions_between(document: Document, outline: Outline, first: int, second: int) -> bool:
    """Whether a question of the request comes between two copies, or each copy answers an item
    of it: "We do not hold this information." answers Q2 and again Q3, on purpose."""
    return any(
        paragraph.index in outline.quoted or paragraph.text.rstrip().endswith("?") or _ITEM.match(paragraph.text)
        for paragraph in document.paragraphs[first - 1 : second]
    )


def _repeated_sentences(document: Document, outline: Outline) -> Iterator[Finding]:
    """The second copy of a sentence repeated word for word within a few paragraphs, with no
    heading between the two (where each copy would belong to its own part)."""
    seen: dict[str, tuple[int, str]] = {}  # a sentence's words -> its first copy's paragraph, and where that is
    last_heading = -1
    for paragraph in document.paragraphs:
        if is_heading(paragraph):
            last_heading = paragraph.index
            continue
        if paragraph.index in outline.quoted:
            continue
        previous = ""  # the sentence before, in this paragraph
        for start, end in sentence_bounds(paragraph.text):
            if start == 0 and 0 < (label := run_in_label_end(paragraph.text)) < end:
                start = label  # "Harm: Covert tactics are ...": the sentence is what follows its label
            words = " ".join(re.findall(r"[\w'’]+", paragraph.text[start:end].lower()))
            length = words.count(" ") + 1
            side_by_side, previous = words == previous, words
            if side_by_side and length >= SIDE_BY_SIDE_WORDS:
                yield REPEATED_SENTENCE.finding(
                    "This sentence is written twice, one after the other.", paragraph, start, end
                )
                continue  # ("Hearings are held in public. Hearings are held in public.": too short to look for further)
            if length < REPEAT_WORDS:
                continue
            if NCND.search(paragraph.text, start, end) or WITHHOLDS.search(paragraph.text, start, end):
                continue  # the response's position restated ("Conclusion: The force neither confirms nor denies")
            first, where = seen.get(words, (-1, ""))
            if (
                first >= 0
                and last_heading < first
                # (in the same paragraph too: pasted twice; a long sentence looked for further on)
                and 0 <= paragraph.index - first <= (LONG_REPEAT_REACH if length >= LONG_REPEAT_WORDS else REPEAT_REACH)
                and not _questions_between(document, outline, first, paragraph.index)
            ):
                yield REPEATED_SENTENCE.finding(
                    f"This sentence is written twice: it is also {where}.", paragraph, start, end
                )
                continue
            line = paragraph.locate(start, end).line
            seen[words] = (paragraph.index, f"on line {line}" if line else f"in paragraph {paragraph.index}")


def _other_subjects(document: Document, outline: Outline, context: Context) -> Iterator[Finding]:
    """A subject argued about that neither the request nor the response's own framing of it (its
    title and its answer, before the arguments: "we neither confirm nor deny that covert facial
    recognition is used") names."""
    request = request_text(outline)
    if not request:
        return
    argued = outline.argued()
    if not argued:
        return
    first_argued = min(paragraph.index for paragraph in argued)
    framing = " ".join(p.text for p in document.paragraphs if p.index < first_argued)
    said = f"{request}\n{framing}"
    subjects = context.packs.subjects
    asked = {name for name, patterns in subjects.items() if any(p.search(said) for p in patterns)}
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


OTHER_REFERENCE = Rule(
    "PIT604",
    "another-requests-reference",
    Category.COPY_PASTE,
    Severity.WARNING,
    "A request reference in the text that is not this response's own.",
    'A response gives its own request reference in its heading ("Request Number: FOI/1234"). Another '
    'reference of the same kind in the body ("In relation to request number FOI/1187") is usually left '
    "from the response the wording was copied from. References to an earlier request named as such "
    "(a previous, original or related request, an internal review) are left alone.",
    "Request Number: FOI/1234\nIn relation to request number FOI/1187 the force neither confirms nor denies ...",
    "Request Number: FOI/1234\nIn relation to request number FOI/1234 the force neither confirms nor denies ...",
    fix=FixAvailability.ALWAYS,
    fix_safety=Applicability.UNSAFE,
)
REPEATED_SENTENCE = Rule(
    "PIT605",
    "sentence-repeated",
    Category.COPY_PASTE,
    Severity.WARNING,
    "A sentence written twice, word for word, a few paragraphs apart with no heading between.",
    "A sentence that appears again, word for word, one or two paragraphs later in the same part of "
    "the response (a long sentence of 14 words or more, up to six paragraphs later) is left over from "
    "an edit: a paragraph pasted in and the old copy not removed. "
    "The same sentence under two headings (the same factor argued for two exemptions) is left alone.",
    "I have dealt with your request under the Act.\n\nThe department holds a draft.\n\n"
    "I have dealt with your request under the Act.",
    "I have dealt with your request under the Act.\n\nThe department holds a draft.",
    action="Remove one of the two copies.",
)
RULES = (PLACEHOLDER, OTHER_SUBJECT, OTHER_REFERENCE, REPEATED_SENTENCE)
REPEAT_WORDS = 8  # words a sentence needs before its repetition is reported (not "Yours sincerely")
SIDE_BY_SIDE_WORDS = 4  # ... or straight after itself ("Hearings are held in public." twice; not "Yes. Yes.")
REPEAT_REACH = 2  # paragraphs after the first copy in which the second is looked for
LONG_REPEAT_WORDS = 14  # a sentence this long is too particular to be said twice on purpose ...
LONG_REPEAT_REACH = 6  # ... so its second copy is looked for this many paragraphs on

# "FOI/15105", "FOI 2017/366", "RFI-0412", "F-2023-01234": letters, then numbers joined by / or -
# ("FOI/SUF/25/1184": a force's letters after the prefix)
_REFERENCE = regexes.compile(
    r"\b(?P<prefix>(?:FOIA?|FOISA|RFI|F)(?:[/-][A-Z]{2,5}(?=[/-]\d))?)\s?[/-]?\s?(?P<number>\d{2,}(?:\s?[/-]\s?\d{2,})*)\b"
)
# how a response labels its own reference, at the start of a line: "Request Number:", "Our ref:"
_OWN_LABEL = regexes.compile(
    r"\W*(?:(?:FOIA?\s+)?(?:request|reference|ref)\s*(?:number|no\.?|reference|ref)?|our\s+ref(?:erence)?)\s*[:#.]?\s*",
    re.IGNORECASE,
)
# the same label with its colon, ending a line the plain-text reader joined to the one before
# ("West Yorkshire Police - Freedom of Information Request reference: FOI/1162/24"), the force's
# letters perhaps before the reference ("Our reference: HP/FOI/2025/01462")
_OWN_LABEL_JOINED = regexes.compile(
    r"\b(?:request|reference|ref)(?:\s+(?:number|no\.?|reference|ref))?\s*:\s*(?:[A-Z]{1,6}[/-])?$", re.IGNORECASE
)
# a sentence that names another request on purpose
_ANOTHER_ON_PURPOSE = regexes.compile(
    r"\b(?:previous|earlier|original|prior|related(?!\s+to\b)|similar|same|repeat(?:ed)?|duplicate|review|appeal|"
    r"complaint|also|your\s+ref(?:erence)?|our\s+response\s+to|(?:you|we)\s+referred|in\s+which\s+we)\b",
    re.IGNORECASE,
)
# the reference the requester is asked to quote is this response's own, whatever else the sentence
# says ("you may ask for a review ..., quoting reference FOI/SUF/24/0967")
_QUOTE_THIS = regexes.compile(
    r"\b(?:quot(?:e|ing)|please\s+use)\s+(?:(?:our|the|this|your)\s+)?(?:(?:request|FOI)\s+)?(?:reference|ref)"
    r"(?:\s+(?:number|no\.?))?\s*:?\s*$",
    re.IGNORECASE,
)
# a title about another request: "Correspondence in relation to request FOI/19/00022" (what this
# request asks for), when the response's own reference is labelled elsewhere
_ABOUT_REQUEST = regexes.compile(
    r"\b(?:in\s+relation\s+to|regarding|concerning|relating\s+to|about)\s+(?:\w+\s+){0,4}?request\b", re.IGNORECASE
)


# a reference written as its numbers alone: "(1842/24)", "reference 2209/24"
_BARE_REFERENCE = regexes.compile(r"(?<![\w/.£$-])(?P<number>\d{3,6}/\d{2,6})(?![\w/%-]|[.,]\d)")


def _references(document: Document) -> Iterator[tuple[Paragraph, re.Match[str], str]]:
    """Each request reference and its key: its letters in capitals and its numbers joined by "/"
    ("FOI/1234/24"); a bare number's key has no letters ("/1842/24")."""
    for paragraph in document.paragraphs:
        ends = []
        for found in _REFERENCE.finditer(paragraph.text):
            ends.append((found.start(), found.end()))
            yield paragraph, found, found["prefix"].upper() + "/" + re.sub(r"[\s/-]+", "/", found["number"])
        for found in _BARE_REFERENCE.finditer(paragraph.text):
            inside = any(start <= found.start() < end for start, end in ends)
            if not inside and not _financial_year(found["number"]):
                yield paragraph, found, "/" + found["number"]


def _financial_year(number: str) -> bool:
    """A year and the next one, or its last two digits: "2023/24" and "2023/2024" are financial
    years, not references."""
    first, second = number.split("/")
    if len(first) != 4 or first[:2] not in ("19", "20"):
        return False
    return int(second) == (int(first) + 1) % 100 if len(second) == 2 else int(second) == int(first) + 1


def _same_kind(key: str, mine: str) -> bool:
    """Whether a reference is of the response's own kind: the same lengths of numbers, and the same
    letters, or none on either side (a title's "(1842/24)" beside a body's "FOI 2209/24")."""
    (prefix, lengths), (own_prefix, own_lengths) = _shape(key), _shape(mine)
    return lengths == own_lengths and (prefix == own_prefix or not prefix or not own_prefix)


def _numbers(key: str) -> str:
    return key.partition("/")[2]


def _other_references(document: Document, outline: Outline) -> Iterator[Finding]:
    """A reference of this response's own kind, with another number, not named as another request."""
    found = [(p, m, key) for p, m, key in _references(document) if p.index not in outline.quoted]
    labelled = [
        (paragraph, key)
        for paragraph, match, key in found
        if _OWN_LABEL.fullmatch(paragraph.text, paragraph.text.rfind("\n", 0, match.start()) + 1, match.start())
        or _labelled_above(document, paragraph, match)
        or (
            paragraph in document.paragraphs[:_TITLE_LINES]
            and _OWN_LABEL_JOINED.search(paragraph.text, 0, match.start())
        )
    ]
    own = {key for _, key in labelled} or _titled(document, found)
    if len(own) > 1:
        # (the letterhead's label is the response's; "Request FOI/25/0398 - Athena" over a later
        # part, after the letter's prose has begun, is a heading left from another response)
        first = min(paragraph.index for paragraph, _ in labelled)
        prose = next(  # (from the paragraph after the first labelled one: paragraphs[first], indexes being 1-based)
            (p.index for p in document.paragraphs[first:] if p.text.rstrip().endswith(".") and len(p.text.split()) > 5),
            None,
        )
        own = {key for paragraph, key in labelled if prose is None or paragraph.index < prose}
    if len(own) != 1:
        return
    (mine,) = own
    written = next(match for _, match, key in found if key == mine)  # as the response writes it
    for paragraph, match, key in found:
        if _numbers(key) == _numbers(mine) or not _same_kind(key, mine):
            continue
        start, end = sentence_around(paragraph.text, match.start(), match.end())
        # (the words of its sentence near it: "similar information" ends a long sentence)
        sentence = paragraph.text[
            max(start, match.start() - ON_PURPOSE_BEFORE) : min(end, match.end() + ON_PURPOSE_AFTER)
        ]
        quoted_as_ours = _QUOTE_THIS.search(paragraph.text, max(0, match.start() - 40), match.start())
        if not quoted_as_ours and (
            _ANOTHER_ON_PURPOSE.search(sentence) or (_is_title(document, paragraph) and _ABOUT_REQUEST.search(sentence))
        ):
            continue
        yield OTHER_REFERENCE.finding(
            f"{match.group()} is not this response's reference ({written.group()}): left from another response?",
            paragraph,
            match.start(),
            match.end(),
            # (in the own reference's form; a bare number where the slip is one: "2209/24" for "1842/24")
            replacement=written["number"] if _shape(key)[0] != _shape(mine)[0] else written.group(),
        )


def _is_title(document: Document, paragraph: Paragraph) -> bool:
    """A short line among a response's first lines."""
    return paragraph in document.paragraphs[:_TITLE_LINES] and len(paragraph.text.split()) <= _TITLE_WORDS


def _labelled_above(document: Document, paragraph: Paragraph, match: re.Match[str]) -> bool:
    """A reference on a line of its own under its label's line ("FOI reference" / "FOI/19/01202",
    as a web page's list of a response's details sets them out)."""
    bullets = " -\u2013\u2022*\t"
    if paragraph.text[: match.start()].strip(bullets) or paragraph.text[match.end() :].strip(" .\t"):
        return False
    if paragraph.index < 2:
        return False
    above = document.paragraphs[paragraph.index - 2]  # (indexes are 1-based)
    return _OWN_LABEL.fullmatch(above.text.strip(bullets)) is not None


_TITLE_LINES = 8  # a response's title is among its first lines
ON_PURPOSE_BEFORE = 120  # characters of its sentence before a reference read for a word naming it as another's ...
ON_PURPOSE_AFTER = 60  # ... and after it
_TITLE_WORDS = 12


def _titled(document: Document, found: list[tuple[Paragraph, re.Match[str], str]]) -> set[str]:
    """The reference in the response's title ("Correspondence regarding case F0063641"): the first
    short line among its first lines that holds one reference and names no other request."""
    for paragraph in document.paragraphs[:_TITLE_LINES]:
        keys = {key for where, _, key in found if where.index == paragraph.index}
        if not keys:
            continue
        short = _is_title(document, paragraph) and not _ANOTHER_ON_PURPOSE.search(paragraph.text)
        return keys if short and len(keys) == 1 else set()
    return set()


def _shape(key: str) -> tuple[str, tuple[int, ...]]:
    """The kind of a reference: its letters and the lengths of its numbers ("FOI", (5,))."""
    prefix, _, numbers = key.partition("/")
    return prefix, tuple(len(part) for part in numbers.split("/"))
