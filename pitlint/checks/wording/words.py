"""Words and what they are: a paragraph's tokens and runs, and the tests of a word's class (a verb,
a noun, a participle, a plural) that the real-word checks share, asked of English word and
word-pair counts (pitlint.language)."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator
from typing import NamedTuple

from pitlint import language, regexes
from pitlint.document import Paragraph, link_spans

_WORD = regexes.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*")
_JOINING = " \t\n-"  # what may stand between two words of one phrase (for str.strip)
MODALS = frozenset("would could should might must shall".split())  # "will", "may", "can" are also nouns
ARTICLES = frozenset("the a an".split())


DETERMINERS = frozenset("the a an this these those all every each any its their our his my your".split())


# nouns of how many, which take "of" before a plural: "the number of officers" ("the amount drivers
# are fined" is English: a clause, its "that" left out, which "amount" often takes)
_MEASURE_NOUNS = frozenset("number proportion percentage majority minority".split())


def measure_without_of(run: list[Token], position: int) -> bool:
    """ "the number officers": an article, a noun of how many, then a plural noun English never
    puts straight after it (not "the number plates"), at ``position``."""
    first, second = run[position - 1], run[position]
    return (
        first.lower in _MEASURE_NOUNS
        and position >= 2
        and run[position - 2].lower in ARTICLES
        and plural_noun(second.lower)
        and language.pair(first.lower, second.lower) == 0
    )


VOWELS = frozenset("aeiou")
HAVE = frozenset("has have had having".split())
BE_FORMS = frozenset("is are was were am".split())  # never before "been": "was been introduced"
ANY_BE = BE_FORMS | {"be", "been", "being"}  # "who are due a refund": "due" is owed, not "due to"
FUTURE = frozenset("will can may cannot".split())  # with the modals, never straight before "been"
BEFORE_A_VERB = MODALS | FUTURE | {"to"}  # what a verb's bare form follows ("to inform", "would inform")
# prepositions in -ing: "lies" stands before them ("where the balance lies regarding disclosure"),
# and they open a phrase a sentence's subject may follow without a comma ("Regarding security the force")
ING_PREPOSITIONS = frozenset(
    "regarding concerning including following involving excluding pending notwithstanding according "
    "considering respecting touching".split()
)


COMMON = 5_000_000


PARTICIPLE_SHARE = 0.2  # "been W" this often against W's own uses: W is a past participle ("drawn", "taken")
ITS_PREFERENCE = 10  # "its W" this much more usual than "is W" and "has W" together: "it's W" is a slip


ITS_MIN_PAIRS = 5_000_000  # and usual in its own right (the pair counts are of a large web corpus)


class Token(NamedTuple):  # (a tuple: a draft has thousands, made fast)
    text: str
    lower: str
    start: int
    end: int
    joined: bool  # joined to the previous token by white space or a hyphen only


def tokens(text: str) -> list[Token]:
    found: list[Token] = []
    previous_end = None
    for match in _WORD.finditer(text):
        start, end = match.span()
        # (only spaces, tabs, line breaks or hyphens between: tested without a pattern call, as a
        # draft has thousands of words)
        joined = previous_end is not None and not text[previous_end:start].strip(_JOINING)
        word = match.group()
        if "\u2019" in word:
            word = word.replace("\u2019", "'")
        found.append(Token(word, word.lower(), start, end, joined))
        previous_end = end
    return found


_YEAR_BETWEEN = regexes.compile(r"\s+(?:19|20)\d\d(?:[/-]\d\d(?:\d\d)?)?\s+")
_TIME_PREPOSITIONS = frozenset("in for since during until before after".split())


def a_year_of_the_phrase(text: str, before: Token, after: Token) -> bool:
    """ "revoked in 2023 were": a year, or a financial year, ending a phrase of time; the words go on
    past it as one stretch, so a subject and its verb are read across it."""
    return before.lower in _TIME_PREPOSITIONS and _YEAR_BETWEEN.fullmatch(text, before.end, after.start) is not None


def word_runs(paragraph: Paragraph, words: list[Token]) -> Iterator[list[Token]]:
    """Stretches of the paragraph's words with nothing but spaces or hyphens between them, outside
    links and e-mail addresses (a slug such as "section-13-terrorism-act" is an address, not prose)."""
    links = link_spans(paragraph.text)
    starts = [start for start, _ in links]
    run: list[Token] = []
    for token in words:
        place = bisect.bisect_right(starts, token.start) - 1 if links else -1
        if place >= 0 and token.start < links[place][1]:  # inside a link (links never overlap)
            if run:
                yield run
                run = []
            continue
        if run and not token.joined and not a_year_of_the_phrase(paragraph.text, run[-1], token):
            yield run
            run = []
        run.append(token)
    if run:
        yield run


def singular_form(word: str) -> str:
    """The word without a plural or possessive ending, near enough to count a word's uses by."""
    word = word.removesuffix("'s").removesuffix("'")
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def inflected(a: str, b: str) -> bool:
    """Singular and plural (or a possessive) of one word: a variant, not a slip."""
    short, long_ = sorted((a, b), key=len)
    if len(a) == len(b) and a[:-2] == b[:-2] and {a[-2:], b[-2:]} == {"is", "es"}:
        return True  # "basis" and "bases", "analysis" and "analyses"
    return long_ in (short + "s", short + "es", short + "'s", short + "s'") or (
        short.endswith("y") and long_ == short[:-1] + "ies"
    )


