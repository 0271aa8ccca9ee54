"""docmgr user add|list|role|remove — the library's users and their roles (clerk, archivist, leader).

Not a security boundary against an administrator of the PC (see docmgr/records/users.py).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

ROLES = ("clerk", "archivist", "leader")


def register(sub: Any) -> argparse.ArgumentParser:
    p = sub.add_parser("user", help="users of the library and their roles",
                       description="Users and roles (clerk, archivist, leader). A user is the OS user of the same "
                                   "name (or DOCMGR_USER); --password adds a password for the app's sign-in. The first "
                                   "role check in a new library makes the acting user its archivist. Roles are not a "
                                   "security boundary against an administrator of the PC.")
    verbs = p.add_subparsers(dest="verb", metavar="VERB", required=True)
    add = verbs.add_parser("add", help="add a user (or change its role)")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--password", action="store_true", help="ask for a password (read from stdin when piped)")
    role = verbs.add_parser("role", help="change a user's role")
    role.add_argument("name", metavar="NAME")
    role.add_argument("role", choices=ROLES)
    remove = verbs.add_parser("remove", help="remove a user")
    remove.add_argument("name", metavar="NAME")
    listing = verbs.add_parser("list", help="the users")
    listing.add_argument("--json", action="store_true")
    for verb in (add, role, remove, listing):
        verb.add_argument("--library", metavar="DIR", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return p


def run(args: argparse.Namespace) -> int:
    from docmgr.cli.output import emit_json
    from docmgr.services import users
    from docmgr.services.library import open_library

    library = open_library(args.library)
    if args.verb == "list":
        for user in users.list_users(library):
            if getattr(args, "json", False):
                emit_json({"name": user.name, "role": user.role, "password": user.has_password,
                           "created": user.created})
            else:
                print(f"{user.name}  {user.role}" + ("  (password)" if user.has_password else ""))
        return 0
    if args.verb == "remove":
        users.remove_user(library, args.name)
        print(f"removed {args.name}")
        return 0
    password = None
    if args.verb == "add" and args.password:
        password = (getpass.getpass(f"password for {args.name}: ") if sys.stdin.isatty()
                    else sys.stdin.readline().rstrip("\n"))
    user = users.add_user(library, args.name, args.role, password)
    print(f"{user.name}: {user.role}")
    return 0
