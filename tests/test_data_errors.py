"""Every kind of mistake an editor can make gives one exact, plain message with file, line and column."""
from __future__ import annotations

from pathlib import Path

from conftest import edit, problems_for

from generator.pipeline import load_site_data


def test_example_data_loads(project: Path) -> None:
    data = load_site_data(project / "data", project)
    assert [a.name for a in data.areas][:2] == ["East Surrey", "Northwest Surrey"]
    assert len(data.forums) == 6
    assert sum(f.area is None for f in data.forums) == 1
    assert len(data.glossary) >= 15
    assert data.meetings and data.toolkits


def test_unknown_key_names_the_allowed_fields(project: Path) -> None:
    edit(project / "data/areas.yml", "  - id: surrey-downs\n", "  - id: surrey-downs\n    colour: red\n")
    assert problems_for(project) == [
        'data/areas.yml:11:5: areas[3].colour: "colour" is not a field we know. '
        "Check the spelling, or delete it. Fields allowed here: id, name, other_names."
    ]


def test_wrong_type_number_for_text(project: Path) -> None:
    edit(project / "data/areas.yml", "name: Surrey Downs", "name: 12")
    assert problems_for(project) == [
        'data/areas.yml:11:11: areas[3].name: This must be text. Put it in quote marks, like "12".'
    ]


def test_impossible_date(project: Path) -> None:
    meeting = project / "data/meetings/2026-02-26-development-group.yml"
    edit(meeting, "date: 2026-02-26", "date: 2026-02-30")
    assert problems_for(project) == [
        "data/meetings/2026-02-26-development-group.yml:4:7: date: "
        "There is no such day in the calendar. Enter a real date like 2026-03-04."
    ]


def test_date_written_the_british_way(project: Path) -> None:
    meeting = project / "data/meetings/2026-02-26-development-group.yml"
    edit(meeting, "date: 2026-02-26", "date: 26/02/2026")
    assert problems_for(project) == [
        "data/meetings/2026-02-26-development-group.yml:4:7: date: Enter a date like 2026-03-04 (year-month-day)."
    ]


def test_impossible_time(project: Path) -> None:
    meeting = project / "data/meetings/2026-02-26-development-group.yml"
    edit(meeting, 'start: "14:00"', 'start: "25:00"')
    assert problems_for(project) == [
        "data/meetings/2026-02-26-development-group.yml:5:8: start: "
        'There is no such time. Enter a time like "18:30".'
    ]


def test_duplicate_id(project: Path) -> None:
    edit(project / "data/areas.yml", "id: surrey-downs", "id: east-surrey")
    found = problems_for(project)
    assert found[0] == (
        'data/areas.yml:10:9: areas[3].id: The id "east-surrey" is already used on line 5. Give each one its own id.'
    )


def test_duplicate_yaml_key(project: Path) -> None:
    edit(project / "data/areas.yml", "    name: Surrey Downs\n", "    name: Surrey Downs\n    name: Downs\n")
    assert problems_for(project) == [
        'data/areas.yml:12:5: name: "name" is written twice in the same place. Keep one and delete the other.'
    ]


def test_reference_to_missing_area(project: Path) -> None:
    edit(project / "data/forums.yml", "area: surrey-downs", "area: surrey-dons")
    assert problems_for(project) == [
        'data/forums.yml:55:11: forums[3].area: There is no area with the id "surrey-dons". Use one of: '
        "east-surrey, farnham-northeast-hants, guildford-waverley, northwest-surrey, surrey-downs. "
        "Or add it to data/areas.yml."
    ]


def test_reference_to_missing_person(project: Path) -> None:
    meeting = project / "data/meetings/2026-02-26-development-group.yml"
    edit(meeting, "chair: amira-khan", "chair: amira")
    (found,) = problems_for(project)
    assert found.startswith(
        'data/meetings/2026-02-26-development-group.yml:9:8: chair: "amira" is not a member of the Trust Communities Development Group. Use one of: '
    )


def test_reference_to_missing_glossary_word(project: Path) -> None:
    edit(project / "data/glossary.yml", "related: [inclusion]", "related: [inclusions]")
    (found,) = problems_for(project)
    assert found.startswith('data/glossary.yml:10:15: terms[1].related[1]: There is no glossary word with the id "inclusions".')


def test_file_nothing_reads(project: Path) -> None:
    (project / "data/notes.yml").write_text("hello: world\n", encoding="utf-8")
    assert problems_for(project) == [
        "data/notes.yml:1:1: (file): Nothing reads this file, so it would be lost. Move it out of data/ or check its name."
    ]


def test_missing_required_file(project: Path) -> None:
    (project / "data/areas.yml").unlink()
    assert "data/areas.yml:1:1: (file): This file is missing. The site needs it: create it or restore it from git." in problems_for(project)


def test_missing_field(project: Path) -> None:
    edit(project / "data/areas.yml", "    name: Surrey Downs\n", "")
    assert problems_for(project) == ['data/areas.yml:10:5: areas[3].name: "name" is missing. Add a line "name: ..." here.']


def test_broken_yaml_layout(project: Path) -> None:
    edit(project / "data/areas.yml", "    name: Surrey Downs\n", '    name: "Surrey Downs\n')
    (found,) = problems_for(project)
    assert found.startswith("data/areas.yml:")
    assert "The file layout is broken here" in found and "Check the indents, colons and quote marks." in found


def test_every_problem_in_every_file_in_one_run(project: Path) -> None:
    edit(project / "data/areas.yml", "name: Surrey Downs", "name: 12")
    edit(project / "data/people.yml", "show_name: false", "show_name: no")
    (project / "data/stray.yml").write_text("x: 1\n", encoding="utf-8")
    found = problems_for(project)
    assert [p.split(":")[0] for p in found] == ["data/areas.yml", "data/people.yml", "data/stray.yml"]


class TestYaml11Traps:
    """YAML 1.1 (PyYAML's own resolvers) would silently change these values. We read YAML 1.2 and say so plainly."""

    def test_no_is_the_word_no_not_false(self, project: Path) -> None:
        edit(project / "data/people.yml", "show_name: false", "show_name: no")
        assert problems_for(project) == ['data/people.yml:17:16: people[3].show_name: Write true or false here, not "no".']

    def test_no_stays_text_where_text_is_wanted(self, project: Path) -> None:
        edit(project / "data/areas.yml", "other_names: [NW Surrey]", "other_names: [no]")
        data = load_site_data(project / "data", project)
        assert data.areas[1].other_names == ["no"]

    def test_unquoted_clock_time_stays_a_time(self, project: Path) -> None:
        meeting = project / "data/meetings/2026-02-26-development-group.yml"
        edit(meeting, 'start: "14:00"', "start: 10:30")
        data = load_site_data(project / "data", project)
        assert data.meetings[0].start.isoformat() == "10:30:00"

    def test_unquoted_number_is_not_text(self, project: Path) -> None:
        edit(project / "data/site.yml", 'phone: "01632 960 123"', "phone: 01632960123")
        (found,) = problems_for(project)
        assert found == 'data/site.yml:11:10: contact.phone: This must be text. Put it in quote marks, like "1632960123".'
