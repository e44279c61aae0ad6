"""The transposed convolution: the adjoint of a convolution layer, PyTorch's ``ConvTranspose``.

A strided convolution maps ``n`` samples to ``output_size(n, k, ...)``; the
transposed convolution goes the other way, spreading each input sample into a
scaled copy of the (dilated) kernel, ``stride`` apart, and cutting ``padding``
samples from each end.  It is the transpose of the convolution's matrix
(:func:`convlab.matrices.conv_matrix`): ``<conv1d(z, k), y> == <z,
conv_transpose1d(y, k)>`` whenever the shapes match.

Along each axis the output length is PyTorch's

    ``H_out = (H_in - 1) * stride - 2 * padding + dilation * (k - 1) + output_padding + 1``

(:func:`transpose_output_size`).  A strided convolution sends several input
lengths to the same output length (with ``k = 3``, ``stride = 2``, ``padding =
1``, both 7 and 8 samples give 4); ``output_padding`` (smaller than the stride
or the dilation) chooses which one the transposed convolution returns, by
adding that many samples at the end (bottom / right).

The work is one stride-1 convolution: ``x`` with ``stride - 1`` zeros inserted
between its samples, convolved ("full" mode) with the dilated kernel, then
cropped.  Integer inputs give exact ``int64`` results.
"""

from __future__ import annotations

import numpy as np

from ._engine import correlate_plan, plan_conv
from ._validation import (
    as_array,
    check_int,
    check_int_result_fits,
    check_output_size,
    check_tuple,
)

__all__ = ["conv_transpose1d", "conv_transpose2d", "transpose_output_size"]


def _show(values: tuple[int, ...]):
    return values if len(values) > 1 else values[0]


def _check_output_padding(output_padding, stride, dilation):
    """PyTorch's rule: output_padding < max(stride, dilation) along every axis."""
    for axis, (op, s, d) in enumerate(zip(output_padding, stride, dilation)):
        if op >= max(s, d):
            where = f" (along axis {axis})" if len(stride) > 1 else ""
            raise ValueError(
                f"output_padding must be smaller than either stride or dilation: got "
                f"output_padding={op} with stride={s} and dilation={d}{where}"
            )


def transpose_output_size(n, k, *, stride=1, padding=0, output_padding=0, dilation=1) -> int:
    """Length of a transposed convolution's output along one axis.

    ``(n - 1) * stride - 2 * padding + dilation * (k - 1) + output_padding + 1``,
    PyTorch's rule for ``ConvTranspose``.

    Parameters
    ----------
    n : int
        Input length, at least 1.
    k : int
        Kernel length, at least 1.
    stride : int, optional
        Distance between the kernel's copies, at least 1.
    padding : int, optional
        Samples cut from each end, at least 0.
    output_padding : int, optional
        Samples added at the end, at least 0 and smaller than ``stride`` or
        ``dilation`` (whichever is larger).
    dilation : int, optional
        Spacing between the kernel's taps, at least 1.

    Returns
    -------
    int
        The output length, at least 1.

    Raises
    ------
    TypeError
        If an argument is not an integer.
    ValueError
        If ``n``, ``k``, ``stride`` or ``dilation`` is below 1, ``padding`` or
        ``output_padding`` is negative, ``output_padding`` is not smaller than
        ``stride`` or ``dilation``, or ``padding`` would leave nothing.

    See Also
    --------
    convlab.output_size : the length of the (forward) convolution.
    conv_transpose1d, conv_transpose2d : produce outputs of exactly this length.

    Examples
    --------
    A convolution with k = 3, stride 2, padding 1 takes 7 samples *and* 8
    samples to 4:

    >>> from convlab import output_size
    >>> output_size(7, 3, stride=2, padding=1), output_size(8, 3, stride=2, padding=1)
    (4, 4)

    The transposed convolution goes back to 7, or to 8 with ``output_padding=1``:

    >>> transpose_output_size(4, 3, stride=2, padding=1)
    7
    >>> transpose_output_size(4, 3, stride=2, padding=1, output_padding=1)
    8
    """
    n = check_int(n, "n", minimum=1)
    k = check_int(k, "k", minimum=1)
    stride = check_int(stride, "stride", minimum=1)
    padding = check_int(padding, "padding", minimum=0)
    output_padding = check_int(output_padding, "output_padding", minimum=0)
    dilation = check_int(dilation, "dilation", minimum=1)
    _check_output_padding((output_padding,), (stride,), (dilation,))
    full = (n - 1) * stride + dilation * (k - 1) + 1
    out = full - 2 * padding + output_padding
    if out < 1:
        raise ValueError(
            f"padding {padding} is too large: it would crop the whole output (before "
            f"cropping it has length {full})"
        )
    return out


