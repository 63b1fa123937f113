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
from typing import NamedTuple

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


class TextRun(NamedTuple):
    """A stretch of text between two tags, as written in the HTML (entities not decoded).

    A named tuple, not a frozen dataclass: a page has hundreds of runs, and a tuple is made in one step.
    """

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


@dataclass(slots=True)
class _Open:
    tag: str
    hidden: bool = False
    no_link: bool = False
    heading: bool = False
    table: bool = False
    skip_readability: bool = False
    block: int = 0


class _Runs:
    """What the walk has found: the pieces of text, and the open elements around the next one.

    Told about each tag and each piece of text by a tokeniser, with where it starts in the page.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.runs: list[TextRun] = []
        self._stack: list[_Open] = [_Open("#root")]
        self._blocks = 0
        self._pending: int | None = None  # where the text not yet closed by a tag starts

    def flush(self, end: int) -> None:
        """End the current text at `end`, where the next tag (or the page) starts."""
        if self._pending is None:
            return
        start, self._pending = self._pending, None
        if end <= start:
            return
        top = self._stack[-1]
        self.runs.append(TextRun(
            start, end, self.source[start:end], top.hidden, top.no_link or top.hidden, top.heading,
            top.table, top.skip_readability or top.hidden, top.block,
        ))

    def text(self, start: int) -> None:
        if self._pending is None:
            self._pending = start

    def start_tag(self, tag: str, values: dict[str, str | None], at: int) -> None:
        self.flush(at)
        if tag in VOID:
            if tag in ("br", "hr"):
                # A line break ends a piece of text: "8 Church Road<br>Epsom" is 2 lines, not "RoadEpsom".
                self._blocks += 1
                self._stack[-1].block = self._blocks
            return
        parent = self._stack[-1]
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

    def end_tag(self, tag: str, at: int) -> None:
        self.flush(at)
        # Close up to the matching open tag; a stray end tag is ignored, as browsers do.
        for depth in range(len(self._stack) - 1, 0, -1):
            if self._stack[depth].tag == tag:
                del self._stack[depth:]
                return


class _Parser(HTMLParser):
    """Any HTML, tokenised by the standard library's parser."""

    def __init__(self, runs: _Runs) -> None:
        # Keep entities as written, so text offsets match the original string.
        super().__init__(convert_charrefs=False)
        self.found = runs
        self._line_starts = [0, *(match.end() for match in _NEWLINE.finditer(runs.source))]

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def handle_data(self, data: str) -> None:
        self.found.text(self._offset())

    def handle_entityref(self, name: str) -> None:
        self.found.text(self._offset())

    def handle_charref(self, name: str) -> None:
        self.found.text(self._offset())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.start_tag(tag, dict(attrs), self._offset())

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.flush(self._offset())

    def handle_endtag(self, tag: str) -> None:
        self.found.end_tag(tag, self._offset())

    def handle_comment(self, data: str) -> None:
        self.found.flush(self._offset())

    def handle_decl(self, decl: str) -> None:
        self.found.flush(self._offset())

    def handle_pi(self, data: str) -> None:
        self.found.flush(self._offset())

    def close(self) -> None:
        super().close()
        self.found.flush(len(self.found.source))


# HTML written the plain way (as the sanitiser writes every page): tags with letters for names, attribute values
# in quote marks, every "<" a tag, every "&#" a whole character reference. Such a page is cut up here, at a
# tenth of the cost, exactly where the standard library's parser would cut it; any other page goes to that parser.
_START_TAG = re.compile(
    r"""<([a-zA-Z][-.a-zA-Z0-9:_]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:\s*=\s*(?:"[^"]*"|'[^']*'))?)*)\s*(/?)>"""
)
_END_TAG = re.compile(r"</([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>")
_ATTRIBUTE = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*("[^"]*"|'[^']*'))?""")
_BROKEN_REFERENCE = re.compile(r"&#(?!(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F])")
_RAW_TEXT = {tag: re.compile(rf"</\s*{tag}\s*>", re.IGNORECASE) for tag in ("script", "style")}


def _plain_walk(html: str) -> _Runs | None:
    """The runs of a page written the plain way, or None for a page that is not."""
    if _BROKEN_REFERENCE.search(html) or "&" in html[html.rfind(">") + 1:]:
        return None
    found = _Runs(html)
    position, size = 0, len(html)
    while position < size:
        opening = html.find("<", position)
        if opening < 0:
            found.text(position)
            break
        if opening > position:
            found.text(position)
        tag = _START_TAG.match(html, opening)
        if tag is not None:
            position = tag.end()
            if tag.group(3):  # <br/>: an element with nothing inside
                found.flush(opening)
                continue
            name = tag.group(1).lower()
            attributes = tag.group(2)
            values: dict[str, str | None] = {}
            if "data-" in attributes.lower():  # the only attributes the walk reads
                for attribute in _ATTRIBUTE.finditer(attributes):
                    value = attribute.group(2)
                    values[attribute.group(1).lower()] = None if value is None else (unescape(value[1:-1]) if value[1:-1] else "")
            found.start_tag(name, values, opening)
            if name in _RAW_TEXT:  # a script's or style's text runs to its end tag, whatever it holds
                close = _RAW_TEXT[name].search(html, position)
                if close is None:
                    return None
                if close.start() > position:
                    found.text(position)
                found.end_tag(name, close.start())
                position = close.end()
            continue
        end = _END_TAG.match(html, opening)
        if end is None:
            return None
        found.end_tag(end.group(1).lower(), opening)
        position = end.end()
    found.flush(size)
    return found


def text_runs(html: str) -> Iterator[TextRun]:
    """Every piece of text in `html`, in order, with what surrounds it."""
    found = _plain_walk(html)
    if found is None:
        found = _Runs(html)
        parser = _Parser(found)
        parser.feed(html)
        parser.close()
    yield from found.runs
