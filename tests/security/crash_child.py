"""A child process that crashes with personal-looking data in the exception message, an argument and a local
variable, after installing the crash handler (tests/security/test_crash_handler.py, test_leak_scan.py).

    python crash_child.py MODE DATA_DIR NAME_MARKER NUMBER_MARKER
MODE: "main" (uncaught in the main thread) or "thread" (uncaught in a worker thread; the process lives on).
"""

from __future__ import annotations

import sys
import threading

from desktop import crash, paths


def leaf_function_that_fails(member_name: str) -> None:
    phone_number = sys.argv[4]  # a local variable holding a number
    note = f"Rückruf bei {member_name} unter {phone_number}"
    raise ValueError(f"could not save the note {note!r}")


def middle_function_wraps(member_name: str) -> None:
    try:
        leaf_function_that_fails(member_name)
    except ValueError as exc:
        raise RuntimeError(f"saving failed for {member_name}") from exc


def top_level_entry() -> None:
    middle_function_wraps(sys.argv[3])


if __name__ == "__main__":
    mode, data_dir = sys.argv[1], sys.argv[2]
    paths.configure(data_dir)
    crash.install("9.9.9-test")
    if mode == "thread":
        worker = threading.Thread(target=top_level_entry, name="db_worker")
        worker.start()
        worker.join()
        print("ALIVE", flush=True)
    else:
        top_level_entry()
