<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AddPersonDialog</name>
    <message>
        <source>Add a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand the keyboard to the new person. They choose their own passphrase (nobody else needs to know it) and sign the confidentiality pledge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name and initial, e.g. Jonas K.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name shown on this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength of the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name on this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A responsible person may also prepare campaigns, import lists, add and remove people on this PC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidentiality pledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have read the pledge and will keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature: your full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature (full name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving …</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Change passphrase …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change your own passphrase</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
        <source>Campaign</source>
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
        <source>Correct (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the last report (F2)</source>
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
        <source>Admit a volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admit a volunteer (responsible persons only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepare campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepare campaigns, lists and progress (responsible persons only)</source>
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
        <source>Skip (F4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip this person with a short reason (F4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My calls (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My calls in this shift, to correct any of them (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call the second number with the phone of this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a QR code to dial the second number with your own phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the second number (cleared after 30 seconds)</source>
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
        <source>Version %1, adapted by your call lead</source>
        <translation>Version %1, adapted by your call lead</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
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
        <source>This campaign has no script or no answer to “Where do you have my number from?” yet.</source>
        <translation>This campaign has no script or no answer to “Where do you have my number from?” yet.</translation>
    </message>
    <message>
        <source>Nobody is called without them. Ask your call lead or the central office to add them.</source>
        <translation>Nobody is called without them. Ask your call lead or the central office to add them.</translation>
    </message>
    <message>
        <source>This campaign still lacks the clearance of the central office.</source>
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
        <source>You have called everyone this PC holds. %n more people on the list are with the central office or another PC: the next synchronisation brings this PC new ones.</source>
        <translation>
            <numerusform>You have called everyone this PC holds. One more person on the list is with the central office or another PC: the next synchronisation brings this PC new ones.</numerusform>
            <numerusform>You have called everyone this PC holds. %n more people on the list are with the central office or another PC: the next synchronisation brings this PC new ones.</numerusform>
        </translation>
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
    <message numerus="yes">
        <source>You skipped %n people for this shift; other callers call them.</source>
        <translation>
            <numerusform>You skipped %n person for this shift; other callers call them.</numerusform>
            <numerusform>You skipped %n people for this shift; other callers call them.</numerusform>
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
    <message numerus="yes">
        <source>%n calls</source>
        <translation>
            <numerusform>%n call</numerusform>
            <numerusform>%n calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reached</source>
        <translation>
            <numerusform>%n reached</numerusform>
            <numerusform>%n reached</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 per hour</source>
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
        <source>QR code of the second number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number copied. The clipboard is cleared in 30 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipping …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped. That was no call attempt; the person stays on the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the call for correction …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correcting the call of %1: the new answers replace it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving …</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallingHoursEditor</name>
    <message>
        <source>Calling hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calls on public holidays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nationwide holidays only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CampaignEditor</name>
    <message>
        <source>New campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the PCs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who may be on the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Title and period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the list after the end +</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal (people reached)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer to &quot;Where do you have my number from?&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where do you have my number from?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callers may write a short note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes are off by default. If you turn them on, callers see a warning: no health, opinions or other people in notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause between attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts per person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. district board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decided on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 to 3 names, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible persons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview for an invented person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. Nothing else is imported or stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the new passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too short: at least 8 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weak: longer is better, e.g. three or four words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair. A few more words make it strong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new passphrase needs at least 8 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two new passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving …</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Clearance</name>
    <message>
        <source>Board resolution naming 1–3 responsible persons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training and exercises completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed data-protection declaration received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your board passes a resolution that names 1–3 responsible persons for the phone campaign; send it to the central office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The resolution has expired or does not cover this purpose: please pass a new one and send it to the central office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not named as a responsible person in the resolution. Please ask your board.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign up for the training and complete it with its exercises.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the signed data-protection declaration to the central office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central office has revoked the clearance. Please ask them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This PC is not yet enrolled with the central office. A responsible person enrols it with a one-time code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have not signed the confidentiality pledge on this PC. A responsible person admits you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central office did not confirm your confidentiality pledge. Please talk to your call lead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your provisional period has ended and the central office has not yet confirmed your pledge. Please talk to your call lead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clearance on this PC has expired. Connect to the internet and synchronise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The numbers stay hidden until the central office grants a new clearance; then they become visible after the next synchronisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once this is done, the numbers become visible after the next synchronisation.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CloneDialog</name>
    <message>
        <source>This PC uses a copy of another PC&apos;s workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central office has seen two PCs syncing with the same workspace: this folder was copied, or restored on a second PC while the first one goes on working. To keep the two apart, this PC needs an enrolment of its own. Nothing is lost: the reports not yet at the central office are kept and sent again, and none counts twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Ask your lead or the central office for a new one-time code.
2. Enter it below and press the button: this PC keeps what is not yet sent, enrols again and sends everything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example: Laptop in the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep, enrol again and send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter the one-time code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolling again …</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Enrolled again. Sending %n item(s) not yet at the central office …</source>
        <translation type="unfinished">
            <numerusform>Enrolled again. Sending %n item not yet at the central office …</numerusform>
            <numerusform>Enrolled again. Sending %n items not yet at the central office …</numerusform>
        </translation>
    </message>
    <message>
        <source>Done: this PC has its own enrolment, and everything was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This one-time code is unknown or was used already. Please ask for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This one-time code has expired. Please ask for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This code belongs to another organisation. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central office cannot be reached. What is not yet sent is kept; please try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central office still sees a copy. Please ask the central office for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong. Nothing was lost.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Telefonaktion has hit an unexpected error and must close. Every report that was shown as saved is saved; the workspace stays encrypted. Please start the app again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A report without personal data was written to: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefonaktion</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DamagedView</name>
    <message>
        <source>The workspace is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace file failed its integrity check, so it was not opened. Nothing was changed, deleted or rebuilt. Reports that were already sent are safe at the central office. There are two ways out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Restore the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefonaktion keeps an encrypted backup from before each update of the file format. Restoring it moves the damaged files into a separate folder (nothing is deleted). Reports recorded after the backup are taken over from the damaged file as far as it can still be read, and sent with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup</source>
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
        <source>There is no backup on this PC. Please take the second way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Enrol again and pull the list from the central office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Close Telefonaktion.
2. Rename the workspace folder (shown below), for example by adding &quot;-damaged&quot;. Do not delete it: reports that had not reached the central office are still in it, and the central office can help to read them.
3. Ask the central office for a new enrolment code and enrol this PC again with the command below.
4. Synchronise: campaigns, clearances and objections come back from the central office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name + initial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to unlocking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup of %1 (file format %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup was restored. Opening …</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The backup was restored. %n report(s) recorded after it were taken over from the damaged file and go to the central office with the next sync. Opening …</source>
        <translation type="unfinished">
            <numerusform>The backup was restored. %n report recorded after it was taken over from the damaged file and goes to the central office with the next sync. Opening …</numerusform>
            <numerusform>The backup was restored. %n reports recorded after it were taken over from the damaged file and go to the central office with the next sync. Opening …</numerusform>
        </translation>
    </message>
    <message>
        <source>This backup cannot be used either: it failed its check. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Export results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record of processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export results …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For the central office: pseudonymous id, outcome and answers; no names, no numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record of processing …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Art. 30 GDPR entry of this campaign for the data-protection officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>call-backs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>objections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls per hour (green: reached)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record of processing written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal: %1 of %2 people reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 people on the list, %2 calls so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call list has been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calls in the last hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calls yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today: %1 callers, %2 calls. Altogether: %3 callers, %4 calls. %5 results wait for upload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 calls, %3 reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who wants to be named:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names appear only for volunteers who chose so.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 results exported (no names, no numbers).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EndView</name>
    <message>
        <source>End the campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the campaign and delete the call list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This campaign has ended. Its call list has been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 people are on the call list. Ending deletes their names, numbers and places from this PC at once; otherwise this happens on %2. Results stay under their pseudonymous ids.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 results have not reached the central office yet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End anyway. These %1 results stay on this PC and are sent at the next synchronisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every result has reached the central office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the call list of &quot;%1&quot; now? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign ended: %1 people deleted from this PC, %2 results kept for upload.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Choose the membership list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the membership export (CSV or Excel .xlsx). Columns the campaign does not need are dropped; you see which before anything is stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose file …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken over?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no category column. Everybody in it is:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— please choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import another file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file chosen yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose or create a campaign first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Choose the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Check the columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Not taken over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4. Problems by row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5. Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6. Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the whole file …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1 people. Nothing is stored until all of them are in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 file, header in row %2, about %3 rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— not taken over —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no – %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These columns will not be taken over: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every column of the file is needed; nothing is dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken over: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows read: %2 can be imported, %3 rows not imported, %4 invalid numbers, %5 duplicates merged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody in this file can be imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first %1 of %2 people, only with the fields that are kept:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 people are on the call list now (%2 in total).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 were on the list already and were skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 asked the party not to be called again (objection register) and were not taken over.</source>
        <translation>%1 asked the party not to be called again (objection register) and were not taken over.</translation>
    </message>
    <message>
        <source>Nothing was imported; the list is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeadArea</name>
    <message>
        <source>Campaign:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start calling</source>
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
        <source>Prepare campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share out list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm clock …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm that the PC clock is right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, date and time are right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This PC&apos;s clock says %1, much later than the last confirmed time. Until it is confirmed nothing is deleted because of it (campaigns that would have ended stay). If the clock is wrong, set it right or synchronise; if it is right, confirm it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Is today really %1? After confirming, campaigns past their end are deleted from this PC as planned. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PC clock is confirmed. Campaigns whose contact data was deleted now: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2, %3 people)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeadTexts</name>
    <message>
        <source>Invitation / election campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep in touch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member survey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Town</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Former members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regular contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Others with consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reached, done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objection</source>
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
        <source>Organizer action</source>
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
        <source>Call back later</source>
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
        <source>Please don&apos;t call again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please give the campaign a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The title is too long (at most 120 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please set an end date: the call list is deleted after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The campaign ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script uses unknown placeholders: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please write the answer to &quot;Where do you have my number from?&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question %1 has no text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question %1 is too long (at most 300 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question %1: a choice needs 2 to 9 options, one per line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question %1: only choice questions have options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question %1: an option is empty or appears twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question %1 appears twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question %1 is not complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calling hours: on one day the start is not before the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calling hours: choose at least one day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pause between attempts is out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts per person: 1 to 10.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note length: 20 to 500 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The goal must be at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one group of people.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a purpose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please check the campaign&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a responsible person (lead) may do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This campaign no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This campaign has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members can be imported only with a valid clearance of the central office for this purpose. Set this PC up with the central office (one-time code) and synchronise; script, questions and rules can be prepared already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This campaign comes from the central office and is changed there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The purpose cannot change once the list is imported: a new purpose needs a new list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The campaign changed after the file was checked. Please check the file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file contains people of a group this campaign may not call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody on the list is free to share out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose who gets a share.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Somebody was chosen twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deadline must lie in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This share went back to the list already. Share out again instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This share no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A resolution names at most three responsible persons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grace period: 0 to 30 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some results are not yet with the central office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is too large (at most 50 MB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a CSV text file (it contains binary data). Choose a CSV or XLSX file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text encoding of the file could not be read. Save it as CSV (UTF-8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old Excel files (.xls) are not supported: save the list as .xlsx or CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is named .xlsx but is not an Excel workbook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Excel workbook is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Excel workbook unpacks to too much data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CSV file is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no header row with column names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No name column was found that this purpose allows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No phone number column was found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no category column: confirm below who is in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has a header but no data rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has too many rows (at most 500,000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has too many columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This column choice is not possible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Premium-rate number, not called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number mangled by a spreadsheet (digits lost)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No valid phone number: not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No name: not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category empty: not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category unknown: not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group not allowed for this campaign: not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No consent date: not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent date not valid: not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More values than columns: not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A value is too long: not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formula without a result: not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spreadsheet error value: not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same number as row %1: merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same name and postcode as row %1: merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not needed for calling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not allowed for this purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a second column for the same field</source>
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
    <message numerus="yes">
        <source>Please wait %n second(s) before the next try.</source>
        <translation>
            <numerusform>Please wait %n second before the next try.</numerusform>
            <numerusform>Please wait %n seconds before the next try.</numerusform>
        </translation>
    </message>
    <message>
        <source>That did not work. Please check your name and passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong tries on this PC. The passphrase was not checked this time.</source>
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
    <name>PeopleView</name>
    <message>
        <source>Responsible person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a responsible person can add people.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no valid clearance on this PC, so nobody can be added right now. Synchronise with the central office first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase needs at least 8 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This name is already used on this PC. Add an initial, e.g. “Jonas K.”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is too long: first name and initial are enough.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please sign with your full name, starting with the first name above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please confirm that you have read the pledge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That did not work. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People on this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone listed here unlocks this workspace with their own passphrase. Nobody else can open it. Removing a person gives the workspace a new key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a person …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove person …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change my passphrase …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was added and can now unlock this PC with their own passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed: %1. The workspace has a new key; the removed passphrases no longer open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your passphrase has been changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionEditor</name>
    <message>
        <source>Questions of the campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes / no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One option per line (2 to 9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(new question)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Recap</name>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call-back: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call-back: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To the organizer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To the organizer: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemovePersonDialog</name>
    <message>
        <source>Remove a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 will be removed from this PC. The workspace gets a new key: afterwards the passphrase of %1 no longer opens it, not even with a copy of the old key file. Their reports stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone who stays types their passphrase here, so that the new key can be locked with it. Whoever is not here is removed as well and added again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not here: remove as well</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not here: remove as well</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please fill in every passphrase, or tick “not here” for whoever is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new key is being written. Please do not switch off the PC …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase of %1 is not right. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong tries on this PC. The passphrases were not checked this time. Nothing was changed.</source>
        <translation>Too many wrong tries on this PC. The passphrases were not checked this time. Nothing was changed.</translation>
    </message>
    <message>
        <source>You cannot remove yourself. Another responsible person can.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That did not work. Nothing was changed.</source>
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
        <source>Call-back time that will be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[F9] Please don&apos;t call again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call-back: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the chosen time is outside the calling hours: the next possible time)</source>
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
        <source>Summary: a digit changes that answer, Enter saves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShiftLogDialog</name>
    <message>
        <source>My calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My calls in this shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter opens a call to correct it: the new answers are saved as a new report that replaces the old one (which is kept). Nothing in this list is kept after “End shift”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls of this shift, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calls yet in this shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(corrected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A skipped person was not called: there is nothing to correct.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Skip</name>
    <message>
        <source>I know this person personally</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone who speaks their language should call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone or headset trouble</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SkipDialog</name>
    <message>
        <source>Skip this person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why do you skip this person?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipping is not a call attempt and is not sent anywhere. The person stays on the list: for reasons 1 and 2 someone else calls them, otherwise they come back to you when nobody else is left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (keys 1 to 4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short text (optional, no personal details)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short text (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlicesView</name>
    <message>
        <source>Share out the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several PCs or callers never get the same person: each share is reserved until its deadline and then returns to the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New shares of the free people on the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callers on this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other PCs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserved until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return to the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extend to the deadline above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>returned to the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(expired)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PC: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PC %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 people changed hands.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusButton</name>
    <message>
        <source>Sync status: opens the details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>○ offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ refused by the central office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receiving contacts: %1 so far</source>
        <translation>receiving contacts: %1 so far</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to upload</source>
        <translation>
            <numerusform>%n waiting to upload</numerusform>
            <numerusform>%n waiting to upload</numerusform>
        </translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never synchronised</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n need attention</source>
        <translation>
            <numerusform>%n needs attention</numerusform>
            <numerusform>%n need attention</numerusform>
        </translation>
    </message>
    <message>
        <source>clearance valid until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no valid clearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>locks in %1 min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncDetails</name>
    <message>
        <source>Synchronisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to upload: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention (refused by the central office, never dropped):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronise now</source>
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
        <source>Change passphrase …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change your own passphrase</source>
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
        <source>Your passphrase has been changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking …</source>
        <translation type="unfinished"></translation>
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
    <message numerus="yes">
        <source>%n calls</source>
        <translation>
            <numerusform>%n call</numerusform>
            <numerusform>%n calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reached</source>
        <translation>
            <numerusform>%n reached</numerusform>
            <numerusform>%n reached</numerusform>
        </translation>
    </message>
    <message>
        <source>Shift ended: %1. Thank you!</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength of the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too short: at least 8 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weak: longer is better, e.g. three or four words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair. A few more words make it strong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Telefonaktion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This PC has no workspace yet. How do you want to start?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up this PC with the central office (the usual way; you need the one-time code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepare offline as a call lead (script, questions, rules; members once cleared)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the demo (invented people)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up this PC with the central office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address of the central office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. office PC 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name and initial, e.g. Erika B.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name on this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepare offline as a call lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can prepare the campaign, script, questions and rules now. Members can be imported once this PC is set up with the central office and cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. KV Musterstadt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the central office …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching campaign and clearance … %1 people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central office does not know this code, or it was used already. Please ask the central office for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code has expired. Please ask the central office for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central office cannot be reached. Check the address and the internet connection, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection could not be verified (certificate). Check the address (https://…) and that this PC&apos;s date and time are right, or ask the central office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This address cannot be used: the central office is reached only by https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is a workspace on this PC already. Please restart Telefonaktion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please fill in every field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase needs at least 8 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central office refused the set-up. Please ask them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That did not work. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>When</name>
    <message>
        <source>ddd, dd.MM.yyyy, HH:mm</source>
        <translation>ddd d MMM yyyy, HH:mm</translation>
    </message>
</context>
</TS>
