"""The numbers notebook 04 prints, worked out here independently (numpy, scipy, by hand),
never with convlab's convolutions."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.signal import convolve2d, correlate2d

from .support import (
    NOTEBOOK_DIR,
    checked_cells,
    code_cells,
    code_text,
    markdown_text,
    read_notebook,
    text_of,
)

NOTEBOOK = "04_filters_on_images.ipynb"

# The "Hi" image as it was published (captioned 14×14; count the rows).
HI = np.array([[255] * 16] * 16)
HI[1:, 14:] = np.arange(238, -1, -17)[:, None]
HI[2:12, 3] = HI[2:12, 6] = 0
HI[6, 3:7] = 0
HI[[2, 3, *range(5, 12)], 9] = 0
LAPLACIAN = np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]])
VERTICAL = np.array([[1, 0, -1]] * 3)
HORIZONTAL = np.array([[1, 1, 1], [0, 0, 0], [-1, -1, -1]])


@pytest.fixture(scope="module")
def checked() -> list[str]:
    """The printed output of each NBVAL_CHECK_OUTPUT cell, in order."""
    return [text_of(c) for c in checked_cells(read_notebook(NOTEBOOK))]


def test_the_hi_image_is_16_by_16(checked):
    text = checked[0]
    assert HI.shape == (16, 16)
    assert "shape: (16, 16)  smallest: 0  largest: 255" in text
    assert str(HI) in text
    assert "14×14" not in text  # the article's label is not repeated as fact


def test_reading_pixels(checked):
    assert f"row 6, columns 3..6: {HI[6, 3:7]}" in checked[1]
    assert str(np.arange(255, -1, -17)) in checked[1]  # 255, 238, ..., 17, 0
    assert "steps down the ramp: [-17]" in checked[1]


def test_the_two_by_two_example(checked):
    x = np.arange(1, 10).reshape(3, 3)
    k = np.array([[0, 1], [1, 0]])
    by_hand = [[2 + 4, 3 + 5], [5 + 7, 6 + 8]]
    assert correlate2d(x, k, "valid").tolist() == by_hand == [[6, 8], [12, 14]]
    text = checked[3]
    assert str(np.array(by_hand)) in text
    assert f"scipy correlate2d: {by_hand}" in text
    assert f"convlab conv2d:    {by_hand}" in text
    assert "all agree: True" in text


def test_the_rounded_blur_darkens_by_one_percent(checked):
    text = checked[4]
    assert round(9 * 0.11, 12) == 0.99
    assert "sum of the rounded weights: 0.99" in text
    assert f"rounded blur on a flat 100:  {[[99.0] * 3] * 3}" in text
    assert "sum of box(3): 1.0  box(3) on a flat 100: 100.0" in text


def test_blur_on_the_seeded_random_image(checked):
    rnd = np.random.default_rng(0).integers(0, 256, size=(64, 64), dtype=np.int64)
    blurred = convolve2d(rnd, np.full((3, 3), 0.11), mode="valid")
    text = checked[5]
    assert blurred.shape == (64 - 3 + 1,) * 2
    assert "shape before: (64, 64)  after: (62, 62)" in text
    assert f"before: {round(rnd.std(), 1)}  after: {round(blurred.std(), 1)}" in text
    assert 2.5 < rnd.std() / blurred.std() < 3.5  # about sqrt(9)


def test_laplacian_is_zero_on_flat_and_ramp(checked):
    text = checked[6]
    flat = correlate2d(np.full((5, 5), 7), LAPLACIAN, "valid")
    ramp = correlate2d(np.add.outer(np.arange(5), 2 * np.arange(5)), LAPLACIAN, "valid")
    assert not flat.any() and not ramp.any()
    assert text.count(str(np.zeros((3, 3), dtype=int))) == 2
    dot = np.zeros((5, 5), dtype=int)
    dot[2, 2] = 9
    assert str(correlate2d(dot, LAPLACIAN, "same")) in text
    assert correlate2d(dot, LAPLACIAN, "same")[2, 2] == -36


def test_sharpen_is_identity_minus_laplacian(checked):
    text = checked[7]
    identity = np.zeros((3, 3), dtype=int)
    identity[1, 1] = 1
    sharp = identity - LAPLACIAN
    assert sharp.tolist() == [[0, -1, 0], [-1, 5, -1], [0, -1, 0]]
    assert str(sharp) in text
    assert "equals convlab's sharpen(): True" in text
    assert f"weights add up to: {sharp.sum()}" in text and sharp.sum() == 1
    lhs = correlate2d(HI, sharp, "same")
    assert np.array_equal(lhs, HI - correlate2d(HI, LAPLACIAN, "same"))
    assert "image sharpened == image - its Laplacian: True" in text


def test_edge_kernels_on_the_hi_image(checked):
    text = checked[8]
    v = correlate2d(HI, VERTICAL, "valid")
    h = correlate2d(HI, HORIZONTAL, "valid")
    assert v.shape == (14, 14)
    assert v[2, 1] == 3 * (255 - 0) == 765 and v[2, 3] == -765
    assert f"row 2 (centred on image row 3): {v[2]}" in text
    assert (h[:, 13] == 2 * (17 + 17)).all()
    assert f"(output column 13): {h[:, 13]}" in text


def test_convolution_versus_correlation(checked):
    text = checked[9]
    assert "Laplacian: same either way: True; convolution = -correlation: False" in text
    assert np.array_equal(convolve2d(HI, VERTICAL, "valid"),
                          -correlate2d(HI, VERTICAL, "valid"))
    assert "vertical edge: same either way: False; convolution = -correlation: True" in text
    x = np.arange(1, 10).reshape(3, 3)
    k4 = [[1, 2], [3, 4]]
    corr = correlate2d(x, k4, "valid").tolist()
    conv = convolve2d(x, k4, "valid").tolist()
    assert corr == [[1 + 4 + 12 + 20, 47], [67, 77]] and conv == [[23, 33], [53, 63]]
    assert f"correlation: {corr}  conv2d: {corr}" in text
    assert f"convolution: {conv}  conv2d(flip=True): {conv}" in text
    assert "flipped [[1, 2], [3, 4]]: [[4, 3], [2, 1]]" in text


def test_how_much_of_the_photo_clips_when_the_weights_add_up_to_2(checked):
    """Doubling pushes every pixel above half of white past white (the issue measured 28.6 %)."""
    from matplotlib import cbook
    from PIL import Image

    with cbook.get_sample_data("grace_hopper.jpg") as f:
        rgb = np.asarray(Image.open(f).convert("RGB"), dtype=float)
    grey = rgb @ np.array([0.299, 0.587, 0.114]) / 255.0
    half = grey[:600, :512].reshape(300, 2, 256, 2).mean(axis=(1, 3))  # photo(downsample=2)
    share = np.mean(2 * half > half.max())
    assert share == pytest.approx(0.286, abs=0.0005)
    text = checked[18]
    assert f"pixels brighter than half of white: {np.mean(half > half.max() / 2):.1%}" in text
    assert f"doubled, {share:.1%} of the photo goes past white and clips: less than half" in text
    prose = read_notebook(NOTEBOOK).cells
    assert not any("most of the photo clips" in c.source for c in prose)


def test_every_checked_cell_is_tested(checked):
    assert len(checked) == 19


def test_the_notebook_drives_both_explorers_and_the_quiz():
    nb = read_notebook(NOTEBOOK)
    sources = code_text(nb)
    assert sources.count("Stepper2D(") == 2 and "FilterPlayground(" in sources
    assert 'for_notebook("04")' in sources
    explorers = [o for c in code_cells(nb) for o in c.outputs
                 if "application/vnd.jupyter.widget-view+json" in o.get("data", {})
                 and "image/png" in o.get("data", {})]
    assert len(explorers) == 3
    assert (NOTEBOOK_DIR / NOTEBOOK).stat().st_size < 700_000  # pictures stay small


# -- the exercises, separable kernels and borders (sections 2, 7 and 8) ----------------------


def _gauss1d(size, sigma):
    t = np.arange(size) - (size - 1) / 2
    g = np.exp(-(t**2) / (2 * sigma**2))
    return g / g.sum()


def _photo(downsample):
    """convlab.photo, rebuilt from matplotlib's sample file: grey in [0, 1], block means."""
    from matplotlib import cbook
    from PIL import Image

    with cbook.get_sample_data("grace_hopper.jpg") as f:
        rgb = np.asarray(Image.open(f).convert("RGB"), dtype=float)
    grey = rgb @ np.array([0.299, 0.587, 0.114]) / 255.0
    d = downsample
    rows, cols = 600 // d, 512 // d
    return grey[: rows * d, : cols * d].reshape(rows, d, cols, d).mean(axis=(1, 3))


