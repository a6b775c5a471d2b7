"""`--format markdown`: a GitHub-flavoured markdown report for a job summary or a pull request
comment: totals, counts per file and per rule, then the worst findings first.

GitHub keeps at most 1 MiB of summary per step, so the report is bounded whatever was found: at
most MAX_FINDINGS findings and MAX_FILES files are listed (and what was left out is counted),
long texts are clipped, and the whole stays under MAX_BYTES. Drafts are hostile: every piece of
their text (and every file name) is escaped, so none of it can become markdown, HTML, a
mention, maths or a workflow command."""

from __future__ import annotations

from collections import Counter
from urllib.parse import quote

from pitlint import __version__, regexes
from pitlint.engine import FileReport, Report
from pitlint.findings import Finding, Rule, Severity
from pitlint.printable import for_log
from pitlint.report.help_links import help_uri, rules_page
from pitlint.report.text import clip

MAX_FINDINGS = 50
MAX_FILES = 100
MAX_BYTES = 512 * 1024  # half GitHub's 1 MiB step-summary cap: room for other steps' summaries
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
PLURALS = {Severity.ERROR: "errors", Severity.WARNING: "warnings", Severity.INFO: "info"}
_SPECIAL = regexes.compile(r"([\\`*_{}\[\]()#+!|~$^-])")
_MENTION = regexes.compile(r"@(?=\w)")  # "@team" would notify people in a pull request comment


def escape(text: str, limit: int = 300) -> str:
    """Draft text as literal markdown in a table cell: controls and "::" shown escaped (see
    printable), clipped, HTML characters as entities, markdown's punctuation backslash-escaped,
    and "@name" kept from mentioning anyone."""
    shown = for_log(clip(text, limit))
    shown = shown.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    shown = _SPECIAL.sub(r"\\\1", shown)
    return _MENTION.sub("@&#8203;", shown)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _link(rule: Rule, page: str | None) -> str:
    uri = help_uri(rule, page)
    code = escape(rule.code, 40)
    return f"[{code}]({quote(uri, safe=':/#?&=%~.-_')})" if uri else code


def _where(finding: Finding, file: FileReport) -> str:
    path = escape(file.path, 160)
    spot = finding.location
    if spot is None:
        return f"{path} (whole draft)"
    if file.format in ("txt", "md", "html") and spot.line is not None:
        return f"{path}:{spot.line}" + (f":{spot.column}" if spot.column is not None else "")
    return f"{path} ¶{spot.paragraph}" + (f" p.{spot.page}" if spot.page is not None else "")


def _what(finding: Finding) -> str:
    text = escape(finding.message)
    if finding.excerpt:
        text += f"<br>“{escape(finding.excerpt, 120)}”"
    return text


def _remedy(finding: Finding) -> str:
    if finding.fix is not None:
        how = f"({finding.fix.applicability.value} fix)"
        if not finding.fix.replacement:
            return f"Delete the words {how}"
        return f"Replace with “{escape(finding.fix.replacement, 200)}” {how}"
    return escape(finding.suggestion, 200) if finding.suggestion else ""


def _totals(report: Report) -> list[str]:
    counts = [f"{report.count(severity)} {PLURALS[severity]}" for severity in SEVERITIES]
    total = sum(1 for _ in report.findings)
    lines = [
        "## pitlint",
        "",
        f"**{_plural(total, 'finding')}** in {_plural(len(report.files), 'file')}: {', '.join(counts)}.",
    ]
    notes = []
    if report.unreadable:
        notes.append(f"{_plural(len(report.unreadable), 'file')} could not be read")
    silenced = sum(file.silenced for file in report.files)
    if silenced:
        notes.append(f"{silenced} silenced by --select/--ignore, config or inline comments")
    baselined = sum(file.baselined for file in report.files)
    if baselined:
        notes.append(f"{baselined} already in the baseline")
    if notes:
        lines.append(f"{'; '.join(notes).capitalize()}.")
    return lines


def _file_row(file: FileReport) -> str:
    if file.error:
        return f"| {escape(file.path, 160)} | | | | could not be read: {escape(file.error, 200)} |"
    found = Counter(finding.severity for finding in file.findings)
    return f"| {escape(file.path, 160)} | {' | '.join(str(found[s]) for s in SEVERITIES)} | |"


def _files(report: Report) -> list[str]:
    listed = [file for file in report.files if file.error or file.findings]
    if not listed:
        return []
    listed.sort(key=lambda file: (not file.error, *(-file_count(file, s) for s in SEVERITIES)))
    lines = ["", "### Files", "", "| File | Errors | Warnings | Info | |", "|---|--:|--:|--:|---|"]
    lines.extend(_file_row(file) for file in listed[:MAX_FILES])
    clean = len(report.files) - len(listed)
    left = []
    if len(listed) > MAX_FILES:
        left.append(f"{_plural(len(listed) - MAX_FILES, 'more file')} with findings not listed")
    if clean:
        left.append(f"{_plural(clean, 'file')} with no findings")
    if left:
        lines.extend(["", f"{'; '.join(left).capitalize()}."])
    return lines


def file_count(file: FileReport, severity: Severity) -> int:
    return sum(1 for finding in file.findings if finding.severity == severity)


def _rules(report: Report, page: str | None) -> list[str]:
    counts = Counter(finding.rule.code for finding in report.findings)
    if not counts:
        return []
    rules = {finding.rule.code: finding.rule for finding in report.findings}
    lines = ["", "### Rules", "", "| Rule | Name | Severity | Findings |", "|---|---|---|--:|"]
    for code, count in sorted(counts.items(), key=lambda item: (-rules[item[0]].severity.rank, -item[1], item[0])):
        rule = rules[code]
        lines.append(f"| {_link(rule, page)} | {escape(rule.name, 80)} | {rule.severity.value} | {count} |")
    return lines


def _findings(report: Report, page: str | None, budget: int) -> list[str]:
    found = [(file, finding) for file in report.files for finding in file.findings]
    if not found:
        return []
    found.sort(key=lambda pair: -pair[1].severity.rank)  # stable: files and reading order kept
    lines = [
        "",
        "### Findings, worst first",
        "",
        "| | Where | Rule | What | Fix or suggestion |",
        "|---|---|---|---|---|",
    ]
    used = sum(len(line.encode()) + 1 for line in lines)
    shown = 0
    for file, finding in found[:MAX_FINDINGS]:
        row = (
            f"| {finding.severity.value} | {_where(finding, file)} | {_link(finding.rule, page)} | "
            f"{_what(finding)} | {_remedy(finding)} |"
        )
        used += len(row.encode()) + 1
        if used > budget:
            break
        lines.append(row)
        shown += 1
    if shown < len(found):
        lines.extend(
            [
                "",
                f"The {_plural(shown, 'worst finding')} of {len(found)} are listed here (a job summary is capped); "
                "the SARIF report and `pitlint check` list every one.",
            ]
        )
    return lines


def render(report: Report) -> str:
    page = rules_page()
    head = [*_totals(report), *_files(report), *_rules(report, page)]
    foot = ["", f"<sub>pitlint {escape(__version__, 40)}</sub>", ""]
    room = MAX_BYTES - sum(len(line.encode()) + 1 for line in (*head, *foot)) - 400  # 400: the closing note
    return "\n".join([*head, *_findings(report, page, room), *foot])
