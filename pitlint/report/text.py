"""`--format text`: ruff's "full" layout, one block per finding, readable at 80 columns:

    draft.txt:5:1: PIT106 [warning] The "Factors favouring disclosure" section is empty
      | Factors favouring disclosure
      | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^
      help: List what favours disclosure ...

The header says where (``path:line:col`` for text drafts, ``path:para N`` or ``path:p.P para N``
for Word, PDF and HTML, ``path`` alone for the document as a whole), the rule, ``[*]`` when the
finding carries a safe fix, the severity and the message; then the flagged words, underlined when
they fit on a line (long ones clipped between words with " ... "); then what to write instead.
Lines are wrapped at the terminal's width, never inside a word, so a URL can always be copied.
Each file starts with a line of its statistics; the report ends with one summary line."""

from __future__ import annotations

import textwrap
import unicodedata
from collections.abc import Callable

from pitlint.engine import FileReport, Report
from pitlint.findings import Finding, Severity
from pitlint.printable import for_log
from pitlint.report import Style
from pitlint.report.colour import Painter

EXCERPT_INDENT = "  | "  # the draft's own words, set apart from pitlint's
CONTINUED = "  "  # a wrapped message goes on under its header
HELP, FIX = "  help: ", "  fix: "
HINT = "Run `pitlint explain CODE` to see what a rule checks and how to fix it."


def place(finding: Finding, file_format: str | None) -> str:
    """Where a finding is, as its header shows it: "5:1", "para 9", "p.2 para 9", or "" for the
    document as a whole."""
    spot = finding.location
    if spot is None:
        return ""
    if file_format in ("txt", "md") and spot.line is not None:
        return f"{spot.line}:{spot.column}"
    if spot.page is not None:
        return f"p.{spot.page} para {spot.paragraph}"
    return f"para {spot.paragraph}"


def shown_path(path: str) -> str:
    """A file name as shown: escaped, and never starting a line with "::" ("./::error x")."""
    shown = for_log(path)
    return f"./{shown}" if shown.startswith(":") else shown


def cells(text: str) -> int:
    """Columns the text takes in a terminal: wide (CJK) characters two, combining marks none."""
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text
    )


def clip(text: str, room: int) -> str:
    """The text if it fits in ``room`` columns, else its first and last whole words around " ... ".
    A word is never cut: a single word (a long URL) is shown whole, whatever its length."""
    if cells(text) <= room:
        return text
    words = text.split(" ")
    head: list[str] = []
    budget = room * 2 // 3
    while words and (not head or cells(" ".join([*head, words[0]])) <= budget):
        head.append(words.pop(0))
    tail: list[str] = []
    budget = room - cells(" ".join(head)) - len(" ... ")
    while words and cells(" ".join([words[-1], *tail])) <= budget:
        tail.insert(0, words.pop())
    if not words:  # everything fitted after all (the first word was long)
        return " ".join(head + tail)
    return " ... ".join([" ".join(head), " ".join(tail)]) if tail else " ".join(head) + " ..."


def applicable(finding: Finding, file: FileReport) -> bool:
    """Whether a fix command would make this finding's fix as it stands: a safe fix, in a text
    draft (`check --fix`) or a Word draft (`pitlint fix`); PDF and HTML drafts are not rewritten."""
    from pitlint.fix import TEXT_FORMATS, WORD_FORMATS  # (not fix.apply: a report imports no fixer)

    return finding.fix is not None and finding.fix.safe and file.format in (*TEXT_FORMATS, *WORD_FORMATS)


def fix_line(finding: Finding) -> str | None:
    """What the finding's fix does, in words, or None without one."""
    fix = finding.fix
    if fix is None:
        return None
    action = f'replace with "{fix.replacement}"' if fix.replacement else "delete the flagged words"
    return action if fix.safe else f"{action} (unsafe: applied only with --unsafe-fixes)"


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    wrapper = textwrap.TextWrapper(
        width=width, initial_indent=first, subsequent_indent=rest, break_long_words=False, break_on_hyphens=False
    )
    return wrapper.wrap(text) or [first.rstrip()]


def _header(finding: Finding, file: FileReport, style: Style, paint: Painter) -> list[str]:
    path, where = shown_path(file.path), place(finding, file.format)
    severity = finding.severity.value
    fixable = applicable(finding, file)
    spot = f"{path}:{where}:" if where else f"{path}:"
    plain = f"{spot} {finding.rule.code} {'[*] ' if fixable else ''}[{severity}] "
    coloured = (
        f"{paint.bold(spot)} {paint.bold(finding.rule.code)} {paint.fixable('[*]') + ' ' if fixable else ''}"
        f"{paint.severity(severity, f'[{severity}]')} "
    )
    lines = _wrap(for_log(finding.message), style.width, plain, CONTINUED)
    lines[0] = coloured + lines[0][len(plain) :]
    return lines


def _excerpt(finding: Finding, style: Style, paint: Painter) -> list[str]:
    if not finding.excerpt:
        return []
    shown = for_log(finding.excerpt)
    room = style.width - len(EXCERPT_INDENT)
    if cells(shown) > room:
        return [EXCERPT_INDENT + clip(shown, room)]
    return [EXCERPT_INDENT + shown, EXCERPT_INDENT + paint.severity(finding.severity.value, "^" * cells(shown))]


