"""The gallery: broken and hostile inputs, each with what must happen.

A `Case` changes a copy of the project (`data/`, `content/`) and says what `check` must answer:
`expect` lists problem lines that must appear exactly (file:line:col: field: message). A case with
`expect=()` must be accepted, and then its outputs must stay inert (tests/test_gallery.py renders
every page and output and compares their shape with the clean build's).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from gallery.expected import EXPECTED

Edit = Callable[[Path], None]


@dataclass(frozen=True)
class Case:
    name: str
    edits: tuple[Edit, ...]
    expect: tuple[str, ...]


def rep(file: str, old: str, new: str) -> Edit:
    def edit(root: Path) -> None:
        path = root / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {file}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return edit


def write(file: str, content: str | bytes) -> Edit:
    def edit(root: Path) -> None:
        path = root / file
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return edit


def append(file: str, content: str) -> Edit:
    def edit(root: Path) -> None:
        with (root / file).open("a", encoding="utf-8") as handle:
            handle.write(content)
    return edit


def raw(file: str, old: bytes, new: bytes) -> Edit:
    def edit(root: Path) -> None:
        path = root / file
        data = path.read_bytes()
        assert old in data, f"{old!r} not in {file}"
        path.write_bytes(data.replace(old, new, 1))
    return edit


def link(file: str, target: str) -> Edit:
    def edit(root: Path) -> None:
        path = root / file
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            path.unlink()
        path.symlink_to(target)
    return edit


def remove(file: str) -> Edit:
    def edit(root: Path) -> None:
        (root / file).unlink()
    return edit


def case(name: str, *edits: Edit, expect: str | tuple[str, ...] = ()) -> Case:
    return Case(name, edits, (expect,) if isinstance(expect, str) else expect)


BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True)
)
DEEP = "areas: " + "[" * 5000 + "]" * 5000 + "\n"
MEETING = "data/meetings/2026-02-26-development-group.yml"
MAY = "data/meetings/2026-05-28-development-group.yml"
FORUMS = "data/forums.yml"
TOOLKIT = "data/toolkits/01-evaluation-tool.yml"
PRIVATE = "data/people.yml"
JUNE = "  - id: adviser-9\n    name: June Ash\n    role: Expert by experience adviser\n    show_name: false\n"

# Hostile text that must be accepted as words and come out inert, in every kind of field.
INERT: tuple[Case, ...] = (
    case("img onerror in a forum summary", rep(FORUMS, "A friendly group for people in East Surrey.",
                                               "A friendly group <img src=x onerror=alert(1)> for people in East Surrey.")),
    case("script in a glossary meaning", rep("data/glossary.yml", "A short name made from the first letters of other words.",
                                             "A short name <script>alert(1)</script> made from first letters.")),
    case("javascript link in an area name", rep("data/areas.yml", "name: Surrey Downs", "name: Surrey Downs [x](javascript:alert(1))")),
    case("comment opener in a venue name", rep(FORUMS, "name: Redhill Community Centre", "name: Redhill <!-- Community Centre")),
    case("script end in a venue name (JSON-LD)", rep(FORUMS, "name: Woking Library meeting room",
                                                      'name: "Woking </script><script>alert(1)</script> room"')),
    case("pipe in an action", rep(MEETING, "what: Write the forum papers in easy read.", "what: Write | the forum | papers."),),
    case("heading start in a summary line", rep(MEETING, "- What people said at the 6 forums in January.", '- "# What people said"')),
    case("icon shortcode in a summary", rep(FORUMS, "summary: A friendly group for people in Surrey Downs. We talk about local mental health services.",
                                            'summary: "A friendly group for people in Surrey Downs. We talk :material-alert: about services."')),
    case("attribute list in a body summary", rep("data/bodies.yml", "They share what the forums said.",
                                                 'They share {: onclick="alert(1)" } what the forums said.')),
    case("emphasis and escapes", rep(MEETING, "- How long people wait to be seen.", "- How *long* people _wait_ \\\\ to `be` seen.")),
    case("entity text", rep(MEETING, "- How to make forum papers easy to read.", "- How &lt;script&gt; &amp; papers."),),
    case("data URL in how to join", rep(FORUMS, "how_to_join: Tell us you are coming. We email you a link the day before.",
                                        "how_to_join: data:text/html,<script>alert(1)</script>")),
    case("HTML in a decision (feed)", rep(MEETING, "- We will send all forum papers in easy read.", "- We will <b onmouseover=alert(1)>send</b> papers.")),
    case("calendar event in a summary", rep(
        FORUMS, "summary: A friendly group for people in Northwest Surrey. We talk about local mental health services.",
        'summary: "A group.\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:Fake\\nEND:VEVENT\\nBEGIN:VEVENT"')),
    case("numbered list start", rep(MAY, "- Figures on waiting times for a first appointment.", '- "1. Figures on waiting times"')),
    case("rule start", rep(MAY, "- What people said at the forums in April.", '- "--- What people said"')),
    case("setext underline", rep(MAY, "- How people get their travel costs paid back.", '- "==="')),
    case("link in a toolkit title", rep(TOOLKIT, "title: Check how well your team co-produces",
                                        "title: Check [your team](javascript:alert(1)) <svg onload=alert(1)>")),
    case("quote marks in a glossary example", rep("data/glossary.yml", "example: A ramp gives a wheelchair user access to a building.",
                                                  "example: A \"ramp\" gives ' access\" onfocus=\"alert(1)")),
    case("HTML in a feedback response", rep("data/feedback.yml", "name: Waiting times", "name: Waiting <iframe src=x></iframe> times")),
    case("script in a Markdown field", rep(TOOLKIT, "Use this form with [the ladder",
                                           "Use <script>alert(1)</script> <b onclick=x>this</b> | form # with [the ladder")),
    case("a private person called June, and the month June", append(PRIVATE, JUNE)),
    case("a byte order mark", raw("data/areas.yml", b"# yaml-language-server", b"\xef\xbb\xbf# yaml-language-server")),
)

NOV = "data/meetings/2026-11-26-development-group.yml"
FEEDBACK = "data/feedback.yml"
SITE = "data/site.yml"
AREAS = "data/areas.yml"
GLOSSARY = "data/glossary.yml"
BODIES = "data/bodies.yml"
INDEX = "content/index.md"
TAKE_PART = "content/take-part.md"

_REFUSED: tuple[Case, ...] = (
    # Hostile or broken YAML: refused before anything is built from it.
    case("alias bomb", write(AREAS, BOMB)),
    case("5,000-deep nesting", write(AREAS, DEEP)),
    case("raw control byte", raw(FORUMS, b"A friendly group for people in East Surrey.", b"A friendly\x01 group for people in East Surrey.")),
    case("NUL byte", raw(SITE, b"Co-production in Surrey", b"Co-production\x00 in Surrey")),
    case("escape byte", raw(GLOSSARY, b"Being able to use", b"Being \x1b[31mable to use")),
    case("python tag", rep(SITE, "title: Co-production in Surrey", "title: !!python/object/apply:os.system [echo hi]")),
    case("python name tag", rep(AREAS, "name: East Surrey", "name: !!python/name:os.system")),
    case("plain str tag", rep(AREAS, "name: Surrey Downs", "name: !!str Surrey Downs")),
    case("local tag", rep(AREAS, "name: Surrey Downs", "name: !area Surrey Downs")),
    case("YAML 1.1 directive", rep(SITE, "# Settings for", "%YAML 1.1\n---\n# Settings for")),
    case("TAG directive", rep(SITE, "# Settings for", "%TAG !e! tag:example.com,2000:\n---\n# Settings for")),
    case("Latin-1 byte", raw(FORUMS, b"Tell us you are coming. We email you a link the day before.",
                             b"Tell us you are coming. We email you a link the day before \xe9.")),
    case("file too big", append(GLOSSARY, "#" + "x" * 1_100_000 + "\n")),
    case("number with 21 digits", rep(FEEDBACK, "response_days: 42", "response_days: 100000000000000000000")),
    case("number with an exponent", rep(FEEDBACK, "response_days: 42", "response_days: 1e400")),
    case("a key written twice", rep(SITE, "organisation_short: SaBP", "organisation_short: SaBP\norganisation_short: SBP")),
    case("broken indent", rep(AREAS, "  - id: surrey-downs\n    name: Surrey Downs", "  - id: surrey-downs\n   name: Surrey Downs")),
    case("unclosed quote", rep(SITE, '"01632 960 123"', '"01632 960 123')),
    case("tab indent", rep(AREAS, "    name: Surrey Downs", "\tname: Surrey Downs")),
    case("two documents", append(AREAS, "---\nareas: []\n")),
    case("empty file", write(AREAS, "")),
    case("many aliases", write(AREAS, "x: &x 1\nareas: [" + ", ".join(["*x"] * 60) + "]\n")),
    # One value is wrong: refused with its field and plain words.
    case("year 9999", rep(MEETING, "date: 2026-02-26", "date: 9999-02-26")),
    case("no such day", rep(FEEDBACK, "raised: 2026-01-06", "raised: 2026-02-30")),
    case("date written the British way", rep(FEEDBACK, "raised: 2026-01-07", "raised: 07/01/2026")),
    case("no such time", rep(MEETING, 'start: "14:00"', 'start: "25:00"')),
    case("yes for true", rep(FORUMS, "step_free: true", "step_free: yes")),
    case("300-character id", rep(AREAS, "id: surrey-downs", "id: " + "a" * 300)),
    case("id with capitals", rep(AREAS, "id: surrey-downs", "id: Surrey-Downs")),
    case("empty title", rep(SITE, "title: Co-production in Surrey", "title:")),
    case("title as a list", rep(SITE, "title: Co-production in Surrey", "title: [Co-production]")),
    case("a missing field", rep(AREAS, "  - id: surrey-downs\n    name: Surrey Downs\n", "  - id: surrey-downs\n")),
    case("a misspelt field", rep(AREAS, "name: Surrey Downs", "nmae: Surrey Downs")),
    case("newline in a name", rep(AREAS, "name: Surrey Downs", 'name: "Surrey\\nDowns"')),
    case("newline in a forum name (calendar)", rep(FORUMS, "name: East Surrey forum", 'name: "East Surrey forum\\nBEGIN:VEVENT"')),
    case("bell character in a summary", rep(FORUMS, "summary: A friendly group for people in East Surrey.",
                                           'summary: "A friendly\\a group." #')),
    case("right-to-left override in a name", rep(AREAS, "name: Surrey Downs", 'name: "Surrey \\u202Esnwod"')),
    case("line separator in a name", rep(AREAS, "name: Surrey Downs", 'name: "Surrey \\u2028Downs"')),
    case("email without @", rep(SITE, "email: coproduction@example.org", "email: coproduction at example.org")),
    case("email breaking out of mailto", rep(SITE, "email: coproduction@example.org",
                                             'email: "a@example.org)[x](javascript:alert(1)"')),
    case("email with a script", rep(SITE, "email: coproduction@example.org", 'email: "<script>@example.org"')),
    case("phone with letters", rep(SITE, '"01632 960 123"', '"call 01632 960 123"')),
    case("phone breaking out of tel", rep(SITE, '"01632 960 123"', '"01632)[x](javascript:alert(1)"')),
    case("javascript link in a Markdown field", rep(TOOLKIT, "(../about-co-production.md#the-ladder-of-co-production)", "(javascript:alert(1))")),
    case("data link in a Markdown field", rep(TOOLKIT, "(../about-co-production.md#the-ladder-of-co-production)",
                                              "(data:text/html;base64,PHNjcmlwdD4=)")),
    case("other-host link with no scheme", rep(TOOLKIT, "(../about-co-production.md#the-ladder-of-co-production)", "(//evil.example/x)")),
    case("picture in a Markdown field", rep(TOOLKIT, "Use this form with [the ladder", "Use ![x](https://evil.example/x.png) with [the ladder")),
    case("link definition in a Markdown field", rep(TOOLKIT, "Use this form with [the ladder", "Use [x]: javascript:alert(1) this [the ladder")),
    case("number for a name", rep(AREAS, "name: Surrey Downs", "name: 123")),
    case("text for a number", rep(FEEDBACK, "votes: 23", "votes: many")),
    case("negative votes", rep(FEEDBACK, "votes: 23", "votes: -5")),
    case("yes as text for true", rep(PRIVATE, "show_name: false", 'show_name: "no"')),
    case("unknown toolkit section kind", rep(TOOLKIT, "kind: matrix", "kind: grid")),
    # Rules across records and files.
    case("the same id twice in a file", rep(AREAS, "id: surrey-downs", "id: east-surrey")),
    case("the same meeting id in 2 files", rep(MEETING, "body: development-group", "id: 2026-05-28-development-group\nbody: development-group")),
    case("the same toolkit id in 2 files", rep(TOOLKIT, "number: 1", "id: 02-social-media\nnumber: 1")),
    case("an area that does not exist", rep(FORUMS, "area: surrey-downs", "area: surrey-hills")),
    case("a person who does not exist", rep(MEETING, "attended: [amira-khan,", "attended: [amira-kahn,")),
    case("private name in a forum's joining text", rep(FORUMS, "how_to_join: Tell us you are coming. We email you a link the day before.",
                                                       "how_to_join: Ask Jo Bright for the link.")),
    case("private name in a glossary example", rep(GLOSSARY, "example: A ramp gives a wheelchair user access to a building.",
                                                   "example: Jo uses a ramp to get into the building.")),
    case("private name in a toolkit", rep(TOOLKIT, "who_it_is_for: Teams in the Trust who want to check their co-production.",
                                          "who_it_is_for: Teams like the one Lee Grant leads.")),
    case("private name in a feedback answer", rep(FEEDBACK, "text: We are taking on 6 more staff to see people sooner.",
                                                  "text: Bright said we are taking on 6 more staff.")),
    case("private name in a content page", rep(TAKE_PART, "\n\n", "\n\nJo Bright can help you.\n\n")),
    case("private name across a line break", rep(INDEX, "\n\n", "\n\nAsk Jo\nBright.\n\n")),
    case("private name in a person's role", rep(PRIVATE, "role: Carer adviser", "role: Carer adviser who helps Jo")),
    case("private name in a person's id", rep(PRIVATE, "id: adviser-2", "id: bright-2"), rep(BODIES, "person: adviser-2", "person: bright-2")),
    case("private person called June named in a content page", append(PRIVATE, JUNE), rep(INDEX, "\n\n", "\n\nJune Ash helps here.\n\n")),
    # Files from outside the project.
    case("symlink in data/meetings", link("data/meetings/2026-12-24-development-group.yml", "/etc/passwd")),
    case("symlink data file", link(AREAS, "/etc/hostname")),
    case("symlink paper", link("content/papers/2026-02-26-development-group/agenda.pdf", "/etc/passwd")),
    case("symlink content page", link("content/secret.md", "/etc/passwd")),
    case("symlink content folder", link("content/papers/home", "/root")),
    case("paper in another meeting's folder", rep(MEETING, "file: papers/2026-02-26-development-group/agenda.pdf",
                                                   "file: papers/2026-05-28-development-group/agenda.pdf")),
    case("paper path leaving content", rep(MEETING, "file: papers/2026-02-26-development-group/agenda.pdf", "file: ../data/people.yml")),
    case("paper as a program", rep(MEETING, "file: papers/2026-02-26-development-group/agenda.pdf",
                                   "file: papers/2026-02-26-development-group/agenda.exe")),
    case("paper that is missing", rep(MEETING, "file: papers/2026-02-26-development-group/agenda.pdf",
                                      "file: papers/2026-02-26-development-group/minutes.pdf")),
    case("a data file nothing reads", write("data/forum.yml", "forums: []\n")),
    case("a missing data file", remove(AREAS)),
    case("attendance for a meeting after today", rep(NOV, "apologies: [david-owen]", "attended: [amira-khan, tom-reid]\napologies: [david-owen]")),
    case("minutes for a meeting after today", append(NOV, "minutes:\n  - title: Welcome\n    notes: We said hello.\n")),
    case("feedback raised on a day the forum did not meet", rep(FEEDBACK, "raised: 2026-01-06", "raised: 2026-01-08")),
    case("file name and date differ", rep(MEETING, "date: 2026-02-26", "date: 2026-02-27")),
    # Hand-written pages.
    case("unknown block marker", rep(INDEX, "<!-- generated: forum-list -->", "<!-- generated: forum-lists -->")),
    case("malformed block marker", rep(INDEX, "<!-- generated: forum-list -->", "<!-- generated: Forum-List -->")),
    case("marker without a colon", rep(INDEX, "<!-- generated: forum-list -->", "<!-- generated forum-list -->")),
    case("script in a content page", rep(TAKE_PART, "\n\n", "\n\n<script>alert(1)</script>\n\n")),
    case("handler in a content page", rep(TAKE_PART, "\n\n", '\n\n<img src="x" onerror="alert(1)">\n\n')),
    case("javascript link in a content page", rep(TAKE_PART, "\n\n", "\n\n[Click](javascript:alert(1))\n\n")),
    case("iframe in a content page", rep(TAKE_PART, "\n\n", '\n\n<iframe src="https://evil.example"></iframe>\n\n')),
    # Every mistake at once: a broken file, a wrong value and a cross-record mistake in one run.
    case("mistakes in 3 stages at once", rep(GLOSSARY, "terms:", "terms: ["), rep(SITE, "email: coproduction@example.org", "email: nobody"),
         rep(MEETING, "attended: [amira-khan,", "attended: [amira-kahn,")),
)

# Each refused input with its exact lines (tests/gallery/expected.py).
REFUSED: tuple[Case, ...] = tuple(Case(c.name, c.edits, EXPECTED.get(c.name, ())) for c in _REFUSED)
