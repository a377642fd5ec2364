"""Subject-verb agreement: "he never get" -> "gets", "the tears that rolls down" -> "roll"."""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking import lexicon as lx
from ficdesk.checking.env import Env
from ficdesk.checking.grammar import MANDATIVE_VERBS, followed_by_verb, possessive_for_subject
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tokens import Paragraph, Word

_ADVERBS = frozenset({"never", "always", "often", "still", "just", "also", "really", "sometimes", "usually",
                      "only", "even", "then", "barely", "hardly", "rarely", "seldom", "finally", "suddenly",
                      "simply", "actually", "probably", "certainly", "definitely", "nearly", "almost",
                      "already", "immediately", "quietly", "slowly", "gently", "softly", "quickly", "now",
                      "instantly", "frequently", "occasionally", "constantly", "truly"})
#: Verbs that look like a bare infinitive after a subject for good reasons ("he need not", "he better").
_NOT_AGREEMENT = frozenset({"need", "dare", "better", "like", "please", "ought", "used", "rather", "best", "be",
                            "let", "lest", "bet", "say", "mean", "thank", "beg", "wish", "pray", "whatever"})
#: "let him go", "made her stay": a following bare infinitive is right. Also inverted questions.
_CAUSATIVE = frozenset({"let", "lets", "make", "makes", "made", "help", "helps", "helped", "watch", "watched",
                        "see", "saw", "hear", "heard", "have", "had", "has", "bid", "lest", "that", "if"})
_VERB_TAGS = frozenset({"VB", "VBP"})
_OTHER_TAGS = frozenset({"VBD", "VBN", "VBZ", "VBG", "JJ", "JJR", "JJS", "RB", "RBR", "RBS"})
_PLURAL_DETERMINERS = frozenset({"the", "these", "those", "his", "her", "my", "your", "their", "our", "its",
                                 "all", "some", "many", "few", "several", "both"})


@rule("agreement", Category.GRAMMAR, "subject-verb agreement")
def agreement(para: Paragraph, env: Env) -> Iterator[Match]:
    for word in para.words:
        if word.norm in {"he", "she", "it"} or (word.norm in env.canon and word.is_capitalised):
            found = _third_person(para, word, env)
            if found is not None:
                yield found
        elif word.norm in {"that", "who", "which"}:
            found = _plural_relative(para, word)
            if found is not None:
                yield found


def _bare_verb(norm: str) -> bool:
    if norm in lx.FUNCTION_WORDS or norm in _NOT_AGREEMENT:
        return False
    found = lx.tags(norm)
    return bool(found & _VERB_TAGS) and not found & _OTHER_TAGS


def _third_person(para: Paragraph, word: Word, env: Env) -> Match | None:
    index = word.index
    if para.joined(index):
        before = para.norm(index - 1)
        if before in lx.AUXILIARIES or before in _CAUSATIVE or before in MANDATIVE_VERBS:
            return None  # "did he know", "let him go", "demanded he leave"
        if word.norm == "it" and before not in lx.CONJUNCTIONS - {"that", "than", "as"}:
            return None  # "it" after a verb is its object: "watch it burn"
    position = index + 1
    adverbs = 0
    while para.joined(position) if position < len(para.words) else False:
        norm = para.norm(position)
        if norm in _ADVERBS or (norm.endswith("ly") and lx.only(norm, {"RB"})):
            position += 1
            adverbs += 1
            continue
        break
    if position >= len(para.words) or not para.joined(position):
        return None
    if word.norm not in {"he", "she", "it"} and adverbs == 0:
        return None  # "Jack look out!" may be a call; with "never" between it is a statement
    verb = para.words[position]
    if verb.is_capitalised or not _bare_verb(verb.norm):
        return None
    if adverbs == 0 and (possessive_for_subject(para, index) or followed_by_verb(para, position)):
        return None  # "He voice was", "drew he sword": a noun after "he" written for "his"
    lemma = lx.verb_lemma(verb.norm) or verb.norm
    fixed = lx.inflect(lemma, "VBZ")
    if not fixed or fixed == verb.norm:
        return None
    return para.match(verb.start, verb.end, "agreement", Category.GRAMMAR,
                      f"After “{word.text}” the verb takes an s: “{fixed}”.", fixed)


def _plural_relative(para: Paragraph, word: Word) -> Match | None:
    index = word.index
    if not (para.joined(index) and para.next_joined(index)):
        return None
    noun = para.words[index - 1]
    if noun.is_capitalised or noun.norm in lx.FUNCTION_WORDS or not lx.is_plural_noun(noun.norm):
        return None
    position = index - 2
    while position >= 0 and para.joined(position + 1) and lx.is_adjective(para.norm(position)) \
            and para.norm(position) not in lx.FUNCTION_WORDS:
        position -= 1
    if position < 0 or para.norm(position) not in _PLURAL_DETERMINERS or not para.joined(position + 1):
        return None
    if para.norm(position - 1) == "of" and para.norm(position - 2) == "one":
        return None  # "one of the things that makes"
    verb = para.words[index + 1]
    found = lx.tags(verb.norm)
    if "VBZ" not in found or found & {"NN", "VBD", "VBN"} or verb.norm in lx.AUXILIARIES:
        return None
    lemma = lx.verb_lemma(verb.norm)
    fixed = lx.inflect(lemma, "VBP") if lemma else None
    if not fixed or fixed == verb.norm:
        return None
    return para.match(verb.start, verb.end, "agreement", Category.GRAMMAR,
                      f"“{noun.text}” is plural: the verb is “{fixed}”.", fixed)
