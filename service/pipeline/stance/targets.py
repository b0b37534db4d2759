"""Stance targets per quote: the request's targets, else the title, else a named entity that
the quote's words name and that is neither its speaker nor the speaker's own organization."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from service.pipeline.types import CharSpan, Speaker

# spaCy entity labels that name something a speaker can take a position on (not dates, numbers).
NAMED_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART"}
)
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['\u2019]s?$")
# Verbs of attitude ("opposed", "supports", "insists"): their subject holds the position.
ATTITUDE_STEMS = (
    "oppos", "support", "favo", "reject", "condemn", "critici", "welcom", "prais", "denounc",
    "insist", "urg", "demand", "applaud", "endors", "defend", "blam", "accus", "object",
    "protest", "resist", "embrac", "champion", "want", "hope", "believ", "back",
)
_NOT_AFFILIATION = re.compile(r"\s(?:to|on|against|about|with|in)\s", re.IGNORECASE)


def _tokens(name: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", name.lower()))


def _clean(text: str) -> str:
    return _POSSESSIVE.sub("", _LEADING_THE.sub("", " ".join(text.split())))


@dataclass
class EntityRanking:
    """The article's named entities, most mentioned first, and where each is mentioned."""

    ranked: list[tuple[str, int]]  # (name, mentions); ties: first mentioned first
    mentions: list[tuple[int, int, str]]  # (start, end, name) of each mention

    def named_in(self, fragments: Sequence[CharSpan]) -> set[str]:
        """Names of the entities with a mention inside one of the fragments."""
        return {
            name
            for start, end, name in self.mentions
            if any(f.start <= start and end <= f.end for f in fragments)
        }


def entity_mentions(doc: Doc) -> list[tuple[str, str, int, int]]:
    """spaCy's entities as rank_entities() reads them. A nationality used as an adjective
    ("Chinese enterprises") names no one to take a position on; as a noun ("the Chinese",
    "Republicans") it does."""
    return [(e.text, e.label_, e.start_char, e.end_char) for e in doc.ents
            if e.label_ != "NORP" or e.root.tag_ != "JJ"]


def rank_entities(entities: Sequence[tuple[str, str, int, int]]) -> EntityRanking:
    """Rank named entities by mention count.

    entities: (text, spaCy label, start, end character offsets) in document order. A mention
    whose words all belong to an earlier, longer mention of the same label ("Smith" after
    "John Smith") counts for it.
    """
    counts: dict[str, int] = {}
    label_of: dict[str, str] = {}
    words: dict[str, frozenset[str]] = {}  # every mention is compared with every name before
    mentions = []
    for text, label, start, end in entities:
        name = _clean(text)
        mine = words.setdefault(name, _tokens(name))
        if label not in NAMED_LABELS or not mine:
            continue
        longer = [n for n in counts if label_of[n] == label and mine < words[n]]  # strict subset
        key = longer[0] if longer else name
        counts[key] = counts.get(key, 0) + 1
        label_of.setdefault(key, label)
        mentions.append((start, end, key))
    order = {n: i for i, n in enumerate(counts)}
    return EntityRanking(sorted(counts.items(), key=lambda kv: (-kv[1], order[kv[0]])), mentions)


def holders(doc: Doc, ranking: EntityRanking, fragments: Sequence[CharSpan]) -> set[str]:
    """Names of the entities that hold a position inside the quote: the subject of a verb of
    attitude there ("China has always opposed the United States' practice", "Huawei insists
    on ..."). They are who takes the stance, not what it is about."""
    out = set()
    for f in fragments:
        span = doc.char_span(f.start, f.end, alignment_mode="expand")
        for tok in span or ():
            verb = tok.head
            if tok.dep_ in ("nsubj", "nsubjpass") and verb.tag_.startswith("VB") and (
                verb.lower_.startswith(ATTITUDE_STEMS)
            ):
                out |= {name for start, end, name in ranking.mentions
                        if start <= tok.idx < end}
    return out


def given_targets(targets: Sequence[str] | None, title: str | None) -> list[tuple[str, str]]:
    """(target, target_source) pairs that apply to every quote alike: the request's targets
    ("request"), else the article title ("title"), else none."""
    if targets:
        return [(t, "request") for t in targets]
    if title and title.strip():
        return [(" ".join(title.split()), "title")]
    return []


def entity_target(
    ranking: EntityRanking,
    speaker: Speaker,
    fragments: Sequence[CharSpan],
    holding: Collection[str] = (),
) -> list[tuple[str, str]]:
    """[(name, "entity")] for one quote, or []: of the entities named in the quote's own words,
    the one the article mentions most. Never the speaker (or a short or long form of the
    speaker's name), nor an entity whose name lies within the affiliation part of the speaker's
    role (the speaker's own organization: "Huawei" for the "founder of Huawei", not "China" for
    the "ambassador to China"). An entity in `holding` (holders()) comes last: it takes the
    position rather than being its object. A quote that names no other entity gets none: a
    stance toward an entity the words are not about would be a guess."""
    own = _tokens(speaker.name or "")
    # the affiliation part of the role: "founder of Huawei", "Huawei spokesman", not the
    # country of an "ambassador to China" or the subject of an "expert on Huawei"
    role = _tokens(_NOT_AFFILIATION.split(speaker.role or "", maxsplit=1)[0])

    def eligible(name: str) -> bool:
        words = _tokens(name)
        if own and (words <= own or own <= words):
            return False
        return not (role and words <= role)

    inside = ranking.named_in(fragments)
    about = [name for name, _ in ranking.ranked if name in inside and eligible(name)]
    # the stance holder named in the quote is what it is about only when nothing else is
    about = [name for name in about if name not in holding] or about
    return [(about[0], "entity")] if about else []
