"""Interactive explorers: figures the learner drives with sliders, updated in place.

Every explorer follows one pattern (after mpl-interactions and ipympl's own
examples):

* the figure and its artists are built once, under ``plt.ioff()``;
* the controls live in one dict, ``explorer.controls`` (name → widget);
* a change of any control calls one render method that only sets data on
  existing artists, followed by a single ``draw_idle``;
* a change of a *step* control only (``step_controls``) touches only the
  artists in ``self.animated``; those are blitted onto a cached background
  instead of redrawing the figure, so stepping costs a fraction of a redraw;
* a problem the learner caused (an impossible combination) is shown as a
  short message under the figure and the last good figure stays; any other
  error is printed into an output area under the figure, because ipympl
  would otherwise swallow it silently;
* ``explorer.update(name=value, ...)`` drives it from code (tests, quizzes).

Explorers work under any matplotlib backend.  With ``%matplotlib widget``
(ipympl) the live canvas is shown; under any other backend an image of the
figure is shown and refreshed after every change.
"""

from __future__ import annotations

import html
import io
import traceback

import ipywidgets as widgets

from ..plotting import freeze_layout

__all__ = ["Explorer", "stepper"]


class Explorer:
    """Base class of the course's explorers.

    Subclasses set ``description``, build ``self.figure`` and ``self.controls``
    in ``__init__`` (then call ``self._connect()``), and implement
    ``_render(**values)``, which receives the value of every control and
    updates the figure's artists in place.  ``_render`` raises ``ValueError``
    for a combination of values that cannot be drawn; the message is shown in
    the explorer and the figure is left as it was.
    """

    #: One line that says what the figure shows, for screen readers and captions.
    description = ""
    #: Controls whose change only moves artists listed in ``self.animated``: those
    #: changes are blitted.  A subclass must not touch other artists for them.
    step_controls: frozenset[str] = frozenset()
    #: For ``python -m convlab.bench widgets``: control name -> values to move through.
    bench_moves: dict[str, list] = {}  # noqa: RUF012 - read-only class data

    @classmethod
    def demo(cls) -> Explorer:
        """A typical instance, as the notebooks use it (for benchmarks and tests)."""
        raise NotImplementedError

    def __init__(self) -> None:
        self.controls: dict[str, widgets.ValueWidget] = {}
        self.figure = None
        self.message = widgets.HTML(layout=widgets.Layout(min_height="1.6em"))
        self.errors = widgets.Output()
        self.error: str | None = None
        self.animated: list = []
        self._background = None
        self._last_values: dict | None = None
        self._saving = False
        self._holding = False
        self._widget: widgets.Widget | None = None
        self._image: widgets.Image | None = None

    # -- wiring ---------------------------------------------------------------

    def _connect(self) -> None:
        """Observe every control, set up blitting and draw the first frame."""
        # The panels never move once laid out: re-running the layout engine on every
        # redraw would cost about as much as the drawing itself.
        freeze_layout(self.figure)
        for artist in self.animated:
            artist.set_animated(True)
        self.figure.canvas.mpl_connect("draw_event", self._on_draw)
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self._refresh()

    def _on_draw(self, _event=None) -> None:
        """After every full draw: keep the background, then draw the moving artists on it."""
        if self._saving:
            return
        self._background = self.figure.canvas.copy_from_bbox(self.figure.bbox)
        self._draw_animated()

    def _draw_animated(self) -> None:
        for artist in self.animated:
            self.figure.draw_artist(artist)

    def _blit(self) -> None:
        canvas = self.figure.canvas
        canvas.restore_region(self._background)
        self._draw_animated()
        canvas.blit(self.figure.bbox)

    def _on_change(self, _change=None) -> None:
        if not self._holding:
            self._refresh()

    @property
    def values(self) -> dict:
        """The current value of every control, by name."""
        return {name: control.value for name, control in self.controls.items()}

    def update(self, **values) -> None:
        """Set several controls at once and redraw once.

        Raises ``ValueError`` naming the control for an unknown name or a value
        outside a slider's range (a slider would otherwise clamp it silently).
        """
        for name, value in values.items():
            if name not in self.controls:
                known = ", ".join(sorted(self.controls))
                raise ValueError(f"unknown control {name!r}; this explorer has: {known}")
            control = self.controls[name]
            low, high = getattr(control, "min", None), getattr(control, "max", None)
            if low is not None and not low <= value <= high:
                raise ValueError(f"{name} must be between {low} and {high}, got {value!r}")
        self._holding = True
        try:
            for name, value in values.items():
                self.controls[name].value = value
        finally:
            self._holding = False
        self._refresh()

    def _refresh(self) -> None:
        values = self.values
        last = self._last_values
        changed = set(values) if last is None else {k for k in values if values[k] != last[k]}
        try:
            status = self._render(**values)
        except (ValueError, TypeError) as exc:
            self.error = str(exc)
            self.message.value = f"<b>⚠ Cannot draw this:</b> {html.escape(str(exc))}"
            return
        except Exception:  # anything else is a bug: show it, never swallow it
            self.error = traceback.format_exc()
            self.errors.append_stdout(self.error)
            return
        self.error = None
        self.errors.outputs = ()
        self._last_values = values
        self.message.value = html.escape(status or "")
        if changed and changed <= self.step_controls and self._background is not None:
            self._blit()
        else:
            self.figure.canvas.draw_idle()
        if self._image is not None:
            self._image.value = self.png()

    def _render(self, **values) -> str | None:  # pragma: no cover - abstract
        raise NotImplementedError

    # -- display --------------------------------------------------------------

    def png(self, dpi: int = 72, **savefig_kwargs) -> bytes:
        """The figure as it is now, as PNG bytes."""
        buf = io.BytesIO()
        self._saving = True
        for artist in self.animated:  # a saved picture draws everything in one pass
            artist.set_animated(False)
        try:
            self.figure.savefig(buf, format="png", dpi=dpi, **savefig_kwargs)
        finally:
            for artist in self.animated:
                artist.set_animated(True)
            self._saving = False
        return buf.getvalue()

    @property
    def widget(self) -> widgets.VBox:
        """Caption, controls, figure, status line and error area in one box."""
        if self._widget is None:
            canvas = self.figure.canvas
            if isinstance(canvas, widgets.DOMWidget):  # ipympl: the live canvas
                canvas.header_visible = False
                canvas.footer_visible = False
                canvas.resizable = False
                view = canvas
            else:  # any other backend: a picture refreshed after every change
                self._image = widgets.Image(value=self.png(), format="png")
                view = self._image
            caption = widgets.HTML(f"<i>{html.escape(self.description)}</i>")
            controls = widgets.HBox(list(self._control_rows()))
            self._widget = widgets.VBox([caption, controls, view, self.message, self.errors])
            self._widget.add_class("convlab-explorer")
        return self._widget

    def _control_rows(self):
        return self.controls.values()

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs)
        # A still picture for places that cannot run widgets (GitHub, nbviewer).
        data = bundle if "text/plain" in bundle else bundle[0]
        data["image/png"] = self.png()
        data["text/plain"] = f"{type(self).__name__}: {self.description}"
        return bundle


