"""Presenters of the lead's progress, slices and end-of-campaign screens. Queries run on the database runner;
the dashboard refreshes on a timer while it is shown, never stacking a second query on a running one."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Signal

from desktop.services import lead_end, lead_export, lead_progress, lead_record, lead_slices
from desktop.storage.timefmt import utcnow
from desktop.viewmodels.lead_base import LeadModel

REFRESH_MS = 15_000


class DashboardModel(LeadModel):
    updated = Signal(object)  # lead_progress.Progress
    exported = Signal(object)  # lead_export.Exported
    record_written = Signal(str)  # path

    def __init__(self, *args: Any, clock=utcnow, **kwargs: Any) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.clock = clock
        self.campaign_id: str | None = None
        self._in_flight = False
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)

    def set_campaign(self, campaign_id: str | None) -> None:
        self.campaign_id = campaign_id
        self.refresh()

    def start(self) -> None:
        self.timer.start()
        self.refresh()

    def stop(self) -> None:
        self.timer.stop()

    def refresh(self) -> None:
        campaign_id = self.campaign_id
        if campaign_id is None or self._in_flight:
            return
        self._in_flight = True
        now = self.clock()
        self.run(
            lambda ws: lead_progress.progress(ws, campaign_id, now=now), self._updated, self._refresh_failed
        )

    def _updated(self, progress: lead_progress.Progress) -> None:
        self._in_flight = False
        if progress.campaign_id == self.campaign_id:
            self.updated.emit(progress)

    def _refresh_failed(self, exc: BaseException) -> None:
        self._in_flight = False
        from desktop.viewmodels.lead_base import error_code

        self.failed.emit(error_code(exc))

    def export(self, path: str | Path) -> None:
        campaign_id = self.campaign_id
        if campaign_id is not None:
            self.run(lambda ws: lead_export.export_results(ws, campaign_id, Path(path)), self.exported.emit)

    def write_record(self, path: str | Path) -> None:
        campaign_id = self.campaign_id
        if campaign_id is not None:
            self.run(
                lambda ws: str(lead_record.write_record(ws, campaign_id, Path(path))),
                self.record_written.emit,
            )


class SlicesModel(LeadModel):
    loaded = Signal(list)  # list[SliceInfo]
    people = Signal(list)  # list[(id, label, role)]
    changed = Signal(object)  # SlicesChanged

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.campaign_id: str | None = None

    def set_campaign(self, campaign_id: str | None) -> None:
        self.campaign_id = campaign_id
        self.refresh()

    def refresh(self) -> None:
        from desktop.storage import people_store

        campaign_id = self.campaign_id
        self.run(lambda ws: [(p[0], p[1], p[2]) for p in people_store.people(ws.conn)], self.people.emit)
        if campaign_id is not None:
            self.run(lambda ws: lead_slices.list_slices(ws, campaign_id), self.loaded.emit)

    def split(self, holders: Sequence[lead_slices.Holder], until: datetime) -> None:
        campaign_id = self.campaign_id
        if campaign_id is not None:
            self.run(lambda ws: lead_slices.split(ws, campaign_id, list(holders), until=until), self._changed)

    def release(self, slice_id: str) -> None:
        self.run(lambda ws: lead_slices.release(ws, slice_id), self._changed)

    def extend(self, slice_info: lead_slices.SliceInfo, until: datetime) -> None:
        holder = lead_slices.Holder(slice_info.holder or "", slice_info.label, slice_info.holder_kind)
        self.run(lambda ws: lead_slices.reserve(ws, slice_info.id, holder, until=until), self._changed)

    def _changed(self, changed: lead_slices.SlicesChanged) -> None:
        self.changed.emit(changed)
        self.loaded.emit(list(changed.slices))


class EndModel(LeadModel):
    previewed = Signal(object)  # lead_end.EndPreview
    ended = Signal(object)  # lead_end.CampaignEnded

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.campaign_id: str | None = None

    def set_campaign(self, campaign_id: str | None) -> None:
        self.campaign_id = campaign_id
        self.refresh()

    def refresh(self) -> None:
        campaign_id = self.campaign_id
        if campaign_id is not None:
            self.run(lambda ws: lead_end.end_preview(ws, campaign_id), self.previewed.emit)

    def end(self, *, accept_unsynced: bool) -> None:
        campaign_id = self.campaign_id
        if campaign_id is not None:
            self.run(
                lambda ws: lead_end.end_campaign(ws, campaign_id, accept_unsynced=accept_unsynced),
                self._ended,
            )

    def _ended(self, ended: lead_end.CampaignEnded) -> None:
        self.ended.emit(ended)
        self.refresh()
