"""Titles written before a name ("Energy Minister X", "head coach X", "Speaker of the House
X", "Huawei founder and CEO X"): which words make a title, and the role they state."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from service.pipeline.speakers.coreference import ArticleEntities, Entity
from service.pipeline.speakers.lexicon import (
    HONORIFICS,
    OFFICE_BODIES,
    RELATIONAL_NOUNS,
    ROLE_NOUNS,
    SUBJECT_DEPS,
    TITLE_ABBREVIATIONS,
    is_role_head,
)
from service.pipeline.speakers.names import TITLE_MODIFIERS

NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}


def span_text(doc: Doc, start: int, end: int) -> str:
    """The tokens' text with its runs of whitespace (no-break spaces, line breaks) as one
    space."""
    return " ".join(doc[start:end].text.split())


def prenominal(doc: Doc, ents: ArticleEntities, start: int, ent: Entity) -> str | None:
    """Title words right before the name: "Huawei founder and CEO" -> "founder and CEO of
    Huawei"; formal titles stay as written ("Chinese President")."""
    k = start - 1
    # "Mrs.", "Lady" are no title; a lower-case "lady" is a noun ("first lady Laura Bush")
    while k >= 0 and (doc[k].lower_ in HONORIFICS and not doc[k].is_lower or doc[k].is_space):
        k -= 1
    right, sent_start = k + 1, doc[start].sent.start
    formal = formal_title(doc, right, sent_start)
    if formal is not None:
        return span_text(doc, formal, right)
    while k >= sent_start:
        t = doc[k]
        other = ents.entity_at(k)
        if other is not None and other is not ent and other.type == "person":
            break
        if not (is_title_token(t) or t.is_space) or time_phrase(t):
            break  # (web copy puts no-break spaces between titles; "Last night" is no title)
        if k > 0 and doc[k - 1].is_quote and t.is_lower and t.lower_.endswith("ed"):
            break  # the inverted cue the tagger took for an adjective: ”, fretted director X
        k -= 1
    toks = [t for t in doc[k + 1 : right] if not t.is_space]
    # titles coordinate with titles ("founder and CEO"), not with other nouns ("the media
    # and rival X")
    joined = [n for n, t in enumerate(toks) if t.tag_ == "CC" and n > 0]
    if joined and not is_role_head(toks[joined[-1] - 1].text.rstrip(".")):
        toks = toks[joined[-1] + 1 :]
    while toks and (toks[0].tag_ in ("CC", "HYPH", "POS") or toks[0].is_punct):
        toks.pop(0)
    if not toks or not title_head(toks[-1], True) or modified_by(doc, ents, start, toks[-1]):
        return None
    h = next(n for n, t in enumerate(toks) if title_head(t, n == len(toks) - 1))
    prefix, title = toks[:h], toks[h:]
    # (a dash the tokenizer glued to the title: "--Board Chairman")
    text = span_text(doc, toks[0].i, toks[-1].i + 1).lstrip("-\u2013\u2014")
    org_prefix = prefix and all(t.tag_ in NAME_OR_POS and t.ent_type_ not in ("GPE", "NORP")
                                and (t.tag_ == "POS" or not t.is_lower) for t in prefix)
    if org_prefix and not any(t.text.istitle() for t in title):
        owner = span_text(doc, prefix[0].i, prefix[-1].i + 1 - (prefix[-1].tag_ == "POS"))
        org = ents.entity_at(prefix[0].i)
        if org is not None and org.type == "organization":
            owner = org.name  # the whole name: "Bank of America CEO X" is CEO of the bank
        return f"{span_text(doc, title[0].i, title[-1].i + 1)} of {owner}"
    return text


NAME_OR_POS = {"NNP", "NNPS", "POS"}


