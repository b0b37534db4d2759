"""quotes: a REST service that finds attributed quotes, their speakers and stance in news text."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask.json.provider import DefaultJSONProvider

from service.config import MAX_BODY_BYTES, Config
from service.loader import PipelineLoader, build_real_pipeline


class OrderedJSON(DefaultJSONProvider):
    sort_keys = False  # keep the documented field order


def create_app(config: Config | None = None, pipeline: Any = None) -> Flask:
    """The app factory. `pipeline` lets tests inject a ready object; by default every worker
    builds the real Pipeline from config.models_dir in a background thread."""
    # Imported here so that gunicorn's master, which only needs the log formatter, does not
    # import the pipeline package (onnxruntime, spaCy) before forking.
    from service import api, auth, errors, observability

    config = config or Config.from_env()
    app = Flask(__name__)
    app.config["QUOTES"] = config
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES + 1  # see api.quotes.read_json
    app.json = OrderedJSON(app)

    observability.init_app(app)  # first: request ids and logs also cover auth and errors
    auth.init_app(app)
    errors.init_app(app)
    api.init_app(app)

    if pipeline is None:
        build = build_real_pipeline(config.models_dir, config.inference_threads)
    else:
        def build() -> Any:
            return pipeline
    loader = PipelineLoader(build)
    app.extensions["quotes_loader"] = loader
    loader.start()
    return app
