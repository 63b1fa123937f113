"""JSON Schemas for the data files, made from the models, so editors get completion and red underlines.

`python -m generator schema` writes one schema per kind of data file into `schemas/`. Each data file
starts with a line that points at its schema, which YAML language servers (VS Code's YAML extension and
others) read:

    # yaml-language-server: $schema=../schemas/site.schema.json
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from generator.load.reader import SOURCES, Source

SCHEMA_DIR = "schemas"
MARKER = "# yaml-language-server: $schema="


def schema_name(source: Source) -> str:
    """`site.yml` → `site.schema.json`; `meetings/*.yml` → `meetings.schema.json`."""
    return source.pattern.split("/")[0].removesuffix(".yml") + ".schema.json"


def schema_of(source: Source) -> dict[str, Any]:
    schema = source.model.model_json_schema(by_alias=True, mode="validation")
    if source.one_per_file:
        # One record per file: the id is the file's name, so editors never write it.
        schema.get("properties", {}).pop("id", None)
        schema["required"] = [name for name in schema.get("required", []) if name != "id"]
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema.setdefault("title", source.pattern)
    return schema


def all_schemas() -> dict[str, str]:
    """`schemas/<name>.schema.json` → its text, for every kind of data file."""
    return {
        f"{SCHEMA_DIR}/{schema_name(source)}": json.dumps(schema_of(source), indent=2, ensure_ascii=False) + "\n"
        for source in SOURCES
    }


def marker_line(data_file: Path, root: Path, source: Source) -> str:
    target = root / SCHEMA_DIR / schema_name(source)
    return MARKER + Path(os.path.relpath(target, data_file.parent)).as_posix()


def with_marker(text: str, line: str) -> str:
    """The file's text with `line` first, replacing an older marker line."""
    lines = text.splitlines(keepends=True)
    if lines and lines[0].startswith(MARKER):
        lines = lines[1:]
    return line + "\n" + "".join(lines)


def write_schemas(root: Path, data_dir: Path) -> list[Path]:
    """Write every schema under `root/schemas/`, and put the marker line at the top of every data file."""
    written = []
    for path, text in all_schemas().items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    for source in SOURCES:
        for data_file in sorted(p for p in data_dir.glob(source.pattern) if p.is_file()):
            text = data_file.read_text(encoding="utf-8")
            updated = with_marker(text, marker_line(data_file, root, source))
            if updated != text:
                data_file.write_text(updated, encoding="utf-8")
    return written
