"""Filing inputs into a library: each file read, checked, and filed in one transaction — or rejected
with one line naming the cause, a copy in the quarantine, and the batch going on.

A failure of the library itself (its lock held too long, the catalog locked or damaged, a full or
read-only disk) is not the input's fault: it raises :class:`~docmgr.core.errors.LibraryError`, which
stops the batch; nothing is half-written, rejected or quarantined."""

from __future__ import annotations

import logging
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence

from docmgr.core.catalog import now_iso
from docmgr.core.errors import Cancelled, DocmgrError, LibraryError, RejectedInput
from docmgr.core.library import Library, library_failure
from docmgr.core.models import Document
from docmgr.core.progress import CancelToken, ProgressCallback, no_progress
from docmgr.core.text import nfc
from docmgr.ingest.parallel import OcrPart, PendingRead, TextLayer, TextReader, default_workers
from docmgr.ingest.pipeline import (EXTRACT_STEPS, READ_STEPS, ExtractText, IngestContext, StopPipeline,
                                    run_steps)
from docmgr.records.register import secrecy_warning
from docmgr.services import audit
from docmgr.services.classify import Filing, filing_for, type_display

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
    warning: Optional[str] = None  # filed, but the clerk should know (a secrecy mark: records/register.py)

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


@dataclass
class Prepared:
    """One input between preparation (checks, hash, duplicate test, text layer submitted) and filing;
    in a batch, its text layer once read and its OCR once submitted."""

    path: Path
    ctx: IngestContext
    error: Optional[BaseException] = None
    reads: list[PendingRead] = field(default_factory=list)
    layer: Optional[TextLayer] = None
    layer_error: Optional[BaseException] = None
    ocr: Optional[list[OcrPart]] = None


def prepare(library: Library, path: Path, password: Optional[str], reader: Optional[TextReader],
            seen: Optional[set[str]] = None) -> Prepared:
    """Check, hash and sniff a file; submit its text layer unless the catalog or an earlier file of the
    batch (``seen``: their sha256) has these bytes. An image needs no reader: its pages (frames) are
    counted here."""
    ctx = IngestContext(source=path, settings=library.settings, password=password, scratch=library.paths.tmp)
    item = Prepared(path, ctx)
    try:
        run_steps([*READ_STEPS, _Duplicate(library)], ctx)
        if reader is not None and "duplicate_of" not in ctx.extra and ctx.sha256 not in (seen or ()):
            assert ctx.sniffed is not None
            if ctx.sniffed.kind == "office":
                pass   # LibreOffice runs when the file is filed, here (its scratch in the library's tmp/)
            elif ctx.sniffed.kind == "image":
                ExtractText().run(ctx)
                item.layer = TextLayer(ctx.pages, ctx.ocr_jobs, ctx.ocr_reasons, ctx.ocr_layers)
            else:
                item.reads = reader.submit(path, library.settings, password, ctx.sniffed, limit_of(library))
            if seen is not None:
                seen.add(ctx.sha256)
    except Exception as exc:  # reported in order, when this item's turn comes
        item.error = exc
    return item


def finish(library: Library, item: Prepared, cancel: CancelToken, reader: Optional[TextReader],
           on_page: Optional[Callable[[int, int], None]], doc_type: Optional[str] = None,
           index: bool = True, while_waiting: Optional[Callable[[], None]] = None) -> IngestResult:
    """Read (what is left), file, or reject one prepared input. Only :class:`Cancelled` and
    :class:`LibraryError` (the library failed, not the input: the batch stops) escape.

    ``while_waiting`` is called now and then while this file's OCR runs (the batch queues more work)."""
    display, ctx = str(item.path), item.ctx
    ctx.cancel, ctx.on_page = cancel.child(limit_of(library)), on_page
    try:
        if item.error is not None:
            raise item.error
        # again: an earlier file of the batch with these bytes may have been filed since it was prepared
        existing = ctx.extra.get("duplicate_of") or library.catalog.find_sha256(ctx.sha256)
        if existing is not None:
            for read in [*item.reads, *(part.run for part in item.ocr or [] if not part.shared)]:
                read.future.cancel()  # not read (nor OCR'd) twice
            return _duplicate(library, display, existing)
        if (item.reads or item.layer) and reader is not None:
            if item.layer_error is not None:
                raise item.layer_error
            layer = item.layer or reader.results(item.reads)
            ctx.pages, ctx.ocr_jobs, ctx.ocr_reasons = layer.pages, layer.ocr_jobs, layer.ocr_reasons
            ctx.ocr_layers = layer.ocr_layers
            runs = item.ocr
            if runs:
                ctx.ocr_ahead = lambda token, pages: reader.ocr_results(runs, token, pages, while_waiting)
            run_steps([step for step in EXTRACT_STEPS if not isinstance(step, ExtractText)], ctx)
        else:
            run_steps(EXTRACT_STEPS, ctx)
        ctx.cancel.check()
        return _file(library, ctx, display, doc_type, index)
    except (Cancelled, LibraryError):
        raise
    except RejectedInput as exc:
        return _reject(library, item.path, display, exc.cause, cancel)
    except Exception as exc:
        failure = library_failure(library.root, exc)
        if failure is None:
            return _unreadable(library, item, display, exc, cancel)
        raise failure from exc


