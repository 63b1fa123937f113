"""Quorum, whose turn it is to chair, and late actions: pure functions over the meeting data.

Nothing here reads files or the clock; "today" is passed in. The rules themselves are data
(`Body.quorum`, `Body.chair`), so a group can change them without changing code.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from generator.models.meetings import Action, Body, Meeting, Member, Sector


@dataclass(frozen=True)
class QuorumCount:
    """Who counted towards quorum at one meeting, and whether it was enough."""

    organisation_representatives: int
    experience_advisers: int
    # People there who do not count: guests, and carer advisers when the rule leaves them out.
    not_counted: int
    needed_organisation_representatives: int
    needed_experience_advisers: int
    # Seats left out because their person already counted in another seat.
    second_seats: int = 0

    @property
    def quorate(self) -> bool:
        return (
            self.organisation_representatives >= self.needed_organisation_representatives
            and self.experience_advisers >= self.needed_experience_advisers
        )


def _counts_as(member: Member, body: Body) -> str | None:
    """Which quorum group a seat counts in, or None when it does not count."""
    if member.role == "organisation-representative":
        return "organisation"
    if member.role == "expert-by-experience-adviser":
        return "adviser"
    if member.role == "carer-adviser" and body.quorum.carers_count_as_advisers:
        return "adviser"
    return None


def count_quorum(body: Body, attended: Iterable[str]) -> QuorumCount:
    """Count the members who came (by member id) against the body's quorum rule.

    Nobody counts twice, and the order of `attended` does not matter: a person who holds 2 seats
    counts once, in the seat that counts. When both their seats could count, they count where the
    group is still short (so 4 organisation and 4 adviser places are filled the same way whatever the
    list order). Unknown ids are ignored here; the reference checks report them as mistakes first.
    """
    seats = {m.id: m for m in body.members}
    groups: dict[str, set[str]] = {}
    present_people: set[str] = set()
    second_seats = 0
    for member_id in attended:
        member = seats.get(member_id)
        if member is None:
            continue
        second_seats += member.person in present_people
        present_people.add(member.person)
        group = _counts_as(member, body)
        if group is not None:
            groups.setdefault(member.person, set()).add(group)
    needed = {"organisation": body.quorum.organisation_representatives, "adviser": body.quorum.experience_advisers}
    totals = {"organisation": 0, "adviser": 0}
    for person in sorted(groups):
        if len(groups[person]) == 1:
            totals[next(iter(groups[person]))] += 1
    for person in sorted(p for p in groups if len(groups[p]) > 1):
        # The group furthest from its number; on a tie, the organisation side (the same every time).
        best = max(sorted(groups[person]), key=lambda g: (needed[g] - totals[g], g == "organisation"))
        totals[best] += 1
    counted_people = set(groups)
    return QuorumCount(
        organisation_representatives=totals["organisation"],
        experience_advisers=totals["adviser"],
        not_counted=len(present_people - counted_people),
        needed_organisation_representatives=body.quorum.organisation_representatives,
        needed_experience_advisers=body.quorum.experience_advisers,
        second_seats=second_seats,
    )


def next_sector(body: Body, previous: str | None, present: Iterable[str]) -> Sector | None:
    """The sector whose turn it is to chair: the next one after `previous` in the body's order
    that has somebody there. A sector with nobody there is skipped. None when the rule is
    `fixed` or nobody is there."""
    if body.chair.rule != "sectors-in-turn":
        return None
    here = set(present)
    order = body.chair_sectors
    ids = [s.id for s in order]
    start = ids.index(previous) + 1 if previous in ids else 0
    for step in range(len(order)):
        sector = order[(start + step) % len(order)]
        if sector.id in here:
            return sector
    return None


@dataclass(frozen=True)
class ChairTurn:
    """For one meeting: whose turn it was to chair, and whether the recorded chair matches."""

    meeting: Meeting
    expected: Sector | None
    actual: Sector | None

    @property
    def breaks_rotation(self) -> bool:
        return self.expected is not None and self.actual is not None and self.expected.id != self.actual.id


def _sector_of(body: Body, member_id: str | None) -> Sector | None:
    seats = {m.id: m for m in body.members}
    sectors = {s.id: s for s in body.sectors}
    member = seats.get(member_id) if member_id else None
    return sectors.get(member.sector) if member else None


def chair_turns(body: Body, meetings: Sequence[Meeting]) -> list[ChairTurn]:
    """Check the chair of every held meeting of `body`, oldest first.

    The turn moves on from whoever really chaired, so one out-of-turn chair is flagged once,
    not at every meeting after it. The first meeting sets the starting point.
    """
    seats = {m.id: m for m in body.members}
    held = sorted((m for m in meetings if m.body == body.id and m.chair), key=lambda m: m.date)
    turns: list[ChairTurn] = []
    previous: Sector | None = None
    for index, meeting in enumerate(held):
        actual = _sector_of(body, meeting.chair)
        # Guests never count: a sector whose only person there is a guest does not get the turn.
        present = [seats[a].sector for a in meeting.attended if a in seats and seats[a].role != "guest"]
        expected = next_sector(body, previous.id, present) if index and previous else None
        turns.append(ChairTurn(meeting, expected, actual))
        previous = actual or previous
    return turns


def expected_present(body: Body, meeting: Meeting) -> list[str]:
    """Sectors expected at a meeting that has not happened: every seat minus apologies."""
    away = set(meeting.apologies)
    return [m.sector for m in body.members if m.id not in away and m.role != "guest"]


def chair_for_coming(body: Body, meetings: Sequence[Meeting], meeting: Meeting) -> Sector | None:
    """Whose turn it is to chair a coming meeting, from the last chair before it."""
    before = [t for t in chair_turns(body, meetings) if t.meeting.date < meeting.date]
    previous = before[-1].actual if before else None
    return next_sector(body, previous.id if previous else None, expected_present(body, meeting))


def is_late(action: Action, today: date) -> bool:
    """An action is late when it is still open after the day it was due."""
    return action.status == "open" and action.due < today


def finished_late(action: Action) -> bool:
    return action.status == "done" and action.done_on is not None and action.done_on > action.due
