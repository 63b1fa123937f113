"""Improvement projects: what people said, what we are doing about it, and how far it has got: `data/projects.yml`."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.models.common import Id, IsoDate, Record, Text

# The words of the source (004:940-942): from "you said" to "we are doing", then "we did";
# "we said, we are doing" is work the forums and the Trust agreed on together.
Stage = Literal["you-said", "we-are-doing", "we-did", "we-said-we-are-doing"]
STAGES: tuple[Stage, ...] = ("you-said", "we-are-doing", "we-said-we-are-doing", "we-did")


class StageChange(Record):
    stage: Stage
    date: IsoDate  # the day the project reached this stage


class Milestone(Record):
    what: Text
    due: IsoDate
    done_on: IsoDate | None = None


class Update(Record):
    date: IsoDate
    text: Text


class Project(Record):
    id: Id
    title: Text
    # What we are doing about it, in 1 to 3 short sentences.
    doing: Text
    # Who leads the work: a role, not a private person's name.
    lead: Text
    # Every stage the project reached, oldest first. The last one that has begun is where it is now.
    stages: list[StageChange] = Field(min_length=1)
    # Ids of points in data/feedback.yml that asked for this work.
    feedback: list[Id] = Field(min_length=1)
    milestones: list[Milestone] = []
    challenges: list[Text] = []
    updates: list[Update] = []
    # Ids of meetings (file names in data/meetings/) that talked about it.
    meetings: list[Id] = []


class StageName(Record):
    stage: Stage
    name: Text  # a heading, like "You said"
    meaning: Text  # what it means, in 1 short sentence


class ProjectsFile(Record):
    # The words for each stage, in the order the Projects page shows them. Name every stage once.
    stage_names: list[StageName] = Field(min_length=1)
    projects: list[Project] = []
