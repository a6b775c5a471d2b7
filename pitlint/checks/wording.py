"""Real-word slips: words that are spelt right but are not the word meant, which a dictionary
cannot catch. Three mechanisms, each general rather than a list of known slips:

- terms of art (from the packs) written with one word slipped into a near look-alike ("persona
  data", "convert human intelligence source", "prejudiced based") or an inner word missing ("the
  public test"); for two-word terms the English bigram counts must also prefer the term;
- a rare word, used once in the draft, one keystroke from a far more common one that fits its
  neighbours ("a sustained thereat from" for "threat"), judged on English unigram and bigram
  counts (language.py);
- pairs of words English grammar never puts side by side: two modal verbs ("would could"), an
  article before another determiner ("the all the") or a modal verb ("the cannot"), "by" before a
  bare verb ("by withhold"), "been" after "was" or a modal ("was been", "would been"), "maybe"
  before a past participle ("maybe needed"), "has" before a verb that is not its past participle
  ("has not be"), judged on English word-pair counts where a word list cannot say.

Names written in another case ("Freedom of information Act") are reported as info.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from pitlint import language, regexes
from pitlint.checks import Context
from pitlint.dates import full_dates
from pitlint.document import Document, Paragraph, link_spans, opens_sentence
from pitlint.findings import Applicability, Category, Finding, FixAvailability, Rule, Severity
from pitlint.outline import Outline

REAL_WORD_SLIP = Rule(
    "PIT405",
    "real-word-slip",
    Category.TYPO,
    Severity.WARNING,
    "A real word that is not the word meant: a slip in a term of art, a rare word typed for a common one.",
    "A spelling checker passes a slip that makes another real word. Five kinds are caught: a term of "
    'art from the rule packs with one word slipped into a look-alike ("persona data" for "personal '
    'data", "convert human intelligence source", "prejudiced based") or an inner word missing ("the '
    'public test"); a rare word one keystroke from a far more common word that fits the words '
    'around it ("a sustained thereat from"), judged on English word and word-pair counts; an '
    'acronym mistyped soon after the draft defines it ("Legal Professional Privilege (LPP) ... LLP '
    'protects advice"); a common word typed for its usual partner ("plan there routes", "could '
    'adversely effect the force"), when English pairs the partner with a neighbour fifty times more '
    'and the other neighbour does not disagree; and "you" for "your" after a preposition, before a '
    'word English puts after "your" rather than "you" ("in relation to you request"). Add your '
    "team's terms to a rule pack under 'terms:'.",
    "Section 31 is a prejudiced based exemption; disclosure would reveal persona data.",
    "Section 31 is a prejudice based exemption; disclosure would reveal personal data.",
    fix=FixAvailability.SOMETIMES,
    fix_safety=Applicability.UNSAFE,
    action="Check that the word is the one meant, and correct it if not.",
)
WORD_PAIR = Rule(
    "PIT406",
    "impossible-word-pair",
    Category.TYPO,
    Severity.WARNING,
    'Two words English never puts side by side ("would could", "the all the", "by withhold").',
    'Two modal verbs ("would could"), an article before another determiner ("the all the", "a the"), '
    'two prepositions of place ("within in"), "this" before a plural ("this exemptions"), "by" '
    'before a bare verb ("by withhold we"), "it\'s" (it is) before a word only the possessive "its" '
    'takes ("it\'s release"), "has" before a bare verb ("has not be costed") or "been" after "was" or '
    '"would" ("was been introduced"), "a", "an" or "every" before a plural ("an exemptions"), "these" '
    'before a singular ("these circumstance"), "be" before a bare verb ("must be provide"), or a '
    'modal verb before "likely", "able" and the like with no "be" ("would likely to be"), "are" or '
    '"was" before a modal ("we are will not release"), "a" where English writes "an" or the reverse '
    '("a estimate", "an unique": by how often English writes each before the word; initialisms are '
    'left alone), a preposition that never takes "of" ("within of"), a noun that governs a phrase '
    'before a determiner English hardly writes after it ("the security the force\'s network": "of" '
    'left out; a clause without its "that" is left alone), or an exemption\'s kind with '
    'no article ("is prejudice based qualified exemption") cannot stand together: one word was left '
    'from an edit, or the wrong form was typed. "and or" for "and/or" is info.',
    "Confirming this would could lead to harm; by withhold we rely on the all the exemptions.",
    "Confirming this could lead to harm; by withholding we rely on all the exemptions.",
    fix=FixAvailability.SOMETIMES,
    fix_safety=Applicability.UNSAFE,
    action="Delete one of the two words, or reword the sentence.",
)
NAME_CASE = Rule(
    "PIT407",
    "name-capitals",
    Category.TYPO,
    Severity.INFO,
    "A name (an Act, a body) written with the wrong capitals.",
    'The names of Acts and bodies take capitals as written in law: "Freedom of Information Act", '
    '"Information Commissioner", "College of Policing". The names are the capitalised terms of the '
    "rule packs.",
    "Under the Freedom of information Act the college of Policing guidance applies.",
    "Under the Freedom of Information Act the College of Policing guidance applies.",
    fix=FixAvailability.ALWAYS,
    fix_safety=Applicability.SAFE,
)
RULES = (REAL_WORD_SLIP, WORD_PAIR, NAME_CASE)

_WORD = regexes.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*")
_JOINING = " \t\n-"  # what may stand between two words of one phrase (for str.strip)
_MODALS = frozenset("would could should might must shall".split())  # "will", "may", "can" are also nouns
_ARTICLES = frozenset("the a an".split())
_PLURAL_OR_PAST_BE = frozenset("am are was were".split())  # ("what it is will depend": "is" left out)
# words that open a clause that can be a sentence's subject: "what the costs are will depend on"
_CLAUSE_OPENERS = frozenset("what whatever whether how however where when who whoever which why if".split())
_VERB_ONLY_MODALS = frozenset("would could should shall cannot".split())  # never nouns ("the might", "a must")
# prepositions English puts straight before "of" only in set phrases the pair counts hold ("out of",
# "because of", "inside of"): these never ("searches were conducted within of the force")
_NEVER_BEFORE_OF = frozenset(
    "within without into onto upon under across among amongst between beyond against throughout towards toward "
    "during behind along".split()
)
_CONTAINMENT = frozenset("in within into inside".split())  # never two of them together
_COORDINATORS = frozenset("and or nor but".split())  # two together only where English uses them so
_DETERMINERS = frozenset("the a an this these those all every each any its their our his my your".split())
# quantifiers that take "of" before a determined noun phrase: "some of the information", never
# "some the information" ("each" is left out: "they were each the subject of")
_PARTITIVES = frozenset("some any most many several none majority minority remainder bulk".split())
# nouns of a share, which English also puts before a time or a clause ("made up the majority the year
# before", "the remainder the force holds"): "of" is missing only before a determined plural
_SHARES = frozenset("majority minority remainder bulk".split())
_TIME_PLURALS = frozenset("years months weeks days hours nights mornings evenings weekends".split())
_OF_DETERMINERS = frozenset("the this these those its their our his my your".split())
# nouns of how many, which take "of" before a plural: "the number of officers" ("the amount drivers
# are fined" is English: a clause, its "that" left out, which "amount" often takes)
_MEASURE_NOUNS = frozenset("number proportion percentage majority minority".split())


# the words a clinician puts before "affect", the noun of a mood shown ("a flat affect")
_CLINICAL_MOODS = frozenset("blunted flat flattened labile restricted constricted".split())


def _noun_slot(run: list[Token], position: int) -> bool:
    """Whether the word at ``position`` stands where a noun must, before "on", "upon" or "of": after
    an article or "no" ("an affect on"), or after an article and a describing word ("a detrimental
    affect on")."""
    if position + 1 >= len(run) or run[position + 1].lower not in ("on", "upon", "of"):
        return False
    if position + 2 < len(run) and run[position + 1].lower == "on" and run[position + 2].lower == "average":
        return False  # "the disabled affect on average 30 victims": the verb, before an adverbial
    before = run[position - 1].lower
    if before in _CLINICAL_MOODS:
        return False  # "a blunted affect on assessment": the clinician's noun, a mood shown
    if before in _ARTICLES or before == "no":
        return True
    return position >= 2 and run[position - 2].lower in _ARTICLES and _describes(before) and before not in _ARTICLES


def _measure_without_of(run: list[Token], position: int) -> bool:
    """ "the number officers": an article, a noun of how many, then a plural noun English never
    puts straight after it (not "the number plates"), at ``position``."""
    first, second = run[position - 1], run[position]
    return (
        first.lower in _MEASURE_NOUNS
        and position >= 2
        and run[position - 2].lower in _ARTICLES
        and _plural_noun(second.lower)
        and language.pair(first.lower, second.lower) == 0
    )


_COMPARATIVES = frozenset("less more wiser worse better".split())  # "none the less", "any the wiser"
_FUNCTION_WORDS = frozenset("that this with from into than then upon such".split())
_FINAL_PREPOSITIONS = frozenset("of to with in".split())  # ending fixed phrases: "by virtue of", "lies in"
_VOWELS = frozenset("aeiou")
_HAVE = frozenset("has have had having".split())
_BE_FORMS = frozenset("is are was were am".split())  # never before "been": "was been introduced"
_ANY_BE = _BE_FORMS | {"be", "been", "being"}  # "who are due a refund": "due" is owed, not "due to"
_FUTURE = frozenset("will can may cannot".split())  # with the modals, never straight before "been"
# prepositions whose "you" is their object, so that the next word cannot be its verb ("to you
# request"); not "of" ("many of you request")
_OBJECT_PREPOSITIONS = frozenset("to for with regarding about concerning".split())
COUNTED_PLURALS = 0.2  # a noun whose plural English writes this often against its singular is counted
_AUXILIARIES = frozenset("is was has will".split())  # a verb after "you W" makes W the subject's noun
YOUR_PREFERENCE = 1.5  # "your W" this much more usual than "you W"
ADJECTIVE_SHARE = 4  # and "is W" and "are W" together less usual than a quarter of it
_SINGULAR_DETERMINERS = frozenset("a an another every".split())  # never before a plural ("an exemptions")
# adjectives that follow "be" and take "to": after a modal, "be" is missing ("would likely to be")
_TAKES_BE = frozenset("likely unlikely able unable liable willing unwilling obliged entitled".split())
_BETWEEN_HAVE_AND_VERB = frozenset("not never also already always just now since previously recently yet".split())
RARE = 1_500_000  # English count below which a word is rare (the list runs from 10,000 to 23 billion)
COMMONER = 50  # a look-alike is this many times more common
COMMON = 5_000_000
MAX_WORD = 20  # longer "words" are not slips of a common word (and would cost many look-ups)
MAX_RARE_WORDS = 1000  # distinct rare words examined per draft (a PIT has tens): bounds a hostile file
TWO_WORD_PREFERENCE = 4  # the term's word pairs must be this much more usual than the draft's
_LINKING_WORDS = frozenset("of to and or nor the a an for in on by with at as".split())  # never optional in a term
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
)
_PARTNERS = {
    word: (tuple(other for other in group if other != word), group in _CONFUSED_BOTH_SIDES)
    for group in (*_CONFUSED, *_CONFUSED_BOTH_SIDES)
    for word in group
}
PARTNER_EVIDENCE = 15_000_000  # the partner's pair with a neighbour is at least this usual in English
PARTNER_PREFERENCE = 50  # and this many times the draft's word's pair with the same neighbour
PARTNER_LEANS = 10  # ... or both neighbours prefer the partner this much (one of them this usual)
PARTNER_NOT_AGAINST = 1  # the other neighbour, if English pairs it with either word, prefers the partner this much
_NOT_AFTER_AN_ARTICLE = frozenset("therefore however thus hence also then than so yet not only".split())
ARTICLE_PREFERENCE = 20  # "an W" this much more usual than "a W" (or the reverse): the other is a slip
PARTICIPLE_SHARE = 0.2  # "been W" this often against W's own uses: W is a past participle ("drawn", "taken")
ITS_PREFERENCE = 10  # "its W" this much more usual than "is W" and "has W" together: "it's W" is a slip
NOUN_SHARE = 0.05  # a word after "the" or "a" this often, against after "to", is a noun as well as a verb
PERFECT_PREFERENCE = 100  # "has been" this much more usual than "has be": the -en form was meant
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


def _runs(paragraph: Paragraph, words: list[Token]) -> Iterator[list[Token]]:
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
        if run and not token.joined:
            yield run
            run = []
        run.append(token)
    if run:
        yield run


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
def _index(terms: tuple[str, ...]) -> _Terms:
    exact: dict[tuple[str, ...], str] = {}
    slots: dict[tuple[str | None, ...], list[tuple[str, int]]] = {}
    gaps: dict[tuple[str, ...], list[tuple[str, int]]] = {}
    for term in terms:
        words = _words(term)
        exact[words] = term
        for i in range(len(words)):
            slots.setdefault((*words[:i], None, *words[i + 1 :]), []).append((term, i))
            if len(words) >= 3 and 0 < i < len(words) - 1 and _content(words[i]):
                gaps.setdefault(words[:i] + words[i + 1 :], []).append((term, i))
        if len(words) >= 3 and words[-1] in _FINAL_PREPOSITIONS:  # "by virtue section 30"
            gaps.setdefault(words[:-1], []).append((term, len(words) - 1))
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


