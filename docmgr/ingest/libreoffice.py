"""Office files docmgr cannot read itself (.doc, .xls, .xlsx, .odt, .ods, .rtf), through LibreOffice.

LibreOffice runs headless and writes a PDF rendition of the file; the rendition's text (pdfium) is
the document's text, and the rendition is kept under the library's ``derived/renditions`` for the
viewer. Each run has its own throwaway user profile (``-env:UserInstallation``) in a scratch folder
inside the library's ``tmp/``, so parallel runs and a LibreOffice open on the desktop never share a
profile (a shared one makes the second ``soffice`` hand its work to the first and exit at once).
A run is bounded by a time limit and the caller's cancel; either kills LibreOffice's whole process
tree. Where LibreOffice is missing (a Windows PC without it), one line says what to install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

from docmgr.core.errors import RejectedInput
from docmgr.core.progress import CancelToken

CONVERT_TIMEOUT = 120.0   # seconds for one conversion at most (a huge spreadsheet)
POLL = 0.1                # seconds between looks at cancel while LibreOffice runs
INSTALL_HINT = ("LibreOffice is needed to read {what} files: install it from https://www.libreoffice.org/download "
                "(Debian: apt install libreoffice-writer-nogui libreoffice-calc-nogui) and add them again")


def find_soffice() -> Optional[str]:
    """LibreOffice's ``soffice``: ``$DOCMGR_SOFFICE`` when set (a portable LibreOffice), else on PATH or in
    its usual install folders (Windows, macOS, Linux); None if absent."""
    chosen = os.environ.get("DOCMGR_SOFFICE")
    if chosen:
        return chosen if Path(chosen).is_file() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    candidates: list[Path] = []
    if os.name == "nt":
        for root in (os.environ.get("ProgramFiles"), os.environ.get("ProgramFiles(x86)"),
                     os.environ.get("ProgramW6432"), r"C:\Program Files", r"C:\Program Files (x86)"):
            if root:
                candidates.append(Path(root) / "LibreOffice" / "program" / "soffice.exe")
    elif sys.platform == "darwin":
        candidates.append(Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"))
    else:
        candidates += [Path("/usr/lib/libreoffice/program/soffice"), Path("/opt/libreoffice/program/soffice")]
    return next((str(c) for c in candidates if c.is_file()), None)


def convert_to_pdf(source: Path, suffix: str, what: str, *, scratch: Optional[Path], cancel: CancelToken,
                   timeout: float = CONVERT_TIMEOUT) -> bytes:
    """The PDF rendition of ``source`` (an office file of type ``suffix``, ``what`` names it for messages).

    Raises:
        RejectedInput: LibreOffice is missing, failed on the file, or took longer than ``timeout``.
        Cancelled, TimeoutError: from ``cancel`` (LibreOffice is killed first).
    """
    soffice = find_soffice()
    if soffice is None:
        raise RejectedInput(INSTALL_HINT.format(what=what))
    if scratch is not None:
        scratch.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="docmgr-office-", dir=scratch))
    try:
        shutil.copyfile(source, work / f"input{suffix}")   # an ASCII name: no code-page trouble on Windows
        command = [soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
                   "--nologo", "--nodefault", "--nolockcheck", "--convert-to", "pdf", "--outdir", str(work / "out"),
                   str(work / f"input{suffix}")]
        _run(command, cancel, timeout, what, work / "stderr.txt")
        result = work / "out" / "input.pdf"
        if not result.is_file() or result.stat().st_size == 0:
            raise RejectedInput(f"LibreOffice could not read this {what} file (damaged or not really {what})")
        return result.read_bytes()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _run(command: list[str], cancel: CancelToken, timeout: float, what: str, log: Path) -> None:
    """Run LibreOffice, looking at ``cancel`` every :data:`POLL` seconds; kill its tree on the way out."""
    options: dict[str, object] = {}
    if os.name == "nt":
        options["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP | getattr(subprocess, "CREATE_NO_WINDOW", 0)
    else:
        options["start_new_session"] = True   # its own process group: soffice starts soffice.bin
    with log.open("wb") as errors:
        proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors,
                                **options)  # type: ignore[call-overload]
        deadline = time.monotonic() + timeout
        try:
            while proc.poll() is None:
                cancel.check()
                if time.monotonic() > deadline:
                    raise RejectedInput(f"LibreOffice took longer than {timeout:g} s on this {what} file")
                time.sleep(POLL)
        finally:
            if proc.poll() is None:
                _kill_tree(proc)
    if proc.returncode != 0:
        detail = log.read_bytes().decode("utf-8", "replace").strip().splitlines()
        raise RejectedInput(f"LibreOffice could not read this {what} file ({(detail or ['exit %d' % proc.returncode])[-1][:120]})")


def _kill_tree(proc: "subprocess.Popen[bytes]") -> None:
    if os.name == "nt":
        subprocess.run(["taskkill", "/T", "/F", "/PID", str(proc.pid)], capture_output=True, check=False)
    else:
        import signal

        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            proc.kill()
    proc.wait(timeout=10)


def rendition_pages(pdf: bytes) -> list[str]:
    """The text of each page of a rendition, in reading order (NFC)."""
    import pypdfium2 as pdfium

    from docmgr.core.text import nfc
    from docmgr.ingest.pdflayout import page_text

    document = pdfium.PdfDocument(pdf)
    try:
        pages = []
        for page in document:
            textpage = page.get_textpage()
            pages.append(nfc(page_text(textpage)))
            textpage.close()
            page.close()
        return pages
    finally:
        document.close()
