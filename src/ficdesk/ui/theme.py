"""Light and dark palettes, the editor's paper colours and the underline colour of each category."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from ficdesk.checking.model import Category
from ficdesk.resources import resource_path


@dataclass(frozen=True)
class Colours:
    """Colours the palette cannot express: paper, markup and underlines."""

    dark: bool
    window: str
    panel: str
    paper: str
    ink: str
    muted: str
    accent: str
    selection: str
    border: str
    categories: dict[Category, str]


LIGHT = Colours(
    dark=False, window="#f3f1ec", panel="#faf9f6", paper="#fffefb", ink="#24211d", muted="#8a847a",
    accent="#3f6ea8", selection="#cfdcef", border="#dcd8cf",
    categories={
        Category.SPELLING: "#d03b32", Category.GRAMMAR: "#2f6fd0", Category.TYPOGRAPHY: "#8a62c9",
        Category.STYLE: "#c98a12", Category.CANON: "#1f9a78",
    },
)
DARK = Colours(
    dark=True, window="#1f2023", panel="#26282c", paper="#2b2d31", ink="#e3e0d9", muted="#8f8b84",
    accent="#7ea7e0", selection="#3d5273", border="#3a3c41",
    categories={
        Category.SPELLING: "#ff6b61", Category.GRAMMAR: "#6ea8ff", Category.TYPOGRAPHY: "#b894f0",
        Category.STYLE: "#f0b64a", Category.CANON: "#4fd1a8",
    },
)


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return bool(hints.colorScheme() == Qt.ColorScheme.Dark)


def colours_for(theme: str) -> Colours:
    """``theme`` is "light", "dark" or "system"."""
    if theme == "dark" or (theme == "system" and system_prefers_dark()):
        return DARK
    return LIGHT


def build_palette(colours: Colours) -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    text = QColor(colours.ink)
    entries = {
        role.Window: colours.window, role.WindowText: colours.ink, role.Base: colours.panel,
        role.AlternateBase: colours.window, role.Text: colours.ink, role.Button: colours.panel,
        role.ButtonText: colours.ink, role.Highlight: colours.selection, role.HighlightedText: colours.ink,
        role.ToolTipBase: colours.panel, role.ToolTipText: colours.ink, role.PlaceholderText: colours.muted,
        role.Link: colours.accent, role.Mid: colours.border, role.Midlight: colours.border,
        role.Light: colours.panel, role.Dark: colours.border, role.Shadow: colours.border,
        role.BrightText: colours.paper,
    }
    for key, value in entries.items():
        palette.setColor(key, QColor(value))
    muted = QColor(colours.muted)
    for key in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, key, muted)
    palette.setColor(QPalette.ColorGroup.Inactive, role.Highlight, QColor(colours.selection))
    palette.setColor(QPalette.ColorGroup.Inactive, role.HighlightedText, text)
    return palette


def stylesheet(colours: Colours) -> str:
    """The application stylesheet from ``resources/ui/app.qss`` with the palette's colours filled in."""
    template = resource_path("ui", "app.qss").read_text(encoding="utf-8")
    for name in ("window", "panel", "paper", "ink", "muted", "accent", "selection", "border"):
        template = template.replace(f"@{name}", getattr(colours, name))
    template = template.replace("@uidir", resource_path("ui").as_posix())
    return template.replace("@warning", colours.categories[Category.SPELLING])


def apply_theme(app: QApplication, theme: str) -> Colours:
    colours = colours_for(theme)
    style = app.style()
    if style is None or style.name().lower() != "fusion":  # setting it again costs start-up 20 ms
        app.setStyle("Fusion")
    app.setPalette(build_palette(colours))
    app.setStyleSheet(stylesheet(colours))
    return colours
