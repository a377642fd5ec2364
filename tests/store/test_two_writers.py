"""Two processes editing the same chapter: nothing is ever overwritten silently (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

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
    conflicts, refused = [], 0
    for i in range(rounds):
        text = f"{name} draft {i}"
        result = store.chapters.save_keeping_both(chapter_id, text, expected_version=version)
        version = result.version
        if result.conflict_snapshot_id is not None:
            conflicts.append(result.conflict_snapshot_id)
        try:  # the strict API refuses a stale version outright
            store.chapters.save_text(chapter_id, text + " (strict)", expected_version=version - 1)
        except ConflictError:
            refused += 1
    print(json.dumps({"last": f"{name} draft {rounds - 1}", "conflicts": conflicts, "refused": refused}))
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
    reports = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        reports.append(json.loads(out))
    final = store.chapters.get(chapter.id)
    snapshots = {snap.id: snap for snap in store.snapshots.list(chapter.id)}
    # Every save the loser of a race made is still somewhere: as the chapter or as a conflict snapshot.
    assert final.body in {report["last"] for report in reports}
    for report in reports:
        for snapshot_id in report["conflicts"]:
            assert snapshots[snapshot_id].reason.startswith("conflict:")
    assert all(report["refused"] == rounds for report in reports)
    # The process that saved first at the end had its last text put aside, not overwritten.
    other_last = [r["last"] for r in reports if r["last"] != final.body]
    assert len(other_last) == 1
    assert other_last[0] in {snap.body for snap in snapshots.values()}
    assert sum(len(r["conflicts"]) for r in reports) >= 1
    # Versions only ever grew by one per successful save: no lost update.
    assert final.version == 1 + 2 * rounds