def stepper(slider: widgets.IntSlider, *, interval: int = 700) -> widgets.HBox:
    """Play / pause, step back and forward, and speed, all driving ``slider``.

    The Play widget is linked to the slider in the kernel, so moving either
    moves both, and tests can press Play's value just like the browser does.

    Examples
    --------
    >>> slider = widgets.IntSlider(value=2, min=0, max=5)
    >>> row = stepper(slider)
    >>> row.forward.click()
    >>> slider.value, row.play.value
    (3, 3)
    >>> row.play.value = 5  # what a tick of Play does in the browser
    >>> slider.value
    5
    """
    play = widgets.Play(
        value=slider.value, min=slider.min, max=slider.max, step=1, interval=interval,
        description="Play", tooltip="Play / pause the steps",
    )
    widgets.link((slider, "value"), (play, "value"))
    widgets.link((slider, "max"), (play, "max"))

    def nudge(delta):
        def click(_button):
            slider.value = min(max(slider.value + delta, slider.min), slider.max)
        return click

    narrow = widgets.Layout(width="3em")
    back = widgets.Button(description="◀", tooltip="Step back", layout=narrow)
    forward = widgets.Button(description="▶", tooltip="Step forward", layout=narrow)
    back.on_click(nudge(-1))
    forward.on_click(nudge(+1))
    speed = widgets.Dropdown(
        options=[("slow", 1200), ("normal", 700), ("fast", 300)], value=interval
        if interval in (1200, 700, 300) else 700, description="Speed",
        layout=widgets.Layout(width="11em"), style={"description_width": "3.5em"},
    )
    widgets.link((speed, "value"), (play, "interval"))
    box = widgets.HBox([play, back, slider, forward, speed])
    box.play, box.back, box.forward, box.speed = play, back, forward, speed
    return box
