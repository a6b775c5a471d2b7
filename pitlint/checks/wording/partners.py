"""A common word typed for its usual partner ("plan there routes", "drawn form the") and a rare
word typed for a common look-alike ("a serious thereat"), judged on English word-pair counts."""

from __future__ import annotations

import functools
from collections.abc import Iterator

from pitlint import language
from pitlint.checks import Context
from pitlint.checks.wording.rules import REAL_WORD_SLIP
from pitlint.checks.wording.words import (
    ADJECTIVE_ENDINGS,
    AMOUNTS,
    BEFORE_A_VERB,
    CLOSED_CLASS,
    COMMON,
    DETERMINERS,
    VOWELS,
    Token,
    a_noun,
    a_verb,
    cased,
    fits_both_sides,
    fits_every_neighbour,
    inflected,
    keystroke_slip,
    neighbour_fit,
    past_participle,
    singular_noun,
    verb_lean,
)
from pitlint.document import Paragraph, opens_sentence
from pitlint.findings import Finding, Severity

RARE = 1_500_000  # English count below which a word is rare (the list runs from 10,000 to 23 billion)
COMMONER = 50  # a look-alike is this many times more common


MAX_WORD = 20  # longer "words" are not slips of a common word (and would cost many look-ups)
MAX_RARE_WORDS = 1000  # distinct rare words examined per draft (a PIT has tens): bounds a hostile file


# words typed for their usual partner, both common ("plan there routes", "adversely effect",
# "information form the force"): which of a pair fits is read from the word-pair counts. These are
# trusted on one neighbour's evidence; the pairs below them, where each word is also right in many
# places the pair counts miss ("threw the bottle", "these records form the bulk", "laid bare the"),
# need both neighbours to prefer the partner as strongly
_CONFUSED = (
    ("there", "their"),
    ("effect", "affect"),
    ("effects", "affects"),
    ("principal", "principle"),
    ("principals", "principles"),
    ("advice", "advise"),
    ("lose", "loose"),
    ("personal", "personnel"),
    ("trail", "trial"),
    ("passed", "past"),
    ("complement", "compliment"),
    ("elicit", "illicit"),
)
_CONFUSED_BOTH_SIDES = (
    ("form", "from"),
    ("effected", "affected"),
    ("council", "counsel"),
    ("bare", "bear"),
    ("lead", "led"),
    ("site", "sight", "cite"),
    ("through", "threw"),
    ("quite", "quiet"),
    ("bought", "brought"),
    ("accept", "except"),
    ("compliant", "complaint"),
)
_PARTNERS = {
    word: (tuple(other for other in group if other != word), group in _CONFUSED_BOTH_SIDES)
    for group in (*_CONFUSED, *_CONFUSED_BOTH_SIDES)
    for word in group
}
PARTNER_EVIDENCE = 15_000_000  # the partner's pair with a neighbour is at least this usual in English
SETTLED_EVIDENCE = 1_000_000  # ... or this, where a participle after a noun settles the pair alone
PARTNER_PREFERENCE = 50  # and this many times the draft's word's pair with the same neighbour
PARTNER_LEANS = 10  # ... or both neighbours prefer the partner this much (one of them this usual)
PARTNER_NOT_AGAINST = 1  # the other neighbour, if English pairs it with either word, prefers the partner this much


