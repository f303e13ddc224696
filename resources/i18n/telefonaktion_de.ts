<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>CallerView</name>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Take a break (locks the screen)</source>
        <translation>Pause machen (sperrt den Bildschirm)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Anrufen</translation>
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
        <source>How did the call go?</source>
        <translation>Wie lief der Anruf?</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
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
        <source>Voicemail left</source>
        <translation>Auf Mailbox gesprochen</translation>
    </message>
    <message>
        <source>Call back later</source>
        <translation>Später zurückrufen</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>Nicht da</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>Falsche Nummer</translation>
    </message>
    <message>
        <source>Number not in service</source>
        <translation>Kein Anschluss unter dieser Nummer</translation>
    </message>
    <message>
        <source>Please don&apos;t call again</source>
        <translation>Bitte nicht mehr anrufen</translation>
    </message>
    <message>
        <source>Nobody to call right now</source>
        <translation>Gerade ist niemand anzurufen</translation>
    </message>
    <message numerus="yes">
        <source>%n people wait for their call-back, the next at %1.</source>
        <translation>
            <numerusform>Eine Person wartet auf ihren Rückruf, um %1.</numerusform>
            <numerusform>%n Personen warten auf ihren Rückruf, die nächste um %1.</numerusform>
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
        <source>Saved. Press Enter for the next person.</source>
        <translation>Gespeichert. Eingabetaste für die nächste Person.</translation>
    </message>
    <message>
        <source>%1 calls · %2 reached · %3 waiting to upload</source>
        <translation>%1 Anrufe · %2 erreicht · %3 warten auf Übertragung</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
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
</context>
</TS>
