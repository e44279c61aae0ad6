"""The numbers notebook 06 prints, worked out here independently (numpy, scipy, by hand)."""

from __future__ import annotations

import itertools
import re

import numpy as np
import pytest
from scipy.signal import convolve, convolve2d

from convlab.quiz import bank

from .support import checked_text, code_text, markdown_text, read_notebook

LAPLACIAN = np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]])


@pytest.fixture(scope="module")
def nb():
    return read_notebook("06_stacked_layers.ipynb")


@pytest.fixture(scope="module")
def checked(nb):
    return checked_text(nb)


@pytest.fixture(scope="module")
def seed_image():
    # the course's random image: numpy's default_rng(0), grey levels 0..255, 64 x 64
    return np.random.default_rng(0).integers(0, 256, size=(64, 64))


def _scipy_maps(image, layers=6):
    maps = [image]
    for _ in range(layers):
        maps.append(convolve2d(maps[-1], LAPLACIAN, mode="valid"))  # seed 000's loop
    return maps


def test_the_laplacian_six_times(checked, seed_image):
    rows = re.findall(r"layer (\d): shape \((\d+), (\d+)\), min\s+(-?\d+), max\s+(-?\d+), "
                      r"std\s+([\d.]+)", checked)
    maps = _scipy_maps(seed_image)
    assert len(rows) == 7
    for (i, r, c, lo, hi, std), m in zip(rows, maps):
        assert (int(r), int(c)) == m.shape == (64 - 2 * int(i),) * 2
        assert (int(lo), int(hi)) == (m.min(), m.max())
        assert float(std) == pytest.approx(m.std(), abs=0.051)
    spread = [m.std() for m in maps]
    ratios = [b / a for a, b in itertools.pairwise(spread)]
    assert min(ratios) > 4.4 and max(ratios) < 7.4  # "a factor of 4.5 to 7.3"
    assert ratios[0] == pytest.approx(np.sqrt(20), rel=0.05)  # white noise: sqrt(sum k^2)
    assert "identical to scipy.signal.convolve2d, layer by layer: True" in checked


def test_two_linear_layers_are_one(checked, seed_image):
    blur = np.array([[1, 2, 1], [2, 4, 2], [1, 2, 1]])
    combined = convolve2d(LAPLACIAN, blur, mode="full")
    assert combined.shape == (5, 5)
    assert str(combined) in checked
    two = convolve2d(convolve2d(seed_image, LAPLACIAN, "valid"), blur, "valid")
    assert np.array_equal(two, convolve2d(seed_image, combined, "valid"))
    assert "two layers == one layer with the combined kernel: True" in checked
    relu = convolve2d(np.maximum(convolve2d(seed_image, LAPLACIAN, "valid"), 0), blur, "valid")
    one = convolve2d(seed_image, combined, "valid")
    assert "with a ReLU between: equal to one layer? False" in checked
    assert f"largest difference: {np.abs(relu - one).max()}" in checked
    assert f"share of pixels that differ: {round(float(np.mean(relu != one)), 3)}" in checked


def test_receptive_field_table(checked):
    rows = re.findall(r"^\s*(\d) \|\s+(\d+)\s+(\d+) \|\s+(\d+)\s+(\d+)$", checked, re.M)
    assert [int(r[0]) for r in rows] == [1, 2, 3, 4, 5, 6]
    for layers, f3, m3, f5, m5 in (map(int, r) for r in rows):
        for k, formula, measured in ((3, f3, m3), (5, f5, m5)):
            # an impulse through `layers` box layers (full mode) spreads over this many pixels
            impulse = np.zeros((41, 41))
            impulse[20, 20] = 1
            out = impulse
            for _ in range(layers):
                out = convolve2d(out, np.ones((k, k)), mode="same")
            width = np.count_nonzero(out[20])
            assert formula == measured == width == 1 + layers * (k - 1)


