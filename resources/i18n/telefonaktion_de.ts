<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AddPersonDialog</name>
    <message>
        <source>Add a person</source>
        <translation>Person hinzufügen</translation>
    </message>
    <message>
        <source>Hand the keyboard to the new person. They choose their own passphrase (nobody else needs to know it) and sign the confidentiality pledge.</source>
        <translation>Gib die Tastatur der neuen Person. Sie wählt ihr eigenes Passwort (niemand sonst muss es kennen) und unterschreibt die Verpflichtung auf Vertraulichkeit.</translation>
    </message>
    <message>
        <source>First name and initial, e.g. Jonas K.</source>
        <translation>Vorname und Initiale, z. B. Jonas K.</translation>
    </message>
    <message>
        <source>Name shown on this PC</source>
        <translation>Name auf diesem PC</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Your passphrase</source>
        <translation>Dein Passwort</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <source>Strength of the passphrase</source>
        <translation>Stärke des Passworts</translation>
    </message>
    <message>
        <source>Name on this PC</source>
        <translation>Name auf diesem PC</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>A responsible person may also prepare campaigns, import lists, add and remove people on this PC.</source>
        <translation>Verantwortliche dürfen außerdem Aktionen vorbereiten, Listen einlesen und Personen auf diesem PC hinzufügen und entfernen.</translation>
    </message>
    <message>
        <source>Confidentiality pledge</source>
        <translation>Verpflichtung auf Vertraulichkeit</translation>
    </message>
    <message>
        <source>I have read the pledge and will keep it.</source>
        <translation>Ich habe die Verpflichtung gelesen und halte mich daran.</translation>
    </message>
    <message>
        <source>Signature: your full name</source>
        <translation>Unterschrift: dein vollständiger Name</translation>
    </message>
    <message>
        <source>Signature (full name)</source>
        <translation>Unterschrift (vollständiger Name)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>Person hinzufügen</translation>
    </message>
    <message>
        <source>Saving …</source>
        <translation>Wird gespeichert …</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Change passphrase …</source>
        <translation>Passwort ändern …</translation>
    </message>
    <message>
        <source>Change your own passphrase</source>
        <translation>Dein eigenes Passwort ändern</translation>
    </message>
</context>
<context>
    <name>CallerView</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <source>Call with the phone of this PC</source>
        <translation>Mit dem Telefon dieses PCs anrufen</translation>
    </message>
    <message>
        <source>Earlier attempts</source>
        <translation>Frühere Versuche</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>Leitfaden</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>No calls yet in this shift</source>
        <translation>Noch keine Anrufe in dieser Schicht</translation>
    </message>
    <message>
        <source>Your shift</source>
        <translation>Deine Schicht</translation>
    </message>
    <message>
        <source>Correct (F2)</source>
        <translation>Korrigieren (F2)</translation>
    </message>
    <message>
        <source>Correct the last report (F2)</source>
        <translation>Letzten Bericht korrigieren (F2)</translation>
    </message>
    <message>
        <source>Break (Ctrl+L)</source>
        <translation>Pause (Strg+L)</translation>
    </message>
    <message>
        <source>Take a break: locks the screen</source>
        <translation>Pause machen: sperrt den Bildschirm</translation>
    </message>
    <message>
        <source>End shift</source>
        <translation>Schicht beenden</translation>
    </message>
    <message>
        <source>End shift and sign out</source>
        <translation>Schicht beenden und abmelden</translation>
    </message>
    <message>
        <source>Admit a volunteer</source>
        <translation>Person hinzufügen</translation>
    </message>
    <message>
        <source>Admit a volunteer (responsible persons only)</source>
        <translation>Person hinzufügen (nur Verantwortliche)</translation>
    </message>
    <message>
        <source>Prepare campaigns</source>
        <translation>Aktion vorbereiten</translation>
    </message>
    <message>
        <source>Prepare campaigns, lists and progress (responsible persons only)</source>
        <translation>Aktionen, Listen und Fortschritt vorbereiten (nur Verantwortliche)</translation>
    </message>
    <message>
        <source>Correcting the last report: the new answers replace it.</source>
        <translation>Du korrigierst den letzten Bericht: Die neuen Antworten ersetzen ihn.</translation>
    </message>
    <message>
        <source>Second phone number</source>
        <translation>Zweite Telefonnummer</translation>
    </message>
    <message>
        <source>&amp;Call</source>
        <translation>&amp;Anrufen</translation>
    </message>
    <message>
        <source>&amp;QR code</source>
        <translation>&amp;QR-Code</translation>
    </message>
    <message>
        <source>Show a QR code to dial with your own phone</source>
        <translation>QR-Code zeigen, um mit dem eigenen Handy zu wählen</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the number (cleared after 30 seconds)</source>
        <translation>Nummer kopieren (nach 30 Sekunden gelöscht)</translation>
    </message>
    <message>
        <source>Skip (F4)</source>
        <translation>Überspringen (F4)</translation>
    </message>
    <message>
        <source>Skip this person with a short reason (F4)</source>
        <translation>Diese Person mit kurzem Grund überspringen (F4)</translation>
    </message>
    <message>
        <source>My calls (F3)</source>
        <translation>Meine Anrufe (F3)</translation>
    </message>
    <message>
        <source>My calls in this shift, to correct any of them (F3)</source>
        <translation>Meine Anrufe in dieser Schicht, um einen davon zu korrigieren (F3)</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Anrufen</translation>
    </message>
    <message>
        <source>Call the second number with the phone of this PC</source>
        <translation>Die zweite Nummer mit dem Telefon dieses PCs anrufen</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>QR-Code</translation>
    </message>
    <message>
        <source>Show a QR code to dial the second number with your own phone</source>
        <translation>QR-Code zeigen, um die zweite Nummer mit dem eigenen Handy zu wählen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the second number (cleared after 30 seconds)</source>
        <translation>Die zweite Nummer kopieren (wird nach 30 Sekunden gelöscht)</translation>
    </message>
    <message>
        <source>QR code of the number</source>
        <translation>QR-Code der Nummer</translation>
    </message>
    <message>
        <source>Note: the number then stays in your phone&apos;s call log. Please delete it there after the call.</source>
        <translation>Hinweis: Die Nummer bleibt dann in der Anrufliste deines Handys. Bitte lösche sie dort nach dem Anruf.</translation>
    </message>
    <message>
        <source>“Where do you have my number from?” (F1)</source>
        <translation>„Woher habt ihr meine Nummer?“ (F1)</translation>
    </message>
    <message>
        <source>Answer: where we have the number from</source>
        <translation>Antwort: Woher wir die Nummer haben</translation>
    </message>
    <message>
        <source>Second number: %1</source>
        <translation>Zweite Nummer: %1</translation>
    </message>
    <message>
        <source>Version %1, adapted by your call lead</source>
        <translation>Version %1, von deiner Verantwortlichen angepasst</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Your number comes from the party&apos;s membership records. We use it only for this campaign. You can object at any time, and we will not call you again.</source>
        <translation>Deine Nummer stammt aus der Mitgliederverwaltung der Partei. Wir nutzen sie nur für diese Telefonaktion. Du kannst jederzeit widersprechen – dann rufen wir dich nicht mehr an.</translation>
    </message>
    <message>
        <source>No campaign on this PC yet</source>
        <translation>Auf diesem PC gibt es noch keine Telefonaktion</translation>
    </message>
    <message>
        <source>Your call lead prepares one, or it arrives with the next sync.</source>
        <translation>Deine Verantwortliche*r bereitet eine vor, oder sie kommt mit der nächsten Synchronisierung.</translation>
    </message>
    <message>
        <source>This campaign has no script or no answer to “Where do you have my number from?” yet.</source>
        <translation>Für diese Aktion fehlt noch der Leitfaden oder die Antwort auf „Woher habt ihr meine Nummer?“.</translation>
    </message>
    <message>
        <source>Nobody is called without them. Ask your call lead or the central office to add them.</source>
        <translation>Ohne sie wird niemand angerufen. Bitte deine Verantwortliche oder die Bundesgeschäftsstelle, sie zu ergänzen.</translation>
    </message>
    <message>
        <source>This campaign still lacks the clearance of the central office.</source>
        <translation>Für diese Telefonaktion fehlt noch die Freigabe der Bundesgeschäftsstelle.</translation>
    </message>
    <message>
        <source>Outside calling hours</source>
        <translation>Außerhalb der Anrufzeiten</translation>
    </message>
    <message>
        <source>Today is a public holiday (%1). Calls are possible again from %2.</source>
        <translation>Heute ist ein Feiertag (%1). Anrufe sind wieder ab %2 möglich.</translation>
    </message>
    <message>
        <source>We do not call at this time. Calls are possible again from %1.</source>
        <translation>Zu dieser Zeit rufen wir nicht an. Anrufe sind wieder ab %1 möglich.</translation>
    </message>
    <message>
        <source>Nobody to call right now</source>
        <translation>Gerade ist niemand anzurufen</translation>
    </message>
    <message>
        <source>The campaign&apos;s goal is reached. Thank you!</source>
        <translation>Das Ziel der Aktion ist erreicht. Danke euch!</translation>
    </message>
    <message>
        <source>The call list is empty.</source>
        <translation>Die Anrufliste ist leer.</translation>
    </message>
    <message numerus="yes">
        <source>You have called everyone this PC holds. %n more people on the list are with the central office or another PC: the next synchronisation brings this PC new ones.</source>
        <translation>
            <numerusform>Alle, die dieser PC hat, sind angerufen. Eine weitere Person der Liste liegt bei der Bundesgeschäftsstelle oder an einem anderen PC: die nächste Synchronisierung bringt diesem PC neue.</numerusform>
            <numerusform>Alle, die dieser PC hat, sind angerufen. %n weitere Personen der Liste liegen bei der Bundesgeschäftsstelle oder an anderen PCs: die nächste Synchronisierung bringt diesem PC neue.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people wait for their call-back, the next at %1.</source>
        <translation>
            <numerusform>Eine Person wartet auf ihren Rückruf, um %1.</numerusform>
            <numerusform>%n Personen warten auf ihren Rückruf, die nächste um %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people can be tried again from %1.</source>
        <translation>
            <numerusform>Eine Person kann ab %1 wieder angerufen werden.</numerusform>
            <numerusform>%n Personen können ab %1 wieder angerufen werden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people are reserved for another PC or caller.</source>
        <translation>
            <numerusform>Eine Person ist für einen anderen PC oder eine andere Anrufer*in reserviert.</numerusform>
            <numerusform>%n Personen sind für andere PCs oder Anrufer*innen reserviert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You skipped %n people for this shift; other callers call them.</source>
        <translation>
            <numerusform>Du hast %n Person für diese Schicht übersprungen; andere rufen sie an.</numerusform>
            <numerusform>Du hast %n Personen für diese Schicht übersprungen; andere rufen sie an.</numerusform>
        </translation>
    </message>
    <message>
        <source>Everyone on the list has been called. Thank you!</source>
        <translation>Alle auf der Liste wurden angerufen. Danke dir!</translation>
    </message>
    <message>
        <source>First call</source>
        <translation>Erster Anruf</translation>
    </message>
    <message>
        <source>Earlier attempts: %1</source>
        <translation>Frühere Versuche: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n calls</source>
        <translation>
            <numerusform>%n Anruf</numerusform>
            <numerusform>%n Anrufe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reached</source>
        <translation>
            <numerusform>%n erreicht</numerusform>
            <numerusform>%n erreicht</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 per hour</source>
        <translation>%1 pro Stunde</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Gespeichert: %1</translation>
    </message>
    <message>
        <source>Correcting the last report …</source>
        <translation>Letzter Bericht wird korrigiert …</translation>
    </message>
    <message>
        <source>QR code of the second number</source>
        <translation>QR-Code der zweiten Nummer</translation>
    </message>
    <message>
        <source>Number copied. The clipboard is cleared in 30 seconds.</source>
        <translation>Nummer kopiert. Die Zwischenablage wird in 30 Sekunden geleert.</translation>
    </message>
    <message>
        <source>Skipping …</source>
        <translation>Wird übersprungen …</translation>
    </message>
    <message>
        <source>Skipped. That was no call attempt; the person stays on the list.</source>
        <translation>Übersprungen. Das war kein Anrufversuch; die Person bleibt auf der Liste.</translation>
    </message>
    <message>
        <source>Opening the call for correction …</source>
        <translation>Der Anruf wird zur Korrektur geöffnet …</translation>
    </message>
    <message>
        <source>Correcting the call of %1: the new answers replace it.</source>
        <translation>Du korrigierst den Anruf von %1: die neuen Antworten ersetzen ihn.</translation>
    </message>
    <message>
        <source>Saving …</source>
        <translation>Wird gespeichert …</translation>
    </message>
