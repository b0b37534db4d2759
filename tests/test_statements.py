"""Neighbouring statements stay separate, and quoted sentences the tagger missed are found:
the attribution step's rules after linking, on sentences written for these tests."""

from __future__ import annotations

from service.pipeline.attribution.quoted import RULE_CONFIDENCE, missed_direct_quotes
from service.pipeline.attribution.statements import separate
from service.pipeline.attribution.works import without_titles
from service.pipeline.document import Document
from tests.support.handmade import attribution


def texts(text: str, atts) -> list[list[str]]:
    return [[f.text for f in a.fragments] for a in atts]


def test_quotes_on_both_sides_of_a_sentence_end_are_two_quotes_of_one_source() -> None:
    text = '"The dam held," engineer Rui Costa said. "The town is safe."'
    att = attribution(text, '"The dam held,"', '"The town is safe."', source="engineer Rui Costa",
                      cue="said")
    first, second = separate(text, [att])
    assert texts(text, [first, second]) == [['"The dam held,"'], ['"The town is safe."']]
    assert first.cue is not None and second.cue is None
    assert first.source == second.source == att.source


def test_a_quote_interrupted_inside_its_sentence_stays_one_quote() -> None:
    text = '"The dam held," Costa said, "and the town is safe."'
    att = attribution(text, '"The dam held,"', '"and the town is safe."', source="Costa",
                      cue="said")
    assert separate(text, [att]) == [att]


def test_the_cue_goes_with_the_sentence_it_stands_in() -> None:
    text = '"We are ready." She insisted that no date had been set.'
    att = attribution(text, '"We are ready."', "that no date had been set", source="She",
                      cue="insisted")
    first, second = separate(text, [att])
    assert first.cue is None and second.cue is not None and second.cue.text == "insisted"


def test_narration_after_a_closing_mark_is_dropped() -> None:
    text = "\u201cToo late,\u201d said a man called \u201cBird.\u201d He left."
    att = attribution(text, "\u201cToo late,\u201d", "\u201d He left.", source="a man", cue="said")
    assert texts(text, separate(text, [att])) == [["\u201cToo late,\u201d"]]


def test_a_missed_quoted_sentence_with_a_speech_verb_is_found() -> None:
    text = "\u2018The roads are closed,\u2019 said driver Ann Moss. The snow kept falling."
    (quote,) = missed_direct_quotes(Document(text), [])
    assert quote.fragments[0].text == "The roads are closed,"
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.confidence == RULE_CONFIDENCE


def test_an_uncued_quoted_sentence_after_a_quote_is_found_but_a_title_is_not() -> None:
    text = (
        'The film, "Winter Roads", opened on Friday. "It is a warning," director Ida Berg said. '
        '"Nobody is listening to us."'
    )
    found = [attribution(text, '"It is a warning,"', source="director Ida Berg", cue="said")]
    found_here = missed_direct_quotes(Document(text), found)
    assert texts(text, found_here) == [["Nobody is listening to us."]]


def test_a_quoted_sentence_opening_with_a_space_is_found_without_it() -> None:
    text = "\u201c We are not done yet here,\u201d said Ann Lee."
    (quote,) = missed_direct_quotes(Document(text), [])
    assert quote.fragments[0].text == "We are not done yet here,"


def test_a_doubled_closing_mark_is_not_the_source() -> None:
    text = "Intro line.\n''We were left with nothing,'' said Ann Lee."
    (quote,) = missed_direct_quotes(Document(text), [])
    assert quote.fragments[0].text == "We were left with nothing,"
    assert quote.source is None and quote.cue is not None and quote.cue.text == "said"


def test_titles_chants_and_signs_are_not_quotes() -> None:
    text = (
        '"We marched all day," she said. The crowd chanted "Lock Him Up Now!" and sang '
        '"Where Have All the Flowers Gone?" under signs reading "No more war."'
    )
    found = [attribution(text, '"We marched all day,"', source="she", cue="said")]
    assert missed_direct_quotes(Document(text), found) == []


def test_an_apostrophe_opening_a_piece_does_not_drop_it() -> None:
    text = '"We will win," she said. \u2019Tis the season to fight.'
    att = attribution(text, '"We will win,"', "\u2019Tis the season to fight", source="she",
                      cue="said")
    assert len(separate(text, [att])) == 2


def test_a_quoted_nickname_after_the_source_is_no_part_of_the_quote() -> None:
    text = '"The roof went first," said a fisherman known in the harbour as "Gull."'
    att = attribution(text, '"The roof went first,"', 'as "Gull."', source="a fisherman known",
                      cue="said")
    assert texts(text, separate(text, [att])) == [['"The roof went first,"']]
    # a quoted phrase in lower case after the source is the speaker's words
    text = '"The roof went first," said a fisherman, calling it "a disaster."'
    att = attribution(text, '"The roof went first,"', 'it "a disaster."', source="a fisherman",
                      cue="said")
    assert len(separate(text, [att])[0].fragments) == 2


