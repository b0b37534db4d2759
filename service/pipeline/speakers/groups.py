"""People named together in a source mention ("Dunmore and Achebe", "the couple who run it,
A and B C", "three economists -- A, B and C --"): whether a mark names a group, and which
names it holds."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from service.pipeline.speakers.coreference import ArticleEntities
from service.pipeline.speakers.lexicon import (
    is_role_head,
)
from service.pipeline.speakers.names import (
    NAME_PARTICLES,
    is_name_token,
    is_office,
    joins_name,
)
from service.pipeline.speakers.titles import is_title_token


def coordinated(ents: ArticleEntities, span: Span) -> bool:
    """Two or more people joined by "and", each written as a name with at most a title
    before it ("Obama and Clinton's", "President Obama and Hillary Clinton"), however the
    parser attached them ("Obama and [Clinton's gut reaction]")."""
    parts: list[list[Token]] = [[]]
    for t in span:
        if t.lower_ in ("and", "&") or t.text == ",":
            parts.append([])
        elif not (t.is_punct or t.tag_ == "POS"):
            parts[-1].append(t)
    people = []
    for part in parts:
        named = [k for k, t in enumerate(part) if ents.entity_at(t.i) is not None]
        ent = ents.entity_at(part[named[0]].i) if named else None
        if ent is None or ent.type != "person" or named != list(range(named[0], len(part))):
            return False  # a part that is no name, or a word after the name ("Obama aides")
        if any(ents.entity_at(t.i) is not ent for t in part[named[0]:]) or not all(
            is_title_token(t) for t in part[: named[0]]
        ):
            return False
        people.append(ent)
    return len(set(map(id, people))) > 1


PAIR_ENDS = {",", "in", "who", "whose", "after", "at", "on", "from", "outside"}
PAIR_NOUNS = {"couple", "pair", "duo", "trio"}  # one noun for several people
EXAMPLES = {"like", "such", "including", "among"}  # names given as examples of the group
SET_OFF = {",", "--", "\u2014", "\u2013", ":"}  # what sets a description's names off
MAX_LEAD = 4  # title words before the first name: "co-founders", "twin sisters"


def leading_pair(span: Span) -> list[list[Token]]:
    """The names the mark opens with when two or more are joined by "and" ("co-founders X Y
    and Z W in a post on ...", "X and Y, the couple who ...", "Ms. X and Mr. Y"): each name's
    words, titles before it left out; empty unless the last name ends the mark or a comma,
    relative pronoun or preposition follows it ("Kettle & Loom" is a firm's name)."""
    doc, k, end = span.doc, span.start, span.end
    while k < min(end, span.start + MAX_LEAD) and not is_name_token(doc[k]) and (
        doc[k].tag_ in ("NN", "NNS", "JJ", "HYPH") and doc[k].is_lower
    ):
        k += 1  # the plural title before the pair (not "lawyers for both X and Y")
    names: list[list[Token]] = []
    joined_by_and = False
    while k < end:
        while k < end and not is_name_token(doc[k]) and is_title_token(doc[k]) and (
            doc[k].lower_ not in ("and", "&")
        ):
            k += 1  # "Ms." before a name
        run: list[Token] = []
        while k < end and (is_name_token(doc[k]) or joins_name(doc, k) or (
            doc[k].lower_ in NAME_PARTICLES and k + 1 < end and is_name_token(doc[k + 1])
        ) or run and joins_name(doc, k - 1) and doc[k].is_alpha):  # "Ji-hoon" whatever its case
            run.append(doc[k])
            k += 1
        if not run or run[-1].tag_ == "NNPS":
            return []  # ("Republicans and Democrats" are groups)
        names.append(run)
        sep = doc[k].lower_ if k < end else ""
        if sep == "and" and not joined_by_and:
            joined_by_and, k = True, k + 1
        elif sep == "," and not joined_by_and and k + 1 < end and is_name_token(doc[k + 1]):
            k += 1
        else:
            break
    closed = k >= end or doc[k].lower_ in PAIR_ENDS
    return names if len(names) > 1 and joined_by_and and closed else []


def named_pair(ents: ArticleEntities, span: Span, root: Token) -> bool:
    """Names joined by "and" at the head of the mark, one of them a person's, though the NER
    typed the other a body or a place and a description follows ("Whitlock and Ferraro, two
    of the workers who staged the sit-in")."""
    pair = listed_names(span, root)
    found = [ents.entity_at(t.i) for t in pair]
    kinds = [e.type if e is not None else None for e in found]
    return len(pair) > 1 and "person" in kinds and len(set(map(id, found))) == len(pair)


def listed_body(ents: ArticleEntities, span: Span, root: Token) -> bool:
    """Three or more one-word names in a list that the NER typed as one body ("Lindahl,
    Nakashima and Dlamini, the three founders"): people, not a firm (a firm writes "&")."""
    names = sorted(listed_names(span, root), key=lambda t: t.i)
    found = [ents.entity_at(t.i) for t in names]
    return len(names) >= 3 and found[0] is not None and all(e is found[0] for e in found) and (
        not any(t.text == "&" for t in span.doc[names[0].i : names[-1].i]))


def names_set_off(ents: ArticleEntities, span: Span, root: Token) -> Span | None:
    """The people a plural or pair description names after a comma or dash ("the couple who
    run it, A and B C", "three economists -- A at X, B and C --"): the span from the first
    name on, when two or more people are named there and joined by "and"; else None."""
    if root.tag_ != "NNS" and root.lower_ not in PAIR_NOUNS:
        return None
    doc = span.doc
    sep = next((t.i for t in doc[root.i + 1 : span.end] if t.text in SET_OFF), None)
    if sep is None or any(t.lower_ in EXAMPLES for t in doc[sep + 1 : sep + 3]):
        return None  # "Critics of the program, like Senators A and B": the critics speak
    after = doc[sep + 1 : span.end]
    people = [t for t in after if (e := ents.entity_at(t.i)) is not None and e.type == "person"]
    # a given name coordinated with a full one ("Lucia and Tommaso X"), however the NER typed
    # it, counts too
    partners = [t for t in after if t not in people and is_name_token(t) and (
                    (e := ents.entity_at(t.i)) is None or e.type != "person" and " " not in e.name
                ) and any(c in people for c in t.conjuncts)]
    people = sorted(people + partners, key=lambda t: t.i)
    named = {id(ents.entity_at(t.i)) if t not in partners else t.i for t in people}
    if len(named) < 2 or not joined(doc, people[0].i, people[-1].i):
        return None
    if not all(is_title_token(t) for t in doc[sep + 1 : people[0].i]):
        return None  # names inside a clause ("the residents, who asked A and B for help")
    end, last = people[-1].i + 1, ents.entity_at(people[-1].i)
    while last is not None and end < span.end and ents.entity_at(end) is last:
        end += 1
    return doc[people[0].i : end]


def listed_names(span: Span, root: Token) -> list[Token]:
    """The mark's head and the names coordinated with it inside the mark."""
    if not is_name_token(root) or is_office(root):
        return []
    listed = [c for c in root.conjuncts if is_name_token(c) and span.start <= c.i < span.end]
    if listed and not joined(span.doc, root.i, max(c.i for c in listed)):
        return [root]  # "A, B and C" has its conjunction before the last name
    return [root, *listed]


def joined(doc: Doc, i: int, j: int) -> bool:
    """A conjunction stands between tokens i and j (either order); a "conj" the parser
    gave without one is an appositive ("UMWA Director of Government Affairs Phil Smith")."""
    return any(t.lower_ in ("and", "or", "&", "nor") for t in doc[min(i, j) + 1 : max(i, j)])


def with_others(ents: ArticleEntities, span: Span, root: Token, partner: Token) -> bool:
    """`partner` is another referent coordinated with the mention's head inside the mark
    ("the nominee and his aides"): a noun (not a verb the clause goes on with), not the same
    entity, not a second title without a determiner of its own ("The company's founder and
    chief executive, X"), and not a person whose titles the head shares ("his wife and
    current Democratic nominee Hillary Clinton" is Clinton)."""
    if partner.dep_ != "conj" or not span.start <= partner.i < span.end:
        return False
    if not partner.tag_.startswith(("NN", "PRP")):
        return False
    if not joined(span.doc, root.i, max(c.i for c in root.conjuncts)):
        return False  # "A, B and C" has its conjunction before the last one
    other = ents.entity_at(partner.i)
    if other is not None and other is ents.entity_at(root.i):
        return False
    if other is None and partner.tag_ == "NN" and is_role_head(partner.text) and not any(
        c.dep_ in ("det", "poss") for c in partner.children
    ):
        return False  # a second title of one person: "founder and chief executive, X"
    titles = [t for t in partner.lefts if t.dep_ in ("compound", "amod")]
    return not (other is not None and other.type == "person" and titles
                and is_role_head(root.text))
