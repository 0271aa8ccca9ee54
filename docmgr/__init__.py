"""docmgr: an offline records desk for a Vietnamese one-stop administrative office."""

__version__ = "0.1.0"
