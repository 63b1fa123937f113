"""`make bench`: how fast the check and the build are, the build side by side with plain MkDocs, at 1×, 10×, 30× and about 10,000 pages.

    .venv/bin/python benchmarks/bench.py [--repeat 3] [--quick]

Every build runs in its own process; CPU is user + system seconds of that process and its children, memory is
its peak resident size (`os.wait4`). "Plain MkDocs" builds the same rendered pages (generated Markdown, blocks
filled, open data files) with the same theme and Markdown extensions and no plugin of ours; a hook gives the
theme the filter and globals it needs from any build (benchmarks/plain_hooks.py). Plain MkDocs builds right after
each build of ours, so a drift in the machine's load moves both sides alike. Figures are medians of `--repeat` runs
(the 30× and 10,000-page builds run once each way; plain MkDocs, once after each). Our first build at each size compiles our templates, which
later builds read back (like Python's own compiled modules): it is measured on its own and shown beside.
Results are printed and written to `benchmarks/results.json`. Figures only, never a pass or fail: targets live in issue 14, not in timed tests.
Each build size is measured 3 ways: every page worked out (a fresh clone, CI), each page's results kept from
the build before (an editor's rebuild), and after one page changed. Last, the accessibility gate over the
example: a full run, then after one page changed (`--no-gate` leaves it out).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import make  # noqa: E402

TODAY = "2026-11-23"
COMPILED_TEMPLATES = ROOT / "generator/render/templates/__pycache__"
PY = sys.executable
MIB = 1024 * 1024


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> dict[str, float]:
    """Run a command; its wall time, CPU seconds and peak memory (MiB)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{output.decode(errors='replace')[-3000:]}")
    return {
        "wall": time.perf_counter() - started,
        "cpu": usage.ru_utime + usage.ru_stime,
        # Apart too: on this machine's file system (ext4 without a journal) making a file costs more, the more
        # files were deleted in the last minutes, so the system's share moves with what ran just before.
        "user": usage.ru_utime,
        "system": usage.ru_stime,
        "mib": usage.ru_maxrss / 1024,
    }


def instructions(command: list[str], cwd: Path) -> int | None:
    """Machine instructions a command runs, counted by valgrind (cachegrind, no cache simulation), or None without valgrind.

    CPU seconds move with the machine: on this shared one they drifted by 2 times within an hour, both sides alike
    but not always at the same moment. The count of instructions is the same on a busy or a quiet machine, so a
    change of 1% shows (it leaves out how fast each instruction runs: cache misses, for one). Python's hashes are
    fixed (PYTHONHASHSEED) so sets and dicts run the same way each time.
    """
    if shutil.which("valgrind") is None:
        return None
    counted = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null", *command],
        cwd=cwd, env={**os.environ, "PYTHONHASHSEED": "0"}, capture_output=True, text=True,
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", counted.stderr)
    if counted.returncode != 0 or found is None:
        raise SystemExit(f"{' '.join(command)} failed under valgrind:\n{counted.stderr[-3000:]}")
    return int(found.group(1).replace(",", ""))


def median(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: round(statistics.median(r[key] for r in runs), 3) for key in runs[0]}


