"""Pronouns and relative pronouns as sources ("she", "they", "who"): the learned antecedent
ranking among the people named before, with the quote chain (the previous speaker keeps the
floor), and a relative pronoun's antecedent in the parse."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from service.pipeline.speakers.antecedents import (
    SALIENCE_MENTIONS,
    Anaphor,
    agrees,
    candidates,
    governing_subjects,
)
from service.pipeline.speakers.coreference import Entity
from service.pipeline.speakers.discourse import in_block_quote, in_quotes, letter_signer
from service.pipeline.speakers.groups import joined
from service.pipeline.speakers.lexicon import (
    CONTINUATION_CUES,
    FIRST_PERSON,
    PEOPLE_NOUNS,
    PLURAL_NOUN_TAGS,
    PRONOUN_GENDER,
    SUBJECT_DEPS,
    WRITER_PRONOUNS,
    is_role_head,
)
from service.pipeline.speakers.mentions import SourceMention
from service.pipeline.speakers.resolved import (
    GROUPS,
    UNKNOWN,
    MentionResolver,
    Resolved,
    of_entity,
)
from service.pipeline.types import Attribution

CHAIN_BONUS = 0.4  # added to the previous speaker's antecedent probability (read gold sets)
GROUP_SENTENCES = 4  # how far back "they" may find the named people it stands for


class PronominalResolution:
    """The pronoun steps of resolver.SpeakerResolver."""

    def pronoun(
        self: MentionResolver, m: SourceMention, att: Attribution, near: Resolved | None
    ) -> Resolved:
        word = m.word
        if word == "you":  # the reader or whoever is addressed: no one the article names
            return Resolved(m.span.text, "other")
        if word in FIRST_PERSON:
            # "I" in the narration is the writer (named by an opinion page's closing line,
            # else unnamed); inside a quotation or a block quote, the quoted speaker talking
            at = m.span.start_char
            quoted = in_quotes(self.document, at) or in_block_quote(self.document, at)
            if near is not None and quoted:
                return near
            writer = self.author or letter_signer(self.document, self.ents, at) if (
                not quoted and word in WRITER_PRONOUNS) else None
            if writer is not None:  # an opinion piece's author, a letter's signer
                return of_entity(writer)
            return Resolved(m.span.text, "other")
        if word in ("they", "them", "their"):  # "lawmakers said Friday, as they bristled"
            group = next((t for t in governing_subjects(m.root) if is_people(t)), None)
            if group is not None:
                return self.resolve_phrase(group.left_edge.i, group.right_edge.i + 1, att, near)
            listed = self.people_listed(m.root.i)  # "Professors Foner and Alba ... they"
            if listed is not None:
                return self.resolve_phrase(listed[0], listed[1], att, near)
        if word not in PRONOUN_GENDER and near is not None and near.type in GROUPS:
            return near  # "they", "it": the organisation or group that spoke before
        anaphor = replace(Anaphor.of(m.root), unseen=quoted_before(self.doc, att, m.root.i))
        continuing = att.cue is not None and att.cue.text.split()[0].lower() in CONTINUATION_CUES
        chain = near.entity if near is not None else None
        if continuing and near is not None and chain is not None and agrees(anaphor, chain):
            return near  # "she added": the speaker of the previous quote goes on
        cands = candidates(self.ents, m.root.i, anaphor.unseen)
        if chain is not None and chain not in cands and self.ranked_at(chain, anaphor):
            cands.append(chain)
        if anaphor.gender is None:  # "they" is no one person, "it" no person at all
            cands = [e for e in cands if agrees(anaphor, e)]
        else:  # "he", "she": a person of that gender, never a place
            # never one whose name says the other gender (a man's first name, "Mr."); the
            # genders pronouns suggest are left to the ranker ("Clinton said he ...")
            people = [e for e in cands if e.type == "person"]
            cands = ([e for e in people if e.sure_gender in (None, anaphor.gender)]
                     or self.agreeing_before(anaphor) or people)
        ranked = self.coreference.rank(self.ents, anaphor, cands)
        # the quote chain: the previous speaker keeps the floor unless another candidate
        # is clearly likelier (news attributes consecutive quotes to one person)
        scored = [(p + (CHAIN_BONUS if e is chain and agrees(anaphor, e) else 0.0), e)
                  for e, p in ranked]
        if not scored:  # nobody named before: the running speaker, if the pronoun fits
            if near is None or (near.entity is not None and not agrees(anaphor, near.entity)):
                return UNKNOWN
            return near if anaphor.gender is None or near.type == "person" else UNKNOWN
        pick = max(scored, key=lambda pe: pe[0])[1]
        return near if near is not None and pick is near.entity else of_entity(pick)

    def relative(
        self: MentionResolver, m: SourceMention, att: Attribution, near: Resolved | None
    ) -> Resolved:
        """ "who"/"which": the noun the relative clause hangs on."""
        tok = m.root
        ant = tok.head.head if tok.head.dep_ == "relcl" else None
        while ant is not None and ant.dep_ == "appos" and ant.head.i < ant.i:
            ant = ant.head  # "McConnell, now the majority leader, who said": McConnell
        last = self.doc[tok.i - 2] if tok.i > 1 and self.doc[tok.i - 1].text == "," else None
        if ant is not None and last is not None and last in ant.conjuncts:
            ant = last  # "A, B and C, who joked": the list's last name, not the parser's pick
        end = ant.i + 1 if ant is not None else tok.i
        owner = people_owner(ant, self.ents.entity_at(ant.i)) if (
            ant is not None and tok.lower_ in ("who", "whom", "whose")) else None
        if owner is not None:  # "the editors of The Advocate, who": the editors
            ant, end = owner, min(ant.right_edge.i + 1, tok.i)
            if self.doc[end - 1].is_punct:
                end -= 1  # not the comma before "who"
        if ant is not None and ant.i < tok.i:
            ent = self.ents.entity_at(ant.i)
            if ent is not None:
                return of_entity(ent)
            return self.resolve_phrase(ant.left_edge.i, end, att, near)
        ent = next((x.entity for x in self.ents.mentions_before(tok.i, limit=5)
                    if x.start >= tok.sent.start), None)
        return of_entity(ent) if ent is not None else UNKNOWN

    def people_listed(self: MentionResolver, at: int) -> tuple[int, int] | None:
        """Tokens [start, end) of the latest people named together ("X and Y", "X, Y and
        Z") in the sentence of token `at` or the GROUP_SENTENCES before it; None without,
        or when a plural people noun outside quotation marks is the subject of a clause after them
        ("X and Y scored. “...,” fans said."), which "they" may mean as well."""
        floor = self.ents.sentence_of(at) - GROUP_SENTENCES
        for x in self.ents.mentions_before(at, limit=40):
            if self.ents.sentence_of(x.start) < floor:
                return None
            if x.entity.type != "person":
                continue
            tok = self.doc[x.end - 1]
            listed = [c for c in tok.conjuncts if (e := self.ents.entity_at(c.i)) is not None
                      and e.type == "person" and e is not x.entity]
            # (the mention may be the last name of the list)
            first = min([tok, *listed], key=lambda t: t.i)
            last = max([tok.i, *(c.i for c in listed)])
            if first.dep_ == "pobj" and first.head.lower_ == "with":
                continue  # companions ("a study they wrote with X and Y"), not who they are
            if listed and joined(self.doc, first.i, last):
                others = any(t.dep_ in SUBJECT_DEPS and is_people(t)  # (not "his arms folded")
                             and self.ents.entity_at(t.i) is None
                             and not in_quotes(self.document, t.idx)  # (the quote's words)
                             for t in self.doc[last:at])
                return None if others else (first.left_edge.i, last + 1)
        return None

    def agreeing_before(self: MentionResolver, anaphor: Anaphor) -> list[Entity]:
        """The latest person of the pronoun's gender named before it, beyond the ranker's
        window ("she" after a long passage about a man still means the woman before it)."""
        at = anaphor.head.i
        found = next((x.entity for x in self.ents.mentions_before(at, SALIENCE_MENTIONS)
                      if x.entity.type == "person" and x.entity.gender == anaphor.gender
                      and anaphor.reads(x)), None)
        return [found] if found is not None else []

    def ranked_at(self: MentionResolver, ent: Entity, anaphor: Anaphor) -> bool:
        """Whether the antecedent ranker can score `ent` for the anaphor: it reads the
        entity's latest mention before it (a speaker named only later, "A spokesman ... The
        spokesman, X," has none)."""
        return any(x.entity is ent and anaphor.reads(x)
                   for x in self.ents.mentions_before(anaphor.head.i, SALIENCE_MENTIONS))


def quoted_before(doc: Doc, att: Attribution, at: int) -> tuple[int, int]:
    """Tokens [start, end) of the quote's own words before token `at` ((0, 0) when it comes
    first): who they talk about is hardly who says them."""
    before = [f for f in att.fragments if f.end <= doc[at].idx]
    words = doc.char_span(before[0].start, before[-1].end, alignment_mode="expand") if (
        before) else None
    return (words.start, words.end) if words is not None else (0, 0)


def people_owner(ant: Token, named: Entity | None) -> Token | None:
    """The people noun a "who" belongs to when the parser hung it on the object of that
    noun's preposition ("nervous Democrats on Capitol Hill, who"; "black listeners to his
    program who"); None when that object is itself a person."""
    if ant.dep_ != "pobj" or ant.head.dep_ != "prep" or (
        named is not None and named.type == "person" and ant.ent_type_ == "PERSON"
    ):
        return None
    owner = ant.head.head
    person_noun = is_people(owner) or owner.tag_ in ("NN", "NNS") and is_role_head(owner.text)
    return owner if owner.i < ant.i and person_noun else None


def is_people(tok: Token) -> bool:
    """A plural noun for people: an office ("lawmakers"), a party or nation ("Democrats"),
    or a people noun ("voters"); not things ("The new rules, they argued")."""
    if tok.tag_ not in PLURAL_NOUN_TAGS:
        return False
    return is_role_head(tok.text) or tok.ent_type_ in ("NORP", "PERSON") or (
        tok.lower_ in PEOPLE_NOUNS)
