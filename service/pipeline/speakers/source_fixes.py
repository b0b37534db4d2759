"""Source mentions the attribution model marks that are not who spoke, moved to who did.

- The addressee of "told": "Wang told Xi that ..." with "Xi" marked -> the subject, Wang.
- A subject inside another speaker's reported clause: "Meng said the firm insists on ..."
  with "the firm" marked -> Meng, whose words the article reports.
- The medium of "according to": "Ren told Xi that ..., according to a report" with "a
  report" marked -> Ren, the subject of the speech verb that governs the content.
- A mark on the owner only: "advisers to Mr. Obama say" with "Mr. Obama" marked -> the whole
  subject, "advisers to Mr. Obama".
- A description that is the appositive of a name: "Lei, the CEO of Xiaomi, said" with only
  "the CEO of Xiaomi" marked -> the mention grows to "Lei, the CEO of Xiaomi", so that the
  name resolves and the description still gives the role stated at the quote.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from service.pipeline.attribution.statements import QUOTE_MARKS
from service.pipeline.speakers.lexicon import (
    LEAD_IN_NOUNS,
    NAMING_WORDS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    SUBJECT_DEPS,
    is_role_head,
)
from service.pipeline.speakers.mentions import PRONOUNS, head_of, source_tokens, speech_owner
from service.pipeline.speakers.names import is_name_token
from service.pipeline.types import Attribution

# Verbs whose object is the addressee, never the speaker.
TELL_VERBS = {"told", "tell", "tells", "telling", "informed", "informs", "assured", "assures",
              "briefed", "reminded", "warned", "warns", "urged", "urges"}
REPORTING_VERBS = SPEECH_VERBS | TELL_VERBS
# Things that carry someone's words: "according to a report" names a channel, not a speaker.
MEDIUM_NOUNS = {"report", "reports", "article", "statement", "release", "data", "survey",
                "study", "poll", "filing", "document", "documents", "transcript", "readout",
                "letter", "memo", "post", "tweet", "interview", "broadcast", "book",
                "announcement", "notice", "minutes", "records", "account", "video"}
APPOSITIVE_NAME_ENTS = ("", "PERSON", "ORG")
NAME_PARTS = ("compound", "flat")
# Cue verbs of the "...," <verb> <speaker> order besides the speech verbs ("grumbled coach X")
INVERTED_CUES = {"grumbled", "sighed", "insists", "insisted", "replied", "quipped", "shouted",
                 "joked", "laughed", "admitted", "conceded", "cautioned", "recalled"}
MAX_TITLE_WORDS = 4
OWNER_PREPOSITIONS = {"to", "for", "of", "at", "with", "from"}
NAMING_REACH = 6  # tokens after the mark where its naming word may still stand


def speaker_span(doc: Doc, span: Span, att: Attribution) -> Span:
    """The tokens that name who spoke: the marked mention, or where one of the rules above
    moves it (but the nested subject, which needs the article's people: outer_speaker)."""
    for fix in (addressee_subject, medium_speaker, appositive_name, nickname, owner_only,
                owners_words, lead_in_source, relative_clause_source):
        moved = fix(doc, span, att)
        if moved is not None and len(moved):
            return moved
    return span


def cue_is_verb(att: Attribution, verb: Token) -> bool:
    """The cue is this verb or one coordinated with it ("insists ..., and expects")."""
    if att.cue is None:
        return True
    cue = verb.doc.char_span(att.cue.start, att.cue.end, alignment_mode="expand")
    if cue is None:
        return False
    tok = cue.root
    while tok.dep_ == "conj" and tok.i != verb.i:
        tok = tok.head
    return tok.i == verb.i


def own_subject(doc: Doc, span: Span, att: Attribution) -> Span | None:
    """The active subject of the verb the content hangs on in its own sentence, for a
    cueless attribution whose marked source lies in another sentence ("She maintained that ... . The
    chairman, X, said"); None otherwise."""
    content = doc.char_span(att.start, att.end, alignment_mode="expand")
    if att.cue is not None or content is None or span.sent.start == content[0].sent.start:
        return None
    node = content.root
    while node.head.i != node.i:
        node = node.head
        if node.i < content.start and node.tag_.startswith("VB"):
            # the active subject that states or holds it ("She maintained that", "Obama
            # hopes that"); not the listener of "X was told that"
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in node.children)
            return None if passive else subject_of(node)
    return None


