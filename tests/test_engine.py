"""The convolution engine under abuse: real costs, tiny weights, fork, and stated limits.

Each test here reproduces a finding of the adversarial pass (memory blown, weights lost,
a forked child hung) and fails without its fix.  Expected values come from numpy
(``np.correlate`` / ``np.convolve``) or from an exact ``math.fsum`` loop, never from the
engine itself.
"""

from __future__ import annotations

import math
import multiprocessing
import subprocess
import sys
import textwrap

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from convlab import avg_pool2d, conv1d, conv2d, conv_transpose1d, max_pool2d, steps

METHODS = ("direct", "fft", "auto")


def _run_measured(code: str, timeout: float = 120) -> dict:
    """Run ``code`` in a fresh interpreter; return its seconds and peak resident memory (MB)."""
    # The peak is the kernel's high-water mark of resident memory (VmHWM), reset just
    # before the call: ru_maxrss would include the parent's size, inherited across exec.
    probe = textwrap.dedent(
        """
        import re, time
        import numpy as np
        import convlab
        def status(field):
            text = open("/proc/self/status").read()
            return int(re.search(field + r":\\s+(\\d+) kB", text).group(1)) / 1024
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        base = status("VmRSS")
        start = time.perf_counter()
        {code}
        seconds = time.perf_counter() - start
        print(seconds, status("VmHWM") - base)
        """
    ).format(code=code)
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=timeout
    )
    assert out.returncode == 0, out.stderr[-2000:]
    seconds, megabytes = map(float, out.stdout.split()[-2:])
    return {"seconds": seconds, "MB": megabytes}


# -- finding 1: the cost model counts the real work and memory ---------------------------------


def test_the_cost_model_counts_the_real_work_of_a_kernel_nearly_as_long_as_the_input():
    from convlab._engine import choose_method, estimate, plan_conv

    # before the fix: "direct" by scipy.ndimage, costed at 2 outputs x 19999 taps, which
    # really sums over all 20000 inputs and fills a 19999 x 19999 table (5 s, 3.1 GB)
    plan = plan_conv(np.zeros(20_000), np.ones(19_999), 1, 0, 1, False, 1)
    costs = estimate(plan)
    assert "ndimage" not in costs or costs["ndimage"][0] > 1.0
    method = choose_method(plan)
    worker = "fft" if method == "fft" else "shift"  # scipy.ndimage is ruled out above
    assert costs[worker][0] < 5e-3 and costs[worker][1] < 10e6
    # in 2-D the 4 windows of 199 x 199 strided values cost more than the FFT
    plan = plan_conv(np.zeros((200, 200)), np.ones((199, 199)), 1, 0, 1, False, 2)
    assert choose_method(plan) == "fft"


def test_kernel_nearly_as_long_as_the_input_is_cheap_and_right():
    # before the fix: 3.1 GB resident for method="auto" (measured first, in a fresh process)
    run = _run_measured("convlab.conv1d(np.random.rand(20000), np.random.rand(19999))")
    assert run["MB"] < 200, run
    rng = np.random.default_rng(1)
    x, k = rng.random(20_000), rng.random(19_999)
    want = np.correlate(x, k, mode="valid")
    for method in METHODS:
        got = conv1d(x, k, method=method)
        np.testing.assert_allclose(got, want, rtol=1e-9)


def test_2d_kernel_nearly_as_large_as_the_image_does_not_run_out_of_memory():
    rng = np.random.default_rng(2)
    x, k = rng.random((200, 200)), rng.random((199, 199))
    want = np.array(
        [[np.sum(x[i : i + 199, j : j + 199] * k) for j in range(2)] for i in range(2)]
    )
    run = _run_measured(
        "convlab.conv2d(np.random.rand(200, 200), np.random.rand(199, 199), method='direct')"
    )
    assert run["MB"] < 200, run
    for method in METHODS:  # before the fix: MemoryError for "auto" and "direct"
        np.testing.assert_allclose(conv2d(x, k, method=method), want, rtol=1e-9)


def test_huge_dilation_with_huge_padding_is_fast():
    # before the fix: 95 s in scipy.ndimage building offsets for a 501 x 501 kernel of 4 taps
    run = _run_measured(
        "y = convlab.conv2d(np.ones((1, 1)), np.ones((2, 2)), dilation=500, padding=500)\n"
        "assert y.shape == (501, 501) and y.sum() == 4, y.sum()",
        timeout=60,
    )
    assert run["MB"] < 200, run
    y = conv2d(np.ones((1, 1)), np.ones((2, 2)), dilation=500, padding=500, method="direct")
    want = np.zeros((501, 501))
    want[[0, 0, 500, 500], [0, 500, 0, 500]] = 1.0
    np.testing.assert_array_equal(y, want)


