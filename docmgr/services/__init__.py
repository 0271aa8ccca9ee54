"""Use cases shared by the CLI and the GUI: plain blocking functions with progress and cancel."""
