"""The call lead's area: one campaign chooser on top, and a tab per task (screens.md §4).

    LeadArea(db: TaskRunner, workspace: Workspace, parent=None)

Tabs: Aktion vorbereiten · Liste einlesen · Liste aufteilen · Fortschritt · Aktion beenden · Personen. Above them,
only while the PC clock jumped too far to be believed (#15.7), a notice with „Uhr bestätigen“. Every database call
goes through ``db`` (the workspace is only a handle passed into tasks). ``start_calling_requested(campaign_id)``
asks the main window to switch to the calling screen for that campaign. Callers never reach this widget.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.clock import utcnow
from desktop.services.lead import CampaignChanged, CampaignInfo
from desktop.tasks import TaskRunner
from desktop.viewmodels.lead_base import CampaignListModel, Workspace
from desktop.viewmodels.lead_campaign import CampaignEditorModel
from desktop.viewmodels.lead_import import ImportModel
from desktop.viewmodels.lead_progress import DashboardModel, EndModel, SlicesModel
from desktop.viewmodels.people import ClockConfirmed, PeopleModel
from desktop.views.lead import texts
from desktop.views.lead.campaign_editor import CampaignEditor
from desktop.views.lead.dashboard import Dashboard
from desktop.views.lead.end_view import EndView
from desktop.views.lead.import_wizard import ImportWizard
from desktop.views.lead.people_view import PeopleView
from desktop.views.lead.slices_view import SlicesView


def _scrolling(page: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.viewport().setAutoFillBackground(False)  # the page looks as it did inside the tab
    page.setAutoFillBackground(False)
    return area


class LeadArea(QWidget):
    start_calling_requested = Signal(str)  # campaign id
    pause_requested = Signal()  # lock the screen (also Ctrl+L, on every screen)
    campaigns_changed = Signal()

    TAB_PREPARE, TAB_IMPORT, TAB_SLICES, TAB_PROGRESS, TAB_END, TAB_PEOPLE = range(6)

    def __init__(
        self,
        db: TaskRunner,
        workspace: Workspace,
        parent: QWidget | None = None,
        *,
        clock=utcnow,
        lang: str = "de",
    ) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setObjectName("leadArea")
        self.db = db
        self.infos: list[CampaignInfo] = []
        self._select_after_load: str | None = None

        self.campaign_model = CampaignListModel(db, workspace, self)
        self.editor_model = CampaignEditorModel(db, workspace, self)
        self.import_model = ImportModel(db, workspace, self)
        self.slices_model = SlicesModel(db, workspace, self)
        self.dashboard_model = DashboardModel(db, workspace, self, clock=clock)
        self.end_model = EndModel(db, workspace, self)
        self.people_model = PeopleModel(db, workspace, self, clock=clock)

        root = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Campaign:"), self))
        self.chooser = QComboBox(self)
        self.chooser.setMinimumContentsLength(30)
        self.chooser.setAccessibleName(self.tr("Campaign"))
        self.new_button = QPushButton(self.tr("New campaign"), self)
        self.call_button = QPushButton(self.tr("Start calling"), self)
        top.addWidget(self.chooser, 1)
        self.pause_button = QPushButton(self.tr("Break (Ctrl+L)"), self)
        self.pause_button.setAccessibleName(self.tr("Take a break: locks the screen"))
        self.pause_button.clicked.connect(self.pause_requested)
        top.addWidget(self.new_button)
        top.addWidget(self.call_button)
        top.addWidget(self.pause_button)
        root.addLayout(top)
        root.addWidget(self._clock_notice())

        self.tabs = QTabWidget(self)
        self.editor = CampaignEditor(workspace.person.label, self.tabs)
        self.wizard = ImportWizard(self.import_model, self.tabs)
        self.slices = SlicesView(self.slices_model, clock, self.tabs)
        self.dashboard = Dashboard(self.dashboard_model, self.tabs)
        self.end_view = EndView(self.end_model, self.tabs)
        self.people = PeopleView(self.people_model, lang, self._purpose, self.tabs)
        # each page scrolls rather than pushing the window beyond a 1024×768 office screen
        self.tabs.addTab(_scrolling(self.editor), self.tr("Prepare campaign"))
        self.tabs.addTab(_scrolling(self.wizard), self.tr("Import list"))
        self.tabs.addTab(_scrolling(self.slices), self.tr("Share out list"))
        self.tabs.addTab(_scrolling(self.dashboard), self.tr("Progress"))
        self.tabs.addTab(_scrolling(self.end_view), self.tr("End campaign"))
        self.tabs.addTab(_scrolling(self.people), self.tr("People"))
        root.addWidget(self.tabs, 1)

        self.campaign_model.loaded.connect(self._campaigns_loaded)
        self.chooser.currentIndexChanged.connect(self._chosen)
        self.new_button.clicked.connect(self.new_campaign)
        self.call_button.clicked.connect(self._start_calling)
        self.editor.save_requested.connect(self._save)
        self.editor_model.problems.connect(self.editor.show_problems)
        self.editor_model.saved.connect(self._saved)
        self.editor_model.failed.connect(lambda code: self.editor.show_error(texts.error_text(code)))
        self.editor_model.loaded.connect(self._loaded_for_editor)
        self.wizard.imported.connect(lambda _done: self.refresh())
        self.end_model.ended.connect(lambda _e: self.refresh())
        self.people_model.clock_state.connect(self._show_clock)
        self.people_model.clock_confirmed.connect(self._clock_confirmed)
        self.refresh()
        self.people_model.check_clock()

    # ------------------------------------------------------------------ the PC clock (#15.7)

    def _clock_notice(self) -> QFrame:
        self.clock_frame = QFrame(self)
        self.clock_frame.setObjectName("clockNotice")
        self.clock_frame.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self.clock_frame)
        self.clock_text = QLabel("", self.clock_frame)
        self.clock_text.setWordWrap(True)
        row.addWidget(self.clock_text, 1)
        self.clock_button = QPushButton(self.tr("Confirm clock …"), self.clock_frame)
        self.clock_button.setAccessibleName(self.tr("Confirm that the PC clock is right"))
        self.clock_yes = QPushButton(self.tr("Yes, date and time are right"), self.clock_frame)
        self.clock_no = QPushButton(self.tr("No"), self.clock_frame)
        for button in (self.clock_button, self.clock_yes, self.clock_no):
            row.addWidget(button)
        self.clock_button.clicked.connect(self._ask_clock)
        self.clock_yes.clicked.connect(self._confirm_clock)
        self.clock_no.clicked.connect(self.people_model.check_clock)
        self.clock_frame.setVisible(False)
        self.clock_reading: datetime | None = None
        return self.clock_frame

    def _show_clock(self, reading: datetime | None) -> None:
        self.clock_reading = reading
        self.clock_frame.setVisible(reading is not None)
        self.clock_button.setVisible(True)
        self.clock_button.setEnabled(True)
        self.clock_yes.setVisible(False)
        self.clock_no.setVisible(False)
        if reading is not None:
            self.clock_text.setText(
                self.tr(
                    "This PC's clock says %1, much later than the last confirmed time. Until it is confirmed "
                    "nothing is deleted because of it (campaigns that would have ended stay). If the clock is "
                    "wrong, set it right or synchronise; if it is right, confirm it."
                ).replace("%1", QLocale().toString(reading.astimezone(), QLocale.FormatType.ShortFormat))
            )

    def _ask_clock(self) -> None:
        self.clock_text.setText(
            self.tr(
                "Is today really %1? After confirming, campaigns past their end are deleted from this PC as "
                "planned. This cannot be undone."
            ).replace(
                "%1",
                QLocale().toString(
                    (self.clock_reading or utcnow()).astimezone().date(), QLocale.FormatType.LongFormat
                ),
            )
        )
        self.clock_button.setVisible(False)
        self.clock_yes.setVisible(True)
        self.clock_no.setVisible(True)
        self.clock_yes.setFocus()

    def _confirm_clock(self) -> None:
        self.clock_yes.setEnabled(False)
        self.people_model.confirm_clock()

    def _clock_confirmed(self, result: ClockConfirmed) -> None:
        """Stays in view (the lead sees what happened) until the next check."""
        self.clock_reading = None
        self.clock_yes.setEnabled(True)
        for button in (self.clock_button, self.clock_yes, self.clock_no):
            button.setVisible(False)
        self.clock_text.setText(
            self.tr("The PC clock is confirmed. Campaigns whose contact data was deleted now: %1.").replace(
                "%1", str(result.campaigns_ended + result.central_wiped)
            )
        )
        self.refresh()

    def _purpose(self) -> str:
        info = self._info(self.campaign_id)
        return info.campaign.purpose if info is not None else "invitation"

    # ------------------------------------------------------------------ campaigns

    @property
    def campaign_id(self) -> str | None:
        data = self.chooser.currentData()
        return str(data) if data else None

    def refresh(self) -> None:
        self.campaign_model.refresh()

    def _campaigns_loaded(self, infos: list[CampaignInfo]) -> None:
        keep = self._select_after_load or self.campaign_id
        self._select_after_load = None
        self.infos = infos
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for info in infos:
            self.chooser.addItem(
                self.tr("%1 (%2, %3 people)")
                .replace("%1", info.campaign.title)
                .replace("%2", texts.campaign_status_label(info.status))
                .replace("%3", str(info.contacts)),
                info.campaign.id,
            )
        index = self.chooser.findData(keep) if keep else -1
        if index < 0 and infos:
            active = [i for i, info in enumerate(infos) if info.status != "ended"]
            index = active[-1] if active else len(infos) - 1
        self.chooser.setCurrentIndex(index)
        self.chooser.blockSignals(False)
        self._chosen()
        self.campaigns_changed.emit()

    def _info(self, campaign_id: str | None) -> CampaignInfo | None:
        return next((i for i in self.infos if i.campaign.id == campaign_id), None)

    def _chosen(self, *_args: object) -> None:
        cid = self.campaign_id
        info = self._info(cid)
        if info is not None:
            self.editor.load(info)
        elif not self.infos:
            self.editor.start_new()
        if self.wizard.model.campaign_id != cid or self.wizard.stack.currentIndex() == ImportWizard.PAGE_FILE:
            self.wizard.restart(cid if info is not None and info.status != "ended" else None)
        self.slices_model.set_campaign(cid)
        self.dashboard_model.set_campaign(cid)
        self.end_model.set_campaign(cid)
        self.call_button.setEnabled(info is not None and info.status != "ended" and info.contacts > 0)

    def new_campaign(self) -> None:
        self.editor.start_new()
        self.tabs.setCurrentIndex(self.TAB_PREPARE)
        self.editor.title.setFocus()

    def _save(self, values: dict, is_new: bool, resolution: object, grace: int) -> None:  # type: ignore[type-arg]
        self.editor_model.save(values, is_new=is_new, resolution=resolution, grace_days=grace)  # type: ignore[arg-type]

    def _saved(self, changed: CampaignChanged) -> None:
        self.editor.show_saved(changed)
        self._select_after_load = changed.campaign.id
        self.refresh()

    def _loaded_for_editor(self, info: CampaignInfo | None) -> None:
        self.editor.load(info)

    def _start_calling(self) -> None:
        if self.campaign_id:
            self.start_calling_requested.emit(self.campaign_id)
