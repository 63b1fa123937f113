"""The MkDocs glue: load the data, add the generated pages, watch `data/` when serving.

Everything else lives in the core, which does not know about MkDocs. Each build does the work once:
the data is loaded, validated and computed once (`pipeline.prepare`, shared with the command line), the
glossary lookups are made once, and each page's HTML is walked once for both the checks and the linking.
What each page gave is kept between builds (`easyread/page_results.py`): a page whose HTML did not change is
not read again. When `mkdocs serve` rebuilds and the data has not changed, the generated pages are reused as they are.
"""
from __future__ import annotations

import gc
import hashlib
import logging
import os
import tempfile
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkPage
from mkdocs.structure.toc import AnchorLink

from generator.easyread.htmltext import text_runs
from generator.easyread.linking import Matcher, forget_sections, link_terms, words_on_page
from generator.easyread.page_results import PageResult, PageResults, content_hash
from generator.easyread.site_check import SiteCheck, forget_repeated_texts, glossary_matcher, html_digest
from generator.models.glossary import Term
from generator.models.problems import DataProblems
from generator.models.site import MissingDataFile
from generator.outputs import extra_files
from generator.outputs.search_index import SearchPage, each_search_file, handed_over
from generator.outputs.search_sections import page_sections
from generator.page_markdown import OneConverter
from generator.pipeline import Prepared, prepare
from generator.render.blocks import UnknownBlock, fill_blocks
from generator.render.csp import fill_script_hashes
from generator.render.pages import all_pages
from generator.render.sanitise import sanitise_html
from generator.render.site_map import Link, limit_from, menu_names, part_pages, site_map
from generator.render.themehtml import easy_read_layout
from generator.today import resolve_today

if TYPE_CHECKING:  # only named in a signature: the server and its file watcher are loaded by `mkdocs serve` itself
    from mkdocs.livereload import LiveReloadServer

log = logging.getLogger(f"mkdocs.plugins.{__name__}")


class CoproductionConfig(Config):
    data_dir = c.Type(str, default="data")
    # Where each page's results are kept between builds (generator/easyread/page_results.py), from the
    # project's folder. Empty: keep nothing, and work every page out on every build.
    cache_dir = c.Type(str, default=".cache/pages")
    # Leave empty to use --today / SITE_TODAY / SOURCE_DATE_EPOCH / the real date.
    today = c.Optional(c.Type(str))
    # One Markdown converter for every page, reset between pages (generator/page_markdown.py). False: a new one for
    # each page, as MkDocs does, for a Markdown extension that keeps something from one page to the next.
    reuse_markdown = c.Type(bool, default=True)


