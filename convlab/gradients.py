"""Backward passes: the gradients of a convolution layer and of pooling, for training a CNN.

Take a layer ``y = conv2d_layer(x, k, bias=b)`` and a loss ``L`` whose gradient
with respect to the output, ``grad_y = dL/dy``, is known (it comes from the
layers above).  The chain rule gives the three gradients the layer needs, and
each is itself a convolution the course has met:

* **bias**: every output pixel of channel ``o`` contains ``b[o]`` once, so
  ``dL/db[o]`` is the sum of ``grad_y[:, o]``;
* **weights**: ``k[o, c, a, b]`` multiplies the input pixels its tap visits, so
  ``dL/dk[o, c]`` is the cross-correlation of the (padded) input ``x[:, c]``
  with the output gradient ``grad_y[:, o]`` as the kernel, summed over the
  batch.  With a stride ``s`` and dilation ``d`` the roles swap: the
  output-gradient "kernel" has its taps ``s`` apart (dilation ``s``) and the
  correlation moves ``d`` at a time (stride ``d``);
* **input**: each input pixel reached the outputs through every tap that
  covered it, so ``dL/dx[:, c]`` is the *transposed convolution*
  (:func:`convlab.conv_transpose2d`, the adjoint of :func:`convlab.conv2d`) of
  ``grad_y[:, o]`` with the dilated kernel ``k[o, c]``, summed over output
  channels, with the padding cut off again.  (For stride 1 this is the same as
  a "full" true convolution with the kernel, i.e. a full correlation with the
  flipped kernel.)

:func:`conv2d_layer_grads` computes these with exactly those operations
(``method="direct"``) or, faster, with the same numbers laid out as matrix
products (``method="im2col"``, the default for small images).  Every stride,
padding (including ``"same"``) and dilation that :func:`conv2d_layer`
accepts is supported, and ``flip``.

Pooling has no weights; :func:`max_pool2d_layer_grad` routes each output
gradient to the input pixel that won the maximum, and
:func:`avg_pool2d_layer_grad` spreads it evenly over its window.
"""

from __future__ import annotations

import numpy as np

from ._validation import as_array, check_bool, check_choice
from .channels import (
    _check_layouts,
    _windows,
    avg_pool2d_layer,
    max_pool2d_layer,
)
from .layers import conv2d, conv_transpose2d, plan_conv

__all__ = [
    "avg_pool2d_layer_grad",
    "conv2d_layer_grads",
    "max_pool2d_layer_grad",
    "weight_gradient_cases",
]

GRAD_METHODS = ("auto", "im2col", "direct")


def _check_grad_y(grad_y, shape, batched):
    want = shape if batched else shape[1:]
    grad_y = as_array(grad_y, "grad_y", ndim=(len(want),))
    if grad_y.shape != want:
        raise ValueError(
            f"grad_y must have the shape of the layer's output, {want}; got {grad_y.shape}"
        )
    return grad_y if batched else grad_y[None]


def _unpad(xp, pads):
    (t, b), (le, r) = pads
    return xp[..., t : xp.shape[-2] - b, le : xp.shape[-1] - r]


def _grads_direct(x, k, gy, plan, input_grad):
    """The course's operations: a correlation for the weights, a transposed convolution for x."""
    n, c_in = x.shape[:2]
    c_out, _, kh, kw = k.shape
    # integers stay integers, so conv2d and conv_transpose2d are exact (whatever the method)
    xp = np.pad(x, ((0, 0), (0, 0), *plan.pads))
    s, d = plan.stride, plan.dilation
    grad_k = np.zeros(k.shape)
    # the output gradient is the kernel here, as large as the image: conv2d's FFT is far
    # faster for it than its direct sum (which method="auto" underestimates for such shapes)
    method = "fft" if gy[0, 0].size > 81 else "direct"
    for o in range(c_out):
        for c in range(c_in):
            for i in range(n):
                # its taps are `stride` apart; the correlation moves `dilation` at a time
                grad_k[o, c] += conv2d(xp[i, c], gy[i, o], stride=d, dilation=s,
                                       method=method)[:kh, :kw]
    if not input_grad:
        return None, grad_k
    grad_xp = np.zeros(xp.shape)
    for o in range(c_out):
        for c in range(c_in):
            kd = np.zeros(plan.span, dtype=k.dtype)
            kd[:: d[0], :: d[1]] = k[o, c]
            for i in range(n):
                spread = conv_transpose2d(gy[i, o], kd, stride=s)
                grad_xp[i, c, : spread.shape[0], : spread.shape[1]] += spread
    return _unpad(grad_xp, plan.pads), grad_k


