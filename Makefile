# The two commands a newcomer types: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint typecheck test-statute test-suite browser-deps bench setup clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

setup: $(STAMP)
	$(BIN)/icor setup
	$(BIN)/icor firstlogin

run: setup
	$(BIN)/icor serve --host $(HOST) --port $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy src

# The statute core must keep full branch coverage.
test-statute: $(STAMP)
	$(BIN)/pytest tests/statute -p no:cacheprovider --cov=icor.statute --cov-branch --cov-report=term-missing:skip-covered --cov-fail-under=100

test-suite: $(STAMP)
	$(BIN)/pytest --ignore=tests/statute

test: lint typecheck test-statute test-suite

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
