"""Linking tagged spans into quotes with the shipped link scorer, on hand-made spans over
spaCy's parse of the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.pipeline.attribution.decoding import LabelledSpan
from service.pipeline.attribution.link_candidates import MAX_CANDIDATES, ArticleSpans
from service.pipeline.attribution.link_features import MAX_GAP
from service.pipeline.attribution.link_scorer import LinkScorer
from service.pipeline.attribution.linking import link
from service.pipeline.document import Document
from service.pipeline.nlp import load_nlp
from service.pipeline.types import Attribution

LINKING = Path(__file__).resolve().parent.parent / "models" / "attribution" / "linking.json"


def link_parsed(text: str, spans: list[LabelledSpan]) -> list[Attribution]:
    """Link with the shipped scorer, over spaCy's parse of the text."""
    return link(Document(text, doc=load_nlp()(text)), spans, LinkScorer(LINKING))


def _spans(text: str, *parts: tuple[str, str]) -> list[LabelledSpan]:
    out, pos = [], 0
    for kind, part in parts:
        start = text.index(part, pos)
        out.append(LabelledSpan(kind, start, start + len(part), 0.9))
        pos = start + len(part)
    return out


def test_link_joins_an_interrupted_quote_into_one_attribution_with_fragments():
    text = "\u201cWe will win,\u201d she said, \u201cbecause we must.\u201d"
    spans = _spans(text, ("CONTENT", "We will win,"), ("SOURCE", "she"), ("CUE", "said"),
                   ("CONTENT", "because we must."))
    [quote] = link_parsed(text, spans)
    assert [f.text for f in quote.fragments] == ["We will win,", "because we must."]
    assert quote.cue.text == "said" and quote.source.text == "she"
    assert (quote.start, quote.end) == (1, text.index("must.") + 5)


def test_link_gives_each_speaker_their_own_quote():
    text = "Lee said taxes will rise. Park argued that they will fall."
    spans = _spans(text, ("SOURCE", "Lee"), ("CUE", "said"), ("CONTENT", "taxes will rise"),
                   ("SOURCE", "Park"), ("CUE", "argued that"), ("CONTENT", "they will fall"))
    quotes = link_parsed(text, spans)
    assert [(q.source.text, q.cue.text, q.fragments[0].text) for q in quotes] == [
        ("Lee", "said", "taxes will rise"), ("Park", "argued that", "they will fall")]


def test_link_keeps_a_content_without_cue_and_drops_a_cue_without_content():
    text = "The plan is dead.\n\nOfficials said nothing more, the mayor added."
    spans = _spans(text, ("CONTENT", "The plan is dead."), ("CUE", "added"))
    [quote] = link_parsed(text, spans)
    assert quote.cue is None and quote.source is None
    assert quote.fragments[0].text == "The plan is dead."


def test_link_gives_a_content_without_cue_the_source_beside_it():
    text = "Taxes will rise, the mayor, in a letter. Weather: sunny."
    spans = _spans(text, ("CONTENT", "Taxes will rise"), ("SOURCE", "the mayor"))
    [quote] = link_parsed(text, spans)
    assert quote.cue is None and quote.source.text == "the mayor"


@pytest.mark.parametrize("brk", ["\n", "\r\n", "\r"])
def test_link_does_not_join_a_later_paragraph_to_a_quote_as_a_fragment(brk):
    text = f"\u201cWe will win,\u201d the senator said.{brk}Subscribe to our newsletter for more."
    spans = _spans(text, ("CONTENT", "We will win,"), ("SOURCE", "the senator"), ("CUE", "said"),
                   ("CONTENT", "Subscribe to our newsletter"))
    first, second = link_parsed(text, spans)
    assert [f.text for f in first.fragments] == ["We will win,"]
    assert first.cue.text == "said" and first.source.text == "the senator"
    assert second.cue is None and second.fragments[0].text == "Subscribe to our newsletter"


def test_link_joins_parts_across_a_break_when_the_cue_sits_between_them():
    text = "\u201cWe will win,\u201d she said.\n\u201cBecause we must.\u201d"
    spans = _spans(text, ("CONTENT", "We will win,"), ("SOURCE", "she"), ("CUE", "said"),
                   ("CONTENT", "Because we must."))
    [quote] = link_parsed(text, spans)
    assert [f.text for f in quote.fragments] == ["We will win,", "Because we must."]


def test_a_coordinated_cue_takes_its_verbs_subject_not_the_nearer_next_sentence():
    # the nearest source to "called" is the next sentence's "He"; the grammar ties it to Rendell
    text = ("Rendell said he had beaten pneumonia three times and called it a common ailment "
            "of long campaigns. He added that Clinton is fine.")
    spans = _spans(text, ("SOURCE", "Rendell"), ("CUE", "said"),
                   ("CONTENT", "he had beaten pneumonia three times"), ("CUE", "called"),
                   ("CONTENT", "it a common ailment of long campaigns"), ("SOURCE", "He"),
                   ("CUE", "added"), ("CONTENT", "that Clinton is fine"))
    quotes = link_parsed(text, spans)
    assert [(q.source.text, q.cue.text) for q in quotes] == [
        ("Rendell", "said"), ("Rendell", "called"), ("He", "added")]


@pytest.mark.parametrize(("subject", "rest"), [
    ("Twelve percent", "indicated that they would vote for Johnson"),
    ("The ministry", "insisted that the ban was unlawful"),
])
def test_a_cue_without_a_tagged_source_takes_its_verbs_parsed_subject(subject, rest):
    cue, content = rest.split(" ", 1)
    text = f"{subject} {rest}."
    [quote] = link_parsed(text, _spans(text, ("CUE", cue), ("CONTENT", content)))
    assert quote.source is not None and quote.source.text == subject


def test_a_new_line_without_a_reopening_mark_does_not_continue_the_quote():
    text = "Officials said\nthe bridge is closed until the inspection ends."
    spans = _spans(text, ("CUE", "said"), ("CONTENT", "the bridge is closed"))
    [quote] = link_parsed(text, spans)
    assert quote.cue is None


def test_a_subject_beyond_the_linking_distance_is_no_candidate():
    aside = ", ".join(f"who had served as the town's {n} treasurer for a decade"
                      for n in ("first", "second", "third", "fourth", "fifth"))
    text = f"Mr. Smith, {aside}, insisted that the levy was unlawful."
    [quote] = link_parsed(text, _spans(text, ("CUE", "insisted"),
                                       ("CONTENT", "the levy was unlawful")))
    assert text.index("insisted") - len("Mr. Smith") > MAX_GAP
    assert quote.source is None


def test_nothing_to_link_needs_no_parse():
    assert link(Document("No quotes here."), [], LinkScorer(LINKING)) == []


def test_only_the_nearest_candidates_are_scored_in_text_dense_with_spans():
    unit = "\u201cNo,\u201d he said, "
    text = unit * 40
    one = _spans(unit, ("CONTENT", "No,"), ("SOURCE", "he"), ("CUE", "said"))
    spans = [LabelledSpan(s.type, s.start + k * len(unit), s.end + k * len(unit), s.score)
             for k in range(40) for s in one]
    indexed = ArticleSpans(Document(text, doc=load_nlp()(text)), spans)
    middle = indexed.of("CONTENT")[20]
    assert len(indexed.candidates(middle, "CUE")) == MAX_CANDIDATES
