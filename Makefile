# The two commands of the README: `make book` and `make test`. Everything else is a step of
# those two. All Python runs inside .venv, which the first target creates.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
VENV ?= .venv
PY := $(VENV)/bin/python
JB := $(VENV)/bin/jupyter-book
STAMP := $(VENV)/.installed
export PYTHONHASHSEED := 0

.PHONY: book html pdf test lint unit chapters reruns checks system-deps clean venv chapter-references

book: html pdf  ## Build the HTML (warnings are errors) and the PDF from the real data.

venv: $(STAMP)
$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check --upgrade pip
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install -q --disable-pip-version-check --no-deps -e .
	touch $@

system-deps:
	bash scripts/install-system-deps.sh

html: $(STAMP)
	$(PY) -m eucluster.build.cli data fetch --missing
	$(PY) scripts/cache_key.py
	$(PY) scripts/execute_chapters.py --jobs 2
	$(JB) build . -W -n --keep-going

pdf: $(STAMP) system-deps
	$(PY) -m eucluster.build.cli data fetch --missing
	$(PY) scripts/cache_key.py
	$(PY) scripts/execute_chapters.py --jobs 2
	$(JB) build . --builder pdflatex -n --keep-going
	test -s _build/latex/book.pdf
	@echo "PDF: _build/latex/book.pdf ($$(pdfinfo _build/latex/book.pdf | awk '/^Pages/ {print $$2}') pages)"

LINT_PATHS := $(wildcard src tests book benchmarks scripts)

lint: $(STAMP)
	$(VENV)/bin/ruff check $(LINT_PATHS)
	$(VENV)/bin/ruff format --check $(LINT_PATHS)

unit: $(STAMP)
	$(VENV)/bin/pytest -q -m "not build and not rerun" tests

reruns: $(STAMP)  ## Every computational chapter re-executed under other parameters.
	$(VENV)/bin/pytest -q -m rerun tests/test_chapter_reruns.py

chapters: $(STAMP)  ## Every chapter executed under nbval against its stored key figures.
	$(PY) scripts/chapter_tests.py prepare
	rm -rf _build/nbval/key-figures
	EUCLUSTER_BUILD_DIR=$(CURDIR)/_build/nbval $(VENV)/bin/pytest -q -p no:cacheprovider --nbval \
	  --nbval-sanitize-with tests/chapters/sanitize.cfg --nbval-cell-timeout 1200 _build/nbval/notebooks

chapter-references: $(STAMP)  ## Re-record the chapters' reference key figures (review the diff!).
	$(PY) scripts/chapter_tests.py record

checks: $(STAMP)  ## Checks of the built book: offline HTML in a real browser, PDF content.
	$(VENV)/bin/pytest -q -m build tests

test: lint unit chapters reruns html pdf checks

clean:
	rm -rf _build
