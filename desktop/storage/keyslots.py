"""Key slots: one per person who may unlock a workspace (DP-9, R3).

The database key is a random 256-bit raw key. For each person, Argon2id(passphrase) gives a key-encryption
key that wraps the database key with ChaCha20-Poly1305. The slot's metadata (ids, label, role, KDF
parameters) is the AEAD's associated data, so editing any of it (for example lowering the KDF cost or
turning a caller into a lead) makes the slot fail to open. The file is written atomically.

A slot may hold more than one wrapped key while a rekey is under way: the new key is stored before
`PRAGMA rekey` runs, and opening tries each (R6).
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from desktop.domain.models import KeySlotMeta, Role, new_id
from desktop.storage.atomic import write_atomic
from desktop.storage.errors import ErrorCode, WorkspaceError

FORMAT = "telefonaktion-keyslots"
VERSION = 1
MIN_MEMORY_KIB = 64 * 1024
MIN_TIME_COST = 3
DEFAULT_PARALLELISM = 1
KEY_BYTES = 32
# Upper bounds (issue 16): a key-slot file is input like any other; parameters beyond these are refused as a
# damaged file before the KDF runs (4 GiB made one unlock take 24 s; 2**40 or parallelism 0 crashed argon2).
MAX_MEMORY_KIB = 1024 * 1024  # 1 GiB: sixteen times the default, still fits an office PC
MAX_TIME_COST = 20
MAX_PARALLELISM = 8
SALT_BYTES = (16, 64)
NONCE_BYTES = 12
MAX_WRAPPED = 4  # one key, two while a rekey is under way
MAX_SLOTS = 500


def new_database_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True)
class Wrapped:
    nonce: bytes
    ciphertext: bytes


@dataclass(frozen=True)
class KeySlot:
    meta: KeySlotMeta
    salt: bytes
    wrapped: tuple[Wrapped, ...]

    def associated_data(self, workspace_id: str) -> bytes:
        m = self.meta
        fields = [
            workspace_id,
            m.slot_id,
            m.person_id,
            m.label,
            m.role.value,
            m.kdf,
            str(m.memory_kib),
            str(m.time_cost),
            str(m.parallelism),
            _b64(self.salt),
        ]
        return json.dumps(fields, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def check_bounds(meta: KeySlotMeta, salt: bytes, wrapped: tuple[Wrapped, ...]) -> None:
    """Every KDF parameter within its bounds, checked before any expensive work: below the floor is a weakened
    slot (WEAK_KDF), anything else out of range a damaged file (KEYSLOTS_DAMAGED)."""
    if not (
        meta.memory_kib <= MAX_MEMORY_KIB
        and meta.time_cost <= MAX_TIME_COST
        and 1 <= meta.parallelism <= MAX_PARALLELISM
        and meta.memory_kib >= 8 * meta.parallelism  # argon2's own floor
        and SALT_BYTES[0] <= len(salt) <= SALT_BYTES[1]
        and 1 <= len(wrapped) <= MAX_WRAPPED
        and all(len(w.nonce) == NONCE_BYTES and len(w.ciphertext) == KEY_BYTES + 16 for w in wrapped)
    ):
        raise WorkspaceError(ErrorCode.KEYSLOTS_DAMAGED, "kdf parameter out of range")
    if meta.memory_kib < MIN_MEMORY_KIB or meta.time_cost < MIN_TIME_COST:
        raise WorkspaceError(ErrorCode.WEAK_KDF)


def _derive(passphrase: str, salt: bytes, meta: KeySlotMeta) -> bytes:
    if meta.memory_kib < MIN_MEMORY_KIB or meta.time_cost < MIN_TIME_COST:
        raise WorkspaceError(ErrorCode.WEAK_KDF)
    return hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=meta.time_cost,
        memory_cost=meta.memory_kib,
        parallelism=meta.parallelism,
        hash_len=32,
        type=Type.ID,
    )


@dataclass
class KeySlotFile:
    workspace_id: str
    slots: list[KeySlot] = field(default_factory=list)

    # ------------------------------------------------------------------ persistence

    @classmethod
    def load(cls, path: Path) -> KeySlotFile:
        try:
            raw = json.loads(path.read_bytes().decode("utf-8"))
        except FileNotFoundError:
            raise WorkspaceError(ErrorCode.NO_WORKSPACE) from None
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise WorkspaceError(ErrorCode.KEYSLOTS_DAMAGED) from None
        try:
            if raw["format"] != FORMAT:
                raise ValueError("format")
            if raw["version"] != VERSION:
                raise WorkspaceError(ErrorCode.NEWER_SCHEMA, "keyslots")
            if len(raw["slots"]) > MAX_SLOTS:
                raise ValueError("slots")
            slots = []
            for s in raw["slots"]:
                if any(
                    type(s["meta"][name]) is not int for name in ("memory_kib", "time_cost", "parallelism")
                ):
                    raise ValueError("kdf parameter type")  # no "65536" or true: pydantic would convert them
                slot = KeySlot(
                    meta=KeySlotMeta(**s["meta"]),
                    salt=_unb64(s["salt"]),
                    wrapped=tuple(Wrapped(_unb64(w["nonce"]), _unb64(w["ct"])) for w in s["wrapped"]),
                )
                check_bounds(slot.meta, slot.salt, slot.wrapped)
                slots.append(slot)
            return cls(workspace_id=str(raw["workspace_id"]), slots=slots)
        except WorkspaceError:
            raise
        except Exception:  # noqa: BLE001 (any structural damage: missing keys, bad base64, bad types
            raise WorkspaceError(ErrorCode.KEYSLOTS_DAMAGED) from None

    def save(self, path: Path) -> None:
        """Write the slots; the delay state after wrong passphrases (``unlock``) stays as it is on disk."""
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "workspace_id": self.workspace_id,
            **_unlock_entry(_read_doc(path)),
            "slots": [
                {
                    "meta": s.meta.model_dump(mode="json"),
                    "salt": _b64(s.salt),
                    "wrapped": [{"nonce": _b64(w.nonce), "ct": _b64(w.ciphertext)} for w in s.wrapped],
                }
                for s in self.slots
            ],
        }
        write_atomic(path, json.dumps(doc, indent=1).encode("utf-8"))

    # ------------------------------------------------------------------ slots

    def add_slot(
        self,
        *,
        person_id: str,
        label: str,
        role: Role,
        passphrase: str,
        keys: tuple[bytes, ...],
        memory_kib: int = MIN_MEMORY_KIB,
        time_cost: int = MIN_TIME_COST,
    ) -> KeySlot:
        meta = KeySlotMeta(
            slot_id=new_id(),
            person_id=person_id,
            label=label,
            role=role,
            memory_kib=max(memory_kib, MIN_MEMORY_KIB),
            time_cost=max(time_cost, MIN_TIME_COST),
            parallelism=DEFAULT_PARALLELISM,
        )
        slot = KeySlot(meta=meta, salt=secrets.token_bytes(16), wrapped=())
        slot = self._wrap_all(slot, passphrase, keys)
        self.slots.append(slot)
        return slot

    def _wrap_all(self, slot: KeySlot, passphrase: str, keys: tuple[bytes, ...]) -> KeySlot:
        kek = ChaCha20Poly1305(_derive(passphrase, slot.salt, slot.meta))
        aad = slot.associated_data(self.workspace_id)
        wrapped = []
        for key in keys:
            nonce = os.urandom(12)
            wrapped.append(Wrapped(nonce, kek.encrypt(nonce, key, aad)))
        return KeySlot(meta=slot.meta, salt=slot.salt, wrapped=tuple(wrapped))

    def find(self, slot_id: str) -> KeySlot:
        for slot in self.slots:
            if slot.meta.slot_id == slot_id:
                return slot
        raise WorkspaceError(ErrorCode.WRONG_PASSPHRASE)

    def unwrap(self, slot_id: str, passphrase: str) -> tuple[bytes, ...]:
        """All database keys this slot holds (normally one; two while a rekey is under way)."""
        slot = self.find(slot_id)
        kek = ChaCha20Poly1305(_derive(passphrase, slot.salt, slot.meta))
        aad = slot.associated_data(self.workspace_id)
        keys = []
        for w in slot.wrapped:
            try:
                keys.append(kek.decrypt(w.nonce, w.ciphertext, aad))
            except InvalidTag:
                continue
        if not keys:
            raise WorkspaceError(ErrorCode.WRONG_PASSPHRASE)
        return tuple(keys)

    def rewrap(self, slot_id: str, passphrase: str, keys: tuple[bytes, ...]) -> None:
        """Replace the wrapped keys of one slot (passphrase change or rekey), keeping its identity."""
        index = next(i for i, s in enumerate(self.slots) if s.meta.slot_id == slot_id)
        old = self.slots[index]
        fresh = KeySlot(meta=old.meta, salt=secrets.token_bytes(16), wrapped=())
        self.slots[index] = self._wrap_all(fresh, passphrase, keys)

    def remove(self, slot_id: str) -> None:
        self.slots = [s for s in self.slots if s.meta.slot_id != slot_id]

    def labels(self) -> list[KeySlotMeta]:
        return [s.meta for s in self.slots]


# ---------------------------------------------------------------------- the delay after wrong passphrases
# Kept in this file (issue 16 point 8), not in a side file: deleting it no longer resets the delay, because
# without the key-slot file nothing can be unlocked at all. Who can edit the file can still reset it (it cannot
# be authenticated before unlocking: there is no key yet), docs/security.md says so.


def _read_doc(path: Path) -> dict[str, object]:
    try:
        doc = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, ValueError):
        return {}
    return doc if isinstance(doc, dict) else {}


def _unlock_entry(doc: dict[str, object]) -> dict[str, object]:
    entry = doc.get("unlock")
    return {"unlock": entry} if isinstance(entry, dict) and entry.get("failures") else {}


def read_unlock_state(path: Path) -> dict[str, object]:
    """{"failures": int, "not_before": text or None}, or {} when there were no failures (or no file)."""
    entry = _unlock_entry(_read_doc(path)).get("unlock", {})
    return dict(entry) if isinstance(entry, dict) else {}


def write_unlock_state(path: Path, failures: int, not_before: str | None) -> None:
    """Record (failures > 0) or clear the delay state; the slots are left exactly as they are."""
    doc = _read_doc(path)
    if not doc:
        return  # no key-slot file (a damaged one is not rewritten): nothing to delay
    doc.pop("unlock", None)
    if failures:
        doc["unlock"] = {"failures": failures, "not_before": not_before}
    write_atomic(path, json.dumps(doc, indent=1).encode("utf-8"))