def confused_partner(paragraph: Paragraph, run: list[Token], covered: set[int]) -> Iterator[Finding]:
    """A common word typed for its usual partner ("plan there routes", "could adversely effect the
    force"): English pairs the partner with one neighbour far more than the word, and the other
    neighbour does not say otherwise. Both neighbours must be there and in small letters (a name or
    a month says nothing of the pair), the first word of a sentence aside."""
    at_start = run and opens_sentence(paragraph.text, run[0].start)
    for position in range(1, len(run) - 1):
        token = run[position]
        found = _PARTNERS.get(token.text)
        if found is None or position in covered:
            continue
        partners, both_sides = found
        before, after = run[position - 1], run[position + 1]
        if after.text != after.lower:
            continue
        if before.text != before.lower and not (position == 1 and at_start and before.text[1:] == before.lower[1:]):
            continue
        for partner in partners:
            # the left neighbour's pairs compare as they are; the right's as shares of each word's
            # own uses (what follows "from" is no evidence against "form" because "from" is common)
            ours_count, theirs_count = language.count(token.lower) or 1, language.count(partner) or 1
            left = (language.pair(before.lower, token.lower), language.pair(before.lower, partner))
            right = (language.pair(token.lower, after.lower), language.pair(partner, after.lower))
            sides = (left, (right[0] / ours_count, right[1] / theirs_count))
            evidence = (left[1], right[1])
            strong = [
                seen >= PARTNER_EVIDENCE and ours * PARTNER_PREFERENCE <= theirs
                for (ours, theirs), seen in zip(sides, evidence, strict=True)
            ]
            against = [
                not is_strong and (ours or theirs) and theirs < PARTNER_NOT_AGAINST * ours
                for (ours, theirs), is_strong in zip(sides, strong, strict=True)
            ]
            # a participle before the word settles a pair alone: it takes a preposition, not a noun
            # or a verb ("drawn form the": "drawn from"), where a plural noun could be a subject
            # ("these records form the bulk")
            # (or a singular noun: "information form the" can be neither a subject's verb, which
            # would be "forms", nor a compound noun before "the")
            # (either way only after a verb: "are drawn form the", "received information form the";
            # inside a noun phrase "form" is the noun: "the updated form the team uses", "a data
            # protection form the requester signed")
            settled = (
                strong[0]
                and (past_participle(before.lower) or (token.lower == "form" and singular_noun(before.lower)))
                and position >= 2
                and a_verb(run[position - 2].lower)
            )
            # (or a participle after a noun, in a clause cut short, that English pairs with the partner
            # and never with the word, before a determiner: "the data captured form the network")
            cut_short = (
                past_participle(before.lower)
                and position >= 2
                and a_noun(run[position - 2].lower)
                and left[0] == 0
                and left[1] >= SETTLED_EVIDENCE
                and after.lower in DETERMINERS
            )
            if cut_short:
                settled, strong = True, [True]
            # (or, for the pairs trusted on one side, both neighbours lean the partner's way, if less
            # strongly each: "would advice you")
            leaning = not both_sides and all(
                seen > 0 and ours * PARTNER_LEANS <= theirs
                for (ours, theirs), seen in zip(sides, evidence, strict=True)
            )
            if leaning and max(evidence) >= PARTNER_EVIDENCE:
                strong = [True]
            # (for a pair trusted on both sides, one neighbour strongly for the partner and the other
            # with it too, where English pairs the word as written with neither: "exempt form
            # disclosure"; not "recognised on sight or", where "on sight" is English)
            strong_and_leaning = (
                both_sides
                and any(strong)
                and all(ours == 0 and theirs > 0 for ours, theirs in sides)
                and all(seen > 0 for seen in evidence)
            )
            if strong_and_leaning:
                strong = [True, True]
            # a noun after a noun is a compound's head, whatever follows ("the security advice the
            # force gives": a clause without its "that")
            if not settled and _a_noun_as_written(before.lower, token.lower, partner):
                continue
            if token.lower == "there" and _there_owns(run, position):
                strong, against = [True], [False]  # (the pair counts know neither: "and there handlers")
            if (all(strong) if both_sides and not settled else any(strong)) and not any(against):
                yield REAL_WORD_SLIP.finding(
                    f'"{before.text} {token.text} {after.text}": did you mean "{partner}"?',
                    paragraph,
                    token.start,
                    token.end,
                    replacement=partner,
                )
                break


_OWNING_PREPOSITIONS = frozenset("of with for by about to".split())  # (not "from": "from there officers went")


def _there_owns(run: list[Token], position: int) -> bool:
    """ "there" before a plural noun English never puts after it, where a noun phrase must stand:
    after a preposition, or after "and" joining it to a plural ("sources and there handlers"); not
    after a verb or a clause's "and" ("and there officers found it"), nor before a time ("there
    years ago")."""
    before, after = run[position - 1].lower, run[position + 1].lower
    if language.pair("there", after):
        return False
    if _an_adjective_before_its_noun(run, position + 1, ADJECTIVE_ENDINGS):  # (not "-ed": "there needed")
        return before in _OWNING_PREPOSITIONS | _PLACE_PREPOSITIONS
    if not _a_plural(after) or after in AMOUNTS:
        return False
    if before in _OWNING_PREPOSITIONS:
        return True
    if language.pair(before, "there") == 0 and language.pair(before, "their") >= SETTLED_EVIDENCE:
        return True  # a verb English follows with "their", never "there": "would alter there routes"
    return before == "and" and position >= 2 and _a_plural(run[position - 2].lower)


# (only before a noun phrase: "on there being" and "in there, officers" are English)
_PLACE_PREPOSITIONS = frozenset("on in into upon against under within".split())


def _an_adjective_before_its_noun(run: list[Token], position: int, endings: tuple[str, ...]) -> bool:
    """A word in small letters that ends as adjectives do and is no verb, before a noun in small
    letters ("operational capability", "mobile device"): a noun phrase's start, which "there" cannot
    open and "principle" cannot describe."""
    if position + 1 >= len(run):
        return False
    word, head = run[position], run[position + 1]
    return (
        word.text == word.lower
        and head.text == head.lower
        and len(word.lower) > 4
        and word.lower not in CLOSED_CLASS
        and word.lower.endswith(endings)
        and language.plain_form(word.lower) is None
        and language.pair("to", word.lower) <= language.pair("the", word.lower)
        and (a_noun(head.lower) or _a_plural(head.lower))
    )


