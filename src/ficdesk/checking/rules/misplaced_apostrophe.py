"""An apostrophe in the wrong place of a contraction: "could'nt", "T'was", "they'r", "Lets' go".

Written with the apostrophe elsewhere, a contraction is no word; its letters still say which one is meant
("couldnt" -> "couldn't"). Only the contractions of :data:`~ficdesk.checking.rules.missing_apostrophe.CONTRACTIONS`
(no English word without their apostrophe) and a few of their own are put back, so a word with an inner
apostrophe that is a name ("O'Neill", "D'Artagnan") or a dialect spelling ("y'know", "c'mon") is never touched.
This rule runs before spelling, so its suggestion wins over a spelling one on the same word.
"""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking.env import Env
from ficdesk.checking.examples import Examples
from ficdesk.checking.marks import apostrophe_words
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.rules.missing_apostrophe import CONTRACTIONS
from ficdesk.checking.tokens import APOSTROPHES, Paragraph, Word

_RULE = "misplaced-apostrophe"
#: Letters of a contraction -> the contraction, for those CONTRACTIONS leaves out: "'twas" has its mark in front,
#: "they'r" lost the e of "they're", and "lets", "wont" are words without it (so only a misplaced mark shows them).
_OWN = {"twas": "'twas", "tis": "'tis", "theyr": "they're", "lets": "let's", "wont": "won't"}
#: Whole spellings whose letters are a word of their own ("your"), so only the spelling tells.
_SPELLINGS = {"you'r": "you're", "we'r": "we're", "your'e": "you're", "wer'e": "we're"}
#: Spellings that keep their apostrophe where it is ("y'know", "c'mon", "o'clock" is in CONTRACTIONS).
_DIALECT = frozenset({"y'know", "c'mon", "y'all", "ma'am", "o'clock", "d'you", "s'pose", "g'night", "t'be"})


@rule(_RULE, Category.GRAMMAR, "misplaced apostrophe")
def misplaced_apostrophe(para: Paragraph, env: Env) -> Iterator[Match]:
    for word in apostrophe_words(para):
        norm = word.norm
        letters = norm.replace("'", "")
        fix = _SPELLINGS.get(norm) or CONTRACTIONS.get(letters) or _OWN.get(letters)
        if fix is None or norm in _DIALECT or norm == fix.lower():
            continue
        # after the spelling test: closes_quote reads the whole paragraph
        mark = para.char_after(word.index)
        trailing = mark in APOSTROPHES and mark != "" and not para.closes_quote(word.end)
        if "'" not in norm and not trailing:
            continue
        yield _match(para, word, fix, trailing)


def _match(para: Paragraph, word: Word, fix: str, trailing: bool) -> Match:
    styled = para.styled(fix, word.text)
    if word.text[:1].isupper():
        styled = _capitalised(styled)
    end = word.end + 1 if trailing else word.end
    return para.match(word.start, end, _RULE, Category.GRAMMAR,
                      f"The apostrophe goes where letters are left out: “{styled}”.", styled)


def _capitalised(text: str) -> str:
    """``'twas`` -> ``'Twas``, ``couldn't`` -> ``Couldn't``: the first letter upper case."""
    for position, char in enumerate(text):
        if char.isalpha():
            return text[:position] + char.upper() + text[position + 1:]
    return text


EXAMPLES = Examples(
    wrong=(
        "You [could'nt->couldn't] walk on your own.",
        "[T'was->'Twas] the night before the battle.",
        "He [did'nt->didn't] know, and she [does'nt->doesn't] care.",
        "[They'r->They're] late again.",
        "[Lets'->Let's] go home.",
    ),
    clean=(
        "Mr O'Neill and D'Artagnan met at ten o'clock.",
        "Y'know, c'mon, it's fine, ma'am.",
        "'Tis the season, and they're late.",
        "The boys' room and James' car.",
        "She said 'no' and left.",
        "He called it 'the boys' night out'.",
        "Saying `I don't', and `you do', was enough.",
    ),
)