def formal_title(doc: Doc, right: int, sent_start: int) -> int | None:
    """Where a formal title of an office and the body it heads starts, when one ends at
    token `right` ("Speaker of the House X", "Former secretary of State X"): an office noun
    with the modifiers before it, "of" and a capitalised name; None otherwise ("Bank of
    America CEO X" is no office of a bank)."""
    k = right - 1
    while k > sent_start and doc[k].tag_ in ("NNP", "NNPS") and doc[k].text[:1].isupper():
        k -= 1
    if k == right - 1:
        return None
    k -= doc[k].lower_ == "the"
    if k <= sent_start or doc[k].lower_ != "of":
        return None
    office = k - 1
    word = doc[office]  # "Secretary", or a listed "secretary" of a government body (not "a
    # critic of Senator X", "the wife of Senator X")
    listed = word.lower_ in ROLE_NOUNS and word.lower_ not in RELATIONAL_NOUNS and (
        doc[k + 1 + (doc[k + 1].lower_ == "the")].lower_ in OFFICE_BODIES)
    if not (word.text[:1].isupper() and is_role_head(word.text) or listed):
        return None
    while office > sent_start and doc[office - 1].lower_ in TITLE_MODIFIERS - {"the"}:
        office -= 1  # "Former secretary of State X"
    return office


def modified_by(doc: Doc, ents: ArticleEntities, start: int, noun: Token) -> bool:
    """The name is the subject of a clause on the noun before it, so the noun is no title:
    "The proposal Smith unveiled" (Smith unveiled the proposal)."""
    ent, k = ents.entity_at(start), start
    while k < len(doc) and ents.entity_at(k) is ent:
        tok = doc[k]
        if tok.dep_ in SUBJECT_DEPS and tok.head.dep_ == "relcl" and tok.head.head.i == noun.i:
            return True
        k += 1
    return False


def title_head(t: Token, last: bool) -> bool:
    """An office or job noun, or any common noun written right before the name ("shop
    steward X", "driver X"): a noun there is the person's title."""
    if time_phrase(t):
        return False
    if is_role_head(t.text.rstrip(".")):
        return True  # an office even where the parser took it for an object ("From board
        # member X:")
    if t.dep_ == "pobj":
        return False  # "In the spring X decided": a time or a place, never a title
    # a lower-case noun (the parser's compound modifier of the name, whatever the tagger took
    # it for: "steward" is tagged as a foreign word), or a job word capitalised as a title
    # ("Drummer X" opening a sentence)
    return last and (t.tag_ in ("NN", "NNP") or nominal_modifier(t) or verb_before_name(t)) and (
        t.is_lower or (
            t.is_title and is_role_head(t.lower_) and t.lower_ not in TITLE_MODIFIERS))


CAUSATIVES = {"let", "lets", "made", "makes", "helped", "helps", "had", "has", "saw", "heard"}


def verb_before_name(t: Token) -> bool:
    """A lower-case word the tagger took for a bare verb between a finite verb and a
    person's name: a job no list holds ("said coxswain X", where no second verb can stand;
    not "to meet X", "did thank X", "let X speak", nor a participle: "confirmed injured X")."""
    if not (t.is_lower and t.tag_ in ("VB", "VBP") and 0 < t.i < len(t.doc) - 1):
        return False
    before, after = t.doc[t.i - 1], t.nbor()
    return before.tag_ in ("VBD", "VBZ") and before.dep_ not in ("aux", "auxpass") and (
        before.lower_ not in CAUSATIVES and after.is_title and after.ent_type_ == "PERSON")


def time_phrase(t: Token) -> bool:
    """A word of a time phrase: tagged a date or time, or a noun phrase the parser made an
    adverbial, which is nearly always a time ("Last autumn X opened", which the NER did not
    tag)."""
    return t.ent_type_ in ("DATE", "TIME") or t.dep_ == "npadvmod"


def nominal_modifier(t: Token) -> bool:
    return t.dep_ == "compound" and t.is_alpha


def is_title_token(t: Token) -> bool:
    """Words that can make up a title written before a name ("Lt. Gen.", "founder and CEO")."""
    if t.tag_ in NOUN_TAGS or t.tag_ in ("JJ", "HYPH", "POS") or nominal_modifier(t):
        return True
    if t.is_lower and t.lower_ in ROLE_NOUNS and t.i + 1 < len(t.doc) and t.nbor().is_title and (
        t.i == 0 or t.doc[t.i - 1].tag_ not in ("MD", "TO")
    ):  # a listed job right before a name, whatever the tagger took it for ("union steward"
        return True  # tagged WP, "forward" RP), but not a verb after "will" or "to" ("vet X")
    if verb_before_name(t):
        return True
    if t.lower_ in TITLE_ABBREVIATIONS or t.tag_ == "CC" and t.lower_ in ("and", "&"):
        return True
    return t.text == "." and t.i > 0 and t.doc[t.i - 1].lower_ + "." in TITLE_ABBREVIATIONS
