"""Links and references: every URL in the draft (in the text, in angle brackets, followed by
punctuation, or behind a Word or HTML hyperlink; the readers join a link that extraction broke across lines) checked
against the packs' stale and superseded links; plain http:// warned; outdated bodies, law and
markings (from the packs) flagged; with --check-links, each link tried online."""

from __future__ import annotations

import datetime
import functools
import re
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, unquote, urlsplit

from pitlint import regexes
from pitlint.checks import Context
from pitlint.checks._patterns import pattern_findings, right_then
from pitlint.dates import written_on
from pitlint.document import Document, Paragraph
from pitlint.findings import Applicability, Category, Finding, FixAvailability, Rule, Severity
from pitlint.outline import Citation, Outline

if TYPE_CHECKING:
    from pitlint.linkcheck import LinkRun

STALE_LINK = Rule(
    "PIT501",
    "stale-link",
    Category.LINK,
    Severity.WARNING,
    "A link to a page or document known to have moved, been withdrawn or been superseded.",
    "Guidance moves: the College of Policing moved APP to www.college.police.uk/app/, decommissioned "
    "the Information Assurance APP in July 2025, and no longer links to the 2014 Community Security "
    "Policy. A PIT that cites them points the requester at something that is gone or no longer "
    "policy. The packs list known stale links with their replacements.",
    "A copy of this can be found at http://library.college.police.uk/docs/APP-Community-Security-Policy-2014.pdf",
    "The current policy is the NPCC's information assurance guidance.",
    fix=FixAvailability.SOMETIMES,
    fix_safety=Applicability.UNSAFE,
    action="Replace the link with the current page or document, or remove it.",
)
INSECURE_LINK = Rule(
    "PIT502",
    "insecure-link",
    Category.LINK,
    Severity.WARNING,
    "A plain http:// link.",
    "Links in a published response should use https://: most sites redirect, and some browsers warn "
    "or refuse plain http. A response dated before July 2018, when browsers began to mark every plain "
    "http page as not secure, is not reported: its links were written as sites then gave them.",
    "See http://www.college.police.uk/app",
    "See https://www.college.police.uk/app",
    fix=FixAvailability.SOMETIMES,
    fix_safety=Applicability.UNSAFE,
)
OUTDATED_REFERENCE = Rule(
    "PIT503",
    "outdated-reference",
    Category.LINK,
    Severity.WARNING,
    "A body, law, term, marking or threat level that time has overtaken.",
    "Reused wording keeps references that time has overtaken: ACPO (replaced by the NPCC in 2015), "
    'the Data Protection Act 1998 (replaced in 2018), "Not Protectively Marked" (replaced in 2014), '
    "s40(5) (renumbered in 2018), force names that have changed, a threat level of SEVERE copied from "
    "before it was lowered. Each is reported only in a response dated after the change.",
    "In line with ACPO guidance and the Data Protection Act 1998 ...",
    "In line with NPCC guidance and the Data Protection Act 2018 ...",
    fix=FixAvailability.SOMETIMES,
    fix_safety=None,
    action="Replace the name with the current one.",
)
DEAD_LINK = Rule(
    "PIT504",
    "dead-link",
    Category.LINK,
    Severity.WARNING,
    "A link that does not work (checked online with --check-links).",
    "With --check-links each http(s) link is requested (within a deadline, without credentials or "
    "cookies, results cached for a day); a page that answers 404 or another error or does not answer "
    "in time, and an address that cannot work (an empty label in the host name, a bad IPv6 address), "
    "are reported.",
    "See https://www.example.police.uk/old-page (404 Not Found)",
    "See https://www.example.police.uk/current-page",
    action="Replace the link with one that works, or remove it.",
)
MOVED_LINK = Rule(
    "PIT505",
    "moved-link",
    Category.LINK,
    Severity.INFO,
    "A link that permanently redirects elsewhere (checked online with --check-links).",
    "A permanent redirect (301 or 308) means the page has a new address; cite that instead, before the "
    "old one stops working.",
    "See http://www.college.police.uk/app",
    "See https://www.college.police.uk/app/",
    fix=FixAvailability.SOMETIMES,
    fix_safety=Applicability.SAFE,
    action="Replace the link with the address it now leads to.",
)
UNCHECKED_LINK = Rule(
    "PIT506",
    "unchecked-link",
    Category.LINK,
    Severity.INFO,
    "A link --check-links did not check (time or link limit reached, or a redirect not followed).",
    "The online check is bounded: each link gets a deadline, a run gets 60 s and at most 1,000 links, "
    "and a redirect is followed only to the standard web ports (or the link's own host and port) and "
    "never from a public address to a private one. A link the check did not get to, or would not "
    "follow, is noted so that nobody takes silence for a working link; check it by hand.",
    "See https://www.example.police.uk/page (not checked online: the run's 60 s for checking links was spent)",
    "See https://www.example.police.uk/page (checked: 200 OK)",
    action="Check the link by hand before publishing.",
)
MALFORMED_LINK = Rule(
    "PIT508",
    "malformed-link",
    Category.LINK,
    Severity.WARNING,
    'A link whose "https://" is mistyped ("https//", "http:/", "htps://").',
    "A link with its scheme mistyped does not work when clicked, and a reader copying it gets an error. "
    "A missing colon or slash, a semicolon or a full stop for the colon, backslashes, or a letter "
    'dropped or doubled in "http" are reported with the scheme written as it should be.',
    "The guidance is at https//www.college.police.uk/app",
    "The guidance is at https://www.college.police.uk/app",
    fix=FixAvailability.ALWAYS,
    fix_safety=Applicability.SAFE,
)
WRAPPED_LINK = Rule(
    "PIT509",
    "mail-filter-link",
    Category.LINK,
    Severity.WARNING,
    "A link rewritten by an e-mail filter (Safe Links, Mimecast, Proofpoint) instead of the address itself.",
    "A link copied from an e-mail the force received is often the mail filter's wrapper around the real "
    "address: it routes the reader through the force's filter, breaks when the filter's token expires, "
    'and can carry the mailbox it was sent to ("CivilDisclosure%40force.police.uk"). Where the wrapper '
    "holds the address in the clear (Safe Links' url=, Proofpoint's v3 form), it is suggested. The "
    "requester's words are checked too: the wrapping was done on the force's side.",
    "https://eur02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.org%2Fpage&data=05%7C02%7Cfoi%40force.police.uk",
    "https://example.org/page",
    fix=FixAvailability.SOMETIMES,
    fix_safety=Applicability.UNSAFE,
    action="Replace the wrapper with the address it leads to.",
)
# the hosts of the wrappers mail filters put around links
_WRAPPER = regexes.compile(
    r"^(?:https?://)?(?:[\w-]+\.)*(?:safelinks\.protection\.outlook\.com|urldefense(?:\.proofpoint)?\.com"
    r"|protect(?:-[a-z]{2})?\.mimecast\.com|linkprotect\.cudasvc\.com)\b",
    re.IGNORECASE,
)
_MAILBOX = regexes.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
_PROOFPOINT_V3 = regexes.compile(r"/v3/__(?P<url>.+?)__;", re.IGNORECASE)
# Chrome 68 (24 July 2018) marked every plain http page "Not secure"; before it, sites gave http links
HTTPS_EXPECTED = datetime.date(2018, 7, 24)
RULES = (
    STALE_LINK,
    INSECURE_LINK,
    OUTDATED_REFERENCE,
    DEAD_LINK,
    MOVED_LINK,
    UNCHECKED_LINK,
    MALFORMED_LINK,
    WRAPPED_LINK,
)

