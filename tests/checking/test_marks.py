"""Words found from positions in the text (ficdesk.checking.marks) match a visit to every word."""

from __future__ import annotations

import re

from ficdesk.checking.marks import apostrophe_words, words_at, words_ending_at
from ficdesk.checking.tokens import APOSTROPHES, Paragraph

_TEXTS = (
    "The boys’ kennel and Jack's van weren't where we'd left them, y'know.",
    "'Tis the season: the cats' bowls, the dog’s lead, ma'am ’n’ all.",
    "No apostrophes at all here.",
    "s' ' '' it’s’ Rhys’",
    "‘Hello,’ she said. ‘It's late.’",
)


def _every_word(para: Paragraph) -> list[str]:
    """The words holding an apostrophe or ending before one, found by visiting every word."""
    return [word.text for word in para.words
            if any(mark in word.text for mark in APOSTROPHES) or para.char_after(word.index) in set(APOSTROPHES)]


def test_apostrophe_words_are_those_holding_or_followed_by_one() -> None:
    for text in _TEXTS:
        para = Paragraph(text)
        assert [word.text for word in apostrophe_words(para)] == _every_word(para), text


def test_apostrophe_words_examples() -> None:
    para = Paragraph("The boys’ van wasn't Jack's.")
    assert [word.text for word in apostrophe_words(para)] == ["boys", "wasn't", "Jack's"]


def test_words_at_counts_each_word_once_and_skips_gaps() -> None:
    para = Paragraph("a b'c'd  e")
    # 0 starts "a"; 3 and 5 are both inside "b'c'd"; 8 is a space; 10 is the end of the text, where "e" ends
    assert [word.text for word in words_at(para, [0, 3, 5, 8, 10])] == ["a", "b'c'd", "e"]


def test_words_ending_at() -> None:
    para = Paragraph("Thank you Sam, he said.")
    ends = [found.start() for found in re.finditer("[,.]", para.text)]
    assert [word.text for word in words_ending_at(para, ends)] == ["Sam", "said"]
    assert words_ending_at(para, [1, 2]) == []
