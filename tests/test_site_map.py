"""The site map lists every page once, and no page of it grows without limit (generator/render/site_map.py)."""
from __future__ import annotations

import re
from pathlib import Path

from conftest import edit, mkdocs_build
from hypothesis import given
from hypothesis import strategies as st

from generator.render.site_map import Link, big_folders, part_pages, site_map

FOLDERS = st.sampled_from(["glossary", "stories", "meetings", "site-map", "a-b"])
URLS = st.lists(
    st.one_of(st.builds(lambda f, n: f"{f}/p{n}/", FOLDERS, st.integers(0, 60)), st.builds(lambda n: f"top{n}/", st.integers(0, 5))),
    unique=True, max_size=150,
)


def listed(groups: list) -> list[str]:
    """Every address the site map and its part pages link to, as often as they link to it."""
    found: list[str] = []
    for group in groups:
        if group.top is not None:
            found.append(group.top.url)
        found += [page.url for page in group.pages]
        found += [page.url for part in group.parts for page in part.pages]
    return found


@given(URLS, st.integers(1, 30))
def test_every_page_is_listed_once_and_no_list_is_longer_than_the_limit(urls: list[str], limit: int) -> None:
    menu = [Link("", "Home"), Link("glossary/", "Glossary"), Link("top1/", "Top 1")]
    pages = [Link(url, url) for url in urls if url != "site-map/p0/"]
    groups = site_map(menu, [*pages, *menu], limit)
    expected = sorted({page.url for page in pages if not page.url.startswith("site-map/")} | {item.url for item in menu} - {""})
    assert sorted(url for url in listed(groups) if url) == expected
    for group in groups:
        assert len(group.pages) <= limit and all(len(part.pages) <= limit for part in group.parts)
        assert not (group.pages and group.parts)
    # The part pages made before any title is known are exactly the ones the site map links to.
    parts = {part.url for group in groups for part in group.parts}
    made = big_folders([page.url for page in [*pages, *menu]], limit)
    assert parts == {f"site-map/{folder}-{n}/" for folder, count in made.items() for n in range(1, count + 1)}


def test_part_pages_have_a_title_and_the_site_map_template() -> None:
    pages = part_pages([f"glossary/w{n}/" for n in range(5)], 2, {"glossary": "Glossary"}, "Site map: {group}, part {part} of {parts}")
    assert list(pages) == ["site-map/glossary-1.md", "site-map/glossary-2.md", "site-map/glossary-3.md"]
    assert "title: 'Site map: Glossary, part 2 of 3'" in pages["site-map/glossary-2.md"]
    assert "template: site-map.html" in pages["site-map/glossary-2.md"] and "exclude: true" in pages["site-map/glossary-2.md"]


def _links(html: str) -> list[str]:
    body = html[html.index('<ul class="ez-site-map">'):html.index("</article>")]
    return re.findall(r'<a href="([^"]+)"', body)


def test_a_big_glossary_is_listed_on_pages_of_its_own(project: Path, tmp_path: Path) -> None:
    edit(project / "mkdocs.yml", "site_map_limit: 200", "site_map_limit: 40")
    site = mkdocs_build(project, site_dir=tmp_path / "site")
    words = sorted(p.parent.name for p in (site / "glossary").glob("*/index.html") if not p.parent.name.startswith("letter-"))
    parts = sorted((site / "site-map").glob("glossary-*/index.html"))
    assert len(parts) == -(-(len(words) + len(list((site / "glossary").glob("letter-*")))) // 40) >= 3
    main = (site / "site-map/index.html").read_text(encoding="utf-8")
    assert f"There are {len(words) + len(list((site / 'glossary').glob('letter-*')))} pages in this group." in main
    assert [link for link in _links(main) if link.startswith("glossary-")] == [f"glossary-{n}/" for n in range(1, len(parts) + 1)]
    on_parts = [link for part in parts for link in _links(part.read_text(encoding="utf-8"))]
    assert sorted(link.split("/")[-2] for link in on_parts if "/glossary/" in link and "letter-" not in link) == words
    assert len(on_parts) == len(set(on_parts))  # each page once
    for part in parts:
        html = part.read_text(encoding="utf-8")
        assert len(_links(html)) <= 40
        assert "<h1" in html and "Site map: Glossary, part" in html
    # Part pages are not in search: they only repeat titles.
    index = "".join(path.read_text(encoding="utf-8") for path in (site / "search").rglob("*.json"))
    assert "site-map/glossary-" not in index and "glossary/letter-a/" in index


def test_pages_are_listed_with_numbers_counted_as_numbers() -> None:
    pages = [Link(f"stories/black-path-{n}/", f"Black path {n}") for n in (10, 2, 1, 11)]
    (group,) = site_map([], pages, 200)
    assert [page.title for page in group.pages] == ["Black path 1", "Black path 2", "Black path 10", "Black path 11"]
