"""The words-today tally: net, never shown below zero, a new day from zero."""

from __future__ import annotations

from datetime import date

from ficdesk.text.daily import DailyWords

MONDAY, TUESDAY = date(2026, 11, 30), date(2026, 12, 1)


def test_cutting_old_text_shows_zero_not_a_negative_day() -> None:
    tally = DailyWords(MONDAY).add(-40, MONDAY)
    assert tally.net == -40 and tally.shown(MONDAY) == 0


def test_words_written_after_a_cut_first_make_the_cut_good() -> None:
    tally = DailyWords(MONDAY).add(-40, MONDAY).add(25, MONDAY)
    assert tally.shown(MONDAY) == 0
    assert tally.add(30, MONDAY).shown(MONDAY) == 15


def test_undoing_a_deletion_is_not_new_writing() -> None:
    tally = DailyWords(MONDAY).add(100, MONDAY).add(-30, MONDAY).add(30, MONDAY)
    assert tally.shown(MONDAY) == 100


def test_a_new_day_starts_from_zero() -> None:
    monday = DailyWords(MONDAY).add(-50, MONDAY)
    assert monday.shown(TUESDAY) == 0
    assert monday.add(12, TUESDAY) == DailyWords(TUESDAY, 12)
