"""Where a quote's speaker comes from when its source mention is missing or is not the
speaker: a colon lead-in, the subject of the sentence before an uncued quote, a narrated name
after it that says nothing, a person named after a description of them (cataphora, headlines
included), the author an opinion piece names at its end, the signer of a dash-signed quote,
and whether a position lies inside quotation marks."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from service.pipeline.attribution.statements import QUOTE_MARKS
from service.pipeline.document import Document
from service.pipeline.quote_types import enclosing
from service.pipeline.speakers.antecedents import Anaphor, agrees, role_match
from service.pipeline.speakers.coreference import ArticleEntities, Entity
from service.pipeline.speakers.lexicon import (
    DASHES,
    EMPTY_WORDS,
    PRONOUN_GENDER,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    SUBJECT_DEPS,
    is_role_head,
)
from service.pipeline.speakers.mentions import SourceMention, speech_owner
from service.pipeline.speakers.names import NAME_PARTICLES, is_name_token, joins_name
from service.pipeline.speakers.source_fixes import missed_cue, right_after
from service.pipeline.types import Attribution

LEAD_IN_WINDOW = 200  # characters back from a quote to its colon lead-in
LEAD_IN_GAP = 1  # tokens between the lead-in's name and its colon (a closing ")" at most)
# A description ("A New York judge") may be named a few sentences on ("Justice X"), as a lede
# is; the first person named there whose stated role matches it is taken
CATAPHORA_SENTENCES = 6
PLACE_LABELS = ("GPE", "LOC", "ORG", "NORP")  # owners of an office ("Connecticut’s governor")
NON_SPACE = re.compile(r"\S")
# what may open a paragraph before its lead's first word: "WASHINGTON (AP) — "
DATELINE = re.compile(r"\s*(?:[A-Z][A-Z .,'-]+(?:\([\w .]+\))?\s*[\u2014\u2013-]+\s*)?")
# a quote signed with a dash after its closing mark, on its line, the next one or the one
# after a blank line: “...” ― Carla Sanchez
SIGNATURE = re.compile(
    f"[{re.escape(QUOTE_MARKS)}.,]*[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*){{0,2}}"
    f"(?:{'|'.join(map(re.escape, DASHES))}|-(?=[ \t\u00a0]))[ \t\u00a0]*"
)  # (a spaced hyphen is a dash in plain text: "..." - Superintendent X)
SIGNATURE_TAIL = 12  # tokens after the signer's name: ", 34, Los Angeles.", ", president of
# the Calloway Tenants’ Union"
# a transcript's speaker label opening a paragraph: "WALLACE: Let's start ..." (a quotation
# mark may come first, as each paragraph of a quoted transcript reopens one)
CAPS_WORD = "[A-Z][A-Z.'\u2019-]+"
LABEL = re.compile(f"[{re.escape(QUOTE_MARKS)}\\s]*({CAPS_WORD}(?: {CAPS_WORD}){{0,3}}):[ \t]")
# an opinion page closes with the writer's line, sometimes followed by one more ("Follow X")
AUTHOR_PARAGRAPHS = 2
AUTHOR_SENTENCES = 2  # "X is director of debate at Y. He is the author of Z."
LETTER_PARAGRAPHS = 6  # how far after a letter's "I" the line that signs it may stand


def in_quotes(document: Document, at: int) -> bool:
    """Whether character `at` lies inside quotation marks."""
    return document.quoted_region(at) is not None


def continued_quotation(document: Document, first: int, last: int) -> bool:
    """Paragraphs first..last are one quotation written over several paragraphs: each after
    the first opens with a quotation mark, and each before the last ends inside its open
    quotation (the convention: no closing mark until the last paragraph)."""
    return last > first and all(document.runs_on(k, QUOTE_MARKS)  # single marks too
                                for k in range(first + 1, last + 1))


def in_block_quote(document: Document, at: int) -> bool:
    """Whether character `at` lies in a paragraph that a lead-in ending the paragraph before
    introduces ("X said:" or "said;", then the speaker's words unmarked): a sentence with a
    speech verb that ends in a colon or semicolon."""
    before = document.text[: document.paragraph_start(at)].rstrip()
    if not before.endswith((":", ";")):
        return False
    mark = document.parse.char_span(len(before) - 1, len(before), alignment_mode="expand")
    return mark is not None and any(t.lower_ in SPEECH_VERBS for t in mark[0].sent)


def narrated_after(span: Span, att: Attribution) -> bool:
    """The source follows the quote in a sentence of its own with no speech verb (and the
    quote's cue, if any, is no speech verb either): "... ." The chairman, X, nodded; nor one
    that says nothing."""
    sent = span[0].sent
    cue = span.doc.char_span(att.cue.start, att.cue.end, alignment_mode="expand") if (
        att.cue is not None) else missed_cue(span.doc, att)
    if any(speaks(t) for t in cue or ()) or span.start_char < att.end:
        return False
    if cue is not None and right_after(span.doc, att, cue):
        return False  # an inverted cue, whatever the verb ("...?" pressed prosecutor X)
    return sent.start_char >= att.end and not any(speaks(t) for t in sent)


def speaks(tok: Token) -> bool:
    """A speech verb that says words, not "said nothing", "wrote something in her notebook"."""
    return tok.lower_ in SPEECH_VERBS and not any(c.lower_ in EMPTY_WORDS for c in tok.children)


def lead_in(document: Document, ents: ArticleEntities, att: Attribution) -> Entity | None:
    """A colon lead-in right before the quote, in its paragraph or the one before ("From
    Chairwoman X:" then the quote): the person or organisation named right before the colon."""
    window = max(0, att.start - LEAD_IN_WINDOW)
    before = document.text[window : att.start]
    while before and (before[-1] in QUOTE_MARKS or before[-1].isspace()):
        before = before[:-1]
    if not before.endswith(":"):
        return None
    at = window + len(before) - 1
    colon = document.parse.char_span(at, at + 1, alignment_mode="expand")
    if not colon:
        return None
    # the subject of a speech verb of the lead-in ("X told a meeting in Hatfield:"), else
    # the name that ends it ("From Chairwoman X:"), not one it addresses earlier ("a
    # message for Mayor X: ...")
    speaker = lead_in_subject(ents, colon[0].sent)
    if speaker is not None:
        return speaker
    named = next(iter(ents.mentions_before(colon[0].i, limit=1)), None)
    if named is None or colon[0].i - named.end > LEAD_IN_GAP and not described_up_to(
        ents.doc, named.end, colon[0].i
    ):
        return None
    if named.entity.type == "organization" and ents.doc[named.end - 1].dep_ == "pobj":
        # the body a role names ("From the panel's chair, X, a professor at Y University:")
        sent = colon[0].sent
        people = [x.entity for x in ents.mentions_before(named.start, limit=8)
                  if x.start >= sent.start and x.entity.type == "person"]
        if people:
            return people[0]
    return named.entity


def described_up_to(doc: Doc, end: int, colon: int) -> bool:
    """The tokens from a name ending at `end` to the colon are a description or a
    prepositional phrase set off by a comma and hung on the name ("The last word goes to X,
    a soprano in the choir since 1963:", "Chief executive X, in a statement on Monday:")."""
    name = doc[end - 1]  # the phrase may hang on the noun the name stands beside
    holders = [name, name.head] if name.dep_ in ("appos", "compound") else [name]
    described = {t.i for h in holders for c in h.children
                 if c.dep_ in ("appos", "prep") and c.i > end for t in c.subtree}
    return doc[end].text == "," and all(i in described for i in range(end + 1, colon))


def lead_in_subject(ents: ArticleEntities, sent: Span) -> Entity | None:
    """The entity named in the subject of the sentence's first speech verb."""
    verb = next((t for t in sent if t.lower_ in SPEECH_VERBS and t.tag_.startswith("VB")), None)
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None) if verb else None
    if subject is None:
        return None
    return next((e for t in subject.subtree if (e := ents.entity_at(t.i)) is not None), None)


def previous_subject(document: Document, ents: ArticleEntities, at: int) -> Token | None:
    """The subject of the sentence before the one at character `at`, when the quote opens
    its sentence (an uncued quote continues the person just described): a person's name (or
    the name in apposition to it), or a he or she or a description of a person ("The coach")
    for the caller to resolve; the owner when the subject is someone's speech ("The
    coach's tone hardened.", "His words ...")."""
    span = document.parse.char_span(at, min(at + 4, len(document.text)), alignment_mode="expand")
    # the first word: the tagger may leave an opening mark ("« We") on the sentence before
    tok = next((t for t in span or () if not (t.is_punct or t.is_space)), None)
    if tok is None or tok.sent.start_char < at - 2:
        return None
    k = ents.sentence_of(tok.i)
    if k <= 0:
        return None
    sent = ents.sentences[k - 1]
    if document.paragraph(sent.start_char) != document.paragraph(at):
        return None  # a new paragraph's uncued quote goes on with the running speaker
    for t in sent:
        # someone's speech the parser made the root, its verb a modifier ("The coach's tone
        # hardened" read as a noun phrase), is the subject too
        nominal = t == sent.root and t.lower_ in SPEECH_NOUNS and any(
            c.tag_.startswith("VB") and c.i > t.i for c in t.children)
        if t.dep_ in SUBJECT_DEPS and t.head == sent.root or nominal:
            t = speech_owner(t) or t
            if t.lower_ in PRONOUN_GENDER:
                return t
            # the subject's name, or the name in apposition to it ("The prosecutor, X,")
            named = [t, *(c for c in t.children if c.dep_ == "appos")]
            name = next((c for c in named if (e := ents.entity_at(c.i)) is not None
                         and e.type == "person"), None)
            if name is not None and any(c.dep_ == "conj" for c in name.children):
                return None  # people speaking together are no one person ("X and Y said")
            described = t.tag_ == "NN" and t.is_lower and is_role_head(t.text)
            return name or (t if described and ents.entity_at(t.i) is None else None)
    return None


def headline_description(document: Document, m: SourceMention) -> bool:
    """A bare singular job noun in the headline block ("Lawmaker urges ...", "Judge
    rejects ..."): headlines drop the article a sentence of the story would have."""
    in_headline = m.span.start_char < document.headline_end
    singular = m.root.tag_ in ("NN", "NNP")  # not NNS / NNPS
    return in_headline and singular and m.span[0].tag_ not in ("DT", "PRP$")


def cataphora(
    document: Document, ents: ArticleEntities, m: SourceMention, headline: bool = False,
    sources: frozenset[int] = frozenset(),
) -> Entity | None:
    """The first person named after the mention, within CATAPHORA_SENTENCES, whose stated
    role matches the mention's head ("A senior official ... The official, deputy director X,
    said"). A headline's description looks through the whole story and, with no role match,
    takes the first person named in the story's lead paragraph (news names the headline's
    actor there); never one the headline itself names. An indefinite or place-owned
    description opening a paragraph ("A former party chairman says ...") with no role match
    is the first person first named in a later sentence, up to the next paragraph, whose
    mention heads a quote's source (`sources`: the source spans' head tokens) and who has no
    stated role and agrees in gender: the delayed identification of news leads ("..., said X,
    who ...")."""
    doc, text = document.parse, document.text
    own = ents.sentence_of(m.span.end - 1)
    last = own + CATAPHORA_SENTENCES
    first_word = NON_SPACE.search(text, document.headline_end)
    lead = document.paragraph(first_word.start()) if first_word else -1
    body = document.headline_end if headline else 0
    # "A former party chairman says ...", "Connecticut's tax commissioner says ...": a
    # paragraph that opens (after a dateline) with an indefinite or place-owned description
    # (a lead, or a live blog's item) names its speaker in the paragraph after
    owned = len(m.span) > 2 and m.span[1].tag_ == "POS" and m.span[0].ent_type_ in PLACE_LABELS
    para = document.paragraph(m.span.start_char)
    opening = text[document.paragraph_start(m.span.start_char) : m.span.start_char]
    delayed_lead = (m.span[0].lower_ in ("a", "an") or owned) and bool(DATELINE.fullmatch(opening))
    in_lead = identified = None
    described = Anaphor.of(m.root)
    for x in ents.mentions_after(m.span.end):
        if ents.sentence_of(x.start) > last and not headline:
            break
        first_at = doc[x.entity.first].idx
        if x.entity.type != "person" or x.entity.first < m.span.end or first_at < body:
            continue  # named before the description, or in the headline itself
        if role_match(m.word, x.entity) and agrees(described, x.entity):
            return x.entity  # not "A spokeswoman ..." for the spokesman named next
        if in_lead is None and document.paragraph(doc[x.start].idx) == lead:
            in_lead = x.entity
        if (delayed_lead and identified is None and ents.sentence_of(x.entity.first) > own
                and document.paragraph(doc[x.start].idx) <= para + 1
                and any(i in sources for i in range(x.start, x.end)) and x.entity.role is None
                and agrees(described, x.entity)):
            identified = x.entity
    return in_lead if headline else identified


def author(document: Document, ents: ArticleEntities) -> Entity | None:
    """The writer of an opinion piece, as opinion pages introduce them in a closing paragraph
    of its own ("Charlotte Meehan is playwright-in-residence at ...", "X, former adviser to Y,
    is Senior Fellow at ..."): one of the last AUTHOR_PARAGRAPHS paragraphs opens with a
    person's name that is the subject of "is"/"was". None for a news story."""
    doc = document.parse
    closing = [(s, e) for s, e in document.paragraphs if document.text[s:e].strip()]
    for start, end in closing[: -AUTHOR_PARAGRAPHS - 1 : -1]:
        para = doc.char_span(start, end, alignment_mode="expand")
        words = [t for t in para or [] if not t.is_space]
        if not words:
            continue
        sents = list(dict.fromkeys(t.sent for t in words))
        root = sents[0].root
        ent = ents.entity_at(words[0].i)
        subject = next((t for t in root.children if t.dep_ == "nsubj"), None)
        if (len(sents) <= AUTHOR_SENTENCES and root.lower_ in ("is", "was") and ent is not None
                and ent.type == "person" and subject is not None
                and ents.entity_at(subject.i) is ent and ent.first >= words[0].i):
            return ent  # first named there: a bio line, not a story's last scene
    return None


def letter_signer(document: Document, ents: ArticleEntities, at: int) -> Entity | None:
    """Who signs the letter that holds character `at`, as a letters page signs each letter
    with a line of its own after it ("... a tyranny.¶Michael Pravica.¶Henderson, Nev."): the
    person named by the first paragraph of LETTER_PARAGRAPHS after it that is only a name;
    None when none is, or a paragraph of capitals (a new section, "FACEBOOK.") comes first."""
    doc, first = document.parse, document.paragraph(at) + 1
    for start, end in document.paragraphs[first : first + LETTER_PARAGRAPHS]:
        line = doc.char_span(start, end, alignment_mode="contract")
        words = [t for t in line or [] if not t.is_space and t.text != "."]
        if not words:
            continue
        if all(t.is_upper for t in words if t.is_alpha):
            return None
        ent = ents.entity_at(words[0].i)
        if ent is not None and ent.type == "person" and all(
            ents.entity_at(t.i) is ent for t in words
        ):
            return ent
    return None


def signature(document: Document, att: Attribution) -> Span | None:
    """The name that signs a quote with a dash after its closing mark, as letters, reader
    comments and epigraphs are signed (“...” ― Carla Sanchez): the name words opening a
    signature line with no verb after the quotation the attribution lies in."""
    start, end = document.paragraph_start(att.end), document.paragraph_end(att.end)
    region = enclosing(att.end - 1, *document.quoted(start, end))
    if region is None:  # an indirect quote's dash goes on with the sentence
        return None
    sign = SIGNATURE.match(document.text, max(region[1], att.end))
    if sign is None:
        return None
    line_end = document.text.find("\n", sign.end())
    # whole tokens only (nlp.py splits an unspaced "--" from the word after it)
    line = document.parse.char_span(sign.end(), len(document.text) if line_end < 0 else line_end,
                                    alignment_mode="contract")
    # a signature line holds the name (and where they are from), not a sentence going on
    # after a dash (“dead” — Obama disagreed; a name word the tagger took for a verb stays:
    # "El-Sayed")
    if line is None or any(t.tag_.startswith("VB") and t.is_lower for t in line):
        return None
    run = 0  # the name with its titles ("Provost X"), hyphens and particles ("Ferreira da Costa")
    while run < len(line) and (is_name_token(line[run]) or joins_name(line.doc, line[run].i) or (
        line[run].lower_ in NAME_PARTICLES and run + 1 < len(line)
        and (is_name_token(line[run + 1]) or joins_name(line.doc, line[run + 1].i))
    ) or run and joins_name(line.doc, line[run - 1].i) and line[run].is_title):
        run += 1  # (the word after a hyphen whatever its tag: "El-Sayed" tagged a verb)
    rest = [t for t in line[run:] if not t.is_space]
    signed = not rest or (rest[0].text in (",", ".") and len(rest) <= SIGNATURE_TAIL)
    return line[:run] if run and signed else None


def transcript_labels(document: Document) -> dict[int, Span]:
    """The upper-case speaker labels opening paragraphs of a transcript ("PENCE: Well, ..."),
    by paragraph index; none unless two different labels take turns (a dateline "NEW DELHI:"
    or a repeated "UPDATE:" is no transcript)."""
    found = {}
    for k, (start, end) in enumerate(document.paragraphs):
        label = LABEL.match(document.text, start)
        if label is not None and label.end(1) <= end:
            span = document.parse.char_span(*label.span(1), alignment_mode="expand")
            if span is not None:
                found[k] = span
    return found if len({s.text for s in found.values()}) >= 2 else {}


def labelled(document: Document, labels: dict[int, Span], att: Attribution) -> Span | None:
    """The transcript label of the quote's paragraph, when the quote comes after it and the
    tagged source is none or lies in the quoted words ("PENCE: Well, Donald Trump's tweet
    ..."); a source outside them is reported speech ("WALLACE: Trump said that ...")."""
    label = labels.get(document.paragraph(att.start))
    if label is None or att.start < label.end_char:
        return None
    if att.source is not None and not in_quotes(document, att.source.start):
        return None
    return label
