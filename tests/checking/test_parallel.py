"""Sharing a long check with helper processes: the same findings as checking alone, whatever the helpers do."""

from __future__ import annotations

import io
import queue
import subprocess
import sys
import time

import pytest

from ficdesk import cli
from ficdesk.checking import parallel
from ficdesk.checking.engine import Checker, TextStyle
from ficdesk.checking.env import CheckerConfig
from ficdesk.checking.model import Match
from ficdesk.checking.project import ProjectChecker, ProjectSettings

SENTENCES = (
    "Kira and Odo was late for the briefing, and she couldnt find her datapad.",
    '"We have to go now." Julian said, looking at the the door.',
    "The station was quiet; its lights dimmed as the shift changed.",
    "Your going to regret this, Quark muttered, polishing a glass.",
    "Jadzia laughed and put her drink down on the bar.",
    "He had ran all the way from the docking ring to the infirmary.",
)


def _paragraphs(count: int) -> list[str]:
    """Distinct paragraphs made of the sentences above (each numbered, so none repeats)."""
    return [f"{SENTENCES[n % len(SENTENCES)]} {SENTENCES[(n * 5 + 1) % len(SENTENCES)]} Day {n}."
            for n in range(count)]


def _alone(checker: Checker, texts: list[str], style: TextStyle) -> dict[str, list[Match]]:
    return {text: checker.check_paragraph(text, style) for text in texts}


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(CheckerConfig(canon_names=("Kira Nerys", "Julian Bashir", "Jadzia Dax")))


def test_chunks_keep_order_and_size() -> None:
    texts = ["a" * 5, "b" * 5, "c" * 20, "d" * 3, "e" * 4]
    found = parallel.chunks(texts, size=10)
    assert found == [["a" * 5, "b" * 5], ["c" * 20], ["d" * 3, "e" * 4]]
    assert [text for chunk in found for text in chunk] == texts
    assert parallel.chunks([], size=10) == []


def test_helpers_only_for_long_texts_and_spare_cores() -> None:
    assert parallel.helper_count(parallel.CHARS_PER_HELPER - 1, cores=8) == 0
    assert parallel.helper_count(parallel.CHARS_PER_HELPER * 2, cores=1) == 0
    assert parallel.helper_count(parallel.CHARS_PER_HELPER * 2, cores=2) == 1
    assert parallel.helper_count(parallel.CHARS_PER_HELPER * 2, cores=8) == 2
    assert parallel.helper_count(parallel.CHARS_PER_HELPER * 50, cores=64) == parallel.MAX_HELPERS


def test_a_helper_process_checks_like_this_process(checker: Checker) -> None:
    texts = _paragraphs(12)
    style = TextStyle(apostrophe="’", language="en-US", tense="past")
    replies: queue.Queue[tuple[object, int, list[list[Match]] | None]] = queue.Queue()
    helper = parallel._Helper(checker.config)
    helper.attach(replies)  # type: ignore[arg-type]
    try:
        assert helper.send(7, texts, style)
        _, index, found = replies.get(timeout=60)
    finally:
        helper.stop()
    assert index == 7
    assert found is not None
    assert dict(zip(texts, found, strict=True)) == _alone(checker, texts, style)
    assert any(found), "the sentences have errors the helper must find"
    assert helper.process.returncode is not None


def _slowly() -> bool:
    """Go on, after a pause that leaves the helpers time to start and answer (the caller would not wait)."""
    time.sleep(0.02)
    return True


def test_shared_check_finds_what_checking_alone_finds(checker: Checker) -> None:
    texts = _paragraphs(900)
    style = TextStyle()
    split = parallel._Split(checker, parallel.chunks(texts, size=2_000), style, _slowly)
    results = list(split.run(helpers=1))
    assert len(results) == len(texts)
    assert split.from_helpers > 0
    assert dict(results) == _alone(checker, texts, style)
    assert all(helper.process.returncode is not None for helper in split.helpers)


def test_a_helper_that_dies_loses_nothing(checker: Checker) -> None:
    texts = _paragraphs(600)
    style = TextStyle()
    split = parallel._Split(checker, parallel.chunks(texts, size=1_000), style, _slowly)
    results = []
    for number, result in enumerate(split.run(helpers=1)):
        results.append(result)
        if split.from_helpers and split.helpers[0].alive:
            split.helpers[0].process.kill()  # mid-check, once it has answered, with chunks in flight
        assert number < 2 * len(texts)
    assert not split.helpers[0].alive
    assert sorted(text for text, _ in results) == sorted(texts)
    assert dict(results) == _alone(checker, texts, style)


def test_no_helper_can_start_means_checking_alone(checker: Checker, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "helper_command", lambda: ["/nonexistent/ficdesk-helper"])
    texts = _paragraphs(200)
    results = dict(parallel.check_split(checker, texts, TextStyle(), helpers=2))
    assert results == _alone(checker, texts, TextStyle())