def _singular(word: str) -> str:
    """The word without a plural or possessive ending, near enough to count a word's uses by."""
    word = word.removesuffix("'s").removesuffix("'")
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _inflected(a: str, b: str) -> bool:
    """Singular and plural (or a possessive) of one word: a variant, not a slip."""
    short, long_ = sorted((a, b), key=len)
    if len(a) == len(b) and a[:-2] == b[:-2] and {a[-2:], b[-2:]} == {"is", "es"}:
        return True  # "basis" and "bases", "analysis" and "analyses"
    return long_ in (short + "s", short + "es", short + "'s", short + "s'") or (
        short.endswith("y") and long_ == short[:-1] + "ies"
    )


def _look_alike(draft: str, term: str) -> bool:
    if draft == term or _inflected(draft, term) or min(len(draft), len(term)) < 3 or draft.endswith(("'s", "s'")):
        return False
    from rapidfuzz.distance import DamerauLevenshtein

    limit = 1 if min(len(draft), len(term)) <= 4 else 2
    return DamerauLevenshtein.distance(draft, term) <= limit


_NAME_LINKS = frozenset("of for to and on in".split())  # the small words inside a body's name


def _link_swapped(draft: str, meant: str, term: str) -> bool:
    """One small linking word of a name put for another: "Department of Work and Pensions"."""
    return draft != meant and draft in _NAME_LINKS and meant in _NAME_LINKS and term != term.lower()


def _fits_both_sides(run: list[Token], position: int, word: str) -> bool:
    """Whether English puts the word after its left neighbour and before its right one."""
    return (
        0 < position < len(run) - 1
        and language.pair(run[position - 1].lower, word) > 0
        and language.pair(word, run[position + 1].lower) > 0
    )


def _fits_every_neighbour(run: list[Token], position: int, word: str) -> bool:
    """Whether English puts the word after its left neighbour and before its right one, where the
    run has them and they are words of meaning (a small word, "by" or "has", goes with nearly any
    word, so a pair of it missing from the counts says nothing)."""
    before = run[position - 1].lower if position > 0 else None
    after = run[position + 1].lower if position + 1 < len(run) else None
    return (before is None or before in _CLOSED_CLASS or language.pair(before, word) > 0) and (
        after is None or after in _CLOSED_CLASS or language.pair(word, after) > 0
    )


def _context(run: list[Token], position: int, word: str) -> int:
    """How usual the word is between its neighbours in the run: the sum of its two pair counts."""
    total = 0
    if position > 0:
        total += language.pair(run[position - 1].lower, word)
    if position + 1 < len(run):
        total += language.pair(word, run[position + 1].lower)
    return total


def check(document: Document, outline: Outline, context: Context) -> Iterator[Finding]:
    index = _index(tuple(context.packs.terms))
    examined: set[str] = set()  # rare words looked at in this draft, up to MAX_RARE_WORDS
    # a rare word used more than once (in the request too), in any number, is the subject, not a
    # slip ("pagers"; "drones" in the request and "a drone" in the answer)
    words = [tokens(paragraph.text) for paragraph in document.paragraphs]
    uses = Counter(token.lower for paragraph_words in words for token in paragraph_words)
    lemma_uses: Counter[str] = Counter()
    for word, n in uses.items():
        lemma_uses[_singular(word)] += n
    known = context.packs.vocabulary | {word for word in uses if lemma_uses[_singular(word)] > 1}
    names = _act_names(tuple(context.packs.terms))
    yield from _body_plural_for_possessive(document, words, outline.quoted)
    for paragraph, paragraph_words in zip(document.paragraphs, words, strict=True):
        if paragraph.index in outline.quoted:
            continue  # the requester's words
        if names is not None:
            yield from _name_without_its_noun(paragraph, names)
        yield from _cited_subject(paragraph)
        yield from _plural_subjects(paragraph)
        yield from _dates_run_together(paragraph)
        yield from _sections_before_one(paragraph)
        yield from _more_without_than(paragraph)
        yield from _phrase_slips(paragraph)
        for run in _runs(paragraph, paragraph_words):
            covered: set[int] = set()
            yield from _terms(paragraph, run, index, covered, outline.environmental)
            yield from _pairs(paragraph, run, covered)
            yield from _perfect(paragraph, run, covered)
            yield from _you_for_your(paragraph, run, covered)
            yield from _he_for_the(paragraph, run, covered)
            yield from _that_for_than(paragraph, run, covered)
            yield from _rare_words(paragraph, run, covered, known, context, examined)
            yield from _confused_partner(paragraph, run, covered)
            yield from _subject_and_verb(paragraph, run, covered)
            yield from _verb_for_the_of_phrase(paragraph, run, covered)
            yield from _verb_after_a_phrase(paragraph, run, covered)
            yield from _principle_before_a_noun(paragraph, run, covered)
            yield from _preposition_left_out(paragraph, run, covered)


def _terms(
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
            if not (_look_alike(draft, meant) or _link_swapped(draft, meant, term)):
                continue
            if _agent_noun(draft, meant):
                continue  # "the Internal Reviewer": the one who reviews, not "internal review" slipped
            if _infinitive(run, start + i, draft, meant):
                continue  # "to inform public debate": a verb, not "informed public debate" slipped
            if i and _verb_after_its_subject(run, start + i, draft):
                continue  # "What the public finds interesting": the noun's verb, not "public funds" slipped
            if environmental and _singular(draft) == "exception" and _singular(meant) == "exemption":
                continue  # the Regulations' grounds are exceptions: "maintaining the exception" is right
            if len(window) == 2:
                position = start + i
                if _context(run, position, draft) * TWO_WORD_PREFERENCE > _context(run, position, meant):
                    continue  # English uses the draft's words together as much as the term's
            token = run[start + i]
            first, last = run[start], run[start + len(window) - 1]
            return REAL_WORD_SLIP.finding(
                f'"{token.text}" in "{paragraph.text[first.start : last.end]}": did you mean "{term}"?',
                paragraph,
                token.start,
                token.end,
                replacement=_cased(meant, token.text),
            )
    return None


def _verb_after_its_subject(run: list[Token], position: int, draft: str) -> bool:
    """A verb's -s form after "the" and a noun ("the public finds", "the force needs"): the noun's
    verb, which English writes after "it" too."""
    following = run[position + 1].lower if position + 1 < len(run) else ""
    if following in _MODALS or following in _FUTURE or following in _BE_FORMS or following.endswith("ed"):
        return False  # "the public finds would be", "the public finds allocated to": a noun's place
    return (
        position >= 2
        and run[position - 2].lower == "the"
        and draft.endswith("s")
        and language.pair("it", draft) >= language.VERB_EVIDENCE
    )


_AGENT_ENDINGS = ("er", "ers", "or", "ors")


_BEFORE_A_VERB = frozenset({"to", "will", "would", "can", "could", "may", "might", "must", "should", "shall"})
_INFLECTIONS = ("d", "ed", "s", "es", "ing")


def _infinitive(run: list[Token], position: int, draft: str, meant: str) -> bool:
    """Whether the draft's word is a verb where English wants one: the bare form of the term's
    word after "to" or a modal ("to inform public debate", not "informed public debate")."""
    return (
        position > 0
        and run[position - 1].lower in _BEFORE_A_VERB
        and meant.startswith(draft)
        and meant[len(draft) :] in _INFLECTIONS
    )


def _agent_noun(draft: str, meant: str) -> bool:
    """Whether ``draft`` is the noun for whoever does ``meant`` ("reviewer" of "review")."""
    return draft.startswith(meant) and draft[len(meant) :] in _AGENT_ENDINGS


def _missing(
    paragraph: Paragraph, run: list[Token], start: int, window: tuple[str, ...], index: _Terms
) -> Finding | None:
    for term, slot in index.gaps.get(window, []):
        if start + slot >= len(run):
            continue  # a term's last word missing with nothing after it: the sentence moved on
        if term[:1].isupper() and _inside_a_name(run, start):
            continue  # "the Freedom of Information Office": another name, not the ICO's missing a word
        left, right = run[start + slot - 1], run[start + slot]
        if language.pair(left.lower, right.lower):
            continue  # the shorter wording is usual English on its own
        dropped = _words(term)[slot]
        if slot < len(window) and dropped not in _LINKING_WORDS and language.pair(dropped, right.lower):
            continue  # an optional word describing the next: "informed debate" is "informed public debate" too
        if (
            slot == len(window)
            and dropped == "in"
            and (not right.lower.endswith("ing") or right.lower in _ING_PREPOSITIONS)
        ):
            continue  # "lies in" is missed before a verb's -ing form ("lies maintaining"), not "lies against"
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


def _those_as_a_pronoun(run: list[Token], position: int) -> bool:
    """ "those" standing for people or things, before a participle ("those classified as", "those
    given") or its own verb ("Those need not be disclosed", "those need to be raised"): not a
    determiner before a noun left singular ("to meet those need.")."""
    word = run[position].lower
    after = run[position + 1].lower if position + 1 < len(run) else ""
    participle = (word.endswith("ed") and not word.endswith("eed")) or word in _PARTICIPLES
    return participle or after in ("to", "not", "no", "only", "also")


# prepositions in -ing, which follow "lies" as they stand ("where the balance lies regarding disclosure")
_ING_PREPOSITIONS = frozenset(
    "regarding concerning including following involving excluding pending notwithstanding according "
    "considering respecting touching".split()
)


def _inside_a_name(run: list[Token], start: int) -> bool:
    """Whether the words at ``start`` go on a capitalised name begun before them ("Freedom of
    Information Office", "Chief Information Officer")."""
    if start == 0:
        return False
    before = run[start - 1]
    if before.lower in _DETERMINERS:
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


def _cased(word: str, like: str) -> str:
    return word.capitalize() if like[:1].isupper() else word


def _pairs(paragraph: Paragraph, run: list[Token], covered: set[int]) -> Iterator[Finding]:
    for position in range(1, len(run)):
        first, second = run[position - 1], run[position]
        if first.lower == second.lower or position - 1 in covered:
            continue
        if position in covered and first.lower not in ("a", "an"):
            continue  # (a term's first word takes an article like any other: "an Neither Confirm Nor Deny")
        between = paragraph.text[first.end : second.start]
        if "-" in between or "\n\n" in between:
            continue
        message = None
        severity = None  # the rule's own, unless a branch says otherwise
        rule = WORD_PAIR
        if first.lower in _MODALS and second.lower in _MODALS:
            message = f'Two modal verbs together: "{first.text} {second.text}"'
            suggestion = None
        elif (
            first.lower in _ARTICLES
            and second.lower in _DETERMINERS
            and not second.text.isupper()
            and not _label_letter(paragraph.text, first)
            and not (second.text[:1].isupper() and paragraph.text[second.end : second.end + 1] == "-")
        ):  # ("the All-Wales plan": a name's first word)
            message = f'"{first.text}" before "{second.text}": one of them is left over'
            suggestion = second.text if first.start else second.text.capitalize()
        elif (
            first.lower in ("a", "an")
            and not _label_letter(paragraph.text, first)
            and (article := _article_for(first.lower, second))
        ):
            message = f'"{first.text} {second.text}": English writes "{article}" before "{second.text}"'
            suggestion = (article.capitalize() if first.text[0].isupper() else article) + f" {second.text}"
        elif (
            first.lower in _ARTICLES
            and second.lower in _VERB_ONLY_MODALS
            and not _label_letter(paragraph.text, first)
            and not paragraph.text.startswith("-", second.end)  # "the would-be thief"
        ):
            message = f'"{first.text}" before "{second.text}": a word is missing between them, or one is left over'
            suggestion = None
        elif (
            first.lower in _PARTITIVES and second.lower in _OF_DETERMINERS and _partitive(run, position)
        ) or _measure_without_of(run, position):
            message = f'"{first.text} {second.text}": "of" is missing ("{first.text} of {second.text}")'
            suggestion = f"{first.text} of {second.text}"
        elif second.lower == "affect" and _noun_slot(run, position):
            message = f'"{first.text} {second.text}": "affect" is the verb; the noun is "effect"'
            suggestion = f"{first.text} {_cased('effect', second.text)}"
            rule = REAL_WORD_SLIP
        elif first.lower == "and" and second.lower == "or":
            message = f'"{first.text} {second.text}": "and/or" is meant, or one of the two'
            suggestion = f"{first.text}/{second.text}"
            severity = Severity.INFO  # English writes it for "and/or" often enough: a style point
        elif (
            first.lower in _COORDINATORS
            and second.lower in _COORDINATORS
            and language.pair(first.lower, second.lower) == 0  # "and or" (for "and/or") is used
        ):
            message = f'Two conjunctions together: "{first.text} {second.text}": one of them is left over'
            suggestion = None
        elif second.lower == "of" and first.lower in _NEVER_BEFORE_OF:
            message = f'"{first.text} {second.text}": "{first.text}" never takes "of"; a word is missing or left over'
            suggestion = None  # "within Northumbria" or "within the area of": for the author to say
        elif first.lower in _CONTAINMENT and second.lower in _CONTAINMENT:
            message = f'Two prepositions together: "{first.text} {second.text}"'
            suggestion = second.text if first.lower == "in" else first.text
        elif (
            first.lower in ("these", "those", "both")
            and not paragraph.text.startswith("(s)", second.end)  # "these exemption(s)": PIT602's
            and not (first.lower == "those" and _those_as_a_pronoun(run, position))
            and _ends_noun_phrase(run, position)
            and not (first.lower == "both" and _joins_two(run, position))  # "both officer and staff views"
            and (plural := _plural_of(second.lower, first.lower))
        ):
            message = f'"{first.text} {second.text}": "{first.text}" with a singular'
            suggestion = f"{first.text} {_cased(plural, second.text)}"
        elif first.lower == "this" and _plural_noun(second.lower):
            message = f'"{first.text} {second.text}": "this" with a plural'
            suggestion = f"{'These' if first.text[0].isupper() else 'these'} {second.text}"
        elif (
            first.lower in _SINGULAR_DETERMINERS
            and not _label_letter(paragraph.text, first)
            and _plural_noun(second.lower, first.lower)
        ):
            message = f'"{first.text} {second.text}": "{first.text}" with a plural'
            suggestion = None  # the article left over, or the plural's "s": which one is for the author to say
        elif (
            first.lower in _TAKES_BE
            and position >= 2
            and run[position - 2].lower in _ANY_BE | {"not"}
            and second.text == second.lower
            and (second.lower in ("have", "be", "do") or _bare_verb(second.lower))
        ):  # "we are not able provide it", "the public are able have confidence"
            message = f'"{first.text} {second.text}": "to" is missing ("{first.text} to {second.text}")'
            suggestion = f"{first.text} to {second.text}"
        elif (
            first.lower == "due"
            and second.lower in _OF_DETERMINERS
            and (position < 2 or run[position - 2].lower not in _ANY_BE)
        ):  # (not "who are due a refund", "the sum is due the council")
            message = f'"{first.text} {second.text}": "to" is missing ("{first.text} to {second.text}")'
            suggestion = f"{first.text} to {second.text}"
        elif (
            first.lower in _MODALS | _FUTURE
            and second.lower in _TAKES_BE
            and position + 1 < len(run)
            and run[position + 1].lower == "to"
        ):
            message = f'"{first.text} {second.text} to": "be" is missing ("{first.text} be {second.text} to")'
            suggestion = f"{first.text} be {second.text}"
        elif (
            first.lower in _PLURAL_OR_PAST_BE
            and second.lower in _MODALS | _FUTURE
            and second.text == second.lower  # not "the deadline was May 2019"
            and not any(token.lower in _CLAUSE_OPENERS for token in run[: position - 1])
        ):  # "we are will not release" (not "what the costs are will depend on")
            message = f'"{first.text} {second.text}": a form of "be" before a modal verb, one of them is left over'
            suggestion = None  # "we will not" or "we are not": which one is for the author to say
        elif first.lower == "by" and second.text[:1].islower() and _bare_verb(second.lower):
            # (a capital is a name's: "supplied by Reveal Media Ltd")
            message = f'"by {second.text}": after "by" a verb takes -ing'
            suggestion = f"by {_ing(second.lower)}"
        elif first.lower in _BE_FORMS and second.lower == "been":
            message = f'"{first.text} {second.text}": "been" follows a form of "have", not of "be"'
            suggestion = None  # "has been" or "was": which one is for the author to say
        elif first.lower in _MODALS | _FUTURE and second.lower == "been":
            message = f'"{first.text} {second.text}": a word is missing ("{first.text} have been")'
            suggestion = f"{first.text} have been"
        elif first.lower == "maybe" and _participle_after_be(second.lower):
            message = f'"{first.text} {second.text}": "maybe" is "perhaps"; the verb is "may be"'
            suggestion = f"{'May' if first.text[0] == 'M' else 'may'} be {second.text}"
        elif first.lower == "it's" and _owned_noun(second.lower):
            message = f'"{first.text} {second.text}": "it\'s" is "it is"; the possessive is "its"'
            suggestion = f"{'Its' if first.text[0] == 'I' else 'its'} {second.text}"
        if message:
            finding = rule.finding(message, paragraph, first.start, second.end, replacement=suggestion)
            finding.severity = severity or finding.severity
            yield finding


@functools.lru_cache(maxsize=4)
def _act_names(terms: tuple[str, ...]) -> re.Pattern[str] | None:
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


def _name_without_its_noun(paragraph: Paragraph, names: re.Pattern[str]) -> Iterator[Finding]:
    for match in names.finditer(paragraph.text):
        noun = "Act" if match["before"].lower() == "the" else "request"  # "your Freedom of Information request"
        yield REAL_WORD_SLIP.finding(
            f'"{match.group()}" is missing a word: did you mean "{match.group()} {noun}"?',
            paragraph,
            match.start("name"),
            match.end("name"),
            replacement=f"{match['name']} {noun}",
        )


def _confused_partner(paragraph: Paragraph, run: list[Token], covered: set[int]) -> Iterator[Finding]:
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
                and (_past_participle(before.lower) or (token.lower == "form" and _singular_noun(before.lower)))
                and position >= 2
                and _a_verb(run[position - 2].lower)
            )
            # (or, for the pairs trusted on one side, both neighbours lean the partner's way, if less
            # strongly each: "would advice you")
            leaning = not both_sides and all(
                seen > 0 and ours * PARTNER_LEANS <= theirs
                for (ours, theirs), seen in zip(sides, evidence, strict=True)
            )
            if leaning and max(evidence) >= PARTNER_EVIDENCE:
                strong = [True]
            if (all(strong) if both_sides and not settled else any(strong)) and not any(against):
                yield REAL_WORD_SLIP.finding(
                    f'"{before.text} {token.text} {after.text}": did you mean "{partner}"?',
                    paragraph,
                    token.start,
                    token.end,
                    replacement=partner,
                )
                break


