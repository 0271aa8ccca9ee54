"""Classification use cases on a real library: ingest files classification, confirm, train, retrain."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from docmgr.core.errors import UsageError
from docmgr.services import classify as svc
from docmgr.services.documents import show
from docmgr.services.ingest import ingest_paths
from tests.fixtures.builders import DECISION

DYKE = ["Tình hình đê bao chống lũ tại ấp {n}: tuyến đê dài {n}00 m bị sạt lở, cần gia cố bờ kè trước mùa nước nổi.",
        "Kiểm tra đê bao ấp {n}, cống thoát nước và bờ kè ven sông; mực nước lũ dâng cao, nguy cơ tràn đê.",
        "Gia cố đê bao khu vực {n}: đắp bao tải đất, kè đá hộc chống sạt lở bờ sông mùa lũ."]
SCHOLARSHIP = ["Đề nghị xét cấp học bổng cho {n} học sinh nghèo vượt khó, có thành tích học tập tốt năm học này.",
               "Danh sách học sinh được nhận học bổng khuyến học đợt {n}, kèm bảng điểm và giấy xác nhận hộ nghèo.",
               "Xét học bổng cho sinh viên {n}: điểm trung bình học tập, hạnh kiểm tốt, hoàn cảnh khó khăn."]


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_ingest_files_the_classification_in_the_same_row(library: Any, inputs: Path) -> None:
    noise = _write(inputs, "noise.txt", "lorem ipsum dolor sit amet")
    decision = _write(inputs, "qd.txt", "\n".join(DECISION))
    results = ingest_paths(library, [decision, noise])
    assert results[0].type == "Quyết định"
    doc = library.catalog.get(results[0].id)
    assert doc.status == "inbox" and doc.type_code == "QD" and doc.confidence > 0.8
    assert doc.fields["number"].value == "2820/QĐ-UBND" and doc.fields["issued"].value == "2026-01-05"
    assert doc.classification["candidates"][0]["type_code"] == "QD" and doc.classification["why"]
    assert doc.field_of_work == "ho-tich"
    assert library.catalog.get(results[1].id).status == "needs-review"
    shown = show(library, results[0].id)
    assert shown["type"] == "Quyết định" and shown["type_code"] == "QD" and shown["field_of_work"] == "Hộ tịch"


def test_ingest_with_a_type_files_confirmed_training_data(library: Any, inputs: Path) -> None:
    path = _write(inputs, "x.txt", "Nội dung ngắn không có tiêu đề")
    [result] = ingest_paths(library, [path], doc_type=svc.resolve_type("báo cáo"))
    doc = library.catalog.get(result.id)
    assert result.type == "Báo cáo" and doc.status == "confirmed" and doc.type_code == "BC" and doc.confidence == 1.0


def test_confirm_keeps_edits_and_marks_them(library: Any, inputs: Path) -> None:
    [result] = ingest_paths(library, [_write(inputs, "qd.txt", "\n".join(DECISION))])
    data = svc.confirm(library, result.id, type="cong van",
                       fields={"number": "2821/UBND-VX", "issued": "06/01/2026", "field_of_work": "Đất đai"})
    assert data["status"] == "confirmed" and data["type_code"] == "CV" and data["type"] == "Công văn"
    assert data["fields"]["number"] == "2821/UBND-VX" and data["fields"]["issued"] == "2026-01-06"
    assert set(data["edited"]) == {"number", "issued"} and data["field_of_work_code"] == "dat-dai"
    assert data["fields"]["summary"]  # extracted fields that were not edited stay
    with pytest.raises(UsageError):
        svc.confirm(library, result.id, fields={"issued": "yesterday"})


def test_confirm_train_classify_learns_a_new_distinction(library: Any, inputs: Path) -> None:
    files = []
    for n in range(1, 7):
        files.append((_write(inputs, f"de-{n}.txt", DYKE[n % 3].format(n=n)), "BC"))
        files.append((_write(inputs, f"hb-{n}.txt", SCHOLARSHIP[n % 3].format(n=n)), "TTR"))
    for path, code in files:
        [r] = ingest_paths(library, [path])
        svc.confirm(library, r.id, type=code)
    assert svc.retrain_due(library) is False  # 12 < 20 confirmations
    report = svc.train(library)
    assert report["documents"] == 12 and report["labels"]["type"]["classes"] == 2
    assert 0 <= report["labels"]["type"]["macro_f1"] <= 1
    assert (library.paths.models / "type.skops").exists()
    new_dyke = svc.classify_text(library, "Báo cáo nhanh: đê bao ấp 9 sạt lở, cần gia cố bờ kè trước lũ.")
    new_hb = svc.classify_text(library, "Đề nghị cấp học bổng khuyến học cho học sinh nghèo ấp 9.")
    assert new_dyke.type_code == "BC" and new_hb.type_code == "TTR"
    # a tampered library model is set aside and rebuilt from the confirmed documents
    (library.paths.models / "type.skops").write_bytes(b"tampered")
    assert svc.classify_text(library, "học bổng cho học sinh nghèo").type_code == "TTR"
    assert (library.paths.models / "type.skops.incompatible").exists()


def test_only_confirmed_documents_train(library: Any, inputs: Path) -> None:
    ingest_paths(library, [_write(inputs, "a.txt", "\n".join(DECISION))])
    report = svc.train(library)
    assert report["documents"] == 0 and report["labels"]["type"]["macro_f1"] is None
    assert not (library.paths.models / "type.skops").exists()


def test_retrain_when_enough_confirmations(library: Any, inputs: Path) -> None:
    library.settings.extra["retrain_after"] = 2
    assert svc.retrain_if_due(library) is None
    for i, code in enumerate(["BC", "TTR"]):
        [r] = ingest_paths(library, [_write(inputs, f"{i}.txt", [DYKE[0], SCHOLARSHIP[0]][i].format(n=i))],
                           doc_type=code)
    assert svc.retrain_due(library)
    assert svc.retrain_if_due(library) is not None and not svc.retrain_due(library)


def _pseudo_words(rng: Any, n: int) -> list[str]:
    onsets, rimes = ["b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "ph", "qu", "s", "t", "th", "tr", "v", "x"], \
        ["a", "ăn", "âm", "e", "ênh", "i", "o", "ông", "ơi", "u", "ưa", "uyên", "anh", "ích", "oan"]
    words: set[str] = set()
    while len(words) < n:
        words.add("".join(rng.choice(onsets) + rng.choice(rimes) for _ in range(2)))
    return sorted(words)


def test_cross_validation_never_tests_on_an_excerpt_of_a_training_document(library: Any, inputs: Path) -> None:
    """Four excerpts of each source document share its title; the bodies are drawn from one pool for
    both types, so only a model that has seen the title can tell: folds that split a document's
    excerpts report a figure near 1.0, grouped folds a figure near chance."""
    import random

    rng = random.Random(7)
    vocab = _pseudo_words(rng, 260)
    titles, pool = vocab[:160], vocab[160:]
    files: dict[str, list[Path]] = {"BC": [], "TTR": []}
    for source in range(12):
        title = " ".join(titles[source * 10:(source + 1) * 10]).upper()
        for part in range(3):
            body = " ".join(rng.choice(pool) for _ in range(12))
            files["BC" if source % 2 else "TTR"].append(_write(inputs, f"s{source}-{part}.txt", f"{title}\n{body}."))
    for code, paths in files.items():
        ingest_paths(library, paths, doc_type=code)
    report = svc.train(library)["labels"]["type"]
    assert report["documents"] == 36 and report["groups"] == 12
    assert report["macro_f1"] is not None and report["macro_f1"] < 0.8


def test_near_duplicate_groups_by_title_number_and_text() -> None:
    from docmgr.classify.groups import near_duplicate_groups

    header = "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
    title = "QUYẾT ĐỊNH VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH SỬ DỤNG ĐẤT NĂM 2026 PHƯỜNG NINH KIỀU THÀNH PHỐ CẦN THƠ\n"
    texts = [header + title + "Điều 1. Phê duyệt diện tích các loại đất phân bổ trong năm kế hoạch.",
             header + title + "Điều 3. Chánh Văn phòng và Giám đốc các sở chịu trách nhiệm thi hành.",
             header + "QUYẾT ĐỊNH VỀ VIỆC KHEN THƯỞNG TẬP THỂ LAO ĐỘNG XUẤT SẮC NĂM 2025 CỦA XÃ THỚI HƯNG\nĐiều 1.",
             header + "KẾ HOẠCH TRIỂN KHAI TIÊM CHỦNG MỞ RỘNG CHO TRẺ EM DƯỚI MỘT TUỔI TẠI PHƯỜNG CÁI KHẾ\nI. MỤC ĐÍCH",
             "bản chụp không đọc được chữ nào ra hồn cả"]
    groups = near_duplicate_groups(texts, ["", "", "", "", "2820/QĐ-UBND"])
    assert groups[0] == groups[1]  # two excerpts of one decision
    assert len({groups[0], groups[2], groups[3], groups[4]}) == 4  # one issuer's boilerplate is no link
    numbered = near_duplicate_groups(texts, ["", "", "12/KH-UBND", "12/KH-UBND", ""])
    assert numbered[2] == numbered[3]  # one number as printed: one document
