"""The Qt window. Importing any part of it loads PySide6 with a lighter import hook (:mod:`.pyside_imports`)."""

from ficdesk.ui.pyside_imports import lighten

lighten()
