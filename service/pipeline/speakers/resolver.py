"""Who said each quote: the source mention resolved to a canonical speaker with a role.

Quotes are visited in text order with a running speaker (the previous quote's), as
newsrooms write: a quote with no source mention inherits it, "he added" prefers it, and
"the executive" goes to the person whose stated role matches. Pronouns are resolved in
pronominal.py, descriptions and organisation nouns in nominal.py.
"""

from __future__ import annotations

from functools import partial

from spacy.tokens import Span

from service.pipeline.document import Document
from service.pipeline.speakers.antecedents import (
    AntecedentModel,
    governing_subjects,
)
from service.pipeline.speakers.bodies import (
    BODY_CLASSES,
    named_body,
)
from service.pipeline.speakers.coreference import ArticleEntities, Entity
from service.pipeline.speakers.descriptions import described_roles
from service.pipeline.speakers.discourse import (
    author,
    cataphora,
    continued_quotation,
    headline_description,
    in_quotes,
    labelled,
    lead_in,
    narrated_after,
    previous_subject,
    signature,
    transcript_labels,
)
from service.pipeline.speakers.groups import leading_pair
from service.pipeline.speakers.kinship import KIN_NOUNS
from service.pipeline.speakers.lexicon import (
    ORG_NOUNS,
    PRONOUN_GENDER,
    is_role_head,
)
from service.pipeline.speakers.mentions import (
    SourceMention,
    as_written,
    classify,
    head_of,
    name_run,
    source_tokens,
)
from service.pipeline.speakers.names import (
    clean_name,
    is_name_token,
    name_text,
    name_tokens_ending,
    org_name,
    said_words,
    word_key,
)
from service.pipeline.speakers.nominal import NominalResolution
from service.pipeline.speakers.pronominal import PronominalResolution
from service.pipeline.speakers.resolved import UNKNOWN, Resolved, of_entity
from service.pipeline.speakers.roles import (
    assign_roles,
    description_role,
    says_more,
    set_role_words,
)
from service.pipeline.speakers.source_fixes import (
    inverted_source,
    outer_speaker,
    own_subject,
    speaker_span,
)
from service.pipeline.types import Attribution, Speaker

DISTRIBUTIVES = {"each", "both"}
INHERIT_PARAGRAPHS = 1  # a source-less quote inherits from the same or previous paragraph
PRONOUN_PARAGRAPHS = 2  # how far back "he" may still mean the previous quote's speaker


def resolve_speakers(
    document: Document, attributions: list[Attribution], coreference: AntecedentModel
) -> list[Speaker]:
    """One Speaker per attribution, in the attributions' order; leaves the article's entity
    table on `document.entities`. Needs the document's spaCy parse."""
    if not attributions:
        return []
    return SpeakerResolver(document, attributions, coreference).speakers()


