"""Which spelling variety a document is written in (en-GB or en-US), judged from its own spellings.

A word counts as evidence when only one variety's list has it: "colour", "realise", "centre", "grey" and "mum"
for British English, "color", "center", "gray" and "mom" for American ("realize" is no evidence: British Oxford
spelling accepts it). The variety with more such words wins; a text with none, or a tie, keeps the fallback; a text
that uses both throughout is :attr:`VarietyCount.mixed`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ficdesk.checking.lexicon import Lexicon, lexicon

AUTO = "auto"
_WORD = re.compile(r"[^\W\d_]+")
#: Markers the word lists cannot see because both varieties list them ("mum" is also "silent" in American).
_EXTRA_GB = frozenset({"mum", "mums", "whilst", "learnt", "spelt"})
_EXTRA_US = frozenset({"mom", "moms", "mommy"})


@dataclass(frozen=True, slots=True)
class VarietyCount:
    """How many words of a text only British (``gb``) or only American (``us``) spelling accepts."""

    gb: int = 0
    us: int = 0

    def __add__(self, other: VarietyCount) -> VarietyCount:
        return VarietyCount(self.gb + other.gb, self.us + other.us)

    def __sub__(self, other: VarietyCount) -> VarietyCount:
        return VarietyCount(self.gb - other.gb, self.us - other.us)

    def variety(self, fallback: str) -> str:
        """The variety the evidence points to, ``fallback`` when there is none or it is even."""
        if self.gb > self.us:
            return "en-GB"
        if self.us > self.gb:
            return "en-US"
        return fallback

    @property
    def mixed(self) -> bool:
        """Both varieties used throughout: at least two words each, the minority at least a fifth of the evidence.

        Such a text (several authors, or one who writes both) gets neither variety's spellings flagged.
        """
        fewer = min(self.gb, self.us)
        return fewer >= 2 and fewer * 4 >= max(self.gb, self.us)


class VarietyCounter:
    """Counts variety evidence in texts; keeps the word lists of both varieties."""

    def __init__(self, british: Lexicon | None = None, american: Lexicon | None = None) -> None:
        self._gb = (british or lexicon("en-GB")).words
        self._us = (american or lexicon("en-US")).words
        self._cache: dict[str, int] = {}  # lower-case word -> +1 British, -1 American, 0 neither

    def _sign(self, word: str) -> int:
        sign = self._cache.get(word)
        if sign is None:
            in_gb, in_us = word in self._gb, word in self._us
            if word in _EXTRA_GB or (in_gb and not in_us):
                sign = 1
            elif word in _EXTRA_US or (in_us and not in_gb):
                sign = -1
            else:
                sign = 0
            self._cache[word] = sign
        return sign

    def count(self, text: str) -> VarietyCount:
        words = _WORD.findall(text.lower())
        cache = self._cache
        signs = list(map(cache.get, words))
        if None in signs:
            sign_of = self._sign
            signs = [sign_of(word) if sign is None else sign for word, sign in zip(words, signs, strict=True)]
        return VarietyCount(signs.count(1), signs.count(-1))

    def count_all(self, texts: Iterable[str]) -> VarietyCount:
        total = VarietyCount()
        for text in texts:
            total += self.count(text)
        return total
