"""Convolution as a deep-learning layer: stride, padding, dilation, pooling.

Deep-learning libraries call cross-correlation "convolution": the kernel slides
over the input *without* being flipped.  :func:`conv1d` and :func:`conv2d`
follow that convention (``flip=True`` gives the true convolution of
:func:`convlab.convolve`) and add the three knobs of a CNN layer:

* ``stride`` -- how far the window jumps between outputs;
* ``padding`` -- how many samples surround the input on each side: zeros by
  default, or (``padding_mode``) the input mirrored, its edge repeated, or the
  input wrapped around, as in PyTorch;
* ``dilation`` -- the spacing between the kernel's taps.

The transposed convolution (:func:`conv_transpose1d`, :func:`conv_transpose2d`)
lives in :mod:`convlab.transposed` and is re-exported here.

Along each axis the output length is ``output_size(n, k, stride=s, padding=p,
dilation=d) = (n + 2p - d(k - 1) - 1) // s + 1``.

Every function validates its arguments first and then hands clean arrays to a
private worker.  Integer inputs give exact ``int64`` results whatever the
method.  ``method="auto"`` picks direct summation (fast for small kernels) or
the FFT (fast for large ones) from a cost model measured on this kind of
machine; ``python -m convlab.bench`` shows the timings and
``python -m convlab.bench memory`` the memory of the largest cases.  A request
that would need more than 1 GB of memory, with any method, is refused with a
``ValueError`` that says what to use instead.  The computing itself lives in
the private engine module ``convlab._engine``.
"""

from __future__ import annotations

import numpy as np

from ._engine import correlate_plan, plan_conv, resolve_padding
from ._validation import (
    as_array,
    check_choice,
    check_int,
    check_method,
    check_output_size,
    check_padding,
    check_tuple,
)
from .transposed import conv_transpose1d, conv_transpose2d, transpose_output_size

__all__ = [
    "avg_pool2d",
    "conv1d",
    "conv2d",
    "conv_transpose1d",
    "conv_transpose2d",
    "max_pool2d",
    "output_size",
    "transpose_output_size",
]

# ---------------------------------------------------------------------------
# public functions


def output_size(n, k, *, stride=1, padding=0, dilation=1) -> int:
    """Length of a convolution layer's output along one axis.

    ``(n + 2 * padding - dilation * (k - 1) - 1) // stride + 1``: the number of
    positions, ``stride`` apart, where a kernel spanning ``dilation * (k - 1) + 1``
    samples fits inside the padded input.

    Parameters
    ----------
    n : int
        Input length, at least 1.
    k : int
        Kernel length, at least 1.
    stride : int, optional
        Step between windows, at least 1.
    padding : int or {"valid", "same"}, optional
        Zeros added on *each* side, at least 0.  ``"valid"`` is 0; ``"same"``
        (stride 1 only) pads so that the output has length ``n``.
    dilation : int, optional
        Spacing between kernel taps, at least 1.

    Returns
    -------
    int
        The output length, at least 1.

    Raises
    ------
    TypeError
        If an argument is not an integer (or a padding string).
    ValueError
        If ``n``, ``k``, ``stride`` or ``dilation`` is below 1, ``padding`` is
        negative or unknown, ``"same"`` is asked for with a stride, or the
        kernel does not fit inside the padded input.

    See Also
    --------
    conv1d, conv2d : produce outputs of exactly this length.

    Examples
    --------
    A 3-tap kernel fits 5 - 3 + 1 = 3 times into 5 samples:

    >>> output_size(5, 3)
    3

    One zero on each side gives 7 samples and 5 positions; a stride of 2
    keeps positions 0, 2, 4:

    >>> output_size(5, 3, padding=1)
    5
    >>> output_size(5, 3, padding=1, stride=2)
    3

    Dilation 2 spreads 3 taps over 5 samples:

    >>> output_size(7, 3, dilation=2)
    3
    """
    n = check_int(n, "n", minimum=1)
    k = check_int(k, "k", minimum=1)
    stride = check_int(stride, "stride", minimum=1)
    dilation = check_int(dilation, "dilation", minimum=1)
    padding = check_padding(padding, 1)
    (before, after), = resolve_padding(padding, (k,), (stride,), (dilation,))
    span = dilation * (k - 1) + 1
    if n + before + after < span:
        raise ValueError(
            f"k must fit inside the padded input: the kernel spans {span} (size {k}, "
            f"dilation {dilation}) but n + padding is only {n + before + after}"
        )
    return (n + before + after - span) // stride + 1


