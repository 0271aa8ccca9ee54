"""The SQLite catalog: the source of truth for what the library holds.

WAL journal (readers never block the writer), foreign keys on, schema upgraded step by step through
``PRAGMA user_version``. One connection per thread; writes go through :meth:`Catalog.transaction`,
which is all-or-nothing.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from contextlib import contextmanager, nullcontext
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, ContextManager, Iterator, Optional, Sequence

from docmgr.core.errors import LibraryError, NotFound
from docmgr.core.models import Document, FieldValue, Mark, Page, Rejection, Word

# Each step moves the schema from version i to i+1. Never edit a released step: add one.
MIGRATIONS: list[str] = [
    # 1: documents, their page text, rejected inputs
    """
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        filename TEXT NOT NULL,
        size INTEGER NOT NULL,
        mime TEXT NOT NULL,
        suffix TEXT NOT NULL,
        added TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'inbox' CHECK (status IN ('inbox', 'needs-review', 'confirmed')),
        trashed_at TEXT,
        text_source TEXT NOT NULL,
        page_count INTEGER NOT NULL,
        source_path TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE pages (
        doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        text TEXT NOT NULL,
        source TEXT NOT NULL,
        PRIMARY KEY (doc_id, number)
    );
    CREATE TABLE rejections (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL,
        filename TEXT NOT NULL,
        reason TEXT NOT NULL,
        at TEXT NOT NULL,
        quarantined TEXT
    );
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # 2: classification, fields, OCR details per page, index bookkeeping
    """
    ALTER TABLE documents ADD COLUMN type_code TEXT;
    ALTER TABLE documents ADD COLUMN confidence REAL;
    ALTER TABLE documents ADD COLUMN field_of_work TEXT;
    ALTER TABLE documents ADD COLUMN classification TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE documents ADD COLUMN notes TEXT NOT NULL DEFAULT '';
    ALTER TABLE documents ADD COLUMN indexed INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE pages ADD COLUMN confidence REAL;
    ALTER TABLE pages ADD COLUMN words TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE pages ADD COLUMN steps TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE pages ADD COLUMN width INTEGER;
    ALTER TABLE pages ADD COLUMN height INTEGER;
    CREATE TABLE fields (
        doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        confidence REAL NOT NULL DEFAULT 1.0,
        edited INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (doc_id, key)
    );
    CREATE INDEX documents_status ON documents(status, trashed_at);
    CREATE INDEX documents_type ON documents(type_code);
    CREATE INDEX documents_indexed ON documents(indexed) WHERE indexed = 0;
    """,
    # 3: the schema versions of components that keep their own tables (records/: dossiers, register…)
    """
    CREATE TABLE component_schema (component TEXT PRIMARY KEY, version INTEGER NOT NULL);
    """,
    # 4: seals and handwritten signatures found on scanned pages (JSON [{kind, box}], page pixels)
    """
    ALTER TABLE pages ADD COLUMN marks TEXT NOT NULL DEFAULT '[]';
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)

_DOC_COLUMNS = (
    "id, sha256, filename, size, mime, suffix, added, status, trashed_at, text_source, page_count, "
    "source_path, type_code, confidence, field_of_work, classification, notes"
)


def now_iso() -> str:
    """The current time, ISO 8601 with the UTC offset, to the second."""
    return datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")


class Catalog:
    """Access to one library's catalog file.

    Args:
        path: the SQLite file; created and migrated on first use.
        lock: the library's write lock, held while the schema is created or upgraded.
    """

    def __init__(self, path: Path, lock: Optional[Callable[[], ContextManager[None]]] = None) -> None:
        self.path = path
        self._local = threading.local()
        self._lock = lock
        self._components: dict[str, int] = {}
        if self.schema_version != SCHEMA_VERSION:
            with lock() if lock else nullcontext():
                self._migrate()

    # -- connections and schema -------------------------------------------------------------
    def connection(self) -> sqlite3.Connection:
        """This thread's connection (autocommit mode; use :meth:`transaction` for writes)."""
        conn: Optional[sqlite3.Connection] = getattr(self._local, "conn", None)
        if conn is None:
            try:
                conn = sqlite3.connect(self.path, timeout=60, isolation_level=None, check_same_thread=False)
            except sqlite3.Error as exc:
                raise LibraryError(f"{self.path}: cannot open the catalog ({exc})") from exc
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            self._local.conn = conn
        return conn

    def close(self) -> None:
        """Close this thread's connection."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    @property
    def schema_version(self) -> int:
        return int(self.connection().execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        version = self.schema_version
        if version > SCHEMA_VERSION:
            raise LibraryError(
                f"{self.path}: the catalog has schema {version}, newer than this docmgr ({SCHEMA_VERSION}); "
                "update docmgr"
            )
        for step in range(version, SCHEMA_VERSION):  # each step is one transaction
            with self.transaction() as tx:
                # re-read inside the lock: another process may have migrated meanwhile
                if int(tx.execute("PRAGMA user_version").fetchone()[0]) != step:
                    continue
                for statement in _statements(MIGRATIONS[step]):
                    tx.execute(statement)
                tx.execute(f"PRAGMA user_version = {step + 1}")

    def ensure_component(self, component: str, migrations: Sequence[str]) -> None:
        """Bring the tables a component owns (``records.dossiers`` …) to ``len(migrations)``.

        The same rule as the core schema: each step is one transaction, never edited once released
        (add a step instead); a catalog with a newer version of the component is refused. Cheap once
        done in this process.
        """
        target = len(migrations)
        if self._components.get(component) == target:
            return

        def version(conn: sqlite3.Connection) -> int:
            row = conn.execute("SELECT version FROM component_schema WHERE component = ?", (component,)).fetchone()
            return 0 if row is None else int(row[0])

        current = version(self.connection())
        if current > target:
            raise LibraryError(f"{self.path}: the catalog's {component} tables have schema {current}, newer than "
                               f"this docmgr ({target}); update docmgr")
        if current < target:
            with self._lock() if self._lock else nullcontext():
                for step in range(current, target):
                    with self.transaction() as tx:
                        if version(tx) != step:  # another process migrated meanwhile
                            continue
                        for statement in _statements(migrations[step]):
                            tx.execute(statement)
                        tx.execute("INSERT OR REPLACE INTO component_schema(component, version) VALUES (?, ?)",
                                   (component, step + 1))
        self._components[component] = target

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """An all-or-nothing write (BEGIN IMMEDIATE … COMMIT, ROLLBACK on any exception)."""
        conn = self.connection()
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")

    # -- meta -------------------------------------------------------------------------------
    def get_meta(self, key: str, default: Optional[str] = None) -> Optional[str]:
        row = self.connection().execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return default if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as tx:
            tx.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    # -- documents --------------------------------------------------------------------------
    def find_sha256(self, sha256: str) -> Optional[int]:
        row = self.connection().execute("SELECT id FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
        return None if row is None else int(row[0])

    def insert_document(self, tx: sqlite3.Connection, doc: Document, pages: Sequence[Page]) -> int:
        """Insert a document and its pages inside the caller's transaction; returns the new id."""
        cur = tx.execute(
            "INSERT INTO documents (sha256, filename, size, mime, suffix, added, status, text_source, page_count,"
            " source_path, type_code, confidence, field_of_work, classification, notes)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc.sha256, doc.filename, doc.size, doc.mime, doc.suffix, doc.added, doc.status, doc.text_source,
             len(pages), doc.source_path, doc.type_code, doc.confidence, doc.field_of_work,
             json.dumps(doc.classification, ensure_ascii=False), doc.notes),
        )
        doc_id = int(cur.lastrowid or 0)
        tx.executemany(
            "INSERT INTO pages (doc_id, number, text, source, confidence, words, steps, width, height, marks)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc_id, p.number, p.text, p.source, p.confidence,
              json.dumps([w.to_list() for w in p.words], ensure_ascii=False),
              json.dumps(p.steps), p.width, p.height, json.dumps([m.to_json() for m in p.marks]))
             for p in pages],
        )
        self.write_fields(tx, doc_id, doc.fields)
        return doc_id

    def write_fields(self, tx: sqlite3.Connection, doc_id: int, values: dict[str, FieldValue]) -> None:
        """Replace the given fields of a document (others are kept)."""
        tx.executemany(
            "INSERT OR REPLACE INTO fields (doc_id, key, value, confidence, edited) VALUES (?, ?, ?, ?, ?)",
            [(doc_id, k, json.dumps(v.value, ensure_ascii=False), v.confidence, int(v.edited))
             for k, v in values.items()],
        )
        if values:
            tx.execute("UPDATE documents SET indexed = 0 WHERE id = ?", (doc_id,))

    def update_document(self, tx: sqlite3.Connection, doc_id: int, **columns: Any) -> None:
        """Set plain columns of a document (``classification`` may be a dict) and mark it for reindexing."""
        allowed = {"status", "type_code", "confidence", "field_of_work", "classification", "notes", "filename"}
        unknown = set(columns) - allowed
        if unknown:
            raise ValueError(f"not updatable: {sorted(unknown)}")
        if "classification" in columns and not isinstance(columns["classification"], str):
            columns["classification"] = json.dumps(columns["classification"], ensure_ascii=False)
        sets = ", ".join(f"{k} = ?" for k in columns)
        cur = tx.execute(f"UPDATE documents SET {sets}, indexed = 0 WHERE id = ?", (*columns.values(), doc_id))
        if cur.rowcount == 0:
            raise NotFound(f"no document with id {doc_id}")

    def set_trashed(self, doc_id: int, trashed: bool) -> None:
        with self.transaction() as tx:
            cur = tx.execute(
                "UPDATE documents SET trashed_at = ?, indexed = 0 WHERE id = ?",
                (now_iso() if trashed else None, doc_id),
            )
            if cur.rowcount == 0:
                raise NotFound(f"no document with id {doc_id}")

    def get(self, doc_id: int) -> Document:
        row = self.connection().execute(f"SELECT {_DOC_COLUMNS} FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise NotFound(f"no document with id {doc_id}")
        doc = _document(row)
        doc.fields = self.fields(doc_id)
        return doc

    def fields(self, doc_id: int) -> dict[str, FieldValue]:
        rows = self.connection().execute(
            "SELECT key, value, confidence, edited FROM fields WHERE doc_id = ? ORDER BY key", (doc_id,))
        return {r["key"]: FieldValue(json.loads(r["value"]), float(r["confidence"]), bool(r["edited"])) for r in rows}

    def pages(self, doc_id: int, *, with_words: bool = False) -> list[Page]:
        cols = "number, text, source, confidence, steps, width, height, marks" + (", words" if with_words else "")
        rows = self.connection().execute(f"SELECT {cols} FROM pages WHERE doc_id = ? ORDER BY number", (doc_id,))
        return [
            Page(number=r["number"], text=r["text"], source=r["source"], confidence=r["confidence"],
                 words=[Word.from_list(w) for w in json.loads(r["words"])] if with_words else [],
                 steps=json.loads(r["steps"]), width=r["width"], height=r["height"],
                 marks=[Mark.from_json(m) for m in json.loads(r["marks"])])
            for r in rows
        ]

    def documents(self, *, status: Optional[str] = None, type_code: Optional[str] = None,
                  ids: Optional[Sequence[int]] = None) -> list[Document]:
        """Documents in id order, filtered. ``status="trashed"`` lists the trash; other statuses exclude it."""
        where, args = [], []  # type: list[str], list[Any]
        if status == "trashed":
            where.append("trashed_at IS NOT NULL")
        else:
            where.append("trashed_at IS NULL")
            if status:
                where.append("status = ?")
                args.append(status)
        if type_code:
            where.append("type_code = ?")
            args.append(type_code)
        if ids is not None:
            where.append(f"id IN ({','.join('?' * len(ids))})")
            args.extend(ids)
        sql = f"SELECT {_DOC_COLUMNS} FROM documents WHERE {' AND '.join(where)} ORDER BY id"
        docs = [_document(r) for r in self.connection().execute(sql, args)]
        if docs:
            by_id = {d.id: d for d in docs}
            rows = self.connection().execute(
                f"SELECT doc_id, key, value, confidence, edited FROM fields WHERE doc_id IN "
                f"({','.join('?' * len(by_id))})", list(by_id))
            for r in rows:
                by_id[r["doc_id"]].fields[r["key"]] = FieldValue(
                    json.loads(r["value"]), float(r["confidence"]), bool(r["edited"]))
        return docs

    def view_ids(self, statuses: Optional[Sequence[str]] = None, *, trashed: bool = False,
                 order: str = "id", descending: bool = False) -> list[int]:
        """Ids of one view (working ``statuses`` or the trash), ordered by a documents column."""
        if order not in ("id", "added", "page_count", "status", "type_code", "filename"):
            raise ValueError(f"cannot order by {order!r}")
        where = ["trashed_at IS NOT NULL" if trashed else "trashed_at IS NULL"]
        if statuses:
            where.append(f"status IN ({','.join('?' * len(statuses))})")
        sql = (f"SELECT id FROM documents WHERE {' AND '.join(where)} "
               f"ORDER BY {order} {'DESC' if descending else 'ASC'}, id")
        return [int(r[0]) for r in self.connection().execute(sql, list(statuses or ()))]

    def field_values(self, key: str) -> dict[int, Any]:
        """``doc_id -> value`` of one field over the whole catalog (for sorting a view)."""
        rows = self.connection().execute("SELECT doc_id, value FROM fields WHERE key = ?", (key,))
        return {int(r[0]): json.loads(r[1]) for r in rows}

    def all_ids(self) -> list[int]:
        return [int(r[0]) for r in self.connection().execute("SELECT id FROM documents ORDER BY id")]

    def stored_originals(self) -> list[tuple[int, str, str, int]]:
        """(id, sha256, suffix, size) of every document, for checks."""
        rows = self.connection().execute("SELECT id, sha256, suffix, size FROM documents ORDER BY id")
        return [(int(r[0]), str(r[1]), str(r[2]), int(r[3])) for r in rows]

    # -- index bookkeeping ------------------------------------------------------------------
    def unindexed_ids(self) -> list[int]:
        return [int(r[0]) for r in self.connection().execute("SELECT id FROM documents WHERE indexed = 0")]

    def mark_indexed(self, ids: Sequence[int]) -> None:
        with self.transaction() as tx:
            tx.executemany("UPDATE documents SET indexed = 1 WHERE id = ?", [(i,) for i in ids])

    def mark_all_unindexed(self) -> None:
        with self.transaction() as tx:
            tx.execute("UPDATE documents SET indexed = 0")

    # -- rejections -------------------------------------------------------------------------
    def add_rejection(self, path: str, filename: str, reason: str, quarantined: Optional[str]) -> int:
        with self.transaction() as tx:
            cur = tx.execute(
                "INSERT INTO rejections (path, filename, reason, at, quarantined) VALUES (?, ?, ?, ?, ?)",
                (path, filename, reason, now_iso(), quarantined))
            return int(cur.lastrowid or 0)

    def rejections(self, limit: int = 1000) -> list[Rejection]:
        rows = self.connection().execute(
            "SELECT id, path, filename, reason, at, quarantined FROM rejections ORDER BY id DESC LIMIT ?", (limit,))
        return [Rejection(*tuple(r)) for r in rows]


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _document(row: sqlite3.Row) -> Document:
    return Document(
        id=row["id"], sha256=row["sha256"], filename=row["filename"], size=row["size"], mime=row["mime"],
        suffix=row["suffix"], added=row["added"], status=row["status"], trashed=row["trashed_at"] is not None,
        text_source=row["text_source"], page_count=row["page_count"], source_path=row["source_path"],
        type_code=row["type_code"], confidence=row["confidence"], field_of_work=row["field_of_work"],
        classification=json.loads(row["classification"] or "{}"), notes=row["notes"],
    )
