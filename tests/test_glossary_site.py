"""The built example site: glossary links on every page, "Words on this page", and raw HTML left alone."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

from conftest import mkdocs_build_error

_LINK = re.compile(r'<a class="glossary-link" href="([^"]+)">')


def _pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("index.html") if "assets" not in p.parts]


def test_every_glossary_link_reaches_its_word(built_site: Path) -> None:
    checked = 0
    for page in _pages(built_site):
        html = page.read_text(encoding="utf-8")
        url = page.relative_to(built_site).parent.as_posix() + "/"
        for href in _LINK.findall(html):
            target = urljoin("/" + url, href).lstrip("/")
            assert target.startswith("glossary/"), (page, href)
            assert (built_site / target / "index.html").is_file(), (page, href)
            checked += 1
    assert checked > 50


def test_each_word_is_linked_once_per_page_and_listed_at_the_end(built_site: Path) -> None:
    html = (built_site / "index.html").read_text(encoding="utf-8")
    article = html.split('class="glossary-words"')[0]
    links = _LINK.findall(article)
    assert links and len(links) == len(set(links))
    listed = re.findall(r'<dt><a href="([^"]+)">', html.split('id="words-on-this-page"')[1])
    assert set(links) <= set(listed)
    # A long page lists its sections under "On this page" (theme/partials/content.html); the words are one of them.
    long_page = (built_site / "take-part/index.html").read_text(encoding="utf-8")
    assert '<a href="#words-on-this-page"' in long_page.split('class="ez-toc"')[1].split("</nav>")[0]


def test_no_link_inside_headings_scripts_or_other_links(built_site: Path) -> None:
    for page in _pages(built_site):
        html = page.read_text(encoding="utf-8")
        for heading in re.findall(r"<h[1-6][^>]*>.*?</h[1-6]>", html, flags=re.S):
            assert "glossary-link" not in heading, page
        for script in re.findall(r"<script[^>]*>.*?</script>", html, flags=re.S):
            assert "glossary-link" not in script, page
        assert not re.search(r"<a [^>]*>[^<]*<a class=\"glossary-link\"", html), page


def test_a_word_is_not_linked_on_its_own_page(built_site: Path) -> None:
    html = (built_site / "glossary/co-production/index.html").read_text(encoding="utf-8")
    assert 'href="../co-production/"' not in html.split('class="glossary-words"')[0]
    assert "glossary-link" in html  # other words in its meaning are linked


def test_readability_enforced_stops_the_build_naming_page_and_sentence(project: Path) -> None:
    settings = project / "data/readability.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("enforce: false", "enforce: true", 1), encoding="utf-8")
    page = project / "content/index.md"
    long = "This very long sentence goes on and on with many more words than anyone would like to read."
    page.write_text(page.read_text(encoding="utf-8") + f"\n{long}\n", encoding="utf-8")
    error = mkdocs_build_error(project)
    assert f'content/index.md: this sentence has 18 words (the limit is 15): "{long}" Split it in 2, or cut words.' in error
