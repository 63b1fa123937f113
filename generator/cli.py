"""Command line: `python -m generator [--root DIR] check | build | render | readability | schema | new DIR`.

One function per command. `check` must start fast (at most half a second), so this module imports only
the loader: the commands that need MkDocs or Jinja live in `commands.py`, and `main` imports that
module by name only when one of them runs. Add a light command here; add a heavy one there.
"""
from __future__ import annotations

import argparse
import importlib
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from generator.models.problems import DataProblems
from generator.pipeline import load_site_data
from generator.today import resolve_today
from generator.validate.warnings import governance_warnings

Command = Callable[[argparse.Namespace], int]
HEAVY = "generator.commands"  # where `build`, `render`, `readability`, `schema` and `new` live


def cmd_check(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    try:
        # The same rules as the build, "today" included: a green check means the build's data step passes.
        data = load_site_data(args.root / args.data, args.root, resolve_today(args.today))
    except DataProblems as problems:
        print(problems.report(), file=sys.stderr)
        return 1
    for warning in governance_warnings(data):
        print(f"Warning (the build goes on): {warning}", file=sys.stderr)
    records = sum(len(v) for v in (data.areas, data.forums, data.glossary, data.people, data.bodies, data.meetings, data.toolkits, data.feedback.items))
    print(f"The data is fine: {len(data.documents)} files, {records} records, checked in {time.perf_counter() - started:.2f}s.")
    return 0


def _day(text: str) -> str:
    try:
        resolve_today(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{text}" is not a date. Write it like 2026-03-04.') from None
    return text


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python -m generator", description="Build the co-production site from data/.")
    main.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: here)")
    main.add_argument("--data", default="data", help="data folder inside the project (default: data)")
    commands = main.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="check the data only, quickly")
    check.add_argument("--today", type=_day, help="check as if today were this date (YYYY-MM-DD)")
    check.set_defaults(run=cmd_check)

    build = commands.add_parser("build", help="check the data, build the site, swap it in only if it all worked")
    build.add_argument("--today", type=_day, help="build as if today were this date (YYYY-MM-DD)")
    build.add_argument("--site-dir", default="site")
    build.set_defaults(run=f"{HEAVY}:cmd_build")

    render = commands.add_parser("render", help="write the generated Markdown pages and JSON to a folder")
    render.add_argument("--out", type=Path, required=True)
    render.add_argument("--today", type=_day, help="render as if today were this date (YYYY-MM-DD)")
    render.set_defaults(run=f"{HEAVY}:cmd_render")

    readability = commands.add_parser("readability", help="print how easy each page is to read, and what to fix")
    readability.add_argument("--today", type=_day, help="as if today were this date (YYYY-MM-DD)")
    readability.set_defaults(run=f"{HEAVY}:cmd_readability")

    schema = commands.add_parser("schema", help="write a JSON Schema per data file, so editors see mistakes as they type")
    schema.set_defaults(run=f"{HEAVY}:cmd_schema")

    new = commands.add_parser("new", help="start a new programme: write a small project that builds")
    new.add_argument("directory", type=Path)
    new.set_defaults(run=f"{HEAVY}:cmd_new")
    return main


def _command(run: Command | str) -> Command:
    """A command given as "module:function" is imported only now, so light commands stay light."""
    if callable(run):
        return run
    module, name = run.split(":")
    found: Command = getattr(importlib.import_module(module), name)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    args.root = args.root.resolve()
    return int(_command(args.run)(args))
