"""Words with exact code-point offsets, and the paragraph view every rule reads.

A word is a run of letters or digits with inner apostrophes (straight or curly) and hyphens: ``don’t``,
``Jack's``, ``so-called``. A trailing apostrophe (``boys’``) stays outside the word; rules look at it with
:meth:`Paragraph.char_after`. Em dashes, ellipses and quotes are never part of a word.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from ficdesk.checking.model import Category, Match

APOSTROPHES = "'’ʼ"
_WORD = re.compile(r"[^\W_]+(?:['’ʼ\-‐][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?…:;\"“”‘«»—–()\[\]*#]")
LINE_ENDS = "\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85"


@dataclass(slots=True)
class Word:
    text: str
    start: int
    end: int
    #: Lower case with straight apostrophes: what rules compare against.
    norm: str
    index: int

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


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
        text = self.text
        self.words = [Word(found.group(), found.start(), found.end(), normalise(found.group()), index)
                      for index, found in enumerate(_WORD.finditer(text))]
        self.vocabulary = frozenset(word.norm for word in self.words)
        # _joined[i]: word i follows word i - 1 with only spaces between.
        self._joined = [False] + [text[before.end:after.start].isspace()
                                  for before, after in zip(self.words, self.words[1:], strict=False)]
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
            for word in self.words:
                found = where.get(word.norm)
                if found is None:
                    where[word.norm] = [word.index]
                else:
                    found.append(word.index)
        if len(present) == 1:
            return list(self._where[next(iter(present))])
        return sorted(index for norm in present for index in self._where[norm])

    def word(self, index: int) -> Word | None:
        return self.words[index] if 0 <= index < len(self.words) else None

    def norm(self, index: int) -> str:
        """The normalised word at ``index``, or "" outside the paragraph."""
        return self.words[index].norm if 0 <= index < len(self.words) else ""

    def gap_before(self, index: int) -> str:
        """The text between word ``index - 1`` (or the paragraph start) and word ``index``."""
        start = self.words[index - 1].end if index > 0 else 0
        return self.text[start:self.words[index].start]

    def gap_after(self, index: int) -> str:
        end = self.words[index + 1].start if index + 1 < len(self.words) else len(self.text)
        return self.text[self.words[index].end:end]

    def joined(self, index: int) -> bool:
        """Whether word ``index`` follows the previous word with only spaces between (same phrase)."""
        return 0 < index < len(self._joined) and self._joined[index]

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
        return Match(start, end, rule, category, message, tuple(r for r in replacements if r))
