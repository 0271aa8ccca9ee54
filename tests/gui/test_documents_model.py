"""The document list model: rows fetched lazily in pages, sorted with Vietnamese collation."""

from __future__ import annotations

import json
from typing import Any

import pytest
from PySide6.QtCore import Qt

from docmgr.core.catalog import now_iso

pytestmark = pytest.mark.gui


def _fill(library: Any, issuers: list[str]) -> None:
    with library.catalog.transaction() as tx:
        for i, issuer in enumerate(issuers):
            cur = tx.execute(
                "INSERT INTO documents (sha256, filename, size, mime, suffix, added, text_source, page_count) "
                "VALUES (?, ?, 1, 'text/plain', '.txt', ?, 'text', 1)", (f"{i:064x}", f"f{i}.txt", now_iso()))
            tx.execute("INSERT INTO fields (doc_id, key, value) VALUES (?, 'issuer', ?)",
                       (cur.lastrowid, json.dumps(issuer)))


def test_rows_are_fetched_in_pages(qtbot: Any, library: Any) -> None:
    from docmgr.gui.models.documents import PAGE, DocumentsModel

    _fill(library, [f"Sở {i}" for i in range(PAGE * 5)])
    model = DocumentsModel(library, "all")
    assert model.rowCount() == PAGE * 5
    assert model.loaded_pages() == 0
    # newest first by default
    assert model.data(model.index(PAGE * 3 + 1, 6)) == f"f{PAGE * 5 - 1 - (PAGE * 3 + 1)}.txt"
    assert model.loaded_pages() == 1


def test_sort_follows_the_vietnamese_alphabet(qtbot: Any, library: Any) -> None:
    from docmgr.gui.models.documents import COLUMNS, DocumentsModel

    _fill(library, ["Đội thuế", "Ban quản lý", "Chi cục", "Ủy ban", "Cục thuế", "Ăn uống"])
    model = DocumentsModel(library, "review")
    column = [k for k, _ in COLUMNS].index("issuer")
    model.sort(column, Qt.SortOrder.AscendingOrder)
    shown = [model.data(model.index(r, column)) for r in range(model.rowCount())]
    assert shown == ["Ăn uống", "Ban quản lý", "Chi cục", "Cục thuế", "Đội thuế", "Ủy ban"]
    model.sort(column, Qt.SortOrder.DescendingOrder)
    assert [model.data(model.index(r, column)) for r in range(model.rowCount())] == shown[::-1]
