"""People, groups that meet in public, and their meetings.

`data/people.yml`, `data/bodies.yml` and one file per meeting in `data/meetings/`.
Rules such as quorum and whose turn it is to chair are data here; `generator/governance.py` applies them.
"""
from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from generator.models.common import ClockTime, Id, IsoDate, Name, Record, Text

# Where meeting papers live: MkDocs copies files in content/ to the site as they are.
CONTENT_DIR = "content"
PAPER_FORMATS: dict[str, str] = {
    ".pdf": "document to print",
    ".docx": "Word document",
    ".doc": "Word document",
    ".odt": "OpenDocument text",
    ".pptx": "PowerPoint slides",
    ".xlsx": "Excel spreadsheet",
    ".csv": "spreadsheet",
    ".txt": "plain text",
    ".rtf": "Rich Text document",
}



class Person(Record):
    id: Id
    name: Name
    # Shown instead of the name when the person has not said yes to their name being public.
    role: Text
    show_name: bool = False


class PeopleFile(Record):
    people: list[Person]


# The roles that matter for quorum. Guests are welcome but never count.
MemberRole = Literal["organisation-representative", "expert-by-experience-adviser", "carer-adviser", "guest"]

ROLE_LABELS: dict[str, str] = {
    "organisation-representative": "Organisation representative",
    "expert-by-experience-adviser": "Expert by experience adviser",
    "carer-adviser": "Carer adviser",
    "guest": "Guest",
}


class Sector(Record):
    id: Id
    name: Name


class Member(Record):
    """One seat on a body. A person with 2 roles has 2 seats, but still counts once for quorum."""

    id: Id
    person: Id
    role: MemberRole
    sector: Id
    organisation: Name | None = None


class QuorumRule(Record):
    """Harrow's rule: at least 4 from the member organisations and 4 experts by experience."""

    organisation_representatives: int = Field(default=4, ge=0)
    experience_advisers: int = Field(default=4, ge=0)
    carers_count_as_advisers: bool = True


class ChairRule(Record):
    """How the chair is chosen. `sectors-in-turn`: the chair moves to the next sector present."""

    rule: Literal["sectors-in-turn", "fixed"] = "sectors-in-turn"
    # The sectors that take turns, in order (ids from the group's sectors). Leave out for all of them.
    # Harrow's Board: the chair moves between the organisations' sectors, not the advisers.
    sectors: list[Id] = []


class Body(Record):
    id: Id
    name: Name
    # A shorter name for lists and sentences, like "Development Group". Defaults to the name.
    short_name: Name | None = None
    summary: Text
    meets: Text
    terms_of_reference: list[Text] = Field(min_length=1)
    # In the order the chair moves between them.
    sectors: list[Sector] = Field(min_length=1)
    members: list[Member] = Field(min_length=1)
    quorum: QuorumRule = QuorumRule()
    chair: ChairRule = ChairRule()

    @property
    def short(self) -> str:
        return self.short_name or self.name

    @property
    def chair_sectors(self) -> list[Sector]:
        """The sectors that take turns to chair, in the order of `sectors`."""
        return [s for s in self.sectors if not self.chair.sectors or s.id in self.chair.sectors]

    @model_validator(mode="after")
    def _chair_sectors_are_sectors(self) -> Body:
        known = {s.id for s in self.sectors}
        unknown = [ident for ident in self.chair.sectors if ident not in known]
        if unknown:
            raise ValueError(
                f'chair.sectors names "{unknown[0]}", which is not one of this group\'s sectors. Use one of: {", ".join(sorted(known))}.'
            )
        return self


class BodiesFile(Record):
    bodies: list[Body]


class MeetingSummary(Record):
    talked_about: list[Text] = Field(min_length=1)
    next_steps: list[Text] = []


class AgendaItem(Record):
    title: Name
    # The member id of whoever leads this item, if anyone.
    lead: Id | None = None
    paper: Text | None = None


class MinuteItem(Record):
    title: Name
    notes: Text


class Action(Record):
    who: Id
    what: Text
    due: IsoDate
    status: Literal["open", "done"] = "open"
    done_on: IsoDate | None = None

    @model_validator(mode="after")
    def _done_has_a_date(self) -> Action:
        # Checked here so the error points at the action; the loader adds the file and line.
        if self.status == "done" and self.done_on is None:
            raise ValueError("An action that is done needs done_on: the date it was finished.")
        if self.status == "open" and self.done_on is not None:
            raise ValueError("This action has done_on, so set status: done. Or remove done_on.")
        return self


class Paper(Record):
    title: Name
    # A file under content/, like papers/2026-02-26/agenda.pdf
    file: Text


class Meeting(Record):
    id: Id
    body: Id
    date: IsoDate
    start: ClockTime
    end: ClockTime
    mode: Literal["online", "in-person"]
    place: Text
    # Member ids. Left empty for a meeting that has not happened yet.
    chair: Id | None = None
    attended: list[Id] = []
    apologies: list[Id] = []
    agenda: list[AgendaItem] = Field(min_length=1)
    summary: MeetingSummary | None = None
    decisions: list[Text] = []
    actions: list[Action] = []
    minutes: list[MinuteItem] = []
    papers: list[Paper] = []
