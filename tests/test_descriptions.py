"""Descriptions as speakers resolved to whom they describe: a bare "the newspaper" or "the
campaign" to the organisation or person just named, a party's nominee to a person of that
party."""

from __future__ import annotations

import pytest

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


def test_a_bare_newspaper_is_the_outlet_just_named() -> None:
    text = (
        "The registration issue was first reported by The Washington Post. The newspaper "
        "has also said the foundation paid for a portrait."
    )
    got = speaker(text, "the foundation paid for a portrait", "The newspaper")
    assert got == ("Washington Post", "organization")


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
