"""Notebook 06's explorer: one kernel applied layer after layer, and the receptive field."""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from .._validation import as_array
from ..data import random_image
from ..kernels import get_kernel
from ..plotting.layer_stack import MAX_LAYERS, plot_layer_stack
from ..stacking import receptive_field, stack_layers
from .base import CannotDraw, Explorer, handles

__all__ = ["KERNEL_CHOICES", "LayerStack"]

#: The kernels offered in the dropdown: label -> (name, parameters) for :func:`get_kernel`.
KERNEL_CHOICES = {
    "Laplacian 3×3": ("laplacian", {}),
    "box blur 3×3": ("box", {"size": 3}),
    "sharpen 3×3": ("sharpen", {}),
    "vertical edge 3×3": ("vertical_edge", {}),
    "horizontal edge 3×3": ("horizontal_edge", {}),
    "Gaussian 5×5": ("gaussian2d", {"size": 5, "sigma": 1.0}),
}


class LayerStack(Explorer):
    """Apply one kernel 1 … 6 times in valid mode and watch the maps shrink and change.

    The input and each feature map are drawn side by side in the input's coordinates, so
    each layer visibly trims a border; the receptive field of one output pixel of the last
    layer (a square of side ``1 + L(k - 1)`` on the input) is outlined on the input and on
    every map in between.  A small plot shows how the spread (standard deviation) of the
    values changes with depth.

    Parameters
    ----------
    image : (N1, N2) array_like, optional
        The input, at least ``1 + layers·(k − 1)`` pixels along each side; default the
        course's seeded 64×64 random image (``random_image()``).
    kernel : str, optional
        A label of :data:`KERNEL_CHOICES` (default ``"Laplacian 3×3"``).
    layers : int, optional
        How many layers to apply, 1 … 6.
    relu : bool, optional
        Apply ``max(0, ·)`` after every layer.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> stack = LayerStack(layers=2)
    >>> print(stack.message.value)  # doctest: +NORMALIZE_WHITESPACE
    2 layers of Laplacian 3×3: 64×64 → 60×60. Output pixel (30, 30) sees
    1 + 2·(3 − 1) = 5 × 5 input pixels: rows 30–34, cols 30–34.
    """

    bench_moves = {  # noqa: RUF012 - read-only class data
        "layers": [4, 5, 6, 2, 1],
        "relu": [True],
        "kernel": ["box blur 3×3", "Gaussian 5×5"],
        "row": [0, 5, 10, 20, 40],
    }

    @classmethod
    def demo(cls) -> LayerStack:
        return cls()

    def __init__(self, image=None, kernel="Laplacian 3×3", layers=3, relu=False) -> None:
        super().__init__()
        self.image = random_image() if image is None else as_array(image, "image", ndim=(2,))
        if kernel not in KERNEL_CHOICES:
            raise ValueError(f"kernel must be one of {list(KERNEL_CHOICES)}, got {kernel!r}")
        if isinstance(layers, bool) or not isinstance(layers, int) or not 1 <= layers <= 6:
            raise ValueError(f"layers must be an integer between 1 and {MAX_LAYERS}, got "
                             f"{layers!r}")
        name, params = KERNEL_CHOICES[kernel]
        k = get_kernel(name, **params).shape[0]
        need, (n1, n2) = receptive_field(layers, k), self.image.shape
        if min(n1, n2) < need:
            raise ValueError(
                f"image: a {n1}×{n2} image shrinks to nothing after {layers} valid layers of a "
                f"{k}×{k} kernel; it needs at least {need}×{need} pixels (1 + layers·(k − 1))"
            )
        self._stacks: dict[tuple[str, bool], tuple[int, list[np.ndarray]]] = {}
        maps = self._maps(kernel, bool(relu))
        self.description = (
            "An image and the feature maps after 1 to 6 layers of one kernel, side by side; "
            "each layer trims the border. The orange squares outline what one output pixel "
            "of the last layer sees. Choose the number of layers, the kernel, a ReLU between "
            "layers, and the output pixel."
        )
        with plt.ioff():
            self.artists = plot_layer_stack(maps, self._k, layers=layers)
        self.figure = self.artists.figure
        row, col = self.artists.pixel
        out = maps[layers].shape
        style = {"description_width": "6em"}
        self.controls = {
            "layers": widgets.IntSlider(value=layers, min=1, max=MAX_LAYERS,
                                        description="layers", style=style,
                                        tooltip="How many times the kernel is applied"),
            "relu": widgets.Checkbox(value=bool(relu), description="ReLU between layers",
                                     indent=False),
            "kernel": widgets.Dropdown(options=list(KERNEL_CHOICES), value=kernel,
                                       description="kernel", style=style),
            "row": widgets.IntSlider(value=row, min=0, max=out[0] - 1, description="pixel row",
                                     style=style, tooltip="Output pixel of the last layer"),
            "col": widgets.IntSlider(value=col, min=0, max=out[1] - 1, description="pixel col",
                                     style=style, tooltip="Output pixel of the last layer"),
        }
        self.animated = self.artists.animated
        self._connect()

    def _maps(self, kernel: str, relu: bool):
        """Input and feature maps for ``kernel`` and ``relu`` (computed once, kept); sets
        ``self._k`` to that kernel's size."""
        key = (kernel, relu)
        if key not in self._stacks:
            name, params = KERNEL_CHOICES[kernel]
            k = get_kernel(name, **params)
            fits = (min(np.shape(self.image)) - 1) // (k.shape[0] - 1)
            maps = stack_layers(self.image, k, min(MAX_LAYERS, fits), relu=relu)
            self._stacks[key] = (k.shape[0], maps)
        self._k, maps = self._stacks[key]
        return maps

    def _control_rows(self):
        c = self.controls
        return [widgets.VBox([
            widgets.HBox([c["layers"], c["relu"], c["kernel"]]),
            widgets.HBox([c["row"], c["col"]]),
        ])]

    @handles("layers", "relu", "kernel")
    def _set_layers(self, layers, relu, kernel) -> None:
        maps = self._maps(kernel, bool(relu))
        if layers >= len(maps):
            n = maps[0].shape
            raise CannotDraw(
                f"layers: a {n[0]}×{n[1]} image shrinks to nothing after {layers} layers of "
                f"a {self._k}×{self._k} kernel; at most {len(maps) - 1} fit"
            )
        self.artists.set_maps(maps, self._k)
        self.artists.show_layers(layers)
        out = maps[layers].shape
        for name, size in (("row", out[0]), ("col", out[1])):
            self.adjust(name, max=size - 1, value=min(self.controls[name].value, size - 1))

    @handles("row", "col", blit=True)
    def _show_pixel(self, row, col) -> None:
        self.artists.show_pixel(row, col)

    def _status(self, layers, relu, kernel, row, col) -> str:
        maps = self._maps(kernel, bool(relu))
        k, n, out = self._k, maps[0].shape, maps[layers].shape
        side = receptive_field(layers, k)
        return (
            f"{layers} layer{'s' * (layers != 1)} of {kernel}: {n[0]}×{n[1]} → "
            f"{out[0]}×{out[1]}. Output pixel ({row}, {col}) sees 1 + {layers}·({k} − 1) = "
            f"{side} × {side} input pixels: rows {row}–{row + side - 1}, "
            f"cols {col}–{col + side - 1}."
        )
