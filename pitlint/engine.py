"""check(paths, config) -> Report: find the drafts, read each one, outline it, run the checks,
keep the selected findings, sort them. A file that cannot be read is reported and the run goes
on with the others."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from pitlint import parallel, readers
from pitlint.config import Config
from pitlint.document import Document
from pitlint.errors import PitlintError, ReadError, UsageError
from pitlint.findings import (
    Finding,
    Rule,
    Severity,
    all_rules,
    one_per_slip,
    register,
    selector_matches,
    unknown_selectors,
)

if TYPE_CHECKING:
    from pitlint.baseline import Baseline
    from pitlint.checks import Context

Notify = Callable[[str], None]


class ParagraphText(NamedTuple):
    """A paragraph as the HTML review page shows it: its text and whether it is a heading (the
    text only, not the Document, so a run over 1,000 drafts keeps little in memory)."""

    text: str
    heading: bool


@dataclass
class FileReport:
    path: str
    error: str | None = None
    paragraphs: int = 0
    findings: list[Finding] = field(default_factory=list)
    silenced: int = 0  # findings left out by --ignore/--select or config, counted, never lost
    baselined: int = 0  # findings already recorded in the --baseline file
    reused_fraction: float | None = None  # set once the draft is compared with the corpus
    identical_to: str | None = None  # the corpus document this draft is, if it is one
    format: str | None = None
    source: Path | None = None  # the file as named on disk (``path`` is how reports show it)
    texts: list[ParagraphText] = field(default_factory=list, repr=False)  # what findings' spans point into


@dataclass
class Report:
    files: list[FileReport]
    fail_on: str = "error"
    fixed_in_baseline: int = 0  # baseline entries that matched nothing: fixed since

    @property
    def findings(self) -> Iterator[Finding]:
        for file in self.files:
            yield from file.findings

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)

    @property
    def inputs(self) -> list[Path]:
        """The files read, which no output may overwrite."""
        return [file.source for file in self.files if file.source is not None]

    @property
    def unreadable(self) -> list[FileReport]:
        return [file for file in self.files if file.error]

    @property
    def exit_code(self) -> int:
        """2 if a file could not be read; 1 if a finding is at or above --fail-on; else 0."""
        if self.unreadable:
            return 2
        if self.fail_on == "never":
            return 0
        threshold = Severity(self.fail_on).rank
        return 1 if any(finding.severity.rank >= threshold for finding in self.findings) else 0


def _selected(rule: Rule, config: Config, ignored_here: tuple[str, ...] = ()) -> bool:
    chosen = not config.select or any(selector_matches(rule, s) for s in config.select)
    chosen = chosen or any(selector_matches(rule, s) for s in config.extend_select)
    return chosen and not any(selector_matches(rule, s) for s in (*config.ignore, *ignored_here))


def _silenced(finding: Finding, document: Document) -> bool:
    """Silenced by an inline directive in the draft (for its paragraph, or the whole file)."""
    selectors = list(document.silenced)
    if finding.location is not None and 0 < finding.location.paragraph <= len(document.paragraphs):
        selectors.extend(document.paragraphs[finding.location.paragraph - 1].silenced)
    return any(selector_matches(finding.rule, selector) for selector in selectors)


def shown_path(path: Path) -> str:
    """A file name as reports show it: one that is not valid UTF-8 with its bytes as escapes
    ("bad\\xff.txt"), so every format can carry it."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


FILE_SECONDS = 30  # a file that takes longer is reported as too complex to check, and the run goes on


class _TooLong(Exception):
    pass


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Stop the work on one file after ``seconds`` (on the main thread, where signals arrive)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _TooLong

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check_file(path: Path, config: Config, context: Context) -> FileReport:
    """Check one file; whatever goes wrong with it becomes its error line, never the run's end."""
    report = FileReport(shown_path(path), source=path)
    try:
        with _time_limit(FILE_SECONDS):
            _check_file(path, config, context, report)
    except ReadError as error:
        report.error = error.reason
    except _TooLong:
        report.error = f"too complex to check within {FILE_SECONDS} s"
        report.findings = []
    except (RecursionError, MemoryError):
        report.error = "too complex to check (it nests or repeats beyond what pitlint reads)"
        report.findings = []
    except PitlintError:
        raise
    except Exception as error:  # a bug: this file is reported, the others are still checked
        report.error = f"internal error in pitlint ({type(error).__name__}: {error}); please report it"
        report.findings = []
    return report