def _a_verb(word: str) -> bool:
    """A form of "be" or "have", a past participle, or a verb's -s form: a word a verb phrase ends on."""
    return word in _ANY_BE or word in _HAVE or _past_participle(word) or language.plain_form(word) is not None


def _past_participle(word: str) -> bool:
    """A past participle, by how often English writes "been" before it, or, where the pair counts
    are too sparse to say, a verb's regular -ed form ("retrieved": "to retrieve")."""
    been = language.pair("been", word)
    if been:
        return been >= PARTICIPLE_SHARE * language.count(word)
    return len(word) > 5 and word.endswith("ed") and any(language.pair("to", stem) for stem in (word[:-1], word[:-2]))


NOUN_AFTER_THE = 1.0  # "the W" this usual against W's own uses (the counts' scales differ), and ...
VERB_AFTER_TO_SHARE = 0.5  # ... "to W" less than this share of it: W is a noun, not a verb


def _a_noun(word: str) -> bool:
    """A word English writes after "the" far more than after "to", in no verb's -s, -ed or -ing form."""
    if word.endswith(("ed", "ing", "ly")) or language.plain_form(word) is not None:
        return False
    uses = max(1, language.count(word))
    after_the = language.pair("the", word) / uses
    return after_the >= NOUN_AFTER_THE and language.pair("to", word) / uses < VERB_AFTER_TO_SHARE * after_the


def _principle_before_a_noun(paragraph: Paragraph, run: list[Token], covered: set[int]) -> Iterator[Finding]:
    """ "The principle reason for refusing": the noun "principle" where the adjective "principal"
    (main) was meant, before a noun it describes. The word pairs are too sparse to say so; a noun
    straight after the noun "principle" says it ("the principle applies", "the principle behind it"
    are left alone)."""
    for position in range(1, len(run) - 1):
        token = run[position]
        if token.lower != "principle" or position in covered or run[position - 1].lower not in _DETERMINERS:
            continue
        after = run[position + 1]
        if after.text != after.lower or after.lower.endswith("s") or not _a_noun(after.lower):
            # (an -s word after it is its verb: "the principle aims", "the principle matters")
            continue
        yield REAL_WORD_SLIP.finding(
            f'"{token.text} {after.text}": "principle" is a noun; the adjective (main) is "principal"',
            paragraph,
            token.start,
            token.end,
            replacement=_cased("principal", token.text),
        )


# a subject led by its determiner at a clause's start, and its verb: which number each is in
_SUBJECT_DETERMINERS = frozenset("the these those our your their its such both several".split())
_SUBORDINATORS = frozenset("because since although though".split())  # whose clause ends at its verb
# verbs whose "that" opens a clause with its own subject ("we confirm that the records are"); after a
# noun "that" opens a relative clause, whose verb is not the sentence's ("the evidence that the officers
# provided is")
_REPORTING = frozenset(
    "confirm confirms confirmed state states stated note notes noted believe believes believed consider "
    "considers considered accept accepts accepted advise advises advised explain explains explained say says "
    "said know knows aware satisfied clear recognise recognises recognised acknowledge acknowledges "
    "acknowledged agree agrees agreed conclude concludes concluded decided determined found shows shown "
    "means ensure ensures understand understands".split()
)
# nouns in -s that British usage takes in the singular too ("the premises is licensed")
_SINGULAR_TOO = frozenset("premises headquarters means series species barracks whereabouts works".split())
_SINGULAR_TO_PLURAL = {"is": "are", "was": "were", "has": "have"}
_PLURAL_TO_SINGULAR = {"are": "is", "have": "has"}  # (not "were": "if the information were released")
# nouns that have no plural in the sense a response uses them: "the information are" is a slip
_UNCOUNTABLE = frozenset(
    "information evidence footage guidance advice intelligence correspondence documentation legislation "
    "equipment software funding expenditure training feedback knowledge".split()
)
# nouns of time and money a sum of which takes the singular ("the 20 days is the limit")
_AMOUNTS = frozenset("days weeks months years hours minutes seconds decades pounds miles".split())
_RELATIVE_SUBJECTS = frozenset("you we they i he she".split())
_PARTICIPLES = frozenset("held sought kept given sent made shown seen known found".split())
_NOT_MODIFIERS = frozenset(
    "is are was were be been being has have had do does did will would can could may might must shall should "
    "not no that which who whom this these those it its you we they he she i of in on for to with by from at "
    "as and or but if than then so there their our your".split()
)
PLURAL_EVIDENCE = 5  # "<noun> are/were" this many times as usual in English as "<noun> is/was"


def _subject_and_verb(paragraph: Paragraph, run: list[Token], covered: set[int]) -> Iterator[Finding]:
    """A verb whose number is not its subject's, where the subject is plain to see: a determiner at
    a clause's start, at most two words before the noun, then the verb, or a short clause between
    ("The documents you have requested is exempt", "The pricing information you requested are").
    A noun is plural when English writes it far more before "are" than before "is"; collective
    nouns ("the force are") are left alone, as British English lets them take either."""
    for position, token in enumerate(run):
        if token.lower not in _SINGULAR_TO_PLURAL and token.lower not in _PLURAL_TO_SINGULAR:
            continue
        if position in covered or token.text != token.lower:
            continue
        head = _subject_head(paragraph, run, position)
        if head is None or (head and _measure_without_of(run, head)):
            continue  # ("The number officers deployed is": the head is "number", its "of" missing)
        noun = run[head].lower
        if token.lower in _SINGULAR_TO_PLURAL and _takes_plural_verb(noun):
            meant = _SINGULAR_TO_PLURAL[token.lower]
        elif token.lower in _PLURAL_TO_SINGULAR and noun in _UNCOUNTABLE:
            meant = _PLURAL_TO_SINGULAR[token.lower]
        else:
            continue
        number = "plural" if meant in _SINGULAR_TO_PLURAL.values() else "singular"
        yield WORD_PAIR.finding(
            f'"{paragraph.text[run[head].start : token.end]}": the subject is {number}, so the verb is "{meant}"',
            paragraph,
            token.start,
            token.end,
            replacement=meant,
        )


# nouns of how many, kind or part, which take the number of what follows their "of" ("a number of
# officers are", "the majority of forces were")
_NUMBER_FROM_OF = frozenset(
    "number majority minority total range variety series lot lots couple group proportion percentage rest "
    "remainder half third quarter part bulk host handful set pair kind type sort sorts types kinds".split()
)
_OF_OBJECT_DETERMINERS = frozenset("the these those such all our their its your his her any".split())
_SINGULAR_PAST = {"are": "is", "were": "was"}


def _verb_for_the_of_phrase(paragraph: Paragraph, run: list[Token], covered: set[int]) -> Iterator[Finding]:
    """A plural verb after a singular subject and a plural "of" phrase, the verb taking the number of
    the nearer noun ("The use of unmarked vehicles are", "The disclosure of these details were"). The
    subject is a determiner at a clause's start, at most one word and a singular noun; nouns of how
    many or what kind ("a number of", "the majority of") are left alone."""
    for position in range(4, len(run)):
        plural = position - 1
        if not run[plural].lower.endswith("s") or position in covered:
            continue  # (looked at first: this runs over every word of a draft)
        token = run[position]
        meant = _SINGULAR_PAST.get(token.text) or (
            language.spelt_third_person(token.text) if token.text in _LINKING_VERBS else None
        )
        if meant is None or not _takes_plural_verb(run[plural].lower):
            continue
        of = plural - 1
        while of > 0 and of > plural - 3 and run[of].lower != "of":
            if not _describes(run[of].lower):
                break  # a noun or a verb between: "the amount of overtime officers work" is a clause
            of -= 1
        if run[of].lower != "of" or of < 2:
            continue
        head = of - 1
        noun = run[head].lower
        if noun in _NUMBER_FROM_OF or noun in _NOT_MODIFIERS or not _singular_noun(noun) or run[head].text != noun:
            continue
        start = head - 1 if run[head - 1].lower in _SUBJECT_DETERMINERS else head - 2
        if start < 0 or run[start].lower not in _SUBJECT_DETERMINERS or run[start].lower in ("these", "those", "both"):
            continue
        if not _clause_starts(paragraph, run, start):
            continue
        if token.text not in _SINGULAR_PAST and start > 1 and run[start - 2].lower in _MANDATIVE:
            continue  # "decided that the storage of the devices remain": a subjunctive, right as it is
        yield WORD_PAIR.finding(
            f'"{paragraph.text[run[start].start : token.end]}": the subject is "{run[head].text}", singular, '
            f'so the verb is "{meant}"',
            paragraph,
            token.start,
            token.end,
            replacement=meant,
        )


