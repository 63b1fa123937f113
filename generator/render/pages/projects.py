"""Improvement projects: 1 page that groups them by stage, and 1 page for each project."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from generator.compute import Computed, computed_for
from generator.compute.feedback import feedback_page
from generator.compute.projects import by_stage
from generator.compute.say import backing
from generator.models.site import SiteData, needed
from generator.render.jinja import render
from generator.render.page import Page


def pages(data: SiteData, today: date, computed: Computed | None = None) -> Iterator[Page]:
    views = computed_for(data, today, computed).projects
    words = needed(data.say, "have-your-say.yml").backing
    yield Page("projects/index.md", render("projects/index.md.j2", groups=by_stage(data, views), views=views, words=words))
    for view in views:
        links = backing(data, view.project.title, f"projects/{view.project.id}/")
        yield Page(
            f"projects/{view.project.id}.md",
            render("projects/project.md.j2", view=view, links=links, words=words, today=today, feedback_page=feedback_page),
        )
