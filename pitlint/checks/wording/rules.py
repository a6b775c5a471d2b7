"""The real-word rules' registry entries: PIT405 (a real word not meant), PIT406 (two words English
never puts together), PIT407 (a name's capitals)."""

from __future__ import annotations

from pitlint.findings import Applicability, Category, FixAvailability, Rule, Severity

REAL_WORD_SLIP = Rule(
    "PIT405",
    "real-word-slip",
    Category.TYPO,
    Severity.WARNING,
    "A real word that is not the word meant: a slip in a term of art, a rare word typed for a common one.",
    "A spelling checker passes a slip that makes another real word. Six kinds are caught: a term of "
    'art from the rule packs with one word slipped into a look-alike ("persona data" for "personal '
    'data", "convert human intelligence source", "prejudiced based") or an inner word missing ("the '
    'public test"); a rare word one keystroke from a far more common word that fits the words '
    'around it ("a serious thereat to"), judged on English word and word-pair counts (a note where it '
    'fits one neighbour only); a noun typed for its adjective before a noun ("a consistency '
    'approach"); an '
    'acronym mistyped soon after the draft defines it ("Legal Professional Privilege (LPP) ... LLP '
    'protects advice"); a common word typed for its usual partner ("plan there routes", "could '
    'adversely effect the force"), when English pairs the partner with a neighbour fifty times more '
    'and the other neighbour does not disagree; and "you" for "your" after a preposition, before a '
    'word English puts after "your" rather than "you" ("in relation to you request"). Add your '
    "team's terms to a rule pack under 'terms:'.",
    "Section 31 is a prejudiced based exemption; disclosure would reveal persona data.",
    "Section 31 is a prejudice based exemption; disclosure would reveal personal data.",
    fix=FixAvailability.SOMETIMES,
    fix_safety=Applicability.UNSAFE,
    action="Check that the word is the one meant, and correct it if not.",
)
WORD_PAIR = Rule(
    "PIT406",
    "impossible-word-pair",
    Category.TYPO,
    Severity.WARNING,
    'Two words English never puts side by side ("would could", "the all the", "by withhold").',
    'Two modal verbs ("would could"), an article before another determiner ("the all the", "a the"), '
    'two prepositions of place ("within in"), "this" before a plural ("this exemptions"), "by" or '
    '"in" before a bare verb ("by withhold we", "in maintain the exemption"), "wish" or "seek" before '
    'one with no "to" ("wish disrupt"), "it\'s" (it is) before a word only the possessive "its" '
    'takes ("it\'s release"), "has" before a bare verb ("has not be costed") or "been" after "was" or '
    '"would" ("was been introduced"), "a", "an" or "every" before a plural ("an exemptions"), "these" '
    'before a singular ("these circumstance"), "be" before a bare verb ("must be provide"), or a '
    'modal verb before "likely", "able" and the like with no "be" ("would likely to be"), "are" or '
    '"was" before a modal ("we are will not release"), "a" where English writes "an" or the reverse '
    '("a estimate", "an unique": by how often English writes each before the word; initialisms are '
    'left alone), a preposition that never takes "of" ("within of"), a noun that governs a phrase '
    'before a determiner English hardly writes after it ("the security the force\'s network": "of" '
    'left out; a clause without its "that" is left alone), or an exemption\'s kind with '
    'no article ("is prejudice based qualified exemption") cannot stand together: one word was left '
    'from an edit, or the wrong form was typed. "and or" for "and/or" is info.',
    "Confirming this would could lead to harm; by withhold we rely on the all the exemptions.",
    "Confirming this could lead to harm; by withholding we rely on all the exemptions.",
    fix=FixAvailability.SOMETIMES,
    fix_safety=Applicability.UNSAFE,
    action="Delete one of the two words, or reword the sentence.",
)
NAME_CASE = Rule(
    "PIT407",
    "name-capitals",
    Category.TYPO,
    Severity.INFO,
    "A name (an Act, a body) written with the wrong capitals.",
    'The names of Acts and bodies take capitals as written in law: "Freedom of Information Act", '
    '"Information Commissioner", "College of Policing". The names are the capitalised terms of the '
    "rule packs.",
    "Under the Freedom of information Act the college of Policing guidance applies.",
    "Under the Freedom of Information Act the College of Policing guidance applies.",
    fix=FixAvailability.ALWAYS,
    fix_safety=Applicability.SAFE,
)
RULES = (REAL_WORD_SLIP, WORD_PAIR, NAME_CASE)
