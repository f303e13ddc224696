"""R1 / DP-8: no personal data in plaintext in any file the app or the central office writes.

Unique markers (invented names, numbers in several spellings, a street and an e-mail address that the import must
drop) are seeded into a central office's members and into a membership CSV. Then a whole scenario runs against a
real server process: enrol (CLI), sync, a volunteer admitted, a lead's local import of the CSV, a shift of calls
with notes and messages to the organizer naming the markers, sync again, result exports of both sides, the
record of processing, lock, and a crash whose exception message, argument and local variable hold markers.

Every file written below the app's data directory, the children's temporary and home directories and the
central office's directory (its logs, its export) is scanned as bytes in UTF-8, UTF-16-LE/BE and Latin-1:
zero hits. The one documented exception is the central office's own database (`zentrale.db` and its -wal/
-journal): it holds the member list in plaintext by design; in production it lives in PostgreSQL on an
encrypted disk (docs/security.md). A positive control proves the scanner finds the markers there.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

from sync.core.memberfile import MemberRecord
from sync.server.db import open_database
from sync.server.devtools import running_server
from sync.server.office import CentralOffice
from tests.conftest import ROOT
from tests.content_support import CONTENT
from tests.server.helpers import members

PASS = "ein langes passwort"
ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be", "latin-1")
CENTRAL_DATABASE = "zentrale.db"
HERE = Path(__file__).resolve().parent

# Invented people; numbers from the fiction block +49 30 23125 xxx (9xx: used by no other test).
PEOPLE = [
    {
        "first": "Zyxlinde",
        "last": "Quabbelmann",
        "sub": "23125987",
        "street": "Krötenpfuhlgasse 7",
        "mail": "zyxlinde.q@example.org",
    },
    {
        "first": "Ormfried",
        "last": "Schnöckenbrink",
        "sub": "23125954",
        "street": "Unkenweiherweg 3",
        "mail": "ormfried.s@example.org",
    },
    {
        "first": "Pimpinella",
        "last": "Ypsilanti-Krötz",
        "sub": "23125931",
        "street": "Molchbachstieg 12",
        "mail": "pimpinella.yk@example.org",
    },
]
LOCAL_PEOPLE = [  # only in the lead's CSV, never at the central office
    {
        "first": "Quendoline",
        "last": "Warzenbichler",
        "sub": "23125976",
        "street": "Lurchgraben 1",
        "mail": "quendoline.w@example.org",
    },
    {
        "first": "Gottlob",
        "last": "Fliegenpilzer",
        "sub": "23125962",
        "street": "Sumpfdotterweg 9",
        "mail": "gottlob.f@example.org",
    },
]


def spellings(sub: str) -> list[str]:
    """One number as people write it: E.164, national with and without spaces, digits only."""
    area, local = "30", sub
    return [
        f"+49{area}{local}",
        f"0{area} {local}",
        f"0{area} {local[:5]} {local[5:]}",
        f"0{area}{local}",
        f"49{area}{local}",
        f"0049 {area} {local}",
        f"+49 {area} {local}",
        f"{area}{local}",
    ]


def needles(people: list[dict[str, str]]) -> list[str]:
    out: list[str] = []
    for p in people:
        out += [p["first"], p["last"], p["street"], p["mail"], *spellings(p["sub"])]
    return out


@dataclass
class Hit:
    path: Path
    needle: str
    encoding: str


@dataclass
class ScanResult:
    files: int
    bytes: int
    hits: list[Hit]


def scan(roots: list[Path], markers: list[str], exclude: set[Path] = frozenset()) -> ScanResult:  # type: ignore[assignment]
    files = size = 0
    hits = []
    encoded = []
    for m in markers:
        seen: set[bytes] = set()
        for e in ENCODINGS:
            raw = m.encode(e) if _encodable(m, e) else b""
            if raw and raw not in seen:  # ASCII is the same in UTF-8 and Latin-1
                seen.add(raw)
                encoded.append((m, e, raw))
    for root in roots:
        for path in sorted(root.rglob("*")):
            if not path.is_file() or path.resolve() in exclude:
                continue
            data = path.read_bytes()
            files += 1
            size += len(data)
            hits += [Hit(path, m, e) for m, e, raw in encoded if raw in data]
    return ScanResult(files, size, hits)


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
        return True
    except UnicodeEncodeError:
        return False


def member_csv(path: Path) -> Path:
    """The lead's membership export, with the columns the import must drop (street, e-mail)."""
    lines = ["Mitgliedsnummer;Vorname;Nachname;Straße;PLZ;Ort;Telefon;E-Mail;Status"]
    for i, p in enumerate([*PEOPLE, *LOCAL_PEOPLE]):
        number = f"030 {p['sub'][:5]} {p['sub'][5:]}" if i % 2 else f"+49 30 {p['sub']}"
        lines.append(
            f"M-{90000 + i};{p['first']};{p['last']};{p['street']};99999;Fiktivhausen;{number};"
            f"{p['mail']};Mitglied"
        )
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    return path


