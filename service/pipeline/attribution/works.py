"""Titles of works are no quotes: the tagger sometimes takes a song, book or film title in
quotation marks for content, with the verb of what happened to the work as its cue ('its
lead single, "Northern Lights", was banned by two radio stations'). An attribution whose only
content is a quoted phrase of at most eight words in title case (every word capitalised but
articles, prepositions and conjunctions; two capitalised at least), with no sentence end
inside, that the words just before it introduce as a work ("single", "the film", "an ad
titled"), and with no speech verb for a cue, is dropped; so is one whose content, cue and
source all lie inside such a title ("What the River Said"). Title-case speech stays: “Not Guilty,”
Smith pleaded; the crowd chanted “Lock Her Up”; “Only you, Dinesh,” (a lower-case pronoun).
"""

from __future__ import annotations

import re

from service.pipeline.attribution.quoted import WORD
from service.pipeline.attribution.statements import QUOTE_MARKS
from service.pipeline.document import Document
from service.pipeline.speakers.lexicon import SPEECH_VERBS
from service.pipeline.types import Attribution, CharSpan

TRAILING = ",.;:!? \t"  # punctuation a title in running text may carry inside its marks
INTRO_WORDS = 4  # how many words before the opening mark may introduce the work
# nouns of works and the participles that name one: "its lead single,", "an ad titled"
WORK_WORDS = {"album", "single", "song", "track", "book", "novel", "memoir", "poem", "film",
              "movie", "documentary", "show", "series", "episode", "podcast", "play", "musical",
              "opera", "ad", "advert", "advertisement", "commercial", "spot", "video", "column",
              "essay", "article", "painting", "exhibition", "exhibit", "programme", "program",
              "titled", "entitled", "called", "named", "dubbed"}
WORDS_BEFORE = re.compile(r"[\w'\u2019-]+")
MAX_WORDS = 8
SENTENCE_INSIDE = re.compile(r"[.!?]\s")  # "The Donald. Big Daddy." is speech run on
# the words a title leaves in lower case; any other lower-case word makes speech ("Only you")
MINOR_WORDS = {"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for",
               "by", "with", "from", "as", "vs", "via", "into", "over", "up", "per"}


def without_titles(document: Document, attributions: list[Attribution]) -> list[Attribution]:
    """The attributions less those whose one content piece is a quoted title of a work."""
    return [a for a in attributions if not _is_quoted_title(document, a)]


def _is_quoted_title(document: Document, att: Attribution) -> bool:
    found = _quoted_region(document, att.fragments[0])
    if found is None:
        return False
    start, end, inner = found
    marked = [*att.fragments, *(s for s in (att.cue, att.source) if s is not None)]
    # the tagger may split a title that holds a speech verb into its own quote ("What the
    # River Said": content "What", source "the River", cue "Said")
    within = all(start <= s.start and s.end <= end for s in marked)
    whole = len(att.fragments) == 1 and att.fragments[0].text.strip(
        TRAILING + QUOTE_MARKS) == inner
    if not (within or whole and not _spoken(att.cue)):
        return False
    if not _introduced_as_work(document.text, att.fragments[0].start):
        return False
    words = WORD.findall(inner)
    capitalised = sum(w[0].isupper() for w in words)
    return (capitalised >= 2 and len(words) <= MAX_WORDS and not SENTENCE_INSIDE.search(inner)
            and all(w[0].isupper() or w[0].isdigit() or w.lower() in MINOR_WORDS for w in words))


def _introduced_as_work(text: str, at: int) -> bool:
    """A work's noun or a naming participle among the few words before character `at`."""
    before = WORDS_BEFORE.findall(text[max(0, at - 80) : at])[-INTRO_WORDS:]
    return any(w.lower() in WORK_WORDS for w in before)


def _spoken(cue: CharSpan | None) -> bool:
    return cue is not None and any(w.lower() in SPEECH_VERBS for w in WORD.findall(cue.text))


def _quoted_region(document: Document, piece: CharSpan) -> tuple[int, int, str] | None:
    """The quoted region of its paragraph that holds the piece (the document's pairing of
    marks): its bounds, marks included, and the words inside; None outside any."""
    text, at = document.text, piece.start + len(piece.text) - len(piece.text.lstrip())
    region = document.quoted_region(at)
    if region is None:
        return None
    return region[0], region[1], text[region[0] + 1 : region[1] - 1].strip(TRAILING)
