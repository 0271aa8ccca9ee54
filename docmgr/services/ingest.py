"""Filing inputs into a library: each file read, checked, and filed in one transaction — or rejected
with one line naming the cause, a copy in the quarantine, and the batch going on."""

from __future__ import annotations

import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence

from docmgr.core.catalog import now_iso
from docmgr.core.errors import Cancelled, DocmgrError, RejectedInput
from docmgr.core.library import Library
from docmgr.core.models import Document
from docmgr.core.progress import CancelToken, ProgressCallback, ProgressEvent, no_progress
from docmgr.core.text import nfc
from docmgr.ingest.pipeline import EXTRACT_STEPS, READ_STEPS, IngestContext, StopPipeline, run_steps

log = logging.getLogger(__name__)


@dataclass
class IngestResult:
    """The outcome for one input file, shaped as ``ingest --json`` prints it."""

    path: str
    status: str  # filed | duplicate | rejected
    id: Optional[int] = None
    pages: int = 0
    text_source: Optional[str] = None
    type: Optional[str] = None
    error: Optional[str] = None

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def expand_inputs(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Files in argument order; folders are walked recursively in name order (hidden entries skipped)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
        else:
            yield path


class _Duplicate:
    """Stop when the catalog already holds these bytes (not a failure)."""

    name = "duplicate"

    def __init__(self, library: Library) -> None:
        self.library = library

    def applies(self, ctx: IngestContext) -> bool:
        return True

    def run(self, ctx: IngestContext) -> None:
        existing = self.library.catalog.find_sha256(ctx.sha256)
        if existing is not None:
            ctx.extra["duplicate_of"] = existing
            raise StopPipeline()


def ingest_file(library: Library, path: Path, *, password: Optional[str] = None,
                cancel: Optional[CancelToken] = None,
                on_page: Optional[Callable[[int, int], None]] = None) -> IngestResult:
    """Read and file one input. Never raises for a bad input: the result says ``rejected`` and why.

    Raises:
        Cancelled: the user cancelled; nothing of this file was written.
    """
    cancel = cancel or CancelToken()
    limit = library.settings.file_time_limit
    token = cancel.child(limit if limit > 0 else None)
    ctx = IngestContext(source=path, settings=library.settings, password=password, cancel=token, on_page=on_page)
    display = str(path)
    try:
        run_steps([*READ_STEPS, _Duplicate(library)], ctx)
        if "duplicate_of" in ctx.extra:
            return _duplicate(library, display, ctx.extra["duplicate_of"])
        run_steps(EXTRACT_STEPS, ctx)
        token.check()
        return _file(library, ctx, display)
    except Cancelled:
        raise
    except RejectedInput as exc:
        return _reject(library, path, display, exc.cause, cancel)
    except TimeoutError:
        return _reject(library, path, display, f"took longer than the per-file limit ({limit:g} s)", cancel)
    except MemoryError:
        return _reject(library, path, display, "too large to process in memory", cancel)
    except Exception as exc:  # a bug or an unforeseen library error: reject this file, keep going
        log.exception("unexpected error while reading %s", display)
        return _reject(library, path, display, f"unexpected error ({type(exc).__name__}: {exc})"[:200], cancel)


def ingest_paths(library: Library, paths: Sequence[str | os.PathLike[str]], *, password: Optional[str] = None,
                 progress: ProgressCallback = no_progress, cancel: Optional[CancelToken] = None,
                 on_result: Optional[Callable[[IngestResult], None]] = None) -> list[IngestResult]:
    """Ingest files and folders in order; ``on_result`` sees each result as soon as it is known.

    Raises:
        Cancelled: after the current file was finished or rolled back.
    """
    cancel = cancel or CancelToken()
    files = list(expand_inputs(paths))
    results: list[IngestResult] = []
    for i, path in enumerate(files):
        cancel.check()
        name = nfc(path.name)
        progress(ProgressEvent(i, len(files), name, "reading"))

        def on_page(done: int, total: int, _i: int = i, _name: str = name) -> None:
            progress(ProgressEvent(_i, len(files), f"{_name} ({done}/{total})", "reading"))

        result = ingest_file(library, path, password=password, cancel=cancel, on_page=on_page)
        results.append(result)
        if on_result:
            on_result(result)
        progress(ProgressEvent(i + 1, len(files), name, "done"))
    return results


def _file(library: Library, ctx: IngestContext, display: str) -> IngestResult:
    """Store the original and write the catalog rows: all of it, or nothing."""
    assert ctx.sniffed is not None
    ocr_results = list(ctx.ocr_results)
    status = "needs-review" if any(r.low_confidence for r in ocr_results) else "inbox"
    doc = Document(id=0, sha256=ctx.sha256, filename=ctx.filename, size=ctx.size, mime=ctx.sniffed.mime,
                   suffix=ctx.sniffed.suffix, added=now_iso(), status=status, trashed=False,
                   text_source=ctx.text_source, page_count=len(ctx.pages), source_path=display)
    with library.write_lock():
        existing = library.catalog.find_sha256(ctx.sha256)  # another process may have filed it meanwhile
        if existing is not None:
            return _duplicate(library, display, existing)
        library.store_original(ctx.source, ctx.sha256, ctx.sniffed.suffix)
        try:
            with library.catalog.transaction() as tx:
                doc_id = library.catalog.insert_document(tx, doc, ctx.pages)
        except BaseException:
            library.discard_original(ctx.sha256, ctx.sniffed.suffix)
            raise
    if ocr_results:
        _save_derived(library, ctx.sha256, ocr_results, ctx.filename)
    return IngestResult(display, "filed", doc_id, len(ctx.pages), ctx.text_source, None, None)


def _save_derived(library: Library, sha256: str, results: Sequence[Any], title: str) -> None:
    """Archive copy and thumbnails of the OCR'd pages; rebuildable, so a failure is only a warning."""
    from docmgr.services.archive import save_derived

    try:
        save_derived(library, sha256, results, title=title)
    except (OSError, DocmgrError) as exc:
        log.warning("%s: searchable archive copy not written (%s); `docmgr export-pdf` rebuilds it", title, exc)


def _duplicate(library: Library, display: str, doc_id: int) -> IngestResult:
    doc = library.catalog.get(doc_id)
    return IngestResult(display, "duplicate", doc_id, doc.page_count, doc.text_source, None, None)


def _reject(library: Library, path: Path, display: str, cause: str, cancel: CancelToken) -> IngestResult:
    if cancel.cancelled:  # a page failed because the user pressed Ctrl-C: that is a cancel, not a rejection
        raise Cancelled()
    quarantined = None
    try:
        if path.is_file() and os.access(path, os.R_OK) and path.stat().st_size > 0:
            quarantined = library.quarantine(path, cause)
    except OSError:
        quarantined = None
    library.catalog.add_rejection(display, nfc(path.name), cause, str(quarantined) if quarantined else None)
    return IngestResult(display, "rejected", None, 0, None, None, cause)
