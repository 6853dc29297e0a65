# brightline: `make demo` sets everything up and screens/redacts samples/; `make test` runs the tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared

.PHONY: demo ocr-engine test install lint model eval eval-pdf eval-diff eval-blind bench bench-pdf bench-batch bench-ocr bench-generic robustness clean

$(BIN)/brightline: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

install: $(BIN)/brightline

# OCR of scans and images needs Tesseract: installed from Debian/Ubuntu packages when missing (as root or
# with sudo -n), else the demo stops and says how
OCR_PACKAGES := tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa
ocr-engine:
	@command -v tesseract >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; else SUDO=no; fi; \
	  if [ "$$SUDO" != no ] && command -v apt-get >/dev/null 2>&1; then \
	    $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q --no-install-recommends $(OCR_PACKAGES); \
	  else \
	    echo "brightline: the demo's scanned sample needs Tesseract; install it (sudo apt-get install $(OCR_PACKAGES)) and run make demo again" >&2; exit 1; \
	  fi; }

demo: install ocr-engine
	@mkdir -p out/demo
	$(BIN)/brightline screen samples/
	$(BIN)/brightline screen --json samples/ > out/demo/screen.jsonl
	@# exit status 5 says some samples are held for legal review (their copies in out/demo/redacted/withheld/)
	$(BIN)/brightline redact samples/ --out out/demo/redacted || [ $$? -eq 5 ]
	$(BIN)/brightline report samples/ --out out/demo/report.html
	@echo "Results: out/demo/screen.jsonl (findings and risk), out/demo/redacted/ (redacted copies; withheld/ holds those for legal review; redaction-log.csv and .html list what was redacted), out/demo/report.html (reviewer's report)"

test: install
	$(BIN)/ruff check src tests bench training
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check src tests bench training

# The learned name detector and the name gazetteers in models/, rebuilt from training/ (about 15 min on 2 cores).
model: install
	$(BIN)/python training/build_gazetteer.py
	$(BIN)/python training/train.py

# Measures on ../shared (not part of `make test`). The dev corpus is Boston's: the targets that read it
# turn on the Massachusetts profile (models/profiles/massachusetts.v1.yaml).
DEV_PROFILE := BRIGHTLINE_PROFILE=massachusetts
eval: install
	$(DEV_PROFILE) PATH=$(CURDIR)/$(BIN):$$PATH $(BIN)/python $(SHARED)/eval/score.py $(SHARED)/eval/dev --leaks

# brightline beside stock Presidio on labeled corpora written elsewhere: make eval-blind CORPORA="dir1 dir2"
CORPORA ?= $(SHARED)/eval/dev
eval-blind: install
	$(BIN)/python bench/compare_corpus.py $(CORPORA)

eval-pdf: install
	rm -rf out/eval-pdf && mkdir -p out/eval-pdf
	$(BIN)/python $(SHARED)/eval/make_pdfs.py $(SHARED)/eval/dev out/eval-pdf/in
	$(DEV_PROFILE) $(BIN)/brightline redact -q out/eval-pdf/in --out out/eval-pdf/out
	$(BIN)/python $(SHARED)/eval/pdf_leaks.py out/eval-pdf/out out/eval-pdf/in/gold.json

eval-diff: install
	$(DEV_PROFILE) $(BIN)/python bench/policy_diff_dev.py $(SHARED)/eval/dev

bench: install
	$(BIN)/python bench/bench_screen.py

bench-pdf: install
	$(BIN)/python bench/bench_pdf.py

bench-batch: install
	$(BIN)/python bench/bench_batch.py

# OCR: seconds per scanned page on one core, and PII recall on scans of the dev corpus beside its born-digital PDFs
bench-ocr: install ocr-engine
	$(BIN)/python bench/bench_ocr.py $(SHARED)/eval/dev

# presidio-evaluator pulls in transformers, which Presidio then imports on every run (and prints a
# warning on stderr for want of PyTorch): it gets a virtualenv of its own, not brightline's
BENCH_VENV := .venv-bench
bench-generic:
	test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install --quiet -e '.[dev,bench]'
	$(BENCH_VENV)/bin/python bench/generic_pii.py

robustness: install
	$(BIN)/python bench/robustness.py $(SHARED)/pdfs

clean:
	rm -rf out .pytest_cache