def plain_project(project: Path, target: Path) -> None:
    """The same rendered pages as a plain MkDocs project: no plugin of ours, same theme and extensions."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(project / "theme", target / "theme")
    shutil.copytree(project / "content", target / "content")
    run([PY, "-m", "generator", "--root", str(project), "render", "--out", str(target / "content"), "--today", TODAY], ROOT)
    fill = (
        "import sys; from pathlib import Path; from generator.pipeline import prepare; "
        "from generator.render.blocks import fill_blocks; from datetime import date; "
        "root, out = Path(sys.argv[1]), Path(sys.argv[2]); "
        "p = prepare(root / 'data', root, date.fromisoformat(sys.argv[3])); "
        "[f.write_text(fill_blocks(f.read_text(), p.data, p.computed.today, f.relative_to(out).as_posix(), p.computed)) "
        "for f in out.rglob('*.md')]; "
        "(out.parent / 'contact.json').write_text(p.data.settings.contact.model_dump_json())"
    )
    run([PY, "-c", fill, str(project), str(target / "content"), TODAY], ROOT)
    # The theme's filter and globals (what the theme needs from any build), in a hook: no plugin of ours.
    shutil.copy2(ROOT / "benchmarks/plain_hooks.py", target / "plain_hooks.py")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    # Not an empty `plugins:`: MkDocs reads that as its default, which is Material's search plugin.
    config, removed = re.subn(r"\nplugins:\n  - coproduction:\n      data_dir: data\n", "\nplugins: []\n", config)
    if removed != 1:
        raise SystemExit("bench: could not take the coproduction plugin out of mkdocs.yml")
    (target / "mkdocs.yml").write_text(config + "\nhooks:\n  - plain_hooks.py\n", encoding="utf-8")


def page_count(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


def home_weight(site: Path) -> int:
    """Bytes of the home page and the CSS and JavaScript files it loads from this site."""
    html = (site / "index.html").read_text(encoding="utf-8")
    total = len(html.encode())
    for ref in set(re.findall(r'(?:href|src)="([^"#?]+\.(?:css|js))', html)):
        path = (site / ref).resolve()
        if path.is_file():
            total += path.stat().st_size
    return total


def search_figures(site: Path, in_browser: bool) -> dict[str, Any]:
    """The search index's bytes; with `in_browser`, and node and Chromium here, 2 queries at 4x CPU throttling."""
    found: dict[str, Any] = {"search_index_bytes": sum(p.stat().st_size for p in (site / "search").rglob("*.json"))}
    if in_browser and shutil.which("node") and Path("/usr/bin/chromium").exists() and (ROOT / "node_modules/puppeteer").is_dir():
        out = subprocess.run(["node", str(ROOT / "benchmarks/search_speed.mjs"), str(site)], cwd=ROOT,
                             capture_output=True, text=True, check=True, timeout=600)
        speed = json.loads(out.stdout.strip().splitlines()[-1])
        found["search_speed"] = speed
        print("  search at 4x throttling: " + ", ".join(
            f"{q['query']!r} {q['ms']} ms, {q['bytes'] / 1024:.0f} KB ({q['gzip_bytes'] / 1024:.0f} KB gzip)"
            for q in (speed["first"], speed["second"])), flush=True)
    return found


def _edit_one_page(project: Path, number: int) -> None:
    """Change one sentence of one hand-written page, as an editor would between 2 builds."""
    privacy = project / "content/privacy.md"
    text = re.sub(r"The short answer is nothing[^.]*\.", f"The short answer is nothing, {number + 1} times over.",
                  privacy.read_text(encoding="utf-8"), count=1)
    privacy.write_text(text, encoding="utf-8")


