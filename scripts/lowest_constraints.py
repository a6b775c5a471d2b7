"""Write pip constraints pinning every dependency in pyproject.toml to its declared floor.

`.ci/run` installs pitlint with these (`pip install -c lowest.txt '.[test]'`) and runs the tests,
so that each `>=` in pyproject.toml is a version pitlint was seen to work with, not a guess.
Only the direct dependencies are pinned; what they need comes at its newest, as a user who
already has an old typer or python-docx would get it.

    python3 scripts/lowest_constraints.py [--extra NAME ...] > lowest.txt

Every dependency must have a `>=` floor: one without fails here, so a new one cannot slip in
untested. Markers (`; python_version < '3.11'`) are kept, so pip applies each pin only where
its dependency is installed.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
# name, optional [extras], then the specifiers, then an optional marker
REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*([^;]*?)\s*(?:;\s*(.+?))?\s*$")
FLOOR = re.compile(r"^>=\s*([0-9][A-Za-z0-9.!+-]*)$")


def normalise(name: str) -> str:
    """PEP 503's form, so that `PyYAML` and `pyyaml` are one name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def floor_pin(requirement: str, project: str) -> str | None:
    """`name==floor ; marker` for one requirement; None for the project's own extras
    (`pitlint[redis]` inside another extra), whose dependencies are pinned where listed."""
    match = REQUIREMENT.match(requirement)
    if not match:
        raise ValueError(f"cannot read the requirement {requirement!r}")
    name, _extras, specifiers, marker = match.groups()
    if normalise(name) == normalise(project):
        return None
    parts = [part.strip() for part in specifiers.split(",") if part.strip()]
    floors = [FLOOR.match(part) for part in parts]
    found = [floor.group(1) for floor in floors if floor]
    if len(found) != 1:
        raise ValueError(f"{requirement!r} needs exactly one '>=' floor to be tested")
    return f"{name}=={found[0]}" + (f" ; {marker}" if marker else "")


def constraints(pyproject: dict, extras: list[str]) -> list[str]:
    """The pins for the base dependencies and the extras asked for, extras named by the
    project's own `pitlint[...]` references included."""
    project = pyproject["project"]
    optional = project.get("optional-dependencies", {})
    wanted, seen, requirements = list(extras), set(), list(project.get("dependencies", []))
    while wanted:
        extra = wanted.pop()
        if extra in seen:
            continue
        if extra not in optional:
            raise ValueError(f"pyproject.toml has no extra {extra!r}")
        seen.add(extra)
        for requirement in optional[extra]:
            match = REQUIREMENT.match(requirement)
            if match and normalise(match.group(1)) == normalise(project["name"]) and match.group(2):
                wanted.extend(item.strip() for item in match.group(2)[1:-1].split(","))
            requirements.append(requirement)
    pins = [floor_pin(requirement, project["name"]) for requirement in requirements]
    return list(dict.fromkeys(pin for pin in pins if pin))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extra", action="append", default=[], help="an extra to include as well (repeatable)")
    parser.add_argument("--pyproject", type=Path, default=PYPROJECT)
    options = parser.parse_args(argv)
    try:
        pins = constraints(tomllib.loads(options.pyproject.read_text(encoding="utf-8")), options.extra)
    except (OSError, ValueError, KeyError) as error:
        print(f"lowest_constraints: {options.pyproject}: {error}", file=sys.stderr)
        return 2
    sys.stdout.write("".join(f"{pin}\n" for pin in pins))
    return 0


if __name__ == "__main__":
    sys.exit(main())