def fits_both_sides(run: list[Token], position: int, word: str) -> bool:
    """Whether English puts the word after its left neighbour and before its right one."""
    return (
        0 < position < len(run) - 1
        and language.pair(run[position - 1].lower, word) > 0
        and language.pair(word, run[position + 1].lower) > 0
    )


SMALL_WORD_FIT = 1.0  # a small word's pair with the word this usual against the word's own uses


def fits_every_neighbour(run: list[Token], position: int, word: str) -> bool:
    """Whether the word fits where it stands: English puts it beside each neighbour that is a word
    of meaning, and beside one neighbour at least. A small word ("by", "a", "has") goes with nearly
    any word, so its pair missing from the counts says nothing, and its pair counts for the word
    only where it is as usual as the word itself ("threat of"; not "a done")."""
    fits = False
    for at, neighbour_first in ((position - 1, True), (position + 1, False)):
        if not 0 <= at < len(run):
            continue
        neighbour = run[at].lower
        pair = language.pair(neighbour, word) if neighbour_first else language.pair(word, neighbour)
        if neighbour in CLOSED_CLASS:
            fits = fits or pair >= SMALL_WORD_FIT * language.count(word)
        elif not pair:
            return False
        else:
            fits = True
    return fits


def neighbour_fit(run: list[Token], position: int, word: str) -> int:
    """How usual the word is between its neighbours in the run: the sum of its two pair counts."""
    total = 0
    if position > 0:
        total += language.pair(run[position - 1].lower, word)
    if position + 1 < len(run):
        total += language.pair(word, run[position + 1].lower)
    return total


def those_as_a_pronoun(run: list[Token], position: int) -> bool:
    """ "those" standing for people or things, before a participle ("those classified as", "those
    given") or its own verb ("Those need not be disclosed", "those need to be raised"): not a
    determiner before a noun left singular ("to meet those need.")."""
    word = run[position].lower
    after = run[position + 1].lower if position + 1 < len(run) else ""
    participle = (word.endswith("ed") and not word.endswith("eed")) or word in PARTICIPLES
    return participle or after in ("to", "not", "no", "only", "also")


def cased(word: str, like: str) -> str:
    return word.capitalize() if like[:1].isupper() else word


def verb_lean(word: str) -> int:
    """How much more English writes the word after "to" than after "the": above 0 a verb's bare
    form ("provide", "emerge"), below 0 a noun ("delays", "camera"); 0 where the counts hold neither."""
    return language.pair("to", word) - language.pair("the", word)


def a_verb(word: str) -> bool:
    """A form of "be" or "have", a past participle, or a verb's -s form: a word a verb phrase ends on."""
    return word in ANY_BE or word in HAVE or past_participle(word) or language.plain_form(word) is not None


def past_participle(word: str) -> bool:
    """A past participle, by how often English writes "been" before it, or, where the pair counts
    are too sparse to say, a verb's regular -ed form ("retrieved": "to retrieve")."""
    been = language.pair("been", word)
    if been:
        return been >= PARTICIPLE_SHARE * language.count(word)
    return len(word) > 5 and word.endswith("ed") and any(language.pair("to", stem) for stem in (word[:-1], word[:-2]))


