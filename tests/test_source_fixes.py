"""Source mentions as the attribution model really marks them (a description without its
name, the addressee of "told", a nested subject, a report as the channel), on sentences
written for these tests."""

from __future__ import annotations

import pytest

from service.pipeline.nlp import parse
from service.pipeline.speakers.names import hyphenated, titled_names
from service.pipeline.speakers.source_fixes import speaker_span
from service.pipeline.types import Attribution
from tests.support.handmade import attribution
from tests.test_speakers import speakers


def moved_to(text: str, source: str, att: Attribution) -> str:
    """Where speaker_span moves the mark `source` (its first occurrence in `text`)."""
    doc = parse(text)
    start = text.index(source)
    marked = doc.char_span(start, start + len(source))
    assert marked is not None
    return speaker_span(doc, marked, att).text


def test_description_marked_without_its_appositive_name_goes_to_the_name() -> None:
    text = (
        "Bakery founder Tomas Varga opened a new shop this week. "
        "Varga, the chief executive of the bread and pastry maker Goldcrust, said "
        "sales had doubled."
    )
    got = speakers(
        text,
        attribution(
            text,
            "sales had doubled",
            source="the chief executive of the bread and pastry maker Goldcrust,",
            cue="said",
        ),
    )
    assert (got[0].name, got[0].type) == ("Tomas Varga", "person")
    # the role written at the quote, not the earlier "Bakery founder", without what
    # the organisation makes
    assert got[0].role == "chief executive of Goldcrust"


def test_he_added_keeps_the_role_stated_at_the_previous_quote() -> None:
    text = (
        "Bakery founder Tomas Varga opened a new shop this week. "
        "Varga, the chief executive of Goldcrust, said sales had doubled. "
        "He added that prices would stay flat."
    )
    got = speakers(
        text,
        attribution(text, "sales had doubled", source="the chief executive of Goldcrust,"),
        attribution(text, "that prices would stay flat", source="He", cue="added"),
    )
    assert [s.name for s in got] == ["Tomas Varga", "Tomas Varga"]
    assert [s.role for s in got] == ["chief executive of Goldcrust"] * 2


def test_unrecognised_name_before_a_role_appositive_is_a_person() -> None:
    """A spokesperson's name only the appositive marks as a person's; the later surname
    alone then finds the full name."""
    text = (
        "The port authority said on Monday that traffic had fallen. "
        "Oyelaran Adewumi, a port spokeswoman, said ships were waiting offshore. "
        '"We expect the queue to clear by Friday," Adewumi said.'
    )
    got = speakers(
        text,
        attribution(text, "ships were waiting offshore", source="a port spokeswoman,"),
        attribution(text, '"We expect the queue to clear by Friday,"', source="Adewumi"),
    )
    assert [(s.name, s.type) for s in got] == [("Oyelaran Adewumi", "person")] * 2
    assert [s.role for s in got] == ["port spokeswoman"] * 2


def test_title_before_a_name_marks_it_as_a_person() -> None:
    text = (
        "Meanwhile spokeswoman Oyelaran Adewumi confirmed the closure. "
        "Adewumi said ships were waiting offshore."
    )
    got = speakers(text, attribution(text, "ships were waiting offshore", source="Adewumi"))
    assert (got[0].name, got[0].type) == ("Oyelaran Adewumi", "person")


def test_addressee_of_told_is_not_the_speaker() -> None:
    text = (
        "Mayor Ines Caldera hosted the business forum. "
        "Farid Osei, founder of Osei Foods, told Caldera that the harbour road was too narrow."
    )
    got = speakers(
        text,
        attribution(text, "that the harbour road was too narrow", source="Caldera", cue="told"),
    )
    assert (got[0].name, got[0].role) == ("Farid Osei", "founder of Osei Foods")


def test_a_mark_on_whose_the_speakers_are_grows_to_the_speakers() -> None:
    for subject in ("Advisers to Mayor Ines Caldera", "A spokeswoman for Mayor Ines Caldera",
                    "Mayor Ines Caldera's aides"):
        text = f"{subject} said the harbour road was too narrow."
        got = speakers(text, attribution(
            text, "the harbour road was too narrow", source="Mayor Ines Caldera", cue="said"
        ))
        # never the owner, a person who did not speak
        assert (got[0].name, got[0].type) == (subject, "other")
    text = "A spokeswoman for Mayor Ines Caldera, Jane Roe, said the road was too narrow."
    got = speakers(text, attribution(
        text, "the road was too narrow", source="Mayor Ines Caldera", cue="said"
    ))
    assert (got[0].name, got[0].type) == ("Jane Roe", "person")


