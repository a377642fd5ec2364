"""The one place rules are registered: a rule is a named function ``(paragraph, env) -> matches``."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ficdesk.checking.env import Env
from ficdesk.checking.model import Category, Match
from ficdesk.checking.tokens import Paragraph

RuleFunction = Callable[[Paragraph, Env], Iterable[Match]]


@dataclass(frozen=True)
class Rule:
    """A named check. Every match it returns carries ``id`` (or a more specific id starting with it)."""

    id: str
    category: Category
    title: str
    run: RuleFunction


_RULES: dict[str, Rule] = {}


def rule(rule_id: str, category: Category, title: str) -> Callable[[RuleFunction], RuleFunction]:
    """Decorator registering ``function`` as rule ``rule_id``."""

    def register(function: RuleFunction) -> RuleFunction:
        if rule_id in _RULES:
            raise ValueError(f"rule {rule_id!r} is registered twice")
        _RULES[rule_id] = Rule(rule_id, category, title, function)
        return function

    return register


def all_rules() -> list[Rule]:
    """Every rule, in registration order (the order of ``ficdesk.checking.rules.RULE_MODULES``)."""
    import ficdesk.checking.rules  # noqa: F401  (importing it registers the rules)

    return list(_RULES.values())
