"""The users of a library and their roles: clerk (văn thư: files and registers), archivist (lưu trữ:
retention, disposal, users) and leader (lãnh đạo: reads the figures).

A user is matched by name to the acting user (:func:`docmgr.core.actor.current_actor`: the OS user
or ``DOCMGR_USER``); a user may also have a password (scrypt, salted) for the app's sign-in.

**This is not a security boundary.** The catalog is a file on the office PC: anyone who can write
it (an administrator of the PC, or the user who owns the files) can change the roles. Roles keep
honest people from doing the wrong thing by mistake and put a name on every action in the audit
trail; they do not stop a determined administrator.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import sqlite3
from dataclasses import dataclass
from typing import Optional

from docmgr.core.errors import DocmgrError

COMPONENT = "records.users"
MIGRATIONS: list[str] = [
    """
    CREATE TABLE users (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('clerk', 'archivist', 'leader')),
        password TEXT,
        created TEXT NOT NULL
    );
    """,
]
ROLES = ("clerk", "archivist", "leader")
ROLE_NAMES_VI = {"clerk": "Văn thư", "archivist": "Lưu trữ", "leader": "Lãnh đạo"}
_SCRYPT = {"n": 2 ** 14, "r": 8, "p": 1}


class PermissionDenied(DocmgrError):
    """The acting user lacks the role an action needs (or is not a user of the library)."""


@dataclass(frozen=True)
class User:
    name: str
    role: str
    has_password: bool
    created: str


def hash_password(password: str) -> str:
    """``scrypt$n$r$p$salt$hash`` (base64) of a password."""
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, dklen=32, **_SCRYPT)
    b64 = base64.b64encode
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${b64(salt).decode()}${b64(digest).decode()}"


def check_password(stored: Optional[str], password: str) -> bool:
    """Whether ``password`` matches a stored hash (constant-time compare)."""
    try:
        kind, n, r, p, salt, digest = (stored or "").split("$")
        if kind != "scrypt":
            return False
        got = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt), dklen=32, n=int(n), r=int(r),
                             p=int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, base64.b64decode(digest))


def get(conn: sqlite3.Connection, name: str) -> Optional[User]:
    row = conn.execute("SELECT name, role, password, created FROM users WHERE name = ?", (name,)).fetchone()
    return None if row is None else User(row[0], row[1], bool(row[2]), row[3])


def password_hash(conn: sqlite3.Connection, name: str) -> Optional[str]:
    row = conn.execute("SELECT password FROM users WHERE name = ?", (name,)).fetchone()
    return None if row is None else row[0]


def all_users(conn: sqlite3.Connection) -> list[User]:
    return [User(r[0], r[1], bool(r[2]), r[3])
            for r in conn.execute("SELECT name, role, password, created FROM users ORDER BY name")]


def count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT COUNT(*) FROM users").fetchone()[0])


def put(tx: sqlite3.Connection, name: str, role: str, created: str, password: Optional[str] = None) -> None:
    """Add a user or change its role (and password when given)."""
    if role not in ROLES:
        from docmgr.core.errors import UsageError

        raise UsageError(f"unknown role {role!r} (one of: {', '.join(ROLES)})")
    tx.execute("INSERT INTO users (name, role, password, created) VALUES (?, ?, ?, ?) "
               "ON CONFLICT(name) DO UPDATE SET role = excluded.role, "
               "password = COALESCE(excluded.password, users.password)",
               (name, role, hash_password(password) if password else None, created))


def remove(tx: sqlite3.Connection, name: str) -> bool:
    return tx.execute("DELETE FROM users WHERE name = ?", (name,)).rowcount > 0
