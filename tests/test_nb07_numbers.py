"""The numbers notebook 07 (channels and learned filters) prints, worked out here independently:
scipy's correlations, explicit loops, hand arithmetic, the published d2l values, and a forward pass
and a cosine table written again here, not convlab's."""

from __future__ import annotations

import re

import numpy as np
import pytest
from scipy.signal import correlate, correlate2d

from convlab.cnn import TinyCNN, train
from convlab.data import photo

from .support import checked_output, code_text, markdown_text, read_notebook

NAME = "07_channels_and_learned_filters.ipynb"
# d2l, "Multiple Input and Multiple Output Channels": the example and its published output
X = np.array([[[0, 1, 2], [3, 4, 5], [6, 7, 8]], [[1, 2, 3], [4, 5, 6], [7, 8, 9]]])
K = np.array([[[0, 1], [2, 3]], [[1, 2], [3, 4]]])
PUBLISHED = [[56, 72], [104, 120]]
# Named 3x3 kernels, typed in (the usual Prewitt, Sobel, Laplacian and emboss matrices).
NAMED = {
    "sobel_x": [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]],
    "sobel_y": [[-1, -2, -1], [0, 0, 0], [1, 2, 1]],
    "prewitt_x": [[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]],
    "prewitt_y": [[-1, -1, -1], [0, 0, 0], [1, 1, 1]],
    "laplacian": [[0, 1, 0], [1, -4, 1], [0, 1, 0]],
    "emboss": [[-2, -1, 0], [-1, 1, 1], [0, 1, 2]],
}


@pytest.fixture(scope="module")
def nb():
    return read_notebook(NAME)


@pytest.fixture(scope="module")
def history():
    return train(seed=0)


