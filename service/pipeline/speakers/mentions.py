"""What kind of source mention the attribution model marked: a pronoun, a relative pronoun,
a name, an organisation, a definite description or an unnamed source."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from service.pipeline.speakers.coreference import ArticleEntities, Entity, org_key
from service.pipeline.speakers.groups import (
    coordinated,
    leading_pair,
    listed_body,
    named_pair,
    names_set_off,
    with_others,
)
from service.pipeline.speakers.lexicon import (
    DASHES,
    FIRST_PERSON,
    HONORIFICS,
    ORG_NOUNS,
    PARTY_MEMBERS,
    PLURAL_PRONOUNS,
    PRONOUN_GENDER,
    RELATIVE_PRONOUNS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    THING_PRONOUNS,
    is_role_head,
)
from service.pipeline.speakers.names import (
    after_dateline,
    between_quotation_marks,
    body_after_the,
    is_name_token,
    is_office,
    joins_name,
    org_name,
    owns_next,
    word_key,
)
from service.pipeline.speakers.titles import is_title_token
from service.pipeline.types import Attribution

PRONOUNS = set(PRONOUN_GENDER) | FIRST_PERSON | PLURAL_PRONOUNS | THING_PRONOUNS | {"you"}
DEFINITE = {"the", "this", "that", "these", "those", "his", "her", "its", "their", "our"}
CLAUSE_LINKS = {"that", "which", "as", "while", "when", "because", "after", "before", "per"}
NAMED_THINGS = {"FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"}  # NER slips for news outlets
PLACE_NOUNS = {"city", "town", "village", "county", "state", "province", "district"}


@dataclass
class SourceMention:
    """A source mention and its kind: pronoun, relative, entity, group (named people
    together), mixed (a group with others), named_org, description, org_noun or unnamed."""

    kind: str
    span: Span
    entity: Entity | None = None

    @cached_property
    def root(self) -> Token:  # asked many times per mention; head_of walks the span
        return head_of(self.span)

    @property
    def word(self) -> str:
        return self.root.lower_


def head_of(span: Span) -> Token:
    """The mention's head word. A cut-off mention ("the IMF" of "the IMF report") has no
    single root inside it, and spaCy may then name the determiner: take the last noun; a
    possessor is the root only of a misparse: take the last noun it owns."""
    root = span.root
    outward = [t for t in span if not span.start <= t.head.i < span.end]
    if root.head.i == root.i and outward and root.tag_.startswith("NN"):  # a name opening a
        # line taken for the sentence's root ("Vélez" | "Rosario's doctor confirmed"): the
        # word hanging on the verb outside
        return next((t for t in reversed(outward) if t.tag_.startswith(("NN", "PRP"))), root)
    owned = []  # the nouns of the possessor's noun phrase, up to a conjunction or comma
    for t in span[root.i + 1 - span.start :]:
        if t.tag_ == "CC" or t.is_punct:
            break
        owned += [t] if t.tag_.startswith("NN") else []
    possessor = any(c.tag_ == "POS" for c in root.children)
    if possessor and owned:  # "the candidate's former doctor" misparsed: the doctor hung
        return owned[-1]  # outside the mention
    if root.tag_.startswith(("NN", "PRP", "WP", "WDT", "CD")):
        return root
    nouns = [t for t in span if t.tag_.startswith(("NN", "PRP"))]
    return nouns[-1] if nouns else root


def source_tokens(doc: Doc, start: int, end: int) -> Span | None:
    """The mention's tokens, without surrounding spaces and punctuation."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    s, e = span.start, span.end
    while s < e and (doc[s].is_space or doc[s].is_punct):
        s += 1
    while s < e - 1 and doc[s].tag_ in ("IN", "WDT") and doc[s].lower_ in CLAUSE_LINKS:
        s += 1  # "that Mayor X described as", "per the bylaws": the link is not the source
    while s < e - 1 and doc[s].tag_.startswith("VB") and doc[s].lower_ in SPEECH_VERBS:
        s += 1  # "recalled shopkeeper X": the inverted cue the mark began with
    lead = s
    while lead < e and doc[lead].ent_type_ in ("DATE", "TIME"):
        lead += 1
    if s < lead < e and doc[lead].tag_ != "POS" and not doc[lead].is_punct:
        s = lead  # "Last night Councillor X": the time the mark began with is no source
    while e > s and (doc[e - 1].is_space or doc[e - 1].is_punct or doc[e - 1].tag_ == "POS"):
        e -= 1
    date = e
    while date > s + 1 and doc[date - 1].ent_type_ in ("DATE", "TIME"):
        date -= 1
    if date < e and doc[date - 1].tag_ == "IN" and date - 1 > s:
        e = date - 1  # "who in 2010": the time the mark ran on into is no part of the source
    last = doc[e - 1] if e > s else None
    head = last.head if last is not None else None
    if last is not None and head is not None and last.tag_ in ("DT", "PRP$") and (
        e <= head.i < e + 4 and head.tag_.startswith("NN") and head.sent == last.sent
    ) and (last.tag_ == "DT" or is_role_head(head.text)):
        # cut after its determiner ("the" of "the US"): take its noun; a possessive is the
        # speaker of its words ("His promises to ..."), not of its people ("his attorney")
        e = head.i + 1
    if s < e < len(doc) and doc[e].ent_iob_ == "B" and doc[e].ent_type_ == "PERSON" and (
        doc[e - 1].tag_ == "NN" and doc[e - 1].is_lower and doc[e - 1].dep_ == "compound"
    ):
        e += 1  # a mark cut between a title and its name ("conceded rider" | "Zhang Yuting")
    while s < e < len(doc) and doc[e].ent_iob_ == "I" and doc[e].ent_type_ == "PERSON":
        e += 1  # a mark cut inside a name runs to its end ("her team-mate Chloé" | "Duval")
    return doc[s:e] if e > s else None


