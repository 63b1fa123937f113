"""Toolkits: the data holds every item the sources give (FACTS.md §3), and bad toolkit data gives plain file:line messages."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import ROOT, edit, problems_for

from generator.load.yamlfile import YamlDocument, load_yaml
from generator.models.toolkits import Toolkit
from generator.render.pages import toolkits as toolkit_pages

TOOLKITS = ROOT / "data" / "toolkits"


def read_toolkits(folder: Path = TOOLKITS) -> dict[int, Toolkit]:
    """Every toolkit file, validated by the real model, keyed by its number."""
    found = {}
    for path in sorted(folder.glob("*.yml")):
        doc = load_yaml(path, path.name)
        assert isinstance(doc, YamlDocument), doc
        toolkit = Toolkit.model_validate({"id": path.stem, **doc.value})
        found[toolkit.number] = toolkit
    return found


@pytest.fixture(scope="module")
def toolkits() -> dict[int, Toolkit]:
    return read_toolkits()


def only(toolkit: Toolkit, kind: str):
    (section,) = toolkit.sections_of(kind)
    return section


class TestCountsFromTheSources:
    """The counts in FACTS.md §3. Toolkit 9 is the glossary, so it is not here."""

    def test_the_8_toolkits(self, toolkits: dict[int, Toolkit]) -> None:
        assert sorted(toolkits) == [1, 2, 3, 4, 5, 6, 7, 8]

    def test_toolkit_1_matrix(self, toolkits: dict[int, Toolkit]) -> None:
        matrix = only(toolkits[1], "matrix")
        assert [len(q.rows) for q in matrix.questions] == [2, 7, 4, 4]
        assert matrix.row_count == 17
        for question in matrix.questions:
            assert [level.score for level in question.levels] == [0, 1, 2, 3]
            assert all(level.meaning for level in question.levels)
        assert len(matrix.closing_prompts) == 3
        assert [p.split()[:3] for p in matrix.closing_prompts] == [
            ["Our", "service", "would"], ["Our", "service", "would"], ["We", "would", "do"],
        ]

    def test_toolkit_2_has_9_features_each_complete(self, toolkits: dict[int, Toolkit]) -> None:
        features = only(toolkits[2], "features").features
        assert len(features) == 9
        assert [f.name for f in features][:2] == ["Poll", "Questions and answers"]
        for feature in features:
            assert feature.platforms and feature.what_it_is and feature.example

    def test_toolkit_4_has_8_i_statements(self, toolkits: dict[int, Toolkit]) -> None:
        section = only(toolkits[4], "statements")
        assert section.voice == "I"
        assert len(section.statements) == 8
        assert all(s.startswith("I ") for s in section.statements)

    def test_toolkit_5_has_10_we_statements(self, toolkits: dict[int, Toolkit]) -> None:
        section = only(toolkits[5], "statements")
        assert section.voice == "we"
        assert len(section.statements) == 10
        assert all(s.startswith("We ") for s in section.statements)

    def test_toolkit_6_has_10_steps(self, toolkits: dict[int, Toolkit]) -> None:
        assert len(only(toolkits[6], "steps").steps) == 10

    def test_toolkit_8_workshop(self, toolkits: dict[int, Toolkit]) -> None:
        workshop = only(toolkits[8], "workshop")
        assert len(workshop.aims) == 4
        assert len(workshop.steps) == 7
        assert workshop.steps[0].title == "Ice breaker" and workshop.steps[-1].title == "Close"
        resources = " ".join(workshop.resources.each_person)
        for colour in ("red", "amber", "green"):
            assert colour in resources
        explained = " ".join(line for step in workshop.steps for line in step.what_to_do)
        assert "a doctor, a carer and the person themselves" in explained

    @pytest.mark.parametrize("number", [3, 7])
    def test_unwritten_toolkits_say_where_their_facts_come_from(self, toolkits: dict[int, Toolkit], number: int) -> None:
        toolkit = toolkits[number]
        assert len(toolkit.written_from) >= 2
        assert "does not write it" in toolkit.source or '"to follow"' in toolkit.source

    def test_toolkit_7_has_a_venue_and_a_safety_checklist(self, toolkits: dict[int, Toolkit]) -> None:
        headings = [s.heading for s in toolkits[7].sections_of("checklist")]
        assert headings == ["Choosing a good place", "Helping people feel safe"]
        venue = " ".join(toolkits[7].sections[0].items)
        for need in ("wheelchair", "hearing loop", "bus stop", "Wi-Fi", "snacks"):
            assert need in venue


def test_every_toolkit_has_a_page_and_the_index_lists_them(toolkits: dict[int, Toolkit]) -> None:
    data = SimpleNamespace(toolkits=list(toolkits.values()), settings=SimpleNamespace(toolkits_note=["The words are ours."]))
    pages = {page.path: page.markdown for page in toolkit_pages.pages(data, date(2026, 11, 22))}  # type: ignore[arg-type]
    assert len(pages) == 9
    for toolkit in toolkits.values():
        assert f"toolkits/{toolkit.id}.md" in pages
        assert f"]({toolkit.id}.md)" in pages["toolkits/index.md"]
    assert pages["toolkits/06-feedback-survey.md"].count("\n10. **") == 1


# --- Bad toolkit data: one plain message, pointing at the file, line and field. -------------------------------


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_unknown_section_kind(project: Path) -> None:
    path = project / "data/toolkits/06-feedback-survey.yml"
    edit(path, "  - kind: steps", "  - kind: stepz")
    line = line_of(path, "kind: stepz")
    assert problems_for(project) == [
        f"data/toolkits/06-feedback-survey.yml:{line}:11: sections[1].kind: Enter one of these kinds: "
        "'checklist', 'steps', 'statements', 'features', 'matrix', 'workshop' (you wrote 'stepz')."
    ]


def test_missing_field_inside_a_section_points_at_the_item(project: Path) -> None:
    path = project / "data/toolkits/02-social-media.yml"
    edit(path, "        example: What does mental health mean to you?\n", "")
    line = line_of(path, "- name: Questions and answers")
    assert problems_for(project) == [
        f'data/toolkits/02-social-media.yml:{line}:9: sections[1].features[2].example: '
        '"example" is missing. Add a line "example: ..." here.'
    ]


def test_field_from_another_kind(project: Path) -> None:
    path = project / "data/toolkits/06-feedback-survey.yml"
    edit(path, "    heading: The 10 steps\n", "    heading: The 10 steps\n    voice: we\n")
    line = line_of(path, "voice: we")
    assert problems_for(project) == [
        f'data/toolkits/06-feedback-survey.yml:{line}:5: sections[1].voice: "voice" is not a field we know. '
        "Check the spelling, or delete it. Fields allowed here: kind, heading, intro, steps."
    ]


def test_matrix_levels_must_be_scores_0_to_3(project: Path) -> None:
    path = project / "data/toolkits/01-evaluation-tool.yml"
    edit(path, "          - score: 3\n            meaning: The service has paid roles for experts by experience.\n", "")
    line = line_of(path, "levels:")
    assert problems_for(project) == [
        f"data/toolkits/01-evaluation-tool.yml:{line + 1}:11: sections[1].questions[1].levels: "
        "Give 4 levels, with score 0, 1, 2 and 3 in that order. You gave scores: 0, 1, 2."
    ]


def test_a_matrix_score_written_as_text(project: Path) -> None:
    path = project / "data/toolkits/01-evaluation-tool.yml"
    edit(path, "          - score: 2\n", '          - score: "2"\n')
    line = line_of(path, 'score: "2"')
    assert problems_for(project) == [
        f"data/toolkits/01-evaluation-tool.yml:{line}:20: sections[1].questions[1].levels[3].score: "
        "Enter a whole number here, like 3, without quote marks (you wrote '2')."
    ]


def test_statement_in_the_wrong_voice(project: Path) -> None:
    path = project / "data/toolkits/05-think-young-carer.yml"
    edit(path, "        We need workers to be clear", "        Workers need to be clear")
    line = line_of(path, "Workers need to be clear") - 1  # the value starts at the ">-" above it
    assert problems_for(project) == [
        f'data/toolkits/05-think-young-carer.yml:{line}:9: sections[1].statements[7]: '
        'Start this statement with "We", as the section says voice: we.'
    ]


def test_empty_list_of_steps(project: Path) -> None:
    path = project / "data/toolkits/08-creative-workshop.yml"
    edit(path, "    aims:\n      - People who use services feel heard.\n      - They can show their feelings.\n"
            "      - People start to talk about what using the service is like.\n"
            "      - People have their say about their care.\n", "    aims: []\n")
    line = line_of(path, "aims: []")
    assert problems_for(project) == [
        f"data/toolkits/08-creative-workshop.yml:{line}:11: sections[1].aims: "
        "This list has the wrong number of items: list should have at least 1 item after validation, not 0."
    ]


def test_two_toolkits_with_one_number(project: Path) -> None:
    path = project / "data/toolkits/07-safe-space.yml"
    edit(path, "number: 7", "number: 3")
    assert problems_for(project) == [
        "data/toolkits/07-safe-space.yml:5:9: number: Toolkit number 3 is already used by "
        "data/toolkits/03-asset-mapping.yml. Give each toolkit its own number."
    ]
