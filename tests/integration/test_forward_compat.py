"""Forward compatibility (docs/sync.md "Compatibility"): a PC deployed today keeps syncing with a newer central
office that added optional fields to its replies, while the central office still refuses a request with a field
it does not know. The "newer server" is the real server process, its replies extended on the way (as a newer
version would send them) by an HTTP transport in front of the PC's real sync client."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from desktop.paths import WorkspacePaths
from desktop.services import sync_engine
from desktop.services.enrolment import Enrolment
from desktop.storage import campaign_store, contact_store
from desktop.storage.workspace import Workspace
from sync.client import SyncClient
from sync.core import protocol as p
from sync.server.content import CampaignContents
from tests.integration.conftest import PASS, Office, make_office
from tests.server.conftest import NO_LIMITS

QUESTION = {"id": "kommt", "kind": "yes_no", "prompt": "Kommst du zur Versammlung?"}


def _newer(value: Any, path: str = "") -> Any:
    """What a newer server might add: an unknown field in every object of the reply, except inside signed
    envelopes (clearances and revocation lists are signed; see docs/sync.md) and maps whose keys are data (the
    calling hours' weekdays), plus a new top-level list whose items have a kind this PC has never heard of."""
    if isinstance(value, list):
        return [_newer(v, path) for v in value]
    if not isinstance(value, dict) or path.endswith((".clearance", ".revocations", ".windows")):
        return value
    out = {k: _newer(v, f"{path}.{k}") for k, v in value.items()}
    out["added_in_a_newer_version"] = {"hint": "ignored by older PCs", "level": path or "top"}
    if not path:
        out["announcements"] = [{"kind": "survey_v2", "text": "neue Art Eintrag"}]
    return out


class NewerServer(httpx.HTTPTransport):
    """The real server's replies to pull, lease and push, as a newer server version would extend them."""

    def __init__(self) -> None:
        super().__init__()
        self.extended: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if request.url.path not in ("/v1/pull", "/v1/lease", "/v1/push") or response.status_code != 200:
            return response
        body = json.loads(response.read())
        self.extended.append(request.url.path)
        return httpx.Response(200, json=_newer(body), request=request)


class OldPc(SyncClient):
    """The PC's real sync client (unchanged code), talking to the newer server."""

    def __init__(self, enrolment: Enrolment, transport: NewerServer) -> None:
        super().__init__(enrolment.server_url, enrolment.device_id, enrolment.device_secret)
        self._client.close()
        self._client = httpx.Client(
            base_url=self.base_url,
            transport=transport,
            headers={"Authorization": f"Bearer {enrolment.device_id}.{enrolment.device_secret}"},
        )


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    with make_office(tmp_path_factory.mktemp("office"), *NO_LIMITS) as seeded:
        seeded.office.commands.record_declaration(seeded.lead, seeded.office.today())  # the lead is cleared
        CampaignContents(seeded.office).set(seeded.campaign, {"questions": [QUESTION]})
        yield seeded


def _pc(office: Office, where: Path) -> Workspace:
    return sync_engine.enrol(
        WorkspacePaths(where / "workspace"), server_url=office.url, code=office.code(), label="Erika B.",
        passphrase=PASS,
    )  # fmt: skip


def test_an_older_pc_syncs_with_a_server_that_added_fields(office: Office, tmp_path: Path) -> None:
    ws = _pc(office, tmp_path)
    enrolment = Enrolment.load(ws.conn)
    assert enrolment is not None
    transport = NewerServer()
    with OldPc(enrolment, transport) as client:
        result = sync_engine.sync_with(sync_engine.store_for(ws.conn), enrolment, client=client)
    assert {"/v1/pull", "/v1/lease"} <= set(transport.extended)
    assert result.contacts == 40 and result.leased > 0
    campaign = campaign_store.get_campaign(ws.conn, office.campaign)
    assert campaign is not None
    assert [q.prompt for q in campaign.questions] == [QUESTION["prompt"]]
    assert contact_store.contact_count(ws.conn, office.campaign) == 40
    ws.close()


def test_the_central_office_still_refuses_a_request_with_a_field_it_does_not_know(office: Office) -> None:
    enrolled = SyncClient.enrol(office.url, office.code(), "Laptop")
    body = {"protocol_version": 1, "size": 5, "wish_from_the_future": True}
    with httpx.Client(base_url=office.url, timeout=20) as http:
        answer = http.post(
            "/v1/lease",
            content=json.dumps(body),
            headers={"Authorization": f"Bearer {enrolled.device_id}.{enrolled.device_secret}"},
        )
    assert answer.status_code == 422
    assert p.ErrorBody.model_validate_json(answer.content).code == "invalid"


def test_a_value_an_older_pc_cannot_know_refuses_the_page_instead_of_guessing() -> None:
    """New things travel in new fields; a new value inside a known field (here a contact status) would change
    what the PC does with the contact, so the old PC refuses the page and keeps its cursor (docs/sync.md)."""
    page = {
        "protocol_version": 1,
        "server_time": "2026-05-04T18:00:00Z",
        "next_cursor": "abc:1",
        "has_more": False,
        "statuses": [
            {
                "campaign_id": "c1",
                "contact_id": "k1",
                "status": "moved_abroad",
                "changed_at": "2026-05-04T18:00:00Z",
            }
        ],
    }
    with pytest.raises(p.ProtocolError) as refused:
        p.decode(p.PullPage, json.dumps(page), unknown="ignore")
    assert refused.value.code is p.ErrorCode.INVALID
    page["statuses"][0]["status"] = "open"  # type: ignore[index]
    page["statuses"][0]["reason_v2"] = "new"  # type: ignore[index]
    assert p.decode(p.PullPage, json.dumps(page), unknown="ignore").statuses[0].contact_id == "k1"
    with pytest.raises(p.ProtocolError):
        p.decode(p.PullPage, json.dumps(page))  # the server's own reading stays strict
