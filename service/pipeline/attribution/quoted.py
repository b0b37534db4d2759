"""Direct quotes the tagger missed: a whole sentence between quotation marks is a quote when a
speech verb follows it in its sentence ("'We were left with nothing,' said X"), or, with no
verb, when it ends inside its marks and the paragraph or the one before already quotes someone
(news runs a speaker's quotes on). A paragraph that reopens a quotation the paragraph before
left open is a piece of that quote, closed or not ("...again.¶"Parents who ...¶"We owe ...").
Titles of works, chants and signs stay out: short, in title
case ("Where Have All the Flowers Gone?"), or ending outside their marks with no verb ("the
exhibition, 'Salt Roads of the North',"). Quotes found here carry RULE_CONFIDENCE.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from service.pipeline.document import Document
from service.pipeline.quote_types import CLOSING_MARKS, inside, merged
from service.pipeline.speakers.lexicon import SPEECH_VERBS
from service.pipeline.types import Attribution, CharSpan

RULE_CONFIDENCE = 0.5
MIN_WORDS = 4
MAX_SOURCE_WORDS = 6  # title and name between the closing mark and the verb ("site engineer X")
WORD = re.compile(r"[\w\u2019.-]+(?:'\w+)?")
AFTER = re.compile(r"[\s,]*")  # a period after the mark ends the sentence
TITLE_CASE = 0.6  # share of capitalised words (of 4+ letters) that makes a title, not speech


def missed_direct_quotes(document: Document, found: list[Attribution]) -> list[Attribution]:
    """Attributions for the quoted sentences of the document that no found attribution
    covers."""
    text = document.text
    taken = merged([(s.start, s.end) for a in found for s in spans_of(a)])
    quoting = {document.paragraph(a.start) for a in found}
    out = []
    for k, (start, end) in enumerate(document.paragraphs):
        for a, b in zip(*document.quoted(start, end), strict=True):
            closed = text[b - 1] in CLOSING_MARKS
            if b - a < 2 or not (closed or document.runs_on(k)):
                continue  # left open: a quote running on, the tagger's to find
            # a paragraph of a quote running on over paragraphs is a piece of it
            content = stripped(text, a + 1, b - 1 if closed else b)
            if content is None or covered(content, taken) or not speech_like(content.text):
                continue
            cue, source = verb_after(text, b, end)
            ends_inside = content.text[-1:] in ".!?"
            if cue is not None or document.runs_on(k) or (ends_inside and {k, k - 1} & quoting):
                out.append(Attribution([content], cue, source, RULE_CONFIDENCE))
    return out


def stripped(text: str, start: int, end: int) -> CharSpan | None:
    """text[start:end] without surrounding whitespace; None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return CharSpan.of(text, start, end) if end > start else None


def speech_like(content: str) -> bool:
    """A sentence someone says: enough words, opening with a capital, not in title case."""
    words = WORD.findall(content)
    long = [w for w in words if len(w) > 3]
    titled = long and sum(w[0].isupper() for w in long) >= TITLE_CASE * len(long)
    return len(words) >= MIN_WORDS and content[:1].isupper() and not titled


def verb_after(text: str, at: int, limit: int) -> tuple[CharSpan | None, CharSpan | None]:
    """A speech verb after the closing mark that ends at `at`, in its sentence, and the words
    before it (the inverted order "..., said X" leaves the source to the speakers step)."""
    while at < limit and text[at] in CLOSING_MARKS:
        at += 1  # the second mark of a doubled '' closing
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
    k = bisect_left(ends, span.start + 1)  # the first region ending after span.start
    return inside(span.start, starts, ends) or (k < len(starts) and starts[k] < span.end)
