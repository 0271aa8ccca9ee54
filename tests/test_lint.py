"""ruff (pyflakes, pycodestyle, bugbear, pathlib rules) and mypy on core/ and services/, as `make lint`
runs them (configuration and per-module exceptions in pyproject.toml)."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINTED = ["docmgr/core", "docmgr/services"]


def _tool(name: str) -> str:
    exe = shutil.which(name, path=str(Path(sys.executable).parent))
    assert exe, f"{name} is part of the test extras"
    return exe


def test_ruff() -> None:
    proc = subprocess.run([_tool("ruff"), "check", *LINTED], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy() -> None:
    proc = subprocess.run([_tool("mypy"), *LINTED], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
