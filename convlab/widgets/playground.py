"""Notebook 04's filter playground: pick or type a kernel, see the image before and after."""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from .._validation import as_array
from ..kernels import get_kernel, kernel_names
from ..layers import conv2d
from ..parsing import ParseError, parse_number
from ..plotting.images import plot_before_after
from .base import CannotDraw, Explorer, check_kernel_width, handles

__all__ = ["FilterPlayground"]

#: Labels of the kernel menu (named kernels not listed here keep their own name).
LABELS = {
    "box": "box blur (size)",
    "gaussian2d": "Gaussian blur (size, sigma)",
    "laplacian": "Laplacian (edges)",
    "sharpen": "sharpen",
    "vertical_edge": "vertical edges",
    "horizontal_edge": "horizontal edges",
    "identity": "identity (size)",
}
#: The editable grids, and what they hold at first.
CUSTOM = {
    "custom3": ("your own 3×3", [["0", "-1", "0"], ["-1", "5", "-1"], ["0", "-1", "0"]]),
    "custom5": (
        "your own 5×5",
        [["1/5" if i == j else "0" for j in range(5)] for i in range(5)],  # a motion blur
    ),
}
SIZED = {"box", "gaussian2d", "identity"}
#: The size slider's range (odd sizes only) and the sigma slider's, in pixels.
SIZE_RANGE = (1, 15)
SIGMA_RANGE = (0.2, 5.0)


def _cell_name(grid: str, i: int, j: int) -> str:
    return f"{grid}_{i}{j}"


class FilterPlayground(Explorer):
    """Filter an image with a named kernel or one you type, and see it before and after.

    Parameters
    ----------
    image : (N1, N2) array_like
        A grey image (e.g. :func:`convlab.photo`).
    kernel : str, optional
        Start with this kernel: a name from :func:`convlab.kernel_names` (not
        "gaussian1d"), "custom3" or "custom5".
    size : int, optional
        Side of the box, Gaussian and identity kernels (odd, 1–15).
    sigma : float, optional
        Width of the Gaussian, in pixels, 0.2–5.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> play = FilterPlayground(np.eye(8))
    >>> play.update(kernel="laplacian")
    >>> print(play.message.value)
    Laplacian (edges): 3×3 kernel; weights sum to 0: 0 on flat regions; orange below 0, ...

    A typed cell that is not a number leaves the last good figure and says where it is:

    >>> play.update(kernel="custom3", custom3_11="four")
    >>> print(play.error)
    row 2, column 2 of your kernel: I couldn't read 'four' as a number. ...
    """

    bench_moves = {  # noqa: RUF012
        "size": [5, 7, 9, 3],
        "sigma": [1.5, 2.0, 3.0],
        "kernel": ["laplacian", "vertical_edge", "sharpen", "box"],
    }

    @classmethod
    def demo(cls) -> FilterPlayground:
        from ..data import photo

        return cls(photo(), kernel="gaussian2d")

    def __init__(self, image, kernel: str = "box", size: int = 3, sigma: float = 1.0) -> None:
        super().__init__()
        self.image = as_array(image, "image", ndim=(2,)).astype(float)
        check_kernel_width(size, sigma, SIZE_RANGE, SIGMA_RANGE, "pixels")
        names = [n for n in kernel_names() if n != "gaussian1d"]
        options = [(LABELS.get(n, n.replace("_", " ")), n) for n in names]
        options += [(label, key) for key, (label, _) in CUSTOM.items()]
        if kernel not in {value for _, value in options}:
            raise ValueError(f"kernel must be one of {[v for _, v in options]}, got {kernel!r}")
        n1, n2 = self.image.shape
        self.description = (
            f"A {n1}×{n2} grey image before (left) and after (right) filtering with the "
            "kernel in the middle. Choose a kernel, set the size and sigma of the blurs, or "
            "type your own kernel; edge kernels are shown on a diverging scale centred on 0."
        )
        with plt.ioff():
            self.artists = plot_before_after(self.image)
        self.figure = self.artists.figure
        slider = widgets.IntSlider(
            value=size, min=SIZE_RANGE[0], max=SIZE_RANGE[1], step=2, description="size",
            continuous_update=False,
            tooltip="Side of the box, Gaussian and identity kernels (odd)",
        )
        sigma_slider = widgets.FloatSlider(
            value=sigma, min=SIGMA_RANGE[0], max=SIGMA_RANGE[1], step=0.1, description="sigma",
            continuous_update=False, tooltip="Width of the Gaussian, in pixels",
        )
        menu = widgets.Dropdown(options=options, value=kernel, description="kernel")
        self.controls = {"size": slider, "sigma": sigma_slider, "kernel": menu}
        self.grids = {}
        for key, (_, start) in CUSTOM.items():
            cells = []
            for i, row in enumerate(start):
                for j, text in enumerate(row):
                    box = widgets.Text(value=text, layout=widgets.Layout(width="4.5em"),
                                       continuous_update=False,
                                       tooltip=f"row {i + 1}, column {j + 1}")
                    self.controls[_cell_name(key, i, j)] = box
                    cells.append(box)
            self.grids[key] = widgets.GridBox(cells, layout=widgets.Layout(
                grid_template_columns=f"repeat({len(start)}, 4.8em)", display="none"))
        self.kernel = None
        self.filtered = None
        self._hint = widgets.HTML("Your kernel (numbers such as 1, -4, 0.5 or 1/9):",
                                  layout=widgets.Layout(display="none"))
        self._connect()

    def _control_rows(self):
        c = self.controls
        menu = widgets.VBox([c["kernel"], c["size"], c["sigma"]])
        return [menu, widgets.VBox([self._hint, *self.grids.values()])]

    def _kernel(self, kernel: str, size: int, sigma: float, cells: dict) -> np.ndarray:
        if kernel in CUSTOM:
            n = len(CUSTOM[kernel][1])
            values = np.empty((n, n))
            for i in range(n):
                for j in range(n):
                    text = cells[_cell_name(kernel, i, j)]
                    try:
                        values[i, j] = float(parse_number(text))
                    except ParseError as exc:
                        raise ValueError(f"row {i + 1}, column {j + 1} of your kernel: "
                                         f"{exc}") from None
            return values
        params = {"size": size} if kernel in SIZED else {}
        if kernel == "gaussian2d":
            params["sigma"] = sigma
        return get_kernel(kernel, **params)

    @handles()  # every control: the kernel menu, its size and sigma, and the typed cells
    def _filter(self, size: int, sigma: float, kernel: str, **cells) -> None:
        for key, grid in self.grids.items():
            grid.layout.display = "" if key == kernel else "none"
        self._hint.layout.display = "" if kernel in CUSTOM else "none"  # only with its grid
        self.controls["size"].disabled = kernel not in SIZED
        self.controls["sigma"].disabled = kernel != "gaussian2d"
        try:
            k = self._kernel(kernel, size, sigma, cells)
        except ValueError as exc:  # a typed cell that is not a number
            raise CannotDraw(str(exc)) from None
        filtered = conv2d(self.image, k, padding="same", method="auto")
        label = LABELS.get(kernel) or CUSTOM.get(kernel, (kernel.replace("_", " "),))[0]
        title = f"after: {label.split(' (')[0]}" + (f", σ = {sigma:g}" if kernel == "gaussian2d"
                                                    else "")
        self._note = self.artists.update(filtered, k, title)
        self._label = label
        self.kernel, self.filtered = k, filtered

    def _status(self, **_values) -> str:
        m0, m1 = self.kernel.shape
        return f"{self._label}: {m0}×{m1} kernel; {self._note}"
