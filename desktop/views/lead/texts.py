"""Sentences and labels for the lead's screens: the lower layers only know codes; these are the words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.services.lead import Problem


def purpose_label(purpose_id: str) -> str:
    labels = {
        "invitation": QCoreApplication.translate("LeadTexts", "Invitation / election campaign"),
        "keep-in-touch": QCoreApplication.translate("LeadTexts", "Keep in touch"),
        "survey": QCoreApplication.translate("LeadTexts", "Member survey"),
    }
    return labels.get(purpose_id, purpose_id)


def field_label(field: str) -> str:
    labels = {
        "first_name": QCoreApplication.translate("LeadTexts", "First name"),
        "last_name": QCoreApplication.translate("LeadTexts", "Last name"),
        "phone": QCoreApplication.translate("LeadTexts", "Phone"),
        "phone2": QCoreApplication.translate("LeadTexts", "Second phone"),
        "locality": QCoreApplication.translate("LeadTexts", "Town"),
        "district": QCoreApplication.translate("LeadTexts", "District"),
        "postcode": QCoreApplication.translate("LeadTexts", "Postcode"),
        "category": QCoreApplication.translate("LeadTexts", "Category"),
        "consent_date": QCoreApplication.translate("LeadTexts", "Consent date"),
    }
    return labels.get(field, field)


def category_label(category: str) -> str:
    labels = {
        "member": QCoreApplication.translate("LeadTexts", "Members"),
        "former_member": QCoreApplication.translate("LeadTexts", "Former members"),
        "regular_contact": QCoreApplication.translate("LeadTexts", "Regular contacts"),
        "consent": QCoreApplication.translate("LeadTexts", "Others with consent"),
    }
    return labels.get(category, category)


def status_label(status: str) -> str:
    labels = {
        "open": QCoreApplication.translate("LeadTexts", "Open"),
        "done": QCoreApplication.translate("LeadTexts", "Reached, done"),
        "objection": QCoreApplication.translate("LeadTexts", "Objection"),
        "wrong_number": QCoreApplication.translate("LeadTexts", "Wrong number"),
        "not_in_service": QCoreApplication.translate("LeadTexts", "Number not in service"),
        "organizer_action": QCoreApplication.translate("LeadTexts", "Organizer action"),
    }
    return labels.get(status, status)


def outcome_label(outcome: str) -> str:
    labels = {
        "reached": QCoreApplication.translate("LeadTexts", "Reached"),
        "no_pickup": QCoreApplication.translate("LeadTexts", "No answer"),
        "busy": QCoreApplication.translate("LeadTexts", "Busy"),
        "call_back": QCoreApplication.translate("LeadTexts", "Call back later"),
        "not_available": QCoreApplication.translate("LeadTexts", "Not available"),
        "voicemail": QCoreApplication.translate("LeadTexts", "Voicemail left"),
        "wrong_number": QCoreApplication.translate("LeadTexts", "Wrong number"),
        "objection": QCoreApplication.translate("LeadTexts", "Please don't call again"),
        "not_in_service": QCoreApplication.translate("LeadTexts", "Number not in service"),
    }
    return labels.get(outcome, outcome)


def campaign_status_label(status: str) -> str:
    labels = {
        "active": QCoreApplication.translate("LeadTexts", "running"),
        "draft": QCoreApplication.translate("LeadTexts", "draft"),
        "ended": QCoreApplication.translate("LeadTexts", "ended"),
    }
    return labels.get(status, status)


def problem_text(p: Problem) -> str:
    """One sentence per problem of a campaign draft."""
    n = str((p.index or 0) + 1)
    texts = {
        ("title", "missing"): QCoreApplication.translate("LeadTexts", "Please give the campaign a title."),
        ("title", "too_long"): QCoreApplication.translate(
            "LeadTexts", "The title is too long (at most 120 characters)."
        ),
        ("period", "end_missing"): QCoreApplication.translate(
            "LeadTexts", "Please set an end date: the call list is deleted after it."
        ),
        ("period", "end_before_start"): QCoreApplication.translate(
            "LeadTexts", "The campaign ends before it starts."
        ),
        ("script", "unknown_placeholder"): QCoreApplication.translate(
            "LeadTexts", "The script uses unknown placeholders: %1"
        ).replace("%1", p.value),
        ("transparency", "missing"): QCoreApplication.translate(
            "LeadTexts", 'Please write the answer to "Where do you have my number from?".'
        ),
        ("question", "prompt_missing"): QCoreApplication.translate(
            "LeadTexts", "Question %1 has no text."
        ).replace("%1", n),
        ("question", "prompt_too_long"): QCoreApplication.translate(
            "LeadTexts", "Question %1 is too long (at most 300 characters)."
        ).replace("%1", n),
        ("question", "options_count"): QCoreApplication.translate(
            "LeadTexts", "Question %1: a choice needs 2 to 9 options, one per line."
        ).replace("%1", n),
        ("question", "options_not_allowed"): QCoreApplication.translate(
            "LeadTexts", "Question %1: only choice questions have options."
        ).replace("%1", n),
        ("question", "options_blank_or_twice"): QCoreApplication.translate(
            "LeadTexts", "Question %1: an option is empty or appears twice."
        ).replace("%1", n),
        ("question", "duplicate_id"): QCoreApplication.translate(
            "LeadTexts", "Question %1 appears twice."
        ).replace("%1", n),
        ("question", "invalid"): QCoreApplication.translate(
            "LeadTexts", "Question %1 is not complete."
        ).replace("%1", n),
        ("calling_hours", "window_order"): QCoreApplication.translate(
            "LeadTexts", "Calling hours: on one day the start is not before the end."
        ),
        ("calling_hours", "no_day"): QCoreApplication.translate(
            "LeadTexts", "Calling hours: choose at least one day."
        ),
        ("cooldown_hours", "out_of_range"): QCoreApplication.translate(
            "LeadTexts", "The pause between attempts is out of range."
        ),
        ("max_attempts", "out_of_range"): QCoreApplication.translate(
            "LeadTexts", "Attempts per person: 1 to 10."
        ),
        ("note_max_length", "out_of_range"): QCoreApplication.translate(
            "LeadTexts", "Note length: 20 to 500 characters."
        ),
        ("goal_reached", "out_of_range"): QCoreApplication.translate(
            "LeadTexts", "The goal must be at least 1."
        ),
        ("categories", "invalid"): QCoreApplication.translate(
            "LeadTexts", "Choose at least one group of people."
        ),
        ("purpose", "unknown"): QCoreApplication.translate("LeadTexts", "Choose a purpose."),
    }
    return texts.get(
        (p.field, p.code), QCoreApplication.translate("LeadTexts", "Please check the campaign's settings.")
    )


def error_text(code: str) -> str:
    """A sentence for an error code of the lead's view models ('lead:x', 'file:x', 'workspace:x', 'os:x', 'bug')."""
    kind, _, detail = code.partition(":")
    if kind == "file":
        return file_error_text(detail)
    lead_texts = {
        "not_a_lead": QCoreApplication.translate(
            "LeadTexts", "Only a responsible person (lead) may do this."
        ),
        "unknown_campaign": QCoreApplication.translate("LeadTexts", "This campaign no longer exists."),
        "campaign_ended": QCoreApplication.translate("LeadTexts", "This campaign has ended."),
        "no_clearance": QCoreApplication.translate(
            "LeadTexts",
            "Members can be imported only with a valid clearance of the central office for this purpose. "
            "Set this PC up with the central office (one-time code) and synchronise; script, questions and "
            "rules can be prepared already.",
        ),
        "campaign_from_central_office": QCoreApplication.translate(
            "LeadTexts", "This campaign comes from the central office and is changed there."
        ),
        "purpose_fixed": QCoreApplication.translate(
            "LeadTexts",
            "The purpose cannot change once the list is imported: a new purpose needs a new list.",
        ),
        "invalid_campaign": QCoreApplication.translate("LeadTexts", "Please check the campaign's settings."),
        "stale_check": QCoreApplication.translate(
            "LeadTexts", "The campaign changed after the file was checked. Please check the file again."
        ),
        "category_not_allowed": QCoreApplication.translate(
            "LeadTexts", "The file contains people of a group this campaign may not call."
        ),
        "nothing_to_split": QCoreApplication.translate(
            "LeadTexts", "Nobody on the list is free to share out."
        ),
        "no_holders": QCoreApplication.translate("LeadTexts", "Choose who gets a share."),
        "holder_twice": QCoreApplication.translate("LeadTexts", "Somebody was chosen twice."),
        "deadline_in_past": QCoreApplication.translate("LeadTexts", "The deadline must lie in the future."),
        "slice_released": QCoreApplication.translate(
            "LeadTexts", "This share went back to the list already. Share out again instead."
        ),
        "unknown_slice": QCoreApplication.translate("LeadTexts", "This share no longer exists."),
        "too_many_responsible": QCoreApplication.translate(
            "LeadTexts", "A resolution names at most three responsible persons."
        ),
        "grace_days_out_of_range": QCoreApplication.translate("LeadTexts", "Grace period: 0 to 30 days."),
        "unsynced_reports": QCoreApplication.translate(
            "LeadTexts", "Some results are not yet with the central office."
        ),
    }
    if kind == "lead":
        return lead_texts.get(detail, QCoreApplication.translate("LeadTexts", "That was refused."))
    if kind == "os":
        return QCoreApplication.translate("LeadTexts", "The file could not be written. Nothing was changed.")
    return QCoreApplication.translate("LeadTexts", "Something went wrong. Nothing was changed.")


