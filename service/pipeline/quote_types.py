"""Quote type: direct (content wholly inside quotation marks), mixed (partly), indirect.

Quoted regions are found per paragraph for every mark style: “…” „…“ „…” «…» »…« "…"
”…” 「…」 『…』 and single ‘…’ '…' (a single mark counts only at a word edge, so apostrophes in
"doesn’t" or "countries’" do not open quotes). A quotation left open runs to the end
of its paragraph, as multi-paragraph quotes are written, unless an attribution inside it
(", said X") shows where its closing mark is missing. A block quote introduced by
"said:" or "said;" without marks is direct.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from service.pipeline.speakers.lexicon import ROLE_NOUNS, SPEECH_VERBS, is_role_head
from service.pipeline.types import Attribution

if TYPE_CHECKING:  # the Document keeps the regions this module finds
    from service.pipeline.document import Document

# opening mark -> closing marks it accepts
DOUBLE_PAIRS = {"“": "”", "„": "“”", "«": "»", "»": "«", '"': '"', "”": "”“",
                "「": "」", "『": "』"}  # (Japanese corner brackets in English copy)
SINGLE_PAIRS = {"‘": "’", "‚": "‘’", "‹": "›", "'": "'"}
SYMMETRIC = {'"', "'", "’", "‘"}  # marks that may also be apostrophes or open and close
# marks that open a quotation of their own kind again (“ also closes „...“ and « closes
# »...«, but pair_marks tries a closing mark first)
LEFT_MARKS = {"“", "„", "«", "‹", "‚"}
# words that never modify a title (", the caretaker told us", ", and together said")
NOT_MODIFIERS = {"the", "a", "an", "and", "or", "but", "his", "her", "their", "its", "our",
                 "my", "your", "this", "that", "together"}
OPENING_MARKS = "".join(DOUBLE_PAIRS)
CLOSING_MARKS = "\u201d\u2019\u00bb\u201c\"'」』"  # what a closed quotation may end with
WORD = re.compile(r"\w+")
BLOCK_INTRO = re.compile(r"(\w+)[ \t]*\n?[ \t]*[:;]\s*$")
INTRO_WINDOW = 80
DOUBLED = re.compile(r"''|``")
# words that follow a closing mark ("a ‘tax on farmers’ and ..."), not a plural's possessive
AFTER_CLOSING = {"and", "or", "but", "nor", "to", "in", "on", "at", "for", "with", "from", "by",
                 "of", "as", "than", "that", "which", "who", "is", "are", "was", "were", "has",
                 "have", "had", "will", "would", "said", "says", "the", "a", "an"}


def quote_type(document: Document, attribution: Attribution) -> str:
    """direct | mixed | indirect for one attribution of `document`."""
    text = document.text
    para_start = document.paragraph_start(attribution.start)
    para_end = document.paragraph_end(attribution.end)
    starts, ends = document.quoted(para_start, para_end)
    quoted = total = 0
    for frag in attribution.fragments:
        for w in WORD.finditer(text, frag.start, frag.end):
            total += 1
            quoted += inside(w.start(), starts, ends)
    if total and quoted == total:
        return "direct"
    if quoted:
        return "mixed"
    return "direct" if is_block_quote(document, attribution) else "indirect"


def merged(regions: list[tuple[int, int]]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Regions as sorted, disjoint [start, end) bounds, for membership by bisection."""
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(regions):
        if ends and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return tuple(starts), tuple(ends)


def inside(i: int, starts: tuple[int, ...], ends: tuple[int, ...]) -> bool:
    """Whether character i lies in one of the regions (sorted, disjoint bounds)."""
    return enclosing(i, starts, ends) is not None


def enclosing(i: int, starts: tuple[int, ...], ends: tuple[int, ...]) -> tuple[int, int] | None:
    """The region (start, end) that holds character i, if any."""
    k = bisect_right(starts, i) - 1
    return (starts[k], ends[k]) if k >= 0 and i < ends[k] else None