# between a plural subject and its verb: a participle or a place ("the documents requested", "the
# figures above"), or a phrase led by one of these prepositions ("the figures in the table above")
_AFTER_THE_NOUN = frozenset(
    "requested held sought listed provided shown disclosed withheld released described mentioned "
    "attached enclosed concerned involved above below".split()
)
_PHRASE_PREPOSITIONS = frozenset("for in from on during at within across over".split())  # ("of": its own check)
# words that end the subject's phrase: a clause inside it has a verb of its own
_PLURAL_SUBJECT_DETERMINERS = frozenset("the these those our their your".split())  # ("Our figures shows")
_PHRASE_ENDS = frozenset("who whom whose which that where when while and or but if because as than".split())
PHRASE_REACH = 7  # words of a prepositional phrase looked through for the subject's verb


def _verb_after_a_phrase(paragraph: Paragraph, run: list[Token], covered: set[int]) -> Iterator[Finding]:
    """A singular verb after a plural subject and the words that describe it ("The figures in the
    table above shows", "the documents requested contains", "The figures for the force area as a
    whole is"): the subject is "the", "these" or "those" and a plural noun at a clause's start; its
    verb is the first word after the phrase that English writes after "it" ("shows") or "is", "was",
    "has". A word after a determiner is a noun ("the costs of the works"); a clause inside the
    phrase ("who works") ends the search."""
    for start in range(len(run) - 3):
        if run[start].lower not in _PLURAL_SUBJECT_DETERMINERS or run[start + 1].text != run[start + 1].lower:
            continue
        noun = run[start + 1].lower
        if not noun.endswith("s") or not _takes_plural_verb(noun):
            continue
        opener = _clause_starts(paragraph, run, start) or (
            start == 1 and run[0].lower == "and" and paragraph.text[: run[0].start].rstrip().endswith(",")
        )
        if not opener:
            continue
        after = start + 2
        if run[after].lower in _AFTER_THE_NOUN:
            after += 1
        elif run[after].lower in _PHRASE_PREPOSITIONS:
            after += 2
        elif not (
            language.plain_form(run[after].lower)
            and run[after].text == run[after].lower
            and (after + 1 >= len(run) or run[after + 1].lower not in _BE_FORMS)  # ("the officers reports are")
        ):
            continue  # (or the verb straight after the noun: "The figures shows refusals")
        for position in range(after, min(len(run), after + PHRASE_REACH)):
            token = run[position]
            if token.lower == "as" and [t.lower for t in run[position + 1 : position + 3]] == ["a", "whole"]:
                continue  # "the force area as a whole"
            if token.lower in _PHRASE_ENDS or token.text != token.lower:
                break
            if run[position - 1].lower in _DETERMINERS or position in covered or run[position - 1].lower == "as":
                continue
            meant = _SINGULAR_TO_PLURAL.get(token.lower) or language.plain_form(token.lower)
            if meant is None:
                continue
            yield WORD_PAIR.finding(
                f'"{paragraph.text[run[start].start : token.end]}": the subject is "{noun}", plural, '
                f'so the verb is "{meant}"',
                paragraph,
                token.start,
                token.end,
                replacement=meant,
            )
            covered.add(position)
            break


# a preposition left out between a noun and the noun phrase it governs ("protecting the security
# the force's network", "undermine confidence the vetting process and")
_OWNER_DETERMINERS = frozenset("the this these those its their our his her your".split())
_GOVERNING = ("of", "in", "on", "for", "to", "with", "about", "from")  # what a noun's phrase may open with
GOVERNS_EVIDENCE = 20_000_000  # the noun and its preposition at least this usual in English ...
GOVERNS_SHARE = 0.5  # ... and this usual against the noun's own uses
GOVERNS_PREFERENCE = 40  # ... and this many times as usual as the noun before the draft's determiner
OWNED_REACH = 4  # words of the governed noun phrase looked through for its end
# what may end the governed phrase (a relative clause's subject is followed by its verb instead)
_AFTER_A_GOVERNED_PHRASE = frozenset(
    "and or but nor in on at for from with by to into within across against which that who whose where when".split()
)
_SUBJECT_PRONOUNS = ("we", "they", "he", "it")
# a run opened by one of these may be an opening phrase left without its comma ("When calling the
# function the arguments are passed", "In a script the key name can"): its last noun meets the subject
_PHRASE_OPENERS = frozenset(
    "in on at from by for with within without under after before during since until when whenever while "
    "whilst where if unless once although though as because upon".split()
)
# verbs taking two objects or an object and its complement ("give the force the ability", "make a
# button the default"): the first object's noun meets the second's determiner
_TWO_OBJECT_VERBS = frozenset(
    "give gives gave given giving make makes made making call calls called calling consider considers "
    "considered considering deem deems deemed name names named appoint appointed elect elected render "
    "renders rendered grant grants granted show shows showed shown showing tell tells told telling "
    "send sends sent sending offer offers offered offering hand hands handed pass passes passed "
    "leave leaves left keep keeps kept allow allows allowed deny denies denied cost costs".split()
)


def _preposition_left_out(paragraph: Paragraph, run: list[Token], covered: set[int]) -> Iterator[Finding]:
    """A noun that governs a phrase ("security of", "confidence in") straight before a determiner
    English hardly puts after it: "the security the force's network is", "undermine confidence the
    vetting process and". A clause left without its relative pronoun reads the same ("the
    confidence the public has in us", "the information the force gave to"): its subject is followed
    by its verb, so the phrase after the determiner must end the run, meet a preposition or
    conjunction, or, after a possessive, meet "is" or "are". The noun follows a determiner or a
    verb ("for reasons of security the force will" starts a clause)."""
    for position in range(1, len(run) - 2):
        token, owner = run[position], run[position + 1]
        if token.text != token.lower or owner.lower not in _OWNER_DETERMINERS or position in covered:
            continue
        before = run[position - 1].lower
        if before not in _DETERMINERS and not (_bare_verb(before) or before.endswith("ing")):
            continue
        noun = token.lower
        if noun in _PARTITIVES or noun.endswith("s") or not _a_noun(noun):
            continue  # (a plural is a verb's first object: "pass on to the recipients the same freedoms")
        if run[0].lower in _PHRASE_OPENERS or any(t.lower in _TWO_OBJECT_VERBS for t in run[:position]):
            continue
        preposition, governs = max(((p, language.pair(noun, p)) for p in _GOVERNING), key=lambda found: found[1])
        if (
            governs < GOVERNS_EVIDENCE
            or governs < GOVERNS_SHARE * language.count(noun)
            or governs < GOVERNS_PREFERENCE * language.pair(noun, owner.lower)
            or not _phrase_ends_as_an_object(run, position + 2)
        ):
            continue
        yield WORD_PAIR.finding(
            f'"{paragraph.text[token.start : owner.end]}": a word is missing; English writes '
            f'"{noun} {preposition} {owner.lower}"',
            paragraph,
            token.start,
            owner.end,
            replacement=f"{token.text} {preposition} {owner.text}",
        )
        covered.add(position)


def _phrase_ends_as_an_object(run: list[Token], start: int) -> bool:
    """Whether the noun phrase from ``start`` (after its determiner) ends as a preposition's object
    does, not as a relative clause's subject, which its verb follows."""
    possessive = False
    for position in range(start, min(len(run), start + OWNED_REACH)):
        word = run[position].lower
        if position > start and (word in _AFTER_A_GOVERNED_PHRASE or (possessive and word in ("is", "are"))):
            return True
        if word in _CLOSED_CLASS or (position > start and _finite_verb(word, run[position - 1].lower)):
            return False
        possessive = possessive or word.endswith("'s")
    # the run ends the phrase: a possessive's noun, never a complement ("make this line the default")
    return possessive and start + OWNED_REACH > len(run) > start


def _finite_verb(word: str, before: str) -> bool:
    """Whether ``word``, after ``before``, is a verb: one a verb phrase ends on (``_a_verb``); one
    English puts after "we", "they", "he" or "it" more than after "the" (a past tense: "gave"); one
    it puts after "to" more than after "the", or whose -s form that is ("paint", "affords"); or the
    -s form of any verb after a singular noun ("the cursor lands on")."""
    if _a_verb(word):
        return True
    if sum(language.pair(pronoun, word) for pronoun in _SUBJECT_PRONOUNS) > language.pair("the", word):
        return True
    plain = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    if plain != word and not before.endswith("s") and language.pair("to", plain):
        return True
    return language.pair("to", plain) > language.pair("the", plain)


@functools.lru_cache(maxsize=4096)
def _describes(word: str) -> bool:
    """A determiner, or a word ending as adjectives and participles do ("unmarked", "operational")."""
    return word in _OF_OBJECT_DETERMINERS or (len(word) > 4 and word.endswith(_DESCRIBING_ENDINGS))


# verbs whose "that" clause may take the subjunctive: "agreed that the use of the cameras continue"
_MANDATIVE = frozenset(
    "decided agreed required requires recommended recommends insisted proposed suggested asked demanded "
    "ordered directed requested ruled".split()
)
_DESCRIBING_ENDINGS = ("ed", "al", "ive", "ous", "ful", "ic", "ary")
# verbs that state what a subject is or does in a response's prose; others after a plural noun are
# as often a clause's ("the sites officers report from") or a compound's ("the victims support service")
_LINKING_VERBS = frozenset(
    "form remain provide mean show include contain represent depend vary allow require enable apply exist "
    "relate appear seem suggest indicate reflect constitute comprise demonstrate".split()
)


_SINGULAR_ENDINGS = ("ment", "tion", "sion", "ness", "ity", "ance", "ence", "ship", "ism")


def _singular_noun(word: str) -> bool:
    """A noun English writes before "is" and "was" far more than before "are" and "were"; where the
    pair counts know neither, one made with a singular noun's ending ("deployment", "disclosure")."""
    singular = language.pair(word, "is") + language.pair(word, "was")
    plural = language.pair(word, "are") + language.pair(word, "were")
    if singular == plural == 0:
        return word.endswith(_SINGULAR_ENDINGS) and language.pair("the", word) > 0
    return singular > 0 and singular >= PLURAL_EVIDENCE * plural and language.pair("the", word) > 0


def _subject_head(paragraph: Paragraph, run: list[Token], verb: int) -> int | None:
    """The position of the noun a verb's subject ends on, when the subject is a determiner at a
    clause's start, up to two words and the noun, with perhaps a short clause after it ("you have
    requested", "we hold", "requested"); None when the subject is not that plain."""
    end = verb - 1
    if end >= 0 and (run[end].lower in _PARTICIPLES or run[end].lower.endswith("ed")):
        end -= 1  # "the information requested are", "the documents you have requested is"
        if end >= 0 and run[end].lower in ("have", "has", "had"):
            end -= 1
        if end >= 0 and run[end].lower in _RELATIVE_SUBJECTS:
            end -= 1
        if end >= 0 and run[end].lower in ("that", "which"):
            end -= 1
    elif end >= 1 and run[end - 1].lower in _RELATIVE_SUBJECTS and run[end].lower not in _NOT_MODIFIERS:
        end -= 2  # "the records we hold is"
    for start in range(end - 1, max(end - 4, -1), -1):
        if run[start].lower in _SUBJECT_DETERMINERS:
            break
        if run[start].lower in _NOT_MODIFIERS or not run[start].text.isalpha():
            return None
    else:
        return None
    if start >= end or not _clause_starts(paragraph, run, start):
        return None
    noun = run[end]
    if noun.text != noun.lower or not noun.text.isalpha() or noun.lower in _NOT_MODIFIERS:
        return None
    return end


def _clause_starts(paragraph: Paragraph, run: list[Token], position: int) -> bool:
    """Whether the word at a run's position opens a clause whose verb ends it: after a stop, a colon
    or a bracket, at the paragraph's start, after "because" or "since", or after "that" following a
    verb of saying ("we confirm that"; not "the evidence that", a relative clause, nor "whether"
    and "when", whose clause is the subject of the verb after it)."""
    if position > 1 and run[position - 1].lower == "that":
        return run[position - 2].lower in _REPORTING
    if position > 0:
        return run[position - 1].lower in _SUBORDINATORS
    return opens_sentence(paragraph.text, run[0].start, ".!?:;(")


