"""Interactive explorers: figures the learner drives with sliders, updated in place.

Every explorer follows one pattern (after mpl-interactions' per-parameter update
functions and ipympl's own examples):

* the figure and its artists are built once, under ``plt.ioff()``;
* the controls live in one dict, ``explorer.controls`` (name → widget);
* the explorer declares its *handlers* with :func:`handles`: each names the controls it
  depends on and says whether it only moves blittable artists (those in
  ``self.animated``).  On a change the base class runs, in declaration order, only the
  handlers whose inputs changed, then asks ``_status(**values)`` for the line shown
  under the figure; if every handler that ran was blittable the moving artists are
  blitted onto a cached background, otherwise there is one ``draw_idle``;
* a handler that changes another control (a shorter output moves the step slider's end)
  does it with :meth:`Explorer.adjust`, which counts as a change of that control for the
  handlers after it, and never triggers a second redraw;
* a combination the learner chose that cannot be drawn raises :class:`CannotDraw`: its
  text is shown under the figure and the last good figure stays.  Any other exception is
  a bug: its traceback is printed into an output area under the figure, because ipympl
  would otherwise swallow it silently;
* ``explorer.update(name=value, ...)`` drives it from code (tests, quizzes).

Explorers work under any matplotlib backend.  With ``%matplotlib widget`` (ipympl) the
live canvas is shown; under any other backend an image of the figure is shown and
refreshed after every change.
"""

from __future__ import annotations

import html
import io
import traceback
from dataclasses import dataclass
from numbers import Real

import ipywidgets as widgets
import numpy as np
import traitlets

from ..plotting import freeze_layout

__all__ = ["CannotDraw", "Explorer", "check_kernel_width", "handles", "stepper"]


class CannotDraw(ValueError):
    """The learner asked for a combination that cannot be drawn (not a bug).

    The explorer shows the message under the figure and keeps the last good figure.

    Examples
    --------
    >>> issubclass(CannotDraw, ValueError)
    True
    """


@dataclass(frozen=True)
class _Handler:
    name: str
    controls: frozenset[str] | None  # None: every control
    blit: bool

    def wants(self, changed: set[str]) -> bool:
        return bool(changed) if self.controls is None else bool(self.controls & changed)


def check_kernel_width(size, sigma, size_range, sigma_range, unit: str) -> None:
    """Refuse a Gaussian explorer's starting ``size`` (odd, in ``size_range``) or ``sigma``
    (a number in ``sigma_range``, measured in ``unit``) with a message naming the argument."""
    low, high = size_range
    if isinstance(size, bool) or not isinstance(size, (int, np.integer)):
        raise TypeError(f"size must be an odd integer from {low} to {high}, got {size!r}")
    if size % 2 == 0 or not low <= size <= high:
        raise ValueError(f"size must be an odd integer from {low} to {high}, got {size}")
    if isinstance(sigma, bool) or not isinstance(sigma, Real):
        raise TypeError(f"sigma must be a number, got {sigma!r}")
    if not sigma_range[0] <= sigma <= sigma_range[1]:
        raise ValueError(f"sigma must be between {sigma_range[0]} and {sigma_range[1]} "
                         f"{unit}, got {sigma}")


def handles(*controls: str, blit: bool = False):
    """Declare an explorer method as the handler of ``controls``.

    Parameters
    ----------
    *controls : str
        The names of the controls the method depends on; it is called with their
        values as keyword arguments whenever one of them changed.  None given: it
        depends on every control and receives all their values.
    blit : bool, optional
        True if the method only changes artists listed in ``self.animated``, so that a
        change that runs only such handlers can be blitted.

    Examples
    --------
    >>> class Demo(Explorer):
    ...     @handles("step", blit=True)
    ...     def _show(self, step):
    ...         pass
    >>> Demo.step_controls
    frozenset({'step'})
    """

    def mark(method):
        method._handles = (frozenset(controls) if controls else None, bool(blit))
        return method

    return mark


