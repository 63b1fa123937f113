"""The easy-read theme, checked in the built HTML and CSS (no browser needed).

The browser checks (contrast as drawn, 44px targets, reflow) are the gate's job; these make sure the theme
says what it promises: no other hosts, a skip link everywhere, a named search dialog with a submit button,
navigation as plain links, two colour schemes at 7:1, and the text sizes and spacing we aim for.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT
from ruamel.yaml import YAML

CSS = ROOT / "theme" / "assets" / "stylesheets" / "easy-read.css"
PRINT_CSS = ROOT / "theme" / "assets" / "stylesheets" / "print.css"
# Attributes that make the browser fetch something by itself (a plain <a href> only goes where a person clicks).
FETCHING = {
    "link": ("href",), "script": ("src",), "img": ("src", "srcset"), "source": ("src", "srcset"),
    "iframe": ("src",), "video": ("src", "poster"), "audio": ("src",), "embed": ("src",), "object": ("data",),
    "input": ("src",), "track": ("src",),
}
NOT_FETCHED = {"canonical", "alternate", "author", "license", "help", "next", "prev", "search"}
OTHER_HOST = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)


class Page(HTMLParser):
    """The parts of a built page these tests look at."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fetches: list[str] = []
        self.styles: list[str] = []
        self.tags: list[tuple[str, dict[str, str]]] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.tags.append((tag, values))
        # <link rel="canonical"> and the like name an address; they do not fetch it.
        if tag == "link" and set(values.get("rel", "").split()) & NOT_FETCHED:
            return
        for name in FETCHING.get(tag, ()):
            if name in values:
                self.fetches.extend(part.strip().split(" ")[0] for part in values[name].split(","))
        if "style" in values:
            self.styles.append(values["style"])
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)

    def first(self, tag: str, **wanted: str) -> dict[str, str] | None:
        for name, values in self.tags:
            if name == tag and all(values.get(key) == value for key, value in wanted.items()):
                return values
        return None


def pages(site: Path) -> list[Path]:
    found = sorted(site.rglob("*.html"))
    assert len(found) > 10
    return found


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def css_urls(text: str) -> list[str]:
    return re.findall(r"url\(\s*['\"]?([^'\")]+)", text) + re.findall(r"@import\s+['\"]([^'\"]+)", text)


def test_no_page_asks_another_host_for_anything(built_site: Path) -> None:
    for path in pages(built_site):
        page = parse(path)
        fetched = page.fetches + [url for style in page.styles for url in css_urls(style)]
        outside = [url for url in fetched if OTHER_HOST.match(url)]
        assert outside == [], f"{path.relative_to(built_site)} fetches {outside}"


def test_no_stylesheet_asks_another_host_for_anything(built_site: Path) -> None:
    sheets = sorted(built_site.rglob("*.css"))
    assert any(sheet.name == "easy-read.css" for sheet in sheets)
    for sheet in sheets:
        outside = [url for url in css_urls(sheet.read_text(encoding="utf-8")) if OTHER_HOST.match(url)]
        assert outside == [], f"{sheet.relative_to(built_site)} fetches {outside}"


def test_fonts_come_from_the_readers_own_computer() -> None:
    config = YAML(typ="safe", pure=True).load((ROOT / "mkdocs.yml").read_text().replace("!!python/name:", ""))
    assert config["theme"]["font"] is False


def test_every_page_starts_with_a_skip_link_to_the_main_content(built_site: Path) -> None:
    assert re.search(r'\[data-md-component="skip"\] \{\s*display: none;', CSS.read_text(encoding="utf-8"))
    for path in pages(built_site):
        page = parse(path)
        # Material's own skip link (class md-skip) only exists on pages with headings; easy-read.css hides it.
        focusable = [values for tag, values in page.tags if tag in {"a", "button", "input", "select", "textarea"}
                     and values.get("type") != "checkbox" and "hidden" not in values and values.get("class") != "md-skip"]
        assert focusable[0] == {"href": "#main-content", "class": "ez-skip"}, path
        assert page.first("div", id="main-content") is not None, path


def test_the_colour_switch_offers_light_and_dark_with_names() -> None:
    config = YAML(typ="safe", pure=True).load((ROOT / "mkdocs.yml").read_text().replace("!!python/name:", ""))
    palette = config["theme"]["palette"]
    assert [option["scheme"] for option in palette] == ["default", "slate"]
    assert all(option["toggle"]["name"].startswith("Switch to ") for option in palette)