def name_run(span: Span) -> list[Token]:
    """Capitalised proper-noun run around the mention's root ("Shu Jueting"), to register
    as a person's name when the NER missed it; empty when the root is no such name."""
    root = head_of(span)
    if not is_name_token(root) or is_office(root):  # "An attorney for X, Mark MacDougall,",
        # "UMWA Director of Government Affairs Phil Smith": the appositive
        root = next((c for c in root.children if c.dep_ == "appos" and is_name_token(c)), root)
    quoted = root.i > 0 and span.doc[root.i - 1].is_quote or between_quotation_marks(
        span.doc, span.start, span.end)  # a nickname: “Sparrow”, “Old Kettle.”
    if not is_name_token(root) or is_office(root):
        return []
    s = e = root.i
    while s > span.start and (is_name_token(span.doc[s - 1]) and span.doc[s - 1].tag_ != "POS"
                              or joins_name(span.doc, s - 1)):  # "Mei-Ling Chua"
        s -= 1
    # whoever an outlet's possessive introduces is named ("Fox News' Megyn Kelly", which the
    # NER tags a work of art)
    owned = s > span.start and span.doc[s - 1].tag_ == "POS" and e > s  # a full name
    if root.ent_type_ not in ("", "PERSON") and not (quoted or owned):
        return []
    while e + 1 < span.end and is_name_token(span.doc[e + 1]):
        e += 1
    toks = list(span.doc[s : e + 1])
    if s > span.start and body_after_the(span.doc, s, e + 1):
        return []
    if all(t.lower_ in HONORIFICS for t in toks):
        return []  # a mark cut after "Mr." names nobody
    return [] if any(t.lower_ in ORG_NOUNS for t in toks) else toks


def speech_owner(noun: Token) -> Token | None:
    """Whose speech the noun is ("his" of "his remarks", "coach" of "The coach's tone"); None
    for any other noun or one with no owner."""
    if noun.lower_ not in SPEECH_NOUNS:
        return None
    return next((c for c in noun.children if c.dep_ == "poss"), None)


