"""Shows the light markup styled (*italic*, **bold**, scene breaks) and the checker's wavy underlines."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from ficdesk.checking.model import Category, Match
from ficdesk.ui.offsets import offset_map
from ficdesk.ui.theme import Colours

BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])")
#: A paragraph that is only a scene break: "***", "* * *", "---", "~~~", "#", "oOo", "xXx".
SCENE_BREAK = re.compile(r"\s*(?:(?:[*~\-=+#]\s*){3,}|#|o\s*O\s*o|x\s*X\s*x)\s*")


def is_scene_break(paragraph: str) -> bool:
    return bool(SCENE_BREAK.fullmatch(paragraph))


class ChapterHighlighter(QSyntaxHighlighter):
    """Highlights one paragraph at a time; ``matches_for`` gives the paragraph's (filtered) findings."""

    def __init__(self, document: QTextDocument, colours: Colours,
                 matches_for: Callable[[str], list[Match]]) -> None:
        super().__init__(document)
        self._matches_for = matches_for
        #: Whether a finding may be underlined somewhere (set when one is painted, cleared by a full pass).
        self.underlined = False
        self.set_colours(colours, rehighlight=False)

    def rehighlight(self) -> None:
        self.underlined = False
        super().rehighlight()

    def set_colours(self, colours: Colours, *, rehighlight: bool = True) -> None:
        self._marker = QTextCharFormat()
        self._marker.setForeground(QColor(colours.muted))
        self._scene = QTextCharFormat()
        self._scene.setForeground(QColor(colours.muted))
        self._scene.setFontLetterSpacing(140)
        self._underline = {category: QColor(colour) for category, colour in colours.categories.items()}
        # On dark paper a one-pixel wave is easy to miss: flagged words also get a faint tint of its colour.
        self._tint: dict[Category, QColor] = {}
        if colours.dark:
            for category, colour in self._underline.items():
                tint = QColor(colour)
                tint.setAlpha(56)
                self._tint[category] = tint
        if rehighlight:
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        offsets = offset_map(text)
        if is_scene_break(text):
            self.setFormat(0, offsets.length_qt, self._scene)
        else:
            for found in BOLD.finditer(text):
                self._style_span(offsets.to_qt(found.start()), offsets.to_qt(found.end()), 2, bold=True)
            for found in ITALIC.finditer(text):
                self._style_span(offsets.to_qt(found.start()), offsets.to_qt(found.end()), 1, italic=True)
        for match in self._matches_for(text):
            self.underlined = True
            start, length = offsets.span_to_qt(match.start, match.end)
            colour = self._underline.get(match.category, self._underline[Category.GRAMMAR])
            tint = self._tint.get(match.category)
            for position in range(start, start + max(length, 1)):
                char_format = self.format(position)
                char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                char_format.setUnderlineColor(colour)
                if tint is not None:
                    char_format.setBackground(tint)
                self.setFormat(position, 1, char_format)

    def _style_span(self, start: int, end: int, marker: int, *, bold: bool = False, italic: bool = False) -> None:
        """Style ``start:end`` (UTF-16), dimming the ``marker`` characters at both ends."""
        for position in range(start, end):
            char_format = self.format(position)
            if bold:
                char_format.setFontWeight(QFont.Weight.Bold)
            if italic:
                char_format.setFontItalic(True)
            if position < start + marker or position >= end - marker:
                char_format.setForeground(self._marker.foreground())
            self.setFormat(position, 1, char_format)
