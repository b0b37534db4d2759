"""Shared test support: the live gunicorn server, pipeline doubles, hand-made inputs, the
OpenAPI response check (used by tests/ and bench/), the browser and the demo page's driver."""
