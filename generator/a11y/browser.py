"""Run `browser.mjs`: each page loaded once in Debian's Chromium for axe, htmlcs, the probe and the keyboard walk.

The script prints one JSON line per page as soon as that page is done, so results reach the cache as they come,
and a crash part-way loses only the pages not yet done. A page without a line is a page that was not checked.
"""
from __future__ import annotations

import json
import os
import subprocess
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .findings import PageResult, from_pa11y, from_probe
from .settings import CHROMIUM_FLAGS, PAGE_TIMEOUT_MS, WIDTHS, Settings, script_folder


class GateCrashed(Exception):
    """A tool the gate needs is missing or failed as a whole: nothing to read."""


@dataclass(frozen=True)
class Visit:
    """One page to check, and what else to do on it."""

    page: str
    shots: str | None = None  # screenshot name, for the main pages
    dark: bool = False  # also an axe pass with the device set to dark colours
    no_script: bool = False  # also look at it with JavaScript off

    def plan(self) -> dict[str, Any]:
        return {"page": self.page, "shots": self.shots, "dark": self.dark, "no_script": self.no_script}


@dataclass
class BrowserRun:
    versions: dict[str, str] = field(default_factory=dict)
    stderr: str = ""


def to_result(line: dict[str, Any], shots_dir: Path) -> PageResult:
    """One line of `browser.mjs` output as a page result."""
    page = str(line["page"])
    if "crashed" in line:
        return PageResult(page=page, crashed=str(line["crashed"]))
    findings = [from_pa11y(page, issue) for issue in line.get("issues", [])]
    findings += [from_probe(page, problem) for problem in line.get("problems", [])]
    shots = [str(Path(shot).relative_to(shots_dir)) for shot in line.get("screenshots", [])]
    return PageResult(page=page, findings=findings, screenshots=shots, seconds=float(line.get("seconds", 0.0)))


def run_browser(
    settings: Settings, base: str, visits: Sequence[Visit], shots_dir: Path, on_result: Callable[[PageResult], None],
) -> BrowserRun:
    """Check `visits` at `base`; call `on_result` for each page as it is done."""
    if not visits:
        return BrowserRun()
    if not (settings.node_modules / "pa11y").is_dir():
        raise GateCrashed(f"{settings.node_modules / 'pa11y'} is missing. Run `make npm` (PUPPETEER_SKIP_DOWNLOAD=1 npm ci).")
    if not settings.chromium.exists():
        raise GateCrashed(f"{settings.chromium} is missing. Run `make chromium`.")
    plan = {
        "root": str(settings.root), "base": base, "chromium": str(settings.chromium), "args": list(CHROMIUM_FLAGS),
        "concurrency": settings.jobs, "timeout_ms": PAGE_TIMEOUT_MS, "out": str(shots_dir), "widths": list(WIDTHS),
        "pages": [visit.plan() for visit in visits],
    }
    # Generous: every page at most twice the page time, `jobs` at a time, plus start-up.
    budget = 120 + len(visits) * 2 * PAGE_TIMEOUT_MS / 1000 / settings.jobs
    env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1", "NO_COLOR": "1"}
    run = BrowserRun()
    # With A11Y_DEBUG=1 the script's timings go straight to the terminal.
    debug = bool(os.environ.get("A11Y_DEBUG"))
    process = subprocess.Popen(
        ["node", str(script_folder() / "browser.mjs")], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=None if debug else subprocess.PIPE, text=True, cwd=settings.root, env=env,
    )
    timer = threading.Timer(budget, process.kill)
    timer.start()
    errors: list[str] = []
    reader = threading.Thread(target=lambda: errors.append(process.stderr.read() if process.stderr else ""), daemon=True)
    reader.start()
    try:
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(json.dumps(plan))
        process.stdin.close()
        for text in process.stdout:
            if not text.startswith("{"):
                continue
            line = json.loads(text)
            if line.get("done"):
                run.versions = {str(k): str(v) for k, v in line.get("versions", {}).items()}
            else:
                on_result(to_result(line, shots_dir))
        process.wait()
    finally:
        timer.cancel()
        if process.poll() is None:
            process.kill()
        reader.join(5)
    run.stderr = "".join(errors).strip()[-2000:]
    if process.returncode != 0:
        raise GateCrashed(f"The browser run failed (exit {process.returncode}): {run.stderr}")
    return run
