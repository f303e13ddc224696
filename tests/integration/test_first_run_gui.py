"""First run without a terminal (#15.1), driven in the real GUI (pytest-qt, offscreen) against a real central
office process: the welcome screen, plain German errors, enrol + first pull to the first card; preparing
offline as a lead; the demo only when chosen."""

from __future__ import annotations

import datetime as dt
import http.server
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from PySide6.QtCore import Qt

from desktop import i18n
from desktop.app import App, AppOptions, build
from desktop.domain.models import Role
from desktop.services.calling import Card
from desktop.services.demo import DEMO_PASSPHRASE
from sync.server.commands import ENROLMENT_CODE_VALIDITY
from sync.server.common import utcnow
from sync.server.office import CentralOffice
from tests.integration.conftest import Office

PASSPHRASE = "drei lange wörter hier"


@pytest.fixture
def german(qapp):
    translators = i18n.install(qapp, "de")
    yield
    for t in translators:
        qapp.removeTranslator(t)


@pytest.fixture
def fresh(qtbot, tmp_path: Path, german) -> App:
    built = build(AppOptions(data_dir=str(tmp_path / "pc")))
    qtbot.addWidget(built.window)
    built.window.show()
    built.start()
    yield built
    built.shutdown()


def _set_up(qtbot, app: App, server: str, code: str) -> None:
    view = app.welcome
    view.server.setText(server)
    view.code.setText(code)
    view.pc_name.setText("Büro-PC 2")
    view.setup_label.setText("Erika B.")
    view.setup_pass.first.setText(PASSPHRASE)
    view.setup_pass.repeat.setText(PASSPHRASE)
    qtbot.mouseClick(view.setup_button, Qt.MouseButton.LeftButton)


def test_a_real_install_starts_with_the_welcome_screen_not_the_demo(fresh: App, tmp_path: Path) -> None:
    assert fresh.welcome is not None and fresh.window.stack.currentWidget() is fresh.welcome
    assert not fresh.demo and fresh.office is None
    assert fresh.welcome.choose_setup.isChecked()  # the usual way is preselected
    assert not (tmp_path / "pc" / "demo").exists() and not (tmp_path / "pc" / "workspace").exists()


def test_set_up_with_the_central_office_to_the_first_card(qtbot, fresh: App, office: Office) -> None:
    office.office.commands.record_declaration(office.lead, office.office.today())  # the last step: cleared
    view = fresh.welcome
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.stack.currentIndex() == view.PAGE_SETUP
    # plain German errors, each with what to do; nothing is created
    view.setup_pass.first.setText("kurz")
    assert "Zu kurz" in view.setup_pass.hint.text()
    view.setup_pass.first.setText(PASSPHRASE)
    assert "Stark" in view.setup_pass.hint.text()
    for server, code, wanted in (
        (office.url, "falsch", "neuen anfordern"),  # too short to be a code at all
        (office.url, "falsch-falsch-falsch", "neuen anfordern"),  # refused by the central office
        ("http://127.0.0.1:9", office.code(), "nicht erreichbar"),
        ("http://zentrale.example.org", office.code(), "https://"),
    ):
        _set_up(qtbot, fresh, server, code)
        qtbot.waitUntil(lambda w=wanted: w in view.setup_error.text(), timeout=30000)
        assert view.setup_button.isEnabled()
        assert not fresh.session.paths.exists()
    view.setup_pass.repeat.setText("anders")
    qtbot.mouseClick(view.setup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "verschieden" in view.setup_error.text(), timeout=5000)

    pulled: list[int] = []
    fresh.first_run.progress.connect(lambda _phase, n: pulled.append(n))
    _set_up(qtbot, fresh, office.url, office.code())
    qtbot.waitUntil(lambda: fresh.shift is not None and isinstance(fresh.shift.card, Card), timeout=60000)
    assert max(pulled) == 40  # the progress counted the people of the list as they came
    assert fresh.welcome is None  # passphrases and code are gone with it
    assert fresh.window.stack.currentWidget() is fresh.caller_view
    assert fresh.shift.service.ws.person.label == "Erika B."
    assert fresh.caller_view.name.text() == fresh.shift.card.contact.display_name


def test_prepare_offline_as_a_lead(qtbot, fresh: App) -> None:
    view = fresh.welcome
    view.choose_offline.setChecked(True)
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.stack.currentIndex() == view.PAGE_OFFLINE
    view.org.setText("KV Musterstadt")
    view.offline_label.setText("Vera L.")
    view.offline_pass.first.setText(PASSPHRASE)
    view.offline_pass.repeat.setText(PASSPHRASE)
    qtbot.mouseClick(view.offline_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: fresh.lead_area is not None, timeout=30000)
    assert fresh.window.stack.currentWidget() is fresh.lead_area
    assert fresh.shift.service.ws.person.role is Role.LEAD


def test_the_demo_only_when_chosen(qtbot, fresh: App) -> None:
    view = fresh.welcome
    view.choose_demo.setChecked(True)
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert fresh.demo and fresh.window.stack.currentWidget() is fresh.unlock_view
    assert DEMO_PASSPHRASE in fresh.unlock_view.demo_hint.text()
    qtbot.waitUntil(lambda: fresh.unlock_view.person.count() == 1, timeout=30000)
    fresh.unlock_view.passphrase.setText(DEMO_PASSPHRASE)
    qtbot.keyClick(fresh.unlock_view.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: fresh.shift is not None and isinstance(fresh.shift.card, Card), timeout=30000)


# ----------------------------------------------------------------------------- expired code, TLS problems


def _self_signed(tmp_path: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 that no authority vouches for (what a misconfigured proxy presents)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "zentrale.example.org")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_path, key_path


@pytest.fixture
def https_self_signed(tmp_path: Path) -> Iterator[str]:
    """A real HTTPS server on a loopback port with a self-signed certificate."""
    cert, key = _self_signed(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_an_expired_code_and_tls_problems_are_said_in_plain_german(
    qtbot, fresh: App, office: Office, https_self_signed: str
) -> None:
    view = fresh.welcome
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    # a code made two days ago by the central office (valid for a day), tried against the real server
    yesterday = CentralOffice(office.office.engine, clock=lambda: utcnow() - 2 * ENROLMENT_CODE_VALIDITY)
    expired, _until = yesterday.commands.create_enrolment_code(office.org, office.lead)
    _set_up(qtbot, fresh, office.url, expired)
    qtbot.waitUntil(lambda: "abgelaufen" in view.setup_error.text(), timeout=30000)
    assert "neuen anfordern" in view.setup_error.text()  # what to do
    assert view.setup_button.isEnabled() and not fresh.session.paths.exists()
    # a certificate nobody vouches for, and https spoken to a plain-http port: the TLS text, what to check
    plain_port_as_https = office.url.replace("http://", "https://")
    for server in (https_self_signed, plain_port_as_https):
        view.setup_error.clear()
        _set_up(qtbot, fresh, server, office.code())
        qtbot.waitUntil(lambda: "Zertifikat" in view.setup_error.text(), timeout=30000)
        assert "Datum und Uhrzeit" in view.setup_error.text()
        assert view.setup_button.isEnabled() and not fresh.session.paths.exists()
    # and the same PC then sets up fine with a fresh code
    _set_up(qtbot, fresh, office.url, office.code())
    qtbot.waitUntil(lambda: fresh.shift is not None, timeout=60000)
