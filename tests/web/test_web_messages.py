"""Messages by code as a user sees them (issue 14.8): the same refusal of the central office, in German and in
English, worded from the one catalogue (sync.server.messages). Messages with parameters on a page:
tests/web/test_web_content.py (placeholder, question number, both languages)."""

from __future__ import annotations

import uuid
from typing import Any

from tests.server.helpers import Env
from tests.web.web_support import Staff, problem, sign_in


def test_refusals_read_in_german_and_english(page: Any, web: Env, staff: Staff) -> None:
    name = f"KV Doppelt {uuid.uuid4().hex[:6]}"
    web.office.commands.add_org(name)
    sign_in(page, staff)

    page.goto("/web/orgs")
    page.get_by_label("Name", exact=True).fill(name)
    page.get_by_role("button", name="Anlegen").click()
    assert problem(page) == "Das ging nicht: Eine Gliederung mit diesem Namen gibt es schon."

    page.goto("/web/orgs?lang=en")
    page.get_by_label("Name", exact=True).fill(name)
    page.get_by_role("button", name="Add").click()
    assert problem(page) == "That did not work: an org with this name exists already"
