"""Export documents (a search result, a dossier, a list of ids) as a zip package, and import such a
package into another library.

The package holds the untouched originals (``originals/<sha256><suffix>``), ``manifest.json`` (every
catalog field of every document, its pages' text), ``metadata.csv`` (one row per document, for
people) and ``SHA256SUMS``. Personal ID numbers are masked in ``manifest.json`` and ``metadata.csv``
unless the export is ``unmasked`` (an archivist's hand-over to another library: only then does an
import give back every field exactly).
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
import zipfile
from pathlib import Path
from typing import Any, Optional, Sequence

from docmgr.core.atomic import atomic_output
from docmgr.core.catalog import now_iso
from docmgr.core.errors import UsageError
from docmgr.core.library import Library
from docmgr.core.models import Document, FieldValue, Page
from docmgr.records import package
from docmgr.records.privacy import mask_id_numbers, mask_value
from docmgr.services import audit

FORMAT = "docmgr-export"
VERSION = 1
CSV_COLUMNS = ("id", "filename", "type", "status", "number", "issued", "issuer", "summary", "id_numbers", "sha256")


def document_record(library: Library, doc: Document, *, masked: bool) -> dict[str, Any]:
    """Everything the catalog knows of one document, as the manifest stores it."""
    pages = library.catalog.pages(doc.id)
    text = mask_id_numbers if masked else (lambda t: t)
    return {
        "id": doc.id, "filename": doc.filename, "sha256": doc.sha256, "size": doc.size, "mime": doc.mime,
        "suffix": doc.suffix, "added": doc.added, "status": doc.status, "trashed": doc.trashed,
        "text_source": doc.text_source, "type_code": doc.type_code, "confidence": doc.confidence,
        "field_of_work": doc.field_of_work, "classification": doc.classification, "notes": doc.notes,
        "fields": {k: {"value": mask_value(v.value) if masked else v.value, "confidence": v.confidence,
                       "edited": v.edited} for k, v in doc.fields.items()},
        "pages": [{"number": p.number, "text": text(p.text), "source": p.source, "confidence": p.confidence,
                   "width": p.width, "height": p.height} for p in pages],
        "original": original_member(doc.sha256, doc.suffix),
    }


def original_member(sha256: str, suffix: str) -> str:
    return f"originals/{sha256}{suffix}"


def ids_for(library: Library, *, query: Optional[str] = None, dossier: Optional[str] = None) -> list[int]:
    """The documents a query (every match, not a page of hits) or a dossier names."""
    if dossier:
        return dossier_documents(library, dossier)
    if not query:
        raise UsageError("export needs a QUERY or --dossier CODE")
    from docmgr.services.search import search

    result = search(library, query, limit=1_000_000)
    return [int(h["id"]) for h in result["hits"]]


def dossier_documents(library: Library, code: str) -> list[int]:
    """Ids of a dossier's documents (from the dossier tables, when this build has them)."""
    from docmgr.services.dossier_links import documents_of

    ids = documents_of(library.catalog.connection(), code)
    if ids is None:
        raise UsageError(f"no dossier {code!r} in this library")
    return ids


def export(library: Library, target: Path, ids: Sequence[int], *, masked: bool = True,
           label: str = "") -> dict[str, Any]:
    """Write the package for ``ids`` to ``target`` (atomically); returns a summary."""
    if not masked:
        from docmgr.services.users import require

        require(library, "archivist")
    if not ids:
        raise UsageError("nothing to export: no document matches")
    docs = library.catalog.documents(ids=list(ids)) + library.catalog.documents(ids=list(ids), status="trashed")
    docs.sort(key=lambda d: d.id)
    records = [document_record(library, d, masked=masked) for d in docs]
    manifest = {"format": FORMAT, "version": VERSION, "created": now_iso(), "label": label, "masked": masked,
                "documents": records}
    target = Path(target)
    with atomic_output(target) as part:
        with zipfile.ZipFile(part, "w", allowZip64=True) as zf:
            sums = package.SumsWriter(zf)
            for doc in docs:
                sums.add_file(original_member(doc.sha256, doc.suffix), library.original_path(doc.sha256, doc.suffix),
                              compress=False)
            sums.add_bytes("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8"))
            sums.add_bytes("metadata.csv", _metadata_csv(records).encode("utf-8-sig"))
            sums.close()
    with library.write_lock():
        with library.catalog.transaction() as tx:
            for doc in docs:
                audit.log(tx, "export", audit.doc_target(doc.id), {"to": target.name, "masked": masked})
        audit.sync_head(library)
    return {"path": str(target), "documents": len(docs), "masked": masked}


