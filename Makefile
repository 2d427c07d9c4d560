# Two entry points (see README "Quick start"):
#   make demo   set up, then open the dashboard on the bundled demo data
#   make test   set up, then run every test
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test quick bench setup clean world

setup: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-dev.txt
	touch $(STAMP)

demo: $(STAMP)
	$(PY) -m streamlit run dashboard.py

test: $(STAMP) $(CHROMIUM)
	$(PY) -m pytest -n auto

# The quick run: no browser, server or real-command-line tests (those are marked slow).
quick: $(STAMP)
	$(PY) -m pytest -n auto -m "not slow"

# The browser tests drive Debian's chromium; they skip, saying why, if it cannot be installed.
$(CHROMIUM):
	-command -v apt-get >/dev/null && ($(SUDO) apt-get install -y -q chromium >/dev/null || \
		($(SUDO) apt-get update -q >/dev/null && $(SUDO) apt-get install -y -q chromium >/dev/null))

bench: $(STAMP)
	$(PY) benchmarks/bench_geo.py
	$(PY) benchmarks/bench_store.py

# The world's land and country borders drawn under the map's tiles (static/world/world-50m.json):
# Natural Earth 1:50m (public domain) through the world-atlas npm package (ISC).
world: $(STAMP)
	tmp=$$(mktemp -d) && (cd $$tmp && npm pack --silent world-atlas@2.0.2 >/dev/null) && \
		$(PY) -m geo outlines import-world $$tmp/world-atlas-2.0.2.tgz; status=$$?; rm -rf $$tmp; exit $$status

clean:
	rm -rf $(VENV) .cache .pytest_cache
