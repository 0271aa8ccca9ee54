"""The watched inbox folder's scanner: a file is handed out once, only after it stopped growing."""

from __future__ import annotations

import os
from pathlib import Path

from docmgr.services.inbox import InboxScanner, scanner_for


def test_a_file_is_handed_out_once_when_fully_written(tmp_path: Path) -> None:
    scanner = InboxScanner(tmp_path)
    growing = tmp_path / "scan.pdf"
    growing.write_bytes(b"%PDF-1.4 part")
    assert scanner.poll() == []            # first sight
    with growing.open("ab") as f:
        f.write(b" more")
    assert scanner.poll() == []            # still growing
    assert scanner.poll() == [growing]     # same size twice: ready
    assert scanner.poll() == []            # handed out once
    (tmp_path / "~$draft.docx").write_bytes(b"lock")
    (tmp_path / "download.pdf.part").write_bytes(b"half")
    (tmp_path / "empty.pdf").write_bytes(b"")
    scanner.poll()
    assert scanner.poll() == []


def test_given_back_files_come_again_and_rewritten_files_count_as_new(tmp_path: Path) -> None:
    scanner = InboxScanner(tmp_path / "sub")
    assert scanner.poll() == []            # the folder does not exist yet
    (tmp_path / "sub").mkdir()
    doc = tmp_path / "sub" / "a.txt"
    doc.write_text("GIẤY MỜI", encoding="utf-8")
    scanner.poll()
    assert scanner.poll() == [doc]
    scanner.give_back([doc])
    assert scanner.poll() == [doc]
    doc.write_text("GIẤY MỜI họp lần 2", encoding="utf-8")
    os.utime(doc, ns=(1, 2_000_000_000))
    scanner.poll()
    assert scanner.poll() == [doc]
    assert scanner_for("  ") is None