class Explorer:
    """Base class of the course's explorers.

    Subclasses set ``description``, build ``self.figure`` and ``self.controls`` in
    ``__init__`` (then call ``self._connect()``), declare their handlers with
    :func:`handles`, and implement ``_status(**values)``, which returns the line shown
    under the figure.
    """

    #: One line that says what the figure shows, for screen readers and captions.
    description = ""
    #: Controls whose every handler is blittable: changing one of them only blits.
    #: Derived from the handlers when the class is made; read-only.
    step_controls: frozenset[str] = frozenset()
    #: For ``python -m convlab.bench widgets``: control name -> values to move through.
    bench_moves: dict[str, list] = {}  # noqa: RUF012 - read-only class data
    _handlers: tuple[_Handler, ...] = ()

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        found: dict[str, _Handler] = {}
        for klass in reversed(cls.__mro__):
            for name, member in vars(klass).items():
                mark = getattr(member, "_handles", None)
                if mark is not None:
                    found.pop(name, None)  # an override takes the overriding place
                    found[name] = _Handler(name, *mark)
        cls._handlers = tuple(found.values())
        named = {c for h in cls._handlers if h.controls for c in h.controls}
        cls.step_controls = frozenset(
            c for c in named
            if all(h.blit for h in cls._handlers if h.controls is None or c in h.controls)
        )

    @classmethod
    def demo(cls) -> Explorer:
        """A typical instance, as the notebooks use it (for benchmarks and tests)."""
        raise NotImplementedError

    def __init__(self) -> None:
        self.controls: dict[str, widgets.ValueWidget] = {}
        self.figure = None
        self.message = widgets.HTML(layout=widgets.Layout(min_height="1.6em"))
        #: The caption above the controls: ``description``, refreshed after every change
        #: (an explorer whose panels change may describe what is on show now).
        self.caption = widgets.HTML()
        self.errors = widgets.Output()
        self.error: str | None = None
        self.animated: list = []
        self._background = None
        self._last_values: dict | None = None
        self._pending: tuple[dict, set] | None = None
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

        Raises ``ValueError`` naming the control for an unknown name, a value of the
        wrong kind, or a value outside a slider's range or a menu's options (a slider
        would otherwise clamp it silently).
        """
        for name, value in values.items():
            if name not in self.controls:
                known = ", ".join(sorted(self.controls))
                raise ValueError(f"unknown control {name!r}; this explorer has: {known}")
            control = self.controls[name]
            low, high = getattr(control, "min", None), getattr(control, "max", None)
            if low is not None:
                try:
                    inside = low <= value <= high
                except TypeError:
                    inside = False
                if not inside:
                    raise ValueError(f"{name} must be between {low} and {high}, got {value!r}")
            choices = self._choices(name)
            if choices is not None and value not in choices:
                raise ValueError(f"{name} must be one of {choices}, got {value!r}")
        self._holding = True
        try:
            for name, value in values.items():
                try:
                    self.controls[name].value = value
                except traitlets.TraitError:
                    raise ValueError(self._bad_value(name, value)) from None
        finally:
            self._holding = False
        self._refresh()

    def _choices(self, name: str) -> list | None:
        """The values a menu or toggle control accepts (None for other controls)."""
        options = getattr(self.controls[name], "options", None)
        if options is None:
            return None
        return [o[1] if isinstance(o, tuple) else o for o in options]

    def _bad_value(self, name: str, value) -> str:
        control = self.controls[name]
        return f"{name} cannot be set to {value!r} (a {type(control).__name__})"

    def adjust(self, name: str, **traits) -> None:
        """Set traits of control ``name`` (``max=…``, ``value=…``) from inside a handler.

        No redraw is triggered; handlers declared after the current one see the new
        value and run as if the learner had changed it.
        """
        control = self.controls[name]
        held, self._holding = self._holding, True
        try:
            for trait in ("min", "max", "options"):  # range first: the value must fit it
                if trait in traits:
                    setattr(control, trait, traits.pop(trait))
            for trait, value in traits.items():
                setattr(control, trait, value)
        finally:
            self._holding = held
        if self._pending is not None:
            values, changed = self._pending
            values[name] = control.value
            changed.add(name)

    def _refresh(self) -> None:
        values = self.values
        last = self._last_values
        changed = set(values) if last is None else {k for k in values if values[k] != last[k]}
        self._pending = (values, changed)
        ran = []
        try:
            for handler in self._handlers:
                if handler.wants(changed):
                    names = values if handler.controls is None else handler.controls
                    getattr(self, handler.name)(**{n: values[n] for n in names})
                    ran.append(handler)
            status = self._status(**values)
        except CannotDraw as exc:
            self._failed()
            self.error = str(exc)
            self.message.value = f"<b>⚠ Cannot draw this:</b> {html.escape(str(exc))}"
            return
        except Exception:  # anything else is a bug: show it, never swallow it
            self._failed()
            self.error = traceback.format_exc()
            self.errors.append_stdout(self.error)
            return
        finally:
            self._pending = None
        self.error = None
        self.errors.outputs = ()
        self._last_values = values
        self.message.value = html.escape(status or "")
        self.caption.value = f"<i>{html.escape(self.description)}</i>"
        if ran and all(h.blit for h in ran) and self._background is not None:
            self._blit()
        else:
            self.figure.canvas.draw_idle()
        if self._image is not None:
            self._image.value = self.png()

    def _failed(self) -> None:
        # Some handlers may have run before the failure: the next good frame redoes all.
        self._last_values = None

    def _status(self, **values) -> str | None:  # pragma: no cover - abstract
        raise NotImplementedError

    # -- display --------------------------------------------------------------

    def savefig(self, target, *, format: str = "png", **savefig_kwargs) -> None:
        """Save the figure as it is now (moving artists included) to a file or file object.

        One path for every format (``"png"``, ``"svg"``, …), as ``Figure.savefig``.
        """
        self._saving = True
        for artist in self.animated:  # a saved picture draws everything in one pass
            artist.set_animated(False)
        try:
            self.figure.savefig(target, format=format, **savefig_kwargs)
        finally:
            for artist in self.animated:
                artist.set_animated(True)
            self._saving = False

    def png(self, dpi: int = 72, **savefig_kwargs) -> bytes:
        """The figure as it is now, as PNG bytes."""
        buf = io.BytesIO()
        self.savefig(buf, format="png", dpi=dpi, **savefig_kwargs)
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
            self.caption.value = f"<i>{html.escape(self.description)}</i>"
            controls = widgets.HBox(list(self._control_rows()))
            self._widget = widgets.VBox([self.caption, controls, view, self.message,
                                         self.errors])
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


#: Play's speeds: milliseconds between steps.  "fastest" is ten steps a second, as fast
#: as an explorer's step keeps up in JupyterLab (see tests/browser/bench_lab.py).
SPEEDS = (("slow", 1200), ("normal", 700), ("fast", 300), ("fastest", 100))


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
        options=SPEEDS, value=interval if interval in dict(SPEEDS).values() else 700,
        description="Speed",
        layout=widgets.Layout(width="11em"), style={"description_width": "3.5em"},
    )
    widgets.link((speed, "value"), (play, "interval"))
    box = widgets.HBox([play, back, slider, forward, speed])
    box.play, box.back, box.forward, box.speed = play, back, forward, speed
    return box
