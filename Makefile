# docmgr — two commands: `make run` (set up, then open the app) and `make test` (set up, then run
# the whole suite). Both are idempotent: a second run only checks that everything is in place.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.docmgr-installed

# tesseract + language data; DejaVu fonts (test fixtures, UI); the libraries Qt's xcb platform
# plugin needs on a bare Debian (found with ldd on libqxcb.so); Xvfb for screenshots; LibreOffice headless
# (Writer, Calc) for .doc, .xls/.xlsx, .odt/.ods and .rtf.
APT_PACKAGES := tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng fonts-dejavu-core \
	libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 \
	libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libxkbcommon0 libegl1 libgl1 libfontconfig1 \
	libdbus-1-3 libglib2.0-0 xvfb libreoffice-writer-nogui libreoffice-calc-nogui

# the UI's translations: .ts in git (edit with pyside6-linguist), .qm compiled here
I18N_TS := $(wildcard resources/i18n/*.ts)
I18N_QM := $(I18N_TS:.ts=.qm)
# the app's own strings (refreshed from the code by `make translations`); qt_vi.ts, Vietnamese for
# Qt's dialogs, is kept by hand
I18N_APP_TS := $(wildcard resources/i18n/docmgr_*.ts)
GUI_SOURCES = $(shell find docmgr/gui -name '*.py') docmgr/app.py

.PHONY: run test setup system-packages clean-venv translations screenshots dist lint

run: setup
	$(BIN)/docmgr

test: setup
	QT_QPA_PLATFORM=offscreen OMP_THREAD_LIMIT=1 $(BIN)/python -m pytest

# ruff (pyflakes, pycodestyle, bugbear, pathlib rules) and mypy on core/ and services/ (pyproject.toml
# says how strict, with the per-module exceptions); `make test` runs them too (tests/test_lint.py)
LINTED := docmgr/core docmgr/services
lint: setup
	$(BIN)/ruff check $(LINTED)
	$(BIN)/mypy $(LINTED)

# the one-folder app for office PCs (build.spec): dist/docmgr/docmgr and dist/docmgr/docmgr-gui
DIST_STAMP := $(VENV)/.docmgr-dist-installed
dist: setup $(DIST_STAMP)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller build.spec

$(DIST_STAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,dist]'
	touch $(DIST_STAMP)

setup: system-packages $(STAMP) $(I18N_QM)

resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# the README's pictures of the app (intake, review, search), rendered under Xvfb
screenshots: setup
	xvfb-run -a -s "-screen 0 1400x900x24" $(BIN)/python scripts/screenshot.py docs

# after changing UI strings: refresh the .ts (new strings appear unfinished), then translate them
translations: $(STAMP)
	$(BIN)/pyside6-lupdate -tr-function-alias tr+=_tr -no-obsolete $(GUI_SOURCES) -ts $(I18N_APP_TS)

system-packages:
	@sh scripts/system-packages.sh $(APT_PACKAGES)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

clean-venv:
	rm -rf $(VENV)
