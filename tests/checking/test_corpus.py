"""Precision and recall on the labelled corpus (tests/data/checking/corpus.tsv), per class and overall."""

from __future__ import annotations

import pytest

from tests.checking.corpus_report import Sample, Score, evaluate, table


@pytest.fixture(scope="module")
def result() -> tuple[list[Sample], Score]:
    return evaluate()


def test_corpus_is_big_and_half_correct(result: tuple[list[Sample], Score]) -> None:
    samples, _score = result
    correct = [s for s in samples if not s.label]
    assert len(samples) >= 300
    assert len(correct) >= 0.45 * len(samples)
    assert all(s.fix for s in samples if s.label), "every wrong sentence names its fix"


def test_overall_precision_and_recall(result: tuple[list[Sample], Score]) -> None:
    samples, score = result
    print(table(samples, score))
    assert score.precision() >= 0.95
    assert score.recall() >= 0.90


def test_every_class_is_useful(result: tuple[list[Sample], Score]) -> None:
    samples, score = result
    for label in {s.label for s in samples if s.label}:
        assert score.precision(label) >= 0.85, label
        assert score.recall(label) >= 0.75, label
