"""Export → import into an empty library and backup → restore: originals bit-identical, every field equal
(ids may differ); damaged or hostile packages (../, absolute, symlink, zip bomb, a flipped byte) refused."""

from __future__ import annotations

import json
import shutil
import stat
import zipfile
from pathlib import Path
from typing import Any

import pytest

from docmgr.core.errors import DocmgrError
from docmgr.records.package import BadPackage
from docmgr.services import backup as backups
from docmgr.services.check import check_library
from docmgr.services.classify import confirm
from docmgr.services.exchange import export, import_package
from docmgr.services.ingest import ingest_paths
from docmgr.services.library import open_library
from tests.fixtures.builders import DECISION, text_pdf

ID = "092123456789"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    inputs = tmp_path_factory.mktemp("in")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DOCMGR_USER", "luutru")
        library = open_library(tmp_path_factory.mktemp("lib") / "library")
        (inputs / "quyết định.txt").write_text("\n".join(DECISION) + f"\nCCCD số {ID}\n", encoding="utf-8")
        text_pdf(inputs / "qd.pdf", [DECISION, ["Trang hai", "Nội dung"]])
        (inputs / "ghi chú.txt").write_text("Ghi chú nội bộ về hồ sơ khai sinh\n", encoding="utf-8")
        ids = [r.id for r in ingest_paths(library, sorted(inputs.iterdir()))]
        confirm(library, ids[0], type="QD", fields={"signer": "Trần Văn Ký", "id_numbers": ID})
        from docmgr.services.documents import trash

        trash(library, ids[2])
        library.catalog.close()
    return library.root