def subject_of(verb: Token) -> Span | None:
    subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
    if subj is None:
        return None
    doc = verb.doc
    return source_tokens(doc, doc[subj.left_edge.i].idx, subj.right_edge.idx + len(subj.right_edge))


def owner_only(doc: Doc, span: Span, att: Attribution) -> Span | None:
    """A mark on whose the speakers are, not on them: "advisers to Mr. Obama say", "a
    spokeswoman for the mayor said", "Clinton's aides said" with only the name marked ->
    the whole subject of the cue verb, or the name in apposition to it ("A spokeswoman for
    the mayor, Jane Roe, said" -> "Jane Roe"); None when the mark is no such owner."""
    root = head_of(span)
    if root.dep_ == "pobj" and root.head.lower_ in OWNER_PREPOSITIONS:
        noun = root.head.head
    elif root.dep_ == "poss":
        noun = root.head
    else:
        return None
    # people who speak for the owner ("aides", "a spokeswoman"), not the owner's words
    # ("Clinton's comments suggested"), which are the owner's
    if not is_role_head(noun.text) or noun.dep_ not in SUBJECT_DEPS or noun in span:
        return None
    if not cue_is_verb(att, noun.head):
        return None
    # the parser hangs the speaker's name on the owner as often as on the noun
    name = next((c for t in (noun, root) for c in t.children
                 if c.dep_ == "appos" and is_name_token(c)), None)
    if name is not None:
        return doc[name.left_edge.i : name.right_edge.i + 1]
    return subject_of(noun.head)


def owners_words(doc: Doc, span: Span, att: Attribution) -> Span | None:
    """A mark on someone's words or manner of speaking, not on anyone: "the billionaire
    businessman's aggressive tone belies ...", "his remarks suggest" -> the owner ("the
    billionaire businessman", "his"). Groups ("Cruz's allies"), bodies ("Clinton's campaign")
    and documents ("her plan", the guideline's "other" as written) keep the mark."""
    owner = speech_owner(head_of(span))
    if owner is None:
        return None
    end = owner.i + 1 if owner.tag_ == "PRP$" else next(
        (c.i for c in owner.children if c.tag_ == "POS"), None)
    return doc[owner.left_edge.i : end] if end is not None else None


def lead_in_source(doc: Doc, span: Span, att: Attribution) -> Span | None:
    """A mark on a lead-in that names someone's words "from" them: "Comment from the race
    director, X:", "A word from X:" -> who comes after "from" ("the race director, X")."""
    root = head_of(span)
    if root.lower_ not in LEAD_IN_NOUNS:
        return None
    prep = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "from"
                 and span.start <= c.i < span.end), None)
    who = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    if who is None or not span.start <= who.left_edge.i < span.end:
        return None  # (a mark that ends at "from")
    return doc[who.left_edge.i : span.end]


def relative_clause_source(doc: Doc, span: Span, att: Attribution) -> Span | None:
    """A mark run on into a relative clause: "X, who is head groundsman at Y," -> "X" (the
    clause may state the role, which the roles step reads from the text); but "a resort
    group, whose spokesman, Y, said" -> Y, when the clause's verb is the quote's cue."""
    comma = next((t.i for t in span[1:-1] if t.text == "," and doc[t.i + 1].lower_ in (
        "who", "whose")), None)
    if comma is None:
        return None
    # a job that speaks for the owner (not "whose daughter X") and says the quote there (not
    # "whose lawyer, X, filed the suit")
    name = next((t for t in doc[comma + 2 : span.end] if t.dep_ == "appos" and is_name_token(t)
                 and t.head.lower_ in ROLE_NOUNS and t.head.dep_ in SUBJECT_DEPS
                 and att.cue is not None and cue_is_verb(att, t.head.head)), None) if (
        doc[comma + 1].lower_ == "whose") else None
    return doc[name.left_edge.i : name.i + 1] if name is not None else doc[span.start : comma]


