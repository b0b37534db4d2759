"""Speaker resolution rules on sentences written for these tests."""

from __future__ import annotations

import pytest

from service.pipeline.types import Attribution, CharSpan, Speaker
from tests.support.handmade import attribution, resolve


def speakers(text: str, *atts) -> list[Speaker]:
    return resolve(text, list(atts))


def names(text: str, *atts) -> list[str | None]:
    return [s.name for s in speakers(text, *atts)]


def test_partial_names_and_surname_first_names_resolve_to_the_full_name() -> None:
    text = (
        "Premier Li Qiang opened the trade fair in Guangzhou on Monday. "
        "Li said exports would recover this year. "
        "Later, Qiang told delegates that tariffs hurt everyone."
    )
    got = speakers(
        text,
        attribution(text, "exports would recover this year", source="Li", cue="said"),
        attribution(text, "tariffs hurt everyone", source="Qiang", cue="told"),
    )
    assert [s.name for s in got] == ["Li Qiang", "Li Qiang"]
    assert got[0].type == "person"
    assert got[0].mention is not None and got[0].mention.text == "Li"


def test_full_name_given_after_the_partial_one_becomes_the_canonical_name() -> None:
    text = (
        "Ferreira said the vote was fair. "
        "The count was certified on Friday by Judge Paula Ferreira of the electoral court."
    )
    assert names(text, attribution(text, "the vote was fair", source="Ferreira")) == [
        "Paula Ferreira"
    ]


def test_honorific_is_stripped_and_name_completed() -> None:
    text = (
        "Ngozi Okafor leads the central bank. "
        "Ms. Okafor said inflation had peaked, and Dr. Okafor repeated it later."
    )
    got = names(text, attribution(text, "inflation had peaked", source="Ms. Okafor"))
    assert got == ["Ngozi Okafor"]


def test_she_after_two_speakers_goes_to_the_woman_named_before() -> None:
    text = (
        "Maria Lopez, the mayor, said she would seek a second term. "
        "Tom Baker, the police chief, said crime had fallen. "
        "She said the city budget would grow next year."
    )
    got = names(
        text,
        attribution(text, "she would seek a second term", source="Maria Lopez, the mayor,"),
        attribution(text, "crime had fallen", source="Tom Baker, the police chief,"),
        attribution(text, "the city budget would grow next year", source="She"),
    )
    assert got == ["Maria Lopez", "Tom Baker", "Maria Lopez"]


def test_he_added_continues_the_previous_speaker_over_a_caption_subject() -> None:
    text = (
        "Anna Berg, the union leader, said the strike would go on.\n"
        "Paul Smit, the transport minister, said talks would resume.\n"
        "Prime Minister Jan de Vries visits a depot in Utrecht on Monday.\n"
        "He added that trains would run on weekends."
    )
    got = names(
        text,
        attribution(text, "the strike would go on", source="Anna Berg"),
        attribution(text, "talks would resume", source="Paul Smit"),
        attribution(text, "trains would run on weekends", source="He", cue="added"),
    )
    assert got == ["Anna Berg", "Paul Smit", "Paul Smit"]


def test_he_without_continuation_cue_prefers_previous_sentence_subject() -> None:
    text = (
        "Lisa Park said the plan was sound. "
        "Mark Chen, the city's budget chief, rejected it on Friday. "
        "He said the costs were too high."
    )
    got = names(
        text,
        attribution(text, "the plan was sound", source="Lisa Park"),
        attribution(text, "the costs were too high", source="He", cue="said"),
    )
    assert got == ["Lisa Park", "Mark Chen"]


def test_pronoun_with_nobody_named_is_unknown_not_a_pronoun() -> None:
    text = "He said the results were disappointing."
    got = speakers(text, attribution(text, "the results were disappointing", source="He"))
    assert (got[0].name, got[0].type) == (None, "unknown")


