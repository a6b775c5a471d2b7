"""Where a rule's documentation is on the web, for SARIF's ``helpUri`` and the markdown report's
links: ``docs/rules.md`` (made from the registry by ``scripts/rules_page.py``), one anchor per
rule (``#pit104``).

pitlint has no public home to name in its metadata, so the address is found at run time:
``PITLINT_DOCS_URL`` (the rules page's address) when set, as the user's own word; else, inside
the GitHub action, the action's own repository and ref (where that docs/rules.md is); else
there is none, and the links are left out rather than pointing somewhere made up."""

from __future__ import annotations

import os
from urllib.parse import quote

from pitlint.findings import REGISTRY, Rule

RULES_PAGE = "docs/rules.md"


def rules_page() -> str | None:
    """The rules page's absolute http(s) address, or None when it cannot be known."""
    explicit = os.environ.get("PITLINT_DOCS_URL", "").strip()
    if explicit:
        return explicit if explicit.startswith(("https://", "http://")) else None
    server = os.environ.get("GITHUB_SERVER_URL", "").strip().rstrip("/")
    repository = os.environ.get("GITHUB_ACTION_REPOSITORY", "").strip()
    ref = os.environ.get("GITHUB_ACTION_REF", "").strip()
    if server.startswith(("https://", "http://")) and repository.count("/") == 1 and ref:
        return f"{server}/{quote(repository)}/blob/{quote(ref, safe='')}/{RULES_PAGE}"
    return None


def help_uri(rule: Rule, page: str | None) -> str | None:
    """The rule's anchor on the rules page; None for a rule the page does not list (a team's own,
    whose code never starts with PIT)."""
    if page is None or not rule.code.startswith("PIT") or REGISTRY.get(rule.code) != rule:
        return None
    return f"{page.split('#', 1)[0]}#{rule.code.lower()}"
