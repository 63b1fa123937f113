"""Golden files: every generated Markdown page and open data file of the example site, as it was last agreed.

A change to any output shows here as a diff, file by file. When the change is meant, write the new golden files with

    .venv/bin/python -m pytest tests/test_golden.py --snapshot-update

and read the diff of `tests/__snapshots__/test_golden/` before you commit it.
The files are made by `python -m generator render` with a pinned date, so they do not change with the clock.
"""
from __future__ import annotations

import pytest
from conftest import copy_project, run_generator
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

PINNED = "2026-11-22"


class MarkdownFile(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "md"


class JsonFile(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "json"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Every file `render` writes for the example data, by its path in the site."""
    root = copy_project(tmp_path_factory.mktemp("golden") / "project")
    out = root / "rendered"
    result = run_generator(root, "render", "--out", str(out), "--today", PINNED)
    assert result.returncode == 0, result.stderr
    return {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in sorted(out.rglob("*")) if p.is_file()}


def _name(path: str) -> str:
    return path.replace("/", "__")  # the golden file's name: forums/index.md is stored as ...[forums__index.md].md


def _check(files: dict[str, str], snapshot: SnapshotAssertion) -> None:
    """Compare every file, then fail once, naming every file that changed (and showing the first diff)."""
    changed = [path for path, text in files.items() if snapshot(name=_name(path)) != text]
    if changed:
        first = changed[0]
        assert files[first] == snapshot(name=_name(first)), f"{len(changed)} generated files changed: {changed}"


def test_the_list_of_generated_files(rendered: dict[str, str], snapshot: SnapshotAssertion) -> None:
    assert "\n".join(rendered) + "\n" == snapshot.use_extension(MarkdownFile)(name="all files")


def test_generated_markdown_pages(rendered: dict[str, str], snapshot: SnapshotAssertion) -> None:
    pages = {path: text for path, text in rendered.items() if path.endswith(".md")}
    assert len(pages) > 100
    _check(pages, snapshot.use_extension(MarkdownFile))


def test_generated_open_data(rendered: dict[str, str], snapshot: SnapshotAssertion) -> None:
    documents = {path: text for path, text in rendered.items() if path.endswith(".json")}
    assert {"api/areas.json", "api/forums.json", "api/glossary.json", "api/meetings.json"} <= set(documents)
    _check(documents, snapshot.use_extension(JsonFile))