def test_vgg16_receptive_field(checked):
    # by hand, layer by layer: r += (k - 1) * jump; pooling 2x2 stride 2 doubles the jump
    layers = ["c"] * 2 + ["p"] + ["c"] * 2 + ["p"] + (["c"] * 3 + ["p"]) * 3
    assert layers.count("c") == 13
    r, jump, after = 1, 1, []
    for kind in layers:
        if kind == "c":
            r += 2 * jump
        else:
            after.append(r)
            r += jump
            jump *= 2
            after.append(r)
    assert after[-2:] == [196, 212]
    for conv, pool in zip(after[::2], after[1::2]):
        assert f"{conv:3} pixels   after pooling: {pool:3} pixels" in checked
    assert "without pooling, 13 layers of 3x3: 27" in checked


def test_3d_convolution(checked):
    video = np.random.default_rng(3).integers(0, 256, size=(8, 16, 16))
    out = convolve(video, np.full((3, 3, 3), 1 / 27), mode="valid")
    assert out.shape == (6, 14, 14)
    assert "input (8, 16, 16) -> output (6, 14, 14)" in checked
    first = round(float(video[:3, :3, :3].sum() / 27), 4)
    assert f"first value: {first}" in checked
    assert f"mean of the first 3x3x3 block: {first}" in checked


def test_depth_facts_match_the_quiz_bank(nb):
    text = markdown_text(nb)
    facts = bank.__doc__
    assert "eight learned layers, five of them" in facts and "5 convolutional" in text
    assert "8 learned layers" in text
    assert "13" in facts and "13 convolutional layers" in text and "3 fully connected" in text
    assert "152" in facts and "152 layers" in text
    assert "1202" in facts and "**1202**" in text and "CIFAR-10" in text


def test_feature_list(nb):
    text = markdown_text(nb)
    for words in ("edges and gradients", "textures and patterns", "simple shapes",
                  "higher-level structures"):
        assert words in text


def test_sharpening_subtracts_the_laplacian(checked, nb):
    """On a 0 -> 1 step the Laplacian is +1 on the dark side and -1 on the bright side (by hand)."""
    row = np.array([0, 0, 0, 1, 1, 1])
    second_difference = row[:-2] - 2 * row[1:-1] + row[2:]  # columns 1..4; rows are constant
    assert second_difference.tolist() == [0, 1, -1, 0]
    image = row[1:-1]
    assert (image + second_difference / 4).tolist() == [0, 0.25, 0.75, 1]  # a gentler ramp
    assert (image - second_difference / 4).tolist() == [0, -0.25, 1.25, 1]  # overshoots
    assert f"its Laplacian:          {second_difference}" in checked
    assert f"image + Laplacian / 4:  {image + second_difference / 4}" in checked
    assert f"image - Laplacian / 4:  {image - second_difference / 4}" in checked
    text = markdown_text(nb)
    assert "plus a little of that edge signal" not in text
    assert "image − Laplacian" in text


def test_the_vertical_edge_sign_flip_is_explained(checked, nb):
    step = np.repeat([[0, 0, 0, 1, 1, 1]], 3, axis=0)
    left_minus_right = [3 * (step[0, j] - step[0, j + 2]) for j in range(4)]
    assert left_minus_right == [0, -3, -3, 0]
    assert f"conv2d (cross-correlation, notebook 04): {np.array(left_minus_right)}" in checked
    flipped = convolve2d(step, [[1, 0, -1]] * 3, "valid")[0]
    assert flipped.tolist() == [0, 3, 3, 0]
    assert f"convolve (true convolution, LayerStack): {flipped}" in checked
    assert "true convolution" in markdown_text(nb) and "right − left" in markdown_text(nb)


def test_deeper_is_not_always_better(nb):
    """He et al. (2016), Table 6, CIFAR-10 test error: 110 layers 6.43 %, 1202 layers 7.93 %."""
    text = markdown_text(nb)
    assert "7.93 %" in text and "6.43 %" in text and "110-layer" in text


def test_the_notebook_uses_its_explorer_and_quiz(nb):
    sources = code_text(nb)
    assert "LayerStack(layers=1)" in sources and "LayerStack(photo(" in sources
    assert 'for_notebook("06")' in sources


