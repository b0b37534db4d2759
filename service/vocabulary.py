"""The API's closed vocabularies, defined once: the schemas (and so openapi.yaml) take their
allowed values from these aliases, and pipeline code can annotate its fields with them."""

from __future__ import annotations

from typing import Literal

QuoteType = Literal["direct", "indirect", "mixed"]
SpeakerType = Literal["person", "organization", "other", "unknown"]
StanceLabel = Literal["support", "oppose", "neutral"]
# Where a stance target came from: the request's `targets`, else the title, else an entity.
TargetSource = Literal["request", "title", "entity"]

