"""The Qt-free core: paths, settings, errors, text helpers, the catalog and the library store."""
