"""Campaign editor service: validation with clear codes, create/update returning what changed, audit."""

from __future__ import annotations

from datetime import date, time

import pytest

from desktop.domain.models import Role
from desktop.domain.script import render_script
from desktop.services import lead
from desktop.storage import audit, campaign_store
from tests.lead.lead_support import NOW, make_campaign


def test_new_campaign_has_a_transparency_text_and_a_period() -> None:
    c = lead.new_campaign("Einladung", "keep-in-touch", starts_on=date(2026, 11, 1))
    assert c.ends_on == date(2026, 11, 29)
    assert "widersprechen" in c.transparency or "nicht mehr angerufen" in c.transparency
    assert "Datenschutzbeauftragte" in c.transparency
    assert lead.check_campaign(c) == []


def test_the_purpose_decides_the_fields_and_the_preview_respects_it() -> None:
    assert lead.purpose_fields("keep-in-touch") == (
        "first_name",
        "phone",
        "phone2",
        "locality",
        "district",
        "postcode",
    )
    assert "last_name" in lead.purpose_fields("invitation")
    c = lead.new_campaign("X", "keep-in-touch").model_copy(
        update={"script": "Hallo {first_name} {last_name}!"}
    )
    assert render_script(c, contact=lead.SAMPLE_CONTACT, caller_name="Vera").plain == "Hallo Renate !"


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"title": ""}, ("title", "missing")),
        ({"title": "x" * 121}, ("title", "too_long")),
        (
            {"questions": [{"id": "a", "kind": "single", "prompt": "Wer?", "options": ["nur eine"]}]},
            ("question", "options_count"),
        ),
        ({"questions": [{"id": "a", "kind": "text", "prompt": ""}]}, ("question", "prompt_missing")),
        ({"rules": {"max_attempts": 0}}, ("max_attempts", "out_of_range")),
        (
            {"rules": {"calling_hours": {"windows": {"2": {"start": "18:00", "end": "10:00"}}}}},
            ("calling_hours", "window_order"),
        ),
        ({"ends_on": None}, ("period", "end_missing")),
        ({"starts_on": "2026-12-01", "ends_on": "2026-11-01"}, ("period", "end_before_start")),
        ({"script": "Hallo {vorname}"}, ("script", "unknown_placeholder")),
        ({"transparency": " "}, ("transparency", "missing")),
    ],
)
def test_problems_come_back_as_codes(values, expected) -> None:  # type: ignore[no-untyped-def]
    base = lead.new_campaign("Titel", "invitation").model_dump(mode="json")
    campaign, problems = lead.build_campaign({**base, **values})
    assert campaign is None
    assert expected in [(p.field, p.code) for p in problems]


def test_create_is_audited_with_the_id_only(ws) -> None:  # type: ignore[no-untyped-def]
    c = make_campaign(ws)
    assert campaign_store.get_campaign(ws.conn, c.id) == c
    entries = audit.entries(ws.conn)
    assert [(e.kind, e.subject) for e in entries] == [("campaign_created", c.id)]
    assert audit.chain_break(ws.conn) is None


def test_update_returns_what_changed(ws) -> None:  # type: ignore[no-untyped-def]
    c = make_campaign(ws)
    rules = c.rules.model_copy(update={"max_attempts": 5, "notes_enabled": True})
    changed = lead.update_campaign(
        ws,
        c.model_copy(update={"title": "Neu", "rules": rules}),
        resolution=lead.Resolution("B-2026-11", "Kreisvorstand", date(2026, 10, 1), ("Vera L.",)),
    )
    assert set(changed.changed) == {"title", "rules.max_attempts", "rules.notes_enabled", "resolution"}
    info = lead.campaign_info(ws, c.id)
    assert info.campaign.title == "Neu"
    assert info.resolution.body == "Kreisvorstand" and info.resolution.responsible == ("Vera L.",)
    assert lead.update_campaign(ws, info.campaign).changed == ()


def test_purpose_is_fixed_once_the_list_is_there(ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from desktop.services.lead_import import import_members
    from tests.lead.lead_support import member_csv

    c = make_campaign(ws)
    import_members(ws, c.id, member_csv(tmp_path / "m.csv", 3), now=NOW)
    with pytest.raises(lead.LeadError) as err:
        lead.update_campaign(ws, c.model_copy(update={"purpose": "keep-in-touch"}))
    assert err.value.code == "purpose_fixed"


def test_only_a_lead_may_create(ws) -> None:  # type: ignore[no-untyped-def]
    ws.person = ws.person.model_copy(update={"role": Role.CALLER})
    with pytest.raises(lead.LeadError, match="not_a_lead"):
        lead.create_campaign(ws, lead.new_campaign("X", "invitation"))


def test_calling_hours_and_holiday_region_round_trip(ws) -> None:  # type: ignore[no-untyped-def]
    from desktop.domain.models import CallingHours, DayWindow

    c = lead.new_campaign("Stunden", "survey")
    hours = CallingHours(windows={0: DayWindow(start=time(9), end=time(12))}, holiday_region="NW")
    c = c.model_copy(
        update={"rules": c.rules.model_copy(update={"calling_hours": hours, "goal_reached": 50})}
    )
    lead.create_campaign(ws, c)
    back = campaign_store.get_campaign(ws.conn, c.id)
    assert back.rules.calling_hours.holiday_region == "NW" and back.rules.goal_reached == 50
