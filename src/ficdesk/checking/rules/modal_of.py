"""could of / should of / would of for could've: "I should of known"."""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking.env import Env
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tokens import Paragraph

_MODALS = frozenset({"could", "should", "would", "must", "might", "couldn't", "shouldn't", "wouldn't",
                     "mustn't", "mightn't"})
_OF = frozenset({"of"})


@rule("modal-of", Category.GRAMMAR, "could of for could have")
def modal_of(para: Paragraph, env: Env) -> Iterator[Match]:
    for index in para.indices(_OF):
        word = para.words[index]
        if not para.joined(index) or para.norm(index - 1) not in _MODALS:
            continue
        if para.norm(index + 1) == "course" or not para.next_joined(index):
            continue  # "would of course", "the best he could, of"
        modal = para.words[index - 1]
        yield para.match(modal.start, word.end, "modal-of", Category.GRAMMAR,
                         f"“{modal.text} of” is how “{modal.text}’ve” sounds; write “{modal.text} have”.",
                         f"{modal.text} have")
