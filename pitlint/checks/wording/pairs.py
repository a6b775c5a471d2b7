"""Two words English never puts side by side ("would could", "by withhold", "a estimate"), a
verb form wrong after "have" or "be", a word missing between a noun and the phrase it governs."""

from __future__ import annotations

from collections.abc import Iterator

from pitlint import language, regexes
from pitlint.checks.wording.rules import REAL_WORD_SLIP, WORD_PAIR
from pitlint.checks.wording.words import (
    ANY_BE,
    ARTICLES,
    BE_FORMS,
    CLOSED_CLASS,
    COMMON,
    DETERMINERS,
    FUTURE,
    HAVE,
    ING_PREPOSITIONS,
    MODALS,
    PAST_NOT_PARTICIPLE,
    Token,
    a_noun,
    a_verb,
    bare_verb,
    cased,
    describing_word,
    ing_form,
    measure_without_of,
    owned_noun,
    past_participle,
    plural_noun,
    those_as_a_pronoun,
    verb_lean,
)
from pitlint.document import Paragraph
from pitlint.findings import Finding, Severity

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


# quantifiers that take "of" before a determined noun phrase: "some of the information", never
# "some the information" ("each" is left out: "they were each the subject of")
_PARTITIVES = frozenset("some any most many several none majority minority remainder bulk".split())
# nouns of a share, which English also puts before a time or a clause ("made up the majority the year
# before", "the remainder the force holds"): "of" is missing only before a determined plural
_SHARES = frozenset("majority minority remainder bulk".split())
_TIME_PLURALS = frozenset("years months weeks days hours nights mornings evenings weekends".split())
_OF_DETERMINERS = frozenset("the this these those its their our his my your".split())


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
    if before in ARTICLES or before == "no":
        return True
    describes = describing_word(before) or (before.endswith("ing") and len(before) > 5)  # ("a chilling affect on")
    return position >= 2 and run[position - 2].lower in ARTICLES and describes and before not in ARTICLES


_COMPARATIVES = frozenset("less more wiser worse better".split())  # "none the less", "any the wiser"


# prepositions whose "you" is their object, so that the next word cannot be its verb ("to you
# request"); not "of" ("many of you request")
_OBJECT_PREPOSITIONS = frozenset("to for with regarding about concerning".split())
COUNTED_PLURALS = 0.2  # a noun whose plural English writes this often against its singular is counted
_AUXILIARIES = frozenset("is was has will".split())  # a verb after "you W" makes W the subject's noun
YOUR_PREFERENCE = 1.5  # "your W" this much more usual than "you W"
ADJECTIVE_SHARE = 4  # and "is W" and "are W" together less usual than a quarter of it
_SINGULAR_DETERMINERS = frozenset("a an another every".split())  # never before a plural ("an exemptions")
# adjectives that follow "be" and take "to": after a modal, "be" is missing ("would likely to be")
# prepositions after which a verb takes -ing ("by withhold we", "the public interest in maintain the exemption")
_ING_AFTER = frozenset("by in".split())
# verbs whose verb after them takes "to": "wish to disrupt", "seek to identify"
_TAKES_TO = frozenset(
    "wish wishes wished want wants wanted intend intends seek seeks sought attempt attempts "
    # ... and adjectives after "be" ("is required consider", "is unable provide")
    "required obliged expected able unable entitled".split()
)
_TAKES_BE = frozenset("likely unlikely able unable liable willing unwilling obliged entitled".split())
_BETWEEN_HAVE_AND_VERB = frozenset("not never also already always just now since previously recently yet".split())


_NOT_AFTER_AN_ARTICLE = frozenset("therefore however thus hence also then than so yet not only".split())
ARTICLE_PREFERENCE = 20  # "an W" this much more usual than "a W" (or the reverse): the other is a slip


NOUN_SHARE = 0.05  # a word after "the" or "a" this often, against after "to", is a noun as well as a verb
PERFECT_PREFERENCE = 100  # "has been" this much more usual than "has be": the -en form was meant