def _unreadable(library: Library, item: Prepared, display: str, exc: Exception, cancel: CancelToken) -> IngestResult:
    """Reject an input whose reading failed without a typed cause (a time limit, memory, a bug)."""
    if isinstance(exc, TimeoutError):
        cause = f"took longer than the per-file limit ({library.settings.file_time_limit:g} s)"
    elif isinstance(exc, MemoryError):
        cause = "too large to process in memory"
    else:  # a bug: reject this file, keep going
        log.error("unexpected error while reading %s", display, exc_info=exc)
        cause = f"unexpected error ({type(exc).__name__}: {exc})"[:200]
    return _reject(library, item.path, display, cause, cancel)


def limit_of(library: Library) -> Optional[float]:
    """The per-file time limit in seconds (None: no limit)."""
    limit = library.settings.file_time_limit
    return limit if limit > 0 else None


def ingest_file(library: Library, path: Path, *, password: Optional[str] = None,
                doc_type: Optional[str] = None, cancel: Optional[CancelToken] = None,
                on_page: Optional[Callable[[int, int], None]] = None) -> IngestResult:
    """Read, classify and file one input. Never raises for a bad input: the result says ``rejected`` and why.

    ``doc_type`` (a type code, see :func:`docmgr.services.classify.resolve_type`) files the document as
    confirmed with that type: training data.

    Raises:
        Cancelled: the user cancelled; nothing of this file was written.
    """
    return finish(library, prepare(library, path, password, None), cancel or CancelToken(), None, on_page,
                   doc_type)


def ingest_paths(library: Library, paths: Sequence[str | os.PathLike[str]], *, password: Optional[str] = None,
                 doc_type: Optional[str] = None, progress: ProgressCallback = no_progress,
                 cancel: Optional[CancelToken] = None,
                 on_result: Optional[Callable[[IngestResult], None]] = None,
                 workers: Optional[int] = None) -> list[IngestResult]:
    """Ingest files and folders in order; ``on_result`` sees each result as soon as it is known.

    With more than one file, text layers are read ahead in ``workers`` processes (default: one per
    core) while files are filed one by one, in order. The search index catches up in few commits
    (:class:`~docmgr.services.index_catchup.IndexCatchUp`); every document filed is in it when this returns (or raises
    :class:`Cancelled`).

    Raises:
        Cancelled: after the current file was finished or rolled back.
    """
    cancel = cancel or CancelToken()
    files = list(expand_inputs(paths))
    workers = default_workers() if workers is None else workers
    from docmgr.services.batch import Batch

    batch = Batch(library, files, TextReader(workers) if len(files) > 1 and workers > 1 else None, workers)
    try:
        try:
            return batch.run(password, doc_type, progress, cancel, on_result)
        finally:
            batch.close()
    except (Cancelled, LibraryError):
        batch.index.flush()  # what was filed before the cancel (or the library's failure) is searchable too
        raise


def _classified(library: Library, ctx: IngestContext, doc_type: Optional[str]) -> Filing:
    """The classification to file with the document; a classifier failure files it for review."""
    try:
        return filing_for(library, [p.text for p in ctx.pages], doc_type)
    except Exception as exc:  # never lose a document because the classifier failed
        log.exception("classifying %s failed", ctx.source)
        return Filing(doc_type, 1.0 if doc_type else None, "confirmed" if doc_type else "needs-review", None,
                      {"error": f"{type(exc).__name__}: {exc}"[:200]}, {})


