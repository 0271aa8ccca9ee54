"""Creating the tables of the records components when a library is opened (each component owns its
steps; see :meth:`docmgr.core.catalog.Catalog.ensure_component`)."""

from __future__ import annotations

from docmgr.core.library import Library


def ensure_records(library: Library) -> None:
    """Bring every archive component's tables up to date (cheap once done for this catalog)."""
    from docmgr.records import audit, register, retention, users

    for component, migrations in ((audit.COMPONENT, audit.MIGRATIONS), (register.COMPONENT, register.MIGRATIONS),
                                  (users.COMPONENT, users.MIGRATIONS), (retention.COMPONENT, retention.MIGRATIONS)):
        library.catalog.ensure_component(component, migrations)
