"""The built toolkit pages: Toolkit 1 is a form that is complete, labelled, works without JavaScript and sends nothing."""
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from test_toolkits import read_toolkits


def page(built_site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((built_site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def form_page(built_site: Path) -> BeautifulSoup:
    return page(built_site, "toolkits/01-evaluation-tool")


def test_17_radio_groups_of_4_labelled_scores(form_page: BeautifulSoup) -> None:
    rows = form_page.select("fieldset.tk-row")
    assert len(rows) == 17
    names = set()
    for row in rows:
        legend = row.find("legend")
        assert isinstance(legend, Tag) and legend.get_text(strip=True).endswith("?")
        radios = row.select("input[type=radio]")
        assert [r["value"] for r in radios] == ["0", "1", "2", "3"]
        (name,) = {r["name"] for r in radios}  # one group per row
        names.add(name)
        for radio in radios:
            label = form_page.find("label", attrs={"for": radio["id"]})
            assert isinstance(label, Tag), radio["id"]
            assert label.get_text(strip=True) == f"Score {radio['value']}"
    assert len(names) == 17


def test_the_legends_are_the_rows_of_the_data(form_page: BeautifulSoup) -> None:
    matrix = read_toolkits()[1].sections_of("matrix")[0]
    expected = [row for question in matrix.questions for row in question.rows]
    assert [legend.get_text(strip=True) for legend in form_page.select("fieldset.tk-row legend")] == expected


def test_each_question_explains_its_4_levels_and_has_an_average(form_page: BeautifulSoup) -> None:
    questions = [h for h in form_page.find_all("h3") if h.get_text().startswith("Question ")]
    assert len(questions) == 4
    for number, heading in enumerate(questions, start=1):
        table = heading.find_next("table")
        assert [tr.find("td").get_text(strip=True) for tr in table.select("tbody tr")] == ["0", "1", "2", "3"]
        average = form_page.find("output", attrs={"data-tk-average": str(number)})
        assert average is not None
        assert average.find_parent("p")["aria-live"] == "polite"
        # Without JavaScript the average is a blank to fill in by hand.
        assert average.get_text(strip=True) == "not worked out yet"


def test_closing_prompts_are_labelled_text_boxes(form_page: BeautifulSoup) -> None:
    boxes = form_page.select(".tk-prompts textarea")
    assert len(boxes) == 3
    for box in boxes:
        label = form_page.find("label", attrs={"for": box["id"]})
        assert isinstance(label, Tag) and label.get_text(strip=True).endswith("if …")


def test_nothing_can_be_sent(form_page: BeautifulSoup) -> None:
    article = form_page.find("article")
    assert article.find("form") is None  # no form, so no submit to any server
    assert article.select("button[type=submit], input[type=submit]") == []
    # The only buttons need JavaScript, so they start hidden.
    for button in article.find_all("button"):
        assert button.find_parent(attrs={"hidden": True}) is not None
        assert button["type"] == "button"


def test_every_toolkit_page_links_the_print_styles_and_script(built_site: Path) -> None:
    for toolkit in read_toolkits().values():
        soup = page(built_site, f"toolkits/{toolkit.id}")
        styles = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
        scripts = [script.get("src", "") for script in soup.find_all("script")]
        assert any(href.endswith("assets/toolkits/toolkits.css") for href in styles), toolkit.id
        assert any(src.endswith("assets/toolkits/toolkits.js") for src in scripts), toolkit.id
        assert soup.select_one("p.tk-print[hidden] button[data-tk-print]") is not None


def test_statements_features_and_steps_all_appear(built_site: Path) -> None:
    kits = read_toolkits()
    carer = page(built_site, f"toolkits/{kits[4].id}").find("article")
    assert len(carer.select("ol > li")) == 8
    young = page(built_site, f"toolkits/{kits[5].id}").find("article")
    assert len(young.select("ol > li")) == 10
    social = page(built_site, f"toolkits/{kits[2].id}").find("article")
    assert len([h for h in social.find_all("h3")]) == 9
    workshop = page(built_site, f"toolkits/{kits[8].id}").find("article")
    assert len([h for h in workshop.find_all("h4") if h.get_text().startswith("Step ")]) == 7


def test_unwritten_toolkits_name_their_facts(built_site: Path) -> None:
    kits = read_toolkits()
    for number in (3, 7):
        text = " ".join(page(built_site, f"toolkits/{kits[number].id}").find("article").get_text().split())
        assert "We wrote this toolkit from these facts:" in text
        for fact in kits[number].written_from:
            assert fact in text
