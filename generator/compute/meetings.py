"""Meetings as the public sees them: names hidden where asked, quorum and chair worked out.

Pages, open data and the feed all read these views, so a private name cannot slip into one
of them by a different route. Pure: "today" is passed in; the only file access is the size of
each paper, read through `paper_size`.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

from generator.compute.governance import ChairTurn, QuorumCount, chair_for_coming, chair_turns, count_quorum, finished_late, is_late
from generator.models.meetings import CONTENT_DIR, PAPER_FORMATS, ROLE_LABELS, Action, Body, Meeting, Member, Person, Sector
from generator.models.site import SiteData


def shown_name(person: Person) -> str:
    """A person's name only if they said yes to it being public; otherwise their role."""
    return f"{person.name}, {person.role}" if person.show_name else person.role


@dataclass(frozen=True)
class SeatView:
    id: str
    shown: str
    role: str
    sector: str
    organisation: str | None
    private: bool  # the person has not said yes to their name being shown


@dataclass(frozen=True)
class ActionView:
    meeting: Meeting
    body: Body
    who: str
    what: str
    due: date
    status: str  # open or done
    done_on: date | None
    late: bool
    finished_late: bool


@dataclass(frozen=True)
class PaperView:
    title: str
    file: str  # inside content/, as the editor wrote it
    format: str
    size: str
    size_bytes: int


@dataclass(frozen=True)
class MeetingView:
    meeting: Meeting
    body: Body
    held: bool  # it has happened (its date has passed, or people are recorded as there)
    chair: str | None
    attended: list[str]
    apologies: list[str]
    quorum: QuorumCount | None
    decisions_without_quorum: bool
    chair_turn: ChairTurn | None
    next_chair: Sector | None
    actions: list[ActionView]
    papers: list[PaperView]
    leads: dict[int, str] = field(default_factory=dict)  # agenda item index → shown name

    @property
    def kind(self) -> str:
        return "minutes" if self.held else "agenda"


def human_size(size: int) -> str:
    """"1 kilobyte", "230 kilobytes", "1.4 megabytes": written out, as KB and MB are letters many
    readers do not know. Never 0 for a real file."""
    if size < 1024 * 1024:
        kilobytes = max(1, round(size / 1024))
        return f"{kilobytes} kilobyte{'s' if kilobytes != 1 else ''}"
    return f"{size / (1024 * 1024):.1f} megabytes"


def paper_size_from(root: Path | None) -> Callable[[str], int]:
    def size(file: str) -> int:
        if root is None:
            return 0
        path = root / CONTENT_DIR / file
        return path.stat().st_size if path.is_file() else 0

    return size


class Directory:
    """Looks up people and seats, and always gives back the name as the site may show it."""

    def __init__(self, data: SiteData) -> None:
        self.people = {p.id: p for p in data.people}
        self.bodies = {b.id: b for b in data.bodies}

    def seat(self, body: Body, member_id: str) -> Member:
        return next(m for m in body.members if m.id == member_id)

    def shown(self, body: Body, member_id: str) -> str:
        return shown_name(self.people[self.seat(body, member_id).person])

    def seats(self, body: Body) -> list[SeatView]:
        sectors = {s.id: s.name for s in body.sectors}
        return [
            SeatView(
                m.id, shown_name(self.people[m.person]), ROLE_LABELS[m.role], sectors[m.sector], m.organisation,
                private=not self.people[m.person].show_name,
            )
            for m in body.members
        ]


def is_held(meeting: Meeting, today: date) -> bool:
    return bool(meeting.attended) or meeting.date < today


def action_views(directory: Directory, body: Body, meeting: Meeting, today: date) -> list[ActionView]:
    return [
        ActionView(
            meeting=meeting, body=body, who=directory.shown(body, action.who), what=action.what,
            due=action.due, status=action.status, done_on=action.done_on,
            late=is_late(action, today), finished_late=finished_late(action),
        )
        for action in meeting.actions
    ]


def paper_views(meeting: Meeting, size_of: Callable[[str], int]) -> list[PaperView]:
    views = []
    for paper in meeting.papers:
        size = size_of(paper.file)
        suffix = PurePosixPath(paper.file).suffix.lower()
        views.append(PaperView(paper.title, paper.file, PAPER_FORMATS.get(suffix, "file"), human_size(size), size))
    return views


def meeting_views(data: SiteData, today: date, size_of: Callable[[str], int] | None = None) -> list[MeetingView]:
    """Every meeting, newest first, ready to show."""
    size_of = size_of or paper_size_from(data.root)
    directory = Directory(data)
    turns = {t.meeting.id: t for b in data.bodies for t in chair_turns(b, data.meetings)}
    views = []
    for meeting in sorted(data.meetings, key=lambda m: (m.date, m.body), reverse=True):
        body = directory.bodies[meeting.body]
        held = is_held(meeting, today)
        quorum = count_quorum(body, meeting.attended) if meeting.attended else None
        views.append(MeetingView(
            meeting=meeting,
            body=body,
            held=held,
            chair=directory.shown(body, meeting.chair) if meeting.chair else None,
            attended=[directory.shown(body, m) for m in meeting.attended],
            apologies=[directory.shown(body, m) for m in meeting.apologies],
            quorum=quorum,
            decisions_without_quorum=bool(quorum and not quorum.quorate and meeting.decisions),
            chair_turn=turns.get(meeting.id),
            next_chair=None if held else chair_for_coming(body, data.meetings, meeting),
            actions=action_views(directory, body, meeting, today),
            papers=paper_views(meeting, size_of),
            leads={i: directory.shown(body, item.lead) for i, item in enumerate(meeting.agenda) if item.lead},
        ))
    return views


def all_actions(views: list[MeetingView]) -> list[ActionView]:
    """One list of every action: late first, then open, then done; soonest due first in each."""
    actions = [a for v in views for a in v.actions]
    rank = {True: 0, False: 1}
    return sorted(actions, key=lambda a: (rank[a.late], a.status == "done", a.due, a.what))


def action_status_words(action: ActionView | Action, today: date) -> str:
    if isinstance(action, Action):
        late = is_late(action, today)
    else:
        late = action.late
    if action.status == "done":
        return "Done"
    return "Late" if late else "Not done yet"
