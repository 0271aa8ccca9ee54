"""The incoming register written out: CSV (UTF-8 with BOM, for Excel), XLSX (openpyxl) and a printable
PDF in the book's layout (reportlab, A4 landscape, a Unicode TTF font so Vietnamese prints right).

Decree 30/2020 Art. 22 cl. 3: a register kept in the system is printed in the book's layout, signed
and bound; the PDF has the cover lines of Phụ lục IV and the 10 columns.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import Optional, Sequence

from docmgr.core.atomic import atomic_output
from docmgr.records.register import COLUMNS, Book, Entry

# fonts with Vietnamese glyphs, looked up in this order (Linux, Windows, macOS)
_FONT_CANDIDATES = (
    ("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"),
    ("C:/Windows/Fonts/times.ttf", "C:/Windows/Fonts/timesbd.ttf"),
    ("C:/Windows/Fonts/arial.ttf", "C:/Windows/Fonts/arialbd.ttf"),
    ("/Library/Fonts/Times New Roman.ttf", "/Library/Fonts/Times New Roman Bold.ttf"),
    ("/System/Library/Fonts/Supplemental/Times New Roman.ttf",
     "/System/Library/Fonts/Supplemental/Times New Roman Bold.ttf"),
)


def cell(entry: Entry, key: str) -> str:
    """A column's text as the book shows it (dates dd/mm/yyyy, the number with a leading 0)."""
    if key == "number":
        return entry.number_text
    value = str(getattr(entry, key) or "")
    if key in ("arrived", "doc_date", "transferred") and len(value) == 10 and value[4] == "-":
        return f"{value[8:10]}/{value[5:7]}/{value[0:4]}"
    return value


def write_csv(path: Path, rows: Sequence[Entry]) -> None:
    with atomic_output(path) as part:
        with part.open("w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(["Sổ", "Năm"] + [title for _, title in COLUMNS])
            for e in rows:
                writer.writerow([e.book, e.year] + [cell(e, k) for k, _ in COLUMNS])


def write_xlsx(path: Path, rows: Sequence[Entry], title: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "So den"
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append(["Sổ", "Năm"] + [t for _, t in COLUMNS])
    for c in ws[2]:
        c.font = Font(bold=True)
        c.alignment = Alignment(wrap_text=True, vertical="top")
    for e in rows:
        ws.append([e.book, e.year] + [e.number if k == "number" else cell(e, k) for k, _ in COLUMNS])
    for letter, width in zip("ABCDEFGHIJKL", (6, 6, 11, 7, 28, 16, 12, 48, 20, 11, 10, 20)):
        ws.column_dimensions[letter].width = width
    with atomic_output(path) as part:
        wb.save(part)


def font_files() -> Optional[tuple[str, str]]:
    """(regular, bold) TTF paths of a font that has Vietnamese glyphs, or None."""
    for regular, bold in _FONT_CANDIDATES:
        if os.path.exists(regular):
            return regular, bold if os.path.exists(bold) else regular
    return None


def write_pdf(path: Path, rows: Sequence[Entry], book: Book, year: Optional[int], body: str = "") -> None:
    """The printable register: cover lines, then the 10-column table, repeated header on every page."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer

    fonts = font_files()
    if fonts is None:
        from docmgr.core.errors import DocmgrError

        raise DocmgrError("no font with Vietnamese letters found (DejaVu Serif or Times New Roman): install one")
    pdfmetrics.registerFont(TTFont("RegisterFont", fonts[0]))
    pdfmetrics.registerFont(TTFont("RegisterFont-Bold", fonts[1]))
    normal = ParagraphStyle("cell", fontName="RegisterFont", fontSize=8.5, leading=10.5)
    head = ParagraphStyle("head", parent=normal, fontName="RegisterFont-Bold", alignment=1)
    title = ParagraphStyle("title", parent=head, fontSize=15, leading=19, spaceAfter=4)
    sub = ParagraphStyle("sub", parent=normal, fontSize=10.5, leading=14, alignment=1)
    numbers = [e.number for e in rows]
    dates = sorted(e.arrived for e in rows)
    story = [Paragraph(_esc(body), sub) if body else Spacer(1, 1),
             Paragraph(_esc(book.name.upper()), title),
             Paragraph(f"Năm {year or '…'}", sub),
             Paragraph(f"Từ ngày {_dmy(dates[0]) if dates else '…'} đến ngày {_dmy(dates[-1]) if dates else '…'}"
                       f" — Từ số {min(numbers):02d} đến số {max(numbers):02d}" if numbers else
                       "Từ ngày … đến ngày … — Từ số … đến số …", sub),
             Spacer(1, 5 * mm)]
    data = [[Paragraph(f"{t}<br/>({i})", head) for i, (_, t) in enumerate(COLUMNS, 1)]]
    for e in rows:
        data.append([Paragraph(_esc(cell(e, k)), normal) for k, _ in COLUMNS])
    widths = [w * mm for w in (23, 12, 35, 28, 23, 58, 28, 23, 16, 22)]
    table = LongTable(data, colWidths=widths, repeatRows=1)
    table.setStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee"))])
    story.append(table)
    with atomic_output(path) as part:
        doc = SimpleDocTemplate(str(part), pagesize=landscape(A4), leftMargin=15 * mm, rightMargin=10 * mm,
                                topMargin=15 * mm, bottomMargin=15 * mm, title=book.name, author="docmgr")
        doc.build(story)


def _dmy(iso: str) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}" if len(iso) >= 10 else iso


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
