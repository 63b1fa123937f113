"""The Nu HTML Checker (npm `vnu-jar`, in Debian's Java) over many pages in one Java run.

One run for all the files: the Java start-up is most of the cost, so one run checks hundreds of pages in seconds.
Errors fail the gate; warnings and information are left out (`--errors-only`).
"""
from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .browser import GateCrashed
from .findings import Finding, from_vnu
from .pages import file_for
from .settings import Settings


def start_vnu(settings: Settings, site: Path, pages: Sequence[str]) -> subprocess.Popen[str] | None:
    """Start checking `pages` in the background; `finish_vnu` collects the findings."""
    if not pages:
        return None
    if not settings.vnu_jar.is_file():
        raise GateCrashed(f"{settings.vnu_jar} is missing. Run `make npm`.")
    if shutil.which(settings.java) is None:
        raise GateCrashed(f"{settings.java} is missing. Run `make java` (Debian's default-jre-headless).")
    files = [str(file_for(site, page).resolve()) for page in pages]
    # C1 only (`TieredStopAtLevel=1`): the checker's run is short, and the second JIT compiler costs more than it
    # saves. Measured here: 1 page 3.7 → 2.0 CPU seconds, 183 pages 8.6 → 3.7, 2,000 pages 18.4 → 10.7.
    return subprocess.Popen(
        [settings.java, "-Xss4m", "-XX:TieredStopAtLevel=1", "-jar", str(settings.vnu_jar), "--format", "json", "--errors-only",
         "--exit-zero-always", *files],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def finish_vnu(process: subprocess.Popen[str] | None, site: Path, pages: Sequence[str], timeout: float) -> dict[str, list[Finding]]:
    """The Nu checker's errors for each page (every page gets a list, empty when it is valid)."""
    found: dict[str, list[Finding]] = {page: [] for page in pages}
    if process is None:
        return found
    try:
        _, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        raise GateCrashed(f"The Nu HTML Checker did not finish within {timeout:.0f} seconds.") from None
    try:
        messages = json.loads(stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        raise GateCrashed(f"The Nu HTML Checker gave no report (exit {process.returncode}): {stderr[-1500:]}") from None
    by_file = {str(file_for(site, page).resolve()): page for page in pages}
    for message in messages:
        if message.get("type") not in ("error", "non-document-error"):
            continue
        path = unquote(urlsplit(str(message.get("url", ""))).path)
        page = by_file.get(path)
        if page is None:
            raise GateCrashed(f"The Nu HTML Checker could not check a file: {message.get('message', message)}")
        found[page].append(from_vnu(page, message))
    return found