def _takes_plural_verb(noun: str) -> bool:
    """Whether English writes a noun as a plural: before "are" and "were" far more than before "is"
    and "was" ("documents", "figures"; not "news", "series", "data", "staff")."""
    if not noun.endswith("s") or noun in _AMOUNTS or noun in _SINGULAR_TOO:
        return False
    plural = language.pair(noun, "are") + language.pair(noun, "were")
    singular = language.pair(noun, "is") + language.pair(noun, "was")
    return plural > 0 and plural >= PLURAL_EVIDENCE * singular


def _you_for_your(paragraph: Paragraph, run: list[Token], covered: set[int]) -> Iterator[Finding]:
    """ "you" where "your" was meant, after a preposition ("in relation to you request", "thank you
    for you help"): a word English puts after "your" more than after "you" (a noun, not a verb
    whose subject "you" would be), and more than after "is" and "are" (not "to you free of charge",
    "to you first")."""
    for position in range(len(run) - 1):
        you, word = run[position], run[position + 1]
        if you.lower != "you" or position in covered:
            continue
        after_preposition = position > 0 and run[position - 1].lower in _OBJECT_PREPOSITIONS
        # "You request is being dealt with": at a sentence's start, a noun and then its verb (not
        # "the information you request is held", where "you request" is a clause of its own)
        before_verb = position == 0 and you.text == "You" and len(run) > 2 and run[2].lower in _AUXILIARIES
        if not (after_preposition or before_verb):
            continue
        if word.text != word.lower:
            continue
        owned = language.pair("your", word.lower)
        if not owned or owned < YOUR_PREFERENCE * language.pair("you", word.lower):
            continue
        if ADJECTIVE_SHARE * (language.pair("is", word.lower) + language.pair("are", word.lower)) > owned:
            continue
        yield REAL_WORD_SLIP.finding(
            f'"{you.text} {word.text}": did you mean "your {word.text}"?',
            paragraph,
            you.start,
            you.end,
            replacement="your" if you.text == "you" else "Your",
        )


# before "he", a word that puts a bare verb after it: "did he review", "requested that he review"
_BEFORE_A_BARE_VERB = frozenset(
    "do does did can could will would shall should may might must that lest let let's nor".split()
)
THE_USES = 20_000_000  # "the W" at least this usual, where English never writes "he W" nor "she W"


# "exemptions under sections 30(b) (free and frank ...) and 38(1)(b) of FOISA applies": a plural
# subject, its citations and their titles, then the law's name and a verb in the singular
_CITED_SUBJECT = regexes.compile(
    r"\b(?P<noun>[Ee]xemptions|[Ee]xceptions)\s+(?:under|in)\s+(?:(?!\.\s)[^;:\n]){1,300}?\bof\s+(?:the\s+)?"
    r"(?:FOISA|FOI\(S\)A|FOIA|EIRs?|Act|Regulations|Environmental\s+Information(?:\s+\(Scotland\))?\s+Regulations"
    r"(?:\s+20\d\d)?|Freedom\s+of\s+Information(?:\s+\(Scotland\))?\s+Act(?:\s+20\d\d)?)\s+"
    r"(?P<verb>applies|is|has)\b"
)
# a verb in the singular, and in the plural
_PLURAL_VERB = {
    "applies": "apply",
    "is": "are",
    "has": "have",
    "requires": "require",
    "allows": "allow",
    "relates": "relate",
    "covers": "cover",
    "provides": "provide",
}
# before the noun, words that make it another noun's object: "in maintaining the exemptions under"
_GOVERNED = regexes.compile(
    r"\b(?:of|in|maintaining|applying|to|for|on)\s+(?:the\s+|these\s+|those\s+)?$", re.IGNORECASE
)


# two sections cited as one subject, then a verb in the singular: "Section 40(2) and 38(1) applies"
_SECTIONS_SUBJECT = regexes.compile(
    r"(?:^|(?<=[.:;]\s))(?:The\s+exemptions\s+(?:at|in|under)\s+)?[Ss](?:ections?|\.)\s?\d{1,2}(?:\s?\([0-9A-Za-z]{1,3}\))*"
    r"(?:\s?,\s?(?:[Ss](?:ection|\.)\s?)?\d{1,2}(?:\s?\([0-9A-Za-z]{1,3}\))*)*"
    r"\s+and\s+(?:[Ss](?:ection|\.)\s?)?\d{1,2}(?:\s?\([0-9A-Za-z]{1,3}\))*\s+(?P<verb>applies|is|has)\b"
)
# a plural noun of the Act's, then "which" or "that" and a verb in the singular: "exemptions which requires"
_PLURAL_WHICH = regexes.compile(
    r"\b(?P<noun>exemptions|exceptions|subsections|factors)"
    # (not "which means that", "which is why": "which" for the whole clause before it)
    r"\s+(?:which|that)\s+(?P<verb>requires|applies|is(?!\s+why\b)|has|allows|relates|covers|provides)\b",
    re.IGNORECASE,
)
# "the weighing of factors which is", "a list of the exemptions which is": "which" may be the other noun's
_OF_BEFORE = regexes.compile(r"\bof\s+(?:the\s+|these\s+|those\s+|its\s+|all\s+)?(?:\w+\s+)?$", re.IGNORECASE)


def _plural_subjects(paragraph: Paragraph) -> Iterator[Finding]:
    """A verb in the singular after two sections cited together, or after "which" that stands for
    a plural noun of the Act's."""
    text = paragraph.text
    which = [match for match in _PLURAL_WHICH.finditer(text) if not _OF_BEFORE.search(text, 0, match.start())]
    found = [*_SECTIONS_SUBJECT.finditer(text), *which]
    for match in sorted(found, key=lambda match: match.start("verb")):
        verb = match["verb"]
        yield WORD_PAIR.finding(
            f'"{match.group()}": the subject is plural, so the verb is "{_PLURAL_VERB[verb]}"',
            paragraph,
            match.start("verb"),
            match.end("verb"),
            replacement=_PLURAL_VERB[verb],
        )


# a plural subject, a year or period after it, then its verb ("The figures for 2021 shows",
# "The totals in 2019/20 was"): the year is no subject
_DATED_SUBJECT = regexes.compile(
    r"\b(?:The|These|Those|the|these|those)\s+(?P<noun>[a-z]+s)\s+(?:for|in|during|from)\s+"
    r"(?:the\s+(?:year|period|financial\s+year)\s+)?\d{4}(?:\s*[/-]\s*\d{2,4})?\s+(?P<verb>[a-z]+)\b"
)
# "We confirm that": a verb of saying, whose "that" opens a clause with its own subject
_AFTER_REPORTING = regexes.compile(r"\b(?P<verb>[a-z]+)\s+that\s+$")


def _plural_verb_for_dated_subject(text: str, match: re.Match[str]) -> str | None:
    """The plural verb a plural subject and its year take ("The figures for 2021 shows": "show"),
    where the subject opens a sentence or a reported clause ("... of the figures for 2021 shows" is
    the "of" phrase's); None where the verb is right or the subject is not plain."""
    noun, verb = match["noun"], match["verb"]
    meant = _SINGULAR_TO_PLURAL.get(verb) or language.plain_form(verb)
    if meant is None or not _takes_plural_verb(noun):
        return None
    reported = _AFTER_REPORTING.search(text, 0, match.start())
    if not opens_sentence(text, match.start(), ".!?:;(") and not (reported and reported["verb"] in _REPORTING):
        return None
    return meant


# a month and year straight after a full date, before the sentence goes on in small letters: the
# rest of an earlier wording left in ("From 1st April 2016 to 30th November 2016 April 2016 we have")
_MONTH_AFTER_A_DATE = regexes.compile(
    r" (?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r" \d{4}(?= [a-z]{2,})"
)


def _dates_run_together(paragraph: Paragraph) -> Iterator[Finding]:
    """A date written with its month's name and year, and another month and year straight after it."""
    text = paragraph.text
    for start, end, _ in full_dates(text):
        written = text[start:end]
        if not written[-4:].isdigit() or not any(c.isalpha() for c in written):
            continue  # ("30/11/2016": no month's name)
        after = _MONTH_AFTER_A_DATE.match(text, end)
        if after is None:
            continue
        yield WORD_PAIR.finding(
            f'"{text[start : after.end()]}": a date with another month after it: one of them is left over',
            paragraph,
            start,
            after.end(),
        )


# a singular "is" and its noun, then "and" with a second verb left plain: "Section 31 is a prejudice
# based, qualified exemption and therefore require both a harm test and a public interest test"
_SECOND_VERB_PLAIN = regexes.compile(
    r"\b(?:is|was)\s+an?\s+(?:(?!that\b|which\b|who\b|whose\b|where\b|when\b|and\b)[\w-]+,?\s+){0,5}?"
    r"and\s+(?:(?:therefore|so|thus|also|as\s+such)\s+)?(?P<verb>[a-z]{3,})\b"
)


def _third_person_for_second_verb(text: str, match: re.Match[str]) -> str | None:
    """The -s form the second verb of "X is a ... and therefore <verb>" takes, where the subject is
    singular (not inside a relative clause: "a list of units that collect and require")."""
    verb = match["verb"]
    return None if verb in _NOT_MODIFIERS else language.third_person(verb)


# "neither" answered by "or" a few words on: "neither confirm or deny", "neither confirming or denying"
_NEITHER_OR = regexes.compile(r"\bneither\s+(?:(?!nor\b)[\w'-]+\s+){1,4}?(?P<or>or)\b(?!\s+nor\b)", re.IGNORECASE)


# a reference word with its number left out: "the date referred to in paragraph."
_NUMBER_LEFT_OUT = regexes.compile(
    r"\b(?:referred\s+to|set\s+out|defined|described|specified)\s+(?:in|under|by)\s+"
    r"(?P<word>paragraph|section|subsection|schedule)(?=\s*[.,;:)]|\s+(?:of|above|below)\b)",  # (not "in regulation")
    re.IGNORECASE,
)


# a citation whose numbers were never filled in: "exemptions under sections of FOISA apply"
_SECTIONS_LEFT_OUT = regexes.compile(
    r"(?<!not )\b(?:under|by\s+virtue\s+of|in\s+accordance\s+with)\s+(?P<word>sections?|subsections?)\s+of\s+"
    r"(?:the\s+)?(?:FOISA|FOIA|FOI\s+Act|EIRs?|Act\b|Freedom\s+of\s+Information(?:\s+Act)?(?:\s+2000)?)"
    # where the numbers' slot was: before the verb or the end of the clause (not a general statement,
    # "under sections of the Act that protect national security", "... as interpreted by the ICO")
    r"(?=\s*[.,;:]|\s+(?:apply|applies|are|were|have|will)\b)",
    re.IGNORECASE,
)


def _cited_subject(paragraph: Paragraph) -> Iterator[Finding]:
    """A verb in the singular after "exemptions under sections ... of FOISA": the citations and
    their titles between hide the plural subject from the word-pair checks."""
    for match in _CITED_SUBJECT.finditer(paragraph.text):
        if _GOVERNED.search(paragraph.text, 0, match.start()):
            continue  # "the public interest in maintaining the exemptions under ... is": not the subject
        verb = match["verb"]
        yield WORD_PAIR.finding(
            f'"{match["noun"]} ... {verb}": the subject is plural, so the verb is "{_PLURAL_VERB[verb]}"',
            paragraph,
            match.start("verb"),
            match.end("verb"),
            replacement=_PLURAL_VERB[verb],
        )


_COMPARATIVES_WITH_THAN = frozenset(
    "longer greater higher lower fewer larger smaller wider older newer bigger".split()  # ("later that": a clause)
)
_AFTER_THAN = frozenset("the a an this that these those any its their our his her".split())


def _that_for_than(paragraph: Paragraph, run: list[Token], covered: set[int]) -> Iterator[Finding]:
    """ "that" where "than" was meant after a comparative ("taken longer that the statutory 20
    days"): before a determiner; not after "the", "no" or "any" ("the longer that the
    request waits", "no longer that of a constable")."""
    for position in range(1, len(run) - 1):
        that, after = run[position], run[position + 1]
        if that.lower != "that" or position in covered or run[position - 1].lower not in _COMPARATIVES_WITH_THAN:
            continue
        if after.lower not in _AFTER_THAN:
            continue
        if position >= 2 and run[position - 2].lower in ("the", "no", "any"):
            continue
        yield REAL_WORD_SLIP.finding(
            f'"{run[position - 1].text} {that.text}": did you mean "{run[position - 1].text} than"?',
            paragraph,
            that.start,
            that.end,
            replacement="than",
        )


