"""Walk the text of an HTML page body without changing anything else in it.

We read HTML (what MkDocs makes from Markdown, and what other engineers write by hand: JSON-LD
scripts, forms, tables) with the standard library's tokenising parser. It tells us where each piece
of text starts and ends in the original string, so the linker can change text and copy every tag,
script and attribute byte for byte. Parsing Markdown instead would mean re-implementing what counts
as a heading, a code span, a link or an HTML block.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser

_NEWLINE = re.compile("\n")

# Never read or changed: not text a reader sees as prose, or not ours to touch.
HIDDEN = frozenset({
    "script", "style", "template", "noscript", "code", "pre", "kbd", "samp", "svg", "math",
    "textarea", "select", "option", "button", "iframe", "object", "title",
})
# Read (counted as used, checked for readability) but never linked.
NO_LINK = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6", "label", "legend", "summary", "abbr", "dfn"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements that start a new piece of text for the readability check.
BLOCKS = frozenset({
    "p", "li", "dt", "dd", "td", "th", "caption", "figcaption", "blockquote", "div", "section", "article",
    "details", "summary", "h1", "h2", "h3", "h4", "h5", "h6", "label", "legend", "address", "main", "aside",
    "header", "footer", "nav", "form", "fieldset", "table", "tr", "ul", "ol", "dl", "body",
})
VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
})


@dataclass(frozen=True)
class TextRun:
    """A stretch of text between two tags, as written in the HTML (entities not decoded)."""

    start: int
    end: int
    raw: str
    hidden: bool
    no_link: bool
    heading: bool
    in_table: bool
    skip_readability: bool
    block: int  # the nearest enclosing block element: runs with the same number read as one piece

    @property
    def text(self) -> str:
        return unescape(self.raw)


@dataclass
class _Open:
    tag: str
    hidden: bool = False
    no_link: bool = False
    heading: bool = False
    table: bool = False
    skip_readability: bool = False
    block: int = 0


class _Walker(HTMLParser):
    def __init__(self, source: str) -> None:
        # Keep entities as written, so text offsets match the original string.
        super().__init__(convert_charrefs=False)
        self.source = source
        self.runs: list[TextRun] = []
        self._line_starts = [0, *(match.end() for match in _NEWLINE.finditer(source))]
        self._stack: list[_Open] = [_Open("#root")]
        self._blocks = 0
        self._pending: int | None = None  # where the text not yet closed by a tag starts

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def _flush(self, end: int | None = None) -> None:
        """End the current text at `end` (by default: where the tag being read starts)."""
        if self._pending is None:
            return
        start, self._pending = self._pending, None
        end = self._offset() if end is None else end
        if end <= start:
            return
        top = self._stack[-1]
        self.runs.append(TextRun(
            start, end, self.source[start:end], top.hidden, top.no_link or top.hidden, top.heading,
            top.table, top.skip_readability or top.hidden, top.block,
        ))

    def _text(self) -> None:
        if self._pending is None:
            self._pending = self._offset()

    def handle_data(self, data: str) -> None:
        self._text()

    def handle_entityref(self, name: str) -> None:
        self._text()

    def handle_charref(self, name: str) -> None:
        self._text()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._flush()
        if tag in VOID:
            if tag in ("br", "hr"):
                # A line break ends a piece of text: "8 Church Road<br>Epsom" is 2 lines, not "RoadEpsom".
                self._blocks += 1
                self._stack[-1].block = self._blocks
            return
        parent = self._stack[-1]
        values = dict(attrs)
        block = parent.block
        if tag in BLOCKS:
            self._blocks += 1
            block = self._blocks
        self._stack.append(_Open(
            tag,
            hidden=parent.hidden or tag in HIDDEN,
            no_link=parent.no_link or tag in NO_LINK or values.get("data-glossary") == "off",
            heading=parent.heading or tag in HEADINGS,
            # data-readability="data": generated rows (lists of dates): checked like table cells, not scored as prose.
            table=parent.table or tag == "table" or values.get("data-readability") == "data",
            skip_readability=parent.skip_readability or values.get("data-readability") == "off",
            block=block,
        ))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._flush()

    def handle_endtag(self, tag: str) -> None:
        self._flush()
        # Close up to the matching open tag; a stray end tag is ignored, as browsers do.
        for depth in range(len(self._stack) - 1, 0, -1):
            if self._stack[depth].tag == tag:
                del self._stack[depth:]
                return

    def handle_comment(self, data: str) -> None:
        self._flush()

    def handle_decl(self, decl: str) -> None:
        self._flush()

    def handle_pi(self, data: str) -> None:
        self._flush()

    def close(self) -> None:
        super().close()
        self._flush(len(self.source))


def text_runs(html: str) -> Iterator[TextRun]:
    """Every piece of text in `html`, in order, with what surrounds it."""
    walker = _Walker(source=html)
    walker.feed(html)
    walker.close()
    yield from walker.runs