EXERCISES = {  # grade_id -> the function the learner writes
    "nb06-ex-merge_kernels": "merge_kernels",
    "nb06-ex-receptive_field": "receptive_field",
}


def test_graded_exercises_pass(nb):
    from .support import checked_output

    out = checked_output(nb, '"merge_kernels"')
    assert "8 of 8 cases passed." in out and "All cases passed" in out
    out = checked_output(nb, '"receptive_field"')
    assert "9 of 9 cases passed." in out and "All cases passed" in out


def test_the_merged_kernel_is_the_true_convolution(nb):
    """The answer prose's claim, checked on kernels that are neither symmetric nor square."""
    from scipy.signal import correlate2d

    rng = np.random.default_rng(66)
    x, a, b = rng.normal(size=(9, 8)), rng.normal(size=(2, 3)), rng.normal(size=(3, 1))
    two = correlate2d(correlate2d(x, a, "valid"), b, "valid")
    assert np.allclose(two, correlate2d(x, convolve2d(a, b), "valid"))
    assert not np.allclose(two, correlate2d(x, correlate2d(a, b), "valid"))
    assert "full **true** convolution" in markdown_text(nb)


def test_exercise_cells_are_nbgrader_solutions_before_their_use(nb):
    cells = [c for c in nb.cells if c.cell_type == "code"]
    graded = {c.metadata["nbgrader"]["grade_id"]: c for c in cells if "nbgrader" in c.metadata}
    assert set(graded) == set(EXERCISES)
    for grade_id, name in EXERCISES.items():
        cell = graded[grade_id]
        assert cell.metadata["nbgrader"]["solution"] and not cell.metadata["nbgrader"]["grade"]
        assert cell.source.startswith("# NBVAL_CHECK_OUTPUT\ndef " + name)
        assert "### BEGIN SOLUTION" in cell.source and "### END SOLUTION" in cell.source
        assert not [c for c in cells if c is not cell and f"{name}(" in c.source], name
    # each exercise comes before the cell that reveals its numbers
    order = [c.source for c in cells]
    first = next(i for i, s in enumerate(order) if "merge_kernels" in s)
    assert first < next(i for i, s in enumerate(order) if "combined = convolve(lap" in s)
    first = next(i for i, s in enumerate(order) if "receptive_field" in s)
    assert first < next(i for i, s in enumerate(order) if "VGG-16's five blocks" in s)


def test_exercises_with_a_stub_say_not_written_yet(nb):
    """What the learner edition shows: the solution region replaced by a stub."""
    import contextlib
    import io

    from convlab.quiz import check_implementation

    for cell in (c for c in nb.cells if "nbgrader" in c.metadata):
        head, rest = cell.source.split("    ### BEGIN SOLUTION\n")
        tail = rest.split("    ### END SOLUTION\n")[1]
        stubbed = head + "    # YOUR CODE HERE\n    raise NotImplementedError()\n" + tail
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(stubbed, {"check_implementation": check_implementation})
        assert "not written yet" in out.getvalue() and "Traceback" not in out.getvalue()


def test_predict_cards_follow_the_bank(nb):
    from convlab.quiz.banks import nb06

    code = [c.source for c in nb.cells if c.cell_type == "code"]
    cards = [s for s in code if s.startswith("predict(")]
    names = [q.qid.removeprefix("06-p-") for q in nb06.predictions()]
    assert cards == [f'predict("{name}")' for name in names]
    assert 'predict = predictions_for("06")' in nb.cells[1].source
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown" and "**Predict:**" in cell.source:
            assert nb.cells[i + 1].source.startswith("predict("), cell.source
    answers = [c for c in nb.cells if "answer" in c.metadata.get("tags", [])]
    assert len(answers) >= len(names) and all(c.cell_type == "markdown" for c in answers)


def test_no_solution_marker_outside_the_solution_cells(nb):
    """nbgrader's ClearSolutions refuses a notebook with one, so the learner edition needs this."""
    others = [c.source for c in nb.cells if "nbgrader" not in c.metadata]
    assert not [s for s in others if "SOLUTION" in s]
