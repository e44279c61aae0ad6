"""Notebook 09, the course quiz: the ten seed questions, the recap table that maps them to the
quiz, and the grader's reports it prints, each checked against an independent computation."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
from scipy.signal import correlate2d

from convlab.quiz import GeneratedQuestion, questions_for
from convlab.quiz.banks import nb08

from .support import NOTEBOOK_DIR, checked_output, code_cells, markdown_text, read_notebook

PATH = NOTEBOOK_DIR / "09_quiz.ipynb"

# Seed 000's closing questions, word for word.
SEED_QUESTIONS = [
    "What is the convolution?",
    "Do the vectors we convolve have to be the same length?",
    "Where is convolution used?",
    "Can convolution be performed only on one-dimensional objects?",
    "What element has the greatest impact on how the image will change after convolution?",
    "Why do we use convolutional layers in neural networks?",
    "Why do we use multiple convolutional layers in a single neural network architecture?",
    "Give an example of a neural architecture that includes convolutional layers",
    "Is convolution a time-consuming operation?",
    "How many layers can convolutional neural networks currently have?",
]
# The same questions as the bank words them (the bank's tests check its answers).
BANK_WORDS = [
    "What is convolution?",
    "same length",
    "Where is convolution used?",
    "only on one-dimensional objects",
    "greatest impact",
    "Why do we use convolutional layers in neural networks?",
    "several convolutional layers",
    "Give an example of a neural network architecture",
    "time-consuming",
    "How many layers",
]


@pytest.fixture(scope="module")
def nb():
    return read_notebook(PATH.name)


def _recap_rows(nb) -> dict[int, tuple[str, int, int]]:
    """seed question number -> (its text, first and last quiz question) from the recap table."""
    rows = {}
    table = r"^\| (\d+)\. \*(.+?)\* \| (\d+)(?:–(\d+))? \|"
    for match in re.finditer(table, markdown_text(nb), re.M):
        seed, text, first, last = match.groups()
        rows[int(seed)] = (text, int(first), int(last or first))
    return rows


def test_the_notebook_states_all_ten_seed_questions(nb):
    rows = _recap_rows(nb)
    assert sorted(rows) == list(range(1, 11))
    for n, question in enumerate(SEED_QUESTIONS, start=1):
        # seed 000 asks "What is the convolution?"; the course drops the article
        text = rows[n][0]
        assert text.rstrip("?") in question.replace("the convolution", "convolution"), (n, text)


def test_the_bank_holds_the_ten_seed_questions_in_order():
    bank = questions_for("08")
    seed_qs = [q for q in bank if re.fullmatch(r"08-q\d+", q.qid)]
    assert [q.qid for q in seed_qs] == [f"08-q{n}" for n in range(1, 11)]
    for q, words in zip(seed_qs, BANK_WORDS):
        assert words in q.prompt, q.qid


def test_recap_table_points_at_the_right_quiz_questions(nb):
    """'quiz questions 2–4' for seed question 2 must be 08-q2 and its follow-ups."""
    qids = [q.qid for q in questions_for("08")]
    covered = []
    for n, (_, first, last) in sorted(_recap_rows(nb).items()):
        assert qids[first - 1] == f"08-q{n}", n
        for qid in qids[first - 1:last]:
            assert re.fullmatch(rf"08-q{n}(-.+)?", qid), (n, qid)
        covered.extend(range(first, last + 1))
    extra = re.search(r"^\| more: .*? \| (\d+)–(\d+) \|", markdown_text(nb), re.M)
    assert extra, "the recap row for the extra questions"
    covered.extend(range(int(extra.group(1)), int(extra.group(2)) + 1))
    assert covered == list(range(1, len(qids) + 1)), "every quiz question is in the table once"
    # the section headings name the same ranges
    md = markdown_text(nb)
    assert "questions 1–4" in md and "questions 5–7" in md and "questions 13–14" in md
    assert "questions 8–12)" in md and "questions 15–17)" in md and "questions 18–25" in md


def test_question_counts_printed(nb):
    out = checked_output(nb, 'questions_for("08")')
    bank = questions_for("08")
    follow = [q for q in bank if re.fullmatch(r"08-q\d+-.+", q.qid)]
    assert f"questions in the quiz: {len(bank)}" in out and len(bank) == 25
    assert "of them the ten core questions: 10" in out
    assert f"follow-ups and extras: {len(bank) - 10}" in out
    assert len(follow) == 7 and sum(isinstance(q, GeneratedQuestion) for q in bank) == 2
    md = markdown_text(nb)
    assert "seven follow-ups" in md and "eight more" in md


def test_the_quiz_cell_and_no_answers_in_the_file(nb):
    code = [c.source for c in code_cells(nb)]
    assert 'quiz = for_notebook("08")' in code
    # widget state (prompts, options, feedback) is never saved with the notebook
    assert "widgets" not in nb.metadata
    text = PATH.read_text()
    for q in questions_for("08"):
        for digest in getattr(q, "_hashes", ()):
            assert digest not in text, q.qid


def test_own_conv1d_is_an_exercise_that_reproduces_seed_000(nb):
    """The learner writes my_conv1d (an nbgrader solution cell); the reference solution,
    run here, gives notebook 01's numbers, computed independently by numpy."""
    cell = next(c for c in code_cells(nb) if "def my_conv1d" in c.source)
    assert cell.metadata["nbgrader"]["solution"] is True
    assert "### BEGIN SOLUTION" in cell.source
    namespace = {"np": np, "check_implementation": lambda fn, kind: ""}
    exec(cell.source.replace("print(", "(").replace("# NBVAL_CHECK_OUTPUT", ""), namespace)
    x, y = np.arange(1, 6), np.arange(6, 11)
    assert np.array_equal(namespace["my_conv1d"](x, y), np.convolve(x, y))  # ... 85, 50
    answer = "".join(c.source for c in nb.cells if "The last value is" in c.source)
    assert f"{x[-1]} \\cdot {y[-1]} = {x[-1] * y[-1]}" in answer


