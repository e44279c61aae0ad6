"""The convolution engine: argument plans, workers, the cost model and the thread pool.

One private home for how convlab computes a convolution, imported by
:mod:`convlab.core`, :mod:`convlab.layers` and :mod:`convlab.steps` (none of them
imports another's private names).

* :func:`prepare_textbook` checks the arguments of ``convolve`` / ``correlate``;
  :func:`plan_conv` those of ``conv1d`` / ``conv2d`` / ``steps2d``, into a :class:`ConvPlan`.
* :func:`correlate_plan` computes a plan by one of three workers: direct summation by
  :func:`scipy.ndimage.correlate` (fast for small kernels), a shift-and-add sum (one
  strided slice per non-zero tap: no set-up, memory in proportion to the output), or
  real FFTs.  Integers stay exact.
* :func:`estimate` is the cost model: seconds and bytes of each worker for a plan,
  counting the work a worker really does (``scipy.ndimage`` sums over the whole cropped
  input and builds a table of offsets in proportion to the kernel's size squared).
  ``method="auto"`` takes the cheapest worker that fits the limits below.

Limits (module constants): a computation that would need more than
:data:`MEMORY_LIMIT` bytes (1 GB), or a direct sum of more than :data:`WORK_LIMIT`
multiply-adds or :data:`TIME_LIMIT` seconds by the cost model, is refused with a
``ValueError`` saying why and what to use instead, never a ``MemoryError`` or minutes of silence.

The thread pool is per process: a child created by ``fork`` (the quiz grader forks)
starts with no pool and makes its own, since the parent's threads do not exist there.
"""

from __future__ import annotations

import math
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import scipy.fft
import scipy.ndimage

from ._validation import (
    as_array,
    check_bool,
    check_choice,
    check_int_result_fits,
    check_mode,
    check_output_size,
    check_padding,
    check_same_ndim,
    check_tuple,
)

#: The most memory one convolution may use, in bytes (1 GB).
MEMORY_LIMIT = 10**9
#: The most multiply-adds a direct sum may do (some seconds of work on one core).
WORK_LIMIT = 10**10
#: The longest a direct sum may take by the cost model below, in seconds.
TIME_LIMIT = 20.0

_EPS = float(np.finfo(np.float64).eps)
#: Sums of integers below this are exact in float64.
_FLOAT_EXACT = 2.0**53
#: Threads used for large direct sums and FFTs (scipy.ndimage and scipy.fft release the GIL).
THREADS = max(1, min(4, os.cpu_count() or 1))
#: Below this many multiply-adds a direct sum runs in one thread (measured crossover).
_THREAD_MIN_WORK = 3_000_000
#: Below this many FFT points the FFT runs in one thread.
_FFT_THREAD_MIN = 2**18
# Cost model, in seconds, measured on 2 cores (`python -m convlab.bench`):
# scipy.ndimage costs about _DIRECT_NS per multiply-add over the whole (cropped) input in
# one thread (zero taps skipped), threads share it almost perfectly, and before it starts it
# fills a table of (kernel cells) x (kernel cells clipped to the input) offsets at about
# _SETUP_NS each; shift-and-add costs _SHIFT_NS per multiply-add of a kept output plus
# _TAP_OVERHEAD per pass (one per non-zero tap; or, when there are fewer outputs than taps,
# one per output at _WINDOW_NS per multiply-add in 1-D and 2-D); a
# whole FFT correlation (three real FFTs and a product) costs about _FFT_NS per point and
# log2(points), threads save about a third.
_DIRECT_NS = 0.5e-9
_DIRECT_OVERHEAD = 3e-5
_SETUP_NS = 1.5e-9
_SHIFT_NS = 1.5e-9
_WINDOW_NS = (3e-9, 15e-9)
_TAP_OVERHEAD = 5e-6
_FFT_NS = 0.8e-9
_FFT_OVERHEAD = 4e-5
#: scipy.ndimage's table of offsets above this many bytes rules it out.
_NDIMAGE_TABLE_MAX = 32 * 2**20

# ---------------------------------------------------------------------------
# the thread pool, one per process

_pool: ThreadPoolExecutor | None = None
_pool_pid: int | None = None
_pool_lock = threading.Lock()


def executor() -> ThreadPoolExecutor:
    """The engine's thread pool, created on first use in *this* process."""
    global _pool, _pool_pid
    with _pool_lock:
        if _pool is None or _pool_pid != os.getpid():
            _pool = ThreadPoolExecutor(max_workers=THREADS, thread_name_prefix="convlab")
            _pool_pid = os.getpid()
        return _pool


