"""Which documents belong to which dossier, read from the dossier tables when this build has them.

The dossier tables belong to ``docmgr.records`` dossiers (another component); the archive only reads
them — for a file's retention (the longest of its items), exports by dossier and the leaders' figures —
and works without them. The link table is found by its columns: ``dossier_documents`` with
``doc_id`` and either a dossier code column (``dossier_code`` / ``code``) or ``dossier_id`` joined to
``dossiers.id``.
"""

from __future__ import annotations

import sqlite3
from typing import Optional


def tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}


def _link_sql(conn: sqlite3.Connection) -> Optional[str]:
    """``SELECT code, doc_id`` over the link table, or None when there is none."""
    if "dossier_documents" not in tables(conn):
        return None
    cols = columns(conn, "dossier_documents")
    if "doc_id" not in cols:
        return None
    for code_col in ("dossier_code", "code"):
        if code_col in cols:
            return f"SELECT {code_col} AS code, doc_id FROM dossier_documents"
    if "dossier_id" in cols and "dossiers" in tables(conn) and {"id", "code"} <= columns(conn, "dossiers"):
        return ("SELECT d.code AS code, dd.doc_id AS doc_id FROM dossier_documents dd "
                "JOIN dossiers d ON d.id = dd.dossier_id")
    return None


def dossier_groups(conn: sqlite3.Connection) -> list[list[int]]:
    """The document ids of each dossier (empty when there are no dossier tables)."""
    sql = _link_sql(conn)
    if sql is None:
        return []
    groups: dict[str, list[int]] = {}
    for code, doc_id in conn.execute(sql):
        groups.setdefault(str(code), []).append(int(doc_id))
    return list(groups.values())


def documents_of(conn: sqlite3.Connection, code: str) -> Optional[list[int]]:
    """The document ids of dossier ``code``; None when there are no dossier tables or no such dossier."""
    sql = _link_sql(conn)
    if sql is None:
        return None
    ids = [int(r[0]) for r in conn.execute(f"SELECT doc_id FROM ({sql}) WHERE code = ? ORDER BY doc_id", (code,))]
    if ids:
        return ids
    if "dossiers" in tables(conn) and "code" in columns(conn, "dossiers"):
        found = conn.execute("SELECT 1 FROM dossiers WHERE code = ?", (code,)).fetchone()
        return [] if found else None
    return None
