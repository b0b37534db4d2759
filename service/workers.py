"""The gunicorn worker: sync, plus a drain on graceful shutdown.

On SIGTERM a stock sync worker finishes its current request and exits, and the connections the
kernel had already queued on the listening socket are reset unanswered: requests the clients
sent are dropped. This worker first answers what is queued (until the queue is empty or the
graceful timeout nears), so SIGTERM loses nothing that reached the server.
"""

from __future__ import annotations

import time

from gunicorn.workers.sync import SyncWorker

MARGIN_SECONDS = 5  # leave room to exit before the master's SIGKILL at graceful_timeout


class DrainingSyncWorker(SyncWorker):
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
