"""Views over the catalog for a browsing UI: the ids of a view in a chosen order, rows for a page of
those ids, and a page image rendered from the original. Qt-free, so the GUI's list model stays thin."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Optional, Sequence

from docmgr.core.library import Library
from docmgr.core.text import sort_key

# view name -> (working statuses or None for all, trashed); besides these, the filtered views
# ``type:<code>`` and ``year:<yyyy>`` (documents not in the trash, see :data:`FILTERS`)
VIEWS: dict[str, tuple[Optional[tuple[str, ...]], bool]] = {
    "review": (("inbox", "needs-review"), False),
    "all": (None, False),
    "trash": (None, True),
}
# a document's year: the year of its issued date, else of the day it was added (as the search's year facet)
_YEAR_SQL = ("SELECT d.id, COALESCE(substr(json_extract(f.value, '$'), 1, 4), substr(d.added, 1, 4)) "
             "FROM documents d LEFT JOIN fields f ON f.doc_id = d.id AND f.key = 'issued' "
             "WHERE d.trashed_at IS NULL")
# sortable columns: a documents column (SQL order) or a field key (Vietnamese collation in Python)
COLUMNS = ("type", "number", "issued", "issuer", "pages", "status", "filename")
_SQL_ORDER = {"pages": "page_count", "status": "status", "id": "id"}
_FIELD_ORDER = {"number", "issued", "issuer"}


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

    def value(self, column: str) -> Any:
        return getattr(self, column)


def _type_ids(library: Library, code: str) -> set[int]:
    rows = library.catalog.connection().execute(
        "SELECT id FROM documents WHERE trashed_at IS NULL AND type_code IS ?", (code or None,))
    return {int(r[0]) for r in rows}


def _year_ids(library: Library, year: str) -> set[int]:
    return {int(i) for i, y in library.catalog.connection().execute(_YEAR_SQL) if str(y) == year}


# filtered view prefix -> the ids it keeps (among the documents not in the trash)
FILTERS: dict[str, Callable[[Library, str], set[int]]] = {"type": _type_ids, "year": _year_ids}


def _base_ids(library: Library, view: str, order: str = "id", descending: bool = False) -> list[int]:
    kind, _, value = view.partition(":")
    if view in VIEWS or kind not in FILTERS:
        statuses, trashed = VIEWS[view]
        return library.catalog.view_ids(statuses, trashed=trashed, order=order, descending=descending)
    kept = FILTERS[kind](library, value)
    return [i for i in library.catalog.view_ids(None, order=order, descending=descending) if i in kept]


def view_ids(library: Library, view: str, column: str = "id", descending: bool = False) -> list[int]:
    """Ids of ``view`` (a key of :data:`VIEWS`, ``type:<code>`` or ``year:<yyyy>``) sorted by ``column``;
    text sorts with Vietnamese collation."""
    if column in _SQL_ORDER:
        return _base_ids(library, view, _SQL_ORDER[column], descending)
    ids = _base_ids(library, view)
    if column in _FIELD_ORDER:
        values = library.catalog.field_values(column)
        text = {i: str(values.get(i, "")) for i in ids}
    elif column in ("type", "filename"):
        text = {r.id: r.value(column) for r in rows(library, ids)}
    else:
        raise ValueError(f"cannot sort by {column!r}")
    keys = {i: sort_key(t) for i, t in text.items()}
    # empty values last in either direction
    filled = sorted((i for i in ids if text[i]), key=lambda i: (keys[i], i), reverse=descending)
    return filled + [i for i in ids if not text[i]]


def type_counts(library: Library) -> list[tuple[str, str, int]]:
    """``(type code, Vietnamese name, documents)`` of the types in use (not in the trash), sorted by
    name with Vietnamese collation; unclassified documents come last with code ``""``."""
    from docmgr.services.documents import type_name

    rows = library.catalog.connection().execute(
        "SELECT type_code, COUNT(*) FROM documents WHERE trashed_at IS NULL GROUP BY type_code")
    named = [(str(code or ""), type_name(code) or str(code or ""), int(n)) for code, n in rows]
    return sorted(named, key=lambda t: (not t[0], sort_key(t[1]), t[0]))


def year_counts(library: Library) -> list[tuple[int, int]]:
    """``(year, documents)`` of the documents not in the trash, newest year first (the year of the
    issued date, else of the day the document was added)."""
    counts: dict[int, int] = {}
    for _id, year in library.catalog.connection().execute(_YEAR_SQL):
        if str(year).isdigit():
            counts[int(year)] = counts.get(int(year), 0) + 1
    return sorted(counts.items(), reverse=True)


def rows(library: Library, ids: Sequence[int]) -> list[Row]:
    """Rows for ``ids``, in the same order (ids no longer in the catalog are left out)."""
    from docmgr.services.documents import type_name

    if not ids:
        return []
    by_id = {d.id: d for d in library.catalog.documents(status=None, ids=list(ids))}
    by_id.update({d.id: d for d in library.catalog.documents(status="trashed", ids=list(ids))})
    out = []
    for i in ids:
        d = by_id.get(i)
        if d is None:
            continue
        f = {k: "" if v.value is None else str(v.value) for k, v in d.fields.items()}
        out.append(Row(d.id, type_name(d.type_code) or "", f.get("number", ""), f.get("issued", ""),
                       f.get("issuer", ""), d.page_count, d.display_status, d.filename))
    return out


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