def impossible_pairs(paragraph: Paragraph, run: list[Token], covered: set[int]) -> Iterator[Finding]:
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
        if first.lower in MODALS and second.lower in MODALS:
            message = f'Two modal verbs together: "{first.text} {second.text}"'
            suggestion = None
        elif (
            first.lower in ARTICLES
            and second.lower in DETERMINERS
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
            first.lower in ARTICLES
            and second.lower in _VERB_ONLY_MODALS
            and not _label_letter(paragraph.text, first)
            and not paragraph.text.startswith("-", second.end)  # "the would-be thief"
        ):
            message = f'"{first.text}" before "{second.text}": a word is missing between them, or one is left over'
            suggestion = None
        elif (
            first.lower in _PARTITIVES and second.lower in _OF_DETERMINERS and _partitive(run, position)
        ) or measure_without_of(run, position):
            message = f'"{first.text} {second.text}": "of" is missing ("{first.text} of {second.text}")'
            suggestion = f"{first.text} of {second.text}"
        elif second.lower == "affect" and _noun_slot(run, position):
            message = f'"{first.text} {second.text}": "affect" is the verb; the noun is "effect"'
            suggestion = f"{first.text} {cased('effect', second.text)}"
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
            and not (first.lower == "those" and those_as_a_pronoun(run, position))
            and _ends_noun_phrase(run, position)
            and not (first.lower == "both" and _joins_two(run, position))  # "both officer and staff views"
            and not (first.lower == "both" and _floats(paragraph.text, run, position - 1))  # "the Acts both place"
            and (plural := _plural_of(second.lower, first.lower))
        ):
            message = f'"{first.text} {second.text}": "{first.text}" with a singular'
            suggestion = f"{first.text} {cased(plural, second.text)}"
        elif first.lower == "this" and plural_noun(second.lower):
            message = f'"{first.text} {second.text}": "this" with a plural'
            suggestion = f"{'These' if first.text[0].isupper() else 'these'} {second.text}"
        elif (
            first.lower in _SINGULAR_DETERMINERS
            and not _label_letter(paragraph.text, first)
            and plural_noun(second.lower, first.lower)
        ):
            message = f'"{first.text} {second.text}": "{first.text}" with a plural'
            suggestion = None  # the article left over, or the plural's "s": which one is for the author to say
        elif (
            first.lower in _TAKES_BE
            and position >= 2
            and run[position - 2].lower in ANY_BE | {"not"}
            and second.text == second.lower
            and (second.lower in ("have", "be", "do") or bare_verb(second.lower))
        ):  # "we are not able provide it", "the public are able have confidence"
            message = f'"{first.text} {second.text}": "to" is missing ("{first.text} to {second.text}")'
            suggestion = f"{first.text} to {second.text}"
        elif (
            first.lower == "due"
            and second.lower in _OF_DETERMINERS
            and (position < 2 or run[position - 2].lower not in ANY_BE)
        ):  # (not "who are due a refund", "the sum is due the council")
            message = f'"{first.text} {second.text}": "to" is missing ("{first.text} to {second.text}")'
            suggestion = f"{first.text} to {second.text}"
        elif (
            first.lower in MODALS | FUTURE
            and second.lower in _TAKES_BE
            and position + 1 < len(run)
            and run[position + 1].lower == "to"
        ):
            message = f'"{first.text} {second.text} to": "be" is missing ("{first.text} be {second.text} to")'
            suggestion = f"{first.text} be {second.text}"
        elif (
            first.lower in _PLURAL_OR_PAST_BE
            and second.lower in MODALS | FUTURE
            and second.text == second.lower  # not "the deadline was May 2019"
            and not any(token.lower in _CLAUSE_OPENERS for token in run[: position - 1])
        ):  # "we are will not release" (not "what the costs are will depend on")
            message = f'"{first.text} {second.text}": a form of "be" before a modal verb, one of them is left over'
            suggestion = None  # "we will not" or "we are not": which one is for the author to say
        elif (
            first.lower in _ING_AFTER
            and second.text[:1].islower()
            and bare_verb(second.lower)
            # (after "in", only with its object: "in maintain the exemption"; not "in accord with")
            and (first.lower == "by" or (position + 1 < len(run) and run[position + 1].lower in DETERMINERS))
        ):
            # (a capital is a name's: "supplied by Reveal Media Ltd")
            message = f'"{first.text} {second.text}": after "{first.lower}" a verb takes -ing'
            suggestion = f"{first.text} {ing_form(second.lower)}"
        elif first.lower in _TAKES_TO and second.text == second.lower and bare_verb(second.lower):
            # "those who wish disrupt sites" (not "help", which takes a bare verb: "help identify")
            message = f'"{first.text} {second.text}": "to" is missing ("{first.text} to {second.text}")'
            suggestion = f"{first.text} to {second.text}"
        elif first.lower in BE_FORMS and second.lower == "been":
            message = f'"{first.text} {second.text}": "been" follows a form of "have", not of "be"'
            suggestion = None  # "has been" or "was": which one is for the author to say
        elif first.lower in MODALS | FUTURE and second.lower == "been":
            message = f'"{first.text} {second.text}": a word is missing ("{first.text} have been")'
            suggestion = f"{first.text} have been"
        elif first.lower == "maybe" and _participle_after_be(second.lower):
            message = f'"{first.text} {second.text}": "maybe" is "perhaps"; the verb is "may be"'
            suggestion = f"{'May' if first.text[0] == 'M' else 'may'} be {second.text}"
        elif first.lower == "it's" and owned_noun(second.lower):
            message = f'"{first.text} {second.text}": "it\'s" is "it is"; the possessive is "its"'
            suggestion = f"{'Its' if first.text[0] == 'I' else 'its'} {second.text}"
        if message:
            finding = rule.finding(message, paragraph, first.start, second.end, replacement=suggestion)
            finding.severity = severity or finding.severity
            yield finding


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
_GOVERNING_PREPOSITIONS = frozenset("in into on onto at from to of for with by within under over through".split())
# a run opened by one of these may be an opening phrase left without its comma ("When calling the
# function the arguments are passed", "In a script the key name can", "Regarding security the force
# has"): its last noun meets the subject
_PHRASE_OPENERS = (
    frozenset(
        "in on at from by for with within without under after before during since until when whenever while "
        "whilst where if unless once although though as because upon given despite".split()
    )
    | ING_PREPOSITIONS
)
_PREPOSITIONS = frozenset("against about across among around behind beyond despite towards via".split())
_TIME_NOUNS = frozenset("year years month months week weeks day days time night summer winter weekend period".split())
# verbs taking two objects or an object and its complement ("give the force the ability", "make a
# button the default"): the first object's noun meets the second's determiner
_TWO_OBJECT_VERBS = frozenset(
    "give gives gave given giving make makes made making call calls called calling consider considers "
    "considered considering deem deems deemed name names named appoint appointed elect elected render "
    "renders rendered grant grants granted show shows showed shown showing tell tells told telling "
    "send sends sent sending offer offers offered offering hand hands handed pass passes passed "
    "leave leaves left keep keeps kept allow allows allowed deny denies denied cost costs".split()
)


