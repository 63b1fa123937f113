"""Shared fixtures: a throw-away copy of the project, so tests can break its data safely."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.models.problems import DataProblems
from generator.pipeline import load_site_data

ROOT = Path(__file__).resolve().parent.parent
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
    """A full copy of the project's inputs in a temporary folder."""
    return copy_project(tmp_path / "project")


def run_generator(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), *args],
        capture_output=True, text=True, cwd=root,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site, built once for every test that only reads it."""
    root = copy_project(tmp_path_factory.mktemp("built") / "project")
    result = run_generator(root, "build", "--today", TODAY)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


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
