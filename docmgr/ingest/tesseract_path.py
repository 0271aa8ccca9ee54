"""Where the tesseract program is: ``DOCMGR_TESSERACT``, a ``tesseract`` folder beside the installed
app (a bundled copy, with its ``tessdata``), the ``PATH``, then the usual Windows install folders
(``C:\\Program Files\\Tesseract-OCR``, the UB Mannheim installer's default)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Optional

ENV_TESSERACT = "DOCMGR_TESSERACT"
EXE = "tesseract.exe" if sys.platform == "win32" else "tesseract"


def _candidates() -> list[Path]:
    found: list[Path] = []
    env = os.environ.get(ENV_TESSERACT)
    if env:
        found.append(Path(env))
    app = Path(sys.executable).resolve().parent  # the frozen app's folder (or the venv's bin)
    found += [app / "tesseract" / EXE, app / "_internal" / "tesseract" / EXE]
    on_path = shutil.which("tesseract")
    if on_path:
        found.append(Path(on_path))
    if sys.platform == "win32":
        for base in (os.environ.get("ProgramFiles", r"C:\Program Files"),
                     os.environ.get("ProgramFiles(x86)", r"C:\Program Files (x86)"),
                     os.path.join(os.environ.get("LOCALAPPDATA", ""), "Programs")):
            found.append(Path(base) / "Tesseract-OCR" / EXE)
    return found


def find_tesseract() -> Optional[Path]:
    """The tesseract program to run (None: not installed anywhere docmgr looks)."""
    return next((p for p in _candidates() if p.is_file()), None)


def configure() -> Optional[Path]:
    """Point pytesseract at :func:`find_tesseract` (a bundled copy also at its own language data)."""
    import pytesseract

    exe = find_tesseract()
    if exe is not None:
        pytesseract.pytesseract.tesseract_cmd = str(exe)
        bundled = exe.parent / "tessdata"
        if bundled.is_dir() and not os.environ.get("TESSDATA_PREFIX"):
            os.environ["TESSDATA_PREFIX"] = str(bundled)
    return exe