</context>
<context>
    <name>CallingHoursEditor</name>
    <message>
        <source>Calling hours</source>
        <translation>Anrufzeiten</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>No calls on public holidays</source>
        <translation>Keine Anrufe an Feiertagen</translation>
    </message>
    <message>
        <source>Nationwide holidays only</source>
        <translation>Nur bundesweite Feiertage</translation>
    </message>
</context>
<context>
    <name>CampaignEditor</name>
    <message>
        <source>New campaign</source>
        <translation>Neue Telefonaktion</translation>
    </message>
    <message>
        <source>1. Purpose</source>
        <translation>1. Zweck</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <source>On the PCs</source>
        <translation>Auf den PCs</translation>
    </message>
    <message>
        <source>Who may be on the list</source>
        <translation>Wer auf der Liste stehen darf</translation>
    </message>
    <message>
        <source>2. Title and period</source>
        <translation>2. Titel und Zeitraum</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>no goal</source>
        <translation>kein Ziel</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Delete the list after the end +</source>
        <translation>Liste löschen nach dem Ende +</translation>
    </message>
    <message>
        <source>Goal (people reached)</source>
        <translation>Ziel (erreichte Personen)</translation>
    </message>
    <message>
        <source>3. Script</source>
        <translation>3. Leitfaden</translation>
    </message>
    <message>
        <source>Insert:</source>
        <translation>Einfügen:</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>Leitfaden</translation>
    </message>
    <message>
        <source>Answer to &quot;Where do you have my number from?&quot;</source>
        <translation>Antwort auf „Woher habt ihr meine Nummer?“</translation>
    </message>
    <message>
        <source>Where do you have my number from?</source>
        <translation>Woher habt ihr meine Nummer?</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> Stunden</translation>
    </message>
    <message>
        <source>Callers may write a short note</source>
        <translation>Anrufer*innen dürfen eine kurze Notiz schreiben</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> Zeichen</translation>
    </message>
    <message>
        <source>Notes are off by default. If you turn them on, callers see a warning: no health, opinions or other people in notes.</source>
        <translation>Notizen sind normalerweise aus. Wenn du sie einschaltest, sehen Anrufer*innen einen Hinweis: keine Gesundheit, keine Meinungen, keine anderen Personen in Notizen.</translation>
    </message>
    <message>
        <source>Pause between attempts</source>
        <translation>Pause zwischen Versuchen</translation>
    </message>
    <message>
        <source>Attempts per person</source>
        <translation>Versuche pro Person</translation>
    </message>
    <message>
        <source>Resolution (optional)</source>
        <translation>Beschluss (optional)</translation>
    </message>
    <message>
        <source>e.g. district board</source>
        <translation>z. B. Kreisvorstand</translation>
    </message>
    <message>
        <source>decided on</source>
        <translation>beschlossen am</translation>
    </message>
    <message>
        <source>1 to 3 names, separated by commas</source>
        <translation>1 bis 3 Namen, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Gremium</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <source>Responsible persons</source>
        <translation>Verantwortliche</translation>
    </message>
    <message>
        <source>Preview for an invented person</source>
        <translation>Vorschau für eine erfundene Person</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Campaign &quot;%1&quot;</source>
        <translation>Telefonaktion „%1“</translation>
    </message>
    <message>
        <source>%1. Nothing else is imported or stored.</source>
        <translation>%1. Nichts anderes wird eingelesen oder gespeichert.</translation>
    </message>
    <message>
        <source>you</source>
        <translation>du</translation>
    </message>
    <message>
        <source>Saving …</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>Campaign created.</source>
        <translation>Aktion angelegt.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>Nichts geändert.</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <source>Passphrase of %1</source>
        <translation>Passwort von %1</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Bisheriges Passwort</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <source>Repeat the new passphrase</source>
        <translation>Neues Passwort wiederholen</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Too short: at least 8 characters.</source>
        <translation>Zu kurz: mindestens 8 Zeichen.</translation>
    </message>
    <message>
        <source>Weak: longer is better, e.g. three or four words.</source>
        <translation>Schwach: Länger ist besser, z. B. drei oder vier Wörter.</translation>
    </message>
    <message>
        <source>Fair. A few more words make it strong.</source>
        <translation>Mittel. Ein paar Wörter mehr machen es stark.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Stark.</translation>
    </message>
    <message>
        <source>The new passphrase needs at least 8 characters.</source>
        <translation>Das neue Passwort braucht mindestens 8 Zeichen.</translation>
    </message>
    <message>
        <source>The two new passphrases differ.</source>
        <translation>Die beiden neuen Passwörter sind verschieden.</translation>
    </message>
    <message>
        <source>Saving …</source>
        <translation>Wird gespeichert …</translation>
    </message>
</context>
<context>
    <name>Clearance</name>
    <message>
        <source>Board resolution naming 1–3 responsible persons</source>
        <translation>Beschluss des Vorstands, der 1–3 Verantwortliche benennt</translation>
    </message>
    <message>
        <source>Training and exercises completed</source>
        <translation>Schulung und Übungen abgeschlossen</translation>
    </message>
    <message>
        <source>Signed data-protection declaration received</source>
        <translation>Unterschriebene Datenschutzbelehrung eingegangen</translation>
    </message>
    <message>
        <source>Your board passes a resolution that names 1–3 responsible persons for the phone campaign; send it to the central office.</source>
        <translation>Euer Vorstand fasst einen Beschluss, der 1–3 Verantwortliche für die Telefonaktion benennt; schickt ihn an die Bundesgeschäftsstelle.</translation>
    </message>
    <message>
        <source>The resolution has expired or does not cover this purpose: please pass a new one and send it to the central office.</source>
        <translation>Der Beschluss ist abgelaufen oder deckt diesen Zweck nicht ab: Bitte fasst einen neuen und schickt ihn an die Bundesgeschäftsstelle.</translation>
    </message>
    <message>
        <source>You are not named as a responsible person in the resolution. Please ask your board.</source>
        <translation>Du bist im Beschluss nicht als Verantwortliche*r benannt. Bitte sprich mit eurem Vorstand.</translation>
    </message>
    <message>
        <source>Sign up for the training and complete it with its exercises.</source>
        <translation>Melde dich zur Schulung an und schließe sie mit den Übungen ab.</translation>
    </message>
    <message>
        <source>Send the signed data-protection declaration to the central office.</source>
        <translation>Schick die unterschriebene Datenschutzbelehrung an die Bundesgeschäftsstelle.</translation>
    </message>
    <message>
        <source>The central office has revoked the clearance. Please ask them.</source>
        <translation>Die Bundesgeschäftsstelle hat die Freigabe widerrufen. Bitte frag dort nach.</translation>
    </message>
    <message>
        <source>This PC is not yet enrolled with the central office. A responsible person enrols it with a one-time code.</source>
        <translation>Dieser PC ist noch nicht bei der Bundesgeschäftsstelle angemeldet. Eine Verantwortliche*r meldet ihn mit einem Einmal-Code an.</translation>
    </message>
    <message>
        <source>You have not signed the confidentiality pledge on this PC. A responsible person admits you.</source>
        <translation>Du hast auf diesem PC noch keine Verpflichtung auf Vertraulichkeit unterschrieben. Eine Verantwortliche*r lässt dich zu.</translation>
    </message>
    <message>
        <source>The central office did not confirm your confidentiality pledge. Please talk to your call lead.</source>
        <translation>Die Bundesgeschäftsstelle hat deine Verpflichtung nicht bestätigt. Bitte sprich mit deiner Verantwortlichen*.</translation>
    </message>
    <message>
        <source>Your provisional period has ended and the central office has not yet confirmed your pledge. Please talk to your call lead.</source>
        <translation>Deine vorläufige Zeit ist vorbei und die Bundesgeschäftsstelle hat deine Verpflichtung noch nicht bestätigt. Bitte sprich mit deiner Verantwortlichen*.</translation>
    </message>
    <message>
        <source>The clearance on this PC has expired. Connect to the internet and synchronise.</source>
        <translation>Die Freigabe auf diesem PC ist abgelaufen. Verbinde den PC mit dem Internet und synchronisiere.</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>So geht es weiter: %1</translation>
    </message>
    <message>
        <source>The numbers stay hidden until the central office grants a new clearance; then they become visible after the next synchronisation.</source>
        <translation>Die Nummern bleiben verborgen, bis die Bundesgeschäftsstelle eine neue Freigabe erteilt; danach sind sie nach der nächsten Synchronisierung sichtbar.</translation>
    </message>
    <message>
        <source>Once this is done, the numbers become visible after the next synchronisation.</source>
        <translation>Sobald das erledigt ist, sind die Nummern nach der nächsten Synchronisierung sichtbar.</translation>
    </message>
</context>
<context>
    <name>CloneDialog</name>
    <message>
        <source>This PC uses a copy of another PC&apos;s workspace</source>
        <translation>Dieser PC nutzt die Kopie des Arbeitsbereichs eines anderen PCs</translation>
    </message>
    <message>
        <source>The central office has seen two PCs syncing with the same workspace: this folder was copied, or restored on a second PC while the first one goes on working. To keep the two apart, this PC needs an enrolment of its own. Nothing is lost: the reports not yet at the central office are kept and sent again, and none counts twice.</source>
        <translation>Die Zentrale hat zwei PCs gesehen, die mit demselben Arbeitsbereich synchronisieren: Dieser Ordner wurde kopiert oder auf einem zweiten PC wiederhergestellt, während der erste weiterarbeitet. Damit beide getrennt bleiben, braucht dieser PC eine eigene Anmeldung. Es geht nichts verloren: Die Rückmeldungen, die noch nicht bei der Zentrale sind, bleiben erhalten und werden erneut gesendet, keine zählt doppelt.</translation>
    </message>
    <message>
        <source>1. Ask your lead or the central office for a new one-time code.
