"""Progress is never lost: merged per question under a lock, and the file is respected.

Each test here failed before saves merged per question (two quizzes on one file, two
processes at once), or before the store checked what is at the path (FIFO, symlink,
read-only file or folder, a file from a newer version).
"""

import json
import multiprocessing
import os
import stat
import threading

import pytest

from convlab.quiz import ProgressStore, ProgressWarning, for_notebook

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # fork in a threaded process


@pytest.fixture
def path(tmp_path, monkeypatch):
    p = tmp_path / "progress.json"
    monkeypatch.setenv("CONVLAB_PROGRESS", str(p))
    return p


def _questions(path, notebook):
    return json.loads(path.read_text())["notebooks"][notebook]["questions"]


def test_two_quizzes_on_one_notebook_keep_each_others_answers(path):
    # a re-run cell whose old widget is still on screen, or the notebook open in two tabs
    a = for_notebook("01")
    b = for_notebook("01")
    assert a.submit("01-length", "9").correct
    assert b.submit("01-z2", "28").correct  # B still holds its empty copy of 01-length
    cells = a.submit("01-cells", 1).correct  # and A its empty copy of 01-z2
    again = for_notebook("01")
    assert again.records["01-length"]["response"] == "9"
    assert again.records["01-z2"]["response"] == "28"
    assert again.records["01-cells"]["attempts"] == 1
    assert again.score[0] == 2 + cells


def test_an_older_copy_never_replaces_a_newer_record(tmp_path):
    p = tmp_path / "progress.json"
    a, b = ProgressStore(p), ProgressStore(p)
    a.load("01"), b.load("01")
    a.save("01", {"q": {"response": "1", "attempts": 1}})
    b.save("01", {"q": {"response": "2", "attempts": 1}})  # B changed it too: the later save wins
    a.save("01", {"q": {"response": "1", "attempts": 1}, "r": {"response": "x", "attempts": 1}})
    got = ProgressStore(p).load("01")
    assert got["q"]["response"] == "2"  # A's unchanged (older) copy did not come back
    assert got["r"]["response"] == "x"


def test_reset_is_still_saved(path):
    quiz = for_notebook("01")
    quiz.submit("01-length", "9")
    quiz.reset()
    assert for_notebook("01").records["01-length"]["response"] is None


def _answer_many(path, notebook, n, barrier):
    store = ProgressStore(path)
    records = {}
    store.load(notebook)
    barrier.wait()  # both processes start saving together
    for i in range(n):
        records[f"{notebook}-q{i}"] = {"response": str(i), "attempts": 1, "correct": True}
        store.save(notebook, records)  # like the Quiz: every record, every time


def test_two_processes_answering_at_once_lose_nothing(tmp_path):
    p = tmp_path / "progress.json"
    ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    barrier = ctx.Barrier(2)
    procs = [ctx.Process(target=_answer_many, args=(p, nb, 200, barrier)) for nb in ("02", "03")]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join()
    assert [proc.exitcode for proc in procs] == [0, 0]
    for nb in ("02", "03"):
        assert len(_questions(p, nb)) == 200, nb


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_at_the_path_does_not_hang_the_quiz(path):
    os.mkfifo(path)
    done = threading.Event()
    box = {}

    def run():
        with pytest.warns(ProgressWarning, match="not a regular file"):
            quiz = for_notebook("01")
            box["correct"] = quiz.submit(0, "9").correct
        done.set()

    t = threading.Thread(target=run, daemon=True)
    t.start()
    finished = done.wait(30)
    if not finished:  # unblock the reader stuck on the FIFO, then fail
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
    t.join(30)
    assert finished, "the quiz hung on a FIFO"
    assert box["correct"]
    assert stat.S_ISFIFO(os.stat(path).st_mode)  # left as it was


def test_a_symlinked_progress_file_is_followed(tmp_path, monkeypatch):
    real = tmp_path / "synced" / "progress.json"
    real.parent.mkdir()
    real.write_text('{"version": 1, "notebooks": {}}')
    link = tmp_path / "progress.json"
    link.symlink_to(real)
    monkeypatch.setenv("CONVLAB_PROGRESS", str(link))
    for_notebook("01").submit("01-length", "9")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert _questions(real, "01")["01-length"]["response"] == "9"
    assert for_notebook("01").records["01-length"]["response"] == "9"


def test_a_read_only_file_is_respected(path):
    ProgressStore(path).save("01", {"01-length": {"response": "9", "attempts": 1, "correct": True}})
    before = path.read_bytes()
    path.chmod(0o444)
    try:
        quiz = for_notebook("01")
        assert quiz.records["01-length"]["response"] == "9"  # still read
        with pytest.warns(ProgressWarning, match="read-only"):
            assert quiz.submit("01-z2", "28").correct
        assert quiz.score[0] == 2  # counts in memory
        assert any("read-only" in n for n in quiz.store.notices)
        assert path.read_bytes() == before
        assert stat.S_IMODE(path.stat().st_mode) == 0o444
    finally:
        path.chmod(0o644)


def test_a_read_only_folder_is_respected(tmp_path, monkeypatch):
    folder = tmp_path / "course"
    folder.mkdir()
    folder.chmod(0o555)
    monkeypatch.setenv("CONVLAB_PROGRESS", str(folder / "progress.json"))
    try:
        quiz = for_notebook("01")
        with pytest.warns(ProgressWarning, match="read-only"):
            assert quiz.submit(0, "9").correct
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_a_file_from_a_newer_version_is_left_alone(path):
    text = '{"version": 7, "notebooks": {"01": {"questions": {}}}, "more": 1}'
    path.write_text(text)
    with pytest.warns(ProgressWarning, match="newer convlab"):
        quiz = for_notebook("01")
    assert quiz.submit(0, "9").correct
    assert path.read_text() == text
    assert not list(path.parent.glob("*.corrupt-*"))
