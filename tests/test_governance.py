"""Quorum and chair rotation: the rules from the Harrow Board, applied as data."""
from __future__ import annotations

from datetime import date, time
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.compute.governance import (
    chair_for_coming,
    chair_turns,
    count_quorum,
    finished_late,
    is_late,
    next_sector,
)
from generator.models.meetings import Action, Body, Meeting

SECTORS = ["trust", "council", "voluntary", "lived"]


def seat(ident: str, role: str, sector: str, person: str | None = None) -> dict[str, Any]:
    return {"id": ident, "person": person or ident, "role": role, "sector": sector}


def make_body(members: list[dict[str, Any]], **extra: Any) -> Body:
    return Body.model_validate({
        "id": "board", "name": "Board", "summary": "A board.", "meets": "It meets.",
        "terms_of_reference": ["We meet."],
        "sectors": [{"id": s, "name": f"the {s} sector"} for s in SECTORS],
        "members": members,
        **extra,
    })


def orgs(n: int, sector: str = "council") -> list[dict[str, Any]]:
    return [seat(f"org-{i}", "organisation-representative", sector) for i in range(n)]


def experts(n: int) -> list[dict[str, Any]]:
    return [seat(f"ebe-{i}", "expert-by-experience-adviser", "lived") for i in range(n)]


def carers(n: int) -> list[dict[str, Any]]:
    return [seat(f"carer-{i}", "carer-adviser", "lived") for i in range(n)]


def guests(n: int) -> list[dict[str, Any]]:
    return [seat(f"guest-{i}", "guest", "trust") for i in range(n)]


def ids(members: list[dict[str, Any]]) -> list[str]:
    return [m["id"] for m in members]


class TestQuorum:
    def test_exactly_4_and_4_is_quorate(self) -> None:
        members = orgs(4) + experts(4)
        count = count_quorum(make_body(members), ids(members))
        assert (count.organisation_representatives, count.experience_advisers, count.quorate) == (4, 4, True)

    def test_3_organisations_and_4_experts_is_not(self) -> None:
        members = orgs(3) + experts(4)
        count = count_quorum(make_body(members), ids(members))
        assert (count.organisation_representatives, count.experience_advisers, count.quorate) == (3, 4, False)

    def test_4_organisations_and_3_experts_is_not(self) -> None:
        members = orgs(4) + experts(3)
        assert not count_quorum(make_body(members), ids(members)).quorate

    def test_guests_never_count(self) -> None:
        members = orgs(3) + experts(4) + guests(5)
        count = count_quorum(make_body(members), ids(members))
        assert (count.organisation_representatives, count.not_counted, count.quorate) == (3, 5, False)

    def test_carer_advisers_count_by_default(self) -> None:
        members = orgs(4) + experts(2) + carers(2)
        count = count_quorum(make_body(members), ids(members))
        assert (count.experience_advisers, count.quorate) == (4, True)

    def test_carer_advisers_can_be_left_out_by_the_rule(self) -> None:
        members = orgs(4) + experts(2) + carers(2)
        body = make_body(members, quorum={"carers_count_as_advisers": False})
        count = count_quorum(body, ids(members))
        assert (count.experience_advisers, count.not_counted, count.quorate) == (2, 2, False)

    def test_a_person_in_two_roles_counts_once(self) -> None:
        # Grace holds an organisation seat and a carer seat. She came, and both seats are listed.
        members = orgs(3) + experts(3) + [
            seat("grace-org", "organisation-representative", "voluntary", person="grace"),
            seat("grace-carer", "carer-adviser", "lived", person="grace"),
        ]
        body = make_body(members)
        as_org_first = count_quorum(body, [*ids(orgs(3) + experts(3)), "grace-org", "grace-carer"])
        assert (as_org_first.organisation_representatives, as_org_first.experience_advisers) == (4, 3)
        assert (as_org_first.second_seats, as_org_first.quorate) == (1, False)
        as_carer_first = count_quorum(body, [*ids(orgs(3) + experts(3)), "grace-carer", "grace-org"])
        # The order of the list does not change the count (issue 11): she counts once, in the same seat.
        assert (as_carer_first.organisation_representatives, as_carer_first.experience_advisers) == (4, 3)
        # With the organisation side full, she counts where the group is short: as an adviser.
        full = orgs(4) + experts(3) + members[-2:]
        for order in (["grace-org", "grace-carer"], ["grace-carer", "grace-org"]):
            count = count_quorum(make_body(full), [*ids(orgs(4) + experts(3)), *order])
            assert (count.organisation_representatives, count.experience_advisers, count.second_seats) == (4, 4, 1)

    def test_the_same_seat_twice_counts_once(self) -> None:
        members = orgs(4) + experts(4)
        count = count_quorum(make_body(members), [*ids(members), "org-0", "ebe-0"])
        assert (count.organisation_representatives, count.experience_advisers) == (4, 4)

    def test_numbers_are_settings(self) -> None:
        members = orgs(2) + experts(1)
        body = make_body(members, quorum={"organisation_representatives": 2, "experience_advisers": 1})
        assert count_quorum(body, ids(members)).quorate

    @settings(max_examples=60, deadline=None)
    @given(st.integers(0, 6), st.integers(0, 6), st.integers(0, 3), st.integers(1, 4), st.booleans())
    def test_quorate_exactly_when_both_thresholds_are_met(
        self, n_org: int, n_ebe: int, n_carer: int, n_guest: int, carers_count: bool,
    ) -> None:
        members = orgs(n_org) + experts(n_ebe) + carers(n_carer) + guests(n_guest)
        body = make_body(members, quorum={"carers_count_as_advisers": carers_count})
        count = count_quorum(body, ids(members))
        advisers = n_ebe + (n_carer if carers_count else 0)
        assert count.quorate == (n_org >= 4 and advisers >= 4)
        assert count.organisation_representatives + count.experience_advisers + count.not_counted == len(members)


