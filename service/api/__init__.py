"""HTTP routes, one blueprint per resource."""

from __future__ import annotations

from flask import Flask

from service.api import demo, health, quotes


def init_app(app: Flask) -> None:
    app.register_blueprint(health.bp)
    app.register_blueprint(quotes.bp)
    app.register_blueprint(demo.bp)
