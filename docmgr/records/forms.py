"""The printed forms of the one-stop office, as PDF (reportlab), with Vietnamese text in a TrueType font.

* Giấy tiếp nhận hồ sơ và hẹn trả kết quả (TT 03/2025/TT-VPCP Mẫu 01) with a QR code of the dossier code;
* Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02), listing what is missing;
* Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03), with the reason;
* Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 06), the tracking sheet;
* Danh mục giấy tờ cần mang theo: the checklist of what to bring, for a citizen.

The official 2025 layouts were not retrieved [U]: the fields follow DOMAIN.md §3.3 (the 2018 template's
structure and a working printout).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Sequence

from docmgr.records.forms_layout import (FormData, FormRow, Office, applicant, build, esc, header, moment_vi,
                                         signatures, styles, table, title_with_qr)

__all__ = ["FormData", "FormRow", "Office", "checklist", "receipt", "refusal", "supplement_request", "tracking_sheet"]


def receipt(data: FormData, path: Path) -> Path:
    """Giấy tiếp nhận hồ sơ và hẹn trả kết quả, with the QR code of the dossier code."""
    from reportlab.platypus import Paragraph, Spacer

    st = styles()
    story = header(data, st, data.received.date())
    story += title_with_qr("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", data.code, st, qr=True)
    story.append(Paragraph(f"{esc(data.office.receiving_body)} tiếp nhận hồ sơ của:", st["body"]))
    story += applicant(data, st)
    story += [Spacer(1, 4), Paragraph("<b>1. Thành phần hồ sơ nộp gồm:</b>", st["body"])]
    rows = [[f"{i}", r.name, r.copy_kind, r.count] for i, r in enumerate(data.papers, start=1)] or [["", "", "", ""]]
    story.append(table(["STT", "Tên giấy tờ", "Hình thức", "Số lượng"], rows, [14, 106, 38, 20], st))
    when = (f"{data.appointment[1].replace(':', ' giờ ')} phút, ngày {data.appointment[0]:%d/%m/%Y}"
            if data.appointment else "……")
    story.append(Spacer(1, 4))
    for line in ("<b>2. Số lượng hồ sơ:</b> 01 (bộ)",
                 f"<b>3. Thời gian giải quyết hồ sơ theo quy định là:</b> {esc(data.time_limit)}",
                 f"<b>4. Thời gian nhận hồ sơ:</b> {moment_vi(data.received)}",
                 f"<b>5. Thời gian trả kết quả giải quyết hồ sơ:</b> {when}",
                 f"<b>6. Đăng ký nhận kết quả tại:</b> Bộ phận tiếp nhận và trả kết quả, {esc(data.office.receiving_body)}",
                 f"<b>7. Phí, lệ phí:</b> {esc(data.fee)}",
                 f"Vào Sổ theo dõi hồ sơ, Quyển số: {data.received.year}, Số thứ tự: {data.sequence or '……'}"):
        story.append(Paragraph(line, st["body"]))
    story += [Spacer(1, 8), signatures("NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ", data.clerk, st)]
    return build(path, story, f"Giấy tiếp nhận hồ sơ {data.code}")


def supplement_request(data: FormData, path: Path) -> Path:
    """Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: what the applicant still has to bring."""
    from reportlab.platypus import Paragraph, Spacer

    st = styles()
    story = header(data, st, date.today())
    story += title_with_qr("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", data.code, st, qr=False)
    story.append(Paragraph(f"Hồ sơ nhận lúc {moment_vi(data.received)} của:", st["body"]))
    story += applicant(data, st)
    story.append(Paragraph("<b>Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:</b>", st["body"]))
    for i, name in enumerate(data.missing or ["……………………………………"], start=1):
        story.append(Paragraph(f"{i}. {esc(name)}", st["body"]))
    if data.reason:
        story.append(Paragraph(f"<b>Lý do:</b> {esc(data.reason)}", st["body"]))
    story.append(Paragraph("Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ Bộ phận tiếp nhận "
                           "và trả kết quả để được hướng dẫn.", st["body"]))
    story += [Spacer(1, 8), signatures("", "NGƯỜI HƯỚNG DẪN", data.clerk, st)]
    return build(path, story, f"Phiếu yêu cầu bổ sung {data.code}")


def refusal(data: FormData, path: Path) -> Path:
    """Phiếu từ chối tiếp nhận giải quyết hồ sơ, with the reason."""
    from reportlab.platypus import Paragraph, Spacer

    st = styles()
    story = header(data, st, date.today())
    story += title_with_qr("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", data.code, st, qr=False)
    story.append(Paragraph(f"{esc(data.office.receiving_body)} tiếp nhận hồ sơ đề nghị của:", st["body"]))
    story += applicant(data, st)
    story.append(Paragraph("Qua nghiên cứu, xem xét, Bộ phận tiếp nhận và trả kết quả từ chối tiếp nhận, giải quyết "
                           "hồ sơ này với lý do cụ thể như sau:", st["body"]))
    story.append(Paragraph(f"<b>{esc(data.reason)}</b>", st["body"]))
    story.append(Paragraph("Xin thông báo cho Ông/Bà được biết và thực hiện.", st["body"]))
    story += [Spacer(1, 8), signatures("", "NGƯỜI TIẾP NHẬN HỒ SƠ", data.clerk, st)]
    return build(path, story, f"Phiếu từ chối {data.code}")


def tracking_sheet(data: FormData, path: Path) -> Path:
    """Phiếu kiểm soát quá trình giải quyết hồ sơ: one row per hand-over, the first filled from the history."""
    from reportlab.platypus import Paragraph

    st = styles()
    story = header(data, st, data.received.date())
    story += title_with_qr("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", data.code, st, qr=True)
    story.append(Paragraph(f"Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả mã số: {esc(data.code)}", st["center"]))
    story += applicant(data, st)
    story.append(Paragraph(f"Cơ quan giải quyết hồ sơ: {esc(data.body)}", st["body"]))
    rows = []
    for h in data.history:
        at = datetime.fromisoformat(h["at"])
        at = at.astimezone().replace(tzinfo=None) if at.tzinfo else at
        rows.append([h.get("who", ""), f"{moment_vi(at)}\n{h.get('what', '')}", h.get("result", ""), h.get("note", "")])
    rows += [["", "… giờ … phút, ngày …/…/……", "", ""] for _ in range(max(0, 5 - len(rows)))]
    story.append(table(["TÊN CƠ QUAN", "THỜI GIAN GIAO, NHẬN HỒ SƠ", "KẾT QUẢ GIẢI QUYẾT HỒ SƠ (trước hạn/đúng hạn/quá hạn)",
                         "GHI CHÚ"], rows, [42, 58, 44, 34], st))
    return build(path, story, f"Phiếu kiểm soát {data.code}")


def checklist(office: Office, procedure_name: str, time_limit: str, fee: str, body: str, rows: Sequence[FormRow],
              path: Path, note: str = "") -> Path:
    """Danh mục giấy tờ cần mang theo: the papers of a procedure, with a box to tick."""
    from reportlab.platypus import Paragraph

    st = styles()
    story = [Paragraph(esc(office.receiving_body.upper()), st["head"]),
             Paragraph("DANH MỤC GIẤY TỜ CẦN MANG THEO", st["title"]),
             Paragraph(f"<b>{esc(procedure_name)}</b>", st["center"]),
             Paragraph(f"Nơi giải quyết: {esc(body)}", st["body"]),
             Paragraph(f"Thời hạn giải quyết: {esc(time_limit)}", st["body"]),
             Paragraph(f"Phí, lệ phí: {esc(fee)}", st["body"])]
    table_rows = [["", f"{i}", r.name, r.copy_kind, r.note or "Bắt buộc"] for i, r in enumerate(rows, start=1)]
    story.append(table(["Đã có", "STT", "Giấy tờ", "Hình thức", "Khi nào cần"], table_rows, [14, 12, 80, 28, 44], st))
    if note:
        story.append(Paragraph(f"<i>Ghi chú: {esc(note)}</i>", st["small"]))
    return build(path, story, f"Danh mục giấy tờ — {procedure_name}")
