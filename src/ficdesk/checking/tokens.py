"""Words with exact code-point offsets, and the paragraph view every rule reads.

A word is a run of letters or digits with inner apostrophes (straight or curly) and hyphens: ``don’t``,
``Jack's``, ``so-called``. A trailing apostrophe (``boys’``) stays outside the word; rules look at it with
:meth:`Paragraph.char_after`. Em dashes, ellipses and quotes are never part of a word.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from itertools import accumulate, repeat
from operator import itemgetter, methodcaller
from typing import NamedTuple, cast

from ficdesk.checking.model import Category, Match

APOSTROPHES = "'’ʼ"
_WORD = re.compile(r"[^\W_]+(?:['’ʼ\-‐][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?…:;\"“”‘«»—–()\[\]*#]")
LINE_ENDS = "\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85"
_SPLIT = re.compile(f"({_WORD.pattern})")
_FIRST = itemgetter(0)
_STRAIGHTEN = methodcaller("translate", {ord("’"): "'", ord("ʼ"): "'"})


class Word(NamedTuple):
    """One word of a paragraph. A tuple, so :class:`Paragraph` builds all of its words in one C-level pass."""

    text: str
    start: int
    end: int
    #: Lower case with straight apostrophes: what rules compare against.
    norm: str
    #: The word's position in :attr:`Paragraph.words` (hides ``tuple.index``, which no rule needs).
    index: int  # type: ignore[assignment]
    #: The word starts with a capital letter.
    is_capitalised: bool


def paragraphs(text: str) -> list[tuple[int, str]]:
    """``(offset, text)`` of every non-empty line; rules never look across line breaks.

    Lines end where :meth:`str.splitlines` ends them (LF, CR LF, CR, LINE SEPARATOR ...).
    """
    found = []
    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip(LINE_ENDS)
        if body:
            found.append((offset, body))
        offset += len(line)
    return found


def normalise(word: str) -> str:
    lower = word.lower()
    if "’" in lower or "ʼ" in lower:
        return lower.replace("’", "'").replace("ʼ", "'")
    return lower


@dataclass
class Paragraph:
    """One line of text split into words, with the helpers rules share."""

    text: str
    #: The apostrophe the author uses ("’" or "'"), for suggestions that add one.
    apostrophe: str = "'"
    words: list[Word] = field(init=False)
    #: Every normalised word of the paragraph, so a rule can skip a paragraph without its trigger words.
    vocabulary: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        # Every column is built by map() over C functions, and the words from the columns by tuple.__new__: no
        # Python code runs per word (a 300,000-word chapter has 300,000 of them). Splitting on the word pattern
        # gives [gap, word, gap, ..., word, gap] without a match object per word; the offsets are the running sum
        # of the pieces' lengths.
        text = self.text
        pieces = _SPLIT.split(text)
        texts = pieces[1::2]
        count = len(texts)
        offsets = list(accumulate(map(len, pieces), initial=0))
        starts = offsets[1:2 * count:2]
        ends = offsets[2:2 * count + 1:2]
        norms = list(map(str.lower, texts))
        if "’" in text or "ʼ" in text:
            norms = list(map(_STRAIGHTEN, norms))
        capitalised = map(str.isupper, map(_FIRST, texts))
        columns = zip(texts, starts, ends, norms, range(count), capitalised, strict=True)
        self.words = cast(list[Word], list(map(tuple.__new__, repeat(Word), columns)))
        #: Each word's ``norm``, by index.
        self.norms = norms
        self.vocabulary = frozenset(norms)
        self._count = count
        #: _pieces[2 * i] is the text before word i, _pieces[2 * i + 2] the text after it.
        self._pieces = pieces
        # _joined[i]: word i follows word i - 1 with only spaces between.
        self._joined = [False, *map(str.isspace, pieces[2:-1:2])]
        self._closing_quotes: set[int] | None = None
        self._tags: list[str] | None = None
        self._where: dict[str, list[int]] | None = None

    @property
    def tags(self) -> list[str]:
        """The context-sensitive Penn Treebank tag of each word (:mod:`ficdesk.checking.tagger`).

        Computed on first use, so only paragraphs whose rules ask for tags pay for tagging. A contraction has
        the tag of its first part ("don't" -> ``VBP``, "Jack's" -> ``NNP``).
        """
        if self._tags is None:
            from ficdesk.checking.tagger import word_tags

            self._tags = word_tags(self.text, [word.start for word in self.words])
        return self._tags

    def tag(self, index: int) -> str:
        """The tag of word ``index``, or "" outside the paragraph."""
        return self.tags[index] if 0 <= index < len(self.words) else ""

    def indices(self, norms: AbstractSet[str]) -> list[int]:
        """The indices of the words whose normalised form is in ``norms``, in order.

        A rule triggered by a few words visits only those, not every word of the paragraph.
        """
        present = self.vocabulary & norms
        if not present:
            return []
        if self._where is None:
            where: dict[str, list[int]] = {}
            self._where = where
            for index, norm in enumerate(self.norms):
                found = where.get(norm)
                if found is None:
                    where[norm] = [index]
                else:
                    found.append(index)
        if len(present) == 1:
            return list(self._where[next(iter(present))])
        return sorted(index for norm in present for index in self._where[norm])

    def word(self, index: int) -> Word | None:
        return self.words[index] if 0 <= index < self._count else None

    def norm(self, index: int) -> str:
        """The normalised word at ``index``, or "" outside the paragraph."""
        return self.norms[index] if 0 <= index < self._count else ""

    def gap_before(self, index: int) -> str:
        """The text between word ``index - 1`` (or the paragraph start) and word ``index``."""
        if 0 <= index < self._count:
            return self._pieces[2 * index]
        start = self.words[index - 1].end if index > 0 else 0
        return self.text[start:self.words[index].start]

    def gap_after(self, index: int) -> str:
        if 0 <= index < self._count:
            return self._pieces[2 * index + 2]
        end = self.words[index + 1].start if index + 1 < len(self.words) else len(self.text)
        return self.text[self.words[index].end:end]

    def joined(self, index: int) -> bool:
        """Whether word ``index`` follows the previous word with only spaces between (same phrase)."""
        return 0 < index < self._count and self._joined[index]

    def next_joined(self, index: int) -> bool:
        return self.joined(index + 1)

    def sentence_start(self, index: int) -> bool:
        """Whether word ``index`` opens a sentence, a quotation or a line."""
        return index == 0 or bool(_SENTENCE_END.search(self.gap_before(index)))

    def char_after(self, index: int) -> str:
        end = self.words[index].end
        return self.text[end:end + 1]

    def styled(self, suggestion: str, like: str = "") -> str:
        """``suggestion`` with the author's apostrophe (the one in ``like`` if it has one)."""
        mark = next((ch for ch in like if ch in APOSTROPHES), self.apostrophe)
        return suggestion.replace("'", mark)

    def cased(self, suggestion: str, like: str) -> str:
        """``suggestion`` capitalised like ``like`` (``Your`` -> ``You're``)."""
        if like[:1].isupper() and suggestion[:1].islower():
            if like.isupper() and len(like) > 1:
                return suggestion.upper()
            return suggestion[:1].upper() + suggestion[1:]
        return suggestion

    def closes_quote(self, position: int) -> bool:
        """Whether the apostrophe at ``position`` closes a single-quoted phrase opened before it."""
        if self._closing_quotes is None:
            self._closing_quotes = set()
            opened = False
            for index, char in enumerate(self.text):
                if char not in "'‘’":
                    continue
                before = self.text[index - 1] if index else " "
                after = self.text[index + 1] if index + 1 < len(self.text) else " "
                if char in "'‘" and not before.isalnum() and (after.isalnum() or after in "“\"…"):
                    opened = True
                elif char in "'’" and opened and not after.isalnum():
                    self._closing_quotes.add(index)
                    opened = False
        return position in self._closing_quotes

    def match(self, start: int, end: int, rule: str, category: Category, message: str,
              *replacements: str) -> Match:
        return Match(start, end, rule, category, message, tuple(dict.fromkeys(r for r in replacements if r)))