def _conv_transpose(x, k, stride, padding, output_padding, dilation, ndim):
    x = as_array(x, "x", ndim=(ndim,))
    k = as_array(k, "k", ndim=(ndim,))
    stride = check_tuple(stride, "stride", ndim, minimum=1)
    padding = check_tuple(padding, "padding", ndim, minimum=0)
    output_padding = check_tuple(output_padding, "output_padding", ndim, minimum=0)
    dilation = check_tuple(dilation, "dilation", ndim, minimum=1)
    _check_output_padding(output_padding, stride, dilation)
    full = tuple(
        (n - 1) * s + d * (m - 1) + 1 for n, m, s, d in zip(x.shape, k.shape, stride, dilation)
    )
    out = tuple(f - 2 * p + op for f, p, op in zip(full, padding, output_padding))
    if any(o < 1 for o in out):
        raise ValueError(
            f"padding {_show(padding)} is too large: it would crop the "
            f"whole output (before cropping it has shape {full})"
        )
    check_output_size(full)
    check_output_size(out)
    check_int_result_fits(x, k, "x", "k")
    # The full transposed convolution is x with stride - 1 zeros between its samples,
    # convolved ("full" mode) with the dilated k: the engine's job, with its limits and
    # exact integers.
    up = np.zeros(tuple((n - 1) * s + 1 for n, s in zip(x.shape, stride)), dtype=x.dtype)
    up[tuple(slice(None, None, s) for s in stride)] = x
    plan = plan_conv(
        up, k, 1, tuple(d * (m - 1) for m, d in zip(k.shape, dilation)), dilation, True, ndim
    )
    y = correlate_plan(plan, "auto", f"conv_transpose{ndim}d")
    extra = [(0, max(0, op - p)) for p, op in zip(padding, output_padding)]
    if any(after for _, after in extra):  # output_padding beyond the cut: zeros at the end
        y = np.pad(y, extra)
    return y[tuple(slice(p, p + o) for p, o in zip(padding, out))]


