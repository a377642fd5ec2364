"""Precision and recall of the checker per error class on tests/data/checking/corpus.tsv.

Run ``python -m tests.checking.corpus_report`` to print the tables of corpus.tsv (tuned on) and of the two
held-out sets, holdout.tsv, holdout2.tsv and holdout3.tsv (reported, never tuned on).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ficdesk.checking import Checker, CheckerConfig

CORPUS = Path(__file__).resolve().parents[1] / "data" / "checking" / "corpus.tsv"
HOLDOUT = CORPUS.with_name("holdout.tsv")
HOLDOUT2 = CORPUS.with_name("holdout2.tsv")
HOLDOUT3 = CORPUS.with_name("holdout3.tsv")


@dataclass(frozen=True)
class Sample:
    sentence: str
    label: str
    fix: str


@dataclass
class Score:
    true_positives: Counter[str]
    false_positives: Counter[str]
    false_negatives: Counter[str]
    misses: list[tuple[str, str]]
    false_alarms: list[tuple[str, str, str]]

    def precision(self, label: str | None = None) -> float:
        tp = self._sum(self.true_positives, label)
        fp = self._sum(self.false_positives, label)
        return tp / (tp + fp) if tp + fp else 1.0

    def recall(self, label: str | None = None) -> float:
        tp = self._sum(self.true_positives, label)
        fn = self._sum(self.false_negatives, label)
        return tp / (tp + fn) if tp + fn else 1.0

    @staticmethod
    def _sum(counter: Counter[str], label: str | None) -> int:
        return sum(counter.values()) if label is None else counter[label]


def load(path: Path = CORPUS) -> tuple[tuple[str, ...], list[Sample]]:
    canon: tuple[str, ...] = ()
    samples = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# canon:"):
            canon = tuple(name.strip() for name in line.removeprefix("# canon:").split("|"))
        elif line.strip() and not line.startswith("#"):
            sentence, label, fix = [*line.split("\t"), "", ""][:3]
            samples.append(Sample(sentence, label, fix))
    return canon, samples


def evaluate(path: Path = CORPUS) -> tuple[list[Sample], Score]:
    canon, samples = load(path)
    checker = Checker(CheckerConfig(language="en-GB", canon_names=canon))
    score = Score(Counter(), Counter(), Counter(), [], [])
    for sample in samples:
        hit = False
        for match in checker.check(sample.sentence):
            right = (match.rule == sample.label and not hit and match.replacements[:1] == (sample.fix,))
            if right:
                hit = True
                score.true_positives[match.rule] += 1
            else:
                score.false_positives[match.rule] += 1
                flagged = sample.sentence[match.start:match.end]
                score.false_alarms.append((sample.sentence, match.rule, f"{flagged} -> {match.replacements[:1]}"))
        if sample.label and not hit:
            score.false_negatives[sample.label] += 1
            score.misses.append((sample.sentence, sample.label))
    return samples, score


def table(samples: list[Sample], score: Score) -> str:
    labels = sorted({s.label for s in samples if s.label} | set(score.false_positives))
    rows = [f"{'class':<20} {'n':>4} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>7}"]
    for label in labels:
        count = sum(1 for s in samples if s.label == label)
        rows.append(f"{label:<20} {count:>4} {score.true_positives[label]:>4} {score.false_positives[label]:>4} "
                    f"{score.false_negatives[label]:>4} {score.precision(label):>10.3f} {score.recall(label):>7.3f}")
    errors = sum(1 for s in samples if s.label)
    rows.append(f"{'overall':<20} {errors:>4} {sum(score.true_positives.values()):>4} "
                f"{sum(score.false_positives.values()):>4} {sum(score.false_negatives.values()):>4} "
                f"{score.precision():>10.3f} {score.recall():>7.3f}")
    rows.append(f"({len(samples)} sentences, {len(samples) - errors} correct)")
    return "\n".join(rows)


if __name__ == "__main__":
    for corpus in (CORPUS, HOLDOUT, HOLDOUT2, HOLDOUT3):
        found_samples, found_score = evaluate(corpus)
        print(f"== {corpus.name}")
        print(table(found_samples, found_score))
        for sentence, label in found_score.misses:
            print(f"MISS  {label:<18} {sentence}")
        for sentence, rule_id, detail in found_score.false_alarms:
            print(f"FALSE {rule_id:<18} {detail:<30} {sentence}")
