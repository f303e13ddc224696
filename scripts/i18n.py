"""Translation workflow (Qt Linguist files under resources/i18n/).

  python scripts/i18n.py update    # extract tr() strings from desktop/ into the .ts files (keeps translations)
  python scripts/i18n.py release   # compile .ts → .qm (the app loads the .qm)
  python scripts/i18n.py check     # fail when a German string is missing or unfinished
  python scripts/i18n.py fill F    # take translations from a JSON file {"de": {context: {source: text | [forms]}}}

Source strings are English; German is the default UI language and must be complete.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGS = ("de", "en")


def _tool(name: str) -> str:
    return str(Path(sys.executable).parent / f"pyside6-{name}")


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop").rglob("*.py"))


def update() -> None:
    for lang in LANGS:
        ts = I18N / f"telefonaktion_{lang}.ts"
        subprocess.run(
            [
                _tool("lupdate"),
                "-no-obsolete",
                "-locations",
                "none",
                "-target-language",
                lang,
                *sources(),
                "-ts",
                str(ts),
            ],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )


def release(out_dir: Path = I18N) -> None:
    for lang in LANGS:
        ts = I18N / f"telefonaktion_{lang}.ts"
        subprocess.run(
            [_tool("lrelease"), "-silent", str(ts), "-qm", str(out_dir / f"telefonaktion_{lang}.qm")],
            check=True,
        )


def unfinished(lang: str = "de") -> list[str]:
    tree = ET.parse(I18N / f"telefonaktion_{lang}.ts")
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            numerus = translation is not None and translation.findall("numerusform")
            empty = (
                translation is None
                or (not numerus and not (translation.text or "").strip())
                or (numerus and not all((n.text or "").strip() for n in numerus))
            )
            if empty or (
                translation is not None and translation.get("type") in ("unfinished", "vanished", "obsolete")
            ):
                missing.append(f"{name}: {message.findtext('source')}")
    return missing


def fill(mapping_file: Path) -> list[str]:
    """Write translations into the .ts files; returns the entries that matched no message."""
    import json

    wanted = json.loads(mapping_file.read_text("utf-8"))
    unused = []
    for lang, contexts in wanted.items():
        path = I18N / f"telefonaktion_{lang}.ts"
        tree = ET.parse(path)
        seen = set()
        for context in tree.getroot().iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                source = message.findtext("source")
                text = contexts.get(name, {}).get(source)
                if text is None:
                    continue
                seen.add((name, source))
                translation = message.find("translation")
                for child in list(translation):
                    translation.remove(child)
                translation.attrib.pop("type", None)
                if isinstance(text, list):
                    translation.text = None
                    for form in text:
                        ET.SubElement(translation, "numerusform").text = form
                else:
                    translation.text = text
        unused += [
            f"{lang} {c}: {s}" for c, entries in contexts.items() for s in entries if (c, s) not in seen
        ]
        tree.write(path, encoding="utf-8", xml_declaration=True)
    return unused


def main() -> int:
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    if command == "update":
        update()
    elif command == "release":
        release()
    elif command == "fill":
        for line in fill(Path(sys.argv[2])):
            print("no such message:", line)
        update()
        release()
    elif command == "check":
        missing = unfinished("de")
        for line in missing:
            print("untranslated:", line)
        return 1 if missing else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
