"""Notebook 01's grader kinds: a correct function written here passes, typical mistakes fail."""

from __future__ import annotations

import numpy as np
import pytest

from convlab.quiz import check_implementation


def outer_loops(x, y):
    table = np.zeros((len(x), len(y)), dtype=np.result_type(x, y))
    for i in range(len(x)):
        for j in range(len(y)):
            table[i, j] = x[i] * y[j]
    return table


def diagonal_loops(x, y):
    z = np.zeros(len(x) + len(y) - 1, dtype=np.result_type(x, y))
    for i in range(len(x)):
        for j in range(len(y)):
            z[i + j] += x[i] * y[j]
    return z


def stub(x, y):
    raise NotImplementedError()


def test_the_numbers_of_the_notebook_by_hand():
    z = diagonal_loops(np.arange(1, 6), np.arange(6, 11))
    assert z.tolist() == [6, 19, 40, 70, 110, 114, 106, 85, 50]
    assert outer_loops(np.array([1, 2]), np.array([3, 4, 5])).tolist() == [[3, 4, 5], [6, 8, 10]]


@pytest.mark.parametrize(("fn", "kind"), [(outer_loops, "outer_table"),
                                          (diagonal_loops, "anti_diagonal_sums")])
def test_a_correct_implementation_passes_every_case(fn, kind):
    report = check_implementation(fn, kind)
    assert report.ok and 6 <= len(report.results) <= 10, str(report)


def test_a_transposed_table_fails_on_unequal_lengths():
    report = check_implementation(lambda x, y: outer_loops(y, x), "outer_table")
    assert not report.ok
    messages = [r.message for r in report.results if r.status == "failed"]
    assert any("expected shape (3, 4), got shape (4, 3)" in m for m in messages)


def test_diagonals_instead_of_anti_diagonals_fail():
    # i - j instead of i + j: the sums of the diagonals, shifted to start at 0
    def diagonals(x, y):
        z = np.zeros(len(x) + len(y) - 1, dtype=np.result_type(x, y))
        for i in range(len(x)):
            for j in range(len(y)):
                z[i - j + len(y) - 1] += x[i] * y[j]
        return z

    report = check_implementation(diagonals, "anti_diagonal_sums")
    assert not report.ok and report.first_failure.message.startswith("wrong value")


def test_forgetting_the_ends_fails_with_a_shape_message():
    # only the len(x) - len(y) + 1 anti-diagonals where y fits wholly
    def too_short(x, y):
        return diagonal_loops(x, y)[len(y) - 1 : len(x)]

    report = check_implementation(too_short, "anti_diagonal_sums")
    assert not report.ok and "expected shape" in report.first_failure.message


@pytest.mark.parametrize("kind", ["outer_table", "anti_diagonal_sums"])
def test_a_stub_reports_not_written_yet(kind):
    report = check_implementation(stub, kind)
    assert not report.ok
    assert all("not written yet" in r.message for r in report.results)
    assert "Traceback" not in str(report)
