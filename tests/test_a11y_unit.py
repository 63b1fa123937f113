"""The gate's own logic, without a browser: pages, cache keys, the cache, report grouping, the exceptions file."""
from __future__ import annotations

import json
import urllib.request
from collections import Counter
from pathlib import Path

import pytest

from generator.a11y import cache as cache_module
from generator.a11y.__main__ import main
from generator.a11y.browser import to_result
from generator.a11y.cache import AssetHasher, Cache, gate_fingerprint, page_key
from generator.a11y.exceptions import ExceptionsError, RuleException, load_exceptions
from generator.a11y.findings import (
    Finding,
    PageResult,
    from_pa11y,
    from_probe,
    from_vnu,
    how_to_fix,
)
from generator.a11y.pages import page_paths, sample_pages, shard, shot_name
from generator.a11y.report import format_report, group, sort_findings, summary
from generator.a11y.server import serve
from generator.a11y.settings import Settings, script_folder

PROJECT = Path(__file__).parent.parent


def write_site(root: Path, pages: list[str], site_url: str = "https://example.org/sub/") -> Path:
    locs = "".join(f"<url><loc>{site_url}{page}</loc></url>" for page in pages)
    root.mkdir(parents=True, exist_ok=True)
    (root / "sitemap.xml").write_text(
        f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'
    )
    for page in pages:
        target = root / page / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f'<title>{page}</title><link rel="stylesheet" href="/assets/site.css"><script src="../app.js"></script>')
    return root


# ── Pages and the server ──────────────────────────────────────────────────────────────────────────────────


