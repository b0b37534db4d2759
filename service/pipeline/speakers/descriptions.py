"""Roles from descriptions: a person the article names without a role is often described
elsewhere by an office or job, in a sentence that quotes nobody ("The director makes this
clear in her new film", "the Republican nominee's stance"). Such a description refers to
that person, and its office is the person's role (no mention is recorded: only the role).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from service.pipeline.speakers.antecedents import Anaphor, agreeing_people, role_match
from service.pipeline.speakers.coreference import ArticleEntities, Entity
from service.pipeline.speakers.lexicon import (
    ORG_NOUNS,
    SETTING_OFFICES,
    SUBJECT_DEPS,
    is_role_head,
    is_title_abbreviation,
)
from service.pipeline.speakers.roles import (
    choose_role,
    description_role,
    relational,
    set_role_words,
    words,
)

# a description that refers: the subject of its clause or an owner ("the nominee's stance"),
# not an object or a predicate ("he wants to be the nominee")
REFERRING_DEPS = {*SUBJECT_DEPS, "poss"}


def described_roles(
    ents: ArticleEntities, quoted: Callable[[int], bool], sources: frozenset[int]
) -> None:
    """Give each person with no stated role the fullest office among the definite singular
    descriptions ("the" + office or job noun) that refer (subject or owner), stand outside
    quotation marks (`quoted(char offset)`) and are no quote's source (`sources`: their token
    indexes; the speakers step resolves those), and that can only be that person: the one
    person of agreeing gender in the antecedent ranker's window before it, not an argument of
    the description's own verb, with no stated role of that office already. Stated roles are
    left as they are, but a bare title ("Sen.") that such a description spells out ("the South
    Carolina senator", a quote's source too) takes it."""
    doc = ents.doc
    found: dict[int, tuple[Entity, list[str]]] = {}
    for head in doc:
        if head.tag_ != "NN" or head.dep_ not in REFERRING_DEPS or not is_role_head(head.text):
            continue
        start = head.left_edge.i
        if doc[start].lower_ != "the" or ents.entity_at(head.i) is not None or quoted(
            doc[start].idx
        ):
            continue
        # "The Mexican president, Enrique Pena Nieto,": it names its own person; "the U.S.
        # attorney's office" is an organisation's name; "the festival's director" is someone
        # of the festival; "the judge", "the mayor": the setting's own office-holder
        if any(t.ent_type_ == "PERSON" or t.dep_ == "appos" for t in head.subtree) or (
            head.dep_ == "poss" and head.head.lower_ in ORG_NOUNS
        ) or any(t.tag_ == "POS" for t in doc[start : head.i]) or head.lower_ in SETTING_OFFICES:
            continue
        if head.dep_ == "poss" and relational(head.head.text):
            continue  # "the nominee's eldest daughter": the nominee is someone else
        anaphor = Anaphor.of(head)
        # "The FBI director chastised Clinton": never the verb's other argument
        people = [e for e in agreeing_people(ents, anaphor) if e not in clausemates(ents, head)]
        stated = people[0].role if len(people) == 1 else None
        # a bare title ("Sen. X") yields to the office spelled out ("the South Carolina
        # senator"), a stated relation ("rival X") to an occupation described
        upgrade = len(people) == 1 and bare_title(stated) and role_match(head.lower_, people[0])
        if not upgrade and (len(people) != 1 or head.i in sources or stated and not relational(
            stated) or role_match(head.lower_, people[0])):
            continue
        if not upgrade and introduced_before(doc, head, people[0].first):
            continue  # "a van with its driver still inside ... X pulled the driver out"
        role = description_role(doc, start, head.i + 1)
        if role is not None:
            found.setdefault(id(people[0]), (people[0], []))[1].append(role)
    for person, roles in found.values():
        person.role = choose_role(roles)
        set_role_words(person)


def introduced_before(doc: Doc, head: Token, first: int) -> bool:
    """The description's noun is written before token `first`, where the person is first
    named: it stands for someone the article brought in before that person, unnamed."""
    return any(t.lower_ == head.lower_ and t.tag_ == "NN" for t in doc[:first])


def bare_title(role: str | None) -> bool:
    """A role that is only an abbreviated title ("Sen.", "Rep.", "Lt. Gen.")."""
    return role is not None and all(is_title_abbreviation(w) for w in words(role))


def clausemates(ents: ArticleEntities, head: Token) -> set[Entity]:
    """The entities named in the other dependents of the word that governs `head` (empty
    when none is named there)."""
    return {ent for child in head.head.children if child.i != head.i for t in child.subtree
            if (ent := ents.entity_at(t.i)) is not None}
