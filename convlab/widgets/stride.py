"""Notebook 05's explorer: stride, padding and dilation as a grid of windows."""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt

from ..geometry import window_geometry
from ..plotting.stride import plot_window_grid
from .base import CannotDraw, Explorer, handles, stepper

__all__ = ["StrideExplorer"]


class StrideExplorer(Explorer):
    """Where each window of a convolution layer lands, and how big the output is.

    Left, the input (surrounded by its zero padding) with the taps of one window
    highlighted; right, the output with the cell that window makes highlighted.
    Above, ``output_size``'s formula with the current numbers substituted.  In
    transposed mode the steps walk over the input pixels instead, each spreading
    a copy of the kernel over a larger output: upsampling.

    Parameters
    ----------
    n : int, optional
        Input size (the input is ``n × n``), 1–16.
    k : int, optional
        Kernel size (``k × k``), 1–7.
    stride, padding, dilation : int, optional
        The layer's settings (stride 1–4, padding 0–4, dilation 1–4).
    transposed : bool, optional
        Show a transposed convolution (``conv_transpose2d``); needs dilation 1.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> explorer = StrideExplorer(n=7, k=3, stride=2, padding=1)
    >>> explorer.message.value
    'output 4×4: ⌊(n + 2p − d(k − 1) − 1) / s⌋ + 1 = ⌊(7 + 2·1 − 1·(3 − 1) − 1) / 2⌋ + 1 = 4'
    >>> explorer.update(n=2, k=5)
    >>> print(explorer.error)  # doctest: +NORMALIZE_WHITESPACE
    k must fit inside the padded input: the kernel spans 5 (size 5, dilation 1)
    but n + padding is only 4
    """

    bench_moves = {  # noqa: RUF012 - read-only class data
        "step": [1, 2, 3, 4, 5, 6, 7, 8, 9],
        "stride": [2, 3, 1],
        "padding": [1, 2, 0],
        "dilation": [2, 1],
        "k": [5, 1, 3],
    }

    @classmethod
    def demo(cls) -> StrideExplorer:
        return cls(n=7, k=3, stride=1, padding=1)

    def __init__(self, n=7, k=3, stride=1, padding=0, dilation=1, transposed=False) -> None:
        super().__init__()
        geometry = window_geometry(n, k, stride=stride, padding=padding, dilation=dilation,
                                   transposed=bool(transposed))
        self.description = (
            "Grid of an input and its output. Move step to walk the window over the padded "
            "input (highlighted cells are the taps it reads; the output cell it makes is "
            "highlighted on the right); change n, k, stride, padding and dilation to see the "
            "output size formula; transposed shows upsampling."
        )
        with plt.ioff():
            self.artists = plot_window_grid(n, k, stride=stride, padding=padding,
                                            dilation=dilation, transposed=bool(transposed))
        self.figure = self.artists.figure
        self.geometry = geometry
        # labels as wide as the longest ("dilation d") so none is cut to "paddin…"
        style = {"description_width": "6.5em"}
        wide = widgets.Layout(width="18em")
        step = widgets.IntSlider(value=0, min=0, max=geometry.steps - 1, description="step",
                                 tooltip="Which window (or, transposed, which input pixel)")

        def slider(name, value, low, high, tip):
            return widgets.IntSlider(value=value, min=low, max=high, description=name,
                                     style=style, layout=wide, tooltip=tip)

        self.controls = {
            "step": step,
            "n": slider("n (input)", n, 1, 16, "Input size n × n"),
            "k": slider("k (kernel)", k, 1, 7, "Kernel size k × k"),
            "stride": slider("stride s", stride, 1, 4, "How far the window jumps"),
            "padding": slider("padding p", padding, 0, 4, "Zeros around the input"),
            "dilation": slider("dilation d", dilation, 1, 4, "Spacing between the taps"),
            "transposed": widgets.Checkbox(value=bool(transposed), description="transposed",
                                           indent=False, tooltip="Transposed convolution"),
        }
        self._stepper = stepper(step)
        self.animated = self.artists.animated
        #: Texts that say a refused combination cannot be drawn (the rest of the figure stays).
        self.refusal_marks = [self.artists.formula]
        self._connect()

    def _control_rows(self):
        c = self.controls
        return [widgets.VBox([
            self._stepper,
            widgets.HBox([c["n"], c["k"], c["stride"]]),
            widgets.HBox([c["padding"], c["dilation"], c["transposed"]]),
        ])]

    @handles("n", "k", "stride", "padding", "dilation", "transposed")
    def _set_geometry(self, n, k, stride, padding, dilation, transposed) -> None:
        try:
            geometry = window_geometry(n, k, stride=stride, padding=padding,
                                       dilation=dilation, transposed=bool(transposed))
        except ValueError as exc:  # e.g. a kernel wider than the padded input
            kind = "transposed, " if transposed else ""
            self.artists.refuse(f"{kind}n = {n}, k = {k}, stride {stride}, padding {padding}, "
                                f"dilation {dilation}")
            self.figure.canvas.draw_idle()
            raise CannotDraw(str(exc)) from None
        self.geometry = geometry
        self.artists.set_geometry(geometry)
        last = geometry.steps - 1
        self.adjust("step", max=last, value=min(self.controls["step"].value, last))

    @handles("step", blit=True)
    def _show(self, step) -> None:
        self.artists.show(step)

    def _status(self, **_values) -> str:
        g = self.geometry
        if g.transposed:
            return f"output {g.out}×{g.out} from {g.n}×{g.n}: {g.formula()}"
        return f"output {g.out}×{g.out}: {g.formula()}"
