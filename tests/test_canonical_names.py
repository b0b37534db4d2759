"""The canonical name of a person: what the narration calls them, never a word the NER ran
into the name (a party, a rivalry, an epithet in someone's quotation, a possessive ending).
The NER's PERSON spans are set by hand, as the served model marks them in real articles."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from service.pipeline.speakers.names import clean_name
from service.pipeline.speakers.titles import prenominal
from tests.support.handmade import attribution, people, resolve, tagged_entities


def test_an_epithet_inside_someone_elses_quotation_is_no_part_of_the_name() -> None:
    text = (
        "Tom Reyes said: \u201cDebating was easier than beating Crooked Maria Lopez.\u201d\n\n"
        "Maria Lopez said the debate had gone well."
    )
    assert "Maria Lopez" in people(text, "Tom Reyes", "Crooked Maria Lopez", "Maria Lopez")
    assert "Crooked Maria Lopez" not in people(
        text, "Tom Reyes", "Crooked Maria Lopez", "Maria Lopez")


def test_a_fuller_name_inside_quotation_marks_still_counts() -> None:
    # a middle initial adds to the narration's name; only other first words are left out
    text = (
        "Leaders honored \u201cDonald J. Trump, the builder of the tower,\u201d the paper "
        "wrote.\n\nDonald Trump said the tower would open in May."
    )
    assert people(text, "Donald J. Trump", "Donald Trump") == ["Donald J. Trump"]


@pytest.mark.parametrize("lead", ["Democrat", "Republican", "Rival"])
def test_a_party_or_rivalry_before_the_name_is_no_part_of_it(lead: str) -> None:
    text = f"During the debate on Monday, {lead} Maria Lopez mentioned the remarks."
    assert people(text, f"{lead} Maria Lopez") == ["Maria Lopez"]


@pytest.mark.parametrize("tag", ["POS", "''", "DT"])
def test_a_possessive_ending_is_cut_whatever_its_tag(tag: str) -> None:
    doc = Doc(spacy.blank("en").vocab, words=["Trump", "\u2019s", "tweets"],
              tags=["NNP", tag, "NNS"])
    assert [t.text for t in clean_name([doc[0], doc[1]])] == ["Trump"]


@pytest.mark.parametrize("text", [
    "The senator attacked the media and rival Maria Lopez\u2019s campaign on Friday.",
    "His appointment would make history and cement Maria Lopez\u2019s legacy as a champion.",
])
def test_a_title_does_not_take_a_noun_coordinated_before_it(text: str) -> None:
    ents = tagged_entities(text, "Maria Lopez")
    at = ents.doc.char_span(text.index("Maria"), text.index("Maria") + 5)
    assert at is not None
    assert " and " not in (prenominal(ents.doc, ents, at.start, ents.people[0]) or "")


@pytest.mark.parametrize("text, source, name", [
    ("McDonald's said on Monday that sales rose 5 percent.", "McDonald's", "McDonald's"),
    ("A spokesman for Macy's said the store would close.", "A spokesman for Macy's",
     "A spokesman for Macy's"),
    ("Apple's chief executive said sales rose 5 percent.", "Apple's chief executive",
     "Apple's chief executive"),
])
def test_a_possessive_that_owns_nothing_is_the_names_own(text: str, source: str, name: str
                                                         ) -> None:
    content = text.split(" said ")[1].rstrip(".")
    got = resolve(text, [attribution(text, content, source=source)])[0]
    assert got.name == name


def test_an_epithet_is_cut_even_when_the_narration_gives_only_a_surname() -> None:
    text = (
        "\u201cCrooked Maria Lopez will lose,\u201d said Tom Reyes. "
        "Lopez, a former senator, said she would win."
    )
    names = people(text, "Crooked Maria Lopez", "Tom Reyes", "Lopez")
    assert "Maria Lopez" in names and "Crooked Maria Lopez" not in names


@pytest.mark.parametrize("lead", ["Democrat", "Rival"])
def test_a_party_or_rivalry_before_a_lone_surname_is_no_part_of_it(lead: str) -> None:
    text = f"{lead} Patel mocked the plan on Friday."
    assert people(text, f"{lead} Patel") == ["Patel"]
