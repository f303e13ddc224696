<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CallerView</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number</source>
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
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calls yet in this shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct last report (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take a break: locks the screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End shift and sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correcting the last report: the new answers replace it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a QR code to dial with your own phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the number (cleared after 30 seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code of the number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: the number then stays in your phone&apos;s call log. Please delete it there after the call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“Where do you have my number from?” (F1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer: where we have the number from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second number: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers are hidden: there is no valid clearance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your number comes from the party&apos;s membership records. We use it only for this campaign. You can object at any time, and we will not call you again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No campaign on this PC yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your call lead prepares one, or it arrives with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outside calling hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today is a public holiday (%1). Calls are possible again from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We do not call at this time. Calls are possible again from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody to call right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The campaign&apos;s goal is reached. Thank you!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call list is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n people wait for their call-back, the next at %1.</source>
        <translation>
            <numerusform>%n person waits for their call-back, at %1.</numerusform>
            <numerusform>%n people wait for their call-back, the next at %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people can be tried again from %1.</source>
        <translation>
            <numerusform>%n person can be tried again from %1.</numerusform>
            <numerusform>%n people can be tried again from %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people are reserved for another PC or caller.</source>
        <translation>
            <numerusform>%n person is reserved for another PC or caller.</numerusform>
            <numerusform>%n people are reserved for another PC or caller.</numerusform>
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
        <source>%1 calls · %2 reached · %3 per hour · %4 waiting to upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correcting the last report …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number copied. The clipboard is cleared in 30 seconds.</source>
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
    <name>Outcome</name>
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
        <source>Reached, call back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voicemail left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please don&apos;t call again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number not in service</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportBar</name>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back (Backspace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the previous question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[9] Please don&apos;t call again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please don&apos;t call again (objection, key 9 or F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call-back date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[F9] Please don&apos;t call again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportFlow</name>
    <message>
        <source>Please don&apos;t call again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Did you reach the person?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could you talk now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No, call back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why not?</source>
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
        <source>Wrong number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else answered / not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number not in service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Did you leave a voicemail?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When should we call back?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In three days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No call-back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call back at (Enter confirms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which number is wrong?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which number is not in service?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does the organizer need to do something?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message to the organizer (only they see it; Enter confirms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note (optional; Enter confirms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not write down health, political opinions or anything about other people.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All answered. Enter saves, Backspace goes back.</source>
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
        <source>Notice</source>
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
    <message>
        <source>Break. Unlock to carry on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked after a while without input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked because the computer was locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked because the computer went to sleep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked because the user was switched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift ended: %1 calls, %2 reached. Thank you!</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
