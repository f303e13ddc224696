"""Translations of the stable label ids of the domain (report flow steps, outcomes, empty-queue reasons)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from desktop.domain.queue import SkipReason
from desktop.domain.report_flow import RecapItem, StepId
from desktop.services.clearance_gate import GateStatus
from desktop.views.dialing import mask_number
from sync.core.rules import Outcome

RECAP_TEXT_MAX = 40  # characters of a message or answer shown in a recap line (the bar stays narrow)


def flow_label(label_id: str) -> str:
    table = {
        "report.objection": QCoreApplication.translate("ReportFlow", "Please don't call again"),
        "report.reached": QCoreApplication.translate("ReportFlow", "Did you reach the person?"),
        "report.reached.yes": QCoreApplication.translate("ReportFlow", "Yes"),
        "report.reached.no": QCoreApplication.translate("ReportFlow", "No"),
        "report.could_talk": QCoreApplication.translate("ReportFlow", "Could you talk now?"),
        "report.could_talk.yes": QCoreApplication.translate("ReportFlow", "Yes"),
        "report.could_talk.no": QCoreApplication.translate("ReportFlow", "No, call back"),
        "report.failure_reason": QCoreApplication.translate("ReportFlow", "Why not?"),
        "report.failure_reason.no_pickup": QCoreApplication.translate("ReportFlow", "No answer"),
        "report.failure_reason.busy": QCoreApplication.translate("ReportFlow", "Busy"),
        "report.failure_reason.wrong_number": QCoreApplication.translate("ReportFlow", "Wrong number"),
        "report.failure_reason.not_available": QCoreApplication.translate(
            "ReportFlow", "Someone else answered / not available"
        ),
        "report.failure_reason.not_in_service": QCoreApplication.translate(
            "ReportFlow", "Number not in service"
        ),
        "report.voicemail": QCoreApplication.translate("ReportFlow", "Did you leave a voicemail?"),
        "report.voicemail.yes": QCoreApplication.translate("ReportFlow", "Yes"),
        "report.voicemail.no": QCoreApplication.translate("ReportFlow", "No"),
        "report.call_back": QCoreApplication.translate("ReportFlow", "When should we call back?"),
        "report.call_back.later_today": QCoreApplication.translate("ReportFlow", "Later today"),
        "report.call_back.tomorrow": QCoreApplication.translate("ReportFlow", "Tomorrow"),
        "report.call_back.in_three_days": QCoreApplication.translate("ReportFlow", "In three days"),
        "report.call_back.next_week": QCoreApplication.translate("ReportFlow", "Next week"),
        "report.call_back.pick": QCoreApplication.translate("ReportFlow", "Pick date and time"),
        "report.call_back.none": QCoreApplication.translate("ReportFlow", "No call-back"),
        "report.call_back_at": QCoreApplication.translate("ReportFlow", "Call back at (Enter confirms)"),
        "report.which_number.wrong": QCoreApplication.translate("ReportFlow", "Which number is wrong?"),
        "report.which_number.not_in_service": QCoreApplication.translate(
            "ReportFlow", "Which number is not in service?"
        ),
        "report.which_number.first": QCoreApplication.translate("ReportFlow", "The first"),
        "report.which_number.second": QCoreApplication.translate("ReportFlow", "The second"),
        "report.which_number.both": QCoreApplication.translate("ReportFlow", "Both"),
        "report.organizer_action": QCoreApplication.translate(
            "ReportFlow", "Does the organizer need to do something?"
        ),
        "report.organizer_action.yes": QCoreApplication.translate("ReportFlow", "Yes"),
        "report.organizer_action.no": QCoreApplication.translate("ReportFlow", "No"),
        "report.organizer_message": QCoreApplication.translate(
            "ReportFlow", "Message to the organizer (only they see it; Enter confirms)"
        ),
        "report.note": QCoreApplication.translate("ReportFlow", "Note (optional; Enter confirms)"),
        "report.note.warning": QCoreApplication.translate(
            "ReportFlow", "Do not write down health, political opinions or anything about other people."
        ),
        "report.question": QCoreApplication.translate("ReportFlow", "Question"),
        "report.question.yes": QCoreApplication.translate("ReportFlow", "Yes"),
        "report.question.no": QCoreApplication.translate("ReportFlow", "No"),
        "report.question.option": QCoreApplication.translate("ReportFlow", "Option"),
        "report.question.skip": QCoreApplication.translate("ReportFlow", "Skip"),
        "report.question.confirm": QCoreApplication.translate("ReportFlow", "Confirm"),
        "report.done": QCoreApplication.translate(
            "ReportFlow", "Summary: a digit changes that answer, Enter saves."
        ),
        "report.recap": QCoreApplication.translate("ReportFlow", "Change"),
        "report.save": QCoreApplication.translate("ReportFlow", "Save"),
    }
    return table.get(label_id, label_id)


def outcome_label(outcome: Outcome) -> str:
    table = {
        Outcome.REACHED: QCoreApplication.translate("Outcome", "Reached"),
        Outcome.NO_PICKUP: QCoreApplication.translate("Outcome", "No answer"),
        Outcome.BUSY: QCoreApplication.translate("Outcome", "Busy"),
        Outcome.CALL_BACK: QCoreApplication.translate("Outcome", "Reached, call back"),
        Outcome.NOT_AVAILABLE: QCoreApplication.translate("Outcome", "Not available"),
        Outcome.VOICEMAIL: QCoreApplication.translate("Outcome", "Voicemail left"),
        Outcome.WRONG_NUMBER: QCoreApplication.translate("Outcome", "Wrong number"),
        Outcome.OBJECTION: QCoreApplication.translate("Outcome", "Please don't call again"),
        Outcome.NOT_IN_SERVICE: QCoreApplication.translate("Outcome", "Number not in service"),
    }
    return table[outcome]


def clearance_explanation(gate: GateStatus) -> str:
    """What is missing for the clearance, in the order of the party's letter, and what to do next."""
    missing = set(gate.missing) | ({gate.reason} if gate.reason else set())
    steps = [
        (
            bool(missing & {"no_resolution", "resolution_expired", "not_responsible"}),
            QCoreApplication.translate("Clearance", "Board resolution naming 1–3 responsible persons"),
        ),
        (
            "no_training" in missing,
            QCoreApplication.translate("Clearance", "Training and exercises completed"),
        ),
        (
            "no_declaration" in missing,
            QCoreApplication.translate("Clearance", "Signed data-protection declaration received"),
        ),
    ]
    lines = []
    if gate.missing:  # the central office told us which steps are missing
        lines = [("✗ " if is_missing else "✓ ") + text for is_missing, text in steps]
    todo = {
        "no_resolution": QCoreApplication.translate(
            "Clearance",
            "Your board passes a resolution that names 1–3 responsible persons for the "
            "phone campaign; send it to the central office.",
        ),
        "resolution_expired": QCoreApplication.translate(
            "Clearance",
            "The resolution has expired or does not cover this purpose: please "
            "pass a new one and send it to the central office.",
        ),
        "not_responsible": QCoreApplication.translate(
            "Clearance", "You are not named as a responsible person in the resolution. Please ask your board."
        ),
        "no_training": QCoreApplication.translate(
            "Clearance", "Sign up for the training and complete it with its exercises."
        ),
        "no_declaration": QCoreApplication.translate(
            "Clearance", "Send the signed data-protection declaration to the central office."
        ),
        "revoked": QCoreApplication.translate(
            "Clearance", "The central office has revoked the clearance. Please ask them."
        ),
        "not_enrolled": QCoreApplication.translate(
            "Clearance",
            "This PC is not yet enrolled with the central office. A responsible person "
            "enrols it with a one-time code.",
        ),
        "pledge_no_pledge": QCoreApplication.translate(
            "Clearance",
            "You have not signed the confidentiality pledge on this PC. A responsible person admits you.",
        ),
        "pledge_rejected": QCoreApplication.translate(
            "Clearance",
            "The central office did not confirm your confidentiality pledge. Please talk to your call lead.",
        ),
        "pledge_pending_expired": QCoreApplication.translate(
            "Clearance",
            "Your provisional period has ended and the central office has not yet confirmed your pledge. "
            "Please talk to your call lead.",
        ),
    }
    actions = [todo[r] for r in (gate.missing or (gate.reason,)) if r in todo]
    if not actions:
        actions = [
            QCoreApplication.translate(
                "Clearance", "The clearance on this PC has expired. Connect to the internet and synchronise."
            )
        ]
    lines.append("")
    lines.extend(QCoreApplication.translate("Clearance", "What to do: %1").replace("%1", a) for a in actions)
    reasons = set(gate.missing or (gate.reason,))
    if reasons & {"revoked", "pledge_rejected"}:
        # right after a revocation nothing becomes visible by itself: a person has to act first (#15.4)
        lines.append(
            QCoreApplication.translate(
                "Clearance",
                "The numbers stay hidden until the central office grants a new clearance; "
                "then they become visible after the next synchronisation.",
            )
        )
    else:
        lines.append(
            QCoreApplication.translate(
                "Clearance", "Once this is done, the numbers become visible after the next synchronisation."
            )
        )
    return "\n".join(lines)


