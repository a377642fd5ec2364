"""whose / who's: "who's car is that", "whose there"."""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking import lexicon as lx
from ficdesk.checking.env import Env
from ficdesk.checking.grammar import PRENOMINAL, is_modifier, possession_head
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tokens import Paragraph

_CONTRACTION_BEFORE = frozenset({"been", "not", "going", "gonna", "there", "a", "an", "the", "coming", "next",
                                 "here", "always", "never", "just", "really", "so", "gone", "got", "in", "on",
                                 "at", "up", "still", "already"})


@rule("whose", Category.GRAMMAR, "whose / who's")
def whose_or_who_is(para: Paragraph, env: Env) -> Iterator[Match]:
    if para.vocabulary.isdisjoint({"whose", "who's"}):
        return
    for word in para.words:
        if word.norm not in {"whose", "who's"} or not para.next_joined(word.index):
            continue
        after = para.norm(word.index + 1)
        if word.norm == "who's":
            head = possession_head(para, word.index + 1)
            if head is None or (lx.is_plural_noun(para.norm(head)) and para.norm(head + 1) == "with"):
                continue
            yield para.match(word.start, word.end, "whose", Category.GRAMMAR,
                             "“who’s” means “who is”; the possessive is “whose”.", para.cased("whose", word.text))
        elif word.norm == "whose":
            found = lx.tags(after)
            vbg = "VBG" in found and not found & {"NN", "NNS", "JJ"}
            ready = (is_modifier(after) and after not in PRENOMINAL
                     and not (para.next_joined(word.index + 1) and lx.is_noun(para.norm(word.index + 2))))
            if after in _CONTRACTION_BEFORE or vbg or ready:
                yield para.match(word.start, word.end, "whose", Category.GRAMMAR,
                                 "“whose” is the possessive; “who is” is written “who’s”.",
                                 para.cased(para.styled("who's"), word.text))