def test_page_paths_are_relative_to_the_site_root_and_include_404(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", ["", "forums/", "forums/east-surrey/"])
    (site / "404.html").write_text("<title>Not found</title>")
    assert page_paths(site) == ["/", "/forums/", "/forums/east-surrey/", "/404.html"]


def test_a_sitemap_page_that_was_not_built_is_an_error(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", ["", "forums/"])
    (site / "forums/index.html").unlink()
    with pytest.raises(FileNotFoundError, match="The sitemap lists pages that were not built: /forums/"):
        page_paths(site)


def test_no_sitemap_says_build_first(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"sitemap.xml is missing. Build the site first \(make site\)."):
        page_paths(tmp_path)


def test_the_server_serves_the_folder_on_a_free_local_port_and_stops(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", ["", "forums/"])
    with serve(site) as base:
        assert base.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(f"{base}/forums/") as response:
            assert response.read().startswith(b"<title>forums/</title>")
    with pytest.raises(OSError):
        urllib.request.urlopen(f"{base}/", timeout=2)


def test_the_sample_is_the_main_pages_and_the_first_page_of_each_section() -> None:
    pages = ["/", "/forums/", "/forums/east/", "/forums/west/", "/take-part/", "/404.html"]
    assert sample_pages(pages) == ["/", "/forums/", "/take-part/", "/404.html"]
    assert shot_name("/") == "home" and shot_name("/forums/east-surrey/") == "forums-east-surrey"


def test_shards_split_every_page_once() -> None:
    pages = [f"/p{n}/" for n in range(10)]
    shards = [shard(pages, k, 3) for k in (1, 2, 3)]
    assert sorted(page for one in shards for page in one) == sorted(pages)
    assert shards[0] == ["/p0/", "/p3/", "/p6/", "/p9/"]
    with pytest.raises(ValueError, match="Shard 4/3 does not exist"):
        shard(pages, 4, 3)


@pytest.mark.parametrize("count", [1, 2, 7, 20, 40])
def test_shards_of_a_10000_page_site_check_every_page_exactly_once(count: int) -> None:
    """How CI splits a large site: the shards together hold every page once, and their sizes differ by one at most."""
    pages = [f"/section-{n % 37}/page-{n}/" for n in range(10_000)] + ["/404.html"]
    shards = [shard(pages, k, count) for k in range(1, count + 1)]
    seen = Counter(page for one in shards for page in one)
    assert set(seen) == set(pages) and set(seen.values()) == {1}
    sizes = [len(one) for one in shards]
    assert max(sizes) - min(sizes) <= 1


# ── Cache keys: a page is never passed from the cache once anything it depends on changed ─────────────────────


def test_the_page_hash_covers_its_html_and_every_local_file_it_loads(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", ["", "forums/"])
    (site / "assets").mkdir()
    (site / "assets/site.css").write_text("@import 'base.css'; body { background: url(img/bg.png); }")
    (site / "assets/base.css").write_text("p { color: black; }")
    (site / "app.js").write_text("console.log(1)")

    def hashes() -> tuple[str, str]:
        hasher = AssetHasher(site)
        return hasher.page_hash("/"), hasher.page_hash("/forums/")

    home, forums = hashes()
    assert home != forums
    (site / "app.js").write_text("console.log(2)")  # loaded as ../app.js from /forums/ and as /app.js from /
    assert hashes()[0] != home and hashes()[1] != forums
    home, forums = hashes()
    (site / "assets/base.css").write_text("p { color: grey; }")  # imported by the stylesheet: counts too
    assert hashes()[0] != home
    home, forums = hashes()
    (site / "forums/index.html").write_text((site / "forums/index.html").read_text() + "<p>more</p>")
    assert hashes() == (home, hashes()[1]) and hashes()[1] != forums


def test_links_to_other_pages_are_not_part_of_the_hash(tmp_path: Path) -> None:
    """`<link rel="next">` names the next page; the page does not load it, so a change there checks only that page."""
    site = write_site(tmp_path / "site", ["", "next/"])
    home = site / "index.html"
    home.write_text(home.read_text() + '<link rel="next" href="next/"><link rel="canonical" href="/"><a href="next/">Next</a>')
    before = AssetHasher(site).page_hash("/")
    (site / "next/index.html").write_text("<title>changed</title>")
    assert AssetHasher(site).page_hash("/") == before


def test_files_on_other_hosts_and_same_page_links_are_not_part_of_the_hash(tmp_path: Path) -> None:
    hasher = AssetHasher(tmp_path)
    assert hasher.local_path("http://site.invalid/a/", "https://cdn.example/x.css") is None
    assert hasher.local_path("http://site.invalid/a/", "#main") is None
    assert hasher.local_path("http://site.invalid/a/", "data:image/png;base64,AAAA") is None
    assert hasher.local_path("http://site.invalid/a/", "../b.css?v=1") == "/b.css"


def test_the_key_changes_with_the_gate_the_page_and_what_it_is_asked_to_do() -> None:
    base = page_key("gate-1", "/", "html-1", {"shots": True})
    assert base == page_key("gate-1", "/", "html-1", {"shots": True})
    assert base != page_key("gate-2", "/", "html-1", {"shots": True})
    assert base != page_key("gate-1", "/", "html-2", {"shots": True})
    assert base != page_key("gate-1", "/a/", "html-1", {"shots": True})
    assert base != page_key("gate-1", "/", "html-1", {"shots": False})


def test_the_gate_fingerprint_covers_its_code_its_tools_and_chromium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code = tmp_path / "code"
    code.mkdir()
    (code / "keyboard.mjs").write_text("walk()")
    (code / "gate.py").write_text("run()")
    settings = Settings(root=tmp_path)
    (tmp_path / "package-lock.json").write_text('{"axe-core": "4.11.4"}')
    first = gate_fingerprint(settings, code, "Chromium 156")
    assert first == gate_fingerprint(settings, code, "Chromium 156")
    assert first != gate_fingerprint(settings, code, "Chromium 157")
    (code / "keyboard.mjs").write_text("walk(); check()")
    second = gate_fingerprint(settings, code, "Chromium 156")
    assert second != first
    (tmp_path / "package-lock.json").write_text('{"axe-core": "4.12.0"}')
    third = gate_fingerprint(settings, code, "Chromium 156")
    assert third != second
    monkeypatch.setattr(cache_module, "CACHE_FORMAT", "another format")
    assert gate_fingerprint(settings, code, "Chromium 156") != third


def test_the_real_gate_code_is_found_as_package_data() -> None:
    names = {path.name for path in script_folder().iterdir()}
    assert {"browser.mjs", "keyboard.mjs", "in_page.mjs", "no_script.mjs", "gate.py"} <= names


def finding(page: str = "/", check: str = "axe", rule: str = "image-alt", selector: str = "main > img") -> Finding:
    return Finding(page=page, check=check, rule=rule, selector=selector, message=f"{rule} broken", how_to_fix="Fix it.")


def test_the_cache_needs_both_parts_and_never_keeps_a_page_that_was_not_checked(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    cache.put("k1", "browser", PageResult(page="/", findings=[finding()]))
    assert cache.get("k1") is None  # the Nu checker's part is missing
    cache.put("k1", "vnu", PageResult(page="/", findings=[finding(check="vnu", rule="Bad HTML.")]))
    kept = cache.get("k1")
    assert kept is not None and [f.check for f in kept.findings] == ["axe", "vnu"]
    cache.put("k2", "browser", PageResult(page="/a/", crashed="timed out"))
    cache.put("k2", "vnu", PageResult(page="/a/"))
    assert cache.get("k2") is None
    cache.keep_only(["k2"])
    assert cache.get("k1") is None


def test_a_cached_result_whose_screenshot_is_gone_is_not_used(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    cache.put("k", "browser", PageResult(page="/", screenshots=["home-0123456789abcdef-320.png"]))
    cache.put("k", "vnu", PageResult(page="/"))
    assert cache.get("k") is None
    cache.shots.mkdir(parents=True)
    (cache.shots / "home-0123456789abcdef-320.png").write_bytes(b"png")
    assert cache.get("k") is not None


# ── Reading the tools' output ──────────────────────────────────────────────────────────────────────────────


def issue(code: str, runner: str = "axe", selector: str = "main > p", pass_name: str = "axe") -> dict[str, object]:
    return {"code": code, "type": "error", "message": f"{code} broken", "context": "<p>x</p>", "selector": selector,
            "runner": runner, "pass": pass_name,
            "runnerExtras": {"help": f"Fix {code}", "description": "Why", "helpUrl": "https://h/"}}


def test_how_to_fix_points_at_axe_help_or_the_wcag_technique() -> None:
    assert how_to_fix(issue("image-alt")) == "Fix image-alt. Why. See https://h/"
    htmlcs = issue("WCAG2AA.Principle1.Guideline1_1.1_1_1.H37", "htmlcs")
    assert how_to_fix(htmlcs) == (
        "WCAG2AA.Principle1.Guideline1_1.1_1_1.H37 broken See https://www.w3.org/WAI/WCAG22/Techniques/html/H37"
    )


def test_a_browser_line_becomes_findings_from_each_tool(tmp_path: Path) -> None:
    line = {"page": "/", "issues": [issue("color-contrast"), issue("X.H37", "htmlcs", pass_name="htmlcs-aaa")],
            "problems": [{"check": "keyboard-320", "rule": "keyboard-trap", "selector": "input#a", "message": "goes round",
                          "width": 320}],
            "screenshots": [str(tmp_path / "home-1-320.png")], "seconds": 1.5}
    result = to_result(line, tmp_path)
    assert [(f.check, f.rule) for f in result.findings] == [
        ("axe", "color-contrast"), ("htmlcs-aaa", "X.H37"), ("keyboard-320", "keyboard-trap")]
    assert result.findings[1].informational and not result.findings[0].informational
    assert result.findings[2].message == "goes round (at 320px wide)"
    assert result.findings[2].how_to_fix.startswith("let the Tab key move on")
    assert result.screenshots == ["home-1-320.png"]
    assert to_result({"page": "/a/", "crashed": "timed out"}, tmp_path).crashed == "timed out"


def test_a_nu_checker_message_is_a_finding_at_its_line() -> None:
    found = from_vnu("/", {"type": "error", "lastLine": 7, "firstColumn": 3, "message": "Duplicate attribute “class”.",
                           "extract": "<p class=a class=b>"})
    assert (found.check, found.rule, found.selector, found.context) == (
        "vnu", "Duplicate attribute “class”.", "line 7, column 3", "<p class=a class=b>")


# ── Sorting and the report ─────────────────────────────────────────────────────────────────────────────────


def test_a_page_without_a_result_or_a_crashed_page_is_not_checked_never_clean() -> None:
    result = sort_findings([PageResult(page="/a/", crashed="Protocol error")], [], ["/", "/a/"])
    assert result.crashed == [("/", "No result: the page was never checked."), ("/a/", "Protocol error")]
    assert result.errors == [] and not result.ok


def test_aaa_findings_are_counted_but_do_not_fail_the_gate() -> None:
    aaa = from_pa11y("/", issue("WCAG2AAA.Principle1.Guideline1_4.1_4_6.G17.Fail", "htmlcs", pass_name="htmlcs-aaa"))
    result = sort_findings([PageResult(page="/", findings=[aaa])], [], ["/"])
    assert result.ok and result.informational == [aaa]
    assert "For information, htmlcs-aaa: 1 findings (1_4_6.G17.Fail ×1)." in format_report(result)


def test_findings_are_grouped_page_then_rule_then_element() -> None:
    findings = [finding("/b/"), finding("/a/", selector="img.two"), finding("/a/", check="vnu", rule="Bad."),
                finding("/a/", selector="img.one")]
    grouped = group(findings)
    assert list(grouped) == ["/a/", "/b/"]
    assert list(grouped["/a/"]) == [("axe", "image-alt"), ("vnu", "Bad.")]
    assert [f.selector for f in grouped["/a/"][("axe", "image-alt")]] == ["img.two", "img.one"]


def test_the_text_report_and_the_summary() -> None:
    probe = from_probe("/a/", {"check": "other-host", "rule": "other-host", "message": "asked another host for https://x.example/f.css"})
    result = sort_findings([PageResult(page="/"), PageResult(page="/a/", findings=[probe])], [], ["/", "/a/"])
    result.seconds, result.from_cache, result.checked = 4.0, 1, ["/a/"]
    text = format_report(result)
    assert "/a/\n  [other-host] other-host\n      how to fix: copy the file into the site" in text
    assert "    - (the whole page)\n        asked another host for https://x.example/f.css" in text
    assert "2 pages (1 checked now, 1 unchanged since their last check); 1 errors (other-host 1);" in text
    assert "Took 4.0s, 0.50 pages a second (1 checked now, 0.25 a second)." in text
    assert text.endswith("FAILED: fix the problems above, then run `make a11y` again.")
    data = summary(result)
    assert (data["pages"], data["errors"], data["from_cache"], data["passed"]) == (2, 1, 1, False)
    assert data["errors_by_check"] == {"other-host": 1} and "vnu" in data["checks"]
    assert (data["seconds"], data["pages_per_second"], data["checked_per_second"]) == (4.0, 0.5, 0.25)
    json.dumps(data)


# ── The exceptions file ────────────────────────────────────────────────────────────────────────────────────


def test_exceptions_match_rule_page_and_selector() -> None:
    exception = RuleException(rule="color-*", reason="Because.", pages=["/forums/*"], selector="main > p")
    assert exception.covers("/forums/east/", "color-contrast", "main > p")
    assert not exception.covers("/", "color-contrast", "main > p")
    assert not exception.covers("/forums/east/", "color-contrast", "footer")
    assert not exception.covers("/forums/east/", "image-alt", "main > p")


def test_exceptions_apply_to_every_kind_of_check() -> None:
    exception = RuleException(rule="focus-indicator", reason="Checked by hand: the ring is drawn by the parent.")
    walk = finding(check="keyboard-320", rule="focus-indicator", selector="a.logo")
    result = sort_findings([PageResult(page="/", findings=[walk, finding()])], [exception], ["/"])
    assert result.excepted == [walk] and result.errors == [finding()]


def test_the_exceptions_file_needs_a_reason_for_each_entry(tmp_path: Path) -> None:
    path = tmp_path / "a11y-exceptions.yml"
    path.write_text("exceptions:\n  - rule: color-contrast\n    reason: \"\"\n  - rule: label\n    page: /x/\n")
    with pytest.raises(ExceptionsError) as caught:
        load_exceptions(path)
    assert [str(problem) for problem in caught.value.problems] == [
        "a11y-exceptions.yml:3:13: exceptions[1].reason: This is empty. Write some words here.",
        'a11y-exceptions.yml:4:5: exceptions[2].reason: "reason" is missing. Add a line "reason: ..." here.',
        (
            'a11y-exceptions.yml:5:5: exceptions[2].page: "page" is not a field we know. Check the spelling, or delete it.'
            " Fields allowed here: rule, reason, pages, selector."
        ),
    ]


def test_yes_and_no_are_text_in_yaml_1_2(tmp_path: Path) -> None:
    path = tmp_path / "a11y-exceptions.yml"
    path.write_text("exceptions:\n  - rule: no\n    reason: yes\n")
    assert load_exceptions(path) == [RuleException(rule="no", reason="yes")]


def test_a_broken_exceptions_file_says_where(tmp_path: Path) -> None:
    path = tmp_path / "a11y-exceptions.yml"
    path.write_text("exceptions:\n  - rule: [x\n")
    with pytest.raises(ExceptionsError, match=r"a11y-exceptions.yml:\d+:\d+: The file layout is broken here"):
        load_exceptions(path)


def test_the_project_exceptions_file_is_valid_and_every_entry_has_a_reason() -> None:
    for exception in load_exceptions(PROJECT / "a11y-exceptions.yml"):
        assert exception.reason.strip()


# ── The command line ───────────────────────────────────────────────────────────────────────────────────────


def test_the_command_line_takes_the_project_from_root_not_from_where_it_is_installed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "a11y-exceptions.yml").write_text("exceptions:\n  - rule: x\n")
    assert main(["--root", str(tmp_path)]) == 1
    assert 'a11y-exceptions.yml:2:5: exceptions[1].reason: "reason" is missing.' in capsys.readouterr().err
    (tmp_path / "a11y-exceptions.yml").unlink()
    assert main(["--root", str(tmp_path)]) == 1
    assert f"{tmp_path / 'site' / 'sitemap.xml'} is missing. Build the site first" in capsys.readouterr().err