def preposition_left_out(paragraph: Paragraph, run: list[Token], covered: set[int]) -> Iterator[Finding]:
    """A noun that governs a phrase ("security of", "confidence in") straight before a determiner
    English hardly puts after it: "the security the force's network is", "undermine confidence the
    vetting process and". A clause left without its relative pronoun reads the same ("the
    confidence the public has in us", "the information the force gave to"): its subject is followed
    by its verb, so the phrase after the determiner must end the run, meet a preposition or
    conjunction, or, after a possessive, meet "is" or "are". The noun follows a determiner or a
    verb ("for reasons of security the force will" starts a clause)."""
    for position in range(1, len(run) - 2):
        token, owner = run[position], run[position + 1]
        # (the noun may end a term written right, "public confidence": only its determiner must be free)
        if token.text != token.lower or owner.lower not in _OWNER_DETERMINERS or position + 1 in covered:
            continue
        if _object_slot(run, position - 1):
            opens = position - 1
        elif (
            position >= 2
            and run[position - 1].lower not in CLOSED_CLASS | _PREPOSITIONS
            and _object_slot(run, position - 2)
        ):
            opens = position - 2  # (one word describing the noun between: "maintaining public confidence the")
        else:
            continue
        if opens >= 1 and run[opens].lower in DETERMINERS and run[opens - 1].lower in _GOVERNING_PREPOSITIONS:
            continue  # a preposition's object, the verb's moved after it: "placing in the public domain the detail"
        noun = token.lower
        if noun in _PARTITIVES or noun.endswith("s") or not a_noun(noun):
            continue  # (a plural is a verb's first object: "pass on to the recipients the same freedoms")
        if run[0].lower in _PHRASE_OPENERS or any(t.lower in _TWO_OBJECT_VERBS for t in run[:position]):
            continue
        if run[position + 2].lower in _TIME_NOUNS or (
            run[position + 2].lower in ("whole", "same", "next", "last", "following")
            and position + 3 < len(run)
            and run[position + 3].lower in _TIME_NOUNS
        ):
            continue  # a time for an adverb: "providing protection the whole year"
        preposition, governs = max(((p, language.pair(noun, p)) for p in _GOVERNING), key=lambda found: found[1])
        if (
            governs < GOVERNS_EVIDENCE
            or governs < GOVERNS_SHARE * language.count(noun)
            or governs < GOVERNS_PREFERENCE * language.pair(noun, owner.lower)
            or not _phrase_ends_as_an_object(run, position + 2, paragraph.text, _before_its_verb(run, opens))
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


ADJECTIVE_NOT_VERB = 10  # an -ed word English writes after "been" under a tenth of its uses describes: "armoured"
OF_BEFORE_AN_ACRONYM = 5  # "noun of" this usual against the noun's own uses: "the use ANPR" lacks its "of"
_ACRONYM_OWNERS = frozenset("the its our their your".split())  # (not "this", "that": "This means US English")
_AFTER_AN_ACRONYM = regexes.compile(r"(?:\s+[a-z]|[.,;:)]|$)")  # its phrase goes on in words: not "CTRL-X", "ESC ["


def of_before_an_acronym(paragraph: Paragraph, run: list[Token], covered: set[int]) -> Iterator[Finding]:
    """A noun that English nearly always follows with "of" ("the use", "the number", "the cost"),
    straight before an acronym: "the use ANPR to track" lost its "of" (the pair counts hold no
    acronyms, so the noun's own habit decides)."""
    for position in range(1, len(run) - 1):
        noun, acronym = run[position], run[position + 1]
        if run[position - 1].lower not in _ACRONYM_OWNERS or noun.text != noun.lower or position in covered:
            continue
        if not (acronym.text.isupper() and acronym.text.isalpha() and 2 <= len(acronym.text) <= 6):
            continue
        if paragraph.text[noun.end : acronym.start] != " " or not _AFTER_AN_ACRONYM.match(paragraph.text, acronym.end):
            continue
        uses = language.count(noun.lower)
        if not uses or language.pair(noun.lower, "of") < OF_BEFORE_AN_ACRONYM * uses:
            continue
        if _a_clause_follows(run, position + 2):
            continue  # "The use CCTV operators make of it", "The cost ANPR imposes": a clause without "that"
        yield WORD_PAIR.finding(
            f'"{paragraph.text[noun.start : acronym.end]}": a word is missing; English writes '
            f'"{noun.text} of {acronym.text}"',
            paragraph,
            noun.start,
            acronym.end,
            replacement=f"{noun.text} of {acronym.text}",
        )
        covered.add(position)


def of_before_a_described_plural(paragraph: Paragraph, run: list[Token], covered: set[int]) -> Iterator[Finding]:
    """A noun English follows with "of", before an -ed adjective and a plural ("the use armoured
    vehicles on public roads", "the deployment unmarked cars"): the adjective cannot follow the noun
    straight, so its "of" was lost; a clause after the plural ("the use armed officers make of it")
    and a verb's participle ("the cost incurred") are left alone."""
    for position in range(1, len(run) - 2):
        if run[position - 1].lower not in _ACRONYM_OWNERS or not run[position + 1].lower.endswith("ed"):
            continue
        noun, describing, plural = run[position], run[position + 1], run[position + 2]
        if position in covered:
            continue
        if not all(token.text == token.lower for token in (noun, describing, plural)):
            continue
        if not (len(describing.lower) > 4 and plural.lower.endswith("s")):
            continue
        uses = language.count(noun.lower)
        if not uses or language.pair(noun.lower, "of") < OF_BEFORE_AN_ACRONYM * uses:
            continue
        if language.pair(noun.lower, describing.lower) or not a_noun(plural.lower[:-1]):
            continue  # "the use made of": the participle is the noun's own
        if language.pair("been", describing.lower) * ADJECTIVE_NOT_VERB > language.count(describing.lower):
            continue  # a verb's participle, perhaps the noun's own ("the cost incurred"), not an adjective ("armoured")
        after = run[position + 3].lower if position + 3 < len(run) else ""
        if language.plain_form(after) is None and _a_clause_follows(run, position + 3):
            continue  # (a verb's -s form after the plural is not its verb: "the use unmarked vehicles depends")
        yield WORD_PAIR.finding(
            f'"{paragraph.text[noun.start : plural.end]}": a word is missing; English writes '
            f'"{noun.text} of {describing.text} {plural.text}"',
            paragraph,
            noun.start,
            describing.end,
            replacement=f"{noun.text} of {describing.text}",
        )
        covered.add(position)


def _a_clause_follows(run: list[Token], position: int) -> bool:
    """Whether a verb other than "be" comes at ``position`` or after one noun there: the acronym
    opened a clause's subject ("ANPR imposes", "CCTV operators make"), not a phrase of the noun's."""
    for at in (position, position + 1):
        if at >= len(run):
            return False
        word = run[at].lower
        if word in ANY_BE or word in MODALS or word in FUTURE or word in ("to", "and", "or"):
            return False
        if word in _ADVERBS or word.endswith("ly"):
            continue  # "the deployment ANPR cameras altogether": an adverb after the phrase, no verb
        if word not in CLOSED_CLASS and _finite_verb(word, run[at - 1].lower) and not plural_noun(word):
            return True
    return False


# adverbs the pair counts put after "they" and "we" as often as verbs ("they altogether", "we again")
_ADVERBS = frozenset("altogether also always often never already still only just then now even again together".split())


def _object_slot(run: list[Token], position: int) -> bool:
    """Whether the word at ``position`` puts a noun phrase after it: a determiner, or a verb."""
    before = run[position].lower
    return before in DETERMINERS or bare_verb(before) or before.endswith("ing")


def _phrase_ends_as_an_object(
    run: list[Token], start: int, text: str = "", subject: bool = False, participles: bool = False
) -> bool:
    """Whether the noun phrase from ``start`` (after its determiner) ends as a preposition's object
    does, not as a relative clause's subject, which its verb follows ("the public have", "the people
    in Derby have in their officers", "the force or its contractors hold"). After a preposition or
    a conjunction the phrase may still be that subject: it ended as an object where no verb follows
    in the run, where a second predicate follows "and" ("and weaken it"), or, for a phrase before
    its sentence's verb (``subject``), where one verb follows (its own: "The majority the contracts
    in question are old"). ``text``, the paragraph's, tells whether a comma ends the run."""
    possessive = False
    for position in range(start, min(len(run), start + OWNED_REACH)):
        word = run[position].lower
        if position > start and possessive and word in ("is", "are"):
            return True
        if position > start and word in _AFTER_A_GOVERNED_PHRASE:
            following = run[position + 1].lower if position + 1 < len(run) else ""
            if word in ("and", "or") and following and following not in CLOSED_CLASS and _finite_verb(following, word):
                return True
            verbs = _verb_groups(run, position + 1)
            return verbs == 0 or (verbs == 1 and subject)
        if (
            participles  # (after a share: "the majority the officers deployed were"; elsewhere it may be a
            # relative clause's past tense, "the decision the tribunal reached is")
            and position > start
            and past_participle(word)
            and position + 1 < len(run)
            and run[position + 1].lower in _AUXILIARY
        ):
            return True  # a participle describing the noun, the sentence's verb after it: "the officers deployed were"
        if word in CLOSED_CLASS or (position > start and _finite_verb(word, run[position - 1].lower)):
            return False
        possessive = possessive or word.endswith("'s")
    # the run ends the phrase: a possessive's noun, or one a comma ends before the sentence goes on
    # ("maintaining public confidence the police service, particularly"); never a complement a stop
    # ends ("make this line the default."), nor a subject an aside interrupts ("the team, working")
    ended = start + OWNED_REACH > len(run) > start
    stops = text[run[-1].end : run[-1].end + 1] in ("", ".", ";", ":")
    return ended and ((possessive and stops) or bool(_GOES_ON_AFTER_A_COMMA.match(text, run[-1].end)))


# after a comma, what goes on from a finished noun phrase: an adverb, a conjunction, a relative pronoun
_GOES_ON_AFTER_A_COMMA = regexes.compile(
    r",\s+(?:[a-z]+ly|and|or|but|which|who|as|including|while|whilst|because|since|although)\b"
)
_CLAUSE_OPENS = frozenset("who whom whose which that where when because although if unless while whilst".split())
_AUXILIARY = ANY_BE | HAVE | MODALS | FUTURE | {"do", "does", "did"}  # the words a verb phrase opens with


def _verb_groups(run: list[Token], start: int) -> int:
    """How many verb phrases the run holds from ``start`` ("have ... is": two; "would be reduced": one)."""
    groups, inside, auxiliary = 0, False, False
    for position in range(start, len(run)):
        word = run[position].lower
        if word in _CLAUSE_OPENS:
            break  # another clause's verbs from here: "to those who wish to misuse drones"
        before = run[position - 1].lower if position else ""
        verb = word in _AUXILIARY or (
            word not in CLOSED_CLASS and before not in DETERMINERS and _finite_verb(word, before)
        )
        # (an auxiliary after a verb of meaning starts the next clause's verb: "the staff need | is provided")
        if verb and (not inside or (word in _AUXILIARY and not auxiliary)):
            groups += 1
        inside = verb or (inside and word in ("not", "also", "therefore"))
        auxiliary = verb and word in _AUXILIARY
    return groups


def _before_its_verb(run: list[Token], position: int) -> bool:
    """Whether no verb comes before ``position`` in the run: a noun phrase there is its clause's
    subject, whose verb is still to come."""
    return _verb_groups(run[:position], 0) == 0


def _finite_verb(word: str, before: str) -> bool:
    """Whether ``word``, after ``before``, is a verb: one a verb phrase ends on (``a_verb``); one
    English puts after "we", "they", "he" or "it" more than after "the" (a past tense: "gave"); one
    it puts after "to" more than after "the", or whose -s form that is ("paint", "affords"); or the
    -s form of any verb after a singular noun ("the cursor lands on")."""
    if a_verb(word):
        return True
    if sum(language.pair(pronoun, word) for pronoun in _SUBJECT_PRONOUNS) > language.pair("the", word):
        return True
    plain = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    if plain != word and not before.endswith("s") and language.pair("to", plain):
        return True
    if word.endswith("ed") and len(word) > 4:  # a past tense the pair counts lack: "relied" (to rely)
        stems = (word[:-1], word[:-2], word[:-3] + "y")
        if any(verb_lean(stem) > 0 for stem in stems):
            return True
    return verb_lean(plain) > 0


def you_for_your(paragraph: Paragraph, run: list[Token], covered: set[int]) -> Iterator[Finding]:
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


_COMPARATIVES_WITH_THAN = frozenset(
    "longer greater higher lower fewer larger smaller wider older newer bigger".split()  # ("later that": a clause)
)
_AFTER_THAN = frozenset("the a an this that these those any its their our his her".split())


def that_for_than(paragraph: Paragraph, run: list[Token], covered: set[int]) -> Iterator[Finding]:
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


def he_for_the(paragraph: Paragraph, run: list[Token], covered: set[int]) -> Iterator[Finding]:
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


def perfect(paragraph: Paragraph, run: list[Token], covered: set[int]) -> Iterator[Finding]:
    """A form of "have" or "be" before a verb that is not its past participle ("has not be costed",
    "have provide", "has took", "was lead by"): where English puts the verb's -en/-ed form (or an
    irregular verb's participle) after that word PERFECT_PREFERENCE times as often as the word
    written, and often in its own right. After "is", "was" and the like only an irregular simple
    past ("was took") or a word the next one settles as a verb ("was lead by") counts: "what we do
    is provide a service" is English."""
    for position, token in enumerate(run[:-1]):
        if token.lower not in HAVE and token.lower not in ANY_BE:  # "has not be costed", "must be provide"
            continue
        verb = position + 1
        if run[verb].lower in _BETWEEN_HAVE_AND_VERB and verb + 1 < len(run):
            verb += 1  # "has not be", "have already provide"
        written = run[verb]
        if verb in covered or written.text.isupper():
            continue
        after = [t.lower for t in run[verb + 1 : verb + 3]]
        participle = _participle(token.lower, written.lower, after)
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


_DO_FORMS = frozenset("do does did".split())
_DO_NEGATIONS = frozenset("not never".split())


def verb_after_do(paragraph: Paragraph, run: list[Token], covered: set[int]) -> Iterator[Finding]:
    """A verb in its -s or -ed form after "does not", "did not" ("does not arises", "did not
    provided"): "do" carries the tense and number, and its verb is plain. The negation is required,
    so that "Did records show" (a question's subject) is left alone."""
    for position in range(len(run) - 2):
        do, negation, word = run[position], run[position + 1], run[position + 2]
        if do.lower not in _DO_FORMS or negation.lower not in _DO_NEGATIONS or position + 2 in covered:
            continue
        if word.text != word.lower:
            continue
        if position and (run[position - 1].lower == "or" or any(t.lower in _CLAUSE_OPENERS for t in run[:position])):
            continue  # "Whether the force holds it or does not matters little": the clause's end, its verb after
        plain = "have" if word.lower == "has" else _plain_of_s_form(word.lower) or _plain_of_past(word.lower)
        if plain is None:
            continue
        yield WORD_PAIR.finding(
            f'"{paragraph.text[do.start : word.end]}": after "{do.text} {negation.text}" a verb is plain: "{plain}"',
            paragraph,
            word.start,
            word.end,
            replacement=plain,
        )
        covered.add(position + 2)


NOT_PREFERENCE = 10  # "not W" this much more usual than "not W-s": W is the verb "does not" wants


def _plain_of_s_form(word: str) -> str | None:
    """The plain verb of an -s form ("arises": "arise", "records": "record"), where English puts
    that verb after "to" and after "not" far more than the -s form."""
    for plain in language.plain_candidates(word):
        if language.spelt_third_person(plain) != word or language.pair("to", plain) < COMMON:
            continue
        if language.pair("not", plain) >= NOT_PREFERENCE * max(language.pair("not", word), 1):
            return plain
    return None


def _plain_of_past(word: str) -> str | None:
    """The plain verb of a regular past in -ed ("provided": "provide", "stopped": "stop",
    "applied": "apply") that English writes after "they" and "to"; None for any other word (and
    for "used": "did not used to" is informal English)."""
    if not word.endswith("ed") or len(word) < 5 or word == "used":
        return None
    candidates = [word[:-1], word[:-2]]
    if word.endswith("ied"):
        candidates.insert(0, word[:-3] + "y")
    if len(word) > 5 and word[-3] == word[-4]:
        candidates.append(word[:-3])  # "stopped"
    for plain in candidates:
        verb = language.third_person(plain) or language.pair("they", plain) >= language.VERB_EVIDENCE
        if verb and language.pair("to", plain) >= COMMON:  # ("they attend": the pairs hold no "it attends")
            return plain
    return None


# words after a verb that also reads as a noun which make it the verb: "has lead to", "was lead by",
# "has lead the review" (a noun after "has" takes no object: "has lead responsibility")
_SETTLES_A_VERB = frozenset("to by the a an this these those its their our his her".split())
SETTLED_PREFERENCE = 4  # the participle this much more usual after the word than the word written


def _settled_as_a_verb(after: list[str]) -> bool:
    """Whether the words after a noun-or-verb make it the verb: "by", or an object, or "to" before
    a noun ("has lead to delays"), not before a verb ("have cause to believe", "has work to do")."""
    if not after or after[0] not in _SETTLES_A_VERB:
        return False
    if after[0] != "to":
        return True
    then = after[1] if len(after) > 1 else ""
    return then in DETERMINERS or verb_lean(then) < 0


def _participle(before: str, word: str, after: list[str]) -> str | None:
    """The -en/-ed form English far prefers after ``before`` ("has", "be", "was") to ``word``
    ("been" for "be", "taken" for "took"), or None; ``after``: the two words after ``word``."""
    if len(word) < 2 or not word.isalpha():
        return None
    irregular = PAST_NOT_PARTICIPLE.get(word)
    if (
        irregular is not None
        and after
        and after[0].endswith("s")
        and not after[0].endswith("ss")
        and after[0] not in CLOSED_CLASS
        and not language.pair(irregular, after[0])
    ):
        return None  # a noun before its compound's plural head: "has fell walkers", "had saw marks"
    if irregular is not None:
        written = language.pair(before, word)
        participle = language.pair(before, irregular)
        return irregular if participle >= COMMON and participle >= PERFECT_PREFERENCE * written else None
    have = before in HAVE or before == "be"
    as_noun = language.pair("the", word) + language.pair("a", word)
    # (after "is" or "was" only "by": "is lead to believe" is rarer than the noun, "what we do is
    # provide a service" a verb's bare form)
    settled = _settled_as_a_verb(after) if have else after[:1] == ["by"]
    if as_noun >= NOUN_SHARE * language.pair("to", word) and not settled:
        return None  # a noun too: "has work to do", "have cause to believe", "has release dates"
    if not have and not settled:
        return None  # "what we do is provide a service"
    forms = {word + "n", word + "en", word + "ed", word + "d"}
    if word.endswith("y"):
        forms.add(word[:-1] + "ied")
    if word.endswith("ead"):
        forms.add(word[:-3] + "ed")  # "lead": "led"
    forms.discard(word)
    written = language.pair(before, word)
    best, best_count = None, 0
    for form in sorted(forms):
        count = language.pair(before, form)
        if count > best_count:
            best, best_count = form, count
    preference = SETTLED_PREFERENCE if settled else PERFECT_PREFERENCE
    if best is None or best_count < COMMON or best_count < preference * written:
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
        # (a plural that is also a verb counts where its phrase ends as an object's does: "the
        # majority the contracts in question")
        plural = plural_noun(after) or after.endswith("s")
        subject = _before_its_verb(run, position - 1)
        ends = _phrase_ends_as_an_object(run, position + 1, "", subject, participles=True)
        if after in _TIME_PLURALS or after in _TIME_NOUNS:
            return False
        # (or a passive after the phrase, which a relative clause "the remainder the force holds"
        # cannot have: "The remainder the documents will be sent", "The bulk the evidence is held")
        return (plural and ends) or (subject and _passive_follows(run, position + 1))
    return after not in _COMPARATIVES


def _passive_follows(run: list[Token], start: int) -> bool:
    """Whether the noun phrase from ``start`` (one or two words) is followed by a passive verb
    phrase: auxiliaries ending on a form of "be", then a past participle ("will be sent", "is held")."""
    for position in range(start + 1, min(start + 3, len(run))):
        if run[position].lower in _AUXILIARY:
            break
        if run[position].lower in CLOSED_CLASS or _finite_verb(run[position].lower, run[position - 1].lower):
            return False  # a clause of its own: "the remainder the force holds is published"
    else:
        return False
    while position < len(run) and (run[position].lower in _AUXILIARY or run[position].lower == "not"):
        position += 1
    if position >= len(run) or run[position - 1].lower not in ANY_BE:
        return False
    return past_participle(run[position].lower)


def _floats(text: str, run: list[Token], position: int) -> bool:
    """Whether "both" at ``position`` follows its subject and comes before the subject's verb ("the
    RIPA 2000 and the DPA 2018 both place", "they both hold"): a name, a number, a pronoun or a
    plural before it, and a plain verb after it."""
    if position:
        before = run[position - 1]
        subject = before.text[:1].isupper() or before.lower in ("we", "they", "you") or plural_noun(before.lower)
    else:
        subject = text[: run[0].start].rstrip()[-1:].isdigit()  # "the Data Protection Act 2018 both place"
    return subject and language.pair("they", run[position + 1].lower) >= language.VERB_EVIDENCE


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
    if word.lower in CLOSED_CLASS or word.lower in _NOT_AFTER_AN_ARTICLE:
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


def _joins_two(run: list[Token], position: int) -> bool:
    """Whether "and", "or" or "nor" follows the word, or the run ends with it (a number or a bracket
    next: "both regulation 12(4)(e) and regulation 13"): "both X and Y" names two things, not one."""
    return position + 1 >= len(run) or run[position + 1].lower in ("and", "or", "nor")


def _ends_noun_phrase(run: list[Token], position: int) -> bool:
    """Whether the word at ``position`` ends its noun phrase: nothing after it in the run, or a small
    word ("these exemption is", "in these circumstance the"), not a noun it describes ("these camera
    sites")."""
    return position + 1 >= len(run) or run[position + 1].lower in CLOSED_CLASS


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
