"""Near misses of canon names: "Ianot" -> "Ianto", "Harkenss" -> "Harkness"."""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking.env import Env
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.spelling_suggest import distance_one
from ficdesk.checking.tokens import Paragraph


@rule("canon-name", Category.CANON, "misspelt canon name")
def canon_name(para: Paragraph, env: Env) -> Iterator[Match]:
    if not env.canon:
        return
    for word in para.words:
        if not word.is_capitalised or word.text.isupper():
            continue
        text = word.text
        end = word.end
        if word.norm.endswith("'s"):
            text, end = text[:-2], end - 2
        lower = text.lower()
        if len(lower) < 4 or lower in env.canon or lower in env.accepted or env.lexicon.knows(text):
            continue
        if lower.endswith("s") and lower[:-1] in env.canon:
            continue  # "Jacks" is a plural or a possessive, handled elsewhere
        matches = [name for key, name in env.canon.items() if len(key) >= 4 and distance_one(lower, key)]
        if len(matches) == 1:
            yield para.match(word.start, end, "canon-name", Category.CANON,
                             f"Did you mean the canon name “{matches[0]}”?", matches[0])
