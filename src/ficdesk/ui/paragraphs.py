"""The open chapter's paragraphs as plain Python strings, kept up to date edit by edit.

Walking a QTextDocument block by block costs a few microseconds per block: on a 500,000-word chapter
(20,000 blocks) every full walk holds the UI thread for about 0.1 s. The checker, the word count and
autosave all need the whole text after every pause in typing, so :class:`Paragraphs` keeps a mirror
instead: on each ``contentsChange`` it re-reads only the blocks the edit touched. Index ``i`` of
``texts`` is block number ``i``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextDocument

from ficdesk.text.counting import count_words

#: An edit touching more blocks than this is re-read in one go (``toRawText``) rather than block by block.
BULK_BLOCKS = 256


def join_paragraphs(paragraphs: Sequence[str]) -> str:
    """The chapter text of ``paragraphs`` (line separators become newlines, as in ``chapter_text``)."""
    text = "\n".join(paragraphs)
    return text.replace("\u2028", "\n") if "\u2028" in text else text


class Paragraphs(QObject):
    """Paragraph texts and word counts of ``document``; ``words`` is the total."""

    def __init__(self, document: QTextDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.texts: list[str] = []
        self._counts: list[int] = []
        self.words = 0
        self._blocks = 0
        self.reload()
        document.contentsChange.connect(self._changed)

    def reload(self) -> None:
        """Read the whole document again (counting words only when the text did change)."""
        texts = self._document.toRawText().split("\u2029")
        if texts == self.texts:
            return
        self.texts = texts
        self._counts = [count_words(text) for text in texts]
        self.words = sum(self._counts)
        self._blocks = len(self.texts)

    def text(self) -> str:
        return join_paragraphs(self.texts)

    def _changed(self, position: int, _removed: int, added: int) -> None:
        document = self._document
        blocks = document.blockCount()
        first = document.findBlock(position)
        last = document.findBlock(min(position + added, document.characterCount() - 1))
        start, end = first.blockNumber(), last.blockNumber() + 1
        replaced = (end - start) - (blocks - self._blocks)
        if not first.isValid() or not last.isValid() or end - start > BULK_BLOCKS or replaced < 0:
            self.reload()
            return
        texts: list[str] = []
        block = first
        for _ in range(end - start):
            texts.append(block.text())
            block = block.next()
        counts = [count_words(text) for text in texts]
        self.words += sum(counts) - sum(self._counts[start:start + replaced])
        self.texts[start:start + replaced] = texts
        self._counts[start:start + replaced] = counts
        self._blocks = blocks
