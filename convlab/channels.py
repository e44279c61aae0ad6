"""Convolution layers with channels: the layouts of PyTorch's ``Conv2d`` and pooling layers.

A colour image is three 2-D images stacked along a *channel* axis: ``x`` has
shape ``(C_in, H, W)``, or ``(N, C_in, H, W)`` for a batch of ``N`` images.  A
convolution layer holds one kernel *per pair* of input and output channel, a
weight tensor ``k`` of shape ``(C_out, C_in, kh, kw)``, and one bias per output
channel.  Output channel ``o`` is the sum over input channels of a 2-D
cross-correlation, plus the bias::

    y[o] = sum_c conv2d(x[c], k[o, c]) + bias[o]

so the kernel does *not* slide along the channel axis: it always covers all
``C_in`` channels at once.  Stride, padding and dilation mean exactly what they
mean in :func:`convlab.conv2d` (the same validation decides the output size).

Two engines compute the same numbers:

* ``"im2col"`` -- every window of every channel is laid out as one row of a
  matrix (a strided view, :func:`numpy.lib.stride_tricks.sliding_window_view`)
  and multiplied by the weights reshaped to ``(C_out, C_in * kh * kw)``: one
  matrix product for the whole layer, fast for the small images of a CNN;
* ``"direct"`` / ``"fft"`` -- :func:`convlab.conv2d` for every pair of channels,
  summed (its own ``method`` is passed on).

``method="auto"`` uses im2col unless both the kernel and the image are large,
where :func:`convlab.conv2d`'s FFT can win.  Integer inputs give exact ``int64``
results with every engine.
"""

from __future__ import annotations

import numpy as np

from ._engine import pad_with_mode
from ._validation import (
    as_array,
    check_choice,
    check_output_size,
)
from .layers import avg_pool2d, conv2d, max_pool2d, plan_conv

__all__ = ["avg_pool2d_layer", "conv2d_layer", "max_pool2d_layer"]

#: Engines of :func:`conv2d_layer`.
LAYER_METHODS = ("auto", "im2col", "direct", "fft")
#: The im2col matrix is built for this many values at most at a time (32 MB of float64).
_IM2COL_CHUNK = 2**22
#: method="auto" leaves im2col only for kernels above this many taps on outputs above
#: _AUTO_BIG_OUTPUT pixels, where conv2d's FFT is cheaper than a dense sum.
_AUTO_BIG_KERNEL = 81
_AUTO_BIG_OUTPUT = 64 * 64


def _check_layouts(x, k, bias):
    """Validate the arrays of a layer; return (x as 4-D, k, bias or None, batched?)."""
    x = as_array(x, "x", ndim=(2, 3, 4, 5))
    if x.ndim == 2:
        raise ValueError(
            f"x must be (C_in, H, W) or (N, C_in, H, W), got a 2-D image of shape {x.shape}; "
            f"for a single image use convlab.conv2d, or x[None] for one channel"
        )
    if x.ndim == 5:
        raise ValueError(
            f"x must be (C_in, H, W) or (N, C_in, H, W), got a 5-D array of shape {x.shape}; "
            f"3-D (volumetric) convolution is not supported"
        )
    k = as_array(k, "k", ndim=(1, 2, 3, 4, 5))
    if k.ndim == 2:
        raise ValueError(
            f"k must be (C_out, C_in, kh, kw), got a 2-D kernel of shape {k.shape} for a "
            f"{x.ndim}-D x: a 2-D kernel does not say how channels combine.  Use "
            f"k[None, None] for one input and one output channel, or build a "
            f"(C_out, C_in, kh, kw) kernel (np.stack of 2-D kernels)"
        )
    if k.ndim == 3:
        raise ValueError(
            f"k must be (C_out, C_in, kh, kw), got a 3-D kernel of shape {k.shape}: is the "
            f"first axis C_in or C_out?  Use k[None] for one output channel that sums "
            f"{k.shape[0]} input channels"
        )
    if k.ndim != 4:
        raise ValueError(f"k must be (C_out, C_in, kh, kw), got a {k.ndim}-D array of shape "
                         f"{k.shape}")
    batched = x.ndim == 4
    if not batched:
        x = x[None]
    c_in = x.shape[1]
    if k.shape[1] != c_in:
        raise ValueError(
            f"k must have as many input channels as x: k has shape {k.shape} "
            f"(C_in = {k.shape[1]}) but x has C_in = {c_in} (shape "
            f"{x.shape if batched else x.shape[1:]})"
        )
    if bias is not None:
        bias = as_array(bias, "bias", ndim=(0, 1))
        if bias.shape != (k.shape[0],):
            raise ValueError(
                f"bias must have shape (C_out,) = ({k.shape[0]},), one value per output "
                f"channel of k {k.shape}; got shape {bias.shape}"
            )
    return x, k, bias, batched


