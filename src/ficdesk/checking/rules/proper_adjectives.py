"""Nationality and language adjectives take a capital: "welsh accent" -> "Welsh accent"."""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking import lexicon as lx
from ficdesk.checking.env import Env
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tokens import Paragraph

#: "to welsh on a bet" is a verb; "dutch courage" and the like still take the capital.
_VERB_AFTER = {"welsh": frozenset({"on", "out"})}


@rule("proper-adjective", Category.GRAMMAR, "nationality in lower case")
def proper_adjective(para: Paragraph, env: Env) -> Iterator[Match]:
    for word in para.words:
        if word.text not in lx.NATIONALITIES:
            continue
        if para.norm(word.index + 1) in _VERB_AFTER.get(word.text, frozenset()):
            continue
        fixed = word.text[0].upper() + word.text[1:]
        yield para.match(word.start, word.end, "proper-adjective", Category.GRAMMAR,
                         f"Nationalities and languages are written with a capital: “{fixed}”.", fixed)
