"""The pages for people: the demo (/) and the interactive API documentation (/docs).

Both are static HTML (service/templates/) whose scripts and styles the app serves itself: from
service/static/ and, for /docs, Swagger UI's own files from the swagger-ui-bundle package. No
data is in them, so they open without an API key (service.auth.PAGE_ENDPOINTS); the requests
they make carry the key the user types, and the API checks it as it checks any client's.
"""

from __future__ import annotations

from flask import Blueprint, Response, render_template, send_from_directory
from swagger_ui_bundle import swagger_ui_path

bp = Blueprint("demo", __name__)
# The files of Swagger UI that /docs uses; the package's other files (its own index.html, which
# would load the Petstore example from the internet) are not served.
SWAGGER_UI_FILES = ("swagger-ui.css", "swagger-ui-bundle.js", "favicon-32x32.png")

# Only same-origin scripts, styles, requests and images (data: for Swagger UI's CSS icons); no
# inline script, no plugins, no framing. The pages never put the article into the DOM as HTML.
CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
))
PAGE_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def _page(template: str) -> Response:
    return Response(render_template(template), mimetype="text/html", headers=PAGE_HEADERS)


@bp.get("/")
def page() -> Response:
    return _page("demo.html")


@bp.get("/docs")
def docs() -> Response:
    return _page("docs.html")


@bp.get(f"/docs/assets/<any({', '.join(map(repr, SWAGGER_UI_FILES))}):filename>")
def swagger_ui_file(filename: str) -> Response:
    return send_from_directory(swagger_ui_path, filename)
