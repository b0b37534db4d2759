"""DrainingSyncWorker: on graceful shutdown, connections already queued on the listening socket
are answered, not reset; the drain ends when the queue is empty."""

from __future__ import annotations

import socket
from types import SimpleNamespace

from service.workers import DrainingSyncWorker


def test_drain_answers_every_queued_connection() -> None:
    listener = socket.create_server(("127.0.0.1", 0), backlog=16)
    listener.setblocking(False)
    clients = [socket.create_connection(listener.getsockname()) for _ in range(3)]
    handled: list[int] = []

    worker = object.__new__(DrainingSyncWorker)  # the drain needs only sockets, cfg and handle
    worker.sockets = [listener]
    worker.cfg = SimpleNamespace(graceful_timeout=30)

    def handle(_listener, client, _addr) -> None:  # noqa: ANN001
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
