"""``telefonaktion-zentrale``: the central office's command line (thin: calls office.CentralOffice's parts).

Conventions: every command takes ``--database URL`` (default: an SQLite file in the user data directory, or
$TELEFONAKTION_ZENTRALE_DB); commands that create something print its id alone on the last stdout line;
errors go to stderr with a non-zero exit code and never a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ipaddress
import json
import logging
import os
import socket
import sys
from collections.abc import Callable, Coroutine, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

DB_ENV = "TELEFONAKTION_ZENTRALE_DB"
NO_IDEMPOTENCY_ENV = "TELEFONAKTION_ZENTRALE_UNSAFE_NO_IDEMPOTENCY"  # fault tests only
PASSWORD_ENV = "TELEFONAKTION_ZENTRALE_PASSWORD"  # staff add: the new staff member's password


class UserError(Exception):
    pass


def default_database() -> str:
    if os.environ.get(DB_ENV):
        return os.environ[DB_ENV]
    from platformdirs import user_data_dir

    return str(Path(user_data_dir("telefonaktion-zentrale")) / "zentrale.db")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("telefonaktion")
    except PackageNotFoundError:  # pragma: no cover (running from a plain checkout)
        return "unknown"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# --------------------------------------------------------------------------------------------------- commands


def _open(url: str) -> Any:
    from sqlalchemy.exc import ArgumentError, OperationalError

    from sync.server.db import open_database

    try:
        return open_database(url)
    except (ArgumentError, ValueError) as exc:
        raise UserError(f"bad database URL: {exc}") from None
    except OperationalError as exc:
        raise UserError(f"cannot open the database: {str(exc.orig).strip().splitlines()[0]}") from None


def _office(args: argparse.Namespace) -> Any:
    from sync.server.office import CentralOffice

    args.engine = _open(args.database)  # disposed by main()
    return CentralOffice(args.engine)


def cmd_serve(args: argparse.Namespace) -> int:
    if bool(args.tls_cert) != bool(args.tls_key):
        raise UserError("give both --tls-cert and --tls-key")
    if not is_loopback(args.host) and not args.tls_cert:
        raise UserError(
            f"refusing plain HTTP on {args.host}: only loopback may go without TLS "
            "(give --tls-cert and --tls-key)"
        )
    import uvicorn

    from sync.server.app import create_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    idempotency = os.environ.get(NO_IDEMPOTENCY_ENV) != "1"
    _open(args.database).dispose()  # migrate, and turn a bad URL into a clear message
    app = create_app(args.database, idempotency=idempotency, rate_limit=args.rate_limit, burst=args.burst)
    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    sock = socket.socket(
        family, socket.SOCK_STREAM, socket.IPPROTO_TCP
    )  # proto set: asyncio then sets TCP_NODELAY
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((args.host, args.port))
    except OSError as exc:
        raise UserError(f"cannot listen on {args.host}:{args.port}: {exc.strerror}") from None
    sock.listen(256)
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        app,
        log_level="warning",
        access_log=False,
        ssl_certfile=args.tls_cert,
        ssl_keyfile=args.tls_key,
        timeout_graceful_shutdown=5,
    )
    server = uvicorn.Server(config)
    scheme = "https" if args.tls_cert else "http"
    host = f"[{args.host}]" if family == socket.AF_INET6 else args.host

    from sync.server import retention
    from sync.server.office import CentralOffice

    retention_engine = _open(args.database)

    from sync.server.serving import serve_ready

    def daily() -> Coroutine[Any, Any, None]:  # issue 14.6
        return retention.timer(CentralOffice(retention_engine))

    try:
        asyncio.run(serve_ready(server, sock, f"READY {scheme}://{host}:{port}", beside=daily))
    finally:
        retention_engine.dispose()
    return 0


def cmd_org_add(args: argparse.Namespace) -> int:
    print(_office(args).commands.add_org(args.name))
    return 0


def cmd_person_add(args: argparse.Namespace) -> int:
    print(_office(args).commands.add_person(args.org, args.name))
    return 0


def cmd_members_import(args: argparse.Namespace) -> int:
    from sync.core import memberfile

    office = _office(args)
    try:
        result = memberfile.read(
            Path(args.file),
            purpose="invitation",
            allowed_categories=args.category,
            assume_category=args.assume_category,
        )
        numbers = memberfile.member_numbers(Path(args.file), assume_category=args.assume_category)
    except memberfile.MemberFileError as exc:
        raise UserError(f"{args.file}: {exc}") from None
    added, updated = office.commands.import_members(args.org, result.records, numbers)
    if numbers:
        print(f"member numbers kept at the central office: {sum(r.row in numbers for r in result.records)}")
    if result.dropped_columns:
        print("dropped columns: " + ", ".join(result.dropped_columns))
    for issue in result.refused_rows + result.invalid_rows:
        print(f"row {issue.row}: {issue.code.value}")
    print(
        f"imported {result.imported} of {result.total_rows} rows: {added} added, {updated} updated, "
        f"{len(result.refused_rows)} refused, {len(result.duplicates)} duplicates merged"
    )
    return 0


def cmd_resolution_add(args: argparse.Namespace) -> int:
    print(
        _office(args).commands.add_resolution(
            args.org,
            args.date,
            args.body,
            args.purpose,
            args.responsible or [],
            valid_until=args.valid_until,
            document_ref=args.document,
        )
    )
    return 0


def cmd_training_record(args: argparse.Namespace) -> int:
    print(_office(args).commands.record_training(args.person, args.date))
    return 0


def cmd_declaration_record(args: argparse.Namespace) -> int:
    print(
        _office(args).commands.record_declaration(
            args.person, args.signed_on, args.text_version, args.document
        )
    )
    return 0


def _read_text(path: str | None) -> str | None:
    if path is None:
        return None
    try:
        return Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UserError(f"{path} is not UTF-8 text") from None


def _content_changes(args: argparse.Namespace) -> dict[str, Any]:
    """The content options of `campaign release` and `campaign content` (None: keep / default)."""
    questions = None
    if args.questions is not None:
        try:
            questions = json.loads(_read_text(args.questions) or "")
        except json.JSONDecodeError as exc:
            raise UserError(f"{args.questions} is not JSON: {exc.msg} (line {exc.lineno})") from None
        if isinstance(questions, dict):
            questions = questions.get("questions")
        if not isinstance(questions, list):
            raise UserError(f"{args.questions} must hold a JSON list of questions")
    return {
        "script": _read_text(args.script),
        "transparency": _read_text(args.transparency),
        "questions": questions,
        "cooldown_hours": args.cooldown_hours,
        "max_attempts": args.max_attempts,
        "notes_enabled": None if args.notes is None else args.notes == "on",
        "goal_reached": args.goal,
        "holiday_region": args.holiday_region,
    }


def cmd_campaign_release(args: argparse.Namespace) -> int:
    campaign_id, count = _office(args).commands.release_campaign(
        args.org,
        args.title,
        args.purpose,
        args.resolution,
        args.category,
        ends_on=args.ends_on,
        content=_content_changes(args),
    )
    print(f"released {count} contacts")
    print(campaign_id)
    return 0


def cmd_campaign_content(args: argparse.Namespace) -> int:
    from sync.server.content import CampaignContents

    changes = _content_changes(args)
    changes["ends_on"] = args.ends
    content = CampaignContents(_office(args)).set(args.campaign, changes)
    print(f"content version {content.version}")
    return 0


def cmd_campaign_show(args: argparse.Namespace) -> int:
    from sync.server.content import CampaignContents

    campaign, content = CampaignContents(_office(args)).get(args.campaign)
    out = {
        "campaign_id": campaign.id,
        "org_id": campaign.org_id,
        "title": campaign.title,
        "purpose": campaign.purpose,
        "ends_on": campaign.ends_on.isoformat() if campaign.ends_on else None,
        "content": content.model_dump(mode="json") if content else None,
    }
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0


def cmd_enrol(args: argparse.Namespace) -> int:
    code, expires_at = _office(args).commands.create_enrolment_code(args.org, args.person)
    print(f"one-time enrolment code, valid until {expires_at:%Y-%m-%d %H:%M} UTC:")
    print(code)
    return 0


def cmd_clearance_revoke(args: argparse.Namespace) -> int:
    _office(args).commands.revoke_clearance(args.person)
    print(f"clearances of person {args.person} revoked")
    return 0


def cmd_device_revoke(args: argparse.Namespace) -> int:
    _office(args).commands.revoke_device(args.device)
    print(f"device {args.device} revoked")
    return 0


def cmd_device_health(args: argparse.Namespace) -> int:
    office = _office(args)
    health = office.queries.device_health(args.device)
    print(f"received {health.received}, highest sequence number {health.highest_seq}")
    for gap in health.missing:
        print(f"missing {gap.first}-{gap.last}")
    chain = office.queries.audit_chain(args.device)
    print(
        f"audit chain: {'intact' if chain.intact else 'BROKEN'}, verified up to entry {chain.verified_seq}, "
        f"{len(chain.breaks)} breaks"
    )
    for brk in chain.breaks:
        print(
            f"audit chain break at entry {brk.expected_seq} (got {brk.got_seq}): {brk.reason}, "
            f"event {brk.event_id}"
        )
    return 0


@contextlib.contextmanager
def _org_transaction(args: argparse.Namespace) -> Iterator[tuple[Any, Any]]:
    """(office, connection) in one transaction, after checking that the organisation exists."""
    from sqlalchemy import select

    from sync.server import db

    office = _office(args)
    with office.engine.begin() as conn:
        if conn.execute(select(db.orgs.c.id).where(db.orgs.c.id == args.org)).first() is None:
            raise UserError(f"no organisation {args.org}")
        yield office, conn


def cmd_objections_list(args: argparse.Namespace) -> int:
    from sync.server import registers

    with _org_transaction(args) as (_, conn):
        rows = registers.entries(conn, args.org)
    if args.json:
        print(json.dumps([r.as_json() for r in rows], ensure_ascii=False))
    else:
        for r in rows:
            print(f"{r.number}\t{r.source}\t{r.recorded_at:%Y-%m-%d %H:%M}")
        print(f"{len(rows)} objections")
    return 0


def cmd_objections_export(args: argparse.Namespace) -> int:
    from sync.server import registers

    with _org_transaction(args) as (_, conn):
        rows = registers.entries(conn, args.org)
    Path(args.out).write_text(registers.export_csv(rows), encoding="utf-8")
    print(f"exported {len(rows)} objections to {args.out}")
    return 0


def cmd_objections_import(args: argparse.Namespace) -> int:
    from sync.server import registers
    from sync.server.common import audit

    try:
        numbers = registers.parse_import(Path(args.file).read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise UserError(f"cannot import {args.file}: {exc}") from None
    with _org_transaction(args) as (office, conn):
        now = office.clock()
        added = registers.record(conn, args.org, [(n, None, None) for n in numbers], "import", now)
        audit(conn, now, "objections.import", args.org, org_id=args.org)
    print(f"imported {len(numbers)} numbers, {added} new in the register")
    return 0


def cmd_numbers_list(args: argparse.Namespace) -> int:
    """Issue 13.2: the organisation's number problems, numbers masked."""
    rows = _office(args).commands.number_problems(args.org)
    if args.json:
        print(json.dumps([r.as_json() for r in rows], ensure_ascii=False))
    else:
        for r in rows:
            state = "callable" if r.callable else "blocked"
            print(f"{r.member_id or '-'}\t{r.number}\t{r.kind}\t{state}\t{r.recorded_at:%Y-%m-%d %H:%M}")
        print(f"{len(rows)} number problems")
    return 0


