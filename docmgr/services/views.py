"""Views over the catalog for a browsing UI: the ids of a view in a chosen order, rows for a page of
those ids, and a page image rendered from the original. Qt-free, so the GUI's list model stays thin."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional, Sequence

from docmgr.core.library import Library
from docmgr.core.text import sort_key

# view name -> (working statuses or None for all, trashed)
VIEWS: dict[str, tuple[Optional[tuple[str, ...]], bool]] = {
    "review": (("inbox", "needs-review"), False),
    "all": (None, False),
    "trash": (None, True),
}
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


def view_ids(library: Library, view: str, column: str = "id", descending: bool = False) -> list[int]:
    """Ids of ``view`` (see :data:`VIEWS`) sorted by ``column``; text sorts with Vietnamese collation."""
    statuses, trashed = VIEWS[view]
    if column in _SQL_ORDER:
        return library.catalog.view_ids(statuses, trashed=trashed, order=_SQL_ORDER[column], descending=descending)
    ids = library.catalog.view_ids(statuses, trashed=trashed)
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
    to draw (text, office files). ``scale`` 1.0 is 72 dpi for PDFs and the native size for images."""
    doc = library.catalog.get(doc_id)
    path = library.original_path(doc.sha256, doc.suffix)
    if doc.mime == "application/pdf":
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
