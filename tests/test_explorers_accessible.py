"""Every explorer of the course, checked for what a learner relies on without looking closely:
a caption for screen readers, titled and labelled figures, colour-blind-safe colour maps, and
controls that are real (keyboard-operable) ipywidgets."""

import html

import ipywidgets as widgets
import pytest
from matplotlib.image import AxesImage

from convlab.widgets import EXPLORERS

# Perceptually uniform or designed for colour-vision deficiency (no jet, no red–green maps).
SAFE_CMAPS = {"cividis", "viridis", "gray", "Greys", "gray_r", "Greys_r", "PuOr", "PuOr_r",
              "BrBG", "magma", "inferno", "Blues", "Oranges", "Purples"}


@pytest.fixture(params=EXPLORERS, ids=lambda cls: cls.__name__)
def explorer(request):
    return request.param.demo()


def test_has_a_caption_for_screen_readers(explorer):
    assert len(explorer.description) > 20
    assert html.escape(explorer.description) in explorer.widget.children[0].value


def test_every_panel_has_a_title_and_labelled_axes(explorer):
    axes = explorer.figure.axes
    for ax in axes:
        if not ax.get_visible():
            continue
        if hasattr(ax, "_colorbar"):  # a colour bar: its axis label says what it measures
            assert ax.get_xlabel() or ax.get_ylabel()
            continue
        box = ax.get_position().bounds
        if any(o is not ax and o.get_position().bounds == box and o.get_title() for o in axes):
            assert ax.get_ylabel(), "a second y axis needs its own label"
            continue  # a second y axis shares its panel's title
        titled = ax.get_title() or ax.get_title("left") or ax.get_title("right")
        assert titled or explorer.figure._suptitle, f"untitled panel in {type(explorer).__name__}"
        if ax.axison:  # panels showing a picture may hide their axes altogether
            assert ax.get_xlabel() or ax.get_ylabel() or not ax.get_xticks().size, (
                f"{type(explorer).__name__}: panel {titled!r} has no axis labels"
            )


def test_colour_maps_are_colour_blind_safe(explorer):
    for ax in explorer.figure.axes:
        for image in ax.get_images():
            if isinstance(image, AxesImage) and image.get_array().ndim == 2:
                assert image.get_cmap().name in SAFE_CMAPS, image.get_cmap().name


def test_controls_are_keyboard_operable_widgets(explorer):
    assert explorer.controls
    for name, control in explorer.controls.items():
        assert isinstance(control, widgets.ValueWidget), name
        assert not getattr(control, "disabled", False) or name, name
        assert getattr(control, "description", "") or getattr(control, "tooltip", ""), (
            f"control {name!r} has neither a label nor a tooltip"
        )