def cmd_numbers_correct(args: argparse.Namespace) -> int:
    """Issue 14.3: staff enter a person's corrected number (normalised, audited)."""
    done = _office(args).commands.correct_number(args.org, args.person, args.number)
    verb = "confirmed" if done.confirmed else "corrected"
    print(f"{verb} {done.field} of {done.member_id}: {done.number}; released into {done.released} campaigns")
    return 0


def cmd_device_exposure(args: argparse.Namespace) -> int:
    """DP-24: the pseudonymous records and campaigns that were on a device, and until when."""
    from sync.server.exposure import device_exposure

    office = _office(args)
    with office.engine.begin() as conn:
        report = device_exposure(conn, args.device)
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return 0
    print(f"device {report['device_id']} ({report['name']}), last sync {report['last_sync'] or 'never'}")
    print(f"readable on the device until {report['readable_until'] or '-'} at the latest")
    for c in report["campaigns"]:
        print(f"campaign {c['campaign_id']}: {len(c['contact_ids'])} records, {len(c['leased'])} leased")
    return 0


def _read_password(args: argparse.Namespace) -> str:
    if args.password is not None:  # refused without repeating it
        raise UserError(
            f"never give a password as an argument (it stays in the shell history and the process "
            f"list): use ${PASSWORD_ENV} or --password-file"
        )
    if args.password_file:
        text = sys.stdin.read() if args.password_file == "-" else Path(args.password_file).read_text("utf-8")
        password = text[:-1] if text.endswith("\n") else text
        password = password[:-1] if password.endswith("\r") else password
    elif os.environ.get(PASSWORD_ENV):
        password = os.environ[PASSWORD_ENV]
    else:
        raise UserError(
            f"give the password in ${PASSWORD_ENV} or with --password-file (never as an argument)"
        )
    return password


