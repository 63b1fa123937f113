"""Everything the site is built from, once it is read and validated, with a way back to each record's file and line."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar

from generator.models.feedback import FeedbackFile
from generator.models.forums import Area, Forum, ScheduleSettings
from generator.models.glossary import Term
from generator.models.meetings import Body, Meeting, Person
from generator.models.problems import Problem
from generator.models.projects import ProjectsFile
from generator.models.readability import ReadabilitySettings
from generator.models.say import Accessibility, Evaluation, HaveYourSay, Travel
from generator.models.settings import SiteSettings
from generator.models.toolkits import Toolkit

Loc = tuple[str | int, ...]
_T = TypeVar("_T")


class MissingDataFile(Exception):
    """A page needs a data file that this programme left out (the file is optional only where nothing needs it)."""

    def __init__(self, file: str) -> None:
        super().__init__(f"data/{file} is missing, but a page needs it. Create it (see the Surrey example), or take out what uses it.")


class Located(Protocol):
    """A read file that knows the line and column of each of its parts (see generator/load/yamlfile.py)."""

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int, int]: ...

    def release(self) -> None:
        """Forget the positions and the plain values, once every check has run (they are only for messages)."""


@dataclass
class SiteData:
    """Everything the site is built from, validated. Lists keep the order editors wrote."""

    settings: SiteSettings
    areas: list[Area]
    forums: list[Forum]
    glossary: list[Term]
    people: list[Person]
    bodies: list[Body]
    meetings: list[Meeting]
    feedback: FeedbackFile  # what forums said and the answers: see generator/compute/feedback.py
    toolkits: list[Toolkit]
    readability: ReadabilitySettings
    schedule: ScheduleSettings  # the forum rotation settings: see generator/compute/schedule.py
    # Have your say, improvement projects and the pages around them (issue 15).
    # Optional files: None when a programme leaves them out.
    projects: ProjectsFile | None
    say: HaveYourSay | None
    travel: Travel | None
    accessibility: Accessibility | None
    evaluation: Evaluation | None
    # Where each record came from, so later checks can point at a file and line.
    documents: Mapping[str, Located] = field(default_factory=dict, repr=False)
    origins: dict[int, tuple[str, Loc]] = field(default_factory=dict, repr=False)
    # The project folder, for checks and pages that look at files outside data/ (meeting papers in content/).
    root: Path | None = field(default=None, repr=False)

    def release_positions(self) -> None:
        """Once every check has run: the files' texts, plain values and any positions found from them are only
        for messages about mistakes, and a build would otherwise keep them to its end."""
        for document in self.documents.values():
            document.release()
        self.origins.clear()

    def where(self, record: object, *sub: str | int) -> tuple[str, Loc]:
        if id(record) not in self.origins and not self.origins:
            raise LookupError("The data's positions were let go once every check had run: find problems before that.")
        file, loc = self.origins[id(record)]
        return file, (*loc, *sub)

    def problem(self, record: object, sub: Iterable[str | int], message: str) -> Problem:
        """A Problem pointing at a field of a loaded record."""
        file, loc = self.where(record, *sub)
        line, col = self.documents[file].position(loc)
        return Problem(file, line, col, dotted(loc), message)


def dotted(loc: Loc) -> str:
    """`("forums", 2, "area")` → `forums[3].area`: lists are counted from 1, as people count."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += ("." if text else "") + str(part)
    return text


def needed(value: _T | None, file: str) -> _T:
    """An optional file's record, where a page cannot do without it."""
    if value is None:
        raise MissingDataFile(file)
    return value
