"""The commands of the command line (typer): parse options into a Config, call the engine, write
the report and pick the exit code. No checking logic lives here; cli.main() runs them.

Heavy modules (readers, python-docx, pdfminer, datasketch) are imported inside the commands
that need them, so `pitlint rules` starts at once (and `pitlint --version` never imports this).
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from pitlint import __version__
from pitlint.errors import PitlintError

app = typer.Typer(
    name="pitlint",
    help="Check FOI public interest tests (PITs) before they are published.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class OutputFormat(str, Enum):
    text = "text"
    concise = "concise"
    json = "json"
    sarif = "sarif"
    github = "github"
    html = "html"
    markdown = "markdown"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def for_arguments(arguments: list[str]) -> typer.Typer:
    """The application with only the command that ``arguments`` name: typer builds every command's
    options from its signature before parsing (some 15 ms of each run), and a run uses one. When
    the arguments name no command (none, an option first, a misspelt name) the whole application
    answers, so that help and "no such command" list them all."""
    from typer.main import get_command_name

    name = arguments[0] if arguments else ""
    commands = [
        info
        for info in app.registered_commands
        if info.callback is not None and (info.name or get_command_name(info.callback.__name__)) == name
    ]
    groups = [info for info in app.registered_groups if info.name == name]
    if not commands and not groups:
        return app
    narrowed = copy.copy(app)
    narrowed.registered_commands = commands
    narrowed.registered_groups = groups
    return narrowed


def _fail(message: str) -> typer.Exit:
    _say(message)
    return typer.Exit(2)


def _say(message: str) -> None:
    """One line on stderr; file names and text from drafts in it shown escaped (see printable)."""
    from pitlint.printable import for_log

    typer.echo(f"pitlint: {for_log(message)}", err=True)


def _split(values: list[str] | None) -> tuple[str, ...] | None:
    """--select A,B --select C -> ("A", "B", "C"); None when the option was not given."""
    if values is None:
        return None
    return tuple(item.strip() for value in values for item in value.split(",") if item.strip())


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pitlint {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Check FOI public interest tests (PITs) before they are published."""


