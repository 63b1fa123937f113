"""A person who has not said yes to their name being public is never named anywhere on the site."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import TODAY, edit, problems_for, run_generator
from hypothesis import given
from hypothesis import strategies as st

from generator.pipeline import load_site_data


def private_names(project: Path) -> list[str]:
    data = load_site_data(project / "data", project)
    return [p.name for p in data.people if not p.show_name]


def files_naming(folder: Path, names: list[str]) -> dict[str, list[str]]:
    """Every file under `folder` (any kind: pages, search index, JSON, feeds, calendars, papers)
    that holds one of `names`, compared without regard to capitals."""
    found: dict[str, list[str]] = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        text = path.read_bytes().decode("utf-8", errors="ignore").lower()
        hits = [name for name in names if name.lower() in text]
        if hits:
            found[path.relative_to(folder).as_posix()] = hits
    return found


def test_example_data_has_private_people_on_both_groups(project: Path) -> None:
    data = load_site_data(project / "data", project)
    private = {p.id for p in data.people if not p.show_name}
    assert {"Jo Bright", "Lee Grant"} <= set(private_names(project))
    for body in data.bodies:
        assert any(seat.person in private for seat in body.members), body.id


def test_private_names_appear_nowhere_in_the_built_site(built_site: Path, project: Path) -> None:
    names = private_names(project)
    checked = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*") if p.is_file()}
    # The places a name could leak to must really be there and be checked.
    for must in ("search/index.json", "search/pages/0.json", "api/meetings.json", "api/feedback.json", "feeds/meetings.xml",
                 "meetings/development-group/index.html", "meetings/2026-02-26-development-group/index.html"):
        assert must in checked, must
    assert any(path.endswith(".ics") for path in checked)
    assert any(path.startswith("search/words/") for path in checked)
    assert files_naming(built_site, names) == {}
    # They still show, by role, where they took part.
    page = (built_site / "meetings/2026-02-26-development-group/index.html").read_text(encoding="utf-8")
    assert "Expert by experience adviser" in page


def test_the_build_scan_reads_the_search_index(built_site: Path, project: Path, tmp_path: Path) -> None:
    # The build's last guard (build.private_name_leaks) must read the search files as they are written.
    from generator.build import private_name_leaks

    data = load_site_data(project / "data", project)
    site = tmp_path / "site"
    for path in ("search/pages/0.json", "search/sections/0-1.json", "index.html"):
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text((built_site / "search/pages/0.json").read_text(encoding="utf-8"), encoding="utf-8")
    assert private_name_leaks(data, site) == []
    leaked = (built_site / "search/pages/0.json").read_text(encoding="utf-8").replace("Surrey", "Jo Bright", 1)
    (site / "search/sections/0-1.json").write_text(leaked, encoding="utf-8")
    assert [line.split(":")[0] for line in private_name_leaks(data, site)] == ["search/sections/0-1.json"]


def test_the_build_scan_reads_every_folder_but_the_themes_own(project: Path, tmp_path: Path) -> None:
    # Every folder, even one called assets (the theme's scripts are there; a glossary word "assets" has its
    # page in glossary/assets/): only the theme's own kinds of file (.js, .css) are not read.
    from generator.build import private_name_leaks

    data = load_site_data(project / "data", project)
    site = tmp_path / "site"
    for path in ("assets/javascripts/bundle.js", "assets/page.html", "glossary/assets/index.html", "a/b/assets/c/feed.xml",
                 "index.html"):
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text("<p>Written by Jo Bright.</p>", encoding="utf-8")
    assert [line.split(":")[0] for line in private_name_leaks(data, site)] == [
        "a/b/assets/c/feed.xml", "assets/page.html", "glossary/assets/index.html", "index.html",
    ]


def test_the_scan_finds_a_name_once_its_owner_says_yes(project: Path, tmp_path: Path) -> None:
    # Control: the same scan must see the name when it is allowed on the site, or it proves nothing.
    edit(project / "data/people.yml", "    name: Jo Bright\n    role: Expert by experience adviser\n    show_name: false",
         "    name: Jo Bright\n    role: Expert by experience adviser\n    show_name: true")
    out = tmp_path / "rendered"
    result = run_generator(project, "render", "--out", str(out), "--today", TODAY)
    assert result.returncode == 0, result.stderr
    found = files_naming(out, ["Jo Bright"])
    assert "api/meetings.json" in found and "meetings/2026-02-26-development-group.md" in found


def test_rendered_files_without_consent_hold_no_private_name(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "rendered"
    result = run_generator(project, "render", "--out", str(out), "--today", TODAY)
    assert result.returncode == 0, result.stderr
    assert files_naming(out, private_names(project)) == {}


def test_a_private_name_in_the_minutes_is_a_mistake(project: Path) -> None:
    meeting = "data/meetings/2026-02-26-development-group.yml"
    edit(project / meeting, "Amira said hello.", "Amira and Jo said hello.")
    assert problems_for(project) == [
        f'{meeting}:46:12: minutes[1].notes: This names "adviser-1", who keeps their name private. '
        'Write their role instead, like "Expert by experience adviser".'
    ]


def test_a_private_name_in_feedback_is_a_mistake(project: Path) -> None:
    edit(project / "data/feedback.yml", "said: Nobody tells you how long you will wait.",
         "said: Lee Grant says nobody tells you how long you will wait.")
    assert problems_for(project) == [
        'data/feedback.yml:67:11: items[4].said: This names "adviser-3", who keeps their name private. '
        'Write their role instead, like "Expert by experience adviser".'
    ]


def test_an_id_made_from_a_private_name_is_a_mistake(project: Path) -> None:
    # Ids show up in web addresses and open data, so they must not carry the name either.
    edit(project / "data/people.yml", "  - id: adviser-1\n", "  - id: jo-bright\n")
    found = problems_for(project)
    assert (
        "data/people.yml:14:9: people[3].id: This id holds part of expert by experience adviser's name, "
        "who keeps it private. Use an id like adviser-3."
    ) in found


def test_a_role_may_not_hold_a_private_name(project: Path) -> None:
    # The role is shown instead of the name, so a name hidden inside it would leak.
    edit(project / "data/people.yml", "    role: Carer adviser\n", "    role: Carer of Jo Bright\n")
    assert problems_for(project) == [
        'data/people.yml:20:11: people[4].role: This names "adviser-1", who keeps their name private. '
        "Write a role without their name."
    ]


@given(
    name=st.sampled_from(["Jo Bright", "May Lee", "June", "Ann-Marie O'Neil", "Sam  Hart", "Li"]),
    text=st.lists(st.sampled_from(["Jo", "Bright", "Jo Bright", "May", "Lee", "June", "Ann-Marie", "O'Neil", "Sam",
                                   "Hart", "Li", "x", "-", " ", "\n", "Jo\nBright", "Joe", "Brightly"]), max_size=12).map("".join),
)
def test_the_quick_look_for_a_name_never_skips_a_match(name: str, text: str) -> None:
    """`scan_text` skips a text holding none of the words a name's matches start with: it finds what the pattern finds."""
    from generator.models.meetings import Person
    from generator.validate.privacy import private_names, scan_text

    [private] = private_names([Person(id="p-1", name=name, role="Adviser", show_name=False)])
    assert [m.span() for _, m in scan_text(text, [private])] == [m.span() for m in private.pattern.finditer(text)]


