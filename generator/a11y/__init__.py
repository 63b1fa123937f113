"""The accessibility gate: a tool run over a built site (`python -m generator.a11y site`), not part of the build.

It depends on nothing else in `generator`: only pydantic, ruamel.yaml, Node.js packages from the project's
`package.json` (pa11y, puppeteer, vnu-jar), Debian's Chromium (its headless shell when installed) and Java.

| module | job |
|---|---|
| `__main__` | the command line |
| `settings` | where things are (from the project root given, never from this file), the browser's flags, limits |
| `pages` | the pages to check, from the site's `sitemap.xml` |
| `server` | serves the site folder on 127.0.0.1 |
| `browser` + `browser.mjs` | one tab per worker, one load per page in Chromium: the probe, text spacing, screenshots |
| `audit.mjs` | axe and htmlcs through pa11y's in-page runner, injected once per load |
| `keyboard.mjs`, `no_script.mjs`, `in_page.mjs` | the keyboard walk, the look with JavaScript off, the checks that run inside the page |
| `vnu` | the Nu HTML Checker over every changed page, in one Java run |
| `cache` | each page's result, kept under a key made from its HTML, the files it loads and the gate itself |
| `findings` | one shape for every finding, and how to fix it |
| `exceptions` | `a11y-exceptions.yml`: the rules we accept breaking, each with a reason |
| `report` | the text report, `summary.json` and screenshots in `reports/a11y/` |
| `gate` | runs it all |
"""
