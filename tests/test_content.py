"""The hand-written information pages: there, in the menu, filled in from data, icons hidden from screen readers."""
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from hypothesis import given
from hypothesis import strategies as st
from ruamel.yaml import YAML

INFORMATION_PAGES = {
    "index.md": "Co-production in Surrey",
    "take-part.md": "Take part",
    "about-co-production.md": "About co-production",
    "development-group-and-board.md": "The Development Group and the Board",
    "accessibility.md": "Accessibility statement",
    "privacy.md": "Privacy",
}


def built(site: Path, source: str) -> BeautifulSoup:
    folder = "" if source == "index.md" else source.removesuffix(".md") + "/"
    return BeautifulSoup((site / folder / "index.html").read_text(encoding="utf-8"), "html.parser")


def article_text(soup: BeautifulSoup) -> str:
    return " ".join(soup.find("article").get_text().split())


def nav_pages() -> list[str]:
    config = YAML(typ="rt").load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return [next(iter(item.values())) for item in config["nav"]]


def test_home_keeps_the_forum_list_marker() -> None:
    assert "<!-- generated: forum-list -->" in (ROOT / "content/index.md").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("source", sorted(INFORMATION_PAGES))
def test_page_is_in_the_menu_and_built_with_its_title(built_site: Path, source: str) -> None:
    assert source in nav_pages()
    heading = built(built_site, source).find("article").find("h1")
    assert heading.get_text(strip=True) == INFORMATION_PAGES[source]


def test_home_answers_what_who_what_you_can_do_where_and_when(built_site: Path) -> None:
    headings = [h.get_text(strip=True) for h in built(built_site, "index.md").find("article").find_all("h2")]
    # "Start here" comes first: 4 big links to the things most people come for.
    assert headings[:6] == ["Start here", "What this site is", "Who it is for", "What you can do", "Where", "When"]


def test_contact_details_come_from_site_settings(built_site: Path) -> None:
    settings = YAML(typ="safe").load((ROOT / "data/site.yml").read_text(encoding="utf-8"))
    email, phone = settings["contact"]["email"], settings["contact"]["phone"]
    for source in ("take-part.md", "accessibility.md", "privacy.md"):
        soup = built(built_site, source)
        assert soup.find("a", href=f"mailto:{email}") is not None, source
        assert phone in article_text(soup), source
        assert "generated:" not in str(soup.find("article"))


def test_taking_part_covers_travel_access_and_formats(built_site: Path) -> None:
    text = article_text(built(built_site, "take-part.md"))
    for fact in ("bank transfer", "BACS", "taxi", "hearing loop", "easy read", "large print", "printed on paper", "by email"):
        assert fact in text, fact


def test_about_co_production_uses_only_the_3_rungs_the_sources_give(built_site: Path) -> None:
    soup = built(built_site, "about-co-production.md")
    ladder = soup.find(id="the-ladder-of-co-production").find_next("ul")
    assert [li.find("strong").get_text(strip=True) for li in ladder.find_all("li")] == ["Doing to.", "Doing for.", "Doing with."]
    text = article_text(soup)
    for principle in ("Equality.", "Diversity.", "Accessibility.", "Reciprocity.", "Flexibility."):
        assert principle in text


def test_groups_page_links_to_the_meetings(built_site: Path) -> None:
    soup = built(built_site, "development-group-and-board.md")
    assert soup.find("a", href="../meetings/") is not None


def test_accessibility_statement_says_how_the_site_is_tested(built_site: Path) -> None:
    text = article_text(built(built_site, "accessibility.md"))
    for fact in ("2.2", "level AA", "axe", "HTML_CodeSniffer", "real web browser"):
        assert fact in text, fact


def test_no_cookies_are_set_by_any_page(built_site: Path) -> None:
    for path in built_site.rglob("*.js"):
        assert "document.cookie" not in path.read_text(encoding="utf-8", errors="ignore"), path


def test_every_icon_is_hidden_from_screen_readers(built_site: Path) -> None:
    icons = 0
    for path in built_site.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for icon in soup.select("article .twemoji"):
            icons += 1
            assert icon.get("aria-hidden") == "true", path
            assert icon.find("img") is None, f"{path}: icons must be inline, not fetched"
    assert icons > 20


@given(st.lists(st.lists(st.sampled_from([
    "Words. ", "<!-- generated: contact -->", "<!-- generated: nothing -->", "<!--generated", "<!-- GENERATED ",
    "-->", "<script>", "< iframe", " onclick=", "javascript :", "data: text/html", "<nav>", "on", "=", " ",
]), max_size=5).map("".join), max_size=6).map("\n".join))
def test_a_page_is_checked_as_each_of_its_lines_is(text: str) -> None:
    # The whole page is looked at first, and most pages stop there: that must find what the lines find.
    from generator.render.block_names import BLOCK_NAMES
    from generator.validate.files import content_page_problems

    def one(line: str, number: int) -> list[tuple[int, int, str]]:
        return [(number, p.col, p.message) for p in content_page_problems("p.md", line, set(BLOCK_NAMES))]

    expected = [found for number, line in enumerate(text.splitlines(), 1) for found in one(line, number)]
    assert [(p.line, p.col, p.message) for p in content_page_problems("p.md", text, set(BLOCK_NAMES))] == expected


def test_a_link_anywhere_in_content_to_outside_the_project_is_an_error(tmp_path: Path) -> None:
    from types import SimpleNamespace

    from generator.validate.files import content_stays_inside

    def found(root: Path) -> list[str]:
        return [p.file for p in content_stays_inside(SimpleNamespace(root=root))]  # type: ignore[arg-type]

    outside = tmp_path / "outside"
    (outside / "deep").mkdir(parents=True)
    (outside / "deep/secret.md").write_text("# Secret\n", encoding="utf-8")
    root = tmp_path / "project"
    (root / "content/papers").mkdir(parents=True)
    (root / "content/papers/a.md").write_text("# A\n", encoding="utf-8")
    assert found(root) == []
    (root / "content/papers/folder").symlink_to(outside)
    (root / "content/file.md").symlink_to(outside / "deep/secret.md")
    assert found(root) == ["content/file.md", "content/papers/folder"]
    # content/ itself a link to a folder outside: everything in it is an error.
    moved = tmp_path / "elsewhere"
    (root / "content").rename(moved)
    (root / "content").symlink_to(moved)
    assert found(root) == ["content/file.md", "content/papers", "content/papers/a.md", "content/papers/folder"]
