"""Facts of the Freedom of Information Act 2000 that the checks rely on, as data.

Sources: the Act (legislation.gov.uk: the section headings, and the subsections that remove the
duty to confirm or deny) and the ICO's guidance on each exemption (absolute or qualified, class
or prejudice-based), summarised in DOMAIN.md.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

CLASS = "class"
PREJUDICE = "prejudice"


@dataclass(frozen=True)
class Exemption:
    section: int
    name: str  # the Act's heading, shortened as PITs write it
    title: str  # a pattern for the words that name it in a citation's title ("law enforcement")
    withhold: tuple[str, ...]  # subsections that withhold information admitted to be held
    ncnd: tuple[str, ...]  # subsections that remove the duty to confirm or deny
    absolute: bool | None = False  # no public interest test; None: it depends on the subsection
    basis: str | None = CLASS  # class or prejudice-based; None: it depends, or is neither (s24)
    absolute_subsections: tuple[str, ...] = ()  # where ``absolute`` is None
    basis_by_subsection: dict[str, str] = field(default_factory=dict)  # where ``basis`` is None
    # where subsections have titles of their own (s43(1) trade secrets, s43(2) commercial interests):
    # the words of each, and its name
    subsection_titles: dict[str, tuple[str, str]] = field(default_factory=dict)

    @property
    def prejudice(self) -> bool:
        """Whether the harm must be shown with a likelihood, for the exemption as usually cited."""
        return self.basis == PREJUDICE or PREJUDICE in self.basis_by_subsection.values()

    def withholding(self, text: str = "") -> str:
        """The subsection to cite for withholding, chosen by what the draft argues where it can be."""
        if self.section == 43:  # (a draft quoting s43 whole names trade secrets and commercial interests)
            secret = re.search(r"trade\s+secret", text, re.IGNORECASE)
            if secret and not re.search(r"prejudice\w*\s+(?:to\s+)?the\s+commercial\s+interests?", text, re.IGNORECASE):
                return "43(1)"
            return "43(2) (43(1) for a trade secret)" if secret else "43(2)"
        if self.section == 40:
            return "40(2)"
        if self.section == 31:
            return "31(1)(a)-(i), naming the purpose prejudiced"
        return " or ".join(f"{self.section}({sub})" for sub in self.withhold)

    def confirming(self) -> str:
        """The subsection to cite for neither confirming nor denying."""
        if self.section == 40:
            return "40(5B) (another person's data) or 40(5A) (the requester's own)"
        return " or ".join(f"{self.section}({sub})" for sub in self.ncnd)


EXEMPTIONS: dict[int, Exemption] = {
    exemption.section: exemption
    for exemption in (
        Exemption(21, "Information accessible by other means", r"other means|reasonably accessible", ("1",), (), True),
        Exemption(22, "Information intended for future publication", r"future publication", ("1",), ("2",)),
        Exemption(
            23,
            "Information supplied by, or relating to, bodies dealing with security matters",
            r"security (?:bodies|matters)|bodies dealing with security",
            ("1",),
            ("5",),
            True,
        ),
        Exemption(24, "National security", r"national security", ("1",), ("2",), basis=None),
        Exemption(26, "Defence", r"defence", ("1",), ("3",), basis=PREJUDICE),
        Exemption(
            27,
            "International relations",
            r"international relations",
            ("1", "2"),
            ("4",),
            basis=None,
            basis_by_subsection={"1": PREJUDICE, "2": CLASS},
        ),
        Exemption(28, "Relations within the United Kingdom", r"relations within", ("1",), ("3",), basis=PREJUDICE),
        Exemption(29, "The economy", r"\beconomy\b", ("1",), ("2",), basis=PREJUDICE),
        Exemption(
            30,
            "Investigations and proceedings conducted by public authorities",
            r"investigations?|proceedings|confidential\s+sources?",  # s30(2)(b): "from confidential sources"
            ("1", "2"),
            ("3",),
        ),
        Exemption(31, "Law enforcement", r"law enforcement", ("1",), ("3",), basis=PREJUDICE),
        Exemption(32, "Court records", r"court records", ("1", "2"), ("3",), True),
        Exemption(33, "Audit functions", r"\baudit", ("2",), ("3",), basis=PREJUDICE),
        Exemption(34, "Parliamentary privilege", r"parliamentary privilege", ("1",), ("2",), True),
        Exemption(35, "Formulation of government policy", r"government policy|formulation", ("1",), ("3",)),
        Exemption(
            36,
            "Prejudice to effective conduct of public affairs",
            r"conduct of public affairs",
            ("2",),
            ("3",),
            None,
            basis=PREJUDICE,
        ),
        Exemption(
            37,
            "Communications with His Majesty, and honours",
            r"majesty|royal|honours",
            ("1",),
            ("2",),
            None,
            absolute_subsections=(),
        ),
        Exemption(38, "Health and safety", r"health (?:and|&) safety", ("1",), ("2",), basis=PREJUDICE),
        Exemption(39, "Environmental information", r"environmental", ("1",), ("2",)),
        Exemption(
            40,
            "Personal information",
            r"personal (?:information|data)",
            ("1", "2"),
            ("5A", "5B"),
            None,
            absolute_subsections=("1",),
        ),
        Exemption(41, "Information provided in confidence", r"in confidence|confidential", ("1",), ("2",), True),
        Exemption(42, "Legal professional privilege", r"legal professional privilege", ("1",), ("2",)),
        Exemption(
            43,
            "Commercial interests",
            r"commercial|trade secrets?",
            ("1", "2"),
            ("3",),
            basis=None,
            basis_by_subsection={"1": CLASS, "2": PREJUDICE},
            subsection_titles={
                "1": (r"trade\s+secrets?", "Trade secrets"),
                "2": (r"commercial", "Commercial interests"),
            },
        ),
        Exemption(44, "Prohibitions on disclosure", r"prohibitions? on disclosure", ("1",), ("2",), True),
    )
}

# Subsections whose grounds are lettered paragraphs, one of which a citation should name. (s30(2)
# is not among them: its paragraphs (a) and (b) both apply at once.)
PARAGRAPHS: dict[tuple[int, str], str] = {
    (1, "1"): "ab",  # the duty to confirm or deny, and the duty to communicate
    (17, "1"): "abc",
    (27, "1"): "abcd",
    (30, "1"): "abc",
    (31, "1"): "abcdefghi",
    (36, "2"): "abc",
    (38, "1"): "ab",
}

# Exemptions that are neither class- nor prejudice-based but still need a harm shown: s24 applies
# where exemption "is required for the purpose of safeguarding national security". Called
# class-based, they are misdescribed; called prejudice-based (as forces' templates do), they are not.
HARM_TESTED = frozenset({24})

# Exemptions whose NCND subsection stands on its own grounds (s24(2): "required for the purpose of
# safeguarding national security"; s23(5); s40(5A)/(5B)): a response that neither confirms nor denies
# has no use for their withholding subsection. (s31(3), s30(3), s38(2), s43(3) rest on the matters
# of their subsections (1) or (2), which NCND responses cite beside them.)
NCND_OF_ITS_OWN = frozenset({23, 24, 40})

# Exemptions whose withholding (and NCND) subsection is one, with no alternative grounds under it
# to name: a bare "section 22" in a response that withholds can only mean s22(1). (s41(1)'s (a) and
# (b) both apply at once; s35, s26, s29, s37, s39 and s44 have grounds to choose between.)
ONE_GROUND = frozenset({22, 23, 24, 34, 41, 42})

# s31(1)'s grounds, by paragraph: the words a response names each by ("the administration of justice")
LAW_ENFORCEMENT_GROUNDS: dict[str, str] = {
    "a": r"(?:prevention|prevent|detection|detect)\w*\s+(?:(?:or|and)\s+(?:prevention|detection)\s+)?of\s+crime",
    "b": r"apprehension|prosecution\s+of\s+offenders",
    "c": r"administration\s+of\s+justice",
    "d": r"(?:assessment|collection)\s+of\s+(?:any\s+)?tax",
    "e": r"immigration\s+controls?",
    "f": r"good\s+order\s+in\s+prisons",
    "g": r"exercise\s+(?:by\s+any\s+public\s+authority\s+)?of\s+(?:its|their)\s+functions",
    "h": r"civil\s+proceedings",
}

# s40 as numbered before the Data Protection Act 2018 rewrote it: (subsection) -> (today's, what it does)
RENUMBERED_IN = datetime.date(2018, 5, 25)  # the Data Protection Act 2018 renumbered s40's subsections
OUTDATED_SUBSECTIONS: dict[tuple[int, str], tuple[str, str]] = {
    (40, "3"): ("40(3A) or 40(3B)", "withhold"),
    (40, "4"): ("40(4A)", "withhold"),
    (40, "5"): ("40(5A) or 40(5B)", "ncnd"),
}


def subsection_kind(section: int, subsection: str | None) -> str | None:
    """'ncnd', 'withhold', or None when the citation does not say (no subsection, or unknown)."""
    exemption = EXEMPTIONS.get(section)
    if exemption is None or not subsection:
        return None
    outdated = OUTDATED_SUBSECTIONS.get((section, subsection.upper()))
    if outdated:
        return outdated[1]
    if subsection.upper() in {s.upper() for s in exemption.ncnd}:
        return "ncnd"
    if subsection.upper() in {s.upper() for s in exemption.withhold}:
        return "withhold"
    return None


def is_absolute(section: int, subsection: str | None) -> bool | None:
    """True or False, or None where it depends on what the citation leaves unsaid (s40(2) is
    absolute on its first condition only; s36 and s37 in part)."""
    exemption = EXEMPTIONS[section]
    if exemption.absolute is not None:
        return exemption.absolute
    if subsection is not None and subsection.upper() in exemption.absolute_subsections:
        return True
    return None


def basis(section: int, subsection: str | None) -> str | None:
    """'class' or 'prejudice', or None where the citation does not settle it (s43 without its
    subsection) or the exemption is neither (s24, whose test is what national security requires)."""
    exemption = EXEMPTIONS[section]
    if exemption.basis is not None:
        return exemption.basis
    if subsection is not None:
        return exemption.basis_by_subsection.get(subsection.upper())
    return None


# The Act's other sections that responses cite, by what they do: a pattern for the words that
# describe each. "Section 17 ... places two duties" describes section 1.
def lettered_first_subsection(section: int, letter: str) -> bool:
    """Whether "section N(letter)" can only mean N(1)(letter): every section checked here numbers
    its subsections, and the letter is a paragraph of its subsection (1)."""
    return letter in PARAGRAPHS.get((section, "1"), "")


DUTIES: dict[int, str] = {
    1: r"\btwo (?:duties|responsibilities)\b|\bgeneral right of access\b",
    10: r"\btwenty working days\b|\b20 working days\b",
    12: r"\bappropriate limit\b|\bcost limit\b|\bexceed(?:s|ed)? the cost\b",
    14: r"\bvexatious\b",
    16: r"\badvice and assistance\b",
    17: r"\brefusal notice\b",
}
