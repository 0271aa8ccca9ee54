"""Views over the catalog for a browsing UI: the ids of a view in a chosen order, rows for a page of
those ids, and a page image rendered from the original. Qt-free, so the GUI's list model stays thin."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional, Sequence

from docmgr.core.library import Library
from docmgr.core.text import sort_key

# view name -> SQL condition on documents; besides these, the filtered views ``type:<code>``,
# ``year:<yyyy>`` and ``normative:1`` / ``normative:0`` (documents not in the trash, see :data:`FILTERS`)
VIEWS: dict[str, str] = {
    "review": "trashed_at IS NULL AND status IN ('inbox', 'needs-review')",
    "all": "trashed_at IS NULL",
    "trash": "trashed_at IS NOT NULL",
}
# filtered view prefix -> SQL condition with one parameter (among the documents not in the trash);
# a document's year is the year of its issued date, else of the day it was added (as the search's facet)
FILTERS: dict[str, str] = {"type": "trashed_at IS NULL AND type_code IS ?",
                           "year": "trashed_at IS NULL AND year = ?",
                           "normative": "trashed_at IS NULL AND normative = ?"}
# sortable columns -> the documents column that orders them (text columns hold core.text.sort_text
# keys, so SQLite's binary order is the Vietnamese collation); "type" orders by the types' names
COLUMNS = ("type", "number", "issued", "issuer", "pages", "status", "filename")
_ORDER = {"id": "id", "pages": "page_count", "status": "status", "number": "k_number", "issued": "f_issued",
          "issuer": "k_issuer", "filename": "k_filename", "added": "added"}
_ROW_SQL = ("SELECT id, type_code, f_number, f_issued, f_issuer, page_count, status, trashed_at, filename, normative "
            "FROM documents WHERE id IN ({})")
_CHUNK = 500  # ids bound in one IN (…): far below SQLite's variable limit on every platform


@dataclass(frozen=True)
class Row:
    """What a list shows for one document."""

    id: int
    type: str
    number: str
    issued: str
    issuer: str
    pages: int
    status: str
    filename: str
    normative: bool = False  # a legal normative document: the list marks it beside the type

    def value(self, column: str) -> Any:
        return getattr(self, column)


def type_names() -> dict[str, str]:
    """Type code -> Vietnamese name (cached once per process)."""
    from docmgr.services.classify import type_names as names  # the classifier's modules load lazily

    return names()


def _condition(view: str) -> tuple[str, list[Any]]:
    if view in VIEWS:
        return VIEWS[view], []
    kind, _, value = view.partition(":")
    if kind not in FILTERS:
        raise ValueError(f"unknown view {view!r}")
    if kind == "type":
        return FILTERS[kind], [value or None]
    if kind == "normative":
        return FILTERS[kind], [0 if value == "0" else 1]
    return FILTERS[kind], [value]


def view_ids(library: Library, view: str, column: str = "id", descending: bool = False) -> list[int]:
    """Ids of ``view`` (a key of :data:`VIEWS`, ``type:<code>`` or ``year:<yyyy>``) sorted by ``column``;
    text sorts with Vietnamese collation, empty values last in either direction. One SQL query."""
    where, args = _condition(view)
    direction = "DESC" if descending else "ASC"
    if column == "type":
        names = type_names()
        ranked = sorted(names, key=lambda c: (sort_key(names[c]), c))
        # unknown or missing types last
        order = f"CASE type_code {' '.join('WHEN ? THEN ?' for _ in ranked)} ELSE {len(ranked)} END {direction}"
        args = args + [v for rank, code in enumerate(ranked) for v in (code, rank)]
        order = f"type_code IS NULL, {order}"
    elif column in _ORDER:
        col = _ORDER[column]
        order = f"{col} {direction}"
        if col.startswith(("k_", "f_")):
            order = f"{col} = '', {order}"
    else:
        raise ValueError(f"cannot sort by {column!r}")
    sql = f"SELECT id FROM documents WHERE {where} ORDER BY {order}, id {direction}"
    return [int(r[0]) for r in library.catalog.connection().execute(sql, args)]


def type_counts(library: Library) -> list[tuple[str, str, int]]:
    """``(type code, Vietnamese name, documents)`` of the types in use (not in the trash), sorted by
    name with Vietnamese collation; unclassified documents come last with code ``""``."""
    names = type_names()
    rows = library.catalog.connection().execute(
        "SELECT type_code, COUNT(*) FROM documents WHERE trashed_at IS NULL GROUP BY type_code")
    named = [(str(code or ""), names.get(code, str(code)) if code else "", int(n)) for code, n in rows]
    return sorted(named, key=lambda t: (not t[0], sort_key(t[1]), t[0]))


def year_counts(library: Library) -> list[tuple[int, int]]:
    """``(year, documents)`` of the documents not in the trash, newest year first (the year of the
    issued date, else of the day the document was added)."""
    rows = library.catalog.connection().execute(
        "SELECT year, COUNT(*) FROM documents WHERE trashed_at IS NULL GROUP BY year")
    return sorted(((int(y), int(n)) for y, n in rows if str(y).isdigit()), reverse=True)


def rows(library: Library, ids: Sequence[int]) -> list[Row]:
    """Rows for ``ids``, in the same order (ids no longer in the catalog are left out). Reads only the
    documents table: the listed fields are its columns."""
    names = type_names()
    conn = library.catalog.connection()
    by_id: dict[int, Row] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start:start + _CHUNK])
        for r in conn.execute(_ROW_SQL.format(",".join("?" * len(chunk))), chunk):
            code = r["type_code"]
            by_id[int(r["id"])] = Row(int(r["id"]), names.get(code, code) if code else "", r["f_number"],
                                      r["f_issued"], r["f_issuer"], int(r["page_count"]),
                                      "trashed" if r["trashed_at"] is not None else r["status"], r["filename"],
                                      bool(r["normative"]))
    return [by_id[i] for i in ids if i in by_id]


def page_image(library: Library, doc_id: int, number: int, scale: float = 1.0) -> Optional[Any]:
    """Page ``number`` (1-based) of the original as a PIL image, or None when the original has no pages
    to draw (text, .docx, an office file without its rendition). ``scale`` 1.0 is 72 dpi for PDFs and the native size for images."""
    doc = library.catalog.get(doc_id)
    path = library.original_path(doc.sha256, doc.suffix)
    if doc.mime != "application/pdf" and not doc.mime.startswith("image/"):
        from docmgr.services.archive import rendition_path

        path = rendition_path(library, doc.sha256)   # an office file: its PDF rendition, when there is one
        if not path.is_file():
            return None
    if doc.mime == "application/pdf" or path.suffix == ".pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        try:
            if not 1 <= number <= len(pdf):
                return None
            page = pdf[number - 1]
            try:
                return page.render(scale=scale).to_pil()
            finally:
                page.close()
        finally:
            pdf.close()
    if doc.mime.startswith("image/"):
        from PIL import Image

        with Image.open(path) as img:
            img.seek(min(number - 1, getattr(img, "n_frames", 1) - 1))
            frame = img.convert("RGB")
        if scale != 1.0:
            frame = frame.resize((max(1, int(frame.width * scale)), max(1, int(frame.height * scale))))
        return frame
    return None
