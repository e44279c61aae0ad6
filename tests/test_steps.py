"""steps / steps2d: one record per output, consistent with convolve / correlate / conv2d."""

import numpy as np
import pytest
import scipy.signal
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from convlab import Steps, Steps2D, conv2d, steps, steps2d

small_ints = st.integers(-9, 9)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(
    hnp.arrays(np.int64, st.integers(1, 10), elements=small_ints),
    hnp.arrays(np.int64, st.integers(1, 6), elements=small_ints),
    st.sampled_from(["full", "same", "valid"]),
    st.booleans(),
)
def test_steps_sum_to_scipy(x, h, mode, flip):
    rec = steps(x, h, mode, flip=flip)
    reference = scipy.signal.convolve if flip else scipy.signal.correlate
    want = reference(x, h, mode=mode, method="direct")
    assert isinstance(rec, Steps)
    assert len(rec) == len(want)
    np.testing.assert_array_equal(rec.output, want)
    applied = h[::-1] if flip else h
    for i, step in enumerate(rec):
        assert step.index == i
        np.testing.assert_array_equal(step.kernel, applied)
        # values are x where the window overlaps it and zero outside
        inside = (step.indices >= 0) & (step.indices < len(x))
        expected = np.where(inside, x[np.clip(step.indices, 0, len(x) - 1)], 0)
        np.testing.assert_array_equal(step.values, expected)
        np.testing.assert_array_equal(step.products, expected * applied)
        assert step.sum == want[i]
    np.testing.assert_array_equal(rec.products.sum(axis=1), want)


def test_steps_by_hand():
    # notebook 02's example, step 7: flipped [1, 2, 3, 2, 1] over x[3..7] = [1, 2, 3, 2, 1]
    rec = steps([0, 0, 0, 1, 2, 3, 2, 1, 0, 0], [1, 2, 3, 2, 1])
    step = rec[7]
    assert step.start == 3
    np.testing.assert_array_equal(step.values, [1, 2, 3, 2, 1])
    np.testing.assert_array_equal(step.products, [1, 4, 9, 4, 1])
    assert step.sum == 19
    assert step.equation() == "y[7] = 1×1 + 2×2 + 3×3 + 2×2 + 1×1 = 19"
    assert rec[-1].sum == 0
    assert "14 steps" in repr(rec)


def test_steps_windows_are_views_not_copies():
    x = np.arange(1000.0)
    rec = steps(x, np.ones(51), "valid")
    assert np.shares_memory(rec.windows, rec.padded)
    assert not rec.output.flags.writeable


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(
    hnp.arrays(np.int64, st.tuples(st.integers(1, 7), st.integers(1, 7)), elements=small_ints),
    hnp.arrays(np.int64, st.tuples(st.integers(1, 3), st.integers(1, 3)), elements=small_ints),
    st.tuples(st.integers(1, 3), st.integers(1, 3)),
    st.tuples(st.integers(0, 2), st.integers(0, 2)),
    st.tuples(st.integers(1, 2), st.integers(1, 2)),
    st.booleans(),
)
def test_steps2d_sum_to_conv2d(x, k, stride, padding, dilation, flip):
    spans = [d * (m - 1) + 1 for d, m in zip(dilation, k.shape)]
    if any(n + 2 * p < s for n, p, s in zip(x.shape, padding, spans)):
        with pytest.raises(ValueError, match="k must fit"):
            steps2d(x, k, stride=stride, padding=padding, dilation=dilation)
        return
    rec = steps2d(x, k, stride=stride, padding=padding, dilation=dilation, flip=flip)
    assert isinstance(rec, Steps2D)
    want = conv2d(x, k, stride=stride, padding=padding, dilation=dilation, flip=flip)
    assert rec.shape == want.shape
    assert len(rec) == want.size
    applied = k[::-1, ::-1] if flip else k
    xp = np.pad(x, [(padding[0],) * 2, (padding[1],) * 2])
    for i in range(len(rec)):
        step = rec[i]
        r, c = step.index
        assert (r, c) == divmod(i, want.shape[1])
        rows, cols = step.indices
        np.testing.assert_array_equal(step.values, xp[np.ix_(rows + padding[0], cols + padding[1])])
        np.testing.assert_array_equal(step.products, step.values * applied)
        assert step.sum == want[r, c]
        assert rec[r, c].sum == step.sum


def test_steps2d_seed_example_by_hand():
    rec = steps2d([[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[0, 1], [1, 0]])
    assert [rec[i].sum for i in range(len(rec))] == [6, 8, 12, 14]
    assert rec[0, 1].start == (0, 1)
    with pytest.raises(IndexError, match="step index"):
        rec[4]
    with pytest.raises(TypeError, match="step index"):
        rec["a"]


def test_steps2d_on_a_large_photo_is_cheap():
    # 512x512 with a 31x31 kernel: no 250-million-element product array is built
    rng = np.random.default_rng(0)
    rec = steps2d(rng.random((512, 512)), rng.random((31, 31)), padding="same")
    assert rec.shape == (512, 512)
    assert np.shares_memory(rec.windows, rec.padded)
    step = rec[300, 200]
    assert step.products.shape == (31, 31)
    assert step.sum == pytest.approx(rec.output[300, 200])
