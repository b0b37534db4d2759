"""Link decoded content, cue and source spans into attributions (one per quote)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from service.pipeline.attribution.decoding import LabelledSpan
from service.pipeline.text import LINE_BREAK
from service.pipeline.types import Attribution, CharSpan

MAX_GAP = 250  # characters between linked spans; attributions sit next to their content
_OPENING_MARKS = "\"'\u201c\u2018\u00ab\u201e\u201a\u2039"
_ONLY_PUNCT = re.compile(r"[\s\W]*")


def _gap(a: LabelledSpan, b: LabelledSpan) -> int:
    return max(0, b.start - a.end, a.start - b.end)


def _between(text: str, a: LabelledSpan, b: LabelledSpan) -> str:
    """The text separating two spans (empty when they touch or overlap)."""
    return text[min(a.end, b.end) : max(a.start, b.start)]


def _linkable(text: str, a: LabelledSpan, b: LabelledSpan) -> bool:
    """Near enough, and not across a paragraph break unless only punctuation lies between."""
    gap = _gap(a, b)
    if gap > MAX_GAP:
        return False
    between = _between(text, a, b)
    return not LINE_BREAK.search(between) or _ONLY_PUNCT.fullmatch(between) is not None


class _Candidates:
    """Spans of one type, indexed by start: a span is compared only with those that can lie
    within MAX_GAP of it (all of them made text of 100,000 quotation marks take minutes)."""

    def __init__(self, spans: list[LabelledSpan]) -> None:
        self.spans = spans
        self.order = sorted(range(len(spans)), key=lambda i: spans[i].start)
        self.starts = [spans[i].start for i in self.order]
        self.longest = max((s.end - s.start for s in spans), default=0)

    def near(self, span: LabelledSpan) -> list[int]:
        """Indices, in list order, of every candidate within MAX_GAP of span (and a few more)."""
        low = bisect_left(self.starts, span.start - MAX_GAP - self.longest)
        high = bisect_right(self.starts, span.end + MAX_GAP)
        return sorted(self.order[low:high])


def _nearest(text: str, span: LabelledSpan, candidates: _Candidates) -> int | None:
    best, best_gap = None, MAX_GAP + 1
    for i in candidates.near(span):
        cand = candidates.spans[i]
        if _linkable(text, span, cand) and _gap(span, cand) < best_gap:
            best, best_gap = i, _gap(span, cand)
    return best


def _start(span: LabelledSpan) -> int:
    return span.start


def _continues(text: str, prev: LabelledSpan, part: LabelledSpan) -> bool:
    """Whether `part` continues the quote of `prev` (same paragraph, or a new paragraph that
    opens with a quotation mark or follows a colon, as continued quotes are written)."""
    lines = LINE_BREAK.split(text[prev.end : part.start])
    if len(lines) == 1:
        return True
    opening = lines[-1].lstrip()[:1]
    after_colon = lines[0].rstrip().endswith(":")
    return after_colon or (bool(opening) and opening in _OPENING_MARKS)


def _paragraph_gap(text: str, a: LabelledSpan, b: LabelledSpan) -> tuple[bool, int]:
    """Distance that counts a paragraph break before any number of characters."""
    return LINE_BREAK.search(_between(text, a, b)) is not None, _gap(a, b)


def _split_at_breaks(
    text: str, cue: LabelledSpan, parts: list[LabelledSpan]
) -> list[list[LabelledSpan]]:
    """Cut a cue's contents where a paragraph does not continue the quote.

    Returns the run nearest to the cue first (its own paragraph before any other): it keeps
    the cue; the other runs are quotes of their own.
    """
    runs = [[parts[0]]]
    for prev, part in zip(parts, parts[1:], strict=False):
        if _continues(text, prev, part):
            runs[-1].append(part)
        else:
            runs.append([part])
    runs.sort(key=lambda run: min(_paragraph_gap(text, p, cue) for p in run))
    return runs


def link(text: str, spans: list[LabelledSpan]) -> list[Attribution]:
    """Group spans into attributions: content -> nearest cue -> nearest source.

    Contents that share a cue are the fragments of one quote ("A," he said, "B.").
    """
    # a span without a letter or digit ("!!!", a lone dash) says nothing and is no quote
    spans = [s for s in spans if any(ch.isalnum() for ch in text[s.start : s.end])]
    contents = [s for s in spans if s.type == "CONTENT"]
    cues = [s for s in spans if s.type == "CUE"]
    sources = [s for s in spans if s.type == "SOURCE"]
    near_cues, near_sources = _Candidates(cues), _Candidates(sources)
    groups: dict[int | None, list[LabelledSpan]] = {}
    lone: list[list[LabelledSpan]] = []
    for content in contents:
        cue = _nearest(text, content, near_cues)
        if cue is None:
            lone.append([content])
        else:
            groups.setdefault(cue, []).append(content)
    for cue_index, parts in list(groups.items()):
        kept, *others = _split_at_breaks(text, cues[cue_index], sorted(parts, key=_start))
        groups[cue_index] = kept
        lone += others
    attributions = []
    for cue_index, parts in [*groups.items(), *((None, p) for p in lone)]:
        cue = cues[cue_index] if cue_index is not None else None
        # without a cue the source is looked for beside the content itself
        nearest_source = _nearest(text, cue or parts[0], near_sources)
        source = sources[nearest_source] if nearest_source is not None else None
        scored = [*parts, *(s for s in (cue, source) if s is not None)]
        attributions.append(
            Attribution(
                fragments=[CharSpan.of(text, p.start, p.end) for p in parts],
                cue=CharSpan.of(text, cue.start, cue.end) if cue else None,
                source=CharSpan.of(text, source.start, source.end) if source else None,
                confidence=sum(s.score for s in scored) / len(scored),
            )
        )
    return sorted(attributions, key=lambda a: a.start)