def _a_plural(word: str) -> bool:
    """A noun's plural: an -s word whose singular is a noun, which English never writes after "it"
    (not a verb's -s form: "it seems")."""
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
        and a_noun(word[:-1])
        and language.pair("it", word) == 0
    )


def principle_before_a_noun(paragraph: Paragraph, run: list[Token], covered: set[int]) -> Iterator[Finding]:
    """ "The principle reason for refusing": the noun "principle" where the adjective "principal"
    (main) was meant, before a noun it describes. The word pairs are too sparse to say so; a noun
    straight after the noun "principle" says it ("the principle applies", "the principle behind it"
    are left alone)."""
    for position in range(1, len(run) - 1):
        token = run[position]
        before = run[position - 1].lower
        possessive = before.endswith(("'s", "\u2019s", "s'", "s\u2019"))  # "the Constabulary's principle concern"
        if token.lower != "principle" or position in covered or not (before in DETERMINERS or possessive):
            continue
        after = run[position + 1]
        owner = after.lower.removesuffix("'s").removesuffix("\u2019s")  # "the principle supplier's terms"
        if (
            after.text != after.lower
            or (owner == after.lower and after.lower.endswith("s"))
            or not (
                a_noun(owner) or _an_adjective_before_its_noun(run, position + 1, (*ADJECTIVE_ENDINGS, "ile", "ed"))
            )
        ):
            # (an -s word after it is its verb: "the principle aims", "the principle matters")
            continue
        yield REAL_WORD_SLIP.finding(
            f'"{token.text} {after.text}": "principle" is a noun; the adjective (main) is "principal"',
            paragraph,
            token.start,
            token.end,
            replacement=cased("principal", token.text),
        )


# "the principal of openness": the adjective where the noun "principle" (a rule) was meant, before
# "of" and an abstract noun ("the principal of the college" is a person)
_ABSTRACT_ENDINGS = ("ness", "ity", "ency", "ancy", "ance", "ence", "ion", "ism", "ship")


def principal_of_an_idea(paragraph: Paragraph, run: list[Token], covered: set[int]) -> Iterator[Finding]:
    for position in range(len(run) - 2):
        token = run[position]
        if token.lower not in ("principal", "principals") or position in covered or run[position + 1].lower != "of":
            continue
        idea = run[position + 2]
        if idea.text != idea.lower or not idea.lower.endswith(_ABSTRACT_ENDINGS):
            continue
        meant = "principle" if token.lower == "principal" else "principles"
        yield REAL_WORD_SLIP.finding(
            f'"{token.text} of {idea.text}": a rule or idea is a "{meant}"; "{token.lower}" means main, or a person',
            paragraph,
            token.start,
            token.end,
            replacement=cased(meant, token.text),
        )


def rare_words(
    paragraph: Paragraph,
    run: list[Token],
    covered: set[int],
    known: set[str],
    context: Context,
    examined: set[str],
) -> Iterator[Finding]:
    for position, token in enumerate(run):
        word = token.lower
        if position in covered or len(word) < 5 or token.text.isupper() or word in known:
            continue
        if len(word) > MAX_WORD or (word not in examined and len(examined) >= MAX_RARE_WORDS):
            continue
        frequency = language.count(word)
        if frequency == 0 or frequency >= RARE or not context.speller.known(word):
            continue
        if token.text[:1].isupper() and not opens_sentence(paragraph.text, token.start):
            continue  # a capital inside a sentence names something: "in the Dales", not "dates"
        examined.add(word)
        if _form_of_a_common_word(word):
            continue  # "texting": a newer form of a common word ("text"), which older counts hold rarely
        if neighbour_fit(run, position, word):
            continue  # it is usual here
        best = _commoner(word, frequency, run, position, context)
        if best is None:
            continue
        finding = REAL_WORD_SLIP.finding(
            f'"{token.text}" is a rare word where "{best}" fits: is it a slip?',
            paragraph,
            token.start,
            token.end,
            replacement=cased(best, token.text),
        )
        if not fits_every_neighbour(run, position, best) or not keystroke_slip(word, best):
            # one neighbour's word only ("steal data or extort money": "or export"), or a letter far
            # from the other on the keyboard ("the proscription of", "prescription"): a question
            finding.severity = Severity.INFO
        yield finding


def _form_of_a_common_word(word: str) -> bool:
    """Whether a word is the -ing or -ed form of a common word, plain as the counts hold it."""
    return any(
        word.endswith(ending) and len(word) - len(ending) >= 4 and language.count(word[: -len(ending)]) >= RARE
        for ending in ("ing", "ed")
    )


