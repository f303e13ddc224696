"""DP-24 when there was nothing (issue 14): a PC that synced but never held a clearance stores no contact data
(DP-11: its engine keeps nothing of a purpose without a clearance, tests/integration/test_engine.py), so the
lost-device listing names no records and no "readable until" date; once a clearance reaches it, the campaign's
records are listed."""

from __future__ import annotations

from tests.server.helpers import Env, pull_all


def test_a_device_without_a_clearance_had_nothing_on_it(server: Env) -> None:
    org = server.org(n_members=4, declared=False)  # the lead's declaration is missing: no clearance
    device = org.enrol()
    page = pull_all(device.client)
    assert page.clearances == [] and page.clearance_refusals
    exposure = server.office.queries.device_exposure(device.device_id)
    assert exposure["last_sync"] is not None  # it did sync …
    assert (exposure["records"], exposure["campaigns"], exposure["readable_until"]) == (
        0,
        [],
        None,
    )  # … nothing

    server.office.commands.record_declaration(org.lead_id, server.office.today(), "v1")
    again = pull_all(device.client)  # the PC pulls withheld contacts again once cleared
    assert again.clearances
    received = {c.contact_id for c in again.contacts}
    assert len(received) == 4
    exposure = server.office.queries.device_exposure(device.device_id)
    [campaign] = exposure["campaigns"]
    assert campaign["campaign_id"] == org.campaign_id and set(campaign["contact_ids"]) == received
    assert exposure["records"] == 4 and exposure["readable_until"] is not None
