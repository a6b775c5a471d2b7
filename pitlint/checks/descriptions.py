"""Exemptions as the draft describes them: the title written beside a citation ("Section 31(1)(g) -
Investigations and proceedings" gives s31 the title of s30), and what the draft says each exemption
is ("Section 30 is a prejudice based exemption": s30 is class-based). The facts are in law.py."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterator

from pitlint import law, regexes
from pitlint.checks import Context
from pitlint.document import Document, Paragraph
from pitlint.findings import Applicability, Category, Finding, FixAvailability, Rule, Severity
from pitlint.outline import Citation, Outline, another_act, foi_act

MISDESCRIBED = Rule(
    "PIT207",
    "exemption-misdescribed",
    Category.EXEMPTION,
    Severity.WARNING,
    "An exemption given another's title, or called class/prejudice-based or absolute/qualified wrongly.",
    "s30 (investigations) is class-based and s31 (law enforcement) prejudice-based; s43(2) is "
    "prejudice-based; s23, s41 and s44 are absolute. A PIT that calls an exemption by another's title, "
    "or states its nature wrongly, argues the wrong test: a prejudice-based exemption needs the harm "
    "shown, a class-based one does not. (s24's test is what national security requires, which PITs "
    "describe either way: called prejudice-based it is left alone, called class-based it is a note; "
    "so are s40(2), absolute on its first condition only, "
    "and an s43 cited without its subsection.) s40(5A) is for the requester's own personal data and "
    "s40(5B) for another person's: citing one for the other's data is reported too, as is a "
    '"prejudice test" carried out where every exemption cited is class-based.',
    "Section 31(1)(g) - Investigations and proceedings. Section 30 is a prejudice based exemption.",
    "Section 31(1)(g) - Law enforcement. Section 30 is a class based exemption.",
    fix=FixAvailability.SOMETIMES,
    fix_safety=Applicability.UNSAFE,
)
GARBLED_CITATION = Rule(
    "PIT208",
    "garbled-citation",
    Category.EXEMPTION,
    Severity.WARNING,
    'A citation whose brackets are typed wrong ("Section 31 (1()(a)"), that skips the subsection ("Section 1(a)"), '
    'or whose levels are in the wrong order ("Section 30(2)(i)(a)").',
    'A citation such as "Section 31 (1()(a)" cannot be read for certain: the requester, the ICO and a '
    'tribunal must be able to tell exactly which provision is relied on (s17(1)(b)). "Section 1(a)" '
    "names no provision at all: the Act numbers its subsections, and paragraph (a) is in s1(1). A "
    'subsection\'s number that has lost its brackets ("section 33 1(b)") is reported in any Act, as is a '
    'sub-paragraph written before its paragraph ("30(2)(i)(a)" for 30(2)(a)(i)).',
    "Section 31 (1()(a) - Law enforcement",
    "Section 31(1)(a) - Law enforcement",
    fix=FixAvailability.ALWAYS,
    fix_safety=None,
)
WRONG_SECTION = Rule(
    "PIT209",
    "wrong-section-of-the-act",
    Category.EXEMPTION,
    Severity.WARNING,
    "A section of the Act named for what another section does.",
    "Stock wording about the Act names its sections: section 1 gives the two duties (to confirm or "
    "deny, and to communicate), section 17 the refusal notice, section 12 the cost limit, section 14 "
    'vexatious requests, section 16 advice and assistance. Naming the wrong one ("Section 17 of the '
    'Act places two duties") tells the requester the wrong law. So does a refusal notice "under section '
    '17(5)", the notice for the cost limit and vexatious requests, in a response refusing under an '
    "exemption (section 17(1)); the qualified person named with another section than 36, whose "
    "exemption needs that person's opinion; \"Section 13 of the Environmental Information "
    'Regulations", which are divided into regulations; and section 12 or 14 called an exemption '
    '("exempt by virtue of Section 12"): they refuse the request, they exempt no information.',
    "Section 17 of the Freedom of Information Act places two duties on public authorities.",
    "Section 1 of the Freedom of Information Act places two duties on public authorities.",
    fix=FixAvailability.SOMETIMES,
    fix_safety=Applicability.UNSAFE,
)
EXEMPTION_NUMBER = Rule(
    "PIT210",
    "exemption-number",
    Category.EXEMPTION,
    Severity.INFO,
    'Wording for several exemptions ("the following exemptions") where one is cited, or for one where several are.',
    "Templates are written for one exemption or for several; when the number cited changes and the "
    'wording does not ("by virtue of the following exemptions" above a single citation), the '
    "response reads as unfinished.",
    "The information is exempt by virtue of the following exemptions: Section 43(2) Commercial interests.",
    "The information is exempt by virtue of the following exemption: Section 43(2) Commercial interests.",
    fix=FixAvailability.ALWAYS,
    fix_safety=Applicability.UNSAFE,
)
RULES = (MISDESCRIBED, GARBLED_CITATION, WRONG_SECTION, EXEMPTION_NUMBER)

_TITLE_WORDS = 14  # a title beside a citation on a line of its own is this short
_SEPARATOR = regexes.compile(r"^[\s\-\u2013\u2014:,(]*")
# words in capitals straight after a citation in running text, with the small words a title joins
# (after a dash too: "exempt under Section 43(2) - Law Enforcement")
_INLINE_TITLE = regexes.compile(
    r"[ \t]+(?:[-\u2013\u2014][ \t]+)?((?:[A-Z][a-z]+)(?:[ \t]+(?:[A-Z][a-z]+|and|of|the|&))*)"
)
# "Section 30 is a class based qualified exemption", "Sections 24 and 31 are prejudice based
# qualified exemptions", "Section 40(2) being an absolute exemption"
_CLAIM = regexes.compile(
    r"\b(?:is|are|being|was|as)\s+(?:an?\s+|both\s+)?(?P<words>(?:[\w\u2019'-]+[\s,]+){0,5}?)exemptions?\b",
    re.IGNORECASE,
)
_NEGATED = regexes.compile(r"(?:not|never)\b(?!\s+(?:only|just|merely|simply)\b)", re.IGNORECASE)
_OPPOSITE = {"class": "prejudice", "prejudice": "class", "absolute": "qualified", "qualified": "absolute"}
_NATURES = {
    "class": regexes.compile(r"\bclass(?:[\s-]*based)?\b", re.IGNORECASE),
    "prejudice": regexes.compile(r"\bprejudiced?(?:[\s-]*(?:based|test))?\b|\bharm[\s-]*based\b", re.IGNORECASE),
    "absolute": regexes.compile(r"\babsolute\b", re.IGNORECASE),
    "qualified": regexes.compile(r"\bqualified\b", re.IGNORECASE),
}


def check(document: Document, outline: Outline, context: Context) -> Iterator[Finding]:
    yield from _garbled(document, outline)
    yield from _unbracketed(document, outline)
    yield from _skipped_subsection(document, outline)
    yield from _levels_reversed(document, outline)
    yield from _titles(document, outline)
    yield from _grounds(document, outline)
    told: set[tuple[int, int]] = set()  # (paragraph, section) of each nature reported
    yield from _natures(document, outline, told)
    yield from _scottish_natures(document, outline)
    yield from _harm_taken_as_given(document, outline, told)
    yield from _prejudice_test_for_class(document, outline)
    yield from _whose_data(document, outline)
    sections_named = list(_act_sections(document, outline))
    yield from sections_named
    yield from _cost_limit_called_exemption(document, outline)
    yield from _refusal_notice(document, outline)
    named_at = {_where(finding) for finding in sections_named}  # (one finding for "a refusal notice under Section 12")
    yield from (
        finding for finding in _refused_under_the_cost_limit(document, outline) if _where(finding) not in named_at
    )
    yield from _regulations_called_sections(document, outline)
    yield from _qualified_person(document, outline)
    yield from _exemption_number(document, outline)


_PLURAL = regexes.compile(r"\b(?:the\s+following|these)\s+exemptions\b|^\W*applicable\s+exemptions\W*$", re.IGNORECASE)
_SEVERAL_CLAUSES = regexes.compile(r"\([a-h]\)\s*(?:,|and|&)?\s*\([a-h]\)")  # "(a)(b)": "(a)(i)" is one
_SINGULAR = regexes.compile(r"\bthe\s+following\s+exemption\b(?!s|\s?\(s\))", re.IGNORECASE)


def _exemption_number(document: Document, outline: Outline) -> Iterator[Finding]:
    """Plural wording in a letter that cites one exemption, or singular wording over a list of
    several (once each). A singular's list is the citations after it in its paragraph and in the
    lines right after it that start with a citation: a letter may list two exemptions under "the
    following exemptions" and a third under "the following exemption". (A plural's list is not
    read so: its items are often each followed by their explanation.)"""
    by_paragraph: dict[int, list[Citation]] = {}
    for citation in outline.citations:
        if not citation.supporting:
            by_paragraph.setdefault(citation.paragraph, []).append(citation)
    cited = {c.section for found in by_paragraph.values() for c in found}
    if not cited:
        return
    # one section cited in several parts ("31(1)(a) and (b)", or 31(1) and 31(3)) is fairly called
    # "these exemptions": forces and the ICO speak of each limb as an exemption
    found_all = [c for found in by_paragraph.values() for c in found]
    limbs = {(c.section, c.subsection, c.clause) for c in found_all}
    one_limb = len(limbs) == 1 and not any(_SEVERAL_CLAUSES.search(c.text) for c in found_all)
    paragraphs = document.paragraphs
    for position, paragraph in enumerate(paragraphs):
        plural = _PLURAL.search(paragraph.text) if len(cited) == 1 and one_limb else None
        if plural:
            words = plural.group().strip()
            suggestion = re.sub(r"(?i)(exemption)s\b", r"\1", re.sub(r"(?i)\bthese\b", "this", words))
            start = plural.start() + plural.group().index(words)
            message = "Only one exemption is cited, but the wording is for several."
            yield EXEMPTION_NUMBER.finding(message, paragraph, start, start + len(words), replacement=suggestion)
            return
        singular = _SINGULAR.search(paragraph.text) if len(cited) > 1 else None
        listed = _listed_after(paragraphs, position, singular.end(), by_paragraph) if singular else set()
        if singular and len(listed) > 1:
            words = singular.group().strip()
            start = singular.start() + singular.group().index(words)
            message = f"{len(listed)} exemptions are listed here, but the wording is for one."
            yield EXEMPTION_NUMBER.finding(message, paragraph, start, start + len(words), replacement=words + "s")
            return


_LIST_ITEM = regexes.compile(r"^[\s\u2022\u2013\-*\d.)]*(?:sections?|s\.?)\s*\d", re.IGNORECASE)


def _listed_after(
    paragraphs: list[Paragraph], position: int, offset: int, by_paragraph: dict[int, list[Citation]]
) -> set[int]:
    """The sections cited after ``offset`` in paragraph ``position``, and those that open the
    paragraphs right after it that start with a citation (with any joined to them by "and" or a
    comma: not a section named inside the statute's words quoted after it)."""
    listed = {c.section for c in by_paragraph.get(paragraphs[position].index, []) if c.start >= offset}
    for paragraph in paragraphs[position + 1 :]:
        if not _LIST_ITEM.match(paragraph.text) or paragraph.index not in by_paragraph:
            break
        item = sorted(by_paragraph[paragraph.index], key=lambda c: c.start)
        listed.add(item[0].section)
        for before, after in itertools.pairwise(item):
            if not _JOINED.fullmatch(paragraph.text, before.end, after.start):
                break
            listed.add(after.section)
    return listed


_ACT_SECTION = regexes.compile(r"\b[Ss]ection\s+(\d{1,2})(?![\d(A-Za-z])")
_SENTENCE = regexes.compile(r"[^.!?]+[.!?]?")


def _act_sections(document: Document, outline: Outline) -> Iterator[Finding]:
    """A sentence that names one of the Act's duty sections and describes another's duty only (not
    under the Scottish Act, whose sections are numbered otherwise: its refusal notice is s16)."""
    if outline.scottish:
        return
    for paragraph in document.paragraphs:
        if paragraph.index in outline.quoted:
            continue
        for sentence in _SENTENCE.finditer(paragraph.text):
            text = sentence.group()
            described = {number for number, pattern in law.DUTIES.items() if re.search(pattern, text, re.IGNORECASE)}
            if not described:
                continue
            for named in _ACT_SECTION.finditer(text):
                number = int(named[1])
                if number not in law.DUTIES or number in described or len(described) != 1:
                    continue
                (right,) = described
                start = sentence.start() + named.start()
                yield WRONG_SECTION.finding(
                    f"Section {number} is named for what section {right} does.",
                    paragraph,
                    start,
                    sentence.start() + named.end(),
                    replacement=f"{named[0].split()[0]} {right}",
                )


# information called exempt by section 12 (the cost limit) or 14 (vexatious or repeated requests):
# they lift the duty to answer the request (s12's heading calls that an "exemption"), they make no
# information exempt. "We are exempt under section 12 from complying" is right.
_NOT_AN_EXEMPTION = regexes.compile(
    r"\bexempt\s+(?:from\s+disclosure\s+)?(?:by\s+virtue\s+of|under)\s+"
    r"(?:the\s+)?(?P<a>(?:section|s\.?)\s?1[24])(?!\d)"
    r"|\b(?P<b>(?:section|s\.?)\s?1[24])(?!\d)(?:\s?\(\s?\d\s?\))?\s+exempts\s+(?:the\s+)?information\b",
    re.IGNORECASE,
)
# the authority exempt from its duty, as s12 words it: "we are exempt under section 12 from complying"
_AUTHORITY_EXEMPT = regexes.compile(r"\b(?:we|I)\s+(?:are|am|were|was)\s+(?:therefore\s+)?$", re.IGNORECASE)
_FROM_THE_DUTY = regexes.compile(
    r"(?:\s?\(\s?\w{1,4}\s?\))*(?:\s+of\s+the\s+[\w ()]{1,60}?\s+Act(?:\s+\d{4})?)?,?\s+from\s+"
    r"(?:complying|its\s+duty|the\s+duty|having\s+to)",
    re.IGNORECASE,
)


def _cost_limit_called_exemption(document: Document, outline: Outline) -> Iterator[Finding]:
    """ "The information is exempt by virtue of Section 12", "Section 14 exempts information": the
    cost limit and vexatious requests refuse the request, they do not make information exempt
    (the authority is exempt from complying: "we are exempt under section 12 from complying")."""
    for paragraph in _responding(document, outline):
        for match in _NOT_AN_EXEMPTION.finditer(paragraph.text):
            named = "a" if match["a"] else "b"
            if another_act(paragraph.text, match.start(named), match.end(named)):
                continue  # "section 14(1) of the Data Protection Act"
            if named == "a" and (
                _AUTHORITY_EXEMPT.search(paragraph.text, 0, match.start())
                or _FROM_THE_DUTY.match(paragraph.text, match.end())
            ):
                continue  # the authority exempt from its duty to comply: s12's own words
            if outline.environmental and _EXCEPTION_AS_SECTION.match(paragraph.text, match.start(named)):
                continue  # an exception of the Regulations called a section: reported as that
            number = int(re.sub(r"\D", "", match[named])[:2])
            what = "the cost limit" if number == 12 else "a vexatious or repeated request"
            yield WRONG_SECTION.finding(
                f"Section {number} ({what}) lifts the duty to answer the request: it makes no information exempt.",
                paragraph,
                match.start(named) if named == "b" else match.start(),
                match.end(),
                suggestion=f'Say the request is refused under section {number}, e.g. "section {number} applies".',
            )


def _where(finding: Finding) -> tuple[int | None, tuple[int, int] | None]:
    return (finding.location.paragraph if finding.location else None, finding.span)


def _responding(document: Document, outline: Outline) -> Iterator[Paragraph]:
    """The paragraphs in the response's own words (the requester's are theirs to word)."""
    return (paragraph for paragraph in document.paragraphs if paragraph.index not in outline.quoted)


# the notice refusing a request: s17(1) for an exemption, s17(5) for the cost limit or a vexatious request
_NOTICE_UNDER = regexes.compile(
    r"\bnotice\b[^.;]{0,60}?\b(?P<cited>(?:[Ss]ection|s\.?)\s?17\s?\(\s?5\s?\))"
    r"|(?P<before>(?:[Ss]ection|s\.?)\s?17\s?\(\s?5\s?\))[^.;]{0,60}?\bnotice\b"
)
_COST_OR_VEXATIOUS = regexes.compile(
    r"\b(?:section|s\.?)\s?1[24]\b|\bcost\s+limit\b|\bappropriate\s+limit\b|\bvexatious\b|\brepeated\s+request",
    re.IGNORECASE,
)


def _refusal_notice(document: Document, outline: Outline) -> Iterator[Finding]:
    """A refusal notice said to be given under s17(5), the notice for the cost limit (s12) or a
    vexatious request (s14), in a response that refuses under an exemption and under neither of
    those: an exemption's refusal notice is given under s17(1)."""
    if not outline.citations or _COST_OR_VEXATIOUS.search(document.text):
        return
    for paragraph in _responding(document, outline):
        for match in _NOTICE_UNDER.finditer(paragraph.text):
            group = "cited" if match["cited"] else "before"
            written = match[group]
            yield WRONG_SECTION.finding(
                f'"{written}": the refusal notice for the cost limit or a vexatious request; a refusal under '
                "an exemption is a notice under section 17(1).",
                paragraph,
                match.start(group),
                match.end(group),
                replacement=re.sub(r"\(\s?5\s?\)", "(1)", written),
            )
            return


# a refusal said to be made under s12, the cost limit's section: "we are refusing this part of your request
# under Section 12 of the Act", "a refusal notice under Section 12"
_REFUSED_UNDER_12 = regexes.compile(
    r"\brefus\w*\b[^.;]{0,80}?\bunder\s+(?P<cited>(?:[Ss]ection|s\.?)\s?12)\b(?!\s?\(\s?[^1])"
)
# what a response that really refuses on cost, or as vexatious, says of it
_COST_SPOKEN_OF = regexes.compile(
    r"\bcost\s+limit|\bappropriate\s+limit|£\s?(?:450|600)\b|\bexceed|\bvexatious"
    r"|\brepeated\s+request|\bfees\s+regulations"
    # the limit's hours, in a sentence of the work of answering (not "authorised for no more than 24 hours")
    r"|\b(?:18|24)\s+hours\b(?=[^.\n]{0,200}\b(?:cost|limit|locat|retriev|extract|compl[yi]))"
    r"|\b(?:cost|limit|locat|retriev|extract|compl[yi])\w*\b[^.\n]{0,200}\b(?:18|24)\s+hours\b",
    re.IGNORECASE,
)


def _refused_under_the_cost_limit(document: Document, outline: Outline) -> Iterator[Finding]:
    """A refusal said to be made under s12 in a response that refuses under an exemption and says
    nothing of cost: an exemption's refusal is a notice under s17(1); s12 is the cost limit."""
    if not outline.citations or _COST_SPOKEN_OF.search(document.text):
        return
    for paragraph in _responding(document, outline):
        for match in _REFUSED_UNDER_12.finditer(paragraph.text):
            yield WRONG_SECTION.finding(
                f'"{match["cited"]}" is the cost limit; a refusal under an exemption is a notice under section 17(1).',
                paragraph,
                match.start("cited"),
                match.end("cited"),
                suggestion="Cite section 17(1) for the refusal notice, and the exemption relied on.",
            )
            return


# the Regulations are divided into regulations: "Section 13 of the Environmental Information Regulations"
_SECTION_OF_REGULATIONS = regexes.compile(
    r"\b(?P<word>[Ss]ections?|s\.)\s?(?P<number>\d{1,2}(?:\s?\(\s?\w{1,4}\s?\))*)\s+of\s+(?:the\s+)?"
    r"(?:Environmental\s+Information\s+Regulations|EIRs?\b)",
)
# an exception of the Regulations written as a section ("Section 12(5)(e)") in a response under them
# (the Act's own s12(4) has paragraphs (a) and (b): only 12(4)(c)-(e) and 12(5)(a)-(g) are the Regulations')
_EXCEPTION_AS_SECTION = regexes.compile(
    r"\b(?P<word>[Ss]ections?|s\.?)\s?(?P<number>12\s?\(\s?(?:4\s?\)\s?\(\s?[c-e]|5\s?\)\s?\(\s?[a-g])\s?\))"
    r"(?!\s+of\s+the\s+(?:Freedom|FOI|Act)\b)"
)
# the qualified person whose opinion engages s36, named with another section
_QUALIFIED_PERSON = regexes.compile(
    r"\b(?i:qualified\s+person)\b[^.;]{0,40}?\b(?P<cited>(?:[Ss]ection|[Ss]ec\.?|s\.?)\s?(?P<number>\d{1,2})\b(?!\s?\())"
)


def _regulation_word(section_word: str) -> str:
    """ "Section" -> "Regulation", "sections" -> "regulations", "s." -> "regulation"."""
    word = "regulation" + ("s" if section_word.lower() == "sections" else "")
    return word.capitalize() if section_word[:1].isupper() else word


def _regulations_called_sections(document: Document, outline: Outline) -> Iterator[Finding]:
    """A regulation of the Environmental Information Regulations called a section: named with
    the Regulations, or an exception's number (12(4) or 12(5) with its letter, which no section
    of the FOI Act has) in a response under them."""
    for paragraph in _responding(document, outline):
        matches = list(_SECTION_OF_REGULATIONS.finditer(paragraph.text))
        if outline.environmental:
            named = {match.start() for match in matches}
            matches += [m for m in _EXCEPTION_AS_SECTION.finditer(paragraph.text) if m.start() not in named]
        for match in matches:
            yield WRONG_SECTION.finding(
                f'"{match["word"]} {match["number"]}": the Regulations are divided into regulations, not sections.',
                paragraph,
                match.start(),
                match.end("number"),
                replacement=_regulation_word(match["word"]) + f" {match['number']}",
            )


def _qualified_person(document: Document, outline: Outline) -> Iterator[Finding]:
    """The qualified person, whose reasonable opinion engages s36 alone, named with another section."""
    for paragraph in _responding(document, outline):
        for match in _QUALIFIED_PERSON.finditer(paragraph.text):
            if match["number"] == "36":
                continue
            written = match["cited"]
            yield WRONG_SECTION.finding(
                f'"{written}" is named for the qualified person, whose opinion engages section 36.',
                paragraph,
                match.start("cited"),
                match.end("cited"),
                replacement=written[: -len(match["number"])] + "36",
            )


# whose personal data a response is about: s40(5A) is the requester's own, s40(5B) another person's
_THIRD_PARTY = regexes.compile(
    r"\bthird[\s-]+part(?:y|ies)\b|\banother (?:person|individual)\b|\bother (?:people|individuals?)\b",
    re.IGNORECASE,
)
_REQUESTERS_OWN = regexes.compile(
    r"\byour own (?:personal )?(?:data|information)\b|\babout yourself\b|\bsubject access\b", re.IGNORECASE
)


def _whose_data(document: Document, outline: Outline) -> Iterator[Finding]:
    """s40(5A) cited for a third party's data, or s40(5B) for the requester's own."""
    text = " ".join(paragraph.text for paragraph in document.paragraphs)
    third, own = bool(_THIRD_PARTY.search(text)), bool(_REQUESTERS_OWN.search(text))
    if third == own:
        return
    wrong, right, whose = ("5A", "5B", "a third party's") if third else ("5B", "5A", "the requester's own")
    cited = next((c for c in outline.citations if c.section == 40 and c.subsection == wrong), None)
    if cited is None or any(c.section == 40 and c.subsection == right for c in outline.citations):
        return
    yield MISDESCRIBED.finding(
        f"s40({wrong}) is cited, but the response is about {whose} personal data: that is s40({right}).",
        document.paragraphs[cited.paragraph - 1],
        cited.start,
        cited.end,
        replacement=re.sub(r"\(5[AB]\)", f"({right})", cited.text),
    )


def _garbled(document: Document, outline: Outline) -> Iterator[Finding]:
    reported: set[tuple[int, int]] = set()
    for citation in outline.citations:
        if citation.garbled is None or (citation.paragraph, citation.start) in reported:
            continue
        reported.add((citation.paragraph, citation.start))
        yield GARBLED_CITATION.finding(
            f'The brackets of "{citation.text}" are typed wrong.',
            document.paragraphs[citation.paragraph - 1],
            citation.start,
            citation.end,
            replacement=f"Section {citation.label}",
            applicability=Applicability.UNSAFE,  # which brackets were meant is a guess
        )
    yield from _garbled_references(document, outline, reported)
    yield from _number_in_brackets(document, outline)


# "section (1) (1) (a)": the section's own number put in brackets, as its subsection's would be
_NUMBER_IN_BRACKETS = regexes.compile(
    r"\b(?P<word>[Ss]ections?|[Rr]egulations?)\s?\((?P<number>\d{1,3}[A-Z]?)\)(?P<levels>(?:\s?\([0-9A-Za-z]{1,4}\))+)"
)


def _number_in_brackets(document: Document, outline: Outline) -> Iterator[Finding]:
    """A section whose own number is bracketed like a subsection, before its subsection: which
    provision is meant is read from the order ("section (1) (1) (a)" is section 1(1)(a))."""
    for paragraph in _responding(document, outline):
        for match in _NUMBER_IN_BRACKETS.finditer(paragraph.text):
            levels = "".join(f"({level})" for level in re.findall(r"\(([0-9A-Za-z]{1,4})\)", match["levels"]))
            yield GARBLED_CITATION.finding(
                f'The brackets of "{match.group()}" are typed wrong: the section\'s own number is not bracketed.',
                paragraph,
                match.start(),
                match.end(),
                replacement=f"{match['word']} {match['number']}{levels}",
                applicability=Applicability.UNSAFE,
            )


# a reference to any provision: the Regulations' ("Regulation 12(5(b)"), another section of the Act
_BRACKETS = regexes.compile(r"(?=\s?\()\s?[()0-9A-Za-z]*\)")  # what follows its number, up to its last bracket
_REFERENCE = regexes.compile(
    r"\b(?P<word>[Rr]egulations?|[Rr]eg\.|[Ss]ections?|[Aa]rticles?)\s?(?P<number>\d{1,3}[A-Z]?)"
)


def _garbled_references(document: Document, outline: Outline, reported: set[tuple[int, int]]) -> Iterator[Finding]:
    """A reference other than an exemption's citation whose brackets are typed wrong: an empty
    pair, one opened inside another ("33(1(a))"), or more opened than closed, or closed than
    opened where nothing before them is open ("(by virtue of Section 30(2))" closes its own
    bracket)."""
    for paragraph in _responding(document, outline):
        text = paragraph.text
        for match in _REFERENCE.finditer(text):
            if (paragraph.index, match.start()) in reported:
                continue
            brackets = _BRACKETS.match(text, match.end())
            if brackets is None:
                continue
            written = brackets.group()
            opened, closed = written.count("("), written.count(")")
            left_open = text.count("(", 0, match.start()) - text.count(")", 0, match.start())
            if "()" not in written and (opened == closed or 0 < closed - opened <= left_open) and not _nested(written):
                continue
            levels = re.findall(r"[0-9]{1,2}[A-Z]?|[a-z]{1,3}", written)
            yield GARBLED_CITATION.finding(
                f'The brackets of "{text[match.start() : brackets.end()]}" are typed wrong.',
                paragraph,
                match.start(),
                brackets.end(),
                replacement=f"{match['word']} {match['number']}" + "".join(f"({level})" for level in levels),
                applicability=Applicability.UNSAFE,
            )


def _nested(brackets: str) -> bool:
    """A bracket opened inside another ("33(1(a))"): a citation's levels each have their own."""
    depth = 0
    for char in brackets:
        depth += 1 if char == "(" else -1 if char == ")" else 0
        if depth > 1:
            return True
    return False


# "section 33 1(b)": the subsection's number without its brackets, in any Act (FOISA's too)
_UNBRACKETED = regexes.compile(
    r"(?P<word>[Ss]ections?|[Rr]egulations?|s\.?)\s?(?P<number>\d{1,3}[A-Z]?)\s(?P<subsection>\d{1,2}[A-Z]?)"
    r"(?P<rest>(?:\([a-z]{1,4}\))+)"
)


def _unbracketed(document: Document, outline: Outline) -> Iterator[Finding]:
    for paragraph in document.paragraphs:
        if paragraph.index in outline.quoted:
            continue
        for match in _UNBRACKETED.finditer(paragraph.text):
            if match.start() and paragraph.text[match.start() - 1].isalnum():
                continue  # inside a word: "bus 12 3(a)"
            meant = f"{match['word']} {match['number']}({match['subsection']}){match['rest']}"
            yield GARBLED_CITATION.finding(
                f'The subsection of "{match.group()}" has lost its brackets: "{meant}"',
                paragraph,
                match.start(),
                match.end(),
                replacement=meant,
                applicability=Applicability.UNSAFE,
            )


# "Section 31(a)", "Section 31 (a)(b)": paragraph letters straight after the section number
_LETTER_AFTER_SECTION = regexes.compile(
    r"\b(?:[Ss]ections?|s\.?)\s?(?P<number>\d{1,2})(?P<gap>\s?)\((?P<letter>[a-z])\)(?P<more>(?:\s?\([a-z]\))*)(?!\s?\()"
)
_LETTER = regexes.compile(r"\(([a-z])\)")


def _skipped_subsection(document: Document, outline: Outline) -> Iterator[Finding]:
    """ "Section 1(a)" or "Section 31(a)": a paragraph letter straight after the section number,
    where the Act has it only under subsection (1)."""
    if outline.scottish:  # the Scottish Act letters some sections straight away
        return
    for paragraph in document.paragraphs:
        if paragraph.index in outline.quoted:
            continue
        text = paragraph.text
        for found in _LETTER_AFTER_SECTION.finditer(text):
            number, letter = int(found["number"]), found["letter"]
            letters = [letter, *_LETTER.findall(found["more"])]
            if not all(law.lettered_first_subsection(number, each) for each in letters):
                continue
            if not foi_act(text, found.start(), found.end()):
                continue
            written = "".join(f"({each})" for each in letters)
            right = f"{number}(1){written}"
            where = found.start("gap")
            yield GARBLED_CITATION.finding(
                f'The Act has no "{number}{written}": paragraph{"s" if len(letters) > 1 else ""} {written} '
                f"{'are' if len(letters) > 1 else 'is'} in subsection (1), s{right}.",
                paragraph,
                found.start(),
                found.end(),
                replacement=text[found.start() : where] + "(1)" + text[found.end("gap") : found.end()],
                applicability=Applicability.SAFE,  # the Act has the letters only under (1)
            )


# a sub-paragraph's numeral straight after the subsection, before its paragraph's letter:
# "30(2)(i)(a)" for 30(2)(a)(i) (after a paragraph (i) only a numeral could follow, so the letter
# says the order is reversed either way; "30(2)(a)(i)(b)" is a list, "(a)(i) and (b)")
_NUMERAL_THEN_LETTER = regexes.compile(
    r"(?:(?<=[0-9A-Z]\))|(?<=[0-9A-Z]\)\s))\(\s?(?P<numeral>i{1,3}|iv|vi{0,3}|ix)\s?\)(?P<gap>\s?)\(\s?(?P<letter>[a-hj-uwyz])\s?\)"
)


def _levels_reversed(document: Document, outline: Outline) -> Iterator[Finding]:
    """A citation whose sub-paragraph comes before its paragraph: "Section 30(2)(i)(a)"."""
    for citation in outline.citations:
        found = _NUMERAL_THEN_LETTER.search(citation.text)
        if found is None or ord(found["letter"]) == ord(found["numeral"][-1]) + 1:
            continue  # "31(2)(i)(j)": (i) is a letter there, and the two a list
        swapped = f"({found['letter']}){found['gap']}({found['numeral']})"
        meant = citation.text[: found.start()] + swapped + citation.text[found.end() :]
        yield GARBLED_CITATION.finding(
            f'"{citation.text}" has its levels in the wrong order: sub-paragraph ({found["numeral"]}) is part of '
            f'paragraph ({found["letter"]}), written after it: "{meant}"',
            document.paragraphs[citation.paragraph - 1],
            citation.start,
            citation.end,
            replacement=meant,
            applicability=Applicability.UNSAFE,  # the numeral might be a slip for another letter
        )


_RUNS_ON = regexes.compile(r"\s[-\u2013\u2014]\s")
# nothing before a citation on its line but a bullet, or a label ("Exemption applied: Section 43(2)")
_LABEL_BEFORE = regexes.compile(
    r"[\s\-\u2022*]*(?:(?:applicable\s+)?exemptions?(?:\s+applied)?\s*[:\-\u2013]\s*)?", re.IGNORECASE
)


def _titles(document: Document, outline: Outline) -> Iterator[Finding]:
    """A citation on a line of its own (or with its title in brackets) titled as another section."""
    reported: set[tuple[int, int]] = set()
    for paragraph in document.paragraphs:
        cited = outline.cited_in(paragraph.index)
        for position, citation in enumerate(cited):
            end = cited[position + 1].start if position + 1 < len(cited) else len(paragraph.text)
            rest = paragraph.text[citation.end : end]
            # (up to a dash that runs on into an explanation: "Section 43(2) Trade Secrets - information is ...")
            title = _RUNS_ON.split(rest[_SEPARATOR.match(rest).end() :], maxsplit=1)[0].strip(" .;:)")
            starts_a_line = _LABEL_BEFORE.fullmatch(paragraph.text, 0, citation.start) is not None or (
                paragraph.locate(citation.start, citation.start + 1).column == 1  # lines a reader joined
            )
            on_its_own = starts_a_line and len(title.split()) <= _TITLE_WORDS
            bracketed = rest.lstrip().startswith("(")
            if bracketed and not on_its_own:  # "s.38(1)(b) (personal information), and ...": the brackets' words
                title = title.split(")")[0].strip(" .;:,")
            inline = None if on_its_own or bracketed else _INLINE_TITLE.match(rest)
            if (
                inline
            ):  # in running text, a title in capitals straight after it: "Section 26(1)(b) International Relations and"
                title = re.sub(r"\s+(?:and|of|the|&)$", "", inline[1])
            if not title or not (on_its_own or bracketed or inline):
                continue
            own = law.EXEMPTIONS[citation.section]
            if re.search(own.title, title, re.IGNORECASE):
                if not inline:  # (in running text the section's own title is the whole section's)
                    yield from _subsection_titled_as_another(paragraph, citation, own, title, rest)
                continue
            other = next(
                (e for e in law.EXEMPTIONS.values() if e.section != own.section and re.search(e.title, title, re.I)),
                None,
            )
            if other is None or (citation.section, other.section) in reported:
                continue
            reported.add((citation.section, other.section))
            end = citation.end + _SEPARATOR.match(rest).end() + len(title)
            if bracketed and paragraph.text[end : end + 1] == ")":
                end += 1
            yield MISDESCRIBED.finding(
                f'"{title}" is the title of section {other.section} ({other.name}); section {citation.section} is '
                f"{own.name}.",
                paragraph,
                citation.start,
                end,
                replacement=f"s{citation.label} {own.name}",
            )


def _subsection_titled_as_another(
    paragraph: Paragraph, citation: Citation, own: law.Exemption, title: str, rest: str
) -> Iterator[Finding]:
    """A subsection titled as its sibling: "Section 43(2) Trade Secrets" (s43(1) is trade secrets)."""
    if citation.subsection not in own.subsection_titles:
        return
    words, name = own.subsection_titles[citation.subsection]
    if re.search(words, title, re.IGNORECASE):
        return
    for other, (other_words, other_name) in own.subsection_titles.items():
        if other != citation.subsection and re.search(other_words, title, re.IGNORECASE):
            end = citation.end + _SEPARATOR.match(rest).end() + len(title)
            yield MISDESCRIBED.finding(
                f'"{title}" is the title of section {own.section}({other}) ({other_name}); section '
                f"{citation.label} is {name}.",
                paragraph,
                citation.start,
                end,
                replacement=f"s{citation.label} {name}",
            )
            return


_GROUND_REACH = 60  # characters of a ground's name written before the bracketed citation it names


def _grounds(document: Document, outline: Outline) -> Iterator[Finding]:
    """s31(1)'s paragraph named by another paragraph's ground, beside it: "the administration of
    justice [section 31(1)(a)]" (that is 31(1)(c)), "Section 31(1)(a) - apprehension of offenders"."""
    for citation in outline.citations:
        if citation.section != 31 or citation.subsection != "1" or citation.clause not in law.LAW_ENFORCEMENT_GROUNDS:
            continue
        paragraph = document.paragraphs[citation.paragraph - 1]
        text = paragraph.text
        named = ""
        if citation.start and text[citation.start - 1] in "[(":  # "administration of justice [section 31(1)(a)]"
            named = re.split(r"[.;:,\n]", text[max(0, citation.start - 1 - _GROUND_REACH) : citation.start - 1])[-1]
        following = text[citation.end : citation.end + _GROUND_REACH]
        if re.match(r"\s*(?:[-\u2013\u2014:]|\()", following):  # "31(1)(a) - the prevention ..."
            named += " " + re.split(r"[.;,)\n]", following.lstrip(" -\u2013\u2014:("))[0]
        own = law.LAW_ENFORCEMENT_GROUNDS[citation.clause]
        if not named.strip() or re.search(own, named, re.IGNORECASE):
            continue
        other = next(
            (
                letter
                for letter, ground in law.LAW_ENFORCEMENT_GROUNDS.items()
                if letter != citation.clause and re.search(ground, named, re.IGNORECASE)
            ),
            None,
        )
        if other is None:
            continue
        yield MISDESCRIBED.finding(
            f"s31(1)({citation.clause}) is named here by the ground of s31(1)({other}): one of the two is wrong.",
            paragraph,
            citation.start,
            citation.end,
            suggestion=f"Cite s31(1)({other}), or name the ground of s31(1)({citation.clause}).",
        )


def _natures(document: Document, outline: Outline, told: set[tuple[int, int]]) -> Iterator[Finding]:
    """What a sentence says the exemptions before its verb are: class or prejudice, absolute or
    qualified (or, opening the paragraph under a citation's heading, "This is a class-based
    exemption": that citation). Each (paragraph, section) reported goes into ``told``."""
    for paragraph in document.paragraphs:
        cited = outline.cited_in(paragraph.index)
        heading = None if cited else _heading_citation(document, outline, paragraph)
        if not cited and heading is None:
            continue
        claimed_to = -1  # where the last claim ended: the citations before it were its subjects
        for claim in _CLAIM.finditer(paragraph.text):
            sentence_start = max(
                paragraph.text.rfind(".", 0, claim.start()), paragraph.text.rfind(":", 0, claim.start())
            )
            subjects_from, claimed_to = max(sentence_start, claimed_to), claim.end()
            # ("Sections 24 and 30 are qualified exemptions, and section 31 is a prejudice-based
            # qualified exemption": the second claim is s31's alone)
            if heading is not None:
                if sentence_start >= 0:
                    break  # (only the paragraph's first sentence speaks of the heading's section)
                if _COMPARED.search(claim["words"]):
                    continue  # "This is unlike the class-based exemptions": said of others
                subjects = [heading]
            else:
                subjects = _subjects(
                    [c for c in cited if subjects_from < c.start and c.end <= claim.start()], paragraph.text
                )
            said = {nature for nature, pattern in _NATURES.items() if pattern.search(claim["words"])}
            if _NEGATED.match(claim["words"]):  # "is not a qualified exemption": it is absolute
                said = {_OPPOSITE[nature] for nature in said}
            wrong = [found for citation in subjects if (found := _wrong_as_cited(citation, said, outline))]
            if wrong:
                told.update((paragraph.index, citation.section) for citation, _ in wrong)
                # the statement from its first wrong subject ("Sections 23(5) and 24(2) are qualified
                # exemptions"), or from its claim where the subject is a heading's citation
                start = claim.start() if heading is not None else min(c.start for c, _ in wrong)
                finding = MISDESCRIBED.finding(
                    " ".join(problem for _, problem in wrong),
                    paragraph,
                    start,
                    claim.end(),
                    suggestion="; ".join(_right(citation, frozenset(said)) for citation, _ in wrong),
                )
                if all(c.section in law.HARM_TESTED and "called class-based" in problem for c, problem in wrong):
                    # (s24 called class-based: neither word fits it, and forces' and the ICO's own
                    # wording varies; a note, not a fault)
                    finding.severity = Severity.INFO
                yield finding


# Under the Freedom of Information (Scotland) Act 2002, which exemptions are absolute (s2(2)) and
# which qualified; s36 (absolute in (2) only), s38 and s41 (absolute in part) are left alone
_SCOTTISH_ABSOLUTE = {25: "information otherwise accessible", 26: "prohibitions on disclosure", 37: "court records"}
_SCOTTISH_QUALIFIED = {
    27: "information intended for future publication",
    28: "relations within the United Kingdom",
    29: "formulation of Scottish Administration policy",
    30: "prejudice to effective conduct of public affairs",
    31: "national security and defence",
    32: "international relations",
    33: "commercial interests and the economy",
    34: "investigations by Scottish public authorities",
    35: "law enforcement",
    39: "health, safety and the environment",
    40: "audit functions",
}
_SCOTTISH_NATURE = regexes.compile(
    r"\b[Ss]ections?\s+(?P<section>\d{2})(?:\s?\(\s?\d\s?\))?(?:\s?\([a-z]\))*(?:\s*(?:&|and)\s*\([a-z]\))?"
    r"(?:\s+of\s+(?:the\s+)?(?:FOISA|Act))?\s+(?:is|are)\s+(?:an?\s+)?"
    r"(?:(?:class|prejudice|harm)[\s-]*based\s*,?\s*(?:and\s+)?)?(?P<nature>absolute|qualified)\b"
)


# a letter answered under FOISA sends the requester to the Scottish Information Commissioner; one
# answered under the 2000 Act, to the ICO
_A_SCOTTISH_LETTER = regexes.compile(r"Scottish\s+Information\s+Commissioner|\bFOISA\b")
_AN_ENGLISH_LETTER = regexes.compile(r"Information\s+Commissioner'?s\s+Office|\bICO\b")


def _scottish_natures(document: Document, outline: Outline) -> Iterator[Finding]:
    """Under FOISA (whose sections the Act's table does not describe), a section called absolute
    that is qualified, or the reverse ("Section 35 is an absolute exemption": law enforcement,
    qualified)."""
    if not outline.scottish:
        return
    text = " ".join(paragraph.text for paragraph in document.paragraphs)
    if not _A_SCOTTISH_LETTER.search(text) or _AN_ENGLISH_LETTER.search(text):
        return  # a letter that names the Scottish Act in passing ("Police Scotland answers under ...")
    for paragraph in document.paragraphs:
        if paragraph.index in outline.quoted or "ection" not in paragraph.text:
            continue
        for found in _SCOTTISH_NATURE.finditer(paragraph.text):
            section, nature = int(found["section"]), found["nature"].lower()
            if nature == "absolute" and section in _SCOTTISH_QUALIFIED:
                right, what = "qualified", _SCOTTISH_QUALIFIED[section]
                why = "the public interest test applies"
            elif nature == "qualified" and section in _SCOTTISH_ABSOLUTE:
                right, what = "absolute", _SCOTTISH_ABSOLUTE[section]
                why = "no public interest test applies"
            else:
                continue
            yield MISDESCRIBED.finding(
                f"s{section} of the Freedom of Information (Scotland) Act ({what}) is called {nature}, but it is "
                f"{right}: {why}.",
                paragraph,
                found.start("nature"),
                found.end("nature"),
                suggestion=f"s{section} of FOISA is a {right} exemption",
            )


# a paragraph that speaks of the exemption its heading cites: "This is a qualified and class-based
# exemption.", "This exemption is absolute."
_OF_THE_HEADING = regexes.compile(r"^\W*(?:This|It)(?:\s+exemption)?\s+is\b")
_COMPARED = regexes.compile(r"\b(?:unlike|like|than|other)\b", re.IGNORECASE)
HEADING_REACH = 2  # paragraphs back to the heading: the heading, then perhaps its statute quoted


def _heading_citation(document: Document, outline: Outline, paragraph: Paragraph) -> Citation | None:
    """The citation a paragraph opening "This is ..." speaks of: the one section cited by the
    nearest paragraph above it (within HEADING_REACH) that cites any."""
    if not _OF_THE_HEADING.match(paragraph.text):
        return None
    for index in range(paragraph.index - 1, max(0, paragraph.index - 1 - HEADING_REACH), -1):
        cited = outline.cited_in(index)
        if cited:
            return cited[-1] if len({c.section for c in cited}) == 1 else None
    return None


def _wrong_as_cited(citation: Citation, said: set[str], outline: Outline) -> tuple[Citation, str] | None:
    """(the citation meant, what is wrong with ``said`` of it) or None: `_wrong`, where a section
    named alone ("Section 43 is a class-based exemption") stands for the one subsection of it that
    the draft cites (s43(2), prejudice-based), if it cites exactly one."""
    problem = _wrong(citation, said)
    if problem or citation.subsection:
        return (citation, problem) if problem else None
    cited = {c.subsection for c in outline.citations if c.section == citation.section and c.subsection}
    if len(cited) != 1:
        return None
    meant = dataclasses.replace(citation, subsection=cited.pop(), clause=None)
    problem = _wrong(meant, said)
    if problem is None:
        return None
    return meant, problem.replace(f"s{meant.label} is", f"s{citation.label}, cited as s{meant.label}, is", 1)


_JOINED = regexes.compile(r"[\s,]*(?:and|&|or)?[\s,]*", re.IGNORECASE)


def _subjects(before: list[Citation], text: str) -> list[Citation]:
    """The citations a claim is about: the last before its verb, and those joined to it by "and"
    or a comma ("Sections 24 and 31 are"), not every citation earlier in a list that lacks full
    stops ("Section 24(2) - National Security Section 23 is absolute")."""
    if not before:
        return []
    subjects = [before[-1]]
    for earlier in reversed(before[:-1]):
        if not _JOINED.fullmatch(text, earlier.end, subjects[0].start):
            break
        subjects.insert(0, earlier)
    return subjects


# the words of a class-based exemption: the harm is taken as given
_HARM_GIVEN = regexes.compile(
    r"\blegislators?\b[^.]{0,40}?\b(?:accepted|accept|accepts|identified|recognised|decided)\b[^.]{0,40}?\bharm\b",
    re.IGNORECASE,
)


def _harm_taken_as_given(document: Document, outline: Outline, told: set[tuple[int, int]]) -> Iterator[Finding]:
    """A prejudice-based exemption described in class-based words ("the legislators have already
    accepted the harm"), in a sentence that does not call it prejudice-based (nor where the same
    paragraph has called that section class-based: ``told``, the slip told once)."""
    for paragraph in document.paragraphs:
        heading = None if outline.cited_in(paragraph.index) else _heading_citation(document, outline, paragraph)
        for wording in _HARM_GIVEN.finditer(paragraph.text):
            start = max(paragraph.text.rfind(". ", 0, wording.start()), 0)
            end = paragraph.text.find(". ", wording.end())
            sentence = paragraph.text[start : end if end >= 0 else len(paragraph.text)]
            if _NATURES["prejudice"].search(sentence):
                continue
            subjects = [
                c
                for c in ([heading] if heading else outline.cited_in(paragraph.index))
                if (heading or start <= c.start < wording.start())
                and law.basis(c.section, c.subsection) == law.PREJUDICE
            ]
            if subjects and (paragraph.index, subjects[0].section) not in told:
                yield MISDESCRIBED.finding(
                    f"s{subjects[0].label} is described as if class-based (the harm taken as given), but it is "
                    "prejudice-based: the harm must be shown.",
                    paragraph,
                    wording.start(),
                    wording.end(),
                    suggestion=_right(subjects[0]),
                )


# "I am required to complete a Prejudice Test/Public Interest Test", not "no prejudice test is needed"
_PREJUDICE_TEST = regexes.compile(r"\bprejudice\s+test\b", re.IGNORECASE)
_DENIED = regexes.compile(r"\b(?:no|not|nor|without|neither|unnecessary|need\s+not)\b", re.IGNORECASE)


def _prejudice_test_for_class(document: Document, outline: Outline) -> Iterator[Finding]:
    """A "prejudice test" carried out where every exemption cited is class-based (s30): no
    prejudice need be shown, so the test named is not the one the exemption asks for."""
    cited = [c for c in outline.citations if not c.supporting and c.section in law.EXEMPTIONS]
    if not cited or any(law.basis(c.section, c.subsection) != law.CLASS for c in cited):
        return
    for paragraph in document.paragraphs:
        for match in _PREJUDICE_TEST.finditer(paragraph.text):
            start = max(paragraph.text.rfind(". ", 0, match.start()), 0)
            if _DENIED.search(paragraph.text, start, match.start()):
                continue  # "as it is class-based, no prejudice test is needed"
            sections = list(dict.fromkeys(f"s{c.section}" for c in cited))
            named = " and ".join(sections) + (" are" if len(sections) > 1 else " is")
            yield MISDESCRIBED.finding(
                f"A prejudice test is for prejudice-based exemptions, but {named} class-based: no "
                "prejudice need be shown, only the public interest weighed.",
                paragraph,
                match.start(),
                match.end(),
                suggestion="Speak of the public interest test alone.",
            )
            return


def _wrong(citation: Citation, said: set[str]) -> str | None:
    basis = law.basis(citation.section, citation.subsection)
    absolute = law.is_absolute(citation.section, citation.subsection)
    name = f"s{citation.label}"
    if "class" in said and basis == law.PREJUDICE:
        return f"{name} is called class-based, but it is prejudice-based: the harm must be shown."
    if "class" in said and basis is None and citation.section in law.HARM_TESTED:
        return (
            f"{name} is called class-based, but it applies only where exemption is required to safeguard national "
            "security: the harm must be shown."
        )
    if "prejudice" in said and basis == law.CLASS:
        sibling = _prejudice_sibling(citation)
        if sibling:
            return f"{name} is class-based; called prejudice-based, it is s{sibling} that is meant."
        return f"{name} is called prejudice-based, but it is class-based."
    if "absolute" in said and absolute is False:
        return f"{name} is called absolute, but it is qualified: the public interest test applies."
    if "qualified" in said and absolute is True:
        return f"{name} is called qualified, but it is absolute: no public interest test applies."
    return None


def _prejudice_sibling(citation: Citation) -> str | None:
    """The prejudice-based subsection of a section whose cited subsection is class-based (s43(2)
    beside s43(1)): what a draft that calls the exemption prejudice-based means to cite."""
    exemption = law.EXEMPTIONS[citation.section]
    found = [sub for sub, basis in exemption.basis_by_subsection.items() if basis == law.PREJUDICE]
    return f"{citation.section}({found[0]})" if len(found) == 1 else None


def _right(citation: Citation, said: frozenset[str] = frozenset()) -> str:
    """What the cited exemption is; where the draft calls a class-based subsection prejudice-based
    and the section has a prejudice-based one, the citation to make instead."""
    sibling = _prejudice_sibling(citation) if "prejudice" in said else None
    if sibling and law.basis(citation.section, citation.subsection) == law.CLASS:
        return f"Cite s{sibling} (prejudice-based) if the argument is prejudice; s{citation.label} is class-based"
    basis = law.basis(citation.section, citation.subsection)
    absolute = law.is_absolute(citation.section, citation.subsection)
    nature = {True: "absolute", False: "qualified", None: ""}[absolute]
    words = " ".join(word for word in (f"{basis}-based" if basis else "", nature) if word)
    article = "an" if words[:1] in ("a", "e", "i", "o", "u") else "a"
    return f"s{citation.label} is {article} {words} exemption"