def _grads_im2col(x, k, gy, plan, input_grad):
    """The same sums as matrix products over every window at once."""
    x = x.astype(np.float64, copy=False)
    windows = _windows(x, plan)  # (N, C_in, H', W', kh, kw)
    grad_k = np.tensordot(gy, windows, axes=([0, 2, 3], [0, 2, 3]))  # (C_out, C_in, kh, kw)
    if not input_grad:
        return None, grad_k
    (t, b), (le, r) = plan.pads
    n, c_in, h, w = x.shape
    grad_xp = np.zeros((n, c_in, h + t + b, w + le + r))
    (s0, s1), (d0, d1) = plan.stride, plan.dilation
    ho, wo = plan.out_shape
    for a in range(k.shape[2]):
        for bb in range(k.shape[3]):
            # every output pixel sends grad_y * k[o, c, a, bb] back to the pixel this tap read
            back = np.tensordot(gy, k[:, :, a, bb], axes=([1], [0]))  # (N, H', W', C_in)
            grad_xp[:, :, a * d0 : a * d0 + s0 * (ho - 1) + 1 : s0,
                    bb * d1 : bb * d1 + s1 * (wo - 1) + 1 : s1] += back.transpose(0, 3, 1, 2)
    return _unpad(grad_xp, plan.pads), grad_k


def conv2d_layer_grads(x, k, grad_y, *, stride=1, padding=0, dilation=1, flip=False,
                       method="auto", input_grad=True):
    """Gradients of ``conv2d_layer(x, k, bias=b, ...)`` with respect to ``x``, ``k`` and ``b``.

    Given ``grad_y``, the gradient of a scalar loss with respect to the layer's
    output, return the gradients of that loss with respect to the input, the
    weights and the bias (the bias's value does not matter, so it is not an
    argument).  See the module docstring for why each is a convolution.

    Parameters
    ----------
    x : (C_in, H, W) or (N, C_in, H, W) array_like
        The layer's input.
    k : (C_out, C_in, kh, kw) array_like
        The layer's weights.
    grad_y : array_like
        The gradient with respect to the output: the shape of
        ``conv2d_layer(x, k, ...)``.
    stride, padding, dilation, flip : optional
        As in :func:`convlab.channels.conv2d_layer`; all are supported.
    method : {"auto", "im2col", "direct"}, optional
        ``"direct"``: :func:`convlab.conv2d` (weights) and
        :func:`convlab.conv_transpose2d` (input) for every image and pair of
        channels.  ``"im2col"`` (what ``"auto"`` uses): the same sums as
        matrix products.  They agree to rounding.
    input_grad : bool, optional
        False skips the input gradient (a network's first layer does not need
        it) and returns None in its place.

    Returns
    -------
    grad_x : ndarray of float64 or None
        The shape of ``x``.
    grad_k : (C_out, C_in, kh, kw) ndarray of float64
    grad_b : (C_out,) ndarray of float64

    Raises
    ------
    TypeError, ValueError
        For arguments :func:`convlab.channels.conv2d_layer` refuses, a
        ``grad_y`` whose shape is not the output's, or an unknown ``method``.

    Examples
    --------
    One channel, a 2×2 input and a 1×1 kernel: ``y = 3 x``.  With the loss
    ``L = sum(y)`` (``grad_y`` all ones), ``dL/dx = 3`` everywhere,
    ``dL/dk = sum(x) = 10`` and ``dL/db = 4`` (four output pixels):

    >>> x = np.array([[[1.0, 2.0], [3.0, 4.0]]])
    >>> gx, gk, gb = conv2d_layer_grads(x, [[[[3.0]]]], np.ones((1, 2, 2)))
    >>> gx
    array([[[3., 3.],
            [3., 3.]]])
    >>> gk, gb
    (array([[[[10.]]]]), array([4.]))

    The input gradient of a 2-tap kernel spreads each output gradient over the
    two pixels it read, weighted by the taps:

    >>> gx, gk, gb = conv2d_layer_grads([[[1.0, 2.0, 3.0]]], [[[[1.0, 10.0]]]], [[[1.0, 1.0]]])
    >>> gx
    array([[[ 1., 11., 10.]]])
    >>> gk
    array([[[[3., 5.]]]])
    """
    method = check_choice(method, "method", GRAD_METHODS)
    input_grad = check_bool(input_grad, "input_grad")
    x, k, _, batched = _check_layouts(x, k, None)
    plan = plan_conv(x[0, 0], k[0, 0], stride, padding, dilation, flip, 2)
    gy = _check_grad_y(grad_y, (x.shape[0], k.shape[0], *plan.out_shape), batched)
    if flip:
        k = k[:, :, ::-1, ::-1]
    if method == "direct":
        grad_x, grad_k = _grads_direct(x, k, gy, plan, input_grad)
    else:
        gy = gy.astype(np.float64, copy=False)
        grad_x, grad_k = _grads_im2col(x, k.astype(np.float64, copy=False), gy, plan,
                                       input_grad)
    if flip:
        grad_k = grad_k[:, :, ::-1, ::-1]
    grad_b = gy.sum(axis=(0, 2, 3)).astype(np.float64)
    if grad_x is not None and not batched:
        grad_x = grad_x[0]
    return grad_x, np.ascontiguousarray(grad_k), grad_b


