"""A real install: the wheel, installed into a fresh venv outside the checkout, starts and files a
document with the taxonomy, models and translations it carries inside the package."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(args: list[str], cwd: Path, env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc


@pytest.mark.slow
def test_the_wheel_installs_starts_and_ingests_outside_the_checkout(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DOCMGR_RESOURCES", "DOCMGR_LIBRARY")}
    wheels = tmp_path / "wheels"
    _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(wheels),
          str(ROOT)], tmp_path, env)
    [wheel] = list(wheels.glob("docmgr-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for inside in ("docmgr/resources/taxonomy.json", "docmgr/resources/starter/type.skops",
                   "docmgr/resources/i18n/docmgr_vi.qm", "docmgr/resources/i18n/qt_vi.qm",
                   "docmgr/resources/records/procedures.json", "docmgr/resources/records/calendar.json",
                   "docmgr/resources/records/admin_units.json"):
        assert inside in names, inside

    # a fresh venv; its dependencies are the test venv's (already installed), seen through a .pth file
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], tmp_path, env)
    bindir = venv / ("Scripts" if sys.platform == "win32" else "bin")
    python = bindir / ("python.exe" if sys.platform == "win32" else "python")
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                     tmp_path, env).stdout.strip())
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps", str(wheel)],
         tmp_path, env)

    elsewhere = tmp_path / "office"
    elsewhere.mkdir()
    docmgr = str(bindir / "docmgr")
    assert _run([docmgr, "--version"], elsewhere, env).stdout.startswith("docmgr ")
    where = _run([str(python), "-c", "import docmgr; from docmgr.classify.taxonomy import resources_dir; "
                  "print(docmgr.__file__); print(resources_dir())"], elsewhere, env).stdout.split()
    assert all(Path(p).is_relative_to(venv) for p in where), where  # not the checkout's
    letter = elsewhere / "quyet-dinh.txt"
    letter.write_text("ỦY BAN NHÂN DÂN\nQUYẾT ĐỊNH\nVề việc cấp giấy phép xây dựng\nĐiều 1. Cấp giấy phép.\n",
                      encoding="utf-8")
    proc = _run([docmgr, "--library", str(elsewhere / "library"), "ingest", "--json", str(letter)], elsewhere, env)
    [row] = [json.loads(line) for line in proc.stdout.splitlines()]
    assert row["status"] == "filed" and row["type"], row