# "sections 43(2)" with one number after it and no list: the plural left from a template
_SECTIONS_ONE = regexes.compile(r"\b(?P<word>[Ss]ections)\s+(?P<cited>\d{1,3}[A-Z]?(?:\s?\([0-9A-Za-z]{1,4}\))*)(?!\d)")
# what may follow the one number of a list that goes on: its title in brackets or after a dash,
# then "and 31(3)"; a range ("Sections 24 - 31"); not a dash before its title alone ("Sections
# 24(1) – National Security", a heading copied from a letter that cited two)
_LIST_GOES_ON = regexes.compile(
    r"(?:\s*\([^()]{0,80}\))*"
    # a title after the number, after a dash or not: "Sections 24(1) National Security and 31(1)"
    r"(?:(?:\s*[-\u2013:]\s*[A-Za-z]|\s+(?-i:[A-Z]))[A-Za-z&' ]{0,60}?"
    r"(?=\s*(?:,|;|/|and\b|&|or\b)(?:\s*(?:and|or)\b)?\s*(?:\d|$)))?"
    r"\s*(?:,|;|/|and\b|&|or\b|to\b|[-\u2013]\s*\d|\(|\d)",
    re.IGNORECASE,
)
# "Section 24(2) and 27(4)(a) are": the singular over two or more sections and a plural verb
_SECTION_OVER_SEVERAL = regexes.compile(
    r"\b(?P<word>[Ss]ection)\s+\d{1,2}[A-Z]?(?:\s?\(\s?\w{1,4}\s?\))*"
    r"(?:\s*,\s*\d{1,2}[A-Z]?(?:\s?\(\s?\w{1,4}\s?\))*){0,4}\s+(?:and|&)\s+\d{1,2}[A-Z]?(?:\s?\(\s?\w{1,4}\s?\))*"
    r"(?:\s+of\s+the\s+(?:FOIA|Act|Freedom\s+of\s+Information\s+Act(?:\s+2000)?))?\s+(?:are|were)\b"
)
# "equate to more 18 hours": a comparative before a number, without its "than"
_MORE_NUMBER = regexes.compile(r"\b(?P<word>more|less|fewer)\s+(?P<number>\d[\d,.]*)(?![\d-])(?!\s+than\b)", re.I)


def _sections_before_one(paragraph: Paragraph) -> Iterator[Finding]:
    """ "sections 43(2)" where one section is cited, and "Section 24(2) and 27(4)(a) are" where
    several are (a plural verb says the writer meant them all)."""
    for match in _SECTIONS_ONE.finditer(paragraph.text):
        if _LIST_GOES_ON.match(paragraph.text, match.end()):
            continue  # "Sections 24 (National Security) and 31", "sections 33(1(a)) and ..."
        yield WORD_PAIR.finding(
            f'"{match.group()}": one section is cited, so "section"',
            paragraph,
            match.start("word"),
            match.end("word"),
            replacement=match["word"][:-1],
        )
    for match in _SECTION_OVER_SEVERAL.finditer(paragraph.text):
        yield WORD_PAIR.finding(
            f'"{match.group()}": several sections are cited, so "{match["word"]}s"',
            paragraph,
            match.start("word"),
            match.end("word"),
            replacement=match["word"] + "s",
        )


def _more_without_than(paragraph: Paragraph) -> Iterator[Finding]:
    """ "more 18 hours": a comparative before a number, without its "than"."""
    for match in _MORE_NUMBER.finditer(paragraph.text):
        before = paragraph.text[max(0, match.start() - 5) : match.start()].lower()
        if re.search(r"\b(?:any|no|one|two)\s+$", before):
            continue  # "two more 18-year-olds", "no more"
        yield REAL_WORD_SLIP.finding(
            f'"{match.group()}": "than" is missing ("{match["word"]} than {match["number"]}")',
            paragraph,
            match.start(),
            match.end(),
            replacement=f"{match['word']} than {match['number']}",
        )


# "available" or "accessible" put straight before a web address's noun, without "at", "on", "via"
_AVAILABLE_PLACE = regexes.compile(
    r"(?<!\bmade\s)(?<!\bmake\s)(?<!\bmakes\s)(?<!\bmaking\s)"  # "has made available a page": its object
    r"\b(?P<word>available|accessible)\s+(?P<place>(?:this|the|that|our|their|its|the\s+following)\s+"
    r"(?:web\s?(?:page|site|link)|link|hyperlink|page|url|address|site|portal))\b",
    re.IGNORECASE,
)


# the Act's "would, or would be likely to, prejudice" with "likely" lost: "would, or would like to,
# prejudice" (nobody would like to prejudice a thing)
_LIKE_FOR_LIKELY = regexes.compile(
    r"\bwould\s+(?:be\s+)?like\s+to\b(?=,?\s+(?:prejudice|harm|damage|endanger|undermine|compromise|impede|"
    r"hinder|jeopardi[sz]e|inhibit)\b)",
    re.IGNORECASE,
)


# a template's slot for the body's name left empty: "received by on 29/11/2016", "received by the on"
_NOBODY_AFTER_BY = regexes.compile(
    r"\b(?:received|sent|made|submitted|handled|dealt\s+with)\s+by\s+(?:the\s+)?on(?=\s+(?:\d|the\s+\d))",
    re.IGNORECASE,
)

# the prejudice test's formula with "be" and "to" left out: "would or would likely, prejudice"
_LIKELY_WITHOUT_BE = regexes.compile(r"\bwould,?\s+or\s+would\s+likely\b(?!\s+be\b)(?:\s+to\b)?", re.IGNORECASE)
# the NCND formula with "confirm" left out: "an exemption from or denying whether"
_CONFIRM_LEFT_OUT = regexes.compile(
    r"\b(?P<before>from|of|by|for|not|neither)\s+(?P<formula>or\s+(?P<deny>deny|denying))\b", re.IGNORECASE
)
# a subject left out after a linking word that opens the sentence: "However can provide the following"
_SUBJECT_LEFT_OUT = regexes.compile(
    r"\b(?P<link>However|Therefore|Unfortunately|Additionally|Consequently),?\s+"
    r"(?P<verb>can|cannot|will|would|could|may|must|have|has)\s+(?=[a-z])"
    # not a question or a condition, its subject after the verb ("However can we ...?", "However,
    # should any further information be required"), nor an order ("However, do not hesitate")
    r"(?!(?:it|we|they|you|he|she|this|that|there|the|a|an|any|your|our|their|its|not)\b)"
)
# "ensure" where "assure" is meant: one ensures a thing, and assures a person that ("This would
# ensure the public that ...")
_ENSURE_A_PERSON = regexes.compile(
    r"\b(?P<verb>ensur(?:e|es|ed|ing))\s+(?:the\s+(?:public|requester|applicant|community|communities)|you|them|us|him|"
    r"her|people|residents)\s+that\b(?!\s+(?:are|is|were|was|have|has|had|may|might|will|would|can|could)\b)",
    re.IGNORECASE,
)
# a sentence that opens "This a ..." with its verb left out: "This a class based absolute exemption"
_THIS_A = regexes.compile(r"\bThis\s+(?P<article>an?)\s+(?=[a-z])")
# "Thank you for email of 7 August": the letter's thanks with "your" left out
_THANKS_FOR = regexes.compile(
    r"\bthank\s+you\s+for\s+(?P<noun>e-?mails?|letters?|requests?|correspondence|enquiry|enquiries|application)\b",
    re.IGNORECASE,
)
# a plural where its possessive is meant, before a noun that takes "to": "prejudice the authorities
# ability to", "the officers duty to" (a plural noun cannot stand before them as a plural)
_OWNED_BEFORE_TO = tuple(
    "ability capacity duty right responsibility decision failure obligation intention efforts".split()
)  # (also the slip's cue words)
_PLURAL_OWNER = regexes.compile(
    rf"\bthe\s+(?P<owner>[a-z]{{3,}}s)(?<!ss)(?<!us)(?<!is)\s+(?:{'|'.join(_OWNED_BEFORE_TO)})\s+to\b"
)
# people and bodies that own things, before a plural noun English never writes after them: the
# possessive's apostrophe left out ("the investigating officers findings", "individual forces
# capabilities"); the pair counts tell a compound ("officers numbers" is unseen, "complaints
# procedure" is not) and the noun test leaves a verb alone ("the force's officers uses")
_OWNERS = tuple(
    "officers forces authorities councils constabularies individuals victims witnesses employees applicants "
    "requesters organisations agencies companies suppliers departments offenders".split()
)
_OWNER_BEFORE_PLURAL = regexes.compile(
    rf"\b(?P<owner>(?i:{'|'.join(_OWNERS)}))\s(?P<owned>[a-z]{{3,}}s)\b(?<!ss)(?<!us)(?<!is)"
)


# before the owner, a determiner or an adjective: "the investigating officers findings", "individual
# forces capabilities" (not a verb: "the policy forces officers", "gives individuals rights")
_BEFORE_AN_OWNER = frozenset(
    "the its our their his her these those other individual investigating partner local all both several "
    "relevant respective arresting attending reporting".split()
)
# ... and before that, neither a preposition ("Each of the forces records") nor a verb that takes two
# objects ("sent the applicants letters", "gives the officers instructions")
_NOT_BEFORE_THE_OWNER = frozenset(
    "of for by against between among to from with about send sends sent give gives gave given giving offer "
    "offers offered pay pays paid award awards awarded refund refunds refunded owe owes owed grant grants "
    "granted show shows showed tell tells told allow allows allowed deny denies denied issue issues issued "
    "bring brings brought".split()
)
_TWO_WORDS_BEFORE = regexes.compile(r"(?:(?P<second>[A-Za-z]+)\W+)?(?P<first>[A-Za-z]+)\W*$")


def _owned_plural(text: str, match: re.Match[str]) -> bool:
    """Whether English never writes the pair, the owner follows a determiner or an adjective (not
    a verb or a preposition's object), and the second word is a noun (common after "the", rare
    after "it" or "he": "findings", not "provides")."""
    owner, owned = match["owner"].lower(), match["owned"]
    if language.pair(owner, owned):
        return False
    before = _TWO_WORDS_BEFORE.search(text, max(0, match.start() - 40), match.start())
    if before is None or before["first"].lower() not in _BEFORE_AN_OWNER:
        return False
    if before["second"] and before["second"].lower() in _NOT_BEFORE_THE_OWNER:
        return False
    after_the = language.pair("the", owned)
    return after_the > 0 and 4 * max(language.pair("it", owned), language.pair("he", owned)) < after_the


# two phrases for one, an edit leaving both: "in regards in relation to the request"
_TWO_PHRASES = regexes.compile(
    r"\b(?:in|with)\s+(?:regards?|relation|respect)\s+(?P<again>(?:in|with)\s+(?:regards?|relation|respect)\s+(?:to|of))\b",
    re.IGNORECASE,
)
# "by virtue of following exemption": the article of "the following" left out
# (a singular noun, or an exemption's: "by following section 45 guidance", "following requests through"
# and "following information security standards" are the verb)
_FOLLOWING_WITHOUT_THE = regexes.compile(
    r"\b(?:of|under|by|in|with|to|for|on)\s+(?P<following>following)\s+(?:exemptions?|sections?|subsections?"
    r"|reason|question|request|point|factor|consideration)\b(?!\s*\d)",
    re.IGNORECASE,
)
# "with the following exemption been cited": "been" after a noun, its "has" or "having" left out
_BEEN_AFTER_A_NOUN = regexes.compile(r"\b(?P<noun>[a-z]{3,})\s+been\b")
# a "have" before the noun whose verb is still to come: "Has the request been", "had the data been",
# "has in the past been"; not one its own participle follows ("has been redacted with the following
# exemption been cited")
_HAVE_WORD = regexes.compile(r"\b(?:has|have|had|hasn't|haven't|hadn't)\s+(?P<next>[A-Za-z]+)", re.IGNORECASE)
_IRREGULAR_PARTICIPLES = frozenset(
    "been made given taken sent held done found shown seen paid kept met told had put set read said brought "
    "bought thought sought caught taught left lost won built run come become begun written spoken chosen "
    "known grown thrown drawn withheld heard felt meant led let cut hit".split()
)
_BEFORE_THE_NOUN = 200  # characters of the sentence before the noun looked at for that "have"


def _been_after_a_noun(text: str, match: re.Match[str]) -> bool:
    """Whether the word before "been" is a noun English never writes before it (not "has been",
    "never been", "years been"), with no "have" earlier in its sentence still waiting for its verb
    ("How long has the investigation been open?", "had the request been made earlier")."""
    noun = match["noun"]
    if noun in _CLOSED_CLASS or noun in _MODALS:
        return False  # "would been", "was been": their own checks' slips
    if language.pair(noun, "been") or not language.pair("the", noun):
        return False
    start = max(0, match.start() - _BEFORE_THE_NOUN)
    start = max(start, max(text.rfind(mark, start, match.start()) for mark in ".?!;") + 1)
    for have in _HAVE_WORD.finditer(text, start, match.start()):
        following = have["next"].lower()
        if following not in _IRREGULAR_PARTICIPLES and not following.endswith(("ed", "en")):
            return False
    return True