@given(
    before=st.text(alphabet=st.sampled_from(list('ab <>"\n&;é\\')), max_size=60),
    written=st.sampled_from(["Jo Bright", "Jo\n  Bright", "J&#111; Bright", "Jo&nbsp;Bright", "Bright", "Jo Brightly", "Jo-Bright"]),
    after=st.text(alphabet=st.sampled_from(list('ab <>"\n&;é\\')), max_size=60),
    piece=st.integers(min_value=1, max_value=40),
)
def test_the_build_scan_reads_a_file_in_pieces_as_it_reads_it_whole(
    example_data: Any, tmp_path_factory: Any, before: str, written: str, after: str, piece: int,
) -> None:
    # The last guard reads big files in pieces cut after > or ": wherever the cuts fall, it finds what reading
    # the whole file finds (a name across 2 lines, written with entities, next to the cut).
    import generator.build as build

    site = tmp_path_factory.mktemp("pieces")
    (site / "page.html").write_text(before + written + after, encoding="utf-8")
    saved = build._PIECE
    try:
        build._PIECE = 1 << 30
        whole = build.private_name_leaks(example_data, site)
        build._PIECE = piece
        assert build.private_name_leaks(example_data, site) == whole
    finally:
        build._PIECE = saved
    clear = not before.endswith(("a", "b", "é")) and not after.startswith(("a", "b", "é"))
    if written in ("Jo Bright", "Jo\n  Bright", "J&#111; Bright", "Bright") and clear:
        assert whole == ["page.html: names adviser-1, who keeps their name private."], (before, written, after)
