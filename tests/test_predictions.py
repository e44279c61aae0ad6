"""Predictions that count (issue 16 §2): a card that says "Your prediction" and "Lock in",
the first guess kept whatever follows, scored apart from the quiz, saved and exported.

The questions are built here from plain answers (1-D lengths worked out by hand), so no
notebook's bank is needed; the card is driven through its ipywidgets directly.
"""

from __future__ import annotations

import csv
import gc
import io
import json

import pytest

from convlab.quiz import NumericQuestion, Predictions, ProgressStore, Quiz, SingleChoice
from convlab.quiz import bank as bank_module
from convlab.quiz.export import Learner, _text, collect, table
from convlab.quiz.progress import clean_record


def _questions():
    # len([1, 2] * [1, 2, 3]) = 2 + 3 - 1 = 4;  len of 'valid' [1..5] with [1, 1, 1] = 3
    return [
        NumericQuestion.from_answer("99-p-full", "How long is [1, 2] * [1, 2, 3]?", 4),
        NumericQuestion.from_answer("99-p-valid", "How long is the valid part?", 3),
        SingleChoice.from_answer(
            "99-p-flip", "Is the kernel flipped?", ["yes", "no"], "yes"
        ),
    ]


@pytest.fixture
def path(tmp_path):
    return tmp_path / "progress.json"


@pytest.fixture
def predict(path):
    return Predictions("99", _questions(), progress=path)


# -- the record ------------------------------------------------------------------------------


def test_the_first_guess_and_whether_it_was_right_stay_after_another_try(predict, path):
    assert not predict.check("full", "5").correct  # 5 = 2 + 3: one too many
    assert predict.check("full", "4").correct
    rec = predict.quiz.records["99-p-full"]
    assert rec["first"] == "5" and rec["first_correct"] is False
    assert rec["correct"] is True and rec["attempts"] == 2
    saved = json.loads(path.read_text())["notebooks"]["99-predict"]["questions"]["99-p-full"]
    assert saved["first"] == "5" and saved["first_correct"] is False
    # a kernel restart: the first guess comes back, and a new try does not replace it
    again = Predictions("99", _questions(), progress=path)
    assert again.quiz.records["99-p-full"]["first"] == "5"
    again.check("full", "4")
    assert again.quiz.records["99-p-full"]["first_correct"] is False


def test_a_right_first_guess_counts_and_an_unreadable_one_is_not_a_guess(predict):
    assert not predict.check("valid", "three").valid
    assert predict.quiz.records["99-p-valid"].get("first") is None
    assert predict.check("valid", "3").correct
    assert predict.quiz.records["99-p-valid"]["first_correct"] is True
    predict.check("valid", "4")  # a later wrong try changes the answer, not the first guess
    assert predict.quiz.records["99-p-valid"]["first_correct"] is True
    assert predict.score == (1, 3)


def test_clean_record_keeps_the_first_guess_fields_with_the_right_types():
    rec = clean_record({"response": "4", "attempts": 2, "correct": True,
                        "first": "5", "first_correct": False})
    assert rec["first"] == "5" and rec["first_correct"] is False
    assert clean_record({"first": ["yes"], "first_correct": True})["first"] == ["yes"]
    odd = clean_record({"first": 5, "first_correct": "yes"})
    assert "first" not in odd and "first_correct" not in odd
    assert clean_record({"first": "x", "first_correct": "yes"})["first_correct"] is False
    assert "first" not in clean_record({"response": "9"}), "a quiz record keeps its old shape"


def test_two_tabs_saving_the_same_prediction_keep_the_first_guess_on_disk(path):
    tab_a = Predictions("99", _questions(), progress=path)
    tab_b = Predictions("99", _questions(), progress=path)  # opened before A's guess
    tab_a.check("full", "6")
    tab_b.check("full", "4")
    on_disk = ProgressStore(path).load("99-predict")["99-p-full"]
    assert on_disk["first"] == "6" and on_disk["first_correct"] is False
    assert on_disk["correct"] is True  # the later answer still wins, like any other field


def test_a_quiz_records_no_first_guess():
    quiz = Quiz(_questions()[:1], name="99", progress=None)
    quiz.submit(0, "5")
    assert "first" not in quiz.records["99-p-full"]


# -- the score, apart from the quiz ------------------------------------------------------------


def test_summary_says_how_many_were_right_first_time(predict):
    predict.check("full", "5")
    predict.check("full", "4")
    predict.check("valid", "3")
    text = predict.summary()
    assert text.splitlines()[0] == "Predictions: 1 of 3 right first time (1 still to make)."
    assert "P1: first guess wrong; right since" in text and "P3: not locked in yet" in text
    predict.check("flip", "no")
    assert predict.summary().splitlines()[0] == "Predictions: 1 of 3 right first time."


def test_the_notebooks_quiz_summary_shows_the_predictions_apart(predict):
    quiz = Quiz([NumericQuestion.from_answer("99-len", "len([1]*[1])?", 1)], name="99",
                progress=None)
    predict.check("full", "4")
    assert quiz.submit(0, "1").correct
    text = quiz.summary()
    assert text.startswith("Quiz 99: 1 / 1 correct.")  # the guess is not in the quiz score
    assert text.splitlines()[-1] == "Predictions: 1 of 3 right first time (2 still to make)."
    assert quiz.score == (1, 1)


def test_without_a_live_predictions_object_the_summary_reads_the_saved_guesses(
    path, monkeypatch
):
    monkeypatch.setitem(bank_module.PREDICTIONS, "99", _questions)
    first = Predictions("99", _questions(), progress=path)
    first.check("valid", "3")
    first.check("full", "7")
    del first
    gc.collect()
    quiz = Quiz([NumericQuestion.from_answer("99-len", "?", 1)], name="99", progress=path)
    assert quiz.summary().splitlines()[-1] == (
        "Predictions: 1 of 3 right first time (1 still to make)."
    )


