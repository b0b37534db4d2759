"""Features of a candidate link between two decoded spans: a content and a cue, or a cue (a
content without one) and a source. The learned link scorer (`link_scorer.LinkScorer`) weighs
them; `training/attribution/train_linking.py` fits the weights on PolNeAR train.

Each feature is a number in [0, 1]. Distances and counts say which span is near; the parse
(`link_grammar`) says which one the grammar ties to the anchor.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from service.pipeline.attribution.decoding import LabelledSpan
from service.pipeline.attribution.link_grammar import Grammar, is_parsed, overlaps, tokens_of
from service.pipeline.speakers.lexicon import RELATIVE_PRONOUNS
from service.pipeline.text import LINE_BREAK

MAX_GAP = 250  # characters between linked spans; attributions sit next to their content
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its"}
FEATURES = (
    "bias", "log_gap", "before", "paragraph_break", "same_sentence", "sentences_apart",
    "rank_0", "rank_1", "rank_2_plus", "contents_between", "cues_between", "sources_between",
    "score", "grammar_subject", "subject_head", "agent", "owner", "prepositional_object",
    "governs_content", "content_head_in_cue", "pronoun", "relative_pronoun", "parsed",
    "stop_between", "anchor_quoted",
)
# a sentence ends between the two spans (a quote's own closing stop counts: "... ," she
# said. "B." has one between "said" and "B.")
SENTENCE_STOP = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+[\"'\u201c\u2018(]*[A-Z]")
OPENING_MARKS = "\"'\u201c\u2018\u00ab\u201e\u201a\u2039"


def gap(a: LabelledSpan, b: LabelledSpan) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    return max(0, b.start - a.end, a.start - b.end)


def between(text: str, a: LabelledSpan, b: LabelledSpan) -> str:
    """The text separating two spans (empty when they touch or overlap)."""
    return text[min(a.end, b.end) : max(a.start, b.start)]


@dataclass(frozen=True)
class ArticleView:
    """What the features read of the whole article: its text and parse, the sorted starts of
    its decoded spans by kind (for the counts of spans in between), the tokens inside a
    content (a subject there is the quote's, not the speaker) and the sentence starts."""

    text: str
    doc: Doc
    starts: dict[str, list[int]]
    quoted: frozenset[int]
    sentence_starts: list[int]  # token index of each sentence's first token, sorted

    def sentence(self, i: int) -> int:
        return bisect_right(self.sentence_starts, i)


@dataclass(frozen=True)
class Anchor:
    """The span candidates would link to, with its tokens and their parse facts (None when
    the span covers no token)."""

    span: LabelledSpan
    tokens: Span | None
    grammar: Grammar | None

    @classmethod
    def of(cls, view: ArticleView, span: LabelledSpan) -> Anchor:
        tokens = tokens_of(view.doc, span)
        if tokens is None or len(tokens) == 0:
            return cls(span, None, None)
        return cls(span, tokens, Grammar.of(tokens.root, span.type == "CUE", view.quoted))


def spans_between(starts: list[int], a: LabelledSpan, b: LabelledSpan) -> int:
    """How many spans (given by their sorted starts) begin in the gap between a and b."""
    low, high = min(a.end, b.end), max(a.start, b.start)
    return max(0, bisect_left(starts, high) - bisect_left(starts, low))


def features(view: ArticleView, anchor: Anchor, candidate: LabelledSpan,
             rank: int) -> list[float]:
    """The len(FEATURES) features of linking `candidate` (a cue or a source) to `anchor`, in
    FEATURES order; rank: the candidate's place among its kind by distance to the anchor
    (0 = nearest)."""
    text, a = view.text, anchor.span
    low, high = min(a.end, candidate.end), max(a.start, candidate.start)
    f = dict.fromkeys(FEATURES, 0.0)
    f["bias"] = 1.0
    f["log_gap"] = min(1.0, math.log1p(gap(a, candidate)) / math.log1p(MAX_GAP))
    f["before"] = float(candidate.start < a.start)
    f["paragraph_break"] = float(LINE_BREAK.search(text, low, max(low, high)) is not None)
    f[("rank_0", "rank_1", "rank_2_plus")[min(rank, 2)]] = 1.0
    for kind, name in (("CONTENT", "contents_between"), ("CUE", "cues_between"),
                       ("SOURCE", "sources_between")):
        f[name] = min(2, spans_between(view.starts[kind], a, candidate)) / 2
    f["score"] = candidate.score
    f["stop_between"] = float(SENTENCE_STOP.search(text, max(0, low - 1), max(low, high + 1))
                              is not None)
    before_anchor = text[max(0, a.start - 8) : a.start].rstrip()
    f["anchor_quoted"] = float(bool(before_anchor) and before_anchor[-1] in OPENING_MARKS)
    cand = tokens_of(view.doc, candidate)
    if cand is not None and len(cand) and anchor.tokens is not None and anchor.grammar:
        _parse_features(f, view, anchor.tokens, anchor.grammar, candidate, cand)
    assert len(f) == len(FEATURES), "a feature name outside FEATURES"
    return list(f.values())


def _parse_features(f: dict[str, float], view: ArticleView, tokens: Span, grammar: Grammar,
                    candidate: LabelledSpan, cand: Span) -> None:
    root, cand_root = tokens.root, cand.root
    f["same_sentence"] = float(view.sentence(cand_root.i) == view.sentence(root.i))
    first, last = min(cand.start, tokens.start), max(cand.end, tokens.end) - 1
    f["sentences_apart"] = min(3, view.sentence(last) - view.sentence(first)) / 3
    start, end = cand.start, cand.end
    if candidate.type == "SOURCE":
        f["grammar_subject"] = float(
            (grammar.subject is not None and overlaps(start, end, (grammar.subject,)))
            or (grammar.subject_word is not None and start <= grammar.subject_word < end))
        f["subject_head"] = float(grammar.subject_head is not None
                                  and start <= grammar.subject_head < end)
        f["agent"] = float(overlaps(start, end, grammar.agents))
        f["owner"] = float(overlaps(start, end, grammar.owners))
        f["prepositional_object"] = float(overlaps(start, end, grammar.objects))
        f["pronoun"] = float(cand_root.lower_ in PRONOUNS)
        f["relative_pronoun"] = float(cand_root.lower_ in RELATIVE_PRONOUNS)
        f["parsed"] = float(is_parsed(candidate))
    else:  # a cue for a content anchor
        f["governs_content"] = float(cand_root.i in grammar.ancestors)
        f["content_head_in_cue"] = float(grammar.head is not None and start <= grammar.head < end)