@app.command()
def check(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Drafts to check (.docx, .pdf, .md, .txt, .html) or folders of them; - reads standard input.",
            readable=False,  # a file that cannot be read is that file's error line, not the run's end
        ),
    ],
    output_format: Annotated[OutputFormat | None, typer.Option("--format", "-f", help="Report format.")] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file instead of the screen.")
    ] = None,
    fail_on: Annotated[
        FailOn | None, typer.Option("--fail-on", help="Lowest severity that makes the exit code 1.")
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option("--select", help="Only these rules: codes, code prefixes, names or categories, comma-separated."),
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", help="Leave out these rules (counted as silenced).")
    ] = None,
    extend_select: Annotated[
        list[str] | None, typer.Option("--extend-select", help="Add these rules to those selected.")
    ] = None,
    force_exclude: Annotated[
        bool | None,
        typer.Option(
            "--force-exclude/--no-force-exclude",
            help="Leave out excluded files even when named (as pre-commit names them).",
        ),
    ] = None,
    config_file: Annotated[
        Path | None,
        typer.Option("--config", help="Read settings from this TOML file (for every draft, not each one's own)."),
    ] = None,
    corpus: Annotated[
        str | None,
        typer.Option(
            "--corpus",
            help="Issued PITs to compare with: a folder, an index or a shared index at "
            "redis://host:port/db[?prefix=NAME] (default: the shipped corpus).",
        ),
    ] = None,
    organisation: Annotated[
        str | None,
        typer.Option("--organisation", help="The draft's own organisation (default: the one it names most)."),
    ] = None,
    check_links: Annotated[
        bool | None, typer.Option("--check-links/--no-check-links", help="Try every http(s) link online.")
    ] = None,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="Report and fail only on findings not recorded in this baseline.")
    ] = None,
    prune_baseline: Annotated[
        bool, typer.Option("--prune-baseline", help="Drop fixed findings from the --baseline file.")
    ] = False,
    annotate: Annotated[
        Path | None,
        typer.Option("--annotate", help="Write a copy of the .docx draft with a Word comment on each finding."),
    ] = None,
    annotate_info: Annotated[
        bool, typer.Option("--annotate-info", help="With --annotate, comment on info findings too.")
    ] = False,
    fix: Annotated[
        bool,
        typer.Option("--fix", help="Apply the safe fixes to .txt and .md drafts in place (Word: `pitlint fix`)."),
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Show the fixes as a unified diff on standard output; change nothing.")
    ] = False,
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", help="With --fix or --diff, apply the unsafe fixes too.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Only the findings: no file headers, summary, hints or progress.")
    ] = False,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Count the findings of each rule instead of listing them.")
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=0,
            help="Processes checking the drafts (default 0: one per core when there are enough drafts).",
        ),
    ] = None,
    stdin_filename: Annotated[
        str | None,
        typer.Option(
            "--stdin-filename",
            help="With - as a PATH: the name reports give standard input; its suffix picks the reader "
            "(default: plain text).",
        ),
    ] = None,
) -> None:
    """Check drafts and report what a careful FOI reviewer would catch before publication."""
    from pitlint import config as config_module
    from pitlint import engine, report
    from pitlint.reuse.locate import stderr_notify

    try:
        overrides = {
            "select": _split(select),
            "ignore": _split(ignore),
            "extend_select": _split(extend_select),
            "organisation": organisation,
            "force_exclude": force_exclude,
        }
        settings = config_module.load(config_file).merged(
            format=output_format.value if output_format else None,
            output=output,
            fail_on=fail_on.value if fail_on else None,
            corpus=corpus,
            check_links=check_links,
            jobs=jobs,
            **overrides,
        )
        per_file = config_module.PerFile(settings, overrides)
        _check_terminal_options(paths, settings.format, statistics, stdin_filename, annotate, fix or diff)
        stdin_fix = None
        if (fix or diff) and paths == [engine.STDIN]:
            from pitlint.fix.apply import StdinFix

            stdin_fix = StdinFix(unsafe_fixes)
        with _counter(quiet) as progress:
            result = engine.check(
                paths,
                settings,
                notify=stderr_notify,
                stdin_name=stdin_filename or "-",
                progress=progress,
                settings_for=per_file,
                stdin_after=stdin_fix,
            )
        if baseline is not None:
            recorded = engine.apply_baseline(result, baseline)
            if prune_baseline:
                from pitlint.baseline import save

                save(baseline, recorded.counts - recorded.fixed)
                result.fixed_in_baseline = 0
        elif prune_baseline:
            raise _fail("--prune-baseline needs --baseline FILE")
    except PitlintError as error:
        raise _fail(str(error)) from None
    except OSError as error:  # the corpus index or its cache folder, not a draft (drafts are per file)
        raise _fail(f"{error.filename or 'pitlint'}: {error.strerror or error}") from None
    if stdin_fix is not None:
        raise typer.Exit(_stdin_fixed(stdin_fix, result, settings, diff, _style(True, quiet, statistics)))
    if diff:
        raise typer.Exit(_show_diffs(result, unsafe_fixes))
    fix_failed = False
    if fix:
        result, fix_failed = _fix_in_place(paths, settings, result, unsafe_fixes, baseline, per_file)
    for file in result.unreadable:
        _say(f"{file.path}: {file.error}")
    if annotate is not None:
        _annotate(paths, annotate, result, annotate_info or settings.fail_on == "info")
    rendered = report.render(result, settings.format, _style(settings.output is not None, quiet, statistics))
    if settings.output:
        _write_report(settings.output, rendered, result.inputs, quiet)
    else:
        _print(rendered)
    raise typer.Exit(2 if fix_failed else result.exit_code)


