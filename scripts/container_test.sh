#!/usr/bin/env bash
# `make container-test`: builds the image, starts the compose stack, waits until it is healthy,
# checks that it answers the seed articles exactly as the same code does outside the container
# and bad requests with problem+json, that it runs as non-root with no torch or compiler and a
# read-only filesystem; then takes the stack down, also on failure.
#
# Needs a Docker engine (started with ../shared/container/start-dockerd.sh when none answers
# and the script is there) and the base image python:3.11-slim (pulled by the build, or built
# locally by ../shared/container/make-base-image.sh where no registry is reachable).
# Env: SHARED_DIR (default ../shared), PYTHON (default .venv/bin/python),
#      QUOTES_TEST_PORT (default: a free port).
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${SHARED_DIR:-$PWD/../shared}"
py="${PYTHON:-.venv/bin/python}"
started=$SECONDS
log() { printf '[container-test %4ds] %s\n' $((SECONDS - started)) "$*"; }

if ! docker info >/dev/null 2>&1; then
  log "starting the Docker engine"
  "$shared/container/start-dockerd.sh"
fi
if ! docker image inspect python:3.11-slim >/dev/null 2>&1 \
    && [ -x "$shared/container/make-base-image.sh" ]; then
  log "building the local python:3.11-slim stand-in"
  "$shared/container/make-base-image.sh"
fi
if docker compose version >/dev/null 2>&1; then compose=(docker compose); else compose=(docker-compose); fi

# Its own project name and port, so a developer's running stack is left alone.
export COMPOSE_PROJECT_NAME=quotes-container-test
QUOTES_PORT="${QUOTES_TEST_PORT:-$("$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
export QUOTES_PORT
unset QUOTES_API_KEYS  # the comparison runs without authentication on both sides
url="http://127.0.0.1:$QUOTES_PORT"

down() {
  local rc=$?
  if [ "$rc" -ne 0 ]; then
    log "FAILED (exit $rc); the service's last log lines:"
    "${compose[@]}" logs --no-color --tail 60 quotes || true
  fi
  "${compose[@]}" down --volumes --remove-orphans >/dev/null 2>&1 || true
  log "stack down"
  exit "$rc"
}
trap down EXIT

log "building the image with ${compose[*]}"
build_started=$SECONDS
"${compose[@]}" build quotes
build_seconds=$((SECONDS - build_started))

"${compose[@]}" up -d quotes
cid="$("${compose[@]}" ps -q quotes)"
since="$(docker inspect -f '{{.State.StartedAt}}' "$cid")"
log "container ${cid:0:12} started; waiting for $url/readyz"
ready_seconds="$("$py" scripts/container_check.py wait "$url" --since "$since" --timeout 600)"
log "ready ${ready_seconds} s after the container started; waiting for Docker's healthcheck"
for _ in $(seq 1 60); do
  health="$(docker inspect -f '{{.State.Health.Status}}' "$cid")"
  [ "$health" = healthy ] && break
  [ "$health" = unhealthy ] && { log "healthcheck says unhealthy"; exit 1; }
  sleep 2
done
[ "$health" = healthy ] || { log "healthcheck still '$health'"; exit 1; }

log "checking the container's user, contents and filesystem"
uid="$(docker exec "$cid" id -u)"
[ "$uid" != 0 ] || { log "the service runs as root"; exit 1; }
docker exec "$cid" python -c \
  "import importlib.util as u, sys; sys.exit(u.find_spec('torch') is not None)" \
  || { log "torch is installed in the runtime image"; exit 1; }
if docker exec "$cid" sh -c 'command -v gcc cc g++ c++ make'; then
  log "a compiler is installed in the runtime image"; exit 1
fi
if docker exec "$cid" sh -c 'touch /app/probe' 2>/dev/null; then
  log "the container's filesystem is writable"; exit 1
fi

log "posting the seed articles to the container and to the local code"
"$py" scripts/container_check.py compare "$url"

memory="$(docker stats --no-stream --format '{{.MemUsage}}' "$cid")"
size_mb=$(( $(docker image inspect -f '{{.Size}}' quotes:latest) / 1000000 ))
log "PASSED: image quotes:latest ${size_mb} MB, uid ${uid}, build ${build_seconds} s," \
    "cold start to ready ${ready_seconds} s, memory after the seeds ${memory}," \
    "whole test $((SECONDS - started)) s"
