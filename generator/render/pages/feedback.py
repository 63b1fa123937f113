"""The "You said, we did" page: every point from the forums, grouped by theme, with what was done."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from generator.compute import Computed, computed_for
from generator.compute.feedback import by_theme
from generator.models.site import SiteData
from generator.render.jinja import render
from generator.render.page import Page


def pages(data: SiteData, today: date, computed: Computed | None = None) -> Iterator[Page]:
    views = computed_for(data, today, computed).feedback
    yield Page(
        "feedback/index.md",
        render(
            "feedback/index.md.j2", groups=by_theme(views), views=views,
            response_days=data.feedback.response_days, today=today,
        ),
    )
