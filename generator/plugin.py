"""The MkDocs glue: load the data, add the generated pages, watch `data/` when serving.

Everything else lives in the core, which does not know about MkDocs.
"""
from __future__ import annotations

import logging
import os
from datetime import UTC, date, datetime, time
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
from mkdocs.structure.toc import AnchorLink

from generator.easyread.linking import Matcher, link_terms, words_on_page
from generator.easyread.site_check import SiteCheck, glossary_matcher
from generator.models.problems import DataProblems
from generator.models.site import MissingDataFile, SiteData
from generator.outputs import extra_files
from generator.pipeline import load_site_data
from generator.render.blocks import UnknownBlock, fill_blocks
from generator.render.csp import fill_script_hashes
from generator.render.pages import all_pages
from generator.render.sanitise import sanitise_html
from generator.render.themehtml import easy_read_layout
from generator.today import resolve_today
from generator.validate.warnings import governance_warnings

log = logging.getLogger(f"mkdocs.plugins.{__name__}")


class CoproductionConfig(Config):
    data_dir = c.Type(str, default="data")
    # Leave empty to use --today / SITE_TODAY / SOURCE_DATE_EPOCH / the real date.
    today = c.Optional(c.Type(str))


class CoproductionPlugin(BasePlugin[CoproductionConfig]):
    def __init__(self) -> None:
        self.data: SiteData | None = None
        self.today: date | None = None
        self.data_dir: Path | None = None
        self.matcher: Matcher | None = None
        self.easy_read: SiteCheck | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        self.data_dir = (root / self.config.data_dir).resolve()
        try:
            self.today = resolve_today(self.config.today)
        except ValueError as error:
            raise PluginError(f"The build date is not a date ({error}). Write it like 2026-03-04.") from None
        # MkDocs dates the sitemap (`lastmod`) and sitemap.xml.gz from SOURCE_DATE_EPOCH, or else from the wall
        # clock. Set it from the build's "today", so the same data and --today give the same bytes on any day.
        os.environ["SOURCE_DATE_EPOCH"] = str(int(datetime.combine(self.today, time(0, 0), UTC).timestamp()))
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        # Runs before MkDocs empties site_dir, so bad data never costs the last good site.
        # Loaded again on every rebuild so `mkdocs serve` picks up edits.
        assert self.data_dir is not None
        try:
            self.data = load_site_data(self.data_dir, self.data_dir.parent, self.today)
        except DataProblems as problems:
            raise PluginError("The data has mistakes:\n" + problems.report()) from None
        # Logged as INFO on purpose: strict mode fails on WARNING, and these must not stop the build
        # (an inquorate meeting's record stays true). `python -m generator check` prints them too.
        for warning in governance_warnings(self.data):
            log.info("Check this (not an error): %s", warning)
        # Fresh for every build, so `mkdocs serve` reports the pages as they are now.
        self.matcher = glossary_matcher(self.data)
        self.easy_read = SiteCheck(self.data, self.data_dir.parent, Path(config.docs_dir))

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.data is not None and self.today is not None
        for page in all_pages(self.data, self.today):
            if files.get_file_from_path(page.path) is not None:
                raise PluginError(f"content/{page.path} clashes with a generated page. Rename or delete it.")
            files.append(File.generated(config, page.path, content=page.markdown))
        for path, text in extra_files(self.data, self.today, config.site_url).items():
            files.append(File.generated(config, path, content=text))
        return files

    def on_page_markdown(self, markdown: str, page: MkPage, config: MkDocsConfig, files: Files) -> str:
        assert self.data is not None and self.today is not None
        try:
            return fill_blocks(markdown, self.data, self.today, page.file.src_uri)
        except (UnknownBlock, MissingDataFile) as error:
            raise PluginError(str(error)) from None

    def on_page_content(self, html: str, page: MkPage, config: MkDocsConfig, files: Files) -> str:
        # Runs on the HTML of every page, hand-written and generated, once Markdown is done with it:
        # headings, links and code are real elements here, so we can tell them apart safely.
        # Check first (the checks read what the editor wrote), then link glossary words.
        assert self.easy_read is not None and self.matcher is not None
        # Only the site's own elements, attributes and link schemes go on: no script or handler from any page.
        html = sanitise_html(html)
        src = page.file.src_uri
        shown = f"{config.docs_dir.rstrip('/').rsplit('/', 1)[-1]}/{src}" if page.file.generated_by is None else f"{src} (generated)"
        self.easy_read.add_page(src, html, shown)
        if src == "glossary/index.md" or src.startswith("glossary/letter-"):
            return html  # the A to Z and letter pages are the glossary itself: every meaning is already on them
        own = src.removeprefix("glossary/").removesuffix(".md") if src.startswith("glossary/") else None

        def href(term_id: str) -> str:
            target = files.get_file_from_path(f"glossary/{term_id}.md")
            assert target is not None, term_id
            return target.url_relative_to(page.file)

        linked = link_terms(html, self.matcher, href, own)
        by_id = {term.id: term for term in self.easy_read.data.glossary}
        section = words_on_page([by_id[i] for i in linked.used], href)
        if section and page.toc is not None:
            entry = AnchorLink("Words on this page", "words-on-this-page", 2)
            top = list(page.toc)
            (top[0].children if top and top[0].level == 1 else page.toc.items).append(entry)
        return linked.html + section

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        # Every page has been read by now, and none has been written yet: stop here if a page fails a check.
        assert self.easy_read is not None and self.data is not None
        # For the theme's templates (theme/): the footer's contact details, every page for the site map,
        # and the filter that lets tables become lists on a small screen.
        env.globals["ez_contact"] = self.data.settings.contact
        env.globals["ez_pages"] = [f.page for f in files.documentation_pages() if f.page is not None]
        env.filters["ez_layout"] = easy_read_layout
        enforced = self.easy_read.enforced_problems()
        if enforced:
            raise PluginError(
                "Some pages are not easy to read yet:\n" + "\n".join(enforced)
                + "\nRun `python -m generator readability` to see the figures for every page."
            )
        waiting = len(self.easy_read.readability_problems()) + len(self.easy_read.acronym_problems())
        if waiting:
            log.info(
                "Easy-read checks: %d things to fix (not stopping the build: see data/readability.yml). "
                "Run `python -m generator readability` to see them.", waiting,
            )
        return env

    def on_post_page(self, output: str, page: MkPage, config: MkDocsConfig) -> str:
        # Last, when the page is whole: allow the theme's own inline scripts by hash, and nothing else.
        return fill_script_hashes(output, page.content or "")

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        # 404.html and other static templates: no page content, so every inline script is the theme's.
        return fill_script_hashes(output_content, "")

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        if self.data_dir is not None:
            server.watch(str(self.data_dir))
        return server
