"""Every piece of draft text and every file name reaches the page through ``e``: drafts are hostile."""

from __future__ import annotations

import html

from pitlint.printable import printable


def e(text: object) -> str:
    """Text escaped for HTML, controls and bidi characters shown as escapes (see printable), and
    "::" written ":&#58;": it reads the same in a browser, and cannot start a workflow command in
    a CI log that shows the page."""
    return html.escape(printable(str(text), keep_lines=True), quote=True).replace("::", ":&#58;")