def conv1d(
    x, k, *, stride=1, padding=0, dilation=1, flip=False, method="auto", padding_mode="zeros"
):
    """Slide the kernel ``k`` along ``x`` as a 1-D convolution layer does.

    ``y[i] = sum_j xp[i * stride + j * dilation] * k[j]``, where ``xp`` is ``x``
    with ``padding`` samples on each side (zeros unless ``padding_mode`` says
    otherwise).  This is cross-correlation, the deep-learning convention;
    ``flip=True`` flips ``k`` first, which gives true convolution.

    Parameters
    ----------
    x : (N,) array_like
        The input signal: real numbers, no NaN or infinity.
    k : (M,) array_like
        The kernel.
    stride : int, optional
        Step between windows, at least 1.
    padding : int or {"valid", "same"}, optional
        Zeros added on each side of ``x`` (default 0, which is ``"valid"``).
        ``"same"`` (stride 1 only) adds ``dilation * (M - 1)`` zeros in all,
        half before and half after; when that total is odd the extra zero goes
        *after* (PyTorch's convention), so the output has length ``N``.
    dilation : int, optional
        Spacing between the kernel's taps, at least 1.
    flip : bool, optional
        False (default): cross-correlation.  True: true convolution.
    method : {"auto", "direct", "fft"}, optional
        Direct summation, the FFT, or (default) whichever the cost model expects
        to be faster.  The values agree to rounding; integer inputs give exact
        integers with every method.
    padding_mode : {"zeros", "reflect", "replicate", "circular"}, optional
        What the padding holds (PyTorch's names): zeros (default); ``x``
        mirrored about its end samples, which are not repeated (``numpy.pad``'s
        "reflect"; needs padding < N); the end samples repeated ("edge"); or
        ``x`` wrapped around ("wrap"; needs padding <= N).

    Returns
    -------
    y : (output_size(N, M, ...),) ndarray
        ``int64`` when ``x`` and ``k`` are integers, else ``float64``.

    Raises
    ------
    TypeError
        For booleans, complex numbers, strings or objects, or a non-integer
        ``stride``, ``padding`` or ``dilation``.
    ValueError
        For empty or non-1-D inputs, NaN or infinity, ``stride`` or
        ``dilation`` below 1, negative or unknown ``padding``, ``"same"`` with a
        stride, an unknown ``method`` or ``padding_mode``, padding too large
        for a reflect or circular ``padding_mode``, a kernel that does not fit inside the
        padded input, or a computation that would need more than 1 GB of memory
        (or, summed directly, more than 10**10 multiply-adds); the message says
        which method to use instead.

    See Also
    --------
    conv2d : the same in two dimensions.
    output_size : the length of the result.
    convlab.conv_matrix : the same map written as a matrix (zero padding).
    convlab.conv_transpose1d : its adjoint, the transposed convolution.
    convlab.correlate, convlab.convolve : the "full"/"same"/"valid" textbook versions.

    Examples
    --------
    Each output is one window times the kernel: ``1 - 3``, ``2 - 4``, ``3 - 5``.

    >>> conv1d([1, 2, 3, 4, 5], [1, 0, -1])
    array([-2, -2, -2])

    A stride of 2 keeps every other window; padding adds zeros at the ends.

    >>> conv1d([1, 2, 3, 4, 5], [1, 0, -1], stride=2)
    array([-2, -2])
    >>> conv1d([1, 2, 3, 4, 5], [1, 0, -1], padding=1)
    array([-2, -2, -2, -2,  4])

    Dilation 2 reads every other sample: ``1 * 1 + 3 * 0 + 5 * (-1) = -4``.

    >>> conv1d([1, 2, 3, 4, 5], [1, 0, -1], dilation=2)
    array([-4])

    ``flip=True`` is true convolution, as :func:`convlab.convolve` in "valid" mode.

    >>> conv1d([1, 2, 3, 4, 5], [1, 0, -1], flip=True)
    array([2, 2, 2])

    The padding modes, seen through the kernel ``[1]`` with padding 2: the
    padded input itself.

    >>> for mode in ("zeros", "reflect", "replicate", "circular"):
    ...     print(mode, conv1d([1, 2, 3], [1], padding=2, padding_mode=mode))
    zeros [0 0 1 2 3 0 0]
    reflect [3 2 1 2 3 2 1]
    replicate [1 1 1 2 3 3 3]
    circular [2 3 1 2 3 1 2]
    """
    method = check_method(method)
    plan = plan_conv(x, k, stride, padding, dilation, flip, 1, padding_mode=padding_mode)
    return correlate_plan(plan, method, "conv1d")


