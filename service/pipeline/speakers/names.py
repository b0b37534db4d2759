"""Person names in the text: which tokens are name words, how a name is cleaned of titles,
and where the NER missed a name the article marks as a person's (a title before it, an
appositive role, a speech verb); acronyms and headlines, which make capitals unreliable."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from service.pipeline.speakers.lexicon import (
    DASHES,
    GENERIC_BODIES,
    HONORIFICS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TITLE_ABBREVIATIONS,
    is_role_head,
)

NAME_TAGS = {"NNP", "NNPS"}
# Words written before a name that belong to the title, not the name ("Retired Lt. Gen.").
TITLE_MODIFIERS = {"retired", "former", "acting", "deputy", "vice", "interim", "senior", "junior",
                   "the"}
# Longest name run taken from capitalised tokens the NER missed (bounds the scan, too).
MAX_NAME_TOKENS = 5
PRONOUN_WINDOW = 60  # tokens from a lone surname to the he/she that shows it is a person
CLOSING_QUOTE_TOKENS = {"\u201d", "\u2019"}
# a name word with its particle glued on: "d’Aubigné", "l'Ouverture"
GLUED_PARTICLE = re.compile(r"[a-z]{1,2}['\u2019][A-Z]")
NAME_PARTICLES = {"de", "del", "della", "di", "da", "du", "van", "von", "der", "den", "le", "la",
                  "bin", "binti", "bint", "al", "ibn", "ben", "ap", "dos", "das", "do", "ter", "zu",
                  "á", "i", "y"}  # (Catalan "i", Spanish "y" join two surnames)


def word_key(tok: Token) -> str:
    """A name word as matched across mentions: lower case, one apostrophe ("O’Neill" is
    "O'Neill")."""
    return tok.lower_.replace("\u2019", "'")


def is_name_token(tok: Token) -> bool:
    text = tok.text
    tagged = tok.tag_ in NAME_TAGS or (
        text.istitle() and tok.tag_.startswith("NN") and not tok.is_sent_start
    )
    return tagged and text[:1].isalpha() and name_capital(text)


def name_capital(text: str) -> bool:
    """A name word's capital, also after a particle glued on ("d’Aubigné", "l'Ouverture")."""
    return text[:1].isupper() or bool(GLUED_PARTICLE.match(text))


def is_title_word(tok: Token) -> bool:
    w = tok.lower_
    plural = w.endswith("s") and w[:-1] in ROLE_NOUNS  # "Professors X and Y"
    return (w in HONORIFICS or w in TITLE_ABBREVIATIONS or w in ROLE_NOUNS or plural
            or w in TITLE_MODIFIERS)


POSSESSIVE_ENDINGS = {"'s", "\u2019s"}


def clean_name(tokens: list[Token]) -> list[Token]:
    """Strip honorifics, titles ("PolitiFact Executive Director Aaron Sharockman"),
    possessives, punctuation and a headline's trailing verb ("Obama Says") from a name."""
    toks = [t for t in tokens if not t.is_space]
    while toks and (toks[-1].tag_ == "POS" or toks[-1].lower_ in POSSESSIVE_ENDINGS
                    or not any(c.isalpha() for c in toks[-1].text)
                    or toks[-1].lower_ in SPEECH_VERBS):  # "’s" is not always tagged POS
        if toks[-1].text == "." and len(toks) > 1 and toks[-2].lower_ in NAME_SUFFIXES and (
            not toks[-2].whitespace_
        ):
            break  # the dot of "Sr." the tokenizer split off
        toks.pop()
    while len(toks) > 1 and is_title_word(toks[-1]) and person_follows(toks[-1]):
        # a title the NER cut from the person it tagged next: "Charlotte Mayor" | "Jennifer
        # Roberts" (not "Howard Dean Friday", "Steve King Tuesday")
        toks.pop()
    last_title = max((k for k, t in enumerate(toks[:-1]) if is_title_word(t)), default=-1)
    toks = toks[last_title + 1 :]
    # a name starts with a capital ("steward Mira Holt" tagged PERSON is Mira Holt) or a
    # surname particle ("de Blasio")
    while toks and not (toks[0].text[:1].isupper() and any(c.isalpha() for c in toks[0].text)):
        if toks[0].lower_ in NAME_PARTICLES and len(toks) > 1 and toks[1].text[:1].isupper():
            break
        toks.pop(0)
    # a title alone opening a sentence is no name ("Councillor urges ..."), nor one followed
    # by what it is the title of ("Speaker of the House") or by the name it is the title of
    # ("Alderwoman" | "Siobhan Ní Bhriain" tagged ORG); elsewhere it may be a surname
    # ("King said")
    after = toks[-1].nbor() if toks and toks[-1].i + 1 < len(toks[-1].doc) else None
    titles = after is not None and (after.lower_ == "of" or is_name_token(after))
    lone_title = toks and (toks[0].is_sent_start or titles) and all(
        is_title_word(t) for t in toks)
    return [] if lone_title else toks