def file_error_text(code: str) -> str:
    texts = {
        "empty_file": QCoreApplication.translate("LeadTexts", "The file is empty."),
        "file_too_large": QCoreApplication.translate("LeadTexts", "The file is too large (at most 50 MB)."),
        "file_unreadable": QCoreApplication.translate("LeadTexts", "The file could not be opened."),
        "not_text": QCoreApplication.translate(
            "LeadTexts", "This is not a CSV text file (it contains binary data). Choose a CSV or XLSX file."
        ),
        "undecodable": QCoreApplication.translate(
            "LeadTexts", "The text encoding of the file could not be read. Save it as CSV (UTF-8)."
        ),
        "xls_unsupported": QCoreApplication.translate(
            "LeadTexts", "Old Excel files (.xls) are not supported: save the list as .xlsx or CSV."
        ),
        "not_xlsx": QCoreApplication.translate(
            "LeadTexts", "The file is named .xlsx but is not an Excel workbook."
        ),
        "xlsx_invalid": QCoreApplication.translate("LeadTexts", "The Excel workbook is damaged."),
        "xlsx_too_large": QCoreApplication.translate(
            "LeadTexts", "The Excel workbook unpacks to too much data."
        ),
        "csv_malformed": QCoreApplication.translate("LeadTexts", "The CSV file is malformed."),
        "no_header": QCoreApplication.translate("LeadTexts", "The file has no header row with column names."),
        "no_name_column": QCoreApplication.translate(
            "LeadTexts", "No name column was found that this purpose allows."
        ),
        "no_phone_column": QCoreApplication.translate("LeadTexts", "No phone number column was found."),
        "missing_category_column": QCoreApplication.translate(
            "LeadTexts", "The file has no category column: confirm below who is in it."
        ),
        "no_data_rows": QCoreApplication.translate("LeadTexts", "The file has a header but no data rows."),
        "too_many_rows": QCoreApplication.translate(
            "LeadTexts", "The file has too many rows (at most 500,000)."
        ),
        "too_many_columns": QCoreApplication.translate("LeadTexts", "The file has too many columns."),
        "invalid_option": QCoreApplication.translate("LeadTexts", "This column choice is not possible."),
        "cancelled": QCoreApplication.translate("LeadTexts", "Cancelled. Nothing was changed."),
    }
    return texts.get(code, QCoreApplication.translate("LeadTexts", "The file cannot be imported."))


