"""The quiz widgets, driven headless: type, press Check, read the feedback."""

import html
import re
import subprocess
import sys

import ipywidgets as W
import numpy as np
import pytest

from convlab.quiz import GeneratedQuestion, Quiz, for_notebook, output_shape, questions_for
from convlab.quiz.feedback import markdown as _markdown


@pytest.fixture(autouse=True)
def path(tmp_path, monkeypatch):
    p = tmp_path / "progress.json"
    monkeypatch.setenv("CONVLAB_PROGRESS", str(p))
    return p


def _fb(view):
    """The feedback text as the learner reads it (HTML entities decoded)."""
    return html.unescape(view.feedback.value)


def _all_widgets(root):
    """Every widget reachable from ``root`` (children, layouts, styles)."""
    seen, stack = {}, [root]
    while stack:
        w = stack.pop()
        if id(w) in seen:
            continue
        seen[id(w)] = w
        for name in w.keys:
            value = getattr(w, name, None)
            items = value if isinstance(value, (list, tuple)) else [value]
            stack.extend(v for v in items if isinstance(v, W.Widget))
    return list(seen.values())


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)
    elif value is not None:
        yield str(value)


def _state_text(root):
    """Every string in the widget state that would be sent to the browser.

    References to other widgets ("IPY_MODEL_<random hex id>") are dropped: they carry no
    content, and a random id may contain an answer's digits (say "1202") by chance.
    """
    return "\n".join(
        s for w in _all_widgets(root) for s in _strings(w.get_state())
        if not re.fullmatch(r"IPY_MODEL_[0-9a-f]+", s)
    )


def test_text_answer_check_button_and_feedback():
    quiz = for_notebook("01")
    view = quiz.widget and quiz.view.cards[0]
    assert isinstance(view.answer, W.Text) and view.answer.continuous_update is False
    view._quiet = True  # type without "pressing Enter", then press Check
    view.answer.value = "10"
    view._quiet = False
    view.check_button.click()
    assert "✗" in _fb(view) and "Not yet" in _fb(view)
    assert "one anti-diagonal too many" in _fb(view)  # targeted message
    assert "Score: 0 / 4 correct" in quiz.view.score_html.value
    view.answer.value = "9"  # Enter (the value syncs) checks by itself
    assert "✓" in _fb(view) and "Correct" in _fb(view)
    assert "Score: 1 / 4 correct" in quiz.view.score_html.value
    assert "✓" in view.header.value and "correct" in view.header.value
    view.check_button.click()  # same answer again: not a new attempt
    assert quiz.records["01-length"]["attempts"] == 2


def test_malformed_input_shows_a_friendly_message_not_a_traceback():
    quiz = for_notebook("01")
    quiz.widget  # noqa: B018
    view = quiz.view.cards[1]
    for bad in ["__import__('os').system('echo hi')", "1e999999", "[1,2", "x" * 100_000, "nan"]:
        view.answer.value = bad
        view.check_button.click()
        assert "Couldn't read that" in _fb(view)
        assert "Traceback" not in _fb(view)
    assert quiz.records["01-z2"]["attempts"] == 0  # unreadable input is not an attempt
    assert "<script" not in view.feedback.value


def test_feedback_escapes_html_in_the_echo():
    quiz = for_notebook("08")
    quiz.widget  # noqa: B018
    i = [q.qid for q in quiz.questions].index("08-q2")
    view = quiz.view.cards[i]
    view.answer.value = "<img src=x onerror=alert(1)>"
    assert "<img" not in view.feedback.value and "&lt;img" in view.feedback.value


def test_radio_and_checkbox_questions():
    quiz = for_notebook("08")
    quiz.widget  # noqa: B018
    qids = [q.qid for q in quiz.questions]
    radio = quiz.view.cards[qids.index("08-q10")]
    assert isinstance(radio.answer, W.RadioButtons) and radio.answer.value is None
    radio.check_button.click()  # nothing picked yet
    assert "Pick an option" in _fb(radio)
    radio.answer.value = radio.answer.options[1]
    radio.check_button.click()
    assert "Not yet" in _fb(radio)
    radio.answer.value = "hundreds, and over a thousand in experiments"
    radio.check_button.click()
    assert "Correct" in _fb(radio)

    boxes = quiz.view.cards[qids.index("08-q1")]
    assert all(isinstance(b, W.Checkbox) for b in boxes.boxes)
    boxes.boxes[0].value = True
    boxes.check_button.click()
    assert "Not yet" in _fb(boxes)
    boxes.boxes[1].value = boxes.boxes[2].value = True
    boxes.check_button.click()
    assert "Correct" in _fb(boxes)
    assert quiz.score == (2, len(quiz.questions))


