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
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError, MkDocsException

from generator.load.folders import entries_in
from generator.models.site import SiteData
from generator.pipeline import load_site_data
from generator.validate.privacy import private_names, scan_text

PLUGIN = "coproduction"  # the plugin's name in mkdocs.yml


def private_name_leaks(data: SiteData, built: Path) -> list[str]:
    """Every built file (pages, search index, JSON, calendars, feeds) that names a person who keeps their name private."""
    names = private_names(data.people)
    if not names:
        return []  # everybody named has said yes
    # A name with no > and no " in it never matches across one, so a file can be read in pieces cut just after
    # one: the open data's glossary alone is 1 MB at 30× the example, and this runs when the build holds the most.
    whole = any('"' in name.person.name or ">" in name.person.name for name in names)
    found = []
    for relative in _data_outputs(built):
        for piece in _pieces(os.path.join(built, relative), whole=whole):
            if "\\u0026" in piece:
                piece = piece.replace("\\u0026", "&")
            hit = next(scan_text(html.unescape(piece), names), None)
            if hit is not None:
                found.append(f"{relative}: names {hit[0].person.id}, who keeps their name private.")
                break
    return found


_PIECE = 1 << 18  # bytes


def _pieces(path: str, *, whole: bool = False) -> Iterator[str]:
    """The file's text, in pieces of about _PIECE bytes each cut just after a > or a " (`whole`: in one piece).

    Cut at those bytes, the pieces read as the whole file would: UTF-8 never has them inside a character, and an
    entity (&amp;) or an escape (\\u0026) never has them inside it.
    """
    with open(path, "rb") as file:
        if whole:
            yield file.read().decode("utf-8", errors="ignore")
            return
        carry = b""
        while block := file.read(_PIECE):
            block = carry + block
            cut = max(block.rfind(b">"), block.rfind(b'"')) + 1
            carry = block[cut:]
            if cut:
                yield block[:cut].decode("utf-8", errors="ignore")
        if carry:
            yield carry.decode("utf-8", errors="ignore")


_DATA_SUFFIXES = frozenset({".html", ".json", ".xml", ".ics", ".txt", ".csv"})


def _data_outputs(built: Path) -> list[str]:
    """Every built file that data can reach (pages, search index, JSON, calendars, feeds), by path from `built`, in order.

    Not the theme's scripts and styles: .js and .css are not read, wherever they are. Every folder is, even one
    called assets: a glossary word "assets" has its page in glossary/assets/.

    Paths as text, not Path objects: 10,000 of those held for the scan cost more memory than the build's last step should.
    Each folder is read once (generator/load/folders.py): os.walk and a check of each file took 0.1 s at 30x.
    """
    return [entry.relative for entry in entries_in(built) if entry.is_file and entry.suffix in _DATA_SUFFIXES]


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