def test_a_quiz_of_a_notebook_without_predictions_has_no_such_line():
    quiz = Quiz([NumericQuestion.from_answer("98-len", "?", 1)], name="98-none", progress=None)
    assert "Predictions" not in quiz.summary()


# -- the card ----------------------------------------------------------------------------------


def _buttons(box):
    import ipywidgets as W

    found, todo = [], [box]
    while todo:
        w = todo.pop()
        if isinstance(w, W.Button):
            found.append(w)
        todo.extend(getattr(w, "children", ()))
    return found


def test_the_card_says_your_prediction_and_lock_in_and_answers_at_once(predict):
    card = predict("full")
    box = card.widget
    view = predict.quiz.view.cards[0]
    labels = [b.description for b in _buttons(box)]
    assert labels == ["Lock in"], labels  # no "Show answer": the next cell reveals it
    assert any("Your prediction" in getattr(w, "value", "") for w in view.box.children)
    assert "Prediction 1 of 3" in view.header.value
    # told apart from quiz questions on the page
    assert "convlab-prediction" in view.box._dom_classes and "convlab-question" not in (
        view.box._dom_classes)
    assert "convlab-predictions" in box._dom_classes and "convlab-quiz" not in box._dom_classes
    view.answer.value = "5"  # Enter in the box locks it in
    assert "Not yet" in view.feedback.value
    assert "first guess wrong" in view.header.value
    assert "Your first guess, 5, was not it" in view.feedback.value
    view.answer.value = "4"
    view.check_button.click()
    assert "Correct" in view.feedback.value
    assert predict.quiz.records["99-p-full"]["first"] == "5"
    assert "Predictions: 0 of 3 right first time" in predict.quiz.view.score_html.value


def test_locking_in_refreshes_the_notebooks_quiz_summary(predict):
    quiz = Quiz([NumericQuestion.from_answer("99-len", "?", 1)], name="99", progress=None)
    summary = quiz.view.summary_html
    assert "Predictions: 0 of 3" in summary.value
    predict.check("valid", "3")
    assert "Predictions: 1 of 3 right first time" in summary.value
    assert "<li>" in summary.value and "<p>Predictions" in summary.value


def test_a_card_without_widgets_reads_as_its_question(predict):
    assert repr(predict("valid")) == "Prediction 2 of 3: How long is the valid part?"


def test_an_unknown_name_lists_the_known_ones(predict):
    with pytest.raises(KeyError, match="full, valid, flip"):
        predict("nope")


# -- the export ---------------------------------------------------------------------------------


def _class(tmp_path):
    ada = ProgressStore(tmp_path / "ada" / "progress.json")
    ada.save("99", {"99-len": {"response": "1", "attempts": 1, "correct": True}})
    ada.save("99-predict", {
        "99-p-full": {"response": "4", "attempts": 2, "correct": True,
                      "first": "5", "first_correct": False},
        "99-p-valid": {"response": "3", "attempts": 1, "correct": True,
                       "first": "3", "first_correct": True},
    })
    bob = ProgressStore(tmp_path / "bob" / "progress.json")
    bob.save("99", {"99-len": {"response": "2", "attempts": 1, "correct": False}})
    return collect([str(tmp_path)])


def test_export_gives_predictions_columns_of_their_own(tmp_path):
    header, rows = table(_class(tmp_path))
    by = {row[0]: dict(zip(header, row)) for row in rows}
    ada, bob = by["ada/progress.json"], by["bob/progress.json"]
    # quiz columns: the guesses are not in them
    assert ada["99 correct"] == 1 and ada["total correct"] == 1
    assert not any(h.startswith("99-p-") and h.endswith(("correct", "attempts")) for h in header)
    # prediction columns, after every quiz column
    assert header.index("99-p-full first right") > header.index("total correct")
    assert (ada["99-p-full first right"], ada["99-p-valid first right"]) == (0, 1)
    assert ada["99 predictions right first time"] == 1
    assert ada["total predictions right first time"] == 1
    assert bob["99-p-valid first right"] == 0 and bob["99 predictions right first time"] == 0


def test_export_without_predictions_keeps_its_old_columns(tmp_path):
    rec = {"response": "9", "attempts": 2, "correct": True}
    header, _ = table([Learner("ada", tmp_path, {"99": {"99-a": clean_record(rec)}})])
    assert header == ["learner", "99-a correct", "99-a attempts", "99 correct",
                      "99 attempts", "total correct"]


def test_export_text_and_csv_show_the_predictions_apart(tmp_path, capsys):
    from convlab.quiz.export import main

    text = _text(_class(tmp_path / "c"))
    head, _, below = text.partition("Predictions, notebook 99")
    assert below and "99-p-" not in head
    ada = next(line for line in below.splitlines() if line.startswith("ada"))
    assert ada.split()[1:] == ["wrong", "right", "1/2"]
    assert main([str(tmp_path / "c"), "--csv", "-"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["99-p-full first right"] in ("0", "1")


def test_with_a_progress_file_the_summary_counts_every_card_saved_there(path, monkeypatch):
    """A card left on screen by an earlier run of the import cell still counts."""
    monkeypatch.setitem(bank_module.PREDICTIONS, "99", _questions)
    old = Predictions("99", _questions(), progress=path)
    new = Predictions("99", _questions(), progress=path)  # the import cell run again
    old.check("full", "4")  # right, through the old card
    quiz = Quiz([NumericQuestion.from_answer("99-len", "?", 1)], name="99", progress=path)
    assert "Predictions: 1 of 3 right first time" in quiz.summary().splitlines()[-1]
    assert new.score == (0, 3)  # the new object has not read it; the file has
