"""Export speed: a deterministic 500,000-word story to plain text and AO3 HTML (target <= 1 s each).

The story is stored in a temporary SQLite database and exported through ``export_story``, so the
time includes reading it back from the store. Re-importing the plain text is measured as well.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from benchmarks.harness import Result, median, time_once
from ficdesk.formats import ExportOptions, export_story, parse_text
from ficdesk.store import open_store
from ficdesk.text.counting import count_words

WORDS = 500_000
CHAPTERS = 50
TARGET_SECONDS = 1.0
_VOCABULARY = tuple(
    " ".join([
        "Jack Ianto Gwen Owen Toshiko the Hub coffee rift Cardiff rain and a of to in he she they said looked",
        "quietly never always time weevil archive tourist office stopwatch suit tie smiled sighed whispered",
        "under over through before after because although while",
    ]).split()
)


def generate_chapter(rng: random.Random, words: int) -> str:
    """Prose of about ``words`` words: sentences, dialogue, *italics*, **bold** and scene breaks."""
    paragraphs: list[str] = []
    count = 0
    while count < words:
        sentences = []
        for _ in range(rng.randint(2, 6)):
            length = rng.randint(5, 18)
            chosen = [rng.choice(_VOCABULARY) for _ in range(length)]
            if rng.random() < 0.2:
                index = rng.randrange(length)
                chosen[index] = f"*{chosen[index]}*"
            if rng.random() < 0.05:
                chosen[0] = f"**{chosen[0]}**"
            sentence = " ".join(chosen)
            sentence = sentence[0].upper() + sentence[1:] + rng.choice([".", ".", ".", "?", "!"])
            if rng.random() < 0.3:
                sentence = f"“{sentence}” {rng.choice(['Jack', 'Ianto', 'Gwen'])} said."
            sentences.append(sentence)
            count += count_words(sentence)
        paragraphs.append(" ".join(sentences))
        if rng.random() < 0.02:
            paragraphs.append("* * *")
    return "\n\n".join(paragraphs)


def run(quick: bool) -> list[Result]:
    rng = random.Random(500_000)
    repeats = 1 if quick else 5
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        try:
            project = store.projects.create("Bench", with_templates=False)
            story = store.stories.create(project.id, "The Long Way Round", author="bench", fandoms=["Torchwood"],
                                         summary="Half a million words.", disclaimer="Not mine.")
            for number in range(1, CHAPTERS + 1):
                store.chapters.create(story.id, f"Part {number}", generate_chapter(rng, WORDS // CHAPTERS))
            words = store.stories.word_count(story.id)
            results: list[Result] = []
            exported: dict[str, str] = {}
            for fmt, label in (("txt", "plain text"), ("html", "AO3 HTML")):
                def export(fmt: str = fmt) -> None:
                    exported[fmt] = export_story(store, story.id, fmt, ExportOptions())
                samples = [time_once(export) for _ in range(repeats)]
                value = median(samples)
                results.append(Result(
                    name=f"export {words:,}-word story to {label}", unit="s", value=round(value, 3),
                    target=f"<= {TARGET_SECONDS:g} s", passed=value <= TARGET_SECONDS,
                    note=f"median of {repeats}; {len(exported[fmt]) / 1e6:.1f} MB written",
                ))
            text = exported["txt"]
            value = median([time_once(lambda: parse_text(text)) for _ in range(repeats)])
            chapters = len(parse_text(text).chapters)
            results.append(Result(name=f"re-import the {words:,}-word plain text", unit="s", value=round(value, 3),
                                  note=f"median of {repeats}; {chapters} chapters read back; informational"))
            return results
        finally:
            store.close()


if __name__ == "__main__":
    import sys

    for result in run(quick="--quick" in sys.argv):
        print(result)