def test_descriptor_mention_goes_to_the_person_whose_role_matches() -> None:
    text = (
        "Huang Rui, chief executive of Delta Motors, met Omar Haddad, a senior economist "
        "at the bank, in Shanghai. "
        "The economist said car sales would slow. "
        "The executive said the company would cut prices."
    )
    got = speakers(
        text,
        attribution(text, "car sales would slow", source="The economist"),
        attribution(text, "the company would cut prices", source="The executive"),
    )
    assert [s.name for s in got] == ["Omar Haddad", "Huang Rui"]
    assert [s.role for s in got] == [
        "senior economist at the bank",
        "chief executive of Delta Motors",
    ]


def test_organisation_keeps_its_name_and_a_generic_noun_finds_it() -> None:
    text = (
        "The Ministry of Finance said the budget deficit had narrowed. "
        "The ministry said on Friday that taxes would not rise."
    )
    got = speakers(
        text,
        attribution(text, "the budget deficit had narrowed", source="The Ministry of Finance"),
        attribution(text, "taxes would not rise", source="The ministry"),
    )
    assert [(s.name, s.type, s.role) for s in got] == [
        ("Ministry of Finance", "organization", None),
        ("Ministry of Finance", "organization", None),
    ]


def test_unnamed_sources_stay_as_written_with_type_other() -> None:
    text = (
        "A source familiar with the talks said a deal was close. "
        "Officials said the ceasefire would hold."
    )
    got = speakers(
        text,
        attribution(text, "a deal was close", source="A source familiar with the talks"),
        attribution(text, "the ceasefire would hold", source="Officials"),
    )
    assert [(s.name, s.type) for s in got] == [
        ("A source familiar with the talks", "other"),
        ("Officials", "other"),
    ]


def test_you_as_a_source_is_the_one_addressed_not_someone_the_article_names() -> None:
    text = (
        "Mayor Tessa Lindqvist opened the new depot on Monday. "
        "If you ask the drivers, you will hear that the buses still run late."
    )
    got = speakers(
        text, attribution(text, "the buses still run late", source="you", cue="hear"))
    assert (got[0].name, got[0].type) == ("you", "other")


def test_continuation_paragraph_inherits_the_running_speaker() -> None:
    text = (
        "“We have waited too long,” said Grace Mwangi, the head of the farmers’ union.\n\n"
        "“The rains came late and the prices fell.”\n\n"
        "The report is due in May.\n\n"
        "Weather data are published monthly.\n\n"
        "“Nobody has answered us.”"
    )
    got = speakers(
        text,
        attribution(text, "“We have waited too long,”", source="Grace Mwangi", cue="said"),
        attribution(text, "“The rains came late and the prices fell.”"),
        attribution(text, "“Nobody has answered us.”"),
    )
    assert [(s.name, s.type) for s in got] == [
        ("Grace Mwangi", "person"),
        ("Grace Mwangi", "person"),
        (None, "unknown"),  # three paragraphs on: nobody to inherit from
    ]
    assert got[1].mention is None
    assert got[1].role == "head of the farmers’ union"


def test_name_missed_by_ner_is_taken_from_the_mention() -> None:
    text = "Hugh Hill, a doctor, said the clinic would close. Hill said staff would move."
    got = speakers(
        text,
        attribution(text, "the clinic would close", source="Hugh Hill, a doctor,"),
        attribution(text, "staff would move", source="Hill"),
    )
    assert [(s.name, s.role) for s in got] == [("Hugh Hill", "doctor"), ("Hugh Hill", "doctor")]


def test_relative_pronoun_resolves_to_its_antecedent() -> None:
    text = "The plan was drafted by Sofia Rossi, who said it would save money."
    got = names(text, attribution(text, "it would save money", source="who"))
    assert got == ["Sofia Rossi"]


def test_results_follow_the_input_order_not_the_text_order() -> None:
    text = "Ana Diaz said rents rose. Ben Ode said wages fell."
    later = attribution(text, "wages fell", source="Ben Ode")
    earlier = attribution(text, "rents rose", source="Ana Diaz")
    assert names(text, later, earlier) == ["Ben Ode", "Ana Diaz"]