def _file(library: Library, ctx: IngestContext, display: str, doc_type: Optional[str] = None,
          index: bool = True) -> IngestResult:
    """Classify, store the original and write the catalog rows: all of it, or nothing.

    The new row is marked ``indexed = 0``; with ``index`` the search index is brought up to date at
    once, else the caller does it (a batch: :class:`~docmgr.services.index_catchup.IndexCatchUp`).
    """
    assert ctx.sniffed is not None
    filing = _classified(library, ctx, doc_type)
    ctx.cancel.check()
    ocr_results = list(ctx.ocr_results)
    # a page OCR could barely read puts the document up for review (a type the clerk gave stays confirmed)
    low = any(r.low_confidence for r in ocr_results)
    status = "needs-review" if low and filing.status != "confirmed" else filing.status
    doc = Document(id=0, sha256=ctx.sha256, filename=ctx.filename, size=ctx.size, mime=ctx.sniffed.mime,
                   suffix=ctx.sniffed.suffix, added=now_iso(), status=status, trashed=False,
                   text_source=ctx.text_source, page_count=len(ctx.pages), source_path=display,
                   type_code=filing.type_code, confidence=filing.confidence, field_of_work=filing.field_of_work,
                   classification=filing.classification, fields=filing.fields, normative=filing.normative)
    with library.write_lock():
        existing = library.catalog.find_sha256(ctx.sha256)  # another process may have filed it meanwhile
        if existing is not None:
            return _duplicate(library, display, existing)
        try:
            library.store_original(ctx.source, ctx.sha256, ctx.sniffed.suffix)
        except OSError as exc:  # the source is gone or unreadable now: the input's fault; else the library's
            if library_failure(library.root, exc) is not None or not isinstance(exc, (FileNotFoundError,
                                                                                     PermissionError)):
                raise library_failure(library.root, exc) or LibraryError(
                    f"{library.root}: cannot store the original ({exc})") from exc
            raise RejectedInput(f"could not be read ({exc.strerror or exc})") from exc
        try:
            with library.catalog.transaction() as tx:
                doc_id = library.catalog.insert_document(tx, doc, ctx.pages)
                audit.log(tx, "ingest", audit.doc_target(doc_id), audit.ingest_detail(doc))
        except BaseException as exc:
            try:
                library.discard_original(ctx.sha256, ctx.sniffed.suffix)
            except Exception:  # the catalog error below says what went wrong
                log.warning("%s: stored original not removed after the failed filing", display, exc_info=True)
            failure = library_failure(library.root, exc) if isinstance(exc, Exception) else None
            if failure is not None and failure is not exc:
                raise failure from exc
            raise
        audit.sync_head(library)
    try:
        library.release_quarantined(ctx.filename, ctx.sha256)  # rejected before (e.g. without its password)
    except Exception as exc:  # the document is filed; a stale quarantine copy is only untidy
        log.warning("%s: quarantine not tidied (%s)", display, exc)
    if ocr_results:
        _save_derived(library, ctx.sha256, ocr_results, ctx.filename)
    if "rendition" in ctx.extra:
        _save_rendition(library, ctx.sha256, ctx.extra["rendition"], ctx.filename)
    if index:
        from docmgr.services.indexing import sync_index_quietly

        sync_index_quietly(library)  # index freshness: the GUI finds a document as soon as it is filed
    return IngestResult(display, "filed", doc_id, len(ctx.pages), ctx.text_source, type_display(filing.type_code), None,
                        warning=secrecy_warning(filing.fields.get("secrecy")))


def _save_derived(library: Library, sha256: str, results: Sequence[Any], title: str) -> None:
    """Archive copy and thumbnails of the OCR'd pages; rebuildable, so a failure is only a warning."""
    from docmgr.services.archive import save_derived

    try:
        save_derived(library, sha256, results, title=title)
    except Exception as exc:  # derived data only: the document itself is filed
        log.warning("%s: searchable archive copy not written (%s); `docmgr export-pdf` rebuilds it", title, exc,
                    exc_info=not isinstance(exc, (OSError, DocmgrError)))


def _save_rendition(library: Library, sha256: str, pdf: bytes, title: str) -> None:
    """The PDF rendition of an office file, for the viewer; rebuildable, so a failure is only a warning."""
    from docmgr.core.atomic import write_atomic
    from docmgr.services.archive import rendition_path

    try:
        write_atomic(rendition_path(library, sha256), pdf)
    except OSError as exc:
        log.warning("%s: PDF rendition not written (%s)", title, exc)


def _duplicate(library: Library, display: str, doc_id: int) -> IngestResult:
    doc = library.catalog.get(doc_id)
    return IngestResult(display, "duplicate", doc_id, doc.page_count, doc.text_source, type_display(doc.type_code), None)


def _reject(library: Library, path: Path, display: str, cause: str, cancel: CancelToken) -> IngestResult:
    """The rejection of one input: a copy in the quarantine and a row in the catalog, both best effort —
    this never raises (but for the user's cancel, which is no rejection)."""
    if cancel.cancelled:  # a page failed because the user pressed Ctrl-C: that is a cancel, not a rejection
        raise Cancelled()
    quarantined = None
    try:
        if path.is_file() and os.access(path, os.R_OK) and path.stat().st_size > 0:
            quarantined = library.quarantine(path, cause)
    except Exception:
        log.warning("%s: not copied to the quarantine", display, exc_info=True)
    try:
        library.catalog.add_rejection(display, nfc(path.name), cause, str(quarantined) if quarantined else None)
    except Exception as exc:  # the result below still says why; the next filing meets the library's problem
        log.error("%s: rejection not recorded in the catalog (%s)", display, exc)
    return IngestResult(display, "rejected", None, 0, None, None, cause)
