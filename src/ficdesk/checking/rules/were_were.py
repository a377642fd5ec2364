""""we're" typed for "were" after a subject: "they we're afraid" -> "they were", "We we're late" -> "We were".

After a subject pronoun "we're" (we are) cannot stand: two subjects in a row. After a noun it can ("the kids
we're raising": a relative clause), so only pronouns count.
"""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking.env import Env
from ficdesk.checking.examples import Examples
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tokens import Paragraph

_RULE = "were-we're"
#: Pronouns that are always subjects; "you" and "it" can be objects ("I told you we're late"), so they
#: count only when they open the clause.
_SUBJECTS = frozenset({"they", "we", "he", "she", "i"})
_SUBJECTS_AT_START = frozenset({"you", "it"})
_TRIGGERS = frozenset({"we're"})


@rule(_RULE, Category.GRAMMAR, "were / we're")
def were_for_we_are(para: Paragraph, env: Env) -> Iterator[Match]:
    words = para.words
    for index in para.indices(_TRIGGERS):
        word = words[index]
        if para.joined(index) and _subject(para, index - 1):
            yield para.match(word.start, word.end, _RULE, Category.GRAMMAR,
                             "“we’re” means “we are”; after a subject the past of “be” is “were”.",
                             para.cased("were", word.text))


def _subject(para: Paragraph, index: int) -> bool:
    before = para.norm(index)
    return before in _SUBJECTS or (before in _SUBJECTS_AT_START and para.sentence_start(index))


EXAMPLES = Examples(
    wrong=(
        "I don't think they [we're->were] afraid.",
        'We [we\'re->were] in big trouble.',
        'You [we’re->were] right.',
    ),
    clean=(
        "We're in big trouble.",
        "The kids we're raising are loud.",
        "They were afraid, and we're still afraid.",
        "If we're late, go without us.",
        "I told you we're late.",
        "Tell it we're coming.",
    ),
)
