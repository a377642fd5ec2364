# FicDesk: the two commands a newcomer needs are `make run` and `make test`.
# Each creates the virtual environment and installs FicDesk with its extras on first use.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.ficdesk-installed
ARGS   ?=

.PHONY: run test lint bench screenshot clean hostile

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

## Open FicDesk on the embedded SQLite database (the sample project is created on first start).
## First checks that Qt's X11 plugin finds its libraries, and prints the install command if not.
run: $(STAMP)
	$(BIN)/python packaging/tools/qt_platform_check.py
	$(BIN)/ficdesk $(ARGS)

## Lint, type-check and run the whole test suite (Qt offscreen, real SQLite and PostgreSQL).
test: $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks packaging
	$(BIN)/mypy

## Hostile input files (deep nesting, zip bomb, regex blow-up, 200 MB text, FIFOs, bad encodings) through the
## CLI, each under a 500 MB address-space limit and a 10 s timeout; one line per probe.
hostile: $(STAMP)
	$(BIN)/python packaging/tools/hostile_inputs.py $(BIN)/ficdesk

## Benchmarks with peers side by side; `make bench ARGS="--quick --json out.json"`.
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks $(ARGS)

## Regenerate the README screenshot.
screenshot: $(STAMP)
	rm -f /tmp/ficdesk-screenshot.sqlite3
	QT_QPA_PLATFORM=offscreen $(BIN)/ficdesk --database sqlite:////tmp/ficdesk-screenshot.sqlite3 \
		--screenshot resources/screenshots/main-window.png --size 1400x900

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache

## Standalone one-folder app in dist/ficdesk/ (PyInstaller, installed into the venv on demand), then checked.
.PHONY: bundle install-desktop check-wheel
bundle: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[packaging]'
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/pyinstaller/ficdesk.spec
	packaging/check_bundle.sh dist/ficdesk

## Menu entry, AppStream metainfo and icon into ~/.local/share (XDG_DATA_HOME); ARGS="--uninstall" removes them.
install-desktop:
	packaging/linux/install-desktop.sh $(ARGS)

## Build the sdist and wheel, install the wheel into a fresh venv outside the tree and run it from there.
check-wheel: $(STAMP)
	packaging/check_wheel.sh
