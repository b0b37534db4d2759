"""Person names the small NER typed as places or organisations. It often does so with names
outside the Anglo tradition ("Mateo Quispe" ORG, "Tshabalala" GPE, "Ferreira-Lima" ORG); a
name the article then treats as a person's is taken back as one."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Doc, Span, Token

from service.pipeline.speakers.lexicon import (
    GENERIC_BODIES,
    HONORIFICS,
    PRONOUN_GENDER,
    ROLE_NOUNS,
    SPEECH_VERBS,
    is_role_head,
)
from service.pipeline.speakers.names import (
    MAX_NAME_TOKENS,
    NAME_PARTICLES,
    PRONOUN_WINDOW,
    TITLE_MODIFIERS,
    joins_name,
    name_capital,
)

BODY_LABELS = ("ORG", "GPE", "FAC", "LOC")
# other types the NER gives names ("Aileen Trevaskis" PRODUCT, "Marguerite X" NORP): a person
# only with a given name first
OTHER_LABELS = ("NORP", "PRODUCT", "WORK_OF_ART", "EVENT")
# Last words of firms' names that are nobody's surname ("Castleford Homes", "Corvin Estates",
# though Corvin is a given name)
FIRM_DESIGNATORS = {
    "homes", "estates", "properties", "industries", "enterprises", "developments", "builders",
    "ventures", "associates", "solutions", "services", "logistics", "airlines", "airways",
    "holdings", "partners", "inc", "ltd", "llc", "plc", "corp", "gmbh", "leisure", "lettings",
    "construction", "consulting", "catering", "haulage", "transport", "recycling",
    "technologies", "pharmaceuticals", "insurance", "supplies", "contractors", "investments",
}
# Jobs a firm may hold as well as a person ("the club's owner, X Holdings")
FIRM_JOBS = {"owner", "developer", "partner", "organiser", "organizer", "investor", "member",
             "leader", "consultant", "adviser", "advisor", "trader"}
# Last words of places and firms that may open with a first name ("Victoria Falls",
# "Georgia Power", "Orlando Magic" is a team: any word here keeps the body)
PLACE_OR_FIRM_WORDS = GENERIC_BODIES | FIRM_DESIGNATORS | {
    "falls", "valley", "city", "county", "beach", "springs", "island", "islands", "lake",
    "river", "mountain", "park", "square", "station", "airport", "hospital", "clinic",
    "school", "college", "academy", "health", "energy", "power", "motors", "capital", "media",
    "news", "press", "times", "post", "records", "studios", "co", "sa", "ag", "magic", "brand",
    "foods", "research", "business", "systems", "brothers", "electric", "chemical",
    "operations", "church", "temple", "mosque", "synagogue", "cathedral",
}


def firm_named(toks: Sequence[Token]) -> bool:
    """A name a firm's designator ends ("The developer, Castleford Homes,", which the NER
    typed a person): an organisation, whatever given name opens it. (Other words of
    PLACE_OR_FIRM_WORDS are surnames too: "Ji-hoon Park", "Thabo Church".)"""
    return len(toks) > 1 and toks[-1].lower_.rstrip(".") in FIRM_DESIGNATORS


def capitalised(tok: Token) -> bool:
    """A name word's capital ("MacAulay", "O'Neill" too, which is_title refuses; after a
    particle glued on, "d’Aubigné")."""
    return name_capital(tok.text) and any(c.islower() for c in tok.text)


def word_count(run: list[Token]) -> int:
    """Words as written: "Ferreira-Lima" is one."""
    return 1 + sum(1 for t in run[:-1] if t.whitespace_)


def first_named_bodies(doc: Doc, first_names: Mapping[str, str]) -> list[list[Token]]:
    """Body-typed spans that read as a person's full name and act as a person's: two to five
    capitalised words (particles and hyphens inside, "Rhodri" | "ap" | "Gwilym" across
    spans; a title-case job word before them left out, "Winemaker"), none a place's or
    firm's word; and either the first a given name of the first-name lexicon ("Mateo
    Quispe") acting as a person (the subject of a speech verb, in apposition with a role,
    the subject the next he or she of its gender can refer to), or a lower-case job word
    right before them ("deckhand Ruaridh MacAulay"; after an inverted cue any lower-case
    word, "...,” beamed cox X"), a listed job in apposition either side (not one a firm may
    hold: FIRM_JOBS), a "who" after them, a person's name coordinated with them, or a "his"
    or "her" their verb's object carries. Names alone would take "Edison Research" and "Dow
    Chemical". A span of OTHER_LABELS only with a given name first
    ("Marguerite d’Aubigné-Laroche" NORP)."""
    runs = []
    for ent in doc.ents:
        if ent.label_ not in BODY_LABELS + OTHER_LABELS:
            continue
        run = _name_run(doc, ent, first_names)
        words = [t for t in run if not joins_name(doc, t.i)]  # the hyphens are no words
        if not words or not 2 <= word_count(run) <= MAX_NAME_TOKENS or not all(
            capitalised(t) or t.lower_ in NAME_PARTICLES for t in words
        ) or any(t.lower_.rstrip(".") in PLACE_OR_FIRM_WORDS for t in words) or (
            run[-1].i == ent.end - 1 and _next_is_firm(ent)  # not past a cut "of": the body's
        ):
            continue
        gender = first_names.get(words[0].lower_)
        if ent.label_ in OTHER_LABELS and gender is None:
            continue  # a group ("Korean Americans, who ...") unless it opens with a given name
        root = next((t for t in run if not run[0].i <= t.head.i <= run[-1].i), ent.root)
        # a job noun before the name: inside the span ("Senior midwife" | X), strong; else
        # only with the name acting as a person ("midwife X said")
        described = run[0].i > 0 and _job_noun(doc[run[0].i - 1])
        titled = described and run[0].i > ent.start
        if titled or _job_before(doc, run[0].i) or _listed_role_appositive(root) or _who(ent) or (
            _partner_of_person(root) or _after_listed_job(root)
            or _owns_pronoun(doc, root, first_names)
        ) or (
            gender is not None or described
        ) and (
            _acts_as_person(root) or gender is not None and _referred_by(
                doc, ent, gender, first_names)
        ):
            runs.append(run)
    return runs


def _name_run(doc: Doc, ent: Span, first_names: Mapping[str, str]) -> list[Token]:
    """The span with a capitalised untagged word or given name before a one-word span
    ("Dolores" + "Ferreira-Lima", "Precious" tagged JJ + "Dlamini-Nkosi"), less an honorific
    or a title-case job word opening it ("Winemaker"), and on through
    particles to the next capitalised word ("Rhodri" + "ap Gwilym")."""
    run = list(ent)
    # a person's name the NER ran into a body's ("X Fashola-Grant of St Cuthbert's Hospital")
    run = run[: next((k for k, t in enumerate(run) if k and t.lower_ in ("of", "at")), len(run))]
    while len(run) > 1 and (is_role_head(run[0].lower_) and (  # not "Wilmer", a given name
            run[0].lower_ not in first_names or run[0].lower_ in ROLE_NOUNS)
            or run[0].lower_ in TITLE_MODIFIERS or _job_noun(run[0])
            or run[0].lower_ in HONORIFICS):
        run = run[1:]  # "Senior midwife" | "Thandiwe Mokoena", "Dr" | "Priyanka Deshmukh"
    before = doc[ent.start - 1] if ent.start else None
    if word_count(run) == 1 and before is not None and (_untagged_capital(before) or (
        before.lower_ in first_names and capitalised(before) and not before.is_sent_start
        and before.ent_type_ == "" and before.whitespace_ != ""
    )):
        run = [doc[ent.start - 1], *run]
    k = ent.end
    while k < len(doc) and doc[k].lower_ in NAME_PARTICLES:
        k += 1
    if k > ent.end and k < len(doc) and capitalised(doc[k]) and doc[k].tag_ == "NNP":
        run += list(doc[ent.end : k + 1])
    return run


def _job_noun(tok: Token) -> bool:
    """A lower-case common noun that is no body's ("midwife"; not "the", not "ministry")."""
    return tok.is_lower and tok.tag_ == "NN" and tok.lower_ not in GENERIC_BODIES