class _InMemory(BytecodeCache):
    """Compiled templates kept in memory, each with the checksum of its source (Jinja checks it on loading)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


class CoproductionPlugin(BasePlugin[CoproductionConfig]):
    def __init__(self) -> None:
        self.serving = False  # True under `mkdocs serve`: keep the theme's compiled templates for the next rebuild
        self.prepared: Prepared | None = None
        self.today: date | None = None
        self.data_dir: Path | None = None
        self.matcher: Matcher | None = None
        self.easy_read: SiteCheck | None = None
        self.terms: dict[str, Term] = {}
        self.generated: dict[str, str] = {}  # path in the site → text, for the prepared data
        self.generated_for: tuple[Prepared | None, str | None] = (None, None)  # the data and site_url it was made from
        self.words_key = ""  # what the matcher and the checks were made from (see `_words_key`)
        self.results: PageResults | None = None  # what each page gave, kept between builds
        self.checked = False  # True once every page has been read by the easy-read checks
        self.search_pages: dict[str, SearchPage] = {}  # page → what search finds on it, as last built
        self.theme_templates = _InMemory()  # the theme's compiled templates, when serving
        self.menu: list[Link] = []  # the menu's top items, for the site map
        self.spilled: tempfile.TemporaryDirectory[str] | None = None  # generated files other than pages, till copied
        self.frozen = False  # the garbage collector is told to pass over what the build made before its pages
        self.converter = OneConverter()  # one Markdown converter for every page

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Having this method makes MkDocs keep this one plugin object from one `mkdocs serve` rebuild to the
        # next (MkDocs 1.4 and later), so what an edit did not change is not worked out again.
        self.serving = command == "serve"

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
        # Asked again on every rebuild so `mkdocs serve` picks up edits; unchanged data comes back at once.
        assert self.data_dir is not None and self.today is not None
        root = self.data_dir.parent
        try:
            prepared = prepare(self.data_dir, root, self.today, Path(config.docs_dir))
        except DataProblems as problems:
            raise PluginError("The data has mistakes:\n" + problems.report()) from None
        self.checked = False
        if self.generated_for[0] is not prepared or self.generated_for[1] != config.site_url:
            # Logged as INFO on purpose: strict mode fails on WARNING, and these must not stop the build
            # (an inquorate meeting's record stays true). `python -m generator check` prints them too.
            for warning in prepared.warnings:
                log.info("Check this (not an error): %s", warning)
            try:
                self.generated = self._generate(prepared, config.site_url)
            except MissingDataFile as error:
                raise PluginError(str(error)) from None
            self.generated_for = (prepared, config.site_url)
        self.prepared = prepared
        self.terms = {term.id: term for term in prepared.data.glossary}  # meanings, for "Words on this page"
        words_key = self._words_key(prepared, config)
        self.results = PageResults(root / self.config.cache_dir if self.config.cache_dir else None, words_key)
        if not self.serving and not self.frozen:
            # Everything so far (the modules, the data, the generated pages) lives to the end of the build: the
            # garbage collector need not look through it again each time the pages' short-lived objects add up
            # (3 to 5% of a build's CPU). Still freed as usual once nothing uses it; `_clean_up` undoes this.
            gc.freeze()
            self.frozen = True
        if words_key == self.words_key and self.easy_read is not None:
            # The same glossary words and limits (`mkdocs serve`): the matcher and the known words stay.
            self.easy_read.reset(prepared.data)
            return
        self.words_key = words_key
        self.matcher = None  # made for the first page that has to be linked (none when all come from the last build)
        self.easy_read = SiteCheck(prepared.data, root, Path(config.docs_dir))

    @staticmethod
    def _words_key(prepared: Prepared, config: MkDocsConfig) -> str:
        """Everything the matcher, the checks and the linked HTML depend on, and nothing else.

        A meaning or an example is not in it: editing one must not make every page be read and linked again
        (the "Words on this page" sections are made afresh on every build). The forms, the readability
        settings, the folders and the address style are.
        """
        data = prepared.data
        words = [
            term.model_dump_json(include={"id", "term", "other_forms", "match_case", "not_after_number", "not_in"})
            for term in data.glossary
        ]
        where = [str(prepared.data.root), config.docs_dir, str(config.use_directory_urls)]
        text = "\n".join([*words, data.readability.model_dump_json(), *where])
        return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()

    @staticmethod
    def _generate(prepared: Prepared, site_url: str | None) -> dict[str, str]:
        data, computed = prepared.data, prepared.computed
        pages = {page.path: page.markdown for page in all_pages(data, computed.today, computed)}
        return pages | extra_files(data, computed.today, site_url, computed)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for path, text in self.generated.items():
            if path.endswith(".md") and files.get_file_from_path(path) is not None:
                raise PluginError(f"content/{path} clashes with a generated page. Rename or delete it.")
            # Open data, calendars and feeds are only copied into the site once every page has been read, when
            # a build holds the most: they wait on disk, not in memory (3 MiB at 30× the example).
            waiting = None if path.endswith(".md") or self.serving else self._spill(path, text)
            if waiting is None:
                files.append(File.generated(config, path, content=text))
            else:
                files.append(File.generated(config, path, abs_src_path=waiting))
        if not self.serving:
            # One build: the Files hold the texts now (each is let go once MkDocs has used it), so keep no copy.
            # `mkdocs serve` keeps them, to make new Files from them on the next rebuild.
            self.generated, self.generated_for = {}, (None, None)
        self._add_site_map_parts(files, config)
        # Pages gone since the last build (when serving) leave search; the others are replaced as they are built.
        self.search_pages = {src: found for src, found in self.search_pages.items() if files.get_file_from_path(src)}
        return files

    def _spill(self, path: str, text: str) -> str | None:
        """Write a generated file's text to this build's own temporary folder; where it is, or None if it cannot be."""
        try:
            if self.spilled is None:
                self.spilled = tempfile.TemporaryDirectory(prefix="coproduction-")
            target = Path(self.spilled.name, path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8"))  # the bytes MkDocs would write: calendars keep their CRLF
        except OSError:
            return None  # no room or no right to write there: the text waits in memory, as it can
        return str(target)

    def _clean_up(self) -> None:
        if self.frozen:
            gc.unfreeze()  # a process that goes on (tests, a script building several sites) collects it again
            self.frozen = False
        if self.spilled is not None:
            self.spilled.cleanup()
            self.spilled = None

    def on_build_error(self, error: Exception) -> None:
        self._clean_up()

    def _add_site_map_parts(self, files: Files, config: MkDocsConfig) -> None:
        """The pages that list a big group of pages for the site map (generator/render/site_map.py)."""
        limit = limit_from(config.extra.get("labels"))
        if not limit:
            return

        def url_of(src: str) -> str | None:
            found = files.get_file_from_path(src)
            return None if found is None else found.url

        names = menu_names(config.nav, url_of)
        title = str(config.extra["labels"].get("site_map_part", "{group}: {part} of {parts}"))
        urls = [f.url for f in files.documentation_pages()]
        for source, text in part_pages(urls, limit, names, title).items():
            if files.get_file_from_path(source) is not None:
                raise PluginError(f"content/{source} clashes with a page of the site map. Rename or delete it.")
            files.append(File.generated(config, source, content=text))

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.menu = [Link(item.url, item.title or "") for item in nav.items if item.url is not None]
        return nav

    def on_page_markdown(self, markdown: str, page: MkPage, config: MkDocsConfig, files: Files) -> str:
        assert self.prepared is not None
        if self.config.reuse_markdown:
            self.converter.attach(page)
        computed = self.prepared.computed
        src = page.file.src_uri
        if src.startswith("glossary/") and src != "glossary/index.md" and not src.startswith("glossary/letter-") \
                and page.file.generated_by is not None:
            # The letter pages have every word with its meaning under its own heading, so search finds it
            # there: indexing each word's page as well only doubled the index.
            page.meta.setdefault("search", {})["exclude"] = True
        try:
            return fill_blocks(markdown, computed.data, computed.today, page.file.src_uri, computed)
        except (UnknownBlock, MissingDataFile) as error:
            raise PluginError(str(error)) from None

    def on_page_content(self, html: str, page: MkPage, config: MkDocsConfig, files: Files) -> str:
        # Runs on the HTML of every page, hand-written and generated, once Markdown is done with it:
        # headings, links and code are real elements here, so we can tell them apart safely.
        # The HTML is walked once; the checks read what the editor wrote, then glossary words are linked.
        assert self.easy_read is not None and self.results is not None and self.prepared is not None
        src = page.file.src_uri
        shown = f"{config.docs_dir.rstrip('/').rsplit('/', 1)[-1]}/{src}" if page.file.generated_by is None else f"{src} (generated)"
        # A page is known by its HTML as Markdown made it: the same HTML is cleaned, read and linked the same.
        key = self.results.key(src, html_digest(html))
        href = self._href(page, files)
        result = self.results.get(key)
        if result is None:
            # Only the site's own elements, attributes and link schemes go on: no script or handler from any page.
            html = sanitise_html(html)
            runs = list(text_runs(html))
            figures, capitals = self.easy_read.read_page(src, html, runs)
            if self._is_glossary_list(src):
                linked_html, used = html, []
            else:
                if self.matcher is None:
                    self.matcher = glossary_matcher(self.prepared.data)
                linked = link_terms(html, self.matcher, href, self._own_word(src), runs)
                linked_html, used = linked.html, linked.used
            result = PageResult(linked_html, used, figures, capitals)
        self.easy_read.record(src, result.figures, result.capitals, shown)
        if result.used:
            terms = [self.terms[i] for i in result.used]
            shows = [(t.term, t.meaning) for t in terms]
            if result.shows != shows:  # a meaning changed since the section was made
                result.shows, result.words_html, result.changed = shows, words_on_page(terms, href), True
            if page.toc is not None:
                entry = AnchorLink("Words on this page", "words-on-this-page", 2)
                top = list(page.toc)
                (top[0].children if top and top[0].level == 1 else page.toc.items).append(entry)
        # The A to Z and letter pages use no word: they are the glossary itself, every meaning is on them.
        content = result.html + result.words_html
        self._add_to_search(page, result, content)
        # Kept now, not when the page is written: nothing of a page's result is held while the others are read,
        # but its search sections. A build that stops at a check keeps them too, for the build after the fix.
        self.results.put(key, result)
        # MkDocs keeps every page's Markdown (and a generated page's text) to the end of the build, but never
        # reads them again once the HTML is made: let them go. Not None: the page's title would go with it.
        page.markdown = ""
        if page.file.generated_by is not None:
            page.file.content_string = ""
        return content

    @staticmethod
    def _is_glossary_list(src: str) -> bool:
        return src == "glossary/index.md" or src.startswith("glossary/letter-")

    @staticmethod
    def _own_word(src: str) -> str | None:
        """The glossary word whose own page this is: it is neither linked nor listed on it."""
        return src.removeprefix("glossary/").removesuffix(".md") if src.startswith("glossary/") else None

    @staticmethod
    def _href(page: MkPage, files: Files) -> Callable[[str], str]:
        """The link from `page` to a glossary word's page, worked out once per word (the link and the list use it)."""
        found: dict[str, str] = {}

        def href(term_id: str) -> str:
            if term_id not in found:
                target = files.get_file_from_path(f"glossary/{term_id}.md")
                assert target is not None, term_id
                found[term_id] = target.url_relative_to(page.file)
            return found[term_id]

        return href

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        # Every page has been read by now, and none has been written yet: stop here if a page fails a check.
        assert self.easy_read is not None and self.prepared is not None
        self.checked = True
        # Every page has been read: what was kept for text that many pages share goes before the build holds the most.
        forget_repeated_texts()
        forget_sections()
        if self.matcher is not None:
            self.matcher.forget_texts()
        # For the theme's templates (theme/): the footer's contact details, every page for the site map,
        # and the filter that lets tables become lists on a small screen.
        env.globals["ez_contact"] = self.prepared.data.settings.contact
        pages = [Link(f.page.url, f.page.title or "") for f in files.documentation_pages() if f.page is not None]
        groups = site_map(self.menu, pages, limit_from(config.extra.get("labels")))
        env.globals["ez_site_map"] = groups
        env.globals["ez_site_map_parts"] = {part.url: part for group in groups for part in group.parts}
        env.filters["ez_layout"] = easy_read_layout
        if self.serving:
            # MkDocs makes the theme's Jinja environment afresh on every rebuild and compiles every template
            # again; keep the compiled code between rebuilds (a template whose source changed is compiled again).
            env.bytecode_cache = self.theme_templates
        enforced = self.easy_read.enforced_problems()
        if enforced:
            # Keep what every page gave, so the build after the fix reads only the pages that changed.
            assert self.results is not None
            self.results.finish(forget_others=False)
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

    def _add_to_search(self, page: MkPage, result: PageResult, content: str) -> None:
        # The page's content only (no menu or footer), with "Words on this page" and other blocks marked
        # data-search-exclude left out. Pages marked `search: exclude: true` are not found by search.
        search = page.meta.get("search")
        if isinstance(search, dict) and search.get("exclude"):
            self.search_pages.pop(page.file.src_uri, None)
            return
        made_from = content_hash(content)
        if result.sections is None or result.content_hash != made_from:
            result.sections, result.content_hash, result.changed = page_sections(content), made_from, True
        sections = result.sections
        title = sections[0].title or page.title or ""
        self.search_pages[page.file.src_uri] = SearchPage(page.url, title, sections)

    def on_post_build(self, config: MkDocsConfig) -> None:
        # The search index (generator/outputs/search_index.py), read by the search page's script. It is written
        # into the built site before the build's privacy scan, which reads every file of it.
        if self.results is not None:
            self.results.finish()  # commit, and forget the results of pages this build did not make
        self._clean_up()  # every generated file has been copied into the site
        site = Path(config.site_dir)
        folders: set[Path] = set()
        pages = list(self.search_pages.values())
        if not self.serving:
            # One build: hand each page over and keep none, so each is let go once its words are counted.
            # `mkdocs serve --dirty` builds only the changed pages next time, and keeps the others' sections.
            self.search_pages = {}
        for path, text in each_search_file(handed_over(pages)):
            target = site / path
            if target.parent not in folders:  # hundreds of files in a few folders
                target.parent.mkdir(parents=True, exist_ok=True)
                folders.add(target.parent)
            target.write_text(text, encoding="utf-8")

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        # 404.html and other static templates: no page content, so every inline script is the theme's.
        return fill_script_hashes(output_content, "")

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        # MkDocs watches content/ and mkdocs.yml. The data, and the project's own theme folder: not
        # `--watch-theme`, which also polls the 14,000 files of the installed Material theme twice a second.
        if self.data_dir is not None:
            server.watch(str(self.data_dir))
        custom_dir = config.theme.custom_dir
        if custom_dir:
            server.watch(custom_dir)
        return server

