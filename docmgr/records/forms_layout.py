"""The building blocks of the printed forms (reportlab): what a form shows (:class:`FormData`), the
font with Vietnamese letters, the styles, the two-column header with the national motto, the title
with the dossier code's QR code, the applicant block, tables, signatures, and the atomic write
(:func:`docmgr.core.atomic.atomic_output`). The forms themselves are in :mod:`docmgr.records.forms`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Optional, Sequence

from docmgr.records.fonts import find_font

BASE, BOLD = "DocmgrSerif", "DocmgrSerif-Bold"


@dataclass
class Office:
    """Who issues the forms (from the dossier settings)."""

    parent_body: str
    receiving_body: str
    place: str


@dataclass
class FormRow:
    """One line of a form's table of papers."""

    name: str
    copy_kind: str = ""
    count: str = "01"
    note: str = ""


@dataclass
class FormData:
    """Everything a dossier form shows."""

    office: Office
    code: str
    applicant: dict[str, str]
    procedure_name: str
    time_limit: str
    fee: str
    received: datetime
    body: str = ""
    appointment: Optional[tuple[date, str]] = None
    papers: list[FormRow] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    reason: str = ""
    sequence: Optional[int] = None
    clerk: str = ""
    history: list[dict[str, str]] = field(default_factory=list)


def _fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if BASE in pdfmetrics.getRegisteredFontNames():
        return
    pair = find_font()
    pdfmetrics.registerFont(TTFont(BASE, str(pair.regular)))
    pdfmetrics.registerFont(TTFont(BOLD, str(pair.bold)))
    pdfmetrics.registerFontFamily(BASE, normal=BASE, bold=BOLD, italic=BASE, boldItalic=BOLD)


def styles() -> dict[str, Any]:
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    _fonts()
    body = ParagraphStyle("body", fontName=BASE, fontSize=12, leading=16)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=10.5, leading=13),
        "center": ParagraphStyle("center", parent=body, alignment=TA_CENTER),
        "head": ParagraphStyle("head", parent=body, fontName=BOLD, alignment=TA_CENTER, fontSize=11.5, leading=15),
        "top": ParagraphStyle("top", parent=body, alignment=TA_CENTER, fontSize=11, leading=14),
        "tophead": ParagraphStyle("tophead", parent=body, fontName=BOLD, alignment=TA_CENTER, fontSize=11,
                                  leading=14),
        "title": ParagraphStyle("title", parent=body, fontName=BOLD, alignment=TA_CENTER, fontSize=14, leading=19,
                                spaceBefore=8, spaceAfter=4),
        "right": ParagraphStyle("right", parent=body, alignment=TA_RIGHT),
        "cell": ParagraphStyle("cell", parent=body, fontSize=11, leading=14),
        "cellhead": ParagraphStyle("cellhead", parent=body, fontName=BOLD, fontSize=11, leading=14,
                                   alignment=TA_CENTER),
    }


def esc(text: Any) -> str:
    return str(text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def date_line(place: str, day: date) -> str:
    """``Cần Thơ, ngày 02 tháng 03 năm 2026``."""
    return f"{place}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def moment_vi(when: datetime) -> str:
    """``09 giờ 10 phút, ngày 02/03/2026``."""
    return f"{when.hour:02d} giờ {when.minute:02d} phút, ngày {when:%d/%m/%Y}"


def qr_image(text: str, size_mm: float = 28.0) -> Any:
    """A reportlab flowable of the QR code of ``text``."""
    import qrcode
    from reportlab.lib.units import mm
    from reportlab.platypus import Image

    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=8, border=4)
    qr.add_data(text)
    qr.make(fit=True)
    buf = io.BytesIO()
    qr.make_image(fill_color="black", back_color="white").save(buf, format="PNG")
    buf.seek(0)
    return Image(buf, width=size_mm * mm, height=size_mm * mm)


def header(data: FormData, st: dict[str, Any], day: date) -> list[Any]:
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table, TableStyle

    left = [Paragraph(esc(data.office.parent_body.upper()), st["top"]),
            Paragraph(f"<b>{esc(data.office.receiving_body.upper())}</b>", st["tophead"])]
    right = [Paragraph("<b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>", st["tophead"]),
             Paragraph("<u><b>Độc lập - Tự do - Hạnh phúc</b></u>", st["tophead"])]
    grid = Table([[left, right]], colWidths=[72 * mm, 106 * mm])
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return [grid, Paragraph(f"<i>{esc(date_line(data.office.place, day))}</i>", st["right"])]


def title_with_qr(title: str, code: str, st: dict[str, Any], qr: bool) -> list[Any]:
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table, TableStyle

    words = [Paragraph(esc(title), st["title"]), Paragraph(f"Mã hồ sơ: <b>{esc(code)}</b>", st["center"])]
    if not qr:
        return words
    table = Table([[words, qr_image(code)]], colWidths=[146 * mm, 32 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [table]


def applicant(data: FormData, st: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import Paragraph

    a = data.applicant
    lines = [f"Ông/Bà: <b>{esc(a.get('name'))}</b>"]
    if a.get("id_number"):
        lines.append(f"Số định danh cá nhân/Mã số thuế: {esc(a['id_number'])}")
    lines.append(f"Số điện thoại: {esc(a.get('phone') or '……………')}")
    lines.append(f"Địa chỉ: {esc(a.get('address') or '……………………………………')}")
    if a.get("address_2025"):
        lines.append(f"(Địa chỉ theo đơn vị hành chính mới: {esc(a['address_2025'])})")
    lines.append(f"Nội dung yêu cầu giải quyết: <b>{esc(data.procedure_name)}</b>")
    return [Paragraph(line, st["body"]) for line in lines]


def table(header: Sequence[str], rows: Sequence[Sequence[str]], widths_mm: Sequence[float],
           st: dict[str, Any]) -> Any:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table, TableStyle

    cells = [[Paragraph(esc(h), st["cellhead"]) for h in header]]
    cells += [[Paragraph(esc(c).replace("\n", "<br/>"), st["cell"]) for c in row] for row in rows]
    table = Table(cells, colWidths=[w * mm for w in widths_mm], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def signatures(left: str, right: str, right_name: str, st: dict[str, Any]) -> Any:
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    def block(title: str, name: str) -> list[Any]:
        return [Paragraph(f"<b>{esc(title)}</b>", st["head"]), Paragraph("<i>(Ký và ghi rõ họ tên)</i>", st["center"]),
                Spacer(1, 18 * mm), Paragraph(esc(name), st["center"])]

    table = Table([[block(left, "") if left else "", block(right, right_name)]], colWidths=[89 * mm, 89 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def build(path: Path, story: list[Any], title: str) -> Path:
    """Lay out ``story`` on A4 and write it atomically to ``path``."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    from docmgr.core.atomic import atomic_output

    path = Path(path)
    with atomic_output(path) as part:
        doc = SimpleDocTemplate(str(part), pagesize=A4, leftMargin=20 * mm, rightMargin=12 * mm, topMargin=15 * mm,
                                bottomMargin=15 * mm, title=title, author="docmgr")
        doc.build(story)
    return path
