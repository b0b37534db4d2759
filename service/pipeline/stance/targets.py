"""Stance targets per quote: the request's targets, else the title, else the article's
most-mentioned named entity that is not the quote's own speaker."""

from __future__ import annotations

import re
from collections.abc import Sequence

# spaCy entity labels that name something a speaker can take a position on (not dates, numbers).
NAMED_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART"}
)
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['\u2019]s?$")


def _tokens(name: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", name.lower()))


def _clean(text: str) -> str:
    return _POSSESSIVE.sub("", _LEADING_THE.sub("", " ".join(text.split())))


def rank_entities(entities: Sequence[tuple[str, str]]) -> list[tuple[str, int]]:
    """Named entities with mention counts, most mentioned first (ties: first mentioned first).

    entities: (text, spaCy label) in document order. A mention whose words all belong to an
    earlier, longer mention of the same label ("Smith" after "John Smith") counts for it.
    """
    counts: dict[str, int] = {}
    label_of: dict[str, str] = {}
    words: dict[str, frozenset[str]] = {}  # every mention is compared with every name before
    for text, label in entities:
        name = _clean(text)
        mine = words.setdefault(name, _tokens(name))
        if label not in NAMED_LABELS or not mine:
            continue
        longer = [
            n
            for n in counts
            if label_of[n] == label and mine < words[n]  # strict subset
        ]
        key = longer[0] if longer else name
        counts[key] = counts.get(key, 0) + 1
        label_of.setdefault(key, label)
    order = {n: i for i, n in enumerate(counts)}
    return sorted(counts.items(), key=lambda kv: (-kv[1], order[kv[0]]))


def choose_targets(
    targets: Sequence[str] | None,
    title: str | None,
    ranked: Sequence[tuple[str, int]],
    speaker_name: str | None,
) -> list[tuple[str, str]]:
    """(target, target_source) pairs for one quote, by the first rule that applies:
    the request's targets ("request"); else the article title ("title"); else the article's
    most-mentioned named entity that is not the quote's own speaker ("entity"); else none.
    ranked: rank_entities() of the article's entities, computed once per document."""
    if targets:
        return [(t, "request") for t in targets]
    if title and title.strip():
        return [(" ".join(title.split()), "title")]
    speaker = _tokens(speaker_name or "")
    for name, _ in ranked:
        words = _tokens(name)
        if speaker and (words <= speaker or speaker <= words):
            continue  # the speaker, or a short/long form of the speaker's name
        return [(name, "entity")]
    return []
