"""The gunicorn worker: sync, plus a drain on graceful shutdown and a read of unread bodies.

On SIGTERM a stock sync worker finishes its current request and exits, and the connections the
kernel had already queued on the listening socket are reset unanswered: requests the clients
sent are dropped. This worker first answers what is queued (until the queue is empty or the
graceful timeout nears), so SIGTERM loses nothing that reached the server.

A response sent before the request body was read (413 for a declared 10 MB body, 401, 415) is
lost the same way: closing a socket that still holds unread data resets the connection, and a
client still sending sees "connection reset" instead of the problem document. So after each
response the rest of the body is read and discarded, within DISCARD_BYTES and DISCARD_SECONDS;
past those the connection is closed anyway.
"""

from __future__ import annotations

import socket
import time
from typing import Any

from gunicorn.http.errors import ParseException
from gunicorn.workers.sync import SyncWorker

MARGIN_SECONDS = 5  # leave room to exit before the master's SIGKILL at graceful_timeout
DISCARD_BYTES = 64 * 1024 * 1024  # 16 times the body limit (service/config.py)
DISCARD_SECONDS = 10
READ_BYTES = 64 * 1024


def discard_unread_body(body: Any, client: socket.socket) -> int:
    """Read what is left of a request body (gunicorn's Body) and drop it; the bytes read."""
    deadline = time.monotonic() + DISCARD_SECONDS
    read = 0
    try:
        while read < DISCARD_BYTES and (left := deadline - time.monotonic()) > 0:
            client.settimeout(left)
            chunk = body.read(READ_BYTES)
            if not chunk:
                break
            read += len(chunk)
    except (OSError, ParseException):  # gone, too slow, or a broken chunked encoding
        pass
    return read


class DrainingSyncWorker(SyncWorker):
    def handle_request(self, listener: Any, req: Any, client: Any, addr: Any) -> None:
        super().handle_request(listener, req, client, addr)
        discard_unread_body(req.body, client)

    def run(self) -> None:
        super().run()  # returns once self.alive is False (SIGTERM, max_requests)
        self.drain()

    def drain(self) -> None:
        deadline = time.monotonic() + self.cfg.graceful_timeout - MARGIN_SECONDS
        for listener in self.sockets:
            while time.monotonic() < deadline:
                try:
                    self.accept(listener)  # non-blocking: raises once nothing is queued
                except OSError:
                    break
            # Let go of the socket now, not after the interpreter's exit: a connection queued
            # meanwhile would be reset, and the last worker to close answers what is left.
            listener.close()
