"""How common English words are, to rank spelling suggestions ("definitely" before "defiantly").

Values are Zipf frequencies: log10 of a word's occurrences per billion words (7.7 for "the", 3.0 for "defiantly",
about 1 for a word seen once in a hundred million). They come from ``resources/wordlists/frequency-en.txt.gz``,
built from wordfreq's data by ``packaging/tools/build_wordfreq.py``; the file holds the lexicon's words down to
Zipf 2.0, and every rarer word counts as :data:`RARE`.
"""

from __future__ import annotations

import gzip
import threading

from ficdesk.resources import resource_path

#: The Zipf value of a word missing from the file: rarer than everything in it.
RARE = 1.5


class Frequencies:
    """Zipf frequencies of lower-case English words (loaded once, about 15 ms)."""

    def __init__(self) -> None:
        zipf: dict[str, float] = {}
        with gzip.open(resource_path("wordlists", "frequency-en.txt.gz"), "rt", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("#"):
                    continue
                value, _, words = line.partition(" ")
                zipf.update(dict.fromkeys(words.split(), int(value) / 10))
        self._zipf = zipf

    def zipf(self, word: str) -> float:
        """The Zipf frequency of ``word`` (lower case, straight apostrophes); :data:`RARE` when unlisted."""
        return self._zipf.get(word, RARE)

    def __len__(self) -> int:
        return len(self._zipf)

    def common(self, minimum: float) -> list[str]:
        """Every listed word at least as frequent as ``minimum``."""
        return [word for word, value in self._zipf.items() if value >= minimum]


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