def addressee_subject(doc: Doc, span: Span, att: Attribution) -> Span | None:
    root = head_of(span)
    verb = root.head
    if root.dep_ not in ("dobj", "dative") or verb.lower_ not in TELL_VERBS:
        return None
    if not cue_is_verb(att, verb):
        return None
    return subject_of(verb)


def outer_speaker(span: Span, att: Attribution, is_person: Callable[[Span], bool]) -> Span | None:
    """The subject of the reporting verb whose clause holds a non-person mention ("Meng said
    the firm insists"); a person there keeps its own source ("Meng said Ren promised")."""
    root = head_of(span)
    verb = root.head
    if root.dep_ not in SUBJECT_DEPS or root.lower_ in PRONOUNS or is_person(span):
        return None
    if verb.dep_ != "ccomp" or verb.head.lower_ not in REPORTING_VERBS:
        return None
    if not cue_is_verb(att, verb):
        return None
    outer = subject_of(verb.head)
    return outer if outer is not None and is_person(outer) else None


def medium_speaker(doc: Doc, span: Span, att: Attribution) -> Span | None:
    if att.cue is None or not att.cue.text.lower().startswith("according"):
        return None
    if head_of(span).lower_ not in MEDIUM_NOUNS:
        return None
    content = source_tokens(doc, att.fragments[0].start, att.fragments[0].end)
    if content is None:
        return None
    node = content[0]
    while node.head.i != node.i:
        node = node.head
        if node.lower_ in REPORTING_VERBS and not span.start <= node.i < span.end:
            return subject_of(node)
    return None


def appositive_name(doc: Doc, span: Span, att: Attribution) -> Span | None:
    root = head_of(span)
    head = root.head
    if root.dep_ != "appos" or head.i >= span.start or not is_name_token(head):
        return None
    if is_name_token(root):
        return None  # a name of its own ("the real Dred Scott, Chief Justice Roberts")
    if head.ent_type_ not in APPOSITIVE_NAME_ENTS:
        return None  # "In Beijing, the spokesman": a place is no speaker
    if any(not (t.is_punct or t.is_space) for t in doc[head.i + 1 : span.start]):
        return None
    start = head.i
    while start > 0 and is_name_token(doc[start - 1]) and doc[start - 1].dep_ in NAME_PARTS:
        start -= 1
    return doc[start : span.end]


def inverted_source(doc: Doc, att: Attribution) -> Span | None:
    """A source the model missed after an inverted cue ("...," added goalkeeper X; any verb
    right after the closing mark, found or not: "...," fretted director X): the title words
    and the capitalised name right after the cue (two joined by "and"), in its sentence."""
    cue = missed_cue(doc, att) if att.cue is None else doc.char_span(
        att.cue.start, att.cue.end, alignment_mode="expand")
    if cue is None or cue.start_char < att.end:
        return None
    if not (right_after(doc, att, cue) or cue[-1].lower_ in SPEECH_VERBS | INVERTED_CUES):
        return None
    sent_end, k = cue[-1].sent.end, cue.end
    while k < sent_end and k < cue.end + MAX_TITLE_WORDS and not is_name_token(doc[k]):
        if not (doc[k].tag_.startswith("NN") or doc[k].tag_ in ("JJ", "HYPH")):
            return None
        k += 1
    end = k
    # (a word the tagger took for an adjective inside the NER's name: "Luz Dary Palacios")
    while end < sent_end and (is_name_token(doc[end]) or end > k and doc[end].ent_iob_ == "I"
                              and doc[end].is_title):
        end += 1
    # and a second name joined by "and" that ends the clause ("chorused A B and C D after
    # ..."; not "A and Sunday was no better", "A and Coach Y agreed")
    second = end + 1
    while second < sent_end and is_name_token(doc[second]) and doc[second].ent_type_ != "DATE":
        second += 1
    if end > k and second > end + 1 and doc[end].lower_ == "and" and not (
        second < sent_end and doc[second].tag_.startswith("VB")
    ):
        end = second
    return doc[cue.end : end] if end > k else None