def test_subject_nested_in_a_persons_reported_clause_is_not_the_speaker() -> None:
    text = (
        "Lena Brandt, chair of Nordwind Energy, visited the plant. "
        "Brandt said the firm insists on increasing its investment in research, and expects its "
        "partners to ask more questions."
    )
    got = speakers(
        text,
        attribution(text, "on increasing its investment", source="the firm", cue="insists"),
        attribution(text, "its partners to ask", source="the firm", cue="expects"),
    )
    assert [(s.name, s.type) for s in got] == [("Lena Brandt", "person")] * 2


def test_nested_person_subject_keeps_its_own_source() -> None:
    text = "Lena Brandt said Omar Haddad promised to sign the deal."
    got = speakers(
        text, attribution(text, "to sign the deal", source="Omar Haddad", cue="promised")
    )
    assert got[0].name == "Omar Haddad"


def test_report_in_according_to_is_the_channel_not_the_speaker() -> None:
    text = (
        "Farid Osei told the minister that exports had recovered, according to a report "
        "in the Harbour Gazette."
    )
    got = speakers(
        text,
        attribution(
            text,
            "that exports had recovered",
            source="a report in the Harbour Gazette",
            cue="according to",
        ),
    )
    assert (got[0].name, got[0].type) == ("Farid Osei", "person")


def test_report_as_the_only_source_stays_as_written() -> None:
    text = "Exports had recovered, according to a report in the Harbour Gazette."
    got = speakers(
        text,
        attribution(
            text,
            "Exports had recovered",
            source="a report in the Harbour Gazette",
            cue="according to",
        ),
    )
    assert (got[0].name, got[0].type) == ("a report in the Harbour Gazette", "other")


def test_place_before_a_description_is_not_its_name() -> None:
    text = "In Lagos, the port spokeswoman said ships were waiting offshore."
    got = speakers(
        text,
        attribution(text, "ships were waiting offshore", source="the port spokeswoman"),
    )
    assert got[0].name != "Lagos"


def test_block_quote_paragraph_continued_after_a_sourceless_split_inherits() -> None:
    """A block quote the model cut in two: the second part, with no source, is still in
    the paragraph where the first part ended."""
    text = (
        "Nadia Petrov, director of the museum,\nsaid:\n"
        "We have restored the north wing. The south wing opens next spring.\n"
        "Visitors can book online."
    )
    got = speakers(
        text,
        attribution(
            text, "We have restored the north wing.", source="Nadia Petrov, director of the museum,"
        ),
        attribution(text, "The south wing opens next spring."),
    )
    assert [s.name for s in got] == ["Nadia Petrov", "Nadia Petrov"]


def test_titled_names_adds_only_whole_names_the_ner_missed() -> None:
    # a name the NER found is not counted twice (it would outvote a namesake's full name)
    assert titled_names(parse("Former President Bill Clinton watched the debate.")) == []
    doc = parse("Port spokeswoman Mary-Kate Adewumi said so.")
    kate = [t for t in doc if t.text in ("Kate", "Adewumi")]
    assert hyphenated(doc, kate)  # "Kate Adewumi" is only part of "Mary-Kate Adewumi"
    assert not hyphenated(doc, [t for t in doc if t.text in ("Mary", "-", "Kate", "Adewumi")])


def test_a_mark_that_runs_on_past_the_naming_word_still_gives_the_nickname() -> None:
    text = (
        "A homeless man who goes by the name \u201cSparrow\u201d said the shelter was full."
    )
    mark = "A homeless man who goes by the name \u201cSparrow"
    got = speakers(text, attribution(text, "the shelter was full", source=mark, cue="said"))
    assert (got[0].name, got[0].type) == ("Sparrow", "person")


def test_a_time_phrase_that_opens_the_mark_is_no_part_of_the_speaker() -> None:
    text = "Last night Councillor Owen Prideaux, a Green Party member, said the vote was void."
    mark = "Last night Councillor Owen Prideaux, a Green Party member"
    got = speakers(text, attribution(text, "the vote was void", source=mark, cue="said"))
    assert (got[0].name, got[0].type) == ("Owen Prideaux", "person")
    assert got[0].role in ("Councillor", "Green Party member")  # never "Last night ..."


