<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
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
        <source>No calls yet in this shift</source>
        <translation>Noch keine Anrufe in dieser Schicht</translation>
    </message>
    <message>
        <source>Your shift</source>
        <translation>Deine Schicht</translation>
    </message>
    <message>
        <source>Correct last report (F2)</source>
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
        <source>Numbers are hidden: there is no valid clearance.</source>
        <translation>Nummern sind verborgen: Es liegt keine gültige Freigabe vor.</translation>
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
    <message>
        <source>%1 calls · %2 reached · %3 per hour · %4 waiting to upload</source>
        <translation>%1 Anrufe · %2 erreicht · %3 pro Stunde · %4 warten auf Übertragung</translation>
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
        <source>Number copied. The clipboard is cleared in 30 seconds.</source>
        <translation>Nummer kopiert. Die Zwischenablage wird in 30 Sekunden geleert.</translation>
    </message>
    <message>
        <source>Saving …</source>
        <translation>Wird gespeichert …</translation>
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
    <message>
        <source>That did not work. Please check your name and passphrase.</source>
        <translation>Das hat nicht geklappt. Bitte prüfe Namen und Passwort.</translation>
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
        <source>[F9] Please don&apos;t call again</source>
        <translation>[F9] Bitte nicht mehr anrufen</translation>
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
        <source>All answered. Enter saves, Backspace goes back.</source>
        <translation>Alles beantwortet. Eingabetaste speichert, Rücktaste geht zurück.</translation>
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
        <source>New here? Your call lead admits you on this PC.</source>
        <translation>Neu hier? Deine Verantwortliche*r lässt dich an diesem PC zu.</translation>
    </message>
    <message>
        <source>Demo workspace with invented people. Passphrase: %1</source>
        <translation>Demo-Arbeitsbereich mit erfundenen Personen. Passwort: %1</translation>
    </message>
    <message>
        <source>Unlocking …</source>
        <translation>Wird entsperrt …</translation>
    </message>
    <message numerus="yes">
        <source>Please wait %n second(s) before the next try.</source>
        <translation>
            <numerusform>Bitte warte eine Sekunde bis zum nächsten Versuch.</numerusform>
            <numerusform>Bitte warte %n Sekunden bis zum nächsten Versuch.</numerusform>
        </translation>
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
    <message>
        <source>Shift ended: %1 calls, %2 reached. Thank you!</source>
        <translation>Schicht beendet: %1 Anrufe, %2 erreicht. Danke dir!</translation>
    </message>
</context>
</TS>
