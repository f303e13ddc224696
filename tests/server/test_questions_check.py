"""The questions editor's rules (issue 14.1 questions editor): the server checks staff's questions one by one and
names the question of a refusal by its number, in German and English; the editor's buttons add, remove and
reorder without losing what was typed."""

from __future__ import annotations

from typing import Any

import pytest

from sync.server import messages
from sync.server.common import ServiceError
from sync.server.content import check_questions
from sync.server.web.content_pages import edited, questions_of


def q(**kw: Any) -> dict[str, Any]:
    return {"id": "kommt", "kind": "yes_no", "prompt": "Kommst du?", "options": [], **kw}


@pytest.mark.parametrize(
    ("questions", "code", "de"),
    [
        ([q(), q(id="farbe", prompt="")], "question_prompt_missing", "Frage 2: Der Fragetext fehlt."),
        (
            [q(prompt="x" * 301)],
            "question_prompt_too_long",
            "Frage 1: Der Fragetext ist länger als 300 Zeichen.",
        ),
        ([q(kind="scale")], "question_kind_unknown", "Frage 1: Bitte eine Art der Antwort wählen."),
        (
            [q(kind="single", options=["ja"])],
            "question_options_count",
            "Frage 1: Eine Auswahlfrage braucht 2 bis 9 Antworten zur Auswahl, eine je Zeile (jetzt 1).",
        ),
        (
            [q(kind="multi", options=[str(i) for i in range(10)])],
            "question_options_count",
            "Frage 1: Eine Auswahlfrage braucht 2 bis 9 Antworten zur Auswahl, eine je Zeile (jetzt 10).",
        ),
        (
            [q(kind="text", options=["a", "b"])],
            "question_options_not_allowed",
            "Frage 1: Nur Auswahlfragen haben Antworten zur Auswahl.",
        ),
        (
            [q(kind="single", options=["a", "b" * 121])],
            "question_option_too_long",
            "Frage 1: Eine Antwort ist länger als 120 Zeichen.",
        ),
        ([q(id="mit leerzeichen")], "question_id_invalid", None),
        ([q(id=f"q{i}") for i in range(21)], "questions_too_many", "Höchstens 20 Fragen je Telefonaktion."),
    ],
)
def test_a_bad_question_is_refused_with_its_number(questions: list[Any], code: str, de: str | None) -> None:
    with pytest.raises(ServiceError) as refused:
        check_questions(questions)
    assert refused.value.code == code and refused.value.status == 422
    if de is not None:
        assert messages.message(code, refused.value.params, "de") == de
    assert refused.value.message == messages.message(code, refused.value.params, "en")


def test_good_questions_of_every_kind_pass() -> None:
    check_questions(
        [
            q(),
            q(id="tag", kind="single", prompt="Welcher Tag?", options=["Samstag", "Sonntag"]),
            q(
                id="hilfe",
                kind="multi",
                prompt="Wobei hilfst du?",
                options=["Plakate", "Stand", "Fahrdienst"],
            ),
            q(id="wunsch", kind="text", prompt="Noch ein Wunsch?"),
        ]
    )


def row(prompt: str, options: str = "", kind: str = "yes_no", ident: str = "") -> dict[str, str]:
    return {"id": ident or prompt[:3], "kind": kind, "prompt": prompt, "options": options, "max_length": ""}


def test_editor_buttons_add_remove_and_reorder_keeping_what_was_typed() -> None:
    rows = [row("Eins"), row("Zwei", "a\nb", "single"), row("Drei")]
    added = edited(rows, "q_add")
    assert added is not None and len(added) == 4 and added[3]["prompt"] == ""
    assert added[3]["id"] not in {r["id"] for r in rows}
    assert [r["prompt"] for r in edited(rows, "q_up_1") or []] == ["Zwei", "Eins", "Drei"]
    assert [r["prompt"] for r in edited(rows, "q_down_1") or []] == ["Eins", "Drei", "Zwei"]
    assert [r["prompt"] for r in edited(rows, "q_up_0") or []] == ["Eins", "Zwei", "Drei"]  # already first
    assert [r["prompt"] for r in edited(rows, "q_remove_0") or []] == ["Zwei", "Drei"]
    assert edited(rows, "q_remove_9") == rows  # a stale button changes nothing
    assert edited(rows, "save") is None and edited(rows, "preview") is None
    assert len(edited([row(f"F{i}", ident=f"f{i}") for i in range(20)], "q_add") or []) == 20  # at most 20


def test_options_one_per_line_and_an_empty_row_is_refused_not_dropped() -> None:
    saved = questions_of([row("Welcher Tag?", " Samstag \n\n Sonntag\n", "single")])
    assert saved == [
        {"id": "Wel", "kind": "single", "prompt": "Welcher Tag?", "options": ["Samstag", "Sonntag"]}
    ]
    check_questions(saved)
    with pytest.raises(ServiceError) as refused:
        check_questions(questions_of([row("Welcher Tag?"), row("", ident="neu")]))
    assert (refused.value.code, refused.value.params["number"]) == ("question_prompt_missing", "2")
