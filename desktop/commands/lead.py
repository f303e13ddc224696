"""The call lead's command lines (issue 6). Passphrases never as arguments: TELEFONAKTION_PASSPHRASE or
--passphrase-file (desktop/commands/common.py).

  telefonaktion [--data-dir DIR] init --org NAME --name LABEL          → prints the workspace path
  telefonaktion campaign create --title T --purpose P [--starts-on D] [--ends-on D] [--category C …]
                                                                       → the new campaign id on the last line
  telefonaktion campaign list
  telefonaktion campaign show CAMPAIGN --json                           (settings + content version, no contacts)
  telefonaktion campaign adapt --campaign C [--script FILE] [--questions FILE.json]   (central campaigns)
  telefonaktion organizer list [--campaign C] [--json]                  (the organizer inbox, after a sync)
  telefonaktion campaign end --campaign C [--accept-unsynced]
  telefonaktion campaign record --campaign C --out FILE.html            (Art. 30 record of processing)
  telefonaktion import FILE --campaign C [--json] [--assume-category member] [--map HEADER=FIELD …]
  telefonaktion results export --campaign C --out FILE.csv
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from desktop import paths
from desktop.commands.common import CommandError, add_workspace_options, open_workspace, read_passphrase
from desktop.services import session
from desktop.services.lead import (
    LeadError,
    create_campaign,
    init_workspace,
    list_campaign_infos,
    new_campaign,
)
from desktop.storage.workspace import Workspace
from sync.core import memberfile
from sync.core.purposes import CATEGORIES, PURPOSES


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("init", help="create a local workspace for a call lead (preparing offline)")
    p.add_argument("--org", required=True, metavar="NAME", help="the local unit, e.g. 'KV Musterstadt'")
    p.add_argument(
        "--name", required=True, metavar="LABEL", help="your first name + initial, e.g. 'Erika B.'"
    )
    p.add_argument("--passphrase-file", metavar="FILE", help="read the passphrase from FILE")
    p.set_defaults(handler=_init)

    camp = sub.add_parser("campaign", help="phone campaigns of this workspace (call leads)")
    csub = camp.add_subparsers(dest="campaign_command", metavar="ACTION", required=True)
    c = csub.add_parser("create", help="create a campaign; prints its id on the last line")
    c.add_argument("--title", required=True)
    c.add_argument("--purpose", required=True, choices=sorted(PURPOSES))
    c.add_argument("--starts-on", type=date.fromisoformat, metavar="YYYY-MM-DD", help="default: today")
    c.add_argument(
        "--ends-on", type=date.fromisoformat, metavar="YYYY-MM-DD", help="default: four weeks later"
    )
    c.add_argument(
        "--category",
        action="append",
        choices=CATEGORIES,
        dest="categories",
        help="categories of people the list may hold (repeatable; default: member)",
    )
    add_workspace_options(c)
    c.set_defaults(handler=_campaign_create)
    ls = csub.add_parser("list", help="list the campaigns (id, status, contacts, title)")
    add_workspace_options(ls)
    ls.set_defaults(handler=_campaign_list)
    e = csub.add_parser("end", help="end a campaign and wipe its contact data")
    e.add_argument("--campaign", required=True)
    e.add_argument(
        "--accept-unsynced",
        action="store_true",
        help="end although reports are not yet with the central office (they stay and sync later)",
    )
    add_workspace_options(e)
    e.set_defaults(handler=_campaign_end)
    sh = csub.add_parser("show", help="a campaign's settings and content version (no contact data)")
    sh.add_argument("campaign")
    sh.add_argument("--json", action="store_true", help="print JSON (the only format so far)")
    add_workspace_options(sh)
    sh.set_defaults(handler=_campaign_show)
    ad = csub.add_parser(
        "adapt", help="adapt a central campaign's script / questions for your organisation (synced)"
    )
    ad.add_argument("--campaign", required=True)
    ad.add_argument("--script", type=Path, metavar="FILE", help="the new call script (UTF-8 text)")
    ad.add_argument("--questions", type=Path, metavar="FILE.json", help="the questions as a JSON list")
    add_workspace_options(ad)
    ad.set_defaults(handler=_campaign_adapt)
    r = csub.add_parser("record", help="write the record of processing (Art. 30 GDPR) as HTML")
    r.add_argument("--campaign", required=True)
    r.add_argument("--out", required=True, type=Path)
    add_workspace_options(r)
    r.set_defaults(handler=_campaign_record)

    org = sub.add_parser("organizer", help="the organizer inbox (Rückmeldungen an die Orga), after a sync")
    osub = org.add_subparsers(dest="organizer_command", metavar="ACTION", required=True)
    ol = osub.add_parser("list", help="organizer messages of your organisation, newest first")
    ol.add_argument("--campaign")
    ol.add_argument("--json", action="store_true")
    add_workspace_options(ol)
    ol.set_defaults(handler=_organizer_list)

    imp = sub.add_parser("import", help="import a membership export (CSV/XLSX) into a campaign's call list")
    imp.add_argument("file", type=Path)
    imp.add_argument("--campaign", required=True)
    imp.add_argument("--json", action="store_true", help="print the report as JSON")
    imp.add_argument(
        "--assume-category",
        choices=("member", "former_member", "regular_contact"),
        help="everybody in a file without a category column is of this category",
    )
    imp.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="HEADER=FIELD",
        help="override the detected mapping of a column (FIELD empty: drop it)",
    )
    add_workspace_options(imp)
    imp.set_defaults(handler=_import)

    res = sub.add_parser("results", help="results of a campaign")
    rsub = res.add_subparsers(dest="results_command", metavar="ACTION", required=True)
    x = rsub.add_parser("export", help="CSV for the central office: pseudonymous id, outcome, answers")
    x.add_argument("--campaign", required=True)
    x.add_argument("--out", required=True, type=Path)
    add_workspace_options(x)
    x.set_defaults(handler=_results_export)


def _with_workspace(args: argparse.Namespace, work) -> int:  # type: ignore[no-untyped-def]
    ws = open_workspace(args)
    try:
        return int(work(ws) or 0)
    except LeadError as exc:
        raise CommandError(
            f"refused: {exc.code}" + (f" ({exc.detail})" if exc.detail else ""), exit_code=1
        ) from None
    finally:
        session.lock(ws)


def _init(args: argparse.Namespace) -> int:
    wp = paths.workspace()
    passphrase = read_passphrase(args)
    if wp.exists():
        raise CommandError(f"a workspace already exists in {wp.root}", exit_code=1)
    try:
        ws = init_workspace(wp, org_name=args.org, label=args.name, passphrase=passphrase)
    except LeadError as exc:
        raise CommandError(f"refused: {exc.code}") from None
    ws.close()
    print(wp.root)
    return 0


def _campaign_create(args: argparse.Namespace) -> int:
    def work(ws: Workspace) -> int:
        campaign = new_campaign(
            args.title,
            args.purpose,
            starts_on=args.starts_on,
            ends_on=args.ends_on,
            categories=args.categories,
        )
        create_campaign(ws, campaign)
        print(
            f"created campaign '{campaign.title}' ({campaign.purpose}, {campaign.starts_on} – {campaign.ends_on})",
            file=sys.stderr,
        )
        print(campaign.id)
        return 0

    return _with_workspace(args, work)


def _campaign_list(args: argparse.Namespace) -> int:
    def work(ws: Workspace) -> int:
        for info in list_campaign_infos(ws):
            print(f"{info.campaign.id}\t{info.status}\t{info.contacts}\t{info.campaign.title}")
        return 0

    return _with_workspace(args, work)


def _campaign_end(args: argparse.Namespace) -> int:
    from desktop.services.lead_end import UnsyncedReports, end_campaign

    def work(ws: Workspace) -> int:
        try:
            ended = end_campaign(ws, args.campaign, accept_unsynced=args.accept_unsynced)
        except UnsyncedReports as exc:
            raise CommandError(
                f"{exc.count} reports are not yet with the central office: sync first, or "
                "end anyway with --accept-unsynced (they stay and sync later)",
                exit_code=1,
            ) from None
        print(f"ended: {ended.wiped_contacts} contacts wiped, {ended.kept_unsynced} unsynced reports kept")
        return 0

    return _with_workspace(args, work)


def _campaign_show(args: argparse.Namespace) -> int:
    from desktop.services.lead_content import campaign_settings

    def work(ws: Workspace) -> int:
        print(json.dumps(campaign_settings(ws, args.campaign), ensure_ascii=False, indent=2))
        return 0

    return _with_workspace(args, work)


def _campaign_adapt(args: argparse.Namespace) -> int:
    from pydantic import TypeAdapter, ValidationError

    from desktop.domain.models import Question
    from desktop.services.lead_content import adapt_content

    if args.script is None and args.questions is None:
        raise CommandError("give --script FILE and/or --questions FILE.json")
    script = args.script.read_text(encoding="utf-8") if args.script else None
    questions = None
    if args.questions:
        try:
            questions = TypeAdapter(tuple[Question, ...]).validate_json(args.questions.read_bytes())
        except ValidationError as exc:
            raise CommandError(
                f"{args.questions}: not a JSON list of questions ({exc.errors()[0]['msg']})"
            ) from None

    def work(ws: Workspace) -> int:
        adapted = adapt_content(ws, args.campaign, script=script, questions=questions)
        print(f"adapted (from version {adapted.base_version}); reaches the other PCs after the next sync")
        return 0

    return _with_workspace(args, work)


def _organizer_list(args: argparse.Namespace) -> int:
    from desktop.services.lead import require_lead
    from desktop.storage import organizer_store

    def work(ws: Workspace) -> int:
        require_lead(ws)
        items = organizer_store.organizer_items(ws.conn, args.campaign)
        if args.json:
            print(json.dumps(items, ensure_ascii=False, indent=2))
        else:
            for item in items:
                print(f"{item['created_at']}\t{item['resolution'] or 'open'}\t{item['message']}")
        return 0

    return _with_workspace(args, work)


def _campaign_record(args: argparse.Namespace) -> int:
    from desktop.services.lead_record import write_record

    return _with_workspace(args, lambda ws: print(write_record(ws, args.campaign, args.out)))


def _parse_map(items: list[str]) -> dict[str | int, str | None] | None:
    out: dict[str | int, str | None] = {}
    for item in items:
        header, sep, target = item.partition("=")
        if not sep or not header:
            raise CommandError(f"--map wants HEADER=FIELD, not {item!r}")
        out[header] = target or None
    return out or None


def _import(args: argparse.Namespace) -> int:
    from desktop.services.lead_import import import_members

    mapping = _parse_map(args.map)

    def work(ws: Workspace) -> int:
        try:
            report = import_members(
                ws, args.campaign, args.file, mapping=mapping, assume_category=args.assume_category
            )
        except memberfile.MemberFileError as exc:
            if args.json:
                print(json.dumps({"error": exc.to_json(), "imported": 0}, ensure_ascii=False))
            else:
                print(
                    f"telefonaktion: not imported, nothing changed: {exc.message}"
                    + (f" (row {exc.row})" if exc.row else ""),
                    file=sys.stderr,
                )
            return 1
        except OSError as exc:
            raise CommandError(f"cannot read the file: {exc.strerror}", exit_code=1) from None
        doc = report.to_json()
        if args.json:
            print(json.dumps(doc, ensure_ascii=False, indent=1))
        else:
            if doc["dropped_columns"]:
                print("not taken over: " + ", ".join(doc["dropped_columns"]))
            print(
                f"imported {doc['imported']} · refused rows {doc['refused_rows']} · invalid numbers "
                f"{doc['invalid_rows']} · duplicates {doc['duplicates']} · already on the list "
                f"{doc['already_listed']} · on the objection register {doc['objected']}"
            )
        return 0

    return _with_workspace(args, work)


def _results_export(args: argparse.Namespace) -> int:
    from desktop.services.lead_export import export_results

    def work(ws: Workspace) -> int:
        done = export_results(ws, args.campaign, args.out)
        print(f"{done.rows} results written to {done.path}")
        return 0

    return _with_workspace(args, work)
