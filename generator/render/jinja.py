"""Jinja2 set-up for turning models into Markdown pages."""
from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from generator.models.common import format_date, format_time


@cache
def environment() -> Environment:
    # Markdown, not HTML, is the output: autoescaping would turn "&" in area names into "&amp;".
    env = Environment(
        loader=PackageLoader("generator.render", "templates"),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["long_date"] = format_date
    env.filters["clock"] = format_time
    # "the Trust" → "The Trust" at the start of a sentence (str.capitalize would give "The trust").
    env.filters["capitalize_first"] = lambda text: str(text)[:1].upper() + str(text)[1:]
    return env


def render(template: str, **context: Any) -> str:
    text = environment().get_template(template).render(**context)
    # Jinja blocks leave runs of blank lines behind; Markdown needs at most one.
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip() + "\n"
