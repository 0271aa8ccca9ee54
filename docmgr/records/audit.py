"""The audit trail: an append-only, hash-chained log of who did what to which record, and when.

Each entry carries the hash of the previous one; its own hash is the sha256 of the canonical JSON
(sorted keys, no spaces, UTF-8) of ``seq, at, actor, action, target, detail, prev``. Editing,
deleting, re-ordering or truncating entries therefore breaks the chain, and the chain head is also
kept outside the catalog (:func:`write_head`: a small JSON file in the library and in every backup)
so that cutting entries off the end is caught too.

This is tamper-*evident*, not tamper-proof: someone who can write both the catalog and the head
file and knows this algorithm can forge a consistent history (there is no secret key). What it
gives is that any change through anything but docmgr's own code shows up in ``docmgr check``.

Public API (usable inside the caller's transaction, e.g. by dossier actions)::

    append(tx, actor, action, target, detail)    # target: doc_target(12), dossier_target("HS…")
    entries(conn, target=None) / verify(conn, head) / read_head(path) / write_head(path, conn)

Entries hold no personal data in ``detail`` (only field names, never their values): the trail is
never edited, so what is written there can never be erased.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional

from docmgr.core.atomic import write_atomic
from docmgr.core.catalog import now_iso

COMPONENT = "records.audit"
MIGRATIONS: list[str] = [
    """
    CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        detail TEXT NOT NULL,
        prev TEXT NOT NULL,
        hash TEXT NOT NULL
    );
    CREATE INDEX audit_log_target ON audit_log(target);
    """,
]
GENESIS = "0" * 64
HEAD_FILE = "audit-head.json"

# what the trail records (other components may add their own action names)
ACTIONS = ("ingest", "confirm", "edit", "trash", "restore", "register", "export", "import", "backup", "restore-backup",
           "dispose", "hold", "release", "retention", "role", "user-add", "user-remove", "sign-in")


@dataclass(frozen=True)
class Entry:
    """One audit entry (``detail`` decoded)."""

    seq: int
    at: str
    actor: str
    action: str
    target: str
    detail: dict[str, Any]
    prev: str
    hash: str

    def to_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "at": self.at, "actor": self.actor, "action": self.action, "target": self.target,
                "detail": self.detail, "hash": self.hash}


@dataclass(frozen=True)
class Problem:
    """The first place the chain does not hold: ``seq`` of the bad (or missing) entry and why."""

    seq: int
    detail: str


def doc_target(doc_id: int) -> str:
    return f"document:{int(doc_id)}"


def dossier_target(code: str) -> str:
    return f"dossier:{code}"


def user_target(name: str) -> str:
    return f"user:{name}"


LIBRARY_TARGET = "library"


def canonical(obj: Any) -> str:
    """The canonical JSON text hashed and stored (sorted keys, compact, UTF-8 kept)."""
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def entry_hash(seq: int, at: str, actor: str, action: str, target: str, detail_json: str, prev: str) -> str:
    """sha256 of the canonical JSON of an entry (``detail`` as its stored canonical text)."""
    body = canonical({"seq": seq, "at": at, "actor": actor, "action": action, "target": target,
                      "detail": detail_json, "prev": prev})
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def append(tx: sqlite3.Connection, actor: str, action: str, target: str,
           detail: Optional[Mapping[str, Any]] = None, *, at: Optional[str] = None) -> Entry:
    """Append one entry inside the caller's write transaction (``BEGIN IMMEDIATE`` serialises the chain).

    Call :func:`write_head` after the transaction commits (``services.audit`` does). A catalog opened
    without the records components (``Library`` directly) gets the audit table here, in the same transaction.
    """
    _ensure_in(tx)
    last = tx.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (int(last[0]) + 1, str(last[1])) if last else (1, GENESIS)
    at = at or now_iso()
    detail_json = canonical(dict(detail or {}))
    digest = entry_hash(seq, at, actor, action, target, detail_json, prev)
    tx.execute("INSERT INTO audit_log (seq, at, actor, action, target, detail, prev, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               (seq, at, actor, action, target, detail_json, prev, digest))
    return Entry(seq, at, actor, action, target, json.loads(detail_json), prev, digest)


def _ensure_in(tx: sqlite3.Connection) -> None:
    """:meth:`Catalog.ensure_component` for this component, inside an open write transaction."""
    row = tx.execute("SELECT version FROM component_schema WHERE component = ?", (COMPONENT,)).fetchone()
    current = 0 if row is None else int(row[0])
    for step in range(current, len(MIGRATIONS)):
        for statement in (s.strip() for s in MIGRATIONS[step].split(";")):
            if statement:
                tx.execute(statement)
        tx.execute("INSERT OR REPLACE INTO component_schema (component, version) VALUES (?, ?)", (COMPONENT, step + 1))


def entries(conn: sqlite3.Connection, *, target: Optional[str] = None,
            targets: Optional[Iterable[str]] = None) -> list[Entry]:
    """Entries in chain order, all or those of one ``target`` (or any of ``targets``)."""
    wanted = [target] if target else list(targets or [])
    if wanted:
        rows = conn.execute(f"SELECT * FROM audit_log WHERE target IN ({','.join('?' * len(wanted))}) ORDER BY seq",
                            wanted)
    else:
        rows = conn.execute("SELECT * FROM audit_log ORDER BY seq")
    return [_entry(r) for r in rows]


def last(conn: sqlite3.Connection) -> Optional[tuple[int, str]]:
    """``(seq, hash)`` of the newest entry, or None for an empty trail."""
    row = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return None if row is None else (int(row[0]), str(row[1]))


def verify(conn: sqlite3.Connection, head: Optional[Mapping[str, Any]]) -> tuple[Optional[Problem], int]:
    """Walk the chain; returns ``(first problem or None, entries checked)``.

    ``head`` is the recorded chain head (:func:`read_head`): the catalog must still hold that entry with
    that hash. Entries after it are allowed (a head file lagging behind a crash between commit and
    write) as long as they chain on correctly.
    """
    expected_seq, prev, count = 1, GENESIS, 0
    for row in conn.execute("SELECT seq, at, actor, action, target, detail, prev, hash FROM audit_log ORDER BY seq"):
        seq = int(row[0])
        count += 1
        if seq != expected_seq:
            return Problem(expected_seq, f"audit entry {expected_seq} is missing (next is {seq})"), count
        if row[6] != prev:
            return Problem(seq, f"audit entry {seq} does not follow entry {seq - 1} (its link to the previous hash "
                                "is broken: edited, deleted or re-ordered)"), count
        if entry_hash(seq, row[1], row[2], row[3], row[4], row[5], row[6]) != row[7]:
            return Problem(seq, f"audit entry {seq} was altered (its content does not match its hash)"), count
        prev, expected_seq = str(row[7]), seq + 1
    if head is None and count:
        return Problem(1, f"the audit trail has {count} entries but its recorded chain head ({HEAD_FILE}) is "
                          "missing"), count
    if head and head.get("damaged"):
        return Problem(1, f"the recorded audit chain head ({HEAD_FILE}) is damaged"), count
    if head:
        head_seq, head_hash = int(head.get("seq", 0)), str(head.get("hash", ""))
        if head_seq >= expected_seq:
            return Problem(expected_seq, f"the audit trail ends at entry {expected_seq - 1} but its recorded head is "
                                         f"entry {head_seq}: entries were cut off"), count
        if head_seq > 0:
            row = conn.execute("SELECT hash FROM audit_log WHERE seq = ?", (head_seq,)).fetchone()
            if row is None or row[0] != head_hash:
                return Problem(head_seq, f"audit entry {head_seq} does not match the recorded chain head"), count
    return None, count


# -- the head outside the catalog ---------------------------------------------------------------
def head_path(root: Path) -> Path:
    return Path(root) / HEAD_FILE


def read_head(path: Path) -> Optional[dict[str, Any]]:
    """The recorded chain head, or None when there is none yet. A damaged file reads as ``{"seq": -1}``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {"seq": -1, "hash": "", "damaged": True}
    return data if isinstance(data, dict) else {"seq": -1, "hash": "", "damaged": True}


def write_head(path: Path, conn: sqlite3.Connection) -> None:
    """Record the catalog's newest entry as the chain head (temporary file, fsync, rename)."""
    newest = last(conn)
    if newest is None:
        return
    current = read_head(path)
    if current and int(current.get("seq", 0)) >= newest[0] and current.get("hash") == newest[1]:
        return
    write_atomic(path, canonical({"seq": newest[0], "hash": newest[1], "at": now_iso()}))


def _entry(row: sqlite3.Row) -> Entry:
    return Entry(int(row["seq"]), row["at"], row["actor"], row["action"], row["target"], json.loads(row["detail"]),
                 row["prev"], row["hash"])
