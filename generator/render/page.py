"""One generated page: where it goes and its Markdown."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    """One generated Markdown page. `path` is relative to the site root, like `forums/index.md`."""

    path: str
    markdown: str
