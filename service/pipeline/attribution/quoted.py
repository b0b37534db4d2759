"""Direct quotes the tagger missed: a whole sentence between quotation marks is a quote when a
speech verb follows it in its sentence ("'We were left with nothing,' said X", "'Don't
panic!', site engineer X told drivers"), or, with no verb, when it ends inside its marks and
the paragraph or the one before already quotes someone (news runs a speaker's quotes on).
Titles of works ("the exhibition, 'Salt Roads of the North',") end outside their marks and
have no verb: they stay out. Quotes found here carry RULE_CONFIDENCE.
"""

from __future__ import annotations

import bisect
import re

from service.pipeline.quote_types import DOUBLED, fold_doubled, inside, merged, quoted_regions
from service.pipeline.speakers.lexicon import SPEECH_VERBS
from service.pipeline.text import PARAGRAPH_BREAK
from service.pipeline.types import Attribution, CharSpan

RULE_CONFIDENCE = 0.5
CLOSING = "\u201d\u2019\u00bb\u201c\"'"
MIN_WORDS = 3
MAX_SOURCE_WORDS = 6  # title and name between the closing mark and the verb ("site engineer X")
WORD = re.compile(r"[\w'\u2019.-]+")
AFTER = re.compile(r"[\s,]*")  # a period after the mark ends the sentence


def missed_direct_quotes(text: str, found: list[Attribution]) -> list[Attribution]:
    """Attributions for the quoted sentences of `text` that no found attribution covers."""
    breaks = list(PARAGRAPH_BREAK.finditer(text))
    starts = [0] + [m.end() for m in breaks]
    ends = [m.start() for m in breaks] + [len(text)]
    taken = merged([(s.start, s.end) for a in found for s in spans_of(a)])
    quoting = {bisect.bisect_right(starts, a.start) - 1 for a in found}
    out = []
    for k, (start, end) in enumerate(zip(starts, ends, strict=True)):
        view = DOUBLED.sub(fold_doubled, text[start:end])
        for a, b in quoted_regions(view, 0, len(view)):
            if b - a < 2 or view[b - 1] not in CLOSING:
                continue  # left open: a quote running on, the tagger's to find
            content = CharSpan.of(text, start + a + 1, start + b - 1)
            if covered(content, taken) or len(WORD.findall(content.text)) < MIN_WORDS:
                continue
            if not content.text.lstrip()[:1].isupper():
                continue
            cue, source = verb_after(text, content.end + 1, end)
            ends_inside = content.text.rstrip()[-1:] in ".!?"
            if cue is not None or (ends_inside and {k, k - 1} & quoting):
                out.append(Attribution([content], cue, source, RULE_CONFIDENCE))
    return out


def verb_after(text: str, at: int, limit: int) -> tuple[CharSpan | None, CharSpan | None]:
    """A speech verb after a closing mark at `at`, in its sentence, and the words before it
    (the inverted order "..., said X" leaves the source to the speakers step)."""
    gap = AFTER.match(text, at, limit)
    pos = gap.end() if gap else at
    words: list[re.Match[str]] = []
    for word in WORD.finditer(text, pos, limit):
        if text[pos : word.start()].strip(" ,") or len(words) > MAX_SOURCE_WORDS:
            break  # a clause began, or no verb near
        if word.group().lower() in SPEECH_VERBS:
            cue = CharSpan.of(text, word.start(), word.end())
            source = CharSpan.of(text, words[0].start(), words[-1].end()) if words else None
            return cue, source
        if word.group().endswith("."):
            break  # the sentence ended before any speech verb
        words.append(word)
        pos = word.end()
    return None, None


def spans_of(att: Attribution) -> list[CharSpan]:
    return [*att.fragments, *(s for s in (att.cue, att.source) if s is not None)]


def covered(span: CharSpan, taken: tuple[tuple[int, ...], tuple[int, ...]]) -> bool:
    """Whether any character of the span lies in a found attribution's spans."""
    starts, ends = taken
    k = bisect.bisect_left(ends, span.start + 1)  # the first region ending after span.start
    return inside(span.start, starts, ends) or (k < len(starts) and starts[k] < span.end)
