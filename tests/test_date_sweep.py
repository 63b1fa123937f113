"""The unchanged example builds, and passes every build gate, on any day from round 1 to 10 years on.

Gates checked by each build: the data checks, MkDocs strict mode (every link and anchor), the easy-read
check (sentence length, reading ease) and the acronym check. A build that breaks with time is one nobody
can fix, so this sweeps at least 1 date a year, and the days the clocks change.

It builds in this process (MkDocs' own `load_config` and `build`), about 20 seconds a date, so it runs
once, in `make test` (RUN_DATE_SWEEP=1), not with every `pytest` run.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import ROOT
from mkdocs.commands.build import build
from mkdocs.config import load_config

# Round 1 is January 2026 (data/schedule.yml). The sweep starts when the example's records were written: its
# minutes go up to the meeting of 10 September 2026, and a build for a day before a meeting with minutes is
# refused on purpose (a meeting that has not happened yet cannot have minutes: tests/test_true_records.py).
DATES = [
    "2026-09-10",  # the last meeting with minutes
    "2026-10-25",  # clocks go back
    "2026-11-23",  # the day the example data was last changed
    "2027-03-28", "2027-10-31",
    "2027-12-20",  # the day the old generator's forum pages fell below reading ease 70
    "2028-06-15", "2029-02-01", "2030-09-30",
    "2031-03-30",  # clocks go forward
    "2032-12-31", "2033-07-04", "2034-04-01",
    "2035-10-28",  # clocks go back
    "2036-01-06",  # 10 years on
]

pytestmark = pytest.mark.skipif(
    os.environ.get("RUN_DATE_SWEEP") != "1", reason="slow: set RUN_DATE_SWEEP=1 (make test does)",
)


@pytest.mark.parametrize("day", DATES)
def test_the_example_builds_on(day: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITE_TODAY", day)
    monkeypatch.chdir(ROOT)
    config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)  # raises on bad data, a strict-mode warning or a failed easy-read gate
    finally:
        config.plugins.on_shutdown()
    assert (tmp_path / "site/index.html").is_file()
    assert (tmp_path / "site/forums/schedule/index.html").is_file()
