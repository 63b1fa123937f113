"""Build the site somewhere else first, and swap it in only when the whole build worked.

A failed build (bad data, a broken link in strict mode) leaves the last good `site/` exactly as it was.
MkDocs runs as a separate process, so this module does not import it.
"""
from __future__ import annotations

import html
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.pipeline import load_site_data
from generator.validate.privacy import private_names, scan_text


def private_name_leaks(root: Path, built: Path) -> list[str]:
    """Every built file (pages, search index, JSON, calendars, feeds) that names a person who keeps their name private."""
    data = load_site_data(root / "data", root)
    names = private_names(data.people)
    found = []
    # Files made from the data; Material's own scripts and styles (assets/) hold no data.
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
    leaks = private_name_leaks(root, staging)
    if leaks:
        shutil.rmtree(staging, ignore_errors=True)
        return BuildResult(False, output + "\n".join(leaks) + "\nA private name reached the built site. Nothing was changed.\n")
    if site_dir.exists():
        site_dir.rename(retired)
    staging.rename(site_dir)
    shutil.rmtree(retired, ignore_errors=True)
    return BuildResult(True, output)
