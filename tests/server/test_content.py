"""Campaign content authored at the central office (issue 14.1): the command line, versions, the release gate,
the pull's content part and a lead's adaptation pushed from a PC — against a real server process."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from sync.core import protocol as p
from sync.core.content import ContentAdaptation
from sync.server.content import CampaignContents
from tests.content_support import SCRIPT, TRANSPARENCY, content_files
from tests.server.helpers import Env, now, pull_all
from tests.server.test_cli import Zentrale, _resolution, database, org, z  # noqa: F401 - fixtures

QUESTIONS = [
    {"id": "kommt", "kind": "yes_no", "prompt": "Kommst du zur Versammlung?"},
    {"id": "hilft", "kind": "single", "prompt": "Hilfst du mit?", "options": ["Aufbau", "Abbau", "Nein"]},
]


def _release(z: Zentrale, org: dict, tmp_path: Path, *content: str) -> str:
    resolution = _resolution(z, org, "--responsible", org["lead"])
    return z.ok(
        "campaign", "release", "--org", org["org"], "--title", "Sommerfest", "--purpose", "invitation",
        "--resolution", resolution, *content,
    )  # fmt: skip


def test_release_without_script_or_transparency_is_refused_clearly(
    z: Zentrale, org: dict, tmp_path: Path
) -> None:
    resolution = _resolution(z, org, "--responsible", org["lead"])
    base = ("campaign", "release", "--org", org["org"], "--title", "Ohne Text", "--purpose", "invitation")
    err = z.fails(*base, "--resolution", resolution)
    assert "script is missing" in err and "transparency answer" in err
    script, transparency = content_files(tmp_path)[1], content_files(tmp_path)[3]
    err = z.fails(*base, "--resolution", resolution, "--script", script)
    assert "transparency answer (" in err and "is missing" in err
    typo = tmp_path / "typo.txt"
    typo.write_text("Hallo {vorname}!", encoding="utf-8")
    err = z.fails(*base, "--resolution", resolution, "--script", str(typo), "--transparency", transparency)
    assert "{vorname}" in err  # the author sees the typo
    z.ok(*base, "--resolution", resolution, "--script", script, "--transparency", transparency)


def test_content_command_makes_a_new_version_and_show_prints_it(
    z: Zentrale, org: dict, tmp_path: Path
) -> None:
    campaign = _release(z, org, tmp_path, *content_files(tmp_path))
    shown = json.loads(z.run("campaign", "show", "--campaign", campaign)[1])
    assert shown["content"]["version"] == 1 and shown["content"]["script"] == SCRIPT
    assert (
        shown["content"]["transparency"] == TRANSPARENCY
        and shown["content"]["rules"]["notes_enabled"] is False
    )

    questions = tmp_path / "fragen.json"
    questions.write_text(json.dumps(QUESTIONS), encoding="utf-8")
    new_script = tmp_path / "neu.txt"
    new_script.write_text("Guten Abend {first_name}, hier ist {caller_name}.", encoding="utf-8")
    ends = "2099-12-31"
    assert z.ok(
        "campaign", "content", "--campaign", campaign, "--script", str(new_script), "--questions", str(questions),
        "--cooldown-hours", "48", "--max-attempts", "5", "--notes", "on", "--ends", ends,
    ) == "content version 2"  # fmt: skip
    shown = json.loads(z.run("campaign", "show", "--campaign", campaign)[1])
    content = shown["content"]
    assert content["version"] == 2 and content["author"] == "central"
    assert content["script"].startswith("Guten Abend") and content["transparency"] == TRANSPARENCY  # kept
    assert [q["id"] for q in content["questions"]] == ["kommt", "hilft"]
    assert content["rules"]["cooldown_hours"] == 48 and content["rules"]["max_attempts"] == 5
    assert content["rules"]["notes_enabled"] is True and content["ends_on"] == shown["ends_on"] == ends

    # Nothing changed: no new version. Invalid input: refused, the version stays.
    assert z.ok("campaign", "content", "--campaign", campaign, "--max-attempts", "5") == "content version 2"
    assert "max_attempts" in z.fails("campaign", "content", "--campaign", campaign, "--max-attempts", "99")
    bad = tmp_path / "bad.json"
    bad.write_text(
        '[{"id": "x", "kind": "single", "prompt": "?", "options": ["nur eine"]}]', encoding="utf-8"
    )
    assert "2 to 9 options" in z.fails("campaign", "content", "--campaign", campaign, "--questions", str(bad))
    assert "in the past" in z.fails("campaign", "content", "--campaign", campaign, "--ends", "2000-01-01")
    assert "not found" in z.fails("campaign", "content", "--campaign", "nope", "--notes", "off")
    assert json.loads(z.run("campaign", "show", "--campaign", campaign)[1])["content"]["version"] == 2


def test_content_reaches_the_pcs_of_the_org_and_a_leads_adaptation_the_others(server: Env) -> None:
    org = server.org()
    other_org = server.org()
    pc1, pc2 = org.enrol(name="Büro-PC 1"), org.enrol(name="Büro-PC 2")
    outsider = other_org.enrol()
    first = pull_all(pc1.client)
    assert [(c.campaign_id, c.version, c.script) for c in first.contents] == [(org.campaign_id, 1, SCRIPT)]
    assert org.campaign_id not in {c.campaign_id for c in pull_all(outsider.client).contents}

    contents = CampaignContents(server.office)
    contents.set(org.campaign_id, {"transparency": TRANSPARENCY + " Stand: heute.", "max_attempts": 4})
    page = pull_all(pc1.client, first.next_cursor)
    assert [(c.version, c.author, c.rules.max_attempts) for c in page.contents] == [(2, "central", 4)]

    adaptation = ContentAdaptation(
        adaptation_id=uuid.uuid4().hex,
        campaign_id=org.campaign_id,
        base_version=2,
        script="Moin {first_name}! Hier ist {caller_name} vom Ortsverband.",
        questions=(),
        created_at=now(),
    )
    item = p.ContentItem(idempotency_key=uuid.uuid4(), seq=pc1.next_seq(), payload=adaptation)
    result = pc1.client.push([item]).results[0]
    assert result.status is p.ItemStatus.ACCEPTED
    assert pc1.client.push([item]).results[0].status is p.ItemStatus.DUPLICATE  # counted once

    newest = pull_all(pc2.client).contents
    assert [(c.version, c.author) for c in newest] == [(3, "lead")]
    assert newest[0].script.startswith("Moin") and newest[0].transparency.endswith("Stand: heute.")
    assert newest[0].rules.max_attempts == 4  # the lead adapts script and questions only

    # An adaptation without a script, or for another org's campaign, is rejected (and listed on the PC).
    empty = adaptation.model_copy(update={"adaptation_id": uuid.uuid4().hex, "script": "  "})
    foreign = adaptation.model_copy(
        update={"adaptation_id": uuid.uuid4().hex, "campaign_id": other_org.campaign_id}
    )
    results = pc1.client.push(
        [
            p.ContentItem(idempotency_key=uuid.uuid4(), seq=pc1.next_seq(), payload=empty),
            p.ContentItem(idempotency_key=uuid.uuid4(), seq=pc1.next_seq(), payload=foreign),
        ]
    ).results
    assert [r.reason for r in results] == [p.RejectReason.INVALID_CONTENT, p.RejectReason.UNKNOWN_CAMPAIGN]
    assert [h.version for h in contents.history(org.campaign_id)] == [3, 2, 1]
    _, other = contents.get(other_org.campaign_id)
    assert other is not None and other.version == 1


def test_preview_renders_an_invented_person_within_the_purpose(server: Env) -> None:
    org = server.org(purposes=("keep-in-touch",), purpose="keep-in-touch")
    script = "Hallo {first_name} {last_name}, **schön** dich zu hören!\n- Punkt {unbekannt}"
    preview = CampaignContents(server.office).preview(org.campaign_id, script)
    assert "<b>schön</b>" in preview.html and "<li>Punkt {unbekannt}</li>" in preview.html
    # keep-in-touch releases no last name: the preview shows what a caller would see
    assert preview.plain.startswith("Hallo Renate , schön dich")
