"""The hash-chain rule of audit logs, shared by the desktop workspace and the central office (DP-21).

An entry's hash is sha256(previous hash + canonical JSON of its body); the first entry links to GENESIS.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence

GENESIS = "0" * 64
BODY_FIELDS = ("seq", "id", "at", "kind", "person_id", "subject")


def entry_hash(prev_hash: str, body: Mapping[str, object]) -> str:
    canonical = json.dumps(
        {k: body[k] for k in BODY_FIELDS}, sort_keys=True, separators=(",", ":"), ensure_ascii=True
    )
    return hashlib.sha256((prev_hash + canonical).encode("ascii")).hexdigest()


def first_break(
    chain: Sequence[Mapping[str, object]], *, start_seq: int = 1, start_hash: str = GENESIS
) -> int | None:
    """The seq of the first entry whose number, link or hash is wrong; None when the chain is whole.

    `start_seq`/`start_hash` let a verifier continue from the last entry it already checked.
    """
    prev = start_hash
    for expected_seq, entry in enumerate(chain, start=start_seq):
        if (
            entry["seq"] != expected_seq
            or entry["prev_hash"] != prev
            or entry_hash(prev, entry) != entry["hash"]
        ):
            return expected_seq
        prev = str(entry["hash"])
    return None