def _numbers(text):
    return [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", text)]


def test_colour_photo_channels(nb):
    out = checked_output(nb, "colour=True")
    rgb = photo(downsample=4, colour=True)
    assert "shape: (3, 150, 128)" in out
    # the three channels' means, from matplotlib's own copy of the photo, block-averaged here
    import matplotlib.cbook
    from PIL import Image

    with matplotlib.cbook.get_sample_data("grace_hopper.jpg") as f:
        raw = np.asarray(Image.open(f).convert("RGB"), dtype=float) / 255
    blocks = raw[:600, :512].reshape(150, 4, 128, 4, 3).mean(axis=(1, 3))
    np.testing.assert_allclose(np.moveaxis(blocks, -1, 0), rgb)
    for name, mean in zip(("red", "green", "blue"), blocks.mean(axis=(0, 1))):
        assert f"{name:>5}: mean brightness {mean:.3f}" in out
    assert "0.339" in markdown_text(nb) and "0.323" in markdown_text(nb)
    assert out.strip().endswith("0.299 R + 0.587 G + 0.114 B: True")


def test_red_minus_green_reading_of_the_explorer(nb):
    rgb = photo(downsample=8, colour=True)  # the explorer's input, 75 x 64
    diff = rgb[0] - rgb[1]
    assert diff[15:35, 20:45].mean() > 0.2  # the face: redder than green
    assert diff[5:40, 50:].mean() < -0.1  # the blue background: greener than red
    assert "as on the face" in markdown_text(nb) and "blue background" in markdown_text(nb)


def test_sum_over_channels_is_the_published_example(nb):
    out = checked_output(nb, "partial = [conv2d")
    p0, p1 = (correlate2d(X[c], K[c], mode="valid") for c in range(2))
    assert p0[0, 0] == 0 * 0 + 1 * 1 + 3 * 2 + 4 * 3 == 19  # by hand, as the text says
    assert p1[0, 0] == 1 * 1 + 2 * 2 + 4 * 3 + 5 * 4 == 37
    assert (p0 + p1).tolist() == PUBLISHED
    flat = " ".join(out.split())
    assert "[[19 25] [37 43]]" in flat and "[[37 47] [67 77]]" in flat
    assert "[[ 56 72] [104 120]]" in flat and "shape (1, 2, 2)" in flat
    assert "[[[ 57 73] [105 121]]]" in flat  # bias 1, once per pixel


def test_three_output_channels(nb):
    out = " ".join(checked_output(nb, "np.stack([K, K + 1, K + 2])").split())
    maps = [sum(correlate2d(X[c], K[c] + d, mode="valid") for c in range(2)) for d in range(3)]
    # d2l's published output for K, K + 1, K + 2
    assert [m.tolist() for m in maps] == [PUBLISHED, [[76, 100], [148, 172]],
                                          [[96, 128], [192, 224]]]
    assert "weights: (3, 2, 2, 2)" in out and "output: (3, 2, 2)" in out
    assert "[[[ 56 72] [104 120]] [[ 76 100] [148 172]] [[ 96 128] [192 224]]]" in out
    assert f"both channels: {X[:, :2, :2].sum()}" in out  # 20


def test_parameter_counts(nb):
    out = checked_output(nb, "dense_params")
    assert "64·3·3·3 + 64 = 1,792 parameters" in out
    inputs, outputs = 3 * 224 * 224, 64 * 224 * 224
    dense = inputs * outputs + outputs
    assert dense == 483_388_358_656
    assert f"{inputs:,} × {outputs:,} + {outputs:,} = {dense:,} parameters" in out
    assert f"ratio: {dense / 1792:,.0f}" in out
    text = markdown_text(nb)
    assert "483,388,358,656" in text and "270 million" in text
    assert round(dense / 1792 / 1e6) == 270


def test_cost_of_vggs_first_layer(nb):
    out = checked_output(nb, "macs = ")
    h = len(range(0, 224 + 2 * 1 - 3 + 1))  # window positions with padding 1
    macs = sum(3 * 3 * 3 for _ in range(64 * h * h))
    assert macs == 86_704_128
    assert f"H' = W' = {h}; multiply-adds: 3·64·3²·224·224 = {macs:,}" in out
    assert "each of the 3,211,264 outputs takes 27 multiply-adds" in out
    assert "each of the 1,728 weights is used 50,176 times" in out
    assert "86,704,128" in markdown_text(nb)


def test_graded_exercises_pass(nb):
    out = checked_output(nb, '"conv_params"')
    assert "9 of 9 cases passed." in out and "All cases passed" in out
    out = checked_output(nb, '"output_size"')
    assert "10 of 10 cases passed." in out and "All cases passed" in out
    out = checked_output(nb, '"weight_grad2d"')
    assert "7 of 7 cases passed." in out and "All cases passed" in out
    assert 'check_implementation(weight_gradient, "weight_grad2d")' in code_text(nb)


def test_one_by_one_convolution(nb):
    out = checked_output(nb, "to_grey")
    assert "weights: (1, 3, 1, 1) -> output (1, 150, 128)" in out
    assert "1x1 convolution == the grey photo: True" in out
    assert "matrix (5x3) @ pixels (3 x 19200): True" in out
    assert 150 * 128 == 19200


def test_three_d_kernel_slides_along_channels(nb):
    out = checked_output(nb, "full_depth")
    rgb = np.zeros((3, 150, 128))
    assert correlate(rgb, np.ones((3, 3, 3)), mode="valid").shape == (1, 148, 126)
    assert correlate(rgb, np.ones((2, 3, 3)), mode="valid").shape == (2, 148, 126)
    assert "kernel 3x3x3: (1, 148, 126)" in out and "kernel 2x3x3: (2, 148, 126)" in out
    assert "equal to the layer with weights (1, 3, 3, 3): True" in out


def test_learning_the_edge_kernel(nb):
    out = checked_output(nb, "learned = np.random")
    image = np.ones((6, 8))
    image[:, 2:6] = 0
    edges = correlate2d(image, [[1, -1]], mode="valid")
    k = np.random.default_rng(0).normal(size=(1, 2))
    assert f"start: {k.round(3)}" in out
    losses = {}
    for step in range(1, 21):  # the gradient by finite differences, not by the formula
        err = correlate2d(image, k, mode="valid") - edges
        losses[step] = np.sum(err**2)
        grad = np.zeros(2)
        for j in range(2):
            e = np.zeros((1, 2))
            e[0, j] = 1e-6
            up = np.sum((correlate2d(image, k + e, mode="valid") - edges) ** 2)
            down = np.sum((correlate2d(image, k - e, mode="valid") - edges) ** 2)
            grad[j] = (up - down) / 2e-6
        k = k - 0.03 * grad
    for step in (4, 8, 12, 16, 20):
        assert f"step {step:2}: loss before the step {losses[step]:.4f}" in out
    assert np.allclose(k, [[1, -1]], atol=5e-4)
    assert "learned kernel: [[ 1. -1.]]" in out
    assert "the edge map's first row: [ 0.  1.  0.  0.  0. -1.  0.]" in out
    text = markdown_text(nb)
    assert "0.63" in text and "0.0005" in text


def test_library_gradient_agrees(nb):
    out = checked_output(nb, "conv2d_layer_grads(x4")
    gy = np.array([[1.0, -2.0], [0.5, 3.0]])
    want = correlate2d(X[0], gy, mode="valid").tolist()  # [[11.5, 14.0], [19.0, 21.5]]
    assert want == [[11.5, 14.0], [19.0, 21.5]]
    assert f"library: {want}  conv2d(x, grad_y): {want}" in out
    assert "bias gradient = sum of grad_y: [2.5]" in out


def _forward_accuracy(net, images, labels):
    """TinyCNN's forward pass written again with scipy: correlate, ReLU, 2x2 max, dense."""
    n = len(images)
    feats = []
    for img in images[:, 0]:
        maps = np.array([np.maximum(correlate2d(img, w[0], mode="valid") + b, 0)
                         for w, b in zip(net.conv_w, net.conv_b)])
        p = maps.shape[1] // 2
        pooled = maps[:, : 2 * p, : 2 * p].reshape(len(maps), p, 2, p, 2).max(axis=(2, 4))
        feats.append(pooled.ravel())
    logits = np.array(feats) @ net.fc_w + net.fc_b
    return float((logits.argmax(axis=1) == labels).mean()), n


def test_tiny_cnn_parameters_and_accuracy(nb, history):
    out = checked_output(nb, "history = train(seed=0)")
    assert 8 * 1 * 3 * 3 + 8 == 80 and (8 * 5 * 5) * 4 + 4 == 804
    assert "parameters: 884" in out and "fc_w: (200, 4)" in out
    start, _ = _forward_accuracy(TinyCNN(8, 3, 12, 4, seed=0), history.test_images,
                                 history.test_labels)
    end, n = _forward_accuracy(history.model, history.test_images, history.test_labels)
    assert n == 400
    assert f"epoch  0: held-out accuracy {start:6.1%}" in out
    assert f"epoch 15: held-out accuracy {end:6.1%}" in out
    assert f"{start:.1%}" == "22.8%" and f"{end:.1%}" == "98.8%"
    for epoch in (1, 2, 5, 10):
        assert f"epoch {epoch:2}: held-out accuracy {history.test_accuracy[epoch]:6.1%}" in out
    text = markdown_text(nb)
    for shown in ("22.8%", "62.0%", "91.5%", "98.8%"):
        assert shown in text


def _best_matches(kernels):
    """Best sign-free cosine of each mean-removed kernel with the named ones and their mirrors."""
    refs = {}
    for name, m in NAMED.items():
        m = np.array(m, dtype=float)
        refs[name] = m
        mirror = m[:, ::-1]
        centred = mirror - mirror.mean()
        if all(abs(np.sum(centred * (r - r.mean()))) / (np.linalg.norm(centred)
               * np.linalg.norm(r - r.mean())) < 1 - 1e-9 for r in refs.values()):
            refs[name + " mirrored"] = mirror
    rows = []
    for k in kernels:
        a = k - k.mean()
        scores = {n: abs(np.sum(a * (r - r.mean()))) / (np.linalg.norm(a)
                  * np.linalg.norm(r - r.mean())) for n, r in refs.items()}
        best = max(scores, key=scores.get)
        rows.append((best, scores[best]))
    return rows


def test_learned_kernel_table(nb, history):
    out = checked_output(nb, "kernel_matches(history.kernels[0])")
    before, after = _best_matches(history.kernels[0]), _best_matches(history.kernels[-1])
    for f, ((n0, c0), (n1, c1)) in enumerate(zip(before, after)):
        assert f"{f:>6} | {n0:<20} {c0:5.2f} | {n1:<20} {c1:5.2f}" in out
    mean0, mean1 = np.mean([c for _, c in before]), np.mean([c for _, c in after])
    assert f"{mean0:5.2f}" == " 0.53" and f"{mean1:5.2f}" == " 0.67"
    good = [f for f, (_, c) in enumerate(after) if c >= 0.8]
    assert good == [2, 3, 6]
    assert f"trained filters with |cos| >= 0.8: {len(good)}" in out
    # what the text says, number by number
    text = markdown_text(nb)
    assert "filters 2, 3 and 6" in text
    assert [after[f][0] for f in good] == ["prewitt_x", "prewitt_y", "prewitt_x"]
    assert [round(after[f][1], 2) for f in good] == [0.94, 0.89, 0.81]
    others = [round(c, 2) for f, (_, c) in enumerate(after) if f not in good and f != 0]
    assert (min(others), max(others)) == (0.36, 0.60) and "(0.36 to 0.60)" in text
    starts = [round(c, 2) for _, c in before]
    assert (min(starts), max(starts)) == (0.28, 0.72) and "(0.28 to 0.72)" in text
    assert round(after[0][1], 2) == 0.74 and "0.74" in text


def test_lesson_shape(nb):
    text = markdown_text(nb)
    assert text.count("**Predict") >= 8
    assert text.count("Exercise") >= 2
    assert text.count("*Figure:") == 2  # alt text for both explorers
    assert 'for_notebook("07ch")' in code_text(nb)
    assert "](08_applications_and_cost.ipynb)" in nb.cells[-1].source
    assert "seed" not in text.lower().replace("seed=0", "")


EXERCISES = {  # grade_id -> the function the learner writes
    "nb07ch-ex-conv_params": "conv_params",
    "nb07ch-ex-out_size": "out_size",
    "nb07ch-ex-weight_gradient": "weight_gradient",
}


def test_exercise_cells_are_nbgrader_solutions_before_their_use(nb):
    cells = [c for c in nb.cells if c.cell_type == "code"]
    graded = {c.metadata["nbgrader"]["grade_id"]: c for c in cells if "nbgrader" in c.metadata}
    assert set(graded) == set(EXERCISES)
    for grade_id, name in EXERCISES.items():
        cell = graded[grade_id]
        assert cell.metadata["nbgrader"]["solution"] and not cell.metadata["nbgrader"]["grade"]
        assert cell.source.startswith("# NBVAL_CHECK_OUTPUT\ndef " + name)
        assert "### BEGIN SOLUTION" in cell.source and "### END SOLUTION" in cell.source
        # no later cell calls the learner's function: with a stub in place, Run All stays clean
        assert not [c for c in cells if c is not cell and f"{name}(" in c.source], name


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
            exec(stubbed, {"check_implementation": check_implementation, "conv2d": None})
        assert "not written yet" in out.getvalue() and "Traceback" not in out.getvalue()


def test_predict_cards_follow_the_bank(nb):
    from convlab.quiz.banks import nb07ch

    code = [c.source for c in nb.cells if c.cell_type == "code"]
    cards = [s for s in code if s.startswith("predict(")]
    names = [q.qid.removeprefix("07ch-p-") for q in nb07ch.predictions()]
    assert cards == [f'predict("{name}")' for name in names]
    assert 'predict = predictions_for("07ch")' in nb.cells[1].source
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown" and "**Predict:**" in cell.source:
            assert nb.cells[i + 1].source.startswith("predict("), cell.source
    answers = [c for c in nb.cells if "answer" in c.metadata.get("tags", [])]
    assert len(answers) >= len(names) and all(c.cell_type == "markdown" for c in answers)


def test_no_solution_marker_outside_the_solution_cells(nb):
    """nbgrader's ClearSolutions refuses a notebook with one, so the learner edition needs this."""
    others = [c.source for c in nb.cells if "nbgrader" not in c.metadata]
    assert not [s for s in others if "SOLUTION" in s]
