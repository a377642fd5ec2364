"""could of / should of / would of for could've: "I should of known"."""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking.env import Env
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tokens import Paragraph

_MODALS = frozenset({"could", "should", "would", "must", "might", "couldn't", "shouldn't", "wouldn't",
                     "mustn't", "mightn't"})


@rule("modal-of", Category.GRAMMAR, "could of for could have")
def modal_of(para: Paragraph, env: Env) -> Iterator[Match]:
    if para.vocabulary.isdisjoint({"of"}):
        return
    for word in para.words:
        if word.norm != "of" or not para.joined(word.index) or para.norm(word.index - 1) not in _MODALS:
            continue
        if para.norm(word.index + 1) == "course" or not para.next_joined(word.index):
            continue  # "would of course", "the best he could, of"
        modal = para.words[word.index - 1]
        yield para.match(modal.start, word.end, "modal-of", Category.GRAMMAR,
                         f"“{modal.text} of” is how “{modal.text}’ve” sounds; write “{modal.text} have”.",
                         f"{modal.text} have")
