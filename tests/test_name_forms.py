"""How a speaker's name is written out: the fullest form the article gives, never a
dateline, a title or an office run into it, whatever the tagger made of its words."""

from __future__ import annotations

import pytest

from tests.support.handmade import attribution, people, resolve


def test_a_headlines_first_name_completes_a_surname_the_body_never_writes_in_full() -> None:
    text = (
        "Carla Moretti Takes Aim At Port Plan.\n\n"
        "GENOA - The mayor attacked the port plan on Monday. "
        "Moretti said the plan would cost the city its beaches."
    )
    att = attribution(text, "the plan would cost the city its beaches", source="Moretti",
                      cue="said")
    assert [s.name for s in resolve(text, [att])] == ["Carla Moretti"]


def test_a_dateline_is_no_part_of_a_source_written_as_it_stands() -> None:
    text = "BRUSSELS - European leaders said on Friday that the union needed a common army."
    att = attribution(text, "the union needed a common army", source="BRUSSELS - European leaders",
                      cue="said")
    assert [s.name for s in resolve(text, [att])] == ["European leaders"]


def test_a_no_break_space_in_a_source_is_written_as_a_space() -> None:
    text = "A\u00a0Bloomberg poll found that most voters distrust both candidates."
    att = attribution(text, "most voters distrust both candidates",
                      source="A\u00a0Bloomberg poll", cue="found")
    assert [s.name for s in resolve(text, [att])] == ["A Bloomberg poll"]


def test_a_quotation_closed_inside_an_unnamed_source_keeps_its_closing_mark() -> None:
    text = "Only 21 percent who chose \u201chonest and trustworthy\u201d backed the senator."
    source = "Only 21 percent who chose \u201chonest and trustworthy\u201d"
    att = attribution(text, "the senator", source=source, cue="backed")
    assert [s.name for s in resolve(text, [att])] == [source]


def test_an_office_with_its_department_before_a_name_is_no_name() -> None:
    text = ("The union will sit out the election, UMWA Director of Government Affairs Phil "
            "Smith told reporters this week.")
    att = attribution(text, "The union will sit out the election",
                      source="UMWA Director of Government Affairs Phil Smith", cue="told")
    got = resolve(text, [att])
    assert [(s.name, s.type) for s in got] == [("Phil Smith", "person")]
    assert got[0].role is not None and "Director of Government Affairs" in got[0].role


def test_a_plural_job_opening_the_sentence_is_no_name() -> None:
    text = ("Attorneys for Clinton opposed the request, saying that her email account was "
            "private. She declined to comment.")
    att = attribution(text, "that her email account was private",
                      source="Attorneys for Clinton", cue="saying")
    assert [(s.name, s.type) for s in resolve(text, [att])] == [("Attorneys for Clinton", "other")]


def test_a_plural_title_before_coordinated_names_is_no_part_of_them() -> None:
    assert people("Professors Foner and Alba wrote the report.", "Professors Foner") == ["Foner"]


def test_the_first_half_of_a_hyphenated_given_name_stays_with_the_name() -> None:
    text = "From its director, Lars-Erik \u00d8vergaard, came a short statement."
    assert people(text, "Erik \u00d8vergaard") == ["Lars-Erik \u00d8vergaard"]


def test_a_given_name_the_tagger_took_for_a_verb_opens_the_name() -> None:
    text = ("Amadou Diallo-Sow, chief executive of the telecom group Sahelnet, spoke at the "
            "forum. \"Our dividend is safe,\" Diallo-Sow said.")
    att = attribution(text, "Our dividend is safe", source="Diallo-Sow", cue="said")
    assert [s.name for s in resolve(text, [att])] == ["Amadou Diallo-Sow"]


def test_the_body_of_an_office_is_no_part_of_its_holders_surname() -> None:
    text = "Former secretary of State Albright backed the pact before she opposed it."
    assert people(text, "State Albright") == ["Albright"]
    got = resolve(text, [attribution(text, "the pact", source="Albright", cue="backed")])
    assert (got[0].name, got[0].role) == ("Albright", "Former secretary of State")


def test_three_people_speaking_together_are_listed_with_commas() -> None:
    text = "Ana Silva, Tomas Berg and Lena Holt said the merger was dead."
    att = attribution(text, "the merger was dead", source="Ana Silva, Tomas Berg and Lena Holt",
                      cue="said")
    assert [s.name for s in resolve(text, [att])] == ["Ana Silva, Tomas Berg and Lena Holt"]


def test_a_place_with_a_number_in_commas_is_no_person() -> None:
    text = "Lund won Florida, 29, and Ohio, 18, on the night. Lund said the map had changed."
    assert people(text, "Lund", "Lund") == ["Lund"]


def test_a_capitalised_word_said_is_no_person() -> None:
    """"“Savage,” she said" opening a paragraph: the word looks like a name its pronoun
    follows, but it is what she said."""
    text = (
        "Student Dana Whitfield called the senator \u201ca fearless old man.\u201d\n\n"
        "Come again?\n\n"
        "\u201cSavage,\u201d she said, meaning that he does not care what people think."
    )
    att = attribution(text, "\u201cSavage,\u201d", source="she", cue="said")
    assert [s.name for s in resolve(text, [att])] == ["Dana Whitfield"]


def test_a_typographic_apostrophe_in_a_name_keeps_the_name_whole_and_as_written() -> None:
    text = (
        "The fleet stayed in port on Monday. "
        "Fishing skipper Ruairí O\u2019Dowd-Keane said the quota was too small. "
        "\u201cWe\u2019ve fished these waters for years,\u201d O\u2019Dowd-Keane said."
    )
    atts = [attribution(text, "the quota was too small", source="Ruairí O\u2019Dowd-Keane",
                        cue="said"),
            attribution(text, "\u201cWe\u2019ve fished these waters for years,\u201d",
                        source="O\u2019Dowd-Keane", cue="said", after="small.")]
    assert [s.name for s in resolve(text, atts)] == ["Ruairí O\u2019Dowd-Keane"] * 2


@pytest.mark.parametrize("text, content, source, name", [
    # Malay "binti"; Portuguese "dos" after an untagged given name; Faroese "á": the name
    # runs on through the particle, however the tagger split it
    ("\u201cWe moved everyone out,\u201d said Farah Izzati binti Kamal, director of the "
     "district flood office.", "We moved everyone out", "Farah Izzati binti Kamal",
     "Farah Izzati binti Kamal"),
    ("\u201cOff the pitch!\u201d shouted referee Sebasti\u00e3o dos Reis Monteiro at the bench.",
     "Off the pitch!", "referee Sebasti\u00e3o dos Reis Monteiro",
     "Sebasti\u00e3o dos Reis Monteiro"),
    ("The skipper, B\u00e1r\u00f0ur \u00e1 Heygum, told local radio that the crew was safe.",
     "the crew was safe", "The skipper", "B\u00e1r\u00f0ur \u00e1 Heygum"),
    # Catalan "i" between two surnames; a pilgrim's honorific is no part of the name
    ("\u201cThe port stays shut,\u201d said Judge N\u00faria Casals i Vidal on Monday.",
     "The port stays shut,", "Judge N\u00faria Casals i Vidal", "N\u00faria Casals i Vidal"),
    ("\u201cPrices will fall,\u201d said the market's chairman, Alhaji Musa Danjuma.",
     "Prices will fall,", "the market's chairman, Alhaji Musa Danjuma", "Musa Danjuma"),
])
def test_a_patronymic_or_surname_particle_keeps_the_whole_name(
    text: str, content: str, source: str, name: str
) -> None:
    assert resolve(text, [attribution(text, content, source=source)])[0].name == name
