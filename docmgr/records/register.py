"""The incoming register (sổ đăng ký văn bản đến, Decree 30/2020 Art. 22 and Phụ lục IV).

One number series per book per year: the first document received in a year is number 1, then 2, 3…
with no gap and no number used twice. The series counter and the entry are written in one
``BEGIN IMMEDIATE`` transaction, so two processes registering at once are serialised and a process
killed half-way leaves nothing behind (SQLite rolls the transaction back). Numbers are never
reused: the counter (``register_series.last``) only grows, even if an entry row were removed.

Secret documents go in their own book (``mat``: Sổ đăng ký bí mật nhà nước đến, Art. 22 cl. 4). A
document is entered once per book; entering it again returns its existing entry.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any, Optional

COMPONENT = "records.register"
MIGRATIONS: list[str] = [
    """
    CREATE TABLE register_books (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        secret INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO register_books (code, name, secret) VALUES ('den', 'Sổ đăng ký văn bản đến', 0);
    INSERT INTO register_books (code, name, secret) VALUES ('mat', 'Sổ đăng ký bí mật nhà nước đến', 1);
    CREATE TABLE register_series (
        book TEXT NOT NULL REFERENCES register_books(code),
        year INTEGER NOT NULL,
        last INTEGER NOT NULL,
        PRIMARY KEY (book, year)
    );
    CREATE TABLE register_entries (
        book TEXT NOT NULL REFERENCES register_books(code),
        year INTEGER NOT NULL,
        number INTEGER NOT NULL,
        doc_id INTEGER NOT NULL,
        arrived TEXT NOT NULL,
        sender TEXT NOT NULL DEFAULT '',
        doc_number TEXT NOT NULL DEFAULT '',
        doc_date TEXT NOT NULL DEFAULT '',
        type_summary TEXT NOT NULL DEFAULT '',
        recipient TEXT NOT NULL DEFAULT '',
        transferred TEXT NOT NULL DEFAULT '',
        signed TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        actor TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (book, year, number),
        UNIQUE (book, doc_id)
    );
    """,
]
DEFAULT_BOOK = "den"
SECRET_BOOK = "mat"

# the 10 columns of Phụ lục IV (key, Vietnamese heading)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("arrived", "Ngày đến"), ("number", "Số đến"), ("sender", "Tác giả"), ("doc_number", "Số, ký hiệu văn bản"),
    ("doc_date", "Ngày tháng văn bản"), ("type_summary", "Tên loại và trích yếu nội dung"),
    ("recipient", "Đơn vị hoặc người nhận"), ("transferred", "Ngày chuyển"), ("signed", "Ký nhận"),
    ("notes", "Ghi chú"),
)


@dataclass(frozen=True)
class Book:
    code: str
    name: str
    secret: bool


@dataclass(frozen=True)
class Entry:
    """One row of the register."""

    book: str
    year: int
    number: int
    doc_id: int
    arrived: str
    sender: str = ""
    doc_number: str = ""
    doc_date: str = ""
    type_summary: str = ""
    recipient: str = ""
    transferred: str = ""
    signed: str = ""
    notes: str = ""
    actor: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def number_text(self) -> str:
        """The number as printed: a leading 0 below 10 (Phụ lục I)."""
        return f"{self.number:02d}"


def books(conn: sqlite3.Connection) -> list[Book]:
    return [Book(r[0], r[1], bool(r[2])) for r in conn.execute("SELECT code, name, secret FROM register_books "
                                                                 "ORDER BY secret, code")]


def book(conn: sqlite3.Connection, code: str) -> Optional[Book]:
    row = conn.execute("SELECT code, name, secret FROM register_books WHERE code = ?", (code,)).fetchone()
    return None if row is None else Book(row[0], row[1], bool(row[2]))


def existing(conn: sqlite3.Connection, book_code: str, doc_id: int) -> Optional[Entry]:
    row = conn.execute("SELECT * FROM register_entries WHERE book = ? AND doc_id = ?", (book_code, doc_id)).fetchone()
    return None if row is None else _entry(row)


def add(tx: sqlite3.Connection, book_code: str, doc_id: int, arrived: datetime, columns: dict[str, str],
        actor: str) -> tuple[Entry, bool]:
    """Enter ``doc_id`` in a book inside the caller's write transaction; ``(entry, created)``.

    The number is the next of that book's series for ``arrived.year``.
    """
    found = existing(tx, book_code, doc_id)
    if found is not None:
        return found, False
    year = arrived.year
    row = tx.execute("SELECT last FROM register_series WHERE book = ? AND year = ?", (book_code, year)).fetchone()
    number = (int(row[0]) if row else 0) + 1
    tx.execute("INSERT INTO register_series (book, year, last) VALUES (?, ?, ?) "
               "ON CONFLICT(book, year) DO UPDATE SET last = excluded.last", (book_code, year, number))
    entry = Entry(book=book_code, year=year, number=number, doc_id=doc_id,
                  arrived=arrived.date().isoformat(), actor=actor,
                  **{k: str(columns.get(k) or "") for k, _ in COLUMNS if k not in ("arrived", "number")})
    values = entry.to_json()
    tx.execute(f"INSERT INTO register_entries ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
               list(values.values()))
    return entry, True


def entries(conn: sqlite3.Connection, *, book_code: Optional[str] = None, year: Optional[int] = None) -> list[Entry]:
    """Rows in register order (book, year, number)."""
    where, args = [], []  # type: list[str], list[Any]
    if book_code:
        where.append("book = ?")
        args.append(book_code)
    if year:
        where.append("year = ?")
        args.append(year)
    sql = "SELECT * FROM register_entries" + (f" WHERE {' AND '.join(where)}" if where else "")
    return [_entry(r) for r in conn.execute(sql + " ORDER BY book, year, number", args)]


def _entry(row: sqlite3.Row) -> Entry:
    return Entry(**{k: row[k] for k in row.keys()})


def secrecy_warning(mark: Any) -> Optional[str]:
    """The intake warning for a document carrying a secrecy mark (field ``secrecy``), else None.

    TT 03/2025/TT-VPCP Art. 5: secret documents are not digitised at the one-stop intake.
    """
    value = getattr(mark, "value", mark)
    if not value:
        return None
    return (f"marked «{value}»: secret documents are not digitised at intake (TT 03/2025/TT-VPCP Art. 5); keep the "
            f"paper under the state-secrets rules and register it in the secret book (--book {SECRET_BOOK})")
