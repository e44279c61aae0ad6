"""The numbers notebook 05 prints, worked out here independently (numpy, scipy, by hand)."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from scipy.signal import correlate2d

from .support import checked_output, checked_text, code_text, markdown_text, read_notebook


@pytest.fixture(scope="module")
def nb():
    return read_notebook("05_stride_padding_dilation.ipynb")


@pytest.fixture(scope="module")
def checked(nb):
    return checked_text(nb)


def pytorch_size(n, k, s, p, d):
    """PyTorch's Conv2d documentation: floor((n + 2p - d(k - 1) - 1) / s + 1)."""
    return math.floor((n + 2 * p - d * (k - 1) - 1) / s + 1)


def test_output_size_example(checked):
    # 7x7, 3x3, padding 1, stride 2: windows start at padded columns 0, 2, 4, 6
    assert len(range(0, 7 + 2 - 3 + 1, 2)) == 4 == pytorch_size(7, 3, 2, 1, 1)
    assert "by the formula: 4" in checked and "conv2d's output has shape (4, 4)" in checked


CASES = [(5, 3, 1, 0, 1), (7, 3, 2, 1, 1), (6, 3, 2, 0, 1), (32, 5, 1, 2, 1), (28, 5, 1, 0, 1),
         (224, 11, 4, 2, 1), (224, 7, 2, 3, 1), (7, 3, 1, 0, 2), (9, 3, 1, 2, 2), (10, 3, 3, 1, 2)]