def _stdin_fixed(stdin_fix, result, settings, diff: bool, style) -> int:  # fix.apply.StdinFix, engine.Report
    """`check --fix -` writes the fixed text to standard output and what remains to standard error
    (ruff's way); `check --diff -` prints the diff. Returns the exit code."""
    from pitlint import report

    outcome = stdin_fix.outcome
    for file in result.unreadable:
        _say(f"{file.path}: {file.error}")
    if outcome is None:
        return 2
    if outcome.error:
        _say(outcome.error)
        return 2
    if diff:
        _print(outcome.diff)
        _say(f"{_count(outcome.fixed, 'fix')} would be made{_left([outcome])}")
        return 1 if outcome.fixed else 0
    sys.stdout.flush()
    sys.stdout.buffer.write(stdin_fix.fixed)
    sys.stdout.flush()
    if outcome.file.format not in ("txt", "md") and outcome.fixed:
        _say(f"{outcome.file.path}: a Word draft is fixed into a copy with tracked changes (`pitlint fix`)")
    else:
        _say(f"fixed {_count(outcome.fixed, 'finding')}{_left([outcome])}")
        if stdin_fix.remaining is not None:  # what is left, where it now is in the fixed text
            result.files = [stdin_fix.remaining if file is outcome.file else file for file in result.files]
    sys.stderr.write(report.render(result, settings.format, style))
    return result.exit_code


def _show_diffs(result, unsafe: bool) -> int:  # engine.Report
    """`check --diff`: every fix as a unified diff on stdout, nothing written; 1 if there is any."""
    from pitlint.fix.apply import fix_report

    outcomes = fix_report(result, unsafe, write=False)
    _print("".join(outcome.diff for outcome in outcomes))
    for file in result.unreadable:
        _say(f"{file.path}: {file.error}")
    for outcome in outcomes:
        if outcome.error:
            _say(outcome.error)
    fixes = sum(outcome.fixed for outcome in outcomes)
    files = sum(1 for outcome in outcomes if outcome.diff)
    _say(f"{_count(fixes, 'fix')} in {_count(files, 'file')} would be made{_left(outcomes)}")
    if result.unreadable or any(outcome.error for outcome in outcomes):
        return 2
    return 1 if fixes else 0


def _fix_in_place(paths: list[Path], settings, result, unsafe: bool, baseline: Path | None, per_file):
    """`check --fix`: the text drafts rewritten with their fixes, then checked again: what remains
    is reported and decides the exit code (ruff's way). Returns that report, and whether a draft's
    fixes could not be written."""
    from pitlint import engine
    from pitlint.fix import TEXT_FORMATS, WORD_FORMATS
    from pitlint.fix.apply import fix_report
    from pitlint.reuse.locate import stderr_notify

    outcomes = fix_report(result, unsafe, write=True)
    for outcome in outcomes:
        if outcome.error:
            _say(outcome.error)
        elif outcome.file.format not in TEXT_FORMATS and outcome.fixed:
            how = (
                "a Word draft is fixed into a copy with tracked changes (`pitlint fix DRAFT.docx -o FIXED.docx`)"
                if outcome.file.format in WORD_FORMATS
                else "pitlint fixes .txt and .md drafts in place, and Word drafts into a copy"
            )
            _say(f"{outcome.file.path}: {_count(outcome.fixed, 'fix')} not made: {how}")
    written = [outcome for outcome in outcomes if outcome.diff and outcome.file.format in TEXT_FORMATS]
    fixes = sum(outcome.fixed for outcome in written)
    _say(f"fixed {_count(fixes, 'finding')} in {_count(len(written), 'file')}{_left(outcomes)}")
    failed = any(outcome.error for outcome in outcomes)
    if not written:
        return result, failed
    again = engine.check(paths, settings, notify=stderr_notify, settings_for=per_file)
    if baseline is not None:
        engine.apply_baseline(again, baseline)
    return again, failed


def _left(outcomes) -> str:  # list[fix.apply.FileFix]
    """What the fixes did not do, as a clause: unsafe ones, overlapping ones, unplaceable ones."""
    parts = []
    unsafe = sum(outcome.unsafe_left for outcome in outcomes)
    if unsafe:
        parts.append(f"{unsafe} more with --unsafe-fixes")
    waiting = sum(outcome.overlapping for outcome in outcomes)
    if waiting:
        parts.append(f"{waiting} overlapping another, for the next run")
    left = sum(outcome.left for outcome in outcomes)
    if left:
        parts.append(f"{left} not placeable in the file, to make by hand")
    return f" ({'; '.join(parts)})" if parts else ""


def _count(number: int, word: str) -> str:
    plural = "es" if word.endswith(("x", "s")) else "s"
    return f"{number} {word}{'' if number == 1 else plural}"


