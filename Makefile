# `make serve`: set up .venv if missing or older than pyproject.toml, serve on ${PORT:-8000}.
# `make test`:  set up .venv with the dev extras, run ruff and the test suite.
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: serve test lint openapi

$(PY):
	python3 -m venv $(VENV)

$(VENV)/.stamp-serve: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.stamp-dev: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.stamp-serve

serve: $(VENV)/.stamp-serve
	PORT=$(PORT) $(VENV)/bin/gunicorn -c service/gunicorn_conf.py service.wsgi:app

lint: $(VENV)/.stamp-dev
	$(VENV)/bin/ruff check .

test: lint
	$(PY) -m pytest -q

# Regenerate the committed OpenAPI document from the marshmallow schemas.
openapi: $(VENV)/.stamp-serve
	$(PY) -m service.api.spec openapi.yaml
