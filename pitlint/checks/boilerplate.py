"""Boilerplate: each passage of the draft reused from an issued PIT, with where it came from."""

from __future__ import annotations

from collections.abc import Iterator

from pitlint.checks import Context
from pitlint.document import Document
from pitlint.findings import Category, Finding, Rule, Severity
from pitlint.outline import Outline

COPIED = Rule(
    "PIT301",
    "copied-boilerplate",
    Category.BOILERPLATE,
    Severity.INFO,
    "A passage reused from an issued PIT.",
    "Reusing approved wording is normal, but the reviewer should know where each passage came from "
    "and check that it still fits this request. The finding names the issued PIT the passage most "
    "likely came from, its paragraph there, and how close the copy is (1.0 is word for word).",
    "The Police Service is charged with enforcing the law, preventing and detecting crime and "
    "protecting the communities we serve.",
    "Naming the drone supplier would tell offenders which flight times and camera ranges the force "
    "relies on, so that they could plan around them.",
    action="Check that the passage argues this request, and reword what does not fit it.",
)
RULES = (COPIED,)


def check(document: Document, outline: Outline, context: Context) -> Iterator[Finding]:
    analysis = context.reuse(document)
    if analysis is None:
        return
    for run in analysis.runs:
        reference = context.reference(run.document)
        message = f"Passage copied from issued PIT {reference} (similarity {run.similarity:.2f})"
        if run.used_by > 1:
            message += f"; {run.used_by} issued PITs use this wording"
        source_text = " ".join(match.passage.text for match in run.matches)
        yield COPIED.finding(
            message,
            run.paragraph,
            run.start,
            run.end,
            source={
                "document": run.document,
                "paragraph": run.source_paragraph,
                "similarity": round(run.similarity, 2),
                "text": source_text,
            },
        )
