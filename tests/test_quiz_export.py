"""Scores out: `python -m convlab.quiz.export` turns learners' progress files into a table."""

import csv
import json
import os
import subprocess
import sys

import pytest

from convlab.quiz.export import main
from convlab.quiz.progress import ProgressStore

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _rec(response, attempts, correct):
    return {"response": response, "attempts": attempts, "correct": correct}


@pytest.fixture
def klass(tmp_path):
    """A class's home folders, as an instructor collects them on a JupyterHub."""
    home = tmp_path / "home"
    ada = ProgressStore(home / "ada" / ".convlab" / "progress.json")
    ada.save("01", {"01-length": _rec("9", 1, True), "01-z2": _rec("27", 2, False)})
    ada.save("02", {"02-x": _rec("3", 3, True)})
    bob = ProgressStore(home / "bob" / ".convlab" / "progress.json")
    bob.save("01", {"01-length": _rec("10", 1, False)})
    bad = home / "cy" / ".convlab" / "progress.json"
    bad.parent.mkdir(parents=True)
    bad.write_text("{not json")
    newer = home / "dee" / ".convlab" / "progress.json"
    newer.parent.mkdir(parents=True)
    newer.write_text('{"version": 5, "notebooks": {}}')
    (home / "eve").mkdir()  # never opened a quiz
    return home


def test_csv_has_one_row_per_learner_and_columns_per_question(klass, tmp_path, capsys):
    out = tmp_path / "scores.csv"
    assert main([str(klass), "--csv", str(out)]) == 0
    with open(out, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    by = {r["learner"]: r for r in rows}
    assert sorted(by) == ["ada/.convlab/progress.json", "bob/.convlab/progress.json"]
    ada, bob = by["ada/.convlab/progress.json"], by["bob/.convlab/progress.json"]
    assert (ada["01-length correct"], ada["01-length attempts"]) == ("1", "1")
    assert (ada["01-z2 correct"], ada["01-z2 attempts"]) == ("0", "2")
    assert (ada["02-x correct"], ada["02-x attempts"]) == ("1", "3")
    assert (bob["01-length correct"], bob["01-length attempts"]) == ("0", "1")
    assert (bob["02-x correct"], bob["02-x attempts"]) == ("0", "0")
    # totals per notebook, counted by hand from the records above
    assert (ada["01 correct"], ada["01 attempts"], ada["02 correct"]) == ("1", "3", "1")
    assert ada["total correct"] == "2" and bob["total correct"] == "0"
    # every question of notebook 01 has its columns, answered or not
    assert "01-full correct" in rows[0]
    err = capsys.readouterr().err
    assert "cy/.convlab/progress.json is not valid JSON" in err
    assert "newer convlab (format version 5" in err


def test_without_csv_a_readable_table_goes_to_stdout(klass, capsys):
    assert main([str(klass)]) == 0
    out = capsys.readouterr().out
    assert "Notebook 01" in out and "Notebook 02" in out
    line = next(x for x in out.splitlines() if x.startswith("ada/") and "ok/1" in x)
    assert line.split()[-1] == "1/4"  # one of notebook 01's four questions correct


def test_a_folder_with_no_progress_file_says_so(tmp_path, capsys):
    (tmp_path / "empty" / "sub").mkdir(parents=True)
    assert main([str(tmp_path / "empty")]) == 1
    err = capsys.readouterr().err
    assert "no progress.json found" in err and "nothing exported" in err


def test_missing_corrupt_and_newer_files_given_directly(tmp_path, capsys):
    corrupt = tmp_path / "a.json"
    corrupt.write_bytes(b"\x00\xff")
    newer = tmp_path / "b.json"
    newer.write_text(json.dumps({"version": 2, "notebooks": {}}))
    good = tmp_path / "c.json"
    ProgressStore(good).save("01", {"01-length": _rec("9", 1, True)})
    code = main([str(tmp_path / "missing.json"), str(corrupt), str(newer), str(good)])
    assert code == 0
    captured = capsys.readouterr()
    assert "missing.json does not exist" in captured.err
    assert "a.json is not valid JSON" in captured.err
    assert "b.json was written by a newer convlab" in captured.err
    assert str(good) in captured.out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_named_progress_json_is_skipped_not_waited_on(tmp_path, capsys):
    (tmp_path / "x").mkdir()
    os.mkfifo(tmp_path / "x" / "progress.json")
    assert main([str(tmp_path)]) == 1
    assert "not a regular file" in capsys.readouterr().err


def test_usage_error_is_argparse_exit_2(capsys):
    with pytest.raises(SystemExit) as info:
        main([])
    assert info.value.code == 2


def test_runs_as_a_module(klass, tmp_path):
    out = tmp_path / "s.csv"
    env = {**os.environ, "PYTHONPATH": ROOT}
    done = subprocess.run(
        [sys.executable, "-m", "convlab.quiz.export", str(klass), "--csv", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "2 learner(s)" in done.stderr and "not valid JSON" in done.stderr
    assert out.read_text().startswith("learner,")
