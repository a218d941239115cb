# Two commands: `make run` sets up and serves the portal, `make test` runs lint and the suite.
PYTHON_BOOTSTRAP ?= python3
VENV := .venv
PYTHON := $(VENV)/bin/python
MANAGE := $(PYTHON) manage.py

.PHONY: run test test-fast bench lint format messages compilemessages stop-db clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON_BOOTSTRAP) -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -r requirements-dev.txt
	touch $@

# Local development settings: DEBUG on (console email, development secret key).
.env:
	printf 'DEBUG=true\n' > .env

run: $(VENV)/.installed .env compilemessages
	$(MANAGE) migrate --no-input
	$(MANAGE) seed_hubs
	$(MANAGE) seed_demo
	@# The background worker delivers mails (to the console in development) beside the server.
	$(MANAGE) db_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(MANAGE) runserver 127.0.0.1:8000

# axe-core for the accessibility checks of the browser tests and vnu-jar, the HTML checker;
# without npm they are skipped (CI installs npm and runs them).
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --silent --no-audit --no-fund && touch $@; \
	else \
		echo "npm not found: the accessibility and HTML checks will be skipped"; \
	fi

# The suite runs on every core (pytest-xdist, a test database per worker; a module's tests stay
# together, so that a module's server starts once). Locally the test databases are kept between
# runs (migrations still apply); CI makes them afresh.
PYTEST := $(PYTHON) -m pytest --numprocesses auto --dist loadscope $(if $(CI),--create-db,--reuse-db)

test: $(VENV)/.installed node_modules/.installed compilemessages lint
	$(PYTEST)

# The inner loop: everything but the browser tests and the production smoke test.
test-fast: $(VENV)/.installed compilemessages
	$(PYTEST) -m "not browser and not production"

# The benchmark at the network's real size (needs PostgreSQL, Redis and wrk; see the README).
# It writes bench/RESULTS.md.
bench: $(VENV)/.installed compilemessages bench/node_modules/.installed
	$(PYTHON) bench/run.py

# Lighthouse for the benchmark, kept apart from the test tools (CI's tiny run goes without it).
# bench/package.json pins what Lighthouse's trace engine asks for as "latest", so that npm ci
# installs exactly the lockfile.
bench/node_modules/.installed: bench/package.json bench/package-lock.json
	npm ci --prefix bench --silent --no-audit --no-fund && touch $@

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Update the German catalogue after changing UI strings (needs GNU gettext). The copies of
# allauth's and simple_history's templates keep the strings those packages translate.
messages: $(VENV)/.installed
	DEBUG=true $(MANAGE) makemessages --locale de --no-obsolete --ignore '.venv/*' \
		--ignore 'templates/account/*' --ignore 'templates/simple_history/*'

# The compiled catalogues are committed; recompile them when gettext is installed.
compilemessages: $(VENV)/.installed
	@if command -v msgfmt >/dev/null 2>&1; then \
		DEBUG=true $(MANAGE) compilemessages --ignore '.venv/*' -v 0; \
	else \
		echo "msgfmt not found: using the committed .mo catalogues"; \
	fi

# The embedded PostgreSQL (used without DATABASE_URL) keeps running between commands.
stop-db:
	@if [ -x $(PYTHON) ] && [ -d .pgdata ]; then $(PYTHON) -m hubportal.database stop; fi

clean: stop-db
	rm -rf $(VENV) node_modules staticfiles .test-media .pgdata
