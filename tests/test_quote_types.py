"""Quote type from quotation marks of every style, with or without the marks in the span."""

from __future__ import annotations

import pytest

from service.pipeline.document import Document
from service.pipeline.quote_types import quote_type
from tests.support.handmade import attribution


@pytest.mark.parametrize(
    "text, content",
    [
        ("“We will win,” she said.", "“We will win,”"),
        ("“We will win,” she said.", "We will win,"),  # marks outside the predicted span
        ('"We will win," she said.', "We will win,"),
        ("Elle a dit : « Nous allons gagner ».", "Nous allons gagner"),
        ("Er sagte: „Wir werden gewinnen“.", "Wir werden gewinnen"),
        ("Er sagte: „Wir werden gewinnen”.", "„Wir werden gewinnen”"),
        ("‘We will win,’ she said.", "We will win,"),
        # a plural's possessive inside closes nothing ("the growers’ sheds")
        ("‘We want the lease, and the growers’ sheds stay.’ He left.",
         "‘We want the lease, and the growers’ sheds stay.’"),
        ("He said: 'We will win.'", "We will win."),
        # in a quotation going on in the next paragraph, a plural's possessive closes nothing
        ("‘We’ve moved the keepers’ cottage inland twice.\n\n‘The foghorn house is next.’",
         "‘We’ve moved the keepers’ cottage inland twice."),
        # elision marks around a letter close nothing ("rock ’n’ roll")
        ("‘We weren’t paid much, but rock ’n’ roll paid.’ He left.",
         "‘We weren’t paid much, but rock ’n’ roll paid.’"),
        ("\u201dWe will win.\u201d \u2015 Ana Diaz", "We will win."),  # ” typed for “
        ("「We will win」, she said through an interpreter.", "We will win"),
        ("『We will win』, she said.", "『We will win』"),
    ],
)
def test_direct_in_any_mark_style(text: str, content: str) -> None:
    assert quote_type(Document(text), attribution(text, content)) == "direct"


def test_a_closing_mark_after_a_word_opens_nothing() -> None:
    text = "The mayor called it \u201cdead\u201d and the council agreed.”"
    assert quote_type(Document(text), attribution(text, "the council agreed")) == "indirect"


def test_interrupted_quote_is_one_direct_quote() -> None:
    text = "“Prices will fall,” the minister said, “but not this year.”"
    att = attribution(text, "Prices will fall,", "but not this year.", source="the minister")
    assert quote_type(Document(text), att) == "direct"


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "She said the firm doesn’t have the “appetite for risk” it had.",
            "the firm doesn’t have the “appetite for risk” it had",
        ),
        (
            "He said the plan was 'dead on arrival' in its current form.",
            "the plan was 'dead on arrival' in its current form",
        ),
        ("She said sales had «doubled» since May.", "sales had «doubled» since May"),
        ("She said sales had 「doubled」 since May.", "sales had 「doubled」 since May"),
        # a quoted phrase ending in a plural closes before a word that follows a closing mark
        ("She called the levy \u2018a tax on farmers\u2019 and left the hall.",
         "the levy \u2018a tax on farmers\u2019 and left the hall"),
    ],
)
def test_partly_quoted_is_mixed(text: str, content: str) -> None:
    assert quote_type(Document(text), attribution(text, content)) == "mixed"


@pytest.mark.parametrize(
    "text, content",
    [
        ("Officials said the talks had stalled.", "the talks had stalled"),
        # apostrophes and possessive marks open no quotation
        (
            "She said the countries’ leaders don’t agree and Smith’s plan won’t pass.",
            "the countries’ leaders don’t agree and Smith’s plan won’t pass",
        ),
        ("He said the workers' union isn't ready.", "the workers' union isn't ready"),
        # a quoted phrase ending in a plural closes before the narration goes on
        (
            "She called the levy \u2018a tax on farmers\u2019 and said the council\u2019s plan "
            "would fail.",
            "the council\u2019s plan would fail",
        ),
        (
            "Critics called it \u2018a gift to developers\u2019 and said the \u2018review\u2019 "
            "was a sham.",
            "the",
        ),
    ],
)
def test_unquoted_is_indirect(text: str, content: str) -> None:
    assert quote_type(Document(text), attribution(text, content)) == "indirect"


def test_quote_left_open_runs_to_paragraph_end() -> None:
    text = (
        "“We will rebuild the bridge,” he said.\n\n"
        "“It will take two years to finish.\n\n"
        "“Then we open it.”"
    )
    att = attribution(text, "It will take two years to finish.")
    assert quote_type(Document(text), att) == "direct"


@pytest.mark.parametrize("intro", ["said:", "said;", "told reporters:"])
def test_block_quote_after_said_is_direct(intro: str) -> None:
    text = f"The governor, Ana Ruiz, {intro}\nWe have done our part. Now it is up to them.\nNext."
    att = attribution(text, "We have done our part. Now it is up to them.", cue=intro[:-1])
    assert quote_type(Document(text), att) == "direct"


def test_colon_after_a_non_speech_word_is_not_a_block_quote() -> None:
    text = "The changes are these:\nfees will rise and hours will fall.\n"
    att = attribution(text, "fees will rise and hours will fall")
    assert quote_type(Document(text), att) == "indirect"


def test_later_part_of_a_block_quote_paragraph_is_direct() -> None:
    text = "Ana Ruiz said;\nWe have done our part. Now it is up to them.\nNext."
    att = attribution(text, "Now it is up to them.", cue="said")
    assert quote_type(Document(text), att) == "direct"


@pytest.mark.parametrize("brk", ["\n", "\r", "\r\n", "\u2029", "\u2028", "\x85"])
def test_every_line_break_kind_ends_an_unclosed_quotation(brk: str) -> None:
    # an opening mark left open runs to its paragraph's end, whatever ends the paragraph
    text = f'He said: "We will win.{brk}The council said fees would rise.'
    assert quote_type(Document(text), attribution(text, "fees would rise")) == "indirect"


def test_the_document_has_one_paragraph_definition() -> None:
    document = Document("One.\r\nTwo.\u2029Three.")
    assert [document.paragraph(document.text.index(w)) for w in ("One", "Two", "Three")] == [
        0, 1, 2,
    ]


def test_a_short_block_before_the_first_blank_line_is_the_headline() -> None:
    story = "Mayor backs plan\nCouncil to vote Friday\n\nThe mayor said she backs it."
    assert Document(story).headline_end == story.index("\n\n")
    assert Document("One paragraph only.\n\n").headline_end == 0  # nothing follows
    lead = " ".join(["word"] * 41)
    assert Document(f"{lead}\n\nMore text.").headline_end == 0  # a lead paragraph, not a title
    # CR LF is one line break: a three-line headline written with it is still a headline
    crlf = "Mayor backs plan\r\nCouncil to vote\r\nFriday at noon\r\n\r\nThe mayor said so."
    assert Document(crlf).headline_end == crlf.index("\r\n\r\n")
    lf = crlf.replace("\r\n", "\n")
    assert Document(lf).headline_end == lf.index("\n\n")
