"""Open data: the validated facts behind the pages, as JSON files under `api/`."""
from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .load import SiteData


def _dump(records: list[Any]) -> list[dict[str, Any]]:
    return [record.model_dump(mode="json") for record in records]


def forums_document(data: SiteData, today: date) -> dict[str, Any]:
    """Every forum meeting the site shows (past rounds and the next 4), in date order, then the forums themselves."""
    from .schedule import site_occurrences

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
            "uid": o.uid,
        }
        for o in site_occurrences(data, today)
    ]
    return {"occurrences": occurrences, "forums": _dump(data.forums)}


def api_documents(data: SiteData, today: date) -> dict[str, Any]:
    """`api/<kind>.json` → its content. People who keep their name private appear by role only."""
    # Meetings and feedback are built from the same views as their pages, so names stay hidden the same way.
    from .feedback import public_feedback
    from .meeting_views import public_meetings

    return {
        "api/areas.json": {"areas": _dump(data.areas)},
        "api/forums.json": forums_document(data, today),
        "api/glossary.json": {"terms": _dump(data.glossary)},
        "api/meetings.json": public_meetings(data, today),
        "api/feedback.json": public_feedback(data, today),
        "api/toolkits.json": {"toolkits": _dump(sorted(data.toolkits, key=lambda t: t.number))},
    }


def to_json(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
