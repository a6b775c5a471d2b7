"""HTML: a disclosure-log page with the site's navigation, banners and footer stripped."""

from __future__ import annotations

import warnings
from pathlib import Path

from pitlint.document import Link
from pitlint.readers import read

PAGE = """<!DOCTYPE html>
<html lang="en">
<head><title>FOI 1187/26 | Disclosure log</title><style>p { color: red }</style></head>
<body>
<div class="cookie-banner">We use cookies. <a href="/cookies">Accept</a></div>
<header><a href="/">Home</a> <nav><ul><li><a href="/foi">Disclosure log</a></li><li>Contact</li></ul></nav></header>
<div class="breadcrumb">Home &gt; FOI &gt; 1187/26</div>
<main>
  <h1>Public Interest Test &#8211; 1187/26</h1>
  <h2>Harm</h2>
  <p>Disclosure would be likely to prejudice
     the prevention of crime.</p>
  <p><strong>Factors favouring disclosure</strong></p>
  <p>See the <a href="https://www.college.police.uk/app">APP</a> for guidance.<br>Second line.</p>
  <ul><li>Transparency about <em>public</em> spending.</li></ul>
  <script>var tracking = "Factors against disclosure";</script>
</main>
<aside>Related requests</aside>
<footer>&copy; West Midlands Police 2026</footer>
</body></html>
"""


def test_disclosure_log_page(tmp_path: Path):
    page = tmp_path / "1187.html"
    page.write_text(PAGE, encoding="utf-8")
    document = read(page)
    assert [(p.text, p.heading) for p in document.paragraphs] == [
        ("Public Interest Test \u2013 1187/26", True),
        ("Harm", True),
        ("Disclosure would be likely to prejudice the prevention of crime.", None),
        ("Factors favouring disclosure", True),
        ("See the APP for guidance.", None),
        ("Second line.", None),
        ("Transparency about public spending.", None),
    ]
    assert document.paragraphs[2].line == 11
    assert document.paragraphs[4].links == [Link("https://www.college.police.uk/app", 8, 11)]
    text = document.text
    for chrome in ("cookies", "Disclosure log", "Contact", "Home", "Related requests", "West Midlands", "tracking"):
        assert chrome not in text


def test_page_without_main_uses_body(tmp_path: Path):
    page = tmp_path / "plain.htm"
    page.write_text(
        "<html><body><nav>Menu</nav><p>Balancing Test</p><p>The balance favours disclosure.</p></body></html>",
        encoding="windows-1252",
    )
    assert [p.text for p in read(page).paragraphs] == ["Balancing Test", "The balance favours disclosure."]


def test_a_page_that_looks_like_a_file_name_reads_without_a_warning(tmp_path: Path):
    page = tmp_path / "short.html"
    page.write_bytes(b"draft.html")  # Beautiful Soup warns that such markup looks like a file name
    from bs4 import MarkupResemblesLocatorWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        document = read(page)
    assert [p.text for p in document.paragraphs] == ["draft.html"]
    assert [str(w.message) for w in caught if issubclass(w.category, MarkupResemblesLocatorWarning)] == []
