"""Shared test support: the live gunicorn server, pipeline doubles, hand-made inputs and the
OpenAPI response check (used by tests/ and bench/)."""
