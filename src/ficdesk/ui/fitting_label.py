"""A one-line label that shows the longest of its texts that fits, instead of a text cut mid-word."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class FittingLabel(QLabel):
    """``set_texts("23 issues (20 grammar, 3 spelling)", "23 issues")``: the first that fits is shown.

    The label gives way to its neighbours (its width policy is Ignored); the full text stays in its tooltip.
    When even the shortest does not fit it is elided with "…". Until the label is shown, the full text.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._texts: tuple[str, ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_texts(self, *texts: str) -> None:
        self._texts = tuple(text for text in texts if text)
        self.setToolTip(self._texts[0] if len(self._texts) > 1 else "")
        self._fit()

    def full_text(self) -> str:
        return self._texts[0] if self._texts else ""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()

    def _fit(self) -> None:
        if not self._texts:
            self.setText("")
            return
        if not self.isVisible():
            self.setText(self._texts[0])
            return
        width = self.contentsRect().width() - 2 * self.margin()
        metrics = self.fontMetrics()
        for text in self._texts:
            if metrics.horizontalAdvance(text) <= width:
                self.setText(text)
                return
        self.setText(metrics.elidedText(self._texts[-1], Qt.TextElideMode.ElideRight, max(0, width)))
