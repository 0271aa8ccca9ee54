"""Qt only: the desktop app's windows, widgets, models and workers over the services."""
