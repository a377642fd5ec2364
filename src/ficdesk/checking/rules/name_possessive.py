"""A name's possessive written like a plural's: "Jacks’ cheek" for "Jack’s cheek".

"the Joneses’ house", "the Smiths’ car" (families), "James’s book" and "Rhys’ car" stay clean: the name
without its final s must be a canon name, or a proper name of the lexicon while the word itself is not, or is
far rarer than the name ("Peters’", "Rons’" but not "Williams’", "Marks’").
"""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking import lexicon as lx
from ficdesk.checking.env import Env
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tokens import APOSTROPHES, Paragraph

#: How much more common (in Zipf units, tenfold per unit) the name must be than its "-s" form ("Peters").
_SINGULAR_MARGIN = 1.0
_PLURAL_BEFORE = frozenset({"the", "these", "those", "both", "all", "two", "three", "four", "many", "several"})


@rule("name-possessive", Category.GRAMMAR, "name possessive")
def name_possessive(para: Paragraph, env: Env) -> Iterator[Match]:
    for word in para.words:
        text = word.text
        mark = para.char_after(word.index)
        if (not mark or mark not in APOSTROPHES or not word.is_capitalised or text.isupper()
                or not text.endswith("s") or text.endswith("ss") or "'" in word.norm or len(text) < 3):
            continue
        if para.closes_quote(word.end) or para.norm(word.index - 1) in _PLURAL_BEFORE:
            continue
        following = para.text[word.end + 1:word.end + 2]
        if not following.isspace() or not para.words[-1].index > word.index:
            continue
        before = para.word(word.index - 1) if para.joined(word.index) else None
        surname = before is not None and before.is_capitalised and before.norm not in lx.FUNCTION_WORDS
        name = _name_for(text, env, surname)
        if name is not None:
            yield para.match(word.start, word.end + 1, "name-possessive", Category.GRAMMAR,
                             f"A name's possessive is written “{name}{mark}s”; “{text}{mark}” is for plurals.",
                             f"{name}{mark}s")


def _name_for(text: str, env: Env, surname: bool) -> str | None:
    """The name ``text`` is a misspelt possessive of, or None. ``surname``: a name or title stands before it."""
    base = text[:-1]
    lowered = text.lower()
    if lowered in env.canon or lowered in env.accepted:
        return None  # the name itself ends in s ("Rhys", a canon "Jacks")
    canon = env.canon.get(base.lower())
    if canon is not None:
        return canon
    words = env.lexicon.words
    if base not in words or len(base) < 3:
        return None
    if text not in words:
        return base
    # "Peters", "Rons" are in the lexicon too (surnames, plurals): the name wins when it is far more common and
    # no first name or title ("Jean Peters'", "Mr Peters'") makes the word a surname.
    frequency = env.frequency
    if not surname and frequency.zipf(base.lower()) - frequency.zipf(lowered) >= _SINGULAR_MARGIN:
        return base
    return None
