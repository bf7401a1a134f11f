# temoin: the two set-up commands are `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= $(HOME)/.local/share/temoin/temoin.db

.PHONY: install demo test lint typecheck bench bench-batch bench-100k clean screenshots serve pg-start pg-stop

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/temoin gazetteer build
	bash scripts/build-web-assets.sh
	bash scripts/install-browser.sh

demo: install
	$(BIN)/temoin analyze examples/articles.jsonl -o examples/out.jsonl
	$(BIN)/temoin events

test: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	-bash scripts/start-postgres.sh >/dev/null
	$(BIN)/pytest -q

pg-start:
	bash scripts/start-postgres.sh >/dev/null

pg-stop:
	bash scripts/stop-postgres.sh

lint: install
	$(BIN)/ruff check src tests

bench: install
	$(BIN)/python benchmarks/bench_pipeline.py

bench-batch: install
	$(BIN)/python benchmarks/bench_batch.py
	$(BIN)/python benchmarks/bench_batch.py --synthetic 500

# 100,000 records (the dev articles repeated under new ids, written to a temporary directory),
# temoin batch --engine dask twice into one database: the second run does no NLP.
bench-100k: install
	$(BIN)/python benchmarks/bench_batch.py --synthetic 100000

screenshots: install
	$(BIN)/python scripts/screenshots.py

serve: install
	$(BIN)/temoin serve

clean:
	rm -rf web/node_modules src/temoin/web/static/vendor
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
