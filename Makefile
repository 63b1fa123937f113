# Two commands set everything up on a fresh machine:
#   make site   install, then build site/ from the example data
#   make test   install what the tests need, then run every test
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.PHONY: site serve test check bench clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

site: $(INSTALLED)
	$(PY) -m generator build

serve: $(INSTALLED)
	$(VENV)/bin/mkdocs serve --watch-theme --dev-addr 127.0.0.1:8000

check: $(INSTALLED)
	$(PY) -m generator check

test: $(INSTALLED)
	$(PY) -m pytest

bench: $(INSTALLED)
	$(PY) benchmarks/bench_linking.py

clean:
	rm -rf site site.new-* site.old-* $(VENV)
