"""One article as every step sees it, built once per Pipeline.analyse call: the text, its
paragraphs (one definition: a run of line breaks of any kind, blank lines included, ends
one), the spaCy parse, the entity table once the speakers step has built it, and the quoted
regions per paragraph range. It lives as long as the request; nothing here is cached between
articles.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from service.pipeline.quote_types import CLOSING_MARKS, OPENING_MARKS, enclosing, quoted_index
from service.pipeline.text import LINE_BREAK, PARAGRAPH_BREAK

if TYPE_CHECKING:  # the entity table needs spaCy's parse; the document only holds it
    from service.pipeline.speakers.coreference import ArticleEntities

Regions = tuple[tuple[int, ...], tuple[int, ...]]  # sorted, disjoint [start, end) bounds
# one line break of any kind (text.LINE_BREAK), CR LF counted once
ONE_BREAK = re.compile(rf"\r\n|(?!\r\n){LINE_BREAK.pattern}")
BLANK_LINE = re.compile(rf"(?:{ONE_BREAK.pattern})(?:(?!{LINE_BREAK.pattern})\s)*"
                        rf"(?:{ONE_BREAK.pattern})")
# A headline and a subhead ("Lawmaker urges retaliation on Russia; / Member of House panel
# says ..."); a lead paragraph is longer or stands alone.
HEADLINE_WORDS = 40
HEADLINE_LINES = 3


@dataclass
class Document:
    """text: the article as sent (offsets index it); doc: spaCy's parse of it, where a step
    needs one (None for steps run on text alone, as in evaluation)."""

    text: str
    doc: Doc | None = None
    entities: ArticleEntities | None = None
    paragraph_starts: list[int] = field(init=False)
    paragraph_ends: list[int] = field(init=False)
    _quoted: dict[tuple[int, int], Regions] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        breaks = list(PARAGRAPH_BREAK.finditer(self.text))
        self.paragraph_starts = [0] + [m.end() for m in breaks]
        self.paragraph_ends = [m.start() for m in breaks] + [len(self.text)]

    @cached_property
    def headline_end(self) -> int:
        """Where a leading headline block ends (0 when there is none): the text before the
        first blank line (two line breaks of any kind), when it is at most HEADLINE_WORDS words
        on at most HEADLINE_LINES lines and the article goes on after it."""
        start = len(self.text) - len(self.text.lstrip())
        blank = BLANK_LINE.search(self.text, start)
        if blank is None or not self.text[blank.end() :].strip():
            return 0
        head = self.text[start : blank.start()]
        lines = ONE_BREAK.split(head)
        short = len(head.split()) <= HEADLINE_WORDS and len(lines) <= HEADLINE_LINES
        return blank.start() if short else 0

    @property
    def parse(self) -> Doc:
        """The spaCy parse; ValueError when the document was built without one."""
        if self.doc is None:
            raise ValueError("this step needs the spaCy parse of the document")
        return self.doc

    @property
    def paragraphs(self) -> list[tuple[int, int]]:
        """Each paragraph's [start, end) character offsets, in text order."""
        return list(zip(self.paragraph_starts, self.paragraph_ends, strict=True))

    def paragraph(self, at: int) -> int:
        """The index of the paragraph that holds character `at`."""
        return bisect.bisect_right(self.paragraph_starts, at) - 1

    def paragraph_start(self, at: int) -> int:
        return self.paragraph_starts[self.paragraph(at)]

    def paragraph_end(self, at: int) -> int:
        """Where the paragraph holding `at` ends (its line break, or the text's end)."""
        return self.paragraph_ends[self.paragraph(at)]

    def left_open(self, k: int) -> bool:
        """Whether paragraph k's last quotation is still open at its end (news reopens the
        mark on each paragraph of a quote running on and closes it only on the last)."""
        starts, ends = self.quoted(self.paragraph_starts[k], self.paragraph_ends[k])
        return bool(ends) and self.text[ends[-1] - 1] not in CLOSING_MARKS

    def runs_on(self, k: int, marks: str = OPENING_MARKS) -> bool:
        """Whether paragraph k continues the quotation the paragraph before left open: it
        opens with a quotation mark (one of `marks`: double opening marks unless told)."""
        if k <= 0 or not self.left_open(k - 1):
            return False
        head = self.text[self.paragraph_starts[k] : self.paragraph_ends[k]].lstrip()
        return head[:1] in marks

    def quoted(self, start: int, end: int) -> Regions:
        """The quoted regions of text[start:end] (a paragraph range), found once per range:
        every quote of a paragraph asks for the same range."""
        if (start, end) not in self._quoted:
            self._quoted[start, end] = quoted_index(self.text, start, end)
        return self._quoted[start, end]

    def quoted_region(self, at: int) -> tuple[int, int] | None:
        """The quoted region of the paragraph of character `at` that holds it, marks
        included; None outside quotation marks."""
        return enclosing(at, *self.quoted(self.paragraph_start(at), self.paragraph_end(at)))
