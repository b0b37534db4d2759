"""A medium quoting someone: "The Gazette quoted Mayor X as saying that ...". The speaker is
the one quoted, not the medium (issue #13), and their words start after "as saying". The
tagger may mark the medium as the source and run the content from the quoted person on;
such an attribution gets the person as its source and the words alone as its content.
"""

from __future__ import annotations

import re
from dataclasses import replace

from service.pipeline.types import Attribution, CharSpan

QUOTING_CUE = re.compile(r"(?:quoted|quotes|quoting|quote)$", re.IGNORECASE)
# the quoted person (a name, a title and name, a pronoun: at most seven words), then "as saying"
QUOTED_AS = re.compile(
    r"\s+((?:[^\s,;:]+\s+){0,6}?[^\s,;:]+)\s+as\s+(?:saying|writing|stating)\b"
    r"[\s,:]*", re.IGNORECASE)


def with_quoted_speakers(text: str, attributions: list[Attribution]) -> list[Attribution]:
    """Each attribution whose cue ends in a quoting verb followed by "X as saying": X as its
    source and, where its content began before the quoted words, the content from them on.
    Others are returned as they are."""
    return [_quoted(text, a) for a in attributions]


def _quoted(text: str, att: Attribution) -> Attribution:
    if att.cue is None or not QUOTING_CUE.search(att.cue.text):
        return att
    m = QUOTED_AS.match(text, att.cue.end)
    if m is None or m.end() >= att.end:
        return att
    source = CharSpan.of(text, m.start(1), m.end(1))
    first = att.fragments[0]
    if first.start >= m.end():
        return replace(att, source=source)
    fragments = [CharSpan.of(text, max(first.start, m.end()), first.end), *att.fragments[1:]]
    if fragments[0].start >= fragments[0].end:
        fragments = fragments[1:]
    return replace(att, fragments=fragments, source=source) if fragments else att
