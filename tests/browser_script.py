"""Puppeteer scripts run by node in Debian's Chromium, for the tests that use the built site as a person would.

The `served` fixture (conftest.py) serves the built example site on 127.0.0.1; `run_script` runs one script
against it and returns the JSON object the script printed last.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
NODE_MODULES = ROOT / "node_modules"

needs_browser = pytest.mark.skipif(
    not (CHROMIUM.exists() and (NODE_MODULES / "puppeteer").is_dir() and shutil.which("node")),
    reason="needs /usr/bin/chromium, node and node_modules/puppeteer",
)


def run_script(folder: Path, name: str, script: str, *args: str, timeout: float = 300) -> Any:
    """Write `script` to `folder/name`, run it with node and the project's node_modules; its last JSON line."""
    path = folder / name
    path.write_text(script, encoding="utf-8")
    result = subprocess.run(
        ["node", str(path), *args],
        capture_output=True, text=True, timeout=timeout,
        env={**os.environ, "NODE_PATH": str(NODE_MODULES), "PUPPETEER_SKIP_DOWNLOAD": "1"},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])
