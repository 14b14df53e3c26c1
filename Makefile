# The two commands a newcomer needs: `make run` and `make test`. `make help` lists the rest.
PYTHON ?= python3.11
HOST ?= 127.0.0.1
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
SITE_URL := http://$(if $(filter 0.0.0.0,$(HOST)),127.0.0.1,$(HOST)):$(PORT)
# Where the site is served: admin e-mails, previews and the demo site's canonical URLs use it.
export WAGTAILADMIN_BASE_URL ?= $(SITE_URL)

.DEFAULT_GOAL := help
.PHONY: help run serve test guide-screenshots design-screenshots lint format audit backup restore chromium setup bench lighthouse wrk

help: ## List the commands
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-18s %s\n", $$1, $$2}'

# Reinstall only when a requirements file changes: a second `make run` starts at once.
$(VENV)/.installed: requirements.txt
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) is needed (Python 3.11): install it, or run 'make run PYTHON=/path/to/python3.11'."; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# The Welsh catalogue, compiled with polib (installed with the requirements), so no system gettext is needed.
# The .mo is built, never committed.
locale/cy/LC_MESSAGES/django.mo: locale/cy/LC_MESSAGES/django.po | $(VENV)/.installed
	$(PY) -c "import sys, polib; polib.pofile(sys.argv[1]).save_as_mofile(sys.argv[2])" $< $@

setup: $(VENV)/.installed locale/cy/LC_MESSAGES/django.mo ## Install, migrate, add demo content and the admin account
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content
	$(PY) manage.py ensure_demo_admin --site-url $(SITE_URL)

run: setup ## Set everything up and serve the site on http://127.0.0.1:8000/ (HOST=, PORT= to change)
	$(PY) manage.py runserver $(HOST):$(PORT)

.secret-key: | $(VENV)/.installed
	$(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	chmod 600 $@

# Production settings over plain HTTP on this machine, with Django serving uploads (never documents).
# `make bench` serves bench.settings: production plus a floor view to compare pages with.
SETTINGS ?= institute.settings.production
PRODUCTION_ENV = SECRET_KEY="$$(cat .secret-key)" HTTPS=false SERVE_MEDIA=true DJANGO_SETTINGS_MODULE=$(SETTINGS)

serve: setup .secret-key ## Serve the same database production-like: DEBUG off, gunicorn's ASGI worker, the task worker, scheduled publishing
	$(PRODUCTION_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	@echo "Serving http://$(HOST):$(PORT)/ with 2 web workers, a task worker, scheduled publishing and the link check; Ctrl-C stops them all."
	@$(PRODUCTION_ENV) $(PY) manage.py db_worker --no-reload --interval 0.5 & worker=$$!; \
	$(PRODUCTION_ENV) $(PY) manage.py publish_scheduled_every & scheduler=$$!; \
	$(PRODUCTION_ENV) $(PY) manage.py check_links_every & linkcheck=$$!; \
	trap 'kill $$worker $$scheduler $$linkcheck 2>/dev/null; wait $$worker $$scheduler $$linkcheck' EXIT INT TERM; \
	$(PRODUCTION_ENV) BIND=$(HOST):$(PORT) $(VENV)/bin/gunicorn -c python:institute.gunicorn institute.asgi

chromium: ## Install Debian's Chromium for the browser tests (needs root)
	@if command -v chromium >/dev/null; then exit 0; \
	elif [ "$$(id -u)" = "0" ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-dejavu-core >/dev/null; \
	else \
		echo "The browser tests need Debian's Chromium. Run as root, or: sudo apt-get install chromium chromium-driver fonts-dejavu-core"; \
		exit 1; \
	fi

# Two processes, one per core. Tests that empty the database afterwards run last, as Django's own
# runner orders them, so none runs before a test that needs what the migrations made.
PYTEST := $(PY) -m pytest -n 2 --dist loadfile
test: $(VENV)/.installed-dev locale/cy/LC_MESSAGES/django.mo chromium ## Run the whole test suite (SQLite; DATABASE_URL for another database)
	$(PYTEST) -m "not transactional"
	$(PYTEST) -m transactional

guide-screenshots: $(VENV)/.installed-dev chromium ## Take the README's "Editing your forum" screenshots again (docs/editing-your-forum/)
	UPDATE_GUIDE_SCREENSHOTS=1 $(PYTEST) tests/browser/test_forum_lead_guide.py

design-screenshots: $(VENV)/.installed-dev chromium ## Take the README's design screenshots again (docs/design/)
	UPDATE_DESIGN_SCREENSHOTS=1 $(PYTEST) tests/browser/test_layout.py -k three_widths

lint: $(VENV)/.installed-dev ## Check code style with ruff
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed-dev ## Fix what ruff can fix
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

backup: $(VENV)/.installed ## Write the database and uploaded media to backups/institute-<date>-<time>.tar.gz
	$(PY) manage.py backup

restore: $(VENV)/.installed ## Replace the database and media with a backup: make restore FILE=backups/….tar.gz
	@test -n "$(FILE)" || { echo "Which backup? make restore FILE=backups/institute-YYYYmmdd-HHMMSS.tar.gz"; exit 2; }
	$(PY) manage.py restore "$(FILE)"

audit: $(VENV)/.installed-dev ## Check the pinned requirements for known vulnerabilities (pip-audit) and the code (bandit)
	$(VENV)/bin/pip-audit --progress-spinner off -r requirements.txt -r requirements-dev.txt
	$(VENV)/bin/bandit -q -c pyproject.toml -r institute forums research events news

wrk: ## Install Debian's wrk for the bench (needs root)
	@if command -v wrk >/dev/null; then exit 0; \
	elif [ "$$(id -u)" = "0" ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
	else \
		echo "The bench needs wrk. Run as root, or: sudo apt-get install wrk"; \
		exit 1; \
	fi

# Both serve their own database, bench/.data/ (demo content at scale 100, built on the first run), on a free port.
bench: $(VENV)/.installed wrk ## Requests/s, latency and CPU per request of the main pages, cached and not (bench/)
	$(PY) -m bench.run_bench

# Lighthouse 12 (13 needs Node 22), pinned in bench/lighthouse/package-lock.json.
bench/lighthouse/node_modules/.installed: bench/lighthouse/package.json bench/lighthouse/package-lock.json
	@command -v npm >/dev/null || { echo "make lighthouse needs Node.js 18.16 or later and npm: apt-get install nodejs npm"; exit 1; }
	cd bench/lighthouse && npm ci --no-audit --no-fund --loglevel=error
	touch $@

lighthouse: $(VENV)/.installed chromium bench/lighthouse/node_modules/.installed ## Lighthouse (mobile) on four pages; fails below its targets
	$(PY) -m bench.run_lighthouse
