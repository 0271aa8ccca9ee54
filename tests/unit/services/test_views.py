"""The list's order, filters and counts come from SQL over columns kept in step with the fields."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from docmgr.core.catalog import MIGRATIONS, Catalog, _statements
from docmgr.core.library import Library
from docmgr.core.models import FieldValue
from docmgr.core.text import sort_key, sort_text
from docmgr.services import views
from tests.fixtures.catalog_docs import file_doc


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return Library(tmp_path / "lib")


def test_sort_text_orders_as_sort_key() -> None:
    words = ["an", "ăn", "ân", "anh", "đa", "da", "dạ", "dà", "Ơn", "ôn", "on", "ư", "u", "2020", "10", "", "zz",
             "Nguyễn", "Nguyên", "nguyen", "hoà", "hòa", "QĐ-UBND", "12/QĐ", "ý", "ỵ", "€uro"]
    rng = random.Random(3)
    rng.shuffle(words)
    assert sorted(words, key=sort_text) == sorted(words, key=sort_key)


def test_views_sort_with_vietnamese_collation_empty_last_and_follow_field_edits(library: Library) -> None:
    ids = {name: file_doc(library, [name], filename=f"{name}.txt", fields={"issuer": name} if name else {})
           for name in ("Đồng Tháp", "Dương Minh", "An Giang", "")}
    order = views.view_ids(library, "all", "issuer")
    assert order == [ids["An Giang"], ids["Dương Minh"], ids["Đồng Tháp"], ids[""]]
    assert views.view_ids(library, "all", "issuer", descending=True)[-1] == ids[""]  # empty last both ways
    with library.catalog.transaction() as tx:  # an edit moves the row
        library.catalog.write_fields(tx, ids["An Giang"], {"issuer": FieldValue("Yên Bái", 1.0, True)})
    assert views.view_ids(library, "all", "issuer")[:3] == [ids["Dương Minh"], ids["Đồng Tháp"], ids["An Giang"]]
    row = views.rows(library, [ids["An Giang"]])[0]
    assert row.issuer == "Yên Bái" and row.filename == "An Giang.txt"
    with library.catalog.transaction() as tx:  # a cleared value goes last again
        library.catalog.clear_fields(tx, ids["An Giang"], ["issuer"])
    assert views.view_ids(library, "all", "issuer")[-2:] == sorted([ids[""], ids["An Giang"]])


def test_year_view_and_counts_use_the_issued_date_else_the_day_added(library: Library) -> None:
    old = file_doc(library, ["a"], fields={"issued": "2019-05-02"})
    new = file_doc(library, ["b"])
    this_year = library.catalog.get(new).added[:4]
    assert views.view_ids(library, "year:2019") == [old]
    assert views.view_ids(library, f"year:{this_year}") == [new]
    assert dict(views.year_counts(library)) == {2019: 1, int(this_year): 1}
    library.catalog.set_trashed(old, True)
    assert views.view_ids(library, "year:2019") == [] and views.view_ids(library, "trash") == [old]
    assert views.rows(library, [old])[0].status == "trashed"


def test_type_view_sorts_by_the_types_names(library: Library) -> None:
    cv = file_doc(library, ["x"], type_code="CV")   # Công văn
    qd = file_doc(library, ["y"], type_code="QD")   # Quyết định
    bc = file_doc(library, ["z"], type_code="BC")   # Báo cáo
    none = file_doc(library, ["w"])
    assert views.view_ids(library, "all", "type") == [bc, cv, qd, none]
    assert views.view_ids(library, "type:QD") == [qd]
    assert views.view_ids(library, "type:") == [none]
    with pytest.raises(ValueError):
        views.view_ids(library, "all", "colour")


def test_an_older_catalog_gets_its_list_columns_filled(tmp_path: Path) -> None:
    path = tmp_path / "catalog.sqlite3"
    conn = sqlite3.connect(path)
    for step in MIGRATIONS[:3]:
        for statement in _statements(step):
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 3")
    conn.execute("INSERT INTO documents (id, sha256, filename, size, mime, suffix, added, text_source, page_count)"
                 " VALUES (1, 'ab', 'Ấp.pdf', 1, 'application/pdf', '.pdf', '2026-01-02T00:00:00+07:00', 'plain', 1)")
    conn.execute("INSERT INTO fields (doc_id, key, value) VALUES (1, 'number', '\"12/QĐ-UBND\"'), "
                 "(1, 'issued', '\"2024-03-04\"')")
    conn.commit()
    conn.close()
    cat = Catalog(path)
    row: Any = cat.connection().execute("SELECT f_number, f_issued, k_number, k_filename, year FROM documents").fetchone()
    assert (row["f_number"], row["f_issued"], row["year"]) == ("12/QĐ-UBND", "2024-03-04", "2024")
    assert row["k_number"] == sort_text("12/QĐ-UBND") and row["k_filename"] == sort_text("Ấp.pdf")


def test_list_streams_in_id_order_with_filters(library: Library) -> None:
    made = [file_doc(library, [str(i)], type_code="QD" if i % 2 else "CV") for i in range(7)]
    assert [d.id for d in library.catalog.iter_documents(chunk=2)] == made
    assert [d.id for d in library.catalog.iter_documents(type_code="QD", chunk=2)] == made[1::2]
    library.catalog.set_trashed(made[0], True)
    assert [d.id for d in library.catalog.iter_documents(status="trashed", chunk=2)] == [made[0]]
    assert made[0] not in [d.id for d in library.catalog.iter_documents(chunk=3)]
