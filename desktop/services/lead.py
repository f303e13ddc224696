"""Use cases of the call lead (Verantwortliche*r): prepare a campaign (issue 6, screens.md §4 "Aktion vorbereiten").

Runs on the task thread, never imports Qt. Every mutation returns what changed; problems come back as stable
codes (``Problem``) that the views turn into translated sentences. The other lead use cases live beside this
module: ``lead_import`` (Liste einlesen), ``lead_slices`` (DP-16), ``lead_progress`` (Fortschritt),
``lead_end`` (Aktion beenden, expiry, DP-15), ``lead_export`` (results for the central office) and
``lead_record`` (Art. 30 record of processing, DP-22).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from pydantic import ValidationError

from desktop.domain.models import Campaign, Contact, Role
from desktop.domain.script import _PLACEHOLDER, PLACEHOLDERS
from desktop.paths import WorkspacePaths
from desktop.storage import audit, campaign_store, contact_store
from desktop.storage.timefmt import utcnow
from desktop.storage.workspace import Workspace
from sync.core.purposes import PURPOSES, get_purpose

Clock = Callable[[], datetime]

DEFAULT_GRACE_DAYS = 3
"""Contact data is wiped this many days after a campaign's end date (DP-15 "short grace")."""
DEFAULT_PERIOD_DAYS = 28
"""A campaign made without an end date (command line) ends this many days after it starts."""

DEFAULT_TRANSPARENCY = (
    "Deine Telefonnummer stammt aus der Mitgliederverwaltung unserer Partei. Wir nutzen sie nur für diese "
    "Telefonaktion, und nur unsere Gliederung und die Bundesgeschäftsstelle sehen sie. Nach dem Ende der Aktion "
    "wird die Anrufliste gelöscht. Wenn du nicht mehr angerufen werden möchtest, sag es einfach – dann rufen wir "
    "dich nicht mehr an. Fragen zum Datenschutz beantwortet unser*e Datenschutzbeauftragte*r: "
    "datenschutz@example.org"
)
"""DP-23: the answer to "Woher habt ihr meine Nummer?" (source, purpose, right to object, DPO contact)."""

DEFAULT_SCRIPT = (
    "Hallo {first_name}, hier ist {caller_name} von der Partei in {locality}.\n\n"
    "Ich rufe wegen unserer Aktion „{campaign_title}“ an.\n"
    "- Hast du kurz Zeit?\n\n"
    "Danke dir und bis bald!"
)

SAMPLE_CONTACT = Contact(
    id="0" * 32,
    campaign_id="0" * 32,
    first_name="Renate",
    last_name="Lindenblatt",
    locality="Köln-Ehrenfeld",
    district="Ehrenfeld",
    postcode="50823",
    phone="+492214710555",
)
"""An invented person for the live preview of the script (a number from the film/TV block)."""


class LeadError(Exception):
    """A refused lead action. ``code`` is stable; the views translate it."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


def require_lead(ws: Workspace) -> None:
    """Only a call lead may prepare, import, split, export or end (DP-10)."""
    if ws.person.role is not Role.LEAD:
        raise LeadError("not_a_lead")


# --------------------------------------------------------------------------------------------- problems


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a campaign draft: ``field`` names the input, ``code`` what is wrong.

    ``index`` is the 0-based question or weekday the problem belongs to (if any); ``value`` a detail (a limit,
    an unknown placeholder). The views turn (field, code) into a sentence.
    """

    field: str
    code: str
    index: int | None = None
    value: str = ""


