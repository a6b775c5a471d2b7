"""Facts of the Freedom of Information Act 2000 that the checks rely on, as data.

Sources: the Act (legislation.gov.uk) and the ICO's guidance, summarised in DOMAIN.md. Entries
marked ``verified=False`` are from that summary's "unverified" row; checks that depend on them
report warnings, not errors.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Exemption:
    section: int
    name: str
    withhold: tuple[str, ...]  # subsections that withhold information admitted to be held
    ncnd: tuple[str, ...]  # subsections that remove the duty to confirm or deny
    absolute: bool = False  # no public interest test applies
    prejudice: bool = False  # the harm must be shown with a likelihood ("would"/"would be likely to")
    verified: bool = True


EXEMPTIONS: dict[int, Exemption] = {
    exemption.section: exemption
    for exemption in (
        Exemption(21, "Information accessible by other means", ("1",), (), absolute=True),
        Exemption(22, "Information intended for future publication", ("1",), ("2",), verified=False),
        Exemption(23, "Security bodies", ("1",), ("5",), absolute=True),
        Exemption(24, "National security", ("1",), ("2",)),
        Exemption(26, "Defence", ("1",), ("3",), prejudice=True, verified=False),
        Exemption(27, "International relations", ("1", "2"), ("4",), prejudice=True, verified=False),
        Exemption(28, "Relations within the United Kingdom", ("1",), ("3",), prejudice=True, verified=False),
        Exemption(29, "The economy", ("1",), ("2",), prejudice=True, verified=False),
        Exemption(30, "Investigations and proceedings", ("1", "2"), ("3",)),
        Exemption(31, "Law enforcement", ("1",), ("3",), prejudice=True),
        Exemption(32, "Court records", ("1", "2"), ("3",), absolute=True),
        Exemption(33, "Audit functions", ("2",), ("3",), prejudice=True),
        Exemption(34, "Parliamentary privilege", ("1",), ("2",), absolute=True),
        Exemption(35, "Formulation of government policy", ("1",), ("3",), verified=False),
        Exemption(
            36, "Prejudice to effective conduct of public affairs", ("2",), ("3",), prejudice=True, verified=False
        ),
        Exemption(37, "Communications with His Majesty, and honours", ("1",), ("2",)),
        Exemption(38, "Health and safety", ("1",), ("2",), prejudice=True),
        Exemption(39, "Environmental information", ("1",), ("2",)),
        Exemption(40, "Personal information", ("1", "2"), ("5A", "5B")),
        Exemption(41, "Information provided in confidence", ("1",), ("2",), absolute=True),
        Exemption(42, "Legal professional privilege", ("1",), ("2",), verified=False),
        Exemption(43, "Commercial interests", ("1", "2"), ("3",), prejudice=True),
        Exemption(44, "Prohibitions on disclosure", ("1",), ("2",), absolute=True),
    )
}

# "s40(5)" is the numbering before the Data Protection Act 2018; today it is 40(5A)/(5B).
OUTDATED_SUBSECTIONS: dict[tuple[int, str], str] = {(40, "5"): "40(5A) or 40(5B)"}


def subsection_kind(section: int, subsection: str | None) -> str | None:
    """'ncnd', 'withhold', or None when the citation does not say (no subsection, or unknown)."""
    exemption = EXEMPTIONS.get(section)
    if exemption is None or not subsection:
        return None
    if subsection.upper() in {s.upper() for s in exemption.ncnd} or (section, subsection) in OUTDATED_SUBSECTIONS:
        return "ncnd"
    if subsection.upper() in {s.upper() for s in exemption.withhold}:
        return "withhold"
    return None
