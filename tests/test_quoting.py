"""A medium quoting someone: the quoted person is the source, their words the content."""

from __future__ import annotations

from service.pipeline.attribution.quoting import with_quoted_speakers
from tests.support.handmade import attribution


def test_the_person_a_medium_quotes_is_the_source_and_the_content_starts_after_as_saying(
) -> None:
    text = ("The Harbour Herald quoted her as saying, \u2018The rent has gone up four times.\u2019 "
            "The market closes in August.")
    att = attribution(text, "her as saying, \u2018The rent has gone up four times.\u2019",
                      source="The Harbour Herald", cue="quoted")
    (got,) = with_quoted_speakers(text, [att])
    assert got.source is not None and got.source.text == "her"
    assert [f.text for f in got.fragments] == ["\u2018The rent has gone up four times.\u2019"]


def test_a_title_and_name_before_as_saying_is_the_source_whatever_the_tagger_marked() -> None:
    text = "The Chronicle quoted Mayor Tom Ellis as saying that the bridge would reopen in May."
    att = attribution(text, "that the bridge would reopen in May", source="The Chronicle",
                      cue="quoted")
    (got,) = with_quoted_speakers(text, [att])
    assert got.source is not None and got.source.text == "Mayor Tom Ellis"
    assert got.fragments == att.fragments


def test_other_cues_are_left_alone() -> None:
    text = "The Chronicle reported Tom Ellis as saying nothing, and the bridge stayed shut."
    att = attribution(text, "the bridge stayed shut", source="The Chronicle", cue="reported")
    assert with_quoted_speakers(text, [att]) == [att]


def test_a_listener_after_as_telling_is_no_source() -> None:
    text = "Reuters quoted Mayor Ann Cole as telling reporters that the bridge would close."
    att = attribution(text, "that the bridge would close", source="Reuters", cue="quoted")
    assert with_quoted_speakers(text, [att]) == [att]
