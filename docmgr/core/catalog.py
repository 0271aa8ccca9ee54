"""The SQLite catalog: the source of truth for what the library holds.

WAL journal (readers never block the writer), foreign keys on, schema upgraded step by step through
``PRAGMA user_version``. One connection per thread; writes go through :meth:`Catalog.transaction`,
which is all-or-nothing.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from contextlib import contextmanager, nullcontext
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, ContextManager, Iterable, Iterator, Optional, Sequence

from docmgr.core.errors import LibraryError, NotFound, UsageError
from docmgr.core.models import Document, FieldValue, Mark, Page, Rejection, Word
from docmgr.core.text import sort_text

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
    # 4: the fields a list shows and sorts by, as plain columns of documents kept in step with the
    # fields table by triggers (whatever writes a field), so a view's order, filters and counts come
    # from SQL and indexes; k_* hold core.text.sort_text keys (binary order = Vietnamese collation)
    """
    ALTER TABLE documents ADD COLUMN f_number TEXT NOT NULL DEFAULT '';
    ALTER TABLE documents ADD COLUMN f_issued TEXT NOT NULL DEFAULT '';
    ALTER TABLE documents ADD COLUMN f_issuer TEXT NOT NULL DEFAULT '';
    ALTER TABLE documents ADD COLUMN k_number TEXT NOT NULL DEFAULT '';
    ALTER TABLE documents ADD COLUMN k_issuer TEXT NOT NULL DEFAULT '';
    ALTER TABLE documents ADD COLUMN k_filename TEXT NOT NULL DEFAULT '';
    ALTER TABLE documents ADD COLUMN year TEXT NOT NULL DEFAULT '';
    CREATE TRIGGER documents_list_new AFTER INSERT ON documents BEGIN
        UPDATE documents SET k_filename = docmgr_sort_text(NEW.filename), year = substr(NEW.added, 1, 4)
        WHERE id = NEW.id;
    END;
    CREATE TRIGGER documents_list_renamed AFTER UPDATE OF filename ON documents BEGIN
        UPDATE documents SET k_filename = docmgr_sort_text(NEW.filename) WHERE id = NEW.id;
    END;
    """ + "".join(f"""
    CREATE TRIGGER fields_list_{event.lower()} AFTER {event} ON fields
    WHEN {row}.key IN ('number', 'issued', 'issuer') BEGIN
        UPDATE documents SET
            f_number = COALESCE((SELECT json_extract(value, '$') FROM fields WHERE doc_id = {row}.doc_id AND key = 'number'), ''),
            f_issued = COALESCE((SELECT json_extract(value, '$') FROM fields WHERE doc_id = {row}.doc_id AND key = 'issued'), ''),
            f_issuer = COALESCE((SELECT json_extract(value, '$') FROM fields WHERE doc_id = {row}.doc_id AND key = 'issuer'), '')
        WHERE id = {row}.doc_id;
        UPDATE documents SET k_number = docmgr_sort_text(f_number), k_issuer = docmgr_sort_text(f_issuer),
            year = CASE WHEN f_issued != '' THEN substr(f_issued, 1, 4) ELSE substr(added, 1, 4) END
        WHERE id = {row}.doc_id;
    END;""" for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD"))) + """
    UPDATE documents SET
        f_number = COALESCE((SELECT json_extract(value, '$') FROM fields WHERE doc_id = documents.id AND key = 'number'), ''),
        f_issued = COALESCE((SELECT json_extract(value, '$') FROM fields WHERE doc_id = documents.id AND key = 'issued'), ''),
        f_issuer = COALESCE((SELECT json_extract(value, '$') FROM fields WHERE doc_id = documents.id AND key = 'issuer'), '');
    UPDATE documents SET k_number = docmgr_sort_text(f_number), k_issuer = docmgr_sort_text(f_issuer),
        k_filename = docmgr_sort_text(filename),
        year = CASE WHEN f_issued != '' THEN substr(f_issued, 1, 4) ELSE substr(added, 1, 4) END;
    CREATE INDEX documents_k_number ON documents(trashed_at, k_number);
    CREATE INDEX documents_k_issuer ON documents(trashed_at, k_issuer);
    CREATE INDEX documents_k_filename ON documents(trashed_at, k_filename);
    CREATE INDEX documents_f_issued ON documents(trashed_at, f_issued);
    CREATE INDEX documents_year ON documents(trashed_at, year);
    CREATE INDEX documents_added ON documents(trashed_at, added);
    CREATE INDEX documents_pending ON documents(indexed) WHERE indexed != 1;
    """,
    # 5: what the watched inbox folder handed out (a restart does not take, nor hash, those files again)
    """
    CREATE TABLE inbox_taken (
        path TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        sha256 TEXT,
        taken TEXT NOT NULL
    );
    """,
    # 6: normative status is a flag, not a type: QD-QPPL / NQ-QPPL become Quyết định / Nghị quyết + normative;
    #    legal document types and numbers of the n/yyyy/… family are normative
    """
    ALTER TABLE documents ADD COLUMN normative INTEGER NOT NULL DEFAULT 0;
    UPDATE documents SET normative = 1
        WHERE type_code IN ('QD-QPPL', 'NQ-QPPL', 'HP', 'BLUAT', 'LUAT', 'PL', 'LENH', 'ND', 'TT', 'TTLT')
           OR id IN (SELECT doc_id FROM fields WHERE key = 'number' AND value GLOB '"[0-9]*/[12][0-9][0-9][0-9]/*');
    UPDATE documents SET type_code = 'QD', indexed = 0 WHERE type_code = 'QD-QPPL';
    UPDATE documents SET type_code = 'NQ', indexed = 0 WHERE type_code = 'NQ-QPPL';
    UPDATE documents SET classification = replace(replace(classification, '"QD-QPPL"', '"QD"'), '"NQ-QPPL"', '"NQ"')
        WHERE classification LIKE '%-QPPL%';
    CREATE INDEX documents_normative ON documents(normative);
    """,
    # 7: seals and handwritten signatures found on scanned pages (JSON [{kind, box}], page pixels)
    """
    ALTER TABLE pages ADD COLUMN marks TEXT NOT NULL DEFAULT '[]';
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)

