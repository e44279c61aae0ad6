"""Timing tables: what does a 2-D convolution cost, and which way of computing it wins?

:func:`conv_bench` times :func:`convlab.conv2d` (methods "auto", "direct" and
"fft") against scipy's ways of computing the same "valid" cross-correlation and
against a plain Python loop, over a grid of image and kernel sizes, and returns
one row per (image, kernel, method).  :func:`format_conv_table` turns the rows
into the table that notebook 08 shows and that the command line prints (and
:func:`conv1d_bench` times full 1-D convolution, ``numpy.convolve`` against
``scipy.signal.fftconvolve``, for the notebook's 1-D crossover)::

    python -m convlab.bench             # the full grid: images 256, 512, 2048; kernels 3..31
    python -m convlab.bench conv --quick  # a small grid that runs in seconds
    python -m convlab.bench memory      # peak memory and time of very large kernels

:func:`memory_bench` runs each large case in a fresh process and reports its peak
memory next to ``method="fft"``, all under the engine's stated limits (1 GB).

Times are medians of repeats, and every ratio compares methods timed in the same
run on the same machine, so the ratios carry over better than the milliseconds.
The Python loop is timed on the first few output rows only and scaled up to the
whole image (its cost is exactly proportional to the number of rows); such
entries are marked ``~``.  At 2048² with a 31×31 kernel it would run for an hour.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from collections.abc import Callable, Sequence

import numpy as np
import scipy.ndimage
import scipy.signal

from ._validation import check_int
from .bench_memory import MEMORY_CASES, _seconds, format_memory_table, memory_bench
from .layers import conv2d

__all__ = [
    "CONV_METHODS",
    "MEMORY_CASES",
    "CONV1D_METHODS",
    "conv1d_bench",
    "conv_bench",
    "conv_summary",
    "format_conv_table",
    "format_memory_table",
    "main",
    "memory_bench",
    "python_loop_correlate",
    "select_methods",
]


def python_loop_correlate(x, k, rows=None):
    """Valid 2-D cross-correlation with nothing but Python loops: the slow baseline.

    Parameters
    ----------
    x : (N1, N2) array_like
        The image.
    k : (M1, M2) array_like
        The kernel.
    rows : int, optional
        Compute only the first ``rows`` output rows (all by default).

    Returns
    -------
    list of list of float
        The output rows.

    Examples
    --------
    >>> python_loop_correlate([[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[0, 1], [1, 0]])
    [[6.0, 8.0], [12.0, 14.0]]
    """
    x = [[float(v) for v in row] for row in np.asarray(x).tolist()]
    k = [[float(v) for v in row] for row in np.asarray(k).tolist()]
    m1, m2 = len(k), len(k[0])
    n_rows, n_cols = len(x) - m1 + 1, len(x[0]) - m2 + 1
    if rows is not None:
        n_rows = min(n_rows, rows)
    out = []
    for i in range(n_rows):
        out_row = []
        for j in range(n_cols):
            total = 0.0
            for a in range(m1):
                x_row, k_row = x[i + a], k[a]
                for b in range(m2):
                    total += x_row[j + b] * k_row[b]
            out_row.append(total)
        out.append(out_row)
    return out


def _ndimage(x, k):
    # zero padding as conv2d; the valid part is out[c0 : c0 + n - m + 1, ...], c = m // 2
    return scipy.ndimage.correlate(x, k, mode="constant", cval=0.0)


#: The timed methods: label -> function of (x, k) computing the valid cross-correlation
#: (scipy.ndimage.correlate computes the zero-padded "same" output, of which "valid" is a slice).
CONV_METHODS: dict[str, Callable] = {
    "convlab auto": lambda x, k: conv2d(x, k),
    "convlab direct": lambda x, k: conv2d(x, k, method="direct"),
    "convlab fft": lambda x, k: conv2d(x, k, method="fft"),
    "scipy correlate2d": lambda x, k: scipy.signal.correlate2d(x, k, mode="valid"),
    "scipy ndimage": _ndimage,
    "scipy fftconvolve": lambda x, k: scipy.signal.fftconvolve(x, k[::-1, ::-1], mode="valid"),
    "scipy correlate": lambda x, k: scipy.signal.correlate(x, k, mode="valid"),
}
PYTHON_LOOP = "python loops"
_SCIPY = [name for name in CONV_METHODS if name.startswith("scipy")]


def _valid_part(name, y, k):
    if name == "scipy ndimage":
        c0, c1 = k.shape[0] // 2, k.shape[1] // 2
        return y[c0 : c0 + y.shape[0] - k.shape[0] + 1, c1 : c1 + y.shape[1] - k.shape[1] + 1]
    return y


def _time_loop(x, k, target_ops):
    rows = x.shape[0] - k.shape[0] + 1
    ops_per_row = (x.shape[1] - k.shape[1] + 1) * k.size
    sample = max(1, min(rows, math.ceil(target_ops / ops_per_row)))
    xs = x[: sample + k.shape[0] - 1]
    start = time.perf_counter()
    python_loop_correlate(xs, k, rows=sample)
    elapsed = time.perf_counter() - start
    return elapsed * rows / sample, sample == rows


def conv_bench(
    image_sizes: Sequence[int] = (256, 512, 2048),
    kernel_sizes: Sequence[int] = (3, 7, 15, 31),
    *,
    repeats: int = 5,
    min_seconds: float = 0.6,
    max_repeats: int = 40,
    max_seconds: float = 3.0,
    loop_ops: int = 1_000_000,
    seed: int = 0,
    check: bool = True,
    progress: Callable[[str], None] | None = None,
) -> list[dict]:
    """Time 2-D "valid" cross-correlation by every method on a grid of sizes.

    Parameters
    ----------
    image_sizes : sequence of int
        Side lengths of the square random images (float64, seeded).
    kernel_sizes : sequence of int
        Side lengths of the square random kernels.
    repeats : int, optional
        The fewest timed calls per method and cell; the median is reported.
        The methods take turns, so a slow-down of the machine hits them all
        alike.  Each method first runs once untimed (a warm-up).
    min_seconds, max_repeats : float, int, optional
        Fast methods repeat until their calls add up to ``min_seconds``, up to
        ``max_repeats`` calls: more samples where a call is short and noisy.
    max_seconds : float, optional
        A method stops repeating in a cell once its calls there add up to this
        (the slowest cells then rest on fewer calls; ``runs`` says how many).
    loop_ops : int, optional
        Multiply-adds the Python loop may spend per cell; beyond that it runs on
        the first rows only and the time is scaled up (``measured`` is False).
    seed : int, optional
        Seed of the random images and kernels.
    check : bool, optional
        Check that every method returns the same numbers (to 1e-8) before timing.
    progress : callable, optional
        Called with a short message before each cell, e.g. ``print``.

    Returns
    -------
    list of dict
        One row per (image, kernel, method) with keys ``image``, ``kernel``,
        ``method``, ``seconds`` (median), ``runs``, ``measured`` (False when
        extrapolated) and ``ratio`` (to the fastest method in the same cell).

    Examples
    --------
    >>> rows = conv_bench([32], [3], repeats=1, min_seconds=0)
    >>> sorted({row["method"] for row in rows}) == sorted([*CONV_METHODS, "python loops"])
    True
    >>> min(row["ratio"] for row in rows)
    1.0
    """
    repeats = check_int(repeats, "repeats", minimum=1)
    rng = np.random.default_rng(check_int(seed, "seed", minimum=0))
    rows = []
    for n in image_sizes:
        n = check_int(n, "image_sizes", minimum=1)
        x = rng.random((n, n))
        for m in kernel_sizes:
            m = check_int(m, "kernel_sizes", minimum=1)
            if m > n:
                raise ValueError(f"kernel_sizes must not exceed image_sizes, got {m} > {n}")
            k = rng.standard_normal((m, m))
            if progress:
                progress(f"image {n}x{n}, kernel {m}x{m}")
            times: dict[str, list[float]] = {name: [] for name in CONV_METHODS}
            if check:
                want = scipy.signal.correlate(x, k, mode="valid", method="fft")
                for name, func in CONV_METHODS.items():
                    got = _valid_part(name, func(x, k), k)
                    if not np.allclose(got, want, rtol=1e-8, atol=1e-8 * m * m):
                        raise AssertionError(f"{name} gives different numbers at {n}, {m}")
            wanted = {}
            for name, func in CONV_METHODS.items():  # one untimed warm-up call each
                start = time.perf_counter()
                func(x, k)
                first = max(time.perf_counter() - start, 1e-6)
                wanted[name] = max(repeats, min(max_repeats, math.ceil(min_seconds / first)))
            names = list(CONV_METHODS)
            for r in range(max(wanted.values())):
                for name in names[r % len(names) :] + names[: r % len(names)]:
                    spent = sum(times[name])
                    if len(times[name]) >= wanted[name] or (times[name] and spent >= max_seconds):
                        continue
                    start = time.perf_counter()
                    CONV_METHODS[name](x, k)
                    times[name].append(time.perf_counter() - start)
            cell = [
                {
                    "image": n,
                    "kernel": m,
                    "method": name,
                    "seconds": statistics.median(ts),
                    "runs": len(ts),
                    "measured": True,
                }
                for name, ts in times.items()
            ]
            loop_time, measured = _time_loop(x, k, loop_ops)
            cell.append(
                {
                    "image": n,
                    "kernel": m,
                    "method": PYTHON_LOOP,
                    "seconds": loop_time,
                    "runs": 1,
                    "measured": measured,
                }
            )
            fastest = min(row["seconds"] for row in cell)
            for row in cell:
                row["ratio"] = row["seconds"] / fastest
            rows.extend(cell)
    return rows


#: The two ways notebook 08 times a full 1-D convolution: direct sums and the FFT.
CONV1D_METHODS: dict[str, Callable] = {
    "direct": np.convolve,
    "fft": scipy.signal.fftconvolve,
}


def conv1d_bench(n=100_000, kernel_lengths=(4, 16, 64, 256, 1024), *, repeats=3,
                 min_seconds=0.05, seed=0, progress=None) -> list[dict]:
    """Time full 1-D convolution: ``numpy.convolve`` (direct) against ``scipy.signal.fftconvolve``.

    The direct sum costs ``N·M`` multiply-adds, the FFT about ``(N + M) log(N + M)``;
    :func:`convlab.applications.crossover_summary_1d` reads the rows.  The two
    methods take turns; each first runs once untimed, then at least ``repeats``
    times and until its calls add up to ``min_seconds``; the median is reported.

    Returns
    -------
    list of dict
        One row per (kernel length, method): ``n``, ``kernel``, ``method``
        ("direct" or "fft"), ``seconds``, ``runs``.

    Examples
    --------
    >>> rows = conv1d_bench(1000, [3, 30], repeats=1, min_seconds=0)
    >>> [(r["kernel"], r["method"]) for r in rows]
    [(3, 'direct'), (3, 'fft'), (30, 'direct'), (30, 'fft')]
    """
    n = check_int(n, "n", minimum=1)
    repeats = check_int(repeats, "repeats", minimum=1)
    rng = np.random.default_rng(check_int(seed, "seed", minimum=0))
    x = rng.standard_normal(n)
    rows = []
    for m in kernel_lengths:
        h = rng.standard_normal(check_int(m, "kernel_lengths", minimum=1))
        if progress:
            progress(f"signal {n}, kernel {m}")
        times: dict[str, list[float]] = {name: [] for name in CONV1D_METHODS}
        for func in CONV1D_METHODS.values():
            func(x, h)  # warm-up
        while any(len(ts) < repeats or sum(ts) < min_seconds for ts in times.values()):
            for name, func in CONV1D_METHODS.items():
                start = time.perf_counter()
                func(x, h)
                times[name].append(time.perf_counter() - start)
        rows.extend({"n": n, "kernel": int(m), "method": name, "seconds": statistics.median(ts),
                     "runs": len(ts)} for name, ts in times.items())
    return rows


def conv_summary(rows: list[dict]) -> dict:
    """How convlab's "auto" method fares against scipy in a :func:`conv_bench` table.

    Returns
    -------
    dict
        ``worst_vs_best_scipy``: the largest ratio, over cells, of "convlab auto"
        to the fastest scipy method; ``geomean_vs_scipy_correlate``: the
        geometric mean of "convlab auto" time over ``scipy.signal.correlate``
        time (below 1 means convlab is faster).

    Examples
    --------
    >>> rows = [
    ...     {"image": 8, "kernel": 3, "method": "convlab auto", "seconds": 2.0},
    ...     {"image": 8, "kernel": 3, "method": "scipy ndimage", "seconds": 1.0},
    ...     {"image": 8, "kernel": 3, "method": "scipy correlate", "seconds": 8.0},
    ... ]
    >>> conv_summary(rows)
    {'worst_vs_best_scipy': 2.0, 'geomean_vs_scipy_correlate': 0.25}
    """
    cells: dict[tuple[int, int], dict[str, float]] = {}
    for row in rows:
        cells.setdefault((row["image"], row["kernel"]), {})[row["method"]] = row["seconds"]
    worst, logs = 0.0, []
    for cell in cells.values():
        best_scipy = min(t for name, t in cell.items() if name.startswith("scipy"))
        worst = max(worst, cell["convlab auto"] / best_scipy)
        logs.append(math.log(cell["convlab auto"] / cell["scipy correlate"]))
    return {
        "worst_vs_best_scipy": round(worst, 3),
        "geomean_vs_scipy_correlate": round(math.exp(sum(logs) / len(logs)), 3),
    }


def format_conv_table(rows: list[dict]) -> str:
    """Format :func:`conv_bench` rows: one line per cell, ``time (ratio to fastest)`` per method.

    Examples
    --------
    >>> rows = [
    ...     {"image": 8, "kernel": 3, "method": "convlab auto", "seconds": 0.002,
    ...      "ratio": 1.0, "measured": True},
    ...     {"image": 8, "kernel": 3, "method": "python loops", "seconds": 0.5,
    ...      "ratio": 250.0, "measured": False},
    ... ]
    >>> print(format_conv_table(rows))
    image  kernel  convlab auto      python loops
        8     3×3   2.00 ms ×1.00   ~500 ms ×250
    <BLANKLINE>
    ~ = Python loop timed on the first rows only and scaled up to the whole image.
    """
    methods = list(dict.fromkeys(row["method"] for row in rows))
    cells: dict[tuple[int, int], dict[str, dict]] = {}
    for row in rows:
        cells.setdefault((row["image"], row["kernel"]), {})[row["method"]] = row
    width = max(16, *(len(name) + 1 for name in methods))
    lines = ["image  kernel" + "".join(f"  {name:<{width - 2}}" for name in methods).rstrip()]
    for (n, m), cell in cells.items():
        entries = []
        for name in methods:
            row = cell.get(name)
            entries.append("" if row is None else _entry(row))
        lines.append(f"{n:>5}  {f'{m}×{m}':>6}" + "".join(f"{e:>{width}}" for e in entries))
    lines.append("")
    lines.append("~ = Python loop timed on the first rows only and scaled up to the whole image.")
    return "\n".join(lines)


def select_methods(rows: Sequence[dict], methods: Sequence[str]) -> list[dict]:
    """Keep some methods of a :func:`conv_bench` table, with fresh ratios.

    Parameters
    ----------
    rows : list of dict
        Rows of :func:`conv_bench` (keys ``image``, ``kernel``,
        ``method``, ``seconds``, ...).
    methods : sequence of str
        The methods to keep, in the order wanted.

    Returns
    -------
    list of dict
        Copies of the kept rows, ordered by cell then by ``methods``, each with
        ``ratio`` recomputed against the fastest *kept* method of its cell.

    Raises
    ------
    ValueError
        If a method is not in the table.

    Examples
    --------
    >>> rows = [
    ...     {"image": 8, "kernel": 3, "method": "a", "seconds": 1.0},
    ...     {"image": 8, "kernel": 3, "method": "b", "seconds": 4.0},
    ...     {"image": 8, "kernel": 3, "method": "c", "seconds": 0.5},
    ... ]
    >>> [(r["method"], r["ratio"]) for r in select_methods(rows, ["b", "a"])]
    [('b', 4.0), ('a', 1.0)]
    """
    known = {row["method"] for row in rows}
    missing = [m for m in methods if m not in known]
    if missing:
        raise ValueError(f"methods not in the table: {', '.join(map(repr, missing))}")
    cells: dict[tuple, dict[str, dict]] = {}
    for row in rows:
        if row["method"] in methods:
            cells.setdefault((row["image"], row["kernel"]), {})[row["method"]] = dict(row)
    kept = []
    for cell in cells.values():
        fastest = min(row["seconds"] for row in cell.values())
        for name in methods:
            row = cell[name]
            row["ratio"] = row["seconds"] / fastest
            kept.append(row)
    return kept




def _entry(row):
    text = _seconds(row["seconds"])
    ratio = row["ratio"]
    if ratio < 10:
        ratio_text = f"×{ratio:.2f}"
    else:
        ratio_text = f"×{ratio:.3g}" if ratio < 1000 else f"×{ratio:.0f}"
    return ("" if row.get("measured", True) else "~") + f"{text} {ratio_text}"


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m convlab.bench [conv|memory|widgets] [--quick] [--repeats N]``.

    ``conv`` (the default subcommand) prints the convolution timing table; ``memory``
    the peak memory and time of the large cases of :data:`MEMORY_CASES`; ``widgets``
    prints the explorers' frame times against a full redraw and exits 1 if any misses
    its target.
    Returns the exit status.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(
        prog="python -m convlab.bench", description="Timing tables for the convlab course."
    )
    commands = parser.add_subparsers(dest="command")
    conv = commands.add_parser("conv", help="time conv2d against scipy and Python loops")
    conv.add_argument("--quick", action="store_true", help="small grid, runs in seconds")
    conv.add_argument("--repeats", type=int, default=None, help="timed calls per cell")
    conv.add_argument("--sizes", type=int, nargs="+", default=None, help="image side lengths")
    conv.add_argument("--kernels", type=int, nargs="+", default=None, help="kernel side lengths")
    memory = commands.add_parser(
        "memory", help="peak memory and time of the large cases, each in a fresh process"
    )
    memory.add_argument(
        "--methods", nargs="+", default=["auto", "direct", "fft"], help="methods to run"
    )
    widgets = commands.add_parser(
        "widgets", help="time each explorer's response to its controls against a full redraw"
    )
    widgets.add_argument("--repeats", type=int, default=5, help="passes over each control")
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help")):
        argv.insert(0, "conv")
    args = parser.parse_args(argv)
    if args.command == "conv":
        sizes = args.sizes or ((64, 128) if args.quick else (256, 512, 2048))
        kernels = args.kernels or ((3, 7) if args.quick else (3, 7, 15, 31))
        repeats = args.repeats or (3 if args.quick else 5)
        rows = conv_bench(
            sizes,
            kernels,
            repeats=repeats,
            min_seconds=0.02 if args.quick else 0.6,
            progress=lambda msg: print(msg, file=sys.stderr),
        )
        print(format_conv_table(rows))
        summary = conv_summary(rows)
        print(
            f"convlab auto vs the fastest scipy method, worst cell: "
            f"×{summary['worst_vs_best_scipy']:.2f}; vs scipy.signal.correlate (auto), "
            f"geometric mean: ×{summary['geomean_vs_scipy_correlate']:.2f}"
        )
    if args.command == "memory":
        from ._engine import MEMORY_LIMIT, TIME_LIMIT, WORK_LIMIT

        print(
            f"Limits: {MEMORY_LIMIT / 1e9:g} GB of memory for any method; a direct sum at most "
            f"{WORK_LIMIT:.0e} multiply-adds and {TIME_LIMIT:g} s by the cost model.\n"
            "MB = peak growth of resident memory (VmHWM) in a fresh process per case."
        )
        rows = memory_bench(methods=args.methods)
        print(format_memory_table(rows))
        return 0 if all(r["outcome"] == "ok" or r["outcome"].startswith("refused")
                        for r in rows) else 1
    if args.command == "widgets":
        from .widgets.bench import format_widget_table, widget_bench  # draws: imported late

        rows = widget_bench(repeats=args.repeats)
        print(format_widget_table(rows))
        return 0 if all(r["ok"] for r in rows) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
