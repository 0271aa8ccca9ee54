"""The UI language: Vietnamese by default, English available.

Source strings in the code are English, wrapped in ``QCoreApplication.translate`` (or marked with
``QT_TRANSLATE_NOOP`` where they sit in tables); the Vietnamese text lives in one place, the Qt
Linguist file ``resources/i18n/docmgr_vi.ts``, compiled to ``docmgr_vi.qm`` by ``make setup`` (with
``qt_vi.ts``, Vietnamese for Qt's own dialogs, which Qt does not ship). The language follows the
``ui_language`` setting, else the system locale (English locales get English, every other locale
Vietnamese). :func:`install` applies at once: Qt sends ``LanguageChange`` to every widget, and each
widget sets its texts again in its ``retranslate()``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

LANGUAGES = ("vi", "en")
DEFAULT = "vi"
EXTRA_CATALOGUES = ("archive",)  # resources/i18n/archive_vi.ts: the archive screens (gui/archive/)
_installed: list[QTranslator] = []


def i18n_dir() -> Path:
    """The folder holding ``docmgr_<lang>.ts`` and the compiled ``.qm``."""
    from docmgr.services.classify import resources_dir

    return resources_dir() / "i18n"


def choose_language(setting: str = "", locale_name: Optional[str] = None) -> str:
    """``setting`` when it names a known language, else the system locale's language when it is English,
    else Vietnamese."""
    if setting in LANGUAGES:
        return setting
    name = locale_name if locale_name is not None else QLocale.system().name()
    return "en" if name.split("_")[0].lower() == "en" else DEFAULT


def install(language: str) -> bool:
    """Make ``language`` the UI language of the running application (replacing a previous choice).
    Returns False when the Vietnamese translation is missing (``make setup`` compiles it); the UI is
    then English."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication first")
    while _installed:
        app.removeTranslator(_installed.pop())
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English))
    if language == "en":
        return True
    ok = True
    own = QTranslator(app)
    qm = i18n_dir() / f"docmgr_{language}.qm"
    if own.load(str(qm)):
        app.installTranslator(own)
        _installed.append(own)
    else:
        log.warning("translation %s missing; run `make setup` to compile it", qm)
        ok = False
    for extra in EXTRA_CATALOGUES:  # components with their own .ts (context of their own)
        more = QTranslator(app)
        if more.load(str(i18n_dir() / f"{extra}_{language}.qm")):
            app.installTranslator(more)
            _installed.append(more)
    # Qt's own dialogs and menus (file dialog, OK/Cancel, copy/paste): Qt's translation when it has one,
    # else ours (Qt ships no qtbase_vi; resources/i18n/qt_vi.ts holds the strings docmgr shows)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) \
            or qt.load(str(i18n_dir() / f"qt_{language}.qm")):
        app.installTranslator(qt)
        _installed.append(qt)
    return ok


def current() -> str:
    """The language installed last ("en" when none is)."""
    return "vi" if _installed else "en"
