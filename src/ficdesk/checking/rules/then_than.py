"""then / than: "better then ever" (comparison) and "and than he left" (time)."""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking import lexicon as lx
from ficdesk.checking.env import Env
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tokens import Paragraph

_ALWAYS_THAN = frozenset({"rather", "other"})
_COMPARATIVES = frozenset({"more", "less", "fewer", "better", "worse", "further", "farther", "rather", "other",
                           "sooner", "older", "younger", "bigger", "smaller"})
#: What follows "than" in a comparison; after "then" (time) these are rare without a comma.
_COMPARED = frozenset({
    "i", "me", "you", "him", "her", "us", "them", "it", "he", "she", "we", "they", "ever", "before", "usual",
    "expected", "anyone", "anything", "anybody", "everyone", "everything", "everybody", "someone",
    "something", "nothing", "the", "a", "an", "that", "this", "his", "my", "your", "their", "our", "its", "any",
    "most", "all", "once", "twice", "what", "normal", "necessary", "needed", "planned", "last", "yesterday",
    "average", "mine", "yours", "hers", "ours", "theirs", "anywhere", "those", "these", "one", "two",
    "three", "half", "many", "imagined", "i'd", "i'm", "you'd", "he'd", "she'd", "they'd",
})
_TIME_BEFORE = frozenset({"and", "since", "until", "till", "by", "just", "back", "but"})


@rule("then-than", Category.GRAMMAR, "then / than")
def then_or_than(para: Paragraph, env: Env) -> Iterator[Match]:
    if para.vocabulary.isdisjoint({"then", "than"}):
        return
    for word in para.words:
        index = word.index
        if word.norm == "then" and para.joined(index) and para.next_joined(index):
            before = para.norm(index - 1)
            after = para.word(index + 1)
            assert after is not None
            comparative = before in _COMPARATIVES or bool(lx.tags(before) & {"JJR", "RBR"}) or (
                para.norm(index - 2) in {"more", "less"} and para.joined(index - 1))
            if para.norm(index - 2) == "rather" and para.joined(index - 1):
                before = "rather"  # "I'd rather die then ..."
            compared = (after.norm in _COMPARED or after.is_capitalised or after.text.isdigit()
                        or (lx.only(after.norm, {"VBG", "NN"}) and "VBG" in lx.tags(after.norm)))
            if before in _ALWAYS_THAN or (comparative and compared):
                yield para.match(word.start, word.end, "then-than", Category.GRAMMAR,
                                 "Comparisons take “than”; “then” is about time.", para.cased("than", word.text))
        elif word.norm == "than":
            before = para.norm(index - 1) if para.joined(index) else ""
            opens = para.sentence_start(index) and word.is_capitalised
            if (before in _TIME_BEFORE and para.norm(index - 2) not in {"more", "less", "rather"}) or (
                    opens and para.norm(index + 1) in lx.SUBJECT_PRONOUNS | {"the", "his", "her", "their"}):
                yield para.match(word.start, word.end, "then-than", Category.GRAMMAR,
                                 "“than” compares; for what comes next in time write “then”.",
                                 para.cased("then", word.text))
