"""The engine's contract: offsets, ordering, ignores, incremental re-checks, any Unicode input."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ficdesk.checking import Category, Checker, CheckerConfig, Match, spot_context
from ficdesk.checking.registry import all_rules
from ficdesk.checking.tokens import Paragraph, paragraphs

CHECKER = Checker(CheckerConfig(canon_names=("Jack Harkness", "Ianto Jones")))
FRAGMENTS = ["he's hands", "its not", "your right,", "Jacks’ coat", "an hour", "a apple", "the the", "😀", "’",
             "\r\n", "\n", "—", "…", "“", "”", "'", "welsh", "could of", "then", "than", "Ianot", "é", "\u2028"]


def test_rule_ids_are_unique_and_every_rule_has_a_module() -> None:
    ids = [rule.id for rule in all_rules()]
    assert len(ids) == len(set(ids)) >= 15


def test_tokens_keep_exact_offsets() -> None:
    text = "“Jack’s here,” she said—quietly… don't-stop Ünïcode 😀 boys’ room"
    para = Paragraph(text)
    assert [w.text for w in para.words] == ["Jack’s", "here", "she", "said", "quietly", "don't-stop", "Ünïcode",
                                            "boys", "room"]
    assert all(text[w.start:w.end] == w.text for w in para.words)
    assert para.words[0].norm == "jack's"


def test_paragraph_offsets_survive_crlf_and_unicode_separators() -> None:
    text = "one\r\ntwo\u2028three\n\nfour"
    assert [(offset, body) for offset, body in paragraphs(text)] == [(0, "one"), (5, "two"), (9, "three"),
                                                                      (16, "four")]


def test_matches_are_sorted_and_point_at_the_flagged_words() -> None:
    text = "😀😀 Your right.\nHe waited for a hour 🎉 with Jacks’ coat."
    matches = CHECKER.check(text)
    assert [text[m.start:m.end] for m in matches] == ["Your", "a", "Jacks’"]
    assert matches == sorted(matches, key=lambda m: (m.start, m.end))


def test_ignored_rules_and_spots() -> None:
    text = "I think your right.\nYour right, Jack.\nShe waited for a hour."
    everything = Checker().check(text)
    assert [m.rule for m in everything] == ["your", "your", "a-an"]
    without_rule = Checker(CheckerConfig(ignored_rules=frozenset({"a-an"}))).check(text)
    assert [m.rule for m in without_rule] == ["your", "your"]
    first = everything[0]
    spot = (first.rule, text[first.start:first.end], spot_context(text, first))
    ignoring = Checker(CheckerConfig(ignored_spots=frozenset({spot})))
    assert ignoring.check(text) == everything[1:]
    # the spot stays ignored when text is added before it, and only that spot
    assert [m.rule for m in ignoring.check("New opening line.\n" + text)] == ["your", "a-an"]


def test_spot_context_stays_inside_the_line() -> None:
    text = "First line here.\nI think your right about him.\nLast line."
    match = CHECKER.check(text)[0]
    assert spot_context(text, match) == "I think your right about him."


def test_personal_words_and_canon_names_are_not_misspelt() -> None:
    text = "The wrold hummed, and rhys laughed near Ianto."
    assert [text[m.start:m.end] for m in Checker().check(text)] == ["wrold", "rhys"]
    config = CheckerConfig(personal_words=frozenset({"wrold"}), canon_names=("Rhys Williams",))
    # A canon name in lower case is no misspelling, but it lacks its capital.
    assert [(m.rule, m.replacements) for m in Checker(config).check(text)] == [("capitalisation", ("Rhys",))]


def test_canon_near_misses() -> None:
    matches = CHECKER.check("Ianot kissed Harkenss, and Jack laughed.")
    assert [(m.rule, m.category, m.replacements[0]) for m in matches] == [
        ("canon-name", Category.CANON, "Ianto"), ("canon-name", Category.CANON, "Harkness")]


def test_language_varieties() -> None:
    text = "The colour of the centre made him realise."
    assert Checker(CheckerConfig(language="en-GB")).check(text) == []
    us = Checker(CheckerConfig(language="en-US")).check(text)
    assert [m.replacements[0] for m in us] == ["color", "center", "realize"]
    assert [m.replacements[0] for m in Checker().check("The color was gray.")] == ["colour"]


def test_document_rechecks_only_changed_paragraphs() -> None:
    paragraphs_ = [f"Paragraph {i}: he waited for a hour, then left." for i in range(50)]
    doc = CHECKER.document()
    text = "\n\n".join(paragraphs_)
    assert doc.update(text) == CHECKER.check(text)
    checked = doc.checked_paragraphs
    paragraphs_[10] = "Paragraph 10 was edited: your right."
    edited = "\n\n".join(paragraphs_)
    assert doc.update(edited) == CHECKER.check(edited)
    assert doc.checked_paragraphs == checked + 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_unicode_is_checked_safely(text: str) -> None:
    _assert_well_formed(text, CHECKER.check(text))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=40).map(" ".join))
def test_error_laden_text_is_checked_safely(text: str) -> None:
    _assert_well_formed(text, CHECKER.check(text))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(FRAGMENTS), max_size=12).map(" ".join), min_size=1, max_size=8),
       st.lists(st.tuples(st.floats(0, 1), st.integers(0, 30), st.lists(st.sampled_from(FRAGMENTS), max_size=4)),
                min_size=1, max_size=6))
def test_incremental_update_equals_full_check(parts: list[str],
                                              edits: list[tuple[float, int, list[str]]]) -> None:
    doc = CHECKER.document()
    text = "\n".join(parts)
    assert doc.update(text) == CHECKER.check(text)
    for where, removed, inserted in edits:
        position = int(where * len(text))
        text = text[:position] + " ".join(inserted) + text[position + removed:]
        assert doc.update(text) == CHECKER.check(text)


def _assert_well_formed(text: str, matches: list[Match]) -> None:
    for match in matches:
        assert 0 <= match.start < match.end <= len(text)
        assert all(replacement for replacement in match.replacements)
        assert isinstance(match.category, Category)
    assert matches == sorted(matches, key=lambda m: (m.start, m.end, m.rule))


def test_paragraph_indices_lists_the_positions_of_the_asked_words_in_order() -> None:
    para = Paragraph("Their dog ran there, and THEIR cat stayed in there’s shade.")
    assert para.indices(frozenset({"their", "there"})) == [0, 3, 5]
    assert para.indices(frozenset({"there's"})) == [9]
    assert para.indices(frozenset({"nowhere"})) == []
