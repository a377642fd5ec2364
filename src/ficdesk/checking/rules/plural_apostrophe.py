"""An apostrophe in a plural: "his eye’s screwed shut", "the boy's are late", "two cat's"."""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking import lexicon as lx
from ficdesk.checking.env import Env
from ficdesk.checking.grammar import NUMBER_WORDS, in_dialogue
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tokens import Paragraph, Word

_PLURAL_VERBS = frozenset({"are", "were", "have", "aren't", "weren't", "haven't", "don't"})
_QUANTIFIERS = (NUMBER_WORDS - {"one"}) | frozenset({"many", "several", "few", "both", "these", "those",
                                                        "various", "numerous", "multiple", "countless"})
#: Things people have two (or more) of: "his eye's screwed shut" describes both eyes.
_PAIRED = frozenset({"eye", "ear", "hand", "arm", "leg", "knee", "shoulder", "cheek", "lip", "hip", "wrist",
                     "ankle", "finger", "toe", "thumb", "fist", "wing", "boot", "shoe", "sock", "glove", "lung",
                     "brow", "eyebrow", "eyelid", "lash", "eyelash", "palm", "elbow", "thigh", "foot"})


@rule("plural-apostrophe", Category.GRAMMAR, "apostrophe in a plural")
def plural_apostrophe(para: Paragraph, env: Env) -> Iterator[Match]:
    for word in para.words:
        norm = word.norm
        if not norm.endswith("'s") or word.is_capitalised:
            continue
        base = norm[:-2]
        if base in lx.FUNCTION_WORDS or not lx.is_noun(base) or "'" in base:
            continue
        if _plural_meant(para, word, base):
            plural = lx.inflect(base, "NNS") or base + "s"
            yield para.match(word.start, word.end, "plural-apostrophe", Category.GRAMMAR,
                             "A plural takes no apostrophe.", plural)


def _plural_meant(para: Paragraph, word: Word, base: str) -> bool:
    index = word.index
    after = para.norm(index + 1) if para.next_joined(index) else ""
    before = para.norm(index - 1) if para.joined(index) else ""
    if after in _PLURAL_VERBS:
        return True
    noun_follows = bool(after) and (lx.is_noun(after) or after in lx.DETERMINERS)
    if (before in _QUANTIFIERS or (para.gap_before(index).strip() == "" and before.isdigit())) and not noun_follows:
        return before != ""
    if (before in lx.POSSESSIVE_DETERMINERS and para.joined(index - 1) and para.norm(index - 2) in {"both", "all"}
            and not noun_follows):
        return True  # "both our dad's": more than one
    if before in lx.POSSESSIVE_DETERMINERS and after and lx.tags(after) == {"VBD"}:
        return True  # "their hand's shook": "has shook" is no English, so the noun is a plural subject
    if before in lx.POSSESSIVE_DETERMINERS and base in _PAIRED:
        if not after:
            # "from the corner of their eye's.": a possessive needs its noun; a paired noun at a phrase's end
            # after "their"/"our" is the plural
            return para.norm(index - 1) in {"their", "our"} and para.gap_after(index).strip()[:1] in set(".!?,;")
        found = lx.tags(after)
        if ("VBG" in found and not found & {"NN", "NNS"} and "," in para.gap_before(index - 1)
                and before in {"their", "our"}):
            return True  # "..., their eye's blazing": an absolute phrase, the plural noun and its participle
        return "VBN" in found and not found & {"NN", "NNS"} and not in_dialogue(para, word.start)
    return False
