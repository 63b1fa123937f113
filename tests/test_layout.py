"""The easy-read page layout (theme/main.html), checked in the built HTML.

Each check is a function that returns what is wrong with a page, so it can be run on the built site (it must
find nothing) and on a small page that breaks the promise (it must find the problem). The bad pages are cut
down from what Material's own layout wrote (issue 12), so these checks would have caught it.
"""
from __future__ import annotations

import functools
import gzip
import os
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

from generator.render.themehtml import easy_read_layout, label_table_cells, mark_lone_links, mark_picture_blocks

HOME_BUDGET_GZIP = 35_000  # bytes: the home page and everything it loads, on a phone with little data


@functools.cache
def soup(html: str) -> BeautifulSoup:
    """The parsed page. The checks only read it, so each built page is parsed once for all of them (not 3 times)."""
    return BeautifulSoup(html, "html.parser")


def built(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


# ── The checks ─────────────────────────────────────────────────────────────────────────────────────────────


def menu_problems(html: str) -> list[str]:
    """A real menu: a link to the menu (a button once the script runs), never a hidden checkbox drawer."""
    page = soup(html)
    problems = []
    if page.select('input[type="checkbox"]#__drawer, label[for="__drawer"], label[for="__toc"]'):
        problems.append("the menu is a checkbox and a label (a keyboard cannot open it)")
    link = page.select_one("header a[data-ez-menu]")
    menu = page.select_one("nav#site-menu")
    if link is None or link.get("href") != "#site-menu":
        problems.append("the header has no link to the menu")
    if menu is None or len(menu.select("a[href]")) < 5:
        problems.append("there is no menu of links")
    skip = page.select("a[href], button, input, select, textarea, summary")
    if not skip or skip[0].get("href") != "#main-content":
        problems.append("the first thing to Tab to is not the skip link")
    return problems


def current_problems(html: str, url: str, section: str) -> list[str]:
    """The menu marks where you are: the page itself, or the section a generated page belongs to."""
    menu = soup(html).select_one("nav#site-menu")
    if menu is None:
        return ["no menu"]
    marked = [a.get("href", "") for a in menu.select("a[aria-current]")]
    if len(marked) != 1:
        return [f"the menu marks {len(marked)} items as current"]
    if urljoin("http://site/" + url, marked[0]).rstrip("/") != ("http://site/" + section).rstrip("/"):
        return [f"the menu marks {marked[0]}, not {section}"]
    return []


def breadcrumb_problems(html: str, section_title: str) -> list[str]:
    """Home › section, as links; the page's own name is its heading."""
    crumbs = soup(html).select_one("nav.ez-crumbs ol")
    if crumbs is None:
        return ["no breadcrumbs"]
    items = [(li.get_text(strip=True), li.find("a", href=True) is not None) for li in crumbs.find_all("li")]
    if len(items) != 2 or items[1][0] != section_title or not all(link for _, link in items):
        return [f"breadcrumbs are {items}"]
    return []


def validity_problems(html: str) -> list[str]:
    """What the Nu HTML Checker found on every page of Material's layout."""
    page = soup(html)
    problems = []
    for box in page.select('input[type="checkbox"][autocomplete], input[type="radio"][autocomplete]'):
        problems.append(f"autocomplete on a {box['type']} ({box.get('id')})")
    ids = {tag["id"] for tag in page.find_all(id=True)}
    for label in page.find_all("label", attrs={"for": True}):
        if label["for"] not in ids:
            problems.append(f'label for="{label["for"]}" names no control')
    seen: set[str] = set()
    for tag in page.find_all(id=True):
        if tag["id"] in seen:
            problems.append(f'id "{tag["id"]}" is used twice')
        seen.add(tag["id"])
    return problems


def footer_problems(html: str, email: str) -> list[str]:
    footer = soup(html).find("footer")
    if footer is None:
        return ["no footer"]
    text = footer.get_text(" ", strip=True)
    hrefs = [a.get("href", "") for a in footer.find_all("a")]
    problems = []
    if email not in text:
        problems.append("no contact email")
    for part in ("accessibility/", "privacy/"):
        if not any(href.endswith(part) for href in hrefs):
            problems.append(f"no link to {part}")
    if re.search(r"mkdocs|material", text, re.IGNORECASE):
        problems.append("the footer talks about the tools that built the site")
    return problems


def search_problems(html: str, is_search_page: bool) -> list[str]:
    """Only the search page loads the search script; no page loads Material's search worker or bundle."""
    page = soup(html)
    scripts = [s.get("src", "") for s in page.find_all("script")]
    problems = []
    if any("bundle" in src or "workers/search" in src for src in scripts):
        problems.append("loads Material's bundle or search worker")
    if "search_index.json" in html and not is_search_page:
        problems.append("names the search index")
    if any(src.endswith("search.js") for src in scripts) != is_search_page:
        problems.append("the search script is on the wrong page")
    return problems


def page_weight(site: Path, url: str) -> int:
    """Gzip bytes of a page and every stylesheet, script, image and font it asks for."""
    html = built(site, url)
    base = "http://site/" + url
    total = len(gzip.compress(html.encode("utf-8"), 9))
    page = soup(html)
    wanted = [link["href"] for link in page.find_all("link", href=True) if "stylesheet" in link.get("rel", []) or "icon" in link.get("rel", [])]
    wanted += [tag["src"] for tag in page.find_all(["script", "img"], src=True)]
    for address in wanted:
        if address.startswith("data:"):
            continue
        path = site / urlsplit(urljoin(base, address)).path.lstrip("/")
        total += len(gzip.compress(path.read_bytes(), 9))
        if path.suffix == ".css":
            for inner in re.findall(r"url\(\s*['\"]?([^'\")]+)", path.read_text(encoding="utf-8")):
                if not inner.startswith("data:"):
                    total += len(gzip.compress((path.parent / inner).read_bytes(), 9))
    return total


# ── The built site ─────────────────────────────────────────────────────────────────────────────────────────

MATERIAL_LIKE = """<!doctype html><html><body>
<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
<a href="#main-content" class="ez-skip">Skip</a>
<header><label class="md-header__button" for="__drawer" tabindex="-1">Menu</label></header>
<nav><ul><li><a href="/" aria-current="page">Home</a></li><li><a href="/forums/" aria-current="page">Forums</a></li></ul>
<label for="__toc">Contents</label></nav>
<footer>Made with MkDocs and Material for MkDocs.</footer>
<script src="assets/javascripts/bundle.a5f9d56c.min.js"></script>
<script>var index = "search/search_index.json"</script>
</body></html>"""


def test_every_page_has_a_real_menu_and_valid_html(built_site: Path) -> None:
    pages = sorted(built_site.rglob("index.html"))
    assert len(pages) > 100
    for path in [*pages, built_site / "404.html"]:
        html = path.read_text(encoding="utf-8")
        assert menu_problems(html) == [], path
        assert validity_problems(html) == [], path
    assert menu_problems(MATERIAL_LIKE) and validity_problems(MATERIAL_LIKE)


def test_the_menu_script_makes_a_button_that_hides_the_closed_menu() -> None:
    script = (ROOT / "theme/assets/javascripts/easy-read.js").read_text(encoding="utf-8")
    assert 'createElement("button")' in script and '"aria-expanded"' in script and '"aria-controls"' in script
    assert "menu.hidden = true" in script and '"Escape"' in script


@pytest.mark.parametrize(("url", "section"), [
    ("", ""),
    ("take-part/", "take-part/"),
    ("forums/east-surrey/", "forums/"),
    ("forums/schedule/", "forums/"),
    ("meetings/2026-08-27-development-group/", "meetings/"),
    ("toolkits/01-evaluation-tool/", "toolkits/"),
    ("glossary/letter-c/", "glossary/"),
    ("glossary/co-production/", "glossary/"),
])
def test_the_menu_marks_where_you_are(built_site: Path, url: str, section: str) -> None:
    html = built(built_site, url)
    assert current_problems(html, url, section) == []
    marked = soup(html).select_one("nav#site-menu a[aria-current]")
    assert marked["aria-current"] == ("page" if url == section else "true")


def test_the_menu_check_fails_when_two_items_or_none_are_marked() -> None:
    two = '<nav id="site-menu"><a href="/" aria-current="page">Home</a><a href="/forums/" aria-current="true">F</a></nav>'
    none = '<nav id="site-menu"><a href="/">Home</a><a href="/forums/">F</a></nav>'
    wrong = '<nav id="site-menu"><a href="/">Home</a><a href="../" aria-current="true">F</a></nav>'
    assert current_problems(two, "forums/a/", "forums/") and current_problems(none, "forums/a/", "forums/")
    assert current_problems(wrong, "meetings/a/", "forums/") == ["the menu marks ../, not forums/"]


@pytest.mark.parametrize(("url", "title"), [
    ("forums/east-surrey/", "Community forums"),
    ("meetings/2026-08-27-development-group/", "Meetings and minutes"),
    ("toolkits/01-evaluation-tool/", "Toolkits"),
    ("glossary/letter-c/", "Glossary"),
])
def test_pages_below_the_top_level_have_breadcrumbs(built_site: Path, url: str, title: str) -> None:
    assert breadcrumb_problems(built(built_site, url), title) == []


def test_top_level_pages_have_no_breadcrumbs_and_the_check_can_fail(built_site: Path) -> None:
    assert soup(built(built_site, "take-part/")).select_one("nav.ez-crumbs") is None
    assert breadcrumb_problems(MATERIAL_LIKE, "Community forums") == ["no breadcrumbs"]


def test_the_footer_has_contact_accessibility_and_privacy_and_not_the_tools(built_site: Path) -> None:
    email = re.search(r"email: (\S+)", (ROOT / "data/site.yml").read_text(encoding="utf-8")).group(1)  # type: ignore[union-attr]
    for url in ("", "forums/east-surrey/", "glossary/letter-c/"):
        assert footer_problems(built(built_site, url), email) == [], url
    assert len(footer_problems(MATERIAL_LIKE, email)) == 4


def test_only_the_search_page_loads_search(built_site: Path) -> None:
    for path in sorted(built_site.rglob("index.html")):
        url = path.relative_to(built_site).parent.as_posix()
        assert search_problems(path.read_text(encoding="utf-8"), url == "search") == [], url
    assert len(search_problems(MATERIAL_LIKE, False)) == 2
    page = soup(built(built_site, "search/"))
    form = page.select_one("form[data-ez-search]")
    assert form is not None and form.has_attr("hidden")  # shown by the script, so never a dead form
    assert form.select_one('input[name="q"]') is not None and form.select_one('button[type="submit"]') is not None
    hrefs = [a["href"] for a in page.select("article a[href]")]
    assert any("glossary/" in href for href in hrefs) and any("site-map/" in href for href in hrefs)


def test_the_site_map_lists_every_page(built_site: Path) -> None:
    page = soup(built(built_site, "site-map/"))
    listed = {urljoin("http://site/site-map/", a["href"]) for a in page.select("ul.ez-site-map a[href]")}
    for path in built_site.rglob("index.html"):
        url = "http://site/" + path.relative_to(built_site).parent.as_posix() + "/"
        assert url.replace("site/./", "site/") in listed, url


def test_on_this_page_only_on_long_pages(built_site: Path) -> None:
    assert soup(built(built_site, "toolkits/01-evaluation-tool/")).select_one("nav.ez-toc details") is not None
    assert soup(built(built_site, "privacy/")).select_one("nav.ez-toc") is None
    assert soup(built(built_site, "")).select_one("nav.ez-toc") is None  # the home page has "Start here"


def test_the_home_page_starts_with_4_big_links(built_site: Path) -> None:
    article = soup(built(built_site, "")).find("article")
    start = article.select_one("nav.ez-start")
    assert start is not None and len(start.select("a[href]")) in (3, 4)
    first_link = article.find("a", href=True)
    assert start in first_link.parents


def test_the_home_page_weighs_at_most_35_kb(built_site: Path) -> None:
    weight = page_weight(built_site, "")
    assert weight <= HOME_BUDGET_GZIP, weight


def test_the_weight_check_counts_what_a_page_loads(tmp_path: Path) -> None:
    (tmp_path / "big.js").write_bytes(os.urandom(40_000))  # does not compress
    (tmp_path / "index.html").write_text('<script src="big.js"></script>', encoding="utf-8")
    assert page_weight(tmp_path, "") > HOME_BUDGET_GZIP


def test_the_glossary_is_short_pages(built_site: Path) -> None:
    index = soup(built(built_site, "glossary/"))
    links = index.select("article a[href]")
    assert 10 < len(links) < 40  # the letters, not every word
    letter = soup(built(built_site, "glossary/letter-c/"))
    headings = letter.select("article h2")
    assert headings and headings[0].get_text(strip=True) != "Other letters"  # words first, other letters last


def test_toolkit_1_says_which_question_you_are_on(built_site: Path) -> None:
    headings = [h.get_text(strip=True) for h in soup(built(built_site, "toolkits/01-evaluation-tool/")).select("article h3")]
    questions = [h for h in headings if h.startswith("Question ")]
    assert questions and all(re.match(rf"Question {i} of {len(questions)}: ", h) for i, h in enumerate(questions, 1))


def test_tables_become_lists_on_phones(built_site: Path) -> None:
    page = soup(built(built_site, "meetings/actions/"))
    table = page.select_one(".ez-table--stacks table")
    assert table is not None
    names = [th.get_text(strip=True) for th in table.select("thead th")]
    for row in table.select("tbody tr"):
        assert [cell.get("data-label", name) for cell, name in zip(row.find_all(["td", "th"]), names, strict=False)] == names
    css = (ROOT / "theme/assets/stylesheets/easy-read.css").read_text(encoding="utf-8")
    assert 'content: attr(data-label) ": ";' in css


def test_pictures_beside_ideas_on_content_forum_and_meeting_pages(built_site: Path) -> None:
    for url in ("", "take-part/", "forums/east-surrey/", "meetings/2026-08-27-development-group/"):
        blocks = soup(built(built_site, url)).select("article .ez-has-pictures .ez-block > .twemoji:first-child svg")
        assert len(blocks) >= 3, url
        for svg in blocks:
            assert svg.parent["aria-hidden"] == "true" and int(svg["width"]) >= 48


# ── The HTML helpers, on small cases ───────────────────────────────────────────────────────────────────────


def test_a_lone_link_is_marked_and_a_link_in_a_sentence_is_not() -> None:
    # The old rule `li > a:only-child` matched both of these; only the first is a target of its own.
    assert 'class="ez-lone"' in mark_lone_links('<li><a href="a/">AA</a></li>')
    assert "ez-lone" not in mark_lone_links('<li><a href="a/">Toolkit 6</a>. A form to score a service.</li>')
    assert "ez-lone" not in mark_lone_links('<p>Read <a href="a/">this</a></p>')
    assert "ez-lone" not in mark_lone_links('<li><a href="a/">one</a> and <a href="b/">two</a></li>')
    assert mark_lone_links('<p><a class="x" href="a/">W</a></p>') == '<p><a class="x ez-lone" href="a/">W</a></p>'


def test_only_text_that_starts_with_a_picture_is_a_picture_block() -> None:
    icon = '<span aria-hidden="true" class="twemoji"><svg></svg></span>'
    assert mark_picture_blocks(f"<p>{icon} Words</p>") == (f'<p class="ez-block">{icon} Words</p>', True)
    assert mark_picture_blocks(f"<p>Words {icon}</p>") == (f"<p>Words {icon}</p>", False)
    assert easy_read_layout(f"<p>{icon} Words</p>").startswith('<div class="ez-has-pictures">')


def test_cells_get_their_column_heading() -> None:
    table = "<table>\n<thead>\n<tr>\n<th>What</th>\n<th>Who</th>\n<th>By &amp; when</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Tea</td>\n<td>Sam</td>\n<td>Today</td>\n</tr>\n</tbody>\n</table>"
    out = label_table_cells(table)
    assert '<td data-label="What">Tea</td>' in out and '<td data-label="By &amp; when">Today</td>' in out
    assert out.startswith('<div class="ez-table ez-table--stacks"><table>')
    with_row_headings = label_table_cells(
        '<table><thead><tr><th scope="col">Round</th><th scope="col">Forums</th><th scope="col">News</th></tr></thead>'
        '<tbody><tr><th scope="row">Round 1</th><td>May</td><td>July</td></tr></tbody></table>'
    )
    assert '<th scope="row">Round 1</th><td data-label="Forums">May</td><td data-label="News">July</td>' in with_row_headings
    two = label_table_cells("<table><thead><tr><th>Score</th><th>Meaning</th></tr></thead><tbody><tr><td>0</td><td>No</td></tr></tbody></table>")
    assert "ez-table--stacks" not in two
