"""Words of the web interface: German first, English second (screens.md "Words").

One dict per key with both languages; placeholders are ``{name}`` fields for ``str.format`` (never f-strings),
and a test checks that both languages use the same placeholders. Service errors are not here: they carry a code
and parameters, and their sentences live in one catalogue, sync.server.messages (issue 14.8).
"""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("de", "en")
DEFAULT = "de"

T: dict[str, dict[str, str]] = {
    # frame
    "app": {"de": "Telefonaktion · Bundesgeschäftsstelle", "en": "Telefonaktion · central office"},
    "skip": {"de": "Zum Inhalt springen", "en": "Skip to content"},
    "nav": {"de": "Bereiche", "en": "Sections"},
    "signed_in_as": {"de": "Angemeldet: {name}", "en": "Signed in: {name}"},
    "sign_out": {"de": "Abmelden", "en": "Sign out"},
    "language": {"de": "Sprache", "en": "Language"},
    "show": {"de": "Anzeigen", "en": "Show"},
    "org": {"de": "Gliederung", "en": "Local unit"},
    "choose_org": {"de": "Bitte eine Gliederung wählen.", "en": "Please choose a local unit."},
    "no_orgs": {"de": "Noch keine Gliederung angelegt.", "en": "No local unit yet."},
    "none_yet": {"de": "Noch keine Einträge.", "en": "Nothing here yet."},
    "optional": {"de": "(freiwillig)", "en": "(optional)"},
    "back": {"de": "Zurück", "en": "Back"},
    "yes": {"de": "ja", "en": "yes"},
    "no": {"de": "nein", "en": "no"},
    "never": {"de": "noch nie", "en": "never"},
    "details": {"de": "Details", "en": "Details"},
    "id": {"de": "Kennung", "en": "Id"},
    # navigation
    "nav_home": {"de": "Übersicht", "en": "Overview"},
    "nav_orgs": {"de": "Gliederungen", "en": "Local units"},
    "nav_persons": {"de": "Personen", "en": "Persons"},
    "nav_resolutions": {"de": "Beschlüsse", "en": "Resolutions"},
    "nav_pledges": {"de": "Verpflichtungen", "en": "Pledges"},
    "nav_devices": {"de": "Geräte", "en": "Devices"},
    "nav_campaigns": {"de": "Telefonaktionen", "en": "Campaigns"},
    "nav_health": {"de": "Synchronisierung", "en": "Sync health"},
    "nav_export": {"de": "Ergebnisse", "en": "Results"},
    # sign-in
    "login_title": {"de": "Anmelden", "en": "Sign in"},
    "login_name": {"de": "Name", "en": "Name"},
    "login_password": {"de": "Passwort", "en": "Password"},
    "login_code": {"de": "Einmalcode aus der App", "en": "One-time code from the app"},
    "login_code_hint": {
        "de": "Nur wenn für dich eingerichtet: 6 Ziffern.",
        "en": "Only if set up for you: 6 digits.",
    },
    "login_button": {"de": "Anmelden", "en": "Sign in"},
    "login_invalid": {
        "de": "Anmeldung fehlgeschlagen. Bitte prüfe Name, Passwort und Einmalcode.",
        "en": "Sign-in failed. Please check name, password and one-time code.",
    },
    "login_throttled": {
        "de": "Zu viele Fehlversuche. Bitte warte {seconds} Sekunden und versuche es dann noch einmal.",
        "en": "Too many failed attempts. Please wait {seconds} seconds, then try again.",
    },
    "session_ended": {
        "de": "Deine Sitzung ist abgelaufen. Bitte melde dich neu an.",
        "en": "Your session has ended. Please sign in again.",
    },
    "signed_out": {"de": "Du bist abgemeldet.", "en": "You are signed out."},
    "csrf_title": {"de": "Formular abgelaufen", "en": "Form expired"},
    "csrf_text": {
        "de": "Dieses Formular ist nicht mehr gültig. Bitte lade die Seite neu und versuche es noch einmal.",
        "en": "This form is no longer valid. Please reload the page and try again.",
    },
    "form_flood_title": {"de": "Zu viele Formularfelder", "en": "Too many form fields"},
    "form_flood_text": {
        "de": "Zu viele Formularfelder: So ein Formular gibt es hier nicht. Nichts wurde geändert.",
        "en": "Too many form fields: no form here has that many. Nothing was changed.",
    },
    "not_found_title": {"de": "Nicht gefunden", "en": "Not found"},
    "not_found_text": {
        "de": "Diese Seite oder diesen Eintrag gibt es nicht.",
        "en": "This page or entry does not exist.",
    },
    # home
    "home_title": {"de": "Übersicht", "en": "Overview"},
    "home_orgs": {"de": "{count} Gliederungen", "en": "{count} local units"},
    "home_pledges": {
        "de": "{count} Verpflichtungen warten auf Entscheidung",
        "en": "{count} pledges wait for a decision",
    },
    "home_devices": {"de": "{count} aktive Geräte", "en": "{count} active devices"},
    "home_problems": {
        "de": "{count} Geräte mit Lücken, abgelehnten Einträgen oder Brüchen im Protokoll",
        "en": "{count} devices with gaps, rejected items or audit-chain breaks",
    },
    "home_steps": {"de": "Der Weg zur Freigabe", "en": "The way to a clearance"},
    "home_step1": {
        "de": "Beschluss des Vorstands mit 1–3 Verantwortlichen eintragen",
        "en": "Record the board resolution naming 1–3 responsible persons",
    },
    "home_step2": {
        "de": "Schulung und Datenschutzbelehrung der Verantwortlichen eintragen",
        "en": "Record the training and data-protection declaration of the responsible persons",
    },
    "home_step3": {
        "de": "Einmalcode für das Gerät erstellen; nach der Synchronisierung gilt die Freigabe",
        "en": "Create a one-time code for the device; the clearance arrives with the next sync",
    },
    "home_step4": {"de": "Anrufliste für einen Zweck freigeben", "en": "Release a call list for a purpose"},
    # orgs
    "orgs_title": {"de": "Gliederungen", "en": "Local units"},
    "orgs_name": {"de": "Name", "en": "Name"},
    "orgs_persons": {"de": "Personen", "en": "Persons"},
    "orgs_devices": {"de": "aktive Geräte", "en": "active devices"},
    "orgs_pending": {"de": "offene Verpflichtungen", "en": "pending pledges"},
    "orgs_add": {"de": "Gliederung anlegen", "en": "Add a local unit"},
    "orgs_add_hint": {"de": "z. B. Kreisverband Musterstadt", "en": "e.g. Kreisverband Musterstadt"},
    "orgs_add_button": {"de": "Anlegen", "en": "Add"},
    "done_org_added": {"de": "Gliederung angelegt.", "en": "Local unit added."},
    # persons
    "persons_title": {"de": "Personen", "en": "Persons"},
    "persons_name": {"de": "Name", "en": "Name"},
    "persons_training": {"de": "Schulung", "en": "Training"},
    "persons_declaration": {"de": "Datenschutzbelehrung", "en": "Data-protection declaration"},
    "persons_resolutions": {"de": "gültige Beschlüsse", "en": "valid resolutions"},
    "persons_clearance": {"de": "Freigabe", "en": "Clearance"},
    "persons_revoked_on": {"de": "widerrufen am {date}", "en": "revoked on {date}"},
    "persons_not_revoked": {"de": "nicht widerrufen", "en": "not revoked"},
    "persons_record": {"de": "Eintragen …", "en": "Record …"},
    "persons_add": {"de": "Person anlegen", "en": "Add a person"},
    "persons_add_button": {"de": "Anlegen", "en": "Add"},
    "persons_renewal": {"de": "Erneuerung fällig am {date}", "en": "renewal due on {date}"},
    "persons_since": {"de": "vom {date}", "en": "of {date}"},
    "done_person_added": {"de": "Person angelegt.", "en": "Person added."},
    "standing_missing": {"de": "fehlt", "en": "missing"},
    "standing_valid": {"de": "gültig", "en": "valid"},
    "standing_expiring": {"de": "Erneuerung bald fällig", "en": "expiring soon"},
    "standing_renewal_overdue": {"de": "Erneuerung überfällig", "en": "renewal overdue"},
    # person
    "person_title": {"de": "Person: {name}", "en": "Person: {name}"},
    "person_training_form": {"de": "Schulung eintragen", "en": "Record a training"},
    "person_training_date": {"de": "Abgeschlossen am", "en": "Completed on"},
    "person_declaration_form": {"de": "Datenschutzbelehrung eintragen", "en": "Record a declaration"},
    "person_signed_on": {"de": "Unterschrieben am", "en": "Signed on"},
    "person_text_version": {"de": "Textfassung", "en": "Text version"},
    "person_document": {"de": "Ablage / Aktenzeichen", "en": "Document reference"},
    "person_record_button": {"de": "Eintragen", "en": "Record"},
    "person_revoke_link": {
        "de": "Alle Freigaben dieser Person widerrufen …",
        "en": "Revoke all clearances of this person …",
    },
    "person_enrol_link": {
        "de": "Einmalcode für ein Gerät dieser Person …",
        "en": "One-time code for a device of this person …",
    },
    "done_training_recorded": {"de": "Schulung eingetragen.", "en": "Training recorded."},
    "done_declaration_recorded": {"de": "Datenschutzbelehrung eingetragen.", "en": "Declaration recorded."},
    "done_clearance_revoked": {
        "de": "Freigaben widerrufen. Die Geräte erfahren es bei der nächsten Synchronisierung.",
        "en": "Clearances revoked. Devices learn of it at their next sync.",
    },
    "revoke_person_title": {"de": "Freigaben widerrufen: {name}", "en": "Revoke clearances: {name}"},
    "revoke_person_text": {
        "de": "Alle Freigaben dieser Person werden widerrufen. Auf ihren Geräten werden die "
        "Nummern bei der nächsten Synchronisierung verborgen und die Kontaktdaten "
        "gelöscht. Das lässt sich nicht rückgängig machen.",
        "en": "All clearances of this person are revoked. Their devices hide the numbers at the "
        "next sync and wipe the contact data. This cannot be undone.",
    },
    "revoke_confirm": {"de": "Ja, widerrufen", "en": "Yes, revoke"},
    "revoke_check": {
        "de": "Ich habe verstanden, dass sich das nicht rückgängig machen lässt.",
        "en": "I understand that this cannot be undone.",
    },
    "revoke_unchecked": {
        "de": "Bitte bestätige den Widerruf mit dem Häkchen.",
        "en": "Please confirm the revocation with the checkbox.",
    },
    # resolutions
    "resolutions_title": {"de": "Beschlüsse", "en": "Resolutions"},
    "res_decided_on": {"de": "Beschluss vom", "en": "Decided on"},
    "res_body": {"de": "Gremium", "en": "Body"},
    "res_body_hint": {"de": "z. B. Kreisvorstand", "en": "e.g. Kreisvorstand (district board)"},
    "res_purposes": {"de": "Zwecke", "en": "Purposes"},
    "res_valid_until": {"de": "Gültig bis", "en": "Valid until"},
    "res_valid_until_hint": {
        "de": "Leer: ein Jahr nach dem Beschluss.",
        "en": "Empty: one year after the resolution.",
    },
    "res_state": {"de": "Stand", "en": "State"},
    "res_responsible": {"de": "Verantwortliche", "en": "Responsible persons"},
    "res_responsible_legend": {"de": "Verantwortliche (1 bis 3)", "en": "Responsible persons (1 to 3)"},
    "res_document": {"de": "Ablage / Aktenzeichen", "en": "Document reference"},
    "res_add": {"de": "Beschluss eintragen", "en": "Record a resolution"},
    "res_add_button": {"de": "Beschluss eintragen", "en": "Record resolution"},
    "res_no_persons": {
        "de": "Diese Gliederung hat noch keine Personen: bitte zuerst unter „Personen“ anlegen.",
        "en": "This unit has no persons yet: please add them under “Persons” first.",
    },
    "res_state_valid": {"de": "gültig", "en": "valid"},
    "res_state_expired": {"de": "abgelaufen", "en": "expired"},
    "res_state_not_yet": {"de": "noch nicht gültig", "en": "not yet valid"},
    "done_resolution_added": {"de": "Beschluss eingetragen.", "en": "Resolution recorded."},
    # pledges
    "pledges_title": {"de": "Verpflichtungen auf Vertraulichkeit", "en": "Confidentiality pledges"},
    "pledges_intro": {
        "de": "Von Verantwortlichen vor Ort zugelassene Anrufer*innen. Bis zur Bestätigung arbeiten "
        "sie vorläufig unter der Freigabe der Verantwortlichen.",
        "en": "Callers admitted on the spot by a lead. Until confirmed they work provisionally under "
        "the lead's clearance.",
    },
    "pledges_volunteer": {"de": "Anrufer*in", "en": "Caller"},
    "pledges_signed_at": {"de": "unterschrieben", "en": "signed"},
    "pledges_text_version": {"de": "Textfassung", "en": "Text version"},
    "pledges_admitted_by": {"de": "zugelassen von", "en": "admitted by"},
    "pledges_decide": {"de": "Entscheidung", "en": "Decision"},
    "pledges_confirm": {"de": "Bestätigen", "en": "Confirm"},
    "pledges_reject": {"de": "Ablehnen", "en": "Reject"},
    "pledges_none": {
        "de": "Keine Verpflichtung wartet auf Entscheidung.",
        "en": "No pledge waits for a decision.",
    },
    "done_pledge_confirmed": {"de": "Verpflichtung bestätigt.", "en": "Pledge confirmed."},
    "done_pledge_rejected": {"de": "Verpflichtung abgelehnt.", "en": "Pledge rejected."},
    # devices
    "devices_title": {"de": "Geräte", "en": "Devices"},
    "dev_name": {"de": "Gerät", "en": "Device"},
    "dev_person": {"de": "Person", "en": "Person"},
    "dev_enrolled": {"de": "angemeldet", "en": "enrolled"},
    "dev_last_sync": {"de": "letzte Synchronisierung", "en": "last sync"},
    "dev_state": {"de": "Stand", "en": "State"},
    "dev_active": {"de": "aktiv", "en": "active"},
    "dev_revoked": {"de": "widerrufen am {date}", "en": "revoked on {date}"},
    "dev_revoke": {"de": "Widerrufen …", "en": "Revoke …"},
    "dev_code_form": {"de": "Einmalcode für ein neues Gerät", "en": "One-time code for a new device"},
    "dev_code_person": {"de": "Für Person", "en": "For person"},
    "dev_code_button": {"de": "Code erstellen", "en": "Create code"},
    "dev_code_title": {"de": "Einmalcode", "en": "One-time code"},
    "dev_code_text": {
        "de": "Diesen Code am Gerät eingeben. Er gilt einmal, bis {until}, und wird hier nur jetzt "
        "angezeigt.",
        "en": "Enter this code on the device. It works once, until {until}, and is shown only now.",
    },
    "dev_code_for": {"de": "Für {person} ({org})", "en": "For {person} ({org})"},
    "revoke_device_title": {"de": "Gerät widerrufen: {name}", "en": "Revoke device: {name}"},
    "revoke_device_text": {
        "de": "Das Gerät kann sich danach nicht mehr synchronisieren; seine Freigaben werden "
        "widerrufen, es verbirgt die Nummern und löscht die Kontaktdaten. Das lässt sich "
        "nicht rückgängig machen.",
        "en": "The device can no longer sync; its clearances are revoked, it hides the numbers "
        "and wipes the contact data. This cannot be undone.",
    },
    "done_device_revoked": {"de": "Gerät widerrufen.", "en": "Device revoked."},
    # campaigns
    "campaigns_title": {"de": "Telefonaktionen", "en": "Campaigns"},
    "camp_title": {"de": "Titel", "en": "Title"},
    "camp_purpose": {"de": "Zweck", "en": "Purpose"},
    "camp_released": {"de": "freigegeben am {date}", "en": "released on {date}"},
    "camp_ends": {"de": "endet am {date}", "en": "ends on {date}"},
    "camp_total": {"de": "{count} Kontakte", "en": "{count} contacts"},
    "camp_release": {"de": "Anrufliste freigeben", "en": "Release a call list"},
    "camp_resolution": {"de": "Beschluss", "en": "Resolution"},
    "camp_categories": {"de": "Personengruppen", "en": "Categories of people"},
    "camp_ends_on": {"de": "Endet am", "en": "Ends on"},
    "camp_release_button": {"de": "Freigeben", "en": "Release"},
    "camp_no_resolution": {
        "de": "Für eine Freigabe braucht es einen gültigen Beschluss dieser Gliederung.",
        "en": "A release needs a valid resolution of this unit.",
    },
    "camp_fields": {"de": "Auf den PC kommen nur: {fields}", "en": "Only these reach the PC: {fields}"},
    "done_campaign_released": {
        "de": "Anrufliste freigegeben: {count} Kontakte.",
        "en": "Call list released: {count} contacts.",
    },
    "status_open": {"de": "offen", "en": "open"},
    "status_done": {"de": "erledigt", "en": "done"},
    "status_organizer_action": {"de": "Rückmeldung an die Orga", "en": "organizer action needed"},
    "status_wrong_number": {"de": "falsche Nummer", "en": "wrong number"},
    "status_not_in_service": {"de": "kein Anschluss", "en": "not in service"},
    "status_objection": {"de": "Widerspruch", "en": "objection"},
    "cat_member": {"de": "Mitglieder", "en": "members"},
    "cat_former_member": {"de": "ehemalige Mitglieder", "en": "former members"},
    "cat_regular_contact": {"de": "regelmäßige Kontakte", "en": "regular contacts"},
    "cat_consent": {"de": "mit Einwilligung", "en": "with consent"},
    "field_first_name": {"de": "Vorname", "en": "first name"},
    "field_last_name": {"de": "Nachname", "en": "last name"},
    "field_phone": {"de": "Telefon", "en": "phone"},
    "field_phone2": {"de": "zweite Nummer", "en": "second number"},
    "field_locality": {"de": "Ort", "en": "town"},
    "field_district": {"de": "Ortsteil", "en": "district"},
    "field_postcode": {"de": "PLZ", "en": "postcode"},
    # sync health
    "health_title": {"de": "Synchronisierung", "en": "Sync health"},
    "health_all_orgs": {"de": "alle Gliederungen", "en": "all local units"},
    "health_received": {"de": "empfangen", "en": "received"},
    "health_highest": {"de": "höchste Nummer", "en": "highest number"},
    "health_gaps": {"de": "Lücken", "en": "Gaps"},
    "health_no_gaps": {"de": "keine", "en": "none"},
    "health_rejected": {"de": "abgelehnt", "en": "rejected"},
    "health_chain": {"de": "Protokollkette", "en": "Audit chain"},
    "health_chain_ok": {"de": "intakt bis Eintrag {seq}", "en": "intact up to entry {seq}"},
    "health_chain_empty": {"de": "noch keine Einträge", "en": "no entries yet"},
    "health_chain_broken": {
        "de": "Brüche: {count}, geprüft bis Eintrag {seq}",
        "en": "breaks: {count}, checked up to entry {seq}",
    },
    "health_break": {
        "de": "Eintrag {expected}: {reason} (erhalten: {got}, {date})",
        "en": "entry {expected}: {reason} (received: {got}, {date})",
    },
    "health_items": {"de": "Abgelehnte Einträge", "en": "Rejected items"},
    "health_seq": {"de": "Nummer", "en": "Number"},
    "health_kind": {"de": "Art", "en": "Kind"},
    "health_reason": {"de": "Grund", "en": "Reason"},
    "health_when": {"de": "Zeit", "en": "Time"},
    "health_device_title": {"de": "Synchronisierung: {name}", "en": "Sync health: {name}"},
    "health_none": {"de": "Keine.", "en": "None."},
    "exposure_title": {"de": "Was auf dem Gerät war (DP-24)", "en": "What was on the device (DP-24)"},
    "exposure_text": {
        "de": "Pseudonyme Datensätze und Aktionen, die das Gerät bis zu seiner letzten Synchronisierung "
        "bekommen haben kann (Obergrenze). Ist es verloren oder widerrufen, sind das die Mitglieder, "
        "die zu informieren sind; die Zentrale ordnet die Kennungen den Mitgliedern zu.",
        "en": "Pseudonymous records and campaigns the device may have received up to its last sync (an "
        "upper bound). If it is lost or revoked, these are the members to inform; the central office maps "
        "the ids to members.",
    },
    "exposure_records": {"de": "Datensätze", "en": "Records"},
    "exposure_until": {
        "de": "auf dem Gerät lesbar bis höchstens",
        "en": "readable on the device until at most",
    },
    "exposure_campaign": {"de": "Aktion", "en": "Campaign"},
    "exposure_released": {"de": "freigegeben", "en": "released"},
    "exposure_leased": {"de": "davon reserviert", "en": "of them reserved"},
    "exposure_ids": {
        "de": "Kennungen in „{title}“ ({count})",
        "en": "Ids in “{title}” ({count})",
    },
    "exposure_none": {
        "de": "Nichts: das Gerät hat sich nie synchronisiert, nie eine Freigabe für den Zweck einer Aktion "
        "bekommen oder sich nur vor jeder Aktion synchronisiert.",
        "en": "Nothing: the device never synced, never held a clearance for a campaign's purpose, or synced only "
        "before any release.",
    },
    "reason_key_reuse": {
        "de": "Schlüssel mit anderem Inhalt wiederverwendet",
        "en": "key reused with another body",
    },
    "reason_seq_reused": {"de": "Nummer doppelt vergeben", "en": "number used twice"},
    "reason_unknown_campaign": {"de": "unbekannte Telefonaktion", "en": "unknown campaign"},
    "reason_unknown_contact": {"de": "unbekannter Kontakt", "en": "unknown contact"},
    "reason_unknown_correction": {"de": "Korrektur ohne Bezug", "en": "correction of an unknown report"},
    "reason_conflict": {"de": "Konflikt mit gespeicherten Daten", "en": "conflict with stored data"},
    "reason_time_out_of_range": {
        "de": "Zeitpunkt weit außerhalb der Aktion oder der Serveruhr",
        "en": "time far outside the campaign or the server clock",
    },
    "break_missing_entries": {"de": "Einträge fehlen", "en": "entries missing"},
    "break_wrong_prev_hash": {"de": "falsch verkettet", "en": "wrong link"},
    "break_wrong_hash": {"de": "Prüfsumme falsch", "en": "wrong hash"},
    "break_seq_repeated": {
        "de": "Nummer wiederholt (Protokoll zurückgesetzt?)",
        "en": "number repeated (log rolled back?)",
    },
    "kind_report": {"de": "Rückmeldung", "en": "report"},
    "kind_pledge": {"de": "Verpflichtung", "en": "pledge"},
    "kind_audit_event": {"de": "Protokolleintrag", "en": "audit event"},
    # export
    "export_title": {"de": "Ergebnisse herunterladen", "en": "Download results"},
    "export_intro": {
        "de": "Die Ergebnisse zurück in die Mitgliederverwaltung: nie Namen, Telefonnummern, Notizen oder "
        "Nachrichten. Jeder Download wird protokolliert.",
        "en": "The results back into the membership system: never names, phone numbers, notes or messages. "
        "Every download is logged.",
    },
    "export_format": {"de": "Format", "en": "Format"},
    "export_format_mgl": {"de": "Mitgliederverwaltung (MGL)", "en": "Membership system (MGL)"},
    "export_format_mgl_hint": {
        "de": "Eine Zeile je angerufenem Mitglied: Mitgliedsnummer, letztes Ergebnis, Datum, Widerspruch, "
        "Nummernproblem.",
        "en": "One row per member called: member number, last outcome, date, objection, number problem.",
    },
    "export_format_zetkin": {"de": "Zetkin-Personenimport", "en": "Zetkin person import"},
    "export_format_zetkin_hint": {
        "de": "Mitgliedsnummer als externe ID (ext_id), Ergebnisse als Tag-Spalten.",
        "en": "Member number as external id (ext_id), outcomes as tag columns.",
    },
    "export_format_csv": {"de": "Rückmeldungen (pseudonym)", "en": "Reports (pseudonymous)"},
    "export_format_csv_hint": {
        "de": "Eine Zeile je Rückmeldung: nur pseudonyme Kennungen und Codes.",
        "en": "One row per report: pseudonymous ids and codes only.",
    },
    "export_button": {"de": "Herunterladen", "en": "Download"},
    # campaign content (issue 14.1)
    "content_title": {"de": "Inhalt: {title}", "en": "Content: {title}"},
    "content_edit": {"de": "Leitfaden und Regeln bearbeiten", "en": "Edit script and rules"},
    "content_none": {"de": "Noch kein Inhalt", "en": "No content yet"},
    "content_version_central": {"de": "Version {version}", "en": "Version {version}"},
    "content_version_lead": {
        "de": "Version {version} (von der Verantwortlichen vor Ort angepasst)",
        "en": "Version {version} (adapted by the local call lead)",
    },
    "content_form": {"de": "Neue Version", "en": "New version"},
    "content_script": {"de": "Gesprächsleitfaden", "en": "Call script"},
    "content_script_hint": {
        "de": "Platzhalter: {placeholders}. **fett**, Zeilen mit „- “ werden Aufzählungen.",
        "en": 'Placeholders: {placeholders}. **bold**, lines starting with "- " become bullets.',
    },
    "content_preview": {"de": "Vorschau", "en": "Preview"},
    "content_preview_hint": {
        "de": "So sieht der Leitfaden für eine erfundene Person aus (Felder außerhalb des Zwecks bleiben leer). "
        "Noch nicht gespeichert.",
        "en": "The script for an invented person (fields outside the purpose stay empty). Not saved yet.",
    },
    "content_preview_button": {"de": "Vorschau zeigen", "en": "Show preview"},
    "content_transparency": {
        "de": "Antwort auf „Woher habt ihr meine Nummer?“",
        "en": 'Answer to "Where do you have my number from?"',
    },
    "content_transparency_hint": {
        "de": "Quelle, Zweck, Widerspruchsrecht und Kontakt der*des Datenschutzbeauftragten (DP-23).",
        "en": "Source, purpose, right to object and the data-protection officer's contact (DP-23).",
    },
    "content_questions": {"de": "Fragen", "en": "Questions"},
    "content_questions_hint": {
        "de": "Bis zu {max} Fragen, die Anrufende nach dem Gespräch beantworten. „Vorschau zeigen“ zeigt sie; "
        "gespeichert wird erst mit „Als neue Version speichern“.",
        "en": 'Up to {max} questions callers answer after the call. "Show preview" shows them; nothing is '
        'saved before "Save as a new version".',
    },
    "question_number": {"de": "Frage {number}", "en": "Question {number}"},
    "question_prompt": {"de": "Fragetext (Frage {number})", "en": "Question text (question {number})"},
    "question_kind": {"de": "Art der Antwort (Frage {number})", "en": "Kind of answer (question {number})"},
    "question_kind_yes_no": {"de": "Ja / Nein", "en": "Yes / no"},
    "question_kind_single": {"de": "Auswahl: eine Antwort", "en": "Choice: one answer"},
    "question_kind_multi": {"de": "Auswahl: mehrere Antworten", "en": "Choice: several answers"},
    "question_kind_text": {"de": "Freitext", "en": "Free text"},
    "question_options": {
        "de": "Antworten zur Auswahl (Frage {number})",
        "en": "Answers to choose from (question {number})",
    },
    "question_options_hint": {
        "de": "Nur bei Auswahl: 2 bis 9 Antworten, eine je Zeile. Bei Ja/Nein und Freitext leer lassen.",
        "en": "Choice only: 2 to 9 answers, one per line. Leave empty for yes/no and free text.",
    },
    "question_up": {"de": "Nach oben", "en": "Move up"},
    "question_down": {"de": "Nach unten", "en": "Move down"},
    "question_remove": {"de": "Entfernen", "en": "Remove"},
    "question_up_label": {"de": "Frage {number} nach oben", "en": "Move question {number} up"},
    "question_down_label": {"de": "Frage {number} nach unten", "en": "Move question {number} down"},
    "question_remove_label": {"de": "Frage {number} entfernen", "en": "Remove question {number}"},
    "question_add": {"de": "Frage hinzufügen", "en": "Add a question"},
    "content_rules": {"de": "Regeln", "en": "Rules"},
    "content_cooldown": {
        "de": "Pause vor dem nächsten Versuch (Stunden)",
        "en": "Pause before the next try (hours)",
    },
    "content_max_attempts": {"de": "Versuche je Person", "en": "Attempts per person"},
    "content_goal": {"de": "Ziel: so viele erreichte Personen", "en": "Goal: this many people reached"},
    "content_notes": {"de": "Notizen erlauben", "en": "Allow notes"},
    "content_notes_hint": {
        "de": "Freitext ist standardmäßig aus (DP-6) und wird nach der Synchronisierung gelöscht.",
        "en": "Free text is off by default (DP-6) and deleted after sync.",
    },
    "content_hours": {"de": "Anrufzeiten", "en": "Calling hours"},
    "content_day": {"de": "Tag", "en": "Day"},
    "content_from": {"de": "von", "en": "from"},
    "content_to": {"de": "bis", "en": "to"},
    "content_skip_holidays": {"de": "An Feiertagen nicht anrufen", "en": "No calls on public holidays"},
    "content_region": {"de": "Feiertage des Bundeslands", "en": "Public holidays of the state"},
    "content_region_none": {"de": "nur bundesweite", "en": "national ones only"},
    "content_save": {"de": "Als neue Version speichern", "en": "Save as a new version"},
    "content_history": {"de": "Versionen", "en": "Versions"},
    "content_version": {"de": "Version", "en": "Version"},
    "content_author": {"de": "von", "en": "by"},
    "content_by_central": {"de": "Bundesgeschäftsstelle", "en": "central office"},
    "content_by_lead": {"de": "Verantwortliche vor Ort", "en": "local call lead"},
    "done_content_saved": {
        "de": "Gespeichert als Version {count}. Die PCs erhalten sie bei der nächsten Synchronisierung.",
        "en": "Saved as version {count}. The PCs receive it at their next sync.",
    },
    "weekday_0": {"de": "Montag", "en": "Monday"},
    "weekday_1": {"de": "Dienstag", "en": "Tuesday"},
    "weekday_2": {"de": "Mittwoch", "en": "Wednesday"},
    "weekday_3": {"de": "Donnerstag", "en": "Thursday"},
    "weekday_4": {"de": "Freitag", "en": "Friday"},
    "weekday_5": {"de": "Samstag", "en": "Saturday"},
    "weekday_6": {"de": "Sonntag", "en": "Sunday"},
    "reason_invalid_content": {"de": "ungültiger Inhalt", "en": "invalid content"},
    "kind_content": {"de": "Inhalt", "en": "content"},
    # central progress and "end campaign" (issue 14.5)
    "nav_inbox": {"de": "Rückmeldungen", "en": "Organizer inbox"},
    "progress_link": {"de": "Fortschritt", "en": "Progress"},
    "progress_title": {"de": "Fortschritt: {title}", "en": "Progress: {title}"},
    "progress_by_status": {"de": "Personen nach Stand", "en": "Persons by status"},
    "progress_blocked": {"de": "Warum gerade niemand angerufen wird", "en": "Why people are not called now"},
    "progress_per_day": {"de": "Anrufe je Tag", "en": "Calls per day"},
    "progress_day": {"de": "Tag", "en": "Day"},
    "progress_calls": {"de": "Anrufe", "en": "Calls"},
    "progress_reached": {"de": "erreicht", "en": "reached"},
    "progress_ended": {"de": "beendet am {date}", "en": "ended on {date}"},
    "blocked_callback": {"de": "Rückruf vereinbart", "en": "call-back agreed"},
    "blocked_cooldown": {"de": "Pause vor dem nächsten Versuch", "en": "pause before the next try"},
    "blocked_attempts": {"de": "alle Versuche gemacht", "en": "all attempts made"},
    "blocked_objection": {"de": "Widerspruch", "en": "objection"},
    "blocked_number_problem": {"de": "Nummernproblem", "en": "number problem"},
    "blocked_organizer_action": {"de": "wartet auf die Orga", "en": "waiting for the organizer"},
    "blocked_reserved": {"de": "auf einem PC reserviert", "en": "reserved on a PC"},
    "progress_reserved_devices": {
        "de": "PCs mit reservierten Kontakten: {count}. Die Reservierung endet von selbst, wenn ein PC sie "
        "nicht erneuert.",
        "en": "PCs holding reserved contacts: {count}. A reservation ends by itself when the PC does not renew "
        "it.",
    },
    "end_title": {"de": "Telefonaktion beenden", "en": "End the campaign"},
    "end_text": {
        "de": "Jeder PC löscht die Kontaktdaten dieser Aktion bei seiner nächsten Synchronisierung. Noch nicht "
        "übertragene Rückmeldungen bleiben erhalten. Hier werden die Kontakte nach dem Export der Ergebnisse "
        "oder spätestens nach der Frist gelöscht.",
        "en": "Every PC wipes this campaign's contact data at its next sync. Reports not yet uploaded are kept. "
        "Here the contacts are wiped after the results export or after the grace period at the latest.",
    },
    "end_confirm": {"de": "Ja, die Aktion beenden", "en": "Yes, end the campaign"},
    "end_button": {"de": "Beenden", "en": "End"},
    "end_unchecked": {"de": "Bitte bestätigen.", "en": "Please confirm."},
    "end_done": {"de": "Diese Telefonaktion ist beendet.", "en": "This campaign has ended."},
    "end_wiped": {"de": "Die Kontakte sind gelöscht.", "en": "Its contacts are wiped."},
    "done_campaign_ended": {
        "de": "Beendet. Die PCs löschen die {count} Kontakte bei ihrer nächsten Synchronisierung.",
        "en": "Ended. The PCs wipe the {count} contacts at their next sync.",
    },
    # organizer inbox (issue 14.2)
    "inbox_title": {"de": "Rückmeldungen an die Orga", "en": "Organizer inbox"},
    "inbox_text": {
        "de": "Neueste zuerst. „Erledigt“ schließt den Kontakt, „Zurück in die Liste“ lässt ihn wieder anrufen – "
        "auf jedem PC nach der nächsten Synchronisierung.",
        "en": 'Newest first. "Done" closes the contact, "Back to the list" has it called again — on every '
        "PC after its next sync.",
    },
    "inbox_open_count": {"de": "{count} offene Rückmeldungen", "en": "{count} open organizer messages"},
    "inbox_outcome": {"de": "Ergebnis: {outcome}", "en": "Outcome: {outcome}"},
    "inbox_contact": {"de": "Kontakt {id}", "en": "contact {id}"},
    "inbox_no_message": {"de": "(ohne Nachricht)", "en": "(no message)"},
    "inbox_done": {"de": "Erledigt", "en": "Done"},
    "inbox_reopen": {"de": "Zurück in die Liste", "en": "Back to the list"},
    "inbox_resolved_done": {"de": "erledigt am {date}", "en": "done on {date}"},
    "inbox_resolved_reopen": {"de": "zurück in der Liste seit {date}", "en": "back on the list since {date}"},
    "done_inbox_done": {"de": "Erledigt.", "en": "Done."},
    "done_inbox_reopen": {"de": "Zurück in der Anrufliste.", "en": "Back on the call list."},
    "outcome_reached": {"de": "erreicht", "en": "reached"},
    "outcome_no_pickup": {"de": "nicht abgenommen", "en": "no pickup"},
    "outcome_busy": {"de": "besetzt", "en": "busy"},
    "outcome_call_back": {"de": "Rückruf gewünscht", "en": "call back"},
    "outcome_not_available": {"de": "nicht da", "en": "not available"},
    "outcome_voicemail": {"de": "Mailbox", "en": "voicemail"},
    "outcome_wrong_number": {"de": "falsche Nummer", "en": "wrong number"},
    "outcome_objection": {"de": "Widerspruch", "en": "objection"},
    "outcome_not_in_service": {"de": "kein Anschluss", "en": "not in service"},
    # form problems
    "err_date": {
        "de": "Bitte ein gültiges Datum angeben ({field}).",
        "en": "Please give a valid date ({field}).",
    },
    "err_required": {"de": "Bitte ausfüllen: {field}.", "en": "Please fill in: {field}."},
    "err_prefix": {"de": "Das ging nicht: {message}", "en": "That did not work: {message}"},
    # number problems and staff corrections (issues 13.2, 14.3)
    "nav_numbers": {"de": "Nummern", "en": "Numbers"},
    "numbers_title": {"de": "Falsche und tote Nummern", "en": "Wrong and dead numbers"},
    "numbers_text": {
        "de": "Diese Nummern werden nicht mehr herausgegeben. Eine berichtigte Nummer macht die Person wieder "
        "anrufbar: Sie kommt bei der nächsten Synchronisierung in die laufenden Telefonaktionen.",
        "en": "These numbers are no longer released. A corrected number makes the person callable again: they "
        "join the running campaigns at the next sync.",
    },
    "numbers_since": {"de": "gemeldet am {date}", "en": "reported on {date}"},
    "numbers_callable": {"de": "über eine andere Nummer erreichbar", "en": "callable on another number"},
    "numbers_blocked": {"de": "wird nicht angerufen", "en": "not called"},
    "numbers_new": {"de": "Berichtigte Nummer", "en": "Corrected number"},
    "numbers_save": {"de": "Nummer speichern", "en": "Save number"},
    "done_number_corrected": {
        "de": "Nummer berichtigt; in {count} laufende Telefonaktionen aufgenommen.",
        "en": "Number corrected; added to {count} running campaigns.",
    },
    "done_number_confirmed": {
        "de": "Nummer bestätigt; sie wird wieder herausgegeben.",
        "en": "Number confirmed; it is released again.",
    },
}


def pick_language(query_lang: str | None, cookie_lang: str | None, accept_language: str | None) -> str:
    """?lang= wins, then the remembered choice, then the browser's Accept-Language; German by default."""
    for candidate in (query_lang, cookie_lang):
        if candidate in LANGUAGES:
            return candidate
    best, best_q = DEFAULT, -1.0
    for part in (accept_language or "").split(",")[:20]:
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        code = tag.strip().lower()[:2]
        if code in LANGUAGES and q > best_q:
            best, best_q = code, q
    return best


def translate(lang: str, key: str, params: Mapping[str, object] | None = None) -> str:
    text = T[key].get(lang) or T[key][DEFAULT]
    return text.format(**params) if params else text
