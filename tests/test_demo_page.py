"""The demo page (/) and /docs over the test client: HTML with a strict CSP and no inline
script, assets served by the app, open without a key while the API keeps needing one, and
every other unknown route still a problem+json 404."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from service.config import REPO_ROOT
from tests.support.doubles import ScriptedPipeline

PAGES = ["/", "/docs"]
# .js is application/javascript where no /etc/mime.types overrides Python's table (the image)
ASSET_TYPES = {
    "text/css", "text/javascript", "application/javascript", "image/png", "image/svg+xml",
}
EXAMPLES = REPO_ROOT / "service" / "static" / "demo" / "examples.json"


class Assets(HTMLParser):
    """The scripts and stylesheets a page loads, and any inline script or style it has."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.inline: list[str] = []
        self._tag: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "script" and found.get("src"):
            self.urls.append(found["src"] or "")
        elif tag == "link" and found.get("rel") in ("stylesheet", "icon", "modulepreload"):
            self.urls.append(found.get("href") or "")
        if tag in ("script", "style") and not found.get("src"):
            self.inline.append(tag)
        self.inline += [f"{tag}[{name}]" for name, _ in attrs if name.startswith("on")]
        self.inline += [f"{tag}[style]" for name, _ in attrs if name == "style"]


@pytest.fixture
def client(make_client):
    return make_client(ScriptedPipeline())


@pytest.fixture
def keyed(make_client):
    return make_client(ScriptedPipeline(), api_keys=("page-key-1",))


def parse(html: str) -> Assets:
    parser = Assets()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("path", PAGES)
def test_page_is_html_with_a_strict_csp(client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200 and response.mimetype == "text/html"
    header = response.headers["Content-Security-Policy"]
    policy = dict(part.strip().split(" ", 1) for part in header.split(";"))
    assert policy["script-src"] == "'self'" and policy["default-src"] == "'none'"
    assert "unsafe" not in header
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert parse(response.get_data(as_text=True)).inline == []


@pytest.mark.parametrize("path", PAGES)
def test_every_asset_is_served_by_the_app(client, path: str) -> None:
    urls = parse(client.get(path).get_data(as_text=True)).urls
    assert len(urls) >= 2
    for url in urls:
        assert url.startswith("/"), f"{url} is not served by the app"
        asset = client.get(url)
        assert asset.status_code == 200, url
        assert asset.mimetype in ASSET_TYPES, url


@pytest.mark.parametrize("path", [
    "/index.html", "/docs/", "/docs/assets/index.html", "/docs/assets/swagger-initializer.js",
    "/static/demo/missing.js", "/demo",
])
def test_other_routes_stay_problem_404(client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"


def test_pages_answer_only_get(client) -> None:
    response = client.post("/", json={"text": "x"})
    assert response.status_code == 405 and response.mimetype == "application/problem+json"


def test_pages_and_assets_open_without_a_key_the_api_does_not(keyed) -> None:
    for path in PAGES:
        page = keyed.get(path)
        assert page.status_code == 200
        for url in parse(page.get_data(as_text=True)).urls:
            assert keyed.get(url).status_code == 200, url
    assert keyed.get("/static/demo/examples.json").status_code == 200
    for path in ("/openapi.yaml", "/v1/info", "/docs/assets/index.html", "/nowhere"):
        assert keyed.get(path).status_code == 401, path
    assert keyed.post("/v1/quotes", json={"text": "She said yes."}).status_code == 401


def test_examples_are_valid_requests(client) -> None:
    examples = json.loads(EXAMPLES.read_text(encoding="utf-8"))
    assert len(examples) >= 3
    for example in examples:
        body = {"text": example["text"], "title": example["title"], "targets": example["targets"]}
        assert client.post("/v1/quotes", json=body).status_code == 200, example["name"]