2. Enter it below and press the button: this PC keeps what is not yet sent, enrols again and sends everything.</source>
        <translation>1. Bitte die Leitung oder die Zentrale um einen neuen Einmalcode.
2. Gib ihn unten ein und drücke die Schaltfläche: Dieser PC behält, was noch nicht gesendet ist, meldet sich neu an und sendet alles.</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>Einmalcode</translation>
    </message>
    <message>
        <source>Name of this PC</source>
        <translation>Name dieses PCs</translation>
    </message>
    <message>
        <source>for example: Laptop in the office</source>
        <translation>zum Beispiel: Laptop im Büro</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Keep, enrol again and send</source>
        <translation>Behalten, neu anmelden und senden</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>Please enter the one-time code.</source>
        <translation>Bitte gib den Einmalcode ein.</translation>
    </message>
    <message>
        <source>Enrolling again …</source>
        <translation>Wird neu angemeldet …</translation>
    </message>
    <message numerus="yes">
        <source>Enrolled again. Sending %n item(s) not yet at the central office …</source>
        <translation>
            <numerusform>Neu angemeldet. %n Eintrag, der noch nicht bei der Zentrale ist, wird gesendet …</numerusform>
            <numerusform>Neu angemeldet. %n Einträge, die noch nicht bei der Zentrale sind, werden gesendet …</numerusform>
        </translation>
    </message>
    <message>
        <source>Done: this PC has its own enrolment, and everything was sent.</source>
        <translation>Fertig: Dieser PC hat eine eigene Anmeldung, und alles wurde gesendet.</translation>
    </message>
    <message>
        <source>This one-time code is unknown or was used already. Please ask for a new one.</source>
        <translation>Dieser Einmalcode ist unbekannt oder wurde schon benutzt. Bitte um einen neuen.</translation>
    </message>
    <message>
        <source>This one-time code has expired. Please ask for a new one.</source>
        <translation>Dieser Einmalcode ist abgelaufen. Bitte um einen neuen.</translation>
    </message>
    <message>
        <source>This code belongs to another organisation. Nothing was changed.</source>
        <translation>Dieser Code gehört zu einer anderen Gliederung. Es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>The central office cannot be reached. What is not yet sent is kept; please try again later.</source>
        <translation>Die Zentrale ist nicht erreichbar. Was noch nicht gesendet ist, bleibt erhalten; bitte versuche es später noch einmal.</translation>
    </message>
    <message>
        <source>The central office still sees a copy. Please ask the central office for help.</source>
        <translation>Die Zentrale sieht noch immer eine Kopie. Bitte wende dich an die Zentrale.</translation>
    </message>
    <message>
        <source>Something went wrong. Nothing was lost.</source>
        <translation>Etwas ist schiefgegangen. Es ging nichts verloren.</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Telefonaktion has hit an unexpected error and must close. Every report that was shown as saved is saved; the workspace stays encrypted. Please start the app again.</source>
        <translation>Telefonaktion ist auf einen unerwarteten Fehler gestoßen und muss schließen. Jedes Ergebnis, das als gespeichert angezeigt wurde, ist gespeichert; der Arbeitsbereich bleibt verschlüsselt. Bitte starte die App neu.</translation>
    </message>
    <message>
        <source>A report without personal data was written to: %1</source>
        <translation>Ein Fehlerbericht ohne personenbezogene Daten liegt hier: %1</translation>
    </message>
    <message>
        <source>Telefonaktion</source>
        <translation>Telefonaktion</translation>
    </message>
</context>
<context>
    <name>DamagedView</name>
    <message>
        <source>The workspace is damaged</source>
        <translation>Der Arbeitsbereich ist beschädigt</translation>
    </message>
    <message>
        <source>The workspace file failed its integrity check, so it was not opened. Nothing was changed, deleted or rebuilt. Reports that were already sent are safe at the central office. There are two ways out.</source>
        <translation>Die Datei des Arbeitsbereichs hat ihre Prüfung nicht bestanden und wurde deshalb nicht geöffnet. Nichts wurde verändert, gelöscht oder neu aufgebaut. Bereits übertragene Ergebnisse sind sicher bei der Bundesgeschäftsstelle. Es gibt zwei Wege weiter.</translation>
    </message>
    <message>
        <source>1. Restore the backup</source>
        <translation>1. Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Telefonaktion keeps an encrypted backup from before each update of the file format. Restoring it moves the damaged files into a separate folder (nothing is deleted). Reports recorded after the backup are taken over from the damaged file as far as it can still be read, and sent with the next sync.</source>
        <translation>Telefonaktion legt vor jeder Aktualisierung des Dateiformats eine verschlüsselte Sicherung an. Beim Wiederherstellen werden die beschädigten Dateien in einen eigenen Ordner verschoben (nichts wird gelöscht). Was nach der Sicherung erfasst wurde, wird aus der beschädigten Datei übernommen, soweit sie noch lesbar ist, und mit der nächsten Synchronisierung gesendet.</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>Who are you?</source>
        <translation>Wer bist du?</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>There is no backup on this PC. Please take the second way.</source>
        <translation>Auf diesem PC gibt es keine Sicherung. Bitte nimm den zweiten Weg.</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>2. Enrol again and pull the list from the central office</source>
        <translation>2. Neu anmelden und die Liste von der Bundesgeschäftsstelle holen</translation>
    </message>
    <message>
        <source>1. Close Telefonaktion.
2. Rename the workspace folder (shown below), for example by adding &quot;-damaged&quot;. Do not delete it: reports that had not reached the central office are still in it, and the central office can help to read them.
3. Ask the central office for a new enrolment code and enrol this PC again with the command below.
4. Synchronise: campaigns, clearances and objections come back from the central office.</source>
        <translation>1. Schließe Telefonaktion.
2. Benenne den Ordner des Arbeitsbereichs (unten angegeben) um, zum Beispiel mit dem Zusatz „-beschaedigt“. Lösche ihn nicht: Ergebnisse, die die Bundesgeschäftsstelle noch nicht erreicht hatten, stecken noch darin, und die Bundesgeschäftsstelle kann helfen, sie auszulesen.
3. Bitte die Bundesgeschäftsstelle um einen neuen Einmal-Code und melde diesen PC mit dem Befehl unten neu an.
4. Synchronisiere: Telefonaktionen, Freigaben und Widersprüche kommen von der Bundesgeschäftsstelle zurück.</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Befehle</translation>
    </message>
    <message>
        <source>Workspace folder: %1</source>
        <translation>Ordner des Arbeitsbereichs: %1</translation>
    </message>
    <message>
        <source>First name + initial</source>
        <translation>Vorname + Initiale</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Back to unlocking</source>
        <translation>Zurück zum Entsperren</translation>
    </message>
    <message>
        <source>Backup of %1 (file format %2)</source>
        <translation>Sicherung vom %1 (Dateiformat %2)</translation>
    </message>
    <message>
        <source>Restoring …</source>
        <translation>Wird wiederhergestellt …</translation>
    </message>
    <message>
        <source>The backup was restored. Opening …</source>
        <translation>Die Sicherung wurde wiederhergestellt. Wird geöffnet …</translation>
    </message>
    <message numerus="yes">
        <source>The backup was restored. %n report(s) recorded after it were taken over from the damaged file and go to the central office with the next sync. Opening …</source>
        <translation>
            <numerusform>Die Sicherung wurde wiederhergestellt. %n Rückmeldung, die danach erfasst wurde, wurde aus der beschädigten Datei übernommen und geht mit der nächsten Synchronisierung an die Zentrale. Wird geöffnet …</numerusform>
            <numerusform>Die Sicherung wurde wiederhergestellt. %n Rückmeldungen, die danach erfasst wurden, wurden aus der beschädigten Datei übernommen und gehen mit der nächsten Synchronisierung an die Zentrale. Wird geöffnet …</numerusform>
        </translation>
    </message>
    <message>
        <source>This backup cannot be used either: it failed its check. Nothing was changed.</source>
        <translation>Auch diese Sicherung ist nicht verwendbar: Sie hat ihre Prüfung nicht bestanden. Es wurde nichts verändert.</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Export results</source>
        <translation>Ergebnisse exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Record of processing</source>
        <translation>Verarbeitungsverzeichnis</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <source>Export results …</source>
        <translation>Ergebnisse exportieren …</translation>
    </message>
    <message>
        <source>For the central office: pseudonymous id, outcome and answers; no names, no numbers.</source>
        <translation>Für die Bundesgeschäftsstelle: pseudonyme Kennung, Ergebnis und Antworten; keine Namen, keine Nummern.</translation>
    </message>
    <message>
        <source>Record of processing …</source>
        <translation>Verarbeitungsverzeichnis …</translation>
    </message>
    <message>
        <source>The Art. 30 GDPR entry of this campaign for the data-protection officer</source>
        <translation>Der Eintrag nach Art. 30 DSGVO für diese Aktion, für die*den Datenschutzbeauftragte*n</translation>
    </message>
    <message>
        <source>reached</source>
        <translation>erreicht</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>call-backs</source>
        <translation>Rückrufe</translation>
    </message>
    <message>
        <source>objections</source>
        <translation>Widersprüche</translation>
    </message>
    <message>
        <source>People by status</source>
        <translation>Personen nach Stand</translation>
    </message>
    <message>
        <source>Calls per hour (green: reached)</source>
        <translation>Anrufe pro Stunde (grün: erreicht)</translation>
    </message>
    <message>
        <source>Outcomes per day</source>
        <translation>Ergebnisse pro Tag</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Record of processing written.</source>
        <translation>Verarbeitungsverzeichnis gespeichert.</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>Stand %1</translation>
    </message>
    <message>
        <source>Goal: %1 of %2 people reached.</source>
        <translation>Ziel: %1 von %2 Personen erreicht.</translation>
    </message>
    <message>
        <source>%1 people on the list, %2 calls so far.</source>
        <translation>%1 Personen auf der Liste, bisher %2 Anrufe.</translation>
    </message>
    <message>
        <source>The call list has been deleted.</source>
        <translation>Die Anrufliste ist gelöscht.</translation>
    </message>
    <message>
        <source>No calls in the last hours.</source>
        <translation>Keine Anrufe in den letzten Stunden.</translation>
    </message>
    <message>
        <source>No calls yet.</source>
        <translation>Noch keine Anrufe.</translation>
    </message>
    <message>
        <source>Today: %1 callers, %2 calls. Altogether: %3 callers, %4 calls. %5 results wait for upload.</source>
        <translation>Heute: %1 Anrufer*innen, %2 Anrufe. Insgesamt: %3 Anrufer*innen, %4 Anrufe. %5 Ergebnisse warten auf die Übertragung.</translation>
    </message>
    <message>
        <source>%1: %2 calls, %3 reached</source>
        <translation>%1: %2 Anrufe, %3 erreicht</translation>
    </message>
    <message>
        <source>Who wants to be named:</source>
        <translation>Wer genannt werden möchte:</translation>
    </message>
    <message>
        <source>Names appear only for volunteers who chose so.</source>
        <translation>Namen erscheinen nur bei Mitstreiter*innen, die das möchten.</translation>
    </message>
    <message>
        <source>%1 results exported (no names, no numbers).</source>
        <translation>%1 Ergebnisse exportiert (ohne Namen und Nummern).</translation>
    </message>
