"""The MkDocs glue: load the data, add the generated pages, watch `data/` when serving.

Everything else lives in the core, which does not know about MkDocs.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkPage

from .api import api_documents, to_json
from .calendars import calendar_documents
from .blocks import UnknownBlock, fill_blocks
from .load import SiteData, load_site_data
from .pages import all_pages
from .problems import DataProblems
from .today import resolve_today


class CoproductionConfig(Config):
    data_dir = c.Type(str, default="data")
    # Leave empty to use --today / SITE_TODAY / SOURCE_DATE_EPOCH / the real date.
    today = c.Optional(c.Type(str))


class CoproductionPlugin(BasePlugin[CoproductionConfig]):
    def __init__(self) -> None:
        self.data: SiteData | None = None
        self.today: date | None = None
        self.data_dir: Path | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        self.data_dir = (root / self.config.data_dir).resolve()
        self.today = resolve_today(self.config.today)
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        # Runs before MkDocs empties site_dir, so bad data never costs the last good site.
        # Loaded again on every rebuild so `mkdocs serve` picks up edits.
        assert self.data_dir is not None
        try:
            self.data = load_site_data(self.data_dir, self.data_dir.parent)
        except DataProblems as problems:
            raise PluginError("The data has mistakes:\n" + problems.report()) from None

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.data is not None and self.today is not None
        for page in all_pages(self.data, self.today):
            if files.get_file_from_path(page.path) is not None:
                raise PluginError(f"content/{page.path} clashes with a generated page. Rename or delete it.")
            files.append(File.generated(config, page.path, content=page.markdown))
        for path, document in api_documents(self.data, self.today).items():
            files.append(File.generated(config, path, content=to_json(document)))
        for path, text in calendar_documents(self.data, self.today).items():
            files.append(File.generated(config, path, content=text))
        return files

    def on_page_markdown(self, markdown: str, page: MkPage, config: MkDocsConfig, files: Files) -> str:
        assert self.data is not None and self.today is not None
        try:
            return fill_blocks(markdown, self.data, self.today, page.file.src_uri)
        except UnknownBlock as error:
            raise PluginError(str(error)) from None

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        if self.data_dir is not None:
            server.watch(str(self.data_dir))
        return server