def _check_terminal_options(
    paths: list[Path],
    format_name: str,
    statistics: bool,
    stdin_filename: str | None,
    annotate: Path | None,
    fixing: bool,
) -> None:
    """Refuse the combinations of --statistics, --stdin-filename and - that cannot mean anything.
    Fixes and annotations read the draft again from disk, which standard input is not."""
    from pitlint.engine import STDIN
    from pitlint.report import FOR_PEOPLE

    if statistics and format_name not in FOR_PEOPLE:
        raise _fail(f"--statistics counts findings for people: use it with --format text or concise, not {format_name}")
    if stdin_filename is not None and STDIN not in paths:
        raise _fail("--stdin-filename names standard input: give - as a PATH to read it")
    if annotate is not None and STDIN in paths:
        raise _fail("--annotate needs a .docx draft on disk to copy, not standard input")
    if fixing and STDIN in paths and paths != [STDIN]:
        raise _fail("--fix and --diff read standard input alone: give - as the only PATH")


def _counter(quiet: bool):  # a context manager yielding progress.Update | None
    """The "Checking 120/1000 drafts" line on a terminal's stderr (none with --quiet)."""
    from pitlint.progress import counter

    return contextlib.nullcontext(None) if quiet else counter("Checking", "drafts")


def _style(to_file: bool, quiet: bool, statistics: bool):  # -> report.Style
    """How the text and concise reports are laid out: at the terminal's width (or $COLUMNS; 80 in a
    file without $COLUMNS), coloured only on a terminal (see report.colour), never in a file."""
    import shutil

    from pitlint.report import Style
    from pitlint.report.colour import wanted

    if to_file:
        columns = os.environ.get("COLUMNS", "")
        width = int(columns) if columns.isdigit() else 80
    else:
        width = shutil.get_terminal_size((80, 24)).columns
    colour = not to_file and wanted(sys.stdout)
    return Style(width=max(width, 40), colour=colour, quiet=quiet, statistics=statistics)


def _write_report(target: Path, rendered: str, inputs: list[Path], quiet: bool = False) -> None:
    from pitlint.files import refuse_inputs, write_atomic

    try:
        refuse_inputs(target, inputs, "report")
        write_atomic(target, rendered.encode("utf-8", "backslashreplace"))
    except PitlintError as error:
        raise _fail(str(error)) from None
    except OSError as error:
        raise _fail(f"{target}: cannot write the report ({error.strerror or error})") from None
    if not quiet:
        _say(f"wrote the report to {target}")


def _print(rendered: str) -> None:
    """The report on standard output, whatever the terminal's encoding can show."""
    try:
        sys.stdout.write(rendered)
        sys.stdout.flush()
    except UnicodeEncodeError:
        sys.stdout.flush()
        sys.stdout.buffer.write(rendered.encode(sys.stdout.encoding or "utf-8", "backslashreplace"))
    except BrokenPipeError:
        # the reader went away (`pitlint check . | head`): nothing more to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except OSError as error:
        raise _fail(f"cannot write the report ({error.strerror or error})") from None


@app.command()
def rules() -> None:
    """List every rule: code, name, category, default severity and what it checks."""
    from tabulate import tabulate

    from pitlint.findings import all_rules

    _register_team_rules()
    rows = [[r.code, r.name, r.category.value, r.severity.value, r.fix_summary, r.summary] for r in all_rules()]
    typer.echo(
        tabulate(
            rows,
            headers=["code", "name", "category", "severity", "fix", "checks"],
            tablefmt="simple",
            maxcolwidths=[None, None, None, None, None, 60],
        )
    )


@app.command()
def explain(code: Annotated[str, typer.Argument(help="A rule code such as PIT104, or its name.")]) -> None:
    """Explain a rule: what it checks, why it matters, a bad and a good example, how to silence it."""
    from pitlint.findings import find_rule

    _register_team_rules()
    rule = find_rule(code)
    if rule is None:
        raise _fail(f"unknown rule '{code}' (see `pitlint rules`)")
    typer.echo(explanation(rule))


