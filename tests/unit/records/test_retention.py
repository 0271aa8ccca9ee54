"""Retention and disposal: defaults per type ([U] marked), per-record values 2–70 or permanent, a file kept as
long as its longest item, disposal only by an archivist and never under a hold, a tombstone left; the
personal-data deletion path."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from docmgr.core.errors import NotFound, UsageError
from docmgr.core.library import file_sha256
from docmgr.records import retention as ret
from docmgr.records.users import PermissionDenied
from docmgr.services import audit, retention, users
from docmgr.services.check import check_library
from docmgr.services.ingest import ingest_paths

TODAY = date(2026, 6, 1)


@pytest.fixture
def docs(library: Any, inputs: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    monkeypatch.setenv("DOCMGR_USER", "luutru")
    texts = {
        "old_letter": "ỦY BAN NHÂN DÂN\nSố: 12/UBND-VP\nCần Thơ, ngày 05 tháng 3 năm 2010\nV/v trao đổi công tác\n"
                      "Kính gửi: các phòng. Ông Nguyễn Văn An, CCCD 092123456789.\n",
        "new_letter": "ỦY BAN NHÂN DÂN\nSố: 13/UBND-VP\nCần Thơ, ngày 05 tháng 3 năm 2025\nV/v trao đổi công tác\n",
        "decision": "ỦY BAN NHÂN DÂN\nSố: 14/QĐ-UBND\nCần Thơ, ngày 05 tháng 3 năm 2010\nQUYẾT ĐỊNH\nVề việc khen thưởng\n",
    }
    for name, text in texts.items():
        (inputs / f"{name}.txt").write_text(text, encoding="utf-8")
    ids = {name: r.id for name, r in zip(texts, ingest_paths(library, [inputs / f"{n}.txt" for n in texts]))}
    from docmgr.services.classify import confirm

    confirm(library, ids["old_letter"], type="CV", fields={"issued": "2010-03-05"})
    confirm(library, ids["new_letter"], type="CV", fields={"issued": "2025-03-05"})
    confirm(library, ids["decision"], type="QD", fields={"issued": "2010-03-05"})
    return ids


def test_defaults_come_from_the_resources_file_with_unconfirmed_marked(library: Any) -> None:
    schedule = retention.schedule(library)
    assert schedule.for_type("QD").permanent and schedule.for_type("CV").years == 10
    assert schedule.for_type("CV").unconfirmed and schedule.for_type("nonexistent").source == "default"
    assert all(r.years is None or 2 <= r.years <= 70 for r in schedule.types.values())


def test_parse_and_the_longest_of_a_file() -> None:
    assert ret.parse("permanent") is None and ret.parse("vĩnh viễn") is None and ret.parse("70") == 70
    for bad in ("1", "71", "forever"):
        with pytest.raises(UsageError):
            ret.parse(bad)
    items = [ret.Retention(10, "a"), ret.Retention(20, "b"), ret.Retention(5, "c")]
    assert ret.longest(items).years == 20
    assert ret.longest(items + [ret.Retention(None, "d")]).permanent


def test_due_lists_expired_records_only(library: Any, docs: dict[str, int]) -> None:
    rows = retention.due(library, TODAY)
    assert [r["id"] for r in rows] == [docs["old_letter"]]
    assert rows[0] | {"until": rows[0]["until"]} == rows[0] and rows[0]["until"] == "2020-12-31"
    assert {"id", "type", "retention", "until"} <= set(rows[0]) and rows[0]["retention"] == "10 years"
    retention.set_retention(library, docs["old_letter"], "20", "hồ sơ có giá trị")
    assert retention.due(library, TODAY) == []
    retention.set_retention(library, docs["new_letter"], "2")
    assert [r["id"] for r in retention.due(library, date(2028, 1, 1))] == [docs["new_letter"]]


def test_a_file_is_kept_as_long_as_its_longest_item(library: Any, docs: dict[str, int]) -> None:
    """Dossier tables (from records/ dossiers) are read when they exist: simulated here by their link table."""
    conn = library.catalog.connection()
    conn.execute("CREATE TABLE dossier_documents (dossier_code TEXT, doc_id INTEGER)")
    conn.executemany("INSERT INTO dossier_documents VALUES (?, ?)",
                     [("HS-1", docs["old_letter"]), ("HS-1", docs["decision"])])
    assert retention.due(library, TODAY) == []  # the decision is permanent, so the whole file is


def test_disposal_needs_an_archivist_and_no_hold(library: Any, docs: dict[str, int],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    old = docs["old_letter"]
    users.add_user(library, "vanthu", "clerk")  # luutru was made archivist by the first role check
    monkeypatch.setenv("DOCMGR_USER", "vanthu")
    with pytest.raises(PermissionDenied, match="archivist"):
        retention.dispose(library, old, "hết thời hạn", today=TODAY)
    monkeypatch.setenv("DOCMGR_USER", "luutru")
    retention.hold(library, old, "thanh tra 2026")
    with pytest.raises(retention.DisposalRefused, match="legal hold"):
        retention.dispose(library, old, "hết thời hạn", today=TODAY)
    retention.release(library, old)
    with pytest.raises(retention.DisposalRefused, match="not due"):
        retention.dispose(library, docs["decision"], "hết thời hạn", today=TODAY)

    doc = library.catalog.get(old)
    original = library.original_path(doc.sha256, doc.suffix)
    assert file_sha256(original) == doc.sha256
    tomb = retention.dispose(library, old, "hết thời hạn bảo quản", today=TODAY)
    assert not original.exists()
    with pytest.raises(NotFound):
        library.catalog.get(old)
    (stone,) = retention.tombstones(library)
    assert (stone["id"], stone["actor"], stone["reason"], stone["kind"]) == (old, "luutru", "hết thời hạn bảo quản",
                                                                             "retention")
    assert stone["metadata"]["fields"]["number"] == "12/UBND-VP" and stone["filename"] == "old_letter.txt"
    assert tomb["sha256"] == doc.sha256
    assert [e.action for e in audit.history(library, doc_id=old)][-3:] == ["hold", "release", "dispose"]
    report = check_library(library)
    assert report["ok"], report["problems"]
    from docmgr.services.search import search

    assert old not in [h["id"] for h in search(library, "trao đổi công tác")["hits"]]


def test_personal_data_deletion_goes_the_same_path(library: Any, docs: dict[str, int]) -> None:
    new = docs["new_letter"]
    with pytest.raises(retention.DisposalRefused):
        retention.dispose(library, new, "yêu cầu xóa dữ liệu", today=TODAY)
    tomb = retention.dispose(library, new, "yêu cầu xóa dữ liệu cá nhân", personal_data=True, today=TODAY)
    assert tomb["kind"] == "personal-data" and tomb["filename"] == ""
    assert set(tomb["metadata"]["fields"]) <= {"number", "issued", "issuer"}


def test_dispose_cli_exit_codes(cli: Any, inputs: Path) -> None:
    (inputs / "a.txt").write_text("ỦY BAN NHÂN DÂN\nSố: 13/UBND-VP\nV/v trao đổi\n", encoding="utf-8")
    doc_id = cli.json_lines("ingest", inputs / "a.txt")[0]["id"]
    proc = cli("dispose", doc_id, "--reason", "thử")
    assert proc.returncode == 1 and "not due" in proc.stderr
    assert cli("dispose", doc_id).returncode == 2  # --reason is required
    assert cli.json_lines("retention", "due") == []
