"""Code points (Python, the checker) versus UTF-16 units (Qt), converted per paragraph in one place.

Python indexes ``"🙂 he's"`` by code point (the emoji is 1), Qt's QTextCursor, QTextLayout and
QSyntaxHighlighter by UTF-16 unit (the emoji is 2). Every span that crosses the boundary between
the two goes through :class:`OffsetMap`, built once per paragraph text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class OffsetMap:
    """Converts offsets inside one paragraph between code points and UTF-16 units."""

    __slots__ = ("_astral", "length_cp", "length_qt")

    def __init__(self, text: str) -> None:
        #: Code-point indexes of the characters that take two UTF-16 units.
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self.length_cp = len(text)
        self.length_qt = len(text) + len(self._astral)

    def to_qt(self, index: int) -> int:
        """UTF-16 offset of code-point offset ``index`` (clamped to the paragraph)."""
        index = max(0, min(index, self.length_cp))
        if not self._astral:
            return index
        return index + bisect_right(self._astral, index - 1)

    def to_py(self, index: int) -> int:
        """Code-point offset of UTF-16 offset ``index``; an index inside a surrogate pair rounds down."""
        index = max(0, min(index, self.length_qt))
        if not self._astral:
            return index
        # The k-th astral character (0-based) starts at UTF-16 offset astral[k] + k.
        low, high = 0, len(self._astral)
        while low < high:
            middle = (low + high) // 2
            if self._astral[middle] + middle < index:
                low = middle + 1
            else:
                high = middle
        # ``low`` astral characters start strictly before ``index``.
        before = low
        if before and self._astral[before - 1] + (before - 1) + 1 == index:
            # ``index`` points at the low surrogate of a pair: round down to the character start.
            return self._astral[before - 1]
        return index - before

    def span_to_qt(self, start: int, end: int) -> tuple[int, int]:
        """(start, length) in UTF-16 units of the code-point span ``start:end``."""
        qt_start = self.to_qt(start)
        return qt_start, self.to_qt(end) - qt_start


@lru_cache(maxsize=4096)
def offset_map(text: str) -> OffsetMap:
    """The (cached) map for one paragraph's text."""
    return OffsetMap(text)


def utf16_length(text: str) -> int:
    """Length of ``text`` in UTF-16 units."""
    return offset_map(text).length_qt if len(text) < 10_000 else OffsetMap(text).length_qt
