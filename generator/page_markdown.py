"""One Markdown converter for every page of a build, reset between pages.

MkDocs makes a new converter for each page (`Page.render`): every Markdown extension is loaded and set up again,
for every page. At 1,200 pages that was 5% of the build's machine instructions. Python-Markdown is made to be
used again: `Markdown.reset()` clears what the last page left, and each extension clears its own (the headings
of the table of contents, the stash of raw HTML, the icons not found). So each page comes out as it would from a
converter of its own: tests build both examples both ways and compare every file.

`render` is MkDocs 1.6's `Page.render` with the converter kept. A Markdown extension that keeps something from one
page to the next without a `reset` would break this: such a site sets `reuse_markdown: false` for the plugin.
"""
from __future__ import annotations

import logging
from functools import partial

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import pages
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc


class OneConverter:
    def __init__(self) -> None:
        self._made: tuple[MkDocsConfig, markdown.Markdown] | None = None  # the config it was made for, and it

    def converter(self, config: MkDocsConfig) -> markdown.Markdown:
        # Made afresh for a new config: `mkdocs serve` reads mkdocs.yml again on each rebuild.
        if self._made is not None and self._made[0] is config:
            return self._made[1].reset()
        made = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {})
        self._made = (config, made)
        return made

    def attach(self, page: Page) -> None:
        """Have MkDocs render this page with the kept converter."""
        page.render = partial(self.render, page)  # type: ignore[method-assign]

    def render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = self.converter(config)
        # MkDocs's own steps for each page, made for this page: each replaces the last page's, by its name.
        raw_html = pages._RawHTMLPreprocessor()
        raw_html._register(md)
        anchors = pages._ExtractAnchorsTreeprocessor(page.file, files, config)
        anchors._register(md)
        relative_paths = pages._RelativePathTreeprocessor(page.file, files, config)
        relative_paths._register(md)
        title = pages._ExtractTitleTreeprocessor()
        title._register(md)

        page.content = md.convert(page.markdown)
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = title.title
        page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if pages.log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative_paths.links_to_anchors