def problems_from_validation_error(exc: ValidationError) -> list[Problem]:
    """Turn pydantic's errors on a Campaign into Problems the views can translate."""
    out: list[Problem] = []
    for err in exc.errors():
        loc = tuple(err.get("loc", ()))
        kind = str(err.get("type", ""))
        msg = str(err.get("msg", ""))
        top = str(loc[0]) if loc else ""
        ctx = err.get("ctx") or {}
        limit = str(ctx.get("min_length", ctx.get("max_length", ctx.get("ge", ctx.get("le", "")))))
        if top == "title":
            out.append(Problem("title", "too_long" if kind == "string_too_long" else "missing", value=limit))
        elif top == "questions" and len(loc) >= 2 and isinstance(loc[1], int):
            field = str(loc[2]) if len(loc) > 2 else ""
            if field == "prompt":
                out.append(
                    Problem(
                        "question",
                        "prompt_too_long" if kind == "string_too_long" else "prompt_missing",
                        index=loc[1],
                        value=limit,
                    )
                )
            elif "2 to 9 options" in msg:
                out.append(Problem("question", "options_count", index=loc[1]))
            elif "only choice questions" in msg:
                out.append(Problem("question", "options_not_allowed", index=loc[1]))
            else:
                out.append(Problem("question", "invalid", index=loc[1]))
        elif top == "rules":
            sub = [str(x) for x in loc[1:]]
            if sub[:2] == ["calling_hours", "windows"] and len(sub) >= 3 and sub[2].isdigit():
                out.append(Problem("calling_hours", "window_order", index=int(sub[2])))
            elif sub and sub[0] in ("cooldown_hours", "max_attempts", "note_max_length", "goal_reached"):
                out.append(Problem(sub[0], "out_of_range", value=limit))
            else:
                out.append(Problem("rules", "invalid"))
        elif top == "purpose":
            out.append(Problem("purpose", "unknown"))
        elif top == "categories":
            out.append(Problem("categories", "invalid"))
        else:
            out.append(Problem(top or "campaign", "invalid"))
    return out


def check_campaign(campaign: Campaign, *, require_end: bool = True) -> list[Problem]:
    """Rules the model cannot check on its own: the period, the script's placeholders, unique question ids."""
    out: list[Problem] = []
    if not campaign.title.strip():
        out.append(Problem("title", "missing"))
    if require_end and campaign.ends_on is None:
        out.append(Problem("period", "end_missing"))
    if campaign.starts_on and campaign.ends_on and campaign.ends_on < campaign.starts_on:
        out.append(Problem("period", "end_before_start"))
    unknown = sorted({m.group(1) for m in _PLACEHOLDER.finditer(campaign.script)} - PLACEHOLDERS)
    if unknown:
        out.append(Problem("script", "unknown_placeholder", value=", ".join("{" + u + "}" for u in unknown)))
    if not campaign.transparency.strip():
        out.append(Problem("transparency", "missing"))
    seen: set[str] = set()
    for i, q in enumerate(campaign.questions):
        if not q.prompt.strip():
            out.append(Problem("question", "prompt_missing", index=i))
        if q.id in seen:
            out.append(Problem("question", "duplicate_id", index=i))
        seen.add(q.id)
        if len(set(q.options)) != len(q.options) or any(not o.strip() for o in q.options):
            out.append(Problem("question", "options_blank_or_twice", index=i))
    if not campaign.rules.calling_hours.windows:
        out.append(Problem("calling_hours", "no_day"))
    return out


def build_campaign(values: dict[str, object]) -> tuple[Campaign | None, list[Problem]]:
    """Validate a draft (a dict of Campaign fields) into a Campaign, or say what is wrong."""
    try:
        campaign = Campaign.model_validate(values)
    except ValidationError as exc:
        return None, problems_from_validation_error(exc)
    problems = check_campaign(campaign)
    return (None, problems) if problems else (campaign, [])


# --------------------------------------------------------------------------------------------- lead extras


@dataclass(frozen=True)
class Resolution:
    """The board resolution the campaign rests on (optional; DP-11, DP-20). Labels only, no member data."""

    reference: str = ""
    body: str = ""
    decided_on: date | None = None
    responsible: tuple[str, ...] = ()

    @property
    def known(self) -> bool:
        return bool(self.reference or self.body or self.decided_on or self.responsible)


