# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench fuzz corpus clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/trace diff corpus/objective2-old.docx corpus/objective2-new.docx || [ $$? -eq 1 ]

# The suite runs on every core (pytest-xdist), a test file to a worker so that each file's module
# fixtures (documents loaded once for its tests) are made once.
test: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy
	$(BIN)/python -m pytest -n auto --dist loadfile

bench: $(STAMP)
	$(BIN)/python bench/run.py

# Hostile-input fuzzing of every command (tests/test_fuzz.py); FUZZ_SECONDS / FUZZ_EXAMPLES bound it.
fuzz: $(STAMP)
	FUZZ_SECONDS=$${FUZZ_SECONDS:-600} FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-2000} \
		$(BIN)/python -m pytest tests/test_fuzz.py -q -p no:cacheprovider

corpus: $(STAMP)
	$(BIN)/python scripts/make_corpus.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
