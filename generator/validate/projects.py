"""Checks for improvement projects and the evaluation: ids point at real records, stages are named and in order."""
from __future__ import annotations

from collections.abc import Iterator
from typing import get_args

from generator.models.problems import Problem
from generator.models.projects import Stage
from generator.models.site import SiteData
from generator.validate.checks import check_ref, needs


@needs("projects", "feedback")
def projects_name_real_feedback(data: SiteData) -> Iterator[Problem]:
    if data.projects is None:
        return
    for p, project in enumerate(data.projects.projects):
        for n, ident in enumerate(project.feedback):
            yield from check_ref(
                data, data.projects, ("projects", p, "feedback", n), ident, data.feedback.items, "feedback point", "data/feedback.yml",
            )


@needs("projects", "meetings")
def projects_name_real_meetings(data: SiteData) -> Iterator[Problem]:
    if data.projects is None:
        return
    for p, project in enumerate(data.projects.projects):
        for n, ident in enumerate(project.meetings):
            yield from check_ref(data, data.projects, ("projects", p, "meetings", n), ident, data.meetings, "meeting", "data/meetings/")


@needs("projects")
def project_ids_differ(data: SiteData) -> Iterator[Problem]:
    if data.projects is None:
        return
    seen: dict[str, int] = {}
    for p, project in enumerate(data.projects.projects):
        if project.id in seen:
            yield data.problem(
                data.projects, ("projects", p, "id"),
                f'The id "{project.id}" is already used by project {seen[project.id] + 1}. Give each project its own id.',
            )
        seen.setdefault(project.id, p)


@needs("projects")
def every_stage_has_words(data: SiteData) -> Iterator[Problem]:
    if data.projects is None:
        return
    named = [s.stage for s in data.projects.stage_names]
    for n, stage in enumerate(named):
        if stage in named[:n]:
            yield data.problem(data.projects, ("stage_names", n, "stage"), f'"{stage}" is named twice. Delete one of them.')
    missing = [s for s in get_args(Stage) if s not in named]
    if missing:
        yield data.problem(
            data.projects, ("stage_names",),
            "Add words for " + ", ".join(missing) + ". Each stage needs a name and a meaning.",
        )


@needs("projects")
def project_stages_in_date_order(data: SiteData) -> Iterator[Problem]:
    if data.projects is None:
        return
    for p, project in enumerate(data.projects.projects):
        for n in range(1, len(project.stages)):
            if project.stages[n].date < project.stages[n - 1].date:
                yield data.problem(
                    data.projects, ("projects", p, "stages", n, "date"),
                    "This stage is dated before the one above it. List stages oldest first, or fix the date.",
                )


@needs("evaluation")
def evaluation_results_name_real_steps(data: SiteData) -> Iterator[Problem]:
    if data.evaluation is None:
        return
    for n, result in enumerate(data.evaluation.results):
        yield from check_ref(
            data, data.evaluation, ("results", n, "step"), result.step, data.evaluation.steps, "step", "steps in data/evaluation.yml",
        )


@needs("projects")
def projects_have_their_words(data: SiteData) -> Iterator[Problem]:
    """Project pages offer "I want this too", worded in have-your-say.yml: with projects, that file is needed."""
    if data.projects is not None and data.say is None:
        yield Problem(
            "data/have-your-say.yml", 1, 1, "",
            "The project pages need this file. Create it (see the Surrey example), or delete data/projects.yml.",
        )


PROJECT_CHECKS = (
    projects_have_their_words,
    projects_name_real_feedback, projects_name_real_meetings, project_ids_differ,
    every_stage_has_words, project_stages_in_date_order, evaluation_results_name_real_steps,
)