def meeting(day: int, chair: str, attended: list[str], month: int = 3, apologies: tuple[str, ...] = ()) -> Meeting:
    return Meeting.model_validate({
        "id": f"2026-{month:02d}-{day:02d}-board", "body": "board", "date": date(2026, month, day),
        "start": time(10), "end": time(12), "mode": "online", "place": "Teams",
        "chair": chair or None, "attended": attended, "apologies": list(apologies),
        "agenda": [{"title": "Welcome"}],
        "summary": {"talked_about": ["Things."]} if attended else None,
    })


ROTATION_MEMBERS = [
    seat("t1", "organisation-representative", "trust"),
    seat("c1", "organisation-representative", "council"),
    seat("v1", "organisation-representative", "voluntary"),
    seat("l1", "expert-by-experience-adviser", "lived"),
]


class TestChairRotation:
    def test_next_sector_goes_round_in_order(self) -> None:
        body = make_body(ROTATION_MEMBERS)
        assert [next_sector(body, prev, SECTORS).id for prev in SECTORS] == ["council", "voluntary", "lived", "trust"]  # type: ignore[union-attr]

    def test_a_sector_with_nobody_there_is_skipped(self) -> None:
        body = make_body(ROTATION_MEMBERS)
        sector = next_sector(body, "trust", ["trust", "voluntary", "lived"])
        assert sector is not None and sector.id == "voluntary"

    def test_wraps_round_and_can_come_back_to_the_same_sector(self) -> None:
        body = make_body(ROTATION_MEMBERS)
        only_trust = next_sector(body, "trust", ["trust"])
        assert only_trust is not None and only_trust.id == "trust"
        assert next_sector(body, "trust", []) is None

    def test_fixed_rule_has_no_turns(self) -> None:
        body = make_body(ROTATION_MEMBERS, chair={"rule": "fixed"})
        assert next_sector(body, "trust", SECTORS) is None

    def test_recorded_chairs_are_checked_against_the_turn(self) -> None:
        body = make_body(ROTATION_MEMBERS)
        everyone = ["t1", "c1", "v1", "l1"]
        meetings = [
            meeting(1, "t1", everyone),            # first meeting: sets the start
            meeting(8, "c1", everyone),            # council's turn: right
            meeting(15, "l1", everyone),           # voluntary's turn, but lived chaired: flagged
            meeting(22, "t1", ["t1", "c1", "l1"]),  # after lived comes trust: right
            meeting(29, "l1", ["t1", "l1"]),       # council and voluntary away: lived's turn
        ]
        turns = chair_turns(body, meetings)
        assert [t.breaks_rotation for t in turns] == [False, False, True, False, False]
        assert turns[2].expected is not None and turns[2].expected.id == "voluntary"
        assert turns[4].expected is not None and turns[4].expected.id == "lived"

    def test_a_sector_with_only_a_guest_there_does_not_get_the_turn(self) -> None:
        # Council's turn is next, but only a guest from the council is there: it goes to voluntary.
        body = make_body([*ROTATION_MEMBERS, seat("g1", "guest", "council")])
        meetings = [meeting(1, "t1", ["t1", "c1", "v1", "l1"]), meeting(8, "v1", ["t1", "g1", "v1", "l1"])]
        turns = chair_turns(body, meetings)
        assert turns[1].expected is not None and turns[1].expected.id == "voluntary"
        assert not turns[1].breaks_rotation

    def test_coming_meeting_ignores_guests(self) -> None:
        body = make_body([*ROTATION_MEMBERS, seat("g1", "guest", "council")])
        held = meeting(1, "t1", ["t1", "c1", "v1", "l1"])
        coming = meeting(1, "", [], month=6, apologies=("c1",))
        turn = chair_for_coming(body, [held, coming], coming)
        assert turn is not None and turn.id == "voluntary"

    def test_coming_meeting_skips_sectors_that_sent_apologies(self) -> None:
        body = make_body(ROTATION_MEMBERS)
        held = meeting(1, "t1", ["t1", "c1", "v1", "l1"])
        coming = meeting(1, "", [], month=6, apologies=("c1",))
        turn = chair_for_coming(body, [held, coming], coming)
        assert turn is not None and turn.id == "voluntary"


class TestActions:
    def test_late_only_when_open_after_the_due_day(self) -> None:
        action = Action.model_validate({"who": "t1", "what": "Do it.", "due": "2026-05-01"})
        assert not is_late(action, date(2026, 5, 1))
        assert is_late(action, date(2026, 5, 2))

    def test_done_actions_are_never_late_but_can_finish_late(self) -> None:
        action = Action.model_validate({"who": "t1", "what": "Do it.", "due": "2026-05-01", "status": "done", "done_on": "2026-05-09"})
        assert not is_late(action, date(2026, 12, 1))
        assert finished_late(action)


class TestFirstTurns:
    """Edges found by mutation testing (`make mutation`)."""

    def test_with_no_chair_before_the_turn_starts_at_the_first_sector(self) -> None:
        body = make_body(orgs(4) + experts(4), chair={"rule": "sectors-in-turn"})
        first = next_sector(body, None, SECTORS)
        assert first is not None and first.id == body.sectors[0].id

    def test_an_unknown_previous_sector_starts_at_the_first_sector_too(self) -> None:
        body = make_body(orgs(4) + experts(4), chair={"rule": "sectors-in-turn"})
        first = next_sector(body, "no-such-sector", SECTORS)
        assert first is not None and first.id == body.sectors[0].id