def test_every_exercise_passes_with_its_reference_solution(checked):
    for index, kind, n in [(2, "correlate2d", 9), (11, "separable_blur", 9),
                           (15, "pad_modes", 10)]:
        text = checked[index]
        assert text.startswith(f"{kind}: ")
        assert f"{n} of {n} cases passed." in text and "All cases passed" in text
    nb = read_notebook(NOTEBOOK)
    graded = [c for c in nb.cells if "nbgrader" in c.metadata]
    assert [c.metadata.nbgrader.grade_id for c in graded] == [
        "nb04-ex-correlate2d", "nb04-ex-separable_blur", "nb04-ex-pad_modes"]
    for c in graded:
        assert c.metadata.nbgrader.solution and not c.metadata.nbgrader.grade
        assert "### BEGIN SOLUTION" in c.source and "### END SOLUTION" in c.source


def test_box_and_gaussian_are_outer_products(checked):
    third = np.ones(3) / 3
    assert np.allclose(np.full((3, 3), 1 / 9), np.outer(third, third))
    g = _gauss1d(13, 2.0)
    from convlab import gaussian1d

    assert np.allclose(gaussian1d(13, 2.0), g)  # the notebook's g is the bell of notebook 03
    text = checked[10]
    assert "box(3) == outer(ones/3, ones/3): True" in text
    assert "gaussian2d(13, 2) == outer(g, g): True" in text
    assert "its column and row are both g: True" in text