def conv_transpose1d(x, k, *, stride=1, padding=0, output_padding=0, dilation=1):
    """Transposed 1-D convolution: spread each input sample into a scaled copy of ``k``.

    Input sample ``x[i]`` adds ``x[i] * k[j]`` to position ``i * stride + j *
    dilation`` of the output; then ``padding`` samples are cut from each end
    and ``output_padding`` samples added at the end.  This is the adjoint of
    :func:`convlab.conv1d` with the same ``stride``, ``padding`` and
    ``dilation`` (``<conv1d(z, k), y> == <z, conv_transpose1d(y, k)>`` when
    ``z`` has this function's output length), the "upsampling" layer of a CNN.
    It undoes the *shape* of :func:`convlab.conv1d`, not its values.

    Parameters
    ----------
    x : (N,) array_like
        The input: real numbers, no NaN or infinity.
    k : (M,) array_like
        The kernel.
    stride : int, optional
        Distance between the copies, at least 1.
    padding : int, optional
        Samples cut from each end of the result, at least 0.
    output_padding : int, optional
        Samples added at the end of the result (zeros unless a copy reaches
        them), at least 0 and smaller than ``stride`` or ``dilation``.  It picks
        which of the input lengths that the convolution maps to ``N`` comes back.
    dilation : int, optional
        Spacing between the kernel's taps, at least 1.

    Returns
    -------
    y : (transpose_output_size(N, M, ...),) ndarray
        ``int64`` for integer inputs (exact), else ``float64``.

    Raises
    ------
    TypeError, ValueError
        For bad arrays as in :func:`convlab.conv1d`, ``stride`` or ``dilation``
        below 1, negative ``padding`` or ``output_padding``, ``output_padding``
        not smaller than ``stride`` or ``dilation``, or ``padding`` that would
        leave nothing.

    See Also
    --------
    conv_transpose2d : the same in two dimensions.
    transpose_output_size : the length of the result.
    convlab.matrices.conv_matrix : the convolution as a matrix; this is its transpose.

    Examples
    --------
    With stride 2 the copies ``[1, 1, 1]`` and ``[2, 2, 2]`` start 2 apart and
    overlap in one place:

    >>> conv_transpose1d([1, 2], [1, 1, 1], stride=2)
    array([1, 1, 3, 2, 2])
    >>> conv_transpose1d([1, 2], [1, 1, 1], stride=2, padding=1)
    array([1, 3, 2])

    ``output_padding=1`` gives one more sample at the end:

    >>> conv_transpose1d([1, 2], [1, 1, 1], stride=2, padding=1, output_padding=1)
    array([1, 3, 2, 2])

    Dilation 2 spreads the taps: each copy is ``[1, 0, 1, 0, 1]``.

    >>> conv_transpose1d([1, 2], [1, 1, 1], dilation=2)
    array([1, 2, 1, 2, 1, 2])
    """
    return _conv_transpose(x, k, stride, padding, output_padding, dilation, 1)


def conv_transpose2d(x, k, *, stride=1, padding=0, output_padding=0, dilation=1):
    """Transposed 2-D convolution: stamp a scaled copy of ``k`` for every input pixel.

    Pixel ``x[i, j]`` adds ``x[i, j] * k`` (dilated) to the output with its
    top-left corner at ``(i * s0, j * s1)``; then ``padding`` rows / columns
    are cut from each side and ``output_padding`` rows / columns added at the
    bottom / right.  This is the adjoint of :func:`convlab.conv2d` with the
    same ``stride``, ``padding`` and ``dilation``: ``<conv2d(z, k), y> == <z,
    conv_transpose2d(y, k)>``.

    Parameters
    ----------
    x : (N1, N2) array_like
        The input: real numbers, no NaN or infinity.
    k : (M1, M2) array_like
        The kernel.
    stride : int or (int, int), optional
        Distance between the stamps, at least 1.
    padding : int or (int, int), optional
        Rows and columns cut from each side, at least 0.
    output_padding : int or (int, int), optional
        Rows added at the bottom and columns at the right, at least 0 and
        smaller than ``stride`` or ``dilation`` along that axis.
    dilation : int or (int, int), optional
        Spacing between the kernel's taps, at least 1.

    Returns
    -------
    y : ndarray
        Shape ``transpose_output_size(N, M, ...)`` per axis; ``int64`` for
        integer inputs (exact), else ``float64``.

    Raises
    ------
    TypeError, ValueError
        As for :func:`conv_transpose1d`, with 2-D arrays.

    See Also
    --------
    conv_transpose1d : the same in one dimension.

    Examples
    --------
    A 2×2 kernel of ones with stride 2 blows each pixel up into a 2×2 block:

    >>> conv_transpose2d([[1, 2], [3, 4]], [[1, 1], [1, 1]], stride=2)
    array([[1, 1, 2, 2],
           [1, 1, 2, 2],
           [3, 3, 4, 4],
           [3, 3, 4, 4]])

    With a 3×3 kernel, stride 2 and padding 1, a 4×4 input comes back as 7×7,
    or 8×8 with ``output_padding=1``:

    >>> conv_transpose2d(np.ones((4, 4)), np.ones((3, 3)), stride=2, padding=1).shape
    (7, 7)
    >>> conv_transpose2d(np.ones((4, 4)), np.ones((3, 3)), stride=2, padding=1,
    ...                  output_padding=1).shape
    (8, 8)
    """
    return _conv_transpose(x, k, stride, padding, output_padding, dilation, 2)
