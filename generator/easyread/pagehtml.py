"""Every page of the site as HTML body text, without MkDocs: for the readability table and the benchmark.

Generated pages come from `generator.pages.all_pages`; hand-written pages from `content/*.md` with their
generated blocks filled in. Markdown is turned into HTML with the extensions listed in `mkdocs.yml`, so the
figures match what the build sees.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import markdown
from ruamel.yaml import YAML

from generator.models.site import SiteData
from generator.render.blocks import fill_blocks
from generator.render.pages import all_pages

DEFAULT_EXTENSIONS: list[Any] = ["attr_list", "md_in_html", "tables", "toc", "admonition"]


@dataclass(frozen=True)
class PageHtml:
    path: str  # like `forums/index.md`
    shown: str  # how messages name it: `content/index.md`, or `forums/index.md (generated)`
    html: str


def _plain(value: Any) -> bool:
    """False for values mkdocs.yml gives with a Python tag (`!!python/name:...`): we cannot use those here."""
    if isinstance(value, dict):
        return all(_plain(v) for v in value.values())
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    return value is None or isinstance(value, (str, int, float, bool))


def markdown_extensions(config_file: Path) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """The Markdown extensions and their settings from mkdocs.yml, leaving out what we cannot load."""
    try:
        config = YAML(typ="rt").load(config_file.read_text(encoding="utf-8")) or {}
    except Exception:
        return list(DEFAULT_EXTENSIONS), {}
    names: list[str] = []
    settings: dict[str, dict[str, Any]] = {}
    for item in config.get("markdown_extensions") or DEFAULT_EXTENSIONS:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict):
            for name, options in item.items():
                names.append(str(name))
                if isinstance(options, dict) and _plain(dict(options)):
                    settings[str(name)] = {str(k): v for k, v in options.items()}
    usable = []
    for name in names:
        try:
            markdown.Markdown(extensions=[name], extension_configs={name: settings.get(name, {})})
        except Exception:
            continue
        usable.append(name)
    return usable, {name: settings[name] for name in usable if name in settings}


def site_pages(root: Path, data: SiteData, today: date, docs_dir: str = "content") -> Iterator[PageHtml]:
    """Every page, generated and hand-written, as HTML."""
    names, settings = markdown_extensions(root / "mkdocs.yml")
    converter = markdown.Markdown(extensions=names, extension_configs=settings)

    def to_html(text: str) -> str:
        converter.reset()
        return str(converter.convert(text))

    for page in all_pages(data, today):
        yield PageHtml(page.path, f"{page.path} (generated)", to_html(fill_blocks(page.markdown, data, today, page.path)))
    content = root / docs_dir
    for path in sorted(content.rglob("*.md")):
        page_path = path.relative_to(content).as_posix()
        text = fill_blocks(path.read_text(encoding="utf-8"), data, today, page_path)
        yield PageHtml(page_path, f"{docs_dir}/{page_path}", to_html(text))
