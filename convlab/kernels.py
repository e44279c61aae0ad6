"""Named kernels: blur, edges, sharpening, and a registry to look them up by name.

Fixed kernels come back as exact ``int64`` arrays, so integer images stay
integer; the averaging kernels (box, Gaussian) are ``float64`` and sum to 1.
Every call returns a fresh array that the caller may change.

Directions follow the course's cross-correlation convention (as
:func:`convlab.conv2d` applies them): ``sobel_x`` is positive where the image
gets brighter from left to right, so it finds *vertical* edges.

>>> get_kernel("laplacian")
array([[ 0,  1,  0],
       [ 1, -4,  1],
       [ 0,  1,  0]])
"""

from __future__ import annotations

import inspect

import numpy as np

from ._validation import check_int, check_output_size, check_positive_float

__all__ = [
    "KERNELS",
    "box",
    "emboss",
    "gaussian1d",
    "gaussian2d",
    "get_kernel",
    "horizontal_edge",
    "identity",
    "kernel_names",
    "laplacian",
    "prewitt_x",
    "prewitt_y",
    "sharpen",
    "sobel_x",
    "sobel_y",
    "vertical_edge",
]


def _odd_size(size, name="size"):
    size = check_int(size, name, minimum=1)
    if size % 2 == 0:
        raise ValueError(
            f"{name} must be odd, so that the kernel has a centre tap; got {size} "
            f"(try {size - 1} or {size + 1})"
        )
    check_output_size((size, size), f"a kernel of {name} {size}")
    return size


def box(size=3):
    """The box (mean) blur: a ``size`` × ``size`` square of ``1 / size**2``.

    The 3×3 box is often written as nine entries of 0.11, rounding 1/9 (they
    then add up to 0.99, and darken the image by 1 %).

    Parameters
    ----------
    size : int, optional
        Side length, at least 1; even sides are allowed (a box needs no centre).

    Returns
    -------
    (size, size) ndarray of float64
        Sums to 1.

    Examples
    --------
    >>> box(2)
    array([[0.25, 0.25],
           [0.25, 0.25]])
    >>> round(float(box(3)[0, 0]), 2)
    0.11
    """
    size = check_int(size, "size", minimum=1)
    check_output_size((size, size), f"a kernel of size {size}")
    return np.full((size, size), 1.0 / size**2)


def gaussian1d(size=21, sigma=3.0):
    """A sampled, normalised Gaussian bell: the smoothing kernel of notebook 03.

    Samples ``exp(-t**2 / (2 * sigma**2))`` at the integers
    ``t = -(size // 2) .. size // 2`` and divides by their sum.  The defaults,
    21 taps at ``sigma = 3``, are notebook 03's.  To hold the bell to
    ``±3 sigma`` take ``size`` of about ``6 * sigma + 1``, rounded up to odd.

    Parameters
    ----------
    size : int, optional
        Number of taps; odd, so that ``t = 0`` is the centre tap.
    sigma : float, optional
        Width (standard deviation, in samples), above 0.

    Returns
    -------
    (size,) ndarray of float64
        Symmetric, largest in the middle, sums to 1.

    Raises
    ------
    ValueError
        If ``size`` is even or below 1, or ``sigma`` is not above 0.

    Examples
    --------
    With ``sigma = 1`` the weights are ``1, e**-0.5, e**-2`` and their mirror
    images, divided by their sum:

    >>> g = gaussian1d(5, 1.0)
    >>> g.round(4)
    array([0.0545, 0.2442, 0.4026, 0.2442, 0.0545])
    >>> round(float(g.sum()), 12)
    1.0
    """
    size = _odd_size(size)
    sigma = check_positive_float(sigma, "sigma")
    t = np.arange(size) - size // 2
    g = np.exp(-(t.astype(np.float64) ** 2) / (2 * sigma**2))
    return g / g.sum()


def gaussian2d(size=5, sigma=1.0):
    """A 2-D Gaussian blur: the outer product of :func:`gaussian1d` with itself.

    Parameters
    ----------
    size : int, optional
        Side length; odd.
    sigma : float, optional
        Width in pixels, above 0.

    Returns
    -------
    (size, size) ndarray of float64
        Sums to 1.

    Examples
    --------
    >>> g = gaussian2d(3, 1.0)
    >>> g.shape, round(float(g.sum()), 12)
    ((3, 3), 1.0)
    >>> bool(g[1, 1] == g.max()), bool(np.allclose(g, g.T))
    (True, True)
    """
    g = gaussian1d(size, sigma)
    k = np.multiply.outer(g, g)
    return k / k.sum()


def identity(size=3):
    """The kernel that changes nothing: a single 1 in the centre.

    Examples
    --------
    >>> identity()
    array([[0, 0, 0],
           [0, 1, 0],
           [0, 0, 0]])
    """
    size = _odd_size(size)
    k = np.zeros((size, size), dtype=np.int64)
    k[size // 2, size // 2] = 1
    return k


def laplacian():
    """The Laplacian: each pixel's four neighbours minus four times itself.

    It *detects* edges (zero on flat or evenly sloping regions).  It is
    sometimes called an "edge sharpening" filter, but sharpening subtracts it
    from the image (see :func:`sharpen`).

    Examples
    --------
    >>> laplacian()
    array([[ 0,  1,  0],
           [ 1, -4,  1],
           [ 0,  1,  0]])
    """
    return np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]], dtype=np.int64)