def _check_file(path: Path, config: Config, context: Context, report: FileReport) -> None:
    from pitlint import outline as outline_module
    from pitlint.checks import load

    document = readers.read(path)
    report.format = document.format
    report.paragraphs = len(document.paragraphs)
    report.texts = [ParagraphText(p.text, bool(p.heading)) for p in document.paragraphs]
    outline = outline_module.build(document)

    def run_checks() -> list[Finding]:
        return [finding for module in load() for finding in module.check(document, outline, context)]

    findings = context.consistently(document, run_checks)
    here = config.ignored_here(path)
    kept = [
        finding for finding in findings if _selected(finding.rule, config, here) and not _silenced(finding, document)
    ]
    report.silenced = len(findings) - len(kept)
    report.findings = _capped(sorted(one_per_slip(kept), key=lambda finding: finding.sort_key))
    analysis = context.reuse(document)
    if analysis is not None:
        report.reused_fraction = analysis.reused_fraction
        report.identical_to = analysis.identical_to


MAX_PER_RULE = 500  # findings of one rule listed per file; the rest are counted in one more


def _capped(findings: list[Finding]) -> list[Finding]:
    """At most MAX_PER_RULE findings of each rule, in reading order, and one document-level
    finding counting the rest: a file of 200,000 unknown words is not a draft to read line by line,
    and every report format stays quick."""
    counts: dict[str, int] = {}
    kept: list[Finding] = []
    for finding in findings:
        seen = counts.get(finding.rule.code, 0)
        counts[finding.rule.code] = seen + 1
        if seen < MAX_PER_RULE:
            kept.append(finding)
    for code, count in counts.items():
        if count > MAX_PER_RULE:
            rule = next(finding.rule for finding in kept if finding.rule.code == code)
            rest = count - MAX_PER_RULE
            kept.insert(
                0,
                rule.finding(
                    f"{rest} more {rule.name} findings in this file are not listed (first {MAX_PER_RULE} shown)."
                ),
            )
    return kept


def apply_baseline(report: Report, path: Path) -> Baseline:
    """Leave out the findings the baseline holds; count them and the entries fixed since."""
    from pitlint.baseline import load

    baseline = load(path)
    for file in report.files:
        kept = [finding for finding in file.findings if not baseline.absorbs(file.path, finding)]
        file.baselined = len(file.findings) - len(kept)
        file.findings = kept
    report.fixed_in_baseline = sum(baseline.fixed.values())
    return baseline


STDIN = Path("-")  # as a PATH: read the draft from standard input


def check_stdin(
    name: str,
    config: Config,
    context: Context,
    after: Callable[[Path, FileReport, Callable[[Path], FileReport]], None] | None = None,
) -> FileReport:
    """Standard input, checked as the file ``name`` would be: its suffix picks the reader (plain
    text without one). The bytes are spooled to a private temporary file that the readers open as
    any other and that is deleted at once; the report names ``name``, never that file. An empty
    input read as text is an empty draft (an empty file on disk is more likely a mistake).
    ``after(spool, report, recheck)`` is called while the spooled copy still exists (to fix it, and
    check the fixed text with ``recheck(path)``)."""
    import shutil
    import sys
    import tempfile

    shown = name if name == "-" else shown_path(Path(name))
    suffix = "" if name == "-" else Path(name).suffix.lower()
    suffix = suffix or ".txt"
    with tempfile.TemporaryDirectory(prefix="pitlint-stdin-") as folder:
        spool = Path(folder) / f"stdin{suffix}"
        try:
            with open(spool, "wb") as stream:
                if sys.stdin is None:
                    raise OSError("standard input is closed")
                shutil.copyfileobj(sys.stdin.buffer, stream)
                if stream.tell() == 0 and readers.READERS.get(suffix) in readers.TEXT_READERS:
                    stream.write(b"\n")
        except OSError as error:
            return FileReport(shown, error=f"cannot read standard input: {error.strerror or error}")
        report = check_file(spool, config, context)
        report.path = shown
        if after is not None and not report.error:
            after(spool, report, lambda path: check_file(path, config, context))
    report.path = shown
    report.source = None if name == "-" else Path(name)  # an editor's buffer of that file: never overwritten
    if report.error:
        report.error = report.error.replace(str(spool), shown)
    return report


