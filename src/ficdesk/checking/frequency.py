"""How common English words are, to rank spelling suggestions ("definitely" before "defiantly").

Values are Zipf frequencies: log10 of a word's occurrences per billion words (7.7 for "the", 3.0 for "defiantly",
about 1 for a word seen once in a hundred million). They come from ``resources/wordlists/frequency-en.txt.gz``,
built from wordfreq's data by ``packaging/tools/build_wordfreq.py`` and read from the compact ``checker-en.dat``
(:mod:`ficdesk.checking.data`); the file holds the lexicon's words down to Zipf 2.0, and every rarer word counts as
:data:`RARE`.
"""

from __future__ import annotations

import threading

from ficdesk.checking.data import checker_data

#: The Zipf value of a word missing from the file: rarer than everything in it.
RARE = 1.5
_RARE10 = 15


class Frequencies:
    """Zipf frequencies of lower-case English words (the table of :mod:`ficdesk.checking.data`)."""

    def __init__(self) -> None:
        self._zipf10 = checker_data().zipf10
        self._listed: int | None = None

    def zipf(self, word: str) -> float:
        """The Zipf frequency of ``word`` (lower case, straight apostrophes); :data:`RARE` when unlisted."""
        value = self._zipf10.get(word)
        return RARE if value is None else value / 10

    def __len__(self) -> int:
        """How many words have a frequency above :data:`RARE`."""
        if self._listed is None:
            self._listed = sum(1 for value in self._zipf10.values() if value > _RARE10)
        return self._listed

    def common(self, minimum: float) -> list[str]:
        """Every listed word at least as frequent as ``minimum`` (never a word rarer than the file's floor)."""
        floor = round(minimum * 10)
        return [word for word, value in self._zipf10.items() if value >= floor]


_lock = threading.Lock()
_shared: Frequencies | None = None


def frequencies() -> Frequencies:
    """The shared :class:`Frequencies`; loading is thread-safe and happens once per process."""
    global _shared
    if _shared is None:
        with _lock:
            if _shared is None:
                _shared = Frequencies()
    return _shared
