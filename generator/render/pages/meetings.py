"""Pages for the groups that meet in public: each group, each meeting, and one list of actions."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from generator.compute import Computed, computed_for
from generator.compute.meetings import all_actions, shown_name
from generator.models.site import SiteData
from generator.outputs.feeds import FEED_PATH
from generator.render.jinja import render
from generator.render.page import Page

__all__ = ["pages", "shown_name"]

# Where the Atom feed of minutes, agendas and newsletters is written (see generator/feeds.py).


def cap(text: str) -> str:
    """Capital first letter only: "the NHS Trust" → "The NHS Trust" (str.capitalize would give "The nhs trust")."""
    return text[:1].upper() + text[1:]


def pages(data: SiteData, today: date, computed: Computed | None = None) -> Iterator[Page]:
    done = computed_for(data, today, computed)
    views = done.meetings
    directory = done.directory
    coming = sorted((v for v in views if not v.held), key=lambda v: v.meeting.date)
    yield Page(
        "meetings/index.md",
        render("meetings/index.md.j2", bodies=data.bodies, views=views, coming=coming, feed=FEED_PATH, today=today),
    )
    for body in data.bodies:
        yield Page(
            f"meetings/{body.id}.md",
            render(
                "meetings/body.md.j2", body=body, seats=directory.seats(body),
                views=[v for v in views if v.body.id == body.id], feed=FEED_PATH, cap=cap,
            ),
        )
    for view in views:
        yield Page(f"meetings/{view.meeting.id}.md", render("meetings/meeting.md.j2", view=view, feed=FEED_PATH, today=today, cap=cap))
    yield Page("meetings/actions.md", render("meetings/actions.md.j2", actions=all_actions(views), today=today))