def heads_to_root(tok: Token, span: Span) -> bool:
    """The name is the mention's referent: it is the root, or hangs on it as an appositive
    or coordinated name, or follows a title noun ("spokesman Jason Miller"); a name that
    modifies ("Clinton aides", "Ren's daughter", "the daughter of Ren") is not."""
    root = head_of(span)
    while tok != root:
        if not (span.start <= tok.head.i < span.end):
            return False
        if tok.dep_ not in ("appos", "conj", "compound", "flat") or (
            tok.dep_ == "compound" and tok.i < tok.head.i and not is_name_token(tok.head)
        ):
            return False
        tok = tok.head
    return True


def titled(tok: Token, span: Span, ents: ArticleEntities) -> bool:
    """The mention is a title and a name, whatever the parse says: the name ends the span
    and only title words come before it ("head coach Tomas Reyes", "Curator X")."""
    ent = ents.entity_at(tok.i)
    name = [t for t in span if ents.entity_at(t.i) is ent]
    before = [t for t in span if t.i < name[0].i]
    after = [t for t in span if t.i > name[-1].i and not t.is_punct]
    return bool(before) and not after and all(is_title_token(t) for t in before)


def appositive(tok: Token, span: Span, ents: ArticleEntities) -> bool:
    """The mention opens with the name, perhaps after a title, and a comma sets off what
    follows ("Ban Ki-moon, the secretary general of the United Nations"), whatever the parser
    made the head."""
    comma = next((t.i for t in span if t.text == ","), None)
    if comma is None or comma == span.start:
        return False
    ent = ents.entity_at(tok.i)
    head = span.doc[span.start : comma]
    named = [t for t in head if ents.entity_at(t.i) is ent]
    # a title may stand before the name: "President Obama, dedicating the museum,"
    return bool(named) and all(
        ents.entity_at(t.i) is ent or t.is_punct or (t.i < named[0].i and is_title_token(t))
        for t in head)


def described_name(tok: Token, span: Span, ents: ArticleEntities) -> bool:
    """The mark is a description, a comma and then the person's name, with at most a title
    before it and a parenthesis after it ("An attorney for Pagliano, Mark MacDougall",
    "Scott's niece, state Del. Marcia Price (D-Newport News)"): the description is of the
    name, whatever the parser hung the name on."""
    ent = ents.entity_at(tok.i)
    name = [t for t in span if ents.entity_at(t.i) is ent]
    comma = max((t.i for t in span if t.text == "," and t.i < name[0].i), default=span.start)
    if comma == span.start or not is_role_head(head_of(span.doc[span.start : comma]).text):
        return False
    rest = span.doc[name[-1].i + 1 : span.end]
    aside = next((t.i for t in rest if t.text == "("), span.end)
    return all(is_title_token(t) for t in span.doc[comma + 1 : name[0].i]) and all(
        t.is_punct or ents.entity_at(t.i) is ent for t in span.doc[name[-1].i + 1 : aside])


def place_named(ents: ArticleEntities, span: Span, root: Token) -> Entity | None:
    """The place "The city of Phoenix" names, as its governing body speaks; None for any
    other mention."""
    if root.lower_ not in PLACE_NOUNS:
        return None
    of = next((c for c in root.rights if c.lower_ == "of" and c.i < span.end), None)
    name = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    return ents.entity_at(name.i) if name is not None and name.i < span.end else None


def named_in_apposition(ents: ArticleEntities, span: Span, root: Token) -> Entity | None:
    """An organisation named in apposition to the description that heads the mark ("Her
    publisher, Maple & Crane,", "The landlord, Harcourt Estates,")."""
    for c in root.children:
        ent = ents.entity_at(c.i) if c.dep_ == "appos" and span.start <= c.i < span.end else None
        if ent is not None and ent.type == "organization":
            return ent
    return None


