"""convlab: the helper package of an interactive course on convolution.

``import convlab`` loads the numeric core only (numpy and scipy); drawing
lives in :mod:`convlab.plotting`, the interactive explorers in
:mod:`convlab.widgets` and the self-checking questions in :mod:`convlab.quiz`,
each imported on its own.  Timing tables live in :mod:`convlab.bench`.

>>> import convlab
>>> convlab.convolve([1, 2, 3], [1, 1])
array([1, 3, 5, 3])
"""

from ._version import __version__ as __version__
from .core import convolve, correlate
from .data import (
    chart_trend,
    chirp,
    hi_image,
    noisy_chart,
    photo,
    random_image,
    sawtooth,
    sum_of_sines,
)
from .frequency import frequency_response
from .kernels import (
    box,
    emboss,
    gaussian1d,
    gaussian2d,
    get_kernel,
    horizontal_edge,
    identity,
    kernel_names,
    laplacian,
    prewitt_x,
    prewitt_y,
    sharpen,
    sobel_x,
    sobel_y,
    vertical_edge,
)
from .layers import (
    avg_pool2d,
    conv1d,
    conv2d,
    conv_transpose1d,
    conv_transpose2d,
    max_pool2d,
    output_size,
    transpose_output_size,
)
from .matrices import conv_matrix
from .steps import OuterDiagonals, Step, Steps, Steps2D, outer_diagonals, steps, steps2d

__all__ = [
    # convolution and correlation
    "convolve",
    "correlate",
    # convolution layers
    "avg_pool2d",
    "conv1d",
    "conv2d",
    "conv_transpose1d",
    "conv_transpose2d",
    "max_pool2d",
    "output_size",
    "transpose_output_size",
    # convolution as a matrix
    "conv_matrix",
    # convolution taken apart
    "OuterDiagonals",
    "Step",
    "Steps",
    "Steps2D",
    "outer_diagonals",
    "steps",
    "steps2d",
    # named kernels
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
    # frequency response
    "frequency_response",
    # signals and images
    "chart_trend",
    "noisy_chart",
    "photo",
    "random_image",
    "sawtooth",
    "hi_image",
    "chirp",
    "sum_of_sines",
]
