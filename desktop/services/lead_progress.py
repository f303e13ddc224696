"""The lead's "Fortschritt" (progress) figures of one campaign: big numbers, a count per status, calls per hour,
outcomes per day, team counts. Individual names only for volunteers who opted in (DP-26).

Only counts and labels leave this module: no contact data. The counts come from the reports (folded: a
corrected report no longer counts), so they survive the wipe of the contact data at the end of a campaign.
Pure Python; runs on the database task thread.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from desktop.domain.calling_hours import to_berlin
from desktop.services.lead import LeadError
from desktop.storage import campaign_store, contact_store, outbox_store, people_store, report_store
from desktop.storage.timefmt import from_db, utcnow
from desktop.storage.workspace import Workspace
from sync.core.rules import ContactStatus, Outcome

HOURS = 12  # the calls-per-hour chart covers this many hours up to now
DAYS = 14  # the outcomes-per-day chart covers this many days up to today


@dataclass(frozen=True)
class HourBucket:
    start: datetime  # aware (UTC), the start of the hour
    calls: int
    reached: int


@dataclass(frozen=True)
class DayBucket:
    day: date  # Berlin calendar day
    outcomes: dict[str, int]

    @property
    def calls(self) -> int:
        return sum(self.outcomes.values())


@dataclass(frozen=True)
class Volunteer:
    """One opted-in volunteer's counts (DP-26)."""

    label: str
    calls: int
    reached: int


@dataclass(frozen=True)
class Progress:
    campaign_id: str
    title: str
    status: str
    at: datetime
    total: int
    reached: int  # people reached at least once
    open: int
    callbacks: int  # open with a call-back date
    objections: int
    by_status: dict[str, int]
    by_outcome: dict[str, int]
    calls: int
    calls_today: int
    callers: int  # distinct callers who made a call
    callers_today: int
    per_hour: tuple[HourBucket, ...]
    per_day: tuple[DayBucket, ...]
    volunteers: tuple[Volunteer, ...]  # opted in only
    pending_uploads: int
    goal: int | None
    wiped: bool = False
    extra: dict[str, int] = field(default_factory=dict)


def progress(ws: Workspace, campaign_id: str, *, now: datetime | None = None) -> Progress:
    now = now or utcnow()
    conn = ws.conn
    campaign = campaign_store.get_campaign(conn, campaign_id)
    row = campaign_store.campaign_row(conn, campaign_id)
    if campaign is None or row is None:
        raise LeadError("unknown_campaign")
    by_status = {s.value: 0 for s in ContactStatus}
    by_status.update(contact_store.status_counts(conn, campaign_id))
    total = sum(by_status.values())
    callbacks = contact_store.open_callbacks(conn, campaign_id)

    reports = report_store.effective_reports(conn, campaign_id)
    by_outcome = {o.value: 0 for o in Outcome}
    reached_people: set[str] = set()
    objection_people: set[str] = set()
    today = to_berlin(now).date()
    hour0 = now.replace(minute=0, second=0, microsecond=0) - timedelta(hours=HOURS - 1)
    hours = Counter[int]()
    hours_reached = Counter[int]()
    days: dict[date, Counter[str]] = {today - timedelta(days=i): Counter() for i in range(DAYS)}
    per_caller: dict[str, list[int]] = {}
    callers_today: set[str] = set()
    calls_today = 0
    for _rid, contact_id, caller_id, outcome, created in reports:
        at = from_db(created)
        assert at is not None
        by_outcome[outcome] = by_outcome.get(outcome, 0) + 1
        is_reached = Outcome(outcome).reached
        if is_reached:
            reached_people.add(contact_id)
        if outcome == Outcome.OBJECTION.value:
            objection_people.add(contact_id)
        counts = per_caller.setdefault(caller_id, [0, 0])
        counts[0] += 1
        counts[1] += int(is_reached)
        day = to_berlin(at).date()
        if day in days:
            days[day][outcome] += 1
        if day == today:
            calls_today += 1
            callers_today.add(caller_id)
        if hour0 <= at <= now:
            slot = int((at - hour0).total_seconds() // 3600)
            hours[slot] += 1
            hours_reached[slot] += int(is_reached)

    labels = {pid: (label, opt_in) for pid, label, _role, opt_in in people_store.people(conn)}
    volunteers = sorted(
        (
            Volunteer(labels[pid][0], c[0], c[1])
            for pid, c in per_caller.items()
            if labels.get(pid, ("", False))[1]
        ),
        key=lambda v: (-v.calls, v.label),
    )
    extra = campaign_store.get_campaign_lead(conn, campaign_id) or {}
    return Progress(
        campaign_id=campaign_id,
        title=campaign.title,
        status=row[0],
        at=now,
        total=total,
        reached=len(reached_people),
        open=by_status.get("open", 0),
        callbacks=callbacks,
        objections=max(by_status.get("objection", 0), len(objection_people)),
        by_status=by_status,
        by_outcome=by_outcome,
        calls=len(reports),
        calls_today=calls_today,
        callers=len(per_caller),
        callers_today=len(callers_today),
        per_hour=tuple(
            HourBucket(hour0 + timedelta(hours=i), hours[i], hours_reached[i]) for i in range(HOURS)
        ),
        per_day=tuple(DayBucket(d, dict(days[d])) for d in sorted(days)),
        volunteers=tuple(volunteers),
        pending_uploads=len(outbox_store.pending_reports(conn, campaign_id)),
        goal=campaign.rules.goal_reached,
        wiped=bool(extra.get("wiped_at")),
    )
