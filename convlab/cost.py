"""What a convolution costs: multiply-adds counted, and sentences written from measurements.

A direct 2-D convolution costs one multiply-add per output pixel per kernel cell, an
FFT convolution about ``N² log N`` (:func:`direct_cost`, :func:`fft_cost`,
:func:`cost_crossover`, and :func:`timing_summary`, the sentences notebook 08 writes
from its own timings); in 1-D ``N·M`` against about ``(N + M) log(N + M)``
(:func:`direct_cost_1d`, :func:`fft_cost_1d`, :func:`cost_crossover_1d`, and
:func:`crossover_summary_1d`).  The timings themselves are measured by
:mod:`convlab.bench`.  :mod:`convlab.applications` re-exports every name here.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Sequence

from ._validation import check_int

__all__ = [
    "cost_crossover",
    "cost_crossover_1d",
    "crossover_summary_1d",
    "direct_cost",
    "direct_cost_1d",
    "fft_cost",
    "fft_cost_1d",
    "timing_summary",
]


# -- cost --------------------------------------------------------------------------------


def direct_cost(n, k, *, mode="same"):
    """Multiply-adds of a direct 2-D convolution of an ``n × n`` image with a ``k × k`` kernel.

    Every output pixel is a sum of ``k²`` products.

    Parameters
    ----------
    n, k : int
        Image and kernel side lengths (at least 1).
    mode : {"same", "valid", "full"}, optional
        Which output: ``n²`` pixels ("same", the size of the image),
        ``(n - k + 1)²`` ("valid") or ``(n + k - 1)²`` ("full").

    Returns
    -------
    int

    Examples
    --------
    A 512 × 512 photo and a 31 × 31 blur: a quarter of a billion multiply-adds.

    >>> direct_cost(512, 31)
    251920384
    >>> direct_cost(5, 3, mode="valid")  # 3 × 3 outputs, 9 products each
    81
    """
    n = check_int(n, "n", minimum=1)
    k = check_int(k, "k", minimum=1)
    side = {"same": n, "valid": n - k + 1, "full": n + k - 1}.get(mode)
    if side is None:
        raise ValueError(f"mode must be 'same', 'valid' or 'full', got {mode!r}")
    if side < 1:
        raise ValueError(f"a {k}×{k} kernel does not fit a {n}×{n} image in 'valid' mode")
    return side * side * k * k


def fft_cost(n, k):
    """A rough operation count of an FFT convolution of an ``n × n`` image and a ``k × k`` kernel.

    Both are zero-padded to ``N × N`` with ``N = n + k - 1`` (so that the
    circular convolution the FFT computes equals the linear one); then two
    forward transforms, ``N²`` products and one inverse transform.  A 2-D FFT
    of ``N²`` points takes on the order of ``N² log₂(N²)`` operations, so the
    estimate is ``3 N² log₂(N²) + N²``.  The constant in front differs between
    FFT libraries; the growth, ``n² log n`` whatever the kernel size, does not.

    Parameters
    ----------
    n, k : int
        Image and kernel side lengths (at least 1).

    Returns
    -------
    int
        The estimate, rounded.

    Examples
    --------
    >>> fft_cost(512, 31)
    16301815
    >>> direct_cost(512, 31) / fft_cost(512, 31) > 10
    True
    """
    n = check_int(n, "n", minimum=1)
    k = check_int(k, "k", minimum=1)
    size = (n + k - 1) ** 2
    return round(3 * size * math.log2(size) + size) if size > 1 else 1


def _times(ratio):
    return f"{ratio:.0f}×" if ratio >= 10 else f"{ratio:.1f}×"


def _sides(ks):
    return ", ".join(f"{k}×{k}" for k in ks) or "no kernel"


def timing_summary(rows: Sequence[dict]) -> str:
    """What a table of measured times says, in sentences written from its numbers.

    Notebook 08 prints this under its live timings, so that the reading of the
    table matches the learner's machine rather than the author's.

    Parameters
    ----------
    rows : list of dict
        Rows of :func:`convlab.bench.conv_bench` (keys ``image``, ``kernel``,
        ``method``, ``seconds``) holding the methods "python loops",
        "convlab direct", "convlab fft" and "convlab auto".

    Returns
    -------
    str
        One line for the loops, one per image size for direct against FFT
        (with the crossover :func:`cost_crossover` counts), one for auto.

    Raises
    ------
    ValueError
        If a cell of the table lacks one of the four methods.

    Examples
    --------
    >>> methods = ["python loops", "convlab direct", "convlab fft", "convlab auto"]
    >>> table = {3: (0.1, 0.001, 0.002, 0.001), 9: (1.6, 0.008, 0.002, 0.0022)}
    >>> rows = [{"image": 64, "kernel": k, "method": m, "seconds": t}
    ...         for k, times in table.items() for m, t in zip(methods, times)]
    >>> print(timing_summary(rows))
    With a 3×3 kernel the Python loops took 100× to 100× as long as convlab direct,
    the same multiply-adds in compiled code (100× to 200× over the whole table).
    64×64: direct was faster for 3×3, the FFT for 9×9 (FFT 4.0× faster at 9×9);
    counting predicts the FFT from k = 7.
    auto took at most 1.10× the time of the faster of direct and FFT in any cell.
    """
    wanted = ("python loops", "convlab direct", "convlab fft", "convlab auto")
    cells: dict[tuple, dict] = {}
    for row in rows:
        cells.setdefault((row["image"], row["kernel"]), {})[row["method"]] = row["seconds"]
    for (n, k), times in cells.items():
        missing = [m for m in wanted if m not in times]
        if missing:
            raise ValueError(f"rows must time {', '.join(missing)} at image {n}, kernel {k}")
    loops = {key: t["python loops"] / t["convlab direct"] for key, t in cells.items()}
    smallest = min(k for _, k in cells)
    small = [r for (_, k), r in loops.items() if k == smallest]
    lines = [f"With a {smallest}×{smallest} kernel the Python loops took {_times(min(small))} to "
             f"{_times(max(small))} as long as convlab direct, the same multiply-adds in compiled "
             f"code ({_times(min(loops.values()))} to {_times(max(loops.values()))} over the "
             "whole table)."]
    for n in sorted({n for n, _ in cells}):
        mine = sorted((k, t) for (m, k), t in cells.items() if m == n)
        direct = [k for k, t in mine if t["convlab direct"] <= t["convlab fft"]]
        fft = [k for k, t in mine if t["convlab direct"] > t["convlab fft"]]
        big, t = mine[-1]
        gain = t["convlab direct"] / t["convlab fft"]
        ahead = f"FFT {_times(gain)} faster" if gain > 1 else f"direct {_times(1 / gain)} faster"
        lines.append(f"{n}×{n}: direct was faster for {_sides(direct)}, the FFT for "
                     f"{_sides(fft)} ({ahead} at {big}×{big}); counting predicts the FFT from "
                     f"k = {cost_crossover(n)}.")
    auto = max(t["convlab auto"] / min(t["convlab direct"], t["convlab fft"])
               for t in cells.values())
    lines.append(f"auto took at most {auto:.2f}× the time of the faster of direct and FFT "
                 "in any cell.")
    return "\n".join(textwrap.fill(line, 84) for line in lines)


def cost_crossover(n, kernel_sizes: Iterable[int] | None = None):
    """The smallest kernel side for which the FFT estimate beats the direct count.

    Parameters
    ----------
    n : int
        Image side length.
    kernel_sizes : iterable of int, optional
        The kernel sides to try, in increasing order (default ``1 … n``).

    Returns
    -------
    int or None
        The first ``k`` with ``fft_cost(n, k) < direct_cost(n, k)``, or None.

    Examples
    --------
    >>> cost_crossover(512)
    8
    >>> cost_crossover(512, [3, 5, 7]) is None
    True
    """
    n = check_int(n, "n", minimum=1)
    sizes = range(1, n + 1) if kernel_sizes is None else kernel_sizes
    for k in sizes:
        if fft_cost(n, k) < direct_cost(n, k):
            return int(k)
    return None



# -- 1-D cost ----------------------------------------------------------------------------


def direct_cost_1d(n, m):
    """Multiply-adds of a direct full 1-D convolution of ``n`` samples with ``m`` taps.

    Every sample meets every tap once: ``n · m`` products.

    Examples
    --------
    >>> direct_cost_1d(100_000, 64)
    6400000
    """
    return check_int(n, "n", minimum=1) * check_int(m, "m", minimum=1)


def fft_cost_1d(n, m):
    """A rough operation count of a full 1-D FFT convolution: ``3 L log₂ L + L``, ``L = n + m - 1``.

    Two forward transforms of ``L`` points, ``L`` products and one inverse
    transform, each transform about ``L log₂ L`` operations.

    Examples
    --------
    >>> fft_cost_1d(1000, 25)  # L = 1024: 3 · 1024 · 10 + 1024
    31744
    """
    size = check_int(n, "n", minimum=1) + check_int(m, "m", minimum=1) - 1
    return round(3 * size * math.log2(size) + size) if size > 1 else 1


def cost_crossover_1d(n, lengths: Iterable[int] | None = None):
    """The shortest kernel for which the 1-D FFT estimate beats the direct count.

    Parameters
    ----------
    n : int
        Signal length.
    lengths : iterable of int, optional
        Kernel lengths to try, increasing (default ``1 … n``).

    Returns
    -------
    int or None

    Examples
    --------
    >>> cost_crossover_1d(100_000)
    51
    """
    n = check_int(n, "n", minimum=1)
    for m in range(1, n + 1) if lengths is None else lengths:
        if fft_cost_1d(n, m) < direct_cost_1d(n, m):
            return int(m)
    return None


def crossover_summary_1d(rows: Sequence[dict], direct="direct", fft="fft") -> str:
    """The 1-D crossover a timing table shows, in sentences written from its numbers.

    Parameters
    ----------
    rows : list of dict
        Rows of :func:`convlab.bench.conv1d_bench`: keys ``n``, ``kernel``,
        ``method`` and ``seconds``, one signal length.
    direct, fft : str, optional
        The two method names to compare.

    Returns
    -------
    str
        Which method won at each kernel length, where the measured crossover
        lies (the shortest kernel from which the FFT wins at every longer one),
        what counting predicts, and the FFT's gain at the longest kernel.

    Raises
    ------
    ValueError
        If the rows mix signal lengths or a kernel length lacks a method.

    Examples
    --------
    >>> times = {8: (0.001, 0.004), 64: (0.006, 0.005), 512: (0.05, 0.005)}
    >>> rows = [{"n": 10_000, "kernel": m, "method": name, "seconds": t}
    ...         for m, pair in times.items() for name, t in zip(["direct", "fft"], pair)]
    >>> print(crossover_summary_1d(rows))
    With 10,000 samples the direct sum was faster for 8 taps and the FFT for 64 and 512
    taps: measured here, the FFT wins from between 8 and 64 taps on (counting N·M
    against 3L log₂L + L predicts 42). At 512 taps the FFT was 10× faster.
    """
    cells: dict[int, dict] = {}
    for row in rows:
        cells.setdefault(int(row["kernel"]), {})[row["method"]] = float(row["seconds"])
    sizes = {int(row["n"]) for row in rows}
    if len(sizes) != 1:
        raise ValueError(f"rows must time one signal length, got {sorted(sizes)}")
    for m, times in cells.items():
        if direct not in times or fft not in times:
            raise ValueError(f"rows must time both {direct!r} and {fft!r} at kernel {m}")
    (n,) = sizes
    ms = sorted(cells)
    wins = [cells[m][fft] < cells[m][direct] for m in ms]

    def taps(group):
        names = [f"{m:,}" for m in group]
        return (" and ".join(names) if len(names) < 3
                else ", ".join(names[:-1]) + " and " + names[-1]) + " taps"

    slow = [m for m, w in zip(ms, wins) if not w]
    fast = [m for m, w in zip(ms, wins) if w]
    first = next((i for i in range(len(ms)) if all(wins[i:])), None)
    if not fast:
        told = (f"the direct sum was faster for every kernel measured, {taps(ms)}: "
                f"no crossover up to {ms[-1]:,} taps")
    elif not slow:
        told = (f"the FFT was faster for every kernel measured, {taps(ms)}: the crossover "
                f"lies below {ms[0]:,} taps")
    else:
        told = f"the direct sum was faster for {taps(slow)} and the FFT for {taps(fast)}: "
        told += (f"measured here, the FFT wins from between {ms[first - 1]:,} and "
                 f"{ms[first]:,} taps on" if first is not None
                 else "it won at the longest kernel only")
    predicted = cost_crossover_1d(n)
    gain = cells[ms[-1]][direct] / cells[ms[-1]][fft]
    ahead = f"the FFT was {_times(gain)} faster" if gain > 1 else (
        f"the direct sum was {_times(1 / gain)} faster")
    text = (f"With {n:,} samples {told} (counting N·M against 3L log₂L + L predicts "
            f"{predicted}). At {ms[-1]:,} taps {ahead}.")
    return textwrap.fill(text, 84)
