"""Problems found in the editors' data, worded for people rather than programmers."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one data file, shown as `file:line:col: field: message`."""

    file: str
    line: int
    col: int
    field: str
    message: str

    def __str__(self) -> str:
        field = self.field or "(file)"
        return f"{self.file}:{self.line}:{self.col}: {field}: {self.message}"


class DataProblems(Exception):
    """Raised when the data has mistakes. Carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [str(p) for p in self.problems]
        lines.append(f"Found {count} {noun} in the data. Nothing was built. Fix them and try again.")
        return "\n".join(lines)
