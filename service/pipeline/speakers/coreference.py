"""The article's people and organisations: canonical names, every mention, gender evidence
(its votes are counted in gender.py).

Names are built "earliest, longest": a later "Ren" or "Zhengfei" joins the entity of an
earlier or later "Ren Zhengfei" (any name word matches, so surname-first names work), and
a partial name seen first is upgraded when the full name appears. Everything is one pass
over the tokens; lookups go through word and position indexes.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from service.pipeline.speakers.gender import (
    honorific_gender,
    majority,
    vote_first_names,
    vote_pronoun_gender,
)
from service.pipeline.speakers.lexicon import (
    DASHES,
    GENERIC_BODIES,
    OFFICE_BODIES,
    PARTY_MEMBERS,
    RIVALRY_WORDS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    is_role_head,
)
from service.pipeline.speakers.mistyped import firm_named, first_named_bodies, referred_bodies
from service.pipeline.speakers.names import (
    NAME_PARTICLES,
    acronym,
    between_quotation_marks,
    clean_name,
    headlines,
    is_dateline,
    is_name_token,
    is_street,
    name_text,
    nicknamed_names,
    org_name,
    speaking_names,
    titled_names,
    widened,
    word_key,
)

ORG_LABELS = {"ORG", "GPE", "NORP"}
HEADLINE_LINE_WORDS = 14


@dataclass(eq=False)
class Entity:
    name: str
    type: str  # person | organization
    words: set[str]
    first: int  # token index of the first mention
    gender_votes: Counter = field(default_factory=Counter)
    name_votes: Counter = field(default_factory=Counter)  # the honorific and first-name ones
    honorifics: Counter = field(default_factory=Counter)  # "Mr."/"Mrs." before its names
    forms: Counter = field(default_factory=Counter)  # how often each full name is written
    quoted_forms: Counter = field(default_factory=Counter)  # the same, inside quotation marks
    headline_forms: Counter = field(default_factory=Counter)  # a first name and the body's name
    named: int = 0  # how often the article names it, in full or not (headlines aside)
    role: str | None = None
    role_words: set[str] = field(default_factory=set)

    @property
    def sure_gender(self) -> str | None:
        """The gender the name itself tells (an honorific, a first name), not pronouns."""
        return majority(self.name_votes)

    @property
    def gender(self) -> str | None:
        return majority(self.gender_votes)


@dataclass
class EntityMention:
    start: int  # token indexes, end exclusive
    end: int
    entity: Entity


class ArticleEntities:
    """People and organisations of one article, with all their mentions in text order."""

    def __init__(
        self,
        doc: Doc,
        extra_names: Sequence[list[Token]] = (),
        *,
        first_names: Mapping[str, str] | None = None,
        quoted: Callable[[int], bool],
        headline_end: int = 0,
        said_words: frozenset[int] = frozenset(),
    ):
        """`quoted(char offset)`: whether the text there lies inside quotation marks
        (discourse.in_quotes over the article's Document); `headline_end`: where the
        article's headline block ends (Document.headline_end); `said_words`: indices of
        tokens that are a quote's whole content, a word said rather than a name
        ("“Savage,” she said", names.said_words)."""
        self.doc = doc
        self._first_names = first_names or {}
        self._quoted = quoted
        self.people: list[Entity] = []
        self.orgs: dict[str, Entity] = {}
        self._by_word: dict[str, list[Entity]] = {}
        self.sentences = list(doc.sents)
        self._sent_starts = [sent.start for sent in self.sentences]
        self._sent_of = [k for k, sent in enumerate(self.sentences) for _ in range(len(sent))]
        self._headlines = headlines(doc)
        # a headline block set off by a blank line, in sentence case too ("Absent Trump
        # derides debate;"): short lines that lead into nothing (not "From Chairwoman X:")
        # and quote no one (not a short opening paragraph)
        block = [sent for sent in self.sentences if sent.start_char < headline_end]
        head = doc.text[:headline_end].strip()
        short = all(len(line.split()) <= HEADLINE_LINE_WORDS for line in head.splitlines())
        quoting = any(c in head for c in '"\u201c\u201d') or head.endswith(":")
        self.headline_end = headline_end if len(block) <= 2 and short and not quoting else 0
        self._headlines |= {sent.start for sent in block if self.headline_end}
        self._body_words = {word_key(t) for e in doc.ents
                            if e.label_ == "PERSON" and not self.in_headline(e.start) for t in e}
        candidates = [clean_name(widened(e, self.in_headline(e.start)))
                      for e in doc.ents if e.label_ == "PERSON"]
        candidates += [clean_name(list(toks)) for toks in extra_names]
        nicknamed = nicknamed_names(doc)
        # the quotation marks of a nickname inside a name (Marcia “Cia” Price) are part of it
        self._nickname_marks = {t.i for toks in nicknamed for t in toks if t.is_quote}
        candidates += [self._with_first_name(clean_name(toks))
                       for toks in titled_names(doc) + speaking_names(doc)]
        candidates += [clean_name(toks) for toks in nicknamed]
        mistyped = (first_named_bodies(doc, self._first_names)
                    + referred_bodies(doc, self._first_names))
        candidates += mistyped
        self._mistyped = {t.i for toks in mistyped for t in toks}  # name words whatever tagged
        # names of other kinds, and their initials ("CNS" for "Christian News Service")
        non_person = {e.text.lower() for e in doc.ents if e.label_ != "PERSON"}
        non_person -= {name_text(doc, toks).lower() for toks in mistyped}
        non_person |= {a for e in doc.ents if e.label_ in ORG_LABELS and (a := acronym(e.text))}
        candidates = [c for c in candidates if c and not all(t.i in said_words for t in c)]
        for toks in sorted(candidates, key=lambda c: c[0].i):
            self._add_person(toks, non_person)
        self._name_people()
        self.mentions: list[EntityMention] = []
        self.token_entity: dict[int, Entity] = {}
        self._ner_span = {i: e for e in doc.ents for i in range(e.start, e.end)}
        self._scan_people()
        self._places: set[int] = set()  # ids of the GPE entities
        self._scan_orgs()
        self._join_short_org_names()
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        vote_first_names(self.doc, self.people, self.mentions, self._first_names)
        vote_pronoun_gender(self.doc, self.token_entity)

    # -- building -----------------------------------------------------------------------
    def _add_person(self, toks: list[Token], non_person: set[str]) -> None:
        headline_form = None
        if self.in_headline(toks[0].i):  # title case: "Derelict Obama" is the body's Obama
            body = [t for t in toks if word_key(t) in self._body_words]
            # but a first name before it is the full name the body may never write
            # ("Hillary Clinton Goes After ...", then only "Clinton")
            given = self.doc[body[0].i - 1] if body and body[0].i > toks[0].i else None
            if given is not None and given.lower_ in self._first_names and given.tag_ == "NNP":
                # (not "Will Biden Run Again?", a modal)
                body = [self.doc[body[0].i - 1], *body]
                headline_form = name_text(self.doc, body)
            toks = body or toks
            if is_role_head(toks[-1].lower_) and (
                len(toks) == 1 or toks[0].lower_ not in self._first_names
            ):  # a title-case description: "Former White House Doctor Says", "Retired
                return  # General Reveals" (though boys are named General)
        toks = self._without_office_body(toks)
        lead = toks[0].lower_
        # a party or rivalry is no part of a name ("Democrat Hillary Clinton", "Rival
        # Patel"), nor a title the NER ran into it ("Drummer Kenji Abe", "—Trustee X",
        # "State Comptroller" | "Yael Ben-Ami"; "Chandler Van Voorhis" stays)
        if len(toks) > 1 and (lead in PARTY_MEMBERS or lead in RIVALRY_WORDS):
            toks = toks[1:]
        else:
            toks = toks[self._opening_title(toks) :]
        if any(c.isdigit() for t in toks for c in t.text) or is_street(toks):
            return  # "flight NZ402" names no person, nor "on Mill Lane"
        if firm_named(toks):
            return  # "Castleford Homes" is a firm, whatever the NER or its verb said
        words = [word_key(t) for t in toks if any(c.isalpha() for c in t.text)]
        nickname = between_quotation_marks(self.doc, toks[0].i, toks[-1].i + 1)  # “Sparrow”
        lone = len(words) == 1 and (
            words[0] in non_person or org_key(words[0]) in non_person  # "S.E.C.": "sec"
        ) and words[0] not in self._by_word
        if lone and not nickname:
            return  # a lone word tagged ORG/GPE elsewhere ("Xiaomi") is not a person
        form = name_text(self.doc, toks)
        if form.isupper() and any(c in "AEIOUY" for c in form):  # "WALLACE:" is Wallace,
            # initials ("MSNBC") stay
            form = form.title()
        known = [e for e in self.people if e.words & set(words)]
        ent = next((e for e in known if set(words) <= e.words), None)
        if ent is None:  # a partial name seen first is upgraded by the full one, unless
            # it was "Mr. Obama" and this is a woman's name ("the first lady, Michelle Obama")
            ent = next((e for e in known if e.words <= set(words)
                        and not self._clashes(e, form)), None)
        if ent is None:
            ent = Entity(form, "person", set(words), toks[0].i)
            self.people.append(ent)
        ent.words |= set(words)
        said_as = honorific_gender(self.doc, toks[0].i)
        if said_as:
            ent.honorifics[said_as] += 1
        if headline_form is not None:
            ent.headline_forms[headline_form] += 1
        if not self.in_headline(toks[0].i):  # "Lawmakers Rip Donald Trump"
            ent.named += 1
            if len(words) > 1:  # speech names people as it pleases ("Crooked Hillary
                # Clinton"): a form inside quotation marks names no one the narration names
                quoted = self._quoted(toks[0].idx)
                (ent.quoted_forms if quoted else ent.forms)[form] += 1
        self._index(ent)

    def _opening_title(self, toks: list[Token]) -> int:
        """How many words opening a name are a title: up to a job word, none of them a
        given name, with two name words after it ("Postmistress X Y"; "Chandler Van
        Voorhis" stays, and so does a two-word name)."""
        # a listed job anywhere; one known by its ending ("Postmistress") only opening the
        # sentence, and by an ending names share ("Nariman", "Christian") only before a
        # given name ("Frontwoman Maria X")
        doc = self.doc
        first = toks[0].i
        opens = all(t.is_title for t in doc[doc[first].sent.start : first]) or (
            first > 0 and doc[first - 1].text in DASHES)
        jobs = [k for k, t in enumerate(toks[:-2]) if is_role_head(t.text) or opens and (
            is_role_head(t.lower_) and (not t.lower_.endswith(("man", "ian"))
                                        or toks[k + 1].lower_ in self._first_names))]
        if not jobs or toks[jobs[-1] + 1].lower_ in NAME_PARTICLES:
            return 0
        title = toks[: jobs[-1] + 1]
        return len(title) if all(t.lower_ not in self._first_names for t in title) else 0

    def _with_first_name(self, toks: list[Token]) -> list[Token]:
        """The name with the given name before it that the tagger took for another word
        ("Amadou" tagged a verb opening the sentence, then "Diallo-Sow, chief executive")."""
        if not toks or toks[0].i == 0:
            return toks
        before = self.doc[toks[0].i - 1]
        given = before.lower_ in self._first_names and before.is_title and before.whitespace_
        if given and before.ent_type_ == "" and before.tag_ not in ("NNP", "MD") and (
            before.lower_ not in SPEECH_VERBS
        ):
            return [before, *toks]
        return toks

    def _without_office_body(self, toks: list[Token]) -> list[Token]:
        """The name without the body its office heads, which the NER may run into it
        ("Secretary of State John Kerry" tagged "State John Kerry"): the words up to a
        first name go, two words at least stay, but a listed body goes whatever remains
        ("Secretary of State Clinton")."""
        k = toks[0].i - 1
        k -= k >= 0 and self.doc[k].lower_ == "the"  # "Speaker of the House X"
        if k < 1 or self.doc[k].lower_ != "of" or self.doc[k - 1].lower_ not in ROLE_NOUNS:
            return toks
        while len(toks) > 2 and toks[0].lower_ not in self._first_names or len(toks) > 1 and (
            toks[0].lower_ in OFFICE_BODIES
        ):
            toks = toks[1:]
        return toks

    def _first_name_gender(self, name: str) -> str | None:
        return self._first_names.get(name.split()[0].lower()) if " " in name else None

    def _clashes(self, ent: Entity, name: str) -> bool:
        """The name's first word is of the other gender than the one honorific the entity
        was called by so far ("Michelle Obama" for the "Mr. Obama" of the story)."""
        said = ent.honorifics
        gender = self._first_name_gender(name)
        # "Mr." at least twice: a first name's majority sex ("Lindsey") is weak evidence
        return gender is not None and len(said) == 1 and gender not in said and (
            said.total() >= 2)

    def _name_people(self) -> None:
        """The canonical name: the fullest the article writes (the guideline: "Ildefonso
        Guajardo Villarreal", not the "Guajardo Villarreal" of later mentions), then the one
        written most often, then the earliest; a headline's full name only where the text
        gives none."""
        for ent in self.people:
            # a quoted form counts where it starts as the narration's do ("Donald J. Trump");
            # where the narration gives none in full, without an epithet before a first name
            firsts = {f.split()[0] for f in ent.forms}
            quoted = Counter({f if ent.forms else self._without_epithet(f): n
                              for f, n in ent.quoted_forms.items()
                              if not ent.forms or f.split()[0] in firsts})
            forms = ent.forms + quoted or ent.headline_forms
            if forms:
                ent.name = max(forms, key=lambda f: (len(f.split()), forms[f]))

    def _without_epithet(self, form: str) -> str:
        """The name without the words a speaker put before its first name ("Crooked Hillary
        Clinton", "Lyin' Ted Cruz")."""
        words = form.split()
        while len(words) > 2 and words[0].lower() not in self._first_names and (
            words[1].lower() in self._first_names
        ):
            words = words[1:]
        return " ".join(words)

    def _index(self, ent: Entity) -> None:
        for w in ent.words:
            bucket = self._by_word.setdefault(w, [])
            if ent not in bucket:
                bucket.append(ent)

    def _scan_people(self) -> None:
        doc, i = self.doc, 0
        last_seen: dict[int, int] = {}
        while i < len(doc):
            tok = doc[i]
            key = word_key(tok)
            cands = self._by_word.get(key) if (
                is_name_token(tok) or tok.is_upper or i in self._mistyped) else None
            if not cands or self._inside_longer_name(tok):
                i += 1
                continue
            j, known = i + 1, set().union(*(e.words for e in cands))
            while j < len(doc) and (word_key(doc[j]) in known or j in self._nickname_marks or (
                doc[j].text == "-" and not doc[j - 1].whitespace_ and j + 1 < len(doc)
                and word_key(doc[j + 1]) in known  # "Ban Ki-moon" is one name
            )):
                j += 1
            words = {word_key(t) for t in doc[i:j]}
            fits = [e for e in cands if words <= e.words] or cands
            recent = self._sent_starts[max(0, self._sent_of[i] - 1)]
            said_as = honorific_gender(doc, i)

            def rank(e: Entity, words=words, recent=recent, said_as=said_as) -> tuple:
                # "Cruz": the Cruz written in full most often (Ted, not his wife Heidi),
                # then the one named in this or the previous sentence, then the latest;
                # never a woman's name for "Mr. Obama"
                seen = last_seen.get(id(e), -1)
                fits_honorific = said_as is None or self._first_name_gender(e.name) in (
                    None, said_as)
                # the full name written most often; a surname never written in full (a
                # "Mr. Obama" kept apart from "Michelle Obama") by how often it is named
                written = e.forms.total() if e.forms else e.named
                return fits_honorific, len(words & e.words), written, seen >= recent, seen

            ent = max(fits, key=rank)
            self._record(i, j, ent)
            last_seen[id(ent)] = i
            if said_as:
                ent.gender_votes[said_as] += 3
                ent.name_votes[said_as] += 3
            i = j

    def _inside_longer_name(self, tok: Token) -> bool:
        """A name word inside a longer organisation/place name ("Will Semiconductor"); a
        title inside the span does not make it longer ("Striker Lena Ostrova" tagged ORG)."""
        ent = self._ner_span.get(tok.i)
        if ent is None or ent.label_ == "PERSON" or tok.i in self._mistyped:
            return False
        before = self.doc[ent.start : tok.i]
        if tok.i == ent.end - 1 and len(before) >= 2 and any(
            p.type == "person" for p in self._by_word.get(word_key(tok), [])
        ) and before[-1].tag_ == "NNP" and word_key(tok) not in {word_key(t) for t in before}:
            return False  # a person's name run into an outlet's: "the Washington Post Trump"
            # (not "Johnson & Johnson")
        words = {word_key(t) for t in clean_name(list(ent))
                 if t.tag_ not in ("DT", "POS") and t.text != "-"}  # "Vasquez-Ortega"
        return not any(words <= p.words for p in self._by_word.get(word_key(tok), []))

    def _scan_orgs(self) -> None:
        for whole in self.doc.ents:
            end = whole.end
            while end > whole.start and end - 1 in self.token_entity:
                end -= 1  # the person's name it ran into is not the organisation's
            span = self.doc[whole.start : end]
            if end < whole.end and all(is_role_head(t.lower_) for t in span):
                continue  # the title the NER ran into a person's name: "Winemaker" | "X"
            firm = whole.label_ == "PERSON" and firm_named(list(whole))
            if not (whole.label_ in ORG_LABELS or firm) or not span or is_dateline(span) or any(
                i in self.token_entity for i in range(span.start, span.end)
            ):
                continue
            # one word, hyphens included ("Haas-Yilmaz" tagged ORG where "Friederike
            # Haas-Yilmaz" is a person of the article)
            one_word = len(span) == 1 or not any(t.whitespace_ for t in span[:-1])
            keys = {word_key(t) for t in span if t.is_alpha}
            surname = [p for p in self._by_word.get(word_key(span[0]), [])
                       if p.type == "person" and len(p.words) > len(keys)
                       and keys <= p.words] if one_word and keys else []
            if surname:  # "Trump" tagged ORG where "Donald Trump" is a person of the article
                self._record(span.start, span.end, max(surname, key=lambda e: e.named))
                continue
            name = org_name(span)
            if name.islower():
                continue  # "the ministry" tagged ORG: a generic noun, not a name
            short, key = acronym(name), org_key(name)
            ent = self.orgs.get(key) or self.orgs.get(short or "")
            if ent is None:
                kind = "other" if whole.label_ == "NORP" else "organization"  # "Republicans"
                ent = Entity(name, kind, {t.lower_ for t in span}, span.start)
                if whole.label_ == "GPE":
                    self._places.add(id(ent))
            elif short and org_key(ent.name) == short:  # "IMF" first, then its full name
                ent.name = name
            self.orgs[key] = ent
            if short:
                self.orgs.setdefault(short, ent)
            self._record(span.start, span.end, ent)

    def _join_short_org_names(self) -> None:
        """An organisation written by the last words of one longer name of the article is
        that organisation ("the Times" of the "Tampa Bay Times", "the Supreme Court" of the
        "U.S. Supreme Court"), wherever the full name stands; not when two names end so, not
        for places ("Mexico", "New Mexico"), and not for one generic word that names a body
        of its own ("the House" is not the "White House")."""
        orgs = {id(e): e for e in self.orgs.values()
                if e.type == "organization" and id(e) not in self._places}
        words = {k: e.name.lower().split() for k, e in orgs.items()}
        into: dict[int, Entity] = {}
        for k, short in words.items():
            if len(short) == 1 and short[0] in GENERIC_BODIES:
                continue
            longer = {j for j, w in words.items()
                      if len(w) > len(short) and w[-len(short) :] == short}
            if len(longer) == 1:
                into[k] = orgs[longer.pop()]
        for m in self.mentions:
            if id(m.entity) in into:
                m.entity = into[id(m.entity)]
                for k in range(m.start, m.end):
                    self.token_entity[k] = m.entity
        for key, ent in list(self.orgs.items()):
            self.orgs[key] = into.get(id(ent), ent)

    def _record(self, start: int, end: int, ent: Entity) -> None:
        self.mentions.append(EntityMention(start, end, ent))
        for k in range(start, end):
            self.token_entity[k] = ent

    # -- queries ------------------------------------------------------------------------
    def person_by_word(self, word: str) -> Entity | None:
        """The person a lone name word (a word_key) stands for: the one written in full
        most often among those whose name holds it."""
        people = [e for e in self._by_word.get(word, []) if e.type == "person"]
        return max(people, key=lambda e: e.forms.total(), default=None)

    def mentions_before(self, at: int, limit: int = 40):
        """Mentions starting before token `at`, nearest first."""
        k = bisect.bisect_left(self._starts, at)
        yield from reversed(self.mentions[max(0, k - limit) : k])

    def mentions_after(self, at: int):
        """Mentions starting at or after token `at`, nearest first."""
        yield from self.mentions[bisect.bisect_left(self._starts, at) :]

    def in_headline(self, i: int) -> bool:
        """Whether token i lies in a title-case sentence."""
        return self._sent_starts[self._sent_of[i]] in self._headlines

    def sentence_of(self, i: int) -> int:
        """The index of the sentence that holds token i."""
        return self._sent_of[i]

    def entity_at(self, i: int) -> Entity | None:
        return self.token_entity.get(i)


def org_key(name: str) -> str:
    """An organisation's name as matched: lower case, no dots ("I.R.S." is "irs", the
    initials of "Internal Revenue Service")."""
    return name.lower().replace(".", "")
