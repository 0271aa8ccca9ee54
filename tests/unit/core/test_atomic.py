"""The one atomic-write helper: durable (fsync before the rename), all or nothing, used everywhere."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from docmgr.core import atomic
from docmgr.core.atomic import atomic_open, write_atomic
from docmgr.core.settings import AppSettings, Settings

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def fsynced(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """File descriptors passed to os.fsync (the real one still runs)."""
    calls: list[int] = []
    real = os.fsync

    def spy(fd: int) -> None:
        calls.append(fd)
        real(fd)

    monkeypatch.setattr(atomic.os, "fsync", spy)
    return calls


def test_settings_are_flushed_to_disk_before_the_rename(tmp_path: Path, fsynced: list[int]) -> None:
    Settings(ocr_languages="vie").save(tmp_path / "settings.json")
    assert fsynced, "library settings were renamed into place without an fsync"
    fsynced.clear()
    AppSettings(library=str(tmp_path)).save()
    assert fsynced, "app settings were renamed into place without an fsync"
    assert Settings.load(tmp_path / "settings.json").ocr_languages == "vie"


def test_a_failed_write_keeps_the_old_file_and_leaves_no_part(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    write_atomic(target, "old")
    with pytest.raises(RuntimeError), atomic_open(target, "w") as fh:
        fh.write("half of the new")
        raise RuntimeError("writer died")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]


def test_no_hand_written_atomic_writes_outside_the_helper() -> None:
    """One way to replace a file: every ``os.replace`` of a written file goes through core/atomic.py."""
    offenders = []
    for path in (ROOT / "docmgr").rglob("*.py"):
        if path.name == "atomic.py":
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"\.part\b[\"')]", text) and "os.replace(" in text:
            offenders.append(str(path.relative_to(ROOT)))
        if "os.fsync(" in text:
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
