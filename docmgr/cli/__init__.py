"""The ``docmgr`` command line: one sub-command per capability, over the same services as the GUI."""
