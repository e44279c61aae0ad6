"""Quiz progress: saved atomically, restored after a restart, robust to corruption."""

import json
import os

import pytest

from convlab.quiz import ProgressStore, ProgressWarning, Quiz, default_progress_path, for_notebook
from convlab.quiz import progress as progress_mod


@pytest.fixture
def path(tmp_path, monkeypatch):
    p = tmp_path / "progress.json"
    monkeypatch.setenv("CONVLAB_PROGRESS", str(p))
    return p


def test_default_path_rules(tmp_path):
    home = default_progress_path({})
    assert home.parts[-2:] == (".convlab", "progress.json")
    assert default_progress_path({"CONVLAB_PROGRESS": ""}) == home
    assert (
        default_progress_path({"CONVLAB_PROGRESS": str(tmp_path / "me.json")})
        == tmp_path / "me.json"
    )
    assert default_progress_path({"CONVLAB_PROGRESS": str(tmp_path)}) == tmp_path / "progress.json"
    for off in ("off", "OFF", "none", "0"):
        assert default_progress_path({"CONVLAB_PROGRESS": off}) is None


def test_answers_survive_a_restart(path):
    quiz = for_notebook("01")
    quiz.submit("01-length", "10")
    quiz.submit("01-length", "9")
    quiz.submit("01-z2", "27")
    quiz.submit("01-cells", 1)
    quiz.reveal("01-full")
    assert path.exists()
    data = json.loads(path.read_text())
    assert data["version"] == 1
    # "restart": a brand-new quiz object reading the same file
    again = for_notebook("01")
    assert again.records == quiz.records
    assert again.records["01-length"] == {
        "response": "9",
        "attempts": 2,
        "correct": True,
        "revealed": False,
        "instance": 0,
    }
    assert again.records["01-cells"]["response"] == "the cells with i + j = k (an anti-diagonal)"
    assert again.records["01-full"]["revealed"] is True
    assert again.score == (2, 4)
    assert again.feedback("01-z2").correct is False
    assert again.feedback("01-length").correct is True


def test_notebooks_share_one_file_without_erasing_each_other(path):
    for_notebook("01").submit(0, "9")
    for_notebook("08").submit("08-q2", "no")
    data = json.loads(path.read_text())
    assert set(data["notebooks"]) == {"01", "08"}
    assert for_notebook("01").score[0] == 1 and for_notebook("08").score[0] == 1


def test_directory_in_env_var(tmp_path, monkeypatch):
    monkeypatch.setenv("CONVLAB_PROGRESS", str(tmp_path / "course"))
    for_notebook("01").submit(0, "9")
    assert (tmp_path / "course" / "progress.json").exists()


def test_off_saves_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("CONVLAB_PROGRESS", "off")
    monkeypatch.setenv("HOME", str(tmp_path))
    quiz = for_notebook("01")
    quiz.submit(0, "9")
    assert quiz.score == (1, 4)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "garbage",
    [
        b"\x00\xff\xfe garbage \x89PNG",
        b"{not json",
        b"[1, 2, 3]",
        b'{"version": 0, "notebooks": {}}',
        b"\xef\xbb\xbf{}",
    ],
)
def test_corrupt_file_is_set_aside_and_the_quiz_goes_on(path, garbage):
    path.write_bytes(garbage)
    with pytest.warns(ProgressWarning, match="moved"):
        quiz = for_notebook("01")
    assert any("could not be read" in n for n in quiz.store.notices)
    aside = list(path.parent.glob("progress.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == garbage
    assert quiz.submit(0, "9").correct
    assert json.loads(path.read_text())["notebooks"]["01"]["questions"]["01-length"]["correct"]
    # the notice is shown in the widget
    quiz.widget  # noqa: B018 - builds it
    assert "could not be read" in quiz._notice_html.value


def test_bad_records_inside_a_good_file_are_dropped(path):
    path.write_text(
        json.dumps(
            {
                "version": 1,
                "notebooks": {
                    "01": {
                        "questions": {
                            "01-length": {"response": 9, "attempts": "many", "correct": "yes"},
                            "01-z2": "not a record",
                            "01-cells": {"response": ["x"] * 1000},
                        }
                    }
                },
            }
        )
    )
    quiz = for_notebook("01")
    assert quiz.records["01-length"] == {
        "response": None,
        "attempts": 0,
        "correct": False,
        "revealed": False,
        "instance": 0,
    }
    assert quiz.score == (0, 4)


def test_unreadable_file_gives_a_message_and_the_quiz_goes_on(tmp_path, monkeypatch):
    blocked = tmp_path / "progress.json"
    blocked.mkdir()  # a directory where the file should be: reading fails with OSError
    monkeypatch.setenv("CONVLAB_PROGRESS", str(blocked))  # ends in .json: treated as a file
    with pytest.warns(ProgressWarning, match="could not be opened"):
        quiz = for_notebook("01")
    assert quiz.submit(0, "9").correct
    assert blocked.is_dir()  # left alone, not overwritten


def test_write_is_atomic_and_a_failed_write_keeps_the_old_file(path, monkeypatch):
    quiz = for_notebook("01")
    quiz.submit(0, "9")
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(progress_mod.os, "replace", broken_replace)
    with pytest.warns(ProgressWarning, match="No space left"):
        quiz.submit(1, "28")
    assert path.read_bytes() == before
    left = sorted(p.name for p in path.parent.iterdir())
    assert left == [".progress.json.lock", "progress.json"]  # no temp file left
    assert quiz.score == (2, 4)  # the session still counts it


def test_saving_uses_a_temp_file_and_os_replace(path, monkeypatch):
    calls = []
    real = os.replace

    def spy(src, dst):
        calls.append((os.path.dirname(src), os.fspath(dst)))
        real(src, dst)

    monkeypatch.setattr(progress_mod.os, "replace", spy)
    for_notebook("01").submit(0, "9")
    assert calls == [(str(path.parent), str(path))]


def test_store_in_memory_and_repr(tmp_path):
    store = ProgressStore(None)
    store.save("01", {"q": {"correct": True}})
    assert store.load("01") == {}
    assert "None" in repr(store)


def test_quiz_constructor_checks():
    with pytest.raises(ValueError, match="at least one"):
        Quiz([], progress=None)
    q = for_notebook("01", progress=None).questions
    with pytest.raises(ValueError, match="distinct"):
        Quiz([q[0], q[0]], progress=None)
    with pytest.raises(TypeError, match="progress"):
        Quiz(q, progress=3.5)


def test_empty_file_is_a_fresh_start(path):
    path.write_bytes(b"")
    quiz = for_notebook("01")
    assert quiz.store.notices == []
    assert quiz.submit(0, "9").correct