def conv2d(
    x, k, *, stride=1, padding=0, dilation=1, flip=False, method="auto", bias=None,
    padding_mode="zeros",
):
    """Slide the kernel ``k`` over the image ``x`` as a 2-D convolution layer does.

    ``y[i, j] = sum_{a, b} xp[i*s0 + a*d0, j*s1 + b*d1] * k[a, b]``, where ``xp``
    is ``x`` surrounded by its padding (zeros unless ``padding_mode`` says
    otherwise).  Cross-correlation, the deep-learning convention;
    ``flip=True`` flips ``k`` along both axes first (true convolution).

    Parameters
    ----------
    x : (N1, N2), (C_in, N1, N2) or (N, C_in, N1, N2) array_like
        The image: real numbers, no NaN or infinity.  With channels (and a batch),
        the layer sums over the input channels (see :func:`convlab.channels.conv2d_layer`).
    k : (M1, M2) or (C_out, C_in, M1, M2) array_like
        The kernel; it need not be square.  A 4-D kernel goes with a 3-D or 4-D ``x``;
        a 2-D or 3-D kernel with channels is refused as ambiguous.
    stride : int or (int, int), optional
        Step between windows down the rows and across the columns, at least 1.
    padding : int, (int, int) or {"valid", "same"}, optional
        Zero rows added above and below, zero columns left and right (default
        0, which is ``"valid"``).  ``"same"`` (stride 1 only) keeps the shape of
        ``x``; when an axis needs an odd number of zeros the extra one goes at
        the bottom / right (PyTorch's convention).
    dilation : int or (int, int), optional
        Spacing between the kernel's taps, at least 1.
    flip : bool, optional
        False (default): cross-correlation.  True: true convolution.
    method : {"auto", "direct", "fft"}, optional
        Direct summation, the FFT, or (default) whichever the cost model expects
        to be faster.  Integer inputs give exact integers with every method.
    bias : (C_out,) array_like, optional
        Added to every value of each output channel (one value for a 2-D ``x``).
    padding_mode : {"zeros", "reflect", "replicate", "circular"}, optional
        What the padding holds, as in :func:`conv1d`, along each axis (corners
        follow ``numpy.pad``, as in PyTorch): reflect needs padding smaller than
        that axis of ``x``, circular at most that axis.

    Returns
    -------
    y : (P1, P2), (C_out, P1, P2) or (N, C_out, P1, P2) ndarray
        ``P = output_size(N, M, stride=s, padding=p, dilation=d)`` per axis;
        ``int64`` when ``x`` and ``k`` are integers, else ``float64``.

    Raises
    ------
    TypeError, ValueError
        As for :func:`conv1d`, with 2-D arrays.

    See Also
    --------
    conv1d : the same in one dimension.
    convlab.steps2d : the same computation, one window at a time.

    Examples
    --------
    The window sums of the 3×3 matrix of 1..9 with ``[[0, 1], [1, 0]]``:
    ``2 + 4 = 6``, ``3 + 5 = 8``, ``5 + 7 = 12``, ``6 + 8 = 14``.

    >>> conv2d([[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[0, 1], [1, 0]])
    array([[ 6,  8],
           [12, 14]])

    A 2×2 kernel of ones with stride 2 sums non-overlapping blocks.

    >>> x = np.arange(16).reshape(4, 4)
    >>> conv2d(x, np.ones((2, 2), dtype=int), stride=2)
    array([[10, 18],
           [42, 50]])

    ``padding="same"`` keeps the shape; here a 1×3 kernel sums each row's
    neighbours, with zeros beyond the edges.

    >>> conv2d([[1, 2, 3], [4, 5, 6]], [[1, 1, 1]], padding="same")
    array([[ 3,  6,  5],
           [ 9, 15, 11]])

    ``padding_mode="replicate"`` repeats the edge instead of adding zeros, so
    a blur keeps the border as bright as the inside:

    >>> conv2d([[1, 2, 3], [4, 5, 6]], [[1, 1, 1]], padding="same", padding_mode="replicate")
    array([[ 4,  6,  8],
           [13, 15, 17]])

    Two input channels and one output channel: each output value sums the two
    channels' windows (the example of Zhang et al., *Dive into Deep Learning*, §7.4).

    >>> x = [[[0, 1, 2], [3, 4, 5], [6, 7, 8]], [[1, 2, 3], [4, 5, 6], [7, 8, 9]]]
    >>> conv2d(x, [[[[0, 1], [2, 3]], [[1, 2], [3, 4]]]])
    array([[[ 56,  72],
            [104, 120]]])
    """
    if bias is not None or _layout_ndim(x) > 2 or _layout_ndim(k) > 2:
        from .channels import conv2d_layer

        plain = _layout_ndim(x) == 2 and _layout_ndim(k) == 2  # a plain image with a bias
        if plain:
            x, k = np.asarray(x)[None], np.asarray(k)[None, None]
        y = conv2d_layer(
            x, k, bias=bias, stride=stride, padding=padding, dilation=dilation, flip=flip,
            method=method, padding_mode=padding_mode,
        )
        return y[0] if plain else y
    method = check_method(method)
    plan = plan_conv(x, k, stride, padding, dilation, flip, 2, padding_mode=padding_mode)
    return correlate_plan(plan, method, "conv2d")


