"""Marshmallow schemas: requests are loaded and responses dumped through them, and openapi.yaml
is generated from them."""

from __future__ import annotations

import re
from typing import Any, get_args

from marshmallow import RAISE, Schema, ValidationError, fields, post_dump, validate

from service import config
from service.vocabulary import QuoteType, SpeakerType, StanceLabel, TargetSource

CONFIDENCE_DECIMALS = 4


def one_of(alias: object) -> validate.OneOf:
    """A validator (and an `enum` in openapi.yaml) for the values of a Literal alias."""
    return validate.OneOf(get_args(alias))


class UnicodeString(fields.String):
    """A string that is valid Unicode: JSON can smuggle in lone surrogates ("\\ud800")."""

    def _deserialize(self, value: object, attr: str | None, data: object, **kwargs: object) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise ValidationError(
                f"Not valid Unicode: lone surrogate at character {exc.start}."
            ) from exc
        return text


# Whitespace as str.isspace() and str.strip() see it, spelled with escapes that Python's re and
# ECMA-262 (the dialect of `pattern` in openapi.yaml) read alike; ECMA's own \s differs (it
# lacks U+001C-U+001F and U+0085, and has U+FEFF), so the validator and the document share this.
WHITESPACE = (
    r"\t\n\x0b\x0c\r\x1c-\x1f\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
)
NOT_BLANK = f"[^{WHITESPACE}]"  # one character that is not whitespace


def not_blank(value: str) -> None:
    if not re.search(NOT_BLANK, value):
        raise ValidationError("Must contain something other than whitespace.")


class DocumentSchema(Schema):
    """One article to analyse."""

    class Meta:
        unknown = RAISE

    id = UnicodeString(
        validate=validate.Length(max=config.MAX_ID_CHARS),
        metadata={"description": "Client's identifier, echoed back."},
    )
    text = UnicodeString(
        required=True,
        validate=[validate.Length(min=1, max=config.MAX_TEXT_CHARS), not_blank],
        metadata={
            "description": "Article text, not blank; longer than the limit is 413.",
            "pattern": NOT_BLANK,
        },
    )
    title = UnicodeString(validate=validate.Length(max=config.MAX_TITLE_CHARS))
    targets = fields.List(
        UnicodeString(validate=validate.Length(min=1, max=config.MAX_TARGET_CHARS)),
        validate=validate.Length(min=1, max=config.MAX_TARGETS),
        metadata={"description": "Stance targets; without them targets come from title/entities."},
    )


class BatchSchema(Schema):
    class Meta:
        unknown = RAISE

    documents = fields.List(
        fields.Nested(DocumentSchema),
        required=True,
        validate=validate.Length(min=1, max=config.MAX_BATCH_DOCUMENTS),
    )


class Confidence(fields.Float):
    """A probability in [0, 1], rounded to CONFIDENCE_DECIMALS: the one place confidences are."""

    def _serialize(self, value: Any, attr: str | None, obj: Any, **kwargs: Any) -> float | None:
        return None if value is None else round(float(value), CONFIDENCE_DECIMALS)


# The response schemas dump the pipeline's objects (service/pipeline/types.py) directly;
# a quote is dumped as render.NumberedQuote (its id and text, and the pipeline's Quote).


class SpanSchema(Schema):
    """Characters [start, end) of the text as sent, in Unicode code points."""

    text = fields.String(required=True)
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)


class SpeakerSchema(Schema):
    name = fields.String(required=True, allow_none=True)
    type = fields.String(required=True, validate=one_of(SpeakerType))
    mention = fields.Nested(SpanSchema, required=True, allow_none=True)
    role = fields.String(required=True, allow_none=True)


class StanceSchema(Schema):
    target = fields.String(required=True)
    target_source = fields.String(
        required=True,
        validate=one_of(TargetSource),
        metadata={
            "description": "Where the target came from, by the first rule that applies: the "
            "request's `targets` (one entry per target); else the `title`; else, of the named "
            "entities the quote's own words name, the one the article mentions most, never the "
            "quote's speaker nor the speaker's own organization (named in the affiliation part "
            "of the speaker's role), an entity holding the position in the quote only when no "
            "other is named (`entity`); a quote that names no other entity then has no stance."
        },
    )
    label = fields.String(
        required=True,
        validate=one_of(StanceLabel),
        metadata={"description": "The speaker's position toward the target (not sentiment)."},
    )
    confidence = Confidence(required=True)


class QuoteSchema(Schema):
    id = fields.String(required=True)
    type = fields.String(required=True, validate=one_of(QuoteType), attribute="quote.type")
    text = fields.String(required=True)
    start = fields.Integer(required=True, attribute="quote.attribution.start")
    end = fields.Integer(required=True, attribute="quote.attribution.end")
    fragments = fields.List(
        fields.Nested(SpanSchema),
        attribute="quote.attribution.fragments",
        metadata={"description": "Content parts; present only when the quote is interrupted."},
    )
    cue = fields.Nested(
        SpanSchema, required=True, allow_none=True, attribute="quote.attribution.cue"
    )
    speaker = fields.Nested(SpeakerSchema, required=True, attribute="quote.speaker")
    stance = fields.List(fields.Nested(StanceSchema), required=True, attribute="quote.stance")
    confidence = Confidence(required=True, attribute="quote.attribution.confidence")

    @post_dump
    def _fragments_only_when_interrupted(self, data: dict[str, Any], **kwargs: Any) -> dict:
        if len(data["fragments"]) < 2:
            del data["fragments"]
        return data


class SpeakerSummarySchema(Schema):
    name = fields.String(required=True)
    type = fields.String(required=True, validate=one_of(SpeakerType))
    role = fields.String(required=True, allow_none=True)
    quote_ids = fields.List(fields.String(), required=True)


class ModelSchema(Schema):
    name = fields.String(required=True)
    version = fields.String(required=True)


class QuotesResponseSchema(Schema):
    id = fields.String(required=True, allow_none=True)
    model = fields.Nested(ModelSchema, required=True)
    quotes = fields.List(fields.Nested(QuoteSchema), required=True)
    speakers = fields.List(fields.Nested(SpeakerSummarySchema), required=True)


class BatchResponseSchema(Schema):
    results = fields.List(fields.Nested(QuotesResponseSchema), required=True)


class ProblemSchema(Schema):
    """RFC 9457 problem details."""

    type = fields.String(required=True)
    title = fields.String(required=True)
    status = fields.Integer(required=True)
    detail = fields.String(required=True)
    request_id = fields.String(required=True)
    errors = fields.Dict(
        keys=fields.String(),
        values=fields.List(fields.String()),
        metadata={"description": "Field (documents.<index>.<field> in a batch) -> messages."},
    )


class StatusSchema(Schema):
    status = fields.String(required=True)


class InfoSchema(Schema):
    service = fields.Dict(keys=fields.String(), values=fields.String(), required=True)
    models = fields.List(fields.Nested(ModelSchema), required=True)
    ready = fields.Boolean(required=True)
    limits = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)
