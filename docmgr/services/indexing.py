"""Keeping the search index in step with the catalog: sync, rebuild, check.

The catalog is the source of truth. A document whose row has ``indexed = 0`` (new, edited, trashed
or restored) is brought into the index by :func:`sync_index`; a missing, stale (other schema or
engine) or damaged index is rebuilt from the catalog by :func:`reindex`, with a notice. One writer at a
time touches an index generation (:meth:`IndexStore.writer_lock`); catalog writes go on meanwhile.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

from docmgr.core.errors import Cancelled, LibraryError
from docmgr.core.library import LOCK_TIMEOUT, Library
from docmgr.core.models import Document
from docmgr.core.progress import CancelToken, ProgressCallback, ProgressEvent, no_progress
from docmgr.search import Engine, IndexDoc, IndexStore, IndexUnusable

log = logging.getLogger(__name__)

WHOOSH_ADVISED_MAX = 10_000  # documents: the largest size Whoosh was measured within target (p95 15 ms, bench/README.md)
BATCH = 500  # documents per index commit during a rebuild
REBUILD_WAIT = 1800.0  # seconds a search waits for another process's first or stale-index rebuild
SYNC_LOCK_WAIT = 5.0  # seconds a search waits to bring the index up to date before answering as is
Notice = Callable[[str], None]


# -- catalog → index -----------------------------------------------------------------------------
def type_name(doc: Document) -> Optional[str]:
    """The type name shown for a document (as ``show`` and ``list`` print it)."""
    from docmgr.services.documents import type_name as name_of_code

    return name_of_code(doc.type_code)


def title_of(doc: Document) -> str:
    """A display title: the ``summary`` field when known, else the file name."""
    summary = doc.fields.get("summary")
    return str(summary.value) if summary and summary.value else doc.filename


def _field(doc: Document, key: str) -> str:
    value = doc.fields.get(key)
    if value is None or value.value is None:
        return ""
    return " ".join(map(str, value.value)) if isinstance(value.value, list) else str(value.value)


def index_doc(library: Library, doc: Document) -> IndexDoc:
    """The index entry of a catalog document (page text read from the catalog)."""
    extra = " ".join(_field(doc, k) for k in sorted(doc.fields) if k not in ("number", "issuer", "summary"))
    issued = _field(doc, "issued") or doc.added[:10]
    return IndexDoc(id=doc.id, pages=[(p.number, p.text) for p in library.catalog.pages(doc.id)],
                    title=title_of(doc), type_code=doc.type_code, type_name=type_name(doc),
                    number=_field(doc, "number"), issuer=_field(doc, "issuer"), filename=doc.filename,
                    issued=issued, extra=extra)


def store_of(library: Library) -> IndexStore:
    """The library's index folder, for the engine its settings name."""
    return IndexStore(library.paths.index, library.settings.search_engine or "whoosh")


# -- opening, rebuilding, syncing ------------------------------------------------------------------
def open_index(library: Library, *, notice: Optional[Notice] = None) -> Engine:
    """The library's index, rebuilt from the catalog first when missing, stale or damaged."""
    store = store_of(library)
    try:
        return store.open()
    except IndexUnusable as exc:
        if store.pointer():  # a first index is built silently; a broken or stale one with a notice
            (notice or log.warning)(f"the search index {exc}; rebuilding it from the catalog")
        elif _start_empty(library, store):
            return store.open()
    reindex(library, only_if_unusable=True)
    return store.open()


def _start_empty(library: Library, store: IndexStore) -> bool:
    """Publish an empty first index when nothing was ever indexed (a new library's first batch):
    :func:`sync_index` then writes every document once, instead of a rebuild writing them and the
    sync writing them again. False when some document is marked indexed (its index was lost)."""
    with library.write_lock():
        if store.pointer():
            return _usable(store)
        if not set(library.catalog.all_ids()) <= set(library.catalog.unindexed_ids()):
            return False
        folder, engine = store.new_generation()
        engine.close()
        store.publish(folder)
        return True


def reindex(library: Library, *, progress: ProgressCallback = no_progress, cancel: Optional[CancelToken] = None,
            only_if_unusable: bool = False) -> int:
    """Build a new index generation from the catalog and make it current; returns documents indexed.

    The build runs *without* the library's write lock, from a snapshot of the catalog, so ingests,
    edits and searches go on meanwhile (readers use the previous generation). The lock is taken
    twice, briefly: to announce the rebuild (its journal, see :class:`IndexStore`), and at the end
    to re-index the documents that changed since the snapshot and swap the generations. With
    ``only_if_unusable`` a usable index (e.g. another process's fresh rebuild) is kept.
    """
    cancel = cancel or CancelToken()
    store = store_of(library)
    while True:
        with library.write_lock():
            if only_if_unusable and _usable(store):
                return 0
            running = store.running_rebuild() if only_if_unusable else None
            if running is None:
                folder, engine = store.new_generation()
                store.start_journal(folder)
                building = store.building_lock(folder)
                building.acquire()
                break
        _wait_for(running)  # another rebuild will make the index usable: wait for it, then check again
    try:
        # the catalog read a chunk at a time (changes from now on are in the journal), one writer
        # and one commit: memory stays bounded whatever the library's size
        total = int(library.catalog.connection().execute(
            "SELECT COUNT(*) FROM documents WHERE trashed_at IS NULL").fetchone()[0])
        progress(ProgressEvent(0, total, "", "indexing"))

        def entries() -> Iterator[IndexDoc]:
            for done, doc in enumerate(library.catalog.iter_documents(), 1):
                if done % 100 == 0:
                    cancel.check()
                    progress(ProgressEvent(done, total, doc.filename, "indexing"))
                yield index_doc(library, doc)

        total = engine.build(entries())
        progress(ProgressEvent(total, total, "", "indexing"))
        cancel.check()
        with library.write_lock():
            changed = store.changed_since_start(folder) | set(library.catalog.unindexed_ids())
            _write_ids(library, engine, sorted(changed))
            engine.close()
            store.publish(folder)
            library.catalog.mark_indexed(library.catalog.all_ids())
    except BaseException:
        engine.close()
        _discard(library, store, folder)
        raise
    finally:
        building.release()
        with contextlib.suppress(OSError):  # another process may be waiting on it (Windows: still open)
            Path(building.lock_file).unlink()
    return total