def test_each_paragraph_of_a_quote_running_on_is_found() -> None:
    # each paragraph reopens the quotation mark; only the last one closes it
    text = (
        "\u201cThe bridge will reopen on Friday,\u201d engineer Rui Costa said. \u201cThe "
        "cables have been replaced.\n\n\u201cDrivers should still expect delays in the "
        "mornings.\n\n\u201cWe thank everyone for their patience.\u201d"
    )
    found = [
        attribution(text, "\u201cThe bridge will reopen on Friday,\u201d",
                    source="engineer Rui Costa", cue="said"),
        attribution(text, "\u201cThe cables have been replaced."),
    ]
    assert texts(text, missed_direct_quotes(Document(text), found)) == [
        ["Drivers should still expect delays in the mornings."],
        ["We thank everyone for their patience."],
    ]
    # a paragraph after a closed quotation is no piece of it, however it opens
    text = "\u201cThe bridge is safe,\u201d Costa said.\n\n\u201cSafe\u201d is a big word."
    assert missed_direct_quotes(Document(text), []) == []


def test_a_quoted_title_with_no_speech_verb_is_no_quote() -> None:
    text = ('Its single, \u201cSalt of the Earth\u201d, was banned by two stations. '
            'Abe said it hurt.')
    title = attribution(text, "\u201cSalt of the Earth\u201d", source="two stations",
                        cue="was banned")
    speech = attribution(text, "it hurt", source="Abe", cue="said")
    assert without_titles(Document(text), [title, speech]) == [speech]


def test_quoted_words_of_speech_stay_quotes_without_a_speech_verb() -> None:
    text = (
        "Megyn was incredulous. \u201cOnly you, Dinesh,\u201d she said. \u201cUnbelievable,\u201d"
        " she sighed. The crowd shouted \u201cThe Donald. Big Daddy.\u201d \u201cNot Guilty,\u201d"
        " Smith pleaded. The crowd chanted \u201cLock Her Up.\u201d"
    )
    kept = [
        attribution(text, "\u201cOnly you, Dinesh,\u201d", cue="was incredulous"),
        attribution(text, "\u201cUnbelievable,\u201d", cue="sighed"),
        attribution(text, "\u201cThe Donald. Big Daddy.\u201d", cue="shouted"),
        attribution(text, "\u201cNot Guilty,\u201d", cue="pleaded"),
        attribution(text, "\u201cLock Her Up.\u201d", cue="chanted"),
    ]
    assert without_titles(Document(text), kept) == kept


def test_a_title_someone_is_said_to_have_said_stays() -> None:
    text = 'The coach said "Never Again" after the game.'
    att = attribution(text, '"Never Again"', source="The coach", cue="said")
    assert without_titles(Document(text), [att]) == [att]


def test_a_quoted_nickname_alone_after_a_naming_word_is_no_quote() -> None:
    text = ('"They took the blankets," said a woman who calls herself \u201cDuchess.\u201d '
            'Her neighbour shouted \u201cFire!\u201d')
    nickname = attribution(text, "herself \u201cDuchess.\u201d", cue="calls")
    shout = attribution(text, "\u201cFire!\u201d", source="Her neighbour", cue="shouted")
    assert separate(text, [nickname, shout]) == [shout]


def test_a_quoted_sentence_before_another_speakers_sentence_is_not_given_that_source() -> None:
    text = ('"The trains are late," added commuter Gareth Pryce. "Nobody has told us why." '
            'Spokeswoman Abi Thorne said a fault had been repaired.')
    att = attribution(text, '"Nobody has told us why."', "a fault had been repaired",
                      source="Spokeswoman Abi Thorne", cue="said", after="Pryce.")
    uncued, own = separate(text, [att])
    assert (uncued.cue, uncued.source) == (None, None)  # the running speaker's, not Thorne's
    assert own.source == att.source and own.cue == att.cue
    # a quote that a comma joins to the cue's sentence keeps the source
    text = '"Stay where you are!", officer Bernard Quist shouted. "We are coming up."'
    att = attribution(text, '"Stay where you are!"', '"We are coming up."',
                      source="officer Bernard Quist", cue="shouted")
    assert all(piece.source == att.source for piece in separate(text, [att]))


def test_a_paragraph_going_on_with_an_open_quotation_keeps_its_speaker() -> None:
    text = ('"We drilled at eleven sites," noted Park Ji-yeon. "We found meltwater at nine.\n\n'
            '"It means the margin is gone." The director, Choi Min-ho, said the data would '
            'be published.')
    att = attribution(text, '"It means the margin is gone."', "the data would be published",
                      source="The director, Choi Min-ho,", cue="said", after="nine.")
    continued, own = separate(text, [att])
    assert continued.source is None and own.source == att.source


def test_a_quote_a_sentence_of_narration_separates_from_its_cue_is_not_given_the_source() -> None:
    text = ("The board met on Thursday to discuss the new wing. The director put down her pen. "
            '"We cannot open the wing."')
    att = attribution(text, "the new wing", '"We cannot open the wing."', source="The board",
                      cue="to discuss")
    own, later = separate(text, [att])
    assert own.source == att.source and (later.cue, later.source) == (None, None)
