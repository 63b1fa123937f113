"""`a11y-exceptions.yml`: the rules the gate lets through, each with its reason.

Read here with ruamel.yaml (YAML 1.2) and pydantic, with its own plain-word messages that point at the
line and column, so the gate needs nothing from the site generator's loaders.
"""
from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import PydanticCustomError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("blank_text", "This is empty. Write some words here.")
    return value.strip()


Text = Annotated[str, AfterValidator(_not_blank)]


class RuleException(BaseModel):
    """One rule we accept breaking, where, and why. The reason is required: an exception nobody can explain is a bug."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    rule: Text = Field(description="The rule code as the report shows it, like `color-contrast`. `*` and `?` match.")
    reason: Text
    pages: list[Text] = Field(default_factory=lambda: ["*"], description="Page paths like `/forums/*`.")
    selector: Text | None = None

    def covers(self, page: str, rule: str, selector: str) -> bool:
        return (
            fnmatch.fnmatchcase(rule, self.rule)
            and any(fnmatch.fnmatchcase(page, pattern) for pattern in self.pages)
            and (self.selector is None or self.selector == selector)
        )


class ExceptionsFile(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    exceptions: list[RuleException] = Field(default_factory=list)


@dataclass(frozen=True)
class FileProblem:
    """One mistake in the file: `file:line:col: field: message`."""

    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.field}: " if self.field else ""
        return f"{self.file}:{self.line}:{self.column}: {where}{self.message}"


class ExceptionsError(Exception):
    """The exceptions file has mistakes."""

    def __init__(self, problems: list[FileProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


Loc = tuple[str | int, ...]


def _positions(node: Any, loc: Loc, values: dict[Loc, tuple[int, int]], keys: dict[Loc, tuple[int, int]]) -> Any:
    """Plain Python data from ruamel's nodes, noting where each value and key stands (1-based)."""
    if isinstance(node, CommentedMap):
        plain: dict[Any, Any] = {}
        for key, child in node.items():
            here = (*loc, key)
            line, col = node.lc.key(key)
            keys[here] = (line + 1, col + 1)
            vline, vcol = node.lc.value(key)
            values[here] = (vline + 1, vcol + 1)
            plain[key] = _positions(child, here, values, keys)
        return plain
    if isinstance(node, CommentedSeq):
        items = []
        for index, child in enumerate(node):
            here = (*loc, index)
            line, col = node.lc.item(index)
            values[here] = (line + 1, col + 1)
            items.append(_positions(child, here, values, keys))
        return items
    return node


def _dotted(loc: Loc) -> str:
    """`("exceptions", 0, "reason")` → `exceptions[1].reason` (lists counted from 1, as editors count)."""
    text = ""
    for part in loc:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _message(detail: Any) -> str:
    kind, name = detail["type"], str(detail["loc"][-1]) if detail["loc"] else "this"
    if kind == "missing":
        return f'"{name}" is missing. Add a line "{name}: ..." here.'
    if kind == "extra_forbidden":
        fields = ", ".join(RuleException.model_fields) if len(detail["loc"]) > 2 else "exceptions"
        return f'"{name}" is not a field we know. Check the spelling, or delete it. Fields allowed here: {fields}.'
    if kind == "string_type":
        return "This must be text. Put it in quote marks."
    if kind == "list_type":
        return 'This must be a list: put each item on its own line, starting with "- ".'
    if kind in ("dict_type", "model_type"):
        return 'This must be a group of fields, each on its own indented line, like "rule: ...".'
    return str(detail["msg"]).removeprefix("Value error, ")


def load_exceptions(path: Path) -> list[RuleException]:
    """Read the exceptions file. No file means no exceptions."""
    if not path.is_file():
        return []
    shown = path.name
    try:
        raw = YAML(typ="rt").load(path.read_text(encoding="utf-8"))
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise ExceptionsError([FileProblem(shown, line, col, "", "The file layout is broken here. Check the indents.")]) from None
    values: dict[Loc, tuple[int, int]] = {}
    keys: dict[Loc, tuple[int, int]] = {}
    data = _positions(raw, (), values, keys) or {}
    try:
        return list(ExceptionsFile.model_validate(data).exceptions)
    except ValidationError as error:
        problems = []
        for detail in error.errors():
            loc = tuple(detail["loc"])
            if detail["type"] == "extra_forbidden" and loc in keys:
                line, col = keys[loc]
            else:
                place = next((loc[:n] for n in range(len(loc), 0, -1) if loc[:n] in values), ())
                line, col = values.get(place, (1, 1))
            problems.append(FileProblem(shown, line, col, _dotted(loc), _message(detail)))
        raise ExceptionsError(problems) from None
