# Every target sets itself up: a fresh machine needs only Python 3.11.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: setup demo demo-seeds demo-corpus test test-fast lint typecheck eval bench clean

$(STAMP): pyproject.toml
	@# PyICU (transliteration for screening) compiles against ICU: install it if missing.
	@pkg-config --exists icu-uc 2>/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq libicu-dev pkg-config; } || echo "warning: ICU headers missing; install libicu-dev and pkg-config"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)

## Run the main job on the bundled sample articles (a throwaway database under ./data).
demo: $(STAMP)
	SANCTIONWATCH_DATA_DIR=$(CURDIR)/data $(BIN)/sanctionwatch demo

demo-seeds: $(STAMP)
	SANCTIONWATCH_DATA_DIR=$(CURDIR)/data $(BIN)/sanctionwatch demo $(SHARED)/seeds

demo-corpus: $(STAMP)
	SANCTIONWATCH_DATA_DIR=$(CURDIR)/data $(BIN)/sanctionwatch demo $(SHARED)/corpus/articles.jsonl

## The whole test suite, integration tests included (what CI runs).
test: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy
	$(BIN)/pytest -q

## Unit tests only.
test-fast: $(STAMP)
	$(BIN)/pytest -q -m "not integration"

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

typecheck: $(STAMP)
	$(BIN)/mypy

eval: $(STAMP)
	$(BIN)/sanctionwatch eval --gold $(SHARED)/gold/seeds.jsonl
	$(BIN)/sanctionwatch eval --gold $(SHARED)/gold/dev.jsonl

bench: $(STAMP)
	$(BIN)/python -m sanctionwatch.bench $(SHARED)/corpus/articles.jsonl
	$(BIN)/python -m sanctionwatch.benchgrowth $(SHARED)/corpus/articles.jsonl
	$(BIN)/python -m sanctionwatch.resolve.bench $(SHARED)

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache

## The browser tests alone (headless Chromium); screenshots land in test-artifacts/browser/.
test-browser: $(STAMP)
	$(BIN)/pytest -q tests/integration/test_browser_ui.py
