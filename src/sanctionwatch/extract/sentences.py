"""Sentence segmentation over a blank spaCy pipeline (no downloaded model).

Real input breaks sentences in ways a sentencizer alone does not see: headlines with no
final period, hard-wrapped transcripts, and crawler text with sentences run together
("...talks.The minister..."). Text is first cut into blocks at blank lines and at line
breaks that end a sentence or a heading; spaCy's tokenizer (whose infix rules split
"talks.The") and sentencizer then split each block.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import spacy
from spacy.language import Language

SEGMENTER_NAME = "sentences.blank_en_sentencizer"
SEGMENTER_VERSION = "v1"

_LINE_END_PUNCT = re.compile(r"[.!?:;\"”’)\]]$")
_HEADING_MAX = 90


@lru_cache(maxsize=1)
def _nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 20_000_000
    return nlp


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """Cut at blank lines, and at single line breaks after a sentence end or a heading.

    A heading is a line much shorter than the longest line of its paragraph: in
    hard-wrapped text every line is about as long as the longest, so none is cut.
    """
    lines = text.split("\n")
    offsets = []
    offset = 0
    for line in lines:
        offsets.append(offset)
        offset += len(line) + 1
    widest = _paragraph_widths(lines)
    start = 0
    for i in range(len(lines) - 1):
        line, next_line = lines[i].strip(), lines[i + 1].strip()
        is_heading = len(line) < min(_HEADING_MAX, 0.6 * widest[i]) and next_line[:1].isupper()
        cut = (
            not line
            or not next_line
            or _LINE_END_PUNCT.search(line) is not None
            or is_heading
            or next_line[:1] in {"-", "*", "•", "#"}
        )
        if cut:
            end = offsets[i] + len(lines[i])
            if end > start:
                yield start, end
            start = offsets[i + 1]
    if len(text) > start:
        yield start, len(text)


def _paragraph_widths(lines: list[str]) -> list[int]:
    """For each line, the longest line length of its paragraph (lines between blanks)."""
    widths = [0] * len(lines)
    begin = 0
    for i in range(len(lines) + 1):
        if i == len(lines) or not lines[i].strip():
            widest = max((len(line.strip()) for line in lines[begin:i]), default=0)
            for j in range(begin, i):
                widths[j] = widest
            begin = i + 1
    return widths


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans as ``(start, end)`` offsets into ``text``, whitespace trimmed."""
    blocks = [(s, e) for s, e in _blocks(text) if text[s:e].strip()]
    out: list[tuple[int, int]] = []
    for (block_start, _), doc in zip(
        blocks, _nlp().pipe(text[s:e] for s, e in blocks), strict=True
    ):
        for sent in doc.sents:
            start = block_start + sent.start_char
            end = block_start + sent.end_char
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                out.append((start, end))
    return _move_opening_quotes(text, out)


def _move_opening_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentencizer leaves an opening quote on the sentence before the one it opens
    ('... Kim said. “' + 'North Korea will ...”'): hand it to the sentence it opens."""
    fixed = list(spans)
    for i in range(len(fixed) - 1):
        start, end = fixed[i]
        if end - start > 1 and text[end - 1] in "“‘" and text[end - 2].isspace():
            new_end = end - 1
            while new_end > start and text[new_end - 1].isspace():
                new_end -= 1
            fixed[i] = (start, new_end)
            fixed[i + 1] = (end - 1, fixed[i + 1][1])
    return fixed
