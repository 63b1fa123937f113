"""The same data and --today give a byte-identical site on any day: nothing reads the wall clock.

The first build is the session's `built_site` (the real clock, in the test process). The second runs
`python -m generator build` in its own process with the clock moved 9 days ahead (a `sitecustomize` that
shifts `time.time` and `datetime.now`), so anything taken from the clock, such as the sitemap's `lastmod`,
shows up; and, the two being separate processes, so does anything that hangs on set or hash order.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from conftest import TODAY, copy_project

SHIFT = '''
import datetime as _dt, time as _time
_OFFSET = {days} * 86400
_real_time = _time.time
_time.time = lambda: _real_time() + _OFFSET
class _Date(_dt.date):
    @classmethod
    def today(cls):
        return _dt.date.fromtimestamp(_time.time())
class _DateTime(_dt.datetime):
    @classmethod
    def now(cls, tz=None):
        return _dt.datetime.fromtimestamp(_time.time(), tz)
    @classmethod
    def utcnow(cls):
        return _dt.datetime.utcfromtimestamp(_time.time())
_dt.date = _Date
_dt.datetime = _DateTime
'''


def digests(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}


def build(root: Path, shift_days: int, tmp: Path) -> dict[str, str]:
    shim = tmp / f"shim-{shift_days}"
    shim.mkdir()
    (shim / "sitecustomize.py").write_text(SHIFT.format(days=shift_days), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "SITE_TODAY")}
    env["PYTHONPATH"] = os.pathsep.join([str(shim), env.get("PYTHONPATH", "")])
    run = subprocess.run([sys.executable, "-m", "generator", "--root", str(root), "build", "--today", TODAY],
                         capture_output=True, text=True, cwd=root, env=env)
    assert run.returncode == 0, run.stdout + run.stderr
    return digests(root / "site")


def test_the_shim_really_moves_the_clock(tmp_path: Path) -> None:
    shim = tmp_path / "shim"
    shim.mkdir()
    (shim / "sitecustomize.py").write_text(SHIFT.format(days=9), encoding="utf-8")
    code = "import datetime, time; print(datetime.date.today().isoformat(), int(time.time()))"
    moved = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": str(shim)}).stdout.split()
    real = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.split()
    assert int(moved[1]) - int(real[1]) >= 9 * 86400 - 60
    assert moved[0] != real[0]


def test_two_builds_nine_days_apart_are_byte_identical(built_site: Path, tmp_path: Path) -> None:
    first = digests(built_site)
    second = build(copy_project(tmp_path / "b"), 9, tmp_path)
    assert "sitemap.xml" in first and "sitemap.xml.gz" in first
    differ = sorted(name for name in first.keys() | second.keys() if first.get(name) != second.get(name))
    assert differ == []