def _metadata_csv(records: Sequence[dict[str, Any]]) -> str:
    from docmgr.services.documents import type_name

    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(CSV_COLUMNS)
    for r in records:
        fields = {k: v["value"] for k, v in r["fields"].items()}
        ids = fields.get("id_numbers") or []
        writer.writerow([r["id"], r["filename"], type_name(r["type_code"]) or "", r["status"],
                         fields.get("number", ""), fields.get("issued", ""), fields.get("issuer", ""),
                         fields.get("summary", ""), "; ".join(ids) if isinstance(ids, list) else ids, r["sha256"]])
    return buf.getvalue()


def import_package(library: Library, source: Path) -> dict[str, Any]:
    """Import an export package: every checksum verified first, then each document filed with its
    original, fields and pages (a document the library already holds is skipped as a duplicate).

    Raises:
        BadPackage: damaged, unsafe or not an export (nothing is imported then).
    """
    source = Path(source)
    with package.open_checked(source) as zf:
        package.verify_all(zf)
        _, raw = package.read_member(zf, "manifest.json")
        try:
            manifest = json.loads(raw.decode("utf-8"))
        except ValueError as exc:
            raise package.BadPackage(f"{source}: manifest.json is not JSON ({exc})") from exc
        if manifest.get("format") != FORMAT:
            raise package.BadPackage(f"{source}: not a docmgr export (format {manifest.get('format')!r})")
        imported, duplicates = [], []
        with tempfile.TemporaryDirectory(dir=library.paths.tmp) as tmp:
            for record in manifest["documents"]:
                existing = library.catalog.find_sha256(record["sha256"])
                if existing is not None:
                    duplicates.append(existing)
                    continue
                staged = Path(tmp) / "original"
                with staged.open("wb") as out:
                    digest, _ = package.read_member(zf, record["original"], out=out)
                if digest != record["sha256"]:
                    raise package.BadPackage(f"{source}: {record['original']} is not the original its manifest names")
                imported.append(_file_record(library, record, staged))
    from docmgr.services.indexing import sync_index_quietly

    sync_index_quietly(library)
    return {"path": str(source), "imported": imported, "duplicates": duplicates, "masked": manifest.get("masked")}


def _file_record(library: Library, r: dict[str, Any], staged: Path) -> int:
    doc = Document(id=0, sha256=r["sha256"], filename=r["filename"], size=r["size"], mime=r["mime"],
                   suffix=r["suffix"], added=r["added"], status=r["status"], trashed=False,
                   text_source=r["text_source"], page_count=len(r["pages"]), source_path=f"import:{r['id']}",
                   type_code=r["type_code"], confidence=r["confidence"], field_of_work=r["field_of_work"],
                   classification=r["classification"], notes=r["notes"],
                   fields={k: FieldValue(v["value"], v["confidence"], v["edited"]) for k, v in r["fields"].items()})
    pages = [Page(number=p["number"], text=p["text"], source=p["source"], confidence=p["confidence"],
                  width=p["width"], height=p["height"]) for p in r["pages"]]
    with library.write_lock():
        library.store_original(staged, doc.sha256, doc.suffix)
        try:
            with library.catalog.transaction() as tx:
                doc_id = library.catalog.insert_document(tx, doc, pages)
                if r.get("trashed"):
                    tx.execute("UPDATE documents SET trashed_at = ? WHERE id = ?", (now_iso(), doc_id))
                audit.log(tx, "import", audit.doc_target(doc_id), {"from": r["id"], "sha256": doc.sha256})
        except BaseException:
            library.discard_original(doc.sha256, doc.suffix)
            raise
        audit.sync_head(library)
    return doc_id
