"""The campaign editor's presenter: validate a draft (pure, on the GUI thread: no I/O), render the live preview,
save through the database runner (create or update), and report what changed."""

from __future__ import annotations

from PySide6.QtCore import Signal

from desktop.domain.models import Campaign
from desktop.domain.script import render_script
from desktop.services import lead
from desktop.viewmodels.lead_base import LeadModel
from sync.core.purposes import DEFAULT_PURPOSE, PURPOSES


class CampaignEditorModel(LeadModel):
    saved = Signal(object)  # lead.CampaignChanged
    problems = Signal(list)  # list[lead.Problem]
    loaded = Signal(object)  # lead.CampaignInfo | None

    def load(self, campaign_id: str | None) -> None:
        if campaign_id is None:
            self.loaded.emit(None)
            return
        self.run(lambda ws: lead.campaign_info(ws, campaign_id), self.loaded.emit)

    @staticmethod
    def validate(values: dict[str, object]) -> tuple[Campaign | None, list[lead.Problem]]:
        return lead.build_campaign(values)

    @staticmethod
    def preview_html(values: dict[str, object], caller_name: str) -> str:
        """The script as a caller would see it for an invented person (never a real one)."""
        purpose = str(values.get("purpose") or DEFAULT_PURPOSE)
        title = str(values.get("title") or "").strip()[:120] or "–"
        campaign = Campaign(title=title, purpose=purpose if purpose in PURPOSES else DEFAULT_PURPOSE)
        return render_script(
            campaign,
            contact=lead.SAMPLE_CONTACT,
            caller_name=caller_name,
            template=str(values.get("script") or ""),
        ).html

    def save(
        self, values: dict[str, object], *, is_new: bool, resolution: lead.Resolution | None, grace_days: int
    ) -> bool:
        """Validate and, when valid, store. Returns False (and emits ``problems``) when the draft is invalid."""
        campaign, problems = self.validate(values)
        if campaign is None:
            self.problems.emit(problems)
            return False
        if is_new:
            self.run(
                lambda ws: lead.create_campaign(ws, campaign, resolution=resolution, grace_days=grace_days),
                self.saved.emit,
            )
        else:
            self.run(
                lambda ws: lead.update_campaign(ws, campaign, resolution=resolution, grace_days=grace_days),
                self.saved.emit,
            )
        return True
