"""`pitlint corpus stats`: what an index holds and which passages are reused most."""

from __future__ import annotations

import json
import textwrap
from dataclasses import asdict

from tabulate import tabulate

from pitlint.reuse.index import IndexStats


def render(stats: IndexStats, format_name: str = "text") -> str:
    if format_name == "json":
        return json.dumps(asdict(stats), indent=2, ensure_ascii=False) + "\n"
    lines = [
        f"Index {stats.path}"
        + (f", built {stats.built}" if stats.built else "")
        + (f" from {stats.corpus}" if stats.corpus else ""),
        f"{stats.documents} documents, {stats.passages} distinct sentences, {stats.fingerprints} fingerprints "
        + (
            f"in {stats.segments} buckets on the server."
            if stats.storage == "redis"
            else f"in {stats.segments} segment{'s' if stats.segments != 1 else ''}."
        ),
        "",
    ]
    if not stats.reused:
        return "\n".join([*lines, "No passage is used by more than one document."]) + "\n"
    lines.append("Most reused passages (each variant with the documents that use it):")
    rows = []
    for rank, passage in enumerate(stats.reused, start=1):
        for number, variant in enumerate(passage.variants):
            rows.append(
                [
                    str(rank) if number == 0 else "",
                    str(passage.documents) if number == 0 else "",
                    textwrap.shorten(variant.text, 160, placeholder=" ..."),
                    f"{variant.documents}: "
                    + ", ".join(variant.examples)
                    + (" ..." if variant.documents > len(variant.examples) else ""),
                ]
            )
    lines.append(
        tabulate(
            rows, headers=["#", "PITs", "wording", "used by"], tablefmt="simple", maxcolwidths=[None, None, 70, 40]
        )
    )
    return "\n".join(lines) + "\n"
