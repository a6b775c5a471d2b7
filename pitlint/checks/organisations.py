"""Organisations named in a draft: another force's name left where this force's belongs (a PIT
copied from another force), and this force's own name written wrongly.

Forces name each other for good reasons: a collaboration's letterhead, a partner that shares a
unit, a force named in the request. What a template leaves behind is different: another force as
the one that acts in the response ("Thames Valley Police would not wish to reveal ...", "the
information held by Thames Valley Police"). Only that is reported.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from pitlint import regexes
from pitlint.checks import Context
from pitlint.document import Document, Paragraph
from pitlint.findings import Applicability, Category, Finding, FixAvailability, Rule, Severity
from pitlint.outline import Outline
from pitlint.packs import Organisation

OTHER_ORGANISATION = Rule(
    "PIT601",
    "other-organisation",
    Category.COPY_PASTE,
    Severity.WARNING,
    "Another force named as the one responding, probably left from the PIT the wording was copied from.",
    "Forces share PIT wording (through the NPCC's central referral unit and with each other). A draft "
    'in which another force is the one that acts ("Thames Valley Police would not wish to reveal ...", '
    '"information held by Thames Valley Police") was copied without tailoring. Other forces named for a '
    "reason (a collaboration's letterhead, a partner that shares a unit, a force the request names) are "
    "not reported. A force's response that decides as another kind of body speaks of itself (\"the "
    'factors the Department considered", "the Council is satisfied") was written from that body\'s '
    "template. The draft's own force comes from --organisation (or organisation = in the "
    "configuration), or else is the one the draft has acting most.",
    "West Midlands Police ... Thames Valley Police would not wish to reveal details of software ...",
    "West Midlands Police ... West Midlands Police would not wish to reveal details of software ...",
    fix=FixAvailability.ALWAYS,
    fix_safety=None,
)
NAME_VARIANT = Rule(
    "PIT408",
    "own-name-variant",
    Category.TYPO,
    Severity.WARNING,
    "The force's own name cut short or in lower case (info: another form of it).",
    'A response should give the force\'s name as it is ("Dyfed-Powys Police", "Cheshire '
    'Constabulary"). A name cut short ("-Powys Police") or with "police" in lower case is a slip; '
    'another form ("Cheshire Police", "the Cheshire Police Service", "West Midlands Police force") '
    "is reported as info. Former names and Welsh names in the packs are accepted.",
    "The information held by Cleveland police is exempt.",
    "The information held by Cleveland Police is exempt.",
    fix=FixAvailability.ALWAYS,
    fix_safety=Applicability.SAFE,
)
RULES = (OTHER_ORGANISATION, NAME_VARIANT)

_SUFFIXES = ("police service", "police force", "police", "constabulary")
_SUFFIX_AT_END = regexes.compile(rf"\s+(?:{'|'.join(_SUFFIXES)})(?:\s+force)?$", re.IGNORECASE)
_GENERIC = regexes.compile(r"\s*\b(?:police service|police|constabulary|service)$", re.IGNORECASE)
# the force as the one that acts in the response: its subject, or the holder of the information
_ACTS_AFTER = regexes.compile(
    r"\s*(?:can|cannot|can't|will|won't|would|does|do|did|has|have|holds?|is|are|was|were|takes?|must|shall|"
    r"should|neither|relies|rely|recognises|acknowledges|considers|believes|confirms?|publishes|understands|"
    r"seeks|aims|continues|remains|wishes|wish|strives|needs)\b",
    re.IGNORECASE,
)
_VERB_FORM = regexes.compile(r"\s*([a-z]+(?:s|ed))\b")  # "flies", "notified": a verb if English puts it after "it"
_ACTS_BEFORE = regexes.compile(
    r"\b(?:(?:held|recorded|kept|retained)\s+by|(?:ability|capability|capacity)\s+of)\s+(?:the\s+)?$", re.IGNORECASE
)
# the place the response's searches were made: "Searches were conducted within Lancashire Constabulary"
_SEARCHED_IN = regexes.compile(
    r"\b(?:searche[sd]|enquiries|checks)\b[^.;]{0,80}?\b(?:within|across|throughout)\s+(?:the\s+)?$", re.IGNORECASE
)
# a sentence that names another force for a reason
_REASON = regexes.compile(
    r"\bpartner|\bcollaborat|\bjoint|\bshared?\b|\bshares\b|\bsharing\b|\balliance|\bregion|"
    r"\bneighbour|\bother forces\b|\bforces\b|\bbetween\b|\bbehalf\b|\btogether\b|\bsuch as\b|\bincluding\b|"
    # another force described or compared: "responsible for policing the Greater London area"
    r"\bresponsible\s+for\s+policing\b|\bpolices\s+the\b|\bcompared\s+(?:to|with)\b|\bunlike\b|\bwhereas\b|"
    # another force acting on its own affairs: "the Met publishes similar figures about its own deployments"
    r"\bits\s+own\b|"
    # the responding force beside it ("which this force cannot comment on", "we hold nothing on"), or
    # the requester sent to it ("you should ask Kent Police", "should be sent to Kent Police")
    r"\b(?:this|our)\s+(?:force|constabulary|service|organisation)\b|\bwe\b|"
    # set against the responding force, or compared with another named before: "Gwent Police holds
    # those records rather than us", "Avon and Somerset Police does the same for Bristol"
    r"\b(?:rather\s+than|instead\s+of|unlike)\s+us\b|\b(?:does|do|did)\s+the\s+same\b|\blikewise\b|\bsimilarly\b|"
    r"\bask\b|\bcontact\b|\bwrite\s+to\b|\bsent\s+to\b|\bdirected\s+to\b",
    re.IGNORECASE,
)
_SENTENCE = regexes.compile(r"[^.!?\n]+[.!?]*")
# the force's own stance, as the one responding: "It is Kent Police's position that"
_STANCE = regexes.compile(r"['\u2019]s\s+(?:position|view|decision|opinion|assessment|belief)\b")
# ... or before it: "It is the position of West Yorkshire Police that"
_STANCE_BEFORE = regexes.compile(
    r"\b(?:position|view|decision|opinion|assessment|belief)\s+of\s+(?:the\s+)?$", re.IGNORECASE
)
_SEARCH_REACH = 160  # characters before a name in which "Searches ... were conducted within" is read
_REASON_REACH = 40  # characters after a subject's name in which a reason for naming it counts
# "with" names a partner only before the force ("shares air support with Kent Police") or beside
# another body's name ("Kent Police works with Essex Police"); after a lone force's name it is that
# force acting ("Kent Police works with a number of suppliers": a template's leftover)
_WITH = regexes.compile(r"\bwith\b", re.IGNORECASE)
# the request named before the force: "You asked whether Essex Police notified the force" (not
# "Sussex Police has considered your request": that force answering it)
_ASKED_BEFORE = regexes.compile(r"\byou (?:have )?(?:asked|requested)\b|\byour request\b|\brequested\b", re.IGNORECASE)
# a force's name that goes on as another body's: "Civil Nuclear Police Authority", "Kent Police
# Federation", "Devon and Cornwall Police and Crime Commissioner"
_LONGER_NAME = regexes.compile(r"[ \t]+(?:and\s+Crime\b|(?:Authority|Federation|Commissioner|Board|Panel|Committee)\b)")
_FRAME_REACH = 40  # characters before a name that an acting frame ("held by the") can take
# How other kinds of public body speak of themselves in their templates, as the one that decides:
# "the factors the Department considered", "the Council is satisfied that". A police force's
# response that decides as one of these was written from another body's template.
_OTHER_SELF = regexes.compile(
    r"\b[Tt]he\s+(?P<noun>Department|Council|Trust|University|Ministry)\s+"
    r"(?:has\s+|had\s+)?(?:considered|considers|decided|decides|concluded|concludes|determined|believes|"
    r"is\s+satisfied|was\s+satisfied|can(?:not)?\s+confirm|neither\s+confirms|"
    r"will\s+not\s+(?:disclose|release|confirm)|is\s+(?:not\s+)?(?:obliged|required|withholding|refusing))\b"
)


@dataclass(frozen=True)
class Mention:
    organisation: Organisation
    paragraph: Paragraph
    start: int
    end: int
    acts: bool  # named as the one that acts in the response
    reason: bool  # in a sentence that names other forces for a reason
    sentence: tuple[int, int]  # the span of its sentence in the paragraph
    doer_only: bool = False  # it acts only as an infinitive's doer ("expect Kent Police to keep")


@functools.lru_cache(maxsize=2048)
def _name_pattern(name: str) -> re.Pattern[str]:
    words = [re.escape(word) for word in re.split(r"[\s-]+", name)]
    return regexes.compile(r"(?<![\w-])" + r"[\s-]+".join(words) + r"(?!\w)", re.IGNORECASE)


@functools.lru_cache(maxsize=256)
def _acronym_pattern(acronym: str) -> re.Pattern[str]:
    """An acronym as a word of its own, in capitals as written ("PSNI", not "psni" in an address)."""
    return regexes.compile(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])")


@functools.lru_cache(maxsize=2048)
def _first_word(name: str) -> str:
    return re.split(r"[\s-]+", name.strip(), maxsplit=1)[0].lower()


def _mentions(document: Document, organisations: list[Organisation]) -> list[Mention]:
    """Every name of a known organisation within a sentence, in the order of the pack's
    organisations, then of the draft (which `_own` breaks ties by). Each name is searched once
    per paragraph, and its sentence found by bisection."""
    found: list[tuple[tuple[int, int, int, int, int], Mention]] = []
    names = [
        (number, organisation, kind, name, _first_word(name))
        for number, organisation in enumerate(organisations)
        for kind, name in enumerate(organisation.full_names)
    ]
    first_words = {first for *_, first in names}
    for paragraph in document.paragraphs:
        text = paragraph.text
        sentences: list[tuple[int, int]] | None = None
        starts: list[int] = []
        reasons: dict[int, bool] = {}  # worked out once per sentence, when a name is in it
        firsts: dict[int, int] = {}
        lowered = text.lower()
        # (a substring test of each distinct first word, far cheaper than the patterns, rules most names out)
        present = {first for first in first_words if first in lowered}
        if not present:
            continue
        taken: list[tuple[int, int]] = []  # spans named already: an alias inside a full name is one mention
        for number, organisation, kind, name, first in names:
            if first in present:
                for match in _name_pattern(name).finditer(text):
                    if any(start <= match.start() and match.end() <= end for start, end in taken):
                        continue  # "Metropolitan Police" inside "Metropolitan Police Service"
                    taken.append(match.span())
                    if sentences is None:
                        sentences = [sentence.span() for sentence in _SENTENCE.finditer(text)]
                        starts = [start for start, _ in sentences]
                    which = bisect.bisect_right(starts, match.start()) - 1
                    if which < 0 or match.end() > sentences[which][1]:
                        continue  # not within one sentence (across a full stop or a line break)
                    if _LONGER_NAME.match(text, match.end()):
                        continue  # another body whose name begins with the force's
                    sentence_start, sentence_end = sentences[which]
                    before = text[max(sentence_start, match.start() - _FRAME_REACH) : match.start()]
                    acts = bool(
                        _ACTS_AFTER.match(text, match.end())
                        or _ACTS_BEFORE.search(before)
                        or _verb_follows(text, match.end())
                    )
                    doer_only = not acts and _infinitive_follows(text, match.end())
                    if which not in reasons:
                        reasons[which] = bool(_REASON.search(text[sentence_start:sentence_end]))
                        # where the sentence first says "with" or names the request (once per sentence)
                        firsts[which] = min(
                            (
                                hit.start()
                                for pattern in (_WITH, _ASKED_BEFORE)
                                if (hit := pattern.search(text, sentence_start, sentence_end))
                            ),
                            default=sentence_end,
                        )
                    # (a "with" ends its say at a comma: "Following searches with the department, Kent
                    # Police has considered" names no partner)
                    before_it = firsts[which] < match.start() and not (
                        _WITH.match(text, firsts[which]) and "," in text[firsts[which] : match.start()]
                    )
                    reason = reasons[which] or before_it
                    stance = _STANCE.match(text, match.end()) or _STANCE_BEFORE.search(before)
                    searched_in = _SEARCHED_IN.search(
                        text, max(sentence_start, match.start() - _SEARCH_REACH), match.start()
                    )
                    if reason and searched_in:
                        # (what follows the place names its parts: "..., including the Drone Unit")
                        reason = bool(_REASON.search(text, sentence_start, match.start())) or before_it
                    elif reason and (stance or (acts and not text[sentence_start : match.start()].strip())):
                        # the sentence's subject, or whose position it states: only a reason near
                        # the name excuses it ("Kent Police and other forces publish"), not a clause
                        # further on ("..., as police forces do nationally")
                        near = text[sentence_start : min(sentence_end, match.end() + _REASON_REACH)]
                        reason = bool(_REASON.search(near)) or before_it
                    acts = acts or bool(stance) or bool(searched_in)
                    mention = Mention(
                        organisation,
                        paragraph,
                        match.start(),
                        match.end(),
                        acts,
                        reason,
                        sentences[which],
                        doer_only,
                    )
                    found.append(((number, paragraph.index, which, kind, match.start()), mention))
    found.sort(key=lambda item: item[0])
    return _partners_named_together([mention for _, mention in found])


def _partners_named_together(mentions: list[Mention]) -> list[Mention]:
    """Mentions in a sentence that names two or more bodies are named for a reason: partners, a
    comparison, or the responding force beside another ("Essex Police has no information about the
    ability of Kent Police to ...")."""
    bodies: dict[tuple[int, tuple[int, int]], set[str]] = {}
    for mention in mentions:
        bodies.setdefault((mention.paragraph.index, mention.sentence), set()).add(mention.organisation.name)
    with_in: dict[tuple[int, tuple[int, int]], bool] = {}
    for mention in mentions:
        key = (mention.paragraph.index, mention.sentence)
        if key not in with_in:
            with_in[key] = len(bodies[key]) > 1  # (the responding force among them, or partners)
    return [
        dataclasses.replace(mention, reason=True)
        if not mention.reason and with_in[mention.paragraph.index, mention.sentence]
        else mention
        for mention in mentions
    ]


def _verb_follows(text: str, end: int) -> bool:
    from pitlint import language

    found = _VERB_FORM.match(text, end)
    return found is not None and (language.pair("it", found[1]) > 0 or language.pair("he", found[1]) > 0)


_INFINITIVE = regexes.compile(r"\s+to\s+([a-z]+)\b")


def _infinitive_follows(text: str, end: int) -> bool:
    """An infinitive whose doer the name is ("the public expect Kent Police to keep its capability"):
    a template's force left in, or a force another's law or advice speaks of ("the law allows Kent
    Police to recover costs"), so a note."""
    from pitlint import language

    infinitive = _INFINITIVE.match(text, end)
    return infinitive is not None and language.pair("to", infinitive[1]) > language.pair("the", infinitive[1])


def _own(
    mentions: list[Mention], configured: str | None, organisations: list[Organisation], text: str = ""
) -> Organisation | None:
    """The draft's own force: as configured, else the one it names most, by name or by its
    acronym ("PSNI") (a template leaves another force's name once or twice among many of its own);
    on a tie, the one it has acting most, then the one the draft names first."""
    if configured:
        wanted = configured.strip().lower()
        for organisation in organisations:
            if wanted in {n.lower() for n in organisation.full_names} | {a.lower() for a in organisation.acronyms}:
                return organisation
        return Organisation(configured)
    if not mentions:
        return None
    acting: Counter[str] = Counter(m.organisation.name for m in mentions if m.acts)
    named: Counter[str] = Counter(m.organisation.name for m in mentions)
    for organisation in {m.organisation.name: m.organisation for m in mentions}.values():
        for acronym in organisation.acronyms:
            named[organisation.name] += len(_acronym_pattern(acronym).findall(text))
    first: dict[str, tuple[int, int]] = {}  # where the draft first names each (mentions go in the pack's order)
    for m in mentions:
        first[m.organisation.name] = min(
            first.get(m.organisation.name, (m.paragraph.index, m.start)), (m.paragraph.index, m.start)
        )
    best = max(named, key=lambda name: (named[name], acting[name], tuple(-n for n in first[name])))
    return next(m.organisation for m in mentions if m.organisation.name == best)


def check(document: Document, outline: Outline, context: Context) -> Iterator[Finding]:
    organisations = context.packs.organisations
    mentions = _mentions(document, organisations)
    own = _own(mentions, context.config.organisation, organisations, document.text)
    if own is None:
        return
    for mention in mentions:
        if mention.organisation.name == own.name or not (mention.acts or mention.doer_only) or mention.reason:
            continue
        if mention.paragraph.index in outline.quoted:
            continue
        finding = OTHER_ORGANISATION.finding(
            f'"{mention.paragraph.text[mention.start : mention.end]}" is another force, named as the one '
            f"responding: this draft is for {own.name}",
            mention.paragraph,
            mention.start,
            mention.end,
            replacement=own.name,
            # safe when the team said which force the draft is for; a guess from the draft is not
            applicability=Applicability.SAFE if context.config.organisation else Applicability.UNSAFE,
        )
        if mention.doer_only:
            finding.severity = Severity.INFO
        yield finding
    others = frozenset(name.lower() for organisation in organisations for name in organisation.full_names)
    yield from _variants(document, own, outline.quoted, others)
    if own in organisations:  # a police force: the kinds of body it is not are known
        yield from _other_kind_of_body(document, own, outline.quoted)


def _other_kind_of_body(document: Document, own: Organisation, quoted: frozenset[int]) -> Iterator[Finding]:
    """A police force's response that decides as "the Department" or "the Council": another kind
    of body's template. Not where the draft names a body of that kind ("the Department of Justice",
    "Belfast City Council"), which "the Department" may then mean."""
    named: dict[str, bool] = {}  # per noun, once a draft: whether a body of that kind is named
    for paragraph in document.paragraphs:
        if paragraph.index in quoted:
            continue
        for match in _OTHER_SELF.finditer(paragraph.text):
            noun = match["noun"]
            if noun not in named:
                named[noun] = _body_named(document.text, noun)
            if named[noun]:
                continue  # a body of that kind is named: "the Department" may be it
            start, end = match.start(), match.start("noun") + len(noun)
            yield OTHER_ORGANISATION.finding(
                f'"{paragraph.text[start:end]}" is how a {noun.lower()} speaks of itself: this response is '
                f"{own.name}'s. Is this wording from another body's template?",
                paragraph,
                start,
                end,
                replacement=own.name,
                applicability=Applicability.UNSAFE,
            )


def _body_named(text: str, noun: str) -> bool:
    """Whether the draft names a body of that kind ("Belfast City Council", "the Department of
    Justice"); a capitalised word of at most 40 letters before the noun, not a sentence's "The"."""
    return bool(re.search(rf"\b(?!The\b)[A-Z][\w'-]{{0,40}}\s+{noun}\b|\b{noun}\s+(?:of|for)\s+[A-Z]", text))


def _distinctive(name: str) -> str | None:
    """The words of a force's name that say which force it is ("Dyfed-Powys", "West Midlands")."""
    stem = _GENERIC.sub("", name).strip()
    return stem if stem and stem.lower() != name.lower() and not stem.lower().startswith("police") else None


def _variants(
    document: Document, own: Organisation, quoted: frozenset[int], others: frozenset[str] = frozenset()
) -> Iterator[Finding]:
    stem = _distinctive(own.name)
    if stem is None:
        led = _LED_BY_POLICE.match(own.name)  # "Police Service of Northern Ireland": its place after
        if led:
            words = re.split(r"[\s-]+", led["place"])
            yield from _a_word_misspelt(document, own, words, quoted, lead=rf"{led['lead']}\s+", tail="")
        return
    words = re.split(r"[\s-]+", stem)
    # the stem (its first words may be missing), then the words that say it is a police force
    optional = "".join(rf"(?:{_word(word)}[\s-]+)?" for word in words[:-1])
    pattern = regexes.compile(
        rf"(?<![\w])(?:the\s+)?(?:(?<=\s)-)?{optional}{re.escape(words[-1])}\s+(?:{'|'.join(_SUFFIXES)})\b(?:\s+force\b)?",
        re.IGNORECASE,
    )
    accepted = {name for name in own.full_names}
    for paragraph in document.paragraphs:
        if paragraph.index in quoted:
            continue  # the requester's words
        for match in pattern.finditer(paragraph.text):
            start = _misspelt_start(paragraph.text, match.start(), match.group(), words)
            written = paragraph.text[start : match.end()]
            name = re.sub(r"^the\s+", "", written, flags=re.IGNORECASE)
            if _AMPERSAND.sub(" and ", name) in accepted or name.isupper():
                continue  # as written, or in capitals throughout (a heading)
            if _LONGER_NAME.match(paragraph.text, match.end()):
                continue  # another body's name: "Civil Nuclear Police Authority"
            word_before = _WORD_BEFORE.search(paragraph.text, 0, start)
            if word_before and f"{word_before[1]} {name}".lower() in others:
                continue  # another force's name ends in it: "North Yorkshire Police" in West Yorkshire's letter
            slip = _slip(name, own, words) if start == match.start() else _misspelt_message(name, own)
            if slip is None:
                continue
            message, severity = slip
            finding = NAME_VARIANT.finding(
                message,
                paragraph,
                start,
                match.end(),
                replacement=_named(written, own),
                # a slip (cut short, wrong case) is fixed safely; another form of the name ("the
                # Cleveland Police Service", "West Midlands Police force") may read better as it is
                applicability=Applicability.SAFE if severity == Severity.WARNING else Applicability.UNSAFE,
            )
            finding.severity = severity
            yield finding
    yield from _a_word_misspelt(document, own, words, quoted)


_WORD_BEFORE = regexes.compile(r"(\w+)[ \t]+$")
_LED_BY_POLICE = regexes.compile(r"(?P<lead>Police\s+Service\s+of)\s+(?P<place>.+)$")


def _a_word_misspelt(
    document: Document,
    own: Organisation,
    words: list[str],
    quoted: frozenset[int],
    lead: str = "",
    tail: str = r"\s+(?i:police|constabulary)\b",
) -> Iterator[Finding]:
    """The force's name with one of its distinctive words misspelt ("Staffordhsire Police", "West
    Mecria Police", "Police Service of Northen Ireland"): a capitalised word a typing slip away from
    it, the name's other words as they are, before "Police" or "Constabulary" (or after the name's
    lead)."""
    pattern = _name_with_slots(lead, tuple(words), tail)
    for paragraph in document.paragraphs:
        if paragraph.index in quoted:
            continue
        for match in pattern.finditer(paragraph.text):
            typed = {i: match[f"w{i}"] for i, word in enumerate(words) if word[:1].isupper()}
            differ = [i for i, written in typed.items() if written.lower() != words[i].lower()]
            if len(differ) != 1:
                continue
            written, meant = typed[differ[0]], words[differ[0]]
            if len(meant) < 5 or not _transposed_or_one_off(written.lower(), meant.lower()):
                continue  # ("Kent": a letter off is another word)
            if _LONGER_NAME.match(paragraph.text, match.end()) or _a_word_or_place(written):
                continue  # "Cumbrian Police Federation", "Herefordshire Constabulary": another body
            message, severity = _misspelt_message(paragraph.text[match.start() : match.end()], own)
            finding = NAME_VARIANT.finding(
                message,
                paragraph,
                match.start(),
                match.end(),
                replacement=own.name,
                applicability=Applicability.UNSAFE,
            )
            finding.severity = severity
            yield finding


@functools.lru_cache(maxsize=64)  # (one force's name, asked again for each draft of a batch)
def _name_with_slots(lead: str, words: tuple[str, ...], tail: str) -> re.Pattern[str]:
    """The force's name with each capitalised word a slot of about its length, for a slip in it."""
    slots = r"[\s-]+".join(
        rf"(?P<w{i}>[A-Z][A-Za-z]{{{max(1, len(word) - 3)},{len(word) + 1}}})" if word[:1].isupper() else _word(word)
        for i, word in enumerate(words)
    )
    return regexes.compile(rf"(?<![\w-]){lead}{slots}(?![\w-]){tail}")


def _a_word_or_place(word: str) -> bool:
    """A word English or the names list knows ("Cumbrian", "Herefordshire", "Wessex"): another
    place's or body's name, not a slip in the force's."""
    from pitlint import language
    from pitlint.spelling import is_name

    return language.count(word.lower()) > 0 or is_name(word)


def _transposed_or_one_off(typed: str, meant: str) -> bool:
    """A typing slip, not another word: one letter added, dropped or changed, or two neighbours
    swapped ("Staffordhsire"), at most twice in a long name."""
    from rapidfuzz.distance import OSA

    return OSA.distance(typed, meant) <= (1 if len(meant) < 9 else 2)


_AMPERSAND = regexes.compile(r"\s*&\s*")


def _word(word: str) -> str:
    """A word of a force's name as a pattern: "and" may be written "&" ("Devon & Cornwall Police")."""
    return r"(?:and|&)" if word.lower() == "and" else re.escape(word)


def _misspelt_start(text: str, start: int, matched: str, words: list[str]) -> int:
    """Where the force's name really starts when its first words, which the pattern lets go
    missing, are there but misspelt: "The Sates of Jersey police" matched as "of Jersey police"
    starts at "Sates" (else a fix would write "The Sates States of Jersey Police")."""
    from rapidfuzz.distance import Levenshtein

    if re.match(r"the\s", matched, re.IGNORECASE):
        return start  # the name's first words are all there, after "the"
    stem = _SUFFIX_AT_END.sub("", matched).strip(" -")
    missing = words[: max(len(words) - len(re.split(r"[\s-]+", stem)), 0)]
    if not missing:
        return start
    before = re.search(rf"((?:[A-Za-z]+[\s-]+){{{len(missing)}}})-?$", text[max(0, start - 80) : start])
    if before is None:
        return start
    typed = re.split(r"[\s-]+", before.group(1).strip(" -"))
    close = all(
        a.lower() != b.lower() and Levenshtein.distance(a.lower(), b.lower()) <= max(1, len(b) // 4)
        for a, b in zip(typed, missing, strict=True)
    )
    return start - len(before.group(0)) if close else start


def _misspelt_message(name: str, own: Organisation) -> tuple[str, Severity]:
    return f'"{name}" is this force\'s name misspelt: "{own.name}"', Severity.WARNING


def _slip(name: str, own: Organisation, words: list[str]) -> tuple[str, Severity] | None:
    canonical = {n.lower() for n in own.full_names}
    if name.startswith("-") and name[1:].lower() in canonical:
        return f'"{name}" has a stray hyphen before this force\'s name: "{own.name}"', Severity.WARNING
    short = name.startswith("-") or len(re.split(r"[\s-]+", name.lstrip("-"))) < len(words) + 1
    if short and not any(n.lower().startswith(name.lower()) for n in canonical):
        return f'"{name}" is this force\'s name cut short: "{own.name}"', Severity.WARNING
    if name.lower() in canonical:
        return f'"{name}" is this force\'s name in the wrong case: "{own.name}"', Severity.WARNING
    if name.lower().endswith(" force") and name.lower()[: -len(" force")] in canonical:
        return f'"{name}": the name is "{own.name}" (the "force" is already in it)', Severity.INFO
    if any(name.lower().replace("-", " ") == n.replace("-", " ") for n in canonical):
        return f'"{name}" is not how the force writes its name: "{own.name}"', Severity.INFO
    return f'"{name}" is not this force\'s name: "{own.name}"', Severity.INFO


def _named(written: str, own: Organisation) -> str:
    """The force's name as it should be written where ``written`` stands, keeping a leading
    "the" that the sentence needs ("the West Midlands police" -> "the West Midlands Police")."""
    article = re.match(r"the\s+", written, flags=re.IGNORECASE)
    if article and not own.name.lower().startswith("the "):
        return article.group() + own.name
    return own.name
