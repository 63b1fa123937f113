"""Meetings: the example data, editors' mistakes with exact messages, warnings, and what the pages say."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from conftest import TODAY, edit, mkdocs_build, problems_for, run_generator

from generator.compute.governance import count_quorum, is_late
from generator.compute.meetings import human_size
from generator.compute.newsletters import newsletters
from generator.models.site import SiteData
from generator.outputs.api import api_documents
from generator.pipeline import load_site_data
from generator.render.pages.meetings import pages

DAY = date.fromisoformat(TODAY)
DG = "data/meetings/2026-02-26-development-group.yml"
DG_MAY = "data/meetings/2026-05-28-development-group.yml"
DG_AUG = "data/meetings/2026-08-27-development-group.yml"


@pytest.fixture
def data(example_data: SiteData) -> SiteData:
    """The example data, loaded once and shared: a test that changes data loads its own from `project`."""
    return example_data


def page(data: SiteData, path: str) -> str:
    return next(p.markdown for p in pages(data, DAY) if p.path == path)


class TestExampleData:
    def test_meets_the_done_when_list(self, data: SiteData) -> None:
        bodies = {b.id: b for b in data.bodies}
        assert len(data.meetings) >= 4 and len({m.body for m in data.meetings}) >= 2
        held = [m for m in data.meetings if m.attended]
        assert any(not count_quorum(bodies[m.body], m.attended).quorate for m in held)
        private = {p.id for p in data.people if not p.show_name}
        assert any(seat.person in private for b in data.bodies for seat in b.members)
        actions = [a for m in data.meetings for a in m.actions]
        assert any(is_late(a, DAY) for a in actions) and any(a.status == "done" for a in actions)
        assert len(data.feedback.items) >= 10 and len({i.theme for i in data.feedback.items}) >= 3
        assert len(newsletters(data, DAY)) >= 2


class TestMistakes:
    def test_chair_must_have_come(self, project: Path) -> None:
        edit(project / DG, "chair: amira-khan", "chair: lucy-hart")
        assert problems_for(project) == [
            f'{DG}:9:8: chair: The chair "lucy-hart" must also be in the list of people who came.'
        ]

    def test_attended_names_a_member_of_that_group(self, project: Path) -> None:
        edit(project / DG, "ruth-evans, mark-bell]", "ruth-evans, mark-bel]")
        assert problems_for(project) == [
            f'{DG}:10:91: attended[8]: "mark-bel" is not a member of the Trust Communities Development Group. '
            "Use one of: adviser-1, adviser-2, amira-khan, david-owen, helen-cho, lucy-hart, mark-bell, priya-shah, "
            "ruth-evans, tom-reid. Or add them to its members in data/bodies.yml."
        ]

    def test_nobody_both_came_and_sent_apologies(self, project: Path) -> None:
        edit(project / DG, "apologies: [david-owen]", "apologies: [david-owen, tom-reid]")
        assert problems_for(project) == [
            f'{DG}:11:25: apologies[2]: "tom-reid" is listed as came and as sent apologies. Keep only one.'
        ]

    def test_done_action_needs_its_date(self, project: Path) -> None:
        edit(project / DG_MAY, "    status: done\n    done_on: 2026-07-08\n", "    status: done\n")
        assert problems_for(project) == [
            f"{DG_MAY}:34:5: actions[2]: An action that is done needs done_on: the date it was finished."
        ]

    def test_paper_file_must_exist(self, project: Path) -> None:
        edit(project / DG_MAY, "agenda.pdf", "agenda-v2.pdf")
        assert problems_for(project) == [
            f"{DG_MAY}:56:11: papers[1].file: There is no file content/papers/2026-05-28-development-group/agenda-v2.pdf. "
            "Put the paper there, or check the name."
        ]

    def test_file_name_and_date_agree(self, project: Path) -> None:
        edit(project / DG_MAY, "date: 2026-05-28", "date: 2026-05-29")
        assert problems_for(project) == [
            f"{DG_MAY}:3:7: date: The file name says one date, but this says 2026-05-29. "
            "Name the file 2026-05-29-development-group.yml."
        ]

    def test_agenda_paper_names_one_of_the_papers(self, project: Path) -> None:
        edit(project / DG, "paper: Forum points from January", "paper: Forum points")
        assert problems_for(project) == [
            f'{DG}:17:12: agenda[2].paper: There is no paper called "Forum points" in this meeting\'s papers. '
            "Use one of: Agenda, Forum points from January."
        ]

    def test_member_role_is_one_of_four(self, project: Path) -> None:
        edit(project / "data/bodies.yml", "        role: guest\n", "        role: visitor\n")
        assert problems_for(project) == [
            "data/bodies.yml:79:15: bodies[1].members[10].role: Enter one of these: 'organisation-representative', "
            "'expert-by-experience-adviser', 'carer-adviser' or 'guest' (you wrote 'visitor')."
        ]

    def test_member_sector_belongs_to_the_group(self, project: Path) -> None:
        edit(project / "data/bodies.yml", "        sector: council\n", "        sector: councel\n")
        assert problems_for(project) == [
            'data/bodies.yml:59:17: bodies[1].members[5].sector: This group has no sector "councel". '
            "Use one of: council, lived-experience, trust, voluntary. Or add it under sectors."
        ]


class TestWarnings:
    """Warnings are printed by `check` and `build` but never stop them."""

    def test_inquorate_meeting_with_decisions_is_a_warning(self, project: Path) -> None:
        edit(project / DG_AUG, "actions:\n", "decisions:\n  - We will open a crisis cafe.\nactions:\n")
        result = run_generator(project, "check")
        assert result.returncode == 0, result.stderr
        assert (
            f"Warning (the build goes on): {DG_AUG}:28:3: decisions: This meeting was not quorate "
            "(3 organisation representatives, 2 experts by experience) but records decisions. "
            "The group should confirm them at its next quorate meeting."
        ) in result.stderr.splitlines()

    def test_inquorate_decisions_are_flagged_on_the_page(self, project: Path) -> None:
        edit(project / DG_AUG, "actions:\n", "decisions:\n  - We will open a crisis cafe.\nactions:\n")
        data = load_site_data(project / "data", project)
        text = page(data, "meetings/2026-08-27-development-group.md")
        assert '!!! warning "These decisions need to be agreed again"' in text
        assert "- We will open a crisis cafe." in text

    def test_chair_out_of_turn_is_a_warning(self, project: Path) -> None:
        # In May it was the turn of charities and community groups; make the Trust chair instead.
        edit(project / DG_MAY, "chair: tom-reid", "chair: helen-cho")
        result = run_generator(project, "check")
        assert result.returncode == 0, result.stderr
        assert (
            f"Warning (the build goes on): {DG_MAY}:8:8: chair: It was the turn of charities and community groups to chair, "
            "but the chair was from the NHS Trust. Check the chair, or say why in the minutes."
        ) in result.stderr.splitlines()

    def test_warning_does_not_fail_the_strict_build(self, project: Path) -> None:
        edit(project / DG_AUG, "actions:\n", "decisions:\n  - We will open a crisis cafe.\nactions:\n")
        site = mkdocs_build(project)  # strict: a warning logged as a warning would stop it
        html = (site / "meetings/2026-08-27-development-group/index.html").read_text(encoding="utf-8")
        assert "These decisions need to be agreed again" in html

    def test_example_data_has_no_warnings(self, project: Path) -> None:
        result = run_generator(project, "check")
        assert result.returncode == 0 and "Warning" not in result.stderr


class TestPages:
    def test_quorum_counts_on_the_page(self, data: SiteData) -> None:
        text = page(data, "meetings/2026-08-27-development-group.md")
        assert "- Organisation representatives: 3 came. At least 4 must come." in text
        assert "- Experts by experience and carer advisers: 2 came. At least 4 must come." in text
        assert "So the meeting was not quorate. It could not decide things." in text

    def test_two_seats_one_person_is_explained(self, data: SiteData) -> None:
        text = page(data, "meetings/2026-06-11-co-production-board.md")
        assert "- 1 person came in 2 roles. Each person counts once." in text
        assert "So the meeting was quorate." in text

    def test_forward_agenda_names_whose_turn_it_is(self, data: SiteData) -> None:
        text = page(data, "meetings/2026-11-26-development-group.md")
        assert "This meeting is coming up." in text
        assert "It is the turn of experts by experience and carers to chair this meeting." in text
        assert "## Minutes" not in text
        board = page(data, "meetings/2026-12-10-co-production-board.md")
        assert "It is the turn of the NHS Trust to chair this meeting." in board

    def test_papers_show_format_and_size(self, data: SiteData) -> None:
        assert data.root is not None
        size = (data.root / "content/papers/2026-02-26-development-group/agenda.pdf").stat().st_size
        text = page(data, "meetings/2026-02-26-development-group.md")
        assert f"- [Agenda (document to print, {human_size(size)})](../papers/2026-02-26-development-group/agenda.pdf)" in text
        assert "(plain text, 1 kilobyte)" in text

    def test_action_tracker_puts_late_actions_first(self, data: SiteData) -> None:
        text = page(data, "meetings/actions.md")
        late, rest = text.split("## Late actions", 1)[1].split("## Actions not done yet", 1)
        assert "Make the travel claim form easy to read." in late
        assert "Write the forum papers in easy read." not in late
        assert "Write the forum papers in easy read." in rest.split("## Done", 1)[1]

    def test_a_later_today_makes_more_actions_late(self, data: SiteData) -> None:
        early = page(data, "meetings/actions.md")
        later = next(p.markdown for p in pages(data, date(2026, 12, 1)) if p.path == "meetings/actions.md")
        plan = "Write a plan to pay experts by experience for their time."
        assert plan not in early.split("## Actions not done yet")[0]
        assert plan in later.split("## Actions not done yet")[0]

    def test_private_member_shows_as_role(self, data: SiteData) -> None:
        text = page(data, "meetings/development-group.md")
        assert "| Expert by experience adviser | Expert by experience adviser |" in text
        assert "Jo Bright" not in text


def test_meetings_json_shape(data: SiteData) -> None:
    document = api_documents(data, DAY)["api/meetings.json"]
    json.dumps(document)
    by_id = {m["id"]: m for m in document["meetings"]}
    august = by_id["2026-08-27-development-group"]
    assert august["body"] == "development-group" and august["date"] == "2026-08-27"
    assert august["quorate"] is False
    assert august["chair"] == "Priya Shah, Social care lead at the council"
    assert [a["late"] for a in august["actions"]] == [False, True]
    assert by_id["2026-02-26-development-group"]["quorate"] is True
    assert by_id["2026-11-26-development-group"]["quorate"] is None
    assert by_id["2026-11-26-development-group"]["kind"] == "agenda"


def test_coming_meetings_block_for_content_pages(data: SiteData) -> None:
    from generator.render.blocks import fill_blocks

    text = fill_blocks("<!-- generated: coming-meetings -->\n", data, DAY, "index.md")
    assert text.splitlines() == [
        "- [Development Group: Thursday 26 November 2026](meetings/2026-11-26-development-group.md). Read the agenda.",
        "- [Board: Thursday 10 December 2026](meetings/2026-12-10-co-production-board.md). Read the agenda.",
        "- [Our latest newsletter, for September 2026](newsletters/2026-09.md)",
    ]