def cmd_staff_add(args: argparse.Namespace) -> int:
    from sync.server.web.auth import StaffAccounts

    password = _read_password(args)
    args.engine = _open(args.database)  # disposed by main()
    staff_id, secret = StaffAccounts(args.engine).add(args.name, password, with_totp=args.totp)
    if secret is not None:
        from sync.server.web import totp

        print(f"TOTP secret (enter it in an authenticator app): {secret}")
        print(f"otpauth URI: {totp.provisioning_uri(secret, args.name)}")
    print(staff_id)
    return 0


def cmd_pledge_list(args: argparse.Namespace) -> int:
    for row in _office(args).queries.list_pledges(args.org):
        print(
            f"{row.id}\t{row.status}\t{row.volunteer_label}\tsigned {row.signed_at:%Y-%m-%d}"
            f"\ttext {row.text_version}\tadmitted by {row.lead_person_id}"
        )
    return 0


def cmd_pledge_decide(args: argparse.Namespace) -> int:
    _office(args).commands.decide_pledge(args.pledge, confirm=args.command == "confirm")
    print(f"pledge {args.pledge} {'confirmed' if args.command == 'confirm' else 'rejected'}")
    return 0


def cmd_results_export(args: argparse.Namespace) -> int:
    from sync.server.exports import export

    summary = export(_office(args), args.org, Path(args.out), args.format)
    if summary.format == "csv":
        print(f"exported {summary.rows} outcomes to {args.out}")
    else:
        print(f"exported {summary.rows} members to {args.out} ({summary.format})")
        if summary.without_member_number:
            print(f"{summary.without_member_number} members with results have no member number: not exported")
    return 0


