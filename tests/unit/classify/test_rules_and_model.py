"""Structure rules, the text model's storage (round trip, refusals) and the hybrid's review rule."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from docmgr.classify.hybrid import HybridClassifier
from docmgr.classify.model import ModelIncompatible, TextModel
from docmgr.classify.rules import structure_rules
from docmgr.classify.taxonomy import load_taxonomy, resources_dir

HEAD = "ỦY BAN NHÂN DÂN\nXÃ PHONG NẪM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"


@pytest.mark.parametrize("text, code", [
    (HEAD + "Số: 123/QĐ-UBND\nPhong Nẫm, ngày 02 tháng 3 năm 2026\nQUYẾT ĐỊNH\nVề việc khen thưởng", "QD"),
    (HEAD + "Số: 45/KH-UBND\nKẾ HOẠCH\nTriển khai công tác", "KH"),
    (HEAD + "Số: 88/UBND-VP\nV/v báo cáo tình hình", "CV"),
    ("CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 30/2020/NĐ-CP\nNGHỊ ĐỊNH", "ND"),
    ("ỦY BAN NHÂN DÂN TP\nSố: 20/2025/QĐ-UBND\nQUYẾT ĐỊNH\nBan hành quy định", "QD"),
    (HEAD + "Số: 7/QyĐ-UBND\nQUY ĐỊNH", "QYD"),
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nTỜ KHAI ĐĂNG KÝ KHAI SINH\nKính gửi:", "TK-KS"),
    ("CONG HOA XA HOI CHU NGHIA VIET NAM\nDoc lap - Tu do - Hanh phuc\nĐƠN ĐĂNG KÝ BIẾN ĐỘNG ĐẤT ĐAI, TÀI SẢN GẮN LIỀN VỚI ĐẤT", "DDK-BD"),
])
def test_structure_rules(text: str, code: str) -> None:
    r = structure_rules(text, load_taxonomy())
    assert max(r.scores, key=r.scores.get) == code and r.reasons  # type: ignore[arg-type]


def test_a_summary_line_in_capitals_is_not_a_type_heading() -> None:
    text = "NGHỊ ĐỊNH\nQUY ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU CỦA LUẬT ĐẤT ĐAI"
    assert set(structure_rules(text, load_taxonomy()).scores) == {"ND"}


TEXTS = ["quyết định khen thưởng tập thể", "quyet dinh bo nhiem can bo", "quyết định điều động công chức",
         "công văn đề nghị phối hợp", "cong van phuc dap", "công văn gửi các đơn vị"]
LABELS = ["QD", "QD", "QD", "CV", "CV", "CV"]


def test_model_round_trip_and_folded_matching(tmp_path: Path) -> None:
    model = TextModel.train("type", TEXTS, LABELS)
    path = tmp_path / "type.skops"
    model.save(path)
    assert not path.with_name("type.skops.part").exists()
    loaded = TextModel.load(path)
    assert loaded.classes == ["CV", "QD"] and loaded.trained_on == 6
    p = loaded.predict_proba(["QUYET DINH khen thuong"])[0]  # no diacritics: the folded view still matches
    assert p["QD"] > p["CV"] and abs(sum(p.values()) - 1) < 1e-6
    assert loaded.signal("lorem ipsum") == 0 and loaded.signal("quyết định") > 0


def test_one_text_reuses_its_features_and_agrees_with_the_batch_path() -> None:
    model = TextModel.train("type", TEXTS, LABELS)
    texts = ["Quyết định khen thưởng", "công văn phúc đáp", "lorem ipsum"]
    batch = model.predict_proba(texts)  # the whole pipeline, several texts at once
    exact = model.pipeline.named_steps["features"].transformer_list[0][1]
    for text, expected in zip(texts, batch):
        one = model.predict_proba([text])[0]
        assert one.keys() == expected.keys() and all(abs(one[c] - expected[c]) < 1e-9 for c in one)
        assert model.signal(text) == exact.transform([text]).nnz  # the exact view's part of the kept row
        assert model.predict_proba([text])[0] == one
    assert model.top_terms("quyết định khen thưởng", "QD") and model.top_terms("công văn", "CV")


def test_model_refuses_a_tampered_or_incompatible_file(tmp_path: Path) -> None:
    good = tmp_path / "good.skops"
    TextModel.train("type", TEXTS, LABELS).save(good)
    garbage = tmp_path / "garbage.skops"
    garbage.write_bytes(b"not a model at all")
    with pytest.raises(ModelIncompatible):
        TextModel.load(garbage)
    # swap in a reference to os.system: skops would call it on load; we refuse before loading
    tampered = tmp_path / "tampered.skops"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(tampered, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "schema.json":
                data = data.replace(b'"docmgr.classify.model"', b'"os"').replace(b'"exact_view"', b'"system"')
            dst.writestr(item, data)
    with pytest.raises(ModelIncompatible, match="refused|cannot load"):
        TextModel.load(tampered)
    # a file written by an older format version
    import skops.io as sio
    old = tmp_path / "old.skops"
    sio.dump({"format_version": 0, "pipeline": None}, old)
    with pytest.raises(ModelIncompatible, match="format"):
        TextModel.load(old)


def _starter() -> HybridClassifier:
    models = {lab: TextModel.load(resources_dir() / "starter" / f"{lab}.skops") for lab in ("type", "field_of_work", "triage")}
    return HybridClassifier(load_taxonomy(), models, 0.6)


def test_starter_model_ships_and_classifies_from_the_first_document() -> None:
    clf = _starter()
    r = clf.classify(HEAD + "Số: 15/QĐ-UBND\nPhong Nẫm, ngày 05 tháng 01 năm 2026\nQUYẾT ĐỊNH\nVề việc cấp giấy khai sinh")
    assert r.type_code == "QD" and not r.needs_review and r.confidence > 0.8
    assert [c.code for c in r.candidates][0] == "QD" and len(r.candidates) == 3 and any("QĐ" in w for w in r.why)
    body = clf.classify("I. MỤC ĐÍCH, YÊU CẦU\nII. NỘI DUNG THỰC HIỆN\nIII. TỔ CHỨC THỰC HIỆN kế hoạch triển khai")
    assert body.type_code == "KH" and any(w.startswith("terms:") for w in body.why)


def test_reasons_are_structured_and_worded_in_english_for_the_cli() -> None:
    from docmgr.classify.reasons import Reason

    r = _starter().classify(HEAD + "Số: 15/QĐ-UBND\nPhong Nẫm, ngày 05 tháng 01 năm 2026\nQUYẾT ĐỊNH\nVề việc cấp")
    codes = [x.code for x in r.reasons]
    assert "abbreviation" in codes and "heading-motto" in codes
    abbr = next(x for x in r.reasons if x.code == "abbreviation")
    assert abbr.params == {"abbr": "QĐ", "number": "Số: 15/QĐ-UBND"}
    assert abbr.text() == "abbreviation QĐ in 'Số: 15/QĐ-UBND'"
    assert r.to_json()["why"] == "; ".join(x.text() for x in r.reasons)
    stored = r.stored()
    assert [Reason.from_json(x) for x in stored["reasons"]] == r.reasons and stored["why"] == r.why


def test_no_signal_needs_review_not_a_confident_guess() -> None:
    clf = _starter()
    for text in ("lorem ipsum dolor sit amet 4711", "", "xyzzy qwerty"):
        r = clf.classify(text)
        assert r.needs_review and r.confidence < 0.3


def test_petition_triage() -> None:
    clf = _starter()
    head = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nĐƠN PHẢN ÁNH, KIẾN NGHỊ\n"
    desk = clf.classify(head + "Tôi xin hỏi lệ phí chứng thực bản sao và thời hạn trả kết quả hồ sơ đã nộp.")
    agency = clf.classify(head + "Tôi phản ánh cơ sở sản xuất gây ô nhiễm nguồn nước và lấn chiếm đất công.")
    assert desk.type_code == agency.type_code == "PAKN"
    assert desk.triage == "desk" and agency.triage == "agency"


def test_words_in_capitals_at_the_top_weigh_apart_from_the_same_words_in_the_body() -> None:
    """Decrees open with 'QUY ĐỊNH CHI TIẾT …' and speak of 'về việc' in the body; decisions open
    with 'VỀ VIỆC …' and speak of 'quy định' throughout: the title, not the body count, tells them."""
    import random

    rng = random.Random(3)
    filler = ["đất đai", "xây dựng", "giáo dục", "y tế", "giao thông", "thuế", "môi trường", "lao động"]

    def excerpt(title: str, body_word: str) -> str:
        topic = " ".join(rng.sample(filler, 3))
        return f"{title} {topic.upper()}\n" + " ".join([body_word] * 4 + rng.sample(filler, 4)) + "."

    texts = [excerpt("QUY ĐỊNH CHI TIẾT", "về việc") for _ in range(12)] + \
        [excerpt("VỀ VIỆC", "quy định chi tiết") for _ in range(12)]
    model = TextModel.train("type", texts, ["ND"] * 12 + ["QD"] * 12)
    new_decree = "QUY ĐỊNH CHI TIẾT THI HÀNH\nquy định chi tiết điều kiện, về việc thực hiện."
    assert max(model.predict_proba([new_decree])[0].items(), key=lambda kv: kv[1])[0] == "ND"
