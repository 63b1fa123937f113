"""Improvement projects, Have your say and the pages around them (issue 15): stages, late steps, links both ways,
open data, the feed, mailto/sms addresses, travel money, the accessibility statement and meeting Event data."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import TODAY, edit, problems_for

from generator.compute.projects import by_stage, project_views, projects_for_feedback
from generator.compute.say import mailto_url, sms_number, sms_url
from generator.models.site import SiteData
from generator.outputs.api import api_documents
from generator.outputs.feeds import atom_feed
from generator.pipeline import load_site_data
from generator.render.pages import feedback as feedback_pages
from generator.render.pages import forums as forum_pages
from generator.render.pages import meetings as meeting_pages
from generator.render.pages import projects as project_pages
from generator.render.say_blocks import accessibility_status, feedback_form

DAY = date.fromisoformat(TODAY)


@pytest.fixture
def data(example_data: SiteData) -> SiteData:
    """The example data, loaded once and shared: a test that changes data loads its own from `project`."""
    return example_data


def test_example_projects_cover_at_least_3_stages(data: SiteData) -> None:
    views = project_views(data, DAY)
    assert len(views) >= 3
    assert len({v.stage.stage for v in views}) >= 3
    groups = by_stage(data, views)
    assert [name.stage for name, _ in groups] == ["you-said", "we-are-doing", "we-said-we-are-doing", "we-did"]


def test_stage_is_the_latest_begun_by_today(data: SiteData) -> None:
    def stage(today: date) -> str:
        return next(v for v in project_views(data, today) if v.project.id == "faster-travel-money").stage.stage

    assert stage(date(2026, 5, 27)) == "you-said"
    assert stage(date(2026, 5, 28)) == "we-are-doing"
    assert stage(date(2026, 9, 1)) == "we-did"


def test_late_milestones_are_flagged_like_late_actions(data: SiteData) -> None:
    view = next(v for v in project_views(data, DAY) if v.project.id == "shorter-waits")
    late = {m.milestone.what: (m.done, m.late, m.days_late) for m in view.milestones}
    assert late["Have 6 new staff in post."] == (True, True, 14)  # done 14 August, due 31 July
    assert late["See most people within 4 weeks of being sent to us."] == (False, True, (DAY - date(2026, 10, 31)).days)
    assert late["Send a letter each month to everyone who is waiting."] == (True, False, 0)
    page = next(p for p in project_pages.pages(data, DAY) if p.path == "projects/shorter-waits.md").markdown
    assert "**Late:** it is not done yet." in page
    assert "This was 14 days late." in page


def test_projects_and_feedback_link_both_ways(data: SiteData) -> None:
    views = project_views(data, DAY)
    assert [v.project.id for v in projects_for_feedback(views)["wait-therapy"]] == ["shorter-waits"]
    page = next(p for p in feedback_pages.pages(data, DAY)).markdown
    assert "### You said: The wait for talking therapy is too long { #wait-therapy }" in page
    assert "- Project: [Shorter waits for a first appointment](../projects/shorter-waits.md)" in page
    project = next(p for p in project_pages.pages(data, DAY) if p.path == "projects/shorter-waits.md").markdown
    assert "(../feedback/index.md#wait-therapy)" in project
    assert "(../meetings/2026-08-27-development-group.md)" in project
    assert "(../newsletters/2026-03.md)" in project


def test_i_want_this_too_only_where_work_is_open(data: SiteData) -> None:
    pages = {p.path: p.markdown for p in project_pages.pages(data, DAY)}
    assert "I want this too" in pages["projects/shorter-waits.md"]
    assert "I want this too" not in pages["projects/faster-travel-money.md"]  # done: nothing left to back
    feedback = next(p for p in feedback_pages.pages(data, DAY)).markdown
    done_point = feedback.split("{ #easy-read-letters }")[1].split("###")[0]
    assert "mailto:" not in done_point
    waiting_point = feedback.split("{ #hearing-loop }")[1].split("###")[0]
    assert "mailto:coproduction@example.org?subject=I%20want%20this%20too" in waiting_point


def test_projects_open_data(data: SiteData) -> None:
    document = api_documents(data, DAY)["api/projects.json"]
    by_id = {p["id"]: p for p in document["projects"]}
    shorter = by_id["shorter-waits"]
    assert {"id", "title", "stage", "milestones", "challenges", "feedback"} <= set(shorter)
    assert shorter["stage"] == "we-are-doing"
    assert shorter["feedback"] == ["wait-first-appointment", "waiting-updates", "wait-therapy"]
    assert shorter["milestones"][-1] == {
        "what": "See most people within 4 weeks of being sent to us.", "due": "2026-10-31", "done_on": None, "late": True,
    }
    json.dumps(document)


def test_newsletters_open_data(data: SiteData) -> None:
    issues = api_documents(data, DAY)["api/newsletters.json"]["newsletters"]
    assert [i["round"] for i in issues] == sorted((i["round"] for i in issues), reverse=True)
    first = issues[-1]
    assert (first["id"], first["round"], first["date"]) == ("2026-03", 1, "2026-03-01")
    assert [r["round"] for r in first["announces"]] == [2, 3]
    assert all(len(r["forums"]) == 6 for r in first["announces"])


def test_feed_has_an_entry_for_each_stage_change(data: SiteData) -> None:
    feed = atom_feed(data, DAY)
    assert "Getting travel money back sooner: You said, we did" in feed
    assert feed.count("project/faster-travel-money/") == 3
    # A stage dated after today is not news yet.
    assert "project/faster-travel-money/we-did" not in atom_feed(data, date(2026, 8, 1))


def test_mailto_and_sms_addresses_are_percent_encoded() -> None:
    url = mailto_url("a@example.org", "Hi & bye", "Line 1\nLine 2?")
    assert url == "mailto:a@example.org?subject=Hi%20%26%20bye&body=Line%201%0D%0ALine%202%3F"
    assert sms_number("07700 900 123") == "07700900123"
    assert sms_number("+44 7700 900123") == "+447700900123"
    assert unquote(sms_url("07700 900 123", "a=b&c").split("body=")[1]) == "a=b&c"


def test_form_escapes_data_and_needs_no_server(project: Path) -> None:
    edit(project / "data/have-your-say.yml", "label: Help for carers", 'label: "Carers <script>alert(1)</script>"')
    html = feedback_form(load_site_data(project / "data", project), DAY, "../")
    assert "<script>" not in html and "Carers &lt;script&gt;" in html
    assert 'action="mailto:coproduction@example.org?subject=Have%20your%20say"' in html
    assert 'method="post" enctype="text/plain"' in html
    assert "http" not in html  # nothing on the form points at another host


def test_travel_money_on_in_person_forum_pages_only(data: SiteData) -> None:
    pages = {p.path: p.markdown for p in forum_pages.pages(data, DAY)}
    assert "## Getting your travel money back" in pages["forums/east-surrey.md"]
    assert "You get the money within 14 days." in pages["forums/east-surrey.md"]
    assert "travel money" not in pages["forums/surrey-wide-evening.md"]


def test_accessibility_statement_uses_the_gate_report_when_there(project: Path) -> None:
    data = load_site_data(project / "data", project)  # its own copy: the test writes the gate's report beside it
    without = accessibility_status(data, DAY, "")
    assert "**partially compliant**" in without
    assert "Friday 20 November 2026" in without and "every page" in without
    report = project / "reports/a11y/summary.json"
    report.parent.mkdir(parents=True)
    report.write_text(json.dumps({"pages": 187, "errors": 0, "passed": True}), encoding="utf-8")
    with_report = accessibility_status(data, DAY, "")
    assert "opened 187 pages" in with_report and "Every page passed." in with_report


def test_meeting_pages_carry_schema_org_events(data: SiteData) -> None:
    page = next(p for p in meeting_pages.pages(data, DAY) if p.path == "meetings/2026-11-26-development-group.md")
    script = page.markdown.split('<script type="application/ld+json">')[1].split("</script>")[0]
    event = json.loads(script)["@graph"][0]
    assert event["@type"] == "Event"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["eventAttendanceMode"].startswith("https://schema.org/")
    assert event["startDate"].startswith("2026-11-26T")


class TestMistakes:
    def test_unknown_feedback_id(self, project: Path) -> None:
        line = edit(project / "data/projects.yml", "feedback: [travel-money-slow, bus-to-venue]", "feedback: [travel-money-slow, bus-to-venu]")
        [problem] = problems_for(project)
        assert problem.startswith(f"data/projects.yml:{line}:")
        assert "projects[1].feedback[2]" in problem
        assert 'There is no feedback point with the id "bus-to-venu"' in problem and "data/feedback.yml" in problem

    def test_unknown_meeting_id(self, project: Path) -> None:
        edit(project / "data/projects.yml", "meetings: [2026-05-28-development-group]", "meetings: [2026-05-29-development-group]")
        [problem] = problems_for(project)
        assert "projects[1].meetings[1]" in problem and "There is no meeting" in problem

    def test_unknown_stage(self, project: Path) -> None:
        line = edit(project / "data/projects.yml", "      - stage: we-did\n        date: 2026-09-01", "      - stage: done\n        date: 2026-09-01")
        [problem] = problems_for(project)
        assert problem.startswith(f"data/projects.yml:{line}:")
        assert "projects[1].stages[3].stage" in problem

    def test_stages_out_of_order(self, project: Path) -> None:
        edit(project / "data/projects.yml", "        date: 2026-09-01", "        date: 2026-05-01")
        [problem] = problems_for(project)
        assert "projects[1].stages[3].date" in problem and "oldest first" in problem

    def test_a_stage_without_words(self, project: Path) -> None:
        edit(project / "data/projects.yml", "  - stage: we-did\n    name: You said, we did\n    meaning: The work is done.\n", "")
        [problem] = problems_for(project)
        assert "stage_names" in problem and "we-did" in problem

    def test_evaluation_result_for_an_unknown_step(self, project: Path) -> None:
        edit(project / "data/evaluation.yml", "  - step: baseline", "  - step: base-line")
        [problem] = problems_for(project)
        assert problem.startswith("data/evaluation.yml:") and 'no step with the id "base-line"' in problem

    def test_missing_travel_file_leaves_travel_money_out(self, project: Path) -> None:
        # A programme that pays no travel keeps no travel.yml: its forum pages just say nothing about it.
        (project / "data/travel.yml").unlink()
        data = load_site_data(project / "data", project)
        page = {p.path: p.markdown for p in forum_pages.pages(data, DAY)}["forums/east-surrey.md"]
        assert "travel money" not in page.lower()

    def test_projects_without_have_your_say_file(self, project: Path) -> None:
        (project / "data/have-your-say.yml").unlink()
        assert problems_for(project) == [
            "data/have-your-say.yml:1:1: (file): The project pages need this file. "
            "Create it (see the Surrey example), or delete data/projects.yml."
        ]


def test_online_forums_say_how_to_tell_us_you_are_coming(data: SiteData) -> None:
    pages = {p.path: p.markdown for p in forum_pages.pages(data, DAY)}
    page = pages["forums/surrey-wide-evening.md"]
    link = page.split("[Tell us by email that you are coming](")[1].split(")")[0]
    assert link.startswith("mailto:coproduction@example.org?subject=I%20am%20coming%20to%20the%20online%20forum%3A%20")
    assert "(sms:07700900123?body=I%20am%20coming" in page
