"""Which decoded spans a content or a cue may link to: those near it, not across a paragraph
break, and for a cue's source also the cue verb's parsed subject the tagger did not mark."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from service.pipeline.attribution.decoding import SPAN_TYPES, LabelledSpan
from service.pipeline.attribution.link_features import (
    MAX_GAP,
    Anchor,
    ArticleView,
    between,
    gap,
)
from service.pipeline.attribution.link_grammar import parsed_subject, tokens_of
from service.pipeline.document import Document
from service.pipeline.speakers.lexicon import EMPTY_WORDS
from service.pipeline.text import LINE_BREAK

ONLY_PUNCT = re.compile(r"[\s\W]*")
# the nearest candidates of a kind that are scored: on PolNeAR dev the right one is always
# among the first four, and text dense with spans ("No," he said, "yes" ...) stays linear
MAX_CANDIDATES = 6


def _next_word(text: str, at: int) -> int:
    """Where the text goes on after the spaces at `at` (eight at most)."""
    window = text[at : at + 8]
    return at + len(window) - len(window.lstrip())


def linkable(text: str, a: LabelledSpan, b: LabelledSpan) -> bool:
    """Near enough, and not across a paragraph break unless only punctuation lies between."""
    if gap(a, b) > MAX_GAP:
        return False
    gap_text = between(text, a, b)
    return not LINE_BREAK.search(gap_text) or ONLY_PUNCT.fullmatch(gap_text) is not None


class SpanIndex:
    """Spans of one type, indexed by start: a span is compared only with those that can lie
    within MAX_GAP of it (all of them made text of 100,000 quotation marks take minutes)."""

    def __init__(self, kind: str, spans: list[LabelledSpan]) -> None:
        self.spans = sorted((s for s in spans if s.type == kind), key=lambda s: s.start)
        self.starts = [s.start for s in self.spans]
        self.longest = max((s.end - s.start for s in self.spans), default=0)

    def near(self, span: LabelledSpan) -> list[LabelledSpan]:
        """Every span within MAX_GAP of `span` (and a few more), in text order."""
        low = bisect_left(self.starts, span.start - MAX_GAP - self.longest)
        high = bisect_right(self.starts, span.end + MAX_GAP)
        return self.spans[low:high]


class ArticleSpans:
    """The decoded spans of one article, indexed by kind; a span without a letter or digit
    ("!!!", a lone dash) says nothing and is left out, and so is a content of one word that
    reports no words, with its cue ("said nothing", "said so")."""

    def __init__(self, document: Document, spans: list[LabelledSpan]) -> None:
        self.document = document
        text = document.text
        empty = [s for s in spans if s.type == "CONTENT" and text[s.start : s.end].strip(
            ".,;:!? ").lower() in EMPTY_WORDS]
        # with its cue: "said" of "said nothing" is no cue for a quote nearby either
        empty_starts = {e.start for e in empty}
        empty += [s for s in spans if s.type == "CUE" and _next_word(text, s.end) in empty_starts]
        spans = [s for s in spans if any(ch.isalnum() for ch in text[s.start : s.end])
                 and s not in empty]
        self.index = {kind: SpanIndex(kind, spans) for kind in SPAN_TYPES}
        doc = document.parse
        quoted = frozenset(t.i for s in self.index["CONTENT"].spans
                           for t in (tokens_of(doc, s) or ()))
        self.view = ArticleView(text, doc, {k: self.index[k].starts for k in SPAN_TYPES},
                                quoted, [sent.start for sent in doc.sents])
        self._anchors: dict[LabelledSpan, Anchor] = {}

    def anchor(self, span: LabelledSpan) -> Anchor:
        """The span as an anchor, with its tokens and parse facts, made once per span (a
        content is the anchor of its cue choice and, without a cue, of its source choice)."""
        if span not in self._anchors:
            self._anchors[span] = Anchor.of(self.view, span)
        return self._anchors[span]

    def of(self, kind: str) -> list[LabelledSpan]:
        return self.index[kind].spans

    def overlaps(self, kind: str, span: LabelledSpan) -> bool:
        return any(s.start < span.end and span.start < s.end
                   for s in self.index[kind].near(span))

    def candidates(self, anchor: LabelledSpan, kind: str) -> list[LabelledSpan]:
        """The spans of `kind` that `anchor` may link to, the MAX_CANDIDATES nearest, nearest
        first; for a cue's source also the cue verb's parsed subject where the tagger marked
        nothing ("Twelve percent
        indicated ...", a relative "who")."""
        text = self.document.text
        near = sorted((s for s in self.index[kind].near(anchor) if linkable(text, anchor, s)),
                      key=lambda s: gap(anchor, s))[:MAX_CANDIDATES]
        if anchor.type != "CUE" or kind != "SOURCE":
            return near
        subject = parsed_subject(self.view.doc, self.anchor(anchor).tokens, self.view.quoted)
        if (subject is None or not linkable(text, anchor, subject)
                or self.overlaps("SOURCE", subject) or self.overlaps("CONTENT", subject)):
            return near
        return sorted([*near, subject], key=lambda s: gap(anchor, s))
