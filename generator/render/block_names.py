"""The names of the generated blocks a content page may include, without the code that makes them.

`python -m generator check` checks content pages' markers against these names; it must start fast, so it
does not import Jinja and the blocks (`blocks.py`, which a test keeps in step with this list).
"""
from __future__ import annotations

BLOCK_NAMES: frozenset[str] = frozenset({
    "forum-list", "contact", "coming-meetings", "venue-access",
    "feedback-form", "what-happens", "other-ways", "post-address", "paper-topics", "news-signup",
    "travel-money", "accessibility-status", "evaluation",
})
