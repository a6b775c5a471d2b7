"""Slips in the rule packs' terms of art: a word slipped into a look-alike ("persona data"), an
inner word missing ("the public test"), a name's capitals, an Act named without its noun."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from pitlint import language, regexes
from pitlint.checks.wording.rules import NAME_CASE, REAL_WORD_SLIP
from pitlint.checks.wording.words import (
    BE_FORMS,
    BEFORE_A_VERB,
    COMMON,
    DETERMINERS,
    FUTURE,
    ING_PREPOSITIONS,
    MODALS,
    Token,
    cased,
    inflected,
    neighbour_fit,
    past_participle,
    singular_form,
    tokens,
)
from pitlint.document import Paragraph, opens_sentence
from pitlint.findings import Finding

_FUNCTION_WORDS = frozenset("that this with from into than then upon such".split())
_OPENING_PREPOSITIONS = frozenset("in on with by".split())  # a fixed phrase's first word that may be lost
_FINAL_PREPOSITIONS = frozenset("of to with in".split())  # ending fixed phrases: "by virtue of", "lies in"


TWO_WORD_PREFERENCE = 4  # the term's word pairs must be this much more usual than the draft's
_SUBJECT_STARTS = frozenset("the this these those we i it they he she our its their a an".split())
_LINKING_WORDS = frozenset("of to and or nor the a an for in on by with at as".split())  # never optional in a term


@dataclass(frozen=True)
class _Terms:
    exact: dict[tuple[str, ...], str]
    slots: dict[tuple[str | None, ...], list[tuple[str, int]]]
    gaps: dict[tuple[str, ...], list[tuple[str, int]]]
    lengths: tuple[int, ...]
    vocabulary: frozenset[str]  # every word of every term
    # the words at each position of the terms of each length: a window that differs from them at
    # two positions is no term with one word slipped, so it is not looked up position by position
    positions: dict[int, tuple[frozenset[str], ...]]
    # by length (2 or more), the words a window may start with, and those its second word may be:
    # a term with one word slipped keeps its first word or its second, a term missing a word is
    # looked up whole; a window with neither is no term at all (most windows of a draft)
    openers: dict[int, tuple[frozenset[str], frozenset[str]]]


@functools.lru_cache(maxsize=4096)
def _words(term: str) -> tuple[str, ...]:
    return tuple(token.lower for token in tokens(term))


@functools.lru_cache(maxsize=4)
def term_index(terms: tuple[str, ...]) -> _Terms:
    exact: dict[tuple[str, ...], str] = {}
    slots: dict[tuple[str | None, ...], list[tuple[str, int]]] = {}
    gaps: dict[tuple[str, ...], list[tuple[str, int]]] = {}
    for term in terms:
        words = _words(term)
        exact[words] = term
        for i in range(len(words)):
            slots.setdefault((*words[:i], None, *words[i + 1 :]), []).append((term, i))
            # (an inner word of meaning, or the "or" between two: "confirm deny" for "confirm or deny")
            if len(words) >= 3 and 0 < i < len(words) - 1 and (_content(words[i]) or words[i] in ("or", "nor")):
                gaps.setdefault(words[:i] + words[i + 1 :], []).append((term, i))
        if len(words) >= 3 and words[-1] in _FINAL_PREPOSITIONS:  # "by virtue section 30"
            gaps.setdefault(words[:-1], []).append((term, len(words) - 1))
            if words[0] in _OPENING_PREPOSITIONS:  # "are deployed support of": "in support of"
                gaps.setdefault(words[1:], []).append((term, 0))
    lengths = tuple(sorted({len(words) for words in exact} | {len(key) for key in gaps}))
    positions = {
        length: tuple(frozenset(words[at] for words in exact if len(words) == length) for at in range(length))
        for length in {len(words) for words in exact}
    }
    firsts: dict[int, set[str]] = {}
    seconds: dict[int, set[str]] = {}
    for words in exact:
        firsts.setdefault(len(words), set()).add(words[0])
        if len(words) > 1:
            seconds.setdefault(len(words), set()).add(words[1])
    for words in gaps:
        firsts.setdefault(len(words), set()).add(words[0])
    openers = {
        length: (frozenset(firsts.get(length, ())), frozenset(seconds.get(length, ())))
        for length in lengths
        if length > 1
    }
    vocabulary = frozenset(word for words in exact for word in words)
    return _Terms(exact, slots, gaps, lengths, vocabulary, positions, openers)


def _content(word: str) -> bool:
    """A word whose absence leaves a phrase wrong: not a small function word ("of", "non")."""
    return len(word) >= 4 and word not in _FUNCTION_WORDS


def _look_alike(draft: str, term: str) -> bool:
    if draft == term or inflected(draft, term) or min(len(draft), len(term)) < 3 or draft.endswith(("'s", "s'")):
        return False
    if _same_stem(draft, term, ("ist", "ism", "ists")):
        return False  # one family's words: "counter-terrorist roles" beside "counter terrorism"
    from rapidfuzz.distance import DamerauLevenshtein

    limit = 1 if min(len(draft), len(term)) <= 4 else 2
    return DamerauLevenshtein.distance(draft, term) <= limit


def _same_stem(first: str, second: str, endings: tuple[str, ...]) -> bool:
    """Whether two words are one stem with two of the endings."""
    return any(
        first.endswith(one) and second.endswith(other) and first[: -len(one)] == second[: -len(other)]
        for one in endings
        for other in endings
        if one != other
    )


_NAME_LINKS = frozenset("of for to and on in".split())  # the small words inside a body's name


def _link_swapped(draft: str, meant: str, term: str) -> bool:
    """One small linking word of a name put for another: "Department of Work and Pensions"."""
    return draft != meant and draft in _NAME_LINKS and meant in _NAME_LINKS and term != term.lower()


def term_slips(
    paragraph: Paragraph, run: list[Token], index: _Terms, covered: set[int], environmental: bool = False
) -> Iterator[Finding]:
    lowers = [token.lower for token in run]
    # words of no term, counted up to each position: a window with two of them can be no term, no
    # term with one word slipped and no term with a word missing, so it is passed over unread
    strangers = [0]
    for word in lowers:
        strangers.append(strangers[-1] + (word not in index.vocabulary))
    known = len(run) - strangers[-1]  # words of some term in the run
    for length in reversed(index.lengths):
        if known < length - 1:
            continue  # every window this long holds two words of no term
        openers = index.openers.get(length)
        for start in range(len(run) - length + 1):
            if strangers[start + length] - strangers[start] >= 2:
                continue
            if openers and lowers[start] not in openers[0] and lowers[start + 1] not in openers[1]:
                continue
            if covered and any(position in covered for position in range(start, start + length)):
                continue
            window = tuple(lowers[start : start + length])
            term = index.exact.get(window)
            if term is not None:
                covered.update(range(start, start + length))
                yield from _case(paragraph, run[start : start + length], term)
                continue
            slots = _possible_slots(window, index)
            found = (slots and _slipped(paragraph, run, start, window, index, slots, environmental)) or _missing(
                paragraph, run, start, window, index
            )
            if found is not None:
                covered.update(range(start, start + length))
                yield found


def _possible_slots(window: tuple[str, ...], index: _Terms) -> range | tuple[int, ...]:
    """The positions where a term of the window's length could have a word slipped: none if the
    window differs from every term's words at two positions, the one where it differs if one."""
    known = index.positions.get(len(window))
    if known is None:
        return ()
    differing = [at for at, word in enumerate(window) if word not in known[at]]
    if not differing:
        return range(len(window))
    return (differing[0],) if len(differing) == 1 else ()


