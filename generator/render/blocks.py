"""Generated blocks that hand-written pages in `content/` can include.

A line `<!-- generated: NAME -->` in a content page is replaced by the block called NAME.
This keeps computed facts (like the next forums) out of hand-written text.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from generator.compute import Computed, computed_for
from generator.models.site import SiteData
from generator.render.jinja import render
from generator.render.say_blocks import SAY_BLOCKS

# A block gets what was computed for the build (data and date included), and `root`: the relative link
# from the page to the site root.
Block = Callable[[Computed, str], str]

# [ \t]* not \s* at the end: \s would eat the blank line after the marker and glue the next paragraph to a list block.
_MARKER = re.compile(r"^<!--\s*generated:\s*([a-z0-9-]+)\s*-->[ \t]*$", re.MULTILINE)


def forum_list(computed: Computed, root: str) -> str:
    """The next forum of each area (and the evening forum): date, time, online or in person."""

    return render("blocks/forum-list.md.j2", views=computed.forums, root=root)


def contact(computed: Computed, root: str) -> str:
    """How to reach us, from data/site.yml, so the email and phone number are written in 1 place only."""
    settings = computed.data.settings
    return render("blocks/contact.md.j2", contact=settings.contact, organisation=settings.organisation)


def coming_meetings(computed: Computed, root: str) -> str:
    """The next meeting of each group, with a link to its agenda, and the newest newsletter."""

    coming = sorted((v for v in computed.meetings if not v.held), key=lambda v: v.meeting.date)
    first = [next(v for v in coming if v.body.id == body) for body in dict.fromkeys(v.body.id for v in coming)]
    latest = next(iter(computed.newsletters), None)
    return render("blocks/coming-meetings.md.j2", views=first, newsletter=latest, root=root)


def venue_access(computed: Computed, root: str) -> str:
    """What each forum's room has (step-free access, a hearing loop, Wi-Fi), from data/forums.yml."""
    return render("blocks/venue-access.md.j2", forums=computed.data.forums, root=root)


def _from_data(block: Callable[[SiteData, date, str], str]) -> Block:
    """A block that needs only the data and the date (the Have your say blocks)."""
    return lambda computed, root: block(computed.data, computed.today, root)


BLOCKS: dict[str, Block] = {
    "forum-list": forum_list,
    "contact": contact,
    "coming-meetings": coming_meetings,
    "venue-access": venue_access,
    **{name: _from_data(block) for name, block in SAY_BLOCKS.items()},
}


class UnknownBlock(ValueError):
    pass


def fill_blocks(markdown: str, data: SiteData, today: date, page: str, computed: Computed | None = None) -> str:
    """Replace each marker with its block. An unknown name is an error naming the page."""
    if _MARKER.search(markdown) is None:
        return markdown
    done = computed_for(data, today, computed)

    root = "../" * page.count("/")

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in BLOCKS:
            known = ", ".join(sorted(BLOCKS))
            raise UnknownBlock(f'{page}: there is no generated block called "{name}". Use one of: {known}.')
        return BLOCKS[name](done, root).strip()

    return _MARKER.sub(replace, markdown)