@pytest.mark.parametrize("method", METHODS)
def test_a_request_past_the_memory_limit_is_refused_clearly(method):
    from convlab._engine import MEMORY_LIMIT

    # a 9000 x 9000 image (650 MB of float64, allowed as input) needs well over the limit
    x = np.lib.stride_tricks.as_strided(np.zeros(1), (9000, 9000), (0, 0))
    with pytest.raises(ValueError, match=r"conv2d with method=.* would need about .* GB") as err:
        conv2d(x, np.ones((3, 3)), method=method, padding=1)
    assert f"{MEMORY_LIMIT / 1e9:g} GB" in str(err.value)


def test_direct_past_the_work_limit_is_refused_and_points_to_fft():
    x, k = np.zeros((3000, 3000)), np.ones((1500, 1500))
    with pytest.raises(ValueError, match=r"method='direct' would need .* multiply-adds.*'fft'"):
        conv2d(x, k, method="direct")


# -- finding 2: tiny weights do not vanish --------------------------------------------------


@pytest.mark.parametrize("method", METHODS)
def test_tiny_weights_do_not_vanish(method):
    got = conv1d([1e20, 2e20, 3e20], [1e-16, 1e-16], method=method)
    np.testing.assert_allclose(got, [3e4, 5e4], rtol=1e-12)


@pytest.mark.parametrize("method", METHODS)
def test_a_tiny_tap_beside_a_big_one_counts(method):
    # the tap of 1e-17 is below machine epsilon relative to the tap of 1, but its product
    # with 1e20 is 1000, far above the rounding of the sum
    x, k = [1e20, 1.0, 0.0], [1e-17, 1.0]
    want = np.correlate(x, k, mode="valid")  # [1001, 1]
    got = conv1d(x, k, method=method)
    if method == "fft":  # the FFT's rounding is relative to |x| |k| as a whole
        np.testing.assert_allclose(got, want, atol=1e-12 * 1e20)
    else:
        np.testing.assert_allclose(got, want, rtol=1e-12)


def test_tiny_2d_weights_do_not_vanish():
    x = np.full((3, 3), 1e20)
    for method in METHODS:
        np.testing.assert_allclose(
            conv2d(x, np.full((2, 2), 1e-17), method=method), np.full((2, 2), 4e3), rtol=1e-12
        )


def test_transposed_convolution_keeps_tiny_weights_and_the_limits():
    # a stamp of 1e-16s on samples of 1e20: [1e4, 1e4 + 2e4, 2e4]
    np.testing.assert_allclose(
        conv_transpose1d([1e20, 2e20], [1e-16, 1e-16]), [1e4, 3e4, 2e4], rtol=1e-12
    )
    with pytest.raises(ValueError, match=r"conv_transpose1d with method='auto' would need"):
        x = np.lib.stride_tricks.as_strided(np.zeros(1), (2 * 10**7,), (0,))
        conv_transpose1d(x, np.ones(5), stride=3)  # 6e7 outputs: over 1 GB any way


