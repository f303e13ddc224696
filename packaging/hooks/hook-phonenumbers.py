"""Replaces the hooks-contrib hook (which collects every submodule, ~25 MB of geocoder/carrier/time-zone data).

The app only parses and formats numbers: phonenumbers loads the metadata of a region on first use from
phonenumbers.data.region_XX (and shortdata), by name, so those are collected; geodata, carrierdata and tzdata
(used only by phonenumbers.geocoder / .carrier / .timezone) are not.
"""

from PyInstaller.utils.hooks import collect_submodules

_UNUSED = (
    "phonenumbers.geodata",
    "phonenumbers.carrierdata",
    "phonenumbers.tzdata",
    "phonenumbers.geocoder",
    "phonenumbers.carrier",
    "phonenumbers.timezone",
)

hiddenimports = collect_submodules("phonenumbers", filter=lambda name: not name.startswith(_UNUSED))
