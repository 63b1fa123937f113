"""`python -m generator check` and `render`: quick, clear, and never a traceback."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import run_generator

from generator.today import resolve_today


def test_check_passes_on_example_data(project: Path) -> None:
    result = run_generator(project, "check")
    assert result.returncode == 0
    assert result.stdout.startswith("The data is fine:")


def test_check_reports_and_fails(project: Path) -> None:
    (project / "data/areas.yml").write_text("areas:\n  - id: x\n    name: X\n    extra: 1\n", encoding="utf-8")
    result = run_generator(project, "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0].startswith("data/areas.yml:4:5: areas[1].extra:")
    assert result.stderr.splitlines()[-1] == "Found 1 problem in the data. Nothing was built. Fix them and try again."


def test_bad_today_is_a_plain_error(project: Path) -> None:
    result = run_generator(project, "build", "--today", "22/11/2026")
    assert result.returncode == 2
    assert '"22/11/2026" is not a date. Write it like 2026-03-04.' in result.stderr
    assert "Traceback" not in result.stderr


def test_render_writes_the_same_pages_without_mkdocs(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_generator(project, "render", "--out", str(out), "--today", "2026-11-22")
    assert result.returncode == 0, result.stderr
    assert (out / "forums/index.md").read_text(encoding="utf-8").startswith("# Community forums")
    assert (out / "api/glossary.json").is_file()


@pytest.mark.parametrize(
    ("explicit", "environ", "expected"),
    [
        ("2026-03-04", {"SITE_TODAY": "2020-01-01"}, date(2026, 3, 4)),
        (None, {"SITE_TODAY": "2026-01-06"}, date(2026, 1, 6)),
        # 23:30 UTC on 31 May 2026 is already 1 June in London (summer time).
        (None, {"SOURCE_DATE_EPOCH": "1780270200"}, date(2026, 6, 1)),
    ],
)
def test_today_can_be_pinned(explicit: str | None, environ: dict[str, str], expected: date) -> None:
    assert resolve_today(explicit, environ) == expected


def test_bad_site_today_in_plain_mkdocs_is_a_plain_error(project: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "SITE_TODAY": "tomorrow"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, env=env, capture_output=True, text=True,
    )
    assert result.returncode != 0
    assert "The build date is not a date" in result.stderr
    assert "Traceback" not in result.stderr