def test_odd_source_spans_do_not_break_resolution() -> None:
    text = "Ruth Amos said costs rose.\r\n\r\n“Prices 📈 doubled,” she said — café owners agree."
    blank = CharSpan.of(text, text.index("\r\n"), text.index("\r\n") + 2)
    dash = CharSpan.of(text, text.index("—"), text.index("—") + 1)
    first = attribution(text, "costs rose", source="Ruth Amos")
    odd = [Attribution(first.fragments, None, span, 0.5) for span in (blank, dash)]
    emoji = attribution(text, "Prices 📈 doubled,", source="she")
    got = speakers(text, first, *odd, emoji)
    assert [s.name for s in got] == ["Ruth Amos", "Ruth Amos", "Ruth Amos", "Ruth Amos"]
    assert got[1].mention == blank  # the mention is reported as the model marked it


def test_no_attributions_gives_no_speakers() -> None:
    assert speakers("Nothing was said here.") == []


def test_he_said_after_a_quote_is_its_speaker_not_the_man_his_words_were_about() -> None:
    text = (
        "White House spokesman Josh Earnest said Monday that President Barack Obama has long "
        "called for tax fairness, the closure of loopholes that benefit only the wealthy and "
        "for relief for middle class families. He said Obama hopes that his successor will "
        "push for the same goals."
    )
    first = attribution(text, "President Barack Obama has long called for tax fairness",
                        source="White House spokesman Josh Earnest", cue="said")
    second = attribution(text, "Obama hopes that his successor will push for the same goals",
                         source="He", cue="said")
    assert [s.name for s in speakers(text, first, second)] == ["Josh Earnest", "Josh Earnest"]


def test_a_hyphenated_surname_the_ner_tags_as_a_body_is_the_person_of_that_name() -> None:
    text = (
        "Conductor Friederike Haas-Yilmaz returned to the Leipzig podium on Friday. "
        "\u201eI missed this orchestra every single day\u201c, Haas-Yilmaz said."
    )
    [got] = speakers(text, attribution(text, "I missed this orchestra every single day",
                                       source="Haas-Yilmaz", cue="said"))
    assert (got.name, got.type, got.role) == ("Friederike Haas-Yilmaz", "person", "Conductor")


def test_a_lone_name_the_ner_types_as_a_place_is_the_only_antecedent_of_he() -> None:
    text = ("Tshabalala was already in the dressing room when the whistle went. "
            "He said: \u201cWe deserved at least a draw.\u201d")
    [got] = speakers(text, attribution(text, "We deserved at least a draw.", source="He",
                                       cue="said"))
    assert (got.name, got.type) == ("Tshabalala", "person")


def test_a_lone_name_with_who_after_it_is_a_person_wherever_the_ner_types_it() -> None:
    # the NER typed the second "Oyelaran" a body; the first takes "who", as people do
    text = ("A power cut closed the ferry terminal at Holm Quay on Monday. Oyelaran, who was "
            "alone on the night shift, left without a word. Reporters caught up with Oyelaran "
            "outside the gates on Tuesday. \u201cWe followed the manual,\u201d she said.")
    [got] = speakers(text, attribution(text, "We followed the manual,", source="she",
                                       cue="said"))
    assert (got.name, got.type) == ("Oyelaran", "person")


def test_a_firm_whose_name_opens_with_a_first_name_stays_an_organisation() -> None:
    text = "Edison Research said the race was too close to call."
    [got] = speakers(text, attribution(text, "the race was too close to call",
                                       source="Edison Research", cue="said"))
    assert (got.name, got.type) == ("Edison Research", "organization")


@pytest.mark.parametrize("title", ["Provost", "Trustee"])
def test_a_dash_signature_with_a_title_names_its_person_whatever_the_linker_found(
    title: str,
) -> None:
    text = ("Halvorsen University appointed Hye-jin Kwon on Monday.\n\n"
            f"\"Hye-jin is the best immunologist of her generation.\" \u2014{title} Ahmed El-Sayed")
    [got] = speakers(text, attribution(text, "Hye-jin is the best immunologist of her generation.",
                                       source="Halvorsen University"))
    assert (got.name, got.type, got.role) == ("Ahmed El-Sayed", "person", title)