def _job_before(doc: Doc, start: int) -> bool:
    """An honorific ("Dr") or a job word right before the name ("deckhand", "dairy farmer";
    capitalised, a listed one or one opening the sentence, "Winemaker"; "Westchester" is no
    job), not a body's noun ("the company")."""
    if start == 0:
        return False
    before = doc[start - 1]
    if before.lower_ in HONORIFICS and before.text[:1].isupper():
        return True  # "Dr" | "Olamide Fashola-Grant"
    if before.tag_ not in ("NN", "NNP") or before.lower_ in GENERIC_BODIES:
        return False
    return is_role_head(before.text) or before.lower_ in ROLE_NOUNS or (
        bool(before.is_sent_start) and is_role_head(before.lower_)) or (
        before.is_lower and _after_quote_verb(doc, start - 1))


def _after_quote_verb(doc: Doc, job: int) -> bool:
    """A verb stands between a closing quotation mark and the lower-case word at token `job`
    ("...,” beamed cox X"): an inverted cue, whose title is a job no list holds."""
    verb = doc[job - 1] if job > 1 else None
    return verb is not None and verb.tag_.startswith("VB") and verb.is_lower and any(
        t.is_quote for t in doc[max(0, verb.i - 2) : verb.i])


def referred_bodies(doc: Doc, first_names: Mapping[str, str]) -> list[list[Token]]:
    """A lone name word typed a body (BODY_LABELS), the subject of a verb, that the next he or she
    (within PRONOUN_WINDOW tokens) can only refer to: no person of that pronoun's gender is
    named before the pronoun ("Tshabalala was already in the dressing room ... he said");
    or one given an age ("Sukarti, 58,"), a "who" after any of its mentions, or a listed job
    in apposition ("Ossiane, a singer from Mindelo,"), or a speech verb's subject with a
    listed job right before it ("insisted regional treasurer Suharyanto"; "carmaker Toyota
    said" is no listed job)."""
    who_named = _words_with_who(doc)
    return [list(ent) for ent in doc.ents if word_count(list(ent)) == 1 and capitalised(ent[0])
            and (ent.label_ in BODY_LABELS and (
                _referred_by(doc, ent, None, first_names) or _aged(doc, ent)
                or _listed_role_appositive(ent.root) or _listed_job_before(doc, ent) and (
                    _acts_as_person(ent.root) or _inverted(doc, ent.start - 1)))
                or ent.label_ in BODY_LABELS + OTHER_LABELS and ent.text in who_named)]