NOUN_AFTER_THE = 1.0  # "the W" this usual against W's own uses (the counts' scales differ), and ...
VERB_AFTER_TO_SHARE = 0.5  # ... "to W" less than this share of it: W is a noun, not a verb


def a_noun(word: str) -> bool:
    """A word English writes after "the" far more than after "to", in no verb's -s, -ed or -ing form."""
    if word.endswith(("ed", "ing", "ly")) or language.plain_form(word) is not None:
        return False
    uses = max(1, language.count(word))
    after_the = language.pair("the", word) / uses
    return after_the >= NOUN_AFTER_THE and language.pair("to", word) / uses < VERB_AFTER_TO_SHARE * after_the


# verbs whose "that" opens a clause with its own subject ("we confirm that the records are"); after a
# noun "that" opens a relative clause, whose verb is not the sentence's ("the evidence that the officers
# provided is")
REPORTING = frozenset(
    "confirm confirms confirmed state states stated note notes noted believe believes believed consider "
    "considers considered accept accepts accepted advise advises advised explain explains explained say says "
    "said know knows aware satisfied clear recognise recognises recognised acknowledge acknowledges "
    "acknowledged agree agrees agreed conclude concludes concluded decided determined found shows shown "
    "means ensure ensures understand understands".split()
)
# nouns in -s that British usage takes in the singular too ("the premises is licensed")
_SINGULAR_TOO = frozenset("premises headquarters means series species barracks whereabouts works".split())
SINGULAR_TO_PLURAL = {"is": "are", "was": "were", "has": "have"}


# nouns of time and money a sum of which takes the singular ("the 20 days is the limit")
AMOUNTS = frozenset("days weeks months years hours minutes seconds decades pounds miles".split())


PARTICIPLES = frozenset("held sought kept given sent made shown seen known found".split())
# the simple past of irregular verbs whose past participle is another word: "has took" is a slip
# for "has taken" (not "showed" or "proved", whose participles English also writes so)
PAST_NOT_PARTICIPLE = {
    past: participle
    for past, participle in (
        pair.split(":")
        for pair in (
            "took:taken undertook:undertaken overtook:overtaken mistook:mistaken went:gone gave:given "
            "forgave:forgiven wrote:written saw:seen did:done began:begun ate:eaten spoke:spoken broke:broken "
            "chose:chosen drove:driven forgot:forgotten knew:known rode:ridden rose:risen arose:arisen "
            "stole:stolen threw:thrown wore:worn hid:hidden drew:drawn withdrew:withdrawn fell:fallen "
            "flew:flown grew:grown shook:shaken sang:sung rang:rung swam:swum drank:drunk ran:run came:come "
            "became:become froze:frozen tore:torn woke:woken forbade:forbidden"
        ).split()
    )
}
NOT_MODIFIERS = frozenset(
    "is are was were be been being has have had do does did will would can could may might must shall should "
    "not no that which who whom this these those it its you we they he she i of in on for to with by from at "
    "as and or but if than then so there their our your".split()
)
PLURAL_EVIDENCE = 5  # "<noun> are/were" this many times as usual in English as "<noun> is/was"


_OF_OBJECT_DETERMINERS = frozenset("the these those such all our their its your his her any".split())


@functools.lru_cache(maxsize=4096)
def describing_word(word: str) -> bool:
    """A determiner, or a word ending as adjectives and participles do ("unmarked", "operational")."""
    return word in _OF_OBJECT_DETERMINERS or (len(word) > 4 and word.endswith(_DESCRIBING_ENDINGS))


ADJECTIVE_ENDINGS = ("al", "ive", "ous", "ful", "ic", "ary")  # how adjectives end ("operational", "covert" aside)
_DESCRIBING_ENDINGS = ("ed", *ADJECTIVE_ENDINGS)


_SINGULAR_ENDINGS = ("ment", "tion", "sion", "ness", "ity", "ance", "ence", "ship", "ism")


def singular_noun(word: str) -> bool:
    """A noun English writes before "is" and "was" far more than before "are" and "were"; where the
    pair counts know neither, one made with a singular noun's ending ("deployment", "disclosure")."""
    singular = language.pair(word, "is") + language.pair(word, "was")
    plural = language.pair(word, "are") + language.pair(word, "were")
    if singular == plural == 0:
        return word.endswith(_SINGULAR_ENDINGS) and language.pair("the", word) > 0
    return singular > 0 and singular >= PLURAL_EVIDENCE * plural and language.pair("the", word) > 0


