"""Icons beside key ideas, as inline SVG that screen readers skip.

Used by `pymdownx.emoji` (see mkdocs.yml): `:material-bus:` in a page becomes Material's bundled
SVG, so no icon is fetched from another host. Every icon here sits beside words that say the same
thing, so it is decoration: `aria-hidden` keeps screen readers from announcing "image".
This module is only named in mkdocs.yml; the core never imports it.
"""
from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element


def decorative_icon(
    index: str, shortname: str, alias: str, uc: str | None, alt: str,
    title: str | None, category: str | None, options: dict[str, Any], md: Any,
) -> Element:
    from material.extensions.emoji import to_svg

    if uc:
        # A real emoji (like :smile:) would be an image from a CDN: keep the character instead,
        # so the page never asks another host for anything.
        element = Element("span", {"class": "twemoji"})
        element.text = alt
    else:
        element = to_svg(index, shortname, alias, uc, alt, title, category, options, md)
    element.set("aria-hidden", "true")
    element.attrib.pop("title", None)
    return element