def test_a_colon_lead_in_names_its_speech_verbs_subject_not_the_place_before_the_colon() -> None:
    quote = "\u201cYour bank will never ask you to move money.\u201d"
    text = f"The detective, Inspector Rohan Venkataraman, told a meeting in Hatfield: {quote}"
    [got] = speakers(text, attribution(text, quote))
    assert (got.name, got.role) == ("Rohan Venkataraman", "Inspector")


@pytest.mark.parametrize("between, signer, role", [
    # on a line of its own after a blank one
    ("\n\n\u2013 ", "Fergal Mac Giolla Rua, chair of the board", "chair of the board"),
    # a particle glued to the surname, a long role after it
    (" \u2014 ", "Hamid al-Rashidi, president of the Calloway Tenants\u2019 Union",
     "president of the Calloway Tenants\u2019 Union"),
    # a spaced hyphen, as plain text writes a dash
    (" - ", "Nnamdi Eze Jr., treasurer of the union", "treasurer of the union"),
])
def test_a_dash_signature_names_the_signer_and_the_role_after_the_name(
    between: str, signer: str, role: str,
) -> None:
    quote = "\u201cArrears fell by a third in a year, and they will fall again.\u201d"
    lead = "Harbourside Credit Union named a new chief executive on Monday."
    text = f"{lead}\n\n{quote}{between}{signer}"
    [got] = speakers(text, attribution(text, quote))
    assert (got.name, got.type, got.role) == (signer.split(",")[0], "person", role)


def test_i_in_a_letter_is_the_person_whose_line_signs_it() -> None:
    text = ("LETTERS.\n\nI cannot see why the library must close. It serves the whole town.\n\n"
            "Maria Olsen.\n\nDayton, Ohio.\n\nFACEBOOK.\n\nI think the library is a waste of "
            "money.\n\nPeter Lund.")
    first, second = text.index("I cannot"), text.index("I think")
    # (the pronoun, its cue after it, the content after the cue)
    atts = [Attribution([CharSpan.of(text, at + cue + 3, at + cue + 3 + length)],
                        CharSpan.of(text, at + 2, at + 2 + cue), CharSpan.of(text, at, at + 1), 1.0)
            for at, cue, length in ((first, 14, 23), (second, 5, 31))]
    assert names(text, *atts) == ["Maria Olsen", "Peter Lund"]


@pytest.mark.parametrize("text, content, source, expected", [
    # a firm with "who" and a plural verb, as British copy writes it
    ("Tesco, who own the site, said it would reopen. \u201cWe are sorry,\u201d Tesco said.",
     "We are sorry", "Tesco", ("Tesco", "organization")),
    # an organisation named beside a person, with no inverted cue
    ("Senator Jane Smith and Planned Parenthood sued the state on Monday. \u201cThe law is "
     "cruel,\u201d Planned Parenthood said.", "The law is cruel", "Planned Parenthood",
     ("Planned Parenthood", "organization")),
    # a second name after the inverted cue's first one only when it ends the clause
    ("\u201cWe were robbed,\u201d fumed goalkeeper Bo Lindqvist and Sunday was no better.",
     "\u201cWe were robbed,\u201d", None, ("Bo Lindqvist", "person")),
    ("\u201cWe were robbed,\u201d chorused Bo Lindqvist and Ray Smith after the final.",
     "\u201cWe were robbed,\u201d", None, ("Bo Lindqvist and Ray Smith", "other")),
    # names inside a description's clause are not the people it is (the clause is no part of
    # the speaker: "The Europeans, who had been cut out of the talks," -> "The Europeans")
    ("\u201cWe object,\u201d said the residents, who asked Ana Ortiz and Colm Brennan for "
     "help.", "We object", "the residents, who asked Ana Ortiz and Colm Brennan for help",
     ("the residents", "other")),
])
def test_people_rules_keep_to_people(
    text: str, content: str, source: str | None, expected: tuple[str, str]
) -> None:
    [got] = speakers(text, attribution(text, content, source=source))
    assert (got.name, got.type) == expected
