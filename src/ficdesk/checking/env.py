"""What rules know besides the paragraph: the language's lexicon, the canon and the personal dictionary."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ficdesk.checking.frequency import Frequencies, frequencies
from ficdesk.checking.lexicon import Lexicon, lexicon
from ficdesk.checking.tokens import normalise

_NAME_PART = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
#: A rule's memo is emptied when it holds more entries than this (a long session's unknown words stay bounded).
MEMO_LIMIT = 50_000


@dataclass(frozen=True)
class CheckerConfig:
    """How to check: language variety, the author's words, the canon's names and what to stay quiet on."""

    #: "en-GB", "en-US" or "auto" (the variety the document's own spellings show, else ``fallback_language``).
    language: str = "en-GB"
    fallback_language: str = "en-GB"
    personal_words: frozenset[str] = frozenset()
    #: Canon names and aliases; multi-word names ("Jack Harkness") count word by word too.
    canon_names: tuple[str, ...] = ()
    ignored_rules: frozenset[str] = frozenset()
    #: ``(rule id, flagged text, context)`` of findings ignored once (see :func:`spot_context`).
    ignored_spots: frozenset[tuple[str, str, str]] = frozenset()


@dataclass
class Env:
    config: CheckerConfig
    #: The document mixes both varieties: the other variety's spellings are not flagged either.
    both_varieties: bool = False
    #: The document's narrative tense ("past", "present", or "" when unclear).
    tense: str = ""
    #: Canon name words by lower case -> their canon spelling ("ianto" -> "Ianto").
    canon: dict[str, str] = field(init=False)
    #: Lower-case words never flagged as misspelt (personal dictionary and canon).
    accepted: frozenset[str] = field(init=False)
    _memos: dict[str, dict[Any, Any]] = field(init=False, default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        canon: dict[str, str] = {}
        for name in self.config.canon_names:
            for part in _NAME_PART.findall(name):
                if part[:1].isupper():
                    canon.setdefault(normalise(part), part)
        self.canon = canon
        self.accepted = frozenset(canon) | frozenset(normalise(word) for word in self.config.personal_words)

    def memo(self, owner: str) -> dict[Any, Any]:
        """``owner``'s dict of per-word decisions, kept as long as this Env.

        Everything a rule decides from a word alone (its spelling, its distance to the canon's names) depends only
        on the word and on this Env, which is built once per variety and tense: a rule that memoises here decides
        each distinct word once, however often the text repeats it.
        """
        found = self._memos.get(owner)
        if found is None or len(found) > MEMO_LIMIT:
            found = self._memos[owner] = {}
        return found

    @cached_property
    def lexicon(self) -> Lexicon:
        return lexicon(self.config.language)

    @cached_property
    def frequency(self) -> Frequencies:
        return frequencies()

    @cached_property
    def other_lexicon(self) -> Lexicon:
        return lexicon("en-US" if self.config.language == "en-GB" else "en-GB")
