"""Small HTML helpers for the easy-read theme's templates (theme/), registered by the plugin's `on_env`.

Kept apart from the core: nothing here knows about the data, only about the HTML a page already has.
"""
from __future__ import annotations

import html
import re

_TABLE = re.compile(r"<table>(.*?)</table>", re.DOTALL)
_HEAD = re.compile(r"<thead>(.*?)</thead>", re.DOTALL)
_TH = re.compile(r"<th\b[^>]*>(.*?)</th>", re.DOTALL)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.DOTALL)
_CELL = re.compile(r"<(td|th)\b")
_TAG = re.compile(r"<[^>]+>")


def label_table_cells(page_html: str) -> str:
    """Write each column's heading onto the cells below it, as `data-label`, and wrap each table in a box.

    On a small screen easy-read.css shows each row as a short list ("Who: Sam"), with the label from
    `data-label`, instead of a table that scrolls sideways. Tables without a heading row are left as they are.
    """

    def one_table(match: re.Match[str]) -> str:
        body = match.group(1)
        head = _HEAD.search(body)
        if head is None:
            return f'<div class="ez-table">{match.group(0)}</div>'
        names = [html.escape(html.unescape(_TAG.sub("", cell)).strip(), quote=True) for cell in _TH.findall(head.group(1))]

        def one_row(row: re.Match[str]) -> str:
            cells = iter(names)

            def one_cell(cell: re.Match[str]) -> str:
                name = next(cells, "")
                # A row's own heading (<th scope="row">) needs no label: it is the name of the row.
                return f'<td data-label="{name}"' if cell.group(1) == "td" else cell.group(0)

            return "<tr>" + _CELL.sub(one_cell, row.group(1)) + "</tr>"

        rest = body[head.end():]
        # A table of 2 columns reads well on a phone as it is; 3 or more become lists.
        kind = "ez-table ez-table--stacks" if len(names) >= 3 else "ez-table"
        return f'<div class="{kind}"><table>{body[:head.end()]}{_ROW.sub(one_row, rest)}</table></div>'

    return _TABLE.sub(one_table, page_html)


_PICTURE_START = re.compile(r'<(p|li)>(\s*<span (?:[^>]*\s)?class="twemoji")')
_LONE_LINK = re.compile(
    r'(<(p|li|td|th)\b[^>]*>\s*)<a\b((?:(?!class=)[^>])*)(?:class="([^"]*)")?([^>]*)>'
    r"((?:(?!</a>|<a\b).)*)</a>(\s*</\2>)",
    re.DOTALL,
)


def mark_picture_blocks(page_html: str) -> tuple[str, bool]:
    """Give `class="ez-block"` to each paragraph and list item that starts with a picture (`:material-...:`).

    The theme draws those pictures large, in a column on the left, with the words on the right. Done here,
    on the HTML, because CSS cannot tell "starts with a picture" from "has a picture somewhere".
    """
    marked, count = _PICTURE_START.subn(r'<\1 class="ez-block">\2', page_html)
    return marked, count > 0


def mark_lone_links(page_html: str) -> str:
    """Give `class="ez-lone"` to a link that is all there is in its paragraph, list item or table cell.

    Such a link is a target of its own, so the theme makes it at least 44 by 44 pixels. A link with words
    beside it is part of a sentence and keeps the sentence's shape (WCAG 2.5.8 lets inline links be small).
    (The old rule, `li > a:only-child`, also caught links with loose text beside them, because CSS
    selectors do not see text.)
    """

    def one(match: re.Match[str]) -> str:
        start, _, before, classes, after, text, end = match.groups()
        classes = f"{classes} ez-lone" if classes else "ez-lone"
        return f'{start}<a{before.rstrip()} class="{classes}"{after}>{text}</a>{end}'

    return _LONE_LINK.sub(one, page_html)


def easy_read_layout(page_html: str) -> str:
    """Every change the theme makes to a page's content HTML (theme/partials/content.html)."""
    page_html = mark_lone_links(label_table_cells(page_html))
    page_html, pictures = mark_picture_blocks(page_html)
    return f'<div class="ez-has-pictures">\n{page_html}\n</div>' if pictures else page_html
