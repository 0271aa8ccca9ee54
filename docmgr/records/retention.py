"""Retention (thời hạn lưu trữ), legal holds and the tombstones disposal leaves.

Luật Lưu trữ 2024 Art. 15: a record is kept permanently (vĩnh viễn) or for N years, 2 ≤ N ≤ 70,
counted from the year the work ended; a file's (hồ sơ's) retention is the longest of its items.
Defaults per document type come from ``resources/retention.json`` (editable; values marked
``unconfirmed`` are [U]); a record's own retention (``retention_overrides``) wins.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Optional

from docmgr.core.errors import UsageError

COMPONENT = "records.retention"
MIGRATIONS: list[str] = [
    """
    CREATE TABLE retention_overrides (
        doc_id INTEGER PRIMARY KEY,
        years INTEGER,
        reason TEXT NOT NULL DEFAULT '',
        actor TEXT NOT NULL,
        at TEXT NOT NULL
    );
    CREATE TABLE legal_holds (
        id INTEGER PRIMARY KEY,
        doc_id INTEGER NOT NULL,
        reason TEXT NOT NULL,
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        released_at TEXT,
        released_by TEXT
    );
    CREATE INDEX legal_holds_doc ON legal_holds(doc_id) WHERE released_at IS NULL;
    CREATE TABLE tombstones (
        doc_id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL,
        filename TEXT NOT NULL,
        type_code TEXT,
        metadata TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('retention', 'personal-data')),
        reason TEXT NOT NULL,
        actor TEXT NOT NULL,
        at TEXT NOT NULL
    );
    """,
]
MIN_YEARS, MAX_YEARS = 2, 70


@dataclass(frozen=True)
class Retention:
    """``years`` None = permanent."""

    years: Optional[int]
    source: str  # "record" | "type:QD" | "default"
    unconfirmed: bool = False

    @property
    def permanent(self) -> bool:
        return self.years is None

    def text(self) -> str:
        return "permanent" if self.years is None else f"{self.years} years"

    def until(self, end_year: int) -> Optional[date]:
        """The last day it must be kept (None when permanent)."""
        return None if self.years is None else date(end_year + self.years, 12, 31)


def parse(text: str) -> Optional[int]:
    """``permanent``/``vĩnh viễn`` → None, ``N`` → N (2–70).

    Raises:
        UsageError: anything else.
    """
    folded = text.strip().lower()
    if folded in ("permanent", "vinh vien", "vĩnh viễn", "vv"):
        return None
    try:
        years = int(folded.removesuffix("y").removesuffix(" years").removesuffix(" năm"))
    except ValueError:
        raise UsageError(f"retention {text!r}: 'permanent' or a number of years ({MIN_YEARS}–{MAX_YEARS})") from None
    if not MIN_YEARS <= years <= MAX_YEARS:
        raise UsageError(f"retention {years} years: the law allows {MIN_YEARS} to {MAX_YEARS} years, or permanent")
    return years


def longest(items: Iterable[Retention]) -> Optional[Retention]:
    """A file's retention: the longest of its items (permanent beats any term)."""
    best: Optional[Retention] = None
    for r in items:
        if best is None or r.years is None or (best.years is not None and r.years > best.years):
            best = r
        if best.years is None:
            return best
    return best


class Schedule:
    """The per-type defaults of ``retention.json``."""

    def __init__(self, path: Path) -> None:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        self.path = Path(path)
        self.default = _rule(data.get("default") or {"years": 10}, "default")
        self.types = {code: _rule(rule, f"type:{code}") for code, rule in (data.get("types") or {}).items()}

    def for_type(self, type_code: Optional[str]) -> Retention:
        return self.types.get(type_code or "", self.default)


def _rule(rule: dict[str, Any], source: str) -> Retention:
    years = rule.get("years")
    if years is not None and not MIN_YEARS <= int(years) <= MAX_YEARS:
        raise UsageError(f"retention.json: {source} has {years} years (allowed {MIN_YEARS}–{MAX_YEARS} or null)")
    return Retention(None if years is None else int(years), source, bool(rule.get("unconfirmed")))


def override(conn: sqlite3.Connection, doc_id: int) -> Optional[Retention]:
    row = conn.execute("SELECT years FROM retention_overrides WHERE doc_id = ?", (doc_id,)).fetchone()
    return None if row is None else Retention(row[0], "record")


def overrides(conn: sqlite3.Connection) -> dict[int, Retention]:
    return {int(r[0]): Retention(r[1], "record") for r in conn.execute("SELECT doc_id, years FROM retention_overrides")}


def set_override(tx: sqlite3.Connection, doc_id: int, years: Optional[int], reason: str, actor: str, at: str) -> None:
    tx.execute("INSERT OR REPLACE INTO retention_overrides (doc_id, years, reason, actor, at) VALUES (?, ?, ?, ?, ?)",
               (doc_id, years, reason, actor, at))


def holds(conn: sqlite3.Connection, doc_id: Optional[int] = None) -> list[dict[str, Any]]:
    """Active legal holds (of one document, or all)."""
    sql = "SELECT id, doc_id, reason, actor, at FROM legal_holds WHERE released_at IS NULL"
    rows = conn.execute(sql + (" AND doc_id = ?" if doc_id is not None else "") + " ORDER BY id",
                        (doc_id,) if doc_id is not None else ())
    return [dict(zip(("id", "doc_id", "reason", "actor", "at"), r)) for r in rows]


def held_ids(conn: sqlite3.Connection) -> set[int]:
    return {int(r[0]) for r in conn.execute("SELECT doc_id FROM legal_holds WHERE released_at IS NULL")}


def tombstones(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    rows = conn.execute("SELECT doc_id, sha256, filename, type_code, metadata, kind, reason, actor, at FROM tombstones "
                        "ORDER BY at, doc_id")
    keys = ("id", "sha256", "filename", "type_code", "metadata", "kind", "reason", "actor", "at")
    out = []
    for r in rows:
        item = dict(zip(keys, r))
        item["metadata"] = json.loads(item["metadata"])
        out.append(item)
    return out
