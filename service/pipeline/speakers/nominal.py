"""Descriptions and organisation nouns as sources ("the executive", "The GOP nominee",
"Scott's wife", "the ministry", "Her campaign"): the person or organisation of the article
they describe, else the source as written."""

from __future__ import annotations

from service.pipeline.speakers.antecedents import Anaphor, agreeing_people, agrees, role_match
from service.pipeline.speakers.bodies import RECENT_ORG_NOUNS, campaign_owner, recent_org
from service.pipeline.speakers.coreference import Entity
from service.pipeline.speakers.kinship import kin_of, owner_of
from service.pipeline.speakers.lexicon import PARTY_MEMBERS, RELATIONAL_NOUNS, ROLE_NOUNS
from service.pipeline.speakers.mentions import SourceMention
from service.pipeline.speakers.names import POSSESSIVE_ENDINGS, org_name, surname
from service.pipeline.speakers.parties import party_of, stated_parties
from service.pipeline.speakers.resolved import MentionResolver, Resolved, of_entity
from service.pipeline.speakers.roles import description_role, says_more, set_role_words, words
from service.pipeline.speakers.titles import span_text
from service.pipeline.types import Attribution


class NominalResolution:
    """The description and organisation steps of resolver.SpeakerResolver."""

    def description(self: MentionResolver, m: SourceMention, near: Resolved | None) -> Resolved:
        """ "the executive", "the ministry spokeswoman": the learned ranking among the
        people whose stated role matches and the running speaker (an unmatched singular
        "the official" continues the speaker); else a person named just after with that
        role ("The official, deputy director X"); else, for an office a party or organisation
        names ("The GOP presidential nominee", "The Republican"), the ranker's pick among the
        recent people the article says are of that party (never one of two: "the Democrat"),
        else among those with no stated role; else an unnamed source."""
        anaphor = Anaphor.of(m.root)
        chain = near.entity if near is not None and near.type == "person" else None
        people = dict.fromkeys(x.entity for x in self.ents.mentions_before(m.root.i, limit=80)
                               if x.entity.type == "person")
        # the party the description's head or its own modifiers name ("The GOP nominee" is
        # no Libertarian; in "Libertarian candidate X's doctor" the party is X's)
        party = party_of([t.lower_ for t in m.root.lefts] + [m.root.lower_])
        members = [e for e in people if party is not None  # those the article says are of it
                   and party in stated_parties(self.ents, e)]
        allowed = [e for e in people if role_match(anaphor.head.lower_, e) and agrees(anaphor, e)
                   and (party is None or e in members or party_of(e.role_words) is None)]
        # the running speaker may go on under a description, but not under an office of a
        # body the description names ("The FBI director")
        goes_on = chain is not None and self.ranked_at(chain, anaphor) and agrees(
            anaphor, chain) and not office_of_body(m)
        if not allowed and goes_on and m.word in ROLE_NOUNS:
            allowed.append(chain)
        ranked = self.coreference.rank(self.ents, anaphor, allowed)
        pick = ranked[0][0] if ranked else self.named_later(m)
        if pick is None and goes_on and described_anew(m):
            pick = chain  # "the 34-year-old mother of three replied": the woman speaking
        if pick is None and m.root.tag_ in ("NN", "NNP") and (named_office(m) or party):
            # an office nobody's stated role matches ("The GOP presidential nominee", "The
            # Republican"): the ranker's pick among the recent people the article says are of
            # that party, else for an office among those with no stated role
            recent = agreeing_people(self.ents, anaphor)
            of_party = [e for e in recent if e in members]
            either = len(of_party) > 1 and m.word in PARTY_MEMBERS  # "the Democrat" of two
            pool = [] if either else of_party or [
                e for e in recent if e.role is None and named_office(m)]
            ranked = self.coreference.rank(self.ents, anaphor, pool)
            pick = ranked[0][0] if ranked else None
        if pick is None:
            return Resolved(m.span.text.strip(), "other")
        role = description_role(self.doc, m.span.start, m.span.end)
        if says_more(pick.role, role):
            pick.role = role
            set_role_words(pick)
        return of_entity(pick)

    def relative_of_owner(
        self: MentionResolver, m: SourceMention, att: Attribution, near: Resolved | None
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

    def owner(
        self: MentionResolver, m: SourceMention, att: Attribution, near: Resolved | None
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

    def org_noun(
        self: MentionResolver, m: SourceMention, att: Attribution, near: Resolved | None
    ) -> Resolved:
        """ "the ministry" -> the organisation named with that word, else the running
        organisation speaker, else for a bare "the company" the one organisation named in its
        or the previous sentence (bodies.recent_org; "the campaign": bodies.campaign_owner's),
        else the phrase as an organisation, a bare one as written ("the union"), a longer
        one without its determiner ("federal government"): never merely the latest
        organisation or place named. A person's campaign is named by the surname ("Her
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
        if bare:  # "the union" the article names no union: as written, not "union"
            return Resolved(m.span.text.strip(), "organization")
        return Resolved(org_name(m.span), "organization")


# modifiers that make a description someone else ("The neighbouring landowner said")
CONTRASTIVE = {"other", "another", "second", "new", "fellow", "neighbouring", "neighboring",
               "rival", "opposing"}


def described_anew(m: SourceMention) -> bool:
    """A person noun with a modifier and no owner: how news goes on about the person it
    quotes ("the 34-year-old mother of three"), unlike "Her daughter", "the ad's narrator"
    or a bare "the woman"."""
    owned = any(t.tag_ in ("POS", "PRP$") for t in m.span)
    listed = m.word in ROLE_NOUNS or m.word in RELATIONAL_NOUNS  # not "landowner" by its ending
    another = any(t.lower_ in CONTRASTIVE for t in m.span)  # "the other driver"
    return listed and len(m.span) > 2 and not owned and not another


def office_of_body(m: SourceMention) -> bool:
    """The description names the organisation whose office it is ("The FBI director"), which
    the running speaker, whose stated role does not match, does not hold."""
    return any(t.ent_type_ == "ORG" for t in m.span if t.i < m.root.i)


def named_office(m: SourceMention) -> bool:
    """The description names whose office it is: a proper name or party before its head
    ("The GOP presidential nominee"), unlike "the official"."""
    before = [t for t in m.span if t.i < m.root.i]
    if any(t.tag_ == "POS" or t.lower_ in POSSESSIVE_ENDINGS for t in before):
        return False  # "Connecticut's tax commissioner": someone of that place, unnamed
    return any(t.tag_ in ("NNP", "NNPS") or t.ent_type_ in ("NORP", "ORG") for t in before)