def _forget_pool_in_child() -> None:
    # The parent's worker threads do not exist in a forked child, and its lock may have been
    # held at the fork: start from nothing (the old pool object is dropped, not shut down).
    global _pool, _pool_pid, _pool_lock
    _pool, _pool_pid, _pool_lock = None, None, threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_pool_in_child)


# ---------------------------------------------------------------------------
# plans: validated arguments


def prepare_textbook(x, h, mode):
    """Validate the arguments of ``convolve`` / ``correlate``: ``(x, h, mode)``."""
    mode = check_mode(mode)
    x = as_array(x, "x")
    h = as_array(h, "h")
    check_same_ndim(x, h)
    if mode == "valid":
        x_big = all(a >= b for a, b in zip(x.shape, h.shape))
        h_big = all(b >= a for a, b in zip(x.shape, h.shape))
        if not (x_big or h_big):
            raise ValueError(
                "in 'valid' mode one of x and h must be at least as large as the other "
                f"along every axis; got x {x.shape} and h {h.shape}"
            )
    full = tuple(a + b - 1 for a, b in zip(x.shape, h.shape))
    check_output_size(full)
    check_int_result_fits(x, h)
    return x, h, mode


@dataclass(frozen=True)
class ConvPlan:
    """Validated arguments of a strided, padded, dilated cross-correlation.

    Built by :func:`plan_conv`; used by ``conv1d``, ``conv2d`` and ``steps2d``,
    so all three agree on shapes and padding.

    Attributes
    ----------
    x : ndarray
        The input, ``int64`` or ``float64``.
    kernel : ndarray
        The kernel as applied: flipped along every axis when ``flip`` was True.
    stride, dilation : tuple of int
        One entry per axis.
    pads : tuple of (int, int)
        Zeros added before and after the input, per axis.
    out_shape : tuple of int
        The shape of the result.
    mode_pads : tuple of (int, int) or None
        With a ``padding_mode`` other than zeros: the padding already applied to ``x``
        (then ``pads`` are all zeros); None otherwise.
    """

    x: np.ndarray
    kernel: np.ndarray
    stride: tuple[int, ...]
    dilation: tuple[int, ...]
    pads: tuple[tuple[int, int], ...]
    out_shape: tuple[int, ...]
    mode_pads: tuple[tuple[int, int], ...] | None = None

    @cached_property
    def span(self) -> tuple[int, ...]:
        """The extent of the dilated kernel, ``d * (k - 1) + 1`` per axis."""
        return tuple(d * (m - 1) + 1 for d, m in zip(self.dilation, self.kernel.shape))

    @cached_property
    def region_shape(self) -> tuple[int, ...]:
        """The shape of the part of the padded input that the windows read."""
        return tuple(s * (o - 1) + m for s, o, m in zip(self.stride, self.out_shape, self.span))

    def dilated_kernel(self) -> np.ndarray:
        """The applied kernel with ``dilation - 1`` zeros between its taps."""
        if all(d == 1 for d in self.dilation):
            return self.kernel
        kd = np.zeros(self.span, dtype=self.kernel.dtype)
        kd[tuple(slice(None, None, d) for d in self.dilation)] = self.kernel
        return kd

    def padded(self) -> np.ndarray:
        """The part of the zero-padded input that the windows read (a copy only if needed)."""
        return _region(self.x, self.span, self.stride, self.pads, self.out_shape)


