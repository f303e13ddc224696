"""`telefonaktion enrol`, `sync` and `status`: the workspace and the central office on the command line."""

from __future__ import annotations

import argparse
import json
import logging
import sys

from desktop import paths
from desktop.commands.common import CommandError, add_workspace_options, open_workspace, read_passphrase
from desktop.domain.models import Role
from desktop.services import session, status, sync_engine
from desktop.storage.errors import WorkspaceError
from desktop.storage.timefmt import utcnow
from sync.client.transport import InsecureTransport, Refused, SyncError, Unreachable
from sync.client.transport import log as transport_log


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    enrol = sub.add_parser("enrol", help="enrol this PC with a one-time code from the central office")
    enrol.add_argument("--server", required=True, metavar="URL", help="address of the central office")
    enrol.add_argument("--code", required=True, help="the one-time enrolment code")
    enrol.add_argument(
        "--name", required=True, metavar="NAME", help="your name as shown on this PC (e.g. Erika B.)"
    )
    enrol.add_argument("--passphrase-file", metavar="FILE", help="read your new passphrase from FILE")
    enrol.set_defaults(handler=cmd_enrol)

    run = sub.add_parser("sync", help="upload waiting reports and fetch campaigns, objections and clearances")
    add_workspace_options(run)
    run.add_argument("--give-back", action="store_true", help="give every unworked contact back to the pool")
    run.add_argument("--lease-size", type=int, help="open contacts per campaign this PC holds (lead)")
    run.add_argument("--lease-hours", type=float, help="how long this PC holds them (lead)")
    run.add_argument(
        "--progress", action="store_true", help="show each upload batch on stderr as it is sent and answered"
    )
    run.set_defaults(handler=cmd_sync)

    show = sub.add_parser("status", help="show the workspace's sync and clearance status")
    add_workspace_options(show)
    show.add_argument("--json", action="store_true", help="print one JSON object")
    show.set_defaults(handler=cmd_status)


def _network_error(exc: Exception) -> CommandError:
    if isinstance(exc, Unreachable):
        return CommandError(
            "the central office cannot be reached; your reports are safe and will be sent later", 1
        )
    if isinstance(exc, Refused):
        return CommandError(f"the central office refused: {exc.code}", 1)
    if isinstance(exc, InsecureTransport):
        return CommandError(str(exc), 2)
    return CommandError(f"sync failed: {exc}", 1)


def cmd_enrol(args: argparse.Namespace) -> int:
    passphrase = read_passphrase(args)
    if len(passphrase) < 8:
        raise CommandError("the passphrase needs at least 8 characters")
    try:
        workspace = sync_engine.enrol(
            paths.workspace(), server_url=args.server, code=args.code, label=args.name, passphrase=passphrase
        )
    except SyncError as exc:
        raise _network_error(exc) from None
    except WorkspaceError as exc:
        raise CommandError(f"cannot create the workspace: {exc.code.value}", 1) from None
    try:
        device = workspace.meta("device_id")
        print(f"enrolled: {workspace.org_name}")
        print(device)
    finally:
        session.lock(workspace)
    return 0


def _show_progress() -> None:
    handler = logging.StreamHandler(sys.stderr)  # flushed after every line
    handler.setFormatter(logging.Formatter("%(message)s"))
    progress = logging.getLogger(transport_log.name)
    progress.addHandler(handler)
    progress.setLevel(logging.INFO)


def cmd_sync(args: argparse.Namespace) -> int:
    if args.progress:
        _show_progress()
    workspace = open_workspace(args)
    try:
        if args.lease_size is not None or args.lease_hours is not None:
            if workspace.person.role is not Role.LEAD:
                raise CommandError("only the call lead sizes the reservation", 2)
            try:
                sync_engine.size_leases(workspace.conn, size=args.lease_size, hours=args.lease_hours)
            except ValueError as exc:
                raise CommandError(str(exc), 2) from None
        if args.give_back:
            sync_engine.give_back(workspace.conn)
        result = sync_engine.sync_once(workspace.conn, bulk=workspace.bulk_transaction)
    except SyncError as exc:
        raise _network_error(exc) from None
    finally:
        session.lock(workspace)
    print(
        f"sent {result.pushed} (already there {result.duplicates}, refused {result.rejected}); "
        f"received {result.contacts} contacts in {result.pages} page(s); {result.leased} reserved for this PC"
    )
    if result.rejected:
        print("some items were refused: they are listed under 'needs attention' in the app")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    try:
        current = status.collect(workspace.conn, utcnow())
    finally:
        session.lock(workspace)
    if args.json:
        print(json.dumps(current.as_json(), ensure_ascii=False))
        return 0
    c = current.clearance
    print(f"organisation: {current.org}")
    for campaign in current.campaigns:
        print(
            f"campaign {campaign['id']}: {campaign['title']} — {campaign['open']} of {campaign['contacts']} open"
        )
    print(f"waiting to upload: {current.pending_uploads}; needs attention: {len(current.needs_attention)}")
    print(f"last sync: {current.last_sync.isoformat() if current.last_sync else 'never'}")
    print(
        f"clearance: {'valid until ' + c.expires_at.isoformat() if c.valid and c.expires_at else 'not valid: ' + str(c.reason)}"
    )
    return 0
