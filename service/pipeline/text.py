"""Character-preserving views of the article for the encoder, and its line breaks."""

import re

# Every line break that str.splitlines() knows: CRLF and CR texts break paragraphs as LF does.
LINE_BREAK = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
# Between two paragraphs: a line break and the whitespace after it (blank lines, indents).
PARAGRAPH_BREAK = re.compile(LINE_BREAK.pattern + r"\s*")

# Typographic quotation marks folded to ASCII one code point for one, so the
# uncased encoder sees one symbol per mark and every offset stays valid.
_QUOTE_FOLD = str.maketrans(
    {
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2033": '"', "\uff02": '"', "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
        "\u2039": "'", "\u203a": "'", "\u2032": "'", "\uff07": "'",
    }
)


def encoder_view(text: str) -> str:
    """Return `text` with quotation marks folded; same length, so offsets carry over."""
    return text.translate(_QUOTE_FOLD)
