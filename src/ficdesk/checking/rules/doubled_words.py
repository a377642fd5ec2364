"""A word typed twice: "the the", "to to". Words that double on purpose ("had had", "that that") are left."""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking.env import Env
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tokens import Paragraph

_NEVER_DOUBLED = frozenset({"the", "a", "an", "to", "of", "in", "on", "at", "and", "for", "with", "was", "were",
                            "are", "from", "by", "my", "your", "his", "their", "our", "its", "i", "we", "he",
                            "she", "they", "be", "but", "or", "if", "when", "this", "as", "into", "it's",
                            "he's", "she's", "i'm", "you're", "they're", "not", "have", "has", "would", "could",
                            "should", "will", "can", "than", "then", "there", "what", "which", "who"})


@rule("doubled-word", Category.GRAMMAR, "doubled word")
def doubled_word(para: Paragraph, env: Env) -> Iterator[Match]:
    for word in para.words[1:]:
        before = para.words[word.index - 1]
        if word.norm == before.norm and word.norm in _NEVER_DOUBLED and para.gap_before(word.index) == " ":
            yield para.match(before.start, word.end, "doubled-word", Category.GRAMMAR,
                             f"“{word.text}” is written twice.", before.text)
