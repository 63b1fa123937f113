# Two commands set everything up on a fresh machine:
#   make site   install, then build site/ from the example data
#   make test   install what the tests need, then run every test (with the date sweep),
#               and build and gate both examples (Surrey here, Harrow in examples/harrow)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
NODE_INSTALLED := node_modules/.installed
CHROMIUM := /usr/bin/chromium
# The accessibility gate prefers Debian's headless shell: the same Chromium without the desktop browser behind
# each tab, about a third less CPU a page (generator/a11y/settings.py falls back to chromium without it).
HEADLESS_SHELL := /usr/bin/chromium-headless-shell
# The Nu HTML Checker runs in Java: Debian's, installed only when there is none.
JAVA := $(or $(shell command -v java 2>/dev/null),/usr/bin/java)
VALGRIND := /usr/bin/valgrind
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site serve test lint mutation check bench clean a11y a11y-harrow npm chromium java

# The second shipped example: its own data/, content/ and mkdocs.yml.
HARROW := examples/harrow

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

site: $(INSTALLED)
	$(PY) -m generator build

serve: $(INSTALLED)
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

check: $(INSTALLED)
	$(PY) -m generator check

# pa11y-ci, pa11y, puppeteer and vnu-jar, pinned by package-lock.json. No install scripts: they would download
# a Chrome (puppeteer) and a Java (vnu-jar); we use Debian's.
$(NODE_INSTALLED): package.json package-lock.json
	command -v npm >/dev/null || { $(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm; }
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts
	touch $@

$(CHROMIUM):
	$(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium

$(HEADLESS_SHELL):
	$(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium-headless-shell

npm: $(NODE_INSTALLED)

$(VALGRIND):
	$(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y valgrind

$(JAVA):
	$(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y default-jre-headless

chromium: $(CHROMIUM) $(HEADLESS_SHELL)

java: $(JAVA)

# Types (strict on the core), style, and the import contracts in pyproject.toml (layers; the core never imports MkDocs).
lint: $(INSTALLED)
	$(VENV)/bin/mypy
	$(VENV)/bin/ruff check generator tests benchmarks
	$(VENV)/bin/lint-imports

# Build the site, then check its pages in Chromium (axe, htmlcs, keyboard, text spacing...) and the Nu HTML Checker.
# Only pages that changed since their last check (cache in .cache/a11y/); FULL=1 or CI=true checks every page.
# Reports go to reports/a11y/. SHARD=K/N checks every N-th page from the K-th (one CI runner of N; reports in
# reports/a11y-K-of-N/).
a11y: site $(NODE_INSTALLED) $(CHROMIUM) $(HEADLESS_SHELL) $(JAVA)
	$(PY) -m generator.a11y site $(if $(FULL),--full) $(if $(SHARD),--shard $(SHARD) --reports reports/a11y-$(subst /,-of-,$(SHARD)))

# The same gate over the Harrow example, built into its own site/.
a11y-harrow: $(INSTALLED) $(NODE_INSTALLED) $(CHROMIUM) $(HEADLESS_SHELL) $(JAVA)
	$(PY) -m generator --root $(HARROW) build
	$(PY) -m generator.a11y $(HARROW)/site --reports reports/a11y-harrow $(if $(FULL),--full)

test: $(INSTALLED) $(NODE_INSTALLED) $(CHROMIUM) $(HEADLESS_SHELL) $(JAVA)
	$(MAKE) --no-print-directory lint
	RUN_DATE_SWEEP=1 $(PY) -m pytest
	$(MAKE) --no-print-directory a11y
	$(MAKE) --no-print-directory a11y-harrow

# Mutation testing of the rotation, governance, feedback and glossary matching ([tool.mutmut] in pyproject.toml).
# Prints the kill rate; `$(VENV)/bin/mutmut results` lists the survivors, `$(VENV)/bin/mutmut show NAME` shows one.
mutation: $(INSTALLED)
	rm -rf mutants
	$(VENV)/bin/mutmut run --max-children 2 >/dev/null || true
	$(PY) tests/mutation_score.py

# Build speed and size side by side with plain MkDocs at 1x, 10x, 30x and 10,000 pages; writes benchmarks/results.json.
# valgrind counts the instructions of a build (the same on a busy machine as on a quiet one): Debian's.
bench: $(INSTALLED) $(VALGRIND)
	$(PY) benchmarks/bench.py

clean:
	rm -rf site site.new-* site.old-* $(HARROW)/site $(VENV) node_modules reports mutants .cache $(HARROW)/.cache
