"""Command line: `python -m generator [--root DIR] check | build | render | readability | schema | new DIR`."""
from __future__ import annotations

import argparse
import shutil
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from generator.build import build_site
from generator.easyread.pagehtml import site_pages
from generator.easyread.site_check import SiteCheck
from generator.load.schema import SCHEMA_DIR, write_schemas
from generator.models.problems import DataProblems
from generator.models.site import MissingDataFile, SiteData
from generator.outputs import extra_files
from generator.pipeline import load_site_data
from generator.render.blocks import UnknownBlock
from generator.render.pages import all_pages
from generator.today import resolve_today
from generator.validate.warnings import governance_warnings


def _load(root: Path, data: str, today: str | None = None) -> SiteData | None:
    try:
        # The same rules as the build, "today" included: a green check means the build's data step passes.
        loaded = load_site_data(root / data, root, resolve_today(today))
    except DataProblems as problems:
        print(problems.report(), file=sys.stderr)
        return None
    # Warnings do not stop the build (the record must stay true), but editors must see them.
    for warning in governance_warnings(loaded):
        print(f"Warning (the build goes on): {warning}", file=sys.stderr)
    return loaded


def cmd_check(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    data = _load(args.root, args.data, getattr(args, "today", None))
    if data is None:
        return 1
    records = sum(len(v) for v in (data.areas, data.forums, data.glossary, data.people, data.bodies, data.meetings, data.toolkits, data.feedback.items))
    print(f"The data is fine: {len(data.documents)} files, {records} records, checked in {time.perf_counter() - started:.2f}s.")
    return 0


def _error_lines(output: str) -> list[str]:
    """The ERROR and WARNING lines of a MkDocs run, with the lines that carry on a multi-line message."""
    lines: list[str] = []
    carrying = False
    for line in output.splitlines():
        if "ERROR" in line or "WARNING" in line or "Error" in line:
            lines.append(line)
            carrying = "ERROR" in line
        elif carrying and line.strip() and not line.startswith(("INFO", "DEBUG", "Aborted")) and "\x1b" not in line:
            lines.append(line)
        else:
            carrying = False
    return lines


def cmd_build(args: argparse.Namespace) -> int:
    if _load(args.root, args.data, getattr(args, "today", None)) is None:
        print("Nothing was built. The site folder was not changed.", file=sys.stderr)
        return 1
    started = time.perf_counter()
    result = build_site(args.root, args.root / args.site_dir, today=args.today)
    if not result.ok:
        lines = _error_lines(result.output)
        print("\n".join(lines or result.output.splitlines()[-20:]), file=sys.stderr)
        print("The build failed. The site folder was not changed.", file=sys.stderr)
        return 1
    print(f"Built {args.site_dir}/ in {time.perf_counter() - started:.1f}s.")
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    """Write the generated pages as plain files, for another engine or for reading."""
    data = _load(args.root, args.data, getattr(args, "today", None))
    if data is None:
        return 1
    today = resolve_today(args.today)
    out: Path = args.out
    files = {page.path: page.markdown for page in all_pages(data, today)}
    files.update(extra_files(data, today))
    for path, text in files.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="")
    written = len(files)
    print(f"Wrote {written} files to {out}.")
    return 0


def cmd_readability(args: argparse.Namespace) -> int:
    """Print every page's readability figures, then what to fix. Exit 1 when anything is over a limit."""

    data = _load(args.root, args.data, getattr(args, "today", None))
    if data is None:
        return 1
    check = SiteCheck(data, args.root, args.root / "content")
    try:
        for page in site_pages(args.root, data, resolve_today(args.today)):
            check.add_page(page.path, page.html, page.shown)
    except (UnknownBlock, MissingDataFile) as error:
        print(error, file=sys.stderr)
        return 1
    print(check.table())
    found = check.readability_problems() + check.acronym_problems()
    if found:
        print(f"\n{len(found)} things to fix:", *found, sep="\n")
        return 1
    print(f"\nAll {len(check.figures)} pages are within the limits.")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    """Write a JSON Schema per data file into schemas/, and point every data file at its schema."""
    written = write_schemas(args.root, args.root / args.data)
    print(f"Wrote {len(written)} schemas to {SCHEMA_DIR}/. Every file in {args.data}/ now starts with its schema line.")
    return 0


def _skeleton() -> Path:
    return Path(__file__).resolve().parent / "skeleton"


def _theme() -> Path | None:
    """The easy-read theme next to the generator's own project, when the generator was installed from it."""
    theme = Path(__file__).resolve().parent.parent / "theme"
    return theme if (theme / "main.html").is_file() else None


def cmd_new(args: argparse.Namespace) -> int:
    """Write a small project that builds on its own: settings, 1 area and its forum, 1 glossary word, 1 page."""
    target: Path = args.directory.resolve()
    if target.exists() and any(target.iterdir()):
        print(f"{target} is not empty. Choose a new folder, so nothing is written over.", file=sys.stderr)
        return 1
    shutil.copytree(_skeleton(), target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
    theme = _theme()
    if theme is not None:
        shutil.copytree(theme, target / "theme", ignore=shutil.ignore_patterns("toolkits"))
    write_schemas(target, target / "data")
    print(f"Made a new project in {target}. Read its README.md, then run: python -m generator --root {target} build")
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
    build.set_defaults(run=cmd_build)

    render = commands.add_parser("render", help="write the generated Markdown pages and JSON to a folder")
    render.add_argument("--out", type=Path, required=True)
    render.add_argument("--today", type=_day, help="render as if today were this date (YYYY-MM-DD)")
    render.set_defaults(run=cmd_render)

    readability = commands.add_parser("readability", help="print how easy each page is to read, and what to fix")
    readability.add_argument("--today", type=_day, help="as if today were this date (YYYY-MM-DD)")
    readability.set_defaults(run=cmd_readability)

    schema = commands.add_parser("schema", help="write a JSON Schema per data file, so editors see mistakes as they type")
    schema.set_defaults(run=cmd_schema)

    new = commands.add_parser("new", help="start a new programme: write a small project that builds")
    new.add_argument("directory", type=Path)
    new.set_defaults(run=cmd_new)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    args.root = args.root.resolve()
    return int(args.run(args))
