"""lose / loose: "I don't want to loose you", "the screw came lose", "worked itself lose", "loosing his keys".

"loose" after an auxiliary or "to" and before what one loses ("to loose you", "might loose track") is the verb
"lose"; "lose" after "came", "broke", "cut", "let" or a reflexive ("worked itself lose") or before what is
loose ("lose ends") is the adjective. "loosing" / "looses" before what one loses ("loosing his shoes") are
"losing" / "loses"; "loosing arrows" (setting free) is left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking import lexicon as lx
from ficdesk.checking.env import Env
from ficdesk.checking.examples import Examples
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tokens import Paragraph

_VERB_SLOT = frozenset({"to", "will", "would", "could", "can", "can't", "cannot", "don't", "didn't", "won't",
                        "wouldn't", "couldn't", "might", "must", "gonna", "never", "not", "shall", "should",
                        "may", "did", "do", "does", "doesn't"})
_LOST_THINGS = (lx.OBJECT_PRONOUNS - {"it"}) | lx.POSSESSIVE_DETERMINERS | frozenset({
    "the", "this", "that", "everything", "control", "track", "sight", "hope", "touch", "interest", "weight",
    "sleep", "focus", "consciousness", "face", "heart", "faith", "count", "money", "time", "anyone", "someone",
})
_ADJECTIVE_SLOT = frozenset({"came", "come", "comes", "coming", "broke", "break", "breaks", "breaking", "cut",
                             "hang", "hung", "hanging", "too", "so", "very", "slightly", "bit", "tore", "torn",
                             "wriggled", "wrenched", "shook", "worked", "set"}) | lx.REFLEXIVES
_LOOSE_THINGS = frozenset({"ends", "end", "fitting", "thread", "threads", "strand", "strands", "cannon", "curls",
                           "knot", "clothes", "clothing", "shirt", "jumper", "sweater", "trousers", "jeans"})


_AFTER_LOOSE = frozenset({"", "from", "of", "and", "at", "again", "with", "in", "on", "before"})
_VERB_FORMS = {"loosing": "losing", "looses": "loses"}
_TRIGGERS = frozenset({"lose", "loose", *_VERB_FORMS})


@rule("lose-loose", Category.GRAMMAR, "lose / loose")
def lose_or_loose(para: Paragraph, env: Env) -> Iterator[Match]:
    words = para.words
    for index in para.indices(_TRIGGERS):
        word = words[index]
        if word.norm in _VERB_FORMS:
            after = para.norm(word.index + 1) if para.next_joined(word.index) else ""
            if after in _LOST_THINGS and after not in {"the", "this", "that"}:
                fix = _VERB_FORMS[word.norm]
                yield para.match(word.start, word.end, "lose-loose", Category.GRAMMAR,
                                 f"“{word.text}” means setting free; the verb meant is “{fix}”.",
                                 para.cased(fix, word.text))
            continue
        if word.norm not in {"lose", "loose"}:
            continue
        before = para.norm(word.index - 1) if para.joined(word.index) else ""
        after = para.norm(word.index + 1) if para.next_joined(word.index) else ""
        if word.norm == "loose" and before in _VERB_SLOT and after in _LOST_THINGS:
            yield para.match(word.start, word.end, "lose-loose", Category.GRAMMAR,
                             "“loose” means not tight; the verb is “lose”.", para.cased("lose", word.text))
        elif word.norm == "lose" and (before in _ADJECTIVE_SLOT or after in _LOOSE_THINGS
                                      or (before == "let" and after != "")):
            if before in _VERB_SLOT or (before in lx.REFLEXIVES and after not in _AFTER_LOOSE):
                continue  # "let herself lose the game"
            yield para.match(word.start, word.end, "lose-loose", Category.GRAMMAR,
                             "“lose” is the verb; not tight is “loose”.", para.cased("loose", word.text))


EXAMPLES = Examples(
    wrong=(
        "I don't want to [loose->lose] you.",
        'The screw had worked itself [lose->loose].',
        'The dog broke [lose->loose] again.',
        'He kept [loosing->losing] his keys.',
        'She [looses->loses] track of time.',
    ),
    clean=(
        "I don't want to lose you.",
        'A loose thread hung from his sleeve.',
        'The archers were loosing arrows at the wall.',
        'He came loose from the rope.',
        'We could lose everything.',
        'She let herself lose the game.',
    ),
)