def _slipped(
    paragraph: Paragraph,
    run: list[Token],
    start: int,
    window: tuple[str, ...],
    index: _Terms,
    slots: range | tuple[int, ...],
    environmental: bool = False,
) -> Finding | None:
    for i in slots:
        draft = window[i]
        for term, slot in index.slots.get((*window[:i], None, *window[i + 1 :]), []):
            meant = _words(term)[slot]
            if not draft.endswith("s") and meant.endswith("s") and _look_alike(draft, singular_form(meant)):
                meant = singular_form(meant)  # the term in the singular: "the first data protection principal"
            if not (_look_alike(draft, meant) or _link_swapped(draft, meant, term)):
                continue
            if _agent_noun(draft, meant):
                continue  # "the Internal Reviewer": the one who reviews, not "internal review" slipped
            if _infinitive(run, start + i, draft, meant):
                continue  # "to inform public debate": a verb, not "informed public debate" slipped
            if i and _verb_after_its_subject(run, start + i, draft):
                continue  # "What the public finds interesting": the noun's verb, not "public funds" slipped
            if environmental and singular_form(draft) == "exception" and singular_form(meant) == "exemption":
                continue  # the Regulations' grounds are exceptions: "maintaining the exception" is right
            if meant[1:] == draft or draft[1:] == meant:
                continue  # a first letter is seldom slipped: "overt policing" is meant, beside "covert"
            if any(draft == prefix + meant for prefix in _NEGATING_PREFIXES):
                continue  # the word's opposite, meant: "suppliers would be unlikely to offer less"
            if len(window) == 2:
                position = start + i
                if neighbour_fit(run, position, draft) * TWO_WORD_PREFERENCE > neighbour_fit(run, position, meant):
                    continue  # English uses the draft's words together as much as the term's
                usual = max(language.pair(window[0], draft), language.pair(window[0], singular_form(draft)))
                if i == 1 and _ends_its_phrase(run, position) and usual >= COMMON:
                    continue  # "In answer to the third part(s), the number": a phrase of its own
            token = run[start + i]
            first, last = run[start], run[start + len(window) - 1]
            written = term
            if meant != _words(term)[slot] or term == term.lower():
                # (the term's word in the draft's number; a term of small letters in the draft's case,
                # "Vetting Code of Practise": "Code of Practice")
                parts = [token.text for token in tokens(term)]
                if term == term.lower():
                    parts = [cased(part, run[start + at].text) for at, part in enumerate(parts)]
                written = " ".join(cased(meant, part) if at == slot else part for at, part in enumerate(parts))
            return REAL_WORD_SLIP.finding(
                f'"{token.text}" in "{paragraph.text[first.start : last.end]}": did you mean "{written}"?',
                paragraph,
                token.start,
                token.end,
                replacement=cased(meant, token.text),
            )
    return None


