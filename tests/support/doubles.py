"""A test double with the Pipeline interface, to drive the API layer through states the real
pipeline reaches only by accident (slow or failed loading) and through exact quote shapes."""

from __future__ import annotations

import threading

from service.pipeline.types import Quote


class ScriptedPipeline:
    models = [{"name": "scripted", "version": "0"}]

    def __init__(
        self,
        quotes: list[Quote] | None = None,
        gate: threading.Event | None = None,
        error: Exception | None = None,
    ) -> None:
        self.quotes = quotes or []
        self.gate = gate
        self.error = error
        self.calls: list[tuple[str, str | None, list[str] | None]] = []

    def warm_up(self) -> None:
        if self.gate is not None:
            self.gate.wait(30)
        if self.error is not None:
            raise self.error

    def analyse(self, text: str, title: str | None = None, targets: list[str] | None = None):
        self.calls.append((text, title, targets))
        return list(self.quotes)
