"""Checking with a project's settings: the one policy the window and ``ficdesk check --story`` share.

:class:`ProjectChecker` owns what a project decides about checking: its language ("auto" judges each document's
variety from its own spellings), the personal dictionary, the canon names, the rules and spots the author ignored,
and the document-wide style (apostrophe and variety) of the text it checks. Callers feed it text and get findings
back; they hold no checking rules of their own.

    checker = ProjectChecker.from_store(store, project_id)
    matches = checker.check(chapter_text, chapter_id=chapter.id)

For an editor that checks paragraph by paragraph, :meth:`ProjectChecker.style` judges the style from every
paragraph of the chapter (so a chapter written with ’ gets ’ in its suggestions) and
:meth:`ProjectChecker.check_paragraph` checks one paragraph in that style.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import is_not
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from ficdesk.checking.engine import Checker, Document, TextStyle, spot_context
from ficdesk.checking.env import CheckerConfig
from ficdesk.checking.lexicon import LANGUAGES
from ficdesk.checking.model import Category, IgnoreSet, Match
from ficdesk.checking.parallel import check_split, start_early
from ficdesk.checking.tense import TenseCount, count_tense
from ficdesk.checking.variety import AUTO, VarietyCount

if TYPE_CHECKING:
    from ficdesk.store import Store

#: Languages a project can have: a fixed variety, or "auto" (each document's own spellings decide).
PROJECT_LANGUAGES = (AUTO, *LANGUAGES)
#: A second engine (LanguageTool): text in, matches out, or None while it is not ready.
ExtraEngine = Callable[[str], "list[Match] | None"]


@runtime_checkable
class ParagraphChecker(Protocol):
    """What an editor needs from a checker: the document's style, and paragraphs checked in it (one or many)."""

    def style(self, paragraphs: Sequence[str]) -> TextStyle: ...

    def check_paragraph(self, text: str, style: TextStyle) -> list[Match]: ...

    def check_paragraphs(self, texts: Sequence[str], style: TextStyle,
                         keep_going: Callable[[], bool] | None = None) -> Iterator[tuple[str, list[Match]]]: ...

    def expect_check(self, paragraphs: Sequence[str]) -> None: ...


@dataclass(frozen=True)
class ProjectSettings:
    """Everything a project decides about checking."""

    language: str = AUTO
    #: The variety "auto" falls back to when a text shows none.
    fallback_language: str = "en-GB"
    personal_words: frozenset[str] = frozenset()
    canon_names: tuple[str, ...] = ()
    ignored: IgnoreSet = field(default_factory=lambda: IgnoreSet(frozenset(), frozenset()))

    def __post_init__(self) -> None:
        if self.language not in PROJECT_LANGUAGES:
            raise ValueError(f"unsupported language {self.language!r}; choose one of {', '.join(PROJECT_LANGUAGES)}")


def load_settings(store: Store, project_id: int, chapter_id: int | None = None) -> ProjectSettings:
    """The project's checking settings from the store (spots ignored in ``chapter_id``, or in every chapter)."""
    project = store.projects.get(project_id)
    language = project.language if project.language in PROJECT_LANGUAGES else AUTO
    return ProjectSettings(language=language, personal_words=frozenset(store.dictionary.words(project_id)),
                           canon_names=store.canon.names(project_id),
                           ignored=store.dictionary.ignored(project_id, chapter_id))