@dataclass(frozen=True)
class CampaignInfo:
    """A campaign as the lead's screens list it."""

    campaign: Campaign
    status: str
    origin: str
    contacts: int
    resolution: Resolution
    grace_days: int
    ended_at: str | None
    wiped_at: str | None

    @property
    def wipe_due(self) -> date | None:
        return self.campaign.ends_on + timedelta(days=self.grace_days) if self.campaign.ends_on else None


def _resolution(extra: dict[str, object] | None) -> Resolution:
    if not extra:
        return Resolution()
    decided = extra.get("resolution_date")
    return Resolution(
        reference=str(extra.get("resolution_ref") or ""),
        body=str(extra.get("resolution_body") or ""),
        decided_on=date.fromisoformat(str(decided)) if decided else None,
        responsible=tuple(json.loads(str(extra.get("responsible") or "[]"))),
    )


def campaign_info(ws: Workspace, campaign_id: str) -> CampaignInfo:
    conn = ws.conn
    campaign = campaign_store.get_campaign(conn, campaign_id)
    row = campaign_store.campaign_row(conn, campaign_id)
    if campaign is None or row is None:
        raise LeadError("unknown_campaign")
    extra = campaign_store.get_campaign_lead(conn, campaign_id)
    return CampaignInfo(
        campaign=campaign,
        status=row[0],
        origin=row[1],
        contacts=contact_store.contact_count(conn, campaign_id),
        resolution=_resolution(extra),
        grace_days=int(extra["grace_days"])
        if extra and extra.get("grace_days") is not None
        else DEFAULT_GRACE_DAYS,
        ended_at=(extra or {}).get("ended_at"),
        wiped_at=(extra or {}).get("wiped_at"),
    )


def list_campaign_infos(ws: Workspace, *, include_ended: bool = True) -> list[CampaignInfo]:
    ids = campaign_store.campaign_ids(ws.conn, include_ended=include_ended)
    return [campaign_info(ws, i) for i in ids]


# --------------------------------------------------------------------------------------------- create / update


@dataclass(frozen=True)
class CampaignChanged:
    """What a create or update changed; the views refresh from this."""

    campaign: Campaign
    created: bool
    changed: tuple[str, ...] = field(
        default=()
    )  # top-level fields (and "rules.x", "resolution") that changed


def _diff(old: Campaign, new: Campaign) -> list[str]:
    a, b = old.model_dump(mode="json"), new.model_dump(mode="json")
    out = []
    for key in b:
        if key == "rules":
            out += [f"rules.{k}" for k in b["rules"] if a["rules"].get(k) != b["rules"][k]]
        elif a.get(key) != b[key]:
            out.append(key)
    return out


def _store_resolution(conn, campaign_id: str, resolution: Resolution | None, grace_days: int | None) -> None:  # type: ignore[no-untyped-def]
    values: dict[str, object] = {}
    if resolution is not None:
        if len(resolution.responsible) > 3:
            raise LeadError("too_many_responsible")
        values.update(
            resolution_ref=resolution.reference.strip(),
            resolution_body=resolution.body.strip(),
            resolution_date=resolution.decided_on.isoformat() if resolution.decided_on else None,
            responsible=json.dumps([r.strip() for r in resolution.responsible if r.strip()]),
        )
    if grace_days is not None:
        if not 0 <= grace_days <= 30:
            raise LeadError("grace_days_out_of_range")
        values["grace_days"] = grace_days
    campaign_store.put_campaign_lead(conn, campaign_id, **values)


