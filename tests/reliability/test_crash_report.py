"""R5: a report shown as saved survives `kill -9` at any moment; report and outbox row commit together.

A child process records reports through CallingService.record and prints each id only after record()
returned (the moment the app shows "saved"). The parent kills it with SIGKILL at random moments — while it
opens the workspace, while it records, during commits and checkpoints — and after each kill reopens the
workspace: every acknowledged id must be there as a report with its outbox row, no report without its outbox
row or the reverse, the contact attempt counters match the reports, and the file passes its integrity check.

Default 8 kills; RELIABILITY_SCALE=50 gives 400.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from desktop.services.demo import DEMO_PASSPHRASE
from desktop.storage.workspace import Workspace
from tests.reliability.helpers import Child, demo_workspace, scaled, seeded_rng

STATS: dict[str, int] = {}


def check_consistent(ws: Workspace, acknowledged: set[str]) -> set[str]:
    conn = ws.conn
    assert ws.integrity_problems() == []
    reports = {r[0] for r in conn.execute("SELECT id FROM reports")}
    outbox = {r[0] for r in conn.execute("SELECT item_id FROM outbox WHERE kind = 'report'")}
    assert acknowledged <= reports, f"lost acknowledged reports: {sorted(acknowledged - reports)[:5]}"
    assert reports == outbox, "a report without its outbox row, or the reverse"
    for item_id, payload in conn.execute("SELECT item_id, payload FROM outbox WHERE kind = 'report'"):
        assert json.loads(payload)["report"]["report_id"] == item_id
    mismatched = conn.execute(
        "SELECT count(*) FROM contacts c WHERE c.attempts != "
        "(SELECT count(*) FROM reports r WHERE r.contact_id = c.id)"
    ).fetchone()[0]
    assert mismatched == 0, "contact state and reports disagree"
    seqs = [r[0] for r in conn.execute("SELECT seq FROM outbox ORDER BY seq")]
    assert seqs == sorted(set(seqs))
    return reports


def test_acknowledged_reports_survive_kill_9(tmp_path: Path) -> None:
    paths, slot_id = demo_workspace(tmp_path / "ws")
    rng = seeded_rng("R5 kill -9")
    acknowledged: set[str] = set()
    runs = scaled(8)
    kills = 0
    for run in range(runs):
        child = Child(["record", str(paths.root), slot_id, DEMO_PASSPHRASE, str(run)])
        if rng.random() < 0.25:
            time.sleep(rng.uniform(0.0, 0.6))  # may land while the child imports or opens the workspace
        else:
            assert child.wait_for("READY") is not None, child.stderr()
            time.sleep(rng.uniform(0.0, 0.4))
        alive = child.proc.poll() is None
        child.kill()
        assert alive, f"the child ended on its own: {child.stderr()}"
        kills += 1
        acknowledged |= set(child.values("ACK "))
        ws = Workspace.open(paths, slot_id, DEMO_PASSPHRASE)
        try:
            present = check_consistent(ws, acknowledged)
        finally:
            ws.conn.close()  # not Workspace.close: no extra checkpoint between kills
    STATS.update(kills=kills, acknowledged=len(acknowledged), present=len(present))
    print(f"R5: {kills} kills, {len(acknowledged)} acknowledged reports verified, {len(present)} present")
    assert acknowledged, f"no report was acknowledged in {runs} runs"