def cmd_organizer_list(args: argparse.Namespace) -> int:
    from sync.server.inbox import OrganizerInbox

    items = OrganizerInbox(_office(args)).list(args.org, campaign_id=args.campaign, open_only=args.open)
    if args.json:
        print(json.dumps([item.as_json() for item in items], ensure_ascii=False, indent=2))
    else:
        for item in items:
            state = item.resolution or "open"
            print(f"{item.report_id}\t{item.created_at:%Y-%m-%d %H:%M}\t{state}\t{item.campaign_title}")
    return 0


def cmd_organizer_resolve(args: argparse.Namespace) -> int:
    from sync.server.inbox import OrganizerInbox

    status = OrganizerInbox(_office(args)).resolve(args.report, args.outcome)
    print(f"resolved ({args.outcome}): the contact is now {status.value} on every PC after its next sync")
    return 0


def cmd_retention_run(args: argparse.Namespace) -> int:
    from sync.server import retention

    report = retention.run(_office(args))
    print(
        f"blanked {report.messages_blanked} organizer messages and {report.notes_blanked} notes; "
        f"unlinked {report.contacts_unlinked} contacts of {report.campaigns_wiped} ended campaigns"
    )
    return 0


def cmd_campaign_end(args: argparse.Namespace) -> int:
    from sync.server.campaign_end import end_campaign

    ended = end_campaign(_office(args), args.campaign)
    print(f"ended: the PCs wipe its {ended} contacts at their next sync")
    return 0


def cmd_keys_show(args: argparse.Namespace) -> int:
    keys = _office(args).signing.pinned_keys()
    for key in keys:
        print(f"{key.algorithm} public key {key.public_key}")
    print(keys[0].kid)
    return 0


# --------------------------------------------------------------------------------------------------- parser


