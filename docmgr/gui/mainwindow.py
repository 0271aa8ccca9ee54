"""The main window: navigator | document list | viewer and metadata, with intake by drag and drop or
File › Import…, run in a background task with progress, Cancel and an errors panel."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Optional, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QThreadPool
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFileDialog, QHBoxLayout, QMainWindow,
                               QPushButton, QSplitter, QTableView, QTabWidget, QVBoxLayout, QWidget)

from docmgr.core.library import Library
from docmgr.gui import style
from docmgr.gui.causes import translate_cause
from docmgr.gui.counts import NavigatorCounts
from docmgr.gui.errors import ErrorBridge
from docmgr.gui.models.documents import DocumentsModel
from docmgr.gui.widgets.empty_hint import EmptyHint
from docmgr.gui.widgets.intake import ErrorsPanel, IntakeProgress
from docmgr.gui.widgets.messagebar import MessageBar
from docmgr.gui.widgets.metadata import MetadataPanel
from docmgr.gui.widgets.navigator import Navigator
from docmgr.gui.widgets.viewer import Viewer
from docmgr.gui.watcher import InboxWatcher
from docmgr.gui.workers import Task, TaskContext, start, write_op


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)


class MainWindow(QMainWindow):
    """The records desk for one library."""

    def __init__(self, library: Library) -> None:
        super().__init__()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            style.install(app)
        self.library = library
        self.review_task: Optional[Task] = None
        self.task: Optional[Task] = None
        self.errors = ErrorBridge(self)
        self.setAcceptDrops(True)
        self.resize(1300, 820)

        self.navigator = Navigator()
        self.model = DocumentsModel(library, "review")
        self.table = QTableView()
        self.table.setModel(self.model)
        # no column chosen (newest first); set before sorting is enabled, which sorts by the indicator
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setDragEnabled(True)  # rows drop onto a dossier (gui/widgets/dossiers.py)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.table.verticalHeader().setDefaultSectionSize(style.row_height(self.table.font()))
        header = self.table.horizontalHeader()
        for column, width in enumerate((95, 110, 85, 165, 65, 85, 120)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.empty_hint = EmptyHint(self.table)
        self.viewer = Viewer(library)
        self.metadata = MetadataPanel()
        self.messages = MessageBar()
        self.progress = IntakeProgress()
        self.errors_panel = ErrorsPanel(library.paths.quarantine)

        self.delete_button = QPushButton()
        self.restore_button = QPushButton()
        self.delete_button.clicked.connect(self.trash_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        actions = QHBoxLayout()
        actions.addWidget(self.delete_button)
        actions.addWidget(self.restore_button)
        actions.addStretch(1)
        list_pane = QWidget()
        list_layout = QVBoxLayout(list_pane)
        list_layout.setContentsMargins(0, 0, 0, 0)
        from docmgr.gui.widgets.search import SearchPanel

        self.search_bar = SearchPanel(library)
        self.search_bar.hit_chosen.connect(self.open_hit)
        self.search_bar.active.connect(lambda on: self.table.setHidden(on))
        list_layout.addWidget(self.search_bar, 1)
        list_layout.addWidget(self.table, 100)
        list_layout.addLayout(actions)

        self.side_tabs = QTabWidget()
        self.side_tabs.addTab(self.metadata, "")
        self.side_tabs.addTab(self.errors_panel, "")
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.viewer)
        right.addWidget(self.side_tabs)
        right.setSizes([520, 300])
        split = QSplitter()
        split.addWidget(self.navigator)
        split.addWidget(list_pane)
        split.addWidget(right)
        split.setSizes([180, 650, 520])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.messages)
        layout.addWidget(self.progress)
        layout.addWidget(split, 1)
        self.setCentralWidget(central)

        self.watcher = InboxWatcher(self._take_from_inbox, parent=self, catalog=library.catalog,
                                    failed=self.errors.report)
        self._build_menu()
        self.watcher.watch(library.settings.inbox_folder)
        self.errors.message.connect(self.messages.show_message)
        self.progress.cancel_requested.connect(self.cancel_import)
        self.metadata.confirm_requested.connect(self.confirm_document)
        self.metadata.field_focused.connect(self.show_field_source)
        self.navigator.view_chosen.connect(self.set_view)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.navigator.set_saved_searches([str(s.get("name", "")) for s in library.settings.saved_searches])
        self.navigator.select_view("review")
        self._update_actions()
        self.warm_task: Optional[Task] = None
        self.warm_done = False
        self.counts = NavigatorCounts(library, self.navigator, self.messages, self.errors.report, self)
        self.retranslate()
        self.counts.refresh()

    def warm_up(self) -> Task:
        """Import the reading and classifying code and load the models off the GUI thread, once the window
        is up: the first import then does not stall the window (module imports and model loading hold
        Python's interpreter lock for up to ~100 ms at a time)."""
        library = self.library

        def work(_ctx: TaskContext) -> object:
            import docmgr.services.ingest  # noqa: F401
            from docmgr.app import startup_problems
            from docmgr.services.classify import load_models
            from docmgr.services.indexing import engine_advice
            from docmgr.services.views import type_counts

            problems = startup_problems(library.settings.ocr_languages)
            load_models(library)
            return (problems, engine_advice(library) is not None,
                    sum(n for _code, _name, n in type_counts(library)))

        self.warm_task = Task(work)
        self.warm_task.signals.finished.connect(self._warmed)
        self.warm_task.signals.failed.connect(self.errors.report)
        self.catch_up()
        return start(self.warm_task, QThreadPool.globalInstance())

    def catch_up(self) -> Task:
        """Index what an earlier run left unindexed (a crash, a killed batch): the writer's work, in
        the write pool — searches never write the index."""
        from docmgr.services.indexing import sync_index_quietly

        library = self.library
        return write_op(lambda: sync_index_quietly(library), failed=self.errors.report)

    def save_settings(self) -> Task:
        """Write the library's settings in the write pool (its lock may be held by another writer)."""
        return write_op(self.library.save_settings, failed=self.errors.report)

    def _warmed(self, answer: object) -> None:
        self.warm_done = True
        problems, advise, total = answer  # type: ignore[misc]
        if problems:
            text = _tr("Scans cannot be read until this is fixed: {0}")
            self.messages.show_message("error", text.format(" ".join(problems)))
        elif advise:
            self.counts.advise(total)

    def _build_menu(self) -> None:
        """The menus; their texts are set by :meth:`retranslate`."""
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.import_action = QAction(self)
        self.import_action.setShortcut(QKeySequence.StandardKey.Open)
        self.import_action.triggered.connect(self.choose_import)
        self.import_folder_action = QAction(self)
        self.import_folder_action.triggered.connect(self.choose_import_folder)
        self.settings_action = QAction(self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        for action in (self.import_action, self.import_folder_action, None, self.settings_action, None,
                       self.quit_action):
            self.file_menu.addAction(action) if action else self.file_menu.addSeparator()

        self.review_menu = bar.addMenu("")
        self.next_action = QAction(self)
        self.next_action.setShortcut(QKeySequence("Ctrl+Down"))
        self.next_action.triggered.connect(lambda: self.step(+1))
        self.previous_action = QAction(self)
        self.previous_action.setShortcut(QKeySequence("Ctrl+Up"))
        self.previous_action.triggered.connect(lambda: self.step(-1))
        self.confirm_action = QAction(self)
        self.confirm_action.setShortcut(QKeySequence("Ctrl+Return"))
        self.confirm_action.triggered.connect(self.metadata.request_confirm)
        for action in (self.next_action, self.previous_action, self.confirm_action):
            self.review_menu.addAction(action)

        self.search_menu = bar.addMenu("")
        self.search_action = QAction(self)
        self.search_action.setShortcut(QKeySequence("Ctrl+F"))
        self.search_action.triggered.connect(self.focus_search)
        self.next_hit_action = QAction(self)
        self.next_hit_action.setShortcut(QKeySequence("F3"))
        self.next_hit_action.triggered.connect(lambda: self.viewer.step_hit(+1))
        self.previous_hit_action = QAction(self)
        self.previous_hit_action.setShortcut(QKeySequence("Shift+F3"))
        self.previous_hit_action.triggered.connect(lambda: self.viewer.step_hit(-1))
        self.save_search_action = QAction(self)
        self.save_search_action.triggered.connect(self.ask_save_search)
        for action in (self.search_action, self.next_hit_action, self.previous_hit_action, self.save_search_action):
            self.search_menu.addAction(action)

        self.dossier_menu = bar.addMenu("")
        self.dossiers_action = QAction(self)
        self.dossiers_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.dossiers_action.triggered.connect(self.open_dossiers)
        self.dossier_menu.addAction(self.dossiers_action)

        self.view_menu = bar.addMenu("")
        self.language_menu = self.view_menu.addMenu("")
        self.language_actions = QActionGroup(self)
        from docmgr.gui import i18n

        for code, name in (("vi", "Tiếng Việt"), ("en", "English")):  # each language in its own name
            action = self.language_menu.addAction(name)
            action.setCheckable(True)
            action.setData(code)
            action.setChecked(code == i18n.current())
            self.language_actions.addAction(action)
            action.triggered.connect(lambda _on=False, c=code: self.set_language(c))
        from docmgr.gui.archive.menu import ArchiveMenu

        self.archive_menu = ArchiveMenu(self)  # register, disposal, history, statistics, users, backups

    def retranslate(self) -> None:
        """Set every text of the window in the current UI language; the widgets inside follow through
        their own ``changeEvent``. Called at start and on a language change (:meth:`set_language`)."""
        self.setWindowTitle(_tr("docmgr — {0}").format(self.library.root))
        texts = ((self.import_action, _tr("&Import…")), (self.import_folder_action, _tr("Import &folder…")),
                 (self.settings_action, _tr("&Settings…")), (self.quit_action, _tr("&Quit")),
                 (self.next_action, _tr("&Next document")), (self.previous_action, _tr("&Previous document")),
                 (self.confirm_action, _tr("&Confirm")), (self.search_action, _tr("&Find…")),
                 (self.next_hit_action, _tr("Next &hit")), (self.previous_hit_action, _tr("Previous h&it")),
                 (self.save_search_action, _tr("&Save this search…")))
        for action, text in texts:
            action.setText(text)
        self.file_menu.setTitle(_tr("&File"))
        self.review_menu.setTitle(_tr("&Review"))
        self.search_menu.setTitle(_tr("&Search"))
        self.view_menu.setTitle(_tr("&View"))
        self.dossier_menu.setTitle(_tr("&Dossiers"))
        self.dossiers_action.setText(_tr("Dossier desk…"))
        self.language_menu.setTitle(_tr("&Language"))
        self.delete_button.setText(_tr("Move to trash"))
        self.restore_button.setText(_tr("Restore"))
        self.side_tabs.setTabText(self.side_tabs.indexOf(self.metadata), _tr("Details"))
        self.side_tabs.setTabText(self.side_tabs.indexOf(self.errors_panel), _tr("Rejected files"))
        self.model.retranslate()
        if hasattr(self, "counts"):
            self.counts.show()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, language: str) -> None:
        """Switch the UI to ``language`` ("vi" or "en") now and keep it as the library's setting."""
        if language != self.library.settings.ui_language:
            self.library.settings.ui_language = language
            self.save_settings()
        self.apply_language()

    def apply_language(self) -> None:
        """Install the language the settings ask for (or the system's); the window re-translates itself."""
        from docmgr.gui import i18n

        language = i18n.choose_language(self.library.settings.ui_language)
        if language != i18n.current():
            i18n.install(language)  # Qt posts LanguageChange to every window; deliver it now
            QCoreApplication.sendPostedEvents(None, int(QEvent.Type.LanguageChange))
        for action in self.language_actions.actions():
            action.setChecked(action.data() == language)

    # -- views and selection -------------------------------------------------------------------
    def set_view(self, view: str) -> None:
        if view.startswith("search:"):
            saved = self.library.settings.saved_searches
            index = int(view.split(":", 1)[1])
            if 0 <= index < len(saved):
                self.search_bar.apply(saved[index])
            return
        self.model.set_view(view)
        self.viewer.clear()
        self.metadata.clear()
        self._update_actions()

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.doc_id(r) for r in rows]

    def show_field_source(self, key: str) -> None:
        """Draw the lines field ``key`` of the reviewed document was read from on its page image."""
        from docmgr.services.provenance import source_boxes

        doc = self.metadata.doc
        if doc is None or not key or self.viewer.doc_id != doc.get("id"):
            return
        try:
            page, boxes = source_boxes(self.library, int(doc["id"]), doc, key)
        except Exception as exc:
            self.errors.report(exc)
            return
        if page:
            self.viewer.set_hits({page: boxes} if boxes else {}, page)
            if boxes:
                self.viewer.step_hit(0)  # scrolls the line into view
            else:
                self.viewer.go(page)

    def _selection_changed(self) -> None:
        ids = self.selected_ids()
        self._update_actions()
        if len(ids) != 1:
            return
        from docmgr.services.documents import show

        try:
            doc = show(self.library, ids[0])
        except Exception as exc:
            self.errors.report(exc)
            return
        self.metadata.show_document(doc)
        self.side_tabs.setCurrentWidget(self.metadata)
        try:
            self.viewer.show_document(ids[0], doc["pages"])
        except Exception as exc:
            self.errors.report(exc)

    def _update_actions(self) -> None:
        in_trash = self.model.view == "trash"
        has = bool(self.table.selectionModel().selectedRows())
        self.delete_button.setVisible(not in_trash)
        self.restore_button.setVisible(in_trash)
        self.delete_button.setEnabled(has)
        self.restore_button.setEnabled(has)

    def step(self, delta: int) -> None:
        """Select the next (``+1``) or previous (``-1``) document of the list."""
        rows = self.table.selectionModel().selectedRows()
        current = rows[0].row() if rows else -1
        target = max(0, min(self.model.rowCount() - 1, current + delta))
        if self.model.rowCount():
            self.table.selectRow(target)

    # -- search --------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_bar.edit.setFocus()
        self.search_bar.edit.selectAll()

    def ask_save_search(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        current = self.search_bar.current()
        name, ok = QInputDialog.getText(self, _tr("Save this search"), _tr("Name"), text=current["query"])
        if ok and name.strip():
            self.save_search(name.strip())

    def save_search(self, name: str) -> None:
        """Keep the search shown under ``name`` in the library's settings and the navigator."""
        entry = {"name": name, **self.search_bar.current()}
        saved = [s for s in self.library.settings.saved_searches if s.get("name") != name] + [entry]
        self.library.settings.saved_searches = saved
        self.save_settings()
        self.navigator.set_saved_searches([str(s.get("name", "")) for s in saved])

    def open_hit(self, hit: dict, query: str) -> None:
        """Show a search hit: its details, its page, the query's words highlighted on the page image."""
        from docmgr.services.documents import show
        from docmgr.services.finder import query_boxes

        try:
            doc = show(self.library, int(hit["id"]))
            self.metadata.show_document(doc)
            self.side_tabs.setCurrentWidget(self.metadata)
            page = int(hit.get("page") or 1)
            self.viewer.show_document(int(hit["id"]), doc["pages"], page)
            self.viewer.set_hits(query_boxes(self.library, int(hit["id"]), query), page)
        except Exception as exc:
            self.errors.report(exc)

    # -- review --------------------------------------------------------------------------------
    def confirm_document(self, doc_id: int, type_code: str, fields: dict, notes: str) -> Optional[Task]:
        """Confirm ``doc_id`` (type, changed fields, notes) in the background; then go to the next document."""
        if self.review_task is not None:
            return None
        from docmgr.services.review import save_review

        library = self.library
        row = self.table.currentIndex().row()

        def work(_ctx: TaskContext) -> object:
            return save_review(library, doc_id, type=type_code or None, fields=fields, notes=notes)

        task = Task(work)
        task.signals.finished.connect(lambda doc: self._confirmed(doc, row))
        task.signals.failed.connect(self._confirm_failed)
        self.review_task = task
        self.metadata.confirm_button.setEnabled(False)
        return start(task)

    def _confirmed(self, doc: object, row: int) -> None:
        self.review_task = None
        self.model.refresh()
        self.counts.refresh()
        name = doc.get("filename", "") if isinstance(doc, dict) else ""
        self.messages.show_message("info", _tr("Confirmed: {0}").format(name))
        if self.model.rowCount():
            self.table.selectRow(max(0, min(row if self.model.view == "review" else row + 1,
                                            self.model.rowCount() - 1)))
        else:
            self.metadata.clear()
            self.viewer.clear()

    def _confirm_failed(self, exc: BaseException) -> None:
        self.review_task = None
        self.metadata.confirm_button.setEnabled(True)
        self.errors.report(exc)

    # -- trash ---------------------------------------------------------------------------------
    def trash_selected(self) -> None:
        self._move(self.selected_ids(), True)

    def restore_selected(self) -> None:
        self._move(self.selected_ids(), False)

    def _move(self, ids: Sequence[int], to_trash: bool) -> Task:
        """Trash or restore ``ids`` in the write pool; the list follows once it is done."""
        from docmgr.services.documents import restore, trash

        library, chosen = self.library, list(ids)

        def work() -> int:
            for doc_id in chosen:
                (trash if to_trash else restore)(library, doc_id)
            return len(chosen)

        self.delete_button.setEnabled(False)
        self.restore_button.setEnabled(False)
        return write_op(work, lambda n: self._moved(int(n), to_trash), self._move_failed)

    def _moved(self, count: int, to_trash: bool) -> None:
        self._after_move()
        text = _tr("{0} document(s) moved to the trash.") if to_trash else _tr("{0} document(s) restored.")
        self.messages.show_message("info", text.format(count))

    def _move_failed(self, exc: BaseException) -> None:
        self._after_move()
        self.errors.report(exc)

    def _after_move(self) -> None:
        self.model.refresh()
        self.counts.refresh()
        self.viewer.clear()
        self.metadata.clear()
        self._update_actions()

    # -- intake --------------------------------------------------------------------------------
    def choose_import(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, _tr("Import files"))
        if files:
            self.import_paths(files)

    def choose_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _tr("Import a folder"))
        if folder:
            self.import_paths([folder])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    def import_paths(self, paths: Sequence[str | os.PathLike[str]],
                     then: Optional[Callable[[list], None]] = None) -> Optional[Task]:
        """Ingest ``paths`` (files and folders) in the background; returns the task (None when busy).
        ``then(results)`` runs in the same task afterwards (the inbox remembers what it took)."""
        if self.task is not None:
            self.messages.show_message("warning", _tr("An import is already running."))
            return None
        from docmgr.services.ingest import expand_inputs, ingest_paths

        library = self.library
        chosen = [Path(p) for p in paths]

        def work(ctx: TaskContext) -> object:
            results = ingest_paths(library, chosen, progress=ctx.progress, cancel=ctx.cancel, on_result=ctx.item)
            if then is not None:
                then(results)
            return results

        task = Task(work)
        task.signals.progress.connect(self.progress.update_progress)
        task.signals.item.connect(self._import_result)
        task.signals.finished.connect(self._import_finished)
        task.signals.cancelled.connect(self._import_cancelled)
        task.signals.failed.connect(self._import_failed)
        self.task = task
        self.progress.start(sum(1 for _ in expand_inputs(chosen)))
        self.import_action.setEnabled(False)
        return start(task)

    def cancel_import(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.progress.cancel_button.setEnabled(False)
            self.progress.label.setText(_tr("Cancelling after the current file…"))

    def _import_result(self, result: object) -> None:
        status = getattr(result, "status", "")
        if status == "rejected":
            self.errors_panel.add(getattr(result, "path", ""), translate_cause(getattr(result, "error", "") or ""))
        elif status == "filed":
            self.model.refresh()

    def _import_done(self) -> None:
        self.task = None
        self.progress.stop()
        self.import_action.setEnabled(True)
        self.model.refresh()
        self.counts.refresh(advice=True)
        self._update_actions()

    def _import_finished(self, results: object) -> None:
        items = list(results) if isinstance(results, list) else []
        filed = sum(1 for r in items if r.status == "filed")
        dup = sum(1 for r in items if r.status == "duplicate")
        rejected = sum(1 for r in items if r.status == "rejected")
        self._import_done()
        text = _tr("Import finished: {0} filed, {1} already in the library, {2} rejected.").format(filed, dup, rejected)
        self.messages.show_message("warning" if rejected else "info", text)
        if rejected:
            self.side_tabs.setCurrentWidget(self.errors_panel)

    def _import_cancelled(self) -> None:
        self._import_done()
        self.messages.show_message("info", _tr("Import cancelled; files already filed stay in the library."))

    def _import_failed(self, exc: BaseException) -> None:
        self._import_done()
        self.errors.report(exc)

    def _take_from_inbox(self, paths: list[Path]) -> bool:
        if self.task is not None or self.watcher.scanner is None:
            return False
        return self.import_paths(paths, then=self.watcher.scanner.remember) is not None

    # -- settings ------------------------------------------------------------------------------
    def open_dossiers(self) -> None:
        """The dossier screen (its own window), over this library and the selected documents."""
        from docmgr.gui.widgets.dossiers import DossierScreen

        if getattr(self, "dossier_screen", None) is None:
            self.dossier_screen = DossierScreen(self.library, self.selected_ids, self.errors.report)
        self.dossier_screen.show()
        self.dossier_screen.raise_()

    def open_settings(self) -> None:
        from docmgr.gui.widgets.settings import SettingsDialog

        dialog = SettingsDialog(self.library, self)
        if dialog.exec():
            self.apply_settings(dialog.restart_needed)

    def apply_settings(self, restart_needed: bool = False) -> None:
        """Take up the saved settings that apply at once (the watched folder, the language)."""
        self.watcher.watch(self.library.settings.inbox_folder)
        self.apply_language()
        text = _tr("Settings saved.")
        if restart_needed:
            text += " " + _tr("The library folder changes at the next start.")
        self.messages.show_message("info", text)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.watcher.timer.stop()
        if self.task is not None:
            self.task.cancel()
        super().closeEvent(event)
