"""The dependency rules of STYLE.md, enforced with import-linter (pyproject.toml [tool.importlinter])."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_layers_and_no_qt_below_the_gui() -> None:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert exe, "import-linter is part of the test extras"
    proc = subprocess.run([exe, str(ROOT / "pyproject.toml")], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_cli_never_reaches_the_gui() -> None:
    """``docmgr.__main__`` is the composition root: no import chain (not even a lazy one inside a
    function) leads from the CLI to the app or to Qt, and no contract has to ignore one."""
    import tomllib

    import grimp

    graph = grimp.build_graph("docmgr")
    for target in ("docmgr.app", "docmgr.gui", "docmgr.__main__"):
        assert not graph.chain_exists(importer="docmgr.cli", imported=target, as_packages=True), target
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert all(not c.get("ignore_imports") for c in config["tool"]["importlinter"]["contracts"])
    assert config["project"]["scripts"]["docmgr"] == "docmgr.__main__:main"
    assert config["project"]["gui-scripts"]["docmgr-gui"] == "docmgr.__main__:gui_main"