# "holds information relation to an ongoing case": the "in" of "in relation to" left out after what
# a response holds or withholds
_RELATION_WITHOUT_IN = regexes.compile(
    r"\b(?:information|data|records|documents|details|figures|material|matters|questions|requests?)\s+"
    r"(?P<relation>relation)\s+to\b",
    re.IGNORECASE,
)
# "the SFO has duty to conduct": a duty, a right or an obligation had without its article
_HAS_DUTY = regexes.compile(
    r"\b(?:has|have|had|having)\s+(?P<noun>duty|obligation|right)\s+(?:to|under)\b", re.IGNORECASE
)
# a section "for" the Act it is of: "exempt under s35(1)(a) for the FoI Act"
# (not the Act's part of a request answered under two regimes: "section 40(2) for the FOI Act part")
_SECTION_FOR_ACT = regexes.compile(
    r"\b(?:[Ss]ection|s\.?)\s?\d{1,2}[A-Z]?(?:\s?\(\s?\w{1,4}\s?\))*\s+(?P<prep>for)\s+(?:the\s+)?"
    r"(?:(?:FOI|FoI|Freedom\s+of\s+Information)\s+Act\b(?:\s+2000)?|FOIA\b)"
    r"(?!\s+(?:parts?|elements?|aspects?|requests?)\b)"
)
# "it is the public interest to safeguard": the idiom's "in" left out
# (the dummy "it" only, before a verb: "This is the public interest to weigh", "It is the public interest
# to which section 2 refers", "It is not the public interest to the requester that matters" are right)
_INTEREST_WITHOUT_IN = regexes.compile(
    r"\b(?:[Ii]t)\s+(?:is|was|would\s+be|will\s+be)\s+(?:not\s+)?(?P<the>the)\s+public\s+interest\s+to\s+"
    r"(?!(?:be|the|a|an|which|whom|this|that|these|those|any|its|their|our|your|his|her)\b)"
)
# "is not in public interest": the idiom's "the" left out, after a verb (not "in public interest
# cases", a compound, nor "matters of public interest")
_INTEREST_WITHOUT_THE = regexes.compile(
    r"\b(?:is|are|was|were|be|been|being|not|lies|lay|lie)\s+(?:not\s+|therefore\s+|also\s+|clearly\s+)?"
    r"(?P<in>in)\s+public\s+interest\b(?!\s+(?:cases?|litigation|law|grounds?|journalism|terms|defences?|immunity"
    r"|matters?|issues?|disclosures?|reporting|tests?|considerations?|factors?|arguments?)\b)",
    re.IGNORECASE,
)
# an exemption's kind said without its article: "Section 31 is prejudice based qualified exemption"
_KIND_WITHOUT_ARTICLE = regexes.compile(
    r"\b(?:is|being)\s+(?:also\s+)?(?P<kind>(?:(?:prejudice|prejudiced|class)[\s-]+based[\s,]+(?:and\s+)?"
    r"(?:(?:qualified|absolute)\s+)?|(?:qualified|absolute)\s+)exemption)\b(?!s)",
    re.IGNORECASE,
)


def _formula(match: re.Match[str]) -> str:
    """The NCND formula a slip left "confirm" out of: "nor" after "neither" ("neither confirm nor deny")."""
    confirm = "confirm" if match["deny"].lower() == "deny" else "confirming"
    joiner = "nor" if match["before"].lower() == "neither" else "or"
    return f"{confirm} {joiner} {match['deny'].lower()}"


def _opens_a_sentence(text: str, match: re.Match[str]) -> bool:
    """Whether the match opens a sentence (or the paragraph)."""
    return text[max(0, match.start() - 3) : match.start()].rstrip()[-1:] in ("", ".", "!", "?", ":")


