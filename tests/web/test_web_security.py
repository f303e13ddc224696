"""Staff sign-in and sessions of the web interface (issue 8 point 1): the `staff add` command, Argon2id, TOTP,
cookie flags (also over TLS), CSRF refusal, idle and absolute session expiry, growing lockout after failures."""

from __future__ import annotations

import io
import ipaddress
import os
import re
import ssl
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select, update

from sync.server import cli, db
from sync.server.devtools import REPO_ROOT
from sync.server.web import totp
from sync.server.web.auth import StaffAccounts, lock_for
from tests.server.helpers import Env, serving
from tests.web.web_support import PASSWORD, Staff, audit_actions, make_staff, notice, problem, sign_in


def test_staff_add_command(
    web: Env, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    database = web.server.database_url
    # The real command line once: id on the last line, the TOTP secret and its otpauth URI before it.
    env = {**os.environ, "TELEFONAKTION_ZENTRALE_PASSWORD": PASSWORD, "PYTHONPATH": str(REPO_ROOT)}
    real = subprocess.run(
        [
            sys.executable,
            "-m",
            "sync.server.cli",
            "staff",
            "add",
            "--name",
            "Schriftführer Ulk",
            "--totp",
            "--database",
            database,
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO_ROOT,
        timeout=60,
        check=False,
    )
    assert real.returncode == 0 and real.stderr == "", real.stderr
    lines = real.stdout.splitlines()
    secret = re.search(r"TOTP secret .*: ([A-Z2-7]{32})$", lines[0]).group(1)
    assert lines[1] == (
        f"otpauth URI: otpauth://totp/Telefonaktion%20Zentrale:Schriftf%C3%BChrer%20Ulk?"
        f"secret={secret}&issuer=Telefonaktion%20Zentrale&algorithm=SHA1&digits=6&period=30"
    )

    def run(*args: str, password: str | None = PASSWORD) -> tuple[int, str, str]:
        if password is None:
            monkeypatch.delenv("TELEFONAKTION_ZENTRALE_PASSWORD", raising=False)
        else:
            monkeypatch.setenv("TELEFONAKTION_ZENTRALE_PASSWORD", password)
        capsys.readouterr()
        code = cli.main(["staff", "add", *args, "--database", database])
        out, err = capsys.readouterr()
        return code, out, err

    code, out, err = run("--name", "Kassiererin Quast")
    assert code == 0 and err == "" and "TOTP" not in out
    plain_id = out.splitlines()[-1]
    with web.office.engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(select(db.staff))}
    assert (
        rows[plain_id].password_hash.startswith("$argon2id$") and PASSWORD not in rows[plain_id].password_hash
    )
    assert rows[plain_id].totp_secret is None and rows[lines[-1]].totp_secret == secret
    # The password comes from a file (or stdin) as well, never from an argument.
    secret_file = tmp_path / "pw"
    secret_file.write_text(PASSWORD + "\n")
    assert run("--name", "Beisitz Rumpel", "--password-file", str(secret_file), password=None)[0] == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    assert run("--name", "Beisitz Schnarr", "--password-file", "-", password=None)[0] == 0
    for args, password, message in [
        (("--name", "Niemand"), None, "TELEFONAKTION_ZENTRALE_PASSWORD"),
        (("--name", "Kurz"), "zu-kurz", "at least 12 characters"),
        (("--name", "Kassiererin Quast"), PASSWORD, "exists already"),
    ]:
        code, out, err = run(*args, password=password)
        assert code == 1 and out == "" and message in err and "Traceback" not in err
    code, out, err = run("--name", "Ungeduldig", "--password", "Geheim-im-Verlauf-99", password=None)
    assert code == 1 and out == "" and "Geheim-im-Verlauf-99" not in err and "never give a password" in err
    with pytest.raises(SystemExit):  # no abbreviation of --password-file (a password would become a path)
        run("--name", "Ungeduldig", "--password-f", "Geheim-im-Verlauf-99", password=None)
    assert (
        StaffAccounts(web.office.engine).sign_in("Beisitz Schnarr", PASSWORD, "", "10.0.0.9")[1].staff_name
        == "Beisitz Schnarr"
    )


def test_second_factor_is_required_and_used_once(page: Any, web: Env, staff: Staff) -> None:
    page.goto("/web/login")
    page.get_by_label("Name").fill(staff.name)
    page.get_by_label("Passwort").fill(staff.password)
    page.get_by_role("button", name="Anmelden").click()  # right password, no code
    assert problem(page) == "Anmeldung fehlgeschlagen. Bitte prüfe Name, Passwort und Einmalcode."
    code = staff.code()
    page.get_by_label("Passwort").fill(staff.password)
    page.get_by_label("Einmalcode aus der App").fill(code)
    page.get_by_role("button", name="Anmelden").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Übersicht"
    page.get_by_role("button", name="Abmelden").click()
    assert notice(page) == "Du bist abgemeldet."
    page.get_by_label("Name").fill(staff.name)
    page.get_by_label("Passwort").fill(staff.password)
    page.get_by_label("Einmalcode aus der App").fill(code)  # the same code again: a replay
    page.get_by_role("button", name="Anmelden").click()
    assert problem(page).startswith("Anmeldung fehlgeschlagen")
    assert audit_actions(web, staff.id) == ["staff.login", "staff.logout"]


def test_cookies_are_httponly_and_strict(page: Any, context: Any, web: Env, staff: Staff) -> None:
    sign_in(page, staff)
    cookies = {c["name"]: c for c in context.cookies()}
    session = cookies["tz_session"]
    assert (session["httpOnly"], session["sameSite"], session["secure"], session["path"]) == (
        True,
        "Strict",
        False,
        "/",
    )
    assert "tz_login" not in cookies  # the pre-session token is gone after sign-in
    assert page.evaluate("document.cookie") == ""  # nothing readable by scripts
    response = page.goto("/web/persons")
    headers = response.headers
    assert headers["cache-control"] == "no-store" and headers["x-content-type-options"] == "nosniff"
    assert (
        "default-src 'none'" in headers["content-security-policy"]
        and "script" not in headers["content-security-policy"]
    )
    assert page.locator("script").count() == 0


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Env, Path]]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    folder = tmp_path_factory.mktemp("tls")
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=1))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False
        )
        .sign(key, hashes.SHA256())
    )
    (folder / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    with serving(
        "sqlite",
        str(folder / "tls.db"),
        folder,
        "--tls-cert",
        str(folder / "cert.pem"),
        "--tls-key",
        str(folder / "key.pem"),
    ) as env:
        yield env, folder / "cert.pem"


def test_over_tls_the_cookie_is_secure(tls_server: tuple[Env, Path]) -> None:
    env, cert = tls_server
    staff = make_staff(env, with_totp=False)
    assert env.url.startswith("https://")
    with httpx.Client(
        base_url=env.url, verify=ssl.create_default_context(cafile=str(cert)), timeout=20
    ) as http:
        form = http.get("/web/login")
        assert "__Host-" not in form.headers["set-cookie"] and "Secure" in form.headers["set-cookie"]
        token = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
        signed_in = http.post(
            "/web/login",
            data={"csrf": token, "name": staff.name, "password": staff.password},
            headers={"Origin": env.url},
        )
        assert signed_in.status_code == 303, signed_in.text
        cookie = next(
            v
            for k, v in signed_in.headers.multi_items()
            if k == "set-cookie" and v.startswith("__Host-tz_session=")
        )
        assert {"HttpOnly", "Secure", "SameSite=strict", "Path=/"} <= {
            part.strip() for part in cookie.split(";")
        }
        assert http.get("/web/orgs").status_code == 200


def test_forms_without_the_csrf_token_are_refused(page: Any, context: Any, web: Env, staff: Staff) -> None:
    sign_in(page, staff)
    page.goto("/web/orgs")
    token = page.locator("input[name=csrf]").first.input_value()
    before = len(web.office.queries.list_orgs())
    origin = web.url
    for form, headers in [
        ({"name": "OV Ohne Token"}, {"Origin": origin}),
        ({"name": "OV Falsches Token", "csrf": "x" * 43}, {"Origin": origin}),
        ({"name": "OV Fremde Seite", "csrf": token}, {"Origin": "http://evil.example"}),
    ]:
        response = context.request.post("/web/orgs", form=form, headers=headers, max_redirects=0)
        assert response.status == 403, form
        assert "Formular abgelaufen" in response.text()
    assert len(web.office.queries.list_orgs()) == before
    ok = context.request.post(
        "/web/orgs", form={"name": "OV Mit Token", "csrf": token}, headers={"Origin": origin}, max_redirects=0
    )
    assert ok.status == 303 and len(web.office.queries.list_orgs()) == before + 1
    # Another session's token does not work in this one.
    other = make_staff(web, with_totp=False)
    with httpx.Client(base_url=web.url, timeout=20) as http:
        login = http.get("/web/login")
        pre = re.search(r'name="csrf" value="([^"]+)"', login.text).group(1)
        assert (
            http.post(
                "/web/login", data={"csrf": pre, "name": other.name, "password": other.password}
            ).status_code
            == 303
        )
        assert http.post("/web/orgs", data={"name": "OV Fremdes Token", "csrf": token}).status_code == 403
        # The sign-in form itself needs its pre-session cookie.
    with httpx.Client(base_url=web.url, timeout=20) as fresh:
        refused = fresh.post("/web/login", data={"csrf": pre, "name": other.name, "password": other.password})
        assert refused.status_code == 403 and "tz_session" not in refused.headers.get("set-cookie", "")


def _age_sessions(web: Env, staff: Staff, **values: datetime) -> None:
    with web.office.engine.begin() as conn:
        conn.execute(
            update(db.staff_sessions).where(db.staff_sessions.c.staff_id == staff.id).values(**values)
        )


@pytest.mark.parametrize("how", ["idle", "absolute"])
def test_sessions_expire(page: Any, web: Env, staff: Staff, how: str) -> None:
    sign_in(page, staff)
    now = datetime.now(UTC)
    if how == "idle":  # 31 minutes without a request
        _age_sessions(web, staff, last_seen_at=now - timedelta(minutes=31))
    else:  # busy all day, but signed in 12 hours ago
        _age_sessions(web, staff, created_at=now - timedelta(hours=12, minutes=1), last_seen_at=now)
    page.goto("/web/persons")
    assert "/web/login" in page.url
    assert notice(page) == "Deine Sitzung ist abgelaufen. Bitte melde dich neu an."
    assert "staff.session_expired" in audit_actions(web, staff.id)
    page.get_by_label("Name").fill(staff.name)
    page.get_by_label("Passwort").fill(staff.password)
    page.get_by_label("Einmalcode aus der App").fill(staff.code())
    page.get_by_role("button", name="Anmelden").click()
    assert page.url.endswith("/web/persons")  # back to where the session ran out


def _attempt(page: Any, name: str, password: str) -> str:
    page.goto("/web/login")
    page.get_by_label("Name").fill(name)
    page.get_by_label("Passwort").fill(password)
    page.get_by_role("button", name="Anmelden").click()
    return problem(page) if page.locator("[role=alert]").count() else ""


def _unlock(web: Env) -> None:
    with web.office.engine.begin() as conn:  # as if the lock had run out
        conn.execute(update(db.login_failures).values(locked_until=datetime.now(UTC) - timedelta(seconds=1)))


def test_failed_sign_ins_lock_for_a_growing_time(page: Any, web: Env) -> None:
    staff = make_staff(web, with_totp=False)
    invalid = "Anmeldung fehlgeschlagen. Bitte prüfe Name, Passwort und Einmalcode."
    assert [_attempt(page, staff.name, "falsch-falsch-falsch") for _ in range(3)] == [
        invalid,
        invalid,
        "Zu viele Fehlversuche. Bitte warte 15 Sekunden und versuche es dann noch einmal.",
    ]
    assert _attempt(page, staff.name, staff.password).startswith(
        "Zu viele Fehlversuche"
    )  # even the right one
    # An unknown name is throttled exactly alike: the answer does not tell whether a name exists.
    assert [_attempt(page, "Gibt es nicht", "falsch-falsch-falsch") for _ in range(3)][-1].startswith(
        "Zu viele Fehlversuche. Bitte warte 15 Sekunden"
    )
    _unlock(web)
    assert (
        _attempt(page, staff.name, "immer-noch-falsch")
        == "Zu viele Fehlversuche. Bitte warte 30 Sekunden und versuche es dann noch einmal."
    )  # the lock grows
    _unlock(web)
    assert _attempt(page, staff.name, staff.password) == ""  # signed in; the count starts again
    assert page.get_by_role("heading", level=1).inner_text() == "Übersicht"
    page.context.clear_cookies()
    assert _attempt(page, staff.name, "wieder-falsch-123") == invalid
    assert audit_actions(web, staff.id) == ["staff.login"]
    al = db.audit_log
    with web.office.engine.connect() as conn:
        failed = conn.execute(
            select(al.c.action, al.c.ref_ids).where(al.c.action.like("staff.login_%"))
        ).all()
        staff_ids = set(conn.execute(select(db.staff.c.id)).scalars())
    assert sum(1 for a, refs in failed if a == "staff.login_failed" and refs == [staff.id]) == 5
    assert all(set(refs) <= staff_ids for _, refs in failed)  # ids only; the unknown name is nowhere


def test_lock_times() -> None:
    assert [lock_for(n, 3).total_seconds() for n in range(1, 10)] == [0, 0, 15, 30, 60, 120, 240, 480, 900]
    assert lock_for(1000, 3) == timedelta(minutes=15)


def test_totp_matches_rfc_6238() -> None:
    import base64

    secret = base64.b32encode(b"12345678901234567890").decode()
    for seconds, expected in [
        (59, "94287082"),
        (1111111109, "07081804"),
        (1234567890, "89005924"),
        (2000000000, "69279037"),
        (20000000000, "65353130"),
    ]:
        assert totp.code_at(secret, seconds // 30, digits=8) == expected
    moment = datetime.fromtimestamp(1234567890, UTC)
    code = totp.code_at(secret, totp.step_of(moment))
    assert totp.matching_step(secret, code, moment) == totp.step_of(moment)
    assert totp.matching_step(secret, code, moment + timedelta(seconds=30)) == totp.step_of(moment)  # drift
    assert totp.matching_step(secret, code, moment + timedelta(seconds=90)) is None
    assert totp.matching_step(secret, code, moment, after=totp.step_of(moment)) is None  # used already
    assert totp.matching_step(secret, "12345", moment) is None