_NEGATING_PREFIXES = ("un", "in", "im", "non", "dis")


def _ends_its_phrase(run: list[Token], position: int) -> bool:
    """Whether the word at ``position`` ends its noun phrase: the run ends after it (a comma or a
    stop), or "of" follows ("the third part of the request")."""
    return position + 1 >= len(run) or run[position + 1].lower == "of"


def _verb_after_its_subject(run: list[Token], position: int, draft: str) -> bool:
    """A verb's -s form after "the" and a noun ("the public finds", "the force needs"): the noun's
    verb, which English writes after "it" too."""
    following = run[position + 1].lower if position + 1 < len(run) else ""
    if following in MODALS or following in FUTURE or following in BE_FORMS or following.endswith("ed"):
        return False  # "the public finds would be", "the public finds allocated to": a noun's place
    return (
        position >= 2
        and run[position - 2].lower == "the"
        and draft.endswith("s")
        and language.pair("it", draft) >= language.VERB_EVIDENCE
    )


_AGENT_ENDINGS = ("er", "ers", "or", "ors")


_INFLECTIONS = ("d", "ed", "s", "es", "ing")


def _infinitive(run: list[Token], position: int, draft: str, meant: str) -> bool:
    """Whether the draft's word is a verb where English wants one: the bare form of the term's
    word after "to" or a modal ("to inform public debate", not "informed public debate")."""
    before = position - 1
    if before > 0 and run[before].lower in _BETWEEN_A_MODAL_AND_ITS_VERB:
        before -= 1  # "would also inform public debate"
    # (or a second verb after "and", the modal earlier: "would show the spread and inform public debate")
    coordinated = (
        before > 0
        and run[before].lower in ("and", "or")
        and any(token.lower in BEFORE_A_VERB for token in run[:before])
    )
    return (
        before >= 0
        and (run[before].lower in BEFORE_A_VERB or coordinated)
        and meant.startswith(draft)
        and meant[len(draft) :] in _INFLECTIONS
    )


_BETWEEN_A_MODAL_AND_ITS_VERB = frozenset("also not further therefore only still never help".split())


def _agent_noun(draft: str, meant: str) -> bool:
    """Whether ``draft`` is the noun for whoever does ``meant`` ("reviewer" of "review")."""
    return draft.startswith(meant) and draft[len(meant) :] in _AGENT_ENDINGS


def _missing(
    paragraph: Paragraph, run: list[Token], start: int, window: tuple[str, ...], index: _Terms
) -> Finding | None:
    for term, slot in index.gaps.get(window, []):
        if start + slot >= len(run):
            continue  # a term's last word missing with nothing after it: the sentence moved on
        if slot == 0 and not _after_a_passive(run, start):
            continue  # its first word lost only after a passive's participle: not "the support of the public"
        if term[:1].isupper() and _inside_a_name(run, start):
            continue  # "the Freedom of Information Office": another name, not the ICO's missing a word
        left, right = run[start + slot - 1], run[start + slot]
        if language.pair(left.lower, right.lower):
            continue  # the shorter wording is usual English on its own
        if 0 < slot < len(window) and left.lower.endswith("ed") and past_participle(left.lower):
            continue  # a participle describes any noun: "organised groups" is whole without "crime"
        dropped = _words(term)[slot]
        if slot < len(window) and dropped not in _LINKING_WORDS and language.pair(dropped, right.lower):
            continue  # an optional word describing the next: "informed debate" is "informed public debate" too
        if slot == len(window) and right.lower in _SUBJECT_STARTS and opens_sentence(paragraph.text, run[start].start):
            continue  # a phrase that opens its sentence without a comma, complete: "In response the force"
        if (
            slot == len(window)
            and dropped == "in"
            and (not right.lower.endswith("ing") or right.lower in ING_PREPOSITIONS)
        ):
            continue  # "lies in" is missed before a verb's -ing form ("lies maintaining"), not "lies against"
        if slot == len(window) and dropped != "in" and not _an_objects_start(right, dropped):
            continue  # the phrase's words used on their own: "staff in support roles", "in response module"
        first, last = run[start], run[start + len(window) - 1]
        if slot == len(window) and _across_a_heading(run[start + 1 : start + slot + 1]):
            continue
        if slot == len(window) and _words(term)[slot] in (
            token.lower for token in run[start + slot + 1 : start + slot + 3]
        ):
            continue  # a word put before the last one, not the last one missing ("would be likely otherwise to")
        return REAL_WORD_SLIP.finding(
            f'"{paragraph.text[first.start : last.end]}" is missing a word: did you mean "{term}"?',
            paragraph,
            first.start,
            last.end,
            replacement=term[0].upper() + term[1:] if first.text[:1].isupper() and term.islower() else term,
        )
    return None