def _listed_job_before(doc: Doc, ent: Span) -> bool:
    return ent.start > 0 and doc[ent.start - 1].is_lower and doc[ent.start - 1].lower_ in ROLE_NOUNS


def _inverted(doc: Doc, job: int) -> bool:
    """A speech verb stands just before the job title at token `job` ("insisted regional
    treasurer X"), however the parser attached the name."""
    return any(t.lower_ in SPEECH_VERBS and t.tag_.startswith("VB")
               for t in doc[max(0, job - 3) : job])


def _aged(doc: Doc, ent: Span) -> bool:
    """An age in commas after the name, then an appositive or the verb ("Sukarti, 58, a
    rice-cake seller,"): only people are written so."""
    k = ent.end
    then = doc[k + 3] if k + 3 < len(doc) else None  # not "won Florida, 29, and Ohio, 18"
    return (then is not None and doc[k].text == "," and doc[k + 1].like_num
            and doc[k + 2].text == "," and capitalised(ent[0]) and (
                then.lower_ in ("a", "an") or ent.label_ != "GPE" and then.tag_.startswith("VB")))


def _acts_as_person(root: Token) -> bool:
    """The subject of a speech verb, or in apposition with a role noun, either way round."""
    if root.dep_ == "nsubj" and root.head.lower_ in SPEECH_VERBS:
        return True
    if root.dep_ == "appos" and is_role_head(root.head.text):
        return True
    return any(c.dep_ == "appos" and is_role_head(c.text) for c in root.children)


def _after_listed_job(root: Token) -> bool:
    """In apposition after one person's listed job ("the race director, X"), not a job a firm
    may hold ("the park's operator, Greenway Leisure"; "the developer, X Homes")."""
    job = root.head
    return root.dep_ == "appos" and job.i < root.i and job.tag_ == "NN" and (
        job.lower_ in ROLE_NOUNS - FIRM_JOBS)


