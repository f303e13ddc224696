"""Client-made ids: the bulk form an import uses (``new_ids``) makes ids of exactly ``new_id``'s kind."""

from __future__ import annotations

import uuid

from desktop.domain.models import new_id, new_ids


def _kind(text: str) -> tuple[int, int | None, str, str]:
    u = uuid.UUID(hex=text)
    return len(text), u.version, u.variant, u.hex


def test_bulk_ids_are_random_uuid4_hex_like_single_ones() -> None:
    single = new_id()
    ids = new_ids(5000)
    assert _kind(single)[:3] == (32, 4, uuid.RFC_4122)
    assert {_kind(i)[:3] for i in ids} == {(32, 4, uuid.RFC_4122)}
    assert all(_kind(i)[3] == i for i in ids)  # lower-case hex, as uuid4().hex writes it
    assert len(set(ids)) == 5000
    assert new_ids(0) == []
    # Every bit outside version and variant is random: each of them is set in some id and clear in another.
    values = [int(i, 16) for i in ids]
    fixed = (0xF << 76) | (0x3 << 62)
    both = 0
    for bit in range(128):
        mask = 1 << bit
        if not fixed & mask and any(v & mask for v in values) and not all(v & mask for v in values):
            both += 1
    assert both == 128 - 6
