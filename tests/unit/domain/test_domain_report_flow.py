"""The report flow walked exhaustively by keys: outcomes, Zetkin codes, back(), objection from every step."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from desktop.domain.models import CallingHours, Campaign, CampaignRules, DayWindow, Question, QuestionKind
from desktop.domain.report_flow import (
    LABEL_IDS,
    FlowNotFinished,
    ReportFlow,
    StepId,
    StepKind,
)
from sync.core.rules import Outcome

NOW = datetime(2026, 5, 6, 12, 0)  # a Wednesday, naive Berlin time
PICKED = datetime(2026, 5, 20, 18, 30)
ONE = ("+492214710555",)
TWO = ("+492214710555", "+491701234567")
QUESTIONS = (
    Question(id="q-yn", kind=QuestionKind.YES_NO, prompt="Kommst du?"),
    Question(id="q-single", kind=QuestionKind.SINGLE, prompt="Wann?", options=("Vormittag", "Abend")),
    Question(id="q-multi", kind=QuestionKind.MULTI, prompt="Was?", options=("Stand", "Flyer", "Tür")),
    Question(id="q-text", kind=QuestionKind.TEXT, prompt="Wunsch?", max_length=20),
)

ZETKIN = {
    Outcome.REACHED: 1,
    Outcome.NO_PICKUP: 11,
    Outcome.BUSY: 12,
    Outcome.CALL_BACK: 13,
    Outcome.NOT_AVAILABLE: 14,
    Outcome.VOICEMAIL: 15,
    Outcome.WRONG_NUMBER: 21,
    Outcome.OBJECTION: None,
    Outcome.NOT_IN_SERVICE: None,
}


def campaign(*, notes: bool, questions: tuple[Question, ...]) -> Campaign:
    return Campaign(
        id="camp", title="Jahresempfang", questions=questions, rules=CampaignRules(notes_enabled=notes)
    )


CONFIGS = [
    pytest.param(notes, questions, phones, id=f"notes={notes}-q={bool(questions)}-phones={len(phones)}")
    for notes in (False, True)
    for questions in ((), QUESTIONS)
    for phones in (ONE, TWO)
]

Action = tuple[str, object]  # ("press", key) | ("text", str) | ("dt", datetime)


def new_flow(camp: Campaign, phones, now=NOW) -> ReportFlow:
    return ReportFlow(camp, phones, caller_id="anna", contact_id="c1", now=now)


def run(flow: ReportFlow, actions: list[Action]) -> ReportFlow:
    for kind, value in actions:
        ok = {"press": flow.press, "text": flow.submit_text, "dt": flow.submit_datetime}[kind](value)
        assert ok, (kind, value, flow.step.id)
    return flow


def choices(flow: ReportFlow) -> list[list[Action]]:
    """Every way to answer the current step (multi-choice: a few selections)."""
    step = flow.step
    match step.kind:
        case StepKind.CHOICE:
            return [[("press", o.key)] for o in step.options]
        case StepKind.MULTI:
            toggled = [("press", "1"), ("press", "3"), ("press", "enter")]
            return [[("press", "enter")], [("press", "0")], toggled]
        case StepKind.TEXT:
            return [[("text", "")], [("text", "  Hallo  ")]]
        case StepKind.DATETIME:
            return [[("dt", PICKED)]]
    return []


def walk(camp: Campaign, phones):
    """Yield (path, list of (step id, question id, action)) for every node of the flow tree."""
    stack: list[tuple[list[Action], list]] = [([], [])]
    while stack:
        path, trail = stack.pop()
        flow = run(new_flow(camp, phones), path)
        yield path, trail, flow
        step = flow.step
        for answer in choices(flow):
            stack.append((path + answer, [*trail, (step.id, step.question_id, answer)]))


def expected(trail, camp: Campaign, phones) -> dict:
    """The report a path should produce, derived from the answers alone."""
    ans = {(sid, qid): a for sid, qid, a in trail}

    def key(sid, qid=None):
        a = ans.get((sid, qid))
        return None if a is None else a[-1][1]

    reached = key(StepId.REACHED) == "1"
    if reached:
        outcome = Outcome.REACHED if key(StepId.COULD_TALK) == "1" else Outcome.CALL_BACK
    else:
        reason = key(StepId.FAILURE_REASON)
        outcome = {
            "1": Outcome.VOICEMAIL if key(StepId.VOICEMAIL) == "1" else Outcome.NO_PICKUP,
            "2": Outcome.BUSY,
            "3": Outcome.WRONG_NUMBER,
            "4": Outcome.NOT_AVAILABLE,
            "5": Outcome.NOT_IN_SERVICE,
        }[reason]
    callback = {
        None: None,
        "0": None,
        "1": NOW + timedelta(hours=2),
        "2": datetime(2026, 5, 7, 12),  # day presets keep this call's time of day (inside the hours)
        "3": datetime(2026, 5, 9, 12),
        "4": datetime(2026, 5, 11, 12),
        "5": PICKED,
    }[key(StepId.CALL_BACK)]
    wrong = ()
    if outcome in (Outcome.WRONG_NUMBER, Outcome.NOT_IN_SERVICE):
        wrong = {None: ("phone",), "1": ("phone",), "2": ("phone2",), "3": ("phone", "phone2")}[
            key(StepId.WHICH_NUMBER)
        ]
    # a number problem asks the organizer without asking the caller (as Zetkin does)
    organizer = key(StepId.ORGANIZER_ACTION) == "1" or outcome in (
        Outcome.WRONG_NUMBER,
        Outcome.NOT_IN_SERVICE,
    )
    message = key(StepId.ORGANIZER_MESSAGE) or ""
    answers = {}
    if outcome is Outcome.REACHED:
        for q in camp.questions:
            a = ans[(StepId.QUESTION, q.id)]
            if q.kind is QuestionKind.YES_NO and a[-1][1] != "0":
                answers[q.id] = a[-1][1] == "1"
            elif q.kind is QuestionKind.SINGLE and a[-1][1] != "0":
                answers[q.id] = q.options[int(a[-1][1]) - 1]
            elif q.kind is QuestionKind.MULTI and len(a) > 1:
                answers[q.id] = (q.options[0], q.options[2])
            elif q.kind is QuestionKind.TEXT and a[-1][1]:
                answers[q.id] = a[-1][1].strip()
    return {
        "outcome": outcome,
        "callback_after": callback,
        "wrong_numbers": wrong,
        "organizer_action": organizer,
        "organizer_message": message.strip(),
        "note": (key(StepId.NOTE) or "").strip() if camp.rules.notes_enabled else "",
        "answers": answers,
    }


@pytest.mark.parametrize(("notes", "questions", "phones"), CONFIGS)
def test_every_path_builds_the_right_report(notes, questions, phones):
    camp = campaign(notes=notes, questions=questions)
    leaves = 0
    outcomes = set()
    for _path, trail, flow in walk(camp, phones):
        step = flow.step
        # labels are stable ids the GUI can translate
        assert step.prompt_id in LABEL_IDS and all(o.label_id in LABEL_IDS for o in step.options)
        assert step.dp6_warning == (step.id is StepId.NOTE)
        if not flow.done:
            with pytest.raises(FlowNotFinished):
                flow.build_report()
            continue
        leaves += 1
        report = flow.build_report(report_id="r1", created_at=NOW + timedelta(minutes=3))
        want = expected(trail, camp, phones)
        got = {k: getattr(report, k) for k in want}
        assert got == want, [t[:2] for t in trail]
        assert report.zetkin_code == ZETKIN[report.outcome]
        assert (report.id, report.created_at, report.contact_id, report.caller_id) == (
            "r1",
            NOW + timedelta(minutes=3),
            "c1",
            "anna",
        )
        assert flow.outcome is report.outcome
        outcomes.add(report.outcome)
        steps = [sid for sid, _, _ in trail]
        assert (StepId.NOTE in steps) == notes
        assert (StepId.WHICH_NUMBER in steps) == (
            len(phones) == 2 and report.outcome in (Outcome.WRONG_NUMBER, Outcome.NOT_IN_SERVICE)
        )
        assert (StepId.QUESTION in steps) == (bool(questions) and report.outcome is Outcome.REACHED)
        assert (StepId.CALL_BACK in steps) == (report.outcome in (Outcome.CALL_BACK, Outcome.NOT_AVAILABLE))
        assert (StepId.VOICEMAIL in steps) == (report.outcome in (Outcome.NO_PICKUP, Outcome.VOICEMAIL))
        number_problem = report.outcome in (Outcome.WRONG_NUMBER, Outcome.NOT_IN_SERVICE)
        assert (StepId.ORGANIZER_ACTION in steps) == (not number_problem)
        # the recap names every topic asked, in order, and its keys lead back to the step that asked it
        topics = [item.topic for item in flow.recap]
        assert topics[0] is StepId.REACHED and flow.recap[0].outcome is report.outcome
        assert (StepId.CALL_BACK in topics) == (StepId.CALL_BACK in steps)
        assert topics.count(StepId.QUESTION) == steps.count(StepId.QUESTION)
        assert [o.key for o in step.options] == [str(i) for i in range(1, min(len(topics), 8) + 1)] + [
            "enter"
        ]
        done = flow.step
        for option in done.options[:-1]:
            assert option.recap is not None and flow.press(option.key)
            assert not flow.done
            asked = flow.step.id
            want = {StepId.ORGANIZER_ACTION: (StepId.ORGANIZER_ACTION, StepId.ORGANIZER_MESSAGE)}.get(
                option.recap.topic, (option.recap.topic,)
            )
            assert asked in want, (option.recap.topic, asked)
            start = [(t[0], t[1]) for t in trail].index((asked, flow.step.question_id))
            replay = [answer for _, _, answer in trail[start:]]
            if flow.step.kind is StepKind.MULTI:  # the step comes back with its toggles: only confirm
                replay[0] = replay[0][-1:]
            run(flow, [action for answer in replay for action in answer])
            assert flow.step == done
    assert outcomes == set(Outcome) - {Outcome.OBJECTION}
    assert leaves > 20


@pytest.mark.parametrize(("notes", "questions", "phones"), CONFIGS)
def test_objection_back_and_invalid_keys_on_every_step(notes, questions, phones):
    camp = campaign(notes=notes, questions=questions)
    for path, _trail, flow in walk(camp, phones):
        before = flow.step
        # invalid input changes nothing
        for bad in ("7", "x", "", "F1", "enter" if before.kind is StepKind.CHOICE else "8"):
            if before.option(bad) is None:
                assert flow.press(bad) is False and flow.step == before
        if before.kind is not StepKind.TEXT:
            assert flow.submit_text("x") is False
        if before.kind is not StepKind.DATETIME:
            assert flow.submit_datetime(PICKED) is False
        if flow.done and flow.objection:
            assert flow.press("9") is False and flow.object() is False
            continue
        if flow.done:  # the last step still takes the objection (#15.4), and Backspace undoes it
            assert before.objection_key == "9" and flow.can_go_back
            assert flow.press("9") is True and flow.objection
            assert flow.build_report().outcome is Outcome.OBJECTION
            assert flow.back() is True and flow.step == before and not flow.objection
            continue
        # objection ends the flow from every step; Backspace undoes it before it is saved
        assert before.objection_key == "9"
        assert flow.press("9") is True and flow.done and flow.objection
        report = flow.build_report()
        assert report.outcome is Outcome.OBJECTION and report.zetkin_code is None
        assert report.callback_after is None and report.answers == {} and report.note == ""
        assert not report.organizer_action and report.wrong_numbers == ()
        assert flow.back() is True and flow.step == before and not flow.objection
        # back() after each answer restores this step as it was left (a multi-choice keeps its toggles),
        # and the same answer again leads to the same next step
        for answer in choices(flow):
            run(flow, answer[:-1])
            left = flow.step
            run(flow, answer[-1:])
            after = flow.step
            assert flow.back() is True
            assert flow.step == left, (path, answer)
            run(flow, answer[-1:])
            assert flow.step == after
            assert flow.back() is True
            if before.kind is StepKind.MULTI:
                for key in {k for _, k in answer[:-1]}:
                    flow.press(key)  # toggle back off
            assert flow.step == before
        if not path:
            assert flow.back() is False and flow.step == before


def test_back_restores_previous_answers_and_changes_the_branch():
    camp = campaign(notes=True, questions=QUESTIONS)
    flow = new_flow(camp, TWO)
    run(flow, [("press", "2"), ("press", "3")])  # not reached, wrong number
    assert [(o.key, o.number) for o in flow.step.options] == [("1", TWO[0]), ("2", TWO[1]), ("3", "")]
    run(flow, [("press", "2")])  # the second
    assert flow.step.id is StepId.ORGANIZER_MESSAGE  # the organizer is asked without asking (Zetkin)
    assert flow.back() and flow.step.id is StepId.WHICH_NUMBER
    assert flow.back() and flow.step.id is StepId.FAILURE_REASON
    assert flow.back() and flow.step.id is StepId.REACHED
    run(flow, [("press", "1"), ("press", "1"), ("press", "2"), ("text", "")])  # reached, talked
    assert flow.step.id is StepId.QUESTION and flow.step.question_id == "q-yn"
    run(flow, [("press", "1"), ("press", "2")])
    step = flow.step
    assert step.kind is StepKind.MULTI and step.question_id == "q-multi"
    assert flow.press("1") and flow.press("2") and flow.press("1")  # toggles
    assert [o.selected for o in flow.step.options[:3]] == [False, True, False]
    assert flow.back() and flow.step.question_id == "q-single"  # back leaves the step, not the toggle
    run(flow, [("press", "2")])
    assert not any(o.selected for o in flow.step.options)  # a fresh step
    run(flow, [("press", "2"), ("press", "enter")])
    assert flow.step.kind is StepKind.TEXT and flow.step.max_length == 20
    assert flow.submit_text("x" * 21) is False
    run(flow, [("text", "x" * 20)])
    assert flow.done
    report = flow.build_report()
    assert report.outcome is Outcome.REACHED and report.zetkin_code == 1
    assert report.answers == {"q-yn": True, "q-single": "Abend", "q-multi": ("Flyer",), "q-text": "x" * 20}


def test_text_limits_and_the_note_warning():
    camp = Campaign(id="c", title="t", rules=CampaignRules(notes_enabled=True, note_max_length=20))
    flow = new_flow(camp, ONE)
    run(flow, [("press", "2"), ("press", "2"), ("press", "1")])  # busy, organizer action
    step = flow.step
    assert step.id is StepId.ORGANIZER_MESSAGE and step.kind is StepKind.TEXT and step.max_length == 500
    assert flow.submit_text("y" * 501) is False
    assert flow.submit_text(" Bitte Adresse prüfen ")
    step = flow.step
    assert step.id is StepId.NOTE and step.dp6_warning and step.max_length == 20
    assert flow.submit_text("z" * 21) is False and flow.step == step
    assert flow.submit_text("z" * 20)
    report = flow.build_report()
    assert report.outcome is Outcome.BUSY and report.zetkin_code == 12
    assert report.organizer_action and report.organizer_message == "Bitte Adresse prüfen"
    assert report.note == "z" * 20


def test_callback_presets_and_picked_times():
    camp = campaign(notes=False, questions=())
    sunday_evening = datetime(2026, 5, 10, 19, 45)
    flow = run(new_flow(camp, ONE, now=sunday_evening), [("press", "1"), ("press", "2")])
    presets = {o.key: o.at for o in flow.step.options}
    # the day presets keep the time of day, moved into the default calling hours (Mon-Fri 10-20, Sat 10-16,
    # no Sunday)
    assert presets == {
        "1": datetime(2026, 5, 11, 10),  # Sunday 21:45 is outside: Monday's window
        "2": datetime(2026, 5, 11, 19, 45),
        "3": datetime(2026, 5, 13, 19, 45),
        "4": datetime(2026, 5, 11, 19, 45),  # next Monday
        "5": None,
        "0": None,
    }
    assert flow.press("5") and flow.step.kind is StepKind.DATETIME
    assert flow.submit_datetime(datetime(2026, 5, 10, 19, 0)) is False  # the past
    assert flow.submit_datetime(datetime(2027, 6, 1)) is False  # more than a year ahead
    assert flow.submit_datetime(datetime(2026, 5, 12, 16, tzinfo=UTC))  # Tuesday 18:00 in Berlin
    assert run(flow, [("press", "2")]).build_report().callback_after == datetime(2026, 5, 12, 16, tzinfo=UTC)
    flow.back(), flow.back()
    assert flow.submit_datetime(datetime(2026, 5, 12, 19, tzinfo=UTC))  # 21:00: after hours
    assert run(flow, [("press", "2")]).build_report().callback_after == datetime(2026, 5, 13, 8, tzinfo=UTC)


def test_callback_presets_follow_berlin_days_for_aware_now():
    camp = campaign(notes=False, questions=())
    now = datetime(2026, 3, 28, 23, 30, tzinfo=UTC)  # Sunday 00:30 CET in Berlin; summer time starts at 03:00
    flow = run(new_flow(camp, ONE, now=now), [("press", "2"), ("press", "4")])
    presets = {o.key: o.at for o in flow.step.options}
    assert presets["1"] == datetime(2026, 3, 30, 8, 0, tzinfo=UTC)  # Monday 10:00 CEST (no calls on Sunday)
    assert presets["2"] == datetime(2026, 3, 30, 8, 0, tzinfo=UTC)
    assert presets["4"] == datetime(2026, 3, 30, 8, 0, tzinfo=UTC)
    assert all(at.utcoffset() is not None for at in presets.values() if at is not None)


def test_nine_is_an_answer_on_a_nine_option_question():
    nine = Question(id="q9", kind=QuestionKind.SINGLE, prompt="Welche?", options=tuple("ABCDEFGHI"))
    flow = new_flow(Campaign(id="c", title="t", questions=(nine,)), ONE)
    run(flow, [("press", "1"), ("press", "1"), ("press", "2")])
    assert flow.step.question_id == "q9" and flow.step.objection_key is None
    assert flow.press("9") and flow.done and not flow.objection
    assert flow.build_report().answers == {"q9": "I"}
    assert flow.back() and flow.object() and flow.build_report().outcome is Outcome.OBJECTION


def test_correction_reports_name_the_corrected_one():
    flow = new_flow(campaign(notes=False, questions=()), ONE)
    run(flow, [("press", "2"), ("press", "2"), ("press", "2")])
    report = flow.build_report(corrects="old-report")
    assert report.corrects == "old-report" and report.outcome is Outcome.BUSY


def test_callback_presets_respect_the_campaigns_hours_and_holidays():
    hours = CallingHours(windows={d: DayWindow(start=time(17), end=time(21)) for d in range(7)})
    camp = Campaign(id="c", title="t", rules=CampaignRules(calling_hours=hours))
    friday_noon = datetime(2026, 12, 4, 12, 0)
    flow = run(new_flow(camp, ONE, now=friday_noon), [("press", "1"), ("press", "2")])
    presets = {o.key: o.at for o in flow.step.options}
    assert presets["1"] == datetime(2026, 12, 4, 17)  # 14:00 is before the window: its start
    assert presets["2"] == datetime(2026, 12, 5, 17)  # Saturday 12:00 is before the window: its start
    late = run(new_flow(camp, ONE, now=datetime(2026, 12, 4, 20, 15)), [("press", "1"), ("press", "2")])
    assert {o.key: o.at for o in late.step.options}["2"] == datetime(2026, 12, 5, 20, 15)  # same time
    christmas_eve = datetime(2026, 12, 24, 18, 0)  # the 25th and 26th are public holidays
    flow = run(new_flow(camp, ONE, now=christmas_eve), [("press", "1"), ("press", "2")])
    assert {o.key: o.at for o in flow.step.options}["2"] == datetime(2026, 12, 27, 17)


def test_recap_lists_the_answers_and_a_key_changes_one():
    camp = campaign(notes=True, questions=QUESTIONS[:2])
    flow = run(
        new_flow(camp, TWO),
        [
            ("press", "1"),
            ("press", "1"),
            ("press", "1"),
            ("text", "Will helfen"),
            ("text", ""),
            ("press", "1"),
            ("press", "0"),
        ],
    )
    assert flow.done
    items = {o.key: o.recap for o in flow.step.options if o.recap}
    assert items["1"].outcome is Outcome.REACHED
    assert (
        items["2"].topic is StepId.ORGANIZER_ACTION and items["2"].flag and items["2"].text == "Will helfen"
    )
    assert items["3"].topic is StepId.NOTE and not items["3"].flag
    assert items["4"].answer is True and items["5"].answer is None  # answered, skipped
    assert flow.press("2") and flow.step.id is StepId.ORGANIZER_ACTION  # change the organizer answer
    run(flow, [("press", "2"), ("text", "z"), ("press", "2"), ("press", "1")])
    report = flow.build_report()
    assert (
        not report.organizer_action
        and report.note == "z"
        and report.answers == {"q-yn": False, "q-single": "Vormittag"}
    )
    assert flow.press("7") is False  # no seventh line


def test_wrong_number_with_one_number_asks_the_organizer_directly():
    flow = run(new_flow(campaign(notes=False, questions=()), ONE), [("press", "2"), ("press", "3")])
    assert flow.step.id is StepId.ORGANIZER_MESSAGE
    run(flow, [("text", "")])
    report = flow.build_report()
    assert report.organizer_action and report.wrong_numbers == ("phone",)
    recap = {item.topic: item for item in flow.recap}
    assert recap[StepId.ORGANIZER_ACTION].flag and StepId.WHICH_NUMBER not in recap
