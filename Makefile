# Everything a fresh machine needs: Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: run test lint migrate demo clean bench load messages screenshots cluster cluster-check backup restore-check

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.runtime $@

migrate: $(VENV)/.runtime
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo --if-empty
	$(BIN)/python manage.py install_questionnaires

run: demo
	PORT=$(PORT) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The Nu HTML Checker (vnu-jar, run with the machine's Java) validates the rendered
# pages in tests/markup. --ignore-scripts: its postinstall would download a Java of
# its own; the system's is used instead.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

test: $(VENV)/.dev node_modules/.installed
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=monbilan.settings.test
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Not in CI. Both need PostgreSQL on 127.0.0.1:5432 (user postgres) and recreate
# the database monbilan_bench; figures go to docs/benchmarks.md by hand.
$(VENV)/.bench: bench/requirements.txt $(VENV)/.dev
	$(BIN)/pip install --quiet -r bench/requirements.txt
	touch $@

bench: $(VENV)/.dev
	$(BIN)/python -m bench.run $(BENCH_ARGS)

load: $(VENV)/.bench
	timeout 900 $(BIN)/python -m bench.load $(LOAD_ARGS)

# Several app servers on loopback (cluster/): nginx (Debian package), two gunicorn
# instances of the production settings, PostgreSQL on 127.0.0.1:5432 (database
# monbilan_cluster, recreated) and Redis on 127.0.0.1:6379 (db 7, emptied), an
# S3-compatible server, two task workers and an SMTP server. `cluster-check` also
# stops and starts PostgreSQL (Debian's pg_ctlcluster): run it on a machine of its own.
$(VENV)/.cluster: cluster/requirements.txt $(VENV)/.dev
	$(BIN)/pip install --quiet -r cluster/requirements.txt
	touch $@

cluster: $(VENV)/.cluster
	$(BIN)/python -m cluster.run

cluster-check: $(VENV)/.cluster
	timeout 600 $(BIN)/python -m cluster.check

# The database (pg_dump, or SQLite's own copy) and every stored file, into
# BACKUP_DIR (README, « Sauvegardes »); with the settings of the environment.
BACKUP_DIR ?= sauvegardes/$(shell date +%Y%m%d-%H%M%S)
backup: $(VENV)/.runtime
	$(BIN)/python manage.py backup_data $(BACKUP_DIR)

# On the cluster: back up, restore into a fresh database and bucket, read back.
restore-check: $(VENV)/.cluster
	timeout 600 $(BIN)/python -m cluster.restore_check

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) node_modules db.sqlite3 media private_media static_collected

# After editing locale/fr/LC_MESSAGES/django.po (the French plural forms); needs
# GNU gettext (Debian: apt-get install gettext). The .mo is committed, so nothing
# else needs gettext.
messages: $(VENV)/.runtime
	$(BIN)/python manage.py compilemessages --locale fr --ignore .venv

# Full-page PNGs of the main pages of each role at 1280 and 375 px, into
# screenshots/ (git-ignored), from the demo data in a throw-away test database:
# look at them after changing anything visible. Needs Chromium (/usr/bin/chromium).
screenshots: $(VENV)/.dev
	rm -rf screenshots
	SCREENSHOTS_DIR=screenshots $(BIN)/python -m pytest tests/e2e/test_what_a_person_sees.py -q $(PYTEST_ARGS)
	@echo "Captures d'écran : $$(ls screenshots | wc -l) fichiers dans screenshots/"