def described_body(ents: ArticleEntities, span: Span) -> Entity | None:
    """The organisation or place that opens the mention when a description of it follows
    after a comma (a determiner, a possessive or an adjective: "China, Pyongyang's only
    ally", "Acme, the largest employer"), not a list of names ("China, Russia and Iran",
    "Britain, the United States and France")."""
    doc = span.doc
    ent = ents.entity_at(span.start)
    if ent is None or ent.type == "person":
        return None
    k = span.start
    while k + 1 < span.end and ents.entity_at(k + 1) is ent:
        k += 1
    if k + 2 >= span.end or doc[k + 1].text != ",":
        return None
    after = doc[k + 2]
    owned = k + 3 < span.end and doc[k + 3].tag_ == "POS"
    listed = any(t.tag_ == "CC" and nxt.ent_type_ and nxt.tag_ in ("NNP", "NNPS", "DT")
                 for t, nxt in zip(doc[k + 2 : span.end - 1], doc[k + 3 : span.end], strict=True))
    return ent if (after.tag_ in ("DT", "PRP$", "JJ") or owned) and not listed else None


def classify(ents: ArticleEntities, span: Span) -> SourceMention:
    root, first = head_of(span), span[0].lower_
    if len(span) == 1 and root.lower_ in RELATIVE_PRONOUNS:
        return SourceMention("relative", span)
    if span[0].tag_ == "WP" and span[0].head.i in range(span.start + 1, span.end):
        return SourceMention("relative", span[:1])  # "who had been": the pronoun and its verb
    if len(span) == 1 and root.lower_ in PRONOUNS:
        return SourceMention("pronoun", span)
    if listed_body(ents, span, root):
        return SourceMention("group", span)
    listed = names_set_off(ents, span, root)
    if listed is not None:  # "the couple who run it, A and B C": the people it names
        return SourceMention("group", listed)
    described = described_body(ents, span)
    if described is not None:  # "China, Pyongyang's only ally and its lifeline ..."
        return SourceMention("entity", span, described)
    people = [t for t in span if (e := ents.entity_at(t.i)) is not None and e.type == "person"]
    named = {id(ents.entity_at(t.i)) for t in people}
    partners = [t for t in span if t.dep_ == "conj" and is_name_token(t) and t.head in people
                and ents.entity_at(t.i) is not ents.entity_at(t.head.i)]
    if (root in people and partners and len(named) + len(partners) > 1) or coordinated(
        ents, span
    ) or named_pair(ents, span, root) or leading_pair(span):
        return SourceMention("group", span)  # "Dunmore and Achebe": the pair speaks together
    if any(with_others(ents, span, root, t) for t in root.children):
        return SourceMention("mixed", span)  # "the nominee and his aides", "X and other members"
    for tok in people:
        if heads_to_root(tok, span) or titled(tok, span, ents) or appositive(tok, span, ents) or (
            described_name(tok, span, ents)
        ):
            return SourceMention("entity", span, ents.entity_at(tok.i))
    org = ents.entity_at(root.i) or place_named(ents, span, root) or named_in_apposition(
        ents, span, root)
    if org is not None and org.type == "organization":
        return SourceMention("entity", span, org)
    person = ents.person_by_word(word_key(root)) if root.text[:1].isupper() else None
    if person is not None:  # a name word the tagger missed ("Trump" tagged NN in a headline)
        return SourceMention("entity", span, person)
    known = ents.orgs.get(org_key(org_name(span))) if root.text[:1].isupper() else None
    if known is not None and known.type == "organization":  # the NER missed it here ("CNS")
        return SourceMention("entity", span, known)
    if root.ent_type_ in NAMED_THINGS and is_name_token(root):
        return SourceMention("named_org", span)  # "the Dallas Morning News" tagged EVENT
    name = span[1 : root.i - span.start + 1]
    if first == "the" and root.tag_ == "NNP" and not root.ent_type_ and not is_role_head(
        root.text
    ) and all(is_name_token(t) for t in name) and body_after_the(span.doc, name.start, name.end):
        return SourceMention("named_org", span)  # untagged: "The Thornbury Echo"
    if root.lower_ in ORG_NOUNS and (any(
        is_name_token(c) and c.dep_ == "compound" for c in root.lefts
    ) or (root.text[:1].isupper() and root.i > span.start)):
        return SourceMention("named_org", span)  # "The Trump campaign", "the X Coalition"
    definite = first in DEFINITE or any(t.tag_ == "POS" for t in span)
    party_member = root.lower_ in PARTY_MEMBERS and root.tag_ in ("NN", "NNP")  # "The Republican"
    if definite and (is_role_head(root.text) or party_member):
        return SourceMention("description", span)
    if definite and root.lower_ in ORG_NOUNS:
        return SourceMention("org_noun", span)
    return SourceMention("unnamed", span)


