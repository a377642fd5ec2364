"""Words found from positions in a paragraph's text, such as those of a regex's matches.

A rule that starts from a mark (an apostrophe, a closing quote) finds the marks with one regex search over the
text and looks up the words there by bisection, instead of visiting every word of the paragraph.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from operator import attrgetter

from ficdesk.checking.tokens import APOSTROPHES, Paragraph, Word

_END = attrgetter("end")
_APOSTROPHE = re.compile(f"[{APOSTROPHES}]")


def apostrophe_words(para: Paragraph) -> list[Word]:
    """The words that hold an apostrophe ("don't", "Jack's") or end right before one ("boys’"), in order."""
    return words_at(para, (mark.start() for mark in _APOSTROPHE.finditer(para.text)))


def words_at(para: Paragraph, positions: Iterable[int]) -> list[Word]:
    """The words that hold one of ``positions`` (in ascending order) or end right before it, each once, in order.

    The apostrophe of "don't" is held by its word; that of "boys’" follows its word.
    """
    words = para.words
    found: list[Word] = []
    for position in positions:
        index = bisect.bisect_left(words, position, key=_END)  # the first word ending at or after the position
        if index < len(words) and words[index].start <= position and (not found or found[-1].index != index):
            found.append(words[index])
    return found


def words_ending_at(para: Paragraph, positions: Iterable[int]) -> list[Word]:
    """The words that end exactly at one of ``positions`` (in ascending order), in order."""
    words = para.words
    found: list[Word] = []
    for position in positions:
        index = bisect.bisect_left(words, position, key=_END)
        if index < len(words) and words[index].end == position:
            found.append(words[index])
    return found
