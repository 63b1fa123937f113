"""Checks on groups, meetings and feedback that need more than one record. Warnings are in `warnings.py`."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import PurePosixPath

from generator.compute.schedule import Occurrence, make_round, occurrences_of_rounds, rotation_of
from generator.models.meetings import CONTENT_DIR, PAPER_FORMATS, Body, Meeting
from generator.models.problems import Problem
from generator.models.site import SiteData
from generator.validate.checks import needs


def _choices(known: Sequence[str]) -> str:
    return ", ".join(sorted(known)) or "none yet"


def _bodies(data: SiteData) -> dict[str, Body]:
    return {b.id: b for b in data.bodies}


@needs("bodies", "people")
def bodies_are_consistent(data: SiteData) -> Iterator[Problem]:
    people = {p.id for p in data.people}
    for body in data.bodies:
        sectors = [s.id for s in body.sectors]
        seen: set[str] = set()
        for index, member in enumerate(body.members):
            if member.id in seen:
                yield data.problem(body, ("members", index, "id"), f'The member id "{member.id}" is used twice in this group. Give each seat its own id.')
            seen.add(member.id)
            if member.person not in people:
                yield data.problem(
                    body, ("members", index, "person"),
                    f'There is no person with the id "{member.person}". Use one of: {_choices(list(people))}. Or add them to data/people.yml.',
                )
            if member.sector not in sectors:
                yield data.problem(
                    body, ("members", index, "sector"),
                    f'This group has no sector "{member.sector}". Use one of: {_choices(sectors)}. Or add it under sectors.',
                )


def _member_refs(meeting: Meeting) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if meeting.chair:
        yield ("chair",), meeting.chair
    for index, ident in enumerate(meeting.attended):
        yield ("attended", index), ident
    for index, ident in enumerate(meeting.apologies):
        yield ("apologies", index), ident
    for index, item in enumerate(meeting.agenda):
        if item.lead:
            yield ("agenda", index, "lead"), item.lead
    for index, action in enumerate(meeting.actions):
        yield ("actions", index, "who"), action.who


@needs("meetings", "bodies", "people")
def meetings_name_real_members(data: SiteData) -> Iterator[Problem]:
    bodies = _bodies(data)
    for meeting in data.meetings:
        if not meeting.id.startswith(meeting.date.isoformat()):
            yield data.problem(
                meeting, ("date",),
                f"The file name says one date, but this says {meeting.date.isoformat()}. "
                f"Name the file {meeting.date.isoformat()}-{meeting.body}.yml.",
            )
        if meeting.end <= meeting.start:
            yield data.problem(meeting, ("end",), "The meeting ends before it starts. Check the start and end times.")
        body = bodies.get(meeting.body)
        if body is None:
            yield data.problem(
                meeting, ("body",),
                f'There is no group with the id "{meeting.body}". Use one of: {_choices(list(bodies))}. Or add it to data/bodies.yml.',
            )
            continue
        seats = [m.id for m in body.members]
        for field, ident in _member_refs(meeting):
            if ident not in seats:
                yield data.problem(
                    meeting, field,
                    f'"{ident}" is not a member of the {body.name}. Use one of: {_choices(seats)}. Or add them to its members in data/bodies.yml.',
                )
        for index, ident in enumerate(meeting.apologies):
            if ident in meeting.attended:
                yield data.problem(meeting, ("apologies", index), f'"{ident}" is listed as came and as sent apologies. Keep only one.')
        for index, ident in enumerate(meeting.attended):
            if ident in meeting.attended[:index]:
                yield data.problem(meeting, ("attended", index), f'"{ident}" is listed twice. Keep only one.')
        if meeting.chair and meeting.chair in seats and meeting.chair not in meeting.attended:
            yield data.problem(meeting, ("chair",), f'The chair "{meeting.chair}" must also be in the list of people who came.')
        titles = [paper.title for paper in meeting.papers]
        for index, item in enumerate(meeting.agenda):
            if item.paper and item.paper not in titles:
                yield data.problem(
                    meeting, ("agenda", index, "paper"),
                    f'There is no paper called "{item.paper}" in this meeting\'s papers. Use one of: {_choices(titles)}.',
                )
        held = bool(meeting.attended or meeting.minutes or meeting.decisions)
        if held and not meeting.chair:
            yield data.problem(meeting, ("chair",), '"chair" is missing. Say who chaired the meeting, by member id.')
        if held and meeting.summary is None:
            yield data.problem(meeting, ("summary",), '"summary" is missing. Add an easy-read summary of the meeting.')


# What a meeting file may only hold once the meeting has happened.
HELD_ONLY = ("chair", "attended", "summary", "decisions", "actions", "minutes")


def future_meetings_hold_no_record(data: SiteData, today: date) -> Iterator[Problem]:
    """A meeting after "today" cannot have been chaired, attended or minuted: those lines would be published as true."""
    for meeting in data.meetings:
        if meeting.date <= today:
            continue
        for name in HELD_ONLY:
            if getattr(meeting, name):
                yield data.problem(
                    meeting, (name,),
                    f"This meeting is on {meeting.date.isoformat()}, after today ({today.isoformat()}), so it has not happened yet. "
                    f'Delete "{name}" until after the meeting, or check the date.',
                )


@needs("meetings")
def meeting_papers_exist(data: SiteData) -> Iterator[Problem]:
    if data.root is None:
        return
    content = data.root / CONTENT_DIR
    for meeting in data.meetings:
        for index, paper in enumerate(meeting.papers):
            path = PurePosixPath(paper.file)
            if path.is_absolute() or ".." in path.parts:
                yield data.problem(meeting, ("papers", index, "file"), f"Write the file's place inside {CONTENT_DIR}/, like papers/2026-02-26/agenda.pdf.")
                continue
            if path.suffix.lower() not in PAPER_FORMATS:
                kinds = ", ".join(sorted(PAPER_FORMATS))
                yield data.problem(meeting, ("papers", index, "file"), f"We cannot publish a {path.suffix or 'file without an ending'} file as a paper. Use one of: {kinds}.")
                continue
            own = f"papers/{meeting.id}/"
            if not paper.file.startswith(own) or len(path.parts) != 3:
                yield data.problem(
                    meeting, ("papers", index, "file"),
                    f"Papers for this meeting go in its own folder: {CONTENT_DIR}/{own}{path.name}. Move the file there and write that place.",
                )
                continue
            if not (content / path).is_file():
                yield data.problem(
                    meeting, ("papers", index, "file"),
                    f"There is no file {CONTENT_DIR}/{paper.file}. Put the paper there, or check the name.",
                )
            elif (content / path).is_symlink() or not (content / path).resolve().is_relative_to(data.root.resolve()):
                yield data.problem(
                    meeting, ("papers", index, "file"),
                    f"{CONTENT_DIR}/{paper.file} is a link to a file outside the project. Copy the real file there instead.",
                )


@needs("feedback", "forums", "schedule", "areas")
def feedback_names_real_forums_and_themes(data: SiteData) -> Iterator[Problem]:

    rotation = rotation_of(data)
    feedback = data.feedback
    forums = [f.id for f in data.forums]
    themes = [t.id for t in feedback.themes]
    forum_ids, theme_ids = set(forums), set(themes)
    seen: set[str] = set()
    met_in: dict[int, list[Occurrence]] = {}  # round → every forum's meetings in it: many items share a round

    def meetings_of(number: int) -> list[Occurrence]:
        if number not in met_in:
            met_in[number] = occurrences_of_rounds(data, [make_round(rotation, number)])
        return met_in[number]

    for index, item in enumerate(feedback.items):
        if item.id in seen:
            yield data.problem(feedback, ("items", index, "id"), f'The id "{item.id}" is used twice. Give each item its own id.')
        seen.add(item.id)
        if item.forum not in forum_ids:
            yield data.problem(feedback, ("items", index, "forum"), f'There is no forum with the id "{item.forum}". Use one of: {_choices(forums)}.')
        if item.theme not in theme_ids:
            yield data.problem(
                feedback, ("items", index, "theme"),
                f'There is no theme with the id "{item.theme}". Use one of: {_choices(themes)}. Or add it under themes.',
            )
        round_ = make_round(rotation, item.round)
        month = round_.forums_month
        # A forum moved out of its month (data/schedule.yml, changes) raises points on the day it really met.
        out_of_month = (item.raised.year, item.raised.month) != (month.year, month.month)
        if out_of_month and item.forum in forum_ids:
            moved_days = {o.start.date() for o in meetings_of(item.round) if o.forum == item.forum and o.status == "moved"}
            out_of_month = item.raised not in moved_days
        if out_of_month:
            yield data.problem(
                feedback, ("items", index, "raised"),
                f"The forums of round {item.round} met in {month:%B %Y}, but this date is {item.raised.isoformat()}. "
                "Check the round or the date.",
            )
        elif item.forum in forum_ids:
            # The day that forum really met in that round, moves from data/schedule.yml included.
            met = [o for o in meetings_of(item.round) if o.forum == item.forum]
            days = sorted({o.start.date() for o in met if o.status != "cancelled"})
            if days and item.raised not in days:
                shown = " or ".join(day.isoformat() for day in days)
                yield data.problem(
                    feedback, ("items", index, "raised"),
                    f"This forum met on {shown} in round {item.round}, not on {item.raised.isoformat()}. Write the day it met.",
                )
        if item.response and item.response.date < item.raised:
            yield data.problem(feedback, ("items", index, "response", "date"), "The answer is dated before the point was raised. Check both dates.")


MEETING_CHECKS = (
    bodies_are_consistent,
    meetings_name_real_members,
    meeting_papers_exist,
    feedback_names_real_forums_and_themes,
)
