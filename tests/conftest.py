"""Test set-up: offscreen Qt, one tesseract thread, every library in a temporary folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["OMP_THREAD_LIMIT"] = "1"

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the user's real data or config folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    # platformdirs itself: on Windows and macOS it ignores the XDG variables (AppData, ~/Library)
    import platformdirs

    for kind in ("data", "config", "cache", "state", "log", "documents", "runtime"):
        folder = home / kind

        def as_path(*_args: Any, _folder: Path = folder, **_kwargs: Any) -> Path:
            return _folder

        monkeypatch.setattr(platformdirs, f"user_{kind}_path", as_path)
        monkeypatch.setattr(platformdirs, f"user_{kind}_dir", lambda *a, _p=as_path, **k: str(_p()))
    monkeypatch.delenv("DOCMGR_LIBRARY", raising=False)
    monkeypatch.delenv("DOCMGR_SCRATCH", raising=False)


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library"


@pytest.fixture
def library(library_path: Path) -> Any:
    from docmgr.services.library import open_library

    return open_library(library_path)


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    return folder


class Cli:
    """Runs ``docmgr`` in a real subprocess against one library."""

    def __init__(self, library: Path) -> None:
        self.library = library
        self.env = dict(os.environ, PYTHONPATH=str(ROOT), DOCMGR_LIBRARY=str(library))

    def command(self, *args: Any) -> list[str]:
        return [sys.executable, "-m", "docmgr", *map(str, args)]

    def __call__(self, *args: Any, timeout: float = 180) -> subprocess.CompletedProcess[str]:
        return subprocess.run(self.command(*args), capture_output=True, text=True, env=self.env, timeout=timeout)

    def json(self, *args: Any) -> Any:
        proc = self(*args, "--json")
        assert proc.stdout.strip(), proc.stderr
        return json.loads(proc.stdout)

    def json_lines(self, *args: Any) -> list[Any]:
        proc = self(*args, "--json")
        return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]

    def popen(self, *args: Any) -> subprocess.Popen[str]:
        return subprocess.Popen(self.command(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env=self.env)


@pytest.fixture
def cli(library_path: Path) -> Cli:
    return Cli(library_path)
