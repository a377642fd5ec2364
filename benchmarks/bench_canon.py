"""Canon builder and search speed: seed 002, a generated 100k-word article, search over 10,000 entities."""

from __future__ import annotations

import random
import string
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.harness import Result, median, percentile, time_once
from ficdesk.canon import CanonIndex, Entity, EntityType, Fact, build_canon

SEED_002 = Path(__file__).resolve().parents[1] / "seeds" / "002_82af6f4747969ed5.txt"

_GIVEN = ["Ianto", "Rhiannon", "Martha", "Owain", "Carys", "Dafydd", "Sioned", "Emrys", "Morwenna", "Tegan"]
_FAMILY = ["Pryce", "Vaughan", "Llewellyn", "Thackeray", "Ashdown", "Coriander", "Penhallow", "Quarrie"]
_PLACES = ["Aberdaron", "Kestrel Bay", "Porthcawl", "the Vale of Ystrad", "New Caldera", "Harrowgate"]
_TITLES = ["The Silent Tide", "A Day in the Fog", "Glass Houses", "Lost Signals", "Under the Lantern"]
_VERBS = ["meets", "argues with", "rescues", "betrays", "visits", "remembers", "writes to", "follows"]
_FILLER = [
    "the", "storm", "had", "passed", "and", "nobody", "could", "say", "what", "happened", "next", "although",
    "everyone", "had", "an", "opinion", "about", "the", "old", "lighthouse", "and", "strange", "lights", "water",
]


def generated_article(words: int, seed: int = 2) -> str:
    """A deterministic wiki-style article of about ``words`` words with recurring names and titles."""
    rng = random.Random(seed)
    people = [f"{g} {f}" for g in _GIVEN for f in _FAMILY]
    actors = ["".join(rng.choices(string.ascii_lowercase, k=6)).title() + " "
              + "".join(rng.choices(string.ascii_lowercase, k=7)).title() for _ in range(60)]
    parts: list[str] = []
    count = 0
    while count < words:
        who, other = rng.choice(people), rng.choice(people)
        sentence = rng.choice([
            f"{who} {rng.choice(_VERBS)} {other.split()[0]} in {rng.choice(_PLACES)}.",
            f'In the episode "{rng.choice(_TITLES)}", {who.split()[0]} {rng.choice(_VERBS)} {other}.',
            f"{who} is played by {rng.choice(actors)}, who said the role was a gift.",
            f"{who.split()[1]} " + " ".join(rng.choices(_FILLER, k=12)) + ".",
            " ".join(rng.choices(_FILLER, k=14)).capitalize() + ".",
        ])
        parts.append(sentence)
        count += len(sentence.split())
        if rng.random() < 0.15:
            parts.append("\n\n")
    return " ".join(parts)


def generated_entities(count: int, seed: int = 3) -> list[Entity]:
    rng = random.Random(seed)
    entities: list[Entity] = []
    for _ in range(count):
        first = "".join(rng.choices(string.ascii_lowercase, k=rng.randint(4, 8))).title()
        last = "".join(rng.choices(string.ascii_lowercase, k=rng.randint(5, 10))).title()
        facts = [Fact(f"{first} {last} " + " ".join(rng.choices(_FILLER, k=10)) + ".", 0, 60)]
        entities.append(Entity(f"{first} {last}", rng.choice(list(EntityType)), [first], facts, rng.random() * 50))
    return entities


def _cold_seed_build_seconds() -> float:
    """Seed 002 in a fresh interpreter: includes loading the English lexicon on first use."""
    code = (
        "import time; t = time.perf_counter(); from ficdesk.canon import build_canon; "
        f"build_canon(open({str(SEED_002)!r}, encoding='utf-8').read()); print(time.perf_counter() - t)"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return float(output.strip())


def run(quick: bool) -> list[Result]:
    seed_text = SEED_002.read_text(encoding="utf-8")
    build_canon(seed_text)  # warm the lexicon
    warm = median([time_once(lambda: build_canon(seed_text)) for _ in range(3 if quick else 10)])
    cold = _cold_seed_build_seconds()
    article = generated_article(100_000)  # target sizes in quick runs too (fewer repeats there)
    big = time_once(lambda: build_canon(article))
    entities = generated_entities(10_000)
    started = time.perf_counter()
    index = CanonIndex(entities)
    index_build = time.perf_counter() - started
    rng = random.Random(5)
    queries: list[str] = []
    for _ in range(200 if quick else 1000):
        name = rng.choice(entities).name
        kind = rng.random()
        if kind < 0.3:
            queries.append(name)
        elif kind < 0.6:
            queries.append(name[: rng.randint(1, 5)])
        elif kind < 0.9:
            word = name.split()[1]
            i = rng.randrange(len(word) - 1)
            queries.append(word[:i] + word[i + 1] + word[i] + word[i + 2:])  # a transposition typo
        else:
            queries.append(rng.choice(_FILLER))
    samples = []
    for query in queries:
        started = time.perf_counter()
        index.search(query)
        samples.append(time.perf_counter() - started)
    p95 = percentile(samples, 95) * 1000
    words = len(article.split())
    return [
        Result("canon build, seed 002 (warm)", "ms", round(warm * 1000, 1), "< 200 ms", warm < 0.2),
        Result("canon build, seed 002 (fresh process: imports and lexicon load included)", "ms",
               round(cold * 1000, 1), note="one-off per process; lemminflect's import and lemma table dominate"),
        Result(f"canon build, generated article ({words} words)", "s", round(big, 2), "< 5 s (100k words)",
               big < 5.0 * words / 100_000),
        Result(f"canon index build ({len(entities)} entities)", "ms", round(index_build * 1000, 1)),
        Result(f"canon search p95 ({len(entities)} entities, {len(queries)} queries)", "ms", round(p95, 3),
               "< 5 ms", p95 < 5.0, note=f"median {median(samples) * 1000:.3f} ms"),
    ]


if __name__ == "__main__":
    for result in run(quick="--quick" in sys.argv):
        print(result)
