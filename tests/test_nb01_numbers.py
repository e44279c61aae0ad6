"""Notebook 01's exercises and Predict answers as saved: every reference solution passes all
of its grader's cases, and the answer prose states the numbers numpy gives."""

from __future__ import annotations

import numpy as np
import pytest

from convlab.quiz.exercises import nb01 as kinds

from .support import read_notebook, text_of

NOTEBOOK = "01_outer_product_diagonals.ipynb"


@pytest.fixture(scope="module")
def nb():
    return read_notebook(NOTEBOOK)


def answers(nb) -> str:
    return "\n".join(c.source for c in nb.cells if "answer" in c.metadata.get("tags", []))


@pytest.mark.parametrize("kind", ["outer_table", "anti_diagonal_sums"])
def test_each_exercise_report_says_every_case_passed(nb, kind):
    cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id")
             == f"nb01-ex-{kind}"]
    assert len(cells) == 1
    cell = cells[0]
    assert "### BEGIN SOLUTION" in cell.source and "### END SOLUTION" in cell.source
    assert "# NBVAL_CHECK_OUTPUT" in cell.source
    assert cell.metadata.nbgrader["solution"] is True
    n = len(kinds.KINDS[kind].cases())
    out = text_of(cell)
    assert out.startswith(f"{kind}:") and f"{n} of {n} cases passed." in out


def test_the_exercises_come_before_np_convolve_is_shown(nb):
    sources = [c.source for c in nb.cells]
    first_convolve = next(i for i, s in enumerate(sources) if "np.convolve(x, y)" in s)
    for kind in ["outer_table", "anti_diagonal_sums"]:
        where = next(i for i, s in enumerate(sources) if f'"{kind}")' in s)
        assert where < first_convolve


def test_answer_prose_matches_numpy(nb):
    text = answers(nb)
    x, y = np.arange(1, 6), np.arange(6, 11)
    z = np.convolve(x, y)
    assert f"= {np.outer(x, y)[4, 0]}$" in text  # the corner, 30
    assert f"There are {len(z)} anti-diagonals" in text
    assert f"$z_5 = {z[5]}$ is larger" in text and f"$z_4 = {z[4]}$" in text
    assert f"add up to ${z.sum()} = {x.sum()} \\cdot {y.sum()}$" in text
    assert "Seven values" in text and len(np.convolve(x, [1, 1, 1])) == 7
    t = np.polynomial.polynomial.polymul([1, 2, 3], [4, 5, 6])
    assert f"= {int(t[3])}$" in text and t[3] == 2 * 6 + 3 * 5
    assert "209\\,934" in text and 321 * 654 == 209934
