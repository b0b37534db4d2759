"""Who said each quote: the source mention resolved to a canonical speaker with a role.

Quotes are visited in text order with a running speaker (the previous quote's), as
newsrooms write: a quote with no source mention inherits it, "he added" prefers it, and
"the executive" goes to the person whose stated role matches.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from service.pipeline.speakers.coreference import ArticleEntities, Entity, org_name
from service.pipeline.speakers.lexicon import (
    CONTINUATION_CUES,
    FIRST_PERSON,
    PRONOUN_GENDER,
    ROLE_CLASSES,
    ROLE_NOUNS,
)
from service.pipeline.speakers.mentions import Mention, classify, head_of, name_run, source_tokens
from service.pipeline.speakers.roles import (
    assign_roles,
    choose_role,
    description_role,
    set_role_words,
    words,
)
from service.pipeline.speakers.source_fixes import outer_speaker, speaker_span
from service.pipeline.types import Attribution, Speaker

PARAGRAPH_BREAK = re.compile(r"\n\s*")
INHERIT_PARAGRAPHS = 1  # a source-less quote inherits from the same or previous paragraph
PRONOUN_PARAGRAPHS = 2  # how far back "he" may still mean the previous quote's speaker
SUBJECT_DEPS = ("nsubj", "nsubjpass")


@dataclass
class Resolved:
    name: str | None
    type: str
    entity: Entity | None = None
    role: str | None = None
    para: int = -1


UNKNOWN = Resolved(None, "unknown")


def resolve_speakers(doc: Doc, text: str, attributions: list[Attribution]) -> list[Speaker]:
    """One Speaker per attribution, in the attributions' order."""
    if not attributions:
        return []
    return SpeakerResolver(doc, text, attributions).speakers()


