"""A subject and its verb in different numbers ("The figures in the table shows", "exemptions
under sections ... applies")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pitlint import language, regexes
from pitlint.checks.wording.rules import WORD_PAIR
from pitlint.checks.wording.words import (
    BE_FORMS,
    CLOSED_CLASS,
    DETERMINERS,
    MODALS,
    NOT_MODIFIERS,
    PARTICIPLES,
    REPORTING,
    SINGULAR_TO_PLURAL,
    Token,
    a_noun,
    a_year_of_the_phrase,
    describing_word,
    measure_without_of,
    singular_noun,
    takes_plural_verb,
    verb_lean,
)
from pitlint.document import Paragraph, opens_sentence
from pitlint.findings import Finding

# a subject led by its determiner at a clause's start, and its verb: which number each is in
_SUBJECT_DETERMINERS = frozenset("the this these those our your their its such both several".split())
_SUBORDINATORS = frozenset("because since although though".split())  # whose clause ends at its verb


_PLURAL_TO_SINGULAR = {"are": "is", "have": "has"}  # (not "were": "if the information were released")
# nouns that have no plural in the sense a response uses them: "the information are" is a slip
_UNCOUNTABLE = frozenset(
    "information evidence footage guidance advice intelligence correspondence documentation legislation "
    "equipment software funding expenditure training feedback knowledge".split()
)


# nouns of a group, which British English lets take a verb in either number ("the team are", "the
# team is"), and Latin plurals ("the data show")
_COLLECTIVE = frozenset(
    "team force police public staff government committee council board panel unit service department group "
    "family crew audience constabulary data criteria media phenomena".split()  # (and Latin plurals: "the data lead")
)


_RELATIVE_SUBJECTS = frozenset("you we they i he she".split())


def _verb_for(paragraph: Paragraph, start: int, verb: Token, subject: str, meant: str) -> Finding:
    """A finding on a verb whose number is not its subject's: the subject and verb quoted from
    ``start``, the subject described (``subject``: '"figures", plural'), the verb meant."""
    return WORD_PAIR.finding(
        f'"{paragraph.text[start : verb.end]}": the subject is {subject}, so the verb is "{meant}"',
        paragraph,
        verb.start,
        verb.end,
        replacement=meant,
    )


def subject_and_verb(paragraph: Paragraph, run: list[Token], covered: set[int]) -> Iterator[Finding]:
    """A verb whose number is not its subject's, where the subject is plain to see: a determiner at
    a clause's start, at most two words before the noun, then the verb, or a short clause between
    ("The documents you have requested is exempt", "The pricing information you requested are").
    A noun is plural when English writes it far more before "are" than before "is"; collective
    nouns ("the force are") are left alone, as British English lets them take either."""
    for position, token in enumerate(run):
        plain = token.lower in _LINKING_VERBS  # "The footage contain images"
        if token.lower not in SINGULAR_TO_PLURAL and token.lower not in _PLURAL_TO_SINGULAR and not plain:
            continue
        if position in covered or token.text != token.lower:
            continue
        head = _subject_head(paragraph, run, position)
        if head is None or (head and measure_without_of(run, head)) or covered.intersection(range(head - 3, head)):
            continue  # ("The number officers deployed is", "The number ANPR cameras is": the "of" missing)
        noun = run[head].lower
        if token.lower in SINGULAR_TO_PLURAL and takes_plural_verb(noun):
            meant = SINGULAR_TO_PLURAL[token.lower]
        elif token.lower in _PLURAL_TO_SINGULAR and noun in _UNCOUNTABLE:
            meant = _PLURAL_TO_SINGULAR[token.lower]
        elif (
            plain
            and (noun in _UNCOUNTABLE or (_one_of_a_kind(run, head) and verb_lean(token.lower) > 0))
            and not _subjunctive(run, head)
        ):  # (after a countable noun, a verb that is not as often a noun: "The first form of")
            meant = language.spelt_third_person(token.lower)  # "The footage contain", "The report show"
        else:
            continue
        number = "plural" if meant in SINGULAR_TO_PLURAL.values() else "singular"
        yield _verb_for(paragraph, run[head].start, token, number, meant)


def _one_of_a_kind(run: list[Token], head: int) -> bool:
    """Whether a subject's noun is one countable thing, led by a determiner of one ("the", "this",
    "its"; not "these", "both"): English writes it before "is" far more than before "are", and it
    names no group, which British English lets take either number ("the force are")."""
    noun = run[head].lower
    if noun in _COLLECTIVE or noun.endswith("s") or not singular_noun(noun):
        return False
    before = [token.lower for token in run[max(head - 3, 0) : head]]
    return not _GROUP_DETERMINERS.intersection(before)


_GROUP_DETERMINERS = frozenset("these those both several such".split())


# nouns of how many, kind or part, which take the number of what follows their "of" ("a number of
# officers are", "the majority of forces were")
_NUMBER_FROM_OF = frozenset(
    "number majority minority total range variety series lot lots couple group proportion percentage rest "
    "remainder half third quarter part bulk host handful set pair kind type sort sorts types kinds".split()
)


_SINGULAR_PAST = {"are": "is", "were": "was"}


def verb_for_the_of_phrase(paragraph: Paragraph, run: list[Token], covered: set[int]) -> Iterator[Finding]:
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
        if meant is None or not takes_plural_verb(run[plural].lower):
            continue
        of = plural - 1
        while of > 0 and of > plural - 3 and run[of].lower != "of":
            if not describing_word(run[of].lower) and not run[of].text.isupper():  # ("of ANPR cameras")
                break  # a noun or a verb between: "the amount of overtime officers work" is a clause
            of -= 1
        if run[of].lower != "of" or of < 2:
            continue
        head = of - 1
        noun = run[head].lower
        if run[head - 1].lower in ("more", "most", "less", "least"):
            continue  # a comparison's adjective for a head: "The more complex of the extensions are"
        if noun in _NUMBER_FROM_OF or noun in NOT_MODIFIERS or not singular_noun(noun) or run[head].text != noun:
            continue
        start = head - 1 if run[head - 1].lower in _SUBJECT_DETERMINERS else head - 2
        if start < 0 or run[start].lower not in _SUBJECT_DETERMINERS or run[start].lower in ("these", "those", "both"):
            continue
        if not _clause_starts(paragraph, run, start):
            continue
        if token.text not in _SINGULAR_PAST and _subjunctive(run, start + 1):
            continue  # "decided that the storage of the devices remain": a subjunctive, right as it is
        yield _verb_for(paragraph, run[start].start, token, f'"{run[head].text}", singular', meant)


# nouns of a count or a share that take the singular after "the", whatever their "of" phrase holds:
# "the number of officers is" ("a number of officers are" is a plural)
_COUNTS = frozenset("number total proportion percentage".split())
_ARE_TO_IS = {"are": "is", "were": "was", "have": "has"}
COUNT_REACH = 10  # words of the "of" phrase looked through for the verb
_ONE_OF = frozenset("each one".split())  # pronouns of one of many: "each of the officers is"
# words after which a noun phrase is a clause's subject as at a sentence's start (not "if": "if the
# number of sources were known" is a subjunctive; not "and": "the cost and the number of incidents
# are withheld" is one subject of two)
_SUBJECT_OPENERS = frozenset("that while whereas because since although when".split())


def _subject_after(paragraph: Paragraph, run: list[Token], start: int) -> bool:
    """Whether the phrase at ``start`` opens a clause after a conjunction, or after a comma that
    ends an opening phrase ("In total, the number of ... were")."""
    if start and run[start - 1].lower in _SUBJECT_OPENERS:
        return True
    return _after_a_comma(paragraph, run, start)


def _after_a_comma(paragraph: Paragraph, run: list[Token], start: int) -> bool:
    """Whether a comma stands just before the word at ``start`` ("In total, the number of")."""
    before = paragraph.text[run[start - 1].end if start else 0 : run[start].start]
    return before.rstrip().endswith(",")


def verb_for_a_count(paragraph: Paragraph, run: list[Token], covered: set[int]) -> Iterator[Finding]:
    """A plural verb after "the number of" and a plural ("The number of certificates revoked were
    small", "The total of the payments made have risen"): the head is the count, singular. The "of"
    phrase may hold describing words, participles and prepositional phrases; a clause in it ("who",
    "we have stopped") or a stop ends the search."""
    for start in range(len(run) - 3):
        if run[start].lower == "the" and run[start + 1].lower in _COUNTS and run[start + 2].lower == "of":
            if run[start + 1].text != run[start + 1].lower:
                continue
            of = start + 2
        elif run[start].lower in _ONE_OF and run[start + 1].lower == "of":
            of = start + 1  # "Each of these certificates are"
        else:
            continue
        if not (_clause_starts(paragraph, run, start) or _subject_after(paragraph, run, start)):
            continue
        for position in range(of + 1, min(len(run), of + 1 + COUNT_REACH)):
            token = run[position]
            between = paragraph.text[run[position - 1].end : token.start]
            if token.lower in ("who", "that") and not between.strip(" -"):
                verb = _after_a_relative_clause(run, position)
                if verb is not None and run[verb].text in _SINGULAR_PAST and verb not in covered:
                    # "The number of applicants who failed vetting were 14": the clause's own verb, then the count's
                    head = paragraph.text[run[start].start : run[of - 1].end].lower()
                    yield _verb_for(
                        paragraph, run[start].start, run[verb], f'"{head}", singular', _SINGULAR_PAST[run[verb].text]
                    )
                    covered.add(verb)
                break
            if (
                between.strip(" -") and not a_year_of_the_phrase(paragraph.text, run[position - 1], token)
            ) or token.lower in _PHRASE_ENDS | _RELATIVE_SUBJECTS:
                break
            if token.lower in DETERMINERS and run[position - 1].lower not in _PHRASE_PREPOSITIONS | {"to", "by"}:
                break  # a clause's own subject: "One of the reasons the exemptions are engaged is"
            meant = _ARE_TO_IS.get(token.text) or (
                # (after "one of" and "each of", "are" and "were" only: "one of the officers form a team"
                # is as often read as the officers forming it)
                language.spelt_third_person(token.text) if token.text in _LINKING_VERBS and of > start + 1 else None
            )
            if meant is None:
                if token.lower in SINGULAR_TO_PLURAL or token.lower in MODALS or token.lower in BE_FORMS:
                    break  # its verb, in the singular or with no number
                continue
            if position in covered or run[position - 1].lower in DETERMINERS:
                break
            head = paragraph.text[run[start].start : run[of - 1].end].lower()
            yield _verb_for(paragraph, run[start].start, token, f'"{head}", singular', meant)
            covered.add(position)
            break


RELATIVE_REACH = 4  # words of a relative clause after its past verb, before the main verb


def _after_a_relative_clause(run: list[Token], position: int) -> int | None:
    """The position of "were" or "are" after a relative clause with a verb of its own in the past
    ("who failed vetting were", "that were refused in 2024 are"), the clause a few words long;
    None when the clause goes on or no such verb follows."""
    first = position + 1
    if first >= len(run) or not (run[first].lower.endswith("ed") or run[first].lower in ("were", "was", "had")):
        return None
    for later in range(first + 1, min(len(run), first + 1 + RELATIVE_REACH)):
        word = run[later].lower
        if word in _SINGULAR_PAST:
            return later
        if word in _PHRASE_ENDS or word in MODALS or word in BE_FORMS:
            return None
    return None


# between a plural subject and its verb: a participle or a place ("the documents requested", "the
# figures above"), or a phrase led by one of these prepositions ("the figures in the table above")
_AFTER_THE_NOUN = frozenset(
    "requested held sought listed provided shown disclosed withheld released described mentioned "
    "attached enclosed concerned involved above below".split()
)
# ("of" too: a plural head's "of" phrase, "The locations of the cameras is"; a singular head's has its own check)
_PHRASE_PREPOSITIONS = frozenset("of for in from on during at within across over".split())
# words that end the subject's phrase: a clause inside it has a verb of its own
_PLURAL_SUBJECT_DETERMINERS = frozenset("the these those our their your".split())  # ("Our figures shows")
_PHRASE_ENDS = frozenset("who whom whose which that where when while and or but if because as than".split())
PHRASE_REACH = 7  # words of a prepositional phrase looked through for the subject's verb


def verb_after_a_phrase(paragraph: Paragraph, run: list[Token], covered: set[int]) -> Iterator[Finding]:
    """A singular verb after a plural subject and the words that describe it ("The figures in the
    table above shows", "the documents requested contains", "The figures for the force area as a
    whole is"): the subject is "the", "these" or "those" and a plural noun at a clause's start; its
    verb is the first word after the phrase that English writes after "it" ("shows") or "is", "was",
    "has". A word after a determiner is a noun ("the costs of the works"); a clause inside the
    phrase ("who works") ends the search."""
    for start in range(len(run) - 3):
        if run[start].lower not in _PLURAL_SUBJECT_DETERMINERS or run[start + 1].text != run[start + 1].lower:
            continue
        head = start + 1
        if _a_noun_before_its_head(run, head):
            head += 1  # a noun describing the head: "The arrest figures for 2023 includes"
        noun = run[head].lower
        if not noun.endswith("s") or not takes_plural_verb(noun):
            continue
        opener = _clause_starts(paragraph, run, start) or (
            start == 1 and run[0].lower == "and" and paragraph.text[: run[0].start].rstrip().endswith(",")
        )
        if not opener:
            continue
        after = head + 1
        if run[after].lower in _AFTER_THE_NOUN:
            after += 1
        elif run[after].lower in _PHRASE_PREPOSITIONS:
            if after + 1 < len(run) and run[after + 1].lower in _PHRASE_ENDS:
                continue  # "The discs on which the footage is stored": a clause with its own subject
            after += 2
            if after < len(run) and describing_word(run[after - 1].lower):
                after += 1  # the preposition's noun after its describing word: "the figures for annual reads"
        elif not (
            language.plain_form(run[after].lower)
            and run[after].text == run[after].lower
            and (after + 1 >= len(run) or run[after + 1].lower not in BE_FORMS)  # ("the officers reports are")
        ):
            continue  # (or the verb straight after the noun: "The figures shows refusals")
        for position in range(after, min(len(run), after + PHRASE_REACH)):
            token = run[position]
            if token.lower == "as" and [t.lower for t in run[position + 1 : position + 3]] == ["a", "whole"]:
                continue  # "the force area as a whole"
            if token.lower in _PHRASE_ENDS or token.text != token.lower:
                break
            if run[position - 1].lower in DETERMINERS or position in covered or run[position - 1].lower == "as":
                continue
            meant = SINGULAR_TO_PLURAL.get(token.lower) or language.plain_form(token.lower)
            if meant is None:
                continue
            yield _verb_for(paragraph, run[start].start, token, f'"{noun}", plural', meant)
            covered.add(position)
            break


def _a_noun_before_its_head(run: list[Token], position: int) -> bool:
    """A singular noun in small letters before a plural one in a compound ("arrest figures", "pricing
    schedules"), English not writing the first before "are" or as a verb's -s form."""
    if position + 1 >= len(run):
        return False
    word, head = run[position].lower, run[position + 1]
    return (
        not word.endswith("s")
        and word not in CLOSED_CLASS
        and head.text == head.lower
        and head.lower.endswith("s")
        and takes_plural_verb(head.lower)
        and (a_noun(word) or word.endswith("ing"))
    )


# verbs whose "that" clause may take the subjunctive: "agreed that the use of the cameras continue"
_MANDATIVE = frozenset(
    "decided agreed required requires recommended recommends insisted proposed suggested asked demanded "
    "ordered directed requested ruled".split()
)


def _subjunctive(run: list[Token], head: int) -> bool:
    """Whether the subject ending at ``head`` is led by "that" after a verb that may take the
    subjunctive ("agreed that the guidance remain in force"), its determiner one or two words before."""
    for start in (head - 1, head - 2):
        if start > 1 and run[start].lower in _SUBJECT_DETERMINERS and run[start - 1].lower == "that":
            return run[start - 2].lower in _MANDATIVE
    return False


# verbs that state what a subject is or does in a response's prose; others after a plural noun are
# as often a clause's ("the sites officers report from") or a compound's ("the victims support service")
_LINKING_VERBS = frozenset(
    "form remain provide mean show include contain represent depend vary allow require enable apply exist "
    "relate appear seem suggest indicate reflect constitute comprise demonstrate".split()
)


def _subject_head(paragraph: Paragraph, run: list[Token], verb: int) -> int | None:
    """The position of the noun a verb's subject ends on, when the subject is a determiner at a
    clause's start, up to two words and the noun, with perhaps a short clause after it ("you have
    requested", "we hold", "requested"); None when the subject is not that plain."""
    end = verb - 1
    if end >= 0 and (run[end].lower in PARTICIPLES or run[end].lower.endswith("ed")):
        end -= 1  # "the information requested are", "the documents you have requested is"
        if end >= 0 and run[end].lower in ("have", "has", "had"):
            end -= 1
        if end >= 0 and run[end].lower in _RELATIVE_SUBJECTS:
            end -= 1
        if end >= 0 and run[end].lower in ("that", "which"):
            end -= 1
    elif end >= 1 and run[end - 1].lower in _RELATIVE_SUBJECTS and run[end].lower not in NOT_MODIFIERS:
        end -= 2  # "the records we hold is"
    for start in range(end - 1, max(end - 4, -1), -1):
        if run[start].lower in _SUBJECT_DETERMINERS:
            break
        if run[start].lower in NOT_MODIFIERS or not run[start].text.isalpha():
            return None
    else:
        return None
    if start >= end or not (_clause_starts(paragraph, run, start) or _after_a_comma(paragraph, run, start)):
        return None  # ("Of this, the overtime costs was": after an opening phrase's comma too)
    noun = run[end]
    if noun.text != noun.lower or not noun.text.isalpha() or noun.lower in NOT_MODIFIERS:
        return None
    if noun.lower in _PARTICLES and end - 1 > start and run[end - 1].lower.endswith("ed"):
        return None  # a phrasal verb's particle, not a noun: "The checks carried out include"
    return end


_PARTICLES = frozenset("out up down off over back away aside on in".split())


def _clause_starts(paragraph: Paragraph, run: list[Token], position: int) -> bool:
    """Whether the word at a run's position opens a clause whose verb ends it: after a stop, a colon
    or a bracket, at the paragraph's start, after "because" or "since", or after "that" following a
    verb of saying ("we confirm that"; not "the evidence that", a relative clause, nor "whether"
    and "when", whose clause is the subject of the verb after it)."""
    if position > 1 and run[position - 1].lower == "that":
        return run[position - 2].lower in REPORTING
    if position > 0:
        return run[position - 1].lower in _SUBORDINATORS
    return opens_sentence(paragraph.text, run[0].start, ".!?:;(")


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


# "lead to" after a singular subject: a sentence's (a determiner and a noun, perhaps its year) or a
# "which" standing for the noun before its comma
_LEAD_AFTER_SUBJECT = regexes.compile(
    r"(?:^|(?<=[.;:]\s))(?:The|This|That|Its|Our|Their|A|An)\s+(?:[a-z]+\s+){0,2}?(?P<noun>[a-z]+)"
    r"(?:\s+(?:in|during)\s+(?:19|20)\d\d)?\s+(?P<verb>lead)\s+to\b"
)
# ... or with an "of" phrase after it, however long, with no verb or clause of its own: "In the
# past, the circulation of police registration numbers on social media lead to"
_LEAD_AFTER_OF_PHRASE = regexes.compile(
    r"(?:^|(?<=[.;:]\s)|(?<=,\s))(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts)\s+(?:[a-z]+\s+)?(?P<noun>[a-z]+)\s+of\s+"
    r"(?:(?!(?:which|that|who|whose|and|or|but|is|are|was|were|has|have|had|to|will|would|can|could|may|might"
    r"|must|should|shall|cannot|does|do|did|not|also)\b)"
    r"[A-Za-z']+\s+){1,7}?(?P<verb>lead)\s+to\b"
)
_LEAD_AFTER_WHICH = regexes.compile(
    r"\b(?P<noun>[a-z]+),?\s+(?:which|that)\s+(?P<verb>lead)\s+to\b"
    # a past year before "which": "the national check ... in 2023, which lead to"
    r"|\b(?:in|during)\s+(?:19|20)\d\d,?\s+(?:which|that)\s+(?P<past>lead)\s+to\b"
)


_AFTER_LEAD_TO = regexes.compile(r"\s+to\s+([a-z]+)")
# a verb after "lead to" and its object, before any clause of its own begins
_LATER_VERB = regexes.compile(r"^(?:(?!\b(?:which|that|who|and|but)\b)[^,;:])*?\b(?:was|were|is|are|has|have|had)\b")


def _lead_is_a_noun(text: str, match: re.Match[str], noun: str) -> bool:
    """Whether "lead" is the noun: a compound's head ("the power lead", "the dog lead"), after a word
    that describes ("the only lead", "the main lead"), before an infinitive or "date" ("the first
    lead to emerge", "the main lead to date"); or the word before it is no singular noun ("which",
    "data", "criteria")."""
    if noun in CLOSED_CLASS or language.pair(noun, "lead") or describing_word(noun):
        return True
    plural = language.pair(noun, "are") + language.pair(noun, "were")
    if plural > language.pair(noun, "is") + language.pair(noun, "was"):
        return True  # a plural without an -s: "The data lead to", "The criteria lead to"
    after = _AFTER_LEAD_TO.match(text, match.end("verb"))
    then = after[1] if after else ""
    if then in ("date", "which", "whom"):
        return True  # "the main lead to date", "the dog lead to which the tag was attached"
    if then and then not in CLOSED_CLASS and verb_lean(then) > 0:
        return True  # an infinitive after the noun: "the first lead to emerge"
    # the sentence's own verb still to come: "The power lead to the camera was cut"
    rest = text[match.end() : text.find(".", match.end()) if "." in text[match.end() :] else len(text)]
    return _LATER_VERB.search(rest) is not None


def lead_for_led(paragraph: Paragraph) -> Iterator[Finding]:
    """ "lead to" after a singular subject ("The review in 2022 lead to", "a review of custody
    safety, which lead to"): the plain form cannot follow it, and "led", the past, is the slip
    English makes most (the present would be "leads")."""
    if "lead to" not in paragraph.text:
        return  # (most paragraphs: the patterns need not run)
    for pattern in (_LEAD_AFTER_SUBJECT, _LEAD_AFTER_WHICH, _LEAD_AFTER_OF_PHRASE):
        for match in pattern.finditer(paragraph.text):
            if "past" in pattern.groupindex and match["past"]:
                yield WORD_PAIR.finding(
                    f'"{match.group()}": of a past year, "lead" is "led"',
                    paragraph,
                    match.start("past"),
                    match.end("past"),
                    replacement="led",
                )
                continue
            noun = match["noun"]
            if noun.endswith("s") or noun in _COLLECTIVE or not (singular_noun(noun) or language.pair("the", noun)):
                continue  # (a collective takes either number in British English: "the team lead the search")
            if _lead_is_a_noun(paragraph.text, match, noun):
                continue
            yield WORD_PAIR.finding(
                f'"{match.group()}": after a singular subject, "lead" is "led" (or "leads")',
                paragraph,
                match.start("verb"),
                match.end("verb"),
                replacement="led",
            )


def plural_subjects(paragraph: Paragraph) -> Iterator[Finding]:
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


def cited_subject(paragraph: Paragraph) -> Iterator[Finding]:
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
