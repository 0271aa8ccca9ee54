import sqlite3
from pathlib import Path

import pytest

from docmgr.core.catalog import MIGRATIONS, SCHEMA_VERSION, Catalog, _sort_text, _statements
from docmgr.core.errors import LibraryError, NotFound
from docmgr.core.models import Document, FieldValue, Page, Word


def _doc(sha: str = "a" * 64) -> Document:
    return Document(id=0, sha256=sha, filename="Quyết định.pdf", size=10, mime="application/pdf", suffix=".pdf",
                    added="2026-01-05T08:00:00+07:00", status="inbox", trashed=False, text_source="ocr",
                    page_count=1)


def test_new_catalog_is_wal_with_foreign_keys(tmp_path: Path) -> None:
    cat = Catalog(tmp_path / "c.sqlite3")
    conn = cat.connection()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert cat.schema_version == SCHEMA_VERSION


def test_upgrades_a_version_1_catalog_keeping_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    for statement in _statements(MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO documents (sha256, filename, size, mime, suffix, added, text_source, page_count)"
                 " VALUES ('abc', 'cũ.pdf', 3, 'application/pdf', '.pdf', '2020-01-01T00:00:00+07:00', 'ocr', 1)")
    conn.execute("INSERT INTO pages (doc_id, number, text, source) VALUES (1, 1, 'Giấy khai sinh', 'ocr')")
    conn.commit()
    conn.close()

    cat = Catalog(path)
    assert cat.schema_version == SCHEMA_VERSION
    doc = cat.get(1)
    assert doc.filename == "cũ.pdf" and doc.type_code is None and doc.classification == {}
    assert cat.pages(1)[0].text == "Giấy khai sinh"
    assert cat.unindexed_ids() == [1]


def test_refuses_a_catalog_from_a_newer_docmgr(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(LibraryError, match="newer"):
        Catalog(path)


def test_insert_round_trip_with_words_and_fields(tmp_path: Path) -> None:
    cat = Catalog(tmp_path / "c.sqlite3")
    doc = _doc()
    doc.fields = {"number": FieldValue("15/QĐ-UBND", 0.9), "id_numbers": FieldValue(["092080001234"], 0.8)}
    page = Page(1, "Số: 15/QĐ-UBND", "ocr", 91.5, [Word("Số:", 10, 20, 30, 12, 95.0)], ["deskew"], 100, 200)
    with cat.transaction() as tx:
        doc_id = cat.insert_document(tx, doc, [page])
    got = cat.get(doc_id)
    assert got.fields["number"].value == "15/QĐ-UBND"
    assert got.fields["id_numbers"].value == ["092080001234"]
    back = cat.pages(doc_id, with_words=True)[0]
    assert back.words == page.words and back.steps == ["deskew"] and back.width == 100


def test_failed_transaction_leaves_nothing(tmp_path: Path) -> None:
    cat = Catalog(tmp_path / "c.sqlite3")
    with pytest.raises(sqlite3.IntegrityError):
        with cat.transaction() as tx:
            cat.insert_document(tx, _doc(), [Page(1, "a", "plain")])
            cat.insert_document(tx, _doc(), [Page(1, "b", "plain")])  # same sha256: UNIQUE fails
    assert cat.all_ids() == []
    assert cat.connection().execute("SELECT COUNT(*) FROM pages").fetchone()[0] == 0


def test_trash_and_unknown_ids(tmp_path: Path) -> None:
    cat = Catalog(tmp_path / "c.sqlite3")
    with cat.transaction() as tx:
        doc_id = cat.insert_document(tx, _doc(), [Page(1, "a", "plain")])
    cat.set_trashed(doc_id, True)
    assert cat.get(doc_id).display_status == "trashed"
    assert [d.id for d in cat.documents(status="trashed")] == [doc_id]
    assert cat.documents() == []
    with pytest.raises(NotFound):
        cat.set_trashed(999, True)


def test_component_tables_migrate_step_by_step_and_refuse_a_newer_catalog(tmp_path):
    cat = Catalog(tmp_path / "catalog.sqlite")
    steps = ["CREATE TABLE widgets (id INTEGER PRIMARY KEY)", "ALTER TABLE widgets ADD COLUMN name TEXT"]
    cat.ensure_component("records.widgets", steps[:1])
    cat.connection().execute("INSERT INTO widgets (id) VALUES (1)")
    again = Catalog(tmp_path / "catalog.sqlite")
    again.ensure_component("records.widgets", steps)
    assert [tuple(r) for r in again.connection().execute("SELECT id, name FROM widgets")] == [(1, None)]
    again.ensure_component("records.widgets", steps)  # idempotent
    older = Catalog(tmp_path / "catalog.sqlite")
    with pytest.raises(LibraryError, match="newer than this docmgr"):
        older.ensure_component("records.widgets", steps[:1])


def test_normative_types_become_their_form_plus_the_normative_flag(tmp_path: Path) -> None:
    """A catalog from before the flag: QD-QPPL / NQ-QPPL become QD / NQ, normative from the type or number."""
    step = next(i for i, m in enumerate(MIGRATIONS) if "ADD COLUMN normative" in m)
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.create_function("docmgr_sort_text", 1, _sort_text)  # the earlier steps' triggers call it
    for script in MIGRATIONS[:step]:
        for statement in _statements(script):
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {step}")
    rows = [("a", "QD-QPPL", '{"candidates": [{"type_code": "QD-QPPL", "probability": 0.9}]}'), ("b", "NQ-QPPL", "{}"),
            ("c", "ND", "{}"), ("d", "QD", "{}"), ("e", "QD", "{}")]
    for sha, code, cls in rows:
        conn.execute("INSERT INTO documents (sha256, filename, size, mime, suffix, added, text_source, page_count,"
                     " type_code, classification) VALUES (?, 'x.pdf', 3, 'application/pdf', '.pdf', '2025-01-01', 'ocr',"
                     " 1, ?, ?)", (sha, code, cls))
    conn.execute("""INSERT INTO fields (doc_id, key, value) VALUES (4, 'number', '"87/2025/QĐ-UBND"')""")
    conn.execute("""INSERT INTO fields (doc_id, key, value) VALUES (5, 'number', '"2820/QĐ-UBND"')""")
    conn.commit()
    conn.close()

    cat = Catalog(path)
    assert cat.schema_version == SCHEMA_VERSION
    got = {d.sha256: (d.type_code, d.normative) for d in cat.documents()}
    assert got == {"a": ("QD", True), "b": ("NQ", True), "c": ("ND", True), "d": ("QD", True), "e": ("QD", False)}
    assert cat.get(1).classification["candidates"][0]["type_code"] == "QD"
    assert [d.sha256 for d in cat.documents(normative=False)] == ["e"]
