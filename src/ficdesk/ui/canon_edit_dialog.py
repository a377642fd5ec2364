"""The dialog for adding a canon entry by hand (name, type, other names); it only collects input."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from ficdesk.canon.model import EntityType


class AddEntryDialog(QDialog):
    """Name, type and comma-separated aliases of a new entry; OK stays disabled until there is a name."""

    def __init__(self, parent: QWidget | None = None, name: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Add canon entry")
        self.name = QLineEdit(name, placeholderText="e.g. Myfanwy")
        self.type = QComboBox()
        for kind in EntityType:
            self.type.addItem(kind.value.capitalize(), kind.value)
        self.aliases = QLineEdit(placeholderText="other names, separated by commas")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow("Name", self.name)
        layout.addRow("Type", self.type)
        layout.addRow("Also known as", self.aliases)
        layout.addRow(self.buttons)
        self.name.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name.text().strip()))

    def entry(self) -> tuple[str, str, tuple[str, ...]]:
        """(name, type value, aliases) as typed."""
        aliases = tuple(a.strip() for a in self.aliases.text().split(",") if a.strip())
        return self.name.text().strip(), str(self.type.currentData()), aliases
