"""Slices of a call list (DP-16): several PCs or callers never get the same person at the same time.

The lead splits a campaign's free open contacts (in list order) into N disjoint slices, one per holder (a caller
on this PC, or another PC), each reserved until a deadline. The reservation lives on the contacts
(``reserved_by`` / ``reserved_until``), which the queue already honours: a contact reserved for someone else is
never offered, and an expired reservation counts as free (``reserved_until <= now``). ``expire_slices`` also
marks slices past their deadline as released, so the lead's view says so. No Qt; runs on the task thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from desktop.domain.models import new_id
from desktop.services.lead import LeadError, require_lead
from desktop.storage import campaign_store, contact_store, slice_store
from desktop.storage.timefmt import from_db, utcnow
from desktop.storage.workspace import Workspace


@dataclass(frozen=True)
class Holder:
    """Who a slice is for: a person id (caller) or a device id, and the label the lead sees."""

    id: str
    label: str
    kind: str = "person"  # or "device"


@dataclass(frozen=True)
class SliceInfo:
    id: str
    number: int
    holder: str | None
    holder_kind: str
    label: str
    size: int
    open: int
    reserved_until: datetime | None
    released_at: datetime | None

    def expired(self, now: datetime) -> bool:
        return self.released_at is None and self.reserved_until is not None and self.reserved_until <= now

    @property
    def active(self) -> bool:
        return self.released_at is None and self.holder is not None


@dataclass(frozen=True)
class SlicesChanged:
    campaign_id: str
    slices: tuple[SliceInfo, ...]
    affected_contacts: int


def list_slices(ws: Workspace, campaign_id: str) -> list[SliceInfo]:
    out = []
    for s in slice_store.list_slices(ws.conn, campaign_id):
        open_count, _ = contact_store.slice_counts(ws.conn, str(s["id"]))
        out.append(
            SliceInfo(
                id=str(s["id"]),
                number=int(s["number"]),
                holder=s["holder"],
                holder_kind=str(s["holder_kind"]),
                label=str(s["label"]),
                size=int(s["size"]),
                open=open_count,
                reserved_until=from_db(s["reserved_until"]),
                released_at=from_db(s["released_at"]),
            )
        )
    return out


def split(
    ws: Workspace,
    campaign_id: str,
    holders: Sequence[Holder],
    *,
    until: datetime,
    now: datetime | None = None,
) -> SlicesChanged:
    """Split the free open contacts into len(holders) disjoint slices (contiguous in list order), reserved
    for each holder until ``until``. Contacts someone else holds are left alone."""
    require_lead(ws)
    now = now or utcnow()
    if not holders:
        raise LeadError("no_holders")
    if len({h.id for h in holders}) != len(holders):
        raise LeadError("holder_twice")
    if until <= now:
        raise LeadError("deadline_in_past")
    with ws.transaction() as conn:
        row = campaign_store.campaign_row(conn, campaign_id)
        if row is None:
            raise LeadError("unknown_campaign")
        if row[0] == "ended":
            raise LeadError("campaign_ended")
        free = contact_store.free_open_contact_ids(conn, campaign_id, now)
        if not free:
            raise LeadError("nothing_to_split")
        n = len(holders)
        base, extra = divmod(len(free), n)
        first_number = 1 + max(
            (int(s["number"]) for s in slice_store.list_slices(conn, campaign_id)), default=0
        )
        start = 0
        for i, holder in enumerate(holders):
            size = base + (1 if i < extra else 0)
            part = free[start : start + size]
            start += size
            slice_id = new_id()
            slice_store.insert_slice(
                conn,
                slice_id=slice_id,
                campaign_id=campaign_id,
                number=first_number + i,
                holder=holder.id,
                holder_kind=holder.kind,
                label=holder.label,
                created_at=now,
                reserved_until=until,
            )
            slice_store.assign_to_slice(conn, slice_id, part, holder=holder.id, reserved_until=until)
    return SlicesChanged(campaign_id, tuple(list_slices(ws, campaign_id)), len(free))


def reserve(
    ws: Workspace, slice_id: str, holder: Holder, *, until: datetime, now: datetime | None = None
) -> SlicesChanged:
    """(Re-)reserve a slice's open contacts for a holder until a deadline."""
    require_lead(ws)
    now = now or utcnow()
    if until <= now:
        raise LeadError("deadline_in_past")
    with ws.transaction() as conn:
        s = slice_store.get_slice(conn, slice_id)
        if s is None:
            raise LeadError("unknown_slice")
        if s["released_at"] is not None:
            raise LeadError("slice_released")  # its people went back to the pool: split again instead
        n = slice_store.reserve_slice(
            conn,
            slice_id,
            holder=holder.id,
            holder_kind=holder.kind,
            label=holder.label,
            reserved_until=until,
        )
    campaign_id = str(s["campaign_id"])
    return SlicesChanged(campaign_id, tuple(list_slices(ws, campaign_id)), n)


def release(ws: Workspace, slice_id: str, *, now: datetime | None = None) -> SlicesChanged:
    """Give a slice's open contacts back to the pool at once."""
    require_lead(ws)
    now = now or utcnow()
    with ws.transaction() as conn:
        s = slice_store.get_slice(conn, slice_id)
        if s is None:
            raise LeadError("unknown_slice")
        n = slice_store.release_slice(conn, slice_id, at=now)
    campaign_id = str(s["campaign_id"])
    return SlicesChanged(campaign_id, tuple(list_slices(ws, campaign_id)), n)


def expire_slices(ws: Workspace, now: datetime | None = None) -> int:
    """Release every slice whose deadline has passed (DP-16); returns how many. Safe offline, any role."""
    now = now or utcnow()
    with ws.transaction() as conn:
        ids = slice_store.expired_slice_ids(conn, now)
        for slice_id in ids:
            slice_store.release_slice(conn, slice_id, at=now)
    return len(ids)
