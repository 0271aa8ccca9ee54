"""A TrueType font with the Vietnamese letters, found on Linux, Windows and macOS, for the printed forms.

Preference: ``DOCMGR_FONT`` (a regular .ttf; its bold is looked up beside it), then Times New Roman
(the font of official documents, on every Windows), DejaVu Serif (Debian ``fonts-dejavu-core``),
Liberation Serif, Noto Serif, DejaVu Sans. A candidate is used only when it has every glyph of a
Vietnamese test string, so a font without the stacked marks (ệ, ợ, ữ) is never chosen.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Optional

from docmgr.core.errors import DocmgrError

SAMPLE = "ẠẢẤẦẨẪẬĂẮẰẲẴẶĐÊẾỀỂỄỆÔỐỒỔỖỘƠỚỜỞỠỢƯỨỪỬỮỰạảấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữựỳỹỷýỵ"
# (regular, bold) file names, best first; case does not matter
CANDIDATES = [
    ("times.ttf", "timesbd.ttf"),
    ("Times New Roman.ttf", "Times New Roman Bold.ttf"),
    ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
    ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf"),
    ("NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf"),
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ("arial.ttf", "arialbd.ttf"),
]


class FontMissing(DocmgrError):
    """No TrueType font with Vietnamese glyphs was found."""


@dataclass(frozen=True)
class FontPair:
    regular: Path
    bold: Path
    italic: Optional[Path] = None


def font_dirs() -> list[Path]:
    """Where fonts live on this system (existing folders only)."""
    home = Path.home()
    dirs = [home / ".local/share/fonts", home / ".fonts", Path("/usr/share/fonts"), Path("/usr/local/share/fonts")]
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        dirs = [windir / "Fonts"]
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs = [home / "Library/Fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts/Supplemental")]
    return [d for d in dirs if d.is_dir()]


def _files(dirs: list[Path]) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for d in dirs:
        try:
            for path in d.rglob("*"):
                if path.suffix.lower() == ".ttf":
                    found.setdefault(path.name.lower(), path)
        except OSError:
            continue
    return found


def covers_vietnamese(path: Path) -> bool:
    """True when the font maps every letter of :data:`SAMPLE` to a glyph."""
    try:
        from reportlab.pdfbase.ttfonts import TTFontFile

        cmap = TTFontFile(str(path)).charToGlyph
    except Exception:  # not a usable TrueType file (reportlab raises several kinds)
        return False
    return all(ord(ch) in cmap for ch in SAMPLE)


def _candidates() -> Iterator[FontPair]:
    env = os.environ.get("DOCMGR_FONT")
    if env:
        regular = Path(env)
        bold = next((p for p in (regular.with_name(regular.stem + "-Bold.ttf"), regular.with_name(regular.stem + "bd.ttf"))
                     if p.exists()), regular)
        yield FontPair(regular, bold)
    files = _files(font_dirs())
    for regular, bold in CANDIDATES:
        reg = files.get(regular.lower())
        if reg is not None:
            yield FontPair(reg, files.get(bold.lower(), reg))


@lru_cache(maxsize=1)
def find_font() -> FontPair:
    """The best Vietnamese-capable font pair on this machine.

    Raises:
        FontMissing: none found (the message says what to install).
    """
    for pair in _candidates():
        if covers_vietnamese(pair.regular):
            return pair if covers_vietnamese(pair.bold) else FontPair(pair.regular, pair.regular)
    raise FontMissing("no TrueType font with Vietnamese letters found: install fonts-dejavu-core (Debian) or set "
                      "DOCMGR_FONT to a .ttf file such as Times New Roman")
