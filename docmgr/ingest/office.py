"""Plain text files and Word .docx: decoding and reading order (paragraphs and tables)."""

from __future__ import annotations

import codecs
from pathlib import Path

from docmgr.core.errors import RejectedInput
from docmgr.core.text import nfc

MAX_TEXT_BYTES = 50 * 1024 * 1024


def read_text_file(path: Path) -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 (BOM), else Windows-1258; NFC."""
    data = path.read_bytes()
    if len(data) > MAX_TEXT_BYTES:
        raise RejectedInput(f"text file too large ({len(data) // 1048576} MiB)")
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return nfc(data.decode(encoding))
            except UnicodeDecodeError as exc:
                raise RejectedInput(f"text file is not valid {encoding.upper()}") from exc
    try:
        return nfc(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        # Windows-1258 writes tones as combining marks: NFC composes them.
        return nfc(data.decode("cp1258"))
    except UnicodeDecodeError as exc:
        raise RejectedInput("text file in an unknown encoding (not UTF-8, UTF-16 or Windows-1258)") from exc


def read_docx(path: Path) -> str:
    """Text of a .docx in reading order: paragraphs and table rows (cells separated by tabs)."""
    import docx
    from docx.table import Table

    try:
        document = docx.Document(str(path))
    except Exception as exc:
        raise RejectedInput(f"damaged Word file ({type(exc).__name__})") from exc
    lines: list[str] = []

    def walk_table(table: Table) -> None:
        for row in table.rows:
            cells: list[str] = []
            seen: set[int] = set()
            for cell in row.cells:
                if id(cell._tc) in seen:  # merged cells repeat
                    continue
                seen.add(id(cell._tc))
                cells.append("\n".join(p.text for p in cell.paragraphs).strip())
                for inner in cell.tables:
                    walk_table(inner)
            if any(cells):
                lines.append("\t".join(cells))

    for block in document.iter_inner_content():
        if isinstance(block, Table):
            walk_table(block)
        else:
            lines.append(block.text)
    return nfc("\n".join(lines).strip())