@app.command("fix")
def fix_command(
    path: Annotated[Path, typer.Argument(help="The draft to fix (.docx, .txt or .md).", readable=False)],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Where to write the fixed copy (default: DRAFT-fixed.docx beside the draft)."
        ),
    ] = None,
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", help="Apply the unsafe fixes too (Word: as tracked changes to review).")
    ] = False,
    select: Annotated[list[str] | None, typer.Option("--select", help="Only these rules' fixes.")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Not these rules' fixes.")] = None,
    config_file: Annotated[Path | None, typer.Option("--config", help="Read settings from this TOML file.")] = None,
    corpus: Annotated[str | None, typer.Option("--corpus", help="Issued PITs to compare with.")] = None,
    organisation: Annotated[
        str | None, typer.Option("--organisation", help="The draft's own organisation (makes its name's fixes safe).")
    ] = None,
) -> None:
    """Write a copy of the draft with the safe fixes made: in a Word draft as tracked changes authored
    "pitlint" (accept or reject each in Word's Review pane); the draft itself is never modified."""
    from pitlint import config as config_module
    from pitlint import engine
    from pitlint.files import refuse_inputs
    from pitlint.fix import TEXT_FORMATS, WORD_FORMATS
    from pitlint.fix.apply import fix_in_place, fix_word_copy
    from pitlint.reuse.locate import stderr_notify

    target = output or path.with_name(f"{path.stem}-fixed{path.suffix}")
    try:
        if output is None and target.exists():
            raise _fail(f"{target} exists; give -o FILE to replace it or to write elsewhere")
        refuse_inputs(target, [path], "fixed copy")
        settings = config_module.load(config_file).merged(
            select=_split(select), ignore=_split(ignore), corpus=corpus, organisation=organisation
        )
        result = engine.check([path], settings, notify=stderr_notify)
        if len(result.files) != 1:
            raise _fail(f"{path}: give one draft to fix (.docx, .txt or .md)")
        file = result.files[0]
        if file.error:
            raise _fail(f"{file.path}: {file.error}")
        if file.format not in (*TEXT_FORMATS, *WORD_FORMATS) or target.suffix.lower() != path.suffix.lower():
            raise _fail(f"{file.path}: pitlint fixes .docx, .txt and .md drafts, into a file of the same kind")
        if file.format in WORD_FORMATS:
            outcome = fix_word_copy(file, target, unsafe_fixes)
        else:
            outcome = fix_in_place(file, unsafe_fixes, write=False, target=target)
    except PitlintError as error:
        raise _fail(str(error)) from None
    except OSError as error:
        raise _fail(f"{target}: cannot write the fixed copy ({error.strerror or error})") from None
    if outcome.error:
        raise _fail(outcome.error)
    kind = "tracked change" if file.format in WORD_FORMATS else "fix"
    _say(f"wrote {target} with {_count(outcome.fixed, kind)}{_left([outcome])}")
    left = engine.Report([dataclasses.replace(file, findings=outcome.remaining())], settings.fail_on)
    raise typer.Exit(left.exit_code)


def _annotate(paths: list[Path], target: Path, result, include_info: bool) -> None:  # engine.Report
    """Write the annotated copy of the one Word draft checked."""
    from pitlint.report.annotate_docx import annotate

    drafts = [file for file in result.files if file.format == "docx"]
    if len(result.files) != 1 or len(drafts) != 1:
        raise _fail("--annotate needs exactly one .docx draft to check")
    from pitlint.files import refuse_inputs
    from pitlint.report.annotate_docx import MAX_COMMENTS

    source = drafts[0].source or Path(drafts[0].path)
    try:
        refuse_inputs(target, [source], "annotated copy")
        count = annotate(source, target, drafts[0], include_info)
    except PitlintError as error:
        raise _fail(str(error)) from None
    except OSError as error:
        raise _fail(f"{target}: cannot write the annotated copy ({error.strerror or error})") from None
    more = " (the first ones: a copy holds at most that many)" if count == MAX_COMMENTS else ""
    _say(f"wrote {target} with {count} comment{'s' if count != 1 else ''}{more}")


def _register_team_rules() -> None:
    """Rules a team defines in its own packs (``rules = [...]`` in its configuration)."""
    from pitlint import config as config_module
    from pitlint.findings import register

    try:
        settings = config_module.load()
        if settings.rules:
            from pitlint.packs import load

            register(*load(settings.rules).rules)
    except PitlintError as error:
        raise _fail(str(error)) from None


