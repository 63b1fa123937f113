"""Checks that references between forums, areas, the schedule, the glossary and toolkits point at something real."""
from __future__ import annotations

import re
from collections.abc import Iterator

from generator.compute.schedule import make_round, planned_date, planned_mode, rotation_of, round_number
from generator.compute.word_forms import form_key
from generator.models.common import format_date
from generator.models.problems import Problem
from generator.models.site import SiteData
from generator.validate.checks import check_ref, check_refs, needs


@needs("forums", "areas")
def forums_name_real_areas(data: SiteData) -> Iterator[Problem]:
    for forum in data.forums:
        yield from check_ref(data, forum, ("area",), forum.area, data.areas, "area", "data/areas.yml")


@needs("glossary")
def glossary_links_real_words(data: SiteData) -> Iterator[Problem]:
    for term in data.glossary:
        yield from check_refs(data, term, "related", term.related, data.glossary, "glossary word", "data/glossary.yml")


@needs("toolkits")
def toolkit_numbers_differ(data: SiteData) -> Iterator[Problem]:
    seen: dict[int, str] = {}
    for toolkit in data.toolkits:
        if toolkit.number in seen:
            yield data.problem(
                toolkit, ("number",),
                f"Toolkit number {toolkit.number} is already used by {seen[toolkit.number]}. Give each toolkit its own number.",
            )
        seen.setdefault(toolkit.number, data.where(toolkit)[0])


@needs("toolkits")
def toolkit_statements_keep_their_voice(data: SiteData) -> Iterator[Problem]:
    """The sources speak as "I" (a carer) or "we" (young carers); a statement in another voice changes who speaks."""
    for toolkit in data.toolkits:
        for s, section in enumerate(toolkit.sections):
            if section.kind != "statements":
                continue
            word = "We" if section.voice == "we" else "I"
            for n, statement in enumerate(section.statements):
                if not re.match(rf"{word}\b", statement, flags=re.IGNORECASE if word == "We" else 0):
                    yield data.problem(
                        toolkit, ("sections", s, "statements", n),
                        f'Start this statement with "{word}", as the section says voice: {section.voice}.',
                    )


@needs("forums", "areas", "schedule", "bodies")
def schedule_fits_the_forums(data: SiteData) -> Iterator[Problem]:
    """The rotation settings name real forums, and every forum that meets in person has a venue."""
    schedule = data.schedule
    yield from check_refs(data, schedule, "always_online", schedule.always_online, data.forums, "forum", "data/forums.yml")
    if schedule.online_per_round > len(data.areas):
        yield data.problem(
            schedule, ("online_per_round",),
            f"There are only {len(data.areas)} areas, so at most {len(data.areas)} can meet online each round.",
        )
    # A misspelt always_online id is reported above; the forum it meant is not reported again below.
    list_ok = all(ident in {f.id for f in data.forums} for ident in schedule.always_online)
    for forum in data.forums:
        if forum.venue is None and forum.id not in schedule.always_online and (forum.area is not None or list_ok):
            # A forum with no area does not take turns: with a venue it always meets there.
            yield data.problem(
                forum, ("area",) if forum.area is not None else ("venue",),
                "This forum meets in person in some rounds, so it needs a venue. Add venue: with its name and address."
                if forum.area is not None else
                "This forum has no area and no venue. Add venue: to meet in person, or add its id to always_online in data/schedule.yml.",
            )
    if schedule.group is not None:
        yield from check_ref(data, schedule, ("group",), schedule.group, data.bodies, "group", "data/bodies.yml")


@needs("forums", "areas", "schedule")
def schedule_changes_match_planned_forums(data: SiteData) -> Iterator[Problem]:
    """Each change names a forum and the day the rotation planned it, so editors can't move a forum that isn't there."""

    schedule = data.schedule
    forums = {forum.id: forum for forum in data.forums}
    rotation = rotation_of(data)
    seen: set[tuple[str, object]] = set()
    for index, change in enumerate(schedule.changes):
        where = ("changes", index)
        if change.forum not in forums:
            yield from check_ref(data, schedule, (*where, "forum"), change.forum, data.forums, "forum", "data/forums.yml")
            continue
        forum = forums[change.forum]
        number = round_number(rotation, change.date)
        if number < 1:
            yield data.problem(schedule, (*where, "date"), f"This is before round 1, which starts in {schedule.first_round:%B %Y}.")
            continue
        round_ = make_round(rotation, number)
        planned = planned_date(forum, round_)
        if planned != change.date:
            yield data.problem(
                schedule, (*where, "date"),
                f"The {forum.name} is not planned on {format_date(change.date)}. "
                f"In that round it is planned on {format_date(planned)}.",
            )
            continue
        if (change.forum, change.date) in seen:
            yield data.problem(schedule, (*where, "date"), "This forum and date already have a change above. Put both changes in 1.")
        seen.add((change.forum, change.date))
        if change.mode is not None and change.mode == planned_mode(forum, round_, rotation):
            yield data.problem(schedule, (*where, "mode"), f"The {forum.name} already meets {change.mode} that day. Delete mode, or change it.")
        if change.mode == "in-person" and forum.venue is None:
            yield data.problem(schedule, (*where, "mode"), f"The {forum.name} has no venue, so it can't meet in person. Add a venue in data/forums.yml.")


@needs("glossary")
def glossary_forms_differ(data: SiteData) -> Iterator[Problem]:
    """Each way of writing a word may belong to 1 glossary word only, or the site cannot tell which to link."""

    owner: dict[tuple[str, ...], str] = {}
    for term in data.glossary:
        mine: set[tuple[str, ...]] = set()
        for field, written in [(("term",), term.term), *((("other_forms", i), f) for i, f in enumerate(term.other_forms))]:
            key = form_key(written)
            if key in mine:
                continue
            mine.add(key)
            if key in owner:
                yield data.problem(
                    term, field,
                    f'"{written}" is already a form of the glossary word "{owner[key]}". '
                    "Each form can belong to 1 word only: delete it here or there.",
                )
            else:
                owner[key] = term.term


REFERENCE_CHECKS = (
    forums_name_real_areas,
    glossary_links_real_words,
    glossary_forms_differ,
    toolkit_numbers_differ,
    schedule_fits_the_forums,
    schedule_changes_match_planned_forums,
    toolkit_statements_keep_their_voice,
)