_PASSIVE_AUXILIARIES = frozenset("is are was were be been being".split())


def _after_a_passive(run: list[Token], start: int) -> bool:
    """Whether the words before ``start`` are a passive verb ("are deployed"), after which a phrase
    of how or why follows ("in support of"); not an adjective's participle ("a registered response")."""
    return start >= 2 and past_participle(run[start - 1].lower) and run[start - 2].lower in _PASSIVE_AUXILIARIES


_OBJECT_STARTS = frozenset(
    "the this that these those a an any all each every your our their its his her s section sections".split()
)


def _an_objects_start(token: Token, dropped: str) -> bool:
    """Whether a word opens what a fixed phrase's last preposition governs: a determiner, a citation
    ("by virtue section 30", "In relation S38"), a name or a number; after a lost "to", a verb too
    ("would be likely prejudice")."""
    if token.lower in _OBJECT_STARTS or not token.text[:1].islower():
        return True
    return dropped == "to" and language.pair("to", token.lower) > language.pair("the", token.lower)


def _inside_a_name(run: list[Token], start: int) -> bool:
    """Whether the words at ``start`` go on a capitalised name begun before them ("Freedom of
    Information Office", "Chief Information Officer")."""
    if start == 0:
        return False
    before = run[start - 1]
    if before.lower in DETERMINERS:
        return False  # "The Crown Service": a sentence's article, not a name's word
    if before.text[:1].isupper():
        return True
    return before.lower == "of" and start > 1 and run[start - 2].text[:1].isupper()


def _across_a_heading(words: list[Token]) -> bool:
    """Whether a fixed phrase without its last word runs into a heading or a new sentence (a
    capitalised word after its first, "involved in Response Extent and Result"), not into what it
    governs ("in relation S40", "by virtue Section 30")."""
    return any(token.text[:1].isupper() and not _CITED.match(token.text) for token in words)


_CITED = regexes.compile(r"(?:[Ss](?:ection|ections)?|Regulation|Article|Schedule|Part)$|.*\d")


def _case(paragraph: Paragraph, words: list[Token], term: str) -> Iterator[Finding]:
    """A capitalised term (a name) written in another case, unless in capitals throughout."""
    written = paragraph.text[words[0].start : words[-1].end]
    if term == term.lower() or written.isupper():
        return
    expected = [token.text for token in tokens(term)]
    if [token.text for token in words] == expected:
        return
    yield NAME_CASE.finding(
        f'"{written}" is a name: write "{term}"', paragraph, words[0].start, words[-1].end, replacement=term
    )


@functools.lru_cache(maxsize=4)
def act_names(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """The names of Acts of three words or more before "Act" ("Freedom of Information"), written
    without it after an article or a possessive, where English goes on with no noun of theirs: at
    a sentence's end, or before a small word and a word in small letters ("under the Freedom of
    Information and any other legislation"), not before another name ("the Freedom of Information
    and Data Protection teams") or a comma's list."""
    stems = [term[: -len(" Act")] for term in terms if term.endswith(" Act") and len(term.split()) >= 4]
    if not stems:
        return None
    names = "|".join(r"\s+".join(map(re.escape, stem.split())) for stem in sorted(stems, key=len, reverse=True))
    return regexes.compile(
        rf"\b(?P<before>(?i:the|your|a|this|our))\s+(?P<name>{names})"
        r"(?=\s*(?:[.;:]|$)|\s+(?:and|or|to|is|was|which|that|in|on|by|for|with|as)\s+[a-z])"
    )


def name_without_its_noun(paragraph: Paragraph, names: re.Pattern[str]) -> Iterator[Finding]:
    for match in names.finditer(paragraph.text):
        noun = "Act" if match["before"].lower() == "the" else "request"  # "your Freedom of Information request"
        yield REAL_WORD_SLIP.finding(
            f'"{match.group()}" is missing a word: did you mean "{match.group()} {noun}"?',
            paragraph,
            match.start("name"),
            match.end("name"),
            replacement=f"{match['name']} {noun}",
        )