def _wait_for(lock: Any) -> None:
    """Wait until another process's rebuild ends (its lock is released, or dies with it)."""
    from filelock import Timeout

    try:
        lock.acquire(timeout=REBUILD_WAIT)
    except Timeout as exc:
        raise LibraryError(f"another docmgr process has been rebuilding the search index for {REBUILD_WAIT:.0f} s") from exc
    lock.release()


def _discard(library: Library, store: IndexStore, folder: Path) -> None:
    """Remove an unfinished generation and its journal (under the lock when it can be had soon)."""
    try:
        with library.write_lock(SYNC_LOCK_WAIT):
            store.discard(folder)
    except LibraryError:
        store.discard(folder)


def _usable(store: IndexStore) -> bool:
    try:
        store.open().close()
    except IndexUnusable:
        return False
    return True


def _write_ids(library: Library, engine: Engine, ids: list[int]) -> None:
    """Bring these documents into ``engine`` as the catalog has them now (trashed or gone: removed)."""
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        live = library.catalog.documents(ids=chunk)
        live_ids = {d.id for d in live}
        engine.write([index_doc(library, d) for d in live], [i for i in chunk if i not in live_ids])


def sync_index(library: Library, *, timeout: Optional[float] = None, notice: Optional[Notice] = None) -> int:
    """Index every document not indexed as it is now and drop trashed ones; returns how many were handled.

    Filing goes on meanwhile: the library's write lock is held only for a moment to claim the pending
    rows (and tell a running rebuild about them), and for each chunk's mark; the index itself is
    written under the index's own writer lock, one writer at a time. A row changed while it is being
    written stays pending for the next sync.

    Args:
        timeout: seconds to wait for the locks (None = the library's default); on timeout a
            :class:`LibraryError` is raised.
    """
    if not library.catalog.unindexed_ids():
        return 0
    open_index(library, notice=notice).close()  # rebuilt here if unusable
    store = store_of(library)
    wait = LOCK_TIMEOUT if timeout is None else timeout
    with store.writer_lock(wait):
        with library.write_lock(wait):
            ids = library.catalog.claim_unindexed()
            store.note_changes(ids)  # a rebuild running now re-reads them before it swaps
        if not ids:
            return 0
        engine = store.open()
        try:
            for start in range(0, len(ids), BATCH):
                chunk = ids[start:start + BATCH]
                _write_ids(library, engine, chunk)
                library.catalog.mark_indexed(chunk, claimed=True)
        finally:
            engine.close()
        return len(ids)


def sync_index_quietly(library: Library) -> None:
    """:func:`sync_index` for callers that just wrote the catalog (ingest, trash, restore, edits).

    An index problem never fails their write: it is logged, the rows stay ``indexed = 0``, and the
    next sync or search picks them up.
    """
    try:
        sync_index(library)
    except Cancelled:
        raise
    except Exception as exc:  # the catalog write already succeeded; the index catches up later
        log.warning("search index not updated yet (%s); it will be on the next search", exc)


def engine_advice(library: Library) -> Optional[str]:
    """A suggestion to switch to tantivy when a Whoosh library has grown past what Whoosh serves well."""
    if library.settings.search_engine != "whoosh":
        return None
    count = int(library.catalog.connection().execute(
        "SELECT COUNT(*) FROM documents WHERE trashed_at IS NULL").fetchone()[0])
    if count <= WHOOSH_ADVISED_MAX:
        return None
    return (f"The library holds {count} documents; searches would be faster with the tantivy engine "
            "(setting search_engine = tantivy, then docmgr reindex).")


# -- checks ----------------------------------------------------------------------------------------
def check_index(library: Library) -> list[dict[str, Any]]:
    """Problems between the catalog and the index, as ``docmgr check`` lists them."""
    store = store_of(library)
    try:
        engine = store.open()
    except IndexUnusable as exc:
        ids = set(library.catalog.all_ids())
        if not ids or (not store.pointer() and ids <= set(library.catalog.unindexed_ids())):
            return []  # nothing was ever indexed (a first batch stopped early): the next sync builds it
        return [{"kind": "index", "id": None, "detail": f"the search index {exc} (run docmgr reindex)"}]
    try:
        indexed = engine.ids()
    except IndexUnusable as exc:
        return [{"kind": "index", "id": None, "detail": f"the search index is damaged ({exc}) (run docmgr reindex)"}]
    finally:
        engine.close()
    live = {d.id for d in library.catalog.documents()}
    pending = set(library.catalog.unindexed_ids())
    problems = [{"kind": "index-missing", "id": i, "detail": "filed but not in the search index"}
                for i in sorted(live - indexed - pending)]
    problems += [{"kind": "index-extra", "id": i, "detail": "in the search index but trashed or not in the catalog"}
                 for i in sorted(indexed - live - pending)]
    return problems
