"""A quotation whose closing mark is missing before its attribution ("“We will appeal the
ruling, said lawyer X outside the court. The hearing ..."): quote_types ends the quotation at
the comma of the attribution written inside it (unclosed_end). The tagger may run the content
on past that comma into the attribution, or start it in the narration before the mark; such a
content is cut to the quotation.
"""

from __future__ import annotations

from dataclasses import replace

from service.pipeline.document import Document
from service.pipeline.quote_types import CLOSING_MARKS, OPENING_MARKS, SINGLE_PAIRS
from service.pipeline.types import Attribution, CharSpan

MARKS = OPENING_MARKS + "".join(SINGLE_PAIRS)  # any mark that may open a quotation


def within_unclosed_quotations(document: Document, attributions: list[Attribution]
                               ) -> list[Attribution]:
    """Each attribution whose content holds the opening mark of a quotation cut at an
    attribution's comma, with its content cut to that quotation: nothing after the cut, and
    from the mark on when a sentence of narration came before it (a mixed quote keeps its
    lead: 'that “the plan is dead'); the others as they are."""
    return [_cut(document, a) for a in attributions]


def _cut(document: Document, att: Attribution) -> Attribution:
    text = document.text
    piece, mark = next(((f, i) for f in att.fragments for i in range(f.start, f.end)
                        if text[i] in MARKS), (None, -1))
    region = document.quoted_region(mark) if piece is not None else None
    if region is None or region[0] != mark:
        return att
    start, end = region
    cut_at_attribution = text[end : end + 1] == "," and text[end - 1] not in CLOSING_MARKS
    after_sentence = text[att.start : start].rstrip()[-1:] in ".!?"
    if not cut_at_attribution or not (att.end > end or after_sentence):
        return att
    kept = [f for f in att.fragments if f.start < end and not (after_sentence and f.end <= start)]
    return replace(att, fragments=[
        CharSpan.of(text, start if after_sentence and f is piece else f.start, min(f.end, end))
        for f in kept])