def test_correct_implementation_passes_every_case(nb):
    out = checked_output(nb, "def my_conv1d")
    assert "9 of 9 cases passed." in out and "All cases passed" in out
    assert "✗" not in out


def test_missing_flip_counterexample(nb):
    """Sliding without the flip is np.correlate: it agrees with np.convolve only on symmetric
    kernels, and seed 000's own vectors give it away first."""
    from convlab.quiz.grader import _cases_1d_full

    cases = _cases_1d_full()
    agree = [
        np.allclose(np.correlate(x, h, "full"), np.convolve(x, h)) for x, h in
        (c.args for c in cases)
    ]
    out = checked_output(nb, "slide_without_flip")
    assert f"{sum(agree)} of {len(cases)} cases passed" in out and sum(agree) == 4
    assert agree[0] is False and "first counterexample: [1..5] * [6..10]" in out
    x, y = np.arange(1, 6), np.arange(6, 11)
    assert f"expected: {np.convolve(x, y)}" in out
    assert f"got:      {np.correlate(x, y, 'full')}" in out  # [10 29 56 90 130 110 86 59 30]


def test_square_window_trap_of_seed_003(nb):
    out = checked_output(nb, "square_windows")
    from convlab.quiz.grader import _pairs_2d

    pairs = _pairs_2d()
    square = [h.shape[0] == h.shape[1] for _, _, h in pairs]
    assert f"{sum(square)} of {len(pairs)} cases passed" in out and sum(square) == 5
    for (name, _, _kernel), ok in zip(pairs, square):
        assert (name in out) is (not ok), name  # exactly the non-square kernels are listed
    right = correlate2d(np.arange(20).reshape(4, 5), [[1, 0, -1]], "valid").shape
    assert right == (4, 3)
    assert f"expected shape {right}, got shape (4, 5)" in out


def test_notebook_has_no_links_to_missing_files(nb):
    for target in re.findall(r"\]\(([^)]+\.ipynb)\)", markdown_text(nb)):
        assert (PATH.parent / target).exists(), target


def _section_numbers(source: str) -> list[int]:
    """The question numbers of a ``quiz.section(...)`` cell: a range or a list of ints."""
    args = re.fullmatch(r"quiz\.section\((.*)\)", source).group(1)
    if match := re.fullmatch(r"range\((\d+), (\d+)\)", args):
        return list(range(int(match.group(1)), int(match.group(2))))
    return [int(n) for n in re.fullmatch(r"\[([\d, ]+)\]", args).group(1).split(",")]


def test_sections_show_every_question_once_next_to_its_recap(nb):
    cells = nb.cells
    shown = []
    for i, cell in enumerate(cells):
        if cell.cell_type == "code" and cell.source.startswith("quiz.section("):
            numbers = _section_numbers(cell.source)
            shown += numbers
            recap = cells[i - 1].source  # the markdown right above names the same questions
            assert cells[i - 1].cell_type == "markdown"
            assert f"questions {numbers[0]}" in recap, recap[:80]
            (out,) = cell.outputs
            assert "application/vnd.jupyter.widget-view+json" in out.data
            assert re.fullmatch(r"<Quiz '08': questions [\d–, ]+ of 25>", out.data["text/plain"])
            assert "image/png" not in out.data  # not an explorer
            json.dumps(out)
    assert sorted(shown) == list(range(1, 26)), "every question shown exactly once"


def test_sections_show_the_questions_in_order_one_to_n(nb):
    """Issue 13: the notebook showed questions 1–12, 15–17, 13–14.  Each section now shows a
    run of the bank's numbering, the runs follow each other 1..N, and they are the bank's
    own sections (``nb08.sections()``), each under a heading that names its range."""
    cells = nb.cells
    shown, headings = [], []
    for i, cell in enumerate(cells):
        if cell.cell_type == "code" and cell.source.startswith("quiz.section("):
            shown.append(_section_numbers(cell.source))
            headings.append(re.findall(r"^### .*$", cells[i - 1].source, re.M)[-1])
    assert [n for numbers in shown for n in numbers] == list(range(1, 26))
    assert shown == list(nb08.sections().values())
    for numbers, heading, name in zip(shown, headings, nb08.sections()):
        assert heading.startswith(f"### {name}"), (heading, name)
        assert heading.endswith(f"(questions {numbers[0]}–{numbers[-1]})"), heading
