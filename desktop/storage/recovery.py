"""Ways out of a damaged workspace (R4), in three modules with one job each:

- `probe`: the read-only integrity check that tells which key opens a file and whether every page checks;
- `backups`: list the pre-migration backups, restore one, and open a workspace only after the probe;
- `salvage`: the call reports still readable from a damaged file (rows, then pages), for re-sending.

This module only gathers their public names for the recovery screen's view model.
"""

from __future__ import annotations

from desktop.storage.backups import Backup, Restored, list_backups, open_checked, restore_backup
from desktop.storage.database import check
from desktop.storage.probe import probe
from desktop.storage.salvage import Salvage, salvage, salvage_outcomes

__all__ = [
    "Backup",
    "Restored",
    "Salvage",
    "check",
    "list_backups",
    "open_checked",
    "probe",
    "restore_backup",
    "salvage",
    "salvage_outcomes",
]