def measure_scale(
    label: str, scale: int, pages: int | None, repeat: int, work: Path, count_instructions: bool = False,
) -> dict[str, Any]:
    project = work / f"project-{label}"
    make(project, scale, pages)
    kept = project / ".cache/pages"  # each page's results, kept between builds (generator/easyread/page_results.py)
    # Load and validate only (`check`): the data step every build, serve reload and test starts with.
    checked = median([run([PY, "-m", "generator", "--root", str(project), "check", "--today", TODAY], ROOT) for _ in range(repeat)])
    command = [PY, "-m", "generator", "--root", str(project), "build", "--today", TODAY, "--site-dir", "site"]
    # The very first build: our templates not compiled yet (they are then kept, as Python keeps compiled
    # modules, in generator/render/templates/__pycache__) and no page's results kept.
    shutil.rmtree(COMPILED_TEMPLATES, ignore_errors=True)
    shutil.rmtree(kept, ignore_errors=True)
    first = run(command, ROOT)

    plain = work / f"plain-{label}"
    plain_project(project, plain)
    theirs: list[dict[str, float]] = []

    def beside_plain(ours: dict[str, float]) -> dict[str, float]:
        # Plain MkDocs right after each build of ours: a machine whose load drifts during the run (other jobs,
        # a neighbour) moves both sides alike, so the ratio holds better than with all of ours, then all of theirs.
        theirs.append(run([PY, "-m", "mkdocs", "build", "--quiet", "--no-strict", "--config-file", str(plain / "mkdocs.yml"),
                           "--site-dir", str(plain / "site")], plain))
        return ours

    def cold() -> dict[str, float]:
        shutil.rmtree(kept, ignore_errors=True)  # as a fresh clone, or CI: every page worked out
        return beside_plain(run(command, ROOT))

    fresh = [cold() for _ in range(repeat)]
    counted: dict[str, Any] | None = None
    if count_instructions:
        # Every page worked out, as in the "CPU s" column, before any page is edited (plain MkDocs has no edit).
        shutil.rmtree(kept, ignore_errors=True)
        ours = instructions(command, ROOT)
        theirs_counted = instructions([PY, "-m", "mkdocs", "build", "--quiet", "--no-strict", "--config-file",
                                       str(plain / "mkdocs.yml"), "--site-dir", str(plain / "site")], plain)
        if ours is not None and theirs_counted is not None:
            counted = {"ours": ours, "plain_mkdocs": theirs_counted, "ratio": round(ours / theirs_counted, 3)}
    # an editor's rebuild: every page's results kept
    unchanged = [beside_plain(run(command, ROOT)) for _ in range(repeat)]

    def after_an_edit(number: int) -> dict[str, float]:
        _edit_one_page(project, number)
        return beside_plain(run(command, ROOT))

    edited = [after_an_edit(number) for number in range(repeat)]
    site = project / "site"
    build, baseline, warm, one_page = median(fresh), median(theirs), median(unchanged), median(edited)
    count = page_count(site)
    result = {
        "pages": count,
        "check": checked,
        "build": build,
        "build_results_kept": warm,
        "build_one_page_changed": one_page,
        "plain_mkdocs": baseline,
        "first_build_templates_not_compiled_yet": {key: round(value, 3) for key, value in first.items()},
        "first_build_cpu_ratio": round(first["cpu"] / baseline["cpu"], 2),
        "cpu_ratio": round(build["cpu"] / baseline["cpu"], 2),
        "user_cpu_ratio": round(build["user"] / baseline["user"], 2),
        "cpu_ratio_results_kept": round(warm["cpu"] / baseline["cpu"], 2),
        "cpu_ratio_one_page_changed": round(one_page["cpu"] / baseline["cpu"], 2),
        "memory_ratio": round(build["mib"] / baseline["mib"], 2),
        "memory_ratio_results_kept": round(warm["mib"] / baseline["mib"], 2),
        "cpu_ms_per_page": round(1000 * build["cpu"] / count, 2),
        "instructions": counted,
        **search_figures(site, in_browser=label == "10k"),
        "home_page_bytes": home_weight(site),
        "largest_page_bytes": max(p.stat().st_size for p in site.rglob("*.html")),
    }
    print(f"  {label}: {count} pages, check {checked['cpu']:.2f} s CPU; build {build['cpu']:.2f} s CPU / {build['mib']:.0f} MiB "
          f"with every page worked out, {warm['cpu']:.2f} s / {warm['mib']:.0f} MiB with the results kept, "
          f"{one_page['cpu']:.2f} s after one page changed (the very first: {first['cpu']:.2f} s); "
          f"plain MkDocs {baseline['cpu']:.2f} s / {baseline['mib']:.0f} MiB", flush=True)
    return result