def right_after(doc: Doc, att: Attribution, cue: Span) -> bool:
    """The cue stands right after the quote's closing mark: any verb there speaks it
    ("...," beamed candidate X; "...?" pressed prosecutor Y)."""
    if cue.start_char < att.end:
        return False
    # the tokens between, not doc.text, which spaCy joins anew on every call
    k = cue.start - 1
    while k >= 0 and doc[k].idx >= att.end:
        if doc[k].text.strip(QUOTE_MARKS + ",.!?;: \t"):
            return False
        k -= 1
    return True


def missed_cue(doc: Doc, att: Attribution) -> Span | None:
    """The verb right after a direct quote's closing mark and its comma, when the model
    marked no cue ("“The second act drags,” fretted director X"): a past or present verb in
    lower case, or an -ed word the tagger took for an adjective of the title after it."""
    end = doc[-1].idx + len(doc[-1]) if len(doc) else 0
    span = doc.char_span(att.end, min(att.end + 4, end), alignment_mode="expand")
    if span is None or att.fragments[0].text[:1] not in QUOTE_MARKS:
        return None
    verb = next((t for t in doc[span.start : span.start + 4]
                 if not (t.is_punct or t.is_space)), None)
    if verb is None or not verb.is_lower or not (
        verb.tag_ in ("VBD", "VBZ") or verb.tag_ in ("JJ", "VBN") and verb.lower_.endswith("ed")
    ):
        return None
    return doc[verb.i : verb.i + 1]


def is_naming(tok: Token) -> bool:
    """A word that introduces a name: "as", "by", "dubbed", "calls herself"."""
    reflexive = tok.lower_ in ("himself", "herself")
    return tok.lower_ in NAMING_WORDS and (not reflexive or (
        tok.i > 0 and tok.doc[tok.i - 1].lower_.startswith("call")))


def clause_naming(doc: Doc, span: Span, att: Attribution) -> int | None:
    """A naming word with a quoted name after it in the clauses on the mark's noun, however
    far past the mark ("A man who sleeps in the doorway of the old cinema and goes by
    "Dutch" said"; "said a woman who ... calls herself "Duchess""), before the quote and
    its cue that follow the mark, or within the sentence of a mark after them."""
    after = [f.start for f in att.fragments if f.start > span.start_char]
    if att.cue and att.cue.start > span.start_char:
        after.append(att.cue.start)
    limit = min(after, default=span.sent.end_char)
    head = head_of(span)
    return next((t.i for t in head.subtree if t.i >= span.start and t.idx < limit
                 and is_naming(t) and t.i + 1 < len(doc) and doc[t.i + 1].is_quote), None)


def nickname(doc: Doc, span: Span, att: Attribution) -> Span | None:
    """A description that ends by naming the speaker in quotation marks ("a homeless man
    who goes by the name “Sparrow.”"): the quoted name is the speaker."""
    # the naming word ends the mark, lies inside it where the mark runs on into the name, or
    # follows it closely where the mark stops short ("an old man known on the quay" only as)
    after = doc[span.end : min(len(doc), span.end + NAMING_REACH)]
    naming = next((t.i for t in reversed([*span, *after]) if is_naming(t)), None)
    if naming is not None and naming >= span.end and any(
        t.is_punct or t.tag_.startswith("VB") for t in doc[span.end : naming]
    ):
        naming = None  # past the mark only within its phrase
    if naming is None or any(not (t.is_quote or is_name_token(t))
                             for t in doc[naming + 1 : span.end]):
        naming = clause_naming(doc, span, att)
    if naming is None or not (naming + 1 < len(doc) and doc[naming + 1].is_quote):
        return None  # the name stands in quotation marks right after the naming word
    k = naming + 1
    while k < len(doc) and doc[k].is_quote:
        k += 1
    end = k  # inside the marks any capitalised word names ("Nails" tagged as a plural noun)
    while end < len(doc) and doc[end].is_alpha and doc[end].text[:1].isupper():
        end += 1
    return doc[k:end] if end > k > naming + 1 else None
