"""The failure cases from public bug reports (../shared/eval/cases, one kind each), through the
real pipeline: every found quote's speaker, type and role as a careful annotator gives them,
and the span parts: every quote found, its quote type, no non-quote returned."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.pipeline import Pipeline
from service.pipeline.types import Quote
from training.speakers.evaluate_speakers import case_problems

CASES = Path(__file__).resolve().parents[2] / "shared" / "eval" / "cases"
NAMES = sorted(p.stem for p in CASES.glob("*.json"))
SPAN_PROBLEMS = ("not found", "returned a non-quote", "type ")

pytestmark = pytest.mark.skipif(not NAMES, reason=f"no failure cases at {CASES}")


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Path(__file__).resolve().parents[1] / "models")


def response(quotes: list[Quote]) -> dict:
    return {"quotes": [{
        "start": q.attribution.start, "end": q.attribution.end, "type": q.type,
        "speaker": {"name": q.speaker.name, "type": q.speaker.type, "role": q.speaker.role},
    } for q in quotes]}


def problems(pipeline: Pipeline, name: str) -> list[str]:
    case = json.loads((CASES / f"{name}.json").read_text(encoding="utf-8"))
    return case_problems(case, response(pipeline.analyse(case["text"])))


@pytest.mark.parametrize("name", NAMES)
def test_case_speakers_types_and_roles(pipeline: Pipeline, name: str) -> None:
    wrong = [p for p in problems(pipeline, name) if not p.startswith(SPAN_PROBLEMS)]
    assert wrong == []


@pytest.mark.parametrize("name", NAMES)
def test_case_quote_spans(pipeline: Pipeline, name: str) -> None:
    assert [p for p in problems(pipeline, name) if p.startswith(SPAN_PROBLEMS)] == []


# Unseen wordings of the cases' kinds, written blind to the service (their READMEs say how):
# each must pass whole, but for the kinds still failing, marked as such.
VARIANTS = sorted((Path(__file__).resolve().parents[1] / "training" / "gold").glob(
    "case_variants*/*.json"))
STILL_FAILING = {
    "x24_2": "the batch splits an interrupted sentence ('“A,” he said later, “B.”') in two "
             "quotes; the service keeps one, by the guideline's outer span and PolNeAR's "
             "discontinuous content",
    "y06_2": "the job a nicknamed speaker's description states ('a fisherman') is no role",
    "z01_2": "'declined to comment on the cost of the repairs' comes back as a quote",
    "z03_2": "a firm the NER tags as a person ('Rail operator Norrlandsbanan') takes 'he'",
    "z15_1": "the tagger quotes the narration after an unclosed quotation (a verb "
             "that is no speech: 'voted', 'approved', 'had expected')",
    "z15_2": "a name before the unclosed quotation's cue is taken as quoted, losing its family "
             "name; the narration after it is quoted",
    "z17_1": "'did not mention the ticketing scandal' comes back as a quote",
    "z22_1": "'asked Rome for emergency funds' comes back as a quote",
    "u03_1": "a role stated after a continued quotation's speaker ('oceanographer') is missed",
    "u04_1": "inverted cues with a one-word job title ('conceded rider X') are misparsed",
    "u15_1": "the tagger quotes the narration after an unclosed quotation (a verb "
             "that is no speech: 'voted', 'approved', 'had expected')",
    "u17_2": "'did not mention the toll increase' comes back as a quote",
    "u24_1": "an organisation named in the sentence before a quote is typed a person",
    "t01_2": "a Vietnamese name with its appositive stays a description ('X, chairman of ...')",
    "t03_2": "the narration after a quotation written over paragraphs comes back as a quote",
    "t05_1": "a relational role ('sister') is given where the batch wants none",
    "t12_1": "an uncued quote after a non-speech sentence goes to a person named later",
    "t17_1": "'did not refer to the leaked report' comes back as a quote",
    # batch 8, measured once at the final code (5931394) and not fixed
    "s01_2": "a relational role ('colleague') and another speaker for a paragraph's quote",
    "s05_2": "'She said,' after a sentence naming another person takes that person",
    "s06_2": "an organisation speaking after a nickname's speaker is typed a person",
    "s15_1": "the tagger quotes the narration after an unclosed quotation (a verb "
             "that is no speech: 'voted', 'approved', 'had expected')",
    "s17_1": "'did not mention the dam collapse' comes back as a quote",
    "s18_2": "a quote and the next sentence's indirect quote are merged",
    "r12_1": "'did not say whether X' comes back as a quote",
    "r16_2": "a quoted work's title between the cue and the indirect quote makes it mixed",
    "r17_1": "'did not say whether X' comes back as a quote",
    "r24_2": "a lone surname the NER misses ('Oyelowo stepped down') is no one 'he' can be",
    "q06_1": "a described speaker with a nickname after 'her nickname,' keeps the description",
    "q08_1": "'did not say how many candidates applied' comes back as a quote",
    "q08_2": "an organisation's dash signature is given to the person who signed the one before",
    "q09_1": "an organisation's name is cut ('Kingsbridge Athletic' -> 'Athletic')",
    "q16_2": "'That was how the director, X, put it' after a quote gives no speaker",
    "q17_1": "'did not say whether X' comes back as a quote",
    "q17_2": "'did not say when X' comes back as a quote",
    "p05_2": "a role stated in a copular clause with a pronoun subject ('she is the "
             "longest-serving hawker') is missed",
    "p06_2": "a described speaker whose nickname follows 'gives her name only as' takes a "
             "person named inside the quote",
    "p11_1": "a job before a name with a particle and an age ('orchard owner Cerys ap "
             "Gwilym, 58,') gives no role",
    "p15_1": "the tagger quotes the narration after an unclosed quotation (a verb "
             "that is no speech: 'voted', 'approved', 'had expected')",
    # batch 12, measured at its first look (a8db346) and after this session's fixes
    "o04_1": "a content runs on into its inverted cue ('offered lead'); a single name after a "
             "job ('ruled producer X') is an organisation",
    "o04_2": "'she replied' goes to the man who spoke before, not the woman of the one-word "
             "quote between",
    "o05_2": "'Her statement read:' is given as the speaker, not the woman whose statement it is",
    "o12_1": "a role stated only inside another speaker's quote ('X, our treasurer,') is not "
             "taken",
    "o15_1": "the tagger quotes the narration after an unclosed quotation (a verb "
             "that is no speech: 'voted', 'approved', 'had expected')",
    "o26_2": "a one-word quote by a pair ('“Never again,” said sisters Ana and Lucía X') gets "
             "no speaker",
    "n01_1": "'he' goes to the woman named last, not the skipper the quote's sentence names",
    "n08_2": "a dash signature with a title before initials ('— Minister for Rural Affairs K. "
             "S. Balasubramaniam') names no speaker",
    "n13_2": "'He blamed ...' goes to the councillor named last, whose gender nothing states",
    "n15_1": "narration after an unclosed quotation ('Delegates nonetheless voted ...') is "
             "returned as a quote",
    "n24_2": "a one-word name the NER typed a place ('Kalonji stood ...') is no one 'he' can be",
    "m05_2": "'He told visitors' goes to the man named in apposition nearer, not the sentence "
             "before's subject",
    "m06_1": "a speaker known by a nickname in single marks ('calls ‘Tiddler’') stays the "
             "description",
    "m06_2": "the job a nicknamed speaker's description states ('a former loader at ...') is "
             "no role",
    "m18_1": "the role of a description named later keeps its phrase ('skipper of the "
             "trawler'; the appositive gives 'skipper')",
    "m18_2": "a partitive description ('One of the surgeons who ...') is not the person "
             "named next",
    "l05_1": "a Balinese name opening with its birth-order word ('I Made X') is no name "
             "'he' can take",
    "l14_1": "a quote opening its sentence before ', ice master X told a group' gets no "
             "source (the tagger gives the cue to the next quote)",
    "k03_2": "the tagger marks 'the club's relegation' as the source of the paragraphs that "
             "go on with the manager's quotation",
    "k04_1": "the tagger marks no source for an inverted cue with a two-word position "
             "('enthused wing attack X'): the coach before keeps the floor",
    "k05_1": "'he' goes to the man named nearer, not the sentence before's subject",
    "k05_2": "the content runs back over 'she said,' before the opening mark: mixed, not direct",
    "k06_2": "the job a nicknamed speaker's description states ('the ferryman everyone calls "
             "\"Skip\"') is no role",
    "k07_1": "the tagger links the quote to the sentence before's source ('the hospital's "
             "chief executive, X'), not to 'the chief medical officer said'",
    "k07_2": "a title whose second word is an adjective ('Procurator fiscal X') gives no role",
    "k08_2": "a press release's closing lines ('- Name, Title, Firm') sign no quote",
    "k09_2": "a firm's owner in a colon lead-in ('The club's owner, X, on the decision:') "
             "makes the club a person",
    "k17_1": "a less common cue with a pronoun ('she deadpanned') goes to the man named "
             "nearer",
    "k24_1": "a club named in apposition to a people noun ('the organisers, Northfield "
             "Harriers') is taken for a person, with that role, and takes the bare surname's 'he'",
    "k24_2": "a setting's office ('The inspector will report') gives its role to the one "
             "person named",
    # batch 17, measured at its first look and after this session's fixes
    "j08_2": "a press release's second dash signature is linked to the first; a cooperative's "
             "name the NER typed a group stays 'other'",
    "j16_1": "titles of books in single marks come back as mixed quotes",
    "j17_2": "'she went on' after a quote: the tagger links the relative 'who' of the woman "
             "named between",
    "j24_2": "a lone surname the NER typed a place ('Shrestha presented') is no one 'she' can be",
}


@pytest.mark.parametrize("path", [
    pytest.param(p, id=p.stem, marks=[pytest.mark.xfail(reason=STILL_FAILING[p.stem],
                                                        strict=True)]
                 if p.stem in STILL_FAILING else [])
    for p in VARIANTS])
def test_case_variant(pipeline: Pipeline, path: Path) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    assert case_problems(case, response(pipeline.analyse(case["text"]))) == []
