"""MkDocs hooks for the bench's plain project: what the theme (theme/) needs from a build, and nothing more.

The theme's templates use a filter and 3 globals that our plugin sets in `on_env`, and the site map's pages for
big groups that it adds in `on_files`. Plain MkDocs needs them too to
render the same theme, so it pays for them as our build does. Nothing of the plugin's own work is here (no data,
no checks, no glossary links, no search index: with no plugin, plain MkDocs makes none, so ours is part of what
our build is measured paying for).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.render.site_map import Link, limit_from, menu_names, part_pages, site_map
from generator.render.themehtml import easy_read_layout

_menu: list[Link] = []


def on_files(files: Any, config: Any) -> Any:
    # The site map's pages for big groups, as the plugin adds them.
    from mkdocs.structure.files import File

    def url_of(src: str) -> str | None:
        found = files.get_file_from_path(src)
        return None if found is None else found.url

    labels = config.extra.get("labels") or {}
    limit = limit_from(labels)
    if limit:
        urls = [f.url for f in files.documentation_pages()]
        for source, text in part_pages(urls, limit, menu_names(config.nav, url_of), str(labels["site_map_part"])).items():
            files.append(File.generated(config, source, content=text))
    return files


def on_nav(nav: Any, config: Any, files: Any) -> Any:
    _menu[:] = [Link(item.url, item.title or "") for item in nav.items if item.url is not None]
    return nav


def on_env(env: Any, config: Any, files: Any) -> Any:
    contact = Path(config.config_file_path).parent / "contact.json"
    env.globals["ez_contact"] = json.loads(contact.read_text(encoding="utf-8"))
    pages = [Link(f.page.url, f.page.title or "") for f in files.documentation_pages() if f.page is not None]
    groups = site_map(_menu, pages, limit_from(config.extra.get("labels")))
    env.globals["ez_site_map"] = groups
    env.globals["ez_site_map_parts"] = {part.url: part for group in groups for part in group.parts}
    env.filters["ez_layout"] = easy_read_layout
    return env
