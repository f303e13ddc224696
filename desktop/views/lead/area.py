"""The call lead's area: one campaign chooser on top, and a tab per task (screens.md §4).

    LeadArea(db: TaskRunner, workspace: Workspace, parent=None)

Tabs: Aktion vorbereiten · Liste einlesen · Liste aufteilen · Fortschritt · Aktion beenden. Every database call
goes through ``db`` (the workspace is only a handle passed into tasks). ``start_calling_requested(campaign_id)``
asks the main window to switch to the calling screen for that campaign. Callers never reach this widget.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from desktop.domain.clock import utcnow
from desktop.services.lead import CampaignChanged, CampaignInfo
from desktop.tasks import TaskRunner
from desktop.viewmodels.lead_base import CampaignListModel, Workspace
from desktop.viewmodels.lead_campaign import CampaignEditorModel
from desktop.viewmodels.lead_import import ImportModel
from desktop.viewmodels.lead_progress import DashboardModel, EndModel, SlicesModel
from desktop.views.lead import texts
from desktop.views.lead.campaign_editor import CampaignEditor
from desktop.views.lead.dashboard import Dashboard
from desktop.views.lead.end_view import EndView
from desktop.views.lead.import_wizard import ImportWizard
from desktop.views.lead.slices_view import SlicesView


class LeadArea(QWidget):
    start_calling_requested = Signal(str)  # campaign id
    pause_requested = Signal()  # lock the screen (also Ctrl+L, on every screen)
    campaigns_changed = Signal()

    TAB_PREPARE, TAB_IMPORT, TAB_SLICES, TAB_PROGRESS, TAB_END = range(5)

    def __init__(
        self, db: TaskRunner, workspace: Workspace, parent: QWidget | None = None, *, clock=utcnow
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

        self.tabs = QTabWidget(self)
        self.editor = CampaignEditor(workspace.person.label, self.tabs)
        self.wizard = ImportWizard(self.import_model, self.tabs)
        self.slices = SlicesView(self.slices_model, clock, self.tabs)
        self.dashboard = Dashboard(self.dashboard_model, self.tabs)
        self.end_view = EndView(self.end_model, self.tabs)
        self.tabs.addTab(self.editor, self.tr("Prepare campaign"))
        self.tabs.addTab(self.wizard, self.tr("Import list"))
        self.tabs.addTab(self.slices, self.tr("Share out list"))
        self.tabs.addTab(self.dashboard, self.tr("Progress"))
        self.tabs.addTab(self.end_view, self.tr("End campaign"))
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
        self.refresh()

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
