"""Link decoded content, cue and source spans into attributions (one per quote)."""

from __future__ import annotations

from service.pipeline.attribution.decoding import LabelledSpan
from service.pipeline.attribution.link_candidates import ArticleSpans
from service.pipeline.attribution.link_features import OPENING_MARKS, between, gap
from service.pipeline.attribution.link_grammar import is_parsed
from service.pipeline.attribution.link_scorer import LinkScorer
from service.pipeline.document import Document
from service.pipeline.text import LINE_BREAK
from service.pipeline.types import Attribution, CharSpan


def _start(span: LabelledSpan) -> int:
    return span.start


def _continues(text: str, prev: LabelledSpan, part: LabelledSpan) -> bool:
    """Whether `part` continues the quote of `prev` (same paragraph, or a new paragraph that
    opens with a quotation mark or follows a colon, as continued quotes are written)."""
    lines = LINE_BREAK.split(text[prev.end : part.start])
    if len(lines) == 1:
        return True
    # the spans' own edges count: a cue may hold its colon ("wrote on social media:"), a
    # content its opening mark
    opening = (lines[-1] + text[part.start : part.end]).lstrip()[:1]
    after_colon = (text[prev.start : prev.end] + lines[0]).rstrip().endswith(":")
    return after_colon or (bool(opening) and opening in OPENING_MARKS)


def _paragraph_gap(text: str, a: LabelledSpan, b: LabelledSpan) -> tuple[bool, int]:
    """Distance that counts a paragraph break before any number of characters."""
    return LINE_BREAK.search(between(text, a, b)) is not None, gap(a, b)


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


def _continued_cue(spans: ArticleSpans, content: LabelledSpan) -> LabelledSpan | None:
    """The cue that ends the paragraph before a content that continues its quote ("A," she
    said.<break>"B.", or a lead-in "She added:<break>B."): such parts keep the cue, though
    they are too rare in PolNeAR for the scorer to learn it."""
    text = spans.document.text
    for cue in spans.candidates(content, "CUE"):
        gap_text = between(text, cue, content)
        # a candidate across a break has only punctuation between (link_candidates.linkable)
        if (cue.end <= content.start and LINE_BREAK.search(gap_text)
                and _continues(text, cue, content)):
            return cue
    return None


def link(document: Document, spans: list[LabelledSpan], scorer: LinkScorer) -> list[Attribution]:
    """Group spans into attributions: content -> cue -> source, each the scorer's choice.

    Contents that share a cue are the fragments of one quote ("A," he said, "B.").
    """
    text = document.text
    if not any(s.type == "CONTENT" for s in spans):
        return []  # nothing to link (and no parse needed)
    indexed = ArticleSpans(document, spans)
    groups: dict[LabelledSpan, list[LabelledSpan]] = {}
    lone: list[list[LabelledSpan]] = []
    for content in indexed.of("CONTENT"):
        cue = scorer.best(indexed, content, "CUE") or _continued_cue(indexed, content)
        if cue is None:
            lone.append([content])
        else:
            groups.setdefault(cue, []).append(content)
    for cue, parts in list(groups.items()):
        kept, *others = _split_at_breaks(text, cue, sorted(parts, key=_start))
        groups[cue] = kept
        lone += others
    attributions = []
    taken: set[LabelledSpan] = set()  # sources a cue links: its quote's, no cue-less one's
    for cue_or_none, parts in [*groups.items(), *((None, p) for p in lone)]:
        # without a cue the source is looked for beside the content itself
        source = scorer.best(indexed, cue_or_none or parts[0], "SOURCE")
        if cue_or_none is not None and source is not None:
            taken.add(source)
        elif source in taken:
            source = None
        cue = cue_or_none
        # a parsed source the tagger did not mark has no tagger score to average
        scored = [*parts, *(s for s in (cue, source) if s is not None and not is_parsed(s))]
        attributions.append(
            Attribution(
                fragments=[CharSpan.of(text, p.start, p.end) for p in parts],
                cue=CharSpan.of(text, cue.start, cue.end) if cue else None,
                source=CharSpan.of(text, source.start, source.end) if source else None,
                confidence=sum(s.score for s in scored) / len(scored),
            )
        )
    return sorted(attributions, key=lambda a: a.start)
