"""You said, we did: due dates from the agreed response time, late answers, grouping; and the newsletters."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from conftest import TODAY, edit, problems_for

from generator.compute.feedback import FeedbackView, feedback_page, feedback_views
from generator.compute.newsletters import newsletters
from generator.compute.schedule import forum_occurrences
from generator.models.site import SiteData
from generator.outputs.api import api_documents
from generator.pipeline import load_site_data
from generator.render.pages import feedback as feedback_pages
from generator.render.pages import newsletters as newsletter_pages

DAY = date.fromisoformat(TODAY)


@pytest.fixture
def data(example_data: SiteData) -> SiteData:
    """The example data, loaded once and shared: a test that changes data loads its own from `project`."""
    return example_data


def views_by_id(data: SiteData, today: date = DAY) -> dict[str, object]:
    return {v.item.id: v for v in feedback_views(data, today)}


class TestLateness:
    def test_unanswered_after_the_response_time_is_late(self, data: SiteData) -> None:
        view = views_by_id(data)["crisis-line-night"]
        assert view.status == "waiting"  # type: ignore[attr-defined]
        assert view.due == date(2026, 8, 20)  # 9 July + 42 days  # type: ignore[attr-defined]
        assert view.late and view.days_late == (DAY - date(2026, 8, 20)).days  # type: ignore[attr-defined]

    def test_unanswered_within_the_response_time_is_not_late(self, data: SiteData) -> None:
        view = views_by_id(data)["hearing-loop"]
        assert (view.status, view.late, view.due) == ("waiting", False, date(2026, 11, 24))  # type: ignore[attr-defined]

    def test_answer_after_the_due_date_stays_flagged(self, data: SiteData) -> None:
        view = views_by_id(data)["easy-read-papers"]
        assert (view.status, view.late, view.days_late) == ("done", True, 8)  # type: ignore[attr-defined]

    def test_response_time_is_a_setting(self, project: Path) -> None:
        edit(project / "data/feedback.yml", "response_days: 42", "response_days: 60")
        data = load_site_data(project / "data", project)
        views = views_by_id(data)
        assert not views["easy-read-papers"].late  # type: ignore[attr-defined]
        assert views["crisis-line-night"].due == date(2026, 9, 7)  # type: ignore[attr-defined]

    def test_an_answer_dated_after_today_is_not_shown_yet(self, data: SiteData) -> None:
        view = views_by_id(data, date(2026, 11, 1))["carers-drop-in"]
        assert view.status == "waiting"  # type: ignore[attr-defined]


class TestOrderAndPlace:
    def test_most_votes_first_within_each_theme(self, data: SiteData) -> None:
        views = feedback_views(data, DAY)
        for theme in data.feedback.themes:
            votes = [v.item.votes for v in views if v.theme.id == theme.id]
            assert votes == sorted(votes, reverse=True), theme.id
        assert len({v.item.votes for v in views}) > 1  # the example has points with different votes to order

    def test_forum_name_is_the_forums_own_name(self, data: SiteData) -> None:
        names = {f.id: f.name for f in data.forums}
        for view in feedback_views(data, DAY):
            assert view.forum_name == names[view.item.forum]

    def test_only_closed_points_from_past_years_move_to_a_year_page(self, data: SiteData) -> None:
        view = views_by_id(data)["easy-read-papers"]  # done, raised in 2026
        assert isinstance(view, FeedbackView) and view.status == "done"
        assert feedback_page(view, date(2026, 12, 31)) == "feedback/index.md"
        assert feedback_page(view, date(2027, 1, 1)) == "feedback/years/2026.md"
        waiting = replace(view, status="waiting")
        assert feedback_page(waiting, date(2030, 1, 1)) == "feedback/index.md"
        cannot = replace(view, status="cannot")
        assert feedback_page(cannot, date(2027, 1, 1)) == "feedback/years/2026.md"


class TestPage:
    def test_grouped_by_theme_in_the_data_order(self, data: SiteData) -> None:
        (page,) = feedback_pages.pages(data, DAY)
        headings = [line[3:] for line in page.markdown.splitlines() if line.startswith("## ")]
        assert headings[:5] == [t.name for t in data.feedback.themes]

    def test_status_in_easy_words_and_late_flags(self, data: SiteData) -> None:
        (page,) = feedback_pages.pages(data, DAY)
        night = page.markdown.split("### You said: The crisis line is hard to reach at night", 1)[1].split("###", 1)[0]
        assert "- Where it is now: We have not answered yet." in night
        assert "- **Late:** the answer was due on Thursday 20 August 2026." in night
        papers = page.markdown.split("### You said: Forum papers are hard to read", 1)[1].split("###", 1)[0]
        assert "- **Late:** we answered 8 days after the due date." in papers
        assert "- Where it is now: We have done this." in papers


class TestMistakes:
    def test_unknown_theme(self, project: Path) -> None:
        edit(project / "data/feedback.yml", "theme: carers\n", "theme: carer\n")
        assert problems_for(project) == [
            'data/feedback.yml:77:12: items[5].theme: There is no theme with the id "carer". '
            "Use one of: carers, crisis, easy-read, getting-there, waiting-times. Or add it under themes."
        ]

    def test_raised_date_must_be_in_its_round(self, project: Path) -> None:
        edit(project / "data/feedback.yml", "raised: 2026-04-01", "raised: 2026-05-01")
        assert problems_for(project) == [
            "data/feedback.yml:65:13: items[4].raised: The forums of round 2 met in April 2026, "
            "but this date is 2026-05-01. Check the round or the date."
        ]


def test_feedback_json(data: SiteData) -> None:
    document = api_documents(data, DAY)["api/feedback.json"]
    assert document["response_days"] == 42
    items = {i["id"]: i for i in document["items"]}
    assert len(items) == len(data.feedback.items)
    assert items["crisis-line-night"]["late"] is True and items["crisis-line-night"]["status"] == "waiting"
    assert items["wait-first-appointment"]["theme_name"] == "Waiting times"


class TestNewsletters:
    def test_one_per_round_once_its_third_month_begins(self, data: SiteData) -> None:
        assert [n.slug for n in newsletters(data, DAY)] == ["2026-09", "2026-06", "2026-03"]
        assert next(n.slug for n in newsletters(data, date(2026, 12, 1))) == "2026-12"
        assert newsletters(data, date(2026, 2, 28)) == []

    def test_answers_are_those_since_the_last_newsletter(self, data: SiteData) -> None:
        june = next(n for n in newsletters(data, DAY) if n.slug == "2026-06")
        assert {v.item.id for v in june.answers} == {
            v.item.id for v in feedback_views(data, DAY)
            if v.item.response and date(2026, 3, 1) <= v.item.response.date < date(2026, 6, 1)
        }
        assert "travel-money-slow" in {v.item.id for v in june.answers}

    def test_themes_come_from_the_rounds_own_forums(self, data: SiteData) -> None:
        september = next(n for n in newsletters(data, DAY) if n.slug == "2026-09")
        assert {t.id for t, _ in september.raised} == {i.theme for i in data.feedback.items if i.round == 3}

    def test_next_two_rounds_come_from_the_schedule(self, data: SiteData) -> None:
        march = next(n for n in newsletters(data, DAY) if n.slug == "2026-03")
        assert [r.number for r, _ in march.next_rounds] == [2, 3]
        expected = [o for o in forum_occurrences(data, date(2026, 4, 1), date(2026, 10, 1)) if o.round in (2, 3)]
        assert [o for _, occ in march.next_rounds for o in occ] == expected
        assert all(len(occ) == len(data.forums) for _, occ in march.next_rounds)

    def test_page_lists_dates_and_formats(self, data: SiteData) -> None:
        pages = {p.path: p.markdown for p in newsletter_pages.pages(data, DAY)}
        assert set(pages) == {"newsletters/index.md", "newsletters/2026-03.md", "newsletters/2026-06.md", "newsletters/2026-09.md"}
        march = pages["newsletters/2026-03.md"]
        assert "### Round 2: April 2026" in march and "### Round 3: July 2026" in march
        assert "| Surrey-wide evening forum | Thursday 9 April 2026 | 6:30pm | Online |" in march
