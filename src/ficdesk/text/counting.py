"""Word counting the way authors and AO3 count: runs of letters/digits, apostrophes and hyphens inside."""

from __future__ import annotations

import re

#: Possessive quantifiers: a word never gives characters back, and not keeping backtracking points makes
#: counting a long chapter about a third faster than the same pattern with greedy ones.
_WORD = re.compile(r"[^\W_]++(?:['’\-][^\W_]++)*+")


def count_words(text: str) -> int:
    """Number of words in ``text``; markup characters (``*``, ``#``) and punctuation do not count."""
    return len(_WORD.findall(text))  # about twice as fast as counting match objects from finditer