def check(
    paths: Iterable[Path],
    config: Config,
    notify: Notify | None = None,
    *,
    stdin_name: str = "-",
    progress: Callable[[int, int], None] | None = None,
    settings_for: Callable[[Path], Config] | None = None,
    stdin_after: Callable[[Path, FileReport, Callable[[Path], FileReport]], None] | None = None,
) -> Report:
    """Check drafts ("-" is standard input, reported as ``stdin_name``). The corpus index is opened
    once, and only if a reuse rule is selected. ``progress(done, total)`` hears of each file checked.
    ``settings_for(path)`` gives each draft's own settings (config.PerFile); ``config`` for all
    without it. Files that settings exclude are left out when found in a folder, and when named
    too with force-exclude."""
    from pitlint.checks import CORPUS_CATEGORIES, CORPUS_RULES, Context
    from pitlint.packs import load as load_packs

    packs = load_packs(config.rules)
    register(*packs.rules)
    per_file = settings_for or (lambda path: config)
    bad = unknown_selectors([*config.select, *config.ignore, *config.extend_select])
    if bad:
        raise UsageError(
            f"unknown rule selector '{bad[0]}' (use a code such as PIT104, a code prefix, a rule name "
            "or a category; see `pitlint rules`)"
        )
    from pitlint.files import discover

    paths = list(paths)
    found = discover([path for path in paths if path != STDIN], readers.is_supported)
    named = set(paths)
    files = [
        path
        for path in found.files
        if not (per_file(path).excludes(path) and (path not in named or per_file(path).force_exclude))
    ]
    if STDIN in paths:
        files.insert(0, STDIN)
    configs = {config, *(per_file(path) for path in files if path != STDIN)}
    for settings in configs:
        wrong = unknown_selectors(
            [
                *settings.select,
                *settings.ignore,
                *settings.extend_select,
                *(s for _, g in settings.per_file_ignores for s in g),
            ]
        )
        if wrong:
            raise UsageError(f"{settings.source}: unknown rule selector '{wrong[0]}' (see `pitlint rules`)")
    context = Context(config, packs=packs)
    if config.check_links:
        from pitlint.caches import cache_dir

        context.link_cache = cache_dir() / "links.json"
    rules = all_rules()
    context.compare = any(rule.category in CORPUS_CATEGORIES and _selected(rule, c) for rule in rules for c in configs)
    wants_corpus = context.compare or any(
        rule.code in CORPUS_RULES and _selected(rule, c) for rule in rules for c in configs
    )
    if wants_corpus and files:
        from pitlint.reuse.locate import open_index

        context.index = open_index(config.corpus, notify)
    try:
        problems = [FileReport(shown_path(path), error=reason) for path, reason in found.problems]
        checked = []
        if progress:
            progress(0, len(files))
        if STDIN in files:
            context.config = config
            checked.append(check_stdin(stdin_name, config, context, stdin_after))
        drafts = [path for path in files if path != STDIN]

        def check_one(path: Path) -> FileReport:
            context.config = per_file(path)  # (organisation and thresholds are the draft's own)
            return check_file(path, context.config, context)

        def in_worker() -> None:
            if context.index is not None:
                parallel.keep(context.index)
                context.index = context.index.reconnected()

        before = len(checked)
        checked += parallel.check_all(
            drafts,
            check_one,
            parallel.workers_for(len(drafts), config.jobs),
            in_worker=in_worker,
            done=(lambda count: progress(before + count, len(files))) if progress else (lambda count: None),
        )
        return Report([*problems, *checked], config.fail_on)
    finally:
        if context.index is not None:
            context.index.close()
