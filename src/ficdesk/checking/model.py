"""What the checker returns: :class:`Match`, shared by every rule, engine, the CLI and the UI."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Category(StrEnum):
    GRAMMAR = "grammar"
    SPELLING = "spelling"
    TYPOGRAPHY = "typography"
    STYLE = "style"
    CANON = "canon"


@dataclass(frozen=True, slots=True)
class Match:
    """One finding. ``start``/``end`` are code-point offsets into the checked string.

    ``replacements`` are ordered best first and never empty strings; ``source`` names the engine
    ("ficdesk" or "languagetool").
    """

    start: int
    end: int
    rule: str
    category: Category
    message: str
    replacements: tuple[str, ...] = ()
    source: str = field(default="ficdesk", compare=False)

    def shifted(self, offset: int) -> Match:
        """The same match moved by ``offset`` characters (used when checking paragraph by paragraph)."""
        return Match(self.start + offset, self.end + offset, self.rule, self.category, self.message,
                     self.replacements, self.source)


@dataclass(frozen=True, slots=True)
class IgnoreSet:
    """What must not be reported for one project (and chapter): the author's ignored rules and spots."""

    rules: frozenset[str]
    #: (rule id, flagged text, context) of findings ignored once.
    spots: frozenset[tuple[str, str, str]]
