"""The command line: parses options into a Config, calls the engine, writes the report and picks
the exit code. No checking logic lives here.

Heavy modules (readers, python-docx, pdfminer, datasketch) are imported inside the commands
that need them, so `pitlint --version` and `pitlint rules` start at once.
"""

from __future__ import annotations

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
    json = "json"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def _fail(message: str) -> typer.Exit:
    typer.echo(f"pitlint: {message}", err=True)
    return typer.Exit(2)


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
        list[Path], typer.Argument(help="Drafts to check (.docx, .pdf, .md, .txt, .html) or folders of them.")
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
    config_file: Annotated[Path | None, typer.Option("--config", help="Read settings from this TOML file.")] = None,
) -> None:
    """Check drafts and report what a careful FOI reviewer would catch before publication."""
    from pitlint import config as config_module
    from pitlint import engine, report

    try:
        settings = config_module.load(config_file).merged(
            format=output_format.value if output_format else None,
            output=output,
            fail_on=fail_on.value if fail_on else None,
            select=_split(select),
            ignore=_split(ignore),
        )
        result = engine.check(paths, settings)
    except PitlintError as error:
        raise _fail(str(error)) from None
    for file in result.unreadable:
        typer.echo(f"pitlint: {file.path}: {file.error}", err=True)
    rendered = report.render(result, settings.format)
    if settings.output:
        try:
            settings.output.write_text(rendered, encoding="utf-8")
        except OSError as error:
            raise _fail(f"{settings.output}: cannot write the report ({error.strerror or error})") from None
    else:
        sys.stdout.write(rendered)
    raise typer.Exit(result.exit_code)


@app.command()
def rules() -> None:
    """List every rule: code, name, category, default severity and what it checks."""
    from tabulate import tabulate

    from pitlint.findings import all_rules

    rows = [[r.code, r.name, r.category.value, r.severity.value, r.summary] for r in all_rules()]
    typer.echo(
        tabulate(
            rows,
            headers=["code", "name", "category", "severity", "checks"],
            tablefmt="simple",
            maxcolwidths=[None, None, None, None, 60],
        )
    )


@app.command()
def explain(code: Annotated[str, typer.Argument(help="A rule code such as PIT104, or its name.")]) -> None:
    """Explain a rule: what it checks, why it matters, a bad and a good example, how to silence it."""
    from pitlint.findings import find_rule

    rule = find_rule(code)
    if rule is None:
        raise _fail(f"unknown rule '{code}' (see `pitlint rules`)")
    typer.echo(explanation(rule))


def explanation(rule) -> str:  # findings.Rule, imported lazily
    import textwrap

    indent = "\n    "
    return (
        f"{rule.code} {rule.name} ({rule.category.value}, {rule.severity.value} by default)\n\n"
        f"{rule.summary}\n\n{textwrap.fill(rule.explanation, 88)}\n\n"
        f"Bad:{indent}{indent.join(rule.bad.splitlines())}\n\n"
        f"Good:{indent}{indent.join(rule.good.splitlines())}\n\n"
        f'Silence it: `pitlint check --ignore {rule.code}`, or ignore = ["{rule.code}"] '
        f"under [tool.pitlint] in pyproject.toml or in .pitlint.toml."
    )


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("pitlint: interrupted", err=True)
        sys.exit(130)
