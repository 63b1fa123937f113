"""Everything worked out from the data, once per build, and handed to every page, block and output.

`compute(data, today)` runs each calculation once: the forum occurrences, the meeting, forum and feedback
views, the newsletters and the lookups by id. Page makers, blocks and outputs take the result instead of
working it out again (each still accepts `computed=None` and works it out itself, for tests and tools).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.compute.feedback import FeedbackView, feedback_views
from generator.compute.forums import ForumView, forum_views
from generator.compute.meetings import Directory, MeetingView, meeting_views
from generator.compute.newsletters import Newsletter, newsletters
from generator.compute.projects import ProjectView, project_views
from generator.compute.schedule import Occurrence, Round, current_and_next_rounds, site_occurrences, site_rounds
from generator.models.site import SiteData


@dataclass(frozen=True)
class Computed:
    """The facts every consumer shares. Pure: made from the data and `today` only."""

    data: SiteData
    today: date
    occurrences: list[Occurrence]  # past rounds and the next 4, in date order
    rounds: list[Round]
    upcoming_rounds: list[Round]
    forums: list[ForumView]
    meetings: list[MeetingView]  # newest first
    feedback: list[FeedbackView]
    newsletters: list[Newsletter]  # newest first
    directory: Directory
    projects: list[ProjectView]


def compute(data: SiteData, today: date) -> Computed:
    occurrences = site_occurrences(data, today)
    meetings = meeting_views(data, today)
    feedback = feedback_views(data, today)
    issues = newsletters(data, today, feedback, meetings)
    return Computed(
        data=data,
        today=today,
        occurrences=occurrences,
        rounds=site_rounds(data, today),
        upcoming_rounds=current_and_next_rounds(data, today),
        forums=forum_views(data, today, occurrences),
        meetings=meetings,
        feedback=feedback,
        newsletters=issues,
        directory=Directory(data),
        projects=project_views(data, today, feedback, meetings, issues),
    )


def computed_for(data: SiteData, today: date, computed: Computed | None) -> Computed:
    """`computed` when it was made for this data and day, else a fresh one."""
    if computed is not None and computed.data is data and computed.today == today:
        return computed
    return compute(data, today)
