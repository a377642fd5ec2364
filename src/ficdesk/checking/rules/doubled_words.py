"""A word typed twice: "the the", "to to". Words that double on purpose ("had had", "that that") are left.

"had had" is English ("she had had enough"); it is a slip only before a participle that cannot be the object
of "had" ("they had had tried"). "her her" ("gave her her book") and "is is" ("what it is is ...") are right.
"""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking import lexicon as lx
from ficdesk.checking.env import Env
from ficdesk.checking.examples import Examples
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tokens import Paragraph

_NEVER_DOUBLED = frozenset({"the", "a", "an", "to", "of", "in", "on", "at", "and", "for", "with", "was", "were",
                            "are", "from", "by", "my", "your", "his", "their", "our", "its", "i", "we", "he",
                            "she", "they", "be", "but", "or", "if", "when", "this", "as", "into", "it's",
                            "he's", "she's", "i'm", "you're", "they're", "not", "have", "has", "would", "could",
                            "should", "will", "can", "than", "then", "there", "what", "which", "who", "about",
                            "because", "after", "before", "through", "onto", "upon", "been", "being"})


@rule("doubled-word", Category.GRAMMAR, "doubled word")
def doubled_word(para: Paragraph, env: Env) -> Iterator[Match]:
    for word in para.words[1:]:
        before = para.words[word.index - 1]
        if word.norm != before.norm or para.gap_before(word.index) != " ":
            continue
        if word.norm in _NEVER_DOUBLED or (word.norm == "had" and _participle_after(para, word.index)):
            yield para.match(before.start, word.end, "doubled-word", Category.GRAMMAR,
                             f"“{word.text}” is written twice.", before.text)


def _participle_after(para: Paragraph, index: int) -> bool:
    if not para.next_joined(index):
        return False
    found = lx.tags(para.norm(index + 1))
    return "VBN" in found and not found & {"NN", "NNS", "RB"} and para.norm(index + 1) not in lx.FUNCTION_WORDS


EXAMPLES = Examples(
    wrong=(
        'She opened [the the->the] door.',
        'All of them [had had->had] tried to help.',
        'I want [to to->to] go.',
    ),
    clean=(
        'She had had enough.',
        'They had had a long day.',
        'He said that that was fine.',
        'She gave her her book back.',
        'What it is is a mess.',
        'He had had to leave early.',
    ),
)
