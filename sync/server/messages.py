"""The one catalogue of the central office's service errors (issue 14.8): every :class:`ServiceError` carries a
stable ``code`` and its ``params``; the message is looked up here, German and English. The web interface shows
it in the reader's language; the command line, the log and the device API's ``ErrorBody.message`` take English.

Placeholders are ``{name}`` fields for ``str.format``; a parameter named ``what`` is a thing (``THINGS``) and is
translated too. The English sentences start in lower case without a final full stop: the command line
prints them after "error: ", the web page after "That did not work: ". tests/server/test_messages.py fails when a code raised anywhere in sync/server has no entry
here, or when the two languages use different placeholders. Messages never contain personal data: parameters
are ids, codes, dates and numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

LANGUAGES: Final = ("de", "en")

THINGS: dict[str, dict[str, str]] = {
    "org": {"de": "Gliederung", "en": "org"},
    "person": {"de": "Person", "en": "person"},
    "resolution": {"de": "Beschluss", "en": "resolution"},
    "campaign": {"de": "Telefonaktion", "en": "campaign"},
    "device": {"de": "Gerät", "en": "device"},
    "pledge": {"de": "Verpflichtung", "en": "pledge"},
    "organizer message": {"de": "Rückmeldung an die Orga", "en": "organizer message"},
    "staff": {"de": "Konto", "en": "staff account"},
}

MESSAGES: dict[str, dict[str, str]] = {
    # generic
    "not_found": {"de": "{what} {id} gibt es nicht.", "en": "{what} {id} not found"},
    # organisations, persons, resolutions (commands.py)
    "org_name_empty": {"de": "Der Name der Gliederung fehlt.", "en": "the org name is empty"},
    "org_exists": {
        "de": "Eine Gliederung mit diesem Namen gibt es schon.",
        "en": "an org with this name exists already",
    },
    "name_empty": {"de": "Der Name fehlt.", "en": "the name is empty"},
    "person_not_in_org": {
        "de": "Die Person {person} gehört nicht zur Gliederung {org}.",
        "en": "person {person} does not belong to org {org}",
    },
    "resolution_no_purpose": {
        "de": "Ein Beschluss braucht mindestens einen Zweck.",
        "en": "a resolution needs at least one purpose",
    },
    "unknown_purpose": {"de": "Unbekannter Zweck {purpose}.", "en": "unknown purpose {purpose}"},
    "resolution_responsible_count": {
        "de": "Ein Beschluss nennt 1 bis {max} Verantwortliche, nicht {count}.",
        "en": "a resolution names 1 to {max} responsible persons, not {count}",
    },
    "resolution_body_empty": {
        "de": "Das beschließende Gremium fehlt.",
        "en": "the deciding body is empty",
    },
    "resolution_valid_until_before": {
        "de": "„Gültig bis“ liegt vor dem Datum des Beschlusses.",
        "en": "valid-until lies before the date of the resolution",
    },
    "date_in_future": {"de": "Das Datum liegt in der Zukunft.", "en": "the date lies in the future"},
    # campaigns (commands.py, content.py)
    "campaign_title_length": {
        "de": "Der Titel muss 1 bis {max} Zeichen haben.",
        "en": "the title must have 1 to {max} characters",
    },
    "campaign_categories": {
        "de": "Bitte mindestens eine gültige Personengruppe wählen ({categories}).",
        "en": "categories must be among {categories}",
    },
    "campaign_ends_in_past": {
        "de": "Die Telefonaktion würde in der Vergangenheit enden.",
        "en": "the campaign would end in the past",
    },
    "resolution_other_org": {
        "de": "Der Beschluss gehört zu einer anderen Gliederung.",
        "en": "the resolution belongs to another org",
    },
    "resolution_not_valid_today": {
        "de": "Der Beschluss gilt heute nicht (gültig {valid_from} bis {valid_until}).",
        "en": "the resolution is not valid today (valid {valid_from} to {valid_until})",
    },
    "resolution_purpose_not_covered": {
        "de": "Der Beschluss deckt den Zweck {purpose} nicht ab.",
        "en": "the resolution does not cover the purpose {purpose}",
    },
    "campaign_no_members": {
        "de": "Die Gliederung hat in diesen Personengruppen keine Mitglieder mit Telefonnummer.",
        "en": "the org has no members with a phone number in these categories",
    },
    "campaign_ended": {"de": "Diese Telefonaktion ist beendet.", "en": "this campaign has ended"},
    "pledge_decided": {
        "de": "Über die Verpflichtung {pledge} ist schon entschieden ({status}).",
        "en": "pledge {pledge} is already {status}",
    },
    # campaign content (content.py, the content page)
    "content_script_missing": {
        "de": "Der Gesprächsleitfaden fehlt. Ohne Leitfaden und Transparenz-Antwort wird nicht angerufen.",
        "en": "the call script is missing: nobody is called without script and transparency answer",
    },
    "content_transparency_missing": {
        "de": "Die Antwort auf „Woher habt ihr meine Nummer?“ fehlt. Ohne sie wird nicht angerufen.",
        "en": 'the transparency answer ("Where do you have my number from?") is missing: nobody is called without it',
    },
    "content_script_unknown_placeholder": {
        "de": "Unbekannter Platzhalter im Leitfaden: {value}.",
        "en": "unknown placeholder in the script: {value}",
    },
    "content_questions_duplicate_id": {
        "de": "Zwei Fragen haben dieselbe Kennung.",
        "en": "two questions have the same id",
    },
    "content_invalid": {"de": "Ungültige Angabe ({where}).", "en": "invalid value ({where})"},
    "content_unknown_field": {"de": "Unbekanntes Feld {field}.", "en": "unknown content field {field}"},
    "question_id_invalid": {
        "de": "Frage {number}: Die Kennung darf nur Buchstaben, Ziffern, „_“, „.“ und „-“ enthalten (1 bis 64).",
        "en": "question {number}: the id may hold only letters, digits, _ . and - (1 to 64)",
    },
    "question_prompt_missing": {
        "de": "Frage {number}: Der Fragetext fehlt.",
        "en": "question {number}: the question text is missing",
    },
    "question_prompt_too_long": {
        "de": "Frage {number}: Der Fragetext ist länger als {max} Zeichen.",
        "en": "question {number}: the question text is longer than {max} characters",
    },
    "question_kind_unknown": {
        "de": "Frage {number}: Bitte eine Art der Antwort wählen.",
        "en": "question {number}: please choose a kind of answer",
    },
    "question_options_count": {
        "de": "Frage {number}: Eine Auswahlfrage braucht 2 bis 9 Antworten zur Auswahl, eine je Zeile (jetzt {count}).",
        "en": "question {number}: a choice question needs 2 to 9 options, one per line (now {count})",
    },
    "question_options_not_allowed": {
        "de": "Frage {number}: Nur Auswahlfragen haben Antworten zur Auswahl.",
        "en": "question {number}: only choice questions have answers to choose from",
    },
    "question_option_too_long": {
        "de": "Frage {number}: Eine Antwort ist länger als {max} Zeichen.",
        "en": "question {number}: an answer is longer than {max} characters",
    },
    "questions_too_many": {
        "de": "Höchstens {max} Fragen je Telefonaktion.",
        "en": "at most {max} questions per campaign",
    },
    # number corrections (numbers.py)
    "number_unreadable": {"de": "Das ist keine Telefonnummer.", "en": "not a phone number"},
    "number_invalid": {"de": "Diese Telefonnummer gibt es so nicht.", "en": "not a valid phone number"},
    "number_premium_rate": {
        "de": "Eine Mehrwertnummer ist keine Nummer eines Mitglieds.",
        "en": "a premium-rate number is not a member's number",
    },
    "member_not_in_org": {
        "de": "Diese Person gibt es in dieser Gliederung nicht.",
        "en": "no such person in this organisation",
    },
    "number_already_confirmed": {
        "de": "Diese Nummer hat die Person schon, und sie steht auf keiner Problemliste.",
        "en": "this number is the person's already and not on the list",
    },
    # organizer inbox, exports
    "inbox_outcome": {"de": "Unbekannte Entscheidung {outcome}.", "en": "unknown decision {outcome}"},
    "export_format": {"de": "Unbekanntes Format {format}.", "en": "unknown format {format}"},
    # staff accounts (web/auth.py)
    "staff_name_length": {
        "de": "Der Name muss 1 bis 80 Zeichen in einer Zeile haben.",
        "en": "the name must have 1 to 80 characters on one line",
    },
    "staff_password_short": {
        "de": "Das Passwort muss mindestens {min} Zeichen haben.",
        "en": "the password must have at least {min} characters",
    },
    "staff_exists": {
        "de": "Ein Konto mit diesem Namen gibt es schon.",
        "en": "a staff member with this name exists already",
    },
    # devices (device_sync.py): the codes of sync.core.protocol.ErrorCode the central office raises
    "code_expired": {
        "de": "Dieser Einmalcode ist abgelaufen: bitte einen neuen erstellen lassen.",
        "en": "this enrolment code has expired: ask for a new one",
    },
    "code_invalid": {
        "de": "Dieser Einmalcode ist unbekannt oder schon benutzt.",
        "en": "unknown or already used enrolment code",
    },
    "unauthorized": {
        "de": "Das Gerät hat sich nicht ausgewiesen (Kennung oder Geheimnis fehlt oder stimmt nicht).",
        "en": "missing or wrong device token",
    },
    "device_revoked": {
        "de": "Dieses Gerät wurde von der Bundesgeschäftsstelle widerrufen.",
        "en": "this device has been revoked by the central office",
    },
    "malformed": {"de": "Die Anfrage ist fehlerhaft ({where}).", "en": "malformed request ({where})"},
    "device_cloned": {
        "de": "Eine zweite Kopie dieses Arbeitsbereichs synchronisiert unter derselben Gerätekennung: dieses "
        "Gerät muss neu angemeldet werden.",
        "en": "a second copy of this workspace syncs under the same device identity: enrol this device again",
    },
}


def message(code: str, params: Mapping[str, object] | None = None, lang: str = "en") -> str:
    """The sentence for ``code`` in ``lang`` (KeyError for a code without an entry: a test catches that)."""
    entry = MESSAGES[code]
    values = dict(params or {})
    what = values.get("what")
    if isinstance(what, str) and what in THINGS:
        values["what"] = THINGS[what][lang]
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text
