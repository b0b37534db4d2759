"""Neighbouring statements stay separate: the linker joins content pieces around one cue into
one quote, which is right for a sentence the attribution interrupts ("A," he said, "b.") and
wrong across a sentence end ("A," X said. "B." / "A." She insisted that b). Such an
attribution is cut at the sentence end: the cue goes with the piece of its own sentence, the
source with every piece (the linker found one speaker for them), and a piece that begins by
closing a quotation is dropped (the tagger's stray narration after a quoted nickname).
"""

from __future__ import annotations

import re

from service.pipeline.quote_types import DOUBLE_PAIRS, WORD
from service.pipeline.speakers.lexicon import NAMING_WORDS
from service.pipeline.text import LINE_BREAK
from service.pipeline.types import Attribution, CharSpan

SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019\u00bb]*(?=\s|$)")
QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e"
DOUBLE_MARKS = "".join(DOUBLE_PAIRS)  # every double mark opens in some style
DOUBLE_OPENING = "\u201c\u00ab\u201e"  # (a German \u201c closes: rare in English copy)
CLOSING_ONLY = "\u201d"  # (’ is an apostrophe too: "’Tis"; » opens German quotes)
_NAME = r"[A-Z][\w'\u2019-]*"
NAMING_REACH_CHARS = 40  # how far before its mark a nickname's naming word is looked for
QUOTED_NAME = re.compile(  # up to five words, then one to three capitalised words between marks
    rf"(?:[\w,]+\s+){{0,5}}(?P<mark>[\"\u201c\u2018'])\s*{_NAME}(?:\s+{_NAME}){{0,2}}[.,!?]?\s*[\"\u201d\u2019']"
)


def separate(text: str, attributions: list[Attribution]) -> list[Attribution]:
    """The attributions with every multi-piece one cut at its sentence ends, without a later
    piece that only names the source in quotation marks, and without those whose only
    content is a name so introduced ('a woman who calls herself "Duchess."')."""
    out = []
    for att in attributions:
        if _only_nickname(text, att):
            continue
        att = _without_nickname(att)
        out += _cut(text, att) if len(att.fragments) > 1 else [att]
    return out


def _only_nickname(text: str, att: Attribution) -> bool:
    """One piece, a quoted name right after a naming word: within the piece ("herself
    “Duchess.”") or just before it ("known as" | "“Nails.”")."""
    if len(att.fragments) != 1:
        return False
    piece = att.fragments[0]
    found = QUOTED_NAME.fullmatch(piece.text.strip())
    if found is None:
        return False
    mark = piece.start + len(piece.text) - len(piece.text.lstrip()) + found.start("mark")
    before = WORD.findall(text[max(0, mark - NAMING_REACH_CHARS) : mark])
    return bool(before) and before[-1].lower() in NAMING_WORDS


def _without_nickname(att: Attribution) -> Attribution:
    """The tagger takes the quoted nickname after a source for more of the quote ('"...,"
    recalled an old man known only as "Nails."'): a later piece after the source made of a
    few words and a capitalised name in quotation marks is no content."""
    if att.source is None or len(att.fragments) < 2:
        return att
    kept = [f for k, f in enumerate(att.fragments)
            if not (k and f.start >= att.source.end and QUOTED_NAME.fullmatch(f.text.strip()))]
    if len(kept) == len(att.fragments):
        return att
    return Attribution(kept, att.cue, att.source, att.confidence)


def _cut(text: str, att: Attribution) -> list[Attribution]:
    groups: list[list[CharSpan]] = [[att.fragments[0]]]
    ends: list[int] = []  # where each group's sentence ends
    for prev, frag in zip(att.fragments, att.fragments[1:], strict=False):
        end = _sentence_end(text, prev, frag)
        if end is None:
            groups[-1].append(frag)
        else:
            ends.append(end)
            groups.append([frag])
    if len(groups) == 1:
        return [att]
    owner = _owner(att, ends)
    pieces = []
    for k, group in enumerate(groups):
        mine = k == owner
        stray = group[0].text.lstrip()[:1] in CLOSING_ONLY  # begins by closing a quotation
        source = att.source if _shares_source(text, att, groups, k, owner) else None
        if mine or not stray:
            pieces.append(Attribution(group, att.cue if mine else None, source, att.confidence))
    return pieces


def _shares_source(
    text: str, att: Attribution, groups: list[list[CharSpan]], k: int, owner: int
) -> bool:
    """Whether group k keeps the source the linker found for the cue's group `owner`. Not a
    paragraph going on with the quotation the paragraph before left open, nor a whole quoted
    sentence before the source's own sentence: those are the earlier speaker's (left to the
    speakers step); nor a piece a whole sentence of narration separates from the piece before
    it ("... to discuss the wing. The director put down her pen. "We cannot ...")."""
    group = groups[k]
    if k < owner:
        before_source = att.source is not None and att.source.start > group[-1].end
        return not (_continues_quotation(text, group[0])
                    or _quoted_sentence(text, group) and before_source)
    if k > owner:
        return len(SENTENCE_END.findall(text, groups[k - 1][-1].end, group[0].start)) < 2
    return True


def _quoted_sentence(text: str, group: list[CharSpan]) -> bool:
    """The pieces make whole quoted sentences: open with a mark, end with a full stop (or
    ! ?) and a closing mark ('"Nobody has told us."'), and no comma after them ('"Stay
    where you are!", X shouted' is one sentence)."""
    first, last = group[0].text.lstrip(), group[-1].text.rstrip()
    after = text[group[-1].end : group[-1].end + 2].lstrip()[:1]
    return first[:1] in DOUBLE_MARKS + "\u2018'" and len(last) > 1 and last[-1] in QUOTE_MARKS and (
        last[-2] in ".!?") and after != ","


def _continues_quotation(text: str, piece: CharSpan) -> bool:
    """The piece opens its paragraph with a double quotation mark, and the paragraph before
    leaves a quotation open ("... at only two.<break>"None of")."""
    before = text[: piece.start]
    line = LINE_BREAK.split(before)[-1]
    if line.strip() not in ("", *DOUBLE_MARKS) or (line + piece.text).lstrip()[:1] not in (
        DOUBLE_MARKS
    ):
        return False
    previous = LINE_BREAK.split(before[: len(before) - len(line)].rstrip())[-1]
    last = next((c for c in reversed(previous) if c in DOUBLE_MARKS), "")
    return bool(last) and last in DOUBLE_OPENING or last == '"' and previous.count('"') % 2 == 1


def _sentence_end(text: str, prev: CharSpan, frag: CharSpan) -> int | None:
    """Where a sentence ends between two pieces: at a full stop closing the first piece
    ('rationing."') or in the text between them ('X said. "B."'); None inside one sentence."""
    if SENTENCE_END.search(prev.text.rstrip()[-3:]) and prev.text.rstrip()[-1:] in QUOTE_MARKS:
        return prev.end
    found = SENTENCE_END.search(text, prev.end, frag.start)
    return found.end() if found else None


def _owner(att: Attribution, ends: list[int]) -> int:
    """The piece whose sentence holds the cue (else the source; else the first)."""
    anchor = att.cue or att.source
    if anchor is None:
        return 0
    return sum(1 for end in ends if end <= anchor.start)