</context>
<context>
    <name>EndView</name>
    <message>
        <source>End the campaign</source>
        <translation>Aktion beenden</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Anrufer*in</translation>
    </message>
    <message>
        <source>End the campaign and delete the call list</source>
        <translation>Aktion beenden und Anrufliste löschen</translation>
    </message>
    <message>
        <source>End &quot;%1&quot;</source>
        <translation>„%1“ beenden</translation>
    </message>
    <message>
        <source>This campaign has ended. Its call list has been deleted.</source>
        <translation>Diese Aktion ist beendet. Ihre Anrufliste ist gelöscht.</translation>
    </message>
    <message>
        <source>%1 people are on the call list. Ending deletes their names, numbers and places from this PC at once; otherwise this happens on %2. Results stay under their pseudonymous ids.</source>
        <translation>%1 Personen stehen auf der Anrufliste. Beim Beenden werden ihre Namen, Nummern und Orte sofort von diesem PC gelöscht; sonst geschieht das am %2. Die Ergebnisse bleiben unter ihren pseudonymen Kennungen erhalten.</translation>
    </message>
    <message>
        <source>%1 results have not reached the central office yet:</source>
        <translation>%1 Ergebnisse sind noch nicht bei der Bundesgeschäftsstelle angekommen:</translation>
    </message>
    <message>
        <source>End anyway. These %1 results stay on this PC and are sent at the next synchronisation.</source>
        <translation>Trotzdem beenden. Diese %1 Ergebnisse bleiben auf diesem PC und werden bei der nächsten Synchronisierung übertragen.</translation>
    </message>
    <message>
        <source>Every result has reached the central office.</source>
        <translation>Alle Ergebnisse sind bei der Bundesgeschäftsstelle angekommen.</translation>
    </message>
    <message>
        <source>Delete the call list of &quot;%1&quot; now? This cannot be undone.</source>
        <translation>Die Anrufliste von „%1“ jetzt löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Deleting …</source>
        <translation>Wird gelöscht …</translation>
    </message>
    <message>
        <source>Campaign ended: %1 people deleted from this PC, %2 results kept for upload.</source>
        <translation>Aktion beendet: %1 Personen von diesem PC gelöscht, %2 Ergebnisse für die Übertragung behalten.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Choose the membership list</source>
        <translation>Mitgliederliste wählen</translation>
    </message>
    <message>
        <source>Lists (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>Listen (*.csv *.xlsx *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Choose the membership export (CSV or Excel .xlsx). Columns the campaign does not need are dropped; you see which before anything is stored.</source>
        <translation>Wähle den Export der Mitgliederliste (CSV oder Excel .xlsx). Spalten, die die Aktion nicht braucht, werden weggelassen; du siehst vorher, welche – gespeichert wird erst am Ende.</translation>
    </message>
    <message>
        <source>Choose file …</source>
        <translation>Datei wählen …</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Spalte in der Datei</translation>
    </message>
    <message>
        <source>Means</source>
        <translation>Bedeutet</translation>
    </message>
    <message>
        <source>Taken over?</source>
        <translation>Übernommen?</translation>
    </message>
    <message>
        <source>The file has no category column. Everybody in it is:</source>
        <translation>Die Datei hat keine Spalte für die Personengruppe. Alle darin sind:</translation>
    </message>
    <message>
        <source>— please choose —</source>
        <translation>— bitte wählen —</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Import another file</source>
        <translation>Weitere Datei einlesen</translation>
    </message>
    <message>
        <source>No file chosen yet.</source>
        <translation>Noch keine Datei gewählt.</translation>
    </message>
    <message>
        <source>Choose or create a campaign first.</source>
        <translation>Wähle oder lege zuerst eine Telefonaktion an.</translation>
    </message>
    <message>
        <source>1. Choose the file</source>
        <translation>1. Datei wählen</translation>
    </message>
    <message>
        <source>2. Check the columns</source>
        <translation>2. Spalten prüfen</translation>
    </message>
    <message>
        <source>3. Not taken over</source>
        <translation>3. Nicht übernommen</translation>
    </message>
    <message>
        <source>4. Problems by row</source>
        <translation>4. Probleme nach Zeile</translation>
    </message>
    <message>
        <source>5. Preview</source>
        <translation>5. Vorschau</translation>
    </message>
    <message>
        <source>6. Import</source>
        <translation>6. Einlesen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Import now</source>
        <translation>Jetzt einlesen</translation>
    </message>
    <message>
        <source>Reading the whole file …</source>
        <translation>Die ganze Datei wird gelesen …</translation>
    </message>
    <message>
        <source>Importing %1 people. Nothing is stored until all of them are in.</source>
        <translation>%1 Personen werden eingelesen. Gespeichert wird erst, wenn alle drin sind.</translation>
    </message>
    <message>
        <source>%1 file, header in row %2, about %3 rows.</source>
        <translation>%1-Datei, Überschriften in Zeile %2, etwa %3 Zeilen.</translation>
    </message>
    <message>
        <source>— not taken over —</source>
        <translation>— nicht übernehmen —</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no – %1</source>
        <translation>nein – %1</translation>
    </message>
    <message>
        <source>These columns will not be taken over: %1</source>
        <translation>Diese Spalten werden nicht übernommen: %1</translation>
    </message>
    <message>
        <source>Every column of the file is needed; nothing is dropped.</source>
        <translation>Jede Spalte der Datei wird gebraucht; nichts wird weggelassen.</translation>
    </message>
    <message>
        <source>Taken over: %1.</source>
        <translation>Übernommen: %1.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>%1 rows read: %2 can be imported, %3 rows not imported, %4 invalid numbers, %5 duplicates merged.</source>
        <translation>%1 Zeilen gelesen: %2 können eingelesen werden, %3 Zeilen werden nicht eingelesen, %4 ungültige Nummern, %5 doppelte zusammengeführt.</translation>
    </message>
    <message>
        <source>Nobody in this file can be imported.</source>
        <translation>Aus dieser Datei kann niemand eingelesen werden.</translation>
    </message>
    <message>
        <source>The first %1 of %2 people, only with the fields that are kept:</source>
        <translation>Die ersten %1 von %2 Personen, nur mit den Feldern, die übernommen werden:</translation>
    </message>
    <message>
        <source>%1 people are on the call list now (%2 in total).</source>
        <translation>%1 Personen sind jetzt auf der Anrufliste (insgesamt %2).</translation>
    </message>
    <message>
        <source>%1 were on the list already and were skipped.</source>
        <translation>%1 standen schon auf der Liste und wurden übersprungen.</translation>
    </message>
    <message>
        <source>%1 asked the party not to be called again (objection register) and were not taken over.</source>
        <translation>%1 haben gebeten, nicht mehr angerufen zu werden (Sperrliste), und wurden nicht übernommen.</translation>
    </message>
    <message>
        <source>Nothing was imported; the list is unchanged.</source>
        <translation>Nichts wurde eingelesen; die Liste ist unverändert.</translation>
    </message>
</context>
<context>
    <name>LeadArea</name>
    <message>
        <source>Campaign:</source>
        <translation>Telefonaktion:</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Telefonaktion</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>Neue Aktion</translation>
    </message>
    <message>
        <source>Start calling</source>
        <translation>Anrufen</translation>
    </message>
    <message>
        <source>Break (Ctrl+L)</source>
        <translation>Pause (Strg+L)</translation>
    </message>
    <message>
        <source>Take a break: locks the screen</source>
        <translation>Pause: sperrt den Bildschirm</translation>
    </message>
    <message>
        <source>Prepare campaign</source>
        <translation>Aktion vorbereiten</translation>
    </message>
    <message>
        <source>Import list</source>
        <translation>Liste einlesen</translation>
    </message>
    <message>
        <source>Share out list</source>
        <translation>Liste aufteilen</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>End campaign</source>
        <translation>Aktion beenden</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Confirm clock …</source>
        <translation>Uhr bestätigen …</translation>
    </message>
    <message>
        <source>Confirm that the PC clock is right</source>
        <translation>Bestätigen, dass die Uhr des PCs stimmt</translation>
    </message>
    <message>
        <source>Yes, date and time are right</source>
        <translation>Ja, Datum und Uhrzeit stimmen</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>This PC&apos;s clock says %1, much later than the last confirmed time. Until it is confirmed nothing is deleted because of it (campaigns that would have ended stay). If the clock is wrong, set it right or synchronise; if it is right, confirm it.</source>
        <translation>Die Uhr dieses PCs zeigt %1, viel später als die zuletzt bestätigte Zeit. Bis sie bestätigt ist, wird deswegen nichts gelöscht (Aktionen, die sonst abgelaufen wären, bleiben). Geht die Uhr falsch, stell sie richtig oder synchronisiere; stimmt sie, bestätige sie.</translation>
    </message>
    <message>
        <source>Is today really %1? After confirming, campaigns past their end are deleted from this PC as planned. This cannot be undone.</source>
        <translation>Ist heute wirklich der %1? Nach der Bestätigung werden abgelaufene Aktionen wie vorgesehen von diesem PC gelöscht. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>The PC clock is confirmed. Campaigns whose contact data was deleted now: %1.</source>
        <translation>Die Uhr des PCs ist bestätigt. Aktionen, deren Kontaktdaten jetzt gelöscht wurden: %1.</translation>
    </message>
    <message>
        <source>%1 (%2, %3 people)</source>
        <translation>%1 (%2, %3 Personen)</translation>
    </message>
</context>
<context>
    <name>LeadTexts</name>
    <message>
        <source>Invitation / election campaign</source>
        <translation>Einladung / Wahlkampf</translation>
    </message>
    <message>
        <source>Keep in touch</source>
        <translation>In Kontakt bleiben</translation>
    </message>
    <message>
        <source>Member survey</source>
        <translation>Mitgliederbefragung</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Second phone</source>
        <translation>Zweite Nummer</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Ortsteil</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Personengruppe</translation>
    </message>
    <message>
        <source>Consent date</source>
        <translation>Einwilligung (Datum)</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Former members</source>
        <translation>Ehemalige Mitglieder</translation>
    </message>
    <message>
        <source>Regular contacts</source>
        <translation>Regelmäßige Kontakte</translation>
    </message>
    <message>
        <source>Others with consent</source>
        <translation>Andere mit Einwilligung</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Reached, done</source>
        <translation>Erreicht, erledigt</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>Widerspruch</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>Falsche Nummer</translation>
    </message>
    <message>
        <source>Number not in service</source>
        <translation>Kein Anschluss</translation>
    </message>
    <message>
        <source>Organizer action</source>
        <translation>Rückmeldung an die Orga</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>Erreicht</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Nicht abgenommen</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Besetzt</translation>
    </message>
    <message>
        <source>Call back later</source>
        <translation>Rückruf</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>Nicht da</translation>
    </message>
    <message>
        <source>Voicemail left</source>
        <translation>Mailbox besprochen</translation>
    </message>
    <message>
        <source>Please don&apos;t call again</source>
        <translation>Bitte nicht mehr anrufen</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>Please give the campaign a title.</source>
        <translation>Bitte gib der Aktion einen Titel.</translation>
    </message>
    <message>
        <source>The title is too long (at most 120 characters).</source>
        <translation>Der Titel ist zu lang (höchstens 120 Zeichen).</translation>
    </message>
    <message>
        <source>Please set an end date: the call list is deleted after it.</source>
        <translation>Bitte lege ein Enddatum fest: danach wird die Anrufliste gelöscht.</translation>
    </message>
    <message>
        <source>The campaign ends before it starts.</source>
        <translation>Die Aktion endet, bevor sie beginnt.</translation>
    </message>
    <message>
        <source>The script uses unknown placeholders: %1</source>
        <translation>Der Leitfaden enthält unbekannte Platzhalter: %1</translation>
    </message>
    <message>
        <source>Please write the answer to &quot;Where do you have my number from?&quot;.</source>
        <translation>Bitte schreib die Antwort auf „Woher habt ihr meine Nummer?“.</translation>
    </message>
    <message>
        <source>Question %1 has no text.</source>
        <translation>Frage %1 hat keinen Text.</translation>
    </message>
    <message>
        <source>Question %1 is too long (at most 300 characters).</source>
        <translation>Frage %1 ist zu lang (höchstens 300 Zeichen).</translation>
    </message>
    <message>
        <source>Question %1: a choice needs 2 to 9 options, one per line.</source>
        <translation>Frage %1: eine Auswahl braucht 2 bis 9 Möglichkeiten, eine pro Zeile.</translation>
    </message>
    <message>
        <source>Question %1: only choice questions have options.</source>
        <translation>Frage %1: nur Auswahlfragen haben Möglichkeiten.</translation>
    </message>
    <message>
        <source>Question %1: an option is empty or appears twice.</source>
        <translation>Frage %1: eine Möglichkeit ist leer oder doppelt.</translation>
    </message>
    <message>
        <source>Question %1 appears twice.</source>
        <translation>Frage %1 kommt doppelt vor.</translation>
    </message>
    <message>
        <source>Question %1 is not complete.</source>
        <translation>Frage %1 ist nicht vollständig.</translation>
    </message>
    <message>
        <source>Calling hours: on one day the start is not before the end.</source>
        <translation>Anrufzeiten: an einem Tag liegt der Beginn nicht vor dem Ende.</translation>
    </message>
    <message>
        <source>Calling hours: choose at least one day.</source>
        <translation>Anrufzeiten: wähle mindestens einen Tag.</translation>
    </message>
    <message>
        <source>The pause between attempts is out of range.</source>
        <translation>Die Pause zwischen Versuchen liegt außerhalb des Erlaubten.</translation>
    </message>
    <message>
        <source>Attempts per person: 1 to 10.</source>
        <translation>Versuche pro Person: 1 bis 10.</translation>
    </message>
    <message>
        <source>Note length: 20 to 500 characters.</source>
        <translation>Länge der Notiz: 20 bis 500 Zeichen.</translation>
    </message>
    <message>
        <source>The goal must be at least 1.</source>
        <translation>Das Ziel muss mindestens 1 sein.</translation>
    </message>
    <message>
        <source>Choose at least one group of people.</source>
        <translation>Wähle mindestens eine Personengruppe.</translation>
    </message>
    <message>
        <source>Choose a purpose.</source>
        <translation>Wähle einen Zweck.</translation>
    </message>
    <message>
        <source>Please check the campaign&apos;s settings.</source>
        <translation>Bitte prüfe die Einstellungen der Aktion.</translation>
    </message>
    <message>
        <source>Only a responsible person (lead) may do this.</source>
        <translation>Das dürfen nur Verantwortliche.</translation>
    </message>
    <message>
        <source>This campaign no longer exists.</source>
        <translation>Diese Aktion gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>This campaign has ended.</source>
        <translation>Diese Aktion ist beendet.</translation>
    </message>
    <message>
        <source>Members can be imported only with a valid clearance of the central office for this purpose. Set this PC up with the central office (one-time code) and synchronise; script, questions and rules can be prepared already.</source>
        <translation>Mitglieder können erst mit einer gültigen Freigabe der Bundesgeschäftsstelle für diesen Zweck eingelesen werden. Richte diesen PC mit der Bundesgeschäftsstelle ein (Einmal-Code) und synchronisiere; Leitfaden, Fragen und Regeln kannst du schon vorbereiten.</translation>
    </message>
    <message>
        <source>This campaign comes from the central office and is changed there.</source>
        <translation>Diese Aktion kommt von der Bundesgeschäftsstelle und wird dort geändert.</translation>
    </message>
    <message>
        <source>The purpose cannot change once the list is imported: a new purpose needs a new list.</source>
        <translation>Der Zweck lässt sich nach dem Einlesen nicht mehr ändern: ein neuer Zweck braucht eine neue Liste.</translation>
    </message>
    <message>
        <source>The campaign changed after the file was checked. Please check the file again.</source>
        <translation>Die Aktion wurde nach der Prüfung der Datei geändert. Bitte prüfe die Datei noch einmal.</translation>
    </message>
    <message>
        <source>The file contains people of a group this campaign may not call.</source>
        <translation>Die Datei enthält Personen einer Gruppe, die diese Aktion nicht anrufen darf.</translation>
    </message>
    <message>
        <source>Nobody on the list is free to share out.</source>
        <translation>Auf der Liste ist niemand mehr frei zum Aufteilen.</translation>
    </message>
    <message>
        <source>Choose who gets a share.</source>
        <translation>Wähle, wer einen Teil bekommt.</translation>
    </message>
    <message>
        <source>Somebody was chosen twice.</source>
        <translation>Jemand wurde doppelt gewählt.</translation>
    </message>
    <message>
        <source>The deadline must lie in the future.</source>
        <translation>Die Frist muss in der Zukunft liegen.</translation>
    </message>
    <message>
        <source>This share went back to the list already. Share out again instead.</source>
        <translation>Dieser Teil ist schon zurück in der Liste. Teile stattdessen neu auf.</translation>
    </message>
    <message>
        <source>This share no longer exists.</source>
        <translation>Diesen Teil gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>A resolution names at most three responsible persons.</source>
        <translation>Ein Beschluss nennt höchstens drei Verantwortliche.</translation>
    </message>
    <message>
        <source>Grace period: 0 to 30 days.</source>
        <translation>Nachfrist: 0 bis 30 Tage.</translation>
    </message>
    <message>
        <source>Some results are not yet with the central office.</source>
        <translation>Einige Ergebnisse sind noch nicht bei der Bundesgeschäftsstelle.</translation>
    </message>
    <message>
        <source>That was refused.</source>
        <translation>Das wurde abgelehnt.</translation>
    </message>
    <message>
        <source>The file could not be written. Nothing was changed.</source>
        <translation>Die Datei konnte nicht geschrieben werden. Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Something went wrong. Nothing was changed.</source>
        <translation>Etwas ist schiefgegangen. Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <source>The file is too large (at most 50 MB).</source>
        <translation>Die Datei ist zu groß (höchstens 50 MB).</translation>
    </message>
    <message>
        <source>The file could not be opened.</source>
        <translation>Die Datei ließ sich nicht öffnen.</translation>
    </message>
    <message>
        <source>This is not a CSV text file (it contains binary data). Choose a CSV or XLSX file.</source>
        <translation>Das ist keine CSV-Textdatei (sie enthält Binärdaten). Wähle eine CSV- oder XLSX-Datei.</translation>
    </message>
    <message>
        <source>The text encoding of the file could not be read. Save it as CSV (UTF-8).</source>
        <translation>Die Zeichenkodierung der Datei ist nicht lesbar. Speichere sie als CSV (UTF-8).</translation>
    </message>
    <message>
        <source>Old Excel files (.xls) are not supported: save the list as .xlsx or CSV.</source>
        <translation>Alte Excel-Dateien (.xls) gehen nicht: speichere die Liste als .xlsx oder CSV.</translation>
    </message>
    <message>
        <source>The file is named .xlsx but is not an Excel workbook.</source>
        <translation>Die Datei heißt .xlsx, ist aber keine Excel-Arbeitsmappe.</translation>
    </message>
    <message>
        <source>The Excel workbook is damaged.</source>
        <translation>Die Excel-Arbeitsmappe ist beschädigt.</translation>
    </message>
    <message>
        <source>The Excel workbook unpacks to too much data.</source>
        <translation>Die Excel-Arbeitsmappe enthält entpackt zu viele Daten.</translation>
    </message>
    <message>
        <source>The CSV file is malformed.</source>
        <translation>Die CSV-Datei ist fehlerhaft.</translation>
    </message>
    <message>
        <source>The file has no header row with column names.</source>
        <translation>Die Datei hat keine Zeile mit Spaltenüberschriften.</translation>
    </message>
    <message>
        <source>No name column was found that this purpose allows.</source>
        <translation>Es gibt keine Namensspalte, die dieser Zweck erlaubt.</translation>
    </message>
    <message>
        <source>No phone number column was found.</source>
        <translation>Es gibt keine Spalte mit Telefonnummern.</translation>
    </message>
    <message>
        <source>The file has no category column: confirm below who is in it.</source>
        <translation>Die Datei hat keine Spalte für die Personengruppe: bestätige unten, wer darin steht.</translation>
    </message>
    <message>
        <source>The file has a header but no data rows.</source>
        <translation>Die Datei hat Überschriften, aber keine Datenzeilen.</translation>
    </message>
    <message>
        <source>The file has too many rows (at most 500,000).</source>
        <translation>Die Datei hat zu viele Zeilen (höchstens 500.000).</translation>
    </message>
    <message>
        <source>The file has too many columns.</source>
        <translation>Die Datei hat zu viele Spalten.</translation>
    </message>
    <message>
        <source>This column choice is not possible.</source>
        <translation>Diese Spaltenwahl ist nicht möglich.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>Abgebrochen. Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>The file cannot be imported.</source>
        <translation>Die Datei kann nicht eingelesen werden.</translation>
    </message>
    <message>
        <source>Not a phone number</source>
        <translation>Keine Telefonnummer</translation>
    </message>
    <message>
        <source>Phone number not valid</source>
        <translation>Telefonnummer ungültig</translation>
    </message>
    <message>
        <source>Premium-rate number, not called</source>
        <translation>Kostenpflichtige Sondernummer, wird nicht angerufen</translation>
    </message>
    <message>
        <source>Number mangled by a spreadsheet (digits lost)</source>
        <translation>Nummer von der Tabellenkalkulation verstümmelt (Ziffern verloren)</translation>
    </message>
    <message>
        <source>No valid phone number: not imported</source>
        <translation>Keine gültige Nummer: nicht eingelesen</translation>
    </message>
    <message>
        <source>No name: not imported</source>
        <translation>Kein Name: nicht eingelesen</translation>
    </message>
    <message>
        <source>Category empty: not imported</source>
        <translation>Personengruppe leer: nicht eingelesen</translation>
    </message>
    <message>
        <source>Category unknown: not imported</source>
        <translation>Personengruppe unbekannt: nicht eingelesen</translation>
    </message>
    <message>
        <source>Group not allowed for this campaign: not imported</source>
        <translation>Gruppe für diese Aktion nicht erlaubt: nicht eingelesen</translation>
    </message>
    <message>
        <source>No consent date: not imported</source>
        <translation>Kein Datum der Einwilligung: nicht eingelesen</translation>
    </message>
    <message>
        <source>Consent date not valid: not imported</source>
        <translation>Datum der Einwilligung ungültig: nicht eingelesen</translation>
    </message>
    <message>
        <source>More values than columns: not imported</source>
        <translation>Mehr Werte als Spalten: nicht eingelesen</translation>
    </message>
    <message>
        <source>A value is too long: not imported</source>
        <translation>Ein Wert ist zu lang: nicht eingelesen</translation>
    </message>
    <message>
        <source>Formula without a result: not imported</source>
        <translation>Formel ohne Ergebnis: nicht eingelesen</translation>
    </message>
    <message>
        <source>Spreadsheet error value: not imported</source>
        <translation>Fehlerwert der Tabelle: nicht eingelesen</translation>
    </message>
    <message>
        <source>Same number as row %1: merged</source>
        <translation>Gleiche Nummer wie Zeile %1: zusammengeführt</translation>
    </message>
    <message>
        <source>Same name and postcode as row %1: merged</source>
        <translation>Gleicher Name und gleiche PLZ wie Zeile %1: zusammengeführt</translation>
    </message>
    <message>
        <source>not needed for calling</source>
        <translation>fürs Anrufen nicht nötig</translation>
    </message>
    <message>
        <source>not allowed for this purpose</source>
        <translation>für diesen Zweck nicht erlaubt</translation>
    </message>
    <message>
        <source>a second column for the same field</source>
        <translation>eine zweite Spalte für dasselbe Feld</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Telefonaktion</source>
        <translation>Telefonaktion</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message numerus="yes">
        <source>Please wait %n second(s) before the next try.</source>
        <translation>
            <numerusform>Bitte warte eine Sekunde bis zum nächsten Versuch.</numerusform>
            <numerusform>Bitte warte %n Sekunden bis zum nächsten Versuch.</numerusform>
        </translation>
    </message>
    <message>
        <source>That did not work. Please check your name and passphrase.</source>
        <translation>Das hat nicht geklappt. Bitte prüfe Namen und Passwort.</translation>
    </message>
    <message>
        <source>Too many wrong tries on this PC. The passphrase was not checked this time.</source>
        <translation>Zu viele Fehlversuche an diesem PC. Das Passwort wurde diesmal nicht geprüft.</translation>
    </message>
    <message>
        <source>The workspace file is not encrypted. For your members&apos; safety it is not opened. Please ask your call lead or the central office.</source>
        <translation>Die Datei des Arbeitsbereichs ist nicht verschlüsselt. Zum Schutz eurer Mitglieder wird sie nicht geöffnet. Bitte wende dich an deine Verantwortliche*n oder die Bundesgeschäftsstelle.</translation>
    </message>
    <message>
        <source>The workspace is damaged and cannot be opened. Nothing was changed. Please ask your call lead: a backup can be restored or the list pulled again from the central office.</source>
        <translation>Der Arbeitsbereich ist beschädigt und kann nicht geöffnet werden. Es wurde nichts verändert. Bitte wende dich an deine Verantwortliche*n: Eine Sicherung kann wiederhergestellt oder die Liste neu von der Bundesgeschäftsstelle geholt werden.</translation>
    </message>
    <message>
        <source>The list of people who may unlock this workspace is damaged. Nothing was changed. Please ask your call lead.</source>
        <translation>Die Liste der Personen, die diesen Arbeitsbereich entsperren dürfen, ist beschädigt. Es wurde nichts verändert. Bitte wende dich an deine Verantwortliche*n.</translation>
    </message>
    <message>
        <source>This workspace was written by a newer version of Telefonaktion. Please update the app.</source>
        <translation>Dieser Arbeitsbereich stammt von einer neueren Version von Telefonaktion. Bitte aktualisiere die App.</translation>
    </message>
    <message>
        <source>The key slot settings are weaker than allowed; the workspace is not opened.</source>
        <translation>Die Schlüsseleinstellungen sind schwächer als erlaubt; der Arbeitsbereich wird nicht geöffnet.</translation>
    </message>
    <message>
        <source>Encryption is not available in this installation. Please reinstall the app.</source>
        <translation>Die Verschlüsselung fehlt in dieser Installation. Bitte installiere die App neu.</translation>
    </message>
    <message>
        <source>There is no workspace on this PC yet.</source>
        <translation>Auf diesem PC gibt es noch keinen Arbeitsbereich.</translation>
    </message>
    <message>
        <source>A workspace already exists here.</source>
        <translation>Hier gibt es schon einen Arbeitsbereich.</translation>
    </message>
    <message>
        <source>Something went wrong. Nothing was changed.</source>
        <translation>Etwas ist schiefgegangen. Es wurde nichts verändert.</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <source>Reached</source>
        <translation>Erreicht</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Nicht abgenommen</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Besetzt</translation>
    </message>
    <message>
        <source>Reached, call back</source>
        <translation>Erreicht, Rückruf</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>Nicht da</translation>
    </message>
    <message>
        <source>Voicemail left</source>
        <translation>Auf Mailbox gesprochen</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>Falsche Nummer</translation>
    </message>
    <message>
        <source>Please don&apos;t call again</source>
        <translation>Bitte nicht mehr anrufen</translation>
    </message>
    <message>
        <source>Number not in service</source>
        <translation>Kein Anschluss unter dieser Nummer</translation>
    </message>
</context>
<context>
    <name>PeopleView</name>
    <message>
        <source>Responsible person</source>
        <translation>Verantwortliche*r</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Anrufer*in</translation>
    </message>
    <message>
        <source>Only a responsible person can add people.</source>
        <translation>Nur Verantwortliche können Personen hinzufügen.</translation>
    </message>
    <message>
        <source>There is no valid clearance on this PC, so nobody can be added right now. Synchronise with the central office first.</source>
        <translation>Auf diesem PC gibt es keine gültige Freigabe, deshalb kann gerade niemand hinzugefügt werden. Synchronisiere zuerst mit der Bundesgeschäftsstelle.</translation>
    </message>
    <message>
        <source>The passphrase needs at least 8 characters.</source>
        <translation>Das Passwort braucht mindestens 8 Zeichen.</translation>
    </message>
    <message>
        <source>This name is already used on this PC. Add an initial, e.g. “Jonas K.”.</source>
        <translation>Dieser Name ist auf diesem PC schon vergeben. Ergänze eine Initiale, z. B. „Jonas K.“.</translation>
    </message>
    <message>
        <source>The name is too long: first name and initial are enough.</source>
        <translation>Der Name ist zu lang: Vorname und Initiale genügen.</translation>
    </message>
    <message>
        <source>Please sign with your full name, starting with the first name above.</source>
        <translation>Bitte unterschreibe mit deinem vollständigen Namen, beginnend mit dem Vornamen von oben.</translation>
    </message>
    <message>
        <source>Please confirm that you have read the pledge.</source>
        <translation>Bitte bestätige, dass du die Verpflichtung gelesen hast.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passwörter unterscheiden sich.</translation>
    </message>
    <message>
        <source>That did not work. Nothing was changed.</source>
        <translation>Das hat nicht geklappt. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>People on this PC</source>
        <translation>Personen auf diesem PC</translation>
    </message>
    <message>
        <source>Everyone listed here unlocks this workspace with their own passphrase. Nobody else can open it. Removing a person gives the workspace a new key.</source>
        <translation>Alle hier Genannten entsperren diesen Arbeitsbereich mit ihrem eigenen Passwort. Niemand sonst kann ihn öffnen. Wer eine Person entfernt, gibt dem Arbeitsbereich einen neuen Schlüssel.</translation>
    </message>
    <message>
        <source>Add a person …</source>
        <translation>Person hinzufügen …</translation>
    </message>
    <message>
        <source>Remove person …</source>
        <translation>Person entfernen …</translation>
    </message>
    <message>
        <source>Change my passphrase …</source>
        <translation>Mein Passwort ändern …</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (du)</translation>
    </message>
    <message>
        <source>%1 was added and can now unlock this PC with their own passphrase.</source>
        <translation>%1 ist hinzugefügt und kann diesen PC jetzt mit dem eigenen Passwort entsperren.</translation>
    </message>
    <message>
        <source>Removed: %1. The workspace has a new key; the removed passphrases no longer open it.</source>
        <translation>Entfernt: %1. Der Arbeitsbereich hat einen neuen Schlüssel; die Passwörter der Entfernten öffnen ihn nicht mehr.</translation>
    </message>
    <message>
        <source>Your passphrase has been changed.</source>
        <translation>Dein Passwort wurde geändert.</translation>
    </message>
</context>
<context>
    <name>QuestionEditor</name>
    <message>
        <source>Questions of the campaign</source>
        <translation>Fragen der Aktion</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Yes / no</source>
        <translation>Ja / Nein</translation>
    </message>
    <message>
        <source>One choice</source>
        <translation>Eine Auswahl</translation>
    </message>
    <message>
        <source>Several choices</source>
        <translation>Mehrfachauswahl</translation>
    </message>
    <message>
        <source>Short text</source>
        <translation>Kurzer Text</translation>
    </message>
    <message>
        <source>One option per line (2 to 9)</source>
        <translation>Eine Möglichkeit pro Zeile (2 bis 9)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Möglichkeiten</translation>
    </message>
    <message>
        <source>(new question)</source>
        <translation>(neue Frage)</translation>
    </message>
</context>
<context>
    <name>Recap</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Result: %1</source>
        <translation>Ergebnis: %1</translation>
    </message>
    <message>
        <source>Call-back: none</source>
        <translation>Rückruf: keiner</translation>
    </message>
    <message>
        <source>Call-back: %1</source>
        <translation>Rückruf: %1</translation>
    </message>
    <message>
        <source>Number: %1</source>
        <translation>Nummer: %1</translation>
    </message>
    <message>
        <source>To the organizer: %1</source>
        <translation>An die Orga: %1</translation>
    </message>
    <message>
        <source>To the organizer: “%1”</source>
        <translation>An die Orga: „%1“</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Notiz: %1</translation>
    </message>
    <message>
        <source>written</source>
        <translation>geschrieben</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
</context>
<context>
    <name>RemovePersonDialog</name>
    <message>
        <source>Remove a person</source>
        <translation>Person entfernen</translation>
    </message>
    <message>
        <source>%1 will be removed from this PC. The workspace gets a new key: afterwards the passphrase of %1 no longer opens it, not even with a copy of the old key file. Their reports stay.</source>
        <translation>%1 wird von diesem PC entfernt. Der Arbeitsbereich bekommt einen neuen Schlüssel: Danach öffnet das Passwort von %1 ihn nicht mehr, auch nicht mit einer Kopie der alten Schlüsseldatei. Die Berichte von %1 bleiben.</translation>
    </message>
    <message>
        <source>Everyone who stays types their passphrase here, so that the new key can be locked with it. Whoever is not here is removed as well and added again later.</source>
        <translation>Alle, die bleiben, geben hier ihr Passwort ein, damit der neue Schlüssel damit verschlossen werden kann. Wer gerade nicht da ist, wird mit entfernt und später neu hinzugefügt.</translation>
    </message>
    <message>
        <source>Passphrase of %1</source>
        <translation>Passwort von %1</translation>
    </message>
    <message>
        <source>not here: remove as well</source>
        <translation>nicht da: mit entfernen</translation>
    </message>
    <message>
        <source>%1 is not here: remove as well</source>
        <translation>%1 ist nicht da: mit entfernen</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (du)</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Remove %1 now</source>
        <translation>%1 jetzt entfernen</translation>
    </message>
    <message>
        <source>Please fill in every passphrase, or tick “not here” for whoever is missing.</source>
        <translation>Bitte fülle jedes Passwort aus oder kreuze „nicht da“ an, wer fehlt.</translation>
    </message>
    <message>
        <source>A new key is being written. Please do not switch off the PC …</source>
        <translation>Ein neuer Schlüssel wird geschrieben. Bitte den PC nicht ausschalten …</translation>
    </message>
    <message>
        <source>The passphrase of %1 is not right. Nothing was changed.</source>
        <translation>Das Passwort von %1 stimmt nicht. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Too many wrong tries on this PC. The passphrases were not checked this time. Nothing was changed.</source>
        <translation>Zu viele Fehlversuche an diesem PC. Die Passwörter wurden diesmal nicht geprüft. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>You cannot remove yourself. Another responsible person can.</source>
        <translation>Du kannst dich nicht selbst entfernen. Das kann eine andere verantwortliche Person.</translation>
    </message>
    <message>
        <source>That did not work. Nothing was changed.</source>
        <translation>Das hat nicht geklappt. Es wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>ReportBar</name>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Back (Backspace)</source>
        <translation>Zurück (Rücktaste)</translation>
    </message>
    <message>
        <source>Back to the previous question</source>
        <translation>Zurück zur vorigen Frage</translation>
    </message>
    <message>
        <source>[9] Please don&apos;t call again</source>
        <translation>[9] Bitte nicht mehr anrufen</translation>
    </message>
    <message>
        <source>Please don&apos;t call again (objection, key 9 or F9)</source>
        <translation>Bitte nicht mehr anrufen (Widerspruch, Taste 9 oder F9)</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Call-back date and time</source>
        <translation>Datum und Uhrzeit des Rückrufs</translation>
    </message>
    <message>
        <source>Call-back time that will be saved</source>
        <translation>Rückrufzeit, die gespeichert wird</translation>
    </message>
    <message>
        <source>[F9] Please don&apos;t call again</source>
        <translation>[F9] Bitte nicht mehr anrufen</translation>
    </message>
    <message>
        <source>Change: %1</source>
        <translation>Ändern: %1</translation>
    </message>
    <message>
        <source>Call-back: %1</source>
        <translation>Rückruf: %1</translation>
    </message>
    <message>
        <source>(the chosen time is outside the calling hours: the next possible time)</source>
        <translation>(die gewählte Zeit liegt außerhalb der Anrufzeiten: die nächstmögliche Zeit)</translation>
    </message>
</context>
<context>
    <name>ReportFlow</name>
    <message>
        <source>Please don&apos;t call again</source>
        <translation>Bitte nicht mehr anrufen</translation>
    </message>
    <message>
        <source>Did you reach the person?</source>
        <translation>Erreicht?</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Could you talk now?</source>
        <translation>Konntet ihr gleich sprechen?</translation>
    </message>
    <message>
        <source>No, call back</source>
        <translation>Nein, Rückruf</translation>
    </message>
    <message>
        <source>Why not?</source>
        <translation>Warum nicht?</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Nicht abgenommen</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Besetzt</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>Falsche Nummer</translation>
    </message>
    <message>
        <source>Someone else answered / not available</source>
        <translation>Jemand anderes dran / nicht da</translation>
    </message>
    <message>
        <source>Number not in service</source>
        <translation>Kein Anschluss unter dieser Nummer</translation>
    </message>
    <message>
        <source>Did you leave a voicemail?</source>
        <translation>Auf die Mailbox gesprochen?</translation>
    </message>
    <message>
        <source>When should we call back?</source>
        <translation>Wann sollen wir zurückrufen?</translation>
    </message>
    <message>
        <source>Later today</source>
        <translation>Später heute</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Morgen</translation>
    </message>
    <message>
        <source>In three days</source>
        <translation>In drei Tagen</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Nächste Woche</translation>
    </message>
    <message>
        <source>Pick date and time</source>
        <translation>Datum und Uhrzeit wählen</translation>
    </message>
    <message>
        <source>No call-back</source>
        <translation>Kein Rückruf</translation>
    </message>
    <message>
        <source>Call back at (Enter confirms)</source>
        <translation>Rückruf am (Eingabetaste bestätigt)</translation>
    </message>
    <message>
        <source>Which number is wrong?</source>
        <translation>Welche Nummer ist falsch?</translation>
    </message>
    <message>
        <source>Which number is not in service?</source>
        <translation>Welche Nummer hat keinen Anschluss?</translation>
    </message>
    <message>
        <source>The first</source>
        <translation>Die erste</translation>
    </message>
    <message>
        <source>The second</source>
        <translation>Die zweite</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Beide</translation>
    </message>
    <message>
        <source>Does the organizer need to do something?</source>
        <translation>Rückmeldung an die Orga nötig?</translation>
    </message>
    <message>
        <source>Message to the organizer (only they see it; Enter confirms)</source>
        <translation>Nachricht an die Orga (nur sie sieht sie; Eingabetaste bestätigt)</translation>
    </message>
    <message>
        <source>Note (optional; Enter confirms)</source>
        <translation>Notiz (freiwillig; Eingabetaste bestätigt)</translation>
    </message>
    <message>
        <source>Do not write down health, political opinions or anything about other people.</source>
        <translation>Schreib nichts über Gesundheit, politische Meinungen oder andere Personen auf.</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Summary: a digit changes that answer, Enter saves.</source>
        <translation>Zusammenfassung: Ziffer ändert die Antwort, Enter speichert.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>ShiftLogDialog</name>
    <message>
        <source>My calls</source>
        <translation>Meine Anrufe</translation>
    </message>
    <message>
        <source>My calls in this shift</source>
        <translation>Meine Anrufe in dieser Schicht</translation>
    </message>
    <message>
        <source>Enter opens a call to correct it: the new answers are saved as a new report that replaces the old one (which is kept). Nothing in this list is kept after “End shift”.</source>
        <translation>Enter öffnet einen Anruf zur Korrektur: die neuen Antworten werden als neue Meldung gespeichert, die die alte ersetzt (die alte bleibt erhalten). Nach „Schicht beenden“ ist diese Liste weg.</translation>
    </message>
    <message>
        <source>Calls of this shift, newest first</source>
        <translation>Anrufe dieser Schicht, neueste zuerst</translation>
    </message>
    <message>
        <source>No calls yet in this shift</source>
        <translation>Noch keine Anrufe in dieser Schicht</translation>
    </message>
    <message>
        <source>Correct (Enter)</source>
        <translation>Korrigieren (Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Übersprungen: %1</translation>
    </message>
    <message>
        <source>(corrected)</source>
        <translation>(korrigiert)</translation>
    </message>
    <message>
        <source>A skipped person was not called: there is nothing to correct.</source>
        <translation>Eine übersprungene Person wurde nicht angerufen: da gibt es nichts zu korrigieren.</translation>
    </message>
</context>
<context>
    <name>Skip</name>
    <message>
        <source>I know this person personally</source>
        <translation>Ich kenne die Person persönlich</translation>
    </message>
    <message>
        <source>Someone who speaks their language should call</source>
        <translation>Jemand, der ihre Sprache spricht, sollte anrufen</translation>
    </message>
    <message>
        <source>Phone or headset trouble</source>
        <translation>Problem mit Telefon oder Headset</translation>
    </message>
    <message>
        <source>Another reason</source>
        <translation>Anderer Grund</translation>
    </message>
</context>
<context>
    <name>SkipDialog</name>
    <message>
        <source>Skip this person</source>
        <translation>Person überspringen</translation>
    </message>
    <message>
        <source>Why do you skip this person?</source>
        <translation>Warum überspringst du diese Person?</translation>
    </message>
    <message>
        <source>Skipping is not a call attempt and is not sent anywhere. The person stays on the list: for reasons 1 and 2 someone else calls them, otherwise they come back to you when nobody else is left.</source>
        <translation>Überspringen ist kein Anrufversuch und wird nirgendwohin gesendet. Die Person bleibt auf der Liste: bei Grund 1 und 2 ruft jemand anderes an, sonst kommt sie wieder zu dir, wenn sonst niemand mehr anzurufen ist.</translation>
    </message>
    <message>
        <source>Reason (keys 1 to 4)</source>
        <translation>Grund (Tasten 1 bis 4)</translation>
    </message>
    <message>
        <source>Short text (optional, no personal details)</source>
        <translation>Kurzer Text (freiwillig, keine persönlichen Angaben)</translation>
    </message>
    <message>
        <source>Short text (optional)</source>
        <translation>Kurzer Text (freiwillig)</translation>
    </message>
    <message>
        <source>Skip (Enter)</source>
        <translation>Überspringen (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Abbrechen (Esc)</translation>
    </message>
</context>
<context>
    <name>SlicesView</name>
    <message>
        <source>Share out the list</source>
        <translation>Liste aufteilen</translation>
    </message>
    <message>
        <source>Several PCs or callers never get the same person: each share is reserved until its deadline and then returns to the list.</source>
        <translation>So bekommen mehrere PCs oder Anrufer*innen nie dieselbe Person: jeder Teil ist bis zu seiner Frist reserviert und geht danach zurück in die Liste.</translation>
    </message>
    <message>
        <source>New shares of the free people on the list</source>
        <translation>Neue Teile aus den freien Personen der Liste</translation>
    </message>
    <message>
        <source>Callers on this PC</source>
        <translation>Anrufer*innen an diesem PC</translation>
    </message>
    <message>
        <source>Share out</source>
        <translation>Aufteilen</translation>
    </message>
    <message>
        <source>Other PCs</source>
        <translation>Weitere PCs</translation>
    </message>
    <message>
        <source>Reserved until</source>
        <translation>Reserviert bis</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Teil</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Für</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>Noch offen</translation>
    </message>
    <message>
        <source>Return to the list</source>
        <translation>Zurück in die Liste</translation>
    </message>
    <message>
        <source>Extend to the deadline above</source>
        <translation>Bis zur Frist oben verlängern</translation>
    </message>
    <message>
        <source>returned to the list</source>
        <translation>zurück in der Liste</translation>
    </message>
    <message>
        <source>(expired)</source>
        <translation>(abgelaufen)</translation>
    </message>
    <message>
        <source>PC: %1</source>
        <translation>PC: %1</translation>
    </message>
    <message>
        <source>PC %1</source>
        <translation>PC %1</translation>
    </message>
    <message>
        <source>%1 people changed hands.</source>
        <translation>%1 Personen wurden neu zugeteilt.</translation>
    </message>
</context>
<context>
    <name>StatusButton</name>
    <message>
        <source>Sync status: opens the details</source>
        <translation>Synchronisierungsstatus: öffnet die Details</translation>
    </message>
    <message>
        <source>● online</source>
        <translation>● online</translation>
    </message>
    <message>
        <source>○ offline</source>
        <translation>○ offline</translation>
    </message>
    <message>
        <source>⚠ refused by the central office</source>
        <translation>⚠ von der Bundesgeschäftsstelle abgelehnt</translation>
    </message>
    <message>
        <source>receiving contacts: %1 so far</source>
        <translation>bisher %1 Kontakte empfangen</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to upload</source>
        <translation>
            <numerusform>%n wartet auf Übertragung</numerusform>
            <numerusform>%n warten auf Übertragung</numerusform>
        </translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>letzte Synchronisierung %1</translation>
    </message>
    <message>
        <source>never synchronised</source>
        <translation>noch nie synchronisiert</translation>
    </message>
    <message numerus="yes">
        <source>%n need attention</source>
        <translation>
            <numerusform>%n braucht Aufmerksamkeit</numerusform>
            <numerusform>%n brauchen Aufmerksamkeit</numerusform>
        </translation>
    </message>
    <message>
        <source>clearance valid until %1</source>
        <translation>Freigabe gültig bis %1</translation>
    </message>
    <message>
        <source>no valid clearance</source>
        <translation>keine gültige Freigabe</translation>
    </message>
    <message>
        <source>locks in %1 min</source>
        <translation>sperrt in %1 Min.</translation>
    </message>
</context>
<context>
    <name>SyncDetails</name>
    <message>
        <source>Synchronisation</source>
        <translation>Synchronisierung</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Verbindung: %1</translation>
    </message>
    <message>
        <source>Waiting to upload: %1</source>
        <translation>Warten auf Übertragung: %1</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Letzte Synchronisierung: %1</translation>
    </message>
    <message>
        <source>Needs attention (refused by the central office, never dropped):</source>
        <translation>Braucht Aufmerksamkeit (von der Bundesgeschäftsstelle abgelehnt, nie verworfen):</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Synchronise now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
</context>
<context>
    <name>UnlockView</name>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Telefonaktion</source>
        <translation>Telefonaktion</translation>
    </message>
    <message>
        <source>Who are you?</source>
        <translation>Wer bist du?</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Change passphrase …</source>
        <translation>Passwort ändern …</translation>
    </message>
    <message>
        <source>Change your own passphrase</source>
        <translation>Dein eigenes Passwort ändern</translation>
    </message>
    <message>
        <source>New here? Your call lead admits you on this PC.</source>
        <translation>Neu hier? Deine Verantwortliche*r lässt dich an diesem PC zu.</translation>
    </message>
    <message>
        <source>Demo workspace with invented people. Passphrase: %1</source>
        <translation>Demo-Arbeitsbereich mit erfundenen Personen. Passwort: %1</translation>
    </message>
    <message>
        <source>Your passphrase has been changed.</source>
        <translation>Dein Passwort ist geändert.</translation>
    </message>
    <message>
        <source>Unlocking …</source>
        <translation>Wird entsperrt …</translation>
    </message>
    <message>
        <source>Break. Unlock to carry on.</source>
        <translation>Pause. Zum Weitermachen entsperren.</translation>
    </message>
    <message>
        <source>Locked after a while without input.</source>
        <translation>Gesperrt, weil eine Weile nichts eingegeben wurde.</translation>
    </message>
    <message>
        <source>Locked because the computer was locked.</source>
        <translation>Gesperrt, weil der Computer gesperrt wurde.</translation>
    </message>
    <message>
        <source>Locked because the computer went to sleep.</source>
        <translation>Gesperrt, weil der Computer in den Ruhezustand ging.</translation>
    </message>
    <message>
        <source>Locked because the user was switched.</source>
        <translation>Gesperrt, weil der Benutzer gewechselt wurde.</translation>
    </message>
    <message numerus="yes">
        <source>%n calls</source>
        <translation>
            <numerusform>%n Anruf</numerusform>
            <numerusform>%n Anrufe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reached</source>
        <translation>
            <numerusform>%n erreicht</numerusform>
            <numerusform>%n erreicht</numerusform>
        </translation>
    </message>
    <message>
        <source>Shift ended: %1. Thank you!</source>
        <translation>Schicht beendet: %1. Danke dir!</translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <source>Passphrase</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <source>Strength of the passphrase</source>
        <translation>Stärke des Passworts</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Too short: at least 8 characters.</source>
        <translation>Zu kurz: mindestens 8 Zeichen.</translation>
    </message>
    <message>
        <source>Weak: longer is better, e.g. three or four words.</source>
        <translation>Schwach: Länger ist besser, z. B. drei oder vier Wörter.</translation>
    </message>
    <message>
        <source>Fair. A few more words make it strong.</source>
        <translation>Mittel. Ein paar Wörter mehr machen es stark.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Stark.</translation>
    </message>
    <message>
        <source>Welcome to Telefonaktion</source>
        <translation>Willkommen bei Telefonaktion</translation>
    </message>
    <message>
        <source>This PC has no workspace yet. How do you want to start?</source>
        <translation>Auf diesem PC gibt es noch keinen Arbeitsbereich. Wie möchtest du anfangen?</translation>
    </message>
    <message>
        <source>Set up this PC with the central office (the usual way; you need the one-time code)</source>
        <translation>Diesen PC mit der Bundesgeschäftsstelle einrichten (der übliche Weg; du brauchst den Einmal-Code)</translation>
    </message>
    <message>
        <source>Prepare offline as a call lead (script, questions, rules; members once cleared)</source>
        <translation>Offline vorbereiten als Verantwortliche*r (Leitfaden, Fragen, Regeln; Mitglieder erst nach der Freigabe)</translation>
    </message>
    <message>
        <source>Try the demo (invented people)</source>
        <translation>Demo ausprobieren (erfundene Personen)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Set up this PC with the central office</source>
        <translation>Diesen PC mit der Bundesgeschäftsstelle einrichten</translation>
    </message>
    <message>
        <source>Address of the central office</source>
        <translation>Adresse der Bundesgeschäftsstelle</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>Einmal-Code</translation>
    </message>
    <message>
        <source>e.g. office PC 2</source>
        <translation>z. B. Büro-PC 2</translation>
    </message>
    <message>
        <source>Name of this PC</source>
        <translation>Name dieses PCs</translation>
    </message>
    <message>
        <source>First name and initial, e.g. Erika B.</source>
        <translation>Vorname und Initial, z. B. Erika B.</translation>
    </message>
    <message>
        <source>Your name on this PC</source>
        <translation>Dein Name auf diesem PC</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Dein Name</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Set up</source>
        <translation>Einrichten</translation>
    </message>
    <message>
        <source>Prepare offline as a call lead</source>
        <translation>Offline vorbereiten als Verantwortliche*r</translation>
    </message>
    <message>
        <source>You can prepare the campaign, script, questions and rules now. Members can be imported once this PC is set up with the central office and cleared.</source>
        <translation>Aktion, Leitfaden, Fragen und Regeln kannst du jetzt vorbereiten. Mitglieder kannst du einlesen, sobald dieser PC bei der Bundesgeschäftsstelle eingerichtet und freigegeben ist.</translation>
    </message>
    <message>
        <source>e.g. KV Musterstadt</source>
        <translation>z. B. KV Musterstadt</translation>
    </message>
    <message>
        <source>Local unit</source>
        <translation>Gliederung</translation>
    </message>
    <message>
        <source>Create workspace</source>
        <translation>Arbeitsbereich anlegen</translation>
    </message>
    <message>
        <source>Connecting to the central office …</source>
        <translation>Verbinde mit der Bundesgeschäftsstelle …</translation>
    </message>
    <message>
        <source>Fetching campaign and clearance … %1 people</source>
        <translation>Aktion und Freigabe werden geholt … %1 Personen</translation>
    </message>
    <message>
        <source>The central office does not know this code, or it was used already. Please ask the central office for a new one.</source>
        <translation>Diesen Code kennt die Bundesgeschäftsstelle nicht, oder er wurde schon benutzt. Bitte in der Bundesgeschäftsstelle einen neuen anfordern.</translation>
    </message>
    <message>
        <source>The code has expired. Please ask the central office for a new one.</source>
        <translation>Der Code ist abgelaufen. Bitte in der Bundesgeschäftsstelle einen neuen anfordern.</translation>
    </message>
    <message>
        <source>The central office cannot be reached. Check the address and the internet connection, then try again.</source>
        <translation>Die Bundesgeschäftsstelle ist nicht erreichbar. Prüfe die Adresse und die Internetverbindung und versuche es dann noch einmal.</translation>
    </message>
    <message>
        <source>The secure connection could not be verified (certificate). Check the address (https://…) and that this PC&apos;s date and time are right, or ask the central office.</source>
        <translation>Die sichere Verbindung ließ sich nicht prüfen (Zertifikat). Prüfe die Adresse (https://…) und ob Datum und Uhrzeit dieses PCs stimmen, oder frag die Bundesgeschäftsstelle.</translation>
    </message>
    <message>
        <source>This address cannot be used: the central office is reached only by https://.</source>
        <translation>Diese Adresse geht nicht: Die Bundesgeschäftsstelle ist nur über https:// erreichbar.</translation>
    </message>
    <message>
        <source>There is a workspace on this PC already. Please restart Telefonaktion.</source>
        <translation>Auf diesem PC gibt es schon einen Arbeitsbereich. Bitte starte Telefonaktion neu.</translation>
    </message>
    <message>
        <source>Please fill in every field.</source>
        <translation>Bitte fülle alle Felder aus.</translation>
    </message>
    <message>
        <source>The passphrase needs at least 8 characters.</source>
        <translation>Das Passwort braucht mindestens 8 Zeichen.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passwörter sind verschieden.</translation>
    </message>
    <message>
        <source>The central office refused the set-up. Please ask them.</source>
        <translation>Die Bundesgeschäftsstelle hat die Einrichtung abgelehnt. Bitte frag dort nach.</translation>
    </message>
    <message>
        <source>That did not work. Nothing was changed.</source>
        <translation>Das hat nicht geklappt. Es wurde nichts verändert.</translation>
    </message>
</context>
<context>
    <name>When</name>
    <message>
        <source>ddd, dd.MM.yyyy, HH:mm</source>
        <translation>ddd, dd.MM.yyyy, HH:mm</translation>
    </message>
</context>
</TS>