def test_stopping_early_stops_the_helpers(checker: Checker) -> None:
    texts = _paragraphs(900)
    calls = 0

    def keep_going() -> bool:
        nonlocal calls
        calls += 1
        return calls < 4

    split = parallel._Split(checker, parallel.chunks(texts, size=1_000), TextStyle(), keep_going)
    results = list(split.run(helpers=1))
    assert 0 < len(results) < len(texts)
    assert split.helpers and all(helper.process.returncode is not None for helper in split.helpers)


def test_closing_the_iterator_stops_the_helpers(checker: Checker) -> None:
    split = parallel._Split(checker, parallel.chunks(_paragraphs(600), size=1_000), TextStyle(), lambda: True)
    iterator = split.run(helpers=1)
    next(iterator)
    iterator.close()
    assert split.helpers and all(helper.process.returncode is not None for helper in split.helpers)


def test_project_checker_shares_the_work_with_the_same_findings() -> None:
    project = ProjectChecker(ProjectSettings(canon_names=("Kira Nerys",)))
    texts = _paragraphs(300) * 2  # repeated paragraphs are checked and reported once
    style = project.style(texts)
    found = list(project.check_paragraphs(texts, style))
    assert len(found) == 300
    assert dict(found) == {text: project.check_paragraph(text, style) for text in texts}


def test_helper_module_exits_quietly_without_input() -> None:
    done = subprocess.run([sys.executable, "-m", "ficdesk.checking.parallel"], input=b"", capture_output=True,
                          timeout=60, check=False)
    assert done.returncode == 0
    assert done.stdout == b""


def test_the_cli_knows_the_helper_argument() -> None:
    assert cli.HELPER_ARGUMENT == parallel.HELPER_ARGUMENT


def test_helpers_started_early_serve_the_next_check(checker: Checker, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _paragraphs(900)
    monkeypatch.setattr(parallel, "helper_count", lambda chars, cores: 1)
    parallel.start_early(checker.config, texts)
    early = list(parallel._early)
    assert len(early) == 1
    split = parallel._Split(checker, parallel.chunks(texts, size=2_000), TextStyle(), _slowly)
    results = dict(split.run(helpers=1))
    assert split.helpers == early and split.from_helpers > 0
    assert parallel._early == []
    assert results == _alone(checker, texts, TextStyle())
    assert early[0].process.returncode is not None


def test_helpers_started_for_another_configuration_are_stopped(checker: Checker,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "helper_count", lambda chars, cores: 1)
    parallel.start_early(CheckerConfig(language="en-US"), _paragraphs(10))
    early = list(parallel._early)
    texts = _paragraphs(300)
    split = parallel._Split(checker, parallel.chunks(texts, size=2_000), TextStyle(), lambda: True)
    results = dict(split.run(helpers=1))
    assert early and early[0] not in split.helpers
    assert early[0].process.returncode is not None
    assert results == _alone(checker, texts, TextStyle())


def test_starting_early_again_stops_the_unused_helpers(checker: Checker, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "helper_count", lambda chars, cores: 1)
    parallel.start_early(checker.config, _paragraphs(10))
    first = list(parallel._early)
    parallel.start_early(checker.config, _paragraphs(10))
    assert first and first[0].process.returncode is not None
    for helper in parallel._take_early(checker.config):
        helper.stop()
    assert parallel._early == []


def test_a_short_check_stops_helpers_started_early(checker: Checker, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "helper_count", lambda chars, cores: 1)
    parallel.start_early(checker.config, _paragraphs(10))
    early = list(parallel._early)
    texts = _paragraphs(5)
    assert dict(parallel.check_split(checker, texts, TextStyle(), helpers=0)) == _alone(checker, texts, TextStyle())
    assert early and early[0].process.returncode is not None
    assert parallel._early == []


def test_a_frozen_app_serves_as_its_own_helper() -> None:
    """A bundle has no ``python -m``: ``ficdesk --check-helper`` must reach the helper loop (which ends at EOF)."""
    code = ("import sys; sys.frozen = True; sys.argv = ['ficdesk', '--check-helper']; "
            "from ficdesk.cli import main; raise SystemExit(main())")
    done = subprocess.run([sys.executable, "-c", code], input=b"", capture_output=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout == b""
    # and it answers a chunk through that entry point like the module does
    request = io.BytesIO()
    parallel.write_frame(request, checker_config := CheckerConfig())
    texts = _paragraphs(4)
    parallel.write_frame(request, (3, TextStyle(), texts))
    done = subprocess.run([sys.executable, "-c", code], input=request.getvalue(), capture_output=True, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stderr
    index, found = parallel.read_frame(io.BytesIO(done.stdout))
    assert index == 3
    assert found == [Checker(checker_config).check_paragraph(text, TextStyle()) for text in texts]
