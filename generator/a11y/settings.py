"""Where the gate finds things, and the fixed settings of the browser run.

Every path comes from the project root the gate is given (the current folder, or `--root`), never from where
this file is installed: an installed package has no `node_modules/` beside it.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

# Root needs --no-sandbox; the rest stop Chromium from calling home, which fails (and leaks) on these machines.
# The resolver rule sends every host but the gate's own server nowhere: a page that asks another host is reported
# (browser.mjs watches every request) and its request goes nowhere, without holding each request in Node.
CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-dev-shm-usage",
)
PAGE_TIMEOUT_MS = 60_000
# The widths every page is looked at: a large screen, then a small phone (WCAG 1.4.10 reflow is at 320px).
WIDTHS = (1280, 320)
# The pages a person should look at: one of each kind, photographed at both widths.
MAIN_PAGES = ("/", "/forums/", "/meetings/", "/toolkits/", "/glossary/")
# Node scripts of the browser run, shipped inside this package.
SCRIPTS = ("browser.mjs", "audit.mjs", "keyboard.mjs", "no_script.mjs", "in_page.mjs")


def default_jobs() -> int:
    """Pages checked at the same time: one per core, and one more to use the time a tab spends waiting
    (for the next frame, for a round trip to Node). Measured on 2 cores: 3 tabs 1.27 pages a second, 2 tabs 0.86."""
    return max(1, os.cpu_count() or 1) + 1


def default_chromium() -> Path:
    """`CHROMIUM` if set; else Debian's chromium-headless-shell when installed, else Debian's chromium.

    The headless shell is the same Chromium (same version, same Blink) without the desktop browser's windows
    behind each tab: measured here it spends about a third less CPU a page, most of it in the browser process.
    """
    if os.environ.get("CHROMIUM"):
        return Path(os.environ["CHROMIUM"])
    shell = Path("/usr/bin/chromium-headless-shell")
    return shell if shell.exists() else Path("/usr/bin/chromium")


def script_folder() -> Path:
    """The folder of the Node scripts (package data, found through importlib, so it works when installed)."""
    return Path(str(resources.files(__package__ or "generator.a11y")))


@dataclass(frozen=True)
class Settings:
    """Everything a run needs to know about where it is."""

    root: Path
    chromium: Path = field(default_factory=default_chromium)
    java: str = field(default_factory=lambda: os.environ.get("JAVA", "java"))
    jobs: int = field(default_factory=default_jobs)
    cache: Path | None = None  # default: ROOT/.cache/a11y

    @property
    def node_modules(self) -> Path:
        return self.root / "node_modules"

    @property
    def vnu_jar(self) -> Path:
        return self.node_modules / "vnu-jar" / "build" / "dist" / "vnu.jar"

    @property
    def exceptions_file(self) -> Path:
        return self.root / "a11y-exceptions.yml"

    @property
    def cache_dir(self) -> Path:
        return self.cache or self.root / ".cache" / "a11y"

    @property
    def reports_dir(self) -> Path:
        return self.root / "reports" / "a11y"

    @property
    def lock_file(self) -> Path:
        return self.root / "package-lock.json"
