"""Users and roles: the first role check bootstraps the acting user as archivist, archivists manage users,
roles are checked, passwords are scrypt hashes checked at sign-in, every change is in the audit trail."""

from __future__ import annotations

from typing import Any

import pytest

from docmgr.core.errors import UsageError
from docmgr.records import users as store
from docmgr.records.users import PermissionDenied
from docmgr.services import audit, users


def test_bootstrap_then_roles_are_checked(library: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCMGR_USER", "Lê Thị Lưu")
    assert users.require(library, "archivist").role == "archivist"  # the first user of a new library
    users.add_user(library, "vanthu", "clerk")
    users.add_user(library, "lanhdao", "leader")
    assert [(u.name, u.role) for u in users.list_users(library)] == [
        ("Lê Thị Lưu", "archivist"), ("lanhdao", "leader"), ("vanthu", "clerk")]
    monkeypatch.setenv("DOCMGR_USER", "vanthu")
    assert users.require(library, "clerk", "archivist").name == "vanthu"
    with pytest.raises(PermissionDenied, match="vanthu is a clerk"):
        users.add_user(library, "vanthu", "archivist")  # nobody raises their own role
    monkeypatch.setenv("DOCMGR_USER", "stranger")
    with pytest.raises(PermissionDenied, match="not a user"):
        users.require(library, "clerk")
    monkeypatch.setenv("DOCMGR_USER", "Lê Thị Lưu")
    users.add_user(library, "vanthu", "archivist")
    actions = [(e.action, e.target) for e in audit.history(library)]
    assert actions[-1] == ("role", "user:vanthu") and actions[0] == ("user-add", "user:Lê Thị Lưu")


def test_the_only_archivist_cannot_be_demoted_or_removed(library: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCMGR_USER", "luutru")
    users.require(library, "archivist")
    with pytest.raises(UsageError, match="only archivist"):
        users.add_user(library, "luutru", "clerk")
    with pytest.raises(UsageError, match="only archivist"):
        users.remove_user(library, "luutru")


def test_passwords_are_salted_scrypt_and_checked(library: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    stored = store.hash_password("mật khẩu")
    assert stored.startswith("scrypt$") and "mật khẩu" not in stored and stored != store.hash_password("mật khẩu")
    assert store.check_password(stored, "mật khẩu") and not store.check_password(stored, "sai")
    monkeypatch.setenv("DOCMGR_USER", "luutru")
    users.require(library, "archivist")
    users.add_user(library, "vanthu", "clerk", password="bí mật")
    monkeypatch.setenv("DOCMGR_USER", "vanthu")
    monkeypatch.delenv(users.ENV_PASSWORD, raising=False)
    with pytest.raises(PermissionDenied, match="password"):
        users.require(library, "clerk")
    with pytest.raises(PermissionDenied, match="wrong"):
        users.sign_in(library, "vanthu", "sai")
    assert users.sign_in(library, "vanthu", "bí mật").role == "clerk"
    assert users.require(library, "clerk").name == "vanthu"
    users.sign_out()


def test_user_cli(cli: Any) -> None:
    cli.env["DOCMGR_USER"] = "luutru"
    assert cli("user", "add", "vanthu", "--role", "clerk").returncode == 0
    assert cli("user", "role", "vanthu", "leader").returncode == 0
    rows = cli.json_lines("user", "list")
    assert [(r["name"], r["role"]) for r in rows] == [("luutru", "archivist"), ("vanthu", "leader")]
    cli.env["DOCMGR_USER"] = "vanthu"
    proc = cli("user", "add", "x", "--role", "archivist")
    assert proc.returncode == 1 and "needs the role archivist" in proc.stderr
    assert cli("user", "add", "x", "--role", "boss").returncode == 2