def test_core_layers_and_steps_share_the_engine_not_each_others_privates():
    import ast
    from pathlib import Path

    package = Path(__file__).resolve().parent.parent / "convlab"
    for name in ("core", "layers", "steps"):
        tree = ast.parse((package / f"{name}.py").read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module in ("core", "layers", "steps"):
                private = [a.name for a in node.names if a.name.startswith("_")]
                assert not private, f"{name} imports {private} from {node.module}"
    assert "_engine" in (package / "layers.py").read_text()


def _exact_correlate(x, k):
    m = len(k)
    return [math.fsum(x[i + j] * k[j] for j in range(m)) for i in range(len(x) - m + 1)]


def _norm(v):
    peak = np.abs(v).max()  # scaled, so that 1e-200 squared does not underflow to 0
    return 0.0 if peak == 0 else peak * np.linalg.norm(v / peak)


_magnitudes = st.sampled_from([1e-300, 1e-200, 1e-30, 1e-17, 1e-16, 1e-8, 1.0, 1e8, 1e30, 1e200])


@st.composite
def _signal_and_kernel(draw):
    n = draw(st.integers(1, 40))
    m = draw(st.integers(1, n))
    unit = st.floats(-1, 1, allow_nan=False, allow_subnormal=False)
    x = np.array(draw(st.lists(unit, min_size=n, max_size=n))) * draw(
        st.sampled_from([1e-20, 1.0, 1e20])
    )
    scale = draw(_magnitudes)
    k = np.array(draw(st.lists(unit, min_size=m, max_size=m))) * scale
    if draw(st.booleans()):  # mix in taps far smaller than the rest
        tiny = draw(st.lists(st.booleans(), min_size=m, max_size=m))
        k = np.where(tiny, k * 1e-18, k)
    return x, k


@settings(max_examples=150, deadline=None)
@given(_signal_and_kernel())
# found by hypothesis: scaling a 1e30 kernel down by 2**-100 sent products into the
# subnormals, so the direct sum returned 0 for 1e-20 * 1.3e-276 and lost digits of 4e-311 * 1e30
@example(data=(np.array([0.0, 1e-20]), np.array([1e30, 1.33833123e-276])))
@example(data=(np.array([4.09527361e-311]), np.array([1e30])))
def test_every_method_agrees_with_an_exact_sum_for_any_kernel_magnitude(data):
    x, k = data
    want = np.array(_exact_correlate(x, k))
    terms = np.lib.stride_tricks.sliding_window_view(np.abs(x), len(k)) @ np.abs(k)
    eps = np.finfo(float).eps
    # a direct sum rounds each output relative to its own terms
    got = conv1d(x, k, method="direct")
    assert np.all(np.abs(got - want) <= 4 * len(k) * eps * terms + 1e-300)
    # the FFT rounds relative to the whole of |x| and |k|; "auto" is one or the other
    bound = 10 * eps * math.log2(2 * len(x) + 2) * _norm(x) * _norm(k)
    for method in ("fft", "auto"):
        got = conv1d(x, k, method=method)
        assert np.all(np.abs(got - want) <= bound + 1e-300), method


# -- finding 4: fork after the thread pool ran ----------------------------------------------


def _child_conv(queue):
    rng = np.random.default_rng(4)
    x, k = rng.random((1200, 1200)), rng.random((5, 5))
    y = conv2d(x, k, method="direct")  # threaded scipy.ndimage
    z = conv2d(x, k, method="fft")  # threaded scipy.fft
    want = np.array([[np.sum(x[i : i + 5, j : j + 5] * k) for j in range(9)] for i in range(9)])
    queue.put(bool(np.allclose(y[:9, :9], want) and np.allclose(z[:9, :9], want)))


def test_a_forked_child_can_convolve_after_the_parent_used_the_thread_pool():
    import convlab._engine as engine

    rng = np.random.default_rng(3)
    x, k = rng.random((1200, 1200)), rng.random((5, 5))
    conv2d(x, k, method="direct")  # the engine's threads run
    conv2d(x, k, method="fft")  # and scipy.fft's
    assert engine.THREADS == 1 or engine._pool is not None, "the parent did not use the pool"
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=_child_conv, args=(queue,))
    child.start()
    child.join(timeout=120)
    if child.is_alive():
        child.kill()
        child.join()
        pytest.fail("the forked child hung in conv2d")
    assert child.exitcode == 0
    assert queue.get(timeout=10) is True


# -- finding 7: pooling overflow, steps memory -------------------------------------------------


def test_avg_pool_of_huge_integers_does_not_overflow():
    got = avg_pool2d([[2**62] * 2] * 2, 2)
    assert got.dtype == np.float64
    assert got[0, 0] == float(2**62)


def test_avg_pool_keeps_integer_means_right():
    x = np.array([[2**62, 2**62 - 2], [1, 3]])
    assert avg_pool2d(x, (1, 2))[0, 0] == pytest.approx(2**62 - 1, rel=1e-15)
    assert avg_pool2d(x, (1, 2))[1, 0] == 2.0


def test_max_pool_of_extreme_integers_is_exact():
    x = np.array([[-(2**63) + 1, -(2**62)], [2**63 - 1, 0]])
    np.testing.assert_array_equal(max_pool2d(x, 2), [[2**63 - 1]])
    np.testing.assert_array_equal(max_pool2d(x, 2, padding=1), [[-(2**63) + 1, -(2**62)],
                                                                 [2**63 - 1, 0]])


def test_steps_of_a_long_signal_stay_lazy_and_refuse_all_products_at_once():
    import tracemalloc

    from convlab.steps import MAX_STEP_VALUES

    tracemalloc.start()
    try:
        rec = steps(np.zeros(20_000), np.zeros(5_000))
        step = rec[12_345]
        peak = tracemalloc.get_traced_memory()[1]
        # before the fix: 1 GB here, without a word
        with pytest.raises(ValueError, match=r"products of all 24999 steps of 5000 taps"):
            rec.products  # noqa: B018
        assert tracemalloc.get_traced_memory()[1] < 50e6
    finally:
        tracemalloc.stop()
    assert peak < 20e6 and step.products.shape == (5_000,)
    n = math.isqrt(MAX_STEP_VALUES) // 2  # under the limit: all products at once
    assert steps(np.ones(n), np.ones(n)).products.shape == (2 * n - 1, n)
