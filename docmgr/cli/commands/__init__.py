"""The sub-commands, in the order ``docmgr --help`` lists them. One module each."""

COMMANDS: list[str] = [
    "ingest",
    "show",
    "list_",
    "delete",
    "restore",
    "check",
    "classify",
    "confirm",
    "train",
    "export_pdf",
    "search",
    "reindex",
    "types",
]