def row_problem_text(code: str) -> str:
    texts = {
        "phone_unparseable": QCoreApplication.translate("LeadTexts", "Not a phone number"),
        "phone_invalid": QCoreApplication.translate("LeadTexts", "Phone number not valid"),
        "phone_premium_rate": QCoreApplication.translate("LeadTexts", "Premium-rate number, not called"),
        "phone_scientific_notation": QCoreApplication.translate(
            "LeadTexts", "Number mangled by a spreadsheet (digits lost)"
        ),
        "no_valid_phone": QCoreApplication.translate("LeadTexts", "No valid phone number: not imported"),
        "no_name": QCoreApplication.translate("LeadTexts", "No name: not imported"),
        "category_missing": QCoreApplication.translate("LeadTexts", "Category empty: not imported"),
        "category_unknown": QCoreApplication.translate("LeadTexts", "Category unknown: not imported"),
        "category_not_allowed": QCoreApplication.translate(
            "LeadTexts", "Group not allowed for this campaign: not imported"
        ),
        "consent_date_missing": QCoreApplication.translate("LeadTexts", "No consent date: not imported"),
        "consent_date_invalid": QCoreApplication.translate(
            "LeadTexts", "Consent date not valid: not imported"
        ),
        "row_too_long": QCoreApplication.translate("LeadTexts", "More values than columns: not imported"),
        "value_too_long": QCoreApplication.translate("LeadTexts", "A value is too long: not imported"),
        "formula_no_cached_value": QCoreApplication.translate(
            "LeadTexts", "Formula without a result: not imported"
        ),
        "cell_error": QCoreApplication.translate("LeadTexts", "Spreadsheet error value: not imported"),
        "same_phone": QCoreApplication.translate("LeadTexts", "Same number as row %1: merged"),
        "same_name_postcode": QCoreApplication.translate(
            "LeadTexts", "Same name and postcode as row %1: merged"
        ),
    }
    return texts.get(code, code)


def drop_reason_text(reason: str) -> str:
    texts = {
        "not_a_contact_field": QCoreApplication.translate("LeadTexts", "not needed for calling"),
        "not_in_purpose": QCoreApplication.translate("LeadTexts", "not allowed for this purpose"),
        "duplicate_column": QCoreApplication.translate("LeadTexts", "a second column for the same field"),
    }
    return texts.get(reason, reason)
