"""One shape for everything the gate finds, whichever tool found it, and a pointer to how to fix it."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

# Checks whose findings are shown and counted, never fatal.
INFORMATIONAL = frozenset({"htmlcs-aaa"})

# How to fix what the browser probe and keyboard walk find, by rule.
HINTS = {
    "reflow-320px": "let it shrink or wrap (max-width: 100%, overflow-wrap) so the page fits 320px.",
    "target-44px": "give it min-width and min-height 44px, or padding, in the theme's CSS.",
    "text-18px": "set its font-size to 0.9rem (18px) or more in the theme's stylesheet.",
    "other-host": "copy the file into the site (theme/ or content/) and link to that copy.",
    "text-spacing": "let the box grow with its text: no fixed height, no overflow: hidden, no text-overflow: ellipsis"
    " (WCAG 1.4.12 text spacing).",
    "focus-visible": "a Tab stop must be something a person can see: hide closed menus with display: none,"
    " the hidden attribute or inert, not by moving them off screen or making them see-through (WCAG 2.4.7, 2.4.11).",
    "focus-indicator": "give it a :focus-visible style, like an outline of 3px (WCAG 2.4.7).",
    "skip-link-first": "make the first link on the page a skip link to the main content, like"
    ' <a href="#main-content">Skip to main content</a> (WCAG 2.4.1).',
    "keyboard-trap": "let the Tab key move on: do not catch the Tab key, or move focus back, in a script (WCAG 2.1.2).",
    "keyboard-reach": "use a real link or button, or a form field; no tabindex=\"-1\" on things people use (WCAG 2.1.1).",
    "menu-keyboard": "use <button aria-expanded aria-controls> that opens on click (Enter and Space press it) and"
    " shows the element it controls (WCAG 2.1.1, 4.1.2).",
    "switch-keyboard": "use a <button aria-pressed> that changes on click (Space presses it) (WCAG 2.1.1, 4.1.2).",
    "dark-scheme": "follow the device's setting (prefers-color-scheme: dark) on a first visit.",
    "no-js-text": "show the main content without JavaScript.",
    "no-js-menu": "without JavaScript, give the menu button a fallback: a link to the menu (#menu or a menu page).",
    "not-opened": "check that the page was built and its address in the sitemap is right.",
}


@dataclass(frozen=True)
class Finding:
    """One problem on one page, found by one check (`axe`, `htmlcs`, `vnu`, `keyboard-320`, `text-spacing`...)."""

    page: str
    check: str
    rule: str
    selector: str
    message: str
    how_to_fix: str
    context: str = ""

    @property
    def informational(self) -> bool:
        return self.check in INFORMATIONAL


@dataclass
class PageResult:
    """Everything one page's check found, before exceptions are applied. This is what the cache keeps."""

    page: str
    findings: list[Finding] = field(default_factory=list)
    crashed: str = ""  # why the page could not be checked; such a result is never cached
    screenshots: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PageResult:
        findings = [Finding(**item) for item in data.get("findings", [])]
        return cls(page=data["page"], findings=findings, crashed=data.get("crashed", ""),
                   screenshots=list(data.get("screenshots", [])), seconds=float(data.get("seconds", 0.0)))


_TECHNIQUE = re.compile(r"\.((?:ARIA|SCR|G|H|F|C)\d+)")
_TECHNIQUE_FOLDERS = {"ARIA": "aria", "SCR": "client-side-script", "G": "general", "H": "html", "F": "failures", "C": "css"}


def how_to_fix(issue: dict[str, Any]) -> str:
    """A pointer a person can act on: axe's help text and page, or the WCAG technique behind an htmlcs code."""
    extras = issue.get("runnerExtras") or {}
    if issue.get("runner") == "axe":
        return f"{extras.get('help', '')}. {extras.get('description', '')}. See {extras.get('helpUrl', '')}"
    links = []
    for technique in _TECHNIQUE.findall(str(issue.get("code", ""))):
        prefix = re.match(r"[A-Z]+", technique)
        folder = _TECHNIQUE_FOLDERS.get(prefix.group(0) if prefix else "", "general")
        links.append(f"https://www.w3.org/WAI/WCAG22/Techniques/{folder}/{technique}")
    return str(issue.get("message", "")) + (f" See {' '.join(links)}" if links else "")


def from_pa11y(page: str, issue: dict[str, Any]) -> Finding:
    """A finding from one of pa11y's issues (axe or htmlcs), tagged with the pass that found it."""
    return Finding(
        page=page, check=str(issue.get("pass", issue.get("runner", "?"))), rule=str(issue.get("code", "")),
        selector=str(issue.get("selector") or "(the whole page)"), message=str(issue.get("message", "")),
        how_to_fix=how_to_fix(issue), context=" ".join(str(issue.get("context") or "").split())[:200],
    )


def from_probe(page: str, problem: dict[str, Any]) -> Finding:
    """A finding from the browser probe or keyboard walk (`{check, rule, selector, message, width}`)."""
    rule = str(problem.get("rule", "?"))
    width = problem.get("width")
    message = str(problem.get("message", "")) + (f" (at {width}px wide)" if width else "")
    return Finding(page=page, check=str(problem.get("check", "probe")), rule=rule,
                   selector=str(problem.get("selector") or "(the whole page)"), message=message,
                   how_to_fix=HINTS.get(rule, ""))


def from_vnu(page: str, message: dict[str, Any]) -> Finding:
    """A finding from the Nu HTML Checker. Its message is its rule: it has no codes."""
    line, column = message.get("lastLine", 0), message.get("firstColumn", message.get("lastColumn", 0))
    text = str(message.get("message", ""))
    return Finding(
        page=page, check="vnu", rule=text, selector=f"line {line}, column {column}", message=text,
        how_to_fix="Make the HTML valid (it is what screen readers and other tools rely on). In a theme template if it"
        " is on every page. See https://html.spec.whatwg.org/multipage/",
        context=" ".join(str(message.get("extract", "")).split())[:200],
    )
