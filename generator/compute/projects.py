"""Improvement projects, worked out for a given day: the stage each is at, late milestones, and links both ways.

Pure: "today" is passed in. A stage or milestone dated after today is not shown as reached yet.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from generator.compute.feedback import FeedbackView, feedback_views
from generator.compute.meetings import MeetingView, meeting_views
from generator.compute.newsletters import Newsletter, newsletters
from generator.models.projects import Milestone, Project, StageChange, StageName
from generator.models.site import SiteData

# Points still open for people to back with "I want this too": no answer yet, or an answer that is not the end.
OPEN_FEEDBACK = frozenset({"waiting", "answered", "doing"})


@dataclass(frozen=True)
class MilestoneView:
    milestone: Milestone
    done: bool  # done on or before today
    late: bool  # not done and the due date has passed, or done after it
    days_late: int


@dataclass(frozen=True)
class ProjectView:
    project: Project
    stage: StageName  # where it is now
    reached: list[tuple[StageChange, StageName]]  # every stage reached by today, oldest first
    milestones: list[MilestoneView]
    feedback: list[FeedbackView]
    meetings: list[MeetingView]
    newsletters: list[Newsletter]  # newsletters of the rounds that raised its points

    @property
    def open(self) -> bool:
        return self.stage.stage != "we-did"

    @property
    def late(self) -> list[MilestoneView]:
        return [m for m in self.milestones if m.late and not m.done]

    @property
    def votes(self) -> int:
        return sum(v.item.votes for v in self.feedback)


def milestone_view(milestone: Milestone, today: date) -> MilestoneView:
    done = milestone.done_on is not None and milestone.done_on <= today
    finished = milestone.done_on if done and milestone.done_on else today
    days = max(0, (finished - milestone.due).days)
    return MilestoneView(milestone, done, days > 0, days)


def current_stage(project: Project, today: date) -> StageChange:
    """The latest stage that has begun by `today`; the first one if none has (a project is listed from its first stage)."""
    begun = [s for s in project.stages if s.date <= today]
    return max(begun, key=lambda s: s.date) if begun else project.stages[0]


def project_views(
    data: SiteData, today: date, feedback_list: list[FeedbackView] | None = None,
    meeting_list: list[MeetingView] | None = None, issues: list[Newsletter] | None = None,
) -> list[ProjectView]:
    """Each project as its pages show it. Pass the views when they were worked out already."""
    if data.projects is None:
        return []  # this programme keeps no projects file
    names = {s.stage: s for s in data.projects.stage_names}
    feedback = {v.item.id: v for v in (feedback_views(data, today) if feedback_list is None else feedback_list)}
    meetings = {v.meeting.id: v for v in (meeting_views(data, today) if meeting_list is None else meeting_list)}
    issues = newsletters(data, today) if issues is None else issues
    views = []
    for project in data.projects.projects:
        points = [feedback[i] for i in project.feedback if i in feedback]
        rounds = {v.item.round for v in points}
        now = current_stage(project, today)
        views.append(ProjectView(
            project=project,
            stage=names[now.stage],
            reached=[(s, names[s.stage]) for s in project.stages if s.date <= today or s is now],
            milestones=[milestone_view(m, today) for m in sorted(project.milestones, key=lambda m: m.due)],
            feedback=points,
            meetings=[meetings[i] for i in project.meetings if i in meetings],
            newsletters=sorted((n for n in issues if n.round.number in rounds), key=lambda n: n.month),
        ))
    return views


def by_stage(data: SiteData, views: Sequence[ProjectView]) -> list[tuple[StageName, list[ProjectView]]]:
    """Stages in the order of `stage_names`, each with its projects; stages with none are kept, so the page can say so."""
    names = data.projects.stage_names if data.projects else []
    return [(name, [v for v in views if v.stage.stage == name.stage]) for name in names]


def projects_for_feedback(views: Sequence[ProjectView]) -> dict[str, list[ProjectView]]:
    """Feedback item id → the projects that answer it."""
    found: dict[str, list[ProjectView]] = {}
    for view in views:
        for point in view.feedback:
            found.setdefault(point.item.id, []).append(view)
    return found


def stage_changes(views: Sequence[ProjectView]) -> list[tuple[ProjectView, StageChange, StageName]]:
    """Every stage each project reached by today, for the news feed."""
    return [(view, change, name) for view in views for change, name in view.reached]
