"""FicDesk: a desktop writing assistant for fan-fiction authors.

The package is split by responsibility; each folder says what it may import:

* ``store``     – SQLAlchemy models, migrations and the service layer (the only code that changes data).
* ``checking``  – grammar and spelling: text in, matches out.
* ``canon``     – wiki-style documents in, entities, aliases and facts out.
* ``templates`` – disclaimer / author's-note templates and their safe renderer.
* ``formats``   – import of drafts and export of finished stories.
* ``text``      – small text utilities shared by the packages above (word counts, offsets).
* ``ui``        – the Qt window; it presents the core and holds no business rules.
* ``cli``       – the same services from the shell.

Nothing outside ``ui`` imports Qt.
"""

__version__ = "0.1.0"
