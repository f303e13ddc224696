"""The call report as a keyboard-driven state machine, following Zetkin's caller flow (screens.md section 2).

Steps, in this order, each shown only when it applies::

    reached?          1 yes, 2 no
    could talk?       (reached)            1 yes, 2 no -> call back
    why not?          (not reached)        1 no pickup, 2 busy, 3 wrong number, 4 not available,
                                           5 not in service
    voicemail left?   (no pickup)          1 yes, 2 no
    call back when?   (could not talk, not available)
                      1 later today (+2 h), 2 tomorrow, 3 in three days, 4 next Monday, 5 pick, 0 none
    call back at      (5 above)            date/time input, submit_datetime()
    which number?     (wrong number / not in service, two numbers)  1 first, 2 second, 3 both; the options
                      carry the numbers, so the GUI names them (masked, views/dialing.mask_number)
    organizer action? 1 yes, 2 no; not asked after a wrong number / number not in service: as in Zetkin,
                      a number problem always asks the organizer (to correct the number, DP-18)
    organizer message (organizer action)   free text, may be empty
    note              (campaign allows notes, DP-6)  free text, may be empty, carries the DP-6 warning
    survey questions  (reached and could talk)  yes/no 1/2; choice 1..n; multi toggles 1..n + Enter;
                      text free input; 0 skips a choice question, empty text skips a text question
    done              the recap ("Zusammenfassung", screens.md 7): one option per answered topic (outcome,
                      call-back, number, organizer, note, each question) with keys 1..8 that go back to
                      that step (``Option.recap``); Enter saves. It is the step that was always last, so it
                      costs no extra key press.

Call-back presets and picked times are moved into the campaign's calling hours
(``calling_hours.callback_moment``); the options carry the resulting moment for the GUI to show before the
caller confirms.

Key 9 ("Bitte nicht mehr anrufen", DP-17) ends the flow at once with an objection from every step,
``done`` included (the end of a call is exactly when people say it; only a flow that already is an objection
refuses it), except a choice question with nine options, where 9 is option nine: there ``Step.objection_key``
is None and the GUI calls ``object()`` (which works on every step) from its button. On text and date steps the GUI decides whether a
typed 9 is text; ``press("9")`` there is the objection. ``back()`` (Backspace) returns to the previous
step with exactly the state it had there, also out of a finished flow (e.g. to undo a mistaken 9 before it
is saved). Invalid input is ignored and returns False. Labels are stable ids the GUI translates
(``LABEL_IDS``); survey prompts and options are the campaign's own text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum

from desktop.domain.calling_hours import as_instant, callback_moment, like, to_berlin
from desktop.domain.models import (
    AnswerValue,
    CallingHours,
    CallReport,
    Campaign,
    Question,
    QuestionKind,
)
from sync.core.rules import Outcome

OBJECTION_KEY = "9"
ENTER = "enter"
SKIP_KEY = "0"
MAX_CALLBACK_DAYS = 366
ORGANIZER_MESSAGE_MAX = 500  # CallReport.organizer_message


class StepId(StrEnum):
    REACHED = "reached"
    COULD_TALK = "could_talk"
    FAILURE_REASON = "failure_reason"
    VOICEMAIL = "voicemail"
    CALL_BACK = "call_back"
    CALL_BACK_AT = "call_back_at"
    WHICH_NUMBER = "which_number"
    ORGANIZER_ACTION = "organizer_action"
    ORGANIZER_MESSAGE = "organizer_message"
    NOTE = "note"
    QUESTION = "question"
    DONE = "done"


class StepKind(StrEnum):
    CHOICE = "choice"  # one digit answers and advances
    MULTI = "multi"  # digits toggle, Enter confirms
    TEXT = "text"  # submit_text()
    DATETIME = "datetime"  # submit_datetime()
    DONE = "done"


class Failure(StrEnum):
    NO_PICKUP = "no_pickup"
    BUSY = "busy"
    WRONG_NUMBER = "wrong_number"
    NOT_AVAILABLE = "not_available"
    NOT_IN_SERVICE = "not_in_service"


@dataclass(frozen=True)
class RecapItem:
    """One line of the recap: a topic of this call and what was answered (the GUI formats it)."""

    topic: StepId  # REACHED stands for the outcome, CALL_BACK, WHICH_NUMBER, ORGANIZER_ACTION, NOTE, QUESTION
    outcome: Outcome | None = None
    when: datetime | None = None  # CALL_BACK: the call-back moment (None: no call-back)
    numbers: tuple[str, ...] = ()  # WHICH_NUMBER: the numbers reported (E.164)
    flag: bool = False  # ORGANIZER_ACTION / NOTE: yes or no
    text: str = ""  # ORGANIZER_ACTION: the message
    question: Question | None = None
    answer: AnswerValue | None = None  # QUESTION: None when skipped


@dataclass(frozen=True)
class Option:
    key: str  # "0".."9" or "enter"
    label_id: str
    text: str = ""  # the campaign's own option text (survey questions); shown instead of a translation
    at: datetime | None = None  # call-back presets: the moment the choice stands for
    selected: bool = False  # multi-choice: toggled on
    number: str = ""  # which-number options: the number (E.164) the option stands for ("both": empty)
    recap: RecapItem | None = None  # the recap on the last step: the line this key changes


@dataclass(frozen=True)
class Step:
    id: StepId
    kind: StepKind
    prompt_id: str
    options: tuple[Option, ...] = ()
    objection_key: str | None = OBJECTION_KEY  # the key that means "Bitte nicht mehr anrufen" here
    question_id: str | None = None
    prompt_text: str = ""  # survey question prompt (campaign text)
    max_length: int | None = None  # text steps
    dp6_warning: bool = False  # show the warning not to record health, opinions or third parties
    min_datetime: datetime | None = None  # datetime step: must be later than this
    max_datetime: datetime | None = None
    calling_hours: CallingHours | None = None  # datetime step: picked times move into these hours

    def option(self, key: str) -> Option | None:
        return next((o for o in self.options if o.key == key), None)


LABEL_IDS: frozenset[str] = frozenset(
    {
        "report.objection",
        "report.reached",
        "report.reached.yes",
        "report.reached.no",
        "report.could_talk",
        "report.could_talk.yes",
        "report.could_talk.no",
        "report.failure_reason",
        *(f"report.failure_reason.{f.value}" for f in Failure),
        "report.voicemail",
        "report.voicemail.yes",
        "report.voicemail.no",
        "report.call_back",
        "report.call_back.later_today",
        "report.call_back.tomorrow",
        "report.call_back.in_three_days",
        "report.call_back.next_week",
        "report.call_back.pick",
        "report.call_back.none",
        "report.call_back_at",
        "report.which_number.wrong",
        "report.which_number.not_in_service",
        "report.which_number.first",
        "report.which_number.second",
        "report.which_number.both",
        "report.organizer_action",
        "report.organizer_action.yes",
        "report.organizer_action.no",
        "report.organizer_message",
        "report.note",
        "report.note.warning",
        "report.question",
        "report.question.yes",
        "report.question.no",
        "report.question.option",
        "report.question.skip",
        "report.question.confirm",
        "report.done",
        "report.recap",
        "report.save",
    }
)
RECAP_KEYS = ("1", "2", "3", "4", "5", "6", "7", "8")  # 9 stays the objection, Enter saves
NUMBER_PROBLEMS = frozenset({"wrong_number", "not_in_service"})  # Failure values that ask the organizer


class FlowNotFinished(RuntimeError):
    """build_report() before the flow is done: a programming error of the caller."""


# --------------------------------------------------------------------------------------------- the draft


@dataclass(frozen=True)
class _Draft:
    """Everything answered so far plus where we are; immutable, so history is a list of drafts."""

    pos: int = 0  # index into the flow's step sequence
    reached: bool | None = None
    could_talk: bool | None = None
    failure: Failure | None = None
    voicemail: bool | None = None
    callback_choice: str | None = None
    callback_after: datetime | None = None
    wrong_numbers: tuple[str, ...] = ()
    organizer_action: bool = False
    organizer_message: str = ""
    note: str = ""
    answers: tuple[tuple[str, AnswerValue], ...] = ()
    selection: frozenset[str] = field(default_factory=frozenset)  # multi-choice keys of the current step
    objection: bool = False


@dataclass(frozen=True)
class _Slot:
    id: StepId
    applies: Callable[[_Draft], bool]
    question: Question | None = None


_YES, _NO = "1", "2"


class ReportFlow:
    def __init__(
        self,
        campaign: Campaign,
        contact_phones: tuple[str, ...],
        caller_id: str,
        contact_id: str,
        now: datetime,
    ) -> None:
        """``contact_phones``: best ``(contact.phone, contact.phone2)``: position 0 is field "phone",
        1 "phone2", empty entries are skipped (``contact.phones`` works too when the first one is set)."""
        self.campaign = campaign
        self.caller_id = caller_id
        self.contact_id = contact_id
        self.now = now
        pairs = [
            (n, number) for n, number in zip(("phone", "phone2"), contact_phones, strict=False) if number
        ]
        self._numbers = tuple(name for name, _ in pairs)
        self._e164 = dict(pairs)
        rules = campaign.rules
        two = len(self._numbers) >= 2
        talk = lambda d: bool(d.reached and d.could_talk)  # noqa: E731
        self._slots: tuple[_Slot, ...] = (
            _Slot(StepId.REACHED, lambda d: True),
            _Slot(StepId.COULD_TALK, lambda d: d.reached is True),
            _Slot(StepId.FAILURE_REASON, lambda d: d.reached is False),
            _Slot(StepId.VOICEMAIL, lambda d: d.failure is Failure.NO_PICKUP),
            _Slot(
                StepId.CALL_BACK,
                lambda d: (d.reached is True and d.could_talk is False) or d.failure is Failure.NOT_AVAILABLE,
            ),
            _Slot(StepId.CALL_BACK_AT, lambda d: d.callback_choice == "5"),
            _Slot(
                StepId.WHICH_NUMBER,
                lambda d: two and d.failure in (Failure.WRONG_NUMBER, Failure.NOT_IN_SERVICE),
            ),
            _Slot(StepId.ORGANIZER_ACTION, lambda d: not _number_problem(d)),
            _Slot(StepId.ORGANIZER_MESSAGE, lambda d: d.organizer_action),
            _Slot(StepId.NOTE, lambda d: rules.notes_enabled),
            *(_Slot(StepId.QUESTION, talk, q) for q in campaign.questions),
            _Slot(StepId.DONE, lambda d: True),
        )
        self._done_pos = len(self._slots) - 1
        self._history: list[_Draft] = [_Draft()]

    # ----------------------------------------------------------------------------------------- reading

    @property
    def _draft(self) -> _Draft:
        return self._history[-1]

    @property
    def done(self) -> bool:
        return self._draft.pos == self._done_pos

    @property
    def objection(self) -> bool:
        return self._draft.objection

    @property
    def step(self) -> Step:
        return self._make_step(self._slots[self._draft.pos], self._draft)

    @property
    def outcome(self) -> Outcome | None:
        """The outcome the answers so far amount to (None before it is known)."""
        d = self._draft
        if d.objection:
            return Outcome.OBJECTION
        if d.reached is True and d.could_talk is not None:
            return Outcome.REACHED if d.could_talk else Outcome.CALL_BACK
        if d.failure is Failure.NO_PICKUP:
            return None if d.voicemail is None else (Outcome.VOICEMAIL if d.voicemail else Outcome.NO_PICKUP)
        return None if d.failure is None else Outcome(d.failure.value)

    # ----------------------------------------------------------------------------------------- input

    def press(self, key: str) -> bool:
        """A key: "0".."9" or "enter". Returns False (and changes nothing) when it means nothing here."""
        key = key.strip().lower()
        if key == "return":
            key = ENTER
        d = self._draft
        slot = self._slots[d.pos]
        step = self._make_step(slot, d)
        if step.objection_key is not None and key == step.objection_key:
            return self.object()
        if slot.id is StepId.DONE:
            return self._revisit(key)
        if step.kind is StepKind.MULTI:
            return self._press_multi(slot, d, key)
        if step.kind is not StepKind.CHOICE or step.option(key) is None:
            return False
        self._advance(self._choose(slot, d, key, step))
        return True

    @property
    def can_go_back(self) -> bool:
        """False on the first step (the GUI disables its "Zurück" there)."""
        return len(self._history) > 1

    def object(self) -> bool:
        """ "Bitte nicht mehr anrufen": ends the flow at once (DP-17), also on the last step. False only when
        the flow already is an objection."""
        if self._draft.objection:
            return False
        self._history.append(replace(self._draft, objection=True, pos=self._done_pos, selection=frozenset()))
        return True

    def submit_text(self, text: str) -> bool:
        d = self._draft
        slot = self._slots[d.pos]
        step = self._make_step(slot, d)
        if step.kind is not StepKind.TEXT:
            return False
        value = text.strip()
        if step.max_length is not None and len(value) > step.max_length:
            return False
        if slot.id is StepId.ORGANIZER_MESSAGE:
            new = replace(d, organizer_message=value)
        elif slot.id is StepId.NOTE:
            new = replace(d, note=value)
        else:
            assert slot.question is not None
            new = self._answer(d, slot.question, value) if value else d
        self._advance(new)
        return True

    def submit_datetime(self, when: datetime) -> bool:
        """The call-back moment for "pick date/time": later than now, at most a year ahead."""
        d = self._draft
        step = self._make_step(self._slots[d.pos], d)
        if step.kind is not StepKind.DATETIME:
            return False
        assert step.min_datetime is not None and step.max_datetime is not None
        if not as_instant(step.min_datetime) < as_instant(when) <= as_instant(step.max_datetime):
            return False
        self._advance(replace(d, callback_after=callback_moment(when, self.campaign.rules.calling_hours)))
        return True

    def back(self) -> bool:
        """Backspace: the previous step, with the state it had. False on the first step."""
        if len(self._history) == 1:
            return False
        self._history.pop()
        return True

    @property
    def recap(self) -> tuple[RecapItem, ...]:
        """What this call amounts to so far, one item per topic in the order it was asked."""
        return tuple(item for _, item in self._recap())

    def _recap(self) -> list[tuple[int, RecapItem]]:
        """(history index of the step that asked it, item): going back to that index changes the answer."""
        d = self._draft
        if d.objection:
            return []
        answers = dict(d.answers)
        items: list[tuple[int, RecapItem]] = []
        seen: set[StepId] = set()
        for index, entry in enumerate(self._history[:-1]):
            slot = self._slots[entry.pos]
            topic = {StepId.ORGANIZER_MESSAGE: StepId.ORGANIZER_ACTION}.get(slot.id, slot.id)
            if topic in seen and topic is not StepId.QUESTION:
                continue
            seen.add(topic)
            match topic:
                case StepId.REACHED:
                    items.append((index, RecapItem(topic, outcome=self.outcome)))
                case StepId.CALL_BACK:
                    items.append((index, RecapItem(topic, when=d.callback_after)))
                case StepId.WHICH_NUMBER:
                    numbers = tuple(self._e164[n] for n in d.wrong_numbers)
                    items.append((index, RecapItem(topic, numbers=numbers)))
                case StepId.ORGANIZER_ACTION:
                    items.append((index, RecapItem(topic, flag=d.organizer_action, text=d.organizer_message)))
                case StepId.NOTE:
                    items.append((index, RecapItem(topic, flag=bool(d.note))))
                case StepId.QUESTION:
                    question = slot.question
                    assert question is not None
                    items.append(
                        (index, RecapItem(topic, question=question, answer=answers.get(question.id)))
                    )
        return items

    def _revisit(self, key: str) -> bool:
        """On the recap: a line's key goes back to the step that asked it, with the state it had there (the
        steps after it are asked again, since the new answer may change which apply)."""
        for (index, _), recap_key in zip(self._recap(), RECAP_KEYS, strict=False):
            if recap_key == key:
                del self._history[index + 1 :]
                return True
        return False

    # ----------------------------------------------------------------------------------------- result

    def build_report(
        self, report_id: str | None = None, created_at: datetime | None = None, *, corrects: str | None = None
    ) -> CallReport:
        """The finished report (``created_at`` defaults to the flow's ``now``)."""
        if not self.done:
            raise FlowNotFinished(f"report flow still at step {self.step.id}")
        d = self._draft
        outcome = self.outcome
        assert outcome is not None
        base: dict[str, object] = {
            "campaign_id": self.campaign.id,
            "contact_id": self.contact_id,
            "caller_id": self.caller_id,
            "outcome": outcome,
            "created_at": self.now if created_at is None else created_at,
            "corrects": corrects,
        }
        if report_id is not None:
            base["id"] = report_id
        if outcome is Outcome.OBJECTION:
            return CallReport.model_validate(base)  # nothing else: end contact, keep no more data
        wrong: tuple[str, ...] = ()
        if outcome in (Outcome.WRONG_NUMBER, Outcome.NOT_IN_SERVICE):
            wrong = d.wrong_numbers or self._numbers[:1]
        return CallReport.model_validate(
            {
                **base,
                "callback_after": d.callback_after,
                "wrong_numbers": wrong,
                "organizer_action": d.organizer_action,
                "organizer_message": d.organizer_message if d.organizer_action else "",
                "note": d.note if self.campaign.rules.notes_enabled else "",
                "answers": dict(d.answers) if outcome is Outcome.REACHED else {},
            }
        )

    # ----------------------------------------------------------------------------------------- internals

    def _advance(self, draft: _Draft) -> None:
        pos = draft.pos + 1
        while not self._slots[pos].applies(draft):
            pos += 1
        self._history.append(replace(draft, pos=pos, selection=frozenset()))

    def _callback_presets(self) -> dict[str, datetime]:
        """Later today (+2 h), tomorrow, in three days, next Monday: the day presets keep the time of day of
        this call (the person is tried when they may be home again, and "morgen" is never midnight in an
        all-day campaign); each moved into the calling hours (outside them: the next window's start)."""
        local = to_berlin(self.now).replace(second=0, microsecond=0)
        monday = local + timedelta(days=7 - local.weekday())
        hours = self.campaign.rules.calling_hours
        wanted = {
            "1": local + timedelta(hours=2),
            "2": local + timedelta(days=1),
            "3": local + timedelta(days=3),
            "4": monday,
        }
        return {key: callback_moment(like(self.now, at), hours) for key, at in wanted.items()}

    def _choose(self, slot: _Slot, d: _Draft, key: str, step: Step) -> _Draft:
        match slot.id:
            case StepId.REACHED:
                return replace(d, reached=key == _YES)
            case StepId.COULD_TALK:
                return replace(d, could_talk=key == _YES)
            case StepId.FAILURE_REASON:
                failure = _FAILURE_KEYS[key]
                # a number problem asks the organizer to correct it, as Zetkin does (DP-18); not asked
                return replace(d, failure=failure, organizer_action=failure.value in NUMBER_PROBLEMS)
            case StepId.VOICEMAIL:
                return replace(d, voicemail=key == _YES)
            case StepId.CALL_BACK:
                option = step.option(key)
                assert option is not None
                return replace(d, callback_choice=key, callback_after=option.at)
            case StepId.WHICH_NUMBER:
                chosen = {"1": self._numbers[:1], "2": self._numbers[1:2], "3": self._numbers[:2]}[key]
                return replace(d, wrong_numbers=chosen)
            case StepId.ORGANIZER_ACTION:
                return replace(d, organizer_action=key == _YES)
            case StepId.QUESTION:
                question = slot.question
                assert question is not None
                if key == SKIP_KEY:
                    return d
                if question.kind is QuestionKind.YES_NO:
                    return self._answer(d, question, key == _YES)
                return self._answer(d, question, question.options[int(key) - 1])
        raise AssertionError(f"no choice at step {slot.id}")  # pragma: no cover

    def _press_multi(self, slot: _Slot, d: _Draft, key: str) -> bool:
        question = slot.question
        assert question is not None
        if key == SKIP_KEY:
            self._advance(d)
        elif key == ENTER:
            chosen = tuple(o for i, o in enumerate(question.options, 1) if str(i) in d.selection)
            self._advance(self._answer(d, question, chosen) if chosen else d)
        elif key.isdigit() and 1 <= int(key) <= len(question.options):
            self._history[-1] = replace(d, selection=d.selection ^ {key})  # a toggle is not a step
        else:
            return False
        return True

    @staticmethod
    def _answer(d: _Draft, question: Question, value: AnswerValue) -> _Draft:
        return replace(d, answers=(*d.answers, (question.id, value)))

    def _make_step(self, slot: _Slot, d: _Draft) -> Step:
        def yes_no(prefix: str) -> tuple[Option, ...]:
            return (Option(_YES, f"{prefix}.yes"), Option(_NO, f"{prefix}.no"))

        match slot.id:
            case StepId.REACHED | StepId.COULD_TALK | StepId.VOICEMAIL | StepId.ORGANIZER_ACTION:
                prompt = f"report.{slot.id.value}"
                return Step(slot.id, StepKind.CHOICE, prompt, yes_no(prompt))
            case StepId.FAILURE_REASON:
                options = tuple(
                    Option(k, f"report.failure_reason.{f.value}") for k, f in _FAILURE_KEYS.items()
                )
                return Step(slot.id, StepKind.CHOICE, "report.failure_reason", options)
            case StepId.CALL_BACK:
                presets = self._callback_presets()
                options = (
                    Option("1", "report.call_back.later_today", at=presets["1"]),
                    Option("2", "report.call_back.tomorrow", at=presets["2"]),
                    Option("3", "report.call_back.in_three_days", at=presets["3"]),
                    Option("4", "report.call_back.next_week", at=presets["4"]),
                    Option("5", "report.call_back.pick"),
                    Option("0", "report.call_back.none"),
                )
                return Step(slot.id, StepKind.CHOICE, "report.call_back", options)
            case StepId.CALL_BACK_AT:
                return Step(
                    slot.id,
                    StepKind.DATETIME,
                    "report.call_back_at",
                    min_datetime=self.now,
                    max_datetime=self.now + timedelta(days=MAX_CALLBACK_DAYS),
                    calling_hours=self.campaign.rules.calling_hours,
                )
            case StepId.WHICH_NUMBER:
                kind = "not_in_service" if d.failure is Failure.NOT_IN_SERVICE else "wrong"
                first, second = (self._e164[n] for n in self._numbers[:2])
                options = (
                    Option("1", "report.which_number.first", number=first),
                    Option("2", "report.which_number.second", number=second),
                    Option("3", "report.which_number.both"),
                )
                return Step(slot.id, StepKind.CHOICE, f"report.which_number.{kind}", options)
            case StepId.ORGANIZER_MESSAGE:
                return Step(
                    slot.id, StepKind.TEXT, "report.organizer_message", max_length=ORGANIZER_MESSAGE_MAX
                )
            case StepId.NOTE:
                max_length = self.campaign.rules.note_max_length
                return Step(slot.id, StepKind.TEXT, "report.note", max_length=max_length, dp6_warning=True)
            case StepId.QUESTION:
                assert slot.question is not None
                return self._question_step(slot.question, d)
            case StepId.DONE:
                recap = tuple(
                    Option(key, "report.recap", recap=item)
                    for (_, item), key in zip(self._recap(), RECAP_KEYS, strict=False)
                )
                save = () if d.objection else (Option(ENTER, "report.save"),)
                return Step(
                    slot.id,
                    StepKind.DONE,
                    "report.done",
                    (*recap, *save),
                    objection_key=None if d.objection else OBJECTION_KEY,
                )
        raise AssertionError(slot.id)  # pragma: no cover

    @staticmethod
    def _question_step(question: Question, d: _Draft) -> Step:
        qid, prompt = question.id, question.prompt
        skip = Option(SKIP_KEY, "report.question.skip")
        options: tuple[Option, ...]
        match question.kind:
            case QuestionKind.YES_NO:
                options = (Option(_YES, "report.question.yes"), Option(_NO, "report.question.no"), skip)
                return Step(
                    StepId.QUESTION,
                    StepKind.CHOICE,
                    "report.question",
                    options,
                    question_id=qid,
                    prompt_text=prompt,
                )
            case QuestionKind.SINGLE | QuestionKind.MULTI:
                multi = question.kind is QuestionKind.MULTI
                choices = tuple(
                    Option(
                        str(i), "report.question.option", text=text, selected=multi and str(i) in d.selection
                    )
                    for i, text in enumerate(question.options, 1)
                )
                objection_key = None if len(question.options) >= int(OBJECTION_KEY) else OBJECTION_KEY
                if multi:
                    options = (*choices, Option(ENTER, "report.question.confirm"), skip)
                    kind = StepKind.MULTI
                else:
                    options, kind = (*choices, skip), StepKind.CHOICE
                return Step(
                    StepId.QUESTION,
                    kind,
                    "report.question",
                    options,
                    objection_key=objection_key,
                    question_id=qid,
                    prompt_text=prompt,
                )
            case QuestionKind.TEXT:
                limit = question.max_length
                return Step(
                    StepId.QUESTION,
                    StepKind.TEXT,
                    "report.question",
                    max_length=limit,
                    question_id=qid,
                    prompt_text=prompt,
                )
        raise AssertionError(question.kind)  # pragma: no cover


def _number_problem(d: _Draft) -> bool:
    return d.failure is not None and d.failure.value in NUMBER_PROBLEMS


_FAILURE_KEYS: dict[str, Failure] = {
    "1": Failure.NO_PICKUP,
    "2": Failure.BUSY,
    "3": Failure.WRONG_NUMBER,
    "4": Failure.NOT_AVAILABLE,
    "5": Failure.NOT_IN_SERVICE,
}