def _layout_ndim(value) -> int:
    """How many axes ``value`` has; a ragged list counts as 2 (the 2-D checks then name it)."""
    try:
        return np.ndim(value)
    except ValueError:
        return 2


def _pool(x, size, stride, padding, kind):
    x = as_array(x, "x", ndim=(2,))
    size = check_tuple(size, "size", 2, minimum=1)
    stride = size if stride is None else check_tuple(stride, "stride", 2, minimum=1)
    padding = check_tuple(padding, "padding", 2, minimum=0)
    for p, m in zip(padding, size):
        if 2 * p > m:
            raise ValueError(
                f"padding must be at most half of size (so every window holds part of x); "
                f"got padding={padding} with size={size}"
            )
    for axis, (n, m, p) in enumerate(zip(x.shape, size, padding)):
        if n + 2 * p < m:
            raise ValueError(
                f"size must fit inside x after padding: along axis {axis} the window is {m} "
                f"but x spans {n + 2 * p} (size {n}, padding {p} on each side)"
            )
    check_output_size(tuple(n + 2 * p for n, p in zip(x.shape, padding)), "x after padding")
    check_choice(kind, "kind", ("max", "avg"))
    if any(padding):
        # max: a fill value that never wins (every window holds part of x); avg: zeros
        lowest = np.iinfo(np.int64).min if x.dtype.kind == "i" else -np.inf
        fill = lowest if kind == "max" else 0
        x = np.pad(x, [(p, p) for p in padding], constant_values=fill)
    windows = np.lib.stride_tricks.sliding_window_view(x, size)[:: stride[0], :: stride[1]]
    if kind == "max":
        return windows.max(axis=(2, 3))
    count = size[0] * size[1]
    if x.dtype.kind == "i" and float(np.abs(x).max()) * count >= 2.0**63:
        # an int64 window sum could overflow (and wrap around): sum in float64 instead
        return windows.sum(axis=(2, 3), dtype=np.float64) / count
    return windows.sum(axis=(2, 3)) / count


