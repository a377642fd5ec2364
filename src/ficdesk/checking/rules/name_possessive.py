"""A name's possessive written like a plural's ("Jacks’ cheek" for "Jack’s cheek") or with no apostrophe.

Without an apostrophe ("Lokis helmet", "Mulders desk") the word must be no English word, its name (the word without
its s) a canon name, a name of the lexicon or a word written elsewhere in the paragraph, and the next word a common
noun the tagger reads as one.

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
from ficdesk.checking.tokens import APOSTROPHES, Paragraph, Word

#: How much more common (in Zipf units, tenfold per unit) the name must be than its "-s" form ("Peters").
_SINGULAR_MARGIN = 1.0
#: Without an apostrophe the evidence is weaker ("Peters dog" may be Mr Peters'): the name must be commoner still.
_BARE_MARGIN = 1.5
_PLURAL_BEFORE = frozenset({"the", "these", "those", "both", "all", "two", "three", "four", "many", "several"})


@rule("name-possessive", Category.GRAMMAR, "name possessive")
def name_possessive(para: Paragraph, env: Env) -> Iterator[Match]:
    for word in para.words:
        text = word.text
        mark = para.char_after(word.index)
        if mark not in APOSTROPHES and word.is_capitalised and text.endswith("s"):
            name = _missing_apostrophe(para, word, env)
            if name is not None:
                fixed = para.styled(f"{name}'s")
                yield para.match(word.start, word.end, "name-possessive", Category.GRAMMAR,
                                 f"A name's possessive takes an apostrophe: “{fixed}”.", fixed)
            continue
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


def _missing_apostrophe(para: Paragraph, word: Word, env: Env) -> str | None:
    """The name when ``word`` is "Lokis" in "Lokis helmet"."""
    text = word.text
    if text.isupper() or text.endswith(("ss", "us", "ys")) or "'" in word.norm or len(text) < 4:
        return None
    index = word.index
    if not para.next_joined(index) or para.norm(index - 1) in _PLURAL_BEFORE | lx.DETERMINERS:
        return None
    noun = para.words[index + 1]
    if noun.is_capitalised or noun.norm in lx.FUNCTION_WORDS:
        return None
    if not lx.is_noun(noun.norm) or lx.tags(noun.norm) & {"VBD", "VBZ", "RB"}:
        return None
    name = _bare_name(para, word, env)
    return name if name is not None and para.tag(index + 1) in {"NN", "NNS"} else None


def _bare_name(para: Paragraph, word: Word, env: Env) -> str | None:
    text, index = word.text, word.index
    base = text[:-1]
    if word.norm in env.canon or word.norm in env.accepted:
        return None
    canon = env.canon.get(base.lower())
    if canon is not None:
        return canon
    if para.joined(index) and para.words[index - 1].is_capitalised:
        return None  # "Jean Peters", "Mr Roberts": a surname that ends in s
    if base in env.lexicon.words:
        if text not in env.lexicon.words:
            return base
        frequency = env.frequency
        return base if frequency.zipf(base.lower()) - frequency.zipf(word.norm) >= _BARE_MARGIN else None
    if not env.lexicon.knows(text) and any(other.text == base for other in para.words):
        return base
    return None