def measure_check(repeat: int) -> dict[str, float]:
    return median([run([PY, "-m", "generator", "check"], ROOT) for _ in range(max(repeat, 5))])


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def process_cpu(pid: int) -> float | None:
    """CPU seconds a running process has used so far (Linux), or None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure_serve(work: Path) -> dict[str, float | None]:
    """Seconds from saving a file to `mkdocs serve` showing the change (example size), 3 data and 3 content edits.

    Also the CPU seconds the server used meanwhile: on a busy machine the wall time grows, the CPU time does not.
    """
    project = work / "project-serve"
    make(project, 1)
    port = free_port()  # not a fixed one: another program on the machine may hold it
    env = {**os.environ, "SITE_TODAY": TODAY}
    server = subprocess.Popen(
        # As `make serve` runs it. Not --no-livereload: without live reload MkDocs does not watch or rebuild at all.
        [PY, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )

    def page(url: str) -> str:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return str(response.read().decode("utf-8"))
        except OSError:
            return ""

    def wait_for(url: str, text: str, limit: float = 300) -> float:
        started = time.perf_counter()
        while text not in page(url):
            if time.perf_counter() - started > limit or server.poll() is not None:
                raise TimeoutError("mkdocs serve did not show the change")
            time.sleep(0.05)
        return time.perf_counter() - started

    def edit(path: Path, old: str, new: str, url: str) -> tuple[float, float | None]:
        time.sleep(1.5)  # let the watcher settle
        before = process_cpu(server.pid)
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
        seconds = wait_for(url, new)
        after = process_cpu(server.pid)
        return seconds, None if before is None or after is None else after - before

    base = f"http://127.0.0.1:{port}"
    data, content = [], []
    try:
        wait_for(f"{base}/glossary/agenda/", "Agenda")
        glossary, privacy = project / "data/glossary.yml", project / "content/privacy.md"
        last = "talk about, in order."
        for number in range(1, 4):
            data.append(edit(glossary, last, f"talk about, in order {number}.", f"{base}/glossary/agenda/"))
            last = f"talk about, in order {number}."
        last = "The short answer is nothing."
        for number in range(1, 4):
            content.append(edit(privacy, last, f"The short answer is nothing at all ({number}).", f"{base}/privacy/"))
            last = f"The short answer is nothing at all ({number})."
    finally:
        server.terminate()
        server.wait(timeout=30)

    def middle(values: list[float | None]) -> float | None:
        known = [v for v in values if v is not None]
        return round(statistics.median(known), 2) if known else None

    return {
        "data_edit_seconds": middle([s for s, _ in data]), "data_edit_server_cpu": middle([c for _, c in data]),
        "content_edit_seconds": middle([s for s, _ in content]), "content_edit_server_cpu": middle([c for _, c in content]),
    }


def measure_gate(work: Path) -> dict[str, Any]:
    """The accessibility gate over the example: a FULL run, then a run after one word of one page changed.

    Its own project copy and cache (so the developer's `.cache/a11y` is left alone), the project's node_modules
    and exceptions. Pages a second and seconds are the gate's own (`reports/a11y/summary.json`); wall is the
    whole command, Python and Node starting included. Chromium's CPU is not in `os.wait4` (its renderers are not
    reaped through the gate), so no CPU figure here: `A11Y_DEBUG=1 ... --jobs 1` prints it per step.
    """
    project = work / "project-gate"
    make(project, 1)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    shutil.copy2(ROOT / "package-lock.json", project / "package-lock.json")
    env = {key: value for key, value in os.environ.items() if key != "CI"}  # CI=true would force --full
    build = [PY, "-m", "generator", "--root", str(project), "build", "--today", TODAY]
    gate = [PY, "-m", "generator.a11y", "site", "--root", str(project), "--exceptions", str(ROOT / "a11y-exceptions.yml")]

    def summary() -> dict[str, Any]:
        return dict(json.loads((project / "reports/a11y/summary.json").read_text(encoding="utf-8")))

    run(build, ROOT, env)
    full = run([*gate, "--full"], ROOT, env)
    first = summary()
    privacy = project / "content/privacy.md"
    privacy.write_text(privacy.read_text(encoding="utf-8").replace("The short answer is nothing.", "The short answer: nothing."), encoding="utf-8")
    run(build, ROOT, env)  # the accessibility page also changes: it quotes the first run's summary
    again = run(gate, ROOT, env)
    second = summary()
    return {
        "pages": first["pages"], "full_pages_per_second": first["pages_per_second"], "full_seconds": first["seconds"],
        "full_wall": round(full["wall"], 2), "changed_checked": second["checked_now"],
        "changed_seconds": second["seconds"], "changed_wall": round(again["wall"], 2),
        "changed_pages_per_second": second["pages_per_second"],
    }


def _memory_folder() -> Path:
    """/dev/shm (a folder in memory) when the machine has one, else the temporary folder.

    On a disk's file system the system's CPU for making files can depend on what was deleted in the minutes
    before (ext4 without a journal passes over the places of files deleted lately). MkDocs empties its site folder
    and makes the same files there at once: on such a disk it paid 5 times our build's system CPU for that (7.9 s
    against 1.5 s at 10,000 pages), which measured the disk, not the build. In memory, each side pays only for the
    files it makes.
    """
    shm = Path("/dev/shm")
    return shm if shm.is_dir() and os.access(shm, os.W_OK) else Path(tempfile.gettempdir())


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--repeat", type=int, default=3)
    options.add_argument("--quick", action="store_true", help="1× and 10× only")
    options.add_argument("--no-gate", action="store_true", help="leave out the accessibility gate (it needs node and Chromium)")
    options.add_argument("--out", type=Path, default=ROOT / "benchmarks/results.json")
    options.add_argument("--work", type=Path, default=_memory_folder(),
                         help="where the projects are built (default: /dev/shm when there is one, else the temporary folder)")
    args = options.parse_args()
    results: dict[str, Any] = {"machine": {"cpus": os.cpu_count(), "load_at_start": os.getloadavg()[0], "work": str(args.work)}}
    # Our modules compiled once, as pip compiles every installed package (MkDocs' among them). Without this, a
    # machine that sets PYTHONDONTWRITEBYTECODE compiles our source again in every build, and only ours.
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "generator")], check=True, stdout=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory(prefix="bench-", dir=args.work) as folder:
        work = Path(folder)
        print(f"Building in {work} (CPU seconds of the build process and its children; peak memory):", flush=True)
        scales: list[tuple[str, int, int | None, int]] = [("1x", 1, None, args.repeat), ("10x", 10, None, args.repeat)]
        if not args.quick:
            scales += [("30x", 30, None, 1), ("10k", 30, 10_000, 1)]
        # Instructions at 1x and 10x only: under valgrind a build runs about 20 times slower.
        results["scales"] = {
            label: measure_scale(label, scale, pages, repeat, work, count_instructions=label in ("1x", "10x"))
            for label, scale, pages, repeat in scales
        }
        results["check"] = measure_check(args.repeat)
        try:
            results["serve"] = measure_serve(work)
        except TimeoutError as error:
            results["serve"] = {"data_edit_seconds": None, "content_edit_seconds": None, "error": str(error)}
        if args.no_gate:
            results["gate"] = None
        else:
            print("The accessibility gate over the example (a full run, then after one page changed):", flush=True)
            results["gate"] = measure_gate(work)
    one = results["scales"]["1x"]["cpu_ms_per_page"]
    for entry in results["scales"].values():
        entry["per_page_vs_1x"] = round(entry["cpu_ms_per_page"] / one, 2)
    results["load_at_end"] = os.getloadavg()[0]
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")

    print(f"\n{'scale':6} {'pages':>6} {'check s':>7} {'CPU s':>7} {'MiB':>6} {'÷plain CPU':>10} {'kept':>5} {'1 edit':>6} "
          f"{'(first)':>7} {'user':>5} {'instr':>5} {'÷plain mem':>10} {'kept':>5} {'ms/page':>8} {'vs 1×':>6} {'search KB':>9} {'home KB':>8} {'biggest KB':>10}")
    for label, e in results["scales"].items():
        search = "-" if e["search_index_bytes"] is None else f"{e['search_index_bytes'] / 1024:.0f}"
        print(f"{label:6} {e['pages']:>6} {e['check']['cpu']:>7.2f} {e['build']['cpu']:>7.2f} {e['build']['mib']:>6.0f} "
              f"{e['cpu_ratio']:>10.2f} {e['cpu_ratio_results_kept']:>5.2f} {e['cpu_ratio_one_page_changed']:>6.2f} "
              f"{e['first_build_cpu_ratio']:>7.2f} {e['user_cpu_ratio']:>5.2f} "
              f"{'-' if e['instructions'] is None else format(e['instructions']['ratio'], '.2f'):>5} "
              f"{e['memory_ratio']:>10.2f} {e['memory_ratio_results_kept']:>5.2f} "
              f"{e['cpu_ms_per_page']:>8.1f} {e['per_page_vs_1x']:>6.2f} {search:>9} {e['home_page_bytes'] / 1024:>8.0f} "
              f"{e['largest_page_bytes'] / 1024:>10.0f}")
    print("CPU s, MiB, ms/page: every page worked out (a fresh clone, CI). kept: with each page's results kept from the "
          "build before; 1 edit: after one page changed; first: nothing compiled or kept yet; user: the CPU in our "
          "own code and libraries only, without the system's (file system) share; instr: machine instructions ÷ "
          "plain MkDocs's, every page worked out, counted by valgrind (the same on a busy machine; - without valgrind).")
    check = results["check"]
    print(f"\ncheck: {check['wall']:.2f} s wall, {check['cpu']:.2f} s CPU (median)")
    serve = results["serve"]
    print(f"serve: a data edit shows in {serve['data_edit_seconds']} s ({serve.get('data_edit_server_cpu')} s of the "
          f"server's CPU), a content edit in {serve['content_edit_seconds']} s ({serve.get('content_edit_server_cpu')} s) "
          "(example size, medians of 3)")
    gate = results["gate"]
    if gate:
        print(f"gate: {gate['pages']} pages, a full run at {gate['full_pages_per_second']} pages a second "
              f"({gate['full_wall']} s); after one page changed, {gate['changed_checked']} checked in {gate['changed_wall']} s")
    print(f"load average: {results['machine']['load_at_start']:.1f} at the start, {results['load_at_end']:.1f} at the end "
          f"on {results['machine']['cpus']} CPUs")
    print(f"Written to {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