_DOC_COLUMNS = (
    "id, sha256, filename, size, mime, suffix, added, status, trashed_at, text_source, page_count, "
    "source_path, type_code, confidence, field_of_work, classification, notes, normative"
)


# a list of ids bound as ONE parameter (a JSON array): SQLite limits the variables of a statement
# (999 in old builds, 32,766 in CPython's Windows build), and a library holds more documents than that
_ID_LIST = "(SELECT value FROM json_each(?))"


def _id_list(ids: Iterable[int]) -> str:
    return json.dumps([int(i) for i in ids])


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
                conn.row_factory = sqlite3.Row
                conn.create_function("docmgr_sort_text", 1, _sort_text, deterministic=True)
                conn.execute("PRAGMA foreign_keys = ON")
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
            except sqlite3.Error as exc:
                raise LibraryError(f"{self.path}: cannot open the catalog ({exc}){_disk_state(self.path.parent)}") from exc
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
            " source_path, type_code, confidence, field_of_work, classification, notes, normative)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc.sha256, doc.filename, doc.size, doc.mime, doc.suffix, doc.added, doc.status, doc.text_source,
             len(pages), doc.source_path, doc.type_code, doc.confidence, doc.field_of_work,
             json.dumps(doc.classification, ensure_ascii=False), doc.notes, int(doc.normative)),
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

    def clear_fields(self, tx: sqlite3.Connection, doc_id: int, keys: Sequence[str]) -> None:
        """Remove these fields of a document (a clerk cleared them)."""
        if keys:
            tx.executemany("DELETE FROM fields WHERE doc_id = ? AND key = ?", [(doc_id, k) for k in keys])
            tx.execute("UPDATE documents SET indexed = 0 WHERE id = ?", (doc_id,))

    def update_document(self, tx: sqlite3.Connection, doc_id: int, **columns: Any) -> None:
        """Set plain columns of a document (``classification`` may be a dict) and mark it for reindexing."""
        allowed = {"status", "type_code", "confidence", "field_of_work", "classification", "notes", "filename",
                   "normative"}
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
        """Move a document to the trash or back.

        Raises:
            NotFound: no document with that id.
            UsageError: it is already in the trash (``trashed``) or not in it.
        """
        with self.transaction() as tx:
            cur = tx.execute(
                "UPDATE documents SET trashed_at = ?, indexed = 0 WHERE id = ? AND (trashed_at IS NULL) = ?",
                (now_iso() if trashed else None, doc_id, trashed),
            )
            if cur.rowcount == 0:
                if tx.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is None:
                    raise NotFound(f"no document with id {doc_id}")
                raise UsageError(f"document {doc_id} is already in the trash" if trashed
                                 else f"document {doc_id} is not in the trash (nothing to restore)")

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
                  ids: Optional[Sequence[int]] = None, normative: Optional[bool] = None) -> list[Document]:
        """Documents in id order, filtered. ``status="trashed"`` lists the trash; other statuses exclude it."""
        where, args = _filters(status, type_code, normative)
        if ids is not None:
            where.append(f"id IN {_ID_LIST}")
            args.append(_id_list(ids))
        sql = f"SELECT {_DOC_COLUMNS} FROM documents WHERE {' AND '.join(where)} ORDER BY id"
        docs = [_document(r) for r in self.connection().execute(sql, args)]
        if docs:
            by_id = {d.id: d for d in docs}
            rows = self.connection().execute(
                f"SELECT doc_id, key, value, confidence, edited FROM fields WHERE doc_id IN {_ID_LIST}",
                (_id_list(by_id),))
            for r in rows:
                by_id[r["doc_id"]].fields[r["key"]] = FieldValue(
                    json.loads(r["value"]), float(r["confidence"]), bool(r["edited"]))
        return docs

    def iter_documents(self, *, status: Optional[str] = None, type_code: Optional[str] = None,
                       chunk: int = 500) -> Iterator[Document]:
        """:meth:`documents` in id order, read ``chunk`` at a time: memory stays flat and the first
        document comes at once, whatever the library's size."""
        where, args = _filters(status, type_code, None)
        sql = f"SELECT id FROM documents WHERE id > ? AND {' AND '.join(where)} ORDER BY id LIMIT ?"
        last = 0
        while True:
            ids = [int(r[0]) for r in self.connection().execute(sql, [last, *args, chunk])]
            if not ids:
                return
            yield from self.documents(status=status, ids=ids)
            last = ids[-1]

    def field_values(self, key: str) -> dict[int, Any]:
        """``doc_id -> value`` of one field over the whole catalog."""
        rows = self.connection().execute("SELECT doc_id, value FROM fields WHERE key = ?", (key,))
        return {int(r[0]): json.loads(r[1]) for r in rows}

    def all_ids(self) -> list[int]:
        return [int(r[0]) for r in self.connection().execute("SELECT id FROM documents ORDER BY id")]

    def stored_originals(self) -> list[tuple[int, str, str, int]]:
        """(id, sha256, suffix, size) of every document, for checks."""
        rows = self.connection().execute("SELECT id, sha256, suffix, size FROM documents ORDER BY id")
        return [(int(r[0]), str(r[1]), str(r[2]), int(r[3])) for r in rows]

    # -- index bookkeeping ------------------------------------------------------------------
    # ``indexed``: 1 in the index as the row is now; 0 changed since (to index); 2 claimed by an index
    # writer that is writing it now (a change meanwhile sets 0 again, so the writer's mark does not stick)
    def unindexed_ids(self) -> list[int]:
        """Documents the index does not hold as they are now (changed, or claimed by a writer that may
        have died)."""
        return [int(r[0]) for r in self.connection().execute("SELECT id FROM documents WHERE indexed != 1")]

    def claim_unindexed(self) -> list[int]:
        """Claim every pending document for an index writer (see :meth:`mark_indexed`)."""
        with self.transaction() as tx:
            tx.execute("UPDATE documents SET indexed = 2 WHERE indexed = 0")
            return [int(r[0]) for r in tx.execute("SELECT id FROM documents WHERE indexed != 1 ORDER BY id")]

    def mark_indexed(self, ids: Sequence[int], *, claimed: bool = False) -> None:
        """Record that the index holds these documents; with ``claimed``, only those not changed since
        they were claimed (:meth:`claim_unindexed`)."""
        sql = "UPDATE documents SET indexed = 1 WHERE id = ?" + (" AND indexed = 2" if claimed else "")
        with self.transaction() as tx:
            tx.executemany(sql, [(i,) for i in ids])

    def mark_all_unindexed(self) -> None:
        with self.transaction() as tx:
            tx.execute("UPDATE documents SET indexed = 0")

    # -- the watched inbox ---------------------------------------------------------------------
    def inbox_taken(self) -> dict[str, tuple[int, int]]:
        """``path -> (size, mtime_ns)`` of every file the watched inbox handed out."""
        rows = self.connection().execute("SELECT path, size, mtime_ns FROM inbox_taken")
        return {str(r[0]): (int(r[1]), int(r[2])) for r in rows}

    def remember_inbox(self, entries: Sequence[tuple[str, int, int, Optional[str]]]) -> None:
        """Keep ``(path, size, mtime_ns, sha256)`` of files the inbox handed out (sha256 None: not filed)."""
        with self.transaction() as tx:
            tx.executemany("INSERT OR REPLACE INTO inbox_taken (path, size, mtime_ns, sha256, taken) "
                           "VALUES (?, ?, ?, ?, ?)", [(*e, now_iso()) for e in entries])

    # -- rejections -------------------------------------------------------------------------
    def add_rejection(self, path: str, filename: str, reason: str, quarantined: Optional[str]) -> int:
        with self.transaction() as tx:
            cur = tx.execute(
                "INSERT INTO rejections (path, filename, reason, at, quarantined) VALUES (?, ?, ?, ?, ?)",
                (path, filename, reason, now_iso(), quarantined))
            return int(cur.lastrowid or 0)

    def quarantined_as(self, filename: str) -> list[tuple[int, str]]:
        """``(rejection id, quarantine copy)`` of the rejected inputs named ``filename`` that have a copy."""
        rows = self.connection().execute(
            "SELECT id, quarantined FROM rejections WHERE filename = ? AND quarantined IS NOT NULL", (filename,))
        return [(int(r[0]), str(r[1])) for r in rows]

    def forget_quarantined(self, rejection_id: int) -> None:
        """The quarantine copy of this rejection is gone (the file was filed since)."""
        with self.transaction() as tx:
            tx.execute("UPDATE rejections SET quarantined = NULL WHERE id = ?", (rejection_id,))

    def rejections(self, limit: int = 1000) -> list[Rejection]:
        rows = self.connection().execute(
            "SELECT id, path, filename, reason, at, quarantined FROM rejections ORDER BY id DESC LIMIT ?", (limit,))
        return [Rejection(*tuple(r)) for r in rows]


