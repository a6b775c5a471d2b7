"""Compiled patterns kept between runs (pitlint.regexes): a later process gets patterns that behave
as ``re.compile``'s from the cache file, a damaged file costs only the compiling, and a whole check
says the same with a cold cache and a warm one."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEEDS

PATTERNS = [
    (r"(?P<section>[Ss]ection)\s+(?P<number>\d+)\((?P<sub>\d+)\)", 0),
    (r"\b(\w+)\s+\1\b", re.IGNORECASE),
    (r"^\W*(conclusions?|decision)\b", re.IGNORECASE | re.MULTILINE),
    (r"(?<![\w-])neither\s+confirm(?!\w)", 0),
    (r"(?x) \d{1,2} \s* (?:st|nd|rd|th)?  # a day", 0),
]
TEXTS = ["Section 43(2) applies", "the the request", "x\nConclusion: refused", "we neither  confirm", "the 3rd May"]

# A child process: compiles PATTERNS with pitlint.regexes, prints each pattern's behaviour on
# TEXTS and whether this process found it in the cache (None when it compiled it itself).
CHILD = """
import json, re, sys
from pitlint import regexes
patterns, texts = json.loads(sys.argv[1]), json.loads(sys.argv[2])
out = []
for pattern, flags in patterns:
    compiled = regexes.compile(pattern, flags)
    found = [[m.span(), m.groups(), m.groupdict()] for text in texts for m in compiled.finditer(text)]
    out.append([compiled.pattern, compiled.flags, compiled.groups, dict(compiled.groupindex), found])
print(json.dumps({"patterns": out, "compiled_here": regexes._changed}))
"""


def child(cache: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(PATTERNS), json.dumps(TEXTS)],
        capture_output=True,
        text=True,
        env=dict(os.environ, PITLINT_CACHE_DIR=str(cache)),
        timeout=60,
        check=True,
    )
    assert done.stderr == ""
    return json.loads(done.stdout)


def expected() -> list:
    """What re.compile's own patterns say on TEXTS (JSON-shaped, as the child prints it)."""
    out = []
    for pattern, flags in PATTERNS:
        compiled = re.compile(pattern, flags)
        found = [[m.span(), m.groups(), m.groupdict()] for text in TEXTS for m in compiled.finditer(text)]
        out.append([compiled.pattern, compiled.flags, compiled.groups, dict(compiled.groupindex), found])
    return json.loads(json.dumps(out))


def key(pattern: str, flags: int) -> str:
    return f"{int(flags)}:{pattern}"


def cache_files(cache: Path) -> list[Path]:
    return sorted((cache / "patterns").glob("*.json"))


def programs_in(stored: Path) -> dict:
    """The programs of a cache file: its body, after the line giving the body's digest."""
    digest, _, body = stored.read_bytes().partition(b"\n")
    assert hashlib.sha256(body).hexdigest().encode() == digest
    return json.loads(body)


def write_programs(stored: Path, programs: dict) -> None:
    """A cache file as its owner's run writes it: the digest line, then the body."""
    body = json.dumps(programs).encode()
    stored.write_bytes(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)


def test_a_later_process_gets_the_same_patterns_from_the_cache(tmp_path: Path):
    first = child(tmp_path)
    assert first == {"patterns": expected(), "compiled_here": True}
    [stored] = cache_files(tmp_path)
    keys = set(programs_in(stored))
    assert {key(pattern, flags) for pattern, flags in PATTERNS} <= keys
    written = stored.stat().st_mtime_ns

    second = child(tmp_path)
    assert second == {"patterns": expected(), "compiled_here": False}
    assert stored.stat().st_mtime_ns == written  # nothing new: the file is not written again


