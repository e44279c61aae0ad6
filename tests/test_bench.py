"""The timing table: a tiny grid, so this runs in seconds."""

import subprocess
import sys

import numpy as np
import pytest

from convlab.bench import (
    CONV1D_METHODS,
    CONV_METHODS,
    conv1d_bench,
    conv_bench,
    conv_summary,
    format_conv_table,
    main,
    python_loop_correlate,
    select_methods,
)


def test_python_loop_reference_is_right():
    rng = np.random.default_rng(0)
    x, k = rng.random((9, 8)), rng.random((3, 2))
    import scipy.signal

    np.testing.assert_allclose(
        python_loop_correlate(x, k), scipy.signal.correlate(x, k, mode="valid")
    )


def test_conv_bench_rows_and_ratios():
    rows = conv_bench([24, 40], [3, 5], repeats=2, min_seconds=0, loop_ops=2_000)
    methods = {row["method"] for row in rows}
    assert methods == {*CONV_METHODS, "python loops"}
    assert len(rows) == 4 * len(methods)
    for cell in {(r["image"], r["kernel"]) for r in rows}:
        cell_rows = [r for r in rows if (r["image"], r["kernel"]) == cell]
        assert min(r["ratio"] for r in cell_rows) == 1.0
        assert all(r["seconds"] > 0 for r in cell_rows)
    loops = [r for r in rows if r["method"] == "python loops"]
    assert any(not r["measured"] for r in loops)  # 2000 operations: extrapolated
    text = format_conv_table(rows)
    assert "convlab auto" in text and "~" in text
    summary = conv_summary(rows)
    assert set(summary) == {"worst_vs_best_scipy", "geomean_vs_scipy_correlate"}


def test_conv_bench_rejects_bad_sizes():
    with pytest.raises(ValueError, match="kernel_sizes"):
        conv_bench([4], [5])
    with pytest.raises(ValueError, match="repeats"):
        conv_bench([8], [3], repeats=0)


def test_main_quick_prints_the_table(capsys):
    assert main(["conv", "--sizes", "32", "--kernels", "3", "--repeats", "1", "--quick"]) == 0
    out = capsys.readouterr().out
    assert "convlab auto" in out and "scipy ndimage" in out and "geometric mean" in out


def test_command_line_defaults_to_conv():
    result = subprocess.run(
        [sys.executable, "-m", "convlab.bench", "--quick", "--sizes", "32", "--kernels", "3"],
        capture_output=True, text=True, check=True, timeout=120,
    )
    assert "python loops" in result.stdout


def test_select_methods_refuses_unknown_and_reratios():
    rows = [
        {"image": 8, "kernel": 3, "method": m, "seconds": s, "ratio": 0.0}
        for m, s in (("a", 2.0), ("b", 1.0), ("c", 8.0))
    ]
    kept = select_methods(rows, ["c", "a"])
    assert [(r["method"], r["ratio"]) for r in kept] == [("c", 4.0), ("a", 1.0)]
    assert rows[0]["ratio"] == 0.0  # the input is not changed
    with pytest.raises(ValueError, match="'z'"):
        select_methods(rows, ["z"])


def test_conv1d_bench_rows_and_methods_agree():
    rng = np.random.default_rng(3)
    x, h = rng.standard_normal(200), rng.standard_normal(9)
    want = np.array([sum(x[i] * h[k - i] for i in range(len(x)) if 0 <= k - i < len(h))
                     for k in range(len(x) + len(h) - 1)])
    for func in CONV1D_METHODS.values():
        assert np.allclose(func(x, h), want)
    messages = []
    rows = conv1d_bench(500, (3, 40), repeats=2, min_seconds=0, progress=messages.append)
    assert [(r["kernel"], r["method"]) for r in rows] == [
        (3, "direct"), (3, "fft"), (40, "direct"), (40, "fft")]
    assert all(r["n"] == 500 and r["seconds"] > 0 and r["runs"] >= 2 for r in rows)
    assert messages == ["signal 500, kernel 3", "signal 500, kernel 40"]


def test_conv1d_bench_rejects_bad_sizes():
    with pytest.raises(ValueError, match="kernel_lengths"):
        conv1d_bench(100, (0,))
    with pytest.raises(TypeError, match="n"):
        conv1d_bench(10.5)