_FIX_LINES = {
    "safe": "Fix: safe. `pitlint check --fix` makes it in a text draft; `pitlint fix` as a tracked change in Word.",
    "unsafe": "Fix: unsafe (the words may not be what was meant): made only with --unsafe-fixes; review each one.",
    "safe or unsafe": "Fix: safe where the right words are certain, otherwise unsafe (only with --unsafe-fixes).",
}


def _fix_line(rule) -> str:  # findings.Rule
    how = rule.fix_summary
    if not how:
        return "Fix: none; the finding says what to change."
    line = _FIX_LINES[how.removesuffix(", sometimes")]
    return line + (" Not every finding has one." if how.endswith(", sometimes") else "")


def explanation(rule) -> str:  # findings.Rule, imported lazily
    import textwrap

    indent = "\n    "
    code = rule.code
    action = f"What to do: {rule.action}\n\n" if rule.action else ""
    silencing = (
        f"Silence it:\n"
        f'    everywhere: `pitlint check --ignore {code}`, or ignore = ["{code}"] under [tool.pitlint] in\n'
        f"        pyproject.toml or in .pitlint.toml\n"
        f"    .txt, .md, .html: <!-- pitlint: ignore {code} --> in a paragraph or just before it;\n"
        f"        <!-- pitlint: ignore-file {code} --> for the whole file\n"
        f'    .docx: a Word comment "pitlint: ignore {code}" on the words (their paragraphs);\n'
        f'        "pitlint: ignore-file {code}" for the whole file. It is still a comment: a re-check\n'
        f"        reports it (PIT702) until it is deleted before publishing\n"
        f"    .pdf: --ignore or the configuration only\n"
        f"Silenced findings are counted (stats.silenced), never lost."
    )
    return (
        f"{rule.code} {rule.name} ({rule.category.value}, {rule.severity.value} by default)\n\n"
        f"{rule.summary}\n\n{textwrap.fill(rule.explanation, 88)}\n\n{_fix_line(rule)}\n\n"
        f"Bad:{indent}{indent.join(rule.bad.splitlines())}\n\n"
        f"Good:{indent}{indent.join(rule.good.splitlines())}\n\n"
        f"{action}{silencing}"
    )


@app.command()
def baseline(
    paths: Annotated[
        list[Path], typer.Argument(help="Drafts (or folders of them) whose findings to record.", readable=False)
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="The baseline file to write.")],
    select: Annotated[list[str] | None, typer.Option("--select", help="Only these rules.")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Leave out these rules.")] = None,
    config_file: Annotated[Path | None, typer.Option("--config", help="Read settings from this TOML file.")] = None,
    corpus: Annotated[str | None, typer.Option("--corpus", help="Issued PITs to compare with.")] = None,
) -> None:
    """Record today's findings, so that `check --baseline FILE` fails only on new ones."""
    from pitlint import baseline as baseline_module
    from pitlint import config as config_module
    from pitlint import engine
    from pitlint.reuse.locate import stderr_notify

    try:
        overrides = {"select": _split(select), "ignore": _split(ignore)}
        settings = config_module.load(config_file).merged(corpus=corpus, **overrides)
        per_file = config_module.PerFile(settings, overrides)
        result = engine.check(paths, settings, notify=stderr_notify, settings_for=per_file)
        counts = baseline_module.record([(file.path, file.findings) for file in result.files])
        from pitlint.files import refuse_inputs

        refuse_inputs(output, result.inputs, "baseline")
        baseline_module.save(output, counts)
    except PitlintError as error:
        raise _fail(str(error)) from None
    except OSError as error:
        raise _fail(f"{output}: cannot write the baseline ({error.strerror or error})") from None
    for file in result.unreadable:
        _say(f"{file.path}: {file.error}")
    typer.echo(f"Recorded {sum(counts.values())} findings from {len(result.files)} files in {output}.")
    raise typer.Exit(2 if result.unreadable else 0)


corpus_app = typer.Typer(
    help="Build, extend and inspect the index of issued PITs that drafts are compared with.",
    no_args_is_help=True,
)
app.add_typer(corpus_app, name="corpus")