def _pool_geometry(x, grad_y, size, stride, padding, layer):
    x = as_array(x, "x", ndim=(3, 4))
    y = layer(x, size, stride=stride, padding=padding)  # validates, gives the shape
    grad_y = as_array(grad_y, "grad_y", ndim=(x.ndim,))
    if grad_y.shape != y.shape:
        raise ValueError(
            f"grad_y must have the shape of the pooled output, {y.shape}; got {grad_y.shape}"
        )

    def pair(v):
        return (int(v), int(v)) if np.ndim(v) == 0 else tuple(int(i) for i in v)

    size = pair(size)
    stride = size if stride is None else pair(stride)
    return x, grad_y.astype(np.float64), size, stride, pair(padding)


def max_pool2d_layer_grad(x, grad_y, size, *, stride=None, padding=0):
    """Gradient of ``max_pool2d_layer(x, size, ...)`` with respect to ``x``.

    Each output gradient goes to the one input pixel that was its window's
    maximum (on a tie, the first in reading order, as numpy's ``argmax``
    and PyTorch choose); every other pixel gets nothing from that window.
    Overlapping windows add up.

    Parameters
    ----------
    x : (C, H, W) or (N, C, H, W) array_like
        The pooling layer's input.
    grad_y : array_like
        The gradient with respect to the pooled output (its shape).
    size, stride, padding : optional
        As in :func:`convlab.channels.max_pool2d_layer`.

    Returns
    -------
    grad_x : ndarray of float64
        The shape of ``x``.

    Raises
    ------
    TypeError, ValueError
        As for :func:`convlab.channels.max_pool2d_layer`, or a ``grad_y`` of
        the wrong shape.

    Examples
    --------
    >>> x = np.array([[[1, 5], [3, 2]]])
    >>> max_pool2d_layer_grad(x, [[[10.0]]], 2)
    array([[[ 0., 10.],
            [ 0.,  0.]]])
    """
    x, gy, size, stride, padding = _pool_geometry(x, grad_y, size, stride, padding,
                                                  max_pool2d_layer)
    (h, w), (p0, p1), (ho, wo) = x.shape[-2:], padding, gy.shape[-2:]
    fill = np.iinfo(np.int64).min if x.dtype.kind == "i" else -np.inf
    pads = [(0, 0)] * (x.ndim - 2) + [(p0, p0), (p1, p1)]
    xp = np.pad(x, pads, constant_values=fill) if p0 or p1 else x
    best = max_pool2d_layer(x, size, stride=stride, padding=padding)
    grad = np.zeros(xp.shape)
    routed = np.zeros(gy.shape, dtype=bool)
    # visit the window's pixels in reading order; each window's gradient goes to the first
    # pixel that equals its maximum
    for a, b in np.ndindex(*size):
        spot = (..., slice(a, a + stride[0] * (ho - 1) + 1, stride[0]),
                slice(b, b + stride[1] * (wo - 1) + 1, stride[1]))
        hit = (xp[spot] == best) & ~routed
        grad[spot] += np.where(hit, gy, 0.0)
        routed |= hit
    return grad[..., p0 : p0 + h, p1 : p1 + w]


