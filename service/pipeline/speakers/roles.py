"""A person's role as the article states it: titles before the name (titles.py: "Huawei
founder Ren Zhengfei", "President Xi"), appositives ("Shu Jueting, a ministry
spokeswoman,"), copular and "as" phrases ("Ren is the CEO of Huawei", "who will serve as
chairperson of ..."), and descriptions used as the mention itself ("the director-general of
the Alliance").

Each phrase is trimmed to the role itself: it stops at punctuation, relative clauses,
verbs after the head, dates and a second noun phrase ("founder of X and the youngest ...").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from service.pipeline.speakers.coreference import ArticleEntities, Entity
from service.pipeline.speakers.lexicon import (
    DASHES,
    GENDERED_NOUNS,
    LEAD_IN_NOUNS,
    NAMING_WORDS,
    PARTY_MEMBERS,
    PERSON_KINDS,
    RELATIONAL_NOUNS,
    ROLE_NOUNS,
    SPELLED_OUT,
    is_role_head,
)
from service.pipeline.speakers.names import NAME_PARTICLES
from service.pipeline.speakers.titles import NOUN_TAGS, prenominal, span_text

MODIFIER_TAGS = {"JJ", "JJR", "JJS", "CD", "HYPH", "POS", "PRP$", "NML", "AFX"}
# "hydrologist with the X Trust", "dairy farmer from the village of Krynki"
ROLE_PREPOSITIONS = {"of", "at", "for", "to", "on", "with", "from", "in"}
STOP_TEXTS = {",", ";", ":", ".", "!", "?", '"', "“", "”", "‘", "’", "—", "–", "«", "»"}
BE_WORDS = {"is", "was", "are", "were", "became", "becomes", "remains", "remained",
            "been", "be"}
AS_VERBS = ("serv", "act", "work", "nam", "appoint", "elect", "install", "hir", "join", "return")
TRAILING_TAGS = {"IN", "CC", "DT", "HYPH", "POS", "PRP$", "VBG", "VBN", "TO"}
MAX_ROLE_TOKENS = 16
PREMODIFIED = NOUN_TAGS | {"JJ", "HYPH"}
FINITE = {"VBD", "VBZ", "VBP", "MD"}
ADVERBS = {"RB", "RBR", "RBS"}
ADJECTIVES = {"JJ", "JJR", "JJS"}
LEADING_ADVERBS = {"now", "also", "currently", "still", "formerly", "once", "then"}


SPEAKERS_POSSESSIVES = {"my", "our", "your"}
# words of a noun phrase before its head noun ("the company's new chief executive")
DESCRIPTION_TAGS = {"DT", "PRP$", "NNP", "NNPS", "NN", "POS", "JJ", "HYPH", "CD"}


def role_span(doc: Doc, i: int, limit: int | None = None) -> tuple[int, int] | None:
    """The noun phrase starting at token i, trimmed to a role; None when there is none."""
    end_limit = min(len(doc), limit or len(doc), i + MAX_ROLE_TOKENS + 4)
    while i < end_limit and (doc[i].tag_ == "DT" or doc[i].lower_ in LEADING_ADVERBS or (
        doc[i].tag_ == "PRP$" and doc[i].lower_ not in SPEAKERS_POSSESSIVES  # "His wife"
    )):
        i += 1
    if i >= end_limit:
        return None  # nothing left to be a role: "... said X —" ending the text
    if doc[i].lower_ in SPEAKERS_POSSESSIVES:
        return None  # "our potential senator, X!": someone's words, not the article's
    k, after_prep, head_seen = i, False, False
    if one_of(doc, i):  # "one of the most famous interviewers": one of a class of people
        k, after_prep = i + 2, True
    while k < end_limit:
        t = doc[k]
        nxt = doc[k + 1] if k + 1 < len(doc) else None
        # "farmers’ union" goes on, whatever the tagger took its mark for
        owned = k > i and t.text in ("\u2019", "'") and doc[k - 1].lower_.endswith("s") and (
            not doc[k - 1].whitespace_ and nxt is not None and is_noun(nxt))
        stop = t.text in STOP_TEXTS and t.tag_ != "POS" and not owned
        if t.is_space or stop or (t.ent_type_ in ("DATE", "TIME") and not premodifier(t)):
            break
        if t.text == "(":
            inner = range(k + 1, min(k + 5, end_limit))
            close = next((j for j in inner if doc[j].text == ")"), None)
            if close is None:
                break
            k = close + 1
            continue
        if is_noun(t):
            head_seen = True
        elif t.tag_ in MODIFIER_TAGS or owned:
            pass
        elif t.tag_ in ADVERBS and nxt is not None and nxt.tag_ in ADJECTIVES:
            pass  # "most famous", "very senior"
        elif t.tag_ in ("VBN", "VBG") and nxt is not None and nxt.tag_ in PREMODIFIED:
            pass  # pre-modifier: "rotating chairperson", "US-sanctioned giant"
        elif t.tag_ == "CC" and t.lower_ in ("and", "&"):
            if nxt is None or nxt.tag_ in ("DT", "PRP$"):
                break  # "founder of X and the youngest entrepreneur ...": a second phrase
        elif doc[k - 1].tag_ == "HYPH" and nxt is not None and nxt.tag_ == "HYPH":
            pass  # inside one hyphenated word: "playwright-in-residence", "editor-in-chief"
        elif t.tag_ == "IN" and t.lower_ in ROLE_PREPOSITIONS and head_seen and (
            t.lower_ != "in" or nxt is not None and (
                nxt.tag_ in ("NNP", "NNPS") or nxt.ent_type_ in ("NORP", "GPE", "ORG", "LOC")
                or nxt.lower_ in ("the", "chief"))
        ):  # "in" only before a place or body ("lobbyist in North Carolina", "soprano in the
            after_prep = True  # choir", "editor in chief"; not "builder in his forties")
        elif t.lower_ in NAME_PARTICLES and doc[k - 1].tag_ == "NNP" and nxt is not None and (
            nxt.tag_ == "NNP"
        ):
            pass  # inside a place's or body's name: "mayor of Vila Nova de Cerveira"
        elif t.tag_ == "DT" and after_prep and doc[k - 1].tag_ == "IN":
            pass
        else:
            break
        k += 1
    while k > i and (doc[k - 1].tag_ in TRAILING_TAGS or doc[k - 1].is_punct):
        k -= 1
    if k <= i or not any(is_noun(doc[j]) for j in range(i, k)):
        return None
    return i, min(k, i + MAX_ROLE_TOKENS)


def is_noun(t: Token) -> bool:
    """A noun, or a listed job word in lower case the tagger took for another word ("X,
    warden of the lighthouse trust" with "warden" tagged a verb)."""
    return t.tag_ in NOUN_TAGS or (t.is_lower and t.text in ROLE_NOUNS)


def premodifier(t: Token) -> bool:
    """A time word that modifies a later noun of the phrase ("a two-decade veteran"), not a
    time phrase of its own ("Last night Councillor X", "said Sunday")."""
    while t.head.i > t.i and t.head.ent_type_ in ("DATE", "TIME"):
        t = t.head  # up to the time phrase's own head word: "decade" of "two-decade"
    return t.head.i > t.i and t.head.tag_ in NOUN_TAGS and t.head.ent_type_ not in ("DATE", "TIME")


def one_of(doc: Doc, i: int) -> bool:
    """The phrase at token i opens with "one of"."""
    return doc[i].lower_ == "one" and i + 1 < len(doc) and doc[i + 1].lower_ == "of"


def is_titled(doc: Doc, start: int, end: int) -> bool:
    """Headed by an office or job noun (the last noun before any preposition), with no
    other person's name there: a role, not a description ("the face of ...") or a clause
    ("demanding President Obama ...")."""
    head = None
    for t in doc[start + 2 * one_of(doc, start) : end]:
        if t.tag_ == "IN":
            break
        if t.ent_type_ == "PERSON" and t.tag_ != "POS" and not owner(doc, t.i, end):
            return False
        if is_noun(t):
            head = t
    if head is None:
        return False
    # a party's member is a role only as a position ("top Democrat on the committee"), never
    # as the party and state label ("Democrat of California")
    party = head.lower_ in PARTY_MEMBERS and end > head.i + 1 and doc[head.i + 1].lower_ == "on"
    return party or is_role_head(head.text.rstrip("."))


def described_as_one(doc: Doc, name_end: int, start: int, end: int) -> bool:
    """The phrase [start, end) is an indefinite appositive right after the name ending at
    `name_end` and its comma ("X, a longtime Republican donor in Pennsylvania,"):
    news says what someone is that way whatever the noun; a definite one ("X, the face of
    ...") may only describe."""
    k = name_end + 2 * (name_end + 2 < len(doc) and doc[name_end + 1].like_num)  # ", 58,"
    head = next((t for t in reversed(doc[start:end]) if t.tag_ == "NN" and t.is_lower
                 and not any(p.tag_ == "IN" for p in doc[start : t.i])), None)
    if head is None or k + 1 >= len(doc) or doc[k].text != ",":
        return False
    # or with no article, a noun that is someone's place somewhere ("X, 58, landlady of the
    # Drover's Arms,")
    bare = start == k + 1 and head.i + 1 < end and doc[head.i + 1].lower_ in ("of", "at")
    return doc[k + 1].lower_ in ("a", "an") and start == k + 2 or bare


def owner(doc: Doc, i: int, end: int) -> bool:
    """Whether the name at token i owns what follows ("Obama's former campaign strategist"):
    a possessive ends its run before `end`."""
    while i < end and doc[i].ent_type_ == "PERSON" and doc[i].tag_ != "POS":
        i += 1
    return i < end and doc[i].tag_ == "POS"


def role_text(doc: Doc, start: int, end: int) -> str:
    """The role phrase without a description of the organisation before its name: "CEO of
    smartphone maker Xiaomi" -> "CEO of Xiaomi" (the role, not what Xiaomi makes)."""
    prep = next((k for k in range(start, end) if doc[k].tag_ == "IN"), None)
    name = end
    while name > start and doc[name - 1].tag_ in ("NNP", "NNPS") and doc[name - 1].is_title:
        name -= 1
    if prep is None or name == end or name - 1 <= prep + 1:
        return span_text(doc, start, end)
    if doc[name - 1].tag_ not in ("NN", "NNS") or not doc[name - 1].is_lower:
        return span_text(doc, start, end)
    return f"{span_text(doc, start, prep + 1)} {span_text(doc, name, end)}"


MAX_TITLE_TOKENS = 4  # title words between an appositive's comma and the name
TITLE_TAGS = ("NN", "NNP", "JJ", "HYPH")


def copular_subject(doc: Doc, end: int) -> str | None:
    """The job the sentence's subject names, with its owner, when the name ending at token
    `end` is what it "is" ("Its chief executive is X", "The club's treasurer was X")."""
    head = doc[end - 1]
    if head.dep_ != "attr" or head.head.lower_ not in BE_WORDS:
        return None
    subject = next((c for c in head.head.children if c.dep_ == "nsubj" and c.i < head.i), None)
    if subject is None or not is_role_head(subject.text) or subject.ent_type_:
        return None
    owned = any(t.lower_ in ("its", "their") or t.tag_ == "POS" and t.head.ent_type_ in (
        "ORG", "GPE", "NORP") or t.tag_ == "POS" and t.i > 0 and doc[t.i - 1].ent_type_ in (
        "ORG", "GPE", "NORP") for t in subject.subtree)
    if not owned:  # a body's job: not "If the candidate is X", "His favourite player is X"
        return None
    span = role_span(doc, subject.left_edge.i, subject.i + 1)
    return role_text(doc, *span) if span is not None else None


def described_before(doc: Doc, start: int, end: int) -> str | None:
    """A description the name (tokens start..end) stands in apposition to ("The spokesman,
    Marco Ferri,", "Mayor X's spokesman, Tom Reed,"): the description is the role. The
    parse's appositive, or else the text's: a job noun, a comma, the name, a comma; a phrase
    set off by commas that ends before the name is taken whole (phrase_before)."""
    head = doc[end - 1]
    desc = head.head
    parsed = head.dep_ == "appos" and desc.i < head.i
    while parsed and desc.dep_ == "pobj" and desc.head.dep_ == "prep" and desc.head.head.i < desc.i:
        desc = desc.head.head  # "the mayor of Vila Nova de Cerveira, X,": set off from "mayor"
    # past a title between the comma and the name ("The engineer, track maintenance chief X,")
    k = start
    while k > max(1, start - MAX_TITLE_TOKENS) and doc[k - 1].tag_ in TITLE_TAGS and (
        doc[k - 1].ent_type_ != "PERSON"
    ):
        k -= 1
    if k < start and doc[k - 1].text == "," and end < len(doc) and doc[end].text == ",":
        start, parsed = k, False  # the description is the noun before that comma
    # set off by commas, or by a comma and a lead-in's colon ("From the club's treasurer, X:")
    set_off = end < len(doc) and doc[end].text in (",", ":") and start > 1 and (
        doc[start - 1].text == ",")
    span = phrase_before(doc, start - 1) if set_off else None  # "An attorney for Pagliano, X,"
    if span is None:
        if not parsed:
            desc = doc[start - 2] if set_off else head
            if not set_off or desc.tag_ != "NN":
                return None
        # "His directeur sportif, Claire Fontaine,": a possessed description set off around
        # the name is a role though the lexicon lacks its noun
        possessed = parsed and set_off and desc.tag_.startswith("NN") and desc.is_lower and any(
            t.tag_ in ("PRP$", "POS") for t in doc[desc.left_edge.i : desc.i])
        if not is_role_head(desc.text) and not possessed:
            return None
        first = desc.i  # the noun phrase before the head, as written ("Apple's chief executive")
        while first > 0 and doc[first - 1].tag_ in DESCRIPTION_TAGS and (
            doc[first - 1].ent_type_ not in ("DATE", "TIME")  # not "Late on Sunday"
        ):
            first -= 1
        # on to the comma before the name: "the club's head of medical services, X"
        limit = start - 1 if parsed and doc[start - 1].text == "," else desc.i + 1
        span = role_span(doc, first, max(limit, desc.i + 1))
        if span is None:
            return None
    # another person may own the role ("Mayor X's spokesman, Y,", "attorney for X, Y,"),
    # never be it
    owners = [t for t in doc[span[0] : span[1]] if t.ent_type_ == "PERSON" and t.tag_ != "POS"
              and "pobj" not in (t.dep_, t.head.dep_)]
    if any(t.i + 1 < len(doc) and doc[t.i + 1].tag_ != "POS" and doc[t.i + 1].ent_type_ != "PERSON"
           for t in owners):
        return None
    return role_text(doc, *span)


def nicknamed(doc: Doc, start: int) -> str | None:
    """The job of the description a quoted nickname at token `start` names ("a fisherman who
    goes by the name “Old Kettle”" -> "fisherman"): the nearest noun above the nickname in
    the parse (past "the name"), else, where "as" hangs on the verb, the nearest noun before
    it outside a prepositional phrase ("said a fisherman known along the harbour only as
    ‘Kingfisher’"), up to its head word, when that is a job ("a man everyone calls ‘Tinker’"
    has none)."""
    if start < 2 or not doc[start - 1].is_quote or doc[start - 2].lower_ not in NAMING_WORDS:
        return None
    nouns = ("NN", "NNS")
    ancestors = list(doc[start].ancestors)
    named = next((t for t in ancestors if t.tag_ in nouns and t.lower_ not in NAMING_WORDS),
                 None)
    before = reversed(doc[doc[start].sent.start : start - 1])
    noun = named or next((t for t in before if t.is_quote or t.tag_ in nouns and t.dep_ != "pobj"
                          and t.lower_ not in NAMING_WORDS), None)
    # the noun the naming clause hangs on is the person named, whatever the word ("a retired
    # welterweight whom everyone calls “Slim”"; not "a 17-year-old from the X estate who
    # goes by ...", hung on the estate); a noun merely before it must be a job
    clause = named is not None and named.dep_ != "pobj" and any(
        c.dep_ == "relcl" and c in ancestors for c in named.children)
    if noun is None or not (noun is named and clause or is_role_head(noun.text)) or (
        noun.lower_ in PERSON_KINDS or relational(noun.text)
    ):
        return None
    if not (noun is named and clause):
        return description_role(doc, noun.left_edge.i, noun.i + 1)
    span = role_span(doc, noun.left_edge.i, noun.i + 1)
    return role_text(doc, *span) if span else None


def phrase_before(doc: Doc, comma: int) -> tuple[int, int] | None:
    """The role phrase that fills the clause up to the comma at token `comma` ("An attorney
    for Pagliano", "one of the family's attorneys"): the earliest start after the clause's
    previous comma whose role span, holding a job noun, ends there."""
    first = doc[comma].sent.start
    for k in range(comma - 1, first - 1, -1):
        if doc[k].text == ",":
            first = k + 1
            break
    for k in range(first, comma - 2):
        span = role_span(doc, k, comma)
        if span is not None and span[1] == comma and any(
            is_role_head(t.text) and t.tag_ in ("NN", "NNS") for t in doc[span[0] : comma]
        ) and not any(t.lower_ == "from" and t.head.lower_ in LEAD_IN_NOUNS  # "Comment from"
                      for t in doc[span[0] : comma]):
            return span
    return None


def following(doc: Doc, end: int) -> tuple[int, int] | None:
    """Appositive or copular/"as" role phrase after a name ending at token `end`."""
    k = end
    while k < len(doc) and doc[k].is_space:
        k += 1
    if k < len(doc) and doc[k].text == "(":  # "Rep. Trey Gowdy (R-S.C.), chairman of ..."
        close = next((j for j in range(k + 1, min(k + 10, len(doc))) if doc[j].text == ")"), k)
        k = close + 1 if close > k else k
    if k < len(doc) and doc[k].text in DASHES:  # "Mehmet Oz — surgeon and TV star — has"
        span = role_span(doc, k + 1)
        if span is not None and span[1] < len(doc) and doc[span[1]].text in DASHES:
            return span
    if k + 2 < len(doc) and doc[k].text == "," and doc[k + 1].like_num and doc[k + 2].text == ",":
        k += 2  # an age between the name and the appositive: "Priya Raman, 34, a driver"
    if k < len(doc) and doc[k].text == ",":
        k += 1
        # a time the role held until or since ("X, until March a shift supervisor at ...")
        if k + 1 < len(doc) and doc[k].lower_ in ("until", "till", "since") and (
            doc[k + 1].ent_type_ == "DATE"
        ):
            k += 1
            while k < len(doc) and doc[k].ent_type_ == "DATE":
                k += 1
        if k < len(doc) and doc[k].lower_ not in ("who", "whom"):
            span = role_span(doc, k)
            # "Scott, his aides said": a clause, not an appositive
            clause = span is not None and span[1] < len(doc) and doc[span[1]].tag_ in FINITE
            return None if clause else span
        k += 1
    sent_end = doc[min(k, len(doc) - 1)].sent.end
    for j in range(k, min(k + 7, sent_end)):
        t = doc[j]
        if t.text in STOP_TEXTS:
            return None
        copular = t.lower_ in BE_WORDS and (j == k or doc[j - 1].lower_ in ("has", "have", "had"))
        # "X was named as", or "Northline has named X as its new chief executive"
        appointed = j == k and doc[end - 1].dep_ == "dobj" and (
            doc[end - 1].head.lower_.startswith(AS_VERBS))
        if copular or (t.lower_ == "as" and (
            j > k and doc[j - 1].lower_.startswith(AS_VERBS) or appointed
        )):
            nxt = j + 1
            while nxt < sent_end and doc[nxt].lower_ in (
                "also",
                "now",
                "currently",
                "named",
                "appointed",
                "elected",
            ):
                nxt += 1
            span = role_span(doc, nxt, sent_end)
            if span:
                return span
    return None


def assign_roles(ents: ArticleEntities) -> None:
    """Set each person's role: the earliest titled phrase, upgraded when a later one says
    more ("President" -> "Chinese President"), else an indefinite appositive ("a longtime
    donor"); null when the article states none."""
    doc = ents.doc
    found: dict[int, list[str]] = {}
    described: dict[int, list[str]] = {}  # indefinite appositives: only where nothing else is
    for m in ents.mentions:
        if m.entity.type != "person":
            continue
        here = []
        # both: "The officer, Inspector X" states "Inspector" and "officer"
        # (in the headline block the words before a name are no title: "X pillories
        # Sanders' record")
        in_headline = doc[m.start].idx < ents.headline_end
        titled = None if in_headline else prenominal(doc, ents, m.start, m.entity)
        here += [r for r in (titled, described_before(doc, m.start, m.end),
                             copular_subject(doc, m.end), nicknamed(doc, m.start)) if r]
        after = following(doc, m.end)
        if after:
            s, e = after
            vote_gender(m.entity, doc[s:e])  # "daughter of ..." tells gender, not a role
            if is_titled(doc, s, e):
                here.append(role_text(doc, s, e))
            elif described_as_one(doc, m.end, s, e) and not (
                set(words(role_text(doc, s, e))) & m.entity.words
            ):
                described.setdefault(id(m.entity), []).append(role_text(doc, s, e))
        # a name is never part of the role ("Bin" of "Bin Laden" is no title)
        here = [r for r in here if not set(words(r)) <= m.entity.words]
        found.setdefault(id(m.entity), []).extend(here)
    for ent in ents.people:
        stated = found.get(id(ent)) or described.get(id(ent), [])
        ent.role = choose_role(stated)
        # a description matches any role the article states ("The officer, Inspector X")
        ent.role_words = {w for role in stated for w in own_words(role)}


def choose_role(cands: list[str]) -> str | None:
    """The article's role for a person: an occupation before a relation ("host", not "Y's
    colleague"), then the phrase that says most (most words; the earliest of equals), so
    "head of the Congressional Black Caucus" beats "Rep."; where someone is from says
    nothing of the job ("diplomat from South Korea" is one word against "Secretary
    General")."""
    return max(cands, key=lambda text: (not relational(text), len(words(text.split(" from ")[0]))),
               default=None)


def says_more(stated: str | None, described: str | None) -> bool:
    """Whether a description's role replaces the person's stated one: none is stated, the
    description is an occupation and the stated role a relation ("rival X"), or it holds all
    the stated words, abbreviations spelled out, and says more ("Gov." -> "Indiana
    governor", "engineer" -> "senior engineer at Tasman Rail") or spells them out ("Gov." ->
    "governor")."""
    if described is None:
        return False
    if stated is None or relational(stated) and not relational(described):
        return True
    old, new = set(words(stated)), set(words(described))
    return {SPELLED_OUT.get(w, w) for w in old} <= new and old != new


def relational(role: str) -> bool:
    """Headed by a relation to another person ("Y's son", "team-mate")."""
    before = re.split(rf" (?:{'|'.join(sorted(ROLE_PREPOSITIONS))}) ", role)[0]  # "... in the race"
    head = (before.split() or [""])[-1].strip(".,").lower()
    return head in RELATIONAL_NOUNS or head.rstrip("s") in RELATIONAL_NOUNS


def words(text: str) -> list[str]:
    return [w for w in "".join(c.lower() if c.isalnum() else " " for c in text).split()]


def own_words(role: str) -> list[str]:
    """The role's words that describe its holder: those after a possessive ("Republican
    presidential nominee's eldest daughter" is no nominee)."""
    return words(re.split(r"['\u2019]s\b", role)[-1])


def set_role_words(ent: Entity) -> None:
    ent.role_words = set(own_words(ent.role)) if ent.role else set()


def vote_gender(ent: Entity, tokens) -> None:
    for t in tokens:
        if t.lower_ in GENDERED_NOUNS:
            ent.gender_votes[GENDERED_NOUNS[t.lower_]] += 3


def description_role(doc: Doc, start: int, end: int) -> str | None:
    """The role stated by a description used as the mention ("the executive")."""
    span = role_span(doc, start, end)
    return role_text(doc, *span) if span and is_titled(doc, *span) else None
