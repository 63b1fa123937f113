"""Shared fixtures: a throw-away copy of the project, so tests can break its data safely.

Builds run in this process (MkDocs' own `load_config` and `build`, as mkdocstrings' tests do), so they are fast,
coverage sees the plugin, and a failure is MkDocs' exception, not its log text. The command line runs in this process
too (`generator.cli.main`); only a test whose subject is the separate process (`python -m ...`) starts one.
"""
from __future__ import annotations

import contextlib
import io
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.a11y.server import serve
from generator.cli import main as cli_main
from generator.compute.plurals import number_forms
from generator.models.problems import DataProblems
from generator.models.site import SiteData
from generator.pipeline import load_site_data

# The machine is shared, so time limits would fail tests that are right but slow. Mutation testing runs a test
# class's methods again in one process, which Hypothesis would otherwise report as "differing executors".
settings.register_profile("project", deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.differing_executors])
settings.load_profile("project")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _fresh_word_forms() -> None:
    """Each test works out plurals afresh, so no test leans on what an earlier one left in the cache."""
    number_forms.cache_clear()
PROJECT_PARTS = ("mkdocs.yml", "content", "data", "theme")
TODAY = "2026-11-22"


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        elif source.exists():
            shutil.copy2(source, target / part)
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A full copy of the project's inputs in a temporary folder, for a test that changes them."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def example_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the project's inputs for every test that only reads them: never write into it."""
    return copy_project(tmp_path_factory.mktemp("example") / "project")


@pytest.fixture(scope="session")
def example_data(example_project: Path) -> Iterator[SiteData]:
    """The example data, loaded once (per xdist worker) for every test that only reads it.

    A test that changed it would change what later tests see, so the session fails at the end if it changed.
    """
    data = load_site_data(example_project / "data", example_project)
    before = repr(data)
    yield data
    assert repr(data) == before, "a test changed the shared example data: load your own copy (the `project` fixture)"


@dataclass(frozen=True)
class Run:
    """What a command gave: the same three fields as `subprocess.CompletedProcess`."""

    returncode: int
    stdout: str
    stderr: str


@contextlib.contextmanager
def _site_today(today: str | None) -> Iterator[None]:
    """SITE_TODAY for the length of one build (the plugin reads it), then as it was."""
    old = os.environ.get("SITE_TODAY")
    if today is not None:
        os.environ["SITE_TODAY"] = today
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("SITE_TODAY", None)
        else:
            os.environ["SITE_TODAY"] = old


def run_generator(root: Path, *args: str) -> Run:
    """`python -m generator --root ROOT ARGS`, run in this process; exit code and printed text as a subprocess gives them."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), contextlib.chdir(root):
        try:
            code = cli_main(["--root", str(root), *args])
        except SystemExit as stop:  # argparse stops this way on a bad argument
            code = stop.code if isinstance(stop.code, int) else 1
    return Run(code, out.getvalue(), err.getvalue())


def run_generator_process(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command line as a separate process: only for tests whose subject is that process."""
    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), *args],
        capture_output=True, text=True, cwd=root,
    )


def mkdocs_build(root: Path, today: str = TODAY, site_dir: Path | None = None) -> Path:
    """Build `root` with MkDocs in this process, strict, as `mkdocs build --strict` does; return the site folder.

    A failed build raises MkDocs' own exception (`PluginError`, `Abort`, ...), with the message an editor sees.
    """
    site = site_dir or root / "site"
    with _site_today(today), contextlib.chdir(root):
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(site), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    return site


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def mkdocs_build_error(root: Path, today: str = TODAY) -> str:
    """What a strict build of `root` stops with: the errors and warnings MkDocs logged, then its exception.

    Fails the test if the build works.
    """
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        with pytest.raises(MkDocsException) as caught:
            mkdocs_build(root, today)
    finally:
        logger.removeHandler(collect)
    return "\n".join([*collect.lines, str(caught.value)])


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site, built once for every test that only reads it."""
    root = copy_project(tmp_path_factory.mktemp("built") / "project")
    return mkdocs_build(root, TODAY)


def problems_for(project: Path) -> list[str]:
    """The problem lines loading this project's data gives; fails the test if the data loads cleanly."""
    with pytest.raises(DataProblems) as caught:
        load_site_data(project / "data", project)
    return [str(p) for p in caught.value.problems]


def edit(path: Path, old: str, new: str) -> int:
    """Replace `old` with `new` once; return the 1-based line where the new text starts."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


@pytest.fixture(scope="module")
def served(built_site: Path) -> Iterator[str]:
    """The built example site on a free local port, for the browser tests (tests/browser_script.py)."""
    with serve(built_site) as base:
        yield base
