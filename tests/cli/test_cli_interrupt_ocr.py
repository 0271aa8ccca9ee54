"""Ctrl-C during one long OCR: the running Tesseract processes end at once, the library stays
consistent and empty, the exit code is 130 (real docmgr and tesseract processes)."""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.fixtures.builders import DECISION, render_lines

pytestmark = [pytest.mark.tesseract,
              pytest.mark.skipif(not sys.platform.startswith("linux"), reason="signals and /proc")]


def _tesseracts(folder: Path) -> list[int]:
    """Running tesseract processes reading files under ``folder`` (the library's scratch folder), whoever
    their parent is now (a killed docmgr's workers would be orphans)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            args = (entry / "cmdline").read_bytes().split(b"\0")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if args[0].endswith(b"tesseract") and state != "Z" and any(str(folder).encode() in a for a in args):
            found.append(int(entry.name))
    return found


@pytest.mark.parametrize("command", ["ingest", "classify"])
def test_ctrl_c_during_a_long_ocr_kills_tesseract(cli: Any, inputs: Path, tmp_path: Path, command: str) -> None:
    scratch = cli.library / "tmp"  # OCR's scratch files live in the library's own tmp/, never in %TEMP%
    frames = [render_lines(DECISION[k % 4: k % 4 + 12] * 2, size=34, width=2000, dpi=300) for k in range(4)]
    scan = inputs / "dai.tif"
    frames[0].save(scan, save_all=True, append_images=frames[1:], dpi=(300, 300), compression="tiff_lzw")
    proc = cli.popen(command, "--json", *([scan, "--all-pages"] if command == "classify" else [scan]))
    try:
        for _ in range(1200):   # until a tesseract runs under it
            if _tesseracts(scratch) or proc.poll() is not None:
                break
            time.sleep(0.05)
        assert _tesseracts(scratch), proc.stderr.read() if proc.poll() is not None else "tesseract never started"
        proc.send_signal(signal.SIGINT)   # to docmgr alone, as the GUI's Cancel would: not to the group
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    for _ in range(20):
        if not _tesseracts(scratch):
            break
        time.sleep(0.05)
    assert not _tesseracts(scratch), "tesseract left running"
    if command == "ingest":
        assert cli.json_lines("list") == []
        assert cli("check", "--json").returncode == 0
