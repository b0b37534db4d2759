"""Features of a candidate link between two decoded spans: a content and a cue, or a cue (a
content without one) and a source. The learned link scorer (`linking.LinkScorer`) weighs them;
`training/attribution/train_linking.py` fits the weights on PolNeAR train.

Each feature is a number in [0, 1]. Distances and counts say which span is near; the parse
says which one the grammar ties to the anchor: the subject of the cue verb (followed through
coordination, "Rendell said ... and called it ...", and relative clauses, "Mr. Obama, who
understood ..., told"), the agent of a passive, the owner of a cue noun ("Trump's claim"),
the object of "according to", and for a cue the verb that governs the content.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from service.pipeline.attribution.decoding import LabelledSpan
from service.pipeline.text import LINE_BREAK

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
RELATIVE_PRONOUNS = {"who", "which", "that", "whom", "whose"}
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
OPENING_MARKS = "\"'\u201c\u2018\u00ab"
NOUN_PHRASE_DEPS = {"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "predet"}
PARSED_SCORE = 0.0  # a parsed candidate's tagger score: the tagger did not mark it


@dataclass(frozen=True)
class ArticleView:
    """What the features read of the whole article: its text and parse, the sorted starts of
    its decoded spans by kind (for the counts of spans in between) and the tokens inside a
    content (a subject there is the quote's, not the speaker)."""

    text: str
    doc: Doc
    starts: dict[str, list[int]]
    quoted: frozenset[int]
    sentence_starts: list[int]  # token index of each sentence's first token, sorted


@dataclass(frozen=True)
class Anchor:
    """The span a candidate would link to, with its parse: the content's or the cue's tokens."""

    span: LabelledSpan
    tokens: Span | None


def tokens_of(doc: Doc, span: LabelledSpan) -> Span | None:
    return doc.char_span(span.start, span.end, alignment_mode="expand")


def _subject(verb: Token, quoted: frozenset[int]) -> Token | None:
    """The subject of a verb outside the quote, through coordination ("said ... and called")
    to the first verb; a verb inside a content (the parser may hang "and called" on a verb
    of the quote) hands on to the verb that governs it."""
    while True:
        subj = next((c for c in verb.children if c.dep_ in SUBJECTS and c.i not in quoted),
                    None)
        if subj is not None or verb.head.i == verb.i:
            return subj
        if verb.dep_ != "conj" and verb.i not in quoted:
            return None
        verb = verb.head


def _subject_tokens(verb: Token, quoted: frozenset[int]) -> tuple[set[int], int | None]:
    """Token indices of the verb's subject phrase and its head; a relative pronoun's noun
    ("Mr. Obama, who ... told") stands in for the pronoun."""
    subj = _subject(verb, quoted)
    if subj is None:
        return set(), None
    head = subj
    if subj.lower_ in RELATIVE_PRONOUNS:
        clause = subj.head
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ == "relcl":
            head = clause.head
    return set(range(head.left_edge.i, head.right_edge.i + 1)) | {subj.i}, head.i


def parsed_subject(view: ArticleView, cue: Span | None) -> LabelledSpan | None:
    """The cue verb's subject as a candidate source the tagger did not mark: its words up to
    its head ("Twelve percent", "most" of "most of whom", a relative "who"), or None."""
    if cue is None or len(cue) == 0:
        return None
    word = _subject(cue.root, view.quoted)
    if word is None or cue.start <= word.i < cue.end:
        return None
    doc = view.doc
    # its noun phrase up to the head, not its whole subtree, which the parser may stretch
    # over a time phrase
    first = min([word.i] + [c.left_edge.i for c in word.lefts if c.dep_ in NOUN_PHRASE_DEPS])
    return LabelledSpan("SOURCE", doc[first].idx, word.idx + len(word), PARSED_SCORE)


def _agent(verb: Token) -> set[int]:
    """Tokens of a passive's "by X"."""
    return {t.i for c in verb.children if c.dep_ == "agent" for t in c.subtree} - {
        c.i for c in verb.children if c.dep_ == "agent"}


def _owner(noun: Token) -> set[int]:
    return {t.i for c in noun.children if c.dep_ == "poss" for t in c.subtree}


def _prepositional_object(word: Token) -> set[int]:
    """Tokens of the object of the cue's preposition ("according to X", "in a letter to X")."""
    preps = [c for c in word.children if c.dep_ == "prep"]
    if word.dep_ == "prep":
        preps.append(word)
    return {t.i for p in preps for c in p.children if c.dep_ == "pobj" for t in c.subtree}


def _between(starts: list[int], a: LabelledSpan, b: LabelledSpan) -> int:
    """How many spans (given by their sorted starts) begin in the gap between a and b."""
    low, high = min(a.end, b.end), max(a.start, b.start)
    return max(0, bisect_left(starts, high) - bisect_left(starts, low))


def features(view: ArticleView, anchor: Anchor, candidate: LabelledSpan,
             rank: int) -> list[float]:
    """The FEATURES of linking `candidate` (a cue or a source) to `anchor`, in order;
    rank: the candidate's place among its kind by distance to the anchor (0 = nearest)."""
    text, doc, starts = view.text, view.doc, view.starts
    a = anchor.span
    gap = max(0, candidate.start - a.end, a.start - candidate.end)
    low, high = min(a.end, candidate.end), max(a.start, candidate.start)
    cand = tokens_of(doc, candidate)
    f = dict.fromkeys(FEATURES, 0.0)
    f["bias"] = 1.0
    f["log_gap"] = min(1.0, math.log1p(gap) / math.log1p(250))
    f["before"] = float(candidate.start < a.start)
    f["paragraph_break"] = float(LINE_BREAK.search(text, low, max(low, high)) is not None)
    f[f"rank_{min(rank, 2)}" if rank < 2 else "rank_2_plus"] = 1.0
    for kind, name in (("CONTENT", "contents_between"), ("CUE", "cues_between"),
                       ("SOURCE", "sources_between")):
        f[name] = min(2, _between(starts[kind], a, candidate)) / 2
    f["score"] = candidate.score
    f["stop_between"] = float(SENTENCE_STOP.search(text, max(0, low - 1), max(low, high + 1))
                              is not None)
    before_anchor = text[max(0, a.start - 8) : a.start].rstrip()
    f["anchor_quoted"] = float(bool(before_anchor) and before_anchor[-1] in OPENING_MARKS)
    if cand is None or anchor.tokens is None or len(cand) == 0:
        return list(f.values())
    root = anchor.tokens.root
    f["same_sentence"] = float(cand.root.sent == root.sent)
    first, last = min(cand.start, anchor.tokens.start), max(cand.end, anchor.tokens.end) - 1
    apart = bisect_right(view.sentence_starts, last) - bisect_right(view.sentence_starts, first)
    f["sentences_apart"] = min(3, apart) / 3
    indices = set(range(cand.start, cand.end))
    if candidate.type == "SOURCE":
        verb = root if anchor.span.type == "CUE" else root.head
        subject, head = _subject_tokens(verb, view.quoted)
        f["grammar_subject"] = float(bool(indices & subject))
        f["subject_head"] = float(head in indices)
        f["agent"] = float(bool(indices & _agent(verb)))
        f["owner"] = float(bool(indices & _owner(root)))
        f["prepositional_object"] = float(bool(indices & _prepositional_object(root)))
        f["pronoun"] = float(cand.root.lower_ in PRONOUNS)
        f["relative_pronoun"] = float(cand.root.lower_ in RELATIVE_PRONOUNS)
        f["parsed"] = float(candidate.score == PARSED_SCORE)
    else:  # a cue for a content anchor
        cue_root = cand.root
        f["governs_content"] = float(cue_root in root.ancestors)
        f["content_head_in_cue"] = float(root.head.i in indices and root.head.i != root.i)
    return list(f.values())