def create_campaign(
    ws: Workspace,
    campaign: Campaign,
    *,
    resolution: Resolution | None = None,
    grace_days: int = DEFAULT_GRACE_DAYS,
    now: datetime | None = None,
    require_end: bool = True,
) -> CampaignChanged:
    """Store a new campaign (status 'active', origin 'local'); audit CAMPAIGN_CREATED with its id."""
    require_lead(ws)
    problems = check_campaign(campaign, require_end=require_end)
    if problems:
        raise LeadError("invalid_campaign", ", ".join(f"{p.field}:{p.code}" for p in problems))
    now = now or utcnow()
    with ws.transaction() as conn:
        if campaign_store.campaign_row(conn, campaign.id) is not None:
            raise LeadError("campaign_exists")
        campaign_store.insert_campaign(conn, campaign, created_at=now)
        _store_resolution(conn, campaign.id, resolution, grace_days)
        audit.append(
            conn, audit.AuditKind.CAMPAIGN_CREATED, at=now, person_id=ws.person.id, subject=campaign.id
        )
    return CampaignChanged(campaign, created=True, changed=tuple(Campaign.model_fields))


def update_campaign(
    ws: Workspace, campaign: Campaign, *, resolution: Resolution | None = None, grace_days: int | None = None
) -> CampaignChanged:
    """Change a campaign's definition. Purpose and categories are fixed once contacts are on the list (DP-1)."""
    require_lead(ws)
    problems = check_campaign(campaign)
    if problems:
        raise LeadError("invalid_campaign", ", ".join(f"{p.field}:{p.code}" for p in problems))
    with ws.transaction() as conn:
        old = campaign_store.get_campaign(conn, campaign.id)
        row = campaign_store.campaign_row(conn, campaign.id)
        if old is None or row is None:
            raise LeadError("unknown_campaign")
        if row[0] == "ended":
            raise LeadError("campaign_ended")
        if row[1] != "local":
            raise LeadError("campaign_from_central_office")
        changed = _diff(old, campaign)
        if {"purpose", "categories"} & set(changed) and contact_store.contact_count(conn, campaign.id):
            raise LeadError("purpose_fixed")  # a new purpose needs a new list (DP-1)
        if changed:
            campaign_store.update_campaign_definition(conn, campaign)
        before = campaign_store.get_campaign_lead(conn, campaign.id)
        _store_resolution(conn, campaign.id, resolution, grace_days)
        if campaign_store.get_campaign_lead(conn, campaign.id) != before:
            changed.append("resolution")
    return CampaignChanged(campaign, created=False, changed=tuple(changed))


def new_campaign(
    title: str,
    purpose: str,
    *,
    starts_on: date | None = None,
    ends_on: date | None = None,
    categories: Sequence[str] | None = None,
) -> Campaign:
    """A campaign with the defaults the editor starts from (script, transparency text, default period)."""
    start = starts_on or date.today()
    values: dict[str, object] = {
        "title": title,
        "purpose": purpose,
        "script": DEFAULT_SCRIPT,
        "transparency": DEFAULT_TRANSPARENCY,
        "starts_on": start,
        "ends_on": ends_on or start + timedelta(days=DEFAULT_PERIOD_DAYS),
    }
    if categories:
        values["categories"] = tuple(categories)
    return Campaign.model_validate(values)


def purpose_fields(purpose_id: str) -> tuple[str, ...]:
    """The contact fields a purpose keeps, in a stable order (for the editor and the record of processing)."""
    order = ("first_name", "last_name", "phone", "phone2", "locality", "district", "postcode")
    fields = {f.value for f in get_purpose(purpose_id).fields}
    return tuple(f for f in order if f in fields)


def purpose_ids() -> tuple[str, ...]:
    return tuple(PURPOSES)


# --------------------------------------------------------------------------------------------- workspace


def init_workspace(
    paths: WorkspacePaths, *, org_name: str, label: str, passphrase: str, now: datetime | None = None
) -> Workspace:
    """A new local workspace for a lead preparing offline (the lead's own key slot)."""
    if not org_name.strip() or not label.strip():
        raise LeadError("name_missing")
    if len(passphrase) < 8:
        raise LeadError("passphrase_too_short")
    return Workspace.create(
        paths, org_name=org_name.strip(), label=label.strip(), role=Role.LEAD, passphrase=passphrase, now=now
    )


def ids_only(values: Iterable[str]) -> str:
    """A compact audit subject made of ids and counts (never names)."""
    return ":".join(values)
