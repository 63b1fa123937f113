"""The pages of a built site: every page of its `sitemap.xml`, plus the 404 page."""
from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

from .settings import MAIN_PAGES


def page_paths(site: Path) -> list[str]:
    """Every page of the sitemap as a path from the site root (`/`, `/forums/`), plus the 404 page.

    The sitemap holds `site_url` addresses; we keep only the part below the site's root so the pages can be
    served from anywhere. A sitemap entry with no file behind it is an error, not a page to skip.
    """
    sitemap = site / "sitemap.xml"
    if not sitemap.is_file():
        raise FileNotFoundError(f"{sitemap} is missing. Build the site first (make site).")
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [loc.text.strip() for loc in ET.parse(sitemap).getroot().iterfind("s:url/s:loc", namespace) if loc.text]
    if not locs:
        raise ValueError(f"{sitemap} lists no pages.")
    paths = [urlsplit(loc).path for loc in locs]
    # Character by character on purpose: "/sub/" must stay "/sub/" (commonpath drops the slash); cut back to a "/" below.
    root = os.path.commonprefix(paths)  # noqa: RUF071
    root = root[: root.rfind("/") + 1]
    pages = ["/" + path[len(root):] for path in paths]
    missing = [page for page in pages if not file_for(site, page).is_file()]
    if missing:
        raise FileNotFoundError(f"The sitemap lists pages that were not built: {', '.join(missing)}")
    if (site / "404.html").is_file():
        pages.append("/404.html")
    return list(dict.fromkeys(pages))


def file_for(site: Path, page: str) -> Path:
    """The HTML file behind a page path: `/forums/` → `site/forums/index.html`."""
    relative = page.lstrip("/")
    return site / relative / "index.html" if relative == "" or relative.endswith("/") else site / relative


def sample_pages(pages: Sequence[str], main: Sequence[str] = MAIN_PAGES) -> list[str]:
    """The main pages and the first page of each section: one of each layout, for checks of the theme."""
    sections: dict[str, str] = {}
    for page in pages:
        sections.setdefault(page.strip("/").split("/")[0], page)
    return [page for page in pages if page in main or page in sections.values()]


def shot_name(page: str) -> str:
    """A file name for a page's screenshots: `/forums/` → `forums`, `/` → `home`."""
    return re.sub(r"[^a-z0-9]+", "-", page.strip("/").lower()).strip("-") or "home"


def shard(pages: Sequence[str], index: int, count: int) -> list[str]:
    """Shard `index` (1-based) of `count`: every `count`-th page, so each shard gets a mix of sections."""
    if not 1 <= index <= count:
        raise ValueError(f"Shard {index}/{count} does not exist: use 1/{count} to {count}/{count}.")
    return [page for number, page in enumerate(pages) if number % count == index - 1]
