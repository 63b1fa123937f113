"""Open data: the validated facts behind the pages, as JSON files under `api/`."""
from __future__ import annotations

import json
from datetime import date
from typing import Any

from generator.compute import Computed, computed_for
from generator.models.site import SiteData


def _dump(records: list[Any]) -> list[dict[str, Any]]:
    return [record.model_dump(mode="json") for record in records]


def forums_document(data: SiteData, today: date, computed: Computed | None = None) -> dict[str, Any]:
    """Every forum meeting the site shows (past rounds and the next 4), in date order, then the forums themselves."""
    forums = {forum.id: forum for forum in data.forums}
    areas = {area.id: area.name for area in data.areas}
    occurrences = [
        {
            "forum": o.forum,
            "name": forums[o.forum].name,
            "area": areas[o.area] if o.area else None,
            "round": o.round,
            "start": o.start.isoformat(),
            "end": o.end.isoformat(),
            "mode": o.mode,
            "status": o.status,
            "reason": o.reason,
            "planned_start": o.planned_start.isoformat() if o.planned_start else None,
            # Set when a change switched the forum online or in person: how the rotation had planned it.
            "planned_mode": o.planned_mode,
            "uid": o.uid(data.settings.uid_domain),
        }
        for o in computed_for(data, today, computed).occurrences
    ]
    return {"occurrences": occurrences, "forums": _dump(data.forums)}


def public_meetings(data: SiteData, today: date, computed: Computed | None = None) -> dict[str, object]:
    """`api/meetings.json`: the groups and their meetings, with names only where people said yes."""
    done = computed_for(data, today, computed)
    directory = done.directory
    bodies = []
    for body in data.bodies:
        record = body.model_dump(mode="json", exclude={"members"})
        # Seat ids are left out: an editor might have made one from a private person's name.
        record["members"] = [
            {"name": s.shown, "role": s.role, "sector": s.sector, "organisation": s.organisation}
            for s in directory.seats(body)
        ]
        bodies.append(record)
    meetings = []
    for view in sorted(done.meetings, key=lambda v: (v.meeting.date, v.body.id)):
        m = view.meeting
        q = view.quorum
        meetings.append({
            "id": m.id,
            "body": m.body,
            "body_name": view.body.name,
            "kind": view.kind,
            "date": m.date.isoformat(),
            "start": m.start.strftime("%H:%M"),
            "end": m.end.strftime("%H:%M"),
            "mode": m.mode,
            "place": m.place,
            "quorate": q.quorate if q else None,
            "quorum": None if q is None else {
                "organisation_representatives": q.organisation_representatives,
                "experience_advisers": q.experience_advisers,
                "not_counted": q.not_counted,
                "needed_organisation_representatives": q.needed_organisation_representatives,
                "needed_experience_advisers": q.needed_experience_advisers,
            },
            "chair": view.chair,
            "chair_breaks_rotation": bool(view.chair_turn and view.chair_turn.breaks_rotation),
            "next_chair_sector": view.next_chair.name if view.next_chair else None,
            "attended": view.attended,
            "apologies": view.apologies,
            "agenda": [
                {"title": item.title, "lead": view.leads.get(i), "paper": item.paper}
                for i, item in enumerate(m.agenda)
            ],
            "summary": m.summary.model_dump(mode="json") if m.summary else None,
            "decisions": list(m.decisions),
            "decisions_without_quorum": view.decisions_without_quorum,
            "actions": [
                {
                    "who": a.who, "what": a.what, "due": a.due.isoformat(), "status": a.status,
                    "done_on": a.done_on.isoformat() if a.done_on else None, "late": a.late,
                }
                for a in view.actions
            ],
            "papers": [
                {"title": p.title, "url": p.file, "format": p.format, "size": p.size, "bytes": p.size_bytes}
                for p in view.papers
            ],
            "minutes": [item.model_dump(mode="json") for item in m.minutes],
        })
    return {"bodies": bodies, "meetings": meetings}


def public_feedback(data: SiteData, today: date, computed: Computed | None = None) -> dict[str, object]:
    """`api/feedback.json`."""
    return {
        "response_days": data.feedback.response_days,
        "themes": [t.model_dump(mode="json") for t in data.feedback.themes],
        "items": [
            {
                **view.item.model_dump(mode="json"),
                "forum_name": view.forum_name,
                "theme_name": view.theme.name,
                "due": view.due.isoformat(),
                "status": view.status,
                "late": view.late,
                "days_late": view.days_late,
            }
            for view in computed_for(data, today, computed).feedback
        ],
    }


def public_projects(data: SiteData, today: date, computed: Computed | None = None) -> dict[str, object]:
    """`api/projects.json`: each project, the stage it is at today, and the ids of the points it answers."""
    projects = []
    for view in computed_for(data, today, computed).projects:
        p = view.project
        projects.append({
            "id": p.id,
            "title": p.title,
            "stage": view.stage.stage,
            "stage_name": view.stage.name,
            "doing": p.doing,
            "lead": p.lead,
            "stages": [{"stage": c.stage, "date": c.date.isoformat()} for c, _ in view.reached],
            "milestones": [
                {
                    "what": m.milestone.what, "due": m.milestone.due.isoformat(),
                    "done_on": m.milestone.done_on.isoformat() if m.done and m.milestone.done_on else None,
                    "late": m.late,
                }
                for m in view.milestones
            ],
            "challenges": list(p.challenges),
            "updates": [u.model_dump(mode="json") for u in p.updates if u.date <= today],
            "feedback": [v.item.id for v in view.feedback],
            "meetings": [v.meeting.id for v in view.meetings],
            "newsletters": [n.slug for n in view.newsletters],
        })
    return {"projects": projects}


def public_newsletters(data: SiteData, today: date, computed: Computed | None = None) -> dict[str, object]:
    """`api/newsletters.json`: each newsletter out by today, newest first, with the rounds of forums it announces."""
    return {
        "newsletters": [
            {
                "id": issue.slug,
                "round": issue.round.number,
                "date": issue.month.isoformat(),
                "forums_month": issue.round.forums_month.isoformat(),
                "announces": [
                    {"round": r.number, "forums_month": r.forums_month.isoformat(), "forums": [o.uid(data.settings.uid_domain) for o in occurrences]}
                    for r, occurrences in issue.next_rounds
                ],
                "feedback": [v.item.id for _, views in issue.raised for v in views],
                "answers": [v.item.id for v in issue.answers],
                "meetings": [m.meeting.id for m in issue.meetings],
            }
            for issue in computed_for(data, today, computed).newsletters
        ],
    }


def api_documents(data: SiteData, today: date, computed: Computed | None = None) -> dict[str, Any]:
    """`api/<kind>.json` → its content. People who keep their name private appear by role only."""
    # Meetings and feedback are built from the same views as their pages, so names stay hidden the same way.
    done = computed_for(data, today, computed)
    return {
        "api/areas.json": {"areas": _dump(data.areas)},
        "api/forums.json": forums_document(data, today, done),
        "api/glossary.json": {"terms": _dump(data.glossary)},
        "api/meetings.json": public_meetings(data, today, done),
        "api/feedback.json": public_feedback(data, today, done),
        "api/toolkits.json": {"toolkits": _dump(sorted(data.toolkits, key=lambda t: t.number))},
        "api/projects.json": public_projects(data, today, done),
        "api/newsletters.json": public_newsletters(data, today, done),
    }


def to_json(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