def child_env(tmp: Path, home: Path, data: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "TMPDIR": str(tmp),
        "TEMP": str(tmp),
        "TMP": str(tmp),
        "HOME": str(home),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "TELEFONAKTION_DATA_DIR": str(data),
        "TELEFONAKTION_PASSPHRASE": PASS,
        "PYTHONDONTWRITEBYTECODE": "1",
    }  # .pyc files of the repository are not the app's data
    return env


def run(cmd: list[str], env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd, capture_output=True, text=True, cwd=ROOT, env=env, timeout=timeout, check=False
    )


def test_no_marker_in_any_file_written_by_a_whole_scenario(tmp_path: Path) -> None:
    started = time.monotonic()
    data, tmp, home, central, inputs, snapshots = (
        tmp_path / n for n in ("data", "tmp", "home", "central", "inputs", "snapshots")
    )
    for d in (data, tmp, home, central, inputs, snapshots):
        d.mkdir()
    env = child_env(tmp, home, data)
    markers = [*needles(PEOPLE + LOCAL_PEOPLE), "Rückruf unter"]

    # The central office: its members include the marker people.
    db_url = f"sqlite:///{central / CENTRAL_DATABASE}"
    engine = open_database(db_url)
    office = CentralOffice(engine)
    today = office.today()
    org = office.commands.add_org("KV Fiktivhausen")
    lead = office.commands.add_person(org, "Erika B.")
    seeded = [
        MemberRecord(
            row=100 + i,
            category="member",
            phone=f"+4930{p['sub']}",
            first_name=p["first"],
            last_name=p["last"],
            locality="Fiktivhausen",
            postcode="99999",
        )
        for i, p in enumerate(PEOPLE)
    ]
    office.commands.import_members(org, [*members(12), *seeded])
    resolution = office.commands.add_resolution(
        org,
        today - timedelta(days=3),
        "Kreisvorstand",
        ["invitation"],
        [lead],
        valid_until=today + timedelta(days=90),
    )
    office.commands.record_training(lead, today - timedelta(days=2))
    office.commands.record_declaration(lead, today - timedelta(days=1), text_version="2026-1")
    office.commands.release_campaign(org, "Einladung Sommerfest", "invitation", resolution, content=CONTENT)
    csv_file = member_csv(inputs / "mitglieder.csv")
    logs = central / "logs"
    logs.mkdir()

    with running_server(db_url, log_dir=logs, env={"TMPDIR": str(tmp), "HOME": str(home)}) as server:
        # `telefonaktion enrol` by the command line, like a lead at the office PC
        out = run(
            [
                sys.executable,
                "-m",
                "desktop.cli",
                "enrol",
                "--server",
                server.url,
                "--code",
                office.commands.create_enrolment_code(org, lead)[0],
                "--name",
                "Erika B.",
            ],
            env,
        )
        assert out.returncode == 0, out.stderr
        out = run(
            [
                sys.executable,
                str(HERE / "scenario_child.py"),
                str(data),
                str(csv_file),
                json.dumps(
                    {
                        "people": [
                            {**p, "national": f"030 {p['sub']}", "e164": f"+4930{p['sub']}"} for p in PEOPLE
                        ]
                    }
                ),
                str(snapshots),
            ],
            env,
        )
        assert out.returncode == 0, out.stderr[-3000:]
        counts = json.loads(out.stdout.strip().splitlines()[-1])
        assert counts["pulled"] == 15 and counts["imported"] == 5
        assert counts["reports"] == 6 and counts["pushed"] >= 3  # the local campaign's reports stay on the PC
        assert all(n >= 3 for n in counts["exported"])
        # A crash whose message, argument and local variable hold markers.
        crash = run(
            [
                sys.executable,
                str(HERE / "crash_child.py"),
                "main",
                str(data),
                f"{PEOPLE[0]['first']} {PEOPLE[0]['last']}",
                f"+4930{PEOPLE[0]['sub']}",
            ],
            env,
        )
        assert crash.returncode == 1 and "Traceback" not in crash.stderr
        assert not [m for m in markers if m in crash.stderr + crash.stdout]
        # The central office's own export for the results (pseudonymous ids and codes only).
        (central / "exports").mkdir()
        assert office.commands.export_results(org, central / "exports" / "ergebnisse.csv") == len(PEOPLE)
    engine.dispose()

    crash_reports = list((data / "crashes").glob("crash-*.txt"))
    assert len(crash_reports) == 1 and "leaf_function_that_fails" in crash_reports[0].read_text("utf-8")
    assert list(logs.glob("*.log")) and list((data / "workspace").glob("workspace.db"))
    wals = list(snapshots.rglob("workspace.db-wal"))
    assert len(wals) == 2 and all(
        w.stat().st_size > 0 for w in wals
    )  # the open workspace's WAL is scanned too

    central_db = {p.resolve() for p in central.glob(f"{CENTRAL_DATABASE}*")}
    result = scan([data, snapshots, tmp, home, central], markers, exclude=central_db)
    print(
        f"R1 leak scan: {result.files} files, {result.bytes} bytes, {len(markers)} markers × {len(ENCODINGS)} "
        f"encodings, {len(result.hits)} hits; {time.monotonic() - started:.1f} s"
    )
    assert result.files >= 8
    assert result.hits == [], "\n".join(
        f"{h.path.relative_to(tmp_path)}: {h.needle!r} ({h.encoding})" for h in result.hits[:20]
    )

    # Positive controls: the scanner does find plaintext — in the input CSV and in the central office's database
    # (plaintext at rest by design; encrypted storage in production, docs/security.md).
    assert scan([inputs], markers).hits
    control = scan([central], [p["last"] for p in PEOPLE])
    assert {h.path.name for h in control.hits} & {CENTRAL_DATABASE, f"{CENTRAL_DATABASE}-wal"}

    # Before unlock, only the labels of the people who may unlock are readable (keyslots.json), nothing else.
    check_keyslots(data / "workspace" / "keyslots.json", {"Erika B.", "Kai V."})
    check_state(data / "workspace" / "state.json")