@corpus_app.command("build")
def corpus_build(
    folder: Annotated[Path, typer.Argument(help="Folder of issued PITs (.docx, .pdf, .md, .txt, .html).")],
    index: Annotated[
        str | None,
        typer.Option(
            "--index",
            help="Where to write the index: a folder (default: FOLDER/.pitlint-index) or a "
            "redis://host:port/db[?prefix=NAME] address.",
        ),
    ] = None,
) -> None:
    """Index a folder of issued PITs. An existing index is replaced only when the new one is complete."""
    from pitlint.errors import PitlintError
    from pitlint.progress import progress_bar
    from pitlint.reuse import corpus as corpus_module
    from pitlint.reuse import index as index_module
    from pitlint.reuse.locate import default_index_path, stderr_notify
    from pitlint.reuse.shared import Address, is_address

    target: str | Path = index if is_address(index) else Path(index) if index else default_index_path(folder)
    try:
        files, manifest = corpus_module.load_folder(folder)
        if not files:
            raise _fail(f"{folder}: no issued PITs in this folder (.docx, .pdf, .md, .txt or .html); nothing to index")
        with progress_bar("Indexing", len(files)) as update:
            if isinstance(target, str):
                from pitlint.reuse import shared

                built = shared.build(
                    folder, target, files=files, manifest=manifest, progress=update, notify=stderr_notify
                )
                target = Address.parse(target).shown
            else:
                built = index_module.build(
                    folder, target, files=files, manifest=manifest, progress=update, notify=stderr_notify
                )
    except PitlintError as error:
        raise _fail(str(error)) from None
    except OSError as error:
        raise _fail(f"{target}: cannot write the index ({error.strerror or error})") from None
    for problem in built.skipped:
        _say(problem)
    typer.echo(
        f"Indexed {built.documents} PITs ({built.passages} distinct sentences, {built.fingerprints} fingerprints) "
        f"from {folder} into {target} in {built.seconds:.1f} s."
    )
    unreadable = [problem for problem in built.skipped if not problem.endswith(index_module.ALREADY_INDEXED)]
    raise typer.Exit(2 if unreadable else 0)


def _index_target(index: str | None, paths: list[Path]) -> str | Path:
    """The index `corpus add` writes to: --index (an index, or a corpus folder with one inside),
    else the configured corpus's, else the one of the folder the first new PIT is in (found
    walking up from it, as `corpus build` leaves it), else ./.pitlint-index."""
    from pitlint import config as config_module
    from pitlint.reuse import index as index_module
    from pitlint.reuse.locate import default_index_path
    from pitlint.reuse.shared import is_address

    def as_index(path: Path) -> Path:
        inside = default_index_path(path)
        return inside if not index_module.is_index(path) and index_module.is_index(inside) else path

    if index is not None:
        return index if is_address(index) else as_index(Path(index))
    configured = config_module.load().corpus
    if is_address(configured):
        return configured
    if configured:
        return as_index(Path(configured))
    for path in paths[:1]:
        start = path if path.is_dir() else path.parent
        for folder in (start.resolve(), *start.resolve().parents):
            if index_module.is_index(default_index_path(folder)):
                return default_index_path(folder)
    return default_index_path(Path.cwd())


@corpus_app.command("add")
def corpus_add(
    paths: Annotated[list[Path], typer.Argument(help="Newly issued PITs (files or folders).")],
    index: Annotated[
        str | None, typer.Option("--index", help="The index to extend: a folder or a redis:// address.")
    ] = None,
) -> None:
    """Add newly issued PITs to an index without rebuilding it."""
    from pitlint import readers
    from pitlint.errors import PitlintError
    from pitlint.progress import progress_bar
    from pitlint.reuse import index as index_module
    from pitlint.reuse.locate import stderr_notify

    try:
        target = _index_target(index, paths)
        files = [(path, str(path)) for path in readers.discover(paths)]
        if isinstance(target, str):
            from pitlint.reuse import shared

            with progress_bar("Adding", len(files)) as update:
                added, skipped = shared.add(target, files, progress=update, notify=stderr_notify)
            target = shared.Address.parse(target).shown
        else:
            if not index_module.is_index(target):
                raise _fail(f"{target}: no index here; build one with `pitlint corpus build DIR` or give --index")
            with progress_bar("Adding", len(files)) as update:
                added, skipped = index_module.add(target, files, progress=update, notify=stderr_notify)
    except PitlintError as error:
        raise _fail(str(error)) from None
    except OSError as error:
        raise _fail(f"{target}: cannot write the index ({error.strerror or error})") from None
    for problem in skipped:
        _say(problem)
    count = f"{len(added)} PIT" + ("" if len(added) == 1 else "s")
    typer.echo(f"Added {count} to {target}" + (f": {', '.join(added)}" if added else "") + ".")
    unreadable = [problem for problem in skipped if not problem.endswith(index_module.ALREADY_INDEXED)]
    raise typer.Exit(2 if unreadable else 0)