def test_per_before_a_source_is_no_part_of_it() -> None:
    text = "The vote needs a two-thirds majority, per the club's bylaws."
    got = speakers(text, attribution(text, "The vote needs a two-thirds majority",
                                     source="per the club's bylaws", cue="per"))
    assert got[0].name == "the club's bylaws"


def test_an_adverb_the_ner_takes_into_an_organisation_is_no_part_of_its_name() -> None:
    text = ("The United Nations Security Council called the test a threat. Later the Security "
            "Council said it would act.")
    got = speakers(text, attribution(text, "it would act", source="the Security Council",
                                     cue="said"))
    assert (got[0].name, got[0].type) == ("United Nations Security Council", "organization")


def test_a_place_described_after_a_comma_is_the_place_and_a_list_stays_a_group() -> None:
    text = ("Even China, Pyongyang's only ally and its economic lifeline, said it was opposed "
            "to the test. China, Russia and Iran said it was a provocation.")
    described = attribution(text, "it was opposed to the test", cue="said",
                            source="China, Pyongyang's only ally and its economic lifeline")
    listed = attribution(text, "it was a provocation", source="China, Russia and Iran",
                         cue="said")
    got = speakers(text, described, listed)
    assert (got[0].name, got[0].type) == ("China", "organization")
    assert got[1].name == "China, Russia and Iran"


def test_a_list_whose_second_name_has_an_article_stays_a_group() -> None:
    text = "Britain, the United States and France said the vote was flawed."
    got = speakers(text, attribution(text, "the vote was flawed", cue="said",
                                     source="Britain, the United States and France"))
    assert got[0].name == "Britain, the United States and France"


def test_a_relative_pronoun_marked_with_its_verb_is_the_person_it_follows() -> None:
    text = "Mayor Ines Tamm, who had been silent, called the plan reckless."
    got = speakers(text, attribution(text, "the plan reckless", source="who had been",
                                     cue="called"))
    assert (got[0].name, got[0].type, got[0].role) == ("Ines Tamm", "person", "Mayor")


@pytest.mark.parametrize("source, cue, speaker", [
    ("Her remarks", "suggest", "Ruth Okafor"),  # what was said: the one who said it
    ("Okafor's allies", "said", "Okafor's allies"),  # the guideline keeps a group as written
])
def test_a_mark_on_someones_words_is_their_owner_but_on_their_group_stays_the_group(
    source: str, cue: str, speaker: str,
) -> None:
    text = ("Senator Ruth Okafor spoke at the rally on Saturday. "
            f"{source} {cue} that the party will oppose the budget.")
    got = speakers(text, attribution(text, "that the party will oppose the budget",
                                     source=source, cue=cue))
    assert got[0].name == speaker


def test_an_inverted_cue_the_model_missed_still_names_the_speaker() -> None:
    """"“...,” fretted director X" with neither cue nor source marked: the verb after the
    closing mark (an -ed word the tagger may call an adjective) is the cue, not the title."""
    text = ("The rehearsal ran late on Friday.\n\n"
            "\u201cThe second act still drags,\u201d fretted director Ottilie Marchbank from "
            "the stalls.")
    got = speakers(text, attribution(text, "\u201cThe second act still drags,\u201d"))
    assert (got[0].name, got[0].role) == ("Ottilie Marchbank", "director")


def test_a_mark_cut_between_a_title_and_its_name_runs_on_to_the_name() -> None:
    text = "\u201cShe was simply stronger today,\u201d conceded rider Zhang Yuting at the line."
    got = speakers(text, attribution(text, "\u201cShe was simply stronger today,\u201d",
                                     source="rider", cue="conceded"))
    assert (got[0].name, got[0].type, got[0].role) == ("Zhang Yuting", "person", "rider")


@pytest.mark.parametrize("lead", ["Comment from", "A word from", "Reaction from"])
def test_a_lead_in_naming_someones_words_from_them_is_who_they_are_from(lead: str) -> None:
    text = ("Tavita Leiataua won the open-water race on Sunday by four minutes. "
            f"{lead} the race director, Naja Kleist:\n\n"
            "\u201cNobody has swum this course faster in twenty years.\u201d")
    source = f"{lead} the race director, Naja Kleist"
    att = attribution(text, "\u201cNobody has swum this course faster in twenty years.\u201d",
                      source=source)
    assert moved_to(text, source, att) == "the race director, Naja Kleist"
    assert moved_to(text, lead, att) == lead  # a mark that ends at "from" stays
    got = speakers(text, att)
    assert (got[0].name, got[0].type, got[0].role) == ("Naja Kleist", "person", "race director")


