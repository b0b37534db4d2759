"""Descriptions as speakers resolved to whom they describe: a bare "the newspaper" or "the
campaign" to the organisation or person just named, a party's nominee to a person of that
party."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from service.pipeline.speakers.mentions import head_of
from tests.support.handmade import attribution, resolve


def speaker(text: str, content: str, source: str) -> tuple[str | None, str]:
    got = resolve(text, [attribution(text, content, source=source)])[0]
    return got.name, got.type


@pytest.mark.parametrize("text, content, source, expected", [
    (
        "A new ad from Maria Lopez\u2019s presidential campaign attacks her rival. The ad "
        "shows old footage. The campaign says the ad will air nationally.",
        "the ad will air nationally", "The campaign", "Lopez campaign",
    ),
    (
        "Maria Lopez plans to call on young people to serve. "
        "The campaign says the candidate will announce the plan on Friday.",
        "the candidate will announce the plan on Friday", "The campaign", "Lopez campaign",
    ),
])
def test_a_bare_campaign_is_the_campaign_of_the_person_just_named(
    text: str, content: str, source: str, expected: str
) -> None:
    assert speaker(text, content, source) == (expected, "organization")


def test_a_bare_campaign_after_two_people_stays_unresolved() -> None:
    text = ("Maria Lopez met Tom Reyes on Monday. "
            "The campaign says the meeting went well.")
    assert speaker(text, "the meeting went well", "The campaign")[0] != "Lopez campaign"


@pytest.mark.parametrize("text, source", [
    (
        "Libertarian presidential candidate Gary Johnson released a health report. "
        "Republican Donald Trump has mocked him. "
        "The GOP nominee said the debate had been rigged.",
        "The GOP nominee",  # not the Libertarian candidate, whose role matches "nominee"
    ),
    (
        "Republican Donald Trump spoke about his microphone. Maria Lopez laughed at him. "
        "The Republican said the debate had been rigged.",
        "The Republican",  # not the woman named last, of no stated party
    ),
])
def test_a_party_description_is_the_person_the_article_says_is_of_that_party(
    text: str, source: str
) -> None:
    assert speaker(text, "the debate had been rigged", source) == ("Donald Trump", "person")


@pytest.mark.parametrize("text, content, source, expected", [
    (
        "The registration issue was first reported by The Washington Post. The newspaper "
        "has also said the foundation paid for a portrait.",
        "the foundation paid for a portrait", "The newspaper",
        ("Washington Post", "organization"),  # the one outlet just named
    ),
    (
        "A spokeswoman for Maria Lopez says the candidate never met the donor. "
        "Lopez communications director Jennifer Palmer spoke to reporters on Friday.",
        "the candidate never met the donor", "A spokeswoman for Maria Lopez",
        ("Jennifer Palmer", "person"),  # a spokeswoman is communications staff, named next
    ),
    (
        "The city of Denver is demanding that the campaign stop using its logo.",
        "the campaign stop using its logo", "The city of Denver",
        ("Denver", "organization"),  # the place as its governing body
    ),
])
def test_a_description_is_whom_the_article_names_so(
    text: str, content: str, source: str, expected: tuple[str, str]
) -> None:
    assert speaker(text, content, source) == expected


@pytest.mark.parametrize("headline, content, source", [
    ("Lopez Hid Health Problems, Former White House Doctor Says",
     "Lopez Hid Health Problems", "Former White House Doctor"),
    ("Black Lawmakers Rip Tom Reyes Over Remarks", "Tom Reyes Over Remarks", "Black Lawmakers"),
])
def test_a_title_case_description_in_a_headline_names_no_person(
    headline: str, content: str, source: str
) -> None:
    text = f"{headline}.\n\nThe debate over the remarks went on for a week in Washington."
    assert speaker(text, content, source) == (source, "other")


def test_the_head_of_a_possessive_description_is_what_is_owned() -> None:
    # the parse the served model gave "the candidate's former doctor maintains": the
    # possessor is the subject and the doctor a compound outside the mention's tree
    words = ["the", "candidate", "\u2019s", "former", "doctor", "maintains", "."]
    doc = Doc(spacy.blank("en").vocab, words=words,
              tags=["DT", "NN", "POS", "JJ", "NN", "VBZ", "."], heads=[1, 5, 1, 5, 5, 5, 5],
              deps=["det", "nsubj", "case", "amod", "compound", "ROOT", "punct"])
    assert head_of(doc[0:5]).text == "doctor"


def test_a_lone_title_in_a_headline_is_the_titled_person_the_story_names() -> None:
    # "General" is also a first name in US records: in a headline it is still the title
    text = (
        "Retired General Reveals Doubts About The War.\n\n"
        "Retired Air Force Gen. Tom Reyes is speaking out about the war in an interview."
    )
    assert speaker(text, "Doubts About The War", "Retired General") == ("Tom Reyes", "person")


@pytest.mark.parametrize("text, content, source, wrong", [
    (  # a heckler runs no campaign
        "Donald Trump spoke in Ohio on Monday. A man in the crowd, John Miller, shouted at him. "
        "The campaign said the man was removed.",
        "the man was removed", "The campaign", "Miller campaign",
    ),
    (  # an advertising campaign is no person's
        "The Heart Association launched an anti-smoking campaign on Monday with actress Jane "
        "Doe. The campaign said teenagers were the main target.",
        "teenagers were the main target", "The campaign", "Doe campaign",
    ),
    (  # a spokeswoman is no spokesman named next
        "A spokeswoman for Sen. Marco Rubio declined to comment on Monday. Rubio spokesman Alex "
        "Conant said the senator was focused on Florida. The spokeswoman said the trip was set.",
        "the trip was set", "The spokeswoman", "Alex Conant",
    ),
    (  # a newspaper is no aircraft maker
        "John Smith, a Boeing engineer, spoke to a local newspaper on Monday. The newspaper "
        "said Smith had raised safety concerns for years.",
        "Smith had raised safety concerns for years", "The newspaper", "Boeing",
    ),
    (  # "the Democrat" of two Democrats is either
        "Democratic Sen. Joe Manchin and Democratic Sen. Jon Tester met on Tuesday. "
        "\u201cWe reached a deal,\u201d the Democrat said.",
        "We reached a deal,", "the Democrat", "Jon Tester",
    ),
])
def test_a_description_is_never_someone_it_cannot_be(
    text: str, content: str, source: str, wrong: str
) -> None:
    assert speaker(text, content, source)[0] != wrong


@pytest.mark.parametrize("source, expected", [
    ("the 52-year-old mother of two", "Ines Harcourt"),  # she goes on speaking
    ("Her daughter", "Her daughter"),  # someone else's relation, named nowhere
    ("the neighbouring landowner", "the neighbouring landowner"),  # someone else
])
def test_a_description_of_nobody_else_continues_the_running_speaker(
    source: str, expected: str
) -> None:
    text = ("Ines Harcourt opened the clinic on Monday. \u201cWe waited years,\u201d she said. "
            f"Asked about the cost, {source} said the town would pay for it.")
    got = resolve(text, [attribution(text, "We waited years", source="she"),
                         attribution(text, "the town would pay for it", source=source)])
    assert got[1].name == expected


def test_a_description_someone_holds_is_theirs_not_the_running_speakers() -> None:
    text = ("Chief Medical Officer Hoda Nasser visited the wards on Tuesday, where the "
            "hospital\u2019s chief executive, Gordon Kilby, showed her round. \u201cWe moved "
            "everyone,\u201d Kilby said. \u201cA sports hall is not a hospital,\u201d the chief "
            "medical officer said.")
    got = resolve(text, [attribution(text, "We moved everyone", source="Kilby"),
                         attribution(text, "A sports hall is not a hospital",
                                     source="the chief medical officer")])
    assert [s.name for s in got] == ["Gordon Kilby", "Hoda Nasser"]
