"""The site map, kept to a size a phone can load: a group of pages bigger than the limit gets pages of its own.

The site map (content/site-map.md, drawn by theme/site-map.html) lists every page, grouped under the menu's
items. At 10,000 pages one list would be 770 kB, more than a phone should load and more than the accessibility
gate can check. So a group with more pages than `limit` (`site_map_limit` in mkdocs.yml's labels) is listed
on pages of its own, `limit` pages each, in the order of their addresses (numbers counted as numbers), and the
site map links to them.

Pure: the plugin gives the addresses (to make the extra pages before any page is read) and later the titles.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

PART_FOLDER = "site-map"
_DIGITS = re.compile(r"(\d+)")


@dataclass(frozen=True)
class Link:
    url: str  # from the site's root, like "glossary/access/"
    title: str


@dataclass
class Part:
    """One page of a big group's list."""

    number: int
    url: str
    pages: list[Link]


@dataclass
class Group:
    """A menu item (or a folder outside the menu) and the pages under it."""

    top: Link | None  # the menu item's own page; None for a folder that is not in the menu
    name: str  # the group's name, for the titles of its part pages
    pages: list[Link] = field(default_factory=list)  # listed on the site map itself, when there are few
    parts: list[Part] = field(default_factory=list)  # when there are many: the pages that list them
    count: int = 0


def limit_from(labels: Any) -> int:
    """`site_map_limit` from mkdocs.yml's labels; 0 (no limit) when it is not there."""
    limit = labels.get("site_map_limit", 0) if isinstance(labels, dict) else 0
    return limit if isinstance(limit, int) and limit > 0 else 0


def folder_of(url: str) -> str | None:
    """The folder a page is in: "glossary" for "glossary/access/"; None for a page at the top, like "privacy/"."""
    steps = url.strip("/").split("/")
    return steps[0] if len(steps) > 1 and steps[0] else None


def part_url(folder: str, number: int) -> str:
    return f"{PART_FOLDER}/{folder}-{number}/"


def part_source(folder: str, number: int) -> str:
    return f"{PART_FOLDER}/{folder}-{number}.md"


def big_folders(urls: Iterable[str], limit: int) -> dict[str, int]:
    """Each folder with more pages than `limit`, and how many part pages its list needs."""
    counts: dict[str, int] = {}
    for url in urls:
        folder = folder_of(url)
        if folder is not None and folder != PART_FOLDER:
            counts[folder] = counts.get(folder, 0) + 1
    return {folder: -(-count // limit) for folder, count in sorted(counts.items()) if limit and count > limit}


def menu_names(nav: Any, url_of: Callable[[str], str | None]) -> dict[str, str]:
    """Each menu item's folder → its title in the menu, from mkdocs.yml's `nav` (`url_of`: a page's address)."""
    names: dict[str, str] = {}
    for entry in nav or []:
        for title, src in entry.items() if isinstance(entry, dict) else ():
            url = url_of(src) if isinstance(src, str) else None
            if url is not None and url.count("/") == 1:
                names[url.strip("/")] = str(title)
    return names


def part_pages(urls: Iterable[str], limit: int, names: dict[str, str], title: str) -> dict[str, str]:
    """The Markdown of every part page: where it goes → its text (a title, and the site map's template).

    `title` is mkdocs.yml's `site_map_part` label, like "{group}, part {part} of {parts}".
    """
    pages = {}
    for folder, parts in big_folders(urls, limit).items():
        name = names.get(folder, _folder_name(folder))
        for number in range(1, parts + 1):
            meta = {"title": title.format(group=name, part=number, parts=parts), "template": "site-map.html",
                    "search": {"exclude": True}, "site_map_part": part_url(folder, number)}
            pages[part_source(folder, number)] = f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n"
    return pages


def site_map(menu: Sequence[Link], pages: Sequence[Link], limit: int) -> list[Group]:
    """The groups of the site map, in the menu's order, then folders outside the menu, then other pages.

    `pages` is every page of the site, part pages left out. A folder's pages are those whose address starts with
    it; a folder with more than `limit` pages is split into parts (the same as `big_folders` counts).
    """
    by_folder: dict[str, list[Link]] = {}
    pages = sorted((page for page in pages if folder_of(page.url) != PART_FOLDER), key=_in_order)
    for page in pages:
        folder = folder_of(page.url)
        if folder is not None:
            by_folder.setdefault(folder, []).append(page)
    groups: list[Group] = []
    listed: set[str] = set()
    menu_urls = {item.url for item in menu}
    for item in menu:
        folder = item.url.strip("/") if item.url.count("/") == 1 else None  # "glossary/": its folder's pages
        below = [page for page in by_folder.get(folder, []) if page.url != item.url] if folder else []
        groups.append(_group(item, item.title, folder, below, limit))
        if folder:
            listed.add(folder)
    for folder, below in by_folder.items():
        if folder not in listed and f"{folder}/" not in menu_urls:
            groups.append(_group(None, _folder_name(folder), folder, below, limit))
    top_level = [page for page in pages if folder_of(page.url) is None and page.url not in menu_urls and page.url]
    groups.extend(Group(page, page.title) for page in top_level)
    return groups


def _folder_name(folder: str) -> str:
    """A folder outside the menu, named from its address: "open-data" → "Open data"."""
    return folder.replace("-", " ").capitalize()


def _in_order(link: Link) -> list[str | int]:
    """By address, numbers counted as numbers: "black-path-2" before "black-path-10", as people read a list."""
    return [int(part) if part.isdigit() else part for part in _DIGITS.split(link.url)]


def _group(top: Link | None, name: str, folder: str | None, below: list[Link], limit: int) -> Group:
    group = Group(top, name, count=len(below))
    if folder is None or not limit or len(below) <= limit:
        group.pages = below
        return group
    for start in range(0, len(below), limit):
        number = start // limit + 1
        group.parts.append(Part(number, part_url(folder, number), below[start:start + limit]))
    return group
