"""Two processes editing the same records: nothing is ever overwritten silently (SQLite and PostgreSQL).

The writers are separate processes with their own connections, so every refusal below comes from the
database's compare-and-set (``UPDATE … WHERE version = :expected`` and its row count), not from a
check inside one Python process.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from typing import Any

from ficdesk.store import Store

WRITER = textwrap.dedent("""
    import json, sys
    from ficdesk.errors import ConflictError
    from ficdesk.store import open_store

    url, chapter_id, name, rounds = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    store = open_store(url)
    version = store.chapters.get(chapter_id).version
    print("ready", flush=True)
    sys.stdin.readline()  # both windows opened the chapter at the same version; now both type
    acks = []  # every save the store acknowledged
    for i in range(rounds):
        text = f"{name} draft {i}"
        result = store.chapters.save_keeping_both(chapter_id, text, expected_version=version)
        acks.append({"writer": name, "text": text, "expected": version, "version": result.version,
                     "snapshot": result.conflict_snapshot_id})
        version = result.version
        strict = f"{name} strict {i}"
        try:  # the strict API: written only if nobody saved since our own last save
            saved = store.chapters.save_text(chapter_id, strict, expected_version=version)
        except ConflictError:
            continue  # keep our version: the next save keeps the other text as a snapshot
        acks.append({"writer": name, "text": strict, "expected": version, "version": saved.version,
                     "snapshot": None})
        version = saved.version
    print(json.dumps(acks))
""")


def test_two_processes_never_overwrite_each_other_silently(store: Store, db_url: str) -> None:
    project = store.projects.create("Co-written")
    story = store.stories.create(project.id, "Shared")
    chapter = store.chapters.create(story.id, "One", "start")
    rounds = 40
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, db_url, str(chapter.id), name, str(rounds)],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for name in ("laptop", "desktop")
    ]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    for proc in procs:  # release both at once so their saves interleave
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    acks: list[dict[str, Any]] = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        acks.extend(json.loads(out))
    final = store.chapters.get(chapter.id)
    snapshots = {snap.id: snap for snap in store.snapshots.list(chapter.id)}
    # No lost update: each acknowledged save made exactly one new version, and none was skipped.
    by_version = {ack["version"]: ack for ack in acks}
    assert len(by_version) == len(acks)
    assert sorted(by_version) == list(range(2, final.version + 1))
    assert final.body == by_version[final.version]["text"]
    # Every acknowledged save survives: it is the chapter now, or its own writer replaced it with a
    # later save of theirs, or the save that replaced it kept it as a conflict snapshot first.
    overwritten_by_other = 0
    for version, ack in by_version.items():
        if version == final.version:
            continue
        successor = by_version[version + 1]
        if successor["expected"] == version:
            assert successor["writer"] == ack["writer"]
            continue
        overwritten_by_other += 1
        kept = snapshots[successor["snapshot"]]
        assert (kept.body, kept.chapter_version) == (ack["text"], version)
        assert kept.reason.startswith("conflict:")
    assert overwritten_by_other >= 1  # the writers really did race
    assert any(ack["text"].split()[1] == "strict" for ack in acks)


RACER = textwrap.dedent("""
    import json, sys
    from ficdesk.errors import ConflictError, StaleUpdateError
    from ficdesk.store import open_store

    url, story_id, chapter_id, name = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    store = open_store(url)
    print("ready", flush=True)
    outcomes = []
    for line in sys.stdin:  # one round per line: read the versions, wait, then write
        if line.strip() == "stop":
            break
        story, chapter = store.stories.get(story_id), store.chapters.get(chapter_id)
        print("read", flush=True)
        sys.stdin.readline()  # both racers read the same versions before either writes
        mine = f"{name} {len(outcomes)}"
        outcome = {}
        try:
            store.stories.update(story_id, expected_version=story.version, summary=mine)
            outcome["story"] = "saved"
        except StaleUpdateError as error:
            outcome["story"] = error.current["summary"]
        try:
            store.chapters.set_notes(chapter_id, start_note=mine, expected_version=chapter.notes_version)
            outcome["notes"] = "saved"
        except StaleUpdateError as error:
            outcome["notes"] = error.current["start_note"]
        try:
            store.chapters.save_text(chapter_id, mine, expected_version=chapter.version)
            outcome["text"] = "saved"
        except ConflictError as error:
            outcome["text"] = error.current_text
        outcomes.append(outcome)
        print(json.dumps(outcome), flush=True)
""")


def test_racing_updates_of_story_notes_and_text_let_exactly_one_win(store: Store, db_url: str) -> None:
    story = store.stories.create(store.projects.create("Co-written").id, "Shared", summary="start")
    chapter = store.chapters.create(story.id, "One", "start")
    names = ("laptop", "desktop")
    procs = [
        subprocess.Popen([sys.executable, "-c", RACER, db_url, str(story.id), str(chapter.id), name],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for name in names
    ]

    def tell_all(word: str) -> list[str]:
        for proc in procs:
            assert proc.stdin is not None
            proc.stdin.write(word + "\n")
            proc.stdin.flush()
        if word == "stop":
            return []
        answers = []
        for proc in procs:
            assert proc.stdout is not None
            answers.append(proc.stdout.readline().strip())
        return answers

    try:
        for proc in procs:
            assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        rounds = 12
        for index in range(rounds):
            assert tell_all("round") == ["read", "read"]
            outcomes = [json.loads(answer) for answer in tell_all("write")]
            for field in ("story", "notes", "text"):
                results = [outcome[field] for outcome in outcomes]
                # Exactly one racer wins; the other is refused and shown the winner's value.
                assert results.count("saved") == 1, (index, field, results)
                winner = names[results.index("saved")]
                assert [r for r in results if r != "saved"] == [f"{winner} {index}"]
            stored = store.stories.get(story.id)
            stored_chapter = store.chapters.get(chapter.id)
            assert stored.version == 2 + index and stored_chapter.notes_version == 2 + index
            assert stored_chapter.version == 2 + index
        tell_all("stop")
        for proc in procs:
            _, err = proc.communicate(timeout=60)
            assert proc.returncode == 0, err
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