@pytest.fixture
def library(template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("DOCMGR_USER", "luutru")
    shutil.copytree(template, tmp_path / "source")
    return open_library(tmp_path / "source")


def snapshot(library: Any) -> list[dict[str, Any]]:
    """Every document's catalog fields, pages and original bytes, ids left out."""
    out = []
    docs = library.catalog.documents() + library.catalog.documents(status="trashed")
    for d in sorted(docs, key=lambda d: d.sha256):
        row = {k: v for k, v in vars(d).items() if k not in ("id", "source_path")}
        row["fields"] = {k: vars(v) for k, v in d.fields.items()}
        row["pages"] = [(p.number, p.text, p.source, p.confidence, p.width, p.height)
                        for p in library.catalog.pages(d.id)]
        row["original"] = library.original_path(d.sha256, d.suffix).read_bytes()
        out.append(row)
    return out


def test_export_import_into_an_empty_library_keeps_everything(library: Any, tmp_path: Path) -> None:
    ids = library.catalog.all_ids()
    result = export(library, tmp_path / "out.zip", ids, masked=False)
    assert result["documents"] == 3
    with zipfile.ZipFile(tmp_path / "out.zip") as zf:
        assert {"manifest.json", "metadata.csv", "SHA256SUMS"} <= set(zf.namelist())
    other = open_library(tmp_path / "other")
    summary = import_package(other, tmp_path / "out.zip")
    assert len(summary["imported"]) == 3 and summary["duplicates"] == []
    assert snapshot(other) == snapshot(library)
    assert check_library(other)["ok"], check_library(other)["problems"]
    assert import_package(other, tmp_path / "out.zip")["duplicates"]  # again: nothing twice


def test_export_masks_id_numbers_unless_asked(library: Any, tmp_path: Path) -> None:
    export(library, tmp_path / "masked.zip", library.catalog.all_ids())
    with zipfile.ZipFile(tmp_path / "masked.zip") as zf:
        manifest = zf.read("manifest.json").decode("utf-8")
        csv_text = zf.read("metadata.csv").decode("utf-8-sig")
    assert ID not in manifest and ID not in csv_text and "092*******89" in csv_text
    assert json.loads(manifest)["masked"] is True


def test_backup_restore_gives_the_same_library(library: Any, tmp_path: Path) -> None:
    result = backups.backup(library, tmp_path / "b.zip")
    assert result["documents"] == 3
    restored = backups.restore(tmp_path / "b.zip", tmp_path / "restored")
    again = open_library(restored["path"])
    assert snapshot(again) == snapshot(library)
    report = check_library(again)
    assert report["ok"], report["problems"]  # the audit chain and its head came along
    assert [e.action for e in __import__("docmgr.services.audit", fromlist=["x"]).history(again)][-2:] == \
        ["backup", "restore-backup"]
    with pytest.raises(DocmgrError, match="not empty"):
        backups.restore(tmp_path / "b.zip", tmp_path / "restored")


def test_a_damaged_backup_is_refused(library: Any, tmp_path: Path) -> None:
    backups.backup(library, tmp_path / "b.zip")
    data = bytearray((tmp_path / "b.zip").read_bytes())
    with zipfile.ZipFile(tmp_path / "b.zip") as zf:
        info = next(i for i in zf.infolist() if i.filename.startswith("originals/"))
    name_len, extra_len = (int.from_bytes(data[info.header_offset + i:info.header_offset + i + 2], "little")
                           for i in (26, 28))
    offset = info.header_offset + 30 + name_len + extra_len + 5
    data[offset] ^= 0xFF  # one flipped byte inside a stored original
    (tmp_path / "bad.zip").write_bytes(bytes(data))
    with pytest.raises(BadPackage, match="damaged|checksum"):
        backups.restore(tmp_path / "bad.zip", tmp_path / "r")
    assert not (tmp_path / "r").exists() or not any((tmp_path / "r").iterdir())


def _zip_with(path: Path, name: str, data: bytes = b"x", *, mode: int = stat.S_IFREG | 0o644) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        info = zipfile.ZipInfo(name)
        info.external_attr = mode << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(info, data)
    return path


@pytest.mark.parametrize("name, data, mode, cause", [
    ("../evil.txt", b"x", stat.S_IFREG | 0o644, "'..'"),
    ("originals/../../evil.txt", b"x", stat.S_IFREG | 0o644, "'..'"),
    ("/etc/evil", b"x", stat.S_IFREG | 0o644, "absolute path"),
    ("C:/Windows/evil", b"x", stat.S_IFREG | 0o644, "absolute path"),
    ("link", b"/etc/passwd", stat.S_IFLNK | 0o777, "symbolic link"),
    ("bomb.bin", b"\0" * (50 << 20), stat.S_IFREG | 0o644, "zip bomb"),
])
def test_hostile_members_are_refused_with_one_line(library: Any, tmp_path: Path, name: str, data: bytes, mode: int,
                                                   cause: str) -> None:
    path = _zip_with(tmp_path / "hostile.zip", name, data, mode=mode)
    for action in (lambda: import_package(library, path), lambda: backups.restore(path, tmp_path / "r")):
        with pytest.raises(BadPackage) as err:
            action()
        message = str(err.value)
        assert cause in message and name in message and "\n" not in message
    assert not (tmp_path.parent / "evil.txt").exists()


def test_hostile_zip_cli_exit_1_one_line(cli: Any, tmp_path: Path) -> None:
    path = _zip_with(tmp_path / "evil.zip", "../evil.txt")
    proc = cli("import", path)
    assert proc.returncode == 1 and "'..'" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    proc = cli("restore", path, "--library", tmp_path / "new")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr


def test_scheduled_backup_keeps_the_last_n(library: Any, tmp_path: Path) -> None:
    from datetime import datetime, timedelta

    library.settings.backup_folder = str(tmp_path / "auto")
    library.settings.backup_keep = 2
    library.settings.backup_interval_hours = 24.0
    start = datetime(2026, 3, 1, 8, 0)
    made = [backups.backup_if_due(library, now=start + timedelta(days=d)) for d in range(4)]
    assert all(made)
    assert backups.backup_if_due(library, now=start + timedelta(days=3, hours=5)) is None  # the newest is fresh
    assert len(list((tmp_path / "auto").glob("*.zip"))) == 2