def person_follows(tok: Token) -> bool:
    """Whether the token after `tok` begins a PERSON span of the NER."""
    doc, i = tok.doc, tok.i + 1
    return i < len(doc) and doc[i].ent_iob_ == "B" and doc[i].ent_type_ == "PERSON"


def name_text(doc: Doc, toks: list[Token]) -> str:
    return doc[toks[0].i : toks[-1].i + 1].text.strip()  # Doc.text would join the whole doc


def org_name(span: Span) -> str:
    toks = [t for t in span if not t.is_space]
    while toks and (  # "Later the Security Council": the NER took the adverb in
        toks[0].lower_ in {"the", "a", "an"} or not any(c.isalnum() for c in toks[0].text)
        or toks[0].tag_ == "RB" and len(toks) > 1 and toks[1].lower_ in {"the", "a", "an"}
    ):
        toks.pop(0)
    while toks and (toks[-1].is_punct or toks[-1].tag_ == "POS" and owns_next(toks[-1])):
        toks.pop()
    return name_text(span.doc, toks) if toks else span.text.strip()


def owns_next(tok: Token) -> bool:
    """Whether a possessive marker owns a word after it ("Apple's chief"): one before a
    verb, a comma or the end is the name's own ("McDonald's said", "Moody's")."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.tag_.startswith(("NN", "JJ", "CD", "VBG", "VBN", "HYPH"))


def headlines(doc: Doc) -> set[int]:
    """Start tokens of the sentences in title case ("Black Lawmakers Rip Donald Trump As A
    Fraud"), where capitals tell nothing about names; one pass over the text. Names count
    only where too few other words are left to judge ("Derelict Obama and Clinton"): a
    sentence of names ("Senator Maria Olsen and Governor Peter Lund met the press") is no
    headline, nor a lead-in that ends with a colon ("From Treasurer Kwame Asante:"), nor a
    dash signature."""
    out = set()
    for sent in doc.sents:
        last = next((t for t in reversed(sent) if not t.is_space), None)
        first = next((t for t in sent if not t.is_space), None)
        if last is not None and last.text == ":" or first is not None and (
            first.text in DASHES or first.text == "-"
        ):
            continue  # nor a signature line ("— Provost Ahmed El-Sayed")
        words = [t for t in sent if t.is_alpha and len(t) > 3]
        if len(common := [t for t in words if not t.ent_type_]) >= 3:
            words = common
        if len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.8 * len(words):
            out.add(sent.start)
    return out


def widened(ent: Span, in_headline: bool) -> list[Token]:
    """A PERSON span with the capitalised name words around it that the NER left out
    ("Amelize Joseph" tagged as "Joseph"; "Treasurer Kwame" tagged, "Asante" not, though
    the parser joins them); title words stay out, and headlines stay as tagged."""
    start, end, doc = ent.start, ent.end, ent.doc
    if in_headline:
        return list(ent)
    while start > max(0, ent.start - 2) and (prev := doc[start - 1]).tag_ == "NNP" and (
        prev.ent_type_ == "" and not is_title_word(prev) and prev.text.isalpha()
    ):
        start -= 1
    # a given name before a surname particle, which the NER may type a group ("Joaquim" |
    # "dos" | "Anjos Ferreira")
    if start > 1 and doc[start - 1].lower_ in NAME_PARTICLES and (prev := doc[start - 2]).tag_ == (
        "NNP"
    ) and prev.ent_type_ in ("", "NORP") and not is_title_word(prev) and prev.text.isalpha():
        start -= 2
    # the first half of a hyphenated first name the NER cut ("Lars-" | "Erik Øvergaard")
    if start > 1 and joins_name(doc, start - 1) and doc[start - 2].text[:1].isupper() and (
        doc[start - 2].is_alpha
    ):
        start -= 2
    # (a last word the NER took for a place, "Rodrigo Tavares" | "Lima", when the parser
    # makes it the head of the name)
    while end < min(len(doc), ent.end + 2) and (nxt := doc[end]).tag_ == "NNP" and (
        (nxt.ent_type_ == "" or nxt.ent_type_ == "GPE" and nxt.ent_iob_ == "B" and (
            end + 1 == len(doc) or doc[end + 1].ent_iob_ != "I"))
        and nxt.text.isalpha() and not is_title_word(nxt) and nxt.lower_ not in GENERIC_BODIES
        and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end
    ):
        end += 1
    # particles inside a surname, where the NER cuts or splits the name ("Anneke van" | "der"
    # | "Laan"; "Luc Van" | "den" | "Broeck")
    k = end
    while k < min(len(doc), ent.end + 3) and doc[k].lower_ in NAME_PARTICLES:
        k += 1
    if doc[k - 1].lower_ in NAME_PARTICLES and k < len(doc) and doc[k].tag_ == "NNP" and (
        doc[k].text[:1].isupper()
    ):
        end = k + 1
    # the rest of a hyphenated surname the NER cut ("Chiamaka Nwankwo" | "-Obi")
    if end + 1 < len(doc) and joins_name(doc, end) and doc[end + 1].text[:1].isupper() and (
        not doc[end].whitespace_ and doc[end + 1].is_alpha
    ):
        end += 2
    return list(doc[start:end])


NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def surname(name: str) -> str:
    """The surname of a full name, past a generational suffix ("Robert F. Kennedy Jr." ->
    "Kennedy")."""
    words = [w for w in name.replace(",", "").split() if w.lower() not in NAME_SUFFIXES]
    return words[-1] if words else name


def acronym(name: str) -> str | None:
    """The lower-case initials of a name of three or more capitalised words ("International
    Monetary Fund" -> "imf"; "of", "and", "The" skipped), so that "the IMF" is the same
    organisation; None for shorter names."""
    caps = [w for w in name.split() if w[:1].isupper() and w.lower() not in ("the", "a", "an")]
    return "".join(w[0] for w in caps).lower() if len(caps) >= 3 else None


def speaking_names(doc: Doc) -> list[list[Token]]:
    """Capitalised names the NER missed, or took for a work's title (as it may a name after a
    quote's closing mark), that act as people: the subject of a speech verb ("Okonkwo spoke
    to reporters", "”, Mei-Ling Chua told reporters"; a title only so), or a lone surname
    subject of any verb when a he or she follows within PRONOUN_WINDOW tokens ("Adeyemi left
    the courtroom. ... he said"), or a two-word name there the NER left untagged ("Emeka
    Hollis opened a bakery. He told")."""
    runs = []
    pronoun_at = len(doc) + PRONOUN_WINDOW + 1  # the nearest he/she at or after each token
    next_pronoun = [0] * len(doc)
    for tok in reversed(doc):
        if tok.lower_ in ("he", "she") and tok.tag_ == "PRP":
            pronoun_at = tok.i
        next_pronoun[tok.i] = pronoun_at
    for tok in doc:
        if tok.dep_ != "nsubj" or tok.ent_type_ not in ("", "WORK_OF_ART") or tok.tag_ != "NNP" or (
            not tok.is_title
        ):
            continue
        if tok.lower_ in GENERIC_BODIES or is_office(tok):
            continue  # "the Nordic Coalition has tried": an organisation's head noun
        speaks = tok.head.lower_ in SPEECH_VERBS or tok.head.lower_ in ("spoke", "speaks")
        if tok.ent_type_ and not speaks:
            continue  # a work's title does not speak; one that does is a person
        first = doc[tok.i - 1] if tok.i else None
        lone = (first is None or first.tag_ != "NNP" or (
            first.ent_type_ == "" and first.dep_ == "compound" and not is_title_word(first)
            and not (first.i and doc[first.i - 1].tag_ == "NNP"))) and tok.dep_ != "compound"
        referred = lone and next_pronoun[tok.i] - tok.i <= PRONOUN_WINDOW
        run = name_tokens_ending(doc, tok.i)
        if (speaks or referred) and not (run and body_after_the(doc, run[0].i, run[-1].i + 1)):
            runs.append(run)
    return runs


def body_after_the(doc: Doc, start: int, end: int) -> bool:
    """The capitalised run [start, end) follows "the": no person's name takes it ("The Kelso
    Lantern reported"), unless a he or she follows within PRONOUN_WINDOW tokens with no
    person named before it ("the Dalai Lama said. He ...")."""
    if start == 0 or doc[start - 1].lower_ != "the":
        return False
    for tok in doc[end : end + PRONOUN_WINDOW]:
        if tok.ent_type_ == "PERSON":
            return True
        if tok.lower_ in ("he", "she") and tok.tag_ == "PRP":
            return False
    return True


def is_office(tok: Token) -> bool:
    """A capitalised job word that is no surname ("Porter said" is one): plural, or with
    its office or a name hanging on it ("Attorneys for X appeared", "UMWA Director of
    Government Affairs Phil Smith told")."""
    plural = tok.tag_ in ("NNS", "NNPS") or tok.lower_.endswith("s") and not (
        tok.lower_.endswith("ss"))
    return tok.is_alpha and is_role_head(tok.text) and (plural or any(  # not "Gov."
        c.dep_ in ("appos", "prep") for c in tok.children))


def titled_names(doc: Doc) -> list[list[Token]]:
    """Capitalised name runs the NER missed but the article marks as a person's by a role:
    an appositive ("Shu Jueting, a ministry spokeswoman,") or a title before the name
    ("spokeswoman Shu Jueting")."""
    runs = []
    for tok in doc:
        if not is_role_head(tok.text) or not tok.tag_.startswith("NN"):
            continue  # an office or a job word ("protester Alina Petrescu")
        if tok.dep_ == "appos" and tok.head.i < tok.i:
            run = name_tokens_ending(doc, tok.head.i)
        else:
            end = tok.i  # through the hyphens inside a name word ("Adeyemi-Jones", "Min-seo")
            while end + 1 < min(len(doc), tok.i + MAX_NAME_TOKENS) and (
                is_name_token(doc[end + 1]) or joins_name(doc, end + 1)
                or joins_name(doc, end) and doc[end + 1].is_alpha
            ):
                end += 1
            end -= doc[end].text == "-"
            run = list(doc[tok.i + 1 : end + 1])
        # only names the NER missed, and whole words ("Jo-Renee", "Crouse-Mays" stay whole)
        # (a run tagged ORG or GPE after a title is a person: "organiser Bea Lindqvist")
        # nor a body after a title-like word ("the General Assembly")
        if any(t.lower_ in GENERIC_BODIES for t in run):
            continue
        # (but one word the NER tagged a body after a job word is a firm: "Rail operator
        # Norrlandsbanan")
        body = any(t.ent_type_ in ("ORG", "GPE") for t in run) and len(run) == 1
        if run and all(t.ent_type_ in ("", "ORG", "GPE") for t in run) and not (
            hyphenated(doc, run) or body
        ):
            runs.append(run)
    return runs


def nicknamed_names(doc: Doc) -> list[list[Token]]:
    """Names written with a nickname in quotation marks inside them (Rep. Robert C. "Bobby"
    Scott, Marcia “Cia” Price), whole: the guideline's fullest name the article gives. The
    NER cuts them at the marks, and may take the surname for a common noun ("Price")."""
    runs = []
    for tok in doc:
        if tok.tag_ != "``" or not tok.i:
            continue
        k = tok.i + 1
        while k < min(len(doc), tok.i + 3) and doc[k].is_alpha and doc[k].text[:1].isupper():
            k += 1
        first = name_tokens_ending(doc, tok.i - 1)
        if k == tok.i + 1 or not first or k + 1 >= len(doc) or not doc[k].is_quote:
            continue
        end = k + 1
        while end < min(len(doc), k + 1 + MAX_NAME_TOKENS) and doc[end].text[:1].isupper() and (
            any(c.isalpha() for c in doc[end].text)
        ):
            end += 1
        if end > k + 1:
            runs.append(first + list(doc[tok.i : end]))
    return runs


def said_words(doc: Doc, contents: list[tuple[int, int]]) -> frozenset[int]:
    """Indices of the tokens of quote contents (character spans) that open with a quotation
    mark and hold one or two capitalised words: a word said, not a name ("“Savage,” she
    said", though the NER tags it a person)."""
    said = set()
    for start, end in contents:
        span = doc.char_span(start, end, alignment_mode="expand")
        words = [t for t in span or () if not t.is_punct and not t.is_space]
        if span and span[0].is_quote and words and len(words) <= 2 and all(
            t.text[:1].isupper() for t in words
        ):
            said |= {t.i for t in words}
    return frozenset(said)


def between_quotation_marks(doc: Doc, start: int, end: int) -> bool:
    """Tokens [start, end) stand alone between an opening and a closing quotation mark (a
    nickname, “Sparrow.”); a name right after a quote's closing mark (”, PolitiFact says) does
    not."""
    before, after = start - 1, end
    while after < len(doc) and doc[after].is_punct and not doc[after].is_quote:
        after += 1
    return before >= 0 and after < len(doc) and doc[before].is_quote and doc[after].is_quote and (
        doc[before].text not in CLOSING_QUOTE_TOKENS)


def hyphenated(doc: Doc, run: list[Token]) -> bool:
    before = doc[run[0].i - 1] if run[0].i else None
    after = doc[run[-1].i + 1] if run[-1].i + 1 < len(doc) else None
    return (before is not None and before.text == "-" and not before.whitespace_) or (
        after is not None and after.text == "-" and not run[-1].whitespace_
    )


def name_tokens_ending(doc: Doc, end: int) -> list[Token]:
    """The name run ending at token `end`, a hyphenated first name whole ("Jean-Marc")."""
    start = end
    while start > end - MAX_NAME_TOKENS and start >= 0 and (
        is_name_token(doc[start]) or joins_name(doc, start)
    ):
        start -= 1
    return list(doc[start + 1 : end + 1])


STREET_WORDS = {"street", "st", "road", "rd", "lane", "avenue", "ave", "boulevard", "blvd",
                "drive", "square", "terrace", "crescent", "parkway", "highway", "alley"}
LOCATIVE = {"on", "in", "at", "along", "off", "near", "down", "up", "from", "onto"}


def is_street(toks: list[Token]) -> bool:
    """A place the NER took for a person: a street's name after a locative preposition
    ("opened a bakery on Mill Lane"; "Nathan Lane said" stays a person)."""
    first = toks[0].i
    return (len(toks) > 1 and toks[-1].lower_.rstrip(".") in STREET_WORDS and first > 0
            and toks[0].doc[first - 1].lower_ in LOCATIVE)


def joins_name(doc: Doc, i: int) -> bool:
    """Token i is a hyphen inside a name word ("Jean-Marc", "al-Rashidi"), unspaced on both
    sides."""
    return (doc[i].text == "-" and not doc[i].whitespace_ and i > 0 and not doc[i - 1].whitespace_
            and (is_name_token(doc[i - 1]) or doc[i - 1].lower_ in NAME_PARTICLES))


def is_dateline(span: Span) -> bool:
    """Whether the place name `span` opens a story ("WASHINGTON ―", "NEW DELHI (Reuters) -"):
    written in capitals at a paragraph's start and followed by a dash, perhaps after an
    agency in parentheses. It locates the story; it is no organisation that speaks or that
    "they" stands for."""
    doc = span.doc
    if not span.text.isupper() or span.start and "\n" not in doc[span.start - 1].text_with_ws:
        return False
    if span.root.dep_ == "nsubj" and span.root.head.pos_ in ("VERB", "AUX"):
        return False  # "UNICEF – the UN children's agency – said": it speaks
    k = span.end
    if k < len(doc) and doc[k].text == "(":  # "(Reuters)", "(AP)"
        k = next((j + 1 for j in range(k + 1, min(k + 5, len(doc))) if doc[j].text == ")"), k)
    return k < len(doc) and (doc[k].text in DASHES or doc[k].text == "-")


def after_dateline(doc: Doc, start: int, end: int) -> int:
    """Where tokens [start, end) go on after the dateline they open with ("BRUSSELS -
    European leaders": at "European"); `start` when they open with none."""
    for k in range(start + 1, end - 1):
        if doc[k].text in ("(", "-", *DASHES):
            if is_dateline(doc[start:k]):
                return next((j + 1 for j in range(k, end - 1)
                             if doc[j].text in DASHES or doc[j].text == "-"), start)
            return start
    return start
