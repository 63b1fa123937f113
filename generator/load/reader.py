"""Load every file under `data/` into typed models, or report every problem in every file at once."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.load.messages import describe_validation_error
from generator.load.yamlfile import YamlDocument, load_yaml
from generator.models.feedback import FeedbackFile
from generator.models.forums import AreasFile, ForumsFile, ScheduleSettings
from generator.models.glossary import GlossaryFile
from generator.models.meetings import BodiesFile, Meeting, PeopleFile
from generator.models.problems import DataProblems, Problem
from generator.models.projects import ProjectsFile
from generator.models.readability import ReadabilitySettings
from generator.models.say import Accessibility, Evaluation, HaveYourSay, Travel
from generator.models.settings import SiteSettings
from generator.models.site import Loc, SiteData, dotted
from generator.models.toolkits import Toolkit


@dataclass(frozen=True)
class Source:
    """Where one kind of data lives and which model reads it.

    `pattern` is a file name, or a folder glob such as `meetings/*.yml` for one record per file
    (the record's id is then the file name without `.yml`). `key` names the list inside a
    single file that becomes the attribute `attr` on SiteData.
    """

    pattern: str
    model: type[BaseModel]
    attr: str
    key: str | None = None
    # A programme may leave this file out (a Board without forums has no travel money or projects).
    optional: bool = False

    @property
    def one_per_file(self) -> bool:
        return "*" in self.pattern


SOURCES: tuple[Source, ...] = (
    Source("site.yml", SiteSettings, "settings"),
    Source("areas.yml", AreasFile, "areas", key="areas"),
    Source("forums.yml", ForumsFile, "forums", key="forums"),
    Source("schedule.yml", ScheduleSettings, "schedule"),
    Source("glossary.yml", GlossaryFile, "glossary", key="terms"),
    Source("people.yml", PeopleFile, "people", key="people"),
    Source("bodies.yml", BodiesFile, "bodies", key="bodies"),
    Source("meetings/*.yml", Meeting, "meetings"),
    Source("feedback.yml", FeedbackFile, "feedback"),
    Source("toolkits/*.yml", Toolkit, "toolkits"),
    Source("readability.yml", ReadabilitySettings, "readability"),
    Source("projects.yml", ProjectsFile, "projects", optional=True),
    Source("have-your-say.yml", HaveYourSay, "say", optional=True),
    Source("travel.yml", Travel, "travel", optional=True),
    Source("accessibility.yml", Accessibility, "accessibility", optional=True),
    Source("evaluation.yml", Evaluation, "evaluation", optional=True),
)


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _without_union_tags(value: Any, loc: Loc) -> Loc:
    """Drop the tag pydantic adds for a union chosen by `kind` (`sections.0.matrix.rows`), as editors never wrote it."""
    kept: list[str | int] = []
    current = value
    after_item = False
    for part in loc:
        if after_item and isinstance(current, dict) and current.get("kind") == part:
            after_item = False
            continue
        after_item = isinstance(part, int)
        kept.append(part)
        if isinstance(current, dict):
            current = current.get(part)
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
        else:
            current = None
    return tuple(kept)


def _validate(doc: YamlDocument, source: Source, value: Any) -> tuple[BaseModel | None, list[Problem]]:
    try:
        return source.model.model_validate(value), []
    except ValidationError as error:
        problems = []
        for detail in error.errors():
            loc = _without_union_tags(value, tuple(detail["loc"]))
            if detail["type"] == "union_tag_invalid":
                # Point at the wrong `kind: ...` line itself, not at the start of the item.
                loc = (*loc, str((detail.get("ctx") or {}).get("discriminator", "kind")).strip("'"))
            message = describe_validation_error(detail, source.model)
            # An empty value ("title:" and nothing) has no place of its own: point at its key's line.
            at_key = detail["type"] == "extra_forbidden" or detail.get("input", "") is None
            line, col = doc.position(loc, key=at_key)
            problems.append(Problem(doc.file, line, col, dotted(loc), message))
        return None, problems


def _duplicate_ids(doc: YamlDocument, key: str | None) -> list[Problem]:
    if key is None:
        return []
    items = doc.value.get(key) if key and isinstance(doc.value, dict) else None
    if not isinstance(items, list):
        return []
    seen: dict[str, int] = {}
    problems = []
    for index, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            continue
        ident = item["id"]
        if ident in seen:
            loc: Loc = (key, index, "id")
            line, col = doc.position(loc)
            first_line = doc.position((key, seen[ident], "id"))[0]
            problems.append(Problem(
                doc.file, line, col, dotted(loc),
                f'The id "{ident}" is already used on line {first_line}. Give each one its own id.',
            ))
        else:
            seen[ident] = index
    return problems


def outside_project(path: Path, root: Path) -> bool:
    """True for a link (symlink) or any path that leads out of the project folder."""
    return path.is_symlink() or not path.resolve().is_relative_to(root.resolve())


def _duplicates_across_files(
    records: list[Any], origins: dict[int, tuple[str, Loc]], documents: dict[str, YamlDocument],
) -> list[Problem]:
    """Two files of one folder (meetings/, toolkits/) that give the same id: the pages would overwrite each other."""
    first: dict[str, str] = {}
    problems = []
    for record in records:
        file = origins[id(record)][0]
        ident = getattr(record, "id", None)
        if not isinstance(ident, str):
            continue
        if ident in first:
            # Point at the file that wrote its id by hand: the other one takes its id from its name.
            here, other = file, first[ident]
            if ("id",) not in documents[here].keys and ("id",) in documents[other].keys:
                here, other = other, here
            line, col = documents[here].position(("id",), key=True)
            problems.append(Problem(
                here, line, col, "id",
                f'The id "{ident}" is already used by {other}. Each file needs its own id: '
                "delete the id line to use the file name.",
            ))
        else:
            first[ident] = file
    return problems


def _files_for(data_dir: Path, source: Source) -> list[Path]:
    return sorted(p for p in data_dir.glob(source.pattern) if p.is_file() or p.is_symlink())


def _outside_file(path: Path, root: Path) -> Problem:
    return Problem(
        _shown(path, root), 1, 1, "",
        "This is a link to a file outside the project, so it is not read. Copy the real file here instead.",
    )


@dataclass
class ReadResult:
    """What reading `data/` gave: the records, every problem found in single files, and which sources had any."""

    data: SiteData
    problems: list[Problem]
    failed: set[str]


def read_site_data(data_dir: Path, root: Path | None = None) -> ReadResult:
    """Read every file of `data/` and check each one against its model. Cross-record checks are validate's job."""
    root = root or data_dir.parent
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    documents: dict[str, YamlDocument] = {}
    origins: dict[int, tuple[str, Loc]] = {}
    claimed: set[Path] = set()
    failed: set[str] = set()

    if not data_dir.is_dir():
        raise DataProblems([Problem(_shown(data_dir, root), 1, 1, "", "The data folder is missing. Create it, or run from the project folder.")])

    for source in SOURCES:
        paths = _files_for(data_dir, source)
        claimed.update(paths)
        if not paths and source.optional:
            failed.add(source.attr)  # checks that need it are skipped; pages that need it are not made
            continue
        if not paths and not source.one_per_file:
            shown = _shown(data_dir / source.pattern, root)
            problems.append(Problem(shown, 1, 1, "", "This file is missing. The site needs it: create it or restore it from git."))
            failed.add(source.attr)
            continue
        records: list[Any] = []
        before = len(problems)
        for path in paths:
            shown = _shown(path, root)
            if outside_project(path, root):
                problems.append(_outside_file(path, root))
                continue
            doc = load_yaml(path, shown)
            if isinstance(doc, Problem):
                problems.append(doc)
                continue
            documents[shown] = doc
            value = doc.value
            if source.one_per_file and isinstance(value, dict) and "id" not in value:
                value = {"id": path.stem, **value}
            if value is None:
                problems.append(Problem(shown, 1, 1, "", "This file is empty. Add its data, or delete the file."))
                continue
            problems.extend(_duplicate_ids(doc, source.key))
            model, found = _validate(doc, source, value)
            problems.extend(found)
            if model is None:
                continue
            if source.key:
                items = getattr(model, source.key)
                for index, item in enumerate(items):
                    origins[id(item)] = (shown, (source.key, index))
                records.extend(items)
            elif source.one_per_file:
                origins[id(model)] = (shown, ())
                records.append(model)
            else:
                origins[id(model)] = (shown, ())
                values[source.attr] = model
        if source.one_per_file:
            problems.extend(_duplicates_across_files(records, origins, documents))
        if source.key or source.one_per_file:
            values[source.attr] = records
        if len(problems) > before:
            failed.add(source.attr)

    for path in sorted(p for p in data_dir.rglob("*") if p.is_file() or p.is_symlink()):
        if path not in claimed and outside_project(path, root):
            problems.append(_outside_file(path, root))
        elif path not in claimed and not path.name.startswith("."):
            problems.append(Problem(
                _shown(path, root), 1, 1, "",
                "Nothing reads this file, so it would be lost. Move it out of data/ or check its name.",
            ))

    for source in SOURCES:
        values.setdefault(source.attr, None)
    data = SiteData(**values, documents=documents, origins=origins, root=root)
    return ReadResult(data, problems, failed)