def when_text(moment: datetime) -> str:
    """A call-back moment as the caller reads it, in local time with the weekday (German: "Sa., 05.12.2026,
    10:00 Uhr")."""
    fmt = QCoreApplication.translate("When", "ddd, dd.MM.yyyy, HH:mm")
    return QLocale().toString(QDateTime(moment.astimezone()), fmt)


def _short(text: str) -> str:
    return text if len(text) <= RECAP_TEXT_MAX else text[: RECAP_TEXT_MAX - 1].rstrip() + "…"


def recap_text(item: RecapItem) -> str:
    """One line of the recap: the topic and the answer (data shown as plain text, shortened)."""
    yes = QCoreApplication.translate("Recap", "yes")
    no = QCoreApplication.translate("Recap", "no")
    match item.topic:
        case StepId.REACHED:
            assert item.outcome is not None
            return QCoreApplication.translate("Recap", "Result: %1").replace(
                "%1", outcome_label(item.outcome)
            )
        case StepId.CALL_BACK:
            if item.when is None:
                return QCoreApplication.translate("Recap", "Call-back: none")
            return QCoreApplication.translate("Recap", "Call-back: %1").replace("%1", when_text(item.when))
        case StepId.WHICH_NUMBER:
            return QCoreApplication.translate("Recap", "Number: %1").replace(
                "%1", " + ".join(mask_number(n) for n in item.numbers)
            )
        case StepId.ORGANIZER_ACTION:
            if not item.flag:
                return QCoreApplication.translate("Recap", "To the organizer: %1").replace("%1", no)
            if not item.text:
                return QCoreApplication.translate("Recap", "To the organizer: %1").replace("%1", yes)
            return QCoreApplication.translate("Recap", "To the organizer: “%1”").replace(
                "%1", _short(item.text)
            )
        case StepId.NOTE:
            return QCoreApplication.translate("Recap", "Note: %1").replace(
                "%1", QCoreApplication.translate("Recap", "written") if item.flag else no
            )
        case StepId.QUESTION:
            assert item.question is not None
            answer = item.answer
            if answer is None:
                value = QCoreApplication.translate("Recap", "skipped")
            elif isinstance(answer, bool):
                value = yes if answer else no
            elif isinstance(answer, tuple):
                value = ", ".join(answer)
            else:
                value = answer
            return _short(item.question.prompt) + ": " + _short(value)
    return item.topic.value  # pragma: no cover


def skip_reason_label(reason: SkipReason) -> str:
    table = {
        SkipReason.KNOWN_PERSONALLY: QCoreApplication.translate("Skip", "I know this person personally"),
        SkipReason.LANGUAGE: QCoreApplication.translate(
            "Skip", "Someone who speaks their language should call"
        ),
        SkipReason.PHONE_TROUBLE: QCoreApplication.translate("Skip", "Phone or headset trouble"),
        SkipReason.OTHER: QCoreApplication.translate("Skip", "Another reason"),
    }
    return table[reason]
