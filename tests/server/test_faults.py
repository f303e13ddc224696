"""R10/R11: every outcome counts exactly once, whatever the network does.

Outcomes are pushed through a fault-injecting loopback proxy (refuse, reset, delay past the client timeout,
truncate, drop the reply after the server committed) with client retries, then already acknowledged items are
replayed through it until enough faults were injected and every device had replays answered
(under load the first pushes alone may draw every fault). Exactly N rows must be stored. The same scenario against
a server with idempotency switched off must be caught by the same check.

Sizes: TELEFONAKTION_FAULT_OUTCOMES (default 200) and TELEFONAKTION_FAULT_MIN_FAULTS (default 200).
"""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import httpx
import pytest

from sync.client import SyncClient, Unreachable
from sync.core import protocol as p
from sync.core.rules import FINAL_OUTCOMES, Outcome
from sync.server.cli import NO_IDEMPOTENCY_ENV
from tests.server.conftest import NO_LIMITS
from tests.server.faultproxy import FAULTS, FaultProxy
from tests.server.helpers import Device, Env, Org, report_item, serving

OUTCOMES = int(os.environ.get("TELEFONAKTION_FAULT_OUTCOMES", "200"))
MIN_FAULTS = int(os.environ.get("TELEFONAKTION_FAULT_MIN_FAULTS", "200"))
DEVICES = 2
MIN_REPLAYS = 10  # answered replays per device, however many faults the first pushes already drew
TIMEOUT = httpx.Timeout(0.3)
MAX_REQUESTS = 20 * (OUTCOMES + MIN_FAULTS)
NON_FINAL = [o for o in Outcome if o not in FINAL_OUTCOMES]


@dataclass
class History:
    pushed: int = 0
    first_results: dict[str, p.ItemStatus] = field(default_factory=dict)
    replay_results: list[p.ItemStatus] = field(default_factory=list)
    stored_rows: int = 0
    stored_ids: int = 0
    missing: list[p.SeqGap] = field(default_factory=list)


def violations(h: History) -> list[str]:
    """What breaks "exactly once": the Jepsen-style check over the recorded history."""
    problems = []
    if h.stored_rows != h.pushed or h.stored_ids != h.pushed:
        problems.append(f"{h.stored_rows} rows / {h.stored_ids} report ids stored for {h.pushed} outcomes")
    if len(h.first_results) != h.pushed or set(h.first_results.values()) - {
        p.ItemStatus.ACCEPTED,
        p.ItemStatus.DUPLICATE,
    }:
        problems.append("not every outcome was acknowledged as accepted / duplicate")
    if any(status is not p.ItemStatus.DUPLICATE for status in h.replay_results):
        problems.append("a replayed outcome was not recognised as a duplicate")
    if h.missing:
        problems.append(f"sequence gaps: {h.missing}")
    return problems


def _push_until_acknowledged(
    client: SyncClient,
    items: list[p.ReportItem],
    rng: random.Random,
    results: dict[str, p.ItemStatus],
    budget: Iterator[int],
) -> None:
    pending = list(items)
    while pending:
        next(budget)
        batch = pending[: rng.randint(1, 3)]
        try:
            response = client.push(batch)
        except Unreachable:
            continue  # retry the same items, same keys, same sequence numbers
        for result in response.results:
            results[str(result.idempotency_key)] = result.status
        acked = {r.idempotency_key for r in response.results}
        pending = [item for item in pending if item.idempotency_key not in acked]


def _replay_until_faults(
    client: SyncClient,
    items: list[p.ReportItem],
    rng: random.Random,
    proxy: FaultProxy,
    replays: list[p.ItemStatus],
    budget: Iterator[int],
) -> None:
    answered = 0
    while proxy.faults < MIN_FAULTS or answered < MIN_REPLAYS:
        next(budget)
        try:
            response = client.push(rng.sample(items, 2))
        except Unreachable:
            continue
        answered += 1
        replays.extend(r.status for r in response.results)


def run_scenario(env: Env, seed: int) -> tuple[History, FaultProxy]:
    per_device = OUTCOMES // DEVICES
    org: Org = env.org(n_members=50)
    devices: list[Device] = [org.enrol(name=f"Büro-PC {i}") for i in range(DEVICES)]
    contacts = [c.contact_id for c in org.contacts(devices[0])]
    history = History(pushed=per_device * DEVICES)
    budget = iter(range(MAX_REQUESTS))  # shared: a server that never answers cannot hang the test

    with FaultProxy(int(env.url.rsplit(":", 1)[1]), seed=seed) as proxy:

        def device_run(index: int) -> None:
            rng, device = random.Random(seed * 100 + index), devices[index]
            items = [
                report_item(seq, org.campaign_id, rng.choice(contacts), rng.choice(NON_FINAL))
                for seq in range(1, per_device + 1)
            ]
            with SyncClient(proxy.url, device.device_id, device.secret, timeout=TIMEOUT) as client:
                _push_until_acknowledged(client, items, rng, history.first_results, budget)
                _replay_until_faults(client, items, rng, proxy, history.replay_results, budget)

        with ThreadPoolExecutor(DEVICES) as pool:
            for future in [pool.submit(device_run, i) for i in range(DEVICES)]:
                future.result()

    history.stored_rows, history.stored_ids = env.reports_of([d.device_id for d in devices])
    history.missing = [gap for d in devices for gap in d.client.health().missing]
    return history, proxy


def test_exactly_once_through_faults(server: Env) -> None:
    history, proxy = run_scenario(server, seed=7)
    assert proxy.faults >= MIN_FAULTS and set(proxy.injected) == set(FAULTS), proxy.injected
    assert violations(history) == []
    assert history.pushed == OUTCOMES and len(history.replay_results) >= 2 * MIN_REPLAYS * DEVICES


@pytest.fixture(scope="module")
def server_without_idempotency(make_database, tmp_path_factory) -> Iterator[Env]:
    with serving(
        "sqlite",
        make_database("sqlite"),
        tmp_path_factory.mktemp("log-broken"),
        *NO_LIMITS,
        env={NO_IDEMPOTENCY_ENV: "1"},
    ) as env:
        yield env


def test_the_check_catches_a_server_that_ignores_keys(server_without_idempotency: Env) -> None:
    history, proxy = run_scenario(server_without_idempotency, seed=7)
    assert proxy.faults >= MIN_FAULTS
    problems = violations(history)
    assert problems, "the exactly-once check did not notice a server that ignores idempotency keys"
    assert history.stored_rows > history.pushed
    assert "IDEMPOTENCY DISABLED" in server_without_idempotency.server.log_path.read_text()