class ProjectChecker:
    """The built-in checker configured by a project, plus the filters of what the author dismissed.

    Thread-safe for use from one worker thread at a time; building it loads the word lists.
    """

    def __init__(self, settings: ProjectSettings | None = None, extra: ExtraEngine | None = None,
                 merge: Callable[[list[Match], list[Match], str], list[Match]] | None = None) -> None:
        self.settings = settings = settings or ProjectSettings()
        self.checker = Checker(CheckerConfig(language=settings.language, fallback_language=settings.fallback_language,
                                             personal_words=settings.personal_words,
                                             canon_names=settings.canon_names,
                                             ignored_rules=settings.ignored.rules))
        self._extra = extra
        self._merge = merge
        self._words = {word.casefold() for word in settings.personal_words}
        #: Paragraph text -> (curly apostrophes, straight ones, British words, American words, and the tense
        #: evidence: past verbs, present verbs, 1 if it has any); plain ints, so summing a chapter makes no objects.
        self._counts: dict[str, tuple[int, int, int, int, int, int, int]] = {}
        #: The paragraphs of the previous :meth:`style` call (a copy), their counts and the counts' column totals.
        self._last: list[str] = []
        self._rows: list[tuple[int, int, int, int, int, int, int]] = []
        self._totals: list[int] = [0] * 7
        self._lock = threading.Lock()

    @classmethod
    def from_store(cls, store: Store, project_id: int, chapter_id: int | None = None,
                   extra: ExtraEngine | None = None,
                   merge: Callable[[list[Match], list[Match], str], list[Match]] | None = None) -> ProjectChecker:
        return cls(load_settings(store, project_id, chapter_id), extra, merge)

    @property
    def ignored(self) -> IgnoreSet:
        return self.settings.ignored

    # -- whole documents ------------------------------------------------------------------------
    def check(self, text: str) -> list[Match]:
        """Every shown finding of a whole document (a chapter), offsets into ``text``."""
        found = self._with_extra(self.checker.check(text), text)
        return [match for match in found if self.visible(text, match)]

    def document(self) -> Document:
        """An incremental checker of one changing document (ignored spots are not filtered: see :meth:`visible`)."""
        return self.checker.document()

    # -- paragraph by paragraph (the editor) -----------------------------------------------------
    def style(self, paragraphs: Sequence[str]) -> TextStyle:
        """The style of the document made of ``paragraphs``: its apostrophe and its variety.

        Each paragraph's counts are cached by its text. After an edit that keeps the number of paragraphs (the
        common case: typing in one), only the paragraphs that are not the very same string objects as in the
        previous call are looked at, and the document's totals are adjusted; otherwise every paragraph costs one
        dictionary lookup.
        """
        with self._lock:
            last = self._last
            if last and len(last) == len(paragraphs):
                totals = self._totals
                for position in compress(range(len(last)), map(is_not, paragraphs, last)):
                    old, new = self._rows[position], self._row(paragraphs[position])
                    self._rows[position] = new
                    totals = [total - before + after for total, before, after in zip(totals, old, new, strict=True)]
            else:
                self._rows = rows = [self._row(text) for text in paragraphs]
                totals = [sum(column) for column in zip(*rows, strict=True)] if rows else [0] * 7
            cache = self._counts
            if len(cache) > 4 * len(paragraphs) + 256:
                keep = set(paragraphs)
                self._counts = {text: counts for text, counts in cache.items() if text in keep}
            self._totals = totals
            self._last = list(paragraphs)
        curly, straight, gb, us, past, present, tensed = totals
        return self.checker.style_for(curly, straight, VarietyCount(gb, us), TenseCount(past, present, tensed))

    def _row(self, text: str) -> tuple[int, int, int, int, int, int, int]:
        """The counts of one paragraph (see ``_counts``), cached by its text."""
        counts = self._counts.get(text)
        if counts is None:
            variety = self.checker.variety_count(text) if self.checker.detects_variety else VarietyCount()
            tense = count_tense(text)
            counts = self._counts[text] = (text.count("’"), text.count("'"), variety.gb, variety.us, tense.past,
                                           tense.present, tense.paragraphs)
        return counts

    def check_paragraph(self, text: str, style: TextStyle) -> list[Match]:
        """Findings in one paragraph checked in its document's ``style`` (ignored spots not filtered)."""
        return self._with_extra(self.checker.check_paragraph(text, style), text)

    def expect_check(self, paragraphs: Sequence[str]) -> None:
        """A check of all ``paragraphs`` follows (a chapter's first): start the helpers it will use now.

        They load while the caller judges the style (see :func:`ficdesk.checking.parallel.start_early`).
        """
        start_early(self.checker.config, paragraphs)

    def check_paragraphs(self, texts: Sequence[str], style: TextStyle,
                         keep_going: Callable[[], bool] | None = None) -> Iterator[tuple[str, list[Match]]]:
        """``(text, findings)`` of every distinct paragraph in ``texts`` (as :meth:`check_paragraph`), in no set order.

        A long chapter is shared with helper processes on the machine's other cores
        (:mod:`ficdesk.checking.parallel`). Stops early once ``keep_going()`` is false.
        """
        for text, found in check_split(self.checker, texts, style, keep_going):
            yield text, self._with_extra(found, text)

    # -- what is shown -------------------------------------------------------------------------
    def visible(self, paragraph: str, match: Match) -> bool:
        """Whether a finding is shown: not an ignored rule, spot or dictionary word.

        ``paragraph`` is the finding's paragraph or the whole text it is in (spots look at its own line only).
        """
        return is_visible(paragraph, match, self.settings.ignored, self._words)

    def _with_extra(self, builtin: list[Match], text: str) -> list[Match]:
        if self._extra is None or self._merge is None:
            return builtin
        try:
            extra = self._extra(text)
        except Exception:  # a failing second engine must not hide the built-in findings
            return builtin
        return builtin if extra is None else self._merge(builtin, extra, text)


def spot_key(paragraph: str, match: Match) -> tuple[str, str, str]:
    """What identifies an "ignore once" spot: (rule, flagged text, context within the paragraph)."""
    return match.rule, paragraph[match.start:match.end], spot_context(paragraph, match)


def is_visible(paragraph: str, match: Match, ignored: IgnoreSet, words: set[str]) -> bool:
    """Whether a finding is shown: not an ignored rule or spot, not a dictionary word (``words`` casefolded)."""
    if match.rule in ignored.rules:
        return False
    if match.category == Category.SPELLING and paragraph[match.start:match.end].casefold() in words:
        return False
    return not ignored.spots or spot_key(paragraph, match) not in ignored.spots
