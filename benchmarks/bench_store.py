"""Store benchmarks: opening a 500,000-word story and autosaving one chapter of it."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.corpus import chapters
from benchmarks.harness import Result, percentile
from ficdesk.store import Store, open_store


def build_project(store: Store, words: int, count: int) -> tuple[int, list[int]]:
    project = store.projects.create("Benchmark")
    story = store.stories.create(project.id, "A very long story")
    ids = [store.chapters.create(story.id, f"Chapter {i + 1}", text).id
           for i, text in enumerate(chapters(words, count))]
    return story.id, ids


def add_many_chapters(count: int, words: int) -> float:
    """Seconds to add ``count`` chapters (``words`` words in all) one by one to one story."""
    texts = chapters(words, count)
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(f"sqlite:///{Path(folder) / 'many.sqlite3'}")
        story = store.stories.create(store.projects.create("Benchmark").id, "A story in many chapters")
        started = time.perf_counter()
        for index, text in enumerate(texts):
            store.chapters.create(story.id, f"Chapter {index + 1}", text)
        seconds = time.perf_counter() - started
        assert store.chapters.count(story.id) == count
        store.close()
    return seconds


def run(quick: bool) -> list[Result]:
    words = 500_000
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        store = open_store(url)
        story_id, chapter_ids = build_project(store, words, 50)
        store.close()

        started = time.perf_counter()
        store = open_store(url)
        listed = store.chapters.list(story_id)
        first = store.chapters.get(listed[0].id)
        open_seconds = time.perf_counter() - started
        assert first.body

        samples = []
        chapter = store.chapters.get(chapter_ids[len(chapter_ids) // 2])
        text, version = chapter.body, chapter.version
        for i in range(30 if quick else 200):
            text = f"{text} Word{i}."
            t0 = time.perf_counter()
            version = store.chapters.save_text(chapter.id, text, expected_version=version).version
            samples.append((time.perf_counter() - t0) * 1000)
        store.close()
    p95 = percentile(samples, 95)
    count = 200 if quick else 1000
    adding = add_many_chapters(count, count * 1000)
    return [
        Result(f"add {count:,} chapters of 1,000 words to one story, one by one", "s", adding,
               "≤ 2 s (1,000 chapters)", adding <= 2.0 if count == 1000 else None),
        Result("open a 500,000-word story (store: list chapters + load first)", "s", open_seconds,
               "≤ 1 s (with the window: see bench_ui)", open_seconds <= 1.0),
        Result("autosave one edited chapter in a 500,000-word project, p95", "ms", p95, "≤ 50 ms", p95 <= 50),
    ]
