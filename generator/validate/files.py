"""Nothing from outside the project reaches the site: MkDocs copies every file in `content/` as it is,
so a link (symlink) there to `/etc/passwd` or a home folder would be published. Such a file is an error."""
from __future__ import annotations

import re
from collections.abc import Iterator

from generator.load.folders import entries_in
from generator.load.reader import outside_project
from generator.models.meetings import CONTENT_DIR
from generator.models.problems import Problem
from generator.models.site import SiteData
from generator.validate.checks import needs


@needs()
def content_stays_inside(data: SiteData) -> Iterator[Problem]:
    if data.root is None or not (data.root / CONTENT_DIR).is_dir():
        return
    content = data.root / CONTENT_DIR
    # The walk never goes into a linked folder, so below content/ only a link itself can lead elsewhere:
    # where content/ itself leads is worked out once, not again for each of 10,000 files.
    inside = not outside_project(content, data.root)
    for entry in entries_in(content):
        if not inside or entry.is_link:
            yield Problem(
                f"{CONTENT_DIR}/{entry.relative}", 1, 1, "",
                "This is a link to a file or folder outside the project, so it would publish something that is not ours. "
                "Delete the link, and copy the real file here if it should be on the site.",
            )


# Anything that looks like a generated-block marker, well written or not.
_ANY_MARKER = re.compile(r"<!--\s*generated\s*:?\s*(?P<name>[^>]*?)\s*-->|<!--\s*generated\b", re.IGNORECASE)
_GOOD_MARKER = re.compile(r"^<!-- generated: ([a-z0-9-]+) -->[ \t]*$")
# Raw HTML that could run or load something. Pages may hold plain HTML like <nav>, never these.
_LIVE_HTML = re.compile(
    r"<\s*(?:script|iframe|object|embed|style|link|meta|base|form)\b|\son[a-z]+\s*=|(?:javascript|vbscript)\s*:|data:\s*[a-z]+/[a-z]",
    re.IGNORECASE,
)


def content_page_problems(path: str, text: str, blocks: set[str]) -> Iterator[Problem]:
    """Markers that name no block or are written wrong, and raw HTML that could run a script, each with its line."""
    # Most pages have neither: what either pattern finds in one line, it finds in the whole text.
    if not _ANY_MARKER.search(text) and not _LIVE_HTML.search(text):
        return
    for number, line in enumerate(text.splitlines(), 1):
        for match in _ANY_MARKER.finditer(line):
            good = _GOOD_MARKER.match(line.strip())
            name = good.group(1) if good else (match.group("name") or "").strip()
            if good and name in blocks:
                continue
            known = ", ".join(sorted(blocks))
            if good:
                message = f'There is no generated block called "{name}". Use one of: {known}.'
            else:
                message = (f"This marker is not written right, so it would stay in the page. "
                           f"Write it alone on its line, like <!-- generated: contact -->, with one of: {known}.")
            yield Problem(path, number, match.start() + 1, "", message)
        live = _LIVE_HTML.search(line)
        if live:
            yield Problem(
                path, number, live.start() + 1, "",
                f'Pages cannot hold "{live.group(0).strip()}": it could run a program in the reader\'s browser. '
                "Write links like [words](https://example.org), and delete the HTML.",
            )
