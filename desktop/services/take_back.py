"""Reports salvaged from a damaged workspace go back into the restored one, to be sent (issue 13.4, R4).

After "restore backup" on the damaged-workspace screen, the restored file lacks everything recorded after the
backup. The damaged file (moved aside into ``damaged-<time>/``) still holds those reports; salvage reads them,
and ``take_back`` writes each one the restored workspace does not know yet: the report row (the contact's state
folded again) and an outbox item, in one transaction. The next sync sends them; the restored outbox's old
sequence numbers are renumbered above the server's ``highest_seq`` (sync.client.engine), and the central office
counts a report id once per organisation, so a salvaged report that had already arrived is answered
``duplicate`` and counted once.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.domain.models import CallReport
from desktop.services import calling
from desktop.storage import campaign_store, contact_store, outbox_store, report_store
from desktop.storage.database import Connection, transaction
from sync.core.rules import Outcome


def take_back(conn: Connection, salvaged: Sequence[dict[str, object]]) -> list[str]:
    """Write the salvaged reports this workspace lacks; returns the ids taken back (in salvage order).

    A report of a contact or campaign the restored file does not hold (pulled after the backup) still goes to the
    outbox (the central office knows them); a local campaign's report without its campaign is left out (it never
    leaves the PC, and there is nothing here to apply it to)."""
    taken: list[str] = []
    with transaction(conn):
        for body in salvaged:
            report = CallReport.model_validate(body)
            if report_store.has_report(conn, report.id):
                continue
            local = campaign_store.campaign_origin(conn, report.campaign_id) == "local"
            campaign = campaign_store.get_campaign(conn, report.campaign_id)
            state = contact_store.get_state(conn, report.contact_id)
            if campaign is not None and state is not None:
                calling.store_report(conn, report, state, campaign)
                if local and report.outcome is Outcome.OBJECTION:  # the organisation's register hears of it
                    calling.register_local_objection(conn, report)
            elif local:
                continue
            outbox_store.enqueue_report(conn, report, local=local)
            taken.append(report.id)
    return taken
