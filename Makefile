# The project's commands. `make test` is what .ci/run and the README use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test install lexicon model samples eval bench lint fuzz

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"

## Install and score the bundled ML engineer sample.
demo: $(BIN)/python
	$(BIN)/pip install --quiet .
	$(BIN)/resume-fit samples/ml_engineer.pdf

## Create the virtual environment, install, run every test.
test: install
	$(BIN)/python -m pytest -q

## Rebuild lexicons/skills.jsonl from ../shared/taxonomy plus lexicons/curated/, then the model.
lexicon: install
	$(BIN)/python scripts/build_lexicon.py
	$(BIN)/python scripts/build_model.py

## Rebuild the saved spaCy pipeline in models/ from the lexicon.
model: install
	$(BIN)/python scripts/build_model.py

samples: install
	$(BIN)/python scripts/make_samples.py

eval: install
	$(BIN)/python scripts/evaluate_skills.py
	$(BIN)/python scripts/evaluate_roles.py

bench: install
	$(BIN)/python benchmarks/extract_speed.py
	$(BIN)/python benchmarks/parse_corpus.py ../shared/corpus/resumes
	$(BIN)/python benchmarks/batch_throughput.py

## Fuzz the parse stage for longer than `make test` does (RESUME_FIT_FUZZ_EXAMPLES to change).
fuzz: install
	RESUME_FIT_FUZZ=long $(BIN)/python -m pytest -q -p no:cacheprovider tests/parse/test_parse_fuzz.py

lint: install
	$(BIN)/pip install --quiet -e ".[test,dev]"
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/ruff format --check src tests scripts benchmarks
	$(BIN)/mypy src
