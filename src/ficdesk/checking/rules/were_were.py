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
_SUBJECTS = frozenset({"they", "you", "we", "he", "she", "it", "i"})


@rule(_RULE, Category.GRAMMAR, "were / we're")
def were_for_we_are(para: Paragraph, env: Env) -> Iterator[Match]:
    if "we're" not in para.vocabulary:
        return
    for word in para.words:
        if word.norm == "we're" and para.joined(word.index) and para.norm(word.index - 1) in _SUBJECTS:
            yield para.match(word.start, word.end, _RULE, Category.GRAMMAR,
                             "“we’re” means “we are”; after a subject the past of “be” is “were”.",
                             para.cased("were", word.text))


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
    ),
)
