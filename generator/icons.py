"""Pictures beside key ideas, as inline SVG that screen readers skip.

Used by `pymdownx.emoji` (see mkdocs.yml): `:material-bus:` in a page becomes Material's bundled
SVG (Material Design Icons, Apache License 2.0), so no picture is fetched from another host. Every picture
sits beside words that say the same thing, so it is decoration: `aria-hidden` keeps screen readers from
announcing "image". The SVG gets a size of its own (48px), so with the stylesheet off it is a picture of a
sensible size, not one that fills the screen. The theme (easy-read.css) draws it larger, in a column of
its own, when a paragraph or list item starts with it.
This module is only named in mkdocs.yml; the core never imports it.
"""
from __future__ import annotations

import functools
from typing import Any
from xml.etree.ElementTree import Element

PICTURE_SIZE = 48


@functools.cache
def _svg(path: str) -> str:
    with open(path, encoding="utf-8") as file:
        svg = file.read()
    return svg.replace("<svg ", f'<svg width="{PICTURE_SIZE}" height="{PICTURE_SIZE}" focusable="false" ', 1)


def decorative_icon(
    index: str, shortname: str, alias: str, uc: str | None, alt: str,
    title: str | None, category: str | None, options: dict[str, Any], md: Any,
) -> Element:
    element = Element("span", {"class": "twemoji"})
    if uc:
        # A real emoji (like :smile:) would be an image from a CDN: keep the character instead,
        # so the page never asks another host for anything.
        element.text = alt
    else:
        icons = md.inlinePatterns["emoji"].emoji_index["emoji"]
        element.text = md.htmlStash.store(_svg(icons[shortname]["path"]))
    element.set("aria-hidden", "true")
    return element