def takes_plural_verb(noun: str) -> bool:
    """Whether English writes a noun as a plural: before "are" and "were" far more than before "is"
    and "was" ("documents", "figures"; not "news", "series", "data", "staff")."""
    if not noun.endswith("s") or noun in AMOUNTS or noun in _SINGULAR_TOO:
        return False
    plural = language.pair(noun, "are") + language.pair(noun, "were")
    singular = language.pair(noun, "is") + language.pair(noun, "was")
    return plural > 0 and plural >= PLURAL_EVIDENCE * singular


def owned_noun(word: str) -> bool:
    """A word English puts after the possessive "its" and hardly ever after "is" or "has" (what
    "it's" stands for): "its release", "its own", "its members", not "it's likely"."""
    owned = language.pair("its", word)
    return owned >= ITS_MIN_PAIRS and owned >= ITS_PREFERENCE * (language.pair("is", word) + language.pair("has", word))


def plural_noun(word: str, determiner: str = "this") -> bool:
    """A plural noun that English never puts after ``determiner`` ("this", "an"): not a verb ("this
    means", which English puts after "it" too; "this outweighs", never after "the"), not a singular
    in -s ("this process", "this analysis", "this news")."""
    if len(word) < 4 or not word.endswith("s") or word.endswith(("ss", "us", "is", "ics")):
        return False
    singular = word[:-1]
    return (
        language.pair("to", singular) == 0  # not a verb too: "this records", "this requests"
        and language.count(singular) > language.count(word)
        and language.pair(determiner, word) == 0
        and language.pair("it", word) == 0
        and language.pair("he", word) == 0
        and language.pair("the", word) > 0  # a noun English writes after "the" (not "outweighs": rare, a verb)
    )


# small words that cannot be nouns: after one of them, the word before ends its noun phrase
CLOSED_CLASS = frozenset(
    "is are was were be been has have had will would may might can could should must shall do does did "
    "the a an of in on at to for from by with as and or but nor that which who whom whose where when "
    "it its we they he she you i this these those their our his her not".split()
)


def ing_form(verb: str) -> str:
    return (verb[:-1] if verb.endswith("e") and not verb.endswith("ee") else verb) + "ing"


def bare_verb(word: str) -> bool:
    """A word English uses after "to" but never after "the" nor "are": a verb with no noun or
    adjective use ("by exempt bodies", "are exempt": an adjective)."""
    return (
        len(word) > 3
        and language.count(ing_form(word)) > 0
        and language.pair("to", word) > 0
        and language.pair("the", word) == 0
        and language.pair("are", word) == 0
    )


# the keys around each letter's on a QWERTY keyboard
_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEAR_KEYS = {
    key: {
        other
        for other_row, other_line in enumerate(_KEY_ROWS)
        for column, other in enumerate(other_line)
        if abs(other_row - row) <= 1 and abs(column + other_row * 0.5 - place - row * 0.5) <= 1 and other != key
    }
    for row, line in enumerate(_KEY_ROWS)
    for place, key in enumerate(line)
}


def keystroke_slip(written: str, meant: str) -> bool:
    """Whether typing ``meant`` could give ``written`` by one slip of the fingers: a letter more or
    less, two letters swapped, or a key next to the right one ("thereat" for "threat"), not a letter
    far away on the keyboard (a word of its own: "commuters", "computers") but for an ending's vowel."""
    if abs(len(written) - len(meant)) == 1:
        return True
    if len(written) != len(meant):
        return False
    differ = [index for index, (a, b) in enumerate(zip(written, meant, strict=True)) if a != b]
    if len(differ) == 2 and differ[1] == differ[0] + 1:
        return written[differ[0]] == meant[differ[1]] and written[differ[1]] == meant[differ[0]]
    if len(differ) != 1:
        return False
    at = differ[0]
    if written[at] in VOWELS and meant[at] in VOWELS and at >= len(meant) - SUFFIX_LETTERS:
        return True  # an unstressed ending's vowel, spelt as it sounds: "calender", "dependant"
    return written[at] in _NEAR_KEYS.get(meant[at], set())


SUFFIX_LETTERS = 4  # the last letters of a word, where a vowel is unstressed ("-ar", "-ent", "-ance")
