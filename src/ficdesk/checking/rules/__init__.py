"""Rule families, one module each. Importing this package registers them all (see ``registry``).

Adding a rule is adding a module here and its name to :data:`RULE_MODULES`; the order is the order in
which overlapping findings win.
"""

from __future__ import annotations

import importlib

RULE_MODULES = (
    "punctuation",
    "dialogue",
    "vocative_comma",
    "possessive_pronouns",
    "its",
    "your",
    "their",
    "whose",
    "then_than",
    "name_possessive",
    "verb_apostrophe",
    "plural_apostrophe",
    "articles",
    "doubled_words",
    "proper_adjectives",
    "modal_of",
    "idioms",
    "verb_forms",
    "confused_words",
    "lose_loose",
    "were_were",
    "agreement",
    "agreement_phrases",
    "pronoun_case",
    "noun_number",
    "misplaced_apostrophe",
    "missing_apostrophe",
    "capitalisation",
    "compounds",
    "canon_names",
    "split_words",
    "tense",
    "spelling",
)

for _name in RULE_MODULES:
    importlib.import_module(f"{__name__}.{_name}")