def avg_pool2d_layer_grad(x, grad_y, size, *, stride=None, padding=0):
    """Gradient of ``avg_pool2d_layer(x, size, ...)`` with respect to ``x``.

    Each output is the mean of ``size[0] * size[1]`` pixels, so each pixel of
    its window receives ``grad_y / (size[0] * size[1])``; overlapping windows
    add up; the padding zeros take their share and are dropped.

    Parameters
    ----------
    x : (C, H, W) or (N, C, H, W) array_like
        The pooling layer's input (only its shape matters).
    grad_y : array_like
        The gradient with respect to the pooled output (its shape).
    size, stride, padding : optional
        As in :func:`convlab.channels.avg_pool2d_layer`.

    Returns
    -------
    grad_x : ndarray of float64
        The shape of ``x``.

    Raises
    ------
    TypeError, ValueError
        As for :func:`convlab.channels.avg_pool2d_layer`, or a ``grad_y`` of
        the wrong shape.

    Examples
    --------
    >>> avg_pool2d_layer_grad(np.zeros((1, 2, 4)), [[[4.0, 8.0]]], 2)
    array([[[1., 1., 2., 2.],
            [1., 1., 2., 2.]]])
    """
    x, gy, size, stride, padding = _pool_geometry(x, grad_y, size, stride, padding,
                                                  avg_pool2d_layer)
    (h, w), (p0, p1), (ho, wo) = x.shape[-2:], padding, gy.shape[-2:]
    grad = np.zeros((*x.shape[:-2], h + 2 * p0, w + 2 * p1))
    share = gy / (size[0] * size[1])
    for a in range(size[0]):
        for b in range(size[1]):
            grad[..., a : a + stride[0] * (ho - 1) + 1 : stride[0],
                 b : b + stride[1] * (wo - 1) + 1 : stride[1]] += share
    return grad[..., p0 : p0 + h, p1 : p1 + w]


def _finite_difference_weight_gradient(x, grad_y, kshape):
    """dL/dk of L = sum(conv2d(x, k) * grad_y) by central differences of the forward pass.

    L is linear in k, so a difference with step 1 is exact: no rounding for integers.
    """
    grad = np.zeros(kshape, dtype=np.int64 if x.dtype.kind == grad_y.dtype.kind == "i" else float)
    for tap in np.ndindex(*kshape):
        e = np.zeros(kshape, dtype=np.int64)
        e[tap] = 1
        up, down = conv2d(x, e), conv2d(x, -e)
        grad[tap] = (np.sum(up * grad_y) - np.sum(down * grad_y)) / 2
    return grad


def weight_gradient_cases():
    """Test cases for a learner's weight gradient of a one-channel layer ``y = conv2d(x, k)``.

    The convention: ``fn(x, grad_y)`` returns ``dL/dk`` for a loss ``L`` with
    ``dL/dy = grad_y``, where ``y`` is the valid cross-correlation of ``x``
    (``H × W``) with a ``kh × kw`` kernel; ``kh = H - grad_y.shape[0] + 1``
    and ``kw = W - grad_y.shape[1] + 1``.  The expected answers are central
    finite differences of the *forward* pass (:func:`convlab.conv2d`), not
    of :func:`conv2d_layer_grads`, so they check it too; ``L`` is linear in
    ``k``, so a step of 1 is exact and integer cases have integer answers.
    A correct answer is ``conv2d(x, grad_y)``.

    Returns
    -------
    list of (str, (x, grad_y), expected)
        A name saying what the case tests, the arguments, the expected array.

    Examples
    --------
    >>> cases = weight_gradient_cases()
    >>> name, (x, gy), expected = cases[0]
    >>> name
    'a 1×1 output: the gradient is the input window times grad_y'
    >>> x, gy, expected
    (array([[1, 2],
           [3, 4]]), array([[2]]), array([[2, 4],
           [6, 8]]))
    >>> all(np.allclose(conv2d(x, gy), want) for _, (x, gy), want in cases)
    True
    """
    rng = np.random.default_rng(14)
    rows = [
        ("a 1×1 output: the gradient is the input window times grad_y",
         np.array([[1, 2], [3, 4]]), np.array([[2]])),
        ("a 1×1 kernel: the gradient is sum(x * grad_y)",
         np.arange(12).reshape(3, 4), np.ones((3, 4), dtype=np.int64)),
        ("a 3×3 kernel on 5×5 (grad_y 3×3)",
         rng.integers(-5, 6, size=(5, 5)), rng.integers(-3, 4, size=(3, 3))),
        ("a non-square kernel: 2×3 on 4×6 (grad_y 3×4), rows and columns not swapped",
         rng.integers(-5, 6, size=(4, 6)), rng.integers(-3, 4, size=(3, 4))),
        ("a tall kernel: 3×1 on 6×2",
         rng.integers(-5, 6, size=(6, 2)), rng.integers(-3, 4, size=(4, 2))),
        ("not flipped: a grad_y with one non-zero corner picks one window",
         np.arange(16).reshape(4, 4), np.array([[0, 0], [0, 1]])),
        ("floats: a random 7×7 input, 3×3 kernel",
         rng.normal(size=(7, 7)), rng.normal(size=(5, 5))),
    ]
    cases = []
    for name, x, gy in rows:
        kshape = (x.shape[0] - gy.shape[0] + 1, x.shape[1] - gy.shape[1] + 1)
        cases.append((name, (x, gy), _finite_difference_weight_gradient(x, gy, kshape)))
    return cases
