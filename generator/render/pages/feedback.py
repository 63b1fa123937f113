"""The "You said, we did" page: every point from the forums, grouped by theme, with what was done."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from generator.compute import Computed, computed_for
from generator.compute.feedback import CLOSED, FeedbackView, by_theme
from generator.compute.projects import OPEN_FEEDBACK, projects_for_feedback
from generator.compute.say import backing
from generator.models.site import SiteData
from generator.render.jinja import render
from generator.render.page import Page


def pages(data: SiteData, today: date, computed: Computed | None = None) -> Iterator[Page]:
    done = computed_for(data, today, computed)
    views = done.feedback
    # Closed points from past years go on a page per year, so the page does not grow without end.
    before: dict[int, list[FeedbackView]] = {}
    for view in views:
        if view.status in CLOSED and view.item.raised.year < today.year:
            before.setdefault(view.item.raised.year, []).append(view)
    current = [v for v in views if not (v.status in CLOSED and v.item.raised.year < today.year)]
    yield Page(
        "feedback/index.md",
        render(
            "feedback/index.md.j2", groups=by_theme(current), views=current,
            response_days=data.feedback.response_days, today=today, past_years=sorted(before, reverse=True),
            answered_by=data.settings.answered_by,
            projects=projects_for_feedback(done.projects), words=data.say.backing if data.say else None,
            # "I want this too" on every point that is still open (with a Have your say file to word it).
            backing={
                v.item.id: backing(data, v.item.said, f"feedback/#{v.item.id}") for v in views if v.status in OPEN_FEEDBACK
            } if data.say else {},
        ),
    )
    for year, closed in before.items():
        yield Page(f"feedback/years/{year}.md", render("feedback/year.md.j2", year=year, groups=by_theme(closed)))
