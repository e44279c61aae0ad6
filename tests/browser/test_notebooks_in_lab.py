"""Every notebook, opened in a real JupyterLab in real Chromium: Run All, no errors, explorers
that answer the keyboard, and quizzes that answer and remember."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import TIMINGS
from .lab import full_page_screenshot, open_notebook, page_errors, prompts, run_all

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
CANVAS = ".jupyter-matplotlib-canvas-div canvas"


def _notebook_ran(page, lab, name, screenshot_dir):
    open_notebook(page, lab, name)
    seconds = run_all(page)
    TIMINGS.append((name, seconds))
    full_page_screenshot(page, screenshot_dir / f"{Path(name).stem}.png")
    return seconds


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_clean_in_jupyterlab(page, lab, name, screenshot_dir):
    _notebook_ran(page, lab, name, screenshot_dir)
    counts = prompts(page)
    assert counts and all(re.fullmatch(r"\[\d+\]:", c) for c in counts), counts
    assert page_errors(page) == []
    # every explorer rendered as a live ipympl canvas, not as a fallback or an error
    explorers = page.locator(".widget-vbox:has(.jupyter-matplotlib)")
    canvases = page.locator(CANVAS)
    assert canvases.count() >= explorers.count()


def _canvas_pixels(canvas) -> bytes:
    return canvas.screenshot()


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_explorer_answers_the_keyboard(page, lab, name, screenshot_dir):
    _notebook_ran(page, lab, name, screenshot_dir)
    explorers = page.locator(".widget-vbox:has(.jupyter-matplotlib):has(.widget-slider)")
    if explorers.count() == 0:
        pytest.skip(f"{name} has no explorer")
    for index in range(explorers.count()):
        explorer = explorers.nth(index)
        explorer.scroll_into_view_if_needed()
        canvas = explorer.locator(CANVAS).first
        readout = explorer.locator(".widget-readout").first
        before_value, before_pixels = readout.inner_text(), _canvas_pixels(canvas)
        handle = explorer.locator(".widget-slider .noUi-handle").first
        handle.focus()
        handle.press("ArrowRight")
        page.wait_for_function(
            "([el, old]) => el.textContent !== old", arg=[readout.element_handle(), before_value]
        )
        page.wait_for_timeout(500)  # the kernel answers, ipympl sends the new frame
        assert _canvas_pixels(canvas) != before_pixels, f"explorer {index} did not redraw"
        # Play steps the slider forward on its own
        play = explorer.locator(".widget-play button").first
        if play.count():
            value = readout.inner_text()
            play.click()
            page.wait_for_function(
                "([el, old]) => el.textContent !== old", arg=[readout.element_handle(), value],
                timeout=10_000,
            )
            play.click()  # pause
    assert page_errors(page) == []
