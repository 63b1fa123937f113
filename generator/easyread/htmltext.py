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


# What an open element makes of the text inside it, as TextRun has it: hidden, no_link, heading, in_table,
# skip_readability (no_link and skip_readability are already true inside anything hidden).
_State = tuple[bool, bool, bool, bool, bool]
_ROOT: _State = (False, False, False, False, False)


def _inside(parent: _State, tag: str, values: dict[str, str | None]) -> _State:
    hidden = parent[0] or tag in HIDDEN
    return (
        hidden,
        parent[1] or hidden or tag in NO_LINK or values.get("data-glossary") == "off",
        parent[2] or tag in HEADINGS,
        # data-readability="data": generated rows (lists of dates): checked like table cells, not scored as prose.
        parent[3] or tag == "table" or values.get("data-readability") == "data",
        parent[4] or hidden or values.get("data-readability") == "off",
    )


_NO_VALUES: dict[str, str | None] = {}


class _Runs:
    """What the walk has found: the pieces of text, and the open elements around the next one.

    Told about each tag and each piece of text by a tokeniser, with where it starts in the page.
    The open elements are 3 lists side by side (tag, state, block), not an object each: a page opens
    thousands, and most share their parent's state, so an element's state is looked up, not worked out.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.runs: list[TextRun] = []
        self._tags: list[str] = ["#root"]
        self._states: list[_State] = [_ROOT]
        self._block_of: list[int] = [0]  # the nearest enclosing block element of each open element
        self._inside: dict[tuple[_State, str], _State] = {}  # (parent's state, tag) → state, for tags with no data- attribute
        self._blocks = 0
        self._pending: int | None = None  # where the text not yet closed by a tag starts

    def flush(self, end: int) -> None:
        """End the current text at `end`, where the next tag (or the page) starts."""
        start = self._pending
        if start is None:
            return
        self._pending = None
        if end <= start:
            return
        self.runs.append(TextRun(start, end, self.source[start:end], *self._states[-1], self._block_of[-1]))

    def text(self, start: int) -> None:
        if self._pending is None:
            self._pending = start

    def start_tag(self, tag: str, values: dict[str, str | None], at: int) -> None:
        if self._pending is not None:
            self.flush(at)
        if tag in VOID:
            if tag in ("br", "hr"):
                # A line break ends a piece of text: "8 Church Road<br>Epsom" is 2 lines, not "RoadEpsom".
                self._blocks += 1
                self._block_of[-1] = self._blocks
            return
        parent = self._states[-1]
        if values:
            state = _inside(parent, tag, values)
        else:
            state = self._inside.get((parent, tag))  # type: ignore[assignment]
            if state is None:
                state = self._inside[(parent, tag)] = _inside(parent, tag, _NO_VALUES)
        if tag in BLOCKS:
            self._blocks += 1
            block = self._blocks
        else:
            block = self._block_of[-1]
        self._tags.append(tag)
        self._states.append(state)
        self._block_of.append(block)

    def end_tag(self, tag: str, at: int) -> None:
        if self._pending is not None:
            self.flush(at)
        # Close up to the matching open tag; a stray end tag is ignored, as browsers do.
        tags = self._tags
        if tags[-1] == tag:  # most end tags close the element opened last
            depth = len(tags) - 1
            if depth == 0:
                return
        else:
            for depth in range(len(tags) - 2, 0, -1):
                if tags[depth] == tag:
                    break
            else:
                return
        del tags[depth:], self._states[depth:], self._block_of[depth:]


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
_TAG_NAME = r"[a-zA-Z][-.a-zA-Z0-9:_]*"
# A start tag (name, attributes, the / of <br/>) or an end tag (name).
_TAG = re.compile(
    rf"""<(?:({_TAG_NAME})((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:\s*=\s*(?:"[^"]*"|'[^']*'))?)*)\s*(/?)|/({_TAG_NAME})\s*)>"""
)
_ATTRIBUTE = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*("[^"]*"|'[^']*'))?""")
_BROKEN_REFERENCE = re.compile(r"&#(?!(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F])")
_RAW_TEXT = {tag: re.compile(rf"</\s*{tag}\s*>", re.IGNORECASE) for tag in ("script", "style")}


def _plain_walk(html: str) -> _Runs | None:
    """The runs of a page written the plain way, or None for a page that is not."""
    if _BROKEN_REFERENCE.search(html) or "&" in html[html.rfind(">") + 1:]:
        return None
    found = _Runs(html)
    position, size = 0, len(html)
    # Every "<" must start a tag: the tags found, and the "<" in scripts and styles, must account for all of them.
    unaccounted = html.count("<")
    while (tag := _TAG.search(html, position)) is not None:
        opening = tag.start()
        if opening > position:
            found.text(position)
        position = tag.end()
        unaccounted -= 1
        name, attributes, empty, closing = tag.groups()
        if closing is not None:
            found.end_tag(closing.lower(), opening)
            continue
        if empty:  # <br/>: an element with nothing inside
            found.flush(opening)
            continue
        name = name.lower()
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
            unaccounted -= html.count("<", position, close.end())
            position = close.end()
    if unaccounted:
        return None  # a "<" that starts no tag: the standard library's parser knows what to make of it
    if position < size:
        found.text(position)
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
