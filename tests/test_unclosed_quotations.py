"""A quotation whose closing mark is missing before its attribution: it ends at the
attribution's comma, and a content the tagger ran past it or started in the narration before
it is cut to it."""

from __future__ import annotations

import pytest

from service.pipeline.attribution.unclosed import within_unclosed_quotations
from service.pipeline.document import Document
from service.pipeline.quote_types import quote_type
from tests.support.handmade import attribution

TEXT = ("The council met on Monday. \u201cThe cuts will close three libraries, warned librarian "
        "Ada Brook from the gallery. Councillors voted 7-4. The mayor said the vote was fair.")


@pytest.mark.parametrize("text", [
    TEXT,
    # the name after a title with its modifier, the verb, then a long place and time
    ("\u201cThe cuts will close three libraries, community leader Ada Brook said on Monday "
     "evening at the town hall in Westbury. The mayor said the vote was fair."),
])
def test_the_narration_after_an_unclosed_quotation_is_not_quoted(text: str) -> None:
    att = attribution(text, "the vote was fair", source="The mayor", cue="said")
    assert quote_type(Document(text), att) == "indirect"


def test_a_second_opening_mark_ends_the_unclosed_quotation_before_it() -> None:
    text = ("\u201cWe lost the kitchen but nobody was hurt, said Wara Quispe, a nurse. The "
            "landlord said it was \u201cworking closely with the fire service\u201d.")
    att = attribution(text, "it was \u201cworking closely with the fire service\u201d",
                      source="The landlord", cue="said")
    assert quote_type(Document(text), att) == "mixed"


@pytest.mark.parametrize("content", [
    "The council met on Monday. \u201cThe cuts will close three libraries",  # from the narration
    "\u201cThe cuts will close three libraries, warned librarian",  # on into the attribution
])
def test_a_content_is_cut_to_the_unclosed_quotation(content: str) -> None:
    (got,) = within_unclosed_quotations(Document(TEXT), [attribution(TEXT, content)])
    assert [f.text for f in got.fragments] == ["\u201cThe cuts will close three libraries"]
    assert quote_type(Document(TEXT), got) == "direct"


def test_a_clause_with_a_job_inside_a_quotation_over_paragraphs_is_no_attribution() -> None:
    text = ("\u201cWhen we got to the hall, the caretaker told us to wait outside. We waited "
            "for hours.\n\n\u201cNobody came to help us,\u201d Ms Diaz said.")
    att = attribution(text, "\u201cWhen we got to the hall, the caretaker told us to wait "
                      "outside. We waited for hours.")
    assert quote_type(Document(text), att) == "direct"


def test_a_quotation_over_paragraphs_stays_open_to_its_paragraph_end() -> None:
    text = ("\u201cWe lost the vote, and we will say so plainly to every member.\n\n"
            "\u201cThen we start again.\u201d")
    att = attribution(text, "\u201cWe lost the vote, and we will say so plainly to every member.")
    (got,) = within_unclosed_quotations(Document(text), [att])
    assert got.fragments == att.fragments
    assert quote_type(Document(text), got) == "direct"
