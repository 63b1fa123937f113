"""Every rule that needs more than one record. `validate` runs them all, so one run shows every mistake."""
from __future__ import annotations

from generator.models.problems import Problem
from generator.models.site import SiteData
from generator.validate.checks import CheckFunction
from generator.validate.files import content_stays_inside
from generator.validate.meetings import MEETING_CHECKS
from generator.validate.privacy import private_names_stay_private
from generator.validate.projects import PROJECT_CHECKS
from generator.validate.references import REFERENCE_CHECKS

ALL_CHECKS: tuple[CheckFunction, ...] = (
    *REFERENCE_CHECKS, *MEETING_CHECKS, private_names_stay_private, content_stays_inside, *PROJECT_CHECKS,
)


def validate(data: SiteData, failed: set[str]) -> list[Problem]:
    """Run every check whose data loaded cleanly.

    A check that needs a file which had mistakes is skipped, or it would report every reference into
    that file as broken.
    """
    problems: list[Problem] = []
    for check in ALL_CHECKS:
        if not failed & set(getattr(check, "needs", ())):
            problems.extend(check(data))
    return problems