def _content_options(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument(
        "--script", metavar="FILE", help="call script (UTF-8 text with {first_name} … placeholders)"
    )
    cmd.add_argument("--transparency", metavar="FILE", help='answer to "where do you have my number from?"')
    cmd.add_argument("--questions", metavar="FILE.json", help="survey questions as a JSON list")
    cmd.add_argument("--cooldown-hours", type=int, metavar="N", help="hours before a person is tried again")
    cmd.add_argument("--max-attempts", type=int, metavar="N", help="attempts per person")
    cmd.add_argument("--notes", choices=("on", "off"), help="free-text notes (DP-6: off by default)")
    cmd.add_argument("--goal", type=int, metavar="N", help="stop offering once this many were reached")
    cmd.add_argument(
        "--holiday-region", metavar="CODE", help="German state code for regional holidays, e.g. NW"
    )


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--database", default=default_database(), help=f"SQLite path/URL or postgresql:// URL (env {DB_ENV})"
    )
    parser = argparse.ArgumentParser(
        prog="telefonaktion-zentrale", description="The central office's command line (Telefonaktion)."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    groups = parser.add_subparsers(dest="group", required=True)

    def command(sub: Any, name: str, func: Callable[[argparse.Namespace], int], help: str) -> Any:
        cmd = sub.add_parser(name, parents=[common], help=help)
        cmd.set_defaults(func=func)
        return cmd

    def group(name: str, help: str) -> Any:
        return groups.add_parser(name, help=help).add_subparsers(dest="command", required=True)

    serve = command(groups, "serve", cmd_serve, "run the sync service")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument(
        "--port", type=int, default=8470, help="0 picks a free port (printed on the READY line)"
    )
    serve.add_argument("--tls-cert")
    serve.add_argument("--tls-key")
    serve.add_argument("--rate-limit", type=float, default=50.0, help="requests per second per device")
    serve.add_argument("--burst", type=int, default=200)

    command(group("org", "organisations"), "add", cmd_org_add, "add an org").add_argument(
        "--name", required=True
    )
    cmd = command(group("person", "persons of an org"), "add", cmd_person_add, "add a person")
    cmd.add_argument("--org", required=True)
    cmd.add_argument("--name", required=True)

    cmd = command(group("members", "membership"), "import", cmd_members_import, "import a CSV/XLSX export")
    cmd.add_argument("--org", required=True)
    cmd.add_argument("--file", required=True)
    cmd.add_argument("--category", nargs="+", action="extend", help="categories to accept (default: all)")
    cmd.add_argument("--assume-category", help="category of everybody in a file without a category column")

    cmd = command(group("resolution", "board resolutions"), "add", cmd_resolution_add, "record a resolution")
    cmd.add_argument("--org", required=True)
    cmd.add_argument("--date", type=_date, required=True)
    cmd.add_argument("--body", required=True, help="deciding body, e.g. Kreisvorstand")
    cmd.add_argument("--purpose", nargs="+", action="extend", required=True)
    cmd.add_argument("--responsible", nargs="+", action="extend", help="1-3 person ids")
    cmd.add_argument("--valid-until", type=_date)
    cmd.add_argument("--document", default="", help="document reference")

    cmd = command(
        group("training", "trainings"), "record", cmd_training_record, "record a completed training"
    )
    cmd.add_argument("--person", required=True)
    cmd.add_argument("--date", type=_date, required=True)

    cmd = command(
        group("declaration", "data-protection declarations"),
        "record",
        cmd_declaration_record,
        "record a signed declaration",
    )
    cmd.add_argument("--person", required=True)
    cmd.add_argument("--signed-on", type=_date, required=True)
    cmd.add_argument("--text-version", default="")
    cmd.add_argument("--document", default="")

    campaigns = group("campaign", "campaigns")
    cmd = command(campaigns, "release", cmd_campaign_release, "release a call list (with its script)")
    cmd.add_argument("--org", required=True)
    cmd.add_argument("--title", required=True)
    cmd.add_argument("--purpose", required=True)
    cmd.add_argument("--resolution", required=True)
    cmd.add_argument("--category", nargs="+", action="extend", help="categories to release (default: member)")
    cmd.add_argument("--ends-on", type=_date)
    _content_options(cmd)
    cmd = command(
        campaigns, "content", cmd_campaign_content, "set a released campaign's content (a new version)"
    )
    cmd.add_argument("--campaign", required=True)
    _content_options(cmd)
    cmd.add_argument("--ends", type=_date, metavar="YYYY-MM-DD", help="end date of the campaign")
    cmd = command(campaigns, "show", cmd_campaign_show, "print a campaign and its newest content as JSON")
    cmd.add_argument("--campaign", required=True)

    cmd = command(groups, "enrol", cmd_enrol, "make a one-time enrolment code for a device")
    cmd.add_argument("--org", required=True)
    cmd.add_argument("--person", required=True)

    command(
        group("clearance", "clearances"), "revoke", cmd_clearance_revoke, "revoke a person's clearances"
    ).add_argument("--person", required=True)
    devices = group("device", "devices")
    command(devices, "revoke", cmd_device_revoke, "revoke a device").add_argument("--device", required=True)
    cmd = command(devices, "exposure", cmd_device_exposure, "records that were on a device (DP-24)")
    cmd.add_argument("--device", required=True)
    cmd.add_argument("--json", action="store_true")
    command(devices, "health", cmd_device_health, "sequence gaps of a device").add_argument(
        "--device", required=True
    )

    objections = group("objections", "the organisation-wide objection register (Sperrliste)")
    cmd = command(objections, "list", cmd_objections_list, "list the register")
    cmd.add_argument("--org", required=True)
    cmd.add_argument("--json", action="store_true")
    cmd = command(objections, "export", cmd_objections_export, "write the register as CSV")
    cmd.add_argument("--org", required=True)
    cmd.add_argument("--out", required=True)
    cmd = command(objections, "import", cmd_objections_import, "add numbers (CSV column 'number', E.164)")
    cmd.add_argument("--org", required=True)
    cmd.add_argument("--file", required=True)
    numbers = group("numbers", "wrong or dead numbers (number problems) and staff corrections")
    cmd = command(numbers, "list", cmd_numbers_list, "list the number problems (masked numbers)")
    cmd.add_argument("--org", required=True)
    cmd.add_argument("--json", action="store_true")
    cmd = command(numbers, "correct", cmd_numbers_correct, "enter a person's corrected number")
    cmd.add_argument("--org", required=True)
    cmd.add_argument("--person", required=True, help="the person's id (from numbers list)")
    cmd.add_argument("--number", required=True, help="the corrected number, e.g. +49 30 …")
    pledges = group("pledge", "volunteer pledges")
    command(pledges, "list", cmd_pledge_list, "list pledges of an org").add_argument("--org", required=True)
    command(pledges, "confirm", cmd_pledge_decide, "confirm a pledge").add_argument("pledge")
    command(pledges, "reject", cmd_pledge_decide, "reject a pledge").add_argument("pledge")

    cmd = command(
        group("results", "outcomes"), "export", cmd_results_export, "export the results (docs/exports.md)"
    )
    cmd.add_argument("--org", required=True)
    cmd.add_argument("--out", required=True)
    cmd.add_argument(
        "--format",
        choices=("mgl", "zetkin", "csv"),
        default="csv",
        help="mgl: per member for the membership system; zetkin: Zetkin's person import; csv: per report",
    )

    command(group("retention", "deletion rules (DP-6, DP-15)"), "run", cmd_retention_run, "apply them now")
    cmd = command(
        campaigns, "end", cmd_campaign_end, "end a campaign: every PC wipes its contacts at its next sync"
    )
    cmd.add_argument("--campaign", required=True)

    organizer = group("organizer", "the organizer inbox (Rückmeldungen an die Orga)")
    cmd = command(organizer, "list", cmd_organizer_list, "list an org's organizer messages, newest first")
    cmd.add_argument("--org", required=True)
    cmd.add_argument("--campaign")
    cmd.add_argument("--open", action="store_true", help="only the unresolved ones")
    cmd.add_argument("--json", action="store_true")
    cmd = command(organizer, "resolve", cmd_organizer_resolve, "close (done) or requeue (reopen) the contact")
    cmd.add_argument("--report", required=True)
    cmd.add_argument("--outcome", required=True, choices=("done", "reopen"))

    command(group("keys", "signing keys"), "show", cmd_keys_show, "print the public signing key id")

    staff = group("staff", "staff of the web interface")
    cmd = staff.add_parser(
        "add",
        parents=[common],
        allow_abbrev=False,
        help=f"add a staff member (password from ${PASSWORD_ENV} or --password-file)",
    )
    cmd.set_defaults(func=cmd_staff_add)
    cmd.add_argument("--password", help=argparse.SUPPRESS)  # only to refuse it clearly
    cmd.add_argument("--name", required=True, help="sign-in name")
    cmd.add_argument(
        "--password-file", help="file whose content (without a final newline) is the password; - reads stdin"
    )
    cmd.add_argument("--totp", action="store_true", help="require a TOTP one-time code (prints the secret)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "category", None) is None and args.group in ("members", "campaign"):
        from sync.core.purposes import CATEGORIES

        args.category = list(CATEGORIES) if args.group == "members" else ["member"]
    from sync.server.common import ServiceError

    try:
        return int(args.func(args))
    except (UserError, ServiceError) as exc:
        print(f"error: {getattr(exc, 'message', exc)}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    finally:
        if getattr(args, "engine", None) is not None:
            args.engine.dispose()


if __name__ == "__main__":
    sys.exit(main())