def test_hint_on_second_miss_and_answer_after_three():
    quiz = for_notebook("01")
    quiz.widget  # noqa: B018
    view = quiz.view.cards[1]
    view.answer.value = "27"
    assert "Hint" not in _fb(view)
    view.answer.value = "26"
    assert "Hint" in _fb(view) and "Answer" not in _fb(view)
    view.answer.value = "25"
    assert "Answer" in _fb(view) and "<b>28</b>" in view.feedback.value


def test_show_answer_button():
    quiz = for_notebook("01")
    quiz.widget  # noqa: B018
    view = quiz.view.cards[3]
    explanation_html = _markdown(quiz.questions[3].reveal())
    assert explanation_html not in _state_text(quiz.widget)
    view.show_button.click()
    assert explanation_html in view.feedback.value
    assert explanation_html in _state_text(quiz.widget)  # the state walk does see it now
    assert quiz.records["01-full"]["revealed"]
    assert "answer shown" in quiz.summary()


def test_no_answer_in_any_widget_state_before_asking():
    for nb in ("01", "08"):
        quiz = for_notebook(nb)
        state = _state_text(quiz.widget)
        for q in quiz.questions:
            assert _markdown(q.reveal()) not in state, q.qid
            assert html.escape(q.reveal()[:40]) not in state, q.qid
        for answer in [
            "4, 13, 28, 27, 18",
            "4 13 28 27 18",
            "[[6, 8], [12, 14]]",
            "6, 8",
            "0.167",
            "3, 7, 4, 4",
            "ResNet-152",
            "1202",
            "Correct",
            "✓",
        ]:
            assert answer not in state, (nb, answer)
        assert "_hashes" not in state
        for q in quiz.questions:  # not even the hashes go to the browser
            for digest in getattr(q, "_hashes", ()):
                assert digest not in state


def test_generated_question_another_one():
    quiz = Quiz([GeneratedQuestion("gen", output_shape, seed=4)], name="gen")
    quiz.widget  # noqa: B018
    view = quiz.view.cards[0]
    inst0 = output_shape(np.random.default_rng([4, 0]))
    assert view.prompt.value == _markdown(inst0.prompt)
    assert inst0.explanation[:30] not in _state_text(quiz.widget)
    view.answer.value = "{} x {}".format(*inst0.answer)
    assert "Correct" in _fb(view)
    view.another_button.click()
    inst1 = output_shape(np.random.default_rng([4, 1]))
    assert view.prompt.value == _markdown(inst1.prompt)
    assert view.feedback.value == "" and view.answer.value == ""
    assert quiz.score == (1, 1)  # the earlier right answer counts until this one is answered
    assert "earlier instance" in view.header.value
    # a restart brings back instance 1, not 0
    again = Quiz([GeneratedQuestion("gen", output_shape, seed=4)], name="gen")
    assert again.questions[0].prompt == inst1.prompt


def test_another_one_keeps_the_score_until_the_new_instance_is_answered():
    """Issue 13: "Another one" must not drop the score before the new instance is answered.

    The rule: an earlier correct answer keeps counting, across a restart too, until the new
    instance gets a readable answer; then that answer decides (wrong: not yet; right: correct).
    """
    def fresh():
        return Quiz([GeneratedQuestion("gen", output_shape, seed=4)], name="gen")

    def shape(number):
        return "{} x {}".format(*output_shape(np.random.default_rng([4, number])).answer)

    quiz = fresh()
    assert quiz.submit(0, shape(0)).correct and quiz.score == (1, 1)
    quiz.another(0)
    assert quiz.score == (1, 1) and quiz.records["gen"]["attempts"] == 0
    assert "✓ Q1: correct on an earlier instance" in quiz.summary()
    assert fresh().score == (1, 1)  # saved so
    assert not quiz.submit(0, "").valid and quiz.score == (1, 1)  # unreadable: not an answer
    assert not quiz.submit(0, "999 x 999").correct and quiz.score == (0, 1)
    assert quiz.submit(0, shape(1)).correct and quiz.score == (1, 1)
    # a question never answered right gains nothing from asking for another one
    other = Quiz([GeneratedQuestion("gen2", output_shape, seed=5)], name="gen2")
    other.another(0)
    assert other.score == (0, 1)


