"""Every rule module's own examples (``EXAMPLES``, see ``ficdesk.checking.examples``), run with the whole checker."""

from __future__ import annotations

import importlib
from functools import cache

import pytest

from ficdesk.checking import Checker, CheckerConfig, Match
from ficdesk.checking.examples import Examples, unmark
from ficdesk.checking.registry import all_rules
from ficdesk.checking.rules import RULE_MODULES


def _examples() -> list[tuple[str, str, str]]:
    found = []
    for name in RULE_MODULES:
        examples = getattr(importlib.import_module(f"ficdesk.checking.rules.{name}"), "EXAMPLES", None)
        if isinstance(examples, Examples):
            found += [(name, "wrong", text) for text in examples.wrong]
            found += [(name, "clean", text) for text in examples.clean]
    return found


EXAMPLES = _examples()


@cache
def _checker(module: str) -> Checker:
    examples = importlib.import_module(f"ficdesk.checking.rules.{module}").EXAMPLES
    return Checker(CheckerConfig(language="en-GB", canon_names=examples.canon, ignored_rules=frozenset({"spelling"})))


def _module_rules(module: str) -> set[str]:
    return {r.id for r in all_rules() if r.run.__module__ == f"ficdesk.checking.rules.{module}"}


def _apply(text: str, matches: list[Match]) -> str:
    for match in sorted(matches, key=lambda m: m.start, reverse=True):
        text = text[:match.start] + match.replacements[0] + text[match.end:]
    return text


def test_the_new_rule_families_carry_examples() -> None:
    modules = {module for module, _kind, _text in EXAMPLES}
    assert {"dialogue", "vocative_comma", "capitalisation", "missing_apostrophe", "compounds"} <= modules


@pytest.mark.parametrize(("module", "kind", "example"), EXAMPLES,
                         ids=[f"{m}:{k}:{t[:40]}" for m, k, t in EXAMPLES])
def test_rule_example(module: str, kind: str, example: str) -> None:
    checker = _checker(module)
    if kind == "clean":
        found = checker.check(example)
        assert found == [], [(example[m.start:m.end], m.rule, m.replacements[:1]) for m in found]
        return
    marked = unmark(example)
    found = checker.check(marked.text)
    rules = _module_rules(module)
    for start, end in marked.spans:
        assert any(m.start <= end and start <= m.end and m.rule in rules for m in found), \
            f"{marked.text[start:end]!r} not flagged by {module}: {[(m.rule, m.start, m.end) for m in found]}"
    assert _apply(marked.text, found) == marked.fixed
