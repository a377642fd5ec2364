"""The chapter editor: plain text with light markup, a comfortable measure and centred text column."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData, QSize, Qt
from PySide6.QtGui import (
    QContextMenuEvent,
    QFont,
    QFontDatabase,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QFrame, QMenu, QPlainTextEdit, QWidget

from ficdesk.ui.offsets import offset_map
from ficdesk.ui.spacing import SpacedLayout

#: Fonts that read well for long prose, in order of preference; the system default is the last resort.
PROSE_FONTS = ("Literata", "Charis SIL", "Source Serif 4", "Source Serif Pro", "Noto Serif", "DejaVu Serif",
               "Georgia", "Liberation Serif", "Cambria")


def default_prose_family() -> str:
    available = set(QFontDatabase.families())
    for family in PROSE_FONTS:
        if family in available:
            return family
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()


class ChapterEditor(QPlainTextEdit):
    """Plain text only (pastes drop formatting) in a readable column.

    A QPlainTextEdit, not a QTextEdit: it lays out only the edited paragraph, so typing stays instant in
    a 500,000-word chapter; :class:`SpacedLayout` gives it the line spacing QTextEdit would.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chapterEditor")
        document = QTextDocument(self)
        self.spaced_layout = SpacedLayout(document, 150)
        document.setDocumentLayout(self.spaced_layout)
        self.setDocument(document)
        self.setTabChangesFocus(False)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.document().setDocumentMargin(28)
        self.text_width = 720
        self.line_spacing = 150
        #: Filled in by the window: actions for the finding at a document position (suggestions first).
        self.issue_actions: Callable[[int, QMenu], bool] | None = None
        #: The empty marker pair ``wrap_selection`` just inserted: (cursor position inside it, marker).
        self._open_pair: tuple[int, str] | None = None

    # -- text in and out -----------------------------------------------------------------------
    def set_chapter_text(self, text: str) -> None:
        """Replace the whole text without an undo step (a freshly opened chapter)."""
        document = self.document()
        document.setUndoRedoEnabled(False)
        self.setPlainText(text)
        document.setUndoRedoEnabled(True)
        document.setModified(False)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def chapter_text(self) -> str:
        """The text exactly as typed (``toPlainText`` would turn no-break spaces into spaces)."""
        return self.document().toRawText().replace("\u2029", "\n").replace("\u2028", "\n")

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            self.textCursor().insertText(source.text())

    # -- looks -----------------------------------------------------------------------------------
    def configure(self, family: str, size: int, text_width: int, line_spacing: int) -> None:
        font = QFont(family or default_prose_family())
        font.setPointSize(size)
        font.setStyleHint(QFont.StyleHint.Serif)
        self.setFont(font)
        self.document().setDefaultFont(font)
        self.text_width = text_width
        if line_spacing != self.line_spacing:
            self.line_spacing = line_spacing
            self.spaced_layout.set_spacing(line_spacing)
        self._centre()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._centre()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self._cover_line_above()

    def _cover_line_above(self) -> None:
        """Scrolled into a paragraph, the view starts at the bottom of the line above the first one shown.

        Its descenders (g, j, y) reach just past that bottom and showed as slivers under the chapter
        header; the top of the spacing between the lines is painted over with the paper. Lines are at
        least half that spacing apart, so no line shown loses a pixel.
        """
        if self.verticalScrollBar().value() == 0 or self.line_spacing <= 100:
            return
        block = self.firstVisibleBlock()
        layout = block.layout()
        if layout is None or not layout.lineCount():
            return
        band = round(layout.lineAt(0).height() * (self.line_spacing - 100) / 100 / 2)
        if band <= 0:
            return
        painter = QPainter(self.viewport())
        painter.fillRect(0, 0, self.viewport().width(), band, self.viewport().palette().color(
            self.viewport().backgroundRole()))
        painter.end()

    def _centre(self) -> None:
        spare = self.width() - self.text_width - self.verticalScrollBar().sizeHint().width()
        side = max(0, spare // 2)
        if self.viewportMargins().left() != side:
            self.setViewportMargins(side, 0, side, 0)
            # Changing only the viewport margins does not re-wrap the text: QPlainTextEdit does on a resize.
            super().resizeEvent(QResizeEvent(self.size(), QSize(-1, -1)))

    def shown_paragraphs(self) -> list[str]:
        """The texts of the paragraphs on screen, and of those a page below (where the author scrolls next)."""
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        limit = 2 * self.viewport().height()
        found: list[str] = []
        while block.isValid() and self.blockBoundingGeometry(block).translated(offset).top() <= limit:
            found.append(block.text())
            block = block.next()
        return found

    # -- selections and menus ------------------------------------------------------------------
    def select_range(self, start: int, end: int) -> None:
        """Select the UTF-16 range ``start:end`` and scroll it into view."""
        cursor = self.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def cursor_in_paragraph(self) -> tuple[str, int]:
        """The current paragraph's text and the cursor's code-point offset in it."""
        cursor = self.textCursor()
        block = cursor.block()
        text = block.text()
        return text, offset_map(text).to_py(cursor.position() - block.position())

    def wrap_selection(self, marker: str) -> None:
        """Put ``marker`` around the selection (or insert a pair and place the cursor inside)."""
        cursor = self.textCursor()
        selected = cursor.selectedText()
        cursor.beginEditBlock()
        cursor.insertText(f"{marker}{selected}{marker}")
        if not selected:
            cursor.movePosition(QTextCursor.MoveOperation.Left, n=len(marker))
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self._open_pair = None if selected else (cursor.position(), marker)

    def drop_empty_pair(self) -> bool:
        """Remove the marker pair just inserted when nothing was typed into it (``**|**`` before Enter).

        Left alone it would stay as a stray ``****`` line, which Markdown and the exports read as a rule.
        """
        pair, self._open_pair = self._open_pair, None
        if pair is None:
            return False
        position, marker = pair
        cursor = self.textCursor()
        if cursor.hasSelection() or cursor.position() != position:
            return False
        block, offset = cursor.block(), cursor.positionInBlock()
        text = block.text()
        if text[max(0, offset - len(marker)):offset] != marker or text[offset:offset + len(marker)] != marker:
            return False
        cursor.beginEditBlock()
        cursor.movePosition(QTextCursor.MoveOperation.Left, n=len(marker))
        cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor, n=2 * len(marker))
        cursor.removeSelectedText()
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.isReadOnly():
            self.drop_empty_pair()
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        position = self.cursorForPosition(event.pos()).position()
        menu = QMenu(self)
        if self.issue_actions is not None and self.issue_actions(position, menu):
            menu.addSeparator()
        standard = self.createStandardContextMenu(event.pos())
        for action in standard.actions():
            menu.addAction(action)
        menu.exec(event.globalPos())
        standard.deleteLater()
        menu.deleteLater()
