# Every target sets itself up: a fresh machine needs only Python 3.11.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: setup demo demo-seeds demo-corpus test test-fast lint typecheck eval eval-cv train bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	@# PyICU (transliteration for screening) from prebuilt wheels, not compiled from source:
	@# see scripts/pyicu-from-wheels/pyproject.toml.
	$(BIN)/pip install --quiet ./scripts/pyicu-from-wheels
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)

## Run the main job on the bundled sample articles (a throwaway database under ./data/demo).
## Each demo has its own database, so invented samples never mix with real articles.
demo: $(STAMP)
	SANCTIONWATCH_DATA_DIR=$(CURDIR)/data/demo $(BIN)/sanctionwatch demo

demo-seeds: $(STAMP)
	SANCTIONWATCH_DATA_DIR=$(CURDIR)/data/seeds $(BIN)/sanctionwatch demo $(SHARED)/seeds

demo-corpus: $(STAMP)
	SANCTIONWATCH_DATA_DIR=$(CURDIR)/data/corpus $(BIN)/sanctionwatch demo $(SHARED)/corpus/articles.jsonl

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

GOLD := $(SHARED)/gold/seeds.jsonl $(SHARED)/gold/dev.jsonl $(SHARED)/gold/train.jsonl

eval: $(STAMP)
	$(BIN)/sanctionwatch eval --gold $(SHARED)/gold/seeds.jsonl --gold $(SHARED)/gold/dev.jsonl --gold $(SHARED)/gold/train.jsonl

## The headline figure: 5-fold cross-validation by document over all the gold.
eval-cv: $(STAMP)
	$(BIN)/sanctionwatch eval $(foreach g,$(GOLD),--gold $(g)) --cv 5

## Retrain the decision model on all the gold (writes the versioned weights file).
train: $(STAMP)
	$(BIN)/python -m sanctionwatch.extract.train --gold $(GOLD) --out src/sanctionwatch/extract/data/decision.json

bench: $(STAMP)
	$(BIN)/python -m sanctionwatch.bench $(SHARED)/corpus/articles.jsonl
	$(BIN)/python -m sanctionwatch.benchgrowth $(SHARED)/corpus/articles.jsonl
	$(BIN)/python -m sanctionwatch.benchpages $(SHARED)/corpus/articles.jsonl
	$(BIN)/python -m sanctionwatch.benchbackfill $(SHARED)/corpus/articles.jsonl --scale 4
	$(BIN)/python -m sanctionwatch.benchstartup
	$(BIN)/python -m sanctionwatch.resolve.bench $(SHARED)

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache

## The browser tests alone (headless Chromium); screenshots land in test-artifacts/browser/.
test-browser: $(STAMP)
	$(BIN)/pytest -q tests/integration/test_browser_ui.py