def _filters(status: Optional[str], type_code: Optional[str],
             normative: Optional[bool]) -> tuple[list[str], list[Any]]:
    """The WHERE terms and arguments of a documents listing (``status="trashed"``: the trash)."""
    where: list[str] = ["trashed_at IS NOT NULL" if status == "trashed" else "trashed_at IS NULL"]
    args: list[Any] = []
    if status and status != "trashed":
        where.append("status = ?")
        args.append(status)
    if type_code:
        where.append("type_code = ?")
        args.append(type_code)
    if normative is not None:
        where.append("normative = ?")
        args.append(int(normative))
    return where, args


def _sort_text(value: Any) -> str:
    """``docmgr_sort_text(x)`` in SQL: the collation key of a list column ('' stays '')."""
    return sort_text(str(value)) if value else ""


def _disk_state(folder: Path) -> str:
    """"; the library is read-only" or "; the disk is full" when that is why SQLite failed, else ""."""
    import shutil

    try:
        if not os.access(folder, os.W_OK):
            return "; the library is read-only"
        if shutil.disk_usage(folder).free < 1 << 20:
            return "; the disk is full"
    except OSError:
        pass
    return ""


def _statements(script: str) -> list[str]:
    """The statements of a migration step (a trigger's body keeps its own semicolons)."""
    out, buffer = [], ""
    for piece in script.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \n;"):
                out.append(buffer.strip().rstrip(";").strip())
            buffer = ""
    return out


def _document(row: sqlite3.Row) -> Document:
    return Document(
        id=row["id"], sha256=row["sha256"], filename=row["filename"], size=row["size"], mime=row["mime"],
        suffix=row["suffix"], added=row["added"], status=row["status"], trashed=row["trashed_at"] is not None,
        text_source=row["text_source"], page_count=row["page_count"], source_path=row["source_path"],
        type_code=row["type_code"], confidence=row["confidence"], field_of_work=row["field_of_work"],
        classification=json.loads(row["classification"] or "{}"), notes=row["notes"],
        normative=bool(row["normative"]),
    )
