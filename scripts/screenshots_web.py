"""Screenshots of every page of the central office's web interface → docs/screenshots/web-*.png

  .venv/bin/python scripts/screenshots_web.py [--out DIR]

Starts a real server on a throwaway SQLite file, fills it with invented data (tests/web/web_support.populate:
invented people, numbers from the fiction range), signs in with headless Chromium from Debian (/usr/bin/chromium,
driven by Playwright) and takes each page at 1280 px, some also at 360 px and in English.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.server.helpers import serving  # noqa: E402
from tests.web.web_support import CHROMIUM_ARGS, make_staff, populate, sign_in  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with (
        tempfile.TemporaryDirectory(prefix="tz-shots-") as tmp,
        serving("sqlite", str(Path(tmp) / "zentrale.db"), Path(tmp)) as env,
        sync_playwright() as pw,
    ):
        env.office.commands.add_org("OV Beispieldorf")
        data = populate(env, name="KV Musterstadt")
        staff = make_staff(env, name="Erika Zentrale")
        browser = pw.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
        shots: list[str] = []

        def shoot(page, name: str) -> None:  # type: ignore[no-untyped-def]
            path = args.out / f"web-{name}.png"
            page.screenshot(path=str(path), full_page=True)
            shots.append(path.name)

        wide = browser.new_context(base_url=env.url, viewport={"width": 1280, "height": 800}, locale="de-DE")
        page = wide.new_page()
        page.goto("/web/login")
        shoot(page, "login")
        sign_in(page, staff)
        org, lead, device = data.org_id, data.lead_id, data.device_id
        for name, path in [
            ("home", "/web/"),
            ("orgs", "/web/orgs"),
            ("persons", f"/web/persons?org={org}"),
            ("person", f"/web/persons/{lead}"),
            ("resolutions", f"/web/resolutions?org={org}"),
            ("pledges", "/web/pledges"),
            ("devices", f"/web/devices?org={org}"),
            ("device-revoke", f"/web/devices/{device}/revoke"),
            ("campaigns", f"/web/campaigns?org={org}"),
            ("health", "/web/health"),
            ("health-device", f"/web/health/{device}"),
            ("export", f"/web/export?org={org}"),
        ]:
            page.goto(path)
            shoot(page, name)
        page.goto(f"/web/devices?org={org}")
        page.get_by_role("button", name="Code erstellen").click()
        shoot(page, "device-code")
        page.goto(f"/web/resolutions?org={org}")
        page.get_by_label("Gremium").fill("Ortsvorstand")
        page.get_by_role("button", name="Beschluss eintragen").click()  # no purpose, nobody responsible
        shoot(page, "resolution-error")
        page.goto(f"/web/persons?org={org}&lang=en")
        shoot(page, "persons-en")
        wide.close()

        narrow = browser.new_context(
            base_url=env.url, viewport={"width": 360, "height": 740}, locale="de-DE", device_scale_factor=2
        )
        page = narrow.new_page()
        page.goto("/web/login")
        shoot(page, "login-360")
        sign_in(page, staff)
        for name, path in [
            ("persons-360", f"/web/persons?org={org}"),
            ("campaigns-360", f"/web/campaigns?org={org}"),
            ("pledges-360", "/web/pledges"),
        ]:
            page.goto(path)
            shoot(page, name)
        narrow.close()
        browser.close()
    print("\n".join(shots))
    return 0


if __name__ == "__main__":
    sys.exit(main())
