"""Word counts: letters and digits joined by single apostrophes or hyphens, whatever the script or spacing."""

from __future__ import annotations

import random
import re

import pytest

from ficdesk.text.counting import count_words

#: The definition, as a plain regular expression: both ways the counter counts (bytes operations for text that is
#: ASCII once its quotes and dashes are stood in for, a regular expression for the rest) must agree with it.
_DEFINITION = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


@pytest.mark.parametrize(("text", "words"), [
    ("", 0),
    ("   \n\t ", 0),
    ("She didn't look back.", 4),
    ("A well-known, half-forgotten spell", 4),
    ("'Tis the season, o’clock", 4),
    ("rock--paper -- scissors", 3),
    ("ends-with- -starts-with", 2),
    ("snake_case_name", 3),
    ("*emphasis* and # heading", 3),
    ("Chapter 12: 3,000 words", 5),
    ("naïve café Ōkami 東京", 4),
    ("non\u00a0breaking\u2003spaces", 3),
    ("a'-b", 2),
    ("mother-in-law a-b-c-d-e x-", 3),
    ("“Don’t,” she said—‘please’… ", 4),
])
def test_words_are_counted_the_way_authors_count_them(text: str, words: int) -> None:
    assert count_words(text) == words


@pytest.mark.parametrize("alphabet", [
    "ab9Z_ '-*.,\n",  # ASCII
    "ab9Z_ '’‘-—–…“”*.,\n\u00a0",  # ASCII once the stand-ins are in
    "ab9Éж東_ '’-—*.,\n\u00a0\u2003",  # other letters and spaces
])
def test_the_counter_agrees_with_the_definition_on_scrambled_text(alphabet: str) -> None:
    rng = random.Random(7)
    for _ in range(5_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(40)))
        assert count_words(text) == len(_DEFINITION.findall(text)), text