def check_keyslots(path: Path, labels: set[str]) -> None:
    doc = json.loads(path.read_text("utf-8"))
    assert set(doc) <= {"format", "version", "workspace_id", "slots", "unlock"}
    assert set(doc.get("unlock", {})) <= {"failures", "not_before"}  # the delay after wrong passphrases
    assert {s["meta"]["label"] for s in doc["slots"]} == labels
    for slot in doc["slots"]:
        assert set(slot) == {"meta", "salt", "wrapped"}
        assert set(slot["meta"]) == {
            "slot_id",
            "person_id",
            "label",
            "role",
            "kdf",
            "memory_kib",
            "time_cost",
            "parallelism",
        }
        assert slot["meta"]["role"] in ("lead", "caller")
    strings = [s for s in _strings(doc) if s not in labels]
    assert all(s.isascii() and " " not in s for s in strings), "free text in the key-slot file besides labels"


def check_state(path: Path) -> None:
    if not path.exists():
        return  # no failed unlock happened: nothing written
    doc = json.loads(path.read_text("utf-8"))
    assert set(doc) <= {"unlock"}, f"unexpected state: {sorted(doc)}"
    assert set(doc.get("unlock", {})) <= {"failures", "not_before"}


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_the_scanner_finds_a_marker_in_every_encoding(tmp_path: Path, encoding: str) -> None:
    (tmp_path / "f.bin").write_bytes(b"\x00garbage" + "Schnöckenbrink".encode(encoding) + b"\xff")
    assert [h.encoding for h in scan([tmp_path], ["Schnöckenbrink"]).hits] == [encoding]
