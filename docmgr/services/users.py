"""Users, roles and sign-in as the use cases check them (see :mod:`docmgr.records.users`; not a security
boundary against an administrator of the PC).

The first role check in a library that has no users yet makes the acting user its archivist (a new
library needs someone to add the others); that is recorded in the audit trail.
"""

from __future__ import annotations

import os
from typing import Optional

from docmgr.core.actor import current_actor
from docmgr.core.catalog import now_iso
from docmgr.core.errors import UsageError
from docmgr.core.library import Library
from docmgr.core.text import nfc
from docmgr.records import users as store
from docmgr.records.users import PermissionDenied, User
from docmgr.services import audit

ENV_PASSWORD = "DOCMGR_PASSWORD"
_signed_in: set[str] = set()  # names signed in with their password in this process


def ensure(library: Library) -> None:
    library.catalog.ensure_component(store.COMPONENT, store.MIGRATIONS)


def list_users(library: Library) -> list[User]:
    ensure(library)
    return store.all_users(library.catalog.connection())


def current_user(library: Library) -> Optional[User]:
    """The library's user for the acting name, or None."""
    ensure(library)
    return store.get(library.catalog.connection(), current_actor())


def require(library: Library, *roles: str) -> User:
    """The acting user, when it has one of ``roles``.

    Raises:
        PermissionDenied: not a user of this library, another role, or a password user not signed in.
    """
    ensure(library)
    name = current_actor()
    conn = library.catalog.connection()
    if store.count(conn) == 0:
        _bootstrap(library, name)
    user = store.get(conn, name)
    if user is None:
        raise PermissionDenied(f"{name} is not a user of this library; an archivist adds users with "
                               f"`docmgr user add NAME --role {'|'.join(store.ROLES)}`")
    if user.role not in roles:
        raise PermissionDenied(f"{name} is a {user.role}: this needs the role {' or '.join(roles)}")
    if user.has_password and name not in _signed_in:
        password = os.environ.get(ENV_PASSWORD)
        if password is None or not store.check_password(store.password_hash(conn, name), password):
            raise PermissionDenied(f"{name} signs in with a password: sign in in the app, or set {ENV_PASSWORD}")
        _signed_in.add(name)
    return user


def sign_in(library: Library, name: str, password: str) -> User:
    """Check a password and make ``name`` the acting user of this process (the app's sign-in)."""
    ensure(library)
    name = nfc(name).strip()
    conn = library.catalog.connection()
    user = store.get(conn, name)
    if user is None or (user.has_password and not store.check_password(store.password_hash(conn, name), password)):
        raise PermissionDenied("wrong user name or password")
    os.environ["DOCMGR_USER"] = name
    _signed_in.add(name)
    audit.record(library, "sign-in", audit.user_target(name))
    return user


def sign_out() -> None:
    """Forget this process's sign-ins (the acting user is the OS user again)."""
    _signed_in.clear()
    os.environ.pop("DOCMGR_USER", None)


def add_user(library: Library, name: str, role: str, password: Optional[str] = None) -> User:
    """Add a user or change one's role (an archivist's action)."""
    name = nfc(name).strip()
    if not name:
        raise UsageError("a user needs a name")
    if role not in store.ROLES:
        raise UsageError(f"unknown role {role!r} (one of: {', '.join(store.ROLES)})")
    require(library, "archivist")
    conn = library.catalog.connection()
    before = store.get(conn, name)
    if before is not None and before.role == "archivist" and role != "archivist" and _archivists(library) == 1:
        raise UsageError(f"{name} is the library's only archivist: add another archivist first")
    with library.write_lock():
        with library.catalog.transaction() as tx:
            store.put(tx, name, role, now_iso(), password)
            audit.log(tx, "role" if before else "user-add", audit.user_target(name),
                      {"role": role, "before": before.role if before else None, "password": bool(password)})
        audit.sync_head(library)
    user = store.get(conn, name)
    assert user is not None
    return user


def remove_user(library: Library, name: str) -> None:
    require(library, "archivist")
    user = store.get(library.catalog.connection(), name)
    if user is None:
        raise UsageError(f"no user {name!r}")
    if user.role == "archivist" and _archivists(library) == 1:
        raise UsageError(f"{name} is the library's only archivist: add another archivist first")
    with library.write_lock():
        with library.catalog.transaction() as tx:
            store.remove(tx, name)
            audit.log(tx, "user-remove", audit.user_target(name), {"role": user.role})
        audit.sync_head(library)


def _archivists(library: Library) -> int:
    return sum(1 for u in list_users(library) if u.role == "archivist")


def _bootstrap(library: Library, name: str) -> None:
    with library.write_lock():
        with library.catalog.transaction() as tx:
            if store.count(tx) == 0:  # another process may have done it meanwhile
                store.put(tx, name, "archivist", now_iso())
                audit.log(tx, "user-add", audit.user_target(name), {"role": "archivist", "bootstrap": True})
        audit.sync_head(library)


__all__ = ["PermissionDenied", "User", "add_user", "current_user", "list_users", "remove_user", "require", "sign_in", "sign_out"]
