"""Rule packs are read with libyaml's loader when PyYAML has it: the same data as the pure-Python
safe loader, and the same one-line error for a broken pack."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from pitlint.errors import ConfigError
from pitlint.packs import BUILT_IN, load


def test_libyaml_reads_the_built_in_packs_as_the_python_loader_does():
    if not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML was built without libyaml here")
    packs = sorted(BUILT_IN.glob("*.yaml"))
    assert packs
    for path in packs:
        text = path.read_text(encoding="utf-8")
        assert yaml.load(text, Loader=yaml.CSafeLoader) == yaml.load(text, Loader=yaml.SafeLoader), path.name


@pytest.mark.parametrize("text", ["rules: [unclosed\n", "words: [a, b\n", "rules:\n  PIT401: {pattern: 'x'\n"])
def test_a_broken_pack_is_one_line_naming_the_file(tmp_path: Path, text: str):
    pack = tmp_path / "team.yaml"
    pack.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load((pack,))
    assert str(raised.value).startswith(f"{pack}: not valid YAML (")
    assert "\n" not in str(raised.value)


def test_a_python_object_tag_is_refused_not_run(tmp_path: Path):
    pack = tmp_path / "team.yaml"
    pack.write_text("words: !!python/object/apply:os.getcwd []\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load((pack,))


@pytest.mark.parametrize("since", ["'2015'", "15", "true", "1215-06-15", "2015-04-01T10:00:00"])
def test_since_must_be_a_date_or_a_year(tmp_path: Path, since: str):
    pack = tmp_path / "team.yaml"
    pack.write_text(f"rules:\n  PIT503:\n    - {{pattern: 'Old Body', since: {since}}}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load((pack,))
    assert str(raised.value) == (
        f"{pack}: rules.PIT503[0].since: must be a date (e.g. 2015-04-01) or a year (e.g. 2015)"
    )


@pytest.mark.parametrize(("since", "expected"), [("2015-04-01", date(2015, 4, 1)), ("2015", date(2015, 1, 1))])
def test_since_is_read_as_a_date(tmp_path: Path, since: str, expected: date):
    pack = tmp_path / "team.yaml"
    pack.write_text(f"rules:\n  PIT503:\n    - {{pattern: 'Old Body', since: {since}}}\n", encoding="utf-8")
    assert [entry.since for entry in load((pack,)).for_rule("PIT503") if entry.text == "Old Body"] == [expected]


def test_no_fix_near_must_be_a_regular_expression(tmp_path: Path):
    pack = tmp_path / "team.yaml"
    pack.write_text("rules:\n  PIT503:\n    - {pattern: 'Old Body', no-fix-near: '(EU'}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load((pack,))
    assert str(raised.value).startswith(f"{pack}: rules.PIT503[0].no-fix-near: not a valid regular expression (")


def test_a_pattern_that_starts_with_a_look_behind_still_matches_whole_words(tmp_path: Path):
    """Look-behinds match no character: the first one the pattern matches decides the word boundary."""
    pack = tmp_path / "team.yaml"
    pack.write_text("rules:\n  PIT503:\n    - {pattern: '(?<!UK )GDPR', case-sensitive: true}\n", encoding="utf-8")
    (entry,) = [entry for entry in load((pack,)).for_rule("PIT503") if entry.text == "(?<!UK )GDPR"]
    text = "the UKGDPR, the UK GDPR and the GDPR"
    assert [match.start() for match in entry.pattern.finditer(text)] == [text.rindex("GDPR")]


# -- the parsed packs kept in the cache ----------------------------------------------------------


def _entries(packs) -> list[tuple]:
    return [
        (code, e.pattern.pattern, e.suggestion, e.since, e.severity, e.fix)
        for code, found in sorted(packs.entries.items())
        for e in found
    ]


def test_a_pack_parsed_once_is_read_from_the_cache_without_yaml(tmp_path: Path):
    """The second start reads each pack's parse from the cache (no YAML parser imported) and
    loads exactly what the YAML says, dates included; an edited pack is parsed again."""
    import json
    import os
    import subprocess
    import sys

    pack = tmp_path / "team.yaml"
    pack.write_text("rules:\n  PIT503:\n    - {pattern: 'old act', suggestion: 'new act', since: 2015-04-01}\n")
    probe = (
        "import sys, json; from pathlib import Path; from pitlint import packs\n"
        f"loaded = packs.load((Path({str(pack)!r}),))\n"
        "entry = loaded.entries['PIT503'][-1]\n"
        "print(json.dumps(['yaml' in sys.modules, entry.suggestion, str(entry.since), len(loaded.terms)]))"
    )
    environment = dict(os.environ, PITLINT_CACHE_DIR=str(tmp_path / "cache"))

    def start() -> list:
        done = subprocess.run([sys.executable, "-c", probe], env=environment, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    first = start()
    assert first[0] is True and first[1:3] == ["new act", "2015-04-01"] and first[3] > 10
    assert start() == [False, *first[1:]]
    cached = sorted((tmp_path / "cache" / "packs").iterdir())
    assert len(cached) == len(list(BUILT_IN.glob("*.yaml"))) + 1
    pack.write_text("rules:\n  PIT503:\n    - {pattern: 'old act', suggestion: 'newer act', since: 2016}\n")
    assert start() == [True, "newer act", "2016-01-01", first[3]]


def test_a_damaged_cache_entry_is_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PITLINT_CACHE_DIR", str(tmp_path / "cache"))
    expected = _entries(load())
    for cached in (tmp_path / "cache" / "packs").iterdir():
        cached.write_bytes(b'{"rules": {"PIT401": [{"pattern": ')  # cut short
    assert _entries(load()) == expected
    assert _entries(load()) == expected  # and written whole again


def test_an_unwritable_cache_only_costs_the_parse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("PITLINT_CACHE_DIR", str(blocked))
    assert _entries(load()) and blocked.read_text() == "not a folder"


def test_what_json_cannot_keep_exactly_is_not_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A subject named by a number would come back from JSON as text: that pack is parsed each time."""
    monkeypatch.setenv("PITLINT_CACHE_DIR", str(tmp_path / "cache"))
    pack = tmp_path / "team.yaml"
    pack.write_text("subjects:\n  2020: [pandemic]\n")
    load((pack,))
    import hashlib

    name = hashlib.blake2b(pack.read_bytes(), digest_size=16).hexdigest() + ".json"
    assert not (tmp_path / "cache" / "packs" / name).exists()
    assert len(list((tmp_path / "cache" / "packs").iterdir())) == len(list(BUILT_IN.glob("*.yaml")))


def test_a_pack_whose_aliases_stand_for_billions_of_values_is_refused_at_once(tmp_path: Path):
    """A few lines of nested YAML aliases stand for 10**9 words: refused with one line, before
    anything walks or caches them (a team's pack may come in a pull request)."""
    import time

    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 9)]
    pack = tmp_path / "team.yaml"
    pack.write_text("\n".join(lines) + "\nwords: *a8\n", encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(ConfigError) as raised:
        load((pack,))
    assert str(raised.value) == f"{pack}: its YAML aliases stand for far more values than the file holds"
    assert time.monotonic() - started < 30  # (the old walk took minutes; this bound is loose on purpose)
    modest = tmp_path / "modest.yaml"
    modest.write_text("base: &base [warrant, warrants]\nwords: *base\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown key"):  # aliases as such are fine
        load((modest,))
