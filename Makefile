# brightline: `make demo` sets everything up and screens/redacts samples/; `make test` runs the tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared

.PHONY: demo test install lint eval bench clean

$(BIN)/brightline: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

install: $(BIN)/brightline

demo: install
	@mkdir -p out/demo
	$(BIN)/brightline screen samples/
	$(BIN)/brightline screen --json samples/ > out/demo/screen.jsonl
	$(BIN)/brightline redact samples/ --out out/demo/redacted
	@echo "Results: out/demo/screen.jsonl (findings and risk), out/demo/redacted/ (redacted copies)"

test: install
	$(BIN)/ruff check src tests bench
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check src tests bench

# Measures on ../shared (not part of `make test`).
eval: install
	PATH=$(CURDIR)/$(BIN):$$PATH $(BIN)/python $(SHARED)/eval/score.py $(SHARED)/eval/dev --leaks

bench: install
	$(BIN)/python bench/bench_screen.py

clean:
	rm -rf out .pytest_cache
