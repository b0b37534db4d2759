"""What the parse says about a link's anchor: the subject of the cue verb (through
coordination, "Rendell said ... and called it ...", through a verb of the quote the parser
hung the cue on, and a relative "who" to its noun), a passive's agent, the owner of a cue noun
("Trump's claim"), the object of "according to", and the words that govern a content.

Every walk up the tree stops after MAX_CLIMB steps and every phrase is an interval of token
indices, so the cost per anchor stays small however long the sentence (a text the parser
reads as one sentence of thousands of tokens).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from service.pipeline.attribution.decoding import LabelledSpan
from service.pipeline.speakers.lexicon import RELATIVE_PRONOUNS

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
NOUN_PHRASE_DEPS = {"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "predet"}
MAX_CLIMB = 50  # heads followed up the tree at most
PARSED_SCORE = 0.0  # a parsed candidate's tagger score: the tagger did not mark it

Interval = tuple[int, int]  # first and last token index, both included


def is_parsed(span: LabelledSpan) -> bool:
    """A candidate source found in the parse, not marked by the tagger."""
    return span.score == PARSED_SCORE


def tokens_of(doc: Doc, span: LabelledSpan) -> Span | None:
    return doc.char_span(span.start, span.end, alignment_mode="expand")


def subject(verb: Token, quoted: frozenset[int]) -> Token | None:
    """The subject of a verb outside the quote, through coordination ("said ... and called")
    to the first verb; a verb inside a content (the parser may hang "and called" on a verb
    of the quote) hands on to the verb that governs it."""
    for _ in range(MAX_CLIMB):
        subj = next((c for c in verb.children if c.dep_ in SUBJECTS and c.i not in quoted),
                    None)
        if subj is not None or verb.head.i == verb.i:
            return subj
        if verb.dep_ != "conj" and verb.i not in quoted:
            return None
        verb = verb.head
    return None


def subtree(tok: Token) -> Interval:
    return tok.left_edge.i, tok.right_edge.i


@dataclass(frozen=True)
class Grammar:
    """The parse facts of one anchor, computed once for all its candidates: the phrase and
    head of its verb's subject (a relative pronoun's noun in its stead), the agent, owner and
    prepositional-object phrases, and the ancestors of its root (for a content: which words
    govern it)."""

    subject: Interval | None
    subject_head: int | None
    subject_word: int | None
    agents: tuple[Interval, ...]
    owners: tuple[Interval, ...]
    objects: tuple[Interval, ...]
    ancestors: frozenset[int]
    head: int | None  # the root's head, when it has one

    @classmethod
    def of(cls, root: Token, is_cue: bool, quoted: frozenset[int]) -> Grammar:
        verb = root if is_cue else root.head
        subj = subject(verb, quoted)
        head = subj
        if subj is not None and subj.lower_ in RELATIVE_PRONOUNS:
            clause = subj.head
            for _ in range(MAX_CLIMB):
                if clause.dep_ != "conj" or clause.head.i == clause.i:
                    break
                clause = clause.head
            if clause.dep_ == "relcl":
                head = clause.head
        preps = [c for c in root.children if c.dep_ == "prep"] + (
            [root] if root.dep_ == "prep" else [])
        ancestors, node = set(), root
        for _ in range(MAX_CLIMB):
            if node.head.i == node.i:
                break
            node = node.head
            ancestors.add(node.i)
        return cls(
            subject=subtree(head) if head is not None else None,
            subject_head=head.i if head is not None else None,
            subject_word=subj.i if subj is not None else None,
            agents=tuple((c.i + 1, c.right_edge.i) for c in verb.children if c.dep_ == "agent"),
            owners=tuple(subtree(c) for c in root.children if c.dep_ == "poss"),
            objects=tuple(subtree(c) for p in preps for c in p.children if c.dep_ == "pobj"),
            ancestors=frozenset(ancestors),
            head=root.head.i if root.head.i != root.i else None,
        )


def overlaps(first: int, end: int, intervals: tuple[Interval, ...]) -> bool:
    """Tokens [first, end) share one with an interval."""
    return any(first <= hi and lo < end for lo, hi in intervals)


def parsed_subject(doc: Doc, cue: Span | None, quoted: frozenset[int]) -> LabelledSpan | None:
    """The cue verb's subject as a candidate source the tagger did not mark: its words up to
    its head ("Twelve percent", "most" of "most of whom", a relative "who"), or None."""
    if cue is None or len(cue) == 0:
        return None
    word = subject(cue.root, quoted)
    if word is None or cue.start <= word.i < cue.end:
        return None
    # its noun phrase up to the head, not its whole subtree, which the parser may stretch
    # over a time phrase
    first = min([word.i] + [c.left_edge.i for c in word.lefts if c.dep_ in NOUN_PHRASE_DEPS])
    return LabelledSpan("SOURCE", doc[first].idx, word.idx + len(word), PARSED_SCORE)
