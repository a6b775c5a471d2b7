"""Generic drafts: mostly reused wording, or harm and factors that never mention the request."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pitlint.checks import Context
from pitlint.document import Document
from pitlint.findings import Category, Finding, Rule, Severity
from pitlint.outline import Outline, request_text

MOSTLY_REUSED = Rule(
    "PIT303",
    "mostly-reused",
    Category.GENERIC,
    Severity.WARNING,
    "Most of the draft is wording reused from issued PITs.",
    "The ICO expects the harm and the public interest arguments to relate to the information "
    "requested and the consequences of releasing it. A PIT made mostly of reused passages reads as "
    "generic and is what the ICO criticises. The share of reused wording that triggers this is set "
    "with generic-threshold (default 0.7).",
    "A draft in which nearly every sentence comes from earlier PITs unchanged.",
    "A draft that reuses the standard passages but explains the harm in terms of this request.",
)
REQUEST_NOT_ADDRESSED = Rule(
    "PIT304",
    "request-not-addressed",
    Category.GENERIC,
    Severity.INFO,
    "The harm and the factors never mention what was requested.",
    'When the draft gives the request (a "Request:" line), its harm and its factors for and '
    "against should talk about that information. If none of the request's subject words appear "
    "there, the arguments may have been written for another request or for none. Words are not "
    "meaning (a request about police stations is addressed by an argument about properties), so this "
    "is a prompt to look, reported as info.",
    "Request: the make of drones used by the force.\nHarm\nDisclosure would reveal force systems.",
    "Request: the make of drones used by the force.\nHarm\nNaming the make of drone would reveal its "
    "flight time and camera range.",
)
RULES = (MOSTLY_REUSED, REQUEST_NOT_ADDRESSED)

# Words of a request that say nothing about its subject.
_REQUEST_FILLER = frozenset(
    [
        "please",
        "provide",
        "could",
        "would",
        "like",
        "know",
        "tell",
        "give",
        "send",
        "supply",
        "copy",
        "copies",
        "list",
        "details",
        "detail",
        "information",
        "data",
        "number",
        "numbers",
        "total",
        "many",
        "much",
        "held",
        "hold",
        "request",
        "requested",
        "regarding",
        "relating",
        "related",
        "about",
        "force",
        "forces",
        "police",
        "service",
        "constabulary",
        "used",
        "using",
        "uses",
        "each",
        "every",
        "year",
        "years",
        "current",
        "currently",
        "make",
        "model",
        "type",
        "types",
        "which",
        "what",
        "when",
        "where",
        "whether",
        "have",
        "been",
        "from",
        "with",
        "that",
        "this",
        "your",
        "their",
        "there",
        "also",
        "include",
        "including",
        "into",
        "within",
        "between",
        "date",
        "dates",
        "since",
        "writing",
        "under",
        "freedom",
        "start",
        "started",
        "longer",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "period",
        "between",
        "following",
    ]
)


def _subject_words(request: str) -> list[str]:
    words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]+", request)]
    return list(dict.fromkeys(w for w in words if len(w) >= 4 and w not in _REQUEST_FILLER))


def _mentions(word: str, text: str) -> bool:
    stem = word[:5] if len(word) > 5 else word
    return re.search(rf"\b{re.escape(stem)}", text, re.IGNORECASE) is not None


def check(document: Document, outline: Outline, context: Context) -> Iterator[Finding]:
    yield from _request_not_addressed(document, outline)
    analysis = context.reuse(document)
    if analysis is None:
        return
    threshold = context.config.generic_threshold
    if analysis.corpus_documents and analysis.reused_fraction >= threshold:
        yield MOSTLY_REUSED.finding(
            f"{analysis.reused_fraction:.0%} of this draft is wording reused from issued PITs "
            f"(threshold {threshold:.0%}): the arguments may not be specific to this request.",
            suggestion="Explain the harm and the factors in terms of the information requested and what "
            "releasing it would do.",
        )


def _request_not_addressed(document: Document, outline: Outline) -> Iterator[Finding]:
    """Judged only on a PIT with both its harm and its factors (a text cut short says nothing)."""
    request = request_text(outline, document)
    if not request or not outline.has("harm") or not (outline.has("favouring") or outline.has("against")):
        return
    subject = _subject_words(request)
    argued = " ".join(p.text for p in outline.argued())
    if not subject or not argued.strip() or any(_mentions(word, argued) for word in subject):
        return
    listed = ", ".join(subject[:4])
    yield REQUEST_NOT_ADDRESSED.finding(
        f"The harm and the factors never mention what was requested ({listed}): the arguments read as generic.",
        suggestion=f"Say what disclosing information about {subject[0]} would do, in the harm and in the factors.",
    )