def sharpen():
    """Sharpen: the identity minus the Laplacian, which boosts each pixel against its neighbours.

    Examples
    --------
    >>> sharpen()
    array([[ 0, -1,  0],
           [-1,  5, -1],
           [ 0, -1,  0]])
    >>> bool((sharpen() == identity() - laplacian()).all())
    True
    """
    return identity() - laplacian()


def sobel_x():
    """Sobel's horizontal-gradient kernel: positive where brightness rises to the right.

    Examples
    --------
    >>> sobel_x()
    array([[-1,  0,  1],
           [-2,  0,  2],
           [-1,  0,  1]])
    """
    return np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=np.int64)


def sobel_y():
    """Sobel's vertical-gradient kernel: positive where brightness rises downwards.

    Examples
    --------
    >>> sobel_y()
    array([[-1, -2, -1],
           [ 0,  0,  0],
           [ 1,  2,  1]])
    """
    return sobel_x().T.copy()


def prewitt_x():
    """Prewitt's horizontal-gradient kernel: like Sobel's, without the extra weight in the middle.

    Examples
    --------
    >>> prewitt_x()
    array([[-1,  0,  1],
           [-1,  0,  1],
           [-1,  0,  1]])
    """
    return np.array([[-1, 0, 1]] * 3, dtype=np.int64)


def prewitt_y():
    """Prewitt's vertical-gradient kernel.

    Examples
    --------
    >>> prewitt_y()
    array([[-1, -1, -1],
           [ 0,  0,  0],
           [ 1,  1,  1]])
    """
    return prewitt_x().T.copy()


def vertical_edge():
    """The vertical-edge kernel ``[[1, 0, -1]] * 3`` (the negative of :func:`prewitt_x`).

    Applied as cross-correlation (:func:`convlab.conv2d`) it gives left minus
    right: positive where brightness falls from left to right.  True
    convolution flips it, so there the sign is the other way round.

    Examples
    --------
    >>> vertical_edge()
    array([[ 1,  0, -1],
           [ 1,  0, -1],
           [ 1,  0, -1]])
    """
    return np.array([[1, 0, -1]] * 3, dtype=np.int64)


def horizontal_edge():
    """The horizontal-edge kernel ``[[1, 1, 1], [0, 0, 0], [-1, -1, -1]]``.

    As cross-correlation: the row above minus the row below.

    Examples
    --------
    >>> horizontal_edge()
    array([[ 1,  1,  1],
           [ 0,  0,  0],
           [-1, -1, -1]])
    """
    return np.array([[1, 1, 1], [0, 0, 0], [-1, -1, -1]], dtype=np.int64)


def emboss():
    """Emboss: a diagonal gradient plus the image, which looks like a relief lit from the top left.

    Examples
    --------
    >>> emboss()
    array([[-2, -1,  0],
           [-1,  1,  1],
           [ 0,  1,  2]])
    """
    return np.array([[-2, -1, 0], [-1, 1, 1], [0, 1, 2]], dtype=np.int64)


#: Every named kernel: name -> function returning a fresh array.
KERNELS = {
    "box": box,
    "emboss": emboss,
    "gaussian1d": gaussian1d,
    "gaussian2d": gaussian2d,
    "horizontal_edge": horizontal_edge,
    "identity": identity,
    "laplacian": laplacian,
    "prewitt_x": prewitt_x,
    "prewitt_y": prewitt_y,
    "sharpen": sharpen,
    "sobel_x": sobel_x,
    "sobel_y": sobel_y,
    "vertical_edge": vertical_edge,
}


def kernel_names():
    """The names :func:`get_kernel` knows, sorted.

    Examples
    --------
    >>> kernel_names()[:4]
    ['box', 'emboss', 'gaussian1d', 'gaussian2d']
    """
    return sorted(KERNELS)


def get_kernel(name, **params):
    """Look a kernel up by name and build it with ``params``.

    Parameters
    ----------
    name : str
        One of :func:`kernel_names`.
    **params
        Passed on, e.g. ``size`` and ``sigma`` for the Gaussians.

    Returns
    -------
    ndarray
        A fresh array.

    Raises
    ------
    ValueError
        If ``name`` is unknown (the message lists the known names) or a
        parameter is out of range.
    TypeError
        If ``name`` is not a string or a parameter does not belong to the kernel.

    Examples
    --------
    >>> get_kernel("box", size=2)
    array([[0.25, 0.25],
           [0.25, 0.25]])
    >>> get_kernel("gaussian1d", size=3, sigma=1e-3)
    array([0., 1., 0.])
    >>> get_kernel("blur")
    Traceback (most recent call last):
    ...
    ValueError: name must be one of the known kernels: 'box', 'emboss', ... got 'blur'
    """
    if not isinstance(name, str):
        raise TypeError(f"name must be a string, one of {kernel_names()}, got {name!r}")
    if name not in KERNELS:
        known = ", ".join(repr(n) for n in kernel_names())
        raise ValueError(f"name must be one of the known kernels: {known}; got {name!r}")
    func = KERNELS[name]
    accepted = inspect.signature(func).parameters
    unknown = sorted(set(params) - set(accepted))
    if unknown:
        takes = ", ".join(accepted) if accepted else "no parameters"
        raise TypeError(f"kernel {name!r} takes {takes}; got unexpected {', '.join(unknown)}")
    return func(**params)
