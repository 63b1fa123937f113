"""The commands that build or read pages, or write files: `build`, `render`, `readability`, `schema`, `new` (see cli.py).

They import MkDocs and Jinja. `check` lives in cli.py without them, so it starts fast; cli.py
names this module only when one of these commands is asked for.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from generator.build import PLUGIN, BuildResult, build_in_process
from generator.easyread.site_check import SiteCheck
from generator.load.schema import SCHEMA_DIR, write_schemas
from generator.models.problems import DataProblems
from generator.outputs import extra_files
from generator.pipeline import Prepared, prepare
from generator.plugin import CoproductionPlugin
from generator.render.pages import all_pages
from generator.today import resolve_today


def _prepare(args: argparse.Namespace) -> Prepared | None:
    """Load, validate and compute once. The plugin gets the same result without reading the data again."""
    try:
        prepared = prepare(args.root / args.data, args.root, resolve_today(args.today), args.root / "content")
    except DataProblems as problems:
        print(problems.report(), file=sys.stderr)
        return None
    # Warnings do not stop the build (the record must stay true), but editors must see them.
    for warning in prepared.warnings:
        print(f"Warning (the build goes on): {warning}", file=sys.stderr)
    return prepared


def _print_errors(result: BuildResult) -> None:
    print("\n".join(result.errors) or "\n".join(result.output.splitlines()[-20:]), file=sys.stderr)


def cmd_build(args: argparse.Namespace) -> int:
    if _prepare(args) is None:
        print("Nothing was built. The site folder was not changed.", file=sys.stderr)
        return 1
    started = time.perf_counter()
    result = build_in_process(args.root, args.root / args.site_dir, today=args.today)
    if not result.ok:
        _print_errors(result)
        print("The build failed. The site folder was not changed.", file=sys.stderr)
        return 1
    print(f"Built {args.site_dir}/ in {time.perf_counter() - started:.1f}s.")
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    """Write the generated pages as plain files, for another engine or for reading."""
    prepared = _prepare(args)
    if prepared is None:
        return 1
    data, computed = prepared.data, prepared.computed
    out: Path = args.out
    files = {page.path: page.markdown for page in all_pages(data, computed.today, computed)}
    files.update(extra_files(data, computed.today, None, computed))
    for path, text in files.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="")
    print(f"Wrote {len(files)} files to {out}.")
    return 0


def readability_check(result: BuildResult) -> SiteCheck | None:
    """The easy-read checks of a build, when every page was read (even if a page then stopped the build)."""
    plugin = result.plugins.get(PLUGIN)
    if isinstance(plugin, CoproductionPlugin) and plugin.checked:
        return plugin.easy_read
    return None


def cmd_readability(args: argparse.Namespace) -> int:
    """Print every page's readability figures, then what to fix. Exit 1 when anything is over a limit.

    The pages are the build's own HTML: MkDocs builds the site in this process, into a folder that is
    thrown away, and the plugin's checks are read back.
    """
    if _prepare(args) is None:
        return 1
    with tempfile.TemporaryDirectory(prefix="readability-") as folder:
        result = build_in_process(args.root, Path(folder) / "site", today=args.today, swap=False)
    check = readability_check(result)
    if check is None:
        _print_errors(result)
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
