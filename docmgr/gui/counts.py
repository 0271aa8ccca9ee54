"""The navigator's counted groups (documents per type, per year) and the one-time hint that a large
Whoosh library would search faster on tantivy: both computed by the services in a worker, shown on the
GUI thread."""

from __future__ import annotations

from typing import Callable, Optional

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool

from docmgr.core.library import Library
from docmgr.gui.widgets.messagebar import MessageBar
from docmgr.gui.widgets.navigator import Navigator
from docmgr.gui.workers import Task, TaskContext, start

Types = list[tuple[str, str, int]]
Years = list[tuple[int, int]]


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)


class NavigatorCounts(QObject):
    """Keeps the navigator's *types* and *years* groups up to date (:meth:`refresh`) and shows the
    engine hint once a session (:meth:`advise`)."""

    def __init__(self, library: Library, navigator: Navigator, messages: MessageBar,
                 report: Callable[[BaseException], None], parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.library = library
        self.navigator = navigator
        self.messages = messages
        self.report = report
        self.task: Optional[Task] = None
        self.advice_shown = False
        self.counts: tuple[Types, Years] = ([], [])
        self._again = False

    def refresh(self, advice: bool = False) -> Optional[Task]:
        """Count the documents per type and per year off the GUI thread, then show them; with ``advice``,
        also check whether the library has outgrown the Whoosh engine (that loads the search code, so
        not at start-up: the window's warm-up checks then). A refresh asked while one runs follows it."""
        if self.task is not None:
            self._again = True
            return None
        library = self.library
        self._again = False

        def work(_ctx: TaskContext) -> object:
            from docmgr.services.views import type_counts, year_counts

            advise = False
            if advice:
                from docmgr.services.search import engine_advice

                advise = engine_advice(library) is not None
            return type_counts(library), year_counts(library), advise

        task = Task(work)
        task.signals.finished.connect(self._counted)
        task.signals.failed.connect(self._failed)
        self.task = task
        return start(task, QThreadPool.globalInstance())

    def _counted(self, answer: object) -> None:
        self.task = None
        types, years, advise = answer  # type: ignore[misc]
        self.counts = (types, years)
        self.show()
        if advise:
            self.advise(sum(n for _code, _name, n in types))
        if self._again:
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.report(exc)

    def show(self) -> None:
        """Fill the groups from the last counts, in the current UI language."""
        types, years = self.counts
        self.navigator.set_group("type", [(code, f"{name or _tr('(not classified)')} ({n})")
                                          for code, name, n in types])
        self.navigator.set_group("year", [(str(year), f"{year} ({n})") for year, n in years])

    def advise(self, total: int) -> None:
        """Suggest tantivy for a library of ``total`` documents, once a session (a hint, not a nag)."""
        if not self.advice_shown:
            self.advice_shown = True
            self.messages.show_message("info", _tr(
                "The library holds {0} documents: searches would be faster with the tantivy engine "
                "(File › Settings › Search engine; the index is then rebuilt from the catalog).").format(total))
