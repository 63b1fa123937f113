"""The last guard on every page's HTML, once Markdown has made it: only the elements, attributes and
link schemes this site uses survive (nh3, the Python binding of the Rust `ammonia` sanitiser).

Templates already escape every data value, so on a generated page this removes nothing. It is here
for the hand-written pages in `content/` and for any gap we have not thought of: no `<script>`, no
`on...=` handler, no `javascript:` or `data:` link, no `<iframe>` or `<style>` can reach a reader.
JSON-LD (`<script type="application/ld+json">`) is data we write ourselves: it is set aside before
cleaning and put back after it, and its JSON escapes `<`, `>` and `&`, so it cannot end early.
"""
from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import nh3

# nh3.ALLOWED_TAGS (ammonia's defaults), written out so nh3 is only loaded when a page is cleaned.
_DEFAULT_TAGS = {
    "a", "abbr", "acronym", "area", "article", "aside", "b", "bdi", "bdo", "blockquote", "br", "caption", "center",
    "cite", "code", "col", "colgroup", "data", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "i", "img", "ins", "kbd",
    "li", "map", "mark", "nav", "ol", "p", "pre", "q", "rp", "rt", "rtc", "ruby", "s", "samp", "small", "span",
    "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td", "th", "thead", "time", "tr", "tt", "u",
    "ul", "var", "wbr",
}
_TAGS = _DEFAULT_TAGS | {
    "svg", "path", "g", "circle", "rect", "title",
    "form", "fieldset", "legend", "label", "input", "textarea", "output", "button", "select", "option",
    "nav", "section", "aside", "details", "summary", "figure", "figcaption", "time", "mark", "address",
}
_GENERIC = {"class", "id", "role", "title", "lang", "tabindex", "hidden", "dir"}
_ATTRIBUTES: dict[str, set[str]] = {
    "*": _GENERIC,
    "a": _GENERIC | {"href", "hreflang", "download"},
    "img": _GENERIC | {"src", "alt", "width", "height", "loading"},
    "svg": _GENERIC | {"xmlns", "viewbox", "viewBox", "width", "height", "focusable", "fill"},
    "path": {"d", "fill", "fill-rule", "clip-rule"},
    "g": {"fill"},
    "circle": {"cx", "cy", "r", "fill"},
    "rect": {"x", "y", "width", "height", "rx", "fill"},
    "input": _GENERIC | {"type", "name", "value", "autocomplete", "checked", "min", "max", "step", "required"},
    "textarea": _GENERIC | {"name", "rows", "cols", "required"},
    "label": _GENERIC | {"for"},
    "output": _GENERIC | {"for", "name"},
    "button": _GENERIC | {"type", "name", "value"},
    "select": _GENERIC | {"name"},
    "option": _GENERIC | {"value", "selected"},
    "form": _GENERIC | {"action", "method", "enctype"},
    # A disabled fieldset sends nothing: Have your say's text-or-email choice stays out of the email without JavaScript.
    "fieldset": _GENERIC | {"disabled"},
    "th": _GENERIC | {"scope", "colspan", "rowspan", "style"},
    "td": _GENERIC | {"colspan", "rowspan", "style"},
    "ol": _GENERIC | {"start", "type"},
    "time": _GENERIC | {"datetime"},
    "abbr": _GENERIC,
}
# sms: opens the reader's own text app ("I want this too", Have your say); it loads nothing.
SCHEMES = {"https", "http", "mailto", "tel", "sms"}
_JSON_LD = re.compile(r'<script type="application/ld\+json">.*?</script>', re.DOTALL)


@cache
def _cleaner() -> nh3.Cleaner:
    # Built once: `nh3.clean` would turn these sets into ammonia's settings again for every page (a third of its
    # cost). Loaded only when a page is cleaned: a build whose pages all come from the last build cleans none.
    import nh3

    return nh3.Cleaner(
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        generic_attribute_prefixes={"aria-", "data-"},
        url_schemes=SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def sanitise_html(html: str) -> str:
    """The page's HTML with everything outside the site's own vocabulary removed."""
    kept = _JSON_LD.findall(html)
    cleaned = _cleaner().clean(_JSON_LD.sub("", html))
    return cleaned + "".join(f"\n{block}" for block in kept)