def test_two_passes_equal_the_2d_blur_on_the_photo(checked):
    face = _photo(3)
    g = _gauss1d(13, 2.0)
    two_d = correlate2d(face, np.outer(g, g), mode="same")
    passes = correlate2d(correlate2d(face, g[None, :], "same"), g[:, None], "same")
    assert np.abs(two_d - passes).max() < 1e-13
    text = checked[12]
    printed = float(text.split("two passes: ")[1].split()[0])
    assert 0 < printed < 1e-13
    for k in (3, 7, 15, 31):
        assert (f"{k:2}×{k:<2}: {k * k:4} multiply-adds per pixel in 2-D, {2 * k:2} in two "
                f"passes, {k / 2:4.1f} times fewer") in text
    prose = markdown_text(read_notebook(NOTEBOOK))
    assert "($15 \\times 15$: $225$ against $30$, 7.5 times fewer)" in prose


def test_the_timing_sentence_is_generated_not_typed():
    nb = read_notebook(NOTEBOOK)
    cell = next(c for c in code_cells(nb) if "separable_timings(" in c.source)
    assert "NBVAL_CHECK_OUTPUT" not in cell.source  # timings differ from run to run
    assert "print(speedup_sentence(timings))" in cell.source
    assert text_of(cell).splitlines()[-1].startswith("Measured here: for the 31×31 kernel")


def test_sobel_is_smooth_times_difference(checked):
    book = np.outer([1, 2, 1], [1, 0, -1])
    assert book.tolist() == [[1, 0, -1], [2, 0, -2], [1, 0, -1]]
    sobel_x = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]])
    assert np.array_equal(sobel_x, book[::-1, ::-1])
    face = _photo(3)
    assert np.allclose(correlate2d(face, sobel_x, "valid"), convolve2d(face, book, "valid"))
    text = checked[13]
    assert str(book) in text
    assert "sobel_x() is its half turn: True" in text
    assert "conv2d with sobel_x() == true convolution with the textbook kernel: True" in text