def _owns_pronoun(doc: Doc, root: Token, first_names: Mapping[str, str]) -> bool:
    """The subject whose "his" or "her" the verb's object carries ("X baked her first
    loaves"), no person who may be of that gender named before: only a person's."""
    verb = root.head
    if root.dep_ != "nsubj":
        return False
    return any(t.tag_ == "PRP$" and t.lower_ in ("his", "her") and t.head.dep_ == "dobj"
               and t.head.head == verb and not _rival_before(doc, t, first_names)
               for t in doc[root.i + 1 : verb.right_edge.i + 1])


def _partner_of_person(root: Token) -> bool:
    """Coordinated with a person's name right after an inverted cue ("...,” chorused Rotua
    Simanjuntak and Berliana Sitorus", the second typed a body): those who speak together
    there are people (not "Senator X and Planned Parenthood sued")."""
    person = next((t for t in root.conjuncts if t.ent_type_ == "PERSON"), None)
    verb = person.head if person is not None else None
    return verb is not None and verb.i > 0 and verb.tag_.startswith("VB") and (
        verb.doc[verb.i - 1].is_quote)


def _who(ent: Span) -> bool:
    """A relative "who" after the name and its comma ("X, who flew in from Oslo"): a
    person's."""
    return _who_at(ent.doc, ent.end)


def _who_at(doc: Doc, comma: int) -> bool:
    """A comma at token `comma`, then "who", "whom" or "whose"."""
    return comma + 1 < len(doc) and doc[comma].text == "," and (
        doc[comma + 1].lower_ in ("who", "whom", "whose"))


def _words_with_who(doc: Doc) -> set[str]:
    """The proper nouns a relative "who" follows with a singular verb, as a person's name
    does ("Nakashima, who was alone in the control room, left ...", whatever the NER typed
    this or a later "Nakashima"); not "the American, who", "Democrats, who", nor a firm in
    British copy ("Tesco, who own the site"). One pass over the document."""
    return {t.text for t in doc[: len(doc) - 3] if t.tag_ == "NNP" and _who_at(doc, t.i + 1)
            and doc[t.i + 3].tag_ != "VBP" and (t.i == 0 or doc[t.i - 1].tag_ != "DT")}


def _listed_role_appositive(root: Token) -> bool:
    """A listed job in apposition after the name ("X, Portuense's head coach,"): a firm's
    appositive says what it is ("Edison Research, a polling firm")."""
    return any(c.dep_ == "appos" and c.i > root.i and c.lower_ in ROLE_NOUNS
               for c in root.children)


def _referred_by(doc: Doc, ent: Span, gender: str | None, first_names: Mapping[str, str]) -> bool:
    """The span, a verb's subject and no place ("in Ferreira"), is what the next he or she
    can refer to: of the first name's `gender` when given (the antecedent ranker chooses
    later), else only to it (no person who may be of its gender named before it)."""
    if ent.root.dep_ != "nsubj" or _after_locative(doc, ent) or not all(
        capitalised(t) or joins_name(doc, t.i) for t in ent
    ):
        return False
    pronoun = next((t for t in doc[ent.end : ent.end + PRONOUN_WINDOW]
                    if t.lower_ in ("he", "she") and t.tag_ == "PRP"), None)
    if pronoun is None:
        return False
    if gender is not None:
        return gender == PRONOUN_GENDER[pronoun.lower_]
    return not _rival_before(doc, pronoun, first_names)


def _untagged_capital(tok: Token) -> bool:
    return tok.ent_type_ == "" and capitalised(tok) and tok.tag_ == "NNP" and tok.whitespace_ != ""


def _next_is_firm(ent: Span) -> bool:
    doc = ent.doc
    return ent.end < len(doc) and doc[ent.end].lower_.rstrip(".") in PLACE_OR_FIRM_WORDS


def _after_locative(doc: Doc, ent: Span) -> bool:
    """The word stands somewhere as the object of a preposition ("in Ferreira"): a place."""
    key = ent.text.lower()
    return any(e.text.lower() == key and e.root.dep_ == "pobj" for e in doc.ents)


def _rival_before(doc: Doc, pronoun: Token, first_names: Mapping[str, str]) -> bool:
    """A PERSON named before the pronoun whose first name does not contradict its gender."""
    gender = PRONOUN_GENDER[pronoun.lower_]
    return any(e.label_ == "PERSON" and first_names.get(e[0].lower_, gender) == gender
               for e in doc.ents if e.start < pronoun.i)
