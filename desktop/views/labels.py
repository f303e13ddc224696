"""Translations of the stable label ids of the domain (report flow steps, outcomes, empty-queue reasons)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.models import Outcome


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
            "ReportFlow", "Someone else answered / not available"),
        "report.failure_reason.not_in_service": QCoreApplication.translate("ReportFlow", "Number not in service"),
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
            "ReportFlow", "Which number is not in service?"),
        "report.which_number.first": QCoreApplication.translate("ReportFlow", "The first"),
        "report.which_number.second": QCoreApplication.translate("ReportFlow", "The second"),
        "report.which_number.both": QCoreApplication.translate("ReportFlow", "Both"),
        "report.organizer_action": QCoreApplication.translate(
            "ReportFlow", "Does the organizer need to do something?"),
        "report.organizer_action.yes": QCoreApplication.translate("ReportFlow", "Yes"),
        "report.organizer_action.no": QCoreApplication.translate("ReportFlow", "No"),
        "report.organizer_message": QCoreApplication.translate(
            "ReportFlow", "Message to the organizer (only they see it; Enter confirms)"),
        "report.note": QCoreApplication.translate("ReportFlow", "Note (optional; Enter confirms)"),
        "report.note.warning": QCoreApplication.translate(
            "ReportFlow", "Do not write down health, political opinions or anything about other people."),
        "report.question": QCoreApplication.translate("ReportFlow", "Question"),
        "report.question.yes": QCoreApplication.translate("ReportFlow", "Yes"),
        "report.question.no": QCoreApplication.translate("ReportFlow", "No"),
        "report.question.option": QCoreApplication.translate("ReportFlow", "Option"),
        "report.question.skip": QCoreApplication.translate("ReportFlow", "Skip"),
        "report.question.confirm": QCoreApplication.translate("ReportFlow", "Confirm"),
        "report.done": QCoreApplication.translate("ReportFlow", "All answered. Enter saves, Backspace goes back."),
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
