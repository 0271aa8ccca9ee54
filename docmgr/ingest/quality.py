"""Is a PDF page's text layer usable, or must the page be OCR'd?

A text layer is rejected when it is missing or too short on a page that shows an image, when it is
made of unmapped glyph ids (fonts without ToUnicode: "(cid:12)" or private-use characters), or when
it is Vietnamese in a legacy 8-bit encoding (TCVN3/ABC, VNI) shown through a Latin-1 font — text
that looks like a text layer but reads as mojibake ("TiÕng ViÖt", "Tieáng Vieät") — or when it is a
scanner's own OCR layer made without Vietnamese: invisible text (render mode 3) over a page-sized
image whose words have lost their marks ("UBND THANH PHO DA NANG") or are no Vietnamese syllable at
all ("Hcok", "CHiJ"). Such a page is OCR'd again; its layer is kept only if OCR reads it worse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from docmgr.core.syllables import quality, read_words

MIN_CHARS = 20  # fewer non-space characters than this on a page with an image → OCR
# A page mostly covered by an image with only a little text (a scanner's stamp, a page number) is a
# scan: OCR it.
SCAN_COVERAGE, SCAN_MAX_CHARS = 0.5, 200

# TCVN3 puts Vietnamese letters on code points that Latin-1 shows as these symbols (à=µ, á=¸,
# ả=¶, ã=·, ạ=¹, ă=¨, â=©, ê=ª, ô=«, ơ=¬, đ=®, ...). Inside words they never occur in real text.
_TCVN3_SYMBOLS = set("µ¶·¸¹¨©ª«¬®")
# VNI writes a base vowel followed by a Latin-1 letter standing for its marks: tones ù ø û õ ï,
# hat+tone á à å ã ä, breve+tone é è ú ü ë ("Vieät", "raát"); đ is ñ before a vowel ("ñöôøng").
_VNI_PAIR = re.compile(r"[aeiouyAEIOUY][ùøûõïâáàåãäêéèúüëÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË]|\bñ[aeiouyöô]")
# TCVN3 also shows many toned vowels as capitals inside lower-case words ("TiÕng", "NguyÔn").
_TCVN3_CAPITAL = re.compile(r"[a-z][ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÒÓÔÕÖØÙÚÛÜÝÞ]")
MIN_SHARE, MIN_WORDS = 0.3, 3  # legacy text: this share (and count) of words look encoded
# a scanner's OCR layer: mostly invisible text over images covering most of the page, at least this
# many Latin words, fewer of them marked (or fewer of them syllables) than Vietnamese ever has
SCANNER_INVISIBLE, SCANNER_MIN_WORDS = 0.5, 8
SCANNER_MAX_MARKED, SCANNER_MIN_SYLLABLES = 0.2, 0.7
_CID = re.compile(r"\(cid:\d+\)")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Verdict:
    """``usable`` False means OCR the page; ``reason`` says why (for the page's steps and logs);
    ``layer_may_win``: the text layer is kept if OCR reads the page worse (a scanner's OCR layer)."""

    usable: bool
    reason: str = ""
    layer_may_win: bool = False


def judge(text: str, *, has_image: bool, image_coverage: float = 0.0, invisible_share: float = 0.0) -> Verdict:
    """Judge a page's extracted text layer.

    Args:
        text: the extracted text.
        has_image: the page shows at least one image.
        image_coverage: share of the page's area covered by images (0-1).
        invisible_share: share of the page's text objects drawn invisible (render mode 3).
    """
    compact = "".join(text.split())
    if len(compact) < MIN_CHARS:
        return Verdict(not has_image, "no text layer" if not compact else "text layer too short")
    if image_coverage >= SCAN_COVERAGE and len(compact) < SCAN_MAX_CHARS:
        return Verdict(False, "scanned page with a thin text layer")
    if _CID.search(text) and len("".join(_CID.findall(text))) > len(compact) * 0.1:
        return Verdict(False, "font without ToUnicode (cid codes)")
    odd = sum(1 for ch in compact if _is_unmapped(ch))
    if odd > len(compact) * 0.05:
        return Verdict(False, "unmapped glyphs in the text layer")
    words = [w for w in _WORD.findall(text) if any(ch.isalpha() for ch in w)]
    if _legacy(words, _tcvn3_word):
        return Verdict(False, "legacy TCVN3 encoding in the text layer")
    if _legacy(words, lambda w: _VNI_PAIR.search(w) is not None):
        return Verdict(False, "legacy VNI encoding in the text layer")
    if invisible_share >= SCANNER_INVISIBLE and image_coverage >= SCAN_COVERAGE:
        return _scanner_layer(text)
    return Verdict(True)


def _scanner_layer(text: str) -> Verdict:
    """A scanner's invisible OCR layer is kept when it reads as Vietnamese with its marks."""
    reading = read_words(text)
    if reading.words < SCANNER_MIN_WORDS:
        return Verdict(True)   # not Latin text (or too little of it) to judge
    if reading.marked < SCANNER_MAX_MARKED and reading.syllables >= 0.5:
        return Verdict(False, "scanner's OCR layer without Vietnamese marks", layer_may_win=True)
    if reading.marked < SCANNER_MAX_MARKED or reading.syllables < SCANNER_MIN_SYLLABLES:
        return Verdict(False, "scanner's OCR layer with words no Vietnamese syllable has", layer_may_win=True)
    return Verdict(True)


def _is_unmapped(ch: str) -> bool:
    code = ord(ch)
    return ch == "\ufffd" or 0xE000 <= code <= 0xF8FF or (code < 32 and ch not in "\t\n\r\f")


def _tcvn3_word(word: str) -> bool:
    return any(ch in _TCVN3_SYMBOLS for ch in word) or _TCVN3_CAPITAL.search(word) is not None


def _legacy(words: list[str], encoded: Callable[[str], bool]) -> bool:
    hits = sum(1 for w in words if encoded(w))
    return hits >= MIN_WORDS and hits > len(words) * MIN_SHARE


def layer_wins(layer: str, ocr_text: str) -> bool:
    """Whether a scanner's layer reads better than docmgr's OCR of the same page: OCR found fewer
    than half its words, or its words read less like Vietnamese (:func:`docmgr.core.syllables.quality`)."""
    if len(ocr_text.split()) < 0.5 * len(layer.split()):
        return True
    return quality(layer) > quality(ocr_text)
