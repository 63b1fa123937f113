"""Turn pydantic's validation errors into one plain sentence an editor can act on."""
from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

_YES_NO_WORDS = {"yes", "no", "y", "n", "on", "off", "true", "false"}


def _unwrap(annotation: Any) -> list[Any]:
    """The model classes an annotation can hold (through lists, optionals and unions)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (list, tuple, set, typing.Union, types.UnionType, dict):
        found = []
        for arg in typing.get_args(annotation):
            found.extend(_unwrap(arg))
        return found
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return []


def model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model that owns the last field of `loc`, following fields and list items down."""
    current: type[BaseModel] | None = model
    choices: list[type[BaseModel]] = []
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        tagged = [c for c in choices if _tag_of(c) == part]
        if tagged:
            # A tagged union adds the tag (for example "steps") to the path: it names the member.
            current, choices = tagged[0], []
            continue
        field = current.model_fields.get(str(part))
        if field is None:
            continue
        choices = _unwrap(field.annotation)
        current = choices[0] if choices else None
    return current


def _tag_of(model: type[BaseModel]) -> str | None:
    """The value of a union member's `kind` field, like "steps", if it has one."""
    field = model.model_fields.get("kind")
    args = typing.get_args(field.annotation) if field is not None else ()
    return str(args[0]) if len(args) == 1 else None


def _allowed_fields(model: type[BaseModel], loc: tuple[Any, ...]) -> str:
    owner = model_at(model, loc[:-1])
    if owner is None:
        return ""
    names = ", ".join(owner.model_fields)
    return f" Fields allowed here: {names}."


def _describe_input(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def describe_validation_error(detail: Mapping[str, Any], model: type[BaseModel]) -> str:
    kind: str = detail["type"]
    loc = tuple(detail["loc"])
    name = str(next((p for p in reversed(loc) if isinstance(p, str)), "this"))
    value = detail.get("input")
    ctx = detail.get("ctx") or {}

    if kind == "missing":
        return f'"{name}" is missing. Add a line "{name}: ..." here.'
    if kind == "extra_forbidden":
        return f'"{name}" is not a field we know. Check the spelling, or delete it.{_allowed_fields(model, loc)}'
    if kind == "bool_type":
        if isinstance(value, str) and value.strip().lower() in _YES_NO_WORDS:
            return f'Write true or false here, not "{value}".'
        return "Write true or false here."
    if value is None and kind.endswith("_type"):
        return f'"{name}" is empty. Write its value after "{name}:" on the same line, or delete the line.'
    if kind in ("string_type",):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return f'This must be text. Put it in quote marks, like "{value}".'
        if isinstance(value, bool):
            return f'This must be text. Put it in quote marks, like "{"yes" if value else "no"}".'
        return "This must be text, not a list or a group of fields."
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"Enter a whole number here, like 3, without quote marks (you wrote {_describe_input(value)})."
    if kind in ("list_type", "tuple_type"):
        return 'This must be a list: put each item on its own line, starting with "- ".'
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "This must be a group of fields, each on its own indented line, like \"name: ...\"."
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        return f"Enter one of these: {expected} (you wrote {_describe_input(value)})."
    if kind == "union_tag_invalid":
        return f"Enter one of these kinds: {ctx.get('expected_tags', '')} (you wrote {_describe_input(ctx.get('tag', value))})."
    if kind == "union_tag_not_found":
        return f'"{ctx.get("discriminator", "kind").strip(chr(39))}" is missing. Say which kind this is.'
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        return f"This number is out of range: {detail['msg'].lower()}."
    if kind in ("too_short", "too_long"):
        return f"This list has the wrong number of items: {detail['msg'].lower()}."
    message: str = detail["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, "):]
    return message
