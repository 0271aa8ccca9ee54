"""Large libraries under SQLite's variable limit: CPython's Windows build allows 32,766 variables per
statement (old builds 999); reindex and check never bind one variable per document."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.fixtures.catalog_docs import bulk_docs, make_library

N = 5000


@pytest.mark.slow
def test_reindex_and_check_with_a_999_variable_limit(tmp_path: Path) -> None:
    from docmgr.services.check import check_library
    from docmgr.services.indexing import reindex
    from docmgr.services.search import search

    library = make_library(tmp_path / "library", "tantivy")
    bulk_docs(library, N)
    library.catalog.connection().setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999)
    assert len(library.catalog.documents()) == N
    assert len(library.catalog.documents(ids=list(range(1, N + 1)))) == N
    assert reindex(library) == N
    report = check_library(library)
    assert {p["kind"] for p in report["problems"]} == {"missing-original"}  # the rows have no files: only that
    assert search(library, "4321/QĐ-UBND")["hits"][0]["id"] == 4322