@corpus_app.command("compact")
def corpus_compact(
    index: Annotated[
        str | None,
        typer.Option("--index", help="The index to compact: a folder index, or the corpus folder holding it."),
    ] = None,
) -> None:
    """Merge the fingerprint segments that adds left into one, so that checks search one again."""
    from pitlint.errors import PitlintError
    from pitlint.printable import printable
    from pitlint.reuse import index as index_module
    from pitlint.reuse.locate import stderr_notify

    try:
        target = _index_target(index, [])
        if isinstance(target, str):
            raise _fail(f"{target}: a shared index keeps no segments to merge; nothing to compact")
        if not index_module.is_index(target):
            raise _fail(f"{target}: no index here; build one with `pitlint corpus build DIR` or give --index")
        done = index_module.compact(target, notify=stderr_notify)
    except PitlintError as error:
        raise _fail(str(error)) from None
    except OSError as error:
        raise _fail(f"{target}: cannot write the index ({error.strerror or error})") from None
    if done.before <= 1:
        typer.echo(f"{printable(str(target))} has {done.before} segment already; nothing to merge.")
    else:
        typer.echo(
            f"Merged {done.before} segments of {printable(str(target))} into one "
            f"({done.fingerprints} fingerprints) in {done.seconds:.1f} s."
        )


@corpus_app.command("stats")
def corpus_stats(
    index: Annotated[
        str | None,
        typer.Option("--index", help="An index, a folder of PITs or a redis:// address (default: the shipped corpus)."),
    ] = None,
    top: Annotated[int, typer.Option("--top", min=1, help="How many of the most reused passages to show.")] = 10,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Report format.")] = OutputFormat.text,
) -> None:
    """Show the documents and passages of an index, and its most reused passages with their variants."""
    from pitlint import config as config_module
    from pitlint.errors import PitlintError
    from pitlint.report import corpus_stats as stats_report
    from pitlint.reuse.locate import open_index, stderr_notify

    try:
        opened = open_index(index or config_module.load().corpus, stderr_notify, thorough=True)
        try:
            summary = opened.stats(top)
        finally:
            opened.close()
    except PitlintError as error:
        raise _fail(str(error)) from None
    typer.echo(stats_report.render(summary, output_format.value), nl=False)


@app.command("report")
def report_command(
    results: Annotated[
        Path, typer.Argument(help="A JSON report written by `pitlint check --format json -o RESULTS.json`.")
    ],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Report format.")] = OutputFormat.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file instead of the screen.")
    ] = None,
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help="Lowest severity that makes the exit code 1.")
    ] = FailOn.error,
) -> None:
    """Render a JSON report again in another format, without checking again (check once in CI,
    then write SARIF, annotations and a job summary from the same results)."""
    from pitlint import report
    from pitlint.report.from_json import load

    if output_format == OutputFormat.html:
        raise _fail(
            "report: html shows each draft's text, which the JSON report does not hold; "
            "use `pitlint check --format html -o report.html`"
        )
    try:
        result = load(results, fail_on.value)
    except PitlintError as error:
        raise _fail(str(error)) from None
    for file in result.unreadable:  # as check says them: exit code 2 is never without its reason
        _say(f"{file.path}: {file.error}")
    rendered = report.render(result, output_format.value)
    if output:
        _write_report(output, rendered, [results, *result.inputs])
    else:
        _print(rendered)
    raise typer.Exit(result.exit_code)
