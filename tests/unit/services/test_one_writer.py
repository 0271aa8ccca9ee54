"""One writer: reads (search, autocomplete, more like this) never write or sync the index; the
watched inbox remembers in the catalog what it took, so a restart neither takes nor hashes it again."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from docmgr.services.inbox import InboxScanner
from docmgr.services.indexing import sync_index
from docmgr.services.ingest import ingest_file
from docmgr.services.search import more_like_this, search, suggest
from tests.fixtures.catalog_docs import file_doc


def _index_state(library: Any) -> list[tuple[str, int, int]]:
    return sorted((str(p.relative_to(library.paths.index)), p.stat().st_size, p.stat().st_mtime_ns)
                  for p in library.paths.index.rglob("*") if p.is_file())


def test_reads_never_write_the_index(library: Any) -> None:
    first = file_doc(library, ["Quyết định cấp giấy phép xây dựng nhà ở"], filename="a.txt")
    sync_index(library)
    pending = file_doc(library, ["Quyết định thu hồi giấy phép xây dựng"], filename="b.txt")  # filed, not indexed
    before = _index_state(library)
    lock_before = library.paths.write_lock.stat().st_mtime_ns if library.paths.write_lock.exists() else None
    assert [h["id"] for h in search(library, "giấy phép")["hits"]] == [first]
    assert suggest(library, "giấy ph")
    more_like_this(library, first)
    assert _index_state(library) == before
    assert library.catalog.unindexed_ids() == [pending]  # catching up is the writer's work
    after = library.paths.write_lock.stat().st_mtime_ns if library.paths.write_lock.exists() else None
    assert after == lock_before


def test_the_inbox_remembers_what_it_took_across_restarts(library: Any, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    doc = inbox / "giay-moi.txt"
    doc.write_text("GIẤY MỜI\nKính mời ông Trần Văn Bình dự họp.\n", encoding="utf-8")
    scanner = InboxScanner(inbox, library.catalog)
    assert scanner.poll() == []
    assert scanner.poll() == [doc]
    result = ingest_file(library, doc)
    scanner.remember([result])
    [(path, size, mtime, sha256)] = library.catalog.connection().execute(
        "SELECT path, size, mtime_ns, sha256 FROM inbox_taken").fetchall()
    assert (path, size, mtime) == (str(doc), doc.stat().st_size, doc.stat().st_mtime_ns)
    assert sha256 == library.catalog.get(result.id).sha256

    restarted = InboxScanner(inbox, library.catalog)
    assert restarted.poll() == [] and restarted.poll() == []  # not handed out (nor hashed) again
    doc.write_text("GIẤY MỜI (sửa lại)\n", encoding="utf-8")
    os.utime(doc, ns=(doc.stat().st_atime_ns, doc.stat().st_mtime_ns + 10**9))
    assert restarted.poll() == [] and restarted.poll() == [doc]  # new content: new
