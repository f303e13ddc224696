"""Left for the sync engine only, while it moves into its own module behind a store interface: do not import.

Every table has its owner module now (``meta_store``, ``campaign_store``, ``contact_store``, ``report_store``,
``outbox_store``, ``slice_store``, ``people_store``, ``pledge_store``, ``clearance_store``; transactions in
``database``). Delete this file once ``desktop/services/sync_engine.py`` imports the owners directly.
"""

from __future__ import annotations

from desktop.storage.database import transaction
from desktop.storage.meta_store import delete_meta, get_meta, set_meta

__all__ = ["delete_meta", "get_meta", "set_meta", "transaction"]