class SpeakerResolver:
    def __init__(self, doc: Doc, text: str, attributions: list[Attribution]):
        self.doc, self.text, self.attributions = doc, text, attributions
        marked = [source_tokens(doc, a.source.start, a.source.end) if a.source else None
                  for a in attributions]  # fmt: skip
        self.spans = [speaker_span(doc, s, a) if s is not None else None
                      for s, a in zip(marked, attributions, strict=True)]  # fmt: skip
        names = [run for s in self.spans if s is not None and (run := name_run(s))]
        self.ents = ArticleEntities(doc, names)
        self.spans = [outer_speaker(s, a, self.is_person) or s if s is not None else None
                      for s, a in zip(self.spans, attributions, strict=True)]  # fmt: skip
        assign_roles(self.ents)
        self.para_starts = [0] + [m.end() for m in PARAGRAPH_BREAK.finditer(text)]
        self.sents = list(doc.sents)
        self.sent_starts = [s.start for s in self.sents]

    def speakers(self) -> list[Speaker]:
        order = sorted(range(len(self.attributions)), key=lambda i: self.attributions[i].start)
        resolved: dict[int, Resolved] = {}
        prev: Resolved | None = None
        for i in order:
            att, span = self.attributions[i], self.spans[i]
            at = span.start_char if span is not None else att.start
            para = self.paragraph(at)
            if span is None:
                near = prev is not None and para - prev.para <= INHERIT_PARAGRAPHS
                res = prev if near else UNKNOWN
            else:
                res = self.resolve(classify(self.ents, span), att, prev, para)
            # the running speaker was last heard where the quote ends (a block quote
            # may run over several paragraphs)
            end = max(att.end, span.end_char if span is not None else 0)
            res = Resolved(res.name, res.type, res.entity, res.role, self.paragraph(end))
            resolved[i] = res
            if res.type != "unknown":
                prev = res
        out = []
        for i, att in enumerate(self.attributions):
            res = resolved[i]
            # the role stated at the quote ("Lei, the CEO of Xiaomi,") wins over the
            # entity's article-wide role ("Xiaomi founder Lei Jun")
            # (unless the latter says more: "law professor" -> "law professor at X")
            article_role = res.entity.role if res.entity is not None else None
            role = choose_role([r for r in (res.role, article_role) if r])
            out.append(Speaker(res.name, res.type, att.source, role))
        return out

    def is_person(self, span: Span) -> bool:
        root = head_of(span)
        ent = self.ents.entity_at(root.i)
        return root.lower_ in PRONOUN_GENDER or (ent is not None and ent.type == "person")

    def paragraph(self, at: int) -> int:
        return bisect.bisect_right(self.para_starts, at) - 1

    # -- one mention ------------------------------------------------------------------------
    def resolve(self, m: Mention, att: Attribution, prev: Resolved | None, para: int) -> Resolved:
        near = prev if prev is not None and para - prev.para <= PRONOUN_PARAGRAPHS else None
        if m.kind == "entity":
            stated = self.ents.stated_role(m.span, m.entity)
            return Resolved(m.entity.name, m.entity.type, m.entity, role=stated)
        if m.kind == "pronoun":
            return self.pronoun(m, att, near)
        if m.kind == "relative":
            return self.relative(m, att, near)
        if m.kind == "named_org":
            return Resolved(org_name(m.span), "organization")
        if m.kind == "description":
            return self.description(m, near)
        if m.kind == "org_noun":
            return self.org_noun(m, near)
        role = description_role(self.doc, m.span.start, m.span.end)
        return Resolved(m.span.text.strip(), "other", role=role if role and " " in role else None)

    def pronoun(self, m: Mention, att: Attribution, near: Resolved | None) -> Resolved:
        word, at = m.word, m.span.start
        if word in FIRST_PERSON and near is not None:
            return near
        if word not in PRONOUN_GENDER:  # they, it, we: an organisation or a group
            if near is not None and near.type in ("organization", "other"):
                return near
            org = next((x.entity for x in self.ents.mentions_before(at)
                        if x.entity.type == "organization"), None)  # fmt: skip
            return of_entity(org) if org is not None else near or UNKNOWN
        gender = PRONOUN_GENDER[word]
        prev_person = near.entity if near is not None and near.type == "person" else None
        subject = self.previous_subject(at)
        continuing = att.cue is not None and att.cue.text.split()[0].lower() in CONTINUATION_CUES
        first = [prev_person, subject] if continuing else [subject, prev_person]
        cands = [e for e in first if e is not None]
        cands += [x.entity for x in self.ents.mentions_before(at) if x.entity.type == "person"]
        cands = list(dict.fromkeys(cands))
        compatible = [e for e in cands if e.gender in (None, gender)]
        # Most people quoted in news are men, so a person of unknown gender is a likely "he"
        # but an unlikely "she": "she" prefers a nearby person known to be a woman.
        known = [e for e in cands[:3] if e.gender == gender] if gender == "f" else []
        pick = known[0] if known else (compatible[0] if compatible else None)
        if pick is not None and near is not None and pick is near.entity:
            return near  # keeps the role stated at the previous quote
        return of_entity(pick) if pick is not None else UNKNOWN

    def previous_subject(self, at: int) -> Entity | None:
        k = bisect.bisect_right(self.sent_starts, at) - 1
        if k <= 0:
            return None
        sent = self.sents[k - 1]
        for tok in sent:
            if tok.dep_ in SUBJECT_DEPS and tok.head == sent.root:
                ent = self.ents.entity_at(tok.i)
                return ent if ent is not None and ent.type == "person" else None
        return None

    def relative(self, m: Mention, att: Attribution, near: Resolved | None) -> Resolved:
        """ "who"/"which": the noun the relative clause hangs on."""
        tok = m.root
        ant = tok.head.head if tok.head.dep_ == "relcl" else None
        if ant is not None and ant.i < tok.i:
            ent = self.ents.entity_at(ant.i)
            if ent is not None:
                return of_entity(ent)
            np = self.doc[ant.left_edge.i : ant.i + 1]
            return self.resolve(classify(self.ents, np), att, near, near.para if near else -1)
        ent = next((x.entity for x in self.ents.mentions_before(tok.i, limit=5)
                    if x.start >= tok.sent.start), None)  # fmt: skip
        return of_entity(ent) if ent is not None else UNKNOWN

    def description(self, m: Mention, near: Resolved | None) -> Resolved:
        """ "the executive", "the ministry spokeswoman": the person whose role matches,
        preferring the running speaker, then the most recently mentioned."""
        head = m.word
        head = head[:-1] if head.endswith("s") and head[:-1] in ROLE_CLASSES else head
        wanted = ROLE_CLASSES.get(head, set()) | {head}
        cands = [near.entity] if near is not None and near.type == "person" else []
        cands += [x.entity for x in self.ents.mentions_before(m.span.start, limit=80)
                  if x.entity.type == "person"]  # fmt: skip
        role = description_role(self.doc, m.span.start, m.span.end)
        pick = next((e for e in cands if e is not None and e.role_words & wanted), None)
        if pick is None and near is not None and near.type == "person" and head in ROLE_NOUNS:
            pick = near.entity  # an unmatched singular "the official" continues the speaker
        if pick is None:
            return Resolved(m.span.text.strip(), "other", role=role)
        if pick.role is None and role:
            pick.role = role
            set_role_words(pick)
        return of_entity(pick)

    def org_noun(self, m: Mention, near: Resolved | None) -> Resolved:
        """ "the ministry" -> the organisation named with that word, else the running
        organisation speaker, else the latest organisation named."""
        head = m.word
        orgs = [x.entity for x in self.ents.mentions_before(m.span.start, limit=80)
                if x.entity.type == "organization"]  # fmt: skip
        named = next((e for e in orgs if head in words(e.name)), None)
        if named is not None:
            return of_entity(named)
        if near is not None and near.type == "organization":
            return near
        return of_entity(orgs[0]) if orgs else Resolved(m.span.text.strip(), "other")


def of_entity(ent: Entity | None) -> Resolved:
    if ent is None:
        return UNKNOWN
    return Resolved(ent.name, ent.type, ent)
