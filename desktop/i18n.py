"""Language choice and Qt translators. German is the default; English by `--lang en` or an English system."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.paths import resources_dir

LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "de"


def choose_language(requested: str | None) -> str:
    if requested:
        if requested not in LANGUAGES:
            raise ValueError(requested)
        return requested
    return "en" if QLocale.system().language() == QLocale.Language.English else DEFAULT_LANGUAGE


_current = DEFAULT_LANGUAGE


def current_language() -> str:
    """The language installed last (for texts that come as files, such as the pledge)."""
    return _current


def qm_path(lang: str) -> str:
    return str(resources_dir() / "i18n" / f"telefonaktion_{lang}.qm")


def install(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install the app's and Qt's own translators; returns them (keep references alive)."""
    global _current
    _current = lang
    installed = []
    ours = QTranslator(app)
    if ours.load(qm_path(lang)):
        app.installTranslator(ours)
        installed.append(ours)
    elif lang != "en":  # English is the source language: no file needed
        raise FileNotFoundError(qm_path(lang))
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    QLocale.setDefault(
        QLocale(
            QLocale.Language.German if lang == "de" else QLocale.Language.English,
            QLocale.Country.Germany if lang == "de" else QLocale.Country.UnitedKingdom,
        )
    )
    return installed
