"""The main window's panes: navigator, viewer, metadata, intake progress, errors, message bar."""