def plan_conv(
    x, k, stride, padding, dilation, flip, ndim, name="conv", padding_mode="zeros"
) -> ConvPlan:
    """Validate the arguments of ``conv1d`` / ``conv2d`` (``ndim`` 1 or 2).

    With a ``padding_mode`` other than ``"zeros"`` the plan's ``x`` is already padded
    (reflected, replicated or wrapped), its ``pads`` are zeros and ``mode_pads`` records
    the padding that was applied, so the workers never see the mode.
    """
    x = as_array(x, "x", ndim=(ndim,))
    k = as_array(k, "k", ndim=(ndim,))
    stride = check_tuple(stride, "stride", ndim, minimum=1)
    dilation = check_tuple(dilation, "dilation", ndim, minimum=1)
    padding = check_padding(padding, ndim)
    flip = check_bool(flip, "flip")
    padding_mode = check_padding_mode(padding_mode)
    pads = resolve_padding(padding, k.shape, stride, dilation)
    check_mode_pads(x.shape, pads, padding_mode)
    out_shape = []
    for axis, (n, m, s, d, (before, after)) in enumerate(
        zip(x.shape, k.shape, stride, dilation, pads)
    ):
        span = d * (m - 1) + 1
        if n + before + after < span:
            where = f" along axis {axis}" if ndim > 1 else ""
            raise ValueError(
                f"k must fit inside x after padding{where}: the kernel spans {span} "
                f"(size {m}, dilation {d}) but x spans {n + before + after} "
                f"(size {n}, padding {before} + {after}); pad more or use a smaller kernel"
            )
        out_shape.append((n + before + after - span) // s + 1)
    check_output_size(tuple(n + b + a for n, (b, a) in zip(x.shape, pads)), "x after padding")
    check_output_size(tuple(out_shape))
    check_int_result_fits(x, k, "x", "k")
    if flip:
        k = k[(slice(None, None, -1),) * ndim]
    if padding_mode != "zeros" and any(b or a for b, a in pads):
        x = pad_with_mode(x, pads, padding_mode)
        return ConvPlan(x, k, stride, dilation, ((0, 0),) * ndim, tuple(out_shape), pads)
    return ConvPlan(x, k, stride, dilation, pads, tuple(out_shape))


#: ``padding_mode`` names (PyTorch's) and the ``numpy.pad`` mode each one is.
PADDING_MODES = {"zeros": "constant", "reflect": "reflect", "replicate": "edge", "circular": "wrap"}


def check_padding_mode(padding_mode) -> str:
    """Return ``padding_mode`` if it is one of :data:`PADDING_MODES`, else raise."""
    return check_choice(padding_mode, "padding_mode", tuple(PADDING_MODES))


def check_mode_pads(shape, pads, padding_mode) -> None:
    """PyTorch's limits: reflect pads less than the axis, circular at most the axis."""
    if padding_mode not in ("reflect", "circular"):
        return
    for axis, (n, (before, after)) in enumerate(zip(shape, pads)):
        p = max(before, after)
        where = f" along axis {axis}" if len(shape) > 1 else ""
        if padding_mode == "reflect" and p >= n:
            raise ValueError(
                f"padding must be smaller than the input for padding_mode='reflect'{where}: "
                f"a mirror without the edge sample has only {n - 1} samples to show, "
                f"but padding asks for {p} (input size {n})"
            )
        if padding_mode == "circular" and p > n:
            raise ValueError(
                f"padding must be at most the input size for padding_mode='circular'{where}: "
                f"it would wrap around more than once (padding {p}, input size {n})"
            )


def pad_with_mode(x, pads, padding_mode, axes=None):
    """``x`` padded by ``pads`` ((before, after) per axis of ``axes``, default the last ones)."""
    axes = range(x.ndim - len(pads), x.ndim) if axes is None else axes
    widths = [(0, 0)] * x.ndim
    for axis, pad in zip(axes, pads):
        widths[axis] = tuple(pad)
    return np.pad(x, widths, mode=PADDING_MODES[padding_mode])


def resolve_padding(padding, kshape, stride, dilation):
    """Zeros ``(before, after)`` per axis for a checked ``padding`` (int tuple or a word)."""
    if padding == "valid":
        return tuple((0, 0) for _ in kshape)
    if padding == "same":
        if any(s != 1 for s in stride):
            raise ValueError(
                f"padding='same' needs stride 1 (a strided output cannot keep the input's "
                f"size); got stride={stride if len(stride) > 1 else stride[0]}"
            )
        pads = []
        for m, d in zip(kshape, dilation):
            total = d * (m - 1)
            pads.append((total // 2, total - total // 2))
        return tuple(pads)
    return tuple((p, p) for p in padding)


def _region(x, span, stride, pads, out_shape):
    """The zero-padded input cropped to what the windows read: a view when no zeros are needed."""
    src, dst, length, needs_zeros = [], [], [], False
    for n, m, s, o, (before, _) in zip(x.shape, span, stride, out_shape, pads):
        start = -before
        stop = start + s * (o - 1) + m
        a0, a1 = min(max(start, 0), n), min(max(stop, 0), n)
        src.append(slice(a0, a1))
        dst.append(slice(a0 - start, a1 - start))
        length.append(stop - start)
        needs_zeros |= a0 != start or a1 != stop
    if not needs_zeros:
        return x[tuple(src)]
    xp = np.zeros(length, dtype=x.dtype)
    xp[tuple(dst)] = x[tuple(src)]
    return xp


def _needs_zeros(plan: ConvPlan) -> bool:
    return any(
        before > 0 or s * (o - 1) + m > n + before
        for n, m, s, o, (before, _) in zip(
            plan.x.shape, plan.span, plan.stride, plan.out_shape, plan.pads
        )
    )


# ---------------------------------------------------------------------------
# the cost model


def _fft_shape(plan):
    return [scipy.fft.next_fast_len(r, real=True) for r in plan.region_shape]


def _ndimage_input(plan: ConvPlan) -> tuple[int, ...]:
    """The shape of the input scipy.ndimage sums over (cropped around the kept outputs)."""
    shape = []
    for n, m, s, o, (before, _) in zip(
        plan.x.shape, plan.span, plan.stride, plan.out_shape, plan.pads
    ):
        c = m // 2
        lo, hi = c - before, c - before + s * (o - 1) + 1
        if lo < 0 or hi > n:  # works on the padded region
            n, lo, hi = s * (o - 1) + m, c, c + s * (o - 1) + 1
        shape.append(min(n, hi + m - 1 - c) - max(0, lo - c))
    return tuple(shape)


def estimate(plan: ConvPlan) -> dict[str, tuple[float, float, int]]:
    """Seconds, bytes and multiply-adds of each worker for ``plan``.

    Returns ``{"ndimage": ..., "shift": ..., "fft": ...}``, each ``(seconds, bytes, work)``
    (work is 0 for the FFT); "ndimage" is missing when its table of offsets alone would
    be too large.
    """
    kd_shape = plan.span
    taps = int(np.count_nonzero(plan.kernel))
    out = math.prod(plan.out_shape)
    region = math.prod(plan.region_shape)
    copy = 8 * region if _needs_zeros(plan) or plan.x.dtype.kind == "i" else 0
    costs = {}

    crop = _ndimage_input(plan)
    clipped = math.prod(min(m, n) for m, n in zip(kd_shape, crop))
    table = 8 * taps * clipped
    if table <= _NDIMAGE_TABLE_MAX:
        work = math.prod(crop) * taps
        seconds = _DIRECT_NS * work
        if THREADS > 1 and work >= _THREAD_MIN_WORK:
            seconds /= 0.9 * THREADS
        seconds += _SETUP_NS * clipped * math.prod(kd_shape) + _DIRECT_OVERHEAD
        costs["ndimage"] = (seconds, copy + 16 * math.prod(crop) + table, work)

    work = out * taps
    if taps > out:  # one window per output: strided rows of the input, slower per value
        seconds = _WINDOW_NS[min(len(kd_shape), 2) - 1] * work + _TAP_OVERHEAD * out
    else:
        seconds = _SHIFT_NS * work + _TAP_OVERHEAD * taps
    seconds += _DIRECT_OVERHEAD
    costs["shift"] = (seconds, copy + 24 * out + 16 * math.prod(plan.kernel.shape), work)

    points = math.prod(_fft_shape(plan))
    seconds = _FFT_NS * points * math.log2(max(points, 2))
    if points >= _FFT_THREAD_MIN:
        seconds /= min(THREADS, 1.5)
    costs["fft"] = (seconds + _FFT_OVERHEAD, copy + 8 * region + 48 * points, 0)
    return costs


def _fits(cost) -> bool:
    seconds, memory, work = cost
    return memory <= MEMORY_LIMIT and work <= WORK_LIMIT and (work == 0 or seconds <= TIME_LIMIT)


def _direct_worker(costs) -> str | None:
    fitting = [name for name in ("ndimage", "shift") if name in costs and _fits(costs[name])]
    return min(fitting, key=lambda name: costs[name][0]) if fitting else None


def choose_method(plan: ConvPlan, costs=None) -> str:
    """``"direct"`` or ``"fft"``, whichever the cost model expects to be faster and fits."""
    costs = estimate(plan) if costs is None else costs
    direct = _direct_worker(costs)
    if direct is None:
        return "fft"
    if not _fits(costs["fft"]):
        return "direct"
    return "direct" if costs[direct][0] <= costs["fft"][0] else "fft"


def _refuse(plan: ConvPlan, method: str, name: str, costs) -> None:
    """Raise the ValueError for a request past :data:`MEMORY_LIMIT` or :data:`WORK_LIMIT`."""

    def gb(b):
        return f"{b / 1e9:.3g} GB"

    workers = {"fft": ("fft",), "direct": ("ndimage", "shift")}.get(method, tuple(costs))
    # the worker closest to fitting: within memory if any, then the least work
    best = min((costs[w] for w in workers if w in costs), key=lambda c: (c[1] > MEMORY_LIMIT, c[2]))
    if best[1] > MEMORY_LIMIT:
        need = f"about {gb(best[1])} of memory, over convlab's limit of {gb(MEMORY_LIMIT)}"
    elif best[2] > WORK_LIMIT:
        need = f"{best[2]:.3g} multiply-adds, over convlab's limit of {WORK_LIMIT:.0e}"
    else:
        need = f"about {best[0]:.0f} s of direct summing, over convlab's limit of {TIME_LIMIT:g} s"
    if method == "direct" and _fits(costs["fft"]):
        advice = "use method='fft' (or 'auto')"
    elif method == "fft" and _direct_worker(costs):
        advice = "use method='direct' (or 'auto')"
    else:
        advice = "use a smaller x or k, or a larger stride"
    shapes = f"x of shape {plan.x.shape} and k of shape {plan.kernel.shape}"
    raise ValueError(f"{name} with method={method!r} would need {need} ({shapes}); {advice}")


# ---------------------------------------------------------------------------
# the workers: valid cross-correlation of a padded region


def correlate_plan(plan: ConvPlan, method: str, name: str = "conv") -> np.ndarray:
    """Compute ``plan`` by ``method`` ("direct", "fft" or "auto"); refuse past the limits."""
    x, kd = plan.x, plan.dilated_kernel()
    costs = estimate(plan)
    ints = x.dtype.kind == "i" and kd.dtype.kind == "i"
    requested = method
    if method == "auto":
        method = choose_method(plan, costs)
    if ints and method == "fft" and not _fft_rounds_exactly(x, kd, plan):
        method = "direct"  # the FFT would not round to the exact integers
    worker = _direct_worker(costs) if method == "direct" else "fft"
    if worker is None or not _fits(costs[worker]):
        _refuse(plan, requested, name, costs)
    if not ints:
        xf = x.astype(np.float64, copy=False)
        return _float_worker(worker, xf, kd.astype(np.float64, copy=False), plan)
    # Integers: exact int64 results.  Float arithmetic on integers is exact while every
    # partial sum stays below 2**53; the FFT result is exact after rounding while its
    # error bound stays well below 1/2; otherwise sum in int64.
    bound = float(np.abs(x).max()) * float(np.abs(kd).sum())
    if worker == "fft" or bound < _FLOAT_EXACT:
        y = _float_worker(worker, x.astype(np.float64), kd.astype(np.float64), plan)
        return np.rint(y).astype(np.int64)
    return _shift_add(plan, kd, np.int64)


def _float_worker(worker, x, kd, plan):
    # A kernel whose largest tap is below 1 is scaled up by a power of two (exact) so
    # that the largest tap is near 1: scipy.ndimage treats taps of magnitude <= machine
    # epsilon as zero, so a kernel of 1e-16s would vanish.  A larger kernel is never
    # scaled down: that would push products of tiny inputs into the subnormals, where
    # they lose digits or vanish (4e-311 * 1e30 came out 3e-14 off, 1e-20 * 1.3e-276
    # next to a 1e30 tap as 0).  Taps still at most epsilon go to a shift-and-add pass
    # of their own, unscaled.
    peak = float(np.abs(kd).max())
    if peak == 0.0:
        return np.zeros(plan.out_shape)
    exponent = min(math.frexp(peak)[1], 0)
    ks = np.ldexp(kd, -exponent)
    if worker == "fft":
        return np.ldexp(_fft(ks, plan), exponent)
    if worker == "shift":
        return np.ldexp(_shift_add(plan, ks, np.float64), exponent)
    magnitude = np.abs(ks)
    tiny = (magnitude <= 2 * _EPS) & (magnitude > 0)
    if not tiny.any():
        return np.ldexp(_ndimage(x, ks, plan), exponent)
    large = np.ldexp(_ndimage(x, np.where(tiny, 0.0, ks), plan), exponent)
    return large + _shift_add(plan, np.where(tiny, kd, 0.0), np.float64)


def _fft_rounds_exactly(x, kd, plan) -> bool:
    points = math.prod(_fft_shape(plan))
    norm_x = float(np.sqrt(np.sum(np.square(x, dtype=np.float64))))
    norm_k = float(np.sqrt(np.sum(np.square(kd, dtype=np.float64))))
    return 10 * _EPS * max(math.log2(points), 1.0) * norm_x * norm_k < 0.25


def _ndimage(x, kd, plan):
    """Direct summation with scipy.ndimage (zero taps skipped), split over threads when large."""
    stride, out_shape = plan.stride, plan.out_shape
    centre = [m // 2 for m in kd.shape]
    lo = [c - before for c, (before, _) in zip(centre, plan.pads)]
    hi = [a + s * (o - 1) + 1 for a, s, o in zip(lo, stride, out_shape)]
    if any(a < 0 for a in lo) or any(b > n for b, n in zip(hi, x.shape)):
        x = plan.padded().astype(np.float64, copy=False)
        lo = centre
        hi = [a + s * (o - 1) + 1 for a, s, o in zip(lo, stride, out_shape)]

    crop = tuple(
        slice(max(0, a - c), min(n, b + m - 1 - c))
        for a, b, c, m, n in zip(lo, hi, centre, kd.shape, x.shape)
    )
    x = x[crop]
    keep = tuple(slice(a - cr.start, b - cr.start, s) for a, b, cr, s in zip(lo, hi, crop, stride))
    work = math.prod(x.shape) * np.count_nonzero(kd)
    rows, c0, m0 = x.shape[0], centre[0], kd.shape[0]
    if THREADS == 1 or work < _THREAD_MIN_WORK or rows < THREADS * 2 * m0:
        return scipy.ndimage.correlate(x, kd, mode="constant", cval=0.0)[keep]
    # Bands of rows, one per thread, each written straight into y (scipy.ndimage's output
    # has its input's shape).  A band also reads and writes the rows just beyond its edges,
    # where its neighbour writes too, so those seam rows are recomputed afterwards.
    y = np.empty(x.shape)
    edges = np.linspace(0, rows, THREADS + 1).astype(int)

    def correlate_rows(a, b, out=None):
        a_in, b_in = max(0, a - c0), min(rows, b + m0 - 1 - c0)
        if out is not None:
            scipy.ndimage.correlate(x[a_in:b_in], kd, output=out[a_in:b_in], mode="constant")
            return None
        return scipy.ndimage.correlate(x[a_in:b_in], kd, mode="constant")[a - a_in : b - a_in]

    list(executor().map(lambda i: correlate_rows(edges[i], edges[i + 1], y), range(THREADS)))
    for e in edges[1:-1]:
        a, b = max(0, e - c0), min(rows, e + m0 - 1 - c0)
        if b > a:
            y[a:b] = correlate_rows(a, b)
    return y[keep]


def _fft(kd, plan):
    """Valid correlation of the padded region by real FFTs (circular wrap falls outside)."""
    xp = plan.padded().astype(np.float64, copy=False)
    shape = _fft_shape(plan)
    axes = tuple(range(xp.ndim))
    workers = THREADS if math.prod(shape) >= _FFT_THREAD_MIN else 1
    spectrum = scipy.fft.rfftn(xp, shape, axes=axes, workers=workers)
    spectrum *= scipy.fft.rfftn(
        kd[(slice(None, None, -1),) * xp.ndim], shape, axes=axes, workers=workers
    )
    y = scipy.fft.irfftn(spectrum, shape, axes=axes, workers=workers)
    keep = tuple(
        slice(m - 1, m - 1 + s * (o - 1) + 1, s)
        for m, s, o in zip(kd.shape, plan.stride, plan.out_shape)
    )
    return y[keep]


def _shift_add(plan, kd, dtype):
    """Direct sum with no set-up and no table, memory the padded region and the output.

    One strided slice of the padded input per non-zero tap of ``kd`` (the dilated
    kernel), or, when there are fewer outputs than taps, one window times the kernel per
    output.  The work is (kept outputs) x (taps) either way; exact for ``np.int64``.
    """
    xp = plan.padded().astype(dtype, copy=False)
    y = np.zeros(plan.out_shape, dtype=dtype)
    taps = np.argwhere(kd != 0)
    if len(taps) > y.size:
        kernel = kd[tuple(slice(None, None, d) for d in plan.dilation)]  # undilated
        for index in np.ndindex(*plan.out_shape):
            window = tuple(
                slice(i * s, i * s + m, d)
                for i, s, m, d in zip(index, plan.stride, plan.span, plan.dilation)
            )
            y[index] = np.sum(xp[window] * kernel)
        return y
    term = np.empty_like(y)
    for tap in taps:
        window = tuple(
            slice(int(t), int(t) + s * (o - 1) + 1, s)
            for t, s, o in zip(tap, plan.stride, plan.out_shape)
        )
        np.multiply(xp[window], kd[tuple(tap)], out=term)
        y += term
    return y
