"""The PC and the central office reach the same status for the same reports (one rule, sync.core.rules).

Random report histories (outcomes, organizer flags, call-backs, corrections of earlier reports, pushed in
several batches) go to a real server process; the status every contact gets there must equal the status
the desktop's queue fold computes from the same reports, and the desktop's reconciliation of the pulled
status with its own must keep it unchanged.
"""

from __future__ import annotations

import itertools
import random
from datetime import UTC, datetime, timedelta

from desktop.domain.models import CallReport, CampaignRules
from desktop.domain.queue import fold_reports
from sync.core import protocol as p
from sync.core.rules import Outcome, combine_statuses
from tests.server.helpers import Env, pull_all, report_item

T0 = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=6)  # plausible to the server


def _history(rng: random.Random, contact_id: str) -> list[dict]:
    """A contact's reports as plain specs; some correct an earlier report of the same contact."""
    specs: list[dict] = []
    for i in range(rng.randint(1, 6)):
        outcome = rng.choice(list(Outcome))
        final = outcome.is_final_for_contact
        flagged = rng.random() < 0.2
        specs.append(
            {
                "report_id": f"{contact_id[:20]}-r{i}",
                "outcome": outcome,
                "created_at": T0 + timedelta(minutes=rng.randint(-300, 300)),
                "callback_after": None if final or rng.random() < 0.6 else T0 + timedelta(days=1),
                "organizer_action": flagged,
                "organizer_message": "bitte melden" if flagged else "",
                "corrects": specs[rng.randrange(len(specs))]["report_id"]
                if specs and rng.random() < 0.3
                else None,
            }
        )
    return specs


def _single(contact_id: str, outcome: Outcome, flagged: bool, callback: bool) -> dict:
    return {
        "report_id": f"{contact_id[:20]}-only",
        "outcome": outcome,
        "created_at": T0,
        "callback_after": T0 + timedelta(days=1) if callback and not outcome.is_final_for_contact else None,
        "organizer_action": flagged,
        "organizer_message": "bitte melden" if flagged else "",
        "corrects": None,
    }


def test_server_and_desktop_fold_agree_on_every_status(server: Env) -> None:
    seed = random.randrange(2**32)
    print(f"seed={seed}")
    rng = random.Random(seed)
    singles = list(itertools.product(list(Outcome), (False, True), (False, True)))
    org = server.org(n_members=len(singles) + 16)
    device = org.enrol()
    contacts = [c.contact_id for c in org.contacts(device)]
    # every single report (outcome x organizer flag x call-back) on a contact of its own, then random histories
    histories = {cid: [_single(cid, *combo)] for cid, combo in zip(contacts, singles, strict=False)}
    histories |= {cid: _history(rng, cid) for cid in contacts[len(singles) :]}

    # push in batches that keep each contact's reports in order (a correction needs its original first)
    pending = {cid: list(specs) for cid, specs in histories.items()}
    order = []
    while any(pending.values()):
        cid = rng.choice([c for c, left in pending.items() if left])
        order.append((cid, pending[cid].pop(0)))
    while order:
        take = rng.randint(1, 8)
        batch, order = order[:take], order[take:]
        items = [report_item(device.next_seq(), org.campaign_id, cid, **spec) for cid, spec in batch]
        results = device.client.push(items).results
        assert [r.status for r in results] == [p.ItemStatus.ACCEPTED] * len(items)

    server_status = {c.contact_id: c.status for c in pull_all(device.client).contacts}
    rules = CampaignRules()
    for cid, specs in histories.items():
        reports = [
            CallReport(
                id=s["report_id"],
                campaign_id=org.campaign_id,
                contact_id=cid,
                caller_id="anna",
                outcome=s["outcome"],
                created_at=s["created_at"],
                callback_after=s["callback_after"],
                organizer_action=s["organizer_action"],
                organizer_message=s["organizer_message"],
                corrects=s["corrects"],
            )
            for s in specs
        ]
        local = fold_reports(cid, reports, rules).status
        assert server_status[cid] is local, (cid, [(s["outcome"].value, s["corrects"]) for s in specs])
        # the PC's reconciliation of the pulled status with its own leaves it as it is
        assert combine_statuses((local, server_status[cid])) is local