def test_a_damaged_or_altered_cache_file_costs_only_the_compiling(tmp_path: Path):
    """Cut short, garbage, or a program changed on disk without its digest (one number of a
    program changed can crash the interpreter in _sre): the file is ignored and written again."""
    child(tmp_path)
    [stored] = cache_files(tmp_path)
    whole = stored.read_bytes()
    digest, _, body = whole.partition(b"\n")
    programs = json.loads(body)
    program = programs[key(*PATTERNS[3])]
    program[1][len(program[1]) // 2] = 1
    altered = digest + b"\n" + json.dumps(programs).encode()
    for damage in (b"\x00\xff not json", whole[: len(whole) // 2], b"[1, 2, 3]", altered):
        stored.write_bytes(damage)
        assert child(tmp_path) == {"patterns": expected(), "compiled_here": True}
        assert programs_in(stored)  # written whole again, with its digest
    write_programs(stored, [1, 2, 3])  # its digest right, but not a mapping of programs
    assert child(tmp_path) == {"patterns": expected(), "compiled_here": True}


def test_a_cache_file_others_may_write_is_not_read(tmp_path: Path):
    child(tmp_path)
    [stored] = cache_files(tmp_path)
    stored.chmod(0o666)
    assert child(tmp_path) == {"patterns": expected(), "compiled_here": True}


def test_a_program_that_re_refuses_is_compiled_again(tmp_path: Path):
    child(tmp_path)
    [stored] = cache_files(tmp_path)
    programs = programs_in(stored)
    pattern, flags = PATTERNS[0]
    programs[key(pattern, flags)][1] = [999999]  # not a program _sre accepts
    programs[key(*PATTERNS[1])][3] = "no groups"  # not a mapping
    write_programs(stored, programs)  # (as its owner's run would have written them)
    assert child(tmp_path) == {"patterns": expected(), "compiled_here": True}
    mended = programs_in(stored)
    assert mended[key(pattern, flags)][1] != [999999]


def test_no_cache_folder_to_write_is_no_error(tmp_path: Path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    assert child(blocked) == {"patterns": expected(), "compiled_here": True}
    assert blocked.read_text() == "not a folder"


def test_bytes_patterns_go_to_re_itself():
    from pitlint import regexes

    assert regexes.compile(rb"<[A-Za-z]").search(b"x <p>").span() == (2, 4)  # type: ignore[arg-type]


def test_a_check_says_the_same_with_a_cold_and_a_warm_cache(tmp_path: Path):
    """The whole check's JSON report, byte for byte, from a process that compiled every pattern
    and from one that took them all from the cache."""
    draft = SEEDS["004"]
    env = dict(os.environ, PITLINT_CACHE_DIR=str(tmp_path / "cache"), NO_COLOR="1")
    reports = []
    for run in ("cold", "warm"):
        output = tmp_path / f"{run}.json"
        done = subprocess.run(
            [sys.executable, "-m", "pitlint", "check", str(draft), "--format", "json", "--output", str(output)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert done.returncode in (0, 1), done.stderr
        reports.append(output.read_bytes())
        if run == "cold":
            [stored] = cache_files(tmp_path / "cache")
            assert len(programs_in(stored)) > 200  # the rule modules' patterns
    assert reports[0] == reports[1]
    assert json.loads(reports[0])["files"]


def test_a_bad_pattern_raises_re_s_own_error():
    from pitlint import regexes

    with pytest.raises(re.error, match="look-behind requires fixed-width pattern") as raised:
        regexes.compile(r"(?<=a|bb)x")
    assert raised.value.__context__ is None  # not "during handling of the above exception"


def test_past_its_bound_the_file_keeps_only_what_the_last_run_used(tmp_path: Path):
    from pitlint import regexes

    child(tmp_path)
    [stored] = cache_files(tmp_path)
    programs = programs_in(stored)
    some = next(iter(programs.values()))
    programs.update({f"0:unused {number}": some for number in range(regexes.MOST_KEPT)})
    del programs[key(*PATTERNS[0])]  # so that the run compiles something and writes the file
    write_programs(stored, programs)
    assert child(tmp_path) == {"patterns": expected(), "compiled_here": True}
    assert set(programs_in(stored)) == {key(pattern, flags) for pattern, flags in PATTERNS}


def test_a_python_whose_re_is_laid_out_otherwise_compiles_as_re_does(monkeypatch: pytest.MonkeyPatch):
    """Where building a program the way the cache does fails (another Python's re), every pattern
    comes from re.compile and nothing is kept."""
    from pitlint import regexes

    def unexpected(pattern: str, flags: int) -> list:
        raise AttributeError("re._compiler._code")

    monkeypatch.setattr(regexes, "_program", unexpected)
    regexes._works.cache_clear()
    try:
        assert regexes._works() is False
        compiled = regexes.compile(r"(?P<n>\d+) more", re.I)
        assert (compiled.pattern, compiled.groupindex, compiled.search("Over 18 MORE").span()) == (
            r"(?P<n>\d+) more",
            {"n": 1},
            (5, 12),
        )
    finally:
        regexes._works.cache_clear()