# "that there a public interest": a clause opened by "that" or "because" whose "there" has lost its
# verb (not "is there a", a question, nor "here and there a few")
_THERE_WITHOUT_ITS_VERB = regexes.compile(
    r"\b(?:that|because|since|although|though|whether)\s+(?P<there>there\s+(?P<det>a|an|no))(?=\s+[a-z])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _PhraseSlip:
    """A slip one pattern finds whole: the words reported (the match, or one of its groups), what
    is said of them, and what to write instead (None: the author must choose)."""

    rule: Rule
    pattern: re.Pattern[str]
    message: Callable[[re.Match[str]], str]
    replacement: Callable[[re.Match[str]], str | None] = lambda match: None
    span: str | int = 0
    applicability: Applicability | None = None
    keep: Callable[[str, re.Match[str]], bool] = lambda text, match: True  # a test the pattern cannot make cheaply
    cues: tuple[
        str, ...
    ] = ()  # words (lower case) one of which every match holds: a paragraph with none is passed over


_PHRASE_SLIPS = (
    _PhraseSlip(  # "The figures for 2021 shows"
        WORD_PAIR,
        _DATED_SUBJECT,
        lambda match: (
            f'"{match.group()}": the subject is "{match["noun"]}", plural, so the verb is '
            f'"{_plural_verb_for_dated_subject(match.string, match)}"'
        ),
        lambda match: _plural_verb_for_dated_subject(match.string, match),
        span="verb",
        keep=lambda text, match: _plural_verb_for_dated_subject(text, match) is not None,
    ),
    _PhraseSlip(  # "is a prejudice based exemption and therefore require"
        WORD_PAIR,
        _SECOND_VERB_PLAIN,
        lambda match: (
            f'"{match.group()}": the subject of "is" goes on to "{match["verb"]}", so the verb is '
            f'"{_third_person_for_second_verb(match.string, match)}"'
        ),
        lambda match: _third_person_for_second_verb(match.string, match),
        span="verb",
        keep=lambda text, match: _third_person_for_second_verb(text, match) is not None,
    ),
    _PhraseSlip(  # "It is accepted that there a public interest"
        REAL_WORD_SLIP,
        _THERE_WITHOUT_ITS_VERB,
        lambda match: f'"{match.group()}": the verb is missing ("there is {match["det"]}")',
        lambda match: f"there is {match['det']}",
        span="there",
        applicability=Applicability.UNSAFE,  # "is", "was" or "may be": the writer's
        cues=("there",),
    ),
    _PhraseSlip(  # "neither confirm or deny"
        WORD_PAIR,
        _NEITHER_OR,
        lambda match: f'"{match.group()}": after "neither", the other choice takes "nor"',
        lambda match: "nor" if match["or"].islower() else "Nor",
        span="or",
        cues=("neither",),
    ),
    _PhraseSlip(  # "the date referred to in paragraph."
        REAL_WORD_SLIP,
        _NUMBER_LEFT_OUT,
        lambda match: f'"{match.group()}": which {match["word"].lower()}? Its number is missing',
        span="word",
    ),
    _PhraseSlip(  # "exemptions under sections of FOISA apply"
        REAL_WORD_SLIP,
        _SECTIONS_LEFT_OUT,
        lambda match: f'"{match.group()}": which {match["word"].lower()}? The numbers are missing',
        span="word",
        cues=("section",),
    ),
    _PhraseSlip(  # "available this link"
        REAL_WORD_SLIP,
        _AVAILABLE_PLACE,
        lambda match: (
            f'"{match.group()}": a word is missing before "{match["place"]}" ("{match["word"]} at {match["place"]}")'
        ),
        lambda match: f"{match['word']} at {match['place']}",
        applicability=Applicability.UNSAFE,  # "at", "on" or "via": the writer's choice
        cues=("available", "accessible"),
    ),
    _PhraseSlip(  # "would, or would like to, prejudice"
        REAL_WORD_SLIP,
        _LIKE_FOR_LIKELY,
        lambda match: f'"{match.group()}": did you mean "would be likely to"?',
        lambda match: "would be likely to",
        cues=("like",),
    ),
    _PhraseSlip(  # "would or would likely, prejudice"
        REAL_WORD_SLIP,
        _LIKELY_WITHOUT_BE,
        lambda match: f'"{match.group()}": the test is "would, or would be likely to"',
        lambda match: _cased("would, or would be likely to", match.group()),
        applicability=Applicability.UNSAFE,
        cues=("likely",),
    ),
    _PhraseSlip(  # "an exemption from or denying"
        REAL_WORD_SLIP,
        _CONFIRM_LEFT_OUT,
        lambda match: f'"{match.group()}": "confirm" is missing ("{_formula(match)}")',
        _formula,
        span="formula",
        applicability=Applicability.UNSAFE,
        cues=("deny", "denying"),
    ),
    _PhraseSlip(  # "However can provide"
        WORD_PAIR,
        _SUBJECT_LEFT_OUT,
        lambda match: (
            f'"{match["link"]} ... {match["verb"]}": the verb has no subject ("{match["link"]}, we {match["verb"]}")'
        ),
        span="verb",
        keep=_opens_a_sentence,
        cues=("however", "therefore", "unfortunately", "additionally", "consequently"),
    ),
    _PhraseSlip(  # "ensure the public that"
        REAL_WORD_SLIP,
        _ENSURE_A_PERSON,
        lambda match: f'"{match.group()}": a person is assured that; a thing is ensured',
        lambda match: _cased("assur" + match["verb"].lower()[len("ensur") :], match["verb"]),
        span="verb",
        cues=("ensur",),
    ),
    _PhraseSlip(  # "This a class based exemption"
        WORD_PAIR,
        _THIS_A,
        lambda match: f'"{match.group().strip()}": the verb is missing ("This is {match["article"]}")',
        lambda match: f"is {match['article']}",
        span="article",
        applicability=Applicability.UNSAFE,
        keep=_opens_a_sentence,
        cues=("this",),
    ),
    _PhraseSlip(  # "Thank you for email of 7 August"
        WORD_PAIR,
        _THANKS_FOR,
        lambda match: f'"{match.group()}": "your" is missing ("for your {match["noun"]}")',
        lambda match: f"your {match['noun']}",
        span="noun",
        cues=("thank",),
    ),
    _PhraseSlip(  # "the authorities ability to"
        REAL_WORD_SLIP,
        _PLURAL_OWNER,
        lambda match: f'"{match.group()}": the possessive needs its apostrophe ("{_possessives(match["owner"])}")',
        span="owner",
        cues=_OWNED_BEFORE_TO,
    ),
    _PhraseSlip(  # "the investigating officers findings"
        REAL_WORD_SLIP,
        _OWNER_BEFORE_PLURAL,
        lambda match: (
            f'"{match.group()}": the possessive needs its apostrophe ("{_possessives(match["owner"].lower())}")'
        ),
        span="owner",
        keep=_owned_plural,
        cues=_OWNERS,
    ),
    _PhraseSlip(  # "in regards in relation to"
        WORD_PAIR,
        _TWO_PHRASES,
        lambda match: f'"{match.group()}": two phrases for one, an edit left both',
        lambda match: _cased(match["again"], match.group()),
        applicability=Applicability.UNSAFE,
        cues=("regard", "relation", "respect"),
    ),
    _PhraseSlip(  # "by virtue of following exemption"
        WORD_PAIR,
        _FOLLOWING_WITHOUT_THE,
        lambda match: f'"{match.group()}": "the" is missing ("the following")',
        lambda match: _cased("the following", match["following"]),
        span="following",
        cues=("following",),
    ),
    _PhraseSlip(  # "the following exemption been cited"
        WORD_PAIR,
        _BEEN_AFTER_A_NOUN,
        lambda match: f'"{match.group()}": a word is missing before "been" ("has been", "having been")',
        keep=_been_after_a_noun,
        cues=("been",),
    ),
    _PhraseSlip(  # "information relation to"
        WORD_PAIR,
        _RELATION_WITHOUT_IN,
        lambda match: f'"{match.group()}": "in" is missing ("in relation to")',
        lambda match: f"in {match['relation']}",
        span="relation",
        cues=("relation",),
    ),
    _PhraseSlip(  # "has duty to"
        WORD_PAIR,
        _HAS_DUTY,
        lambda match: f'"{match.group()}": the article is missing ("{_with_article(match["noun"].lower())}")',
        lambda match: _with_article(match["noun"]),
        span="noun",
        cues=("duty", "obligation", "right"),
    ),
    _PhraseSlip(  # "s35(1)(a) for the FoI Act"
        REAL_WORD_SLIP,
        _SECTION_FOR_ACT,
        lambda match: f'"{match.group()}": a section is "of" the Act',
        lambda match: "of",
        span="prep",
        cues=("act", "foia"),
    ),
    _PhraseSlip(  # "it is the public interest to safeguard"
        WORD_PAIR,
        _INTEREST_WITHOUT_IN,
        lambda match: f'"{match.group().strip()}": "in" is missing ("in the public interest")',
        lambda match: _cased("in the", match["the"]),
        span="the",
        cues=("interest",),
    ),
    _PhraseSlip(  # "is not in public interest"
        WORD_PAIR,
        _INTEREST_WITHOUT_THE,
        lambda match: f'"{match.group()}": "the" is missing ("in the public interest")',
        lambda match: _cased("in the", match["in"]),
        span="in",
        cues=("interest",),
    ),
    _PhraseSlip(  # "is prejudice based qualified exemption"
        WORD_PAIR,
        _KIND_WITHOUT_ARTICLE,
        lambda match: f'"{match.group()}": the article is missing ("{_with_article(match["kind"])}")',
        lambda match: _with_article(match["kind"]),
        span="kind",
        cues=("exemption",),
    ),
    _PhraseSlip(  # "received by on 29/11/2016": whose name goes there is not known
        REAL_WORD_SLIP,
        _NOBODY_AFTER_BY,
        lambda match: f'"{match.group()}": the name after "by" is missing',
    ),
)


# the nouns that end a body's name, with their plurals: "the Gambling Commission", "the Constabulary"
_BODY_NOUNS = {
    "commissions": "commission",
    "constabularies": "constabulary",
    "councils": "council",
    "services": "service",
    "forces": "force",
    "authorities": "authority",
    "agencies": "agency",
    "departments": "department",
    "trusts": "trust",
    "boards": "board",
    "ministries": "ministry",
}


def _body_plural_for_possessive(
    document: Document, words: list[list[Token]], quoted: frozenset[int]
) -> Iterator[Finding]:
    """A body's name in the plural where its possessive is meant: "the Gambling Commissions Spend
    data", "within the Constabularies policing area", in a draft that names the one body in the
    singular ("the Gambling Commission", "Cheshire Constabulary"). Not a list of bodies ("Bedfordshire
    and Hertfordshire Constabularies"), nor before a small word or a verb ("the Councils involved")."""
    singular: set[tuple[str, str]] = set()  # (word before, body noun) and ("", body noun)
    for paragraph_words in words:
        for before, token in itertools.pairwise([None, *paragraph_words]):
            if token.text[:1].isupper() and token.lower in _BODY_NOUNS.values():
                singular.add(("", token.lower))
                if before is not None and before.text[:1].isupper():
                    singular.add((before.lower, token.lower))
    if not singular:
        return
    for paragraph, paragraph_words in zip(document.paragraphs, words, strict=True):
        if paragraph.index in quoted:
            continue
        for position in range(1, len(paragraph_words) - 1):
            before, token, after = paragraph_words[position - 1 : position + 2]
            noun = _BODY_NOUNS.get(token.lower)
            if noun is None or not token.text[:1].isupper() or not token.joined or not after.joined:
                continue
            if paragraph.text[token.end : after.start] != " " or after.lower in _AFTER_A_PLURAL:
                continue
            if after.lower.endswith("ed") or not after.text.isalpha():
                continue
            if language.pair("to", after.lower) > language.pair("the", after.lower):
                continue  # a verb after a plural subject: "the Councils publish their spending"
            if before.lower == "the":
                if ("", noun) not in singular:
                    continue
            elif not (before.text[:1].isupper() and (before.lower, noun) in singular):
                continue
            elif position >= 2 and paragraph_words[position - 2].lower in ("and", "or"):
                continue  # "Bedfordshire and Hertfordshire Constabularies": a list of bodies
            possessive = _cased(noun, token.text) + "'s"
            yield REAL_WORD_SLIP.finding(
                f'"{token.text} {after.text}": the possessive needs its apostrophe ("{possessive}")',
                paragraph,
                token.start,
                token.end,
                replacement=possessive,
                applicability=Applicability.UNSAFE,
            )


def _possessives(plural: str) -> str:
    """The two possessives a plural may stand for: "authorities" -> "authority's or authorities'",
    "witnesses" -> "witness's or witnesses'"."""
    singular = plural[:-3] + "y" if plural.endswith("ies") else plural[:-2] if plural.endswith("sses") else plural[:-1]
    return f"{singular}'s or {plural}'"


def _with_article(words: str) -> str:
    return f"{'an' if words[:1].lower() in _VOWELS else 'a'} {words}"


def _phrase_slips(paragraph: Paragraph) -> Iterator[Finding]:
    lower = paragraph.text.lower()
    for slip in _PHRASE_SLIPS:
        if slip.cues and not any(cue in lower for cue in slip.cues):
            continue
        for match in slip.pattern.finditer(paragraph.text):
            if not slip.keep(paragraph.text, match):
                continue
            yield slip.rule.finding(
                slip.message(match),
                paragraph,
                match.start(slip.span),
                match.end(slip.span),
                replacement=slip.replacement(match),
                applicability=slip.applicability,
            )


def _he_for_the(paragraph: Paragraph, run: list[Token], covered: set[int]) -> Iterator[Finding]:
    """ "he" where "the" lost its "t" ("at a later date he duty", "c) he review"): a word English
    puts after "the" and never after "he" or "she", and no word before "he" that would put a bare
    verb after it ("did he review")."""
    for position in range(len(run) - 1):
        he, word = run[position], run[position + 1]
        if he.lower != "he" or position in covered or word.text != word.lower or not word.text.isalpha():
            continue
        if position and run[position - 1].lower in _BEFORE_A_BARE_VERB:
            continue
        if language.pair("he", word.lower) or language.pair("she", word.lower):
            continue
        if language.pair("the", word.lower) < THE_USES:
            continue
        yield REAL_WORD_SLIP.finding(
            f'"{he.text} {word.text}": did you mean "the {word.text}"?',
            paragraph,
            he.start,
            he.end,
            replacement="the" if he.text == "he" else "The",
        )


def _perfect(paragraph: Paragraph, run: list[Token], covered: set[int]) -> Iterator[Finding]:
    """A form of "have" before a verb that is not its past participle ("has not be costed", "have
    provide"): where English puts the verb's -en/-ed form after that "have" PERFECT_PREFERENCE
    times as often as the word written, and often in its own right."""
    for position, token in enumerate(run[:-1]):
        if token.lower not in _HAVE and token.lower != "be":  # "has not be costed", "must be provide"
            continue
        verb = position + 1
        if run[verb].lower in _BETWEEN_HAVE_AND_VERB and verb + 1 < len(run):
            verb += 1  # "has not be", "have already provide"
        written = run[verb]
        if verb in covered or written.text.isupper():
            continue
        participle = _participle(token.lower, written.lower)
        if participle is None:
            continue
        phrase = paragraph.text[token.start : written.end]
        yield WORD_PAIR.finding(
            f'"{phrase}": after "{token.text}" a verb takes its past participle: "{participle}"',
            paragraph,
            token.start,
            written.end,
            replacement=paragraph.text[token.start : written.start] + participle,
        )


def _participle(have: str, word: str) -> str | None:
    """The -en/-ed form English far prefers after ``have`` to ``word`` ("been" for "be"), or None."""
    if len(word) < 2 or not word.isalpha():
        return None
    as_noun = language.pair("the", word) + language.pair("a", word)
    if as_noun >= NOUN_SHARE * language.pair("to", word):
        return None  # a noun too: "has work to do", "have cause to believe", "has release dates"
    forms = {word + "n", word + "en", word + "ed", word + "d"}
    if word.endswith("y"):
        forms.add(word[:-1] + "ied")
    forms.discard(word)
    written = language.pair(have, word)
    best, best_count = None, 0
    for form in sorted(forms):
        count = language.pair(have, form)
        if count > best_count:
            best, best_count = form, count
    if best is None or best_count < COMMON or best_count < PERFECT_PREFERENCE * written:
        return None
    return best


def _partitive(run: list[Token], position: int) -> bool:
    """Whether run[position - 1] is a quantifier standing for "of" before the determiner at
    ``position``: not "at most the" or "the most the", not "none the less" or "any the wiser",
    and not a determiner starting a name ("any The Times")."""
    first, second = run[position - 1], run[position]
    if second.text != second.lower:
        return False
    if first.lower == "most" and position >= 2 and run[position - 2].lower in ("at", "the"):
        return False
    after = run[position + 1].lower if position + 1 < len(run) else ""
    if first.lower in _SHARES:
        # "the majority the officers deployed": a share of a plural; not "the majority the year
        # before", "in bulk the previous year", "the remainder the force holds" (nor a plural that
        # is also a verb: "the majority the victims named were known" may be a clause)
        return _plural_noun(after) and after not in _TIME_PLURALS
    return after not in _COMPARATIVES


def _label_letter(text: str, token: Token) -> bool:
    """A capital "A" inside a sentence names something ("Appendix A", "Category A"): not an article."""
    before = text[: token.start].rstrip()
    return token.text == "A" and bool(before) and before[-1] not in ".!?:;\"'\u201c\u2018(\n"


def _participle_after_be(word: str) -> bool:
    """A past participle that English never puts after "maybe" ("maybe needed", "maybe held"):
    "may be" was meant. Regular ones (-ed) must be usual after "be", others after "been"."""
    if language.pair("maybe", word) != 0:
        return False
    if word.endswith("ed") and len(word) >= 4:  # (not "red", "led")
        return language.pair("be", word) >= COMMON
    return word.endswith(("en", "wn", "ld")) and language.pair("been", word) >= COMMON


def _article_for(article: str, word: Token) -> str | None:
    """The other indefinite article, where English puts it before ``word`` and not the draft's
    ("a estimate", "an unique", "an Neither"): by how often English writes each before the word
    ("a historic" and "an historic" are both usual: neither is flagged), or, for a common word the
    pair counts lack, by a first letter whose sound is certain. Initialisms ("an FOI", "a NATO")
    are read by letter or as a word, as a team chooses: never flagged."""
    if len(word.text) < 2 or not word.text.isalpha() or sum(char.isupper() for char in word.text) > 1:
        return None  # (an initialism, "an FOI", "an MoD", read by letter or as a word)
    if article == "an" and word.lower.startswith("h"):
        return None  # "an historic", "an hotel": older British usage, not a slip
    if word.lower in _CLOSED_CLASS or word.lower in _NOT_AFTER_AN_ARTICLE:
        return None  # "an therefore": the article is left over, not the wrong one (another check's)
    other = "an" if article == "a" else "a"
    used, usual = language.pair(article, word.lower), language.pair(other, word.lower)
    if usual >= COMMON and used * ARTICLE_PREFERENCE <= usual:
        return other
    if used or usual or language.count(word.lower) < COMMON:
        return None  # (a name or another language's word: its sound is not the spelling's to tell)
    if article == "an":
        return other if word.lower[0] not in "aeiouhxy" else None
    vowel_sound = word.lower[0] in "aio" or (word.lower[0] == "e" and not word.lower.startswith(("eu", "ewe")))
    return other if vowel_sound and not word.lower.startswith(("one", "once")) else None


def _owned_noun(word: str) -> bool:
    """A word English puts after the possessive "its" and hardly ever after "is" or "has" (what
    "it's" stands for): "its release", "its own", "its members", not "it's likely"."""
    owned = language.pair("its", word)
    return owned >= ITS_MIN_PAIRS and owned >= ITS_PREFERENCE * (language.pair("is", word) + language.pair("has", word))


def _plural_noun(word: str, determiner: str = "this") -> bool:
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
_CLOSED_CLASS = frozenset(
    "is are was were be been has have had will would may might can could should must shall do does did "
    "the a an of in on at to for from by with as and or but nor that which who whom whose where when "
    "it its we they he she you i this these those their our his her not".split()
)
# what may follow a plural body noun used as a plural: a small word, a preposition, a verb
_AFTER_A_PLURAL = _CLOSED_CLASS | frozenset(
    "across among within without into under over such also all both each involved concerned listed named "
    "use used hold holds work works agree agreed share shared themselves".split()
)


def _joins_two(run: list[Token], position: int) -> bool:
    """Whether "and", "or" or "nor" follows the word, or the run ends with it (a number or a bracket
    next: "both regulation 12(4)(e) and regulation 13"): "both X and Y" names two things, not one."""
    return position + 1 >= len(run) or run[position + 1].lower in ("and", "or", "nor")


def _ends_noun_phrase(run: list[Token], position: int) -> bool:
    """Whether the word at ``position`` ends its noun phrase: nothing after it in the run, or a small
    word ("these exemption is", "in these circumstance the"), not a noun it describes ("these camera
    sites")."""
    return position + 1 >= len(run) or run[position + 1].lower in _CLOSED_CLASS


def _plural_of(word: str, determiner: str) -> str | None:
    """The plural English puts after ``determiner`` ("these", "those") where it never puts the word
    itself, a singular noun ("these circumstance" -> "circumstances"); None for a word it does put
    there (a plural without -s, "these data", "those involved")."""
    if len(word) < 3 or word.endswith("s") or language.pair(determiner, word):
        return None
    plural = word + "es" if word.endswith(("ch", "sh", "x", "z")) else word + "s"
    if language.pair(determiner, plural) >= COMMON:
        return plural
    # the pair counts keep only common pairs ("these exemptions" is not among them): a noun more
    # than a verb, whose plural English writes often against the singular, is counted ("these
    # exemption"), where a mass noun is not ("these staff", "these police", "these data")
    nouns = language.pair("the", word)
    counted = language.count(plural) >= COUNTED_PLURALS * language.count(word)
    return plural if nouns and nouns >= language.pair("to", word) and counted else None


def _ing(verb: str) -> str:
    return (verb[:-1] if verb.endswith("e") and not verb.endswith("ee") else verb) + "ing"


def _bare_verb(word: str) -> bool:
    """A word English uses after "to" but never after "the" nor "are": a verb with no noun or
    adjective use ("by exempt bodies", "are exempt": an adjective)."""
    return (
        len(word) > 3
        and language.count(_ing(word)) > 0
        and language.pair("to", word) > 0
        and language.pair("the", word) == 0
        and language.pair("are", word) == 0
    )


def _rare_words(
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
        if _context(run, position, word):
            continue  # it is usual here
        best = _commoner(word, frequency, run, position, context)
        if best is None:
            continue
        finding = REAL_WORD_SLIP.finding(
            f'"{token.text}" is a rare word where "{best}" fits: is it a slip?',
            paragraph,
            token.start,
            token.end,
            replacement=_cased(best, token.text),
        )
        if not _fits_every_neighbour(run, position, best):
            # one neighbour's word only ("steal data or extort money": "or export"): a question
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
        if candidate[1:] == word and not _fits_both_sides(run, position, candidate):
            continue  # a first letter lost ("a articular case") only where the whole word fits both neighbours
        fit = _context(run, position, candidate)
        if fit > best_fit:
            best, best_fit = candidate, fit
    return best


@functools.lru_cache(maxsize=4096)
def _look_alikes(word: str, frequency: int) -> tuple[str, ...]:
    """Words one keystroke from this one, with its first letter and its ending, and far more common."""
    candidates = sorted(
        c
        for c in _edits(word)
        if (c[:1] == word[:1] or c[1:] == word) and _same_ending(c, word) and not _inflected(c, word)
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
        and candidate[-2] in _VOWELS
        and word[-2] in _VOWELS
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
