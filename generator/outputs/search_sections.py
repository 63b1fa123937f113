"""A page's HTML as the sections search shows: the top of the page, then one section per heading with an id.

Reads the HTML MkDocs made for a page's content (after our own sanitiser, so the tags are ones we allow),
with one regular expression over the tags, not a full parser: the text between tags is taken in one
piece, which keeps this to a small part of the build at 10,000 pages.

Only text a reader sees goes in: scripts, styles, icons and anything `hidden` are left out, and so is
any element marked `data-search-exclude` ("Words on this page", repeated on many pages).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

_TAG = re.compile(
    r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.DOTALL,
)
_ID = re.compile(r"""\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
# Never read: not text on the page, or not ours to show.
_UNSEEN = frozenset({"script", "style", "template", "noscript", "svg", "math", "object", "iframe", "textarea", "select", "head"})
_LEFT_OUT = re.compile(r"""\s(?:data-search-exclude|hidden)(?:[\s=/]|$)|\saria-hidden\s*=\s*["']?true""")
_VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
})
# Tags that do not break a word in two: "<em>for</em>um" reads "forum"; "</li><li>" reads as a space.
_INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q",
                     "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


@dataclass(frozen=True, slots=True)  # slots: every page's sections are held until the search index is made
class Section:
    """One place search can point to. `anchor` is None for the top of the page."""

    anchor: str | None
    title: str
    text: str


@dataclass
class _Open:
    anchor: str | None
    title: list[str]
    text: list[str]


def _tidy(parts: list[str]) -> str:
    # str.split() cuts at the same white space as the pattern \s+ (Unicode's), at a third of the cost.
    text = "".join(parts)
    return " ".join((unescape(text) if "&" in text else text).split())


def page_sections(html: str) -> list[Section]:
    """The sections of a page's content: the top of the page (titled by its first `h1`), then one per heading with an id."""
    sections = [_Open(None, [], [])]
    target = sections[0].text  # where the text read now goes: the open section's text, or its title in a heading
    skip: str | None = None  # the tag name of the element being left out, and how deep in it we are
    skip_depth = 0
    heading: str | None = None  # inside a heading that starts a section: its text is the section's title
    position = 0
    for match in _TAG.finditer(html):
        start = match.start()
        if skip is None and start > position:
            target.append(html[position:start])
        position = match.end()
        closing, name, attrs = match.groups()
        if name is None:
            continue  # a comment
        name = name.lower()
        if skip is not None:
            if name == skip and not attrs.rstrip().endswith("/"):
                skip_depth += -1 if closing else 1
                if skip_depth == 0:
                    skip = None
            continue
        if not closing and name not in _VOID and (name in _UNSEEN or (attrs and _LEFT_OUT.search(attrs))):
            if not attrs.rstrip().endswith("/"):
                skip, skip_depth = name, 1
            continue
        if name in _HEADINGS:
            if closing:
                if heading == name:
                    heading = None
                    target = sections[-1].text
                    continue
            else:
                found = _ID.search(attrs) if attrs else None
                if found and heading is None:
                    anchor = next(group for group in found.groups() if group is not None)
                    top = sections[0]
                    if name == "h1" and len(sections) == 1 and not top.title and not _tidy(top.text):
                        pass  # the page's own title names the top of the page: no anchor needed
                    else:
                        sections.append(_Open(unescape(anchor), [], []))
                    heading = name
                    target = sections[-1].title
                    continue
        if name not in _INLINE:
            target.append(" ")
    if skip is None and position < len(html):
        target.append(html[position:])
    return [Section(s.anchor, _tidy(s.title), _tidy(s.text)) for s in sections]
