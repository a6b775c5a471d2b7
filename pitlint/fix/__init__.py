"""Applying fixes: the findings' own replacements, never a decision of what is wrong (ruff's fixers
are the model). ``edits`` turns findings into the smallest non-overlapping edits of a draft's
text; ``text`` writes them into a .txt or .md file (or shows them as a diff); ``docx`` writes them
into a copy of a Word draft as tracked changes the officer accepts or rejects one by one."""

TEXT_FORMATS = ("txt", "md")  # fixed in place (check --fix)
WORD_FORMATS = ("docx",)  # fixed into a copy with tracked changes (pitlint fix)