# Every quote of a paragraph needs its regions: computed once per paragraph (the Document
# keeps them), and looked up by bisection, so that 100,000 quotation marks stay fast.
def quoted_index(text: str, start: int, end: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    para = DOUBLED.sub(fold_doubled, text[start:end])
    return merged([(a + start, b + start) for a, b in quoted_regions(para, 0, len(para))])


def fold_doubled(m: re.Match[str]) -> str:
    """Two apostrophes or backticks written as a double mark ('' or ``, as in PTB text and
    some newspapers): one double mark beside the word, a space on the other side, so the
    length and offsets stay."""
    s, a, b = m.string, m.start(), m.end()
    after_space = a == 0 or s[a - 1].isspace() or s[a - 1] in "(["
    opening = b < len(s) and not s[b].isspace() and after_space
    return ' "' if opening else '" '


def quoted_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Character ranges [open, close) inside quotation marks within text[start:end]."""
    regions = pair_marks(text, start, end, DOUBLE_PAIRS, lambda i: True)
    doubled = merged(regions)

    def at_edge(i: int) -> bool:
        if inside(i, *doubled):
            return False  # single marks nested in a double quote add nothing
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        # a plural's possessive ("the plot holders’ tools") closes nothing while a mark
        # further on closes the quotation before another opens, or, in a quotation left
        # open (one going on in the next paragraph), while a word no closing mark stands
        # before follows it ("the keepers’ cottage", not "farmers’ and")
        plural_possessive = before == "s" and after == " " and text[i + 2 : i + 3].islower() and (
            possessive_before(text, i, end))
        return not (before.isalnum() and after.isalnum()) and not plural_possessive

    return regions + pair_marks(text, start, end, SINGLE_PAIRS, at_edge)


def possessive_before(text: str, i: int, end: int) -> bool:
    """The mark at character i, after a plural and before a lower-case word, is that
    plural's possessive: the next single mark at a word's edge closes the quotation before
    another opens ("‘a tax on farmers’ and the ‘consultation’": the second ‘ opens, so
    farmers’ closes), or there is none (a quotation left open, going on in the next
    paragraph) and the word after the mark is none that follows a closing mark ("the
    keepers’ cottage", not "farmers’ and")."""
    j = next_edge_mark(text, i, end)
    if j is not None:
        return not (text[j - 1].isspace() or text[j - 1] in "([")  # an opening mark
    following = WORD.match(text, i + 2)
    return following is not None and following.group() not in AFTER_CLOSING


def next_edge_mark(text: str, i: int, end: int) -> int | None:
    """The first single mark after character i, before `end`, at a word's edge (not an
    apostrophe inside a word: "council’s", "don’t"); None when there is none."""
    for j in range(i + 1, end):
        inside = text[j - 1].isalnum() and j + 1 < end and text[j + 1].isalnum()
        if text[j] in "\u2018\u2019'" and not inside:
            return j
    return None


def pair_marks(text: str, start: int, end: int, pairs: dict[str, str], usable) -> list:
    regions, open_at, closers = [], None, ""
    for i in range(start, end):
        ch = text[i]
        if open_at is not None and ch in closers and usable(i) and closes(text, i, start):
            regions.append((open_at, i + 1))
            open_at = None
        elif open_at is not None and ch == text[open_at] and ch in LEFT_MARKS and usable(i) and (
            opens(text, i, start, end)
        ):  # the same left mark again: the one before was never closed ("“A, said X. It
            # was “B”"), and ends where unclosed_end says
            regions.append((open_at, unclosed_end(text, open_at, i)))
            open_at = i
        elif open_at is None and ch in pairs and usable(i) and opens(text, i, start, end):
            open_at, closers = i, pairs[ch]
    if open_at is not None:
        regions.append((open_at, unclosed_end(text, open_at, end)))
    return regions


# the words after a comma inside a quotation, where an attribution may stand
AFTER_COMMA = re.compile(r",((?:\s+[\w’'.-]+){1,5})")
NAME_WORDS = 4  # words of a title and a name before the verb: ", engineer Kenji Watanabe told"
# after a name and its verb, the attribution ends its sentence: "told the panel."
CLAUSE_END = re.compile(r"[^.,;:!?]{0,60}[.!?]")


def unclosed_end(text: str, open_at: int, end: int) -> int:
    """Where a quotation opened at `open_at` and never closed before `end` stops: at the comma
    of an attribution written inside it, the verb first and a name after it (", said lawyer
    X") or a name first and the sentence ending soon after its verb (", engineer X Y told
    the panel."; not ", Mayor X says it will, and"), else at `end` (a quotation over
    paragraphs leaves each paragraph open but the last)."""
    for m in AFTER_COMMA.finditer(text, open_at, end):
        words = m.group(1).split()
        for n, word in enumerate(words):
            if word in SPEECH_VERBS:
                after = text.find(word, m.start()) + len(word)
                named_after = any(w[:1].isupper() for w in words[n + 1 :])
                if n == 0 and named_after or n > 0 and CLAUSE_END.match(text, after, end):
                    return m.start()
                break
            # a title's modifier too (", community leader X said"), before a listed job
            modifier = n + 1 < len(words) and words[n + 1] in ROLE_NOUNS and (
                word not in NOT_MODIFIERS)
            if n == NAME_WORDS or not (word[:1].isupper() or is_role_head(word) or modifier):
                break
    return end


def opens(text: str, i: int, start: int, end: int) -> bool:
    """A symmetric mark opens only before text, not before a space ("word' said" closes);
    guillemets may be spaced the French way. A closing ” opens only at a word's left edge,
    where copy typed it for the opening mark (”Fear. I am afraid.”)."""
    if text[i] == "”" and i > start and not text[i - 1].isspace():
        return False
    return i + 1 < end and (text[i] not in SYMMETRIC | {"”"} or not text[i + 1].isspace())


def closes(text: str, i: int, start: int) -> bool:
    """A symmetric mark closes only after text; an apostrophe inside a word never closes, nor
    one that ends a letter standing between two elision marks ("rock ’n’ roll")."""
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] == "’" and after.isalpha():
        return False
    if text[i] == "’" and i >= 3 and text[i - 2] == "’" and text[i - 1].isalpha() and (
        text[i - 3].isspace()
    ):
        return False
    return i > start and (text[i] not in SYMMETRIC or not text[i - 1].isspace())


def is_block_quote(document: Document, attribution: Attribution) -> bool:
    """Content after "said:" / "said;" (the cue or a speech verb right before the colon),
    or anywhere in the paragraph such an introduction opens."""
    para_start = document.paragraph_start(attribution.start)
    return any(
        introduced(document.text, attribution, at) for at in {attribution.start, para_start}
    )


def introduced(text: str, attribution: Attribution, at: int) -> bool:
    intro = text[max(0, at - INTRO_WINDOW) : at]
    m = BLOCK_INTRO.search(intro)
    if not m:
        return False
    word = m.group(1).lower()
    cue = attribution.cue.text.split()[-1].lower() if attribution.cue else None
    return word == cue or word in SPEECH_VERBS
