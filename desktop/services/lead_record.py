"""The record of processing activities for one campaign (Art. 30 GDPR, DP-22), as a readable HTML document.

For the data-protection officer: purpose, legal basis and resolution, categories of people and of data, the
recipients (the central office only), deletion deadlines, and the safeguards. The document is written in
German — the language of the party's records — whatever the UI language. It names no member: only the
campaign, the purpose's fields, counts and the labels of the responsible persons.
"""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path

from desktop.domain.calling_hours import to_berlin
from desktop.domain.models import QuestionKind
from desktop.services.lead import campaign_info, purpose_fields, require_lead
from desktop.storage import campaign_store, people_store
from desktop.storage.atomic import write_atomic
from desktop.storage.timefmt import utcnow
from desktop.storage.workspace import Workspace
from sync.core.purposes import get_purpose

FIELD_LABELS_DE = {
    "first_name": "Vorname",
    "last_name": "Nachname",
    "phone": "Telefonnummer",
    "phone2": "zweite Telefonnummer",
    "locality": "Wohnort",
    "district": "Ortsteil",
    "postcode": "Postleitzahl",
}
CATEGORY_LABELS_DE = {
    "member": "Mitglieder",
    "former_member": "ehemalige Mitglieder",
    "regular_contact": "Personen in regelmäßigem Kontakt mit der Partei",
    "consent": "sonstige Personen mit schriftlicher Einwilligung (mit Datum)",
}
KIND_LABELS_DE = {
    QuestionKind.YES_NO: "Ja/Nein",
    QuestionKind.SINGLE: "eine Auswahl",
    QuestionKind.MULTI: "Mehrfachauswahl",
    QuestionKind.TEXT: "kurzer Text",
}

_CSS = """
body { font-family: sans-serif; max-width: 52em; margin: 2em auto; line-height: 1.45; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; } td, th { text-align: left; vertical-align: top; padding: 3px 10px 3px 0; }
.muted { color: #666; }
"""


def _d(value: object) -> str:
    if value is None:
        return "—"
    if hasattr(value, "strftime"):
        return str(value.strftime("%d.%m.%Y"))
    return html.escape(str(value))


def record_html(ws: Workspace, campaign_id: str, *, now: datetime | None = None) -> str:
    now = now or utcnow()
    info = campaign_info(ws, campaign_id)
    c = info.campaign
    purpose = get_purpose(c.purpose)
    res = info.resolution
    e = html.escape
    leads = [label for _pid, label, role, _o in people_store.people(ws.conn) if role == "lead"]
    responsible = res.responsible or tuple(leads)
    fields = [FIELD_LABELS_DE[f] for f in purpose_fields(c.purpose)]
    report_data = [
        "Anrufergebnis (feste Codes, Zetkin-kompatibel)",
        "Rückrufwunsch (Datum, Uhrzeit)",
        "Hinweis „Rückmeldung an die Orga“ (Markierung und kurze Nachricht)",
        "Widerspruch „Bitte nicht mehr anrufen“ (Art. 21 DSGVO)",
        "Hinweis auf falsche oder nicht vergebene Nummer",
    ]
    if c.rules.notes_enabled:
        report_data.append(
            f"freie Notiz, höchstens {c.rules.note_max_length} Zeichen, mit Warnhinweis "
            "(keine Gesundheitsdaten, Meinungen oder Dritte)"
        )
    questions = "".join(
        f"<li>{e(q.prompt)} <span class='muted'>({KIND_LABELS_DE[q.kind]})</span></li>" for q in c.questions
    )
    if questions:
        report_data.append("Antworten auf die Fragen der Aktion:<ul>" + questions + "</ul>")
    cats = "".join(f"<li>{e(CATEGORY_LABELS_DE.get(k, k))}</li>" for k in c.categories)
    legal = [
        "Art. 6 Abs. 1 lit. f und Art. 9 Abs. 2 lit. d DSGVO (Verarbeitung durch eine politische Partei "
        "für ihre Mitglieder, ehemaligen Mitglieder und Personen in regelmäßigem Kontakt)"
    ]
    if "consent" in c.categories:
        legal.append(
            "Art. 6 Abs. 1 lit. a und Art. 9 Abs. 2 lit. a DSGVO (Einwilligung) für sonstige Personen"
        )
    wipe = info.wipe_due
    status = {"active": "läuft", "draft": "in Vorbereitung", "ended": "beendet"}.get(info.status, info.status)
    resolution_rows = (
        (
            f"<tr><th>Gremium</th><td>{e(res.body) or '—'}</td></tr>"
            f"<tr><th>Datum</th><td>{_d(res.decided_on)}</td></tr>"
            f"<tr><th>Aktenzeichen / Dokument</th><td>{e(res.reference) or '—'}</td></tr>"
        )
        if res.known
        else "<tr><td colspan='2'>Noch nicht eingetragen: bitte Beschluss des Vorstands ergänzen.</td></tr>"
    )
    central_recipients = central_deletion = ""
    if info.origin == "central":
        extra = campaign_store.get_campaign_lead(ws.conn, campaign_id) or {}
        central_recipients = (
            "\n<p>Die Anrufliste hat die Bundesgeschäftsstelle freigegeben; nur sie ordnet die pseudonyme Kennung "
            "über die Mitgliedsnummer wieder der Mitgliederverwaltung zu (die Mitgliedsnummer kommt nie auf den PC). "
            "Rückmeldungen an die Orga gehen an die Bundesgeschäftsstelle und an die Verantwortlichen der "
            "Gliederung.</p>"
        )
        if extra.get("central_free_text_days") is not None:
            central_deletion = (
                f"\n<li>Bei der Bundesgeschäftsstelle: Notizen und Nachrichten an die Orga "
                f"{int(str(extra['central_free_text_days']))} Tage nach ihrer Erledigung bzw. nach dem Ende der Aktion; "
                f"die Zuordnung zur Mitgliedsnummer nach dem Export der Ergebnisse, spätestens "
                f"{int(str(extra['central_contact_days'] or 0))} Tage nach dem Ende der Aktion. Anrufergebnisse bleiben "
                "nur mit dem, was der Export in die Mitgliederverwaltung braucht.</li>"
            )
    li = "".join
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<title>Verzeichnis von Verarbeitungstätigkeiten – {e(c.title)}</title><style>{_CSS}</style></head>
<body>
<h1>Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO)</h1>
<p>Telefonaktion <b>„{e(c.title)}“</b> · Gliederung: {e(ws.org_name) or "—"} · Stand: {_d(to_berlin(now).date())}
<br><span class="muted">Kennung der Aktion: {e(c.id)} · Status: {status}</span></p>

