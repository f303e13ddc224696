"""The sequence numbers a device is told are missing (R12), computed in one pass over its numbers (issue 17.3),
against the plain definition: every number from 1 to the highest received that did not arrive, as ranges.

Since session 6 the pass reads only the numbers above the device's mark (every number up to it arrived), which
each push moves up: the answer must still be the plain definition's after every push, and the mark must be
where the numbers run without a gap from 1 (else it either lies or bounds nothing)."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import select

from sync.core import protocol as p
from sync.server import db
from sync.server.device_sync import DeviceSync, insert_rows, push_health
from sync.server.office import CentralOffice
from sync.server.queries import MAX_REPORTED_GAPS, sync_health


def _expected(seqs: set[int]) -> p.SyncHealth:
    gaps, expect = [], 1
    for seq in sorted(seqs):
        if seq > expect:
            gaps.append(p.SeqGap(first=expect, last=seq - 1))
        expect = seq + 1
    first_gap = gaps[:1] if seqs and min(seqs) > 1 else []
    rest = gaps[len(first_gap) :][:MAX_REPORTED_GAPS]
    return p.SyncHealth(
        device_id="d", received=len(seqs), highest_seq=max(seqs, default=0), missing=first_gap + rest
    )


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_missing_numbers_are_the_gaps_below_the_highest(make_database, backend: str) -> None:
    seed = random.randrange(2**32)
    print(f"seed {seed}")
    rnd = random.Random(seed)
    engine = db.open_database(make_database(backend), pool_size=1)
    try:
        office = CentralOffice(engine)
        org = office.commands.add_org("KV Lückenhausen")
        lead = office.commands.add_person(org, "Erika Lücke")
        cases = [set(), {1}, {3}, {1, 2, 3}, {2, 5, 9}, set(range(1, 500)) - {7, 250}]
        cases.append(set(range(1, 2 * MAX_REPORTED_GAPS + 10, 2)))  # more gaps than reported
        cases += [{rnd.randrange(1, 300) for _ in range(rnd.randrange(1, 120))} for _ in range(20)]
        for i, seqs in enumerate(cases):
            code, _ = office.commands.create_enrolment_code(org, lead)
            device = DeviceSync(office).enrol(p.EnrolRequest(code=code, device_name=f"PC {i}")).device_id
            with engine.begin() as conn:
                insert_rows(
                    conn,
                    db.device_seqs,
                    [{"device_id": device, "seq": n, "key": f"k{n}"} for n in sorted(seqs)],
                )
                health = sync_health(conn, device)
            assert health == _expected(seqs).model_copy(update={"device_id": device}), sorted(seqs)
    finally:
        engine.dispose()


def _contiguous_to(seqs: set[int]) -> int:
    n = 0
    while n + 1 in seqs:
        n += 1
    return n


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_the_answer_after_each_push_is_the_plain_one_and_the_mark_follows(
    make_database, backend: str
) -> None:
    """Numbers arrive in pushes, in random order (a batch lost and sent later, a restored PC), for several
    devices; after each push the answer equals the plain definition over all numbers received so far."""
    seed = random.randrange(2**32)
    print(f"seed {seed}")
    rnd = random.Random(seed)
    engine = db.open_database(make_database(backend), pool_size=1)
    try:
        office = CentralOffice(engine)
        org = office.commands.add_org("KV Lückenhausen")
        lead = office.commands.add_person(org, "Erika Lücke")
        cases = [list(range(1, 40)), [*range(1, 3 * MAX_REPORTED_GAPS, 2), 2, 4, 6]]
        cases += [
            [3, 1, 2],
            [5, 6, 7, 1, 2, 3, 4],
            [*range(2, 30), 1],
            [*range(1, 5), *range(10, 3 * MAX_REPORTED_GAPS, 2)],
        ]
        for _ in range(12):
            top = rnd.randrange(1, 400)
            numbers = [n for n in range(1, top + 1) if rnd.random() < 0.9]
            numbers.sort(key=lambda n: n + rnd.choice([0, 0, 0, rnd.randrange(-60, 60)]))  # mostly in order
            cases.append(numbers)
        for i, arriving in enumerate(cases):
            code, _ = office.commands.create_enrolment_code(org, lead)
            device = DeviceSync(office).enrol(p.EnrolRequest(code=code, device_name=f"PC {i}")).device_id
            seen: set[int] = set()
            left = list(dict.fromkeys(arriving))
            while left:
                k = rnd.randint(1, 60)
                take, left = left[:k], left[k:]
                seen |= set(take)
                with engine.begin() as conn:
                    insert_rows(
                        conn, db.device_seqs, [{"device_id": device, "seq": n, "key": f"k{n}"} for n in take]
                    )
                    health = push_health(conn, device)
                assert health == _expected(seen).model_copy(update={"device_id": device}), sorted(seen)
                with engine.begin() as conn:
                    mark = conn.execute(
                        select(db.device_seq_marks.c.contiguous_to).where(
                            db.device_seq_marks.c.device_id == device
                        )
                    ).scalar()
                    assert sync_health(conn, device) == health  # what the health pages read
                assert (mark or 0) == _contiguous_to(seen), sorted(seen)
    finally:
        engine.dispose()