def test_restart_restores_the_widgets():
    quiz = for_notebook("08")
    quiz.submit("08-q2", "nope")
    quiz.submit("08-q1", [0, 1])
    quiz.submit(
        "08-q4", "No: it works in 2-D (images), 3-D (video, medical scans) and more dimensions"
    )
    quiz.submit("08-q5", "stride")
    again = for_notebook("08")
    again.widget  # noqa: B018
    views = {v.question.qid: v for v in again.view.cards}
    assert views["08-q2"].answer.value == "nope" and "Correct" in _fb(views["08-q2"])
    assert [b.value for b in views["08-q1"].boxes][:3] == [True, True, False]
    assert "Not yet" in _fb(views["08-q1"])
    assert views["08-q4"].answer.value.startswith("No:")
    assert "size of the result" in _fb(views["08-q5"])
    assert "Score: 2 / " in again.view.score_html.value


def test_mimebundle_and_repr():
    quiz = for_notebook("01")
    bundle = quiz._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/plain"] == "<Quiz '01': 4 questions, 0 / 4 correct>"


def test_summary_at_the_end():
    quiz = for_notebook("01")
    quiz.widget  # noqa: B018
    for qid, answer in [("01-length", "9"), ("01-z2", "28"), ("01-cells", 1)]:
        quiz.submit(qid, answer)
    quiz.reveal("01-full")
    text = quiz.summary()
    assert "3 / 4 correct" in text and "All done" in text and "1 with the answer shown" in text
    assert "All done" in quiz.view.summary_html.value


def test_reset():
    quiz = for_notebook("01")
    quiz.widget  # noqa: B018
    quiz.view.cards[0].answer.value = "9"
    quiz.reset()
    assert quiz.score == (0, 4) and quiz.view.cards[0].answer.value == ""
    assert for_notebook("01").score == (0, 4)


def test_checking_needs_no_widgets():
    code = (
        "import sys, os; os.environ['CONVLAB_PROGRESS'] = 'off'\n"
        "from convlab.quiz import for_notebook\n"
        "q = for_notebook('01')\n"
        "assert q.questions[0].check('9').correct\n"
        "print('ipywidgets' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_every_bank_question_renders():
    for nb in ("01", "08"):
        quiz = for_notebook(nb)
        box = quiz.widget
        assert len(quiz.view.cards) == len(questions_for(nb))
        assert isinstance(box, W.VBox)


def test_sections_share_the_quiz_questions_score_and_progress(tmp_path):
    quiz = for_notebook("01", progress=tmp_path / "p.json")
    first, rest = quiz.section([1]), quiz.section(range(2, 5))
    assert repr(first) == "<Quiz '01': questions 1–1 of 4>"
    assert repr(rest) == "<Quiz '01': questions 2–4 of 4>"
    assert repr(quiz.section([4, 2])) == "<Quiz '01': questions 4, 2 of 4>"
    card = first.widget.children[1]
    assert card is quiz.view.cards[0].box  # the same widgets, not copies
    view = quiz.view.cards[0]
    view.answer.value = "9"  # Enter in the section's box
    assert quiz.score == (1, 4)
    assert "1 / 4" in first.widget.children[-1].value == rest.widget.children[-1].value
    again = for_notebook("01", progress=tmp_path / "p.json")  # a restart
    assert again.score == (1, 4)
    bundle = rest._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle and "image/png" not in bundle


@pytest.mark.parametrize(
    ("numbers", "error"),
    [([], ValueError), ([0], ValueError), ([5], ValueError), ([1, 1], ValueError),
     ([True], ValueError), ("12", TypeError), (3, TypeError)],
)
def test_section_refuses_bad_numbers(numbers, error):
    quiz = for_notebook("01", progress=None)
    with pytest.raises(error, match="numbers"):
        quiz.section(numbers)