def max_pool2d(x, size, *, stride=None, padding=0):
    """Downsample ``x`` by keeping the largest value of each window.

    Parameters
    ----------
    x : (N1, N2), (C, N1, N2) or (N, C, N1, N2) array_like
        The image: real numbers, no NaN or infinity; leading axes are pooled channel by channel.
    size : int or (int, int)
        Window height and width, at least 1.
    stride : int or (int, int), optional
        Step between windows; default ``size`` (windows tile without overlap).
    padding : int or (int, int), optional
        Rows / columns added on each side, never chosen as the maximum; at most
        half of ``size`` (as in PyTorch), so each window holds part of ``x``.

    Returns
    -------
    y : (P1, P2) ndarray
        ``P = output_size(N, size, stride=stride, padding=padding)`` per axis;
        the dtype of ``x`` (``int64`` or ``float64``).

    Raises
    ------
    TypeError, ValueError
        For bad arrays as in :func:`conv2d`, ``size`` or ``stride`` below 1,
        negative padding or padding above half the window, or a window larger
        than the padded input.

    See Also
    --------
    avg_pool2d : the mean instead of the maximum.

    Examples
    --------
    >>> x = np.arange(16).reshape(4, 4)
    >>> max_pool2d(x, 2)
    array([[ 5,  7],
           [13, 15]])
    >>> max_pool2d(x, 3, stride=1)
    array([[10, 11],
           [14, 15]])
    """
    if _layout_ndim(x) > 2:
        from .channels import max_pool2d_layer

        return max_pool2d_layer(x, size, stride=stride, padding=padding)
    return _pool(x, size, stride, padding, "max")


def avg_pool2d(x, size, *, stride=None, padding=0):
    """Downsample ``x`` by averaging each window.

    Parameters
    ----------
    x : (N1, N2), (C, N1, N2) or (N, C, N1, N2) array_like
        The image: real numbers, no NaN or infinity; leading axes are pooled channel by channel.
    size : int or (int, int)
        Window height and width, at least 1.
    stride : int or (int, int), optional
        Step between windows; default ``size``.
    padding : int or (int, int), optional
        Zero rows / columns added on each side; the zeros count in the average
        (PyTorch's default).  At most half of ``size``.

    Returns
    -------
    y : (P1, P2) ndarray of float64
        ``P = output_size(N, size, stride=stride, padding=padding)`` per axis.
        Integer windows are summed exactly in ``int64`` unless the sum could
        overflow, then in ``float64``.

    Raises
    ------
    TypeError, ValueError
        As for :func:`max_pool2d`.

    See Also
    --------
    max_pool2d : the maximum instead of the mean.

    Examples
    --------
    >>> x = np.arange(16).reshape(4, 4)
    >>> avg_pool2d(x, 2)
    array([[ 2.5,  4.5],
           [10.5, 12.5]])
    """
    if _layout_ndim(x) > 2:
        from .channels import avg_pool2d_layer

        return avg_pool2d_layer(x, size, stride=stride, padding=padding)
    return _pool(x, size, stride, padding, "avg")