class SpeakerResolver(PronominalResolution, NominalResolution):
    def __init__(
        self, document: Document, attributions: list[Attribution], coreference: AntecedentModel
    ):
        self.document, self.attributions = document, attributions
        self.doc = doc = document.parse
        self.text = document.text
        self.coreference = coreference
        marked = [source_tokens(doc, a.source.start, a.source.end) if a.source
                  else inverted_source(doc, a) for a in attributions]
        self.spans = [(own_subject(doc, s, a) or speaker_span(doc, s, a)) if s is not None
                      else None for s, a in zip(marked, attributions, strict=True)]
        # a name the layout gives: a dash signature after the quote, a transcript label
        labels = transcript_labels(document)
        self.layout_names = [signature(document, a) or labelled(document, labels, a)
                             for a in attributions]
        names = [run for s in self.spans if s is not None and (run := name_run(s))]
        names += [list(s) for s in self.layout_names if s is not None]
        quoted = partial(in_quotes, document)
        said = said_words(doc, [(f.start, f.end) for a in attributions for f in a.fragments])
        self.ents = ArticleEntities(doc, names, first_names=coreference.first_names, quoted=quoted,
                                    headline_end=document.headline_end, said_words=said)
        document.entities = self.ents
        self.spans = [outer_speaker(s, a, self.is_person) or s if s is not None else None
                      for s, a in zip(self.spans, attributions, strict=True)]
        # a quote with no speech verb is not said by a source named after it in a sentence
        # without one ("... ." The chairman, X, nodded / declined to comment.)
        self.spans = [None if s is not None and narrated_after(s, a)
                      else s for s, a in zip(self.spans, attributions, strict=True)]
        assign_roles(self.ents)
        described_roles(self.ents, quoted, frozenset(t.i for span in self.spans
                                                      if span is not None for t in span))
        self.source_heads = frozenset(head_of(span).i for span in self.spans if span is not None)
        self.author = author(document, self.ents)

    def speakers(self) -> list[Speaker]:
        order = sorted(range(len(self.attributions)), key=lambda i: self.attributions[i].start)
        resolved: dict[int, Resolved] = {}
        prev: Resolved | None = None
        narrated: Resolved | None = None  # the last speaker named outside quotation marks
        for i in order:
            att, span = self.attributions[i], self.spans[i]
            at = span.start_char if span is not None else att.start
            para = self.document.paragraph(at)
            laid_out = self.layout_speaker(i)
            if laid_out is not None:
                res = of_entity(laid_out)
            elif span is None:
                introduced = lead_in(self.document, self.ents, att) or self.subject_before(
                    att, prev, para)
                if introduced is not None:
                    res = of_entity(introduced)
                elif narrated is not None and continued_quotation(
                    self.document, narrated.para, para
                ):
                    # a quotation's later paragraph goes on with its speaker, past a source
                    # named inside it ("“... X at the union has been honest ...¶“Until ...”");
                    # the running speaker stays as it was
                    resolved[i] = narrated
                    continue
                elif prev is not None and para - prev.para <= INHERIT_PARAGRAPHS:
                    res = prev
                else:
                    res = UNKNOWN
            else:
                res = self.resolve(classify(self.ents, span), att, prev, para)
            # the running speaker was last heard where the quote ends (a block quote
            # may run over several paragraphs)
            end = max(att.end, span.end_char if span is not None else 0)
            res = Resolved(res.name, res.type, res.entity, self.document.paragraph(end))
            resolved[i] = res
            if res.type != "unknown":
                prev = res
                if span is None or not in_quotes(self.document, span.start_char):
                    narrated = res
        out = []
        for i, att in enumerate(self.attributions):
            res = resolved[i]
            # one role per speaker per article: the person's, wherever the article states
            # it; organisations and unnamed sources have none
            role = res.entity.role if res.entity is not None and res.type == "person" else None
            # a name as written may hold a line break or a no-break space: one space each
            name = " ".join(res.name.split()) if res.name is not None else None
            out.append(Speaker(name, res.type, att.source, role))
        return out

    def layout_speaker(self, i: int) -> Entity | None:
        """The person the layout names for attribution i's quote (who signs it, the
        transcript label before it): its speaker, whoever the sentences around name."""
        name = self.layout_names[i]
        if name is None:
            return None
        # its first words may be a title, an organisation's too: "Foundation President X"
        return next((e for t in name if (e := self.ents.entity_at(t.i)) is not None
                     and e.type == "person"), None)

    def subject_before(self, att: Attribution, prev: Resolved | None, para: int
                       ) -> Entity | None:
        """The person the sentence before an uncued quote has as its subject, named, a he or
        she or a description ("..., and she stood and faced the mayor. «...»"); None for
        anyone else."""
        subject = previous_subject(self.document, self.ents, att.start)
        if subject is None:
            return None
        named = self.ents.entity_at(subject.i)
        if named is not None:
            return named
        near = prev if prev is not None and para - prev.para <= PRONOUN_PARAGRAPHS else None
        if subject.lower_ in PRONOUN_GENDER:
            res = self.pronoun(SourceMention("pronoun", self.doc[subject.i : subject.i + 1]), att,
                               near)
        else:
            res = self.resolve_phrase(subject.left_edge.i, subject.i + 1, att, near)
        return res.entity if res.type == "person" else None

    def is_person(self, span: Span) -> bool:
        root = head_of(span)
        ent = self.ents.entity_at(root.i)
        return root.lower_ in PRONOUN_GENDER or (ent is not None and ent.type == "person")

    # -- one mention ------------------------------------------------------------------------
    def resolve(
        self, m: SourceMention, att: Attribution, prev: Resolved | None, para: int
    ) -> Resolved:
        near = prev if prev is not None and para - prev.para <= PRONOUN_PARAGRAPHS else None
        story_person = self.headline_person(m)
        if story_person is not None:
            return of_entity(story_person)
        if m.kind == "entity" and m.entity is not None:
            return of_entity(m.entity)
        if m.kind == "pronoun":
            return self.pronoun(m, att, near)
        if m.kind == "relative":
            return self.relative(m, att, near)
        if m.kind == "group":
            return Resolved(self.group_name(m.span), "other")
        if m.kind == "mixed":  # a mixed group is other, as written (the guideline)
            return Resolved(as_written(m.span, att), "other")
        in_headline = self.ents.in_headline(m.root.i)  # capitals there name nothing
        body_noun = m.word in ORG_NOUNS or m.word in BODY_CLASSES
        member = any(is_role_head(t.text) for t in m.span if t.i < m.root.i)  # "Member of"
        if body_noun and not member and m.word != "campaign" and m.root.tag_ == "NN" and (
            m.kind == "unnamed" or (m.kind == "named_org" and in_headline)
        ):  # "A House panel", headline "Federal court": the body the article names
            named = {t.lower_ for t in m.span if t.i < m.root.i and t.text[:1].isupper()
                     and t.tag_ != "DT"}
            body = named_body(self.ents, m.word, named, m.root.i)
            if body is not None:
                return of_entity(body)
        if m.kind == "unnamed" and len(m.span) == 1 and m.word in DISTRIBUTIVES:
            # "X and Y vied ..., each touting": the people coordinated in the subject above
            pair = next((t for t in governing_subjects(m.root) if any(
                c.dep_ == "conj" for c in t.children)), None)
            if pair is not None:
                return self.resolve_phrase(pair.left_edge.i, pair.right_edge.i + 1, att, near)
        if m.kind == "named_org":  # the name stops at a comma: not ", which represents ..."
            end = next((t.i for t in m.span[m.root.i - m.span.start :] if t.text == ","),
                       m.span.end)
            return Resolved(org_name(m.span.doc[m.span.start : end]), "organization")
        if m.kind in ("description", "unnamed") and m.word in KIN_NOUNS:
            kin = self.relative_of_owner(m, att, near)
            if kin is not None:  # "Scott's wife", "His ex-wife", "my father"
                return of_entity(kin)
        if m.kind == "description":
            return self.description(m, near)
        if m.kind == "org_noun":
            return self.org_noun(m, att, near)
        # one person described, then named: "A senior official ..." (not "Developers say");
        # a headline's bare "Lawmaker urges ..." is the person the story then names
        headline = headline_description(self.document, m)
        plural = m.word.endswith("s") and is_role_head(m.word[:-1])  # "Black Lawmakers Rip"
        single = (m.root.tag_ == "NN" or headline and not plural) and is_role_head(m.word)
        named_later = self.named_later(m, headline) if single else None
        if named_later is not None:  # "A senior official ... The official, X, said"
            return of_entity(named_later)
        return Resolved(as_written(m.span, att), "other")

    def headline_person(self, m: SourceMention) -> Entity | None:
        """The story's person a title-case headline's mark names, whatever the NER made of
        the words around the name ("Absent Trump", "Biden Aims Insult At" tagged ORG); not
        a group ("Trump Supporters"), an organisation noun or a person the story names so
        ("Absent Trump derides debate" makes "Absent Trump" a person: its Trump is wanted)."""
        if not self.ents.in_headline(m.root.i) or m.kind in ("pronoun", "relative", "group"):
            return None
        own = m.entity is not None and m.entity.type == "person" and m.entity.named > 0
        if own or m.word in ORG_NOUNS or m.root.tag_ in ("NNS", "NNPS"):
            return None
        return next((e for t in m.span if t.text[:1].isupper() and (
            e := self.ents.person_by_word(word_key(t))) is not None), None)

    def named_later(self, m: SourceMention, headline: bool = False) -> Entity | None:
        """The person a description names later (discourse.cataphora); one with no stated
        role, or a role the description spells out, gets the description's ("A former party
        chairman says ...": his role), but not from a headline, whose person is the lead's
        first one, a guess."""
        person = cataphora(self.document, self.ents, m, headline, self.source_heads)
        if person is None or headline:
            return person
        described = description_role(self.doc, m.span.start, m.span.end)
        if says_more(person.role, described):
            person.role = described
            set_role_words(person)
        return person

    def resolve_phrase(self, start: int, end: int, att: Attribution, near: Resolved | None
                       ) -> Resolved:
        """Tokens [start, end), a noun phrase a pronoun stands for, resolved as a source
        marked there would be."""
        span = self.doc[start:end]
        return self.resolve(classify(self.ents, span), att, near, near.para if near else -1)

    def group_name(self, span: Span) -> str:
        """Named people speaking together: each one's full name (the name as written for one
        the entity table lacks), listed as "A, B and C"; the names the mark opens with when it
        does (groups.leading_pair), without what follows them."""
        members: list[str] = []
        pair = leading_pair(span)
        for run in pair:
            ent = self.ents.entity_at(run[-1].i)
            written = name_text(self.doc, clean_name(run) or run)
            # a surname's full name ("Ms. Olsen" -> "Maria Olsen"), not another person's
            full = ent.name if ent is not None and ent.type == "person" else ""
            longer = full.split()[-1:] == written.split()[-1:] and len(full) > len(written)
            members.append(full if longer else written)
        for t in span if not pair else ():
            ent = self.ents.entity_at(t.i)
            joined = t.dep_ == "conj" or any(c.dep_ == "conj" for c in t.children)
            if ent is not None and (ent.type == "person" or joined and " " not in ent.name):
                members.append(ent.name)  # a one-word partner the NER typed a place: "X and
                # Lindahl" (not "B at the University of Zurich and C")
            elif ent is None and t.dep_ == "conj" and is_name_token(t):
                run = clean_name(name_tokens_ending(self.doc, t.i))
                members.append(name_text(self.doc, run) if run else t.text)
        *rest, last = dict.fromkeys(members) or [""]
        return f"{', '.join(rest)} and {last}" if rest else last  # "A, B and C"
