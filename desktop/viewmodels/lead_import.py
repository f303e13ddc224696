"""The import wizard's presenter: plan (header) → check (whole file, with progress) → commit (one transaction,
with progress). All file and database work runs on the database runner; progress arrives by queued signal."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal

from desktop.services import lead_import
from desktop.viewmodels.lead_base import LeadModel, error_code, safe_emitter
from sync.core import memberfile


class ImportModel(LeadModel):
    planned = Signal(object)  # memberfile.ImportPlan
    plan_failed = Signal(str)  # error code ("file:<code>" / "lead:<code>")
    check_progress = Signal(int, int)
    checked = Signal(object)  # memberfile.ImportResult
    check_failed = Signal(str)
    commit_progress = Signal(int, int)
    committed = Signal(object)  # lead_import.ImportDone
    commit_failed = Signal(str)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.campaign_id: str | None = None
        self.path: Path | None = None
        self.mapping: dict[str | int, Any] = {}
        self.assume_category: str | None = None
        self.plan: memberfile.ImportPlan | None = None
        self.result: memberfile.ImportResult | None = None
        self._cancel = threading.Event()

    def reset(self, campaign_id: str | None) -> None:
        self.campaign_id = campaign_id
        self.path = None
        self.mapping = {}
        self.assume_category = None
        self.plan = None
        self.result = None

    # ------------------------------------------------------------------ steps

    def choose_file(self, path: str | Path) -> None:
        self.path = Path(path)
        self.mapping = {}
        self.assume_category = None
        self.replan()

    def override(self, column_index: int, target: str | None) -> None:
        """The lead maps column ``column_index`` (0-based) to ``target`` (a field / role value, or None)."""
        self.mapping[column_index] = target
        self.replan()

    def set_assumed_category(self, category: str | None) -> None:
        self.assume_category = category
        self.replan()

    def replan(self) -> None:
        campaign_id, path, mapping, assume = (
            self.campaign_id,
            self.path,
            dict(self.mapping),
            self.assume_category,
        )
        if campaign_id is None or path is None:
            return
        self.result = None

        def work(ws):  # type: ignore[no-untyped-def]
            return lead_import.plan_import(
                ws, campaign_id, path, mapping=mapping or None, assume_category=assume
            )

        self.run(work, self._planned, lambda exc: self.plan_failed.emit(error_code(exc)))

    def _planned(self, plan: memberfile.ImportPlan) -> None:
        self.plan = plan
        self.planned.emit(plan)

    def check(self) -> None:
        """Read the whole file (nothing is written); progress by ``check_progress``."""
        campaign_id, path, mapping, assume = (
            self.campaign_id,
            self.path,
            dict(self.mapping),
            self.assume_category,
        )
        assert campaign_id is not None and path is not None
        self._cancel.clear()
        cancel = self._cancel
        check_progress = safe_emitter(self.check_progress)

        def work(ws):  # type: ignore[no-untyped-def]
            return lead_import.check_import(
                ws,
                campaign_id,
                path,
                mapping=mapping or None,
                assume_category=assume,
                progress=check_progress,
                cancelled=cancel.is_set,
            )

        self.run(work, self._checked, lambda exc: self.check_failed.emit(error_code(exc)))

    def _checked(self, result: memberfile.ImportResult) -> None:
        self.result = result
        self.checked.emit(result)

    def commit(self) -> None:
        """Insert the checked records: one transaction, all or nothing; progress by ``commit_progress``."""
        campaign_id, result = self.campaign_id, self.result
        assert campaign_id is not None and result is not None
        self._cancel.clear()
        cancel = self._cancel
        commit_progress = safe_emitter(self.commit_progress)

        def work(ws):  # type: ignore[no-untyped-def]
            return lead_import.commit_import(
                ws, campaign_id, result, progress=commit_progress, cancelled=cancel.is_set
            )

        self.run(work, self._committed, lambda exc: self.commit_failed.emit(error_code(exc)))

    def _committed(self, done: lead_import.ImportDone) -> None:
        self.result = None  # the records are in the workspace now; do not keep a copy in memory
        self.committed.emit(done)

    def cancel(self) -> None:
        self._cancel.set()
