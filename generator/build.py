"""Build the site somewhere else first, and swap it in only when the whole build worked.

A failed build (bad data, a broken link in strict mode) leaves the last good `site/` exactly as it was.
MkDocs runs as a separate process, so this module does not import it.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BuildResult:
    ok: bool
    output: str


def build_site(root: Path, site_dir: Path, today: str | None = None, config: str = "mkdocs.yml") -> BuildResult:
    site_dir = site_dir.resolve()
    staging = site_dir.with_name(f"{site_dir.name}.new-{os.getpid()}")
    retired = site_dir.with_name(f"{site_dir.name}.old-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    env = dict(os.environ)
    if today:
        env["SITE_TODAY"] = today
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(root / config), "--site-dir", str(staging)]
    run = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    output = run.stdout + run.stderr
    if run.returncode != 0 or not (staging / "index.html").is_file():
        shutil.rmtree(staging, ignore_errors=True)
        return BuildResult(False, output)
    if site_dir.exists():
        site_dir.rename(retired)
    staging.rename(site_dir)
    shutil.rmtree(retired, ignore_errors=True)
    return BuildResult(True, output)