def test_ranks_by_svd(checked):
    g = _gauss1d(13, 2.0)
    kernels = {"box 3×3": np.full((3, 3), 1 / 9), "Gaussian 13×13": np.outer(g, g),
               "Sobel x": np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]),
               "vertical edge": VERTICAL, "Laplacian": LAPLACIAN}
    text = checked[14]
    for name, k in kernels.items():
        s = np.linalg.svd(k.astype(float), compute_uv=False)[:3].round(3) + 0.0
        rank = np.linalg.matrix_rank(k)
        assert f"{name:>14}: largest singular values {s}, rank {rank}" in text
    assert np.linalg.matrix_rank(LAPLACIAN) == 2
    assert np.allclose(np.linalg.svd(LAPLACIAN.astype(float), compute_uv=False)[:2],
                       [2 + 6**0.5, 6**0.5 - 2])
    assert "separable_factors(laplacian()): k has rank 2" in text
    prose = markdown_text(read_notebook(NOTEBOOK))
    assert "$2 + \\sqrt 6 \\approx 4.449$ and $\\sqrt 6 - 2 \\approx 0.449$" in prose


def test_padding_a_line(checked):
    text = checked[16]
    line = [1, 2, 3, 4]
    by_hand = {"zeros": [0, 0, 1, 2, 3, 4, 0, 0], "reflect": [3, 2, 1, 2, 3, 4, 3, 2],
               "replicate": [1, 1, 1, 2, 3, 4, 4, 4], "circular": [3, 4, 1, 2, 3, 4, 1, 2]}
    numpy_name = {"zeros": "constant", "reflect": "reflect", "replicate": "edge",
                  "circular": "wrap"}
    for mode, want in by_hand.items():
        assert np.pad(line, 2, mode=numpy_name[mode]).tolist() == want
        assert f"(np.pad mode {numpy_name[mode]!r:>10}): {np.array(want)}" in text


def test_zeros_darken_the_frame(checked):
    """The ring means, with the padding built by numpy.pad and the blur by scipy."""
    face = _photo(3)
    t = np.arange(31) - 15
    g = np.exp(-(t**2) / (2 * 5.0**2))
    kernel = np.outer(g, g) / np.outer(g, g).sum()
    ring = np.ones(face.shape, dtype=bool)
    ring[4:-4, 4:-4] = False
    text = checked[17]
    assert f"the photo itself: mean brightness of the outer ring {face[ring].mean():.3f}" in text
    means = {}
    for mode, np_mode in {"zeros": "constant", "reflect": "reflect", "replicate": "edge",
                          "circular": "wrap"}.items():
        blurred = correlate2d(np.pad(face, 15, mode=np_mode), kernel, "valid")
        assert blurred.shape == face.shape
        means[mode] = blurred[ring].mean()
        assert f"{mode:>14}: mean brightness of the outer ring {means[mode]:.3f}" in text
    assert means["zeros"] < min(means[m] for m in ("reflect", "replicate", "circular")) - 0.05
    prose = markdown_text(read_notebook(NOTEBOOK))
    others = sorted(round(means[m], 3) for m in ("reflect", "replicate", "circular"))
    assert (f"drops from {face[ring].mean():.3f} in the photo to {means['zeros']:.3f}") in prose
    assert f"({others[0]:.3f} to {others[-1]:.3f})" in prose


def test_predict_moments_are_cards_with_tagged_answers():
    nb = read_notebook(NOTEBOOK)
    cells = nb.cells
    cards = [i for i, c in enumerate(cells) if c.cell_type == "code"
             and c.source.startswith("predict(")]
    predicts = [i for i, c in enumerate(cells) if i > 0 and c.cell_type == "markdown"
                and "**Predict" in c.source]  # cell 0 only says how Predict works
    assert len(cards) == len(predicts) == 15
    for i in predicts:
        assert i + 1 in cards, cells[i].source[:80]
    answers = [c for c in cells if "answer" in c.metadata.get("tags", [])]
    assert len(answers) >= 15
    for c in answers:
        assert c.cell_type == "markdown" and "**Predict" not in c.source and "## " not in c.source
    imports = code_cells(nb)[0].source
    assert imports.rstrip().endswith('predict = predictions_for("04")')