<h2>1. Verantwortliche Stelle</h2>
<table>
<tr><th>Gliederung</th><td>{e(ws.org_name) or "—"}</td></tr>
<tr><th>Verantwortliche*r für die Aktion</th><td>{e(", ".join(responsible)) or "—"}</td></tr>
<tr><th>Datenschutzbeauftragte*r</th><td>siehe Transparenzhinweis der Aktion</td></tr>
</table>

<h2>2. Beschluss</h2>
<table>{resolution_rows}</table>

<h2>3. Zweck und Rechtsgrundlage</h2>
<p>Zweck: <b>{e(purpose.label_de)}</b> – telefonische Ansprache für die Aktion „{e(c.title)}“,
Zeitraum {_d(c.starts_on)} bis {_d(c.ends_on)}. Die Daten werden nur für diese Aktion genutzt (Zweckbindung);
ein neuer Zweck braucht eine neue Liste.</p>
<ul>{li(f"<li>{e(x)}</li>" for x in legal)}</ul>

<h2>4. Kategorien betroffener Personen</h2>
<ul>{cats}</ul>

<h2>5. Kategorien personenbezogener Daten</h2>
<p>Auf dem PC, nur soweit der Zweck es erlaubt (Datenminimierung), unter einer zufälligen, pseudonymen Kennung
je Aktion:</p>
<ul>{li(f"<li>{e(x)}</li>" for x in fields)}</ul>
<p>Aus den Anrufen entstehen:</p>
<ul>{li(f"<li>{x}</li>" for x in report_data)}</ul>
<p class="muted">Nicht übernommen werden u. a. Anschrift, Geburtsdatum, Mitgliedsnummer, E-Mail, Bank- und
Beitragsdaten; der Import verwirft solche Spalten und nennt sie.</p>

<h2>6. Empfänger</h2>
<p>Ausschließlich die eigene Bundesgeschäftsstelle der Partei (Übermittlung der Ergebnisse unter der pseudonymen
Kennung). Keine Weitergabe an Dritte, keine Übermittlung in Drittländer.</p>{central_recipients}

<h2>7. Löschfristen</h2>
<ul>
<li>Anrufliste (Namen, Nummern, Ort): gelöscht beim Beenden der Aktion, spätestens
{info.grace_days} Tage nach ihrem Ende{(" – also am " + _d(wipe) + " bzw. am Tag danach") if wipe else ""};
auch ohne Internetverbindung, und beim Entzug der Freigabe.</li>
<li>Freie Notizen und Nachrichten an die Orga: nach der Übermittlung an die Bundesgeschäftsstelle.</li>
<li>Anrufergebnisse unter pseudonymer Kennung: nach Bestätigung durch die Bundesgeschäftsstelle und einer kurzen
Prüfzeit; nicht übermittelte Ergebnisse werden nie ohne ausdrückliche Entscheidung der*des Verantwortlichen gelöscht.</li>
<li>Reservierungen von Listenteilen verfallen, wenn sie nicht rechtzeitig bearbeitet werden.</li>{central_deletion}
</ul>

<h2>8. Technische und organisatorische Maßnahmen (Art. 32 DSGVO)</h2>
<ul>
<li>Verschlüsselung der gesamten Arbeitsdatenbank (SQLCipher 4, AES-256, zufälliger 256-Bit-Schlüssel); keine
unverschlüsselten Zwischendateien, Protokolle oder Zwischenablage-Reste.</li>
<li>Persönliche Schlüsselplätze: jede Person entsperrt mit ihrem eigenen Passwort (Argon2id); wachsende Wartezeit
nach falschen Passwörtern; automatische Sperre bei Inaktivität.</li>
<li>Freigabe durch die Bundesgeschäftsstelle (signiert, befristet, offline prüfbar): Nummern nur bei gültiger
Freigabe, Beschluss, Datenschutzbelehrung und Verpflichtung auf Vertraulichkeit.</li>
<li>Rollen: Anrufer*innen sehen nur die aktuelle Person, können nicht suchen, blättern oder exportieren.</li>
<li>Manipulationssicheres Protokoll (Hash-Kette) von Entsperren, Import, Export, Widerspruch und Löschung – nur
Kennungen, nie Inhalte; es wird an die Bundesgeschäftsstelle übertragen.</li>
<li>Sicheres Löschen (secure_delete, VACUUM) beim Ende der Aktion.</li>
</ul>
</body></html>
"""


def write_record(ws: Workspace, campaign_id: str, path: Path, *, now: datetime | None = None) -> Path:
    require_lead(ws)
    write_atomic(Path(path), record_html(ws, campaign_id, now=now).encode("utf-8"))
    return Path(path)
