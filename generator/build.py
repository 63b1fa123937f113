"""Build the site somewhere else first, and swap it in only when the whole build worked.

A failed build (bad data, a broken link in strict mode, a page that is not easy read) leaves the last good
`site/` exactly as it was. MkDocs runs in this process, with its own `load_config` and `build`, so the
command line, the tests and `mkdocs build` all make the same HTML. Errors come from MkDocs' exceptions,
and strict mode's warnings from a logging handler, never from reading its log text.

This is the outer shell with the plugin and the command line: the core below `pipeline` never imports MkDocs.
"""
from __future__ import annotations

import html
import logging
import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError, MkDocsException

from generator.models.site import SiteData
from generator.pipeline import load_site_data
from generator.validate.privacy import private_names, scan_text

PLUGIN = "coproduction"  # the plugin's name in mkdocs.yml


def private_name_leaks(data: SiteData, built: Path) -> list[str]:
    """Every built file (pages, search index, JSON, calendars, feeds) that names a person who keeps their name private."""
    names = private_names(data.people)
    found = []
    # Files made from the data; the theme's own scripts and styles (assets/) hold no data.
    outputs = (p for p in built.rglob("*") if p.suffix in {".html", ".json", ".xml", ".ics", ".txt", ".csv"})
    for path in sorted(p for p in outputs if p.is_file() and "assets" not in p.relative_to(built).parts):
        text = path.read_bytes().decode("utf-8", errors="ignore")
        text = html.unescape(text.replace("\\u0026", "&"))
        for name, _match in scan_text(text, names):
            found.append(f"{path.relative_to(built).as_posix()}: names {name.person.id}, who keeps their name private.")
            break
    return found


@dataclass(frozen=True)
class BuildResult:
    ok: bool
    output: str  # every log line of the build, for people to read
    errors: tuple[str, ...] = ()  # why it failed: MkDocs' exception, then any warnings strict mode counted
    warnings: tuple[str, ...] = ()
    plugins: Mapping[str, object] = field(default_factory=dict, repr=False)  # the plugin instances, to read results


class _Collect(logging.Handler):
    """Keeps every record of the build: all as text, and the warnings and errors on their own."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []
        self.warnings: list[str] = []
        self.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))
        if record.levelno >= logging.WARNING:
            self.warnings.append(record.getMessage())


def build_in_process(
    root: Path, site_dir: Path, today: str | None = None, config: str = "mkdocs.yml", *, swap: bool = True,
    keep_results: bool = True,
) -> BuildResult:
    """Build the site at `root` into `site_dir`, in this process, strict.

    With `swap` (the default) the site is built beside `site_dir` and moved in only when everything worked:
    a failed build leaves `site_dir` byte for byte as it was. Without it, `site_dir` is simply written.
    Without `keep_results`, every page is worked out afresh and nothing is kept for the next build.
    """
    site_dir = site_dir.resolve()
    staging = site_dir.with_name(f"{site_dir.name}.new-{os.getpid()}") if swap else site_dir
    retired = site_dir.with_name(f"{site_dir.name}.old-{os.getpid()}")
    if swap:
        shutil.rmtree(staging, ignore_errors=True)
    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    saved = logger.level, logger.propagate
    logger.addHandler(collect)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    plugins: Mapping[str, object] = {}
    failure: str | None = None
    try:
        settings = load_config(str(root / config), site_dir=str(staging), strict=True)
        plugins = dict(settings.plugins)
        if today and PLUGIN in settings.plugins:
            settings.plugins[PLUGIN].config["today"] = today
        if not keep_results and PLUGIN in settings.plugins:
            settings.plugins[PLUGIN].config["cache_dir"] = ""
        mkdocs_build(settings)
    except ConfigurationError as error:
        failure = f"mkdocs.yml is not right: {error}"
    except MkDocsException as error:  # Abort (strict mode's warnings), PluginError, BuildError
        failure = str(error.format_message())
    except BaseException:
        if swap:
            shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        logger.removeHandler(collect)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
    output = "\n".join(collect.lines)
    if failure is None and not (staging / "index.html").is_file():
        failure = "The build made no home page (index.html)."
    if failure is None:
        # The last guard: whatever a check missed, no built file may name a person who keeps their name private.
        # The plugin's own prepared data, so the data is not loaded and validated a second time.
        prepared = getattr(plugins.get(PLUGIN), "prepared", None)
        data = getattr(prepared, "data", None)
        if not isinstance(data, SiteData):
            data = load_site_data(root / "data", root)
        leaks = private_name_leaks(data, staging)
        if leaks:
            failure = "\n".join(leaks) + "\nA private name reached the built site. Nothing was changed."
    if failure is not None:
        if swap:
            shutil.rmtree(staging, ignore_errors=True)
        return BuildResult(False, output, (*collect.warnings, failure), tuple(collect.warnings), plugins)
    if swap:
        if site_dir.exists():
            site_dir.rename(retired)
        staging.rename(site_dir)
        shutil.rmtree(retired, ignore_errors=True)
    return BuildResult(True, output, (), tuple(collect.warnings), plugins)


def build_site(root: Path, site_dir: Path, today: str | None = None, config: str = "mkdocs.yml") -> BuildResult:
    """The atomic build (kept under its old name)."""
    return build_in_process(root, site_dir, today, config)
