"""Notebook 07's channel explorer: one output filter of a colour layer, channel by channel."""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from .._validation import as_array
from ..channels import conv2d_layer
from ..data import photo
from ..kernels import get_kernel
from ..plotting.channels import plot_channel_sum
from .base import CannotDraw, Explorer, handles, stepper

__all__ = ["ChannelExplorer", "channel_partials", "colour_filters"]


def channel_partials(x, k):
    """Each input channel correlated with its own kernel slice: ``(C_in, H', W')``.

    Their sum is the output channel without its bias.

    Examples
    --------
    >>> channel_partials(np.ones((2, 3, 3)), [[[1.0]], [[2.0]]])[:, 0, 0]
    array([1., 2.])
    """
    x, k = np.asarray(x, dtype=float), np.asarray(k, dtype=float)
    return np.stack([conv2d_layer(x[c : c + 1], k[None, c : c + 1])[0] for c in range(len(k))])


def colour_filters():
    """Four 3 × 3 filters for a red-green-blue input: names, weights (4, 3, 3, 3), biases (4,).

    * ``"brightness edge"``: the vertical-edge kernel on every channel, weighted by
      the grey-level coefficients 0.299, 0.587, 0.114 (an edge of the grey image);
    * ``"red minus green"``: +1 on the red centre, −1 on the green centre;
    * ``"blur"``: a 3 × 3 box on every channel, each weight 1/27, bias −0.5 (so the
      result is the local mean brightness minus one half);
    * ``"blue horizontal edge"``: the horizontal-edge kernel on the blue channel only.

    Examples
    --------
    >>> names, w, b = colour_filters()
    >>> names[1], w.shape, b.tolist()
    ('red minus green', (4, 3, 3, 3), [0.0, 0.0, -0.5, 0.0])
    """
    w = np.zeros((4, 3, 3, 3))
    luma = np.array([0.299, 0.587, 0.114])
    w[0] = luma[:, None, None] * np.asarray(get_kernel("vertical_edge"), dtype=float)
    w[1, 0, 1, 1], w[1, 1, 1, 1] = 1.0, -1.0
    w[2] = 1 / 27
    w[3, 2] = np.asarray(get_kernel("horizontal_edge"), dtype=float)
    names = ("brightness edge", "red minus green", "blur", "blue horizontal edge")
    return names, w, np.array([0.0, 0.0, -0.5, 0.0])


class ChannelExplorer(Explorer):
    """Pick an output filter; see each input channel, its kernel slice, its partial map, the sum.

    Parameters
    ----------
    x : (C_in, H, W) array_like, optional
        The input channels; default the colour photo, downsampled 8 times (75 × 64).
    weights : (C_out, C_in, kh, kw) array_like, optional
        The layer's filters; default :func:`colour_filters`.
    bias : (C_out,) array_like, optional
    names : sequence of str, optional
        One name per filter (the menu).
    filter : str, optional
        The filter shown first.
    step : int, optional
        The output pixel first outlined, counted row by row.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> explorer = ChannelExplorer()
    >>> explorer.output.shape  # 75 × 64 input, 3 × 3 kernels, valid
    (73, 62)
    >>> explorer.update(filter="blur", step=65)  # output pixel (1, 3)
    >>> float(explorer.output[1, 3]) == float(explorer.layer[2, 1, 3])
    True
    """

    bench_moves = {  # noqa: RUF012
        "step": [1, 2, 3, 70, 71, 500, 1000, 2000],
        "filter": ["red minus green", "blur", "blue horizontal edge", "brightness edge"],
    }

    @classmethod
    def demo(cls) -> ChannelExplorer:
        return cls()

    def __init__(self, x=None, weights=None, bias=None, names=None, *, filter=None,
                 step: int = 0) -> None:
        super().__init__()
        default_names, default_w, default_b = colour_filters()
        self.x = (photo(downsample=8, colour=True) if x is None
                  else as_array(x, "x", ndim=(3,)).astype(float))
        self.weights = (default_w if weights is None
                        else as_array(weights, "weights", ndim=(4,)).astype(float))
        c_out, c_in = self.weights.shape[:2]
        if c_in != self.x.shape[0]:
            raise ValueError(f"weights must have C_in = {self.x.shape[0]} (the channels of x), "
                             f"got shape {self.weights.shape}")
        self.bias = (np.zeros(c_out) if bias is None and weights is not None
                     else default_b if bias is None
                     else as_array(bias, "bias", ndim=(1,)).astype(float))
        if self.bias.shape != (c_out,):
            raise ValueError(f"bias must have {c_out} values (one per filter), got "
                             f"{self.bias.shape}")
        if names is None:
            names = default_names if weights is None else [f"filter {i}" for i in range(c_out)]
        self.names = tuple(str(n) for n in names)
        if len(self.names) != c_out:
            raise ValueError(f"names must have {c_out} entries, got {len(self.names)}")
        filter = self.names[0] if filter is None else filter
        if filter not in self.names:
            raise ValueError(f"filter must be one of {self.names}, got {filter!r}")
        self.layer = conv2d_layer(self.x, self.weights, bias=self.bias)
        rows, cols = self.layer.shape[1:]
        last = rows * cols - 1
        if isinstance(step, bool) or not isinstance(step, int) or not 0 <= step <= last:
            raise ValueError(f"step must be an integer between 0 and {last}, got {step!r}")
        o = self.names.index(filter)
        channel_names = ("red", "green", "blue") if c_in == 3 else [f"channel {c}"
                                                                   for c in range(c_in)]
        self.description = (
            f"One output channel of a convolution layer with {c_in} input channels: for each "
            "input channel, its image, its slice of the filter's kernel and the partial map it "
            "makes; on the right, the partial maps summed plus the bias, which is the output."
        )
        with plt.ioff():
            self.artists = plot_channel_sum(self.x, self.weights[o],
                                            channel_partials(self.x, self.weights[o]),
                                            self.bias[o],
                                            names=channel_names, filter_name=filter,
                                            pixel=divmod(step, cols))
        self.figure = self.artists.figure
        slider = widgets.IntSlider(value=step, min=0, max=last, description="pixel",
                                   continuous_update=True,
                                   tooltip="Which output pixel, counted row by row")
        menu = widgets.Dropdown(options=self.names, value=filter, description="filter")
        self.controls = {"step": slider, "filter": menu}
        self._stepper = stepper(slider, interval=300)
        self.animated = self.artists.animated
        self._connect()

    @property
    def output(self) -> np.ndarray:
        """The output channel now drawn (partial maps summed, plus the bias)."""
        return self.artists.output

    def _control_rows(self):
        return [widgets.VBox([self._stepper, self.controls["filter"]])]

    @handles("filter")
    def _set_filter(self, filter: str) -> None:
        if filter not in self.names:
            raise CannotDraw(f"filter must be one of {', '.join(map(repr, self.names))}; "
                             f"got {filter!r}")
        o = self.names.index(filter)
        k = self.weights[o]
        partials = channel_partials(self.x, k)
        self.artists.set_filter(k, partials, self.bias[o], filter)

    @handles("step", blit=True)
    def _show(self, step: int) -> None:
        self.artists.show_pixel(*divmod(step, self.layer.shape[2]))

    def _status(self, step: int, filter: str) -> str:
        row, col = divmod(step, self.layer.shape[2])
        parts = self.artists.partials[:, row, col]
        terms = " + ".join(f"{p:.3f}" for p in parts)
        return (f"output ({row}, {col}) of '{filter}' = {terms} + bias {self.artists.bias:.3f}"
                f" = {self.artists.output[row, col]:.3f}")