def as_written(span: Span, att: Attribution) -> str:
    """An unnamed source as the article writes it: the whole noun phrase of its head ("all
    the experts I interviewed", "Americans worried about ...") where the mark covers only
    part of it, within its sentence and before the quote's cue and content; never ending on
    a preposition or a date ("an arbitration panel in 2001"); relative clauses belong to
    it, as PolNeAR's source spans have them. The phrase is taken whole or not at all."""
    doc, root = span.doc, head_of(span)
    quantifier = root.tag_ in ("DT", "PDT") or root.dep_ in ("amod", "nummod")
    if quantifier and root.head.i > root.i and root.head.tag_.startswith("NN"):
        root = root.head  # "all" of "all the experts", "many" of "many African-Americans"
    taken = [att.cue.start] if att.cue is not None else []
    taken += [f.start for f in att.fragments]
    limit = min([root.sent.end_char] + [c for c in taken if c >= span.end_char])
    phrase_end = max(span.end, root.right_edge.i + 1)
    aside = next((t.i for t in doc[span.end : phrase_end] if t.text in DASHES or (
        t.text == "," and t.i + 1 < len(doc) and doc[t.i + 1].tag_.startswith("VB"))), None)
    phrase_end = aside if aside is not None else phrase_end  # not "-- who cited her years"
    whole = doc[phrase_end - 1].idx + len(doc[phrase_end - 1]) <= limit
    end = phrase_end if whole else span.end  # never a phrase cut short by the quote
    while end > span.start + 1 and not closes_inner_quote(doc, span.start, end) and (
        doc[end - 1].is_punct or doc[end - 1].is_space
        or doc[end - 1].tag_ in ("IN", "TO", "CC", "DT", "WDT", "WP")
        or doc[end - 1].tag_ == "POS" and owns_next(doc[end - 1])  # not "Macy's"
        or doc[end - 1].dep_ == "neg"  # "Several Republican senators, not all,"
        or (doc[end - 1].ent_type_ == "DATE" and doc[end - 1].head.tag_ == "IN"
            and doc[end - 1].head.i > span.start)  # a mark that is only "in March" stays
    ):
        end -= 1
        if doc[end].ent_type_ == "DATE" and doc[end - 1].tag_ == "IN":
            end -= 1  # the date's preposition with it
    start = span.start
    while start > root.left_edge.i and doc[start - 1].dep_ in ("det", "predet", "amod", "neg") and (
        doc[start - 1].head.i >= span.start
    ):
        start -= 1  # "A new poll" the mark began after its article, "Not everyone"
    return doc[after_dateline(doc, start, end) : end].text.strip()


def closes_inner_quote(doc: Doc, start: int, end: int) -> bool:
    """Tokens [start, end) end on the mark that closes a quotation opened inside them
    ("those who chose “honest and trustworthy”": the mark stays)."""
    marks = [t.text for t in doc[start:end] if t.is_quote]
    return bool(marks) and doc[end - 1].is_quote and (
        marks.count("\u201c") > marks.count("\u201d") - 1 if marks[-1] == "\u201d"
        else marks.count('"') % 2 == 0 and len(marks) > 1)
