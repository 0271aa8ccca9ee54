"""PyInstaller entry of ``docmgr`` (console) and ``docmgr-gui`` (no console window on Windows): the
CLI with a sub-command, the desktop app without one."""

import sys

from docmgr.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
