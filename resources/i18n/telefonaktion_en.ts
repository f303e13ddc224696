<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CallerView</name>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take a break (locks the screen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call with the phone of this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How did the call go?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voicemail left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call back later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number not in service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please don&apos;t call again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody to call right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n people wait for their call-back, the next at %1.</source>
        <translation>
            <numerusform>%n person waits for their call-back, at %1.</numerusform>
            <numerusform>%n people wait for their call-back, the next at %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Everyone on the list has been called. Thank you!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier attempts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Press Enter for the next person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 calls · %2 reached · %3 waiting to upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving …</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Telefonaktion</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>That did not work. Please check your name and passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace file is not encrypted. For your members&apos; safety it is not opened. Please ask your call lead or the central office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace is damaged and cannot be opened. Nothing was changed. Please ask your call lead: a backup can be restored or the list pulled again from the central office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list of people who may unlock this workspace is damaged. Nothing was changed. Please ask your call lead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace was written by a newer version of Telefonaktion. Please update the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key slot settings are weaker than allowed; the workspace is not opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encryption is not available in this installation. Please reinstall the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no workspace on this PC yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A workspace already exists here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockView</name>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefonaktion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who are you?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New here? Your call lead admits you on this PC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo workspace with invented people. Passphrase: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking …</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Please wait %n second(s) before the next try.</source>
        <translation>
            <numerusform>Please wait %n second before the next try.</numerusform>
            <numerusform>Please wait %n seconds before the next try.</numerusform>
        </translation>
    </message>
</context>
</TS>
