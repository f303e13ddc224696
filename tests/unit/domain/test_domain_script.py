"""Script placeholders: purpose-gated, unknown ones visible, never raising, safe Qt rich text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.models import Campaign, Contact
from desktop.domain.script import PLACEHOLDERS, render_script, render_template

FAST = settings(max_examples=300, deadline=None, database=None)


def make(purpose: str = "invitation", script: str = "") -> tuple[Campaign, Contact]:
    camp = Campaign(id="c", title="Einladung <Jahresempfang> & mehr", purpose=purpose, script=script)
    contact = Contact(
        campaign_id="c", first_name="Renate", last_name="Lindenblatt", locality="Köln-Ehrenfeld"
    )
    return camp, contact


def test_placeholders_are_filled():
    script = "Hallo {first_name} {last_name} aus {locality}, hier ist {caller_name}: {campaign_title}"
    camp, contact = make(script=script)
    out = render_script(camp, contact=contact, caller_name="Anna B.")
    assert out.plain == (
        "Hallo Renate Lindenblatt aus Köln-Ehrenfeld, hier ist Anna B.: Einladung <Jahresempfang> & mehr"
    )
    assert out.html == (
        "Hallo Renate Lindenblatt aus Köln-Ehrenfeld, hier ist Anna B.: "
        "Einladung &lt;Jahresempfang&gt; &amp; mehr"
    )
    assert {"first_name", "last_name", "locality", "caller_name", "campaign_title"} == PLACEHOLDERS


def test_fields_the_purpose_does_not_allow_stay_empty():
    camp, contact = make(purpose="keep-in-touch", script="Hallo {first_name} {last_name}!")
    assert render_script(camp, contact=contact, caller_name="A").plain == "Hallo Renate !"
    assert render_script(camp, contact=None, caller_name="A").plain == "Hallo  !"


def test_unknown_placeholders_and_stray_braces_stay_visible():
    camp, contact = make(script="Hi {vorname} {first_name} {{first_name}} { } {0} {first_name")
    out = render_script(camp, contact=contact, caller_name="A")
    assert out.plain == "Hi {vorname} Renate {Renate} { } {0} {first_name"


def test_minimal_markdown():
    script = "Hallo **{first_name}**,\n\nwir laden ein:\n- **Sa** 18 Uhr\n- Ort: {locality}\nDanke!\n**"
    camp, contact = make(script=script)
    out = render_script(camp, contact=contact, caller_name="A")
    assert out.plain == "Hallo Renate,\n\nwir laden ein:\n- Sa 18 Uhr\n- Ort: Köln-Ehrenfeld\nDanke!\n**"
    assert out.html == (
        "Hallo <b>Renate</b>,<br><br>wir laden ein:"
        "<ul><li><b>Sa</b> 18 Uhr</li><li>Ort: Köln-Ehrenfeld</li></ul>Danke!<br>**"
    )


def test_values_are_never_markup():
    out = render_template("{caller_name} sagt: **hi**", {"caller_name": "<b>**x**</b>\n- y \ue0001\ue001"})
    assert out.html == "&lt;b&gt;**x**&lt;/b&gt;\n- y 1 sagt: <b>hi</b>"
    assert out.plain == "<b>**x**</b>\n- y 1 sagt: hi"


PIECES = ["{first_name}", "{x}", "**", "- ", "\n", "<", "&", "{", "}", "a"]
_TAGS = re.compile(r"</?(b|ul|li)>|<br>")


@FAST
@given(
    template=st.text(alphabet=st.characters(codec="utf-8"), max_size=80)
    | st.lists(st.sampled_from(PIECES), max_size=20).map("".join),
    name=st.text(max_size=10),
)
def test_any_input_renders_without_raising_and_html_is_escaped(template, name):
    camp, contact = make()
    contact = contact.model_copy(update={"first_name": name})
    out = render_script(camp, contact=contact, caller_name=name, template=template)
    assert "<" not in _TAGS.sub("", out.html)
    assert "\ue000" not in out.plain and "\ue000" not in out.html