def _commoner(word: str, frequency: int, run: list[Token], position: int, context: Context) -> str | None:
    """The far more common look-alike that fits the neighbours, if one does."""
    best, best_fit = None, 0
    for candidate in _look_alikes(word, frequency):
        if context.speller.british(candidate) == word or context.speller.british(word) == candidate:
            continue
        if candidate[1:] == word and not fits_both_sides(run, position, candidate):
            continue  # a first letter lost ("a articular case") only where the whole word fits both neighbours
        fit = neighbour_fit(run, position, candidate)
        if fit > best_fit:
            best, best_fit = candidate, fit
    return best


@functools.lru_cache(maxsize=4096)
def _look_alikes(word: str, frequency: int) -> tuple[str, ...]:
    """Words one keystroke from this one, with its first letter and its ending, and far more common."""
    candidates = sorted(
        c
        for c in _edits(word)
        if (c[:1] == word[:1] or c[1:] == word) and _same_ending(c, word) and not inflected(c, word)
    )
    # (another first letter makes another word, "tasked" and "asked", unless the rare word is the
    # common one without its first letter, "articular" and "particular"; another ending another
    # form of the same word, "responsibly" and "responsible")
    counts = language.counts(candidates)
    return tuple(c for c, n in zip(candidates, counts, strict=True) if n >= max(COMMON, COMMONER * frequency))


def _same_ending(candidate: str, word: str) -> bool:
    """The same last two letters, or the same last letter after another vowel ("calender" and
    "calendar": a vowel misheard, not another form of the word)."""
    if candidate[-2:] == word[-2:]:
        return True
    return (
        len(candidate) == len(word)
        and candidate[:-2] == word[:-2]
        and candidate[-1] == word[-1]
        and candidate[-2] in VOWELS
        and word[-2] in VOWELS
    )


def _edits(word: str) -> set[str]:
    """Words one keystroke away: a letter deleted, added, changed, or two swapped."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    found = {a + b[1:] for a, b in splits if b}
    found |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    found |= {a + c + b[1:] for a, b in splits if b for c in letters}
    found |= {a + c + b for a, b in splits for c in letters}
    found.discard(word)
    return found


# a noun's ending and its adjective's: "consistency" and "consistent", "importance" and "important"
_ADJECTIVE_ENDINGS = (("ency", "ent"), ("ence", "ent"), ("ancy", "ant"), ("ance", "ant"))
ADJECTIVE_EVIDENCE = 5_000_000  # the adjective before the next word at least this usual in English


def noun_for_adjective(paragraph: Paragraph, run: list[Token], covered: set[int]) -> Iterator[Finding]:
    """A noun typed for its adjective before the noun it describes ("takes a consistency approach",
    "a significance risk"): English never puts the noun there and often the adjective, which is a
    common word; a compound English writes ("the evidence base", "emergency services") is left."""
    for position in range(1, len(run) - 1):
        token, following = run[position], run[position + 1]
        if position in covered or token.text != token.lower or run[position - 1].lower not in DETERMINERS:
            continue
        adjective = next(
            (token.lower[: -len(noun)] + adj for noun, adj in _ADJECTIVE_ENDINGS if token.lower.endswith(noun)), None
        )
        if adjective is None or following.text != following.lower or following.lower in CLOSED_CLASS:
            continue
        if not language.pair("the", following.lower):
            continue
        if (
            language.pair(token.lower, following.lower)
            or language.pair(adjective, following.lower) < ADJECTIVE_EVIDENCE
        ):
            continue
        if language.count(adjective) < COMMON:
            continue
        covered.add(position)
        yield REAL_WORD_SLIP.finding(
            f'"{token.text} {following.text}": the adjective "{adjective}" describes a noun, not "{token.text}"',
            paragraph,
            token.start,
            token.end,
            replacement=adjective,
        )


_VERB_CAN_FOLLOW = BEFORE_A_VERB | frozenset("not also please we i they you".split())


def _a_noun_as_written(before: str, word: str, partner: str) -> bool:
    """Whether the word stands as the noun it is: after a noun, as a compound's head ("the security
    advice the force gives"); or, where the partner is a verb, where no verb can stand (only after a
    modal, "to", a subject pronoun or an adverb: "would advice you", not "whatever advice the force
    gives")."""
    if not a_noun(word):
        return False
    if a_noun(before) and not before.endswith("s"):
        return True
    verb_partner = partner not in CLOSED_CLASS and verb_lean(partner) > 0  # ("to from": "from" is no verb)
    return verb_partner and not (before in _VERB_CAN_FOLLOW or (before.endswith("ly") and len(before) > 4))
