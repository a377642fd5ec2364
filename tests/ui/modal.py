"""Answer the real modal dialogs the window opens (a timer clicks the button once the box is up)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


class ModalAnswers:
    """Clicks, in turn, the button labelled ``answers[i]`` in each message box that opens.

    ``seen`` keeps the text of every box answered, so a test can check what the author was told.
    """

    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.seen: list[str] = []
        self._timer = QTimer(interval=20)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def _poll(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible() or not self.answers:
            return
        wanted = self.answers.pop(0)
        self.seen.append(f"{box.text()} {box.informativeText()}")
        for button in box.buttons():
            if button.text().replace("&", "") == wanted:
                button.click()
                break
        else:
            labels = [button.text() for button in box.buttons()]
            box.reject()
            raise AssertionError(f"no button {wanted!r} in the box (it has {labels})")
        if not self.answers:
            self._timer.stop()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def done(self) -> bool:
        return not self.answers