def _advice(finding: Finding, style: Style, paint: Painter) -> list[str]:
    lines: list[str] = []
    fix = fix_line(finding)
    suggestion = finding.suggestion
    if suggestion and not (finding.fix is not None and suggestion == finding.fix.replacement):
        lines += _labelled(HELP, for_log(suggestion), style, paint.bold)
    elif not suggestion and fix is None and finding.rule.action:  # every finding says what to do
        lines += _labelled(HELP, for_log(finding.rule.action), style, paint.bold)
    if fix is not None:
        lines += _labelled(FIX, for_log(fix), style, paint.fixable)
    return lines


def _labelled(label: str, text: str, style: Style, colour: Callable[[str], str]) -> list[str]:
    """``label`` and the text wrapped under it, the label's word coloured."""
    lines = _wrap(text, style.width, label, " " * len(label))
    lines[0] = label[:2] + colour(label[2:-1]) + " " + lines[0][len(label) :]
    return lines


def finding_block(finding: Finding, file: FileReport, style: Style, paint: Painter) -> str:
    """One finding: header, flagged words, advice."""
    return "\n".join(
        [*_header(finding, file, style, paint), *_excerpt(finding, style, paint), *_advice(finding, style, paint)]
    )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def file_header(file: FileReport, paint: Painter) -> str:
    """The file's line: its statistics, "no problems found", or why it cannot be checked."""
    path = paint.bold(shown_path(file.path))
    if file.error:
        return f"{path}: {paint.severity('error', 'cannot be checked')}: {for_log(file.error)}"
    details = [_plural(file.paragraphs, "paragraph")]
    if file.reused_fraction is not None:
        details.append(f"{file.reused_fraction:.0%} reused")
    if file.identical_to:
        details.append(f"identical to issued PIT {for_log(file.identical_to)}, compared with the others")
    header = f"{path} ({', '.join(details)})"
    return header if file.findings else f"{header}: no problems found"


def summary(report: Report) -> str:
    files = len(report.files)
    errors, warnings, infos = (report.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    total = errors + warnings + infos
    line = (
        f"{_plural(total, 'finding')} in {_plural(files, 'file')} "
        f"({_plural(errors, 'error')}, {_plural(warnings, 'warning')}, {infos} info)"
    )
    unreadable = len(report.unreadable)
    if unreadable:
        line += f"; {_plural(unreadable, 'file')} could not be read"
    silenced = sum(file.silenced for file in report.files)
    if silenced:
        line += f"; {silenced} silenced by --select/--ignore, config or inline comments"
    baselined = sum(file.baselined for file in report.files)
    if baselined:
        line += f"; {baselined} already in the baseline"
    if report.fixed_in_baseline:
        line += (
            f"; {_plural(report.fixed_in_baseline, 'baselined finding')} fixed since "
            "(--prune-baseline drops them from the baseline)"
        )
    return line + "."


def fixable(report: Report) -> str | None:
    """How many findings the fix commands would fix (and how many more with --unsafe-fixes), or
    None: text drafts are fixed in place by `check --fix`, Word drafts into a copy by `pitlint fix`."""
    from pitlint.fix import TEXT_FORMATS, WORD_FORMATS  # (not fix.apply: a report imports no fixer)

    text = word = unsafe = 0
    for file in report.files:
        if file.format not in (*TEXT_FORMATS, *WORD_FORMATS):
            continue
        for finding in file.findings:
            if finding.fix is None:
                continue
            if not finding.fix.safe:
                unsafe += 1
            elif file.format in TEXT_FORMATS:
                text += 1
            else:
                word += 1
    ways = [f"{text} fixable with `pitlint check --fix`"] if text else []
    if word:
        ways.append(f"{word} fixable in a copy of the Word draft with `pitlint fix DRAFT.docx`")
    if not ways:
        return f"[*] {unsafe} fixable only with --unsafe-fixes." if unsafe else None
    more = f" ({unsafe} more with --unsafe-fixes)" if unsafe else ""
    return f"[*] {', '.join(ways)}{more}."


def _fit_summary(line: str, width: int) -> list[str]:
    """The summary at the width, broken between its clauses ("...; 2 silenced by ...") so each
    reads whole, and inside a clause only between words when one is wider than the terminal."""
    first, *clauses = line.split("; ")
    lines = [first]
    for clause in clauses:
        indent = CONTINUED if len(lines) > 1 else ""
        if len(indent) + len(lines[-1]) + 2 + len(clause) <= width:
            lines[-1] += "; " + clause
        else:
            lines[-1] += ";"
            lines.append(clause)
    return [
        part
        for number, entry in enumerate(lines)
        for part in _wrap(entry, width, CONTINUED if number else "", CONTINUED)
    ]


def ending(report: Report, width: int = 80) -> str:
    """The lines after the findings: the summary, what --fix would fix, where to read more."""
    lines = _fit_summary(summary(report), width)
    fixes = fixable(report)
    if fixes:
        lines += _wrap(fixes, width, "", CONTINUED)
    if any(file.findings for file in report.files):
        lines += _wrap(HINT, width, "", CONTINUED)
    return "\n".join(lines) + "\n"


def render(report: Report, style: Style | None = None) -> str:
    style = style or Style()
    paint = Painter(style.colour)
    blocks: list[str] = []
    for file in report.files:
        if not style.quiet:
            blocks.append(file_header(file, paint))
        blocks.extend(finding_block(finding, file, style, paint) for finding in file.findings)
    if style.quiet:
        return "\n\n".join(blocks) + "\n" if blocks else ""
    if not report.files:
        blocks.append("No drafts found to check (pitlint reads .docx, .pdf, .md, .txt and .html).")
    return "\n\n".join(blocks) + "\n\n" + ending(report, style.width)
