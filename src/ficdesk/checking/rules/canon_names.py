"""Near misses of canon names: "Ianot" -> "Ianto", "Harkenss" -> "Harkness"."""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking.env import Env
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.spelling_suggest import distance_one
from ficdesk.checking.tokens import Paragraph, normalise


@rule("canon-name", Category.CANON, "misspelt canon name")
def canon_name(para: Paragraph, env: Env) -> Iterator[Match]:
    if not env.canon:
        return
    # The near canon name of a word depends on the word and the Env only: each distinct word is compared with
    # the canon's names once.
    memo: dict[str, str | None] = env.memo("canon-name")
    for word in para.words:
        text = word.text
        if not text[:1].isupper():
            continue
        if text in memo:
            name = memo[text]
        else:
            name = memo[text] = _near_name(text, env)
        if name is not None:
            end = word.end - 2 if word.norm.endswith("'s") else word.end
            yield para.match(word.start, end, "canon-name", Category.CANON,
                             f"Did you mean the canon name “{name}”?", name)


def _near_name(text: str, env: Env) -> str | None:
    """The one canon name a capitalised word (or its possessive) is a slip of, else None."""
    if text.isupper():
        return None
    if normalise(text).endswith("'s"):
        text = text[:-2]
    lower = text.lower()
    if len(lower) < 4 or lower in env.canon or lower in env.accepted or env.lexicon.knows(text):
        return None
    if lower.endswith("s") and lower[:-1] in env.canon:
        return None  # "Jacks" is a plural or a possessive, handled elsewhere
    matches = [name for key, name in env.canon.items() if len(key) >= 4 and distance_one(lower, key)]
    return matches[0] if len(matches) == 1 else None
