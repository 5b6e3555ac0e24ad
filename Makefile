# The two commands a newcomer types: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint typecheck test-statute test-suite browser-deps pdf-fonts bench setup clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

setup: $(STAMP)
	$(BIN)/icor setup
	$(BIN)/icor firstlogin --host $(HOST) --port $(PORT)

run: setup
	$(BIN)/icor serve --host $(HOST) --port $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench manage.py
	$(BIN)/ruff format --check src tests bench manage.py
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy src bench

# The statute core must keep full branch coverage.
test-statute: $(STAMP)
	$(BIN)/pytest tests/statute -p no:cacheprovider --cov=icor.statute --cov-branch --cov-report=term-missing:skip-covered --cov-fail-under=100

# Debian's Chromium for the browser tests (tests/browser); nothing to do once it is installed.
browser-deps:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

# PDF minutes: DejaVu for Latin, Turkish, Cyrillic, Greek and Arabic; Droid Sans Fallback for CJK names.
pdf-fonts:
	@test -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf -a -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core fonts-droid-fallback >/dev/null)

# The API fuzzing runs on its own: schemathesis' pytest plugin garbles the progress report of a shared run.
API_FUZZ := tests/security/test_api_fuzz.py
test-suite: $(STAMP) browser-deps pdf-fonts
	$(BIN)/pytest --ignore=tests/statute --ignore=$(API_FUZZ)
	$(BIN)/pytest $(API_FUZZ)

test: lint typecheck test-statute test-suite

bench: $(STAMP)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/amendments.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache

# Translations (needs GNU gettext): extract every string into src/icor/locale/<lang>/LC_MESSAGES/django.po,
# then compile the .mo files, which are committed so that machines without gettext serve the translations.
# msgmerge guesses "fuzzy" translations from similar strings; gettext never serves them, so they are emptied.
LANGS := de fr es pt ru tr
.PHONY: messages
messages: $(STAMP)
	cd src/icor && DJANGO_SETTINGS_MODULE=icor.settings ../../$(BIN)/django-admin makemessages $(addprefix -l ,$(LANGS)) --add-location=file --no-obsolete
	for po in src/icor/locale/*/LC_MESSAGES/django.po; do msgattrib --clear-fuzzy --empty --clear-previous -o $$po $$po; done
	cd src/icor && DJANGO_SETTINGS_MODULE=icor.settings ../../$(BIN)/django-admin compilemessages
