"""Speakers the quote's own sentence does not name: the subject of the sentence before, a
description the article spells out elsewhere (an appointment, a synonym of the title)."""

from __future__ import annotations

import pytest

from tests.support.handmade import attribution, resolve

LINKS = [
    # an uncued quote after a sentence whose subject is a pronoun: that pronoun's person
    ("Ilse Brandauer chairs the school board in Linz. At the meeting she turned to the "
     "inspector, Jonas Weber. \u201cWe will not close a single classroom.\u201d",
     "We will not close a single classroom.", None, None, ("Ilse Brandauer", None)),
    # a role given as an appointment's object matches a later description
    ("The museum has appointed Tomasz Zielinski as its new director. Zielinski ran a gallery "
     "in Krakow for ten years. \u201cThe collection belongs to the city,\u201d the director "
     "said in a statement.",
     "The collection belongs to the city,", "the director", "said",
     ("Tomasz Zielinski", "new director")),
    # the head of a body is its chief named next
    ("The head of the Riverton water board warned on Monday that reservoirs were low. "
     "Speaking at the dam, the board chief, Marisol Ortega, told reporters that rationing "
     "would start in May.",
     "that reservoirs were low", "The head of the Riverton water board", "warned",
     ("Marisol Ortega", "board chief")),
    # a colon lead-in: the person, not the body her role names
    ("The ministry published the panel's reactions.\n\nFrom the panel's chair, Park Ji-woo, a "
     "professor of plant genetics at Hanseo University:\n\n\u201cThe plots are small and "
     "fenced.\u201d",
     "The plots are small and fenced.", None, None,
     ("Park Ji-woo", "professor of plant genetics at Hanseo University")),
    # a sentence-case headline's mark around a name is the story's person
    ("Absent Okonjo derides summit;\nRivals take the stage.\n\nGovernor Amara Okonjo skipped "
     "the summit in Abuja. She called it a circus.",
     "summit", "Absent Okonjo", "derides", ("Amara Okonjo", "Governor")),
    # a cueless quote whose own sentence has its speaker, not the next sentence's source
    ("Ines Moreau leads the structures team. She maintained that the trains were safe. The "
     "committee's chairman, Paul Renner, said a letter would follow.",
     "that the trains were safe", "The committee's chairman, Paul Renner,", None,
     ("Ines Moreau", None)),
    # a sentence after the quote that writes "something" is no attribution of it
    ("Kwame Asiedu, the head of surgery, turned to Brigitte Laurent, the chief executive, "
     "and put down his papers. \"We have cancelled 400 operations.\" Laurent wrote "
     "something in her notebook.",
     "We have cancelled 400 operations.", "Laurent", "wrote",
     ("Kwame Asiedu", "head of surgery")),
]


@pytest.mark.parametrize(("text", "content", "source", "cue", "expected"), LINKS)
def test_a_speaker_named_outside_the_quotes_sentence(
    text: str, content: str, source: str | None, cue: str | None,
    expected: tuple[str, str | None],
) -> None:
    got = resolve(text, [attribution(text, content, source=source, cue=cue)])
    assert (got[0].name, got[0].role) == expected