_URL = regexes.compile(r"(?:https?://|www\.)[^\s<>\"'\u201c\u201d]+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}'\u2019\u201d"


# a link's scheme mistyped: the right "http(s)" before a wrong separator ("https//", "http:/www",
# "https;//", "https:\\\\"), or a wrong "http(s)" before the right one ("htps://", "hhtp://")
_MALFORMED = regexes.compile(
    r"(?<![\w/.:])(?:(?P<right>https?)(?://|:/(?!/)|;//|\.//|:\\\\)|(?P<wrong>htt?ps?|h+t+p+s?|htt?sp)://)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FoundLink:
    url: str
    paragraph: Paragraph
    start: int
    end: int


def find_links(document: Document) -> list[FoundLink]:
    """Every link in the draft with the words that show it."""
    found: list[FoundLink] = []
    for paragraph in document.paragraphs:
        text = paragraph.text
        for match in _URL.finditer(text):
            start, end = match.span()
            url = match.group()
            while url[-1] in _TRAILING and not (url[-1] == ")" and "(" in url):
                url, end = url[:-1], end - 1
            found.append(FoundLink(url, paragraph, start, end))
        for link in paragraph.links:
            if not any(f.paragraph is paragraph and f.url == link.url for f in found):
                found.append(FoundLink(link.url, paragraph, link.start, link.end))
    return found


def check(document: Document, outline: Outline, context: Context) -> Iterator[Finding]:
    # a link in the requester's words is theirs to keep (the online check still tries it)
    links = find_links(document)
    own = [link for link in links if link.paragraph.index not in outline.quoted]
    stale = context.packs.for_rule(STALE_LINK.code)
    written = functools.cache(lambda: written_on(document))  # the letter's date, read at need and once a draft
    for link in own:
        entry = next((entry for entry in stale if entry.pattern.search(link.url)), None)
        if entry is not None:
            finding = STALE_LINK.finding(
                entry.message or f"{link.url} is a stale link",
                link.paragraph,
                link.start,
                link.end,
                suggestion=entry.suggestion,
                **_url_fix(link, entry.suggestion, entry.applicability(STALE_LINK)),
            )
            if entry.severity:
                finding.severity = entry.severity
            yield finding
        if link.url.lower().startswith("http://") and not right_then(
            written(), link.paragraph.text, link.start, link.end, HTTPS_EXPECTED
        ):
            secure = "https://" + link.url[len("http://") :]
            yield INSECURE_LINK.finding(
                "A plain http:// link: use https://",
                link.paragraph,
                link.start,
                link.end,
                suggestion=secure,  # (also where the words are a link's anchor, which no fix can reach)
                **_url_fix(link, secure, Applicability.UNSAFE),
            )
    yield from _wrapped(links)
    yield from _malformed(document, outline.quoted)
    yield from pattern_findings(
        document, OUTDATED_REFERENCE, context.packs.for_rule(OUTDATED_REFERENCE.code), outline.quoted
    )
    yield from _outdated_subsections(document, outline, written)
    if context.config.check_links:
        yield from _online(links, context)


def _wrapped(links: list[FoundLink]) -> Iterator[Finding]:
    """Links a mail filter rewrote, in the force's words or the requester's (the force's filter did it)."""
    for link in links:
        if not _WRAPPER.match(link.url):
            continue
        original = _unwrapped(link.url)
        mailbox = _MAILBOX.search(unquote(link.url.partition("?")[2]))
        exposed = f", and it carries the mailbox {mailbox.group()}" if mailbox else ""
        yield WRAPPED_LINK.finding(
            f"This link is an e-mail filter's wrapper, not the address itself{exposed}",
            link.paragraph,
            link.start,
            link.end,
            suggestion=original,
            **_url_fix(link, original, Applicability.UNSAFE),
        )


def _unwrapped(url: str) -> str | None:
    """The address a wrapper holds in the clear, else None (Mimecast's and Barracuda's are tokens)."""
    query = parse_qs(urlsplit(url).query)
    for key in ("url", "u"):
        if query.get(key):
            found = query[key][0]
            if key == "u" and "-3A__" in found:  # (Proofpoint v2: "-" for "%", "_" for "/")
                found = unquote(found.replace("-", "%").replace("_", "/"))
            return found if found.lower().startswith(("http://", "https://")) else None
    v3 = _PROOFPOINT_V3.search(url)
    return v3["url"] if v3 else None


def _malformed(document: Document, quoted: frozenset[int]) -> Iterator[Finding]:
    for paragraph in document.paragraphs:
        if paragraph.index in quoted or ("//" not in paragraph.text and ":" not in paragraph.text):
            continue
        for match in _MALFORMED.finditer(paragraph.text):
            scheme = (match["right"] or match["wrong"]).lower()
            if match["wrong"] and scheme in ("http", "https"):
                continue  # written right
            meant = ("https" if "s" in scheme else "http") + "://"
            yield MALFORMED_LINK.finding(
                f'"{match.group()}" is a mistyped "{meant}": the link will not work',
                paragraph,
                match.start(),
                match.end(),
                replacement=meant,
                applicability=Applicability.SAFE,
            )


def _outdated_subsections(
    document: Document, outline: Outline, written: Callable[[], datetime.date | None]
) -> Iterator[Finding]:
    """s40(3), (4) and (5) as numbered before the Data Protection Act 2018 (law.OUTDATED_SUBSECTIONS);
    ``written``: the letter's date, when a citation needs it."""
    from pitlint import law

    reported: set[tuple[int, int]] = set()
    for citation in outline.citations:
        outdated = law.OUTDATED_SUBSECTIONS.get((citation.section, citation.subsection or ""))
        if outdated is None or (citation.paragraph, citation.start) in reported:
            continue
        if citation.kind == "ncnd" and outline.stated == "withhold":
            continue  # cited to withhold: PIT206 asks for the subsection that withholds (s40(2)), not s40(5A)
        reported.add((citation.paragraph, citation.start))
        paragraph = document.paragraphs[citation.paragraph - 1]
        if right_then(written(), paragraph.text, citation.start, citation.end, law.RENUMBERED_IN):
            continue  # right when the letter was written
        yield OUTDATED_REFERENCE.finding(
            f"s{citation.section}({citation.subsection}) is the numbering before the Data Protection Act 2018: "
            f"cite s{outdated[0]}",
            paragraph,
            citation.start,
            citation.end,
            suggestion=f"s{outdated[0]}",
            **_subsection_fix(citation, outdated[0]),
        )


def _online(links: list[FoundLink], context: Context) -> Iterator[Finding]:
    results = _link_run(context).check({link.url for link in links})
    for link in links:
        result = results.get(link.url)
        if result is None:
            continue
        if result.skipped:
            yield UNCHECKED_LINK.finding(
                f"{link.url} was not checked online: {result.reason}", link.paragraph, link.start, link.end
            )
        elif not result.ok:
            yield DEAD_LINK.finding(f"{link.url} does not work: {result.reason}", link.paragraph, link.start, link.end)
        elif result.moved_to:
            yield MOVED_LINK.finding(
                f"{link.url} has moved permanently to {result.moved_to}",
                link.paragraph,
                link.start,
                link.end,
                suggestion=result.moved_to,
                **_url_fix(link, result.moved_to, Applicability.SAFE),
            )


_RUNS: dict[int, LinkRun] = {}


def _link_run(context: Context) -> LinkRun:
    """The run's link checker, one per Context, so that every draft in a run shares its budget,
    its cap on links and its results (dropped with the Context)."""
    from pitlint.linkcheck import LinkRun

    run = _RUNS.get(id(context))
    if run is None:
        run = _RUNS[id(context)] = LinkRun(context.link_cache, context.config.link_timeout)
        weakref.finalize(context, _RUNS.pop, id(context), None)
    return run


def _url_fix(link: FoundLink, replacement: str | None, applicability: Applicability | None) -> dict[str, Any]:
    """A fix for a link whose address is the flagged text itself; none where the text is a link's
    anchor words (the address is behind them, and a tracked change cannot reach it)."""
    if replacement is None or applicability is None or link.paragraph.text[link.start : link.end] != link.url:
        return {}
    return {"replacement": replacement, "applicability": applicability}


def _subsection_fix(citation: Citation, current: str) -> dict[str, Any]:
    """The citation with its subsection renumbered, where the Act now has one subsection for it
    (s40(4) -> s40(4A)); none where it has two to choose from (s40(3A) or s40(3B))."""
    if " or " in current:
        return {}
    subsection = current[current.index("(") :]
    replacement, count = re.subn(r"\(\s*\w+\s*\)", subsection, citation.text, count=1)
    return {"replacement": replacement} if count else {}