def test_a_verb_right_after_the_closing_mark_speaks_the_quote_whatever_the_verb() -> None:
    """"“...?” pressed prosecutor X on the third day": the parser may end the sentence at the
    mark, but a verb no list holds right after it is the quote's cue, not narration."""
    text = ("\u201cYou never climbed the scaffold, did you?\u201d pressed prosecutor Nadifa "
            "Warsame on the third day of the trial.")
    quote = "\u201cYou never climbed the scaffold, did you?\u201d"
    for att in (attribution(text, quote, cue="pressed"), attribution(text, quote)):
        got = speakers(text, att)  # the cue marked, or missed too
        assert (got[0].name, got[0].role) == ("Nadifa Warsame", "prosecutor")


RELATIVE_CLAUSES = [
    # a copular clause states the role
    ("The match was called off. Kestutis Vaitkus, who is head groundsman at Marley Park, said "
     "the pitch had frozen overnight.", "Kestutis Vaitkus, who is head groundsman at Marley Park",
     "Kestutis Vaitkus", ("Kestutis Vaitkus", "person", "head groundsman at Marley Park")),
    # a spokesperson speaks for the owner where the clause's verb is the cue
    ("Divers found half the reef bleached. The survey was paid for by a resort group, whose "
     "spokesman, Ibrahim Rasheed, said the results would follow in May.",
     "a resort group, whose spokesman, Ibrahim Rasheed,", "Ibrahim Rasheed",
     ("Ibrahim Rasheed", "person", "spokesman")),
    # a relative does not
    ("The match was called off, and parent governor Eoin Gallagher, 52, whose daughter Niamh, "
     "14, was on the coach, said the pitch had frozen overnight.",
     "parent governor Eoin Gallagher, 52, whose daughter Niamh, 14, was on the coach",
     "parent governor Eoin Gallagher, 52", ("Eoin Gallagher", "person", "parent governor")),
]


@pytest.mark.parametrize("text, source, moved, speaker", RELATIVE_CLAUSES)
def test_a_mark_run_on_into_a_relative_clause_is_who_speaks_there(
    text: str, source: str, moved: str, speaker: tuple[str, str, str],
) -> None:
    content = "the pitch had frozen overnight" if "pitch" in text else (
        "the results would follow in May")
    att = attribution(text, content, source=source, cue="said")
    assert moved_to(text, source, att) == moved
    got = speakers(text, att)
    assert (got[0].name, got[0].type, got[0].role) == speaker


@pytest.mark.parametrize("text, quote, speaker", [
    # the name typed an organisation after a job no list holds ("stroke")
    ("\u201cWe caught a crab at the 1,500-metre mark and that was the race,\u201d conceded "
     "stroke Luz Dary Qui\u00f1ones after the final of the national eights on Sunday.",
     "\u201cWe caught a crab at the 1,500-metre mark and that was the race,\u201d",
     ("Luz Dary Qui\u00f1ones", "person", "stroke")),
    # a given name with a job's ending ("Wilmer"), the name typed an organisation
    ("\u201cGive them one more winter,\u201d beamed cox Wilmer Cuesta, who steered the crew to "
     "silver.", "\u201cGive them one more winter,\u201d", ("Wilmer Cuesta", "person", "cox")),
])
def test_a_job_no_list_holds_after_an_inverted_cue_is_the_speakers_role(
    text: str, quote: str, speaker: tuple[str, str, str],
) -> None:
    got = speakers(text, attribution(text, quote))
    assert (got[0].name, got[0].type, got[0].role) == speaker


def test_a_spokesperson_in_a_relative_clause_that_says_something_else_is_not_the_source() -> None:
    text = ("Divers found half the reef bleached. A resort group, whose spokesman, Ibrahim "
            "Rasheed, was on the boat, said the results would follow in May.")
    source = "A resort group, whose spokesman, Ibrahim Rasheed, was on the boat"
    att = attribution(text, "the results would follow in May", source=source, cue="said")
    assert moved_to(text, source, att) == "A resort group"
