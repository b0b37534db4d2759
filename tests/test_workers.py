"""DrainingSyncWorker: on graceful shutdown, connections already queued on the listening socket
are answered, not reset; the drain ends when the queue is empty. After a response, the unread
rest of a request body is read and dropped, within bounds."""

from __future__ import annotations

import socket
from types import SimpleNamespace

from service import workers
from service.workers import DrainingSyncWorker, discard_unread_body


def test_drain_answers_every_queued_connection() -> None:
    listener = socket.create_server(("127.0.0.1", 0), backlog=16)
    listener.setblocking(False)
    clients = [socket.create_connection(listener.getsockname()) for _ in range(3)]
    handled: list[int] = []

    worker = object.__new__(DrainingSyncWorker)  # the drain needs only sockets, cfg and handle
    worker.sockets = [listener]
    worker.cfg = SimpleNamespace(graceful_timeout=30)

    def handle(_listener: socket.socket, client: socket.socket, _addr: object) -> None:
        handled.append(client.fileno())
        client.sendall(b"answered")
        client.close()

    worker.handle = handle
    worker.drain()  # returns once nothing is queued
    assert len(handled) == 3
    assert listener.fileno() == -1  # closed at once, not when the worker process ends
    assert all(c.recv(16) == b"answered" for c in clients)
    for c in [*clients, listener]:
        c.close()


class Body:
    """gunicorn's request Body as far as the discard uses it: read(size) -> bytes, b"" at end."""

    def __init__(self, size: int, fail: bool = False) -> None:
        self.left, self.fail = size, fail

    def read(self, size: int) -> bytes:
        if self.fail:
            raise ConnectionResetError
        part = min(size, self.left)
        self.left -= part
        return b"x" * part


def test_unread_body_is_read_to_its_end_within_the_bound(monkeypatch) -> None:
    client = socket.socket()
    try:
        assert discard_unread_body(Body(10 * 1024 * 1024), client) == 10 * 1024 * 1024
        monkeypatch.setattr(workers, "DISCARD_BYTES", 1024 * 1024)
        endless = Body(10**12)
        assert discard_unread_body(endless, client) == 1024 * 1024
        assert discard_unread_body(Body(5, fail=True), client) == 0  # the client went away
    finally:
        client.close()
