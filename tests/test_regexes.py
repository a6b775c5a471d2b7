"""Compiled patterns kept between runs (pitlint.regexes): a later process gets patterns that behave
as ``re.compile``'s from the cache file, a damaged file costs only the compiling, and a whole check
says the same with a cold cache and a warm one."""

from __future__ import annotations

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


def test_a_later_process_gets_the_same_patterns_from_the_cache(tmp_path: Path):
    first = child(tmp_path)
    assert first == {"patterns": expected(), "compiled_here": True}
    [stored] = cache_files(tmp_path)
    keys = set(json.loads(stored.read_text()))
    assert {key(pattern, flags) for pattern, flags in PATTERNS} <= keys
    written = stored.stat().st_mtime_ns

    second = child(tmp_path)
    assert second == {"patterns": expected(), "compiled_here": False}
    assert stored.stat().st_mtime_ns == written  # nothing new: the file is not written again


@pytest.mark.parametrize(
    "damage",
    [
        b"\x00\xff not json",
        b"[1, 2, 3]",
        b'{"0:(?P<section>[Ss]ection)": "not a program"}',
    ],
)
def test_a_damaged_cache_file_costs_only_the_compiling(tmp_path: Path, damage: bytes):
    child(tmp_path)
    [stored] = cache_files(tmp_path)
    stored.write_bytes(damage)
    assert child(tmp_path) == {"patterns": expected(), "compiled_here": True}
    assert json.loads(stored.read_text())  # written whole again


def test_a_program_that_re_refuses_is_compiled_again(tmp_path: Path):
    child(tmp_path)
    [stored] = cache_files(tmp_path)
    programs = json.loads(stored.read_text())
    pattern, flags = PATTERNS[0]
    programs[key(pattern, flags)][1] = [999999]  # not a program _sre accepts
    programs[key(*PATTERNS[1])][3] = "no groups"  # not a mapping
    stored.write_text(json.dumps(programs))
    assert child(tmp_path) == {"patterns": expected(), "compiled_here": True}
    mended = json.loads(stored.read_text())
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
            assert len(json.loads(stored.read_text())) > 200  # the rule modules' patterns
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
    programs = json.loads(stored.read_text())
    some = next(iter(programs.values()))
    programs.update({f"0:unused {number}": some for number in range(regexes.MOST_KEPT)})
    del programs[key(*PATTERNS[0])]  # so that the run compiles something and writes the file
    stored.write_text(json.dumps(programs))
    assert child(tmp_path) == {"patterns": expected(), "compiled_here": True}
    assert set(json.loads(stored.read_text())) == {key(pattern, flags) for pattern, flags in PATTERNS}
