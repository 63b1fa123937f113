"""`python -m generator.a11y [SITE]`: check every page of a built site for accessibility. Exit 1 on any error."""
from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from .browser import GateCrashed
from .exceptions import ExceptionsError, load_exceptions
from .gate import Options, run_gate
from .report import format_report
from .settings import Settings, default_jobs


def _shard(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d+)/(\d+)", text)
    if not match or not 1 <= int(match[1]) <= int(match[2]):
        raise argparse.ArgumentTypeError("write the shard as K/N, like 2/4")
    return int(match[1]), int(match[2])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.a11y", description=(__doc__ or "").split(":")[0])
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"), help="the built site folder (default: site)")
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="the project folder: node_modules/, a11y-exceptions.yml, .cache/ (default: the current folder)")
    parser.add_argument("--reports", type=Path, help="where reports go (default: ROOT/reports/a11y)")
    parser.add_argument("--exceptions", type=Path, help="the rule exceptions file (default: ROOT/a11y-exceptions.yml)")
    parser.add_argument("--full", action="store_true", default=os.environ.get("CI", "").lower() == "true",
                        help="check every page, even those unchanged since their last check (always on when CI=true)")
    parser.add_argument("--jobs", type=int, default=default_jobs(), help="pages checked at the same time (default: cores + 1)")
    parser.add_argument("--shard", type=_shard, default=(1, 1), help="check only shard K of N, like 2/4 (for CI)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    settings = Settings(root=root, jobs=max(1, args.jobs))
    site = args.site if args.site.is_absolute() else root / args.site
    reports = args.reports or settings.reports_dir
    try:
        exceptions = load_exceptions(args.exceptions or settings.exceptions_file)
        result = run_gate(site, settings, exceptions, Options(full=args.full, shard=args.shard), reports=reports)
    except ExceptionsError as error:
        print(error, file=sys.stderr)
        print("Fix the exceptions file; nothing was checked.", file=sys.stderr)
        return 1
    except (GateCrashed, FileNotFoundError, ValueError) as error:
        print(f"The accessibility check could not run: {error}", file=sys.stderr)
        return 1
    print(format_report(result))
    print(f"Reports: {reports}/report.txt, results.json, summary.json, screenshots/")
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
