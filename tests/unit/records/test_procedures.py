"""The procedure catalogue: the shipped file is valid against the taxonomy; bad files are named with the problem."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any, Callable

import pytest

from docmgr.classify.taxonomy import load_taxonomy
from docmgr.records.procedures import load_procedures, procedures_file
from docmgr.records.resources import RecordsDataError

TAX = load_taxonomy()
TYPES, FIELDS = set(TAX.types), set(TAX.fields_of_work)


def shipped() -> dict[str, Any]:
    return json.loads(procedures_file().read_text(encoding="utf-8"))


def test_the_shipped_catalogue_covers_the_domain_procedures() -> None:
    cat = load_procedures(procedures_file(), TYPES, FIELDS)
    procs = {p.code: p for p in cat.current(date(2026, 3, 2))}
    assert len(procs) >= 13
    birth = procs["KHAI-SINH"]
    assert birth.time_limit.unit == "on_the_spot"
    assert [c.types for c in birth.components if c.filed and c.required] == [("TK-KS",), ("GCS",)]
    assert procs["THUONG-TRU"].national_code == "1.004222" and "time_limit" in procs["THUONG-TRU"].unconfirmed
    assert procs["DAT-BIEN-DONG"].time_limit.value == 8
    assert cat.get("1.004222", date(2026, 3, 2)).code == "THUONG-TRU"  # by national code too
    for p in procs.values():
        assert all(c.required or c.condition for c in p.components)


def _edit(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    data = copy.deepcopy(shipped())
    change(data)
    return data


BAD = [
    (lambda d: d["procedures"][0]["components"][0].update(types=["NO-SUCH"]),
     "procedure KHAI-SINH, component to-khai: unknown document type code 'NO-SUCH'"),
    (lambda d: d["procedures"][0]["components"][0].update(copy_kind="photo"), '"copy_kind" must be one of'),
    (lambda d: d["procedures"][1]["components"][1].update(condition=None), 'needs its "condition" in words'),
    (lambda d: d["procedures"][0].update(time_limit={"value": 3, "unit": "weeks"}), '"time_limit" must be'),
    (lambda d: d["procedures"][0].update(field_of_work="thu-y"), "unknown field of work 'thu-y'"),
    (lambda d: d["procedures"].append(copy.deepcopy(d["procedures"][0])), "two entries are in force at the same time"),
]


@pytest.mark.parametrize("change,message", BAD)
def test_a_bad_catalogue_names_the_file_and_the_problem(tmp_path: Path, change: Callable[[dict[str, Any]], None],
                                                        message: str) -> None:
    path = tmp_path / "procedures.json"
    path.write_text(json.dumps(_edit(change), ensure_ascii=False), encoding="utf-8")
    with pytest.raises(RecordsDataError) as err:
        load_procedures(path, TYPES, FIELDS)
    assert str(path) in str(err.value) and message in str(err.value)


def test_entries_are_versioned_by_effective_date(tmp_path: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        old = d["procedures"][5]  # XN-HON-NHAN, 3 working days
        old["effective_to"] = "2027-01-01"
        new = copy.deepcopy(old)
        new.update(effective_from="2027-01-01", effective_to=None, time_limit={"value": 2, "unit": "working_days"})
        d["procedures"].append(new)

    path = tmp_path / "procedures.json"
    path.write_text(json.dumps(_edit(change), ensure_ascii=False), encoding="utf-8")
    cat = load_procedures(path, TYPES, FIELDS)
    assert cat.get("xn-hon-nhan", date(2026, 12, 31)).time_limit.value == 3
    assert cat.get("XN-HON-NHAN", date(2027, 1, 1)).time_limit.value == 2
