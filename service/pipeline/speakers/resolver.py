"""Who said each quote: the source mention resolved to a canonical speaker with a role.

Quotes are visited in text order with a running speaker (the previous quote's), as
newsrooms write: a quote with no source mention inherits it, "he added" prefers it, and
"the executive" goes to the person whose stated role matches.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from service.pipeline.document import Document
from service.pipeline.speakers.antecedents import (
    SALIENCE_MENTIONS,
    Anaphor,
    AntecedentModel,
    agreeing_people,
    agrees,
    candidates,
    governing_subjects,
    role_match,
)
from service.pipeline.speakers.bodies import (
    BODY_CLASSES,
    RECENT_ORG_NOUNS,
    campaign_owner,
    named_body,
    recent_org,
)
from service.pipeline.speakers.coreference import ArticleEntities, Entity
from service.pipeline.speakers.descriptions import described_roles
from service.pipeline.speakers.discourse import (
    author,
    cataphora,
    headline_description,
    in_block_quote,
    in_quotes,
    labelled,
    lead_in,
    narrated_after,
    previous_subject,
    signature,
    transcript_labels,
)
from service.pipeline.speakers.kinship import KIN_NOUNS, kin_of, owner_of
from service.pipeline.speakers.lexicon import (
    CONTINUATION_CUES,
    FIRST_PERSON,
    ORG_NOUNS,
    PARTY_MEMBERS,
    PEOPLE_NOUNS,
    PLURAL_NOUN_TAGS,
    PRONOUN_GENDER,
    ROLE_NOUNS,
    WRITER_PRONOUNS,
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
    POSSESSIVE_ENDINGS,
    clean_name,
    is_name_token,
    name_text,
    name_tokens_ending,
    org_name,
    surname,
)
from service.pipeline.speakers.parties import party_of, stated_parties
from service.pipeline.speakers.roles import (
    assign_roles,
    description_role,
    relational,
    set_role_words,
    words,
)
from service.pipeline.speakers.source_fixes import inverted_source, outer_speaker, speaker_span
from service.pipeline.speakers.titles import span_text
from service.pipeline.types import Attribution, Speaker

GROUPS = ("organization", "other")
DISTRIBUTIVES = {"each", "both"}
CHAIN_BONUS = 0.15  # added to the previous speaker's antecedent probability (dev-chosen)
INHERIT_PARAGRAPHS = 1  # a source-less quote inherits from the same or previous paragraph
PRONOUN_PARAGRAPHS = 2  # how far back "he" may still mean the previous quote's speaker


@dataclass
class Resolved:
    name: str | None
    type: str
    entity: Entity | None = None
    para: int = -1


UNKNOWN = Resolved(None, "unknown")


def resolve_speakers(
    document: Document, attributions: list[Attribution], coreference: AntecedentModel
) -> list[Speaker]:
    """One Speaker per attribution, in the attributions' order; leaves the article's entity
    table on `document.entities`. Needs the document's spaCy parse."""
    if not attributions:
        return []
    return SpeakerResolver(document, attributions, coreference).speakers()


