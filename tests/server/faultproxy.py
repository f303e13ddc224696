"""A loopback TCP proxy that injects network faults into HTTP/1.1 exchanges (R10, R11).

One request per client connection: the proxy reads the request, forwards it on a fresh upstream connection,
reads the whole response (so the server has committed) and then closes. Faults, chosen per connection:

- ``refuse``: reset the connection before reading anything
- ``reset``: read the request, then reset without forwarding it
- ``delay``: hold the request back (the client may time out while the server still commits it)
- ``truncate``: forward, then send only part of the response and reset
- ``drop``: forward, let the server commit and answer, then reset without sending the answer

Only ever listens on and connects to 127.0.0.1. Plain threads and blocking sockets: easy to shut down cleanly.
"""

from __future__ import annotations

import random
import socket
import struct
import threading
import time
from collections import Counter

FAULTS = ("refuse", "reset", "delay", "truncate", "drop")


def _read_message(sock: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed before the end of the headers")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed before the end of the body")
        body += chunk
    return head + b"\r\n\r\n" + body


def _reset(sock: socket.socket) -> None:
    """Close with RST instead of FIN."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


class FaultProxy:
    def __init__(
        self, upstream_port: int, *, fault_rate: float = 0.6, max_delay: float = 0.4, seed: int = 0
    ) -> None:
        self.upstream_port, self.fault_rate, self.max_delay = upstream_port, fault_rate, max_delay
        self.rng = random.Random(seed)
        self.injected: Counter[str] = Counter()
        self.passed = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._handlers: list[threading.Thread] = []

    @property
    def faults(self) -> int:
        with self._lock:
            return sum(self.injected.values())

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> FaultProxy:
        self._listener = socket.create_server(("127.0.0.1", 0), backlog=128)
        self._listener.settimeout(0.1)
        self.port = self._listener.getsockname()[1]
        self._acceptor = threading.Thread(target=self._accept, daemon=True)
        self._acceptor.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._acceptor.join(10)
        self._listener.close()
        for handler in self._handlers:
            handler.join(30)

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            handler = threading.Thread(target=self._handle, args=(conn,), daemon=True)
            self._handlers.append(handler)
            handler.start()

    def _choose(self) -> tuple[str | None, float, float]:
        with self._lock:
            fault = self.rng.choice(FAULTS) if self.rng.random() < self.fault_rate else None
            return fault, self.rng.uniform(0, self.max_delay), self.rng.random()

    def _handle(self, conn: socket.socket) -> None:
        fault, delay, cut = self._choose()
        with conn:
            conn.settimeout(30)
            try:
                if fault == "refuse":
                    return _reset(conn)
                request = _read_message(conn)
                if fault == "reset":
                    return _reset(conn)
                if fault == "delay":
                    time.sleep(delay)
                with socket.create_connection(("127.0.0.1", self.upstream_port), timeout=30) as upstream:
                    upstream.sendall(request)
                    response = _read_message(upstream)
                if fault == "drop":
                    return _reset(conn)
                if fault == "truncate":
                    conn.sendall(response[: int(cut * (len(response) - 1))])
                    return _reset(conn)
                conn.sendall(response)
            except OSError:  # the client gave up (timeout) or went away: fine
                pass
            finally:
                with self._lock:
                    if fault:
                        self.injected[fault] += 1
                    else:
                        self.passed += 1
