"""An apostrophe after a verb: "he asks’ himself", "then helps’ him"."""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking import lexicon as lx
from ficdesk.checking.env import Env
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tokens import APOSTROPHES, Paragraph

#: Words that can follow a verb but never a possessive ("the boys’ room").
_AFTER_VERB = (lx.OBJECT_PRONOUNS | lx.REFLEXIVES | lx.PREPOSITIONS
               | frozenset({"the", "a", "an", "his", "her", "my", "your", "their", "our", "its", "this", "that",
                            "back", "away", "again", "too", "not", "so", "what", "where", "when", "why", "how",
                            "who", "whether", "if"}))


@rule("verb-apostrophe", Category.GRAMMAR, "apostrophe on a verb")
def verb_apostrophe(para: Paragraph, env: Env) -> Iterator[Match]:
    for word in para.words:
        mark = para.char_after(word.index)
        norm = word.norm
        if (not mark or mark not in APOSTROPHES or word.is_capitalised or not norm.endswith("s")
                or "VBZ" not in lx.tags(norm) or para.closes_quote(word.end)):
            continue
        before = para.norm(word.index - 1) if para.joined(word.index) else ""
        if before in lx.DETERMINERS or before.endswith("'s"):
            continue  # "the cooks’ kitchen", "Jack's parents’ house"
        following = para.text[word.end + 1:word.end + 2]
        if following and not following.isspace():
            continue
        after = para.norm(word.index + 1)
        adverb = lx.only(after, {"RB", "RBR", "RBS"}) or (after.endswith("ly") and not lx.is_noun(after))
        if after in _AFTER_VERB or adverb:
            yield para.match(word.start, word.end + 1, "verb-apostrophe", Category.GRAMMAR,
                             f"“{word.text}” is a verb here: it takes no apostrophe.", word.text)
