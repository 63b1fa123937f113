"""MkDocs hooks for the bench's plain project: what the theme (theme/) needs from a build, and nothing more.

The theme's templates use a filter and 2 globals that our plugin sets in `on_env`. Plain MkDocs needs them too to
render the same theme, so it pays for them as our build does. Nothing of the plugin's own work is here (no data,
no checks, no glossary links). Glossary word pages are left out of search, as our plugin does, so both build the
same search index.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.render.themehtml import easy_read_layout


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    src = page.file.src_uri
    if src.startswith("glossary/") and src != "glossary/index.md" and not src.startswith("glossary/letter-"):
        page.meta.setdefault("search", {})["exclude"] = True
    return markdown


def on_env(env: Any, config: Any, files: Any) -> Any:
    contact = Path(config.config_file_path).parent / "contact.json"
    env.globals["ez_contact"] = json.loads(contact.read_text(encoding="utf-8"))
    env.globals["ez_pages"] = [f.page for f in files.documentation_pages() if f.page is not None]
    env.filters["ez_layout"] = easy_read_layout
    return env