# ── The stylesheet's promises ──────────────────────────────────────────────────────────────────────────────


def scheme_colours(css: str, selector: str) -> dict[str, str]:
    """The --md-* colour variables set in the rule whose selector list contains `selector`."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        if selector in [part.strip() for part in selectors.split(",")]:
            return dict(re.findall(r"(--[\w-]+):\s*(#[0-9a-fA-F]{6})", body))
    raise AssertionError(f"no rule for {selector}")


def luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# (text, background) pairs that people read.
TEXT_ON_BACKGROUND = [
    ("--md-default-fg-color", "--md-default-bg-color"),
    ("--md-default-fg-color--light", "--md-default-bg-color"),
    ("--md-default-fg-color--lighter", "--md-default-bg-color"),
    ("--md-typeset-color", "--md-default-bg-color"),
    ("--md-typeset-a-color", "--md-default-bg-color"),
    ("--md-typeset-a-color", "--md-code-bg-color"),
    ("--md-accent-fg-color", "--md-default-bg-color"),
    ("--md-primary-bg-color", "--md-primary-fg-color"),
    ("--md-primary-bg-color", "--md-primary-fg-color--dark"),
    ("--md-code-fg-color", "--md-code-bg-color"),
    ("--md-default-fg-color", "--md-typeset-mark-color"),
    ("--md-footer-fg-color", "--md-footer-bg-color"),
    ("--md-footer-fg-color--lighter", "--md-footer-bg-color"),
    ("--md-footer-fg-color", "--md-footer-bg-color--dark"),
    ("--ez-focus-edge", "--ez-focus-ring"),
]


@pytest.mark.parametrize("scheme", ['[data-md-color-scheme="default"]', '[data-md-color-scheme="slate"]'])
def test_text_contrast_is_at_least_7_to_1_in_both_schemes(scheme: str) -> None:
    css = CSS.read_text(encoding="utf-8")
    light = scheme_colours(css, '[data-md-color-scheme="default"]')
    colours = {**light, **scheme_colours(css, scheme)}
    ratios = {(text, back): round(contrast(colours[text], colours[back]), 2) for text, back in TEXT_ON_BACKGROUND}
    assert {pair: ratio for pair, ratio in ratios.items() if ratio < 7} == {}


def test_the_stylesheet_sets_size_spacing_links_focus_and_motion() -> None:
    css = CSS.read_text(encoding="utf-8")
    typeset = re.search(r"\n\.md-typeset \{([^}]*)\}", css)
    assert typeset is not None
    assert "font-size: 0.9rem;" in typeset.group(1)  # 18px on Material's 20px root
    line_height = float(re.search(r"line-height: ([\d.]+);", typeset.group(1)).group(1))  # type: ignore[union-attr]
    assert line_height >= 1.5
    assert re.search(r"\.md-content__inner > \* \{\s*max-width: 70ch;", css)
    assert re.search(r"\.md-typeset a \{\s*text-decoration: underline;", css)
    assert re.search(r":focus-visible,[^{]*\{\s*outline: 3px solid", css)
    assert "@media (prefers-reduced-motion: reduce)" in css
    assert css.count("min-height: 44px;") >= 3


def test_the_print_stylesheet_drops_the_menus_and_writes_out_link_addresses() -> None:
    css = PRINT_CSS.read_text(encoding="utf-8")
    assert css.lstrip().startswith("/*") and "@media print {" in css
    hidden = css.split("display: none !important;")[0]
    for part in (".md-header", ".md-sidebar", ".md-footer", ".md-search", ".ez-skip"):
        assert part in hidden
    assert 'content: " (" attr(href) ")";' in css
    assert "break-after: avoid;" in css and "break-inside: avoid;" in css


def test_the_stylesheets_are_linked_from_every_page(built_site: Path) -> None:
    for path in pages(built_site):
        hrefs = [values.get("href", "") for tag, values in parse(path).tags if tag == "link"]
        assert any(href.endswith("assets/stylesheets/easy-read.css") for href in hrefs), path
        assert any(href.endswith("assets/stylesheets/print.css") for href in hrefs), path