def test_the_size_table(checked):
    rows = re.findall(r"^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+) \|(.*)$", checked, re.M)
    assert [tuple(map(int, r[:5])) for r in rows] == CASES
    for (n, k, s, p, d), row in zip(CASES, rows):
        short, formula, size, shape, agree = (cell.strip() for cell in row[5].split("|"))
        out = pytorch_size(n, k, s, p, d)
        # count the window positions one by one, as a check on the formula itself
        span = d * (k - 1) + 1
        assert out == sum(1 for start in range(0, n + 2 * p, s) if start + span <= n + 2 * p)
        assert int(formula) == int(size) == out
        assert shape == f"({out}, {out})"
        assert short == (str((n + 2 * p - k) // s + 1) if d == 1 else "-")  # the d = 1 form
        assert agree == "True"
    # the real first layers quoted in the text: AlexNet 224 -> 55, ResNet 224 -> 112
    assert pytorch_size(224, 11, 4, 2, 1) == 55 and pytorch_size(224, 7, 2, 3, 1) == 112


def _sums(x, k, s=1, p=0, d=1):
    """Window sums of a k x k kernel of ones, by explicit loops over the padded image."""
    xp = np.pad(x, p)
    out = pytorch_size(x.shape[0], k, s, p, d)
    return np.array([[sum(xp[i * s + a * d, j * s + b * d] for a in range(k) for b in range(k))
                      for j in range(out)] for i in range(out)])


def test_stride_padding_dilation(checked):
    x = np.arange(1, 26).reshape(5, 5)
    assert str(_sums(x, 3)) in checked
    assert _sums(x, 3, s=2).tolist() == [[63, 81], [153, 171]]
    assert str(_sums(x, 3, s=2)) in checked
    assert "every other row and column of stride 1: True" in checked
    assert str(_sums(x, 3, p=1)) in checked
    assert _sums(x, 3, p=1)[0, 0] == 16
    assert "top-left = 1 + 2 + 6 + 7 = 16" in checked
    assert _sums(x, 3, d=2).tolist() == [[117]] == [[1 + 3 + 5 + 11 + 13 + 15 + 21 + 23 + 25]]
    assert "dilation 2: [[117]]" in checked and "their sum: 117" in checked


def test_the_square_window_trap_and_the_fix(checked):
    assert "notebook 04's example: [[6, 8], [12, 14]]" in checked
    assert "5 of 9 cases passed." in checked
    assert "✗ 1×3 kernel (non-square) — failed: wrong value at index (0, 0): expected -2, got 0" \
        in checked
    assert "✗ 3×1 kernel (non-square)" in checked
    assert "9 of 9 cases passed." in checked
    # by hand: 1x3 difference of a row that climbs by 1 is -2; the 3x1 one climbs by 5 a row
    image = np.arange(20).reshape(4, 5)
    for kernel, value in (([[1, 0, -1]], -2), ([[1], [0], [-1]], -10)):
        expected = correlate2d(image, kernel, mode="valid")
        assert (expected == value).all()
        assert str(expected) in checked
    assert "kernel (1, 3): output (4, 3), equal to scipy: True" in checked
    assert "kernel (3, 1): output (2, 5), equal to scipy: True" in checked


def test_pooling_by_hand(checked):
    m = np.array([[1, 3, 2, 4], [5, 7, 6, 8], [9, 2, 1, 0], [3, 4, 8, 5]])
    blocks = m.reshape(2, 2, 2, 2).swapaxes(1, 2)
    assert blocks.max(axis=(2, 3)).tolist() == [[7, 8], [9, 8]]
    assert blocks.mean(axis=(2, 3)).tolist() == [[4, 5], [4.5, 3.5]]
    assert "max pooling:\n [[7 8]\n [9 8]]" in checked
    assert "average pooling:\n [[4.  5. ]\n [4.5 3.5]]" in checked
    assert "box kernel, stride 2: True" in checked


def test_transposed_convolution_by_hand(checked):
    small = np.array([[1, 2], [3, 4]])
    blocks = np.kron(small, np.ones((2, 2), dtype=int))  # each pixel -> a 2x2 block
    assert str(blocks) in checked
    stamped = np.zeros((5, 5), dtype=int)  # stamp a 3x3 copy per pixel, 2 apart
    for i in range(2):
        for j in range(2):
            stamped[2 * i: 2 * i + 3, 2 * j: 2 * j + 3] += small[i, j]
    assert stamped[2].tolist() == [4, 4, 10, 6, 6]
    assert str(stamped) in checked
    assert "shape: (5, 5)  (n - 1)s - 2p + k = 5" in checked


def test_alexnet_224_does_not_give_55(checked, nb):
    """Krizhevsky et al. (2012): 224 input, 11x11, stride 4, no padding stated, 55x55 drawn."""
    from fractions import Fraction

    for n, p, exact, floored in [(224, 0, "54.25", 54), (227, 0, "55", 55), (224, 2, "55.25", 55)]:
        value = Fraction(n + 2 * p - 11, 4) + 1
        assert str(float(value)).removesuffix(".0") == exact
        assert pytorch_size(n, 11, 4, p, 1) == floored == math.floor(value)
        assert (f"n = {n}, padding {p}: (n + 2p - 11)/4 + 1 = {exact}, output_size = {floored}"
                in checked)
    md = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "54.25" in md and "227" in md and "torchvision" in md and "Krizhevsky" in md


def test_grey_cells_need_padding_0(checked, nb):
    """n = 6, k = 3, stride 2: with padding 0 column 5 is never read; with padding 1 none is."""
    for p, unread in ((0, [5]), (1, [])):
        read = np.zeros(6 + 2 * p, dtype=bool)
        for start in range(0, 6 + 2 * p - 3 + 1, 2):
            read[start:start + 3] = True
        assert list(np.flatnonzero(~read[p:p + 6])) == unread
        assert f"n = 6, k = 3, stride 2, padding {p}: columns never read {unread}" in checked
    md = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "**and padding 0**" in md


def test_transposed_size_is_ambiguous(checked, nb):
    """PyTorch's ConvTranspose2d: (n - 1)s - 2p + d(k - 1) + output_padding + 1."""
    assert pytorch_size(7, 3, 2, 1, 1) == pytorch_size(8, 3, 2, 1, 1) == 4
    assert "forward: n = 7 gives 4" in checked and "forward: n = 8 gives 4" in checked
    for extra, back in ((0, 7), (1, 8)):
        assert (4 - 1) * 2 - 2 * 1 + 1 * (3 - 1) + extra + 1 == back
        assert f"transposed from 4 with output_padding {extra}: {back}" in checked
    stamped = np.zeros((9, 9))  # four by four stamps of a 3x3 kernel, 2 apart, then crop 1 a side
    for i in range(4):
        for j in range(4):
            stamped[2 * i:2 * i + 3, 2 * j:2 * j + 3] += 1
    assert stamped[1:-1, 1:-1].shape == (7, 7)
    assert "conv_transpose2d from 4 x 4, output_padding 0: (7, 7)" in checked
    # output_padding 1: one more row and column of the (uncropped) stamps is kept
    assert stamped[1:, 1:].shape == (8, 8)
    assert "conv_transpose2d from 4 x 4, output_padding 1: (8, 8)" in checked
    md = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert r"d(k - 1) + \text{output\_padding} + 1" in md
    assert "(n - 1)\\,s - 2p + k .$$" not in md  # the old statement, as if it were the inverse


def test_the_notebook_uses_its_explorers_and_quiz(nb):
    sources = code_text(nb)
    assert "StrideExplorer(n=7, k=3, stride=2, padding=1)" in sources
    assert "transposed=True" in sources
    assert 'for_notebook("05")' in sources


# -- modes as padding, the matrix, the transpose, zero insertion, output_padding ------------------

def test_modes_are_paddings(checked, nb):
    x, h = np.array([3, 1, 4, 1, 5, 9, 2]), np.array([1, 2, 0, -1, 1])
    k = len(h)
    for mode, p in (("valid", 0), ("same", (k - 1) // 2), ("full", k - 1)):
        # a layer with padding p: valid cross-correlation of the zero-padded input with the
        # flipped kernel, by explicit sums
        xp = np.pad(x, p)
        layer = [sum(xp[i + m] * h[::-1][m] for m in range(k)) for i in range(len(xp) - k + 1)]
        assert np.array_equal(layer, np.convolve(x, h, mode=mode))
        assert (f"{mode:>5}: padding {p}, {len(layer)} values (numpy: {len(layer)}), equal: True"
                in checked)
    assert f"full mode: {np.convolve(x, h)}" in checked
    assert "np.correlate 'full' == conv1d with padding k - 1: True" in checked
    md = markdown_text(nb)
    assert "$7 - 5 + 1 = 3$ values for valid, $7$ for same, $7 + 5 - 1 = 11$ for full" in md


def band_matrix(n, k, stride=1):
    """The matrix of valid cross-correlation, row by row by hand."""
    rows = (n - len(k)) // stride + 1
    c = np.zeros((rows, n), dtype=int)
    for i in range(rows):
        c[i, i * stride:i * stride + len(k)] = k
    return c


def stamps(y, k, stride):
    out = np.zeros((len(y) - 1) * stride + len(k), dtype=int)
    for i, v in enumerate(y):
        out[i * stride:i * stride + len(k)] += v * k
    return out


def test_the_convolution_matrix(checked, nb):
    k, signal = np.array([1, 2, 3]), np.array([2, 0, 1, 3, 1, 2])
    c1, c2 = band_matrix(6, k), band_matrix(6, k, stride=2)
    assert np.array_equal(c1 @ signal, np.correlate(signal, k, mode="valid"))
    assert np.array_equal(c2 @ signal, np.correlate(signal, k, mode="valid")[::2])
    out = checked_output(nb, "signal = np.array")
    assert f"stride 1: C @ x = {c1 @ signal}  conv1d: {c1 @ signal}  equal: True" in out
    assert f"stride 2: C @ x = {c2 @ signal}  conv1d: {c2 @ signal}  equal: True" in out
    assert np.count_nonzero(c1) == 12 and c1.size == 24
    assert "entries that are not zero (stride 1): 12 of 24" in out
    assert not c2[:, 5].any()  # no window reads the last sample with stride 2
    assert "Twelve of the 24" in markdown_text(nb)


def test_the_transpose_is_the_transposed_convolution(checked, nb):
    k, y = np.array([1, 2, 3]), np.array([1, 2])
    ct_y = band_matrix(6, k, stride=2).T @ y
    assert ct_y.tolist() == [1, 2, 5, 4, 6, 0]
    assert stamps(y, k, 2).tolist() == [1, 2, 5, 4, 6] == ct_y[:5].tolist()
    out = checked_output(nb, "y = np.array([1, 2])")
    assert f"C.T @ y:                                     {ct_y}" in out
    assert f"conv_transpose1d(y, k, stride=2):            {stamps(y, k, 2)}" in out
    assert f"conv_transpose1d(y, k, 2, output_padding=1): {ct_y}" in out
    assert "equal to C.T @ y: True" in out
    assert "`[1, 2, 5, 4, 6]`" in markdown_text(nb)


def test_zero_insertion(checked, nb):
    k, y = np.array([1, 2, 3]), np.array([1, 2, 3])
    spread = np.array([1, 0, 2, 0, 3])
    full = stamps(y, k, 2)
    for p in (0, 1):
        # stride-1 true convolution (np.convolve flips) of the spread input padded by k - 1 - p
        # is the valid correlation with the flipped kernel; cropping p a side gives the stamps
        padded = np.pad(spread, len(k) - 1 - p)
        by_zeros = np.correlate(padded, k[::-1], mode="valid")
        cropped = full[p:len(full) - p]
        assert np.array_equal(by_zeros, cropped)
        assert (f"padding {p}: pad by {len(k) - 1 - p}, flipped kernel, stride 1: {cropped}; "
                f"conv_transpose1d: {cropped}") in checked
    assert f"one zero between samples: {spread}" in checked
    md = markdown_text(nb)
    assert "`[1, 2, 5, 4, 9, 6, 9]`" in md and "`[2, 5, 4, 9, 6]`" in md
    assert full.tolist() == [1, 2, 5, 4, 9, 6, 9]


def test_output_padding_must_be_smaller_than_the_stride(checked):
    # PyTorch's rule; with stride 2 only 0 and 1 name an input size (7 or 8) that gives 4
    sizes = {n: pytorch_size(n, 3, 2, 1, 1) for n in range(5, 11)}
    assert [n for n, out in sizes.items() if out == 4] == [7, 8]
    assert (4 - 1) * 2 - 2 + 2 + 2 + 1 == 9 and sizes[9] == 5
    assert ("ValueError: output_padding must be smaller than either stride or dilation: "
            "got output_padding=2 with stride=2 and dilation=1") in checked


# -- the learner edition's shape: predictions, answers, exercises ---------------------------------

EXERCISES = {  # grade_id -> (function, kind, cases the reference solution passes)
    "nb05-ex-output-size": ("my_output_size", "output_size", 10),
    "nb05-ex-conv2d": ("my_conv2d", "conv2d", 9),
    "nb05-ex-max-pool": ("max_pool", "max_pool2d", 8),
    "nb05-ex-conv-transpose": ("conv_transpose", "conv_transpose1d", 9),
    "nb05-ex-conv-matrix": ("conv_matrix_1d", "conv_matrix1d", 8),
}


def test_every_predict_has_its_card_and_its_answer(nb):
    from convlab.quiz.banks import nb05

    names = [q.qid.removeprefix("05-p-") for q in nb05.predictions()]
    cards = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown" and "**Predict:**" in cell.source:
            card = nb.cells[i + 1]
            assert card.cell_type == "code", cell.source
            match = re.fullmatch(r'predict\("([a-z]+)"\)', card.source)
            assert match, card.source
            cards.append(match[1])
    assert cards == names  # every prediction of the bank, in the bank's order
    answers = [c for c in nb.cells if "answer" in c.metadata.get("tags", [])]
    assert len(answers) >= len(names)
    assert all(c.cell_type == "markdown" and "**Predict" not in c.source
               and not c.source.lstrip().startswith("#") for c in answers)


def test_exercises_have_solution_regions_and_their_reports_pass(nb):
    found = {}
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader")
        if not meta:
            continue
        assert meta == {"grade": False, "grade_id": meta["grade_id"], "locked": False,
                        "schema_version": 3, "solution": True, "task": False}
        src = cell.source
        assert src.startswith("# NBVAL_CHECK_OUTPUT\ndef ")
        assert src.count("### BEGIN SOLUTION") == 1 and src.count("### END SOLUTION") == 1
        name, kind, n = EXERCISES[meta["grade_id"]]
        assert f'print(check_implementation({name}, "{kind}"))' in src
        text = "".join(o.get("text", "") for o in cell.outputs)
        assert f"{n} of {n} cases passed." in text and "All cases passed" in text
        found[meta["grade_id"]] = src
    assert set(found) == set(EXERCISES)


def test_each_exercise_comes_before_what_gives_it_away(nb):
    sources = [c.source for c in nb.cells]

    def where(text):
        return next(i for i, s in enumerate(sources) if text in s)

    # the fix is written by the learner before the notebook explains it
    ex = {c.metadata["nbgrader"]["grade_id"]: i for i, c in enumerate(nb.cells)
          if "nbgrader" in c.metadata}
    assert where('check_implementation(square_window_conv2d') < ex["nb05-ex-conv2d"]
    assert ex["nb05-ex-conv2d"] < where("The fix is one line")
    assert "answer" in nb.cells[where("The fix is one line")].metadata["tags"]
    assert ex["nb05-ex-output-size"] < where("cases = [(5, 3, 1, 0, 1)")
    assert ex["nb05-ex-conv-transpose"] < where("### Its transpose is the transposed")