class SpeakerResolver:
    def __init__(
        self, document: Document, attributions: list[Attribution], coreference: AntecedentModel
    ):
        self.document, self.attributions = document, attributions
        self.doc = doc = document.parse
        self.text = document.text
        self.coreference = coreference
        marked = [source_tokens(doc, a.source.start, a.source.end) if a.source
                  else inverted_source(doc, a) for a in attributions]
        self.spans = [speaker_span(doc, s, a) if s is not None else None
                      for s, a in zip(marked, attributions, strict=True)]
        # a name the layout gives: a dash signature after the quote, a transcript label
        labels = transcript_labels(document)
        self.layout_names = [signature(document, a) or labelled(document, labels, a)
                             for a in attributions]
        names = [run for s in self.spans if s is not None and (run := name_run(s))]
        names += [list(s) for s in self.layout_names if s is not None]
        self.ents = ArticleEntities(doc, names, first_names=coreference.first_names)
        document.entities = self.ents
        self.spans = [outer_speaker(s, a, self.is_person) or s if s is not None else None
                      for s, a in zip(self.spans, attributions, strict=True)]
        # a quote with no speech verb is not said by a source named after it in a sentence
        # without one ("... ." The chairman, X, nodded / declined to comment.)
        self.spans = [None if s is not None and narrated_after(s, a)
                      else s for s, a in zip(self.spans, attributions, strict=True)]
        assign_roles(self.ents)
        sources = {t.i for span in self.spans if span is not None for t in span}
        described_roles(self.ents, lambda at: in_quotes(document, at), sources)
        self.author = author(document, self.ents)

    def speakers(self) -> list[Speaker]:
        order = sorted(range(len(self.attributions)), key=lambda i: self.attributions[i].start)
        resolved: dict[int, Resolved] = {}
        prev: Resolved | None = None
        for i in order:
            att, span = self.attributions[i], self.spans[i]
            at = span.start_char if span is not None else att.start
            para = self.document.paragraph(at)
            laid_out = self.layout_speaker(i)
            if laid_out is not None:
                res = of_entity(laid_out)
            elif span is None:
                introduced = lead_in(self.document, self.ents, att) or previous_subject(
                    self.document, self.ents, att.start
                )
                if introduced is not None:
                    res = of_entity(introduced)
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
        out = []
        for i, att in enumerate(self.attributions):
            res = resolved[i]
            # one role per speaker per article: the person's, wherever the article states
            # it; organisations and unnamed sources have none
            role = res.entity.role if res.entity is not None and res.type == "person" else None
            out.append(Speaker(res.name, res.type, att.source, role))
        return out

    def layout_speaker(self, i: int) -> Entity | None:
        """The person the layout names for attribution i's quote (who signs it, the
        transcript label before it): its speaker, whoever the sentences around name."""
        name = self.layout_names[i]
        if name is None:
            return None
        # its first word may be a title: "Sen. Olga Brandt"
        ent = next((e for t in name if (e := self.ents.entity_at(t.i)) is not None), None)
        return ent if ent is not None and ent.type == "person" else None

    def is_person(self, span: Span) -> bool:
        root = head_of(span)
        ent = self.ents.entity_at(root.i)
        return root.lower_ in PRONOUN_GENDER or (ent is not None and ent.type == "person")

    # -- one mention ------------------------------------------------------------------------
    def resolve(
        self, m: SourceMention, att: Attribution, prev: Resolved | None, para: int
    ) -> Resolved:
        near = prev if prev is not None and para - prev.para <= PRONOUN_PARAGRAPHS else None
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
        named_later = cataphora(self.document, self.ents, m, headline) if single else None
        if named_later is not None:  # "A senior official ... The official, X, said"
            return of_entity(named_later)
        return Resolved(as_written(m.span, att), "other")

    def pronoun(self, m: SourceMention, att: Attribution, near: Resolved | None) -> Resolved:
        word = m.word
        if word in FIRST_PERSON:
            # "I" in the narration is the writer (named by an opinion page's closing line,
            # else unnamed); inside a quotation or a block quote, the quoted speaker talking
            at = m.span.start_char
            quoted = in_quotes(self.document, at) or in_block_quote(self.document, at)
            if near is not None and quoted:
                return near
            if not quoted and word in WRITER_PRONOUNS and self.author is not None:
                return of_entity(self.author)
            return Resolved(m.span.text, "other")
        if word in ("they", "them", "their"):  # "lawmakers said Friday, as they bristled"
            group = next((t for t in governing_subjects(m.root) if is_people(t)), None)
            if group is not None:
                return self.resolve_phrase(group.left_edge.i, group.right_edge.i + 1, att, near)
        if word not in PRONOUN_GENDER and near is not None and near.type in GROUPS:
            return near  # "they", "it": the organisation or group that spoke before
        anaphor = Anaphor.of(m.root)
        continuing = att.cue is not None and att.cue.text.split()[0].lower() in CONTINUATION_CUES
        chain = near.entity if near is not None else None
        if continuing and near is not None and chain is not None and agrees(anaphor, chain):
            return near  # "she added": the speaker of the previous quote goes on
        cands = candidates(self.ents, m.root.i)
        if chain is not None and chain not in cands and self.ranked_at(chain, m.root.i):
            cands.append(chain)
        if anaphor.gender is not None:  # "he", "she": a person of that gender, never a place
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

    def relative(self, m: SourceMention, att: Attribution, near: Resolved | None) -> Resolved:
        """ "who"/"which": the noun the relative clause hangs on."""
        tok = m.root
        ant = tok.head.head if tok.head.dep_ == "relcl" else None
        while ant is not None and ant.dep_ == "appos" and ant.head.i < ant.i:
            ant = ant.head  # "McConnell, now the majority leader, who said": McConnell
        last = self.doc[tok.i - 2] if tok.i > 1 and self.doc[tok.i - 1].text == "," else None
        if ant is not None and last is not None and last in ant.conjuncts:
            ant = last  # "A, B and C, who joked": the list's last name, not the parser's pick
        if ant is not None and ant.i < tok.i:
            ent = self.ents.entity_at(ant.i)
            if ent is not None:
                return of_entity(ent)
            return self.resolve_phrase(ant.left_edge.i, ant.i + 1, att, near)
        ent = next((x.entity for x in self.ents.mentions_before(tok.i, limit=5)
                    if x.start >= tok.sent.start), None)
        return of_entity(ent) if ent is not None else UNKNOWN

    def resolve_phrase(self, start: int, end: int, att: Attribution, near: Resolved | None
                       ) -> Resolved:
        """Tokens [start, end), a noun phrase a pronoun stands for, resolved as a source
        marked there would be."""
        span = self.doc[start:end]
        return self.resolve(classify(self.ents, span), att, near, near.para if near else -1)

    def description(self, m: SourceMention, near: Resolved | None) -> Resolved:
        """ "the executive", "the ministry spokeswoman": the learned ranking among the
        people whose stated role matches and the running speaker (an unmatched singular
        "the official" continues the speaker); else a person named just after with that
        role ("The official, deputy director X"); else, for an office a party or organisation
        names ("The GOP presidential nominee"), the ranker's pick among recent people with no
        stated role; else an unnamed source."""
        anaphor = Anaphor.of(m.root)
        chain = near.entity if near is not None and near.type == "person" else None
        people = dict.fromkeys(x.entity for x in self.ents.mentions_before(m.root.i, limit=80)
                               if x.entity.type == "person")
        # the party the description's head or its own modifiers name ("The GOP nominee" is
        # no Libertarian; in "Libertarian candidate X's doctor" the party is X's)
        party = party_of([t.lower_ for t in m.root.lefts] + [m.root.lower_])

        def of_party(e: Entity) -> bool:
            return party is not None and party in stated_parties(self.ents, e)

        allowed = [e for e in people if role_match(anaphor.head.lower_, e) and agrees(anaphor, e)
                   and (party is None or of_party(e) or party_of(e.role_words) is None)]
        if chain is not None and chain not in allowed and m.word in ROLE_NOUNS and (
            self.ranked_at(chain, m.root.i)
        ):
            allowed.append(chain)
        ranked = self.coreference.rank(self.ents, anaphor, allowed)
        pick = ranked[0][0] if ranked else cataphora(self.document, self.ents, m)
        if pick is None and m.root.tag_ in ("NN", "NNP") and (named_office(m) or party):
            # an office nobody's stated role matches ("The GOP presidential nominee", "The
            # Republican"): the ranker's pick among the recent people the article says are of
            # that party, else for an office among those with no stated role
            recent = agreeing_people(self.ents, anaphor)
            members = [e for e in recent if of_party(e)]
            either = len(members) > 1 and m.word in PARTY_MEMBERS  # "the Democrat" of two
            pool = [] if either else members or [
                e for e in recent if e.role is None and named_office(m)]
            ranked = self.coreference.rank(self.ents, anaphor, pool)
            pick = ranked[0][0] if ranked else None
        if pick is None:
            return Resolved(m.span.text.strip(), "other")
        role = description_role(self.doc, m.span.start, m.span.end)
        if role and (pick.role is None or relational(pick.role) and not relational(role)):
            # an occupation the description states beats a stated relation ("rival X")
            pick.role = role
            set_role_words(pick)
        return of_entity(pick)

    def relative_of_owner(self, m: SourceMention, att: Attribution, near: Resolved | None
                          ) -> Entity | None:
        """The person a family description names (kinship.kin_of), its owner resolved as a
        name or as a pronoun ("my" in an opinion piece: the writer); the description is the
        relative's role when the article states none ("ex-wife", "X's wife")."""
        owner = self.owner(m, att, near)
        kin = kin_of(self.ents, owner, m.word, m.root.i) if owner is not None else None
        if kin is not None and kin.role is None:
            start = m.span.start + (m.span[0].tag_ in ("DT", "PRP$"))
            kin.role = span_text(self.doc, start, m.span.end)
            set_role_words(kin)
        return kin

    def owner(self, m: SourceMention, att: Attribution, near: Resolved | None
              ) -> Entity | None:
        """Whose the mention's head is: its possessive resolved as a name or as a pronoun
        ("Scott's wife", "Her campaign"); None without one."""
        owner_tok = owner_of(m.span)
        if owner_tok is None:
            return None
        if owner_tok.tag_ == "PRP$":
            mention = SourceMention("pronoun", self.doc[owner_tok.i : owner_tok.i + 1])
            return self.pronoun(mention, att, near).entity
        return self.ents.entity_at(owner_tok.i)

    def agreeing_before(self, anaphor: Anaphor) -> list[Entity]:
        """The latest person of the pronoun's gender named before it, beyond the ranker's
        window ("she" after a long passage about a man still means the woman before it)."""
        at = anaphor.head.i
        found = next((x.entity for x in self.ents.mentions_before(at, SALIENCE_MENTIONS)
                      if x.entity.type == "person" and x.entity.gender == anaphor.gender), None)
        return [found] if found is not None else []

    def ranked_at(self, ent: Entity, at: int) -> bool:
        """Whether the antecedent ranker can score `ent` at token `at`: it reads the entity's
        latest mention before it (a speaker named only later, "A spokesman ... The
        spokesman, X," has none)."""
        return any(x.entity is ent for x in self.ents.mentions_before(at, SALIENCE_MENTIONS))

    def group_name(self, span: Span) -> str:
        """Named people speaking together: each one's full name (the name as written for one
        the entity table lacks), joined by "and"."""
        members: list[str] = []
        for t in span:
            ent = self.ents.entity_at(t.i)
            if ent is not None and (ent.type == "person" or t.dep_ == "conj"):
                members.append(ent.name)  # a partner the NER typed a place: "X and Lindahl"
            elif ent is None and t.dep_ == "conj" and is_name_token(t):
                run = clean_name(name_tokens_ending(self.doc, t.i))
                members.append(name_text(self.doc, run) if run else t.text)
        return " and ".join(dict.fromkeys(members))

    def org_noun(self, m: SourceMention, att: Attribution, near: Resolved | None) -> Resolved:
        """ "the ministry" -> the organisation named with that word, else the running
        organisation speaker, else for a bare "the company" the one organisation named in its
        or the previous sentence (bodies.recent_org; "the campaign": bodies.campaign_owner's),
        else the noun itself as an organisation ("federal government"): never merely the
        latest organisation or place named. A person's campaign is named by the surname ("Her
        campaign", "Mrs. Clinton's campaign" -> "Clinton campaign")."""
        head = m.word
        owner = self.owner(m, att, near) if head == "campaign" else None
        if owner is not None and owner.type == "person":  # the guideline's "Y campaign"
            return Resolved(f"{surname(owner.name)} campaign", "organization")
        orgs = [x.entity for x in self.ents.mentions_before(m.span.start, limit=80)
                if x.entity.type == "organization"]
        named = next((e for e in orgs if head in words(e.name)), None)
        if named is not None:
            return of_entity(named)
        if near is not None and near.type == "organization":
            return near
        bare = len(m.span) == 2 and m.span[0].lower_ == "the"  # not "Mr. X's new company"
        if bare and head == "campaign":  # "A new ad from X's campaign ... The campaign says"
            person = campaign_owner(self.ents, m.span.start)
            if person is not None:
                return Resolved(f"{surname(person.name)} campaign", "organization")
        if bare and head in RECENT_ORG_NOUNS:  # "Apple released ... The company said"
            recent = recent_org(self.ents, head, m.span.start)
            if recent is not None:
                return of_entity(recent)
        return Resolved(org_name(m.span), "organization")


def is_people(tok: Token) -> bool:
    """A plural noun for people: an office ("lawmakers"), a party or nation ("Democrats"),
    or a people noun ("voters"); not things ("The new rules, they argued")."""
    if tok.tag_ not in PLURAL_NOUN_TAGS:
        return False
    return is_role_head(tok.text) or tok.ent_type_ in ("NORP", "PERSON") or (
        tok.lower_ in PEOPLE_NOUNS)


def named_office(m: SourceMention) -> bool:
    """The description names whose office it is: a proper name or party before its head
    ("The GOP presidential nominee"), unlike "the official"."""
    before = [t for t in m.span if t.i < m.root.i]
    if any(t.tag_ == "POS" or t.lower_ in POSSESSIVE_ENDINGS for t in before):
        return False  # "Connecticut's tax commissioner": someone of that place, unnamed
    return any(t.tag_ in ("NNP", "NNPS") or t.ent_type_ in ("NORP", "ORG") for t in before)


def of_entity(ent: Entity | None) -> Resolved:
    if ent is None:
        return UNKNOWN
    return Resolved(ent.name, ent.type, ent)
