"""Nothing from outside the project reaches the site: MkDocs copies every file in `content/` as it is,
so a link (symlink) there to `/etc/passwd` or a home folder would be published. Such a file is an error."""
from __future__ import annotations

from collections.abc import Iterator

from generator.load.reader import outside_project
from generator.models.meetings import CONTENT_DIR
from generator.models.problems import Problem
from generator.models.site import SiteData
from generator.validate.checks import needs


@needs()
def content_stays_inside(data: SiteData) -> Iterator[Problem]:
    if data.root is None or not (data.root / CONTENT_DIR).is_dir():
        return
    for path in sorted((data.root / CONTENT_DIR).rglob("*")):
        if outside_project(path, data.root):
            yield Problem(
                path.relative_to(data.root).as_posix(), 1, 1, "",
                "This is a link to a file or folder outside the project, so it would publish something that is not ours. "
                "Delete the link, and copy the real file here if it should be on the site.",
            )
