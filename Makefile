# Two commands on a fresh machine: `make run` and `make test`. Everything else is a convenience.
SHELL := /bin/bash
PY_BOOT ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
export DAGSTER_HOME := $(CURDIR)/warehouse/dagster_home
export PYTHONPATH := $(CURDIR)
# `make ui` listens here: `UI_PORT=3100 make ui` (or `make ui UI_PORT=3100`)
UI_HOST ?= 127.0.0.1
UI_PORT ?= 3000
# Debian packages: a CJK font for test PDFs, poppler for rendering them, chromium for the UI test.
APT_PACKAGES := fonts-wqy-microhei poppler-utils poppler-data chromium chromium-driver

.PHONY: help venv sysdeps run test test-fast ui bench bench-scale bench-ui lock clean

help:
	@echo "make run   - install, materialize every asset over raw/, print a summary"
	@echo "make test  - install (incl. Debian test packages) and run the whole test suite"
	@echo "make ui    - Dagster UI on http://$(UI_HOST):$(UI_PORT) (set UI_PORT / UI_HOST to change)"
	@echo "make bench - extraction and PDF benchmarks"
	@echo "make bench-scale - builds of 1,000 and 10,000 documents: full, no-op, +1, changed, removed"
	@echo "make bench-ui - the UI's build_all job against make run, from an empty warehouse"

$(VENV)/.installed: requirements.lock
	test -x $(PY) || $(PY_BOOT) -m venv $(VENV)
	test -x $(UV) || $(PY) -m pip install -q uv==0.13.9
	VIRTUAL_ENV=$(CURDIR)/$(VENV) $(UV) pip install -q --compile-bytecode -r requirements.lock
	touch $@

venv: $(VENV)/.installed

# Installs only what is missing, so it is cheap to run again.
sysdeps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

run: venv
	$(PY) -m pipeline.run

test: venv sysdeps
	$(PY) -m pytest -q

test-fast: venv
	$(PY) -m pytest -q -m "not slow"

# `dg dev` is what Dagster 1.13 recommends (its `dagster dev` warns that it is superseded). SIGINT and SIGTERM
# are restored: started in the background by a script, it would otherwise ignore both (STACK_NOTES P2).
ui: venv
	$(PY) -m pipeline.run --prepare-only
	env --default-signal=INT,TERM $(VENV)/bin/dg dev -m pipeline.definitions -h $(UI_HOST) -p $(UI_PORT)

bench: venv
	$(PY) -m benchmarks.run

# not part of `make test`: ~15 min on 2 cores (SIZES=1000 for the small corpus only)
bench-scale: venv
	$(PY) -m benchmarks.scale --sizes $(or $(SIZES),1000,10000)

# not part of `make test`: ~5 min on 2 cores (a dg dev server, 3 rounds of both builds)
bench-ui: venv
	$(PY) -m benchmarks.ui_build

lock: 
	$(UV) pip compile pyproject.toml --extra dev -p 3.11 -o requirements.lock

clean:
	# keeps warehouse/releases/ (and so the version history: versions only go up)
	rm -rf warehouse/parquet warehouse/dist warehouse/*.duckdb warehouse/current warehouse/CHANGELOG.md \
	  warehouse/datapackage.json warehouse/dagster_home warehouse/cache warehouse/stage warehouse/combined \
	  warehouse/shards
