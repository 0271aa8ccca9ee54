"""The audit trail: hooked services write entries, and `check` catches any edited, deleted, re-ordered or
truncated entry (raw SQL on the real catalog file), naming the first bad one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from docmgr.records import audit as trail
from docmgr.services import audit
from docmgr.services.check import check_library
from docmgr.services.documents import restore, trash
from docmgr.services.ingest import ingest_paths
from tests.fixtures.builders import DECISION


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[int]]:
    """One library filed through the real services (ingest, trash, restore), copied for each test."""
    from docmgr.services.library import open_library

    inputs = tmp_path_factory.mktemp("in")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DOCMGR_USER", "Nguyễn Văn Thư")
        library = open_library(tmp_path_factory.mktemp("lib") / "library")
        for i in range(3):
            (inputs / f"qd{i}.txt").write_text("\n".join(DECISION) + f"\nBản số {i}\n", encoding="utf-8")
        ids = [r.id for r in ingest_paths(library, [inputs])]
        trash(library, ids[0])
        restore(library, ids[0])
        library.catalog.close()
    return library.root, ids


@pytest.fixture
def filed(template: tuple[Path, list[int]], tmp_path: Path) -> Any:
    from docmgr.services.library import open_library

    shutil.copytree(template[0], tmp_path / "copy")
    return open_library(tmp_path / "copy"), template[1]


def audit_problems(library: Any) -> list[dict[str, Any]]:
    return [p for p in check_library(library)["problems"] if p["kind"] == "audit"]


def test_hooked_actions_are_recorded_with_who_and_when(filed: Any) -> None:
    library, ids = filed
    entries = audit.history(library)
    assert [e.action for e in entries] == ["ingest", "ingest", "ingest", "trash", "restore"]
    assert {e.actor for e in entries} == {"Nguyễn Văn Thư"}
    assert [e.target for e in audit.history(library, doc_id=ids[0])] == [trail.doc_target(ids[0])] * 3
    assert entries[0].detail["filename"] == "qd0.txt" and entries[0].at[:4].isdigit()
    assert entries[1].prev == entries[0].hash and entries[0].prev == trail.GENESIS
    head = json.loads((library.root / trail.HEAD_FILE).read_text(encoding="utf-8"))
    assert head["seq"] == 5 and head["hash"] == entries[-1].hash
    assert audit_problems(library) == []


def test_confirm_records_the_edited_field_names_not_their_values(filed: Any) -> None:
    from docmgr.services.classify import confirm

    library, ids = filed
    confirm(library, ids[1], type="QD", fields={"signer": "Trần Văn Ký", "id_numbers": "092123456789"})
    last = audit.history(library, doc_id=ids[1])[-1]
    assert last.action == "confirm" and last.detail["edited"] == ["id_numbers", "signer"]
    assert "092123456789" not in json.dumps(last.to_json(), ensure_ascii=False)


def raw(library: Any, sql: str, *args: Any) -> None:
    conn = library.catalog.connection()
    conn.execute(sql, args)


def test_an_edited_entry_is_caught(filed: Any) -> None:
    library, _ = filed
    raw(library, "UPDATE audit_log SET actor = 'someone else' WHERE seq = 2")
    assert audit_problems(library) == [{"kind": "audit", "id": 2, "detail": pytest.approx(
        "audit entry 2 was altered (its content does not match its hash)")}]
    assert check_library(library)["ok"] is False


def test_an_edited_entry_with_a_recomputed_hash_breaks_the_next_link(filed: Any) -> None:
    library, _ = filed
    row = library.catalog.connection().execute("SELECT * FROM audit_log WHERE seq = 3").fetchone()
    forged = trail.entry_hash(3, row["at"], "forger", row["action"], row["target"], row["detail"], row["prev"])
    raw(library, "UPDATE audit_log SET actor = 'forger', hash = ? WHERE seq = 3", forged)
    assert [p["id"] for p in audit_problems(library)] == [4]


def test_a_deleted_entry_is_caught(filed: Any) -> None:
    library, _ = filed
    raw(library, "DELETE FROM audit_log WHERE seq = 3")
    problems = audit_problems(library)
    assert [p["id"] for p in problems] == [3] and "missing" in problems[0]["detail"]


def test_re_ordered_entries_are_caught(filed: Any) -> None:
    library, _ = filed
    raw(library, "UPDATE audit_log SET seq = -2 WHERE seq = 2")
    raw(library, "UPDATE audit_log SET seq = 2 WHERE seq = 3")
    raw(library, "UPDATE audit_log SET seq = 3 WHERE seq = -2")
    assert [p["id"] for p in audit_problems(library)] == [2]


def test_truncated_entries_are_caught_by_the_head_outside_the_catalog(filed: Any) -> None:
    library, _ = filed
    raw(library, "DELETE FROM audit_log WHERE seq >= 4")
    problems = audit_problems(library)
    assert [p["id"] for p in problems] == [4] and "cut off" in problems[0]["detail"]
    raw(library, "DELETE FROM audit_log")
    assert [p["id"] for p in audit_problems(library)] == [1]


def test_a_removed_head_file_is_caught(filed: Any) -> None:
    library, _ = filed
    (library.root / trail.HEAD_FILE).unlink()
    assert "missing" in audit_problems(library)[0]["detail"]


def test_entries_after_a_lagging_head_are_accepted(filed: Any) -> None:
    """A crash between the commit and the head write leaves the head one behind: not a problem."""
    library, ids = filed
    with library.write_lock(), library.catalog.transaction() as tx:
        audit.log(tx, "edit", trail.doc_target(ids[0]), {"notes": True})
    assert audit_problems(library) == []


def test_audit_cli_json_lines_and_check_exit_1(cli: Any, inputs: Path, library_path: Path) -> None:
    (inputs / "qd.txt").write_text("\n".join(DECISION), encoding="utf-8")
    doc_id = cli.json_lines("ingest", inputs / "qd.txt")[0]["id"]
    assert cli("delete", doc_id).returncode == 0
    rows = cli.json_lines("audit", "--id", doc_id)
    assert [r["action"] for r in rows] == ["ingest", "trash"]
    assert set(rows[0]) == {"seq", "at", "actor", "action", "target", "detail", "hash"}
    import sqlite3

    conn = sqlite3.connect(library_path / "catalog.sqlite3")
    conn.execute("UPDATE audit_log SET action = 'nothing' WHERE seq = 1")
    conn.commit()
    conn.close()
    proc = cli("check", "--json")
    assert proc.returncode == 1
    assert [p for p in json.loads(proc.stdout)["problems"] if p["kind"] == "audit"][0]["id"] == 1


def test_a_library_opened_without_the_components_still_records(tmp_path: Path, inputs: Path) -> None:
    from docmgr.core.library import Library

    library = Library(tmp_path / "plain")
    (inputs / "qd.txt").write_text("\n".join(DECISION), encoding="utf-8")
    (result,) = ingest_paths(library, [inputs / "qd.txt"])
    assert [e.action for e in audit.history(library)] == ["ingest"] and audit_problems(library) == []


def test_dossier_actions_are_in_the_trail(library: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import datetime

    from docmgr.services import dossiers as svc
    from tests.fixtures.catalog_docs import file_doc

    monkeypatch.setenv("DOCMGR_USER", "vanthu")
    code = svc.new_dossier(library, "KHAI-SINH", svc.ApplicantInput("Nguyễn Văn An"), datetime(2026, 3, 2, 9))["code"]
    doc = file_doc(library, ["Tờ khai đăng ký khai sinh"], type_code="TK-KS")
    svc.attach(library, code, [doc])
    svc.set_status(library, code, "in-progress")
    entries = audit.history(library, dossier=code)
    assert [(e.action, e.actor) for e in entries] == [("receive", "vanthu"), ("attach", "vanthu"),
                                                      ("status", "vanthu")]
    assert entries[1].detail == {"documents": [doc]} and entries[2].detail == {"from": "received", "to": "in-progress"}
    assert audit_problems(library) == []
