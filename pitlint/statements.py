"""What a response says it does, read from its own words: that it neither confirms nor denies
holding the information, or that it confirms holding it and withholds it (in whole or in part).

The citations say the same thing in the Act's terms (31(3) neither confirms nor denies, 31(1)
withholds); the outline compares the two, and a citation that contradicts the words is a fault of
the citation, not of the words. Hypothetical sentences ("any information, if held, would be
exempt") and descriptions of the Act ("the duty to confirm or deny") say nothing about this
response and are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pitlint import regexes
from pitlint.document import Document, Paragraph

_SUBJECT = r"(?:\b(?:we|i|it|the force|the constabulary|the service)|\b(?:police|constabulary|service))"
NCND = regexes.compile(
    _SUBJECT + r"\b[^.;:]{0,30}?\bneither\s+confirms?\s+n?or\s+den(?:y|ies)\b"
    # a force's initials, right before its verb: "SYP neither confirms nor denies" (not "The ICO
    # says a force neither ...")
    r"|\b(?-i:[A-Z]{2,6})\s+(?:(?:can|will|therefore|must|shall)\s+){0,2}neither\s+confirms?\s+n?or\s+den(?:y|ies)\b"
    r"|\b(?:we|i)\s+(?:can|will|shall|must)\s+not\s+confirm\s+or\s+deny\b"
    r"|\b(?:is|are)\s+neither\s+confirming\s+nor\s+denying\b",
    re.IGNORECASE,
)
CONFIRMS_HELD = regexes.compile(
    r"(?:\b(?:we|i)|police|constabulary|service|force)\s+(?:can\s+|do\s+|does\s+|hereby\s+|are\s+able\s+to\s+)?"
    r"confirms?\s+(?:that\s+)?(?:we|it|the\s+force)?\s*"
    r"(?:holds?\s+(?:some\s+|the\s+)?(?:relevant\s+)?information\b"
    r"|(?:some\s+|the\s+|any\s+)?(?:relevant\s+|requested\s+)?(?:information|data|records?)\b[^.;]{0,80}?"
    r"\b(?:is|are)\s+held\b)",
    re.IGNORECASE,
)
# "Staffordshire Police holds the information you have requested": holding confirmed without
# "confirm" (the object found first, from its literal word, then its subject before it)
HOLDS_REQUESTED = regexes.compile(
    r"\bholds?\s+(?:some\s+|the\s+|all\s+the\s+)?(?:relevant\s+)?information\s+"
    r"(?:that\s+)?(?:you\s+(?:have\s+)?(?:requested|asked\s+for|seek)|requested|relevant\s+to\s+your\s+request"
    r"|(?:in\s+relation|with\s+regard|in\s+respect)\s+to\s+your\s+request|within\s+the\s+scope)\b",
    re.IGNORECASE,
)
# ... whose subject is the force, straight before it, in no clause of "that", "whether" or "if"
_HOLDER = regexes.compile(
    r"(?<!\bthat\s)(?<!\bwhether\s)(?<!\bif\s)" + _SUBJECT + r"\s+(?:does\s+|do\s+|can\s+)?$", re.IGNORECASE
)
HOLDER_REACH = 60  # characters before "holds" in which its subject is looked for


def _holds_requested(sentence: str) -> re.Match[str] | None:
    """The force saying it holds the information asked for, in its own words."""
    for found in HOLDS_REQUESTED.finditer(sentence):
        if _HOLDER.search(sentence, max(0, found.start() - HOLDER_REACH), found.start()):
            return found
    return None


WITHHOLDS = regexes.compile(
    r"\b(?:we|i)\s+(?:are|am|will\s+be|have\s+been)\s+withholding\b"
    r"|\b(?:by|in)\s+withhold(?:ing)?\s+(?:this|we|i|the)\b"
    r"|\b(?:is|are)\s+(?:therefore\s+|being\s+|also\s+)?withheld\b"
    # "This information is held but is exempt by virtue of", "The information requested at question 2
    # is held but is exempt from disclosure", "The unit price per camera is held but is exempt"
    r"|\b(?:is|are)\s+held\s+but\s+(?:is\s+|are\s+)?(?:exempt|withheld)\b"
    r"|\b(?:information(?:\s+requested)?|it|this|they|(?<!\bwhich\s)(?<!\bthat\s)(?<!\bwho\s)(?<!\bwhat\s)"
    r"(?:the\s+)?(?!(?:confirmation|denial|existence|confirming|denying)\b)[a-z]+\s+(?:of|for)\s+(?:the\s+)?"
    r"(?:[a-z]+\s+){0,2}(?!(?:which|that|who)\b)(?:[a-z]+|\d+))"  # ("The information for question 3 is exempt")
    r",?\s+(?:is|are|has\s+been|have\s+been)\s+"
    r"(?:deemed\s+|considered\s+|therefore\s+)?exempt\s+(?:from\s+disclosure\s+)?(?:by\s+virtue\s+of|under|in\s+terms\s+of)\b"
    # a long subject closed by a comma: "The specific systems checked, and the frequency of any
    # checks, is exempt by virtue of Section 31(1)(a)(b)"
    r"|,\s+(?:is|are)\s+(?:therefore\s+)?exempt\s+(?:from\s+disclosure\s+)?(?:by\s+virtue\s+of|under)\s+"
    r"(?:section|s\.?\s?\d)"
    r"|\bwill\s+not\s+be\s+(?:disclosed|released|disclosing|providing)\b"
    r"|\bnot\s+(?:be\s+)?disclosing\s+(?:any|the|this)\b"
    r"|\b(?:we|i)\s+(?:am|are)\s+(?:therefore\s+)?(?:unable|not\s+able)\s+to\s+(?:release|disclose)\s+"
    r"(?:this|it|these|them|the|that)\b(?![^.;]{0,120}\b(?:not\s+held|(?:do|does)\s+not\s+hold|cost\s+limit"
    r"|appropriate\s+limit|exceed))"
    r"|\brefusal\s+notice\s+for\s+the\s+(?:redacted|withheld)\b"
    # "Question 3 is refused under sections 21 and 40(2)" (not the cost limit's s12 or s14's vexatious)
    r"|\b(?:is|are)\s+(?:therefore\s+)?refused\s+under\s+(?:sections?\s+|s\.?\s?)(?!1[24]\b)\d"
    r"|\bredacted\s+(?:parts?|sections?|version)\b",
    re.IGNORECASE,
)
# "... as the duty in s1(1)(a) of the Act does not apply": the clause of an NCND response
NCND_CLAUSE = regexes.compile(
    r"\bduty\s+(?:in|under|at|imposed\s+by)\s+(?:s\.?|section)\s?1\s?\(\s?1\s?\)\s?\(\s?a\s?\)[^.;]{0,80}?"
    r"\bdoes\s+not\s+apply\b",
    re.IGNORECASE,
)
# the sentence speaks of what would be, not of what is
_HYPOTHETICAL = regexes.compile(
    r"\bif\s+(?:it\s+)?(?:were\s+|was\s+|is\s+)?held\b|\bif\s+any\b|\bwhether\b|\bwere\s+it\b|\bany\s+such\b"
    r"|\bshould\s+not\s+be\s+taken\b|\bdoes\s+or\s+does\s+not\b|\bor\s+not\b"
    # a sentence that opens on a condition: "If the force confirms that information is held, this would
    # reveal ...", "Where the police confirm ...", "If the report could be located, it will not be released"
    r"|^\W*(?:if|where|when|whenever|unless|should|once|each\s+time|every\s+time)\b",
    re.IGNORECASE,
)
# ... or by a modal before the statement in its clause ("it would be exempt under"); one after it
# gives the reason for what is done ("is withheld as disclosure would prejudice", "unable to release this as
# it may identify an individual")
_MODAL = regexes.compile(r"\b(?:would|could|may)\b", re.IGNORECASE)
# "This may include information where we can neither confirm nor deny that we hold it"
_MAY_INCLUDE = regexes.compile(
    r"\b(?:this|it|which)\s+(?:may|might|can|could)\s+(?:also\s+)?include\s+information\s+(?:where|that|which)\b",
    re.IGNORECASE,
)
_SENTENCE = regexes.compile(r"[^.!?]+(?:[.!?]+|$)")


# "neither confirms nor denies whether additional material is held": the rest is answered
_PART_OF_IT = regexes.compile(
    r"\b(?:additional|further|other|any\s+more|remaining)\s+(?:\w+\s+)?(?:information|material|data|records?|documents?)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Statement:
    kind: str  # "ncnd", "withhold", or "both" (one sentence confirms holding and invokes NCND)
    paragraph: Paragraph
    start: int
    end: int
    partial: bool = False  # an NCND of more than what was answered: the response answers the rest


def _clause_start(sentence: str, at: int) -> int:
    """Where the clause holding ``at`` starts: after the last comma, semicolon or colon before it."""
    return max(sentence.rfind(mark, 0, at) for mark in ",;:") + 1


def _sentences(text: str) -> list[tuple[int, str]]:
    return [(match.start(), match.group()) for match in _SENTENCE.finditer(text)]


# words one of the patterns above needs: a paragraph with none of them says nothing of the kind
# (looked for first, as most paragraphs of a PIT argue and never say what the response does)
_CUES = ("confirm", "withh", "exempt", "disclos", "refusal", "redacted", "duty", "releas", "providing", "hold")


_WITHHOLDING_CUES = ("withh", "exempt", "disclos", "releas", "provid", "refus", "redacted")  # WITHHOLDS's words


def find(document: Document) -> list[Statement]:
    """Every sentence in which the response says what it does."""
    found: list[Statement] = []
    for paragraph in document.paragraphs:
        lower = paragraph.text.lower()
        if not any(cue in lower for cue in _CUES):
            continue
        for offset, sentence in _sentences(paragraph.text):
            said = sentence.lower()  # (each pattern is searched only where its words are)
            confirming = "confirm" in said
            confirms = CONFIRMS_HELD.search(sentence) if confirming else None
            clause = NCND_CLAUSE.search(sentence) if "duty" in said else None
            if confirms and clause:
                found.append(Statement("both", paragraph, offset + confirms.start(), offset + clause.end()))
                continue
            ncnd = NCND.search(sentence) if confirming else None
            if ncnd and _MAY_INCLUDE.search(sentence, 0, ncnd.start()):
                ncnd = None  # a disclosure log's note of what a refusal "may include", not this response's answer
            if ncnd:
                partial = _PART_OF_IT.search(sentence, ncnd.end()) is not None
                found.append(Statement("ncnd", paragraph, offset + ncnd.start(), offset + ncnd.end(), partial))
                continue
            held = (
                confirms
                or (WITHHOLDS.search(sentence) if any(cue in said for cue in _WITHHOLDING_CUES) else None)
                or (_holds_requested(sentence) if "hold" in said else None)
            )
            if (
                held
                and not _HYPOTHETICAL.search(sentence)
                and not _MODAL.search(sentence, _clause_start(sentence, held.start()), held.end())
            ):
                found.append(Statement("withhold", paragraph, offset + held.start(), offset + held.end()))
    return found


def kind(statements: list[Statement]) -> str | None:
    """What the response says it does: "ncnd", "withhold", "mixed", or None when it does not say."""
    kinds = {statement.kind for statement in statements} - {"both"}
    if len(kinds) == 2 or any(statement.partial for statement in statements):
        return "mixed"
    return kinds.pop() if kinds else None
