"""convolve / correlate against numpy and scipy, every mode, 1-D and 2-D, ints and floats."""

import numpy as np
import pytest
import scipy.signal
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from convlab import convolve, correlate, outer_diagonals

MODES = ["full", "same", "valid"]
small_ints = st.integers(-20, 20)
small_floats = st.floats(-100, 100, allow_nan=False, width=64)


def fits_valid(a, b):
    return all(p >= q for p, q in zip(a, b)) or all(q >= p for p, q in zip(a, b))


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(
    st.booleans(),
    st.integers(1, 2),
    st.sampled_from(MODES),
    st.data(),
)
def test_match_scipy(use_int, ndim, mode, data):
    dtype, elements = (np.int64, small_ints) if use_int else (np.float64, small_floats)
    shapes = hnp.array_shapes(min_dims=ndim, max_dims=ndim, min_side=1, max_side=7)
    x = data.draw(hnp.arrays(dtype, shapes, elements=elements))
    h = data.draw(hnp.arrays(dtype, shapes, elements=elements))
    if mode == "valid" and not fits_valid(x.shape, h.shape):
        with pytest.raises(ValueError, match="valid"):
            convolve(x, h, mode)
        return
    for ours, theirs in [(convolve, scipy.signal.convolve), (correlate, scipy.signal.correlate)]:
        got = ours(x, h, mode)
        want = theirs(x, h, mode=mode, method="direct")
        assert got.shape == want.shape
        if use_int:
            assert got.dtype == np.int64
            np.testing.assert_array_equal(got, want)
        else:
            np.testing.assert_allclose(got, want, rtol=1e-9, atol=1e-9)


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(
    hnp.arrays(np.int64, st.integers(1, 12), elements=small_ints),
    hnp.arrays(np.int64, st.integers(1, 12), elements=small_ints),
    st.sampled_from(MODES),
)
def test_1d_convolve_matches_numpy(x, h, mode):
    # numpy's "same" keeps max(N, M) values where scipy (and convlab) keep N, and
    # np.correlate swaps its inputs when h is longer: compare where they agree by definition
    if mode != "same" or len(h) <= len(x):
        np.testing.assert_array_equal(convolve(x, h, mode), np.convolve(x, h, mode))
    if len(h) <= len(x):
        np.testing.assert_array_equal(correlate(x, h, mode), np.correlate(x, h, mode))


def test_seed_vectors():
    # HANDBOOK section 8
    np.testing.assert_array_equal(
        convolve([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]), [6, 19, 40, 70, 110, 114, 106, 85, 50]
    )
    np.testing.assert_array_equal(
        convolve([0, 0, 0, 1, 2, 3, 2, 1, 0, 0], [1, 2, 3, 2, 1]),
        [0, 0, 0, 1, 4, 10, 16, 19, 16, 10, 4, 1, 0, 0],
    )
    np.testing.assert_array_equal(
        correlate([[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[0, 1], [1, 0]], mode="valid"),
        [[6, 8], [12, 14]],
    )
    np.testing.assert_array_equal(
        outer_diagonals([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]).sums,
        [6, 19, 40, 70, 110, 114, 106, 85, 50],
    )


def test_mode_lengths():
    x, h = np.ones(10), np.ones(3)
    assert [len(convolve(x, h, m)) for m in MODES] == [12, 10, 8]
    assert [len(convolve(h, x, m)) for m in MODES] == [12, 3, 8]


def test_convolution_flips_and_correlation_does_not():
    x = [0, 0, 1, 0, 0]
    np.testing.assert_array_equal(convolve(x, [1, 2, 3], "same"), [0, 1, 2, 3, 0])
    np.testing.assert_array_equal(correlate(x, [1, 2, 3], "same"), [0, 3, 2, 1, 0])


def test_sawtooth_smoothing_matches_seed_004():
    # seed 004: np.convolve(sawtooth, gaussian_kernel(21, 3), mode="valid")
    saw = np.tile(np.linspace(-1, 1, 50), 4)
    t = np.linspace(-10, 10, 21)
    g = np.exp(-(t**2) / 18)
    g /= g.sum()
    np.testing.assert_allclose(convolve(saw, g, "valid"), np.convolve(saw, g, "valid"))
    assert len(convolve(saw, g, "valid")) == 180


def test_big_integers_stay_exact():
    x = np.array([2**40, 3, -(2**41)])
    h = np.array([2**20, -1])
    want = [int(a) for a in np.convolve(x.astype(object), h.astype(object))]
    assert convolve(x, h).tolist() == want
