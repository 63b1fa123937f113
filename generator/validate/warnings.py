"""Things an editor should look at that do not stop the build.

A meeting that made decisions without a quorum really happened, and the record must stay true:
`governance_warnings` lists such things for `python -m generator check` and `build`, and pages show them.
"""
from __future__ import annotations

from generator.compute.governance import chair_turns, count_quorum
from generator.models.problems import Problem
from generator.models.site import SiteData


def governance_warnings(data: SiteData) -> list[Problem]:
    """Things an editor should look at that do not stop the build, each with its file and line."""
    warnings: list[Problem] = []
    bodies = {b.id: b for b in data.bodies}
    for meeting in data.meetings:
        body = bodies[meeting.body]
        if meeting.attended and meeting.decisions:
            count = count_quorum(body, meeting.attended)
            if not count.quorate:
                warnings.append(data.problem(
                    meeting, ("decisions",),
                    f"This meeting was not quorate ({count.organisation_representatives} organisation representatives, "
                    f"{count.experience_advisers} experts by experience) but records decisions. "
                    "The group should confirm them at its next quorate meeting.",
                ))
    for body in data.bodies:
        for turn in chair_turns(body, data.meetings):
            if turn.breaks_rotation and turn.expected and turn.actual:
                warnings.append(data.problem(
                    turn.meeting, ("chair",),
                    f"It was the turn of {turn.expected.name} to chair, but the chair was from {turn.actual.name}. "
                    "Check the chair, or say why in the minutes.",
                ))
    return sorted(warnings)
