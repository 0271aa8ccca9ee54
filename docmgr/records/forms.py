"""The printed forms of the one-stop office, as PDF (reportlab), with Vietnamese text in a TrueType font.

* Giấy tiếp nhận hồ sơ và hẹn trả kết quả (TT 03/2025/TT-VPCP Mẫu 01) with a QR code of the dossier code;
* Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02), listing what is missing;
* Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03), with the reason;
* Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 06), the tracking sheet;
* Danh mục giấy tờ cần mang theo: the checklist of what to bring, for a citizen.

The official 2025 layouts were not retrieved [U]: the fields follow DOMAIN.md §3.3 (the 2018 template's
structure and a working printout). Each form is written to ``FILE.part`` and renamed into place.
"""

from __future__ import annotations

import io
import os
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


def _styles() -> dict[str, Any]:
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


def _esc(text: Any) -> str:
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


def _header(data: FormData, st: dict[str, Any], day: date) -> list[Any]:
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table, TableStyle

    left = [Paragraph(_esc(data.office.parent_body.upper()), st["top"]),
            Paragraph(f"<b>{_esc(data.office.receiving_body.upper())}</b>", st["tophead"])]
    right = [Paragraph("<b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>", st["tophead"]),
             Paragraph("<u><b>Độc lập - Tự do - Hạnh phúc</b></u>", st["tophead"])]
    table = Table([[left, right]], colWidths=[72 * mm, 106 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return [table, Paragraph(f"<i>{_esc(date_line(data.office.place, day))}</i>", st["right"])]


def _title_with_qr(title: str, code: str, st: dict[str, Any], qr: bool) -> list[Any]:
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table, TableStyle

    words = [Paragraph(_esc(title), st["title"]), Paragraph(f"Mã hồ sơ: <b>{_esc(code)}</b>", st["center"])]
    if not qr:
        return words
    table = Table([[words, qr_image(code)]], colWidths=[146 * mm, 32 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [table]


def _applicant(data: FormData, st: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import Paragraph

    a = data.applicant
    lines = [f"Ông/Bà: <b>{_esc(a.get('name'))}</b>"]
    if a.get("id_number"):
        lines.append(f"Số định danh cá nhân/Mã số thuế: {_esc(a['id_number'])}")
    lines.append(f"Số điện thoại: {_esc(a.get('phone') or '……………')}")
    lines.append(f"Địa chỉ: {_esc(a.get('address') or '……………………………………')}")
    if a.get("address_2025"):
        lines.append(f"(Địa chỉ theo đơn vị hành chính mới: {_esc(a['address_2025'])})")
    lines.append(f"Nội dung yêu cầu giải quyết: <b>{_esc(data.procedure_name)}</b>")
    return [Paragraph(line, st["body"]) for line in lines]


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], widths_mm: Sequence[float],
           st: dict[str, Any]) -> Any:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table, TableStyle

    cells = [[Paragraph(_esc(h), st["cellhead"]) for h in header]]
    cells += [[Paragraph(_esc(c).replace("\n", "<br/>"), st["cell"]) for c in row] for row in rows]
    table = Table(cells, colWidths=[w * mm for w in widths_mm], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _signatures(left: str, right: str, right_name: str, st: dict[str, Any]) -> Any:
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    def block(title: str, name: str) -> list[Any]:
        return [Paragraph(f"<b>{_esc(title)}</b>", st["head"]), Paragraph("<i>(Ký và ghi rõ họ tên)</i>", st["center"]),
                Spacer(1, 18 * mm), Paragraph(_esc(name), st["center"])]

    table = Table([[block(left, "") if left else "", block(right, right_name)]], colWidths=[89 * mm, 89 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _build(path: Path, story: list[Any], title: str) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    doc = SimpleDocTemplate(str(tmp), pagesize=A4, leftMargin=20 * mm, rightMargin=12 * mm, topMargin=15 * mm,
                            bottomMargin=15 * mm, title=title, author="docmgr")
    try:
        doc.build(story)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path


def receipt(data: FormData, path: Path) -> Path:
    """Giấy tiếp nhận hồ sơ và hẹn trả kết quả, with the QR code of the dossier code."""
    from reportlab.platypus import Paragraph, Spacer

    st = _styles()
    story = _header(data, st, data.received.date())
    story += _title_with_qr("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", data.code, st, qr=True)
    story.append(Paragraph(f"{_esc(data.office.receiving_body)} tiếp nhận hồ sơ của:", st["body"]))
    story += _applicant(data, st)
    story += [Spacer(1, 4), Paragraph("<b>1. Thành phần hồ sơ nộp gồm:</b>", st["body"])]
    rows = [[f"{i}", r.name, r.copy_kind, r.count] for i, r in enumerate(data.papers, start=1)] or [["", "", "", ""]]
    story.append(_table(["STT", "Tên giấy tờ", "Hình thức", "Số lượng"], rows, [14, 106, 38, 20], st))
    when = (f"{data.appointment[1].replace(':', ' giờ ')} phút, ngày {data.appointment[0]:%d/%m/%Y}"
            if data.appointment else "……")
    story.append(Spacer(1, 4))
    for line in ("<b>2. Số lượng hồ sơ:</b> 01 (bộ)",
                 f"<b>3. Thời gian giải quyết hồ sơ theo quy định là:</b> {_esc(data.time_limit)}",
                 f"<b>4. Thời gian nhận hồ sơ:</b> {moment_vi(data.received)}",
                 f"<b>5. Thời gian trả kết quả giải quyết hồ sơ:</b> {when}",
                 f"<b>6. Đăng ký nhận kết quả tại:</b> Bộ phận tiếp nhận và trả kết quả, {_esc(data.office.receiving_body)}",
                 f"<b>7. Phí, lệ phí:</b> {_esc(data.fee)}",
                 f"Vào Sổ theo dõi hồ sơ, Quyển số: {data.received.year}, Số thứ tự: {data.sequence or '……'}"):
        story.append(Paragraph(line, st["body"]))
    story += [Spacer(1, 8), _signatures("NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ", data.clerk, st)]
    return _build(path, story, f"Giấy tiếp nhận hồ sơ {data.code}")


def supplement_request(data: FormData, path: Path) -> Path:
    """Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: what the applicant still has to bring."""
    from reportlab.platypus import Paragraph, Spacer

    st = _styles()
    story = _header(data, st, date.today())
    story += _title_with_qr("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", data.code, st, qr=False)
    story.append(Paragraph(f"Hồ sơ nhận lúc {moment_vi(data.received)} của:", st["body"]))
    story += _applicant(data, st)
    story.append(Paragraph("<b>Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:</b>", st["body"]))
    for i, name in enumerate(data.missing or ["……………………………………"], start=1):
        story.append(Paragraph(f"{i}. {_esc(name)}", st["body"]))
    if data.reason:
        story.append(Paragraph(f"<b>Lý do:</b> {_esc(data.reason)}", st["body"]))
    story.append(Paragraph("Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ Bộ phận tiếp nhận "
                           "và trả kết quả để được hướng dẫn.", st["body"]))
    story += [Spacer(1, 8), _signatures("", "NGƯỜI HƯỚNG DẪN", data.clerk, st)]
    return _build(path, story, f"Phiếu yêu cầu bổ sung {data.code}")


def refusal(data: FormData, path: Path) -> Path:
    """Phiếu từ chối tiếp nhận giải quyết hồ sơ, with the reason."""
    from reportlab.platypus import Paragraph, Spacer

    st = _styles()
    story = _header(data, st, date.today())
    story += _title_with_qr("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", data.code, st, qr=False)
    story.append(Paragraph(f"{_esc(data.office.receiving_body)} tiếp nhận hồ sơ đề nghị của:", st["body"]))
    story += _applicant(data, st)
    story.append(Paragraph("Qua nghiên cứu, xem xét, Bộ phận tiếp nhận và trả kết quả từ chối tiếp nhận, giải quyết "
                           "hồ sơ này với lý do cụ thể như sau:", st["body"]))
    story.append(Paragraph(f"<b>{_esc(data.reason)}</b>", st["body"]))
    story.append(Paragraph("Xin thông báo cho Ông/Bà được biết và thực hiện.", st["body"]))
    story += [Spacer(1, 8), _signatures("", "NGƯỜI TIẾP NHẬN HỒ SƠ", data.clerk, st)]
    return _build(path, story, f"Phiếu từ chối {data.code}")


def tracking_sheet(data: FormData, path: Path) -> Path:
    """Phiếu kiểm soát quá trình giải quyết hồ sơ: one row per hand-over, the first filled from the history."""
    from reportlab.platypus import Paragraph

    st = _styles()
    story = _header(data, st, data.received.date())
    story += _title_with_qr("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", data.code, st, qr=True)
    story.append(Paragraph(f"Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả mã số: {_esc(data.code)}", st["center"]))
    story += _applicant(data, st)
    story.append(Paragraph(f"Cơ quan giải quyết hồ sơ: {_esc(data.body)}", st["body"]))
    rows = []
    for h in data.history:
        at = datetime.fromisoformat(h["at"])
        at = at.astimezone().replace(tzinfo=None) if at.tzinfo else at
        rows.append([h.get("who", ""), f"{moment_vi(at)}\n{h.get('what', '')}", h.get("result", ""), h.get("note", "")])
    rows += [["", "… giờ … phút, ngày …/…/……", "", ""] for _ in range(max(0, 5 - len(rows)))]
    story.append(_table(["TÊN CƠ QUAN", "THỜI GIAN GIAO, NHẬN HỒ SƠ", "KẾT QUẢ GIẢI QUYẾT HỒ SƠ (trước hạn/đúng hạn/quá hạn)",
                         "GHI CHÚ"], rows, [42, 58, 44, 34], st))
    return _build(path, story, f"Phiếu kiểm soát {data.code}")


def checklist(office: Office, procedure_name: str, time_limit: str, fee: str, body: str, rows: Sequence[FormRow],
              path: Path, note: str = "") -> Path:
    """Danh mục giấy tờ cần mang theo: the papers of a procedure, with a box to tick."""
    from reportlab.platypus import Paragraph

    st = _styles()
    story = [Paragraph(_esc(office.receiving_body.upper()), st["head"]),
             Paragraph("DANH MỤC GIẤY TỜ CẦN MANG THEO", st["title"]),
             Paragraph(f"<b>{_esc(procedure_name)}</b>", st["center"]),
             Paragraph(f"Nơi giải quyết: {_esc(body)}", st["body"]),
             Paragraph(f"Thời hạn giải quyết: {_esc(time_limit)}", st["body"]),
             Paragraph(f"Phí, lệ phí: {_esc(fee)}", st["body"])]
    table_rows = [["", f"{i}", r.name, r.copy_kind, r.note or "Bắt buộc"] for i, r in enumerate(rows, start=1)]
    story.append(_table(["Đã có", "STT", "Giấy tờ", "Hình thức", "Khi nào cần"], table_rows, [14, 12, 80, 28, 44], st))
    if note:
        story.append(Paragraph(f"<i>Ghi chú: {_esc(note)}</i>", st["small"]))
    return _build(path, story, f"Danh mục giấy tờ — {procedure_name}")
