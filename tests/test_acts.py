"""Appointments and decisions the tagger marks as attributions are no quotes; speech about
people and stated intentions stay."""

from __future__ import annotations

from functools import cache

from spacy.language import Language

from service.pipeline.attribution.acts import without_acts
from service.pipeline.document import Document
from service.pipeline.nlp import load_nlp
from tests.support.handmade import attribution


@cache
def nlp() -> Language:
    return load_nlp()


def kept(text: str, *atts) -> list:
    return without_acts(Document(text, doc=nlp()(text)), list(atts))


def test_an_appointment_and_a_decision_are_no_quotes() -> None:
    text = ("The board confirmed Lena Hartvig as the agency's new director on Thursday. "
            "In the spring Joanna Whitcombe decided to run for the county council.")
    appointment = attribution(text, "Lena Hartvig as the agency's new director",
                              source="The board", cue="confirmed")
    decision = attribution(text, "to run for the county council", source="Joanna Whitcombe",
                           cue="decided")
    assert kept(text, appointment, decision) == []


def test_speech_about_a_person_an_intention_and_quoted_words_stay() -> None:
    text = ("Mr. Ortiz did not name her. The senator vowed to cut taxes. "
            "Officials confirmed that Lena Hartvig would lead the agency. "
            'The board confirmed "Lena Hartvig, our best candidate."')
    atts = [
        attribution(text, "her", source="Mr. Ortiz", cue="did not name"),
        attribution(text, "to cut taxes", source="The senator", cue="vowed"),
        attribution(text, "that Lena Hartvig would lead the agency", source="Officials",
                    cue="confirmed"),
        attribution(text, '"Lena Hartvig, our best candidate."', source="The board",
                    cue="confirmed", after="agency."),
    ]
    assert kept(text, *atts) == atts
