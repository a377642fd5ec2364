"""The checker's word lists and frequencies, read in one go from ``resources/wordlists/checker-en.dat``.

The file is built by ``packaging/tools/build_checker_data.py`` (format described there) from the word-list and
frequency sources beside it. Reading it is one file read and one ``str.split`` per frequency bucket filling a single
dict, which is both the word set of the two varieties and the frequency table: a few tens of milliseconds against
about a second for the three gzip sources it replaces.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from ficdesk.resources import resource_path

HEADER = "ficdesk-checker-data 6"


@dataclass(frozen=True)
class CheckerData:
    #: Every word either variety accepts -> its Zipf frequency times ten (15 for rare words).
    zipf10: dict[str, int]
    #: Words only en-GB or only en-US accepts.
    british: frozenset[str]
    american: frozenset[str]
    #: The prebuilt part-of-speech table's text (parsed on first use by :func:`ficdesk.checking.lexicon.morphology`).
    morphology: str
    #: The lower-case words with a doubled letter by skeleton, and the common words by sound key (see
    #: ``spelling_suggest``): each a block of keys and a block of words, as the build tool describes.
    doubled: str
    sound_alikes: str


_lock = threading.Lock()
_data: CheckerData | None = None


def checker_data() -> CheckerData:
    """The shared data, read once per process (thread-safe)."""
    global _data
    if _data is None:
        with _lock:
            if _data is None:
                _data = _read()
    return _data


def _read() -> CheckerData:
    with open(resource_path("wordlists", "checker-en.dat"), "rb") as handle:
        sections = handle.read().decode("utf-8").split("\0")
    if len(sections) != 7 or sections[0] != HEADER:
        raise RuntimeError("checker-en.dat is damaged or of another version; reinstall FicDesk")
    zipf10: dict[str, int] = {}
    for line in sections[1].split("\n"):
        value, *words = line.split(" ")
        zipf10.update(dict.fromkeys(words, int(value)))
    return CheckerData(zipf10, frozenset(sections[2].split(" ")), frozenset(sections[3].split(" ")), sections[4],
                       sections[5], sections[6])