def _check_fits(x, k, bias):
    """Refuse integer inputs whose exact result could overflow int64."""
    if x.dtype.kind != "i" or k.dtype.kind != "i":
        return
    per_output = float(np.abs(k).reshape(k.shape[0], -1).sum(axis=1).max())
    bound = float(np.abs(x).max()) * per_output
    if bias is not None:
        bound += float(np.abs(bias).max())
    if bound >= 2.0**62:
        raise ValueError(
            f"the integer result of x and k could overflow int64 (values up to {bound:.3g}); "
            f"pass floats instead"
        )


def _windows(x, plan):
    """The (N, C, H', W', kh, kw) strided view of every window of the zero-padded x."""
    (t, b), (le, r) = plan.pads
    if t or b or le or r:
        x = np.pad(x, ((0, 0), (0, 0), (t, b), (le, r)))
    view = np.lib.stride_tricks.sliding_window_view(x, plan.span, axis=(2, 3))
    (s0, s1), (d0, d1) = plan.stride, plan.dilation
    h, w = plan.out_shape
    return view[:, :, : s0 * (h - 1) + 1 : s0, : s1 * (w - 1) + 1 : s1, ::d0, ::d1]


def _im2col(x, k, plan):
    """All output channels of all images by one matrix product per chunk of images."""
    ints = x.dtype.kind == "i" and k.dtype.kind == "i"
    dtype = np.int64 if ints else np.float64
    x, k = x.astype(dtype, copy=False), k.astype(dtype, copy=False)
    n, c_in = x.shape[:2]
    h, w = plan.out_shape
    y = np.empty((n, k.shape[0], h, w), dtype=dtype)
    per_image = c_in * h * w * k.shape[2] * k.shape[3]
    if per_image > _IM2COL_CHUNK:
        # one image's matrix alone would be too large: one product per kernel tap instead,
        # each reading a strided view of the padded input (memory: one output's worth)
        return _by_taps(x, k, plan, y)
    step = max(1, _IM2COL_CHUNK // per_image)
    for start in range(0, n, step):
        windows = _windows(x[start : start + step], plan)
        # (n, h, w, C_out): contract the channel and both kernel axes at once
        prod = np.tensordot(windows, k, axes=([1, 4, 5], [1, 2, 3]))
        y[start : start + step] = prod.transpose(0, 3, 1, 2)
    return y


def _by_taps(x, k, plan, y):
    (t, b), (le, r) = plan.pads
    (s0, s1), (d0, d1) = plan.stride, plan.dilation
    h, w = plan.out_shape
    y[...] = 0
    for i in range(x.shape[0]):
        xp = np.pad(x[i], ((0, 0), (t, b), (le, r)))
        for a, bb in np.ndindex(*k.shape[2:]):
            tap = xp[:, a * d0 : a * d0 + s0 * (h - 1) + 1 : s0,
                     bb * d1 : bb * d1 + s1 * (w - 1) + 1 : s1]
            y[i] += np.tensordot(k[:, :, a, bb], tap, axes=([1], [0]))
    return y


def _pairwise(x, k, stride, padding, dilation, method):
    """Sum of conv2d over input channels, for every image and output channel."""
    planes = [
        [
            sum(
                conv2d(x[i, c], k[o, c], stride=stride, padding=padding, dilation=dilation,
                       method=method)
                for c in range(x.shape[1])
            )
            for o in range(k.shape[0])
        ]
        for i in range(x.shape[0])
    ]
    return np.asarray(planes)


def conv2d_layer(
    x, k, *, bias=None, stride=1, padding=0, dilation=1, flip=False, method="auto",
    padding_mode="zeros",
):
    """A convolution layer with channels: ``y[n, o] = sum_c conv2d(x[n, c], k[o, c]) + bias[o]``.

    The layouts of PyTorch's ``torch.nn.functional.conv2d``: images with
    channels first, weights ``(C_out, C_in, kh, kw)``.  Each kernel ``k[o]``
    covers all input channels at once and slides only over rows and columns.

    Parameters
    ----------
    x : (C_in, H, W) or (N, C_in, H, W) array_like
        One image or a batch of ``N`` images with ``C_in`` channels: real
        numbers, no NaN or infinity.
    k : (C_out, C_in, kh, kw) array_like
        The weights: one ``kh × kw`` kernel for each output and input channel.
        A 2-D or 3-D ``k`` is refused (it does not say how channels combine):
        write ``k[None, None]`` for one input and one output channel, and
        ``k[None]`` for one output channel from a ``(C_in, kh, kw)`` kernel.
    bias : (C_out,) array_like, optional
        Added to every pixel of each output channel.  Default: no bias.
    stride, padding, dilation : optional
        As in :func:`convlab.conv2d` (an int or a (rows, cols) pair; padding
        also "valid" or "same"), applied to every channel.
    flip : bool, optional
        True flips every kernel along both axes (true convolution).
    method : {"auto", "im2col", "direct", "fft"}, optional
        ``"im2col"``: one matrix product over all windows.  ``"direct"`` /
        ``"fft"``: :func:`convlab.conv2d` with that method for every pair of
        channels.  ``"auto"`` (default): im2col, except for kernels over 81
        taps on outputs over 64×64 pixels.  The values agree to rounding.
    padding_mode : {"zeros", "reflect", "replicate", "circular"}, optional
        What the padding of every channel holds, as in :func:`convlab.conv2d`.

    Returns
    -------
    y : (C_out, H', W') or (N, C_out, H', W') ndarray
        Batched exactly when ``x`` is; ``H', W'`` as in :func:`convlab.conv2d`.
        ``int64`` when ``x``, ``k`` (and ``bias``) are integers, else ``float64``.

    Raises
    ------
    TypeError, ValueError
        For bad arrays or arguments as in :func:`convlab.conv2d`; a 2-D or 5-D
        ``x``; a ``k`` that is not 4-D; ``C_in`` of ``k`` not matching ``x``; a
        ``bias`` whose shape is not ``(C_out,)``; an unknown ``method``.

    See Also
    --------
    convlab.conv2d : one channel.
    convlab.gradients.conv2d_layer_grads : the gradients of this layer.

    Examples
    --------
    Two input channels, one output channel (the example of Zhang et al.,
    *Dive into Deep Learning*, "Multiple Input and Multiple Output Channels"):
    each output is the sum of the two channels' window sums.

    >>> x = [[[0, 1, 2], [3, 4, 5], [6, 7, 8]], [[1, 2, 3], [4, 5, 6], [7, 8, 9]]]
    >>> k = [[[0, 1], [2, 3]], [[1, 2], [3, 4]]]
    >>> conv2d_layer(x, np.array(k)[None])
    array([[[ 56,  72],
            [104, 120]]])

    A bias is added to each output channel; here two output channels, ``k``
    and ``k + 1`` (d2l's second channel, 56 + 20 = 76 at the top left), with
    biases 0 and 10:

    >>> k2 = np.stack([k, np.add(k, 1)])
    >>> k2.shape
    (2, 2, 2, 2)
    >>> conv2d_layer(x, k2, bias=[0, 10])[:, 0, 0]
    array([56, 86])

    ``padding_mode="circular"`` wraps every channel around (here one channel
    and the kernel ``[[1]]`` show the padded image itself):

    >>> conv2d_layer(np.array([[[1, 2], [3, 4]]]), np.ones((1, 1, 1, 1), dtype=int),
    ...              padding=(0, 1), padding_mode="circular")
    array([[[2, 1, 2, 1],
            [4, 3, 4, 3]]])

    A 1×1 convolution mixes channels pixel by pixel, a matrix product:

    >>> w = np.array([[1, -1]])[:, :, None, None]
    >>> conv2d_layer(x, w)
    array([[[-1, -1, -1],
            [-1, -1, -1],
            [-1, -1, -1]]])
    """
    method = check_choice(method, "method", LAYER_METHODS)
    x, k, bias, batched = _check_layouts(x, k, bias)
    # conv2d's own validation of stride, padding, dilation, flip, padding_mode and kernel fit
    plan = plan_conv(
        x[0, 0], k[0, 0], stride, padding, dilation, flip, 2, padding_mode=padding_mode
    )
    if plan.mode_pads is not None:  # reflect / replicate / circular: pad once, then no padding
        grown = tuple(n + b + a for n, (b, a) in zip(x.shape[2:], plan.mode_pads))
        check_output_size(x.shape[:2] + grown, "x after padding")
        x, padding = pad_with_mode(x, plan.mode_pads, padding_mode), 0
    n, c_out = x.shape[0], k.shape[0]
    check_output_size((n, c_out, *plan.out_shape))
    _check_fits(x, k, bias)
    if flip:  # plan_conv has checked that flip is a bool
        k = k[:, :, ::-1, ::-1]
    if method == "auto":
        big = k.shape[2] * k.shape[3] > _AUTO_BIG_KERNEL
        method = "fft" if big and np.prod(plan.out_shape) > _AUTO_BIG_OUTPUT else "im2col"
    if method == "im2col":
        y = _im2col(x, k, plan)
    else:
        y = _pairwise(x, k, plan.stride, padding, plan.dilation, method)
    if bias is not None:
        y = y + bias[:, None, None]
    return y if batched else y[0]


def _pool_layer(x, size, stride, padding, kind, pool2d):
    x = as_array(x, "x", ndim=(2, 3, 4))
    if x.ndim == 2:
        raise ValueError(
            f"x must be (C, H, W) or (N, C, H, W), got a 2-D image of shape {x.shape}; "
            f"for a single image use convlab.{kind}_pool2d"
        )
    # the 2-D function validates size, stride and padding and gives the output shape
    first = pool2d(x[(0,) * (x.ndim - 2)], size, stride=stride, padding=padding)
    size = (size, size) if np.ndim(size) == 0 else tuple(int(s) for s in size)
    stride = size if stride is None else stride
    stride = (stride, stride) if np.ndim(stride) == 0 else tuple(int(s) for s in stride)
    padding = (padding, padding) if np.ndim(padding) == 0 else tuple(int(p) for p in padding)
    check_output_size(x.shape[:-2] + first.shape)
    if any(padding):
        lowest = np.iinfo(np.int64).min if x.dtype.kind == "i" else -np.inf
        fill = lowest if kind == "max" else 0
        pads = [(0, 0)] * (x.ndim - 2) + [(p, p) for p in padding]
        x = np.pad(x, pads, constant_values=fill)
    h, w = first.shape
    # one strided slice of x per position in the window, combined elementwise: far faster
    # than reducing a (..., h, w, size0, size1) window view over its last two axes
    y = None
    for a, b in np.ndindex(*size):
        tap = x[..., a : a + stride[0] * (h - 1) + 1 : stride[0],
                b : b + stride[1] * (w - 1) + 1 : stride[1]]
        if y is None:
            y = tap.astype(np.float64) if kind == "avg" else tap.copy()
        elif kind == "max":
            np.maximum(y, tap, out=y)
        else:
            y += tap
    return y if kind == "max" else y / (size[0] * size[1])


def max_pool2d_layer(x, size, *, stride=None, padding=0):
    """Max pooling of every channel of every image: :func:`convlab.max_pool2d` over (N, C).

    Parameters
    ----------
    x : (C, H, W) or (N, C, H, W) array_like
        Images with channels: real numbers, no NaN or infinity.
    size, stride, padding : optional
        As in :func:`convlab.max_pool2d`, the same for every channel.

    Returns
    -------
    y : (C, P1, P2) or (N, C, P1, P2) ndarray
        The dtype of ``x``; each ``y[..., c, :, :]`` equals
        ``max_pool2d(x[..., c, :, :], size, ...)``.

    Raises
    ------
    TypeError, ValueError
        As for :func:`convlab.max_pool2d`, and for a ``x`` that is not 3-D or 4-D.

    Examples
    --------
    Two channels, each pooled on its own:

    >>> x = np.stack([np.arange(16).reshape(4, 4), -np.arange(16).reshape(4, 4)])
    >>> max_pool2d_layer(x, 2)
    array([[[  5,   7],
            [ 13,  15]],
    <BLANKLINE>
           [[  0,  -2],
            [ -8, -10]]])
    """
    return _pool_layer(x, size, stride, padding, "max", max_pool2d)


def avg_pool2d_layer(x, size, *, stride=None, padding=0):
    """Average pooling of every channel of every image: :func:`convlab.avg_pool2d` over (N, C).

    Parameters
    ----------
    x : (C, H, W) or (N, C, H, W) array_like
        Images with channels: real numbers, no NaN or infinity.
    size, stride, padding : optional
        As in :func:`convlab.avg_pool2d`, the same for every channel.

    Returns
    -------
    y : (C, P1, P2) or (N, C, P1, P2) ndarray of float64
        Each ``y[..., c, :, :]`` equals ``avg_pool2d(x[..., c, :, :], size, ...)``.

    Raises
    ------
    TypeError, ValueError
        As for :func:`convlab.avg_pool2d`, and for a ``x`` that is not 3-D or 4-D.

    Examples
    --------
    >>> x = np.arange(32).reshape(1, 2, 4, 4)
    >>> avg_pool2d_layer(x, 2)[0, 1]
    array([[18.5, 20.5],
           [26.5, 28.5]])
    """
    return _pool_layer(x, size, stride, padding, "avg", avg_pool2d)
