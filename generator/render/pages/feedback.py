"""The "You said, we did" page: every point from the forums, grouped by theme, with what was done."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from generator.compute.feedback import by_theme, feedback_views
from generator.compute.projects import OPEN_FEEDBACK, project_views, projects_for_feedback
from generator.compute.say import backing
from generator.models.site import SiteData
from generator.render.jinja import render
from generator.render.page import Page


def pages(data: SiteData, today: date) -> Iterator[Page]:
    views = feedback_views(data, today)
    yield Page(
        "feedback/index.md",
        render(
            "feedback/index.md.j2", groups=by_theme(views), views=views,
            response_days=data.feedback.response_days, today=today,
            projects=projects_for_feedback(project_views(data, today)), words=data.say.backing,
            # "I want this too" on every point that is still open.
            backing={
                v.item.id: backing(data, v.item.said, f"feedback/#{v.item.id}") for v in views if v.status in OPEN_FEEDBACK
            },
        ),
    )
