"""Per-word memos on the Env: a word's findings must not depend on where the word was first seen."""

from __future__ import annotations

import itertools

import pytest

from ficdesk.checking import Checker, CheckerConfig, Match
from ficdesk.checking import env as env_module
from ficdesk.checking.env import Env

CONFIG = CheckerConfig(language="en-GB", canon_names=("Ianto Jones", "Jack Harkness"))
#: The same words in places that flag them and places that do not: a sentence start, mid-sentence, a URL, a
#: user name, a dropped g, a possessive and a hyphenated part.
PARAGRAPHS = (
    "Definately not. She was definately there.",
    "He said Definately, and left.",
    "See www.definately.com for the recieve form.",
    "Ask fan_definately about it.",
    "Nothin' was left, nothin said.",
    "Ianot waited. Ianot's coat was wet.",
    "IANOT shouted, and Jack-recieve laughed.",
    "The hall way was cold, the every where light.",
)


def _findings(checker: Checker, text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(match.rule, text[match.start:match.end], match.replacements) for match in checker.check(text)]


def test_findings_do_not_depend_on_the_order_words_are_first_seen() -> None:
    fresh = {text: _findings(Checker(CONFIG), text) for text in PARAGRAPHS}
    assert any(fresh.values())
    for order in itertools.islice(itertools.permutations(PARAGRAPHS), 0, None, 997):
        shared = Checker(CONFIG)
        for text in order:
            assert _findings(shared, text) == fresh[text], text


def test_a_word_is_flagged_where_it_stands_not_where_it_was_memoised() -> None:
    checker = Checker(CONFIG)
    text = "Definately not. She was Definately there."
    flagged: list[Match] = checker.check(text)
    # Only the sentence start: mid-sentence a capitalised word is a name.
    assert [(match.rule, match.start) for match in flagged] == [("spelling", 0)]
    again = "She was Definately there. Definately not."
    assert [(match.rule, match.start) for match in checker.check(again)] == [
        ("spelling", again.index("Definately not"))]


def test_memo_is_one_dict_per_owner_and_emptied_past_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    env = Env(CONFIG)
    first = env.memo("spelling")
    first["word"] = True
    assert env.memo("spelling") is first
    assert env.memo("canon-name") == {}
    monkeypatch.setattr(env_module, "MEMO_LIMIT", 3)
    first.update({"a": True, "b": True, "c": True})
    assert env.memo("spelling") == {}
