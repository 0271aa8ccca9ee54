"""The records the office keeps (no Qt): procedures, dossiers, the calendar, the incoming register,
retention, the audit trail.

Each module owns its tables and creates them through :meth:`docmgr.core.catalog.Catalog.ensure_component`
with its own list of migration steps, so the core schema does not need to know about them.
"""
