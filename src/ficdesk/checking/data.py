"""The checker's word lists, frequencies and tag table, read from ``resources/wordlists/checker-en.dat``.

The file is built by ``packaging/tools/build_checker_data.py``, which describes its format (version 7) and is its
only writer; this module is its only reader. Start-up reads the file's first nine sections with one read: one
split of the word list fills the frozenset of both varieties' words, and the frequency table and the tag table's
index are dicts filled at C speed (``dict(zip(...))``) from the same word strings, whose hashes are then already
computed. A tag-table word's line of lemma and forms is sliced out of its section when asked for, so it is never
split. The two spelling-suggestion indexes are read from the file when suggestions first need them.
"""

from __future__ import annotations

import sys
import threading
from array import array
from itertools import compress

from ficdesk.resources import resource_file

MAGIC = b"ficdesk-checker-data 7"
SECTIONS = 11
#: Sections 1-9 are read at start-up; 10-11 on first use.
_EAGER = 9


class CheckerData:
    """The start-up sections of the file, parsed; the others read on demand (see :meth:`_section`)."""

    __slots__ = ("_extra", "_line_starts", "_line_text", "_listed_codes", "_offsets", "_path", "_table_codes",
                 "_tag_sets", "_words", "american", "british", "words", "zipf10")

    def __init__(self, path: str) -> None:
        with open(path, "rb") as handle:
            header = handle.readline(1000)
            parts = header.split()
            if b" ".join(parts[:2]) != MAGIC or len(parts) != 2 + SECTIONS:
                raise RuntimeError("checker-en.dat is damaged or of another version; reinstall FicDesk")
            offsets = [len(header)]
            for size in parts[2:]:
                offsets.append(offsets[-1] + int(size))
            start = memoryview(handle.read(offsets[_EAGER] - offsets[0]))
        if len(start) != offsets[_EAGER] - offsets[0]:
            raise RuntimeError("checker-en.dat is truncated; reinstall FicDesk")
        self._path = path
        self._offsets = offsets
        words, zipf10, british, american, tag_sets, codes, extra, line_starts, lines = (
            start[offsets[i] - offsets[0]:offsets[i + 1] - offsets[0]] for i in range(_EAGER))
        self._words = section_lines(words)
        #: Every word either variety accepts.
        self.words = frozenset(self._words)
        #: The words with a frequency -> their Zipf frequency times ten (every other word is rarer: ``RARE``).
        #: The rare words come last, so zip stops at the end of the frequencies.
        self.zipf10: dict[str, int] = dict(zip(self._words, bytes(zipf10), strict=False))
        #: Words only en-GB or only en-US accepts.
        self.british = frozenset(section_lines(british))
        self.american = frozenset(section_lines(american))
        empty: frozenset[str] = frozenset()
        #: The tag sets by code (code 0: not in the table).
        self._tag_sets = [empty, *(frozenset(line.split(",")) if line else empty
                                   for line in str(tag_sets, "utf-8").split("\n"))]
        self._extra = section_lines(extra)
        #: The tag-set code of each word of section 1 (0: not in the table), and of each table position.
        self._listed_codes = bytes(codes[:len(self._words)])
        self._table_codes = self._listed_codes.replace(b"\0", b"") + bytes(codes[len(self._words):])
        self._line_starts = array("I")
        self._line_starts.frombytes(line_starts)
        if sys.byteorder != "little":
            self._line_starts.byteswap()
        self._line_text = bytes(lines)
        positions = len(self._table_codes)
        if (len(codes) != len(self._words) + len(self._extra) or len(self._line_starts) != positions + 1
                or self._line_starts[-1] != len(self._line_text)):
            raise RuntimeError("checker-en.dat is damaged; reinstall FicDesk")

    def tag_index(self) -> dict[str, int]:
        """The prebuilt part-of-speech table's words (lower case) -> their positions (see :meth:`tags_at`)."""
        listed = len(self._table_codes) - len(self._extra)
        index = dict(zip(compress(self._words, self._listed_codes), range(listed), strict=True))
        index.update(zip(self._extra, range(listed, len(self._table_codes)), strict=True))
        return index

    def tags_at(self, position: int) -> frozenset[str]:
        """The Penn Treebank tags of the table word at ``position``."""
        return self._tag_sets[self._table_codes[position]]

    def line_at(self, position: int) -> str:
        """The table word's ``verb-lemma TAB NNS TAB VBZ TAB VBP TAB VBD TAB VBN`` line (parsed by ``lexicon``)."""
        return self._line_text[self._line_starts[position]:self._line_starts[position + 1] - 1].decode("utf-8")

    def doubled(self) -> str:
        """Lower-case words with a doubled letter by skeleton (section 10; see ``spelling_suggest``)."""
        return self._section(10).decode("utf-8")

    def sound_alikes(self) -> str:
        """Common words by sound key (section 11; see ``spelling_suggest``)."""
        return self._section(11).decode("utf-8")

    def _section(self, number: int) -> bytes:
        """Section ``number`` (from 1) read from the file, which is not kept open."""
        start, end = self._offsets[number - 1], self._offsets[number]
        with open(self._path, "rb") as handle:
            handle.seek(start)
            found = handle.read(end - start)
        if len(found) != end - start:
            raise RuntimeError("checker-en.dat is truncated; reinstall FicDesk")
        return found


def section_lines(section: memoryview | bytes) -> list[str]:
    """A UTF-8 section of one item a line (no line feed after the last) as its lines; shared with the tagger's file."""
    return str(section, "utf-8").split("\n") if section else []


_lock = threading.Lock()
_data: CheckerData | None = None


def checker_data() -> CheckerData:
    """The shared data, read once per process (thread-safe)."""
    global _data
    if _data is None:
        with _lock:
            if _data is None:
                _data = CheckerData(resource_file("wordlists", "checker-en.dat"))
    return _data
