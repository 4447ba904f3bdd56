PY ?= .venv/bin/python

.PHONY: run test lint format messages bench setup docs docs-serve

setup:            ## install everything (system packages, Python, npm)
	bin/setup
run:              ## serve the portal with the demo data on http://127.0.0.1:8000/
	bin/run-demo
test:             ## whole test suite on PostgreSQL (DATABASE_URL or a throwaway cluster)
	bin/test
lint:
	$(PY) -m ruff check . && $(PY) -m ruff format --check .
format:
	$(PY) -m ruff check --fix . && $(PY) -m ruff format .
messages:         ## refresh and compile the Lao catalogue
	$(PY) manage.py makemessages -l lo --no-obsolete --ignore=.venv --ignore=node_modules
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules
bench:            ## print speed figures (see benchmarks/)
	@for b in benchmarks/*.py; do [ -f "$$b" ] && $(PY) "$$b"; done
docs:             ## build the guide (docs/) strictly into var/help-site (served under /help/)
	NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs build --strict
docs-serve:       ## preview the guide with live reload on http://127.0.0.1:8001/help/
	NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs serve --dev-addr 127.0.0.1:8001
