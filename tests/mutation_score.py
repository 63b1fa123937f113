"""The kill rate of the last `mutmut run`, per module and in all: `make mutation` prints it.

Reads mutmut's result files (`mutants/**/*.py.meta`). A mutant counts as caught when a test failed on it
(or it ran too long, which a test run would also report). A mutant no test reaches counts as not caught.
Exits 1 when fewer than `--at-least` percent (default 90) of all mutants are caught.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

CAUGHT = {1: "killed", 3: "killed", 36: "timeout", 24: "timeout", -24: "timeout", 152: "timeout", 255: "timeout"}
NOT_CAUGHT = {0: "survived", 5: "no tests", 33: "no tests"}


def counts(meta: Path) -> Counter[str]:
    codes = json.loads(meta.read_text(encoding="utf-8")).get("exit_code_by_key", {})
    found: Counter[str] = Counter()
    for code in codes.values():
        found[CAUGHT.get(code) or NOT_CAUGHT.get(code) or ("not run" if code is None else "other")] += 1
    return found


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--mutants", type=Path, default=Path("mutants"))
    options.add_argument("--at-least", type=float, default=90.0)
    args = options.parse_args()
    total: Counter[str] = Counter()
    rows = []
    for meta in sorted(args.mutants.rglob("*.py.meta")):
        found = counts(meta)
        if not sum(found.values()):
            continue
        total += found
        rows.append((meta.relative_to(args.mutants).as_posix().removesuffix(".meta"), found))
    if not rows:
        print("No mutation results. Run `make mutation`.", file=sys.stderr)
        return 1
    rows.append(("all", total))
    print(f"{'module':40} {'mutants':>7} {'killed':>6} {'timeout':>7} {'survived':>8} {'no tests':>8} {'rate':>6}")
    for name, found in rows:
        checked = sum(found.values()) - found["not run"]
        caught = found["killed"] + found["timeout"]
        rate = 100 * caught / checked if checked else 0.0
        print(f"{name:40} {checked:7} {found['killed']:6} {found['timeout']:7} {found['survived']:8} {found['no tests']:8} {rate:5.1f}%")
    checked = sum(total.values()) - total["not run"]
    rate = 100 * (total["killed"] + total["timeout"]) / checked if checked else 0.0
    return 0 if rate >= args.at_least else 1


if __name__ == "__main__":
    raise SystemExit(main())
