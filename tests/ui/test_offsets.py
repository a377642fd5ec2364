"""Code points versus UTF-16 units, the one conversion every span goes through."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ficdesk.ui.offsets import OffsetMap


def test_ascii_is_identity() -> None:
    offsets = OffsetMap("he's eyes")
    assert [offsets.to_qt(i) for i in range(10)] == list(range(10))
    assert offsets.length_qt == 9


def test_emoji_and_astral_characters_shift_later_offsets() -> None:
    text = "🙂 a 𝒜 he's"  # two astral characters before "he's"
    offsets = OffsetMap(text)
    start = text.index("he's")
    assert offsets.to_qt(start) == start + 2
    assert offsets.span_to_qt(start, start + 4) == (start + 2, 4)
    assert offsets.to_py(start + 2) == start
    assert offsets.length_qt == len(text.encode("utf-16-le")) // 2


def test_index_inside_a_surrogate_pair_rounds_down() -> None:
    offsets = OffsetMap("a🙂b")
    assert offsets.to_py(2) == 1  # the low surrogate of the emoji
    assert offsets.to_py(3) == 2


@given(st.text(alphabet=st.sampled_from(["a", " ", "é", "🙂", "𝒜", "中", "\u200d"]), max_size=40))
def test_round_trip_for_every_character_boundary(text: str) -> None:
    offsets = OffsetMap(text)
    for index in range(len(text) + 1):
        qt = offsets.to_qt(index)
        assert qt == len(text[:index].encode("utf-16-le")) // 2
        assert offsets.to_py(qt) == index
