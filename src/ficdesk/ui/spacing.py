"""Line spacing for QPlainTextEdit, whose layout ignores ``QTextBlockFormat.setLineHeight``.

The chapter editor is a QPlainTextEdit because QTextEdit re-flows the whole document after every
keystroke: on a 500,000-word chapter that is 5-7 ms per key before FicDesk does anything, while
QPlainTextEdit lays out only the paragraph that changed (well under 1 ms). The price is line spacing,
which :class:`SpacedLayout` puts back: after Qt lays out a paragraph, its lines are moved apart. A
paragraph Qt has just laid out has its first line at y = 0; a spaced one has it lower, so each
paragraph is spaced once, whichever way Qt reached it (an edit, or a lazy layout while painting).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QTextBlock, QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout

#: Edits touching more paragraphs than this are left to the lazy path (``blockBoundingRect``).
EAGER_BLOCKS = 64


class SpacedLayout(QPlainTextDocumentLayout):
    """QPlainTextEdit's layout with lines ``spacing`` percent of their natural height apart."""

    def __init__(self, document: QTextDocument, spacing: int = 100) -> None:
        super().__init__(document)
        self._factor = spacing / 100

    def set_spacing(self, spacing: int) -> None:
        """Change the spacing (percent) and lay the document out again."""
        self._factor = spacing / 100
        document = self.document()
        document.markContentsDirty(0, document.characterCount())

    def _extra(self, block: QTextBlock) -> float:
        """The space added above the first line (half the extra space of one line)."""
        layout = block.layout()
        if layout is None or not layout.lineCount() or self._factor <= 1:
            return 0.0
        return layout.lineAt(0).height() * (self._factor - 1) / 2

    def _space(self, block: QTextBlock) -> None:
        layout = block.layout()
        if layout is None or not layout.lineCount() or self._factor <= 1 or layout.lineAt(0).y() != 0:
            return
        top = self._extra(block)
        step = layout.lineAt(0).height() * self._factor
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            line.setPosition(QPointF(line.x(), top + number * step))

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:
        rect = super().blockBoundingRect(block)  # lays the paragraph out if Qt has not yet
        layout = block.layout()
        if layout is not None and layout.lineCount() and layout.lineAt(0).y() == 0 and self._factor > 1:
            self._space(block)
            rect = super().blockBoundingRect(block)
        extra = self._extra(block)
        if extra:
            rect.setHeight(rect.height() + extra)  # the same space below the last line as above the first
        return rect

    def documentChanged(self, position: int, removed: int, added: int) -> None:
        super().documentChanged(position, removed, added)
        if self._factor <= 1:
            return
        document = self.document()
        block = document.findBlock(position)
        last = document.findBlock(min(position + added, document.characterCount() - 1))
        if not last.isValid() or last.blockNumber() - block.blockNumber() > EAGER_BLOCKS:
            return
        while block.isValid():
            self._space(block)
            if block == last:
                break
            block = block.next()
