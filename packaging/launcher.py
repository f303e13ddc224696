"""Entry point of the PyInstaller bundle (packaging/telefonaktion.spec): `desktop.cli:main`, plus three hidden
subcommands that exist only in the bundle, for its tests and the startup benchmark:

    telefonaktion _bundle-noop       return at once (baseline: the frozen interpreter's own start-up)
    telefonaktion _bundle-info       print one JSON object: frozen?, data dir (portable mode), resources, Qt paths
    telefonaktion _bundle-startup [--demo] --data-dir DIR
                                     start the app as `telefonaktion` does and print "UNLOCK-SHOWN <seconds>"
                                     once the unlock screen has been painted, then exit

Everything else goes to `desktop.cli.main` unchanged (the desktop app, `selftest`, `_qtcheck`, the lead and sync
commands). Nothing here is imported by the app itself.
"""

from __future__ import annotations

import sys
import time

_T0 = time.perf_counter()


def _noop() -> int:
    return 0


def _info() -> int:
    import json
    import os

    from PySide6.QtCore import QLibraryInfo, QTranslator

    from desktop import paths
    from desktop.i18n import qm_path
    from desktop.storage.database import cipher_version

    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase_de = QTranslator()
    info = {
        "frozen": bool(getattr(sys, "frozen", False)),
        "executable": sys.executable,
        "meipass": getattr(sys, "_MEIPASS", None),
        "data_dir": str(paths.data_dir()),
        "portable_marker": str(paths._executable_dir() / paths.PORTABLE_MARKER),
        "resources_dir": str(paths.resources_dir()),
        "qm_de_exists": os.path.exists(qm_path("de")),
        "qt_plugins": QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath),
        "qt_translations": qt_translations,
        "qtbase_de_loads": qtbase_de.load("qtbase_de", qt_translations),
        "cipher_version": cipher_version(),
        "python": sys.version.split()[0],
    }
    print(json.dumps(info, sort_keys=True))
    return 0


def _startup(argv: list[str]) -> int:
    """`desktop.app.run` up to the first paint of the unlock screen (same steps, same order), then exit.
    Keep in step with `desktop.app.run` (tests/packaging runs this; the benchmark times it).

    The time printed is measured inside the process from the launcher's first line; the benchmark measures the
    wall time from spawning the process to reading the line, which also covers the bootloader.
    """
    import argparse
    import os

    parser = argparse.ArgumentParser(prog="telefonaktion _bundle-startup")
    parser.add_argument("--demo", action="store_true")
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--lang", choices=("de", "en"), default="de")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop import i18n, os_events, paths
    from desktop.app import AppOptions, build

    try:
        from desktop import crash
    except ImportError:  # older trees without crash reports
        crash = None

    app = QApplication([sys.argv[0]])
    app.setApplicationName("Telefonaktion")
    translators = i18n.install(app, i18n.choose_language(args.lang))
    paths.configure(args.data_dir)
    crash_handler = crash.install(crash.app_version()) if crash is not None else None
    built = build(AppOptions(demo=args.demo, lang=args.lang, data_dir=args.data_dir))
    os_adapter = os_events.install(app, built.guard.os_event)

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not done:
                done.append(True)
                QTimer.singleShot(0, report)  # after this paint has finished
            return False

    def report() -> None:
        print(f"UNLOCK-SHOWN {time.perf_counter() - _T0:.4f}", flush=True)
        if args.demo:
            # The demo workspace is still being created on the db thread (Argon2id, an embedded central office,
            # 200 invented members): that is not part of "start to unlock screen", and waiting for it would only
            # slow the benchmark down. The data dir is the caller's throwaway directory.
            sys.stdout.flush()
            os._exit(0)
        app.quit()

    def give_up() -> None:
        print("UNLOCK-NOT-SHOWN", flush=True)
        os._exit(3)

    done: list[bool] = []
    paint_filter = FirstPaint()
    built.unlock_view.installEventFilter(paint_filter)
    QTimer.singleShot(30_000, give_up)
    built.window.show()
    built.start()
    try:
        return app.exec()
    finally:
        built.shutdown()
        if crash_handler is not None:
            crash_handler.uninstall()
        del translators, os_adapter, paint_filter


def main() -> int:
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "_bundle-noop":
        return _noop()
    if command == "_bundle-info":
        return _info()
    if command == "_bundle-startup":
        return _startup(sys.argv[2:])
    from desktop.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
