"""Every notebook, opened in a real JupyterLab in real Chromium: Run All, no errors, explorers
that answer the keyboard, and quizzes that answer and remember."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .conftest import TIMINGS
from .lab import (
    canvas_pixels,
    full_page_screenshot,
    open_notebook,
    page_errors,
    prompts,
    run_all,
    wait_for_new_pixels,
    wait_for_text_change,
)

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
CANVAS = ".jupyter-matplotlib-canvas-div canvas"


def _notebook_ran(page, lab, name, screenshot_dir):
    open_notebook(page, lab, name)
    seconds = run_all(page)
    TIMINGS.setdefault(name, seconds)
    full_page_screenshot(page, screenshot_dir / f"{Path(name).stem}.png")
    return seconds


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_clean_and_its_explorers_answer(page, lab, name, screenshot_dir):
    """Run All to idle with no error anywhere; every explorer is a live ipympl canvas that
    redraws when its first slider moves by keyboard, and whose Play button steps it."""
    _notebook_ran(page, lab, name, screenshot_dir)
    counts = prompts(page)
    assert counts and all(re.fullmatch(r"\[\d+\]:", c) for c in counts), counts
    assert page_errors(page) == []
    expected = _explorer_count(name)
    assert page.locator(".jupyter-matplotlib-canvas-div").count() == expected, "no live canvas"
    explorers = page.locator(".convlab-explorer")
    assert explorers.count() == expected
    for index in range(expected):
        _drive_explorer(page, explorers.nth(index), index)
    assert page_errors(page) == []


def _explorer_count(name: str) -> int:
    """Explorers in the saved notebook: outputs with a live widget and a still picture."""
    nb = json.loads((ROOT / "notebooks" / name).read_text())
    return sum(
        1
        for cell in nb["cells"] if cell["cell_type"] == "code"
        for out in cell["outputs"]
        if {"application/vnd.jupyter.widget-view+json", "image/png"} <= set(out.get("data", {}))
    )


def _drive_explorer(page, explorer, index):
    explorer.scroll_into_view_if_needed()
    canvas = explorer.locator(CANVAS).first
    readout = explorer.locator(".widget-readout").first
    before_value, before_pixels = readout.inner_text(), canvas_pixels(canvas)
    handle = explorer.locator(".widget-slider .noUi-handle").first
    handle.focus()
    handle.press("ArrowRight")
    # First the readout (the front end), then the picture: the kernel answers and ipympl
    # sends the new frame, which takes as long as it takes on a busy machine.
    wait_for_text_change(page, readout, before_value)
    assert wait_for_new_pixels(page, canvas, before_pixels), f"explorer {index} did not redraw"
    play = explorer.locator(".widget-play button").first
    if play.count():  # Play steps the slider forward on its own
        value = readout.inner_text()
        play.click()
        wait_for_text_change(page, readout, value)
        play.click()  # pause


def _question(page, index):
    return page.locator(".convlab-quiz .convlab-question").nth(index)


def _answer(page, index, text, *, press_enter):
    box = _question(page, index).locator("input[type=text]").first
    box.scroll_into_view_if_needed()
    box.fill(text)
    if press_enter:
        box.press("Enter")
    else:
        _question(page, index).locator("button", has_text="Check").click()


QUIZ_NOTEBOOKS = [n for n in NOTEBOOKS
                  if "for_notebook(" in (ROOT / "notebooks" / n).read_text()]


@pytest.mark.parametrize("name", QUIZ_NOTEBOOKS[:1])
def test_quiz_answers_and_remembers_across_reload_and_restart(page, lab, name,
                                                              screenshot_dir):
    """Wrong answer: feedback.  Right answer: accepted.  Reload + restart: still there."""
    from .lab import restart_kernel

    _notebook_ran(page, lab, name, screenshot_dir)
    first = _question(page, 0)
    assert "length 4" in first.inner_text()  # notebook 01's first question: 4 + 6 - 1
    _answer(page, 0, "10", press_enter=True)
    first.locator(".widget-html", has_text="Not yet").first.wait_for()
    _answer(page, 0, "9", press_enter=False)
    first.locator(".widget-html", has_text="Correct").first.wait_for()
    # a choice question is checked by the Check button alone (no text box to leave)
    third = _question(page, 2)
    third.locator("label", has_text="i + j = k").click()
    third.locator("button", has_text="Check").click()
    third.locator(".widget-html", has_text="Correct").first.wait_for()
    score = page.locator(".convlab-quiz .widget-html", has_text="Score").first
    assert re.search(r"\b2 / \d+ correct", score.inner_text())

    page.reload()
    page.locator(".jp-NotebookPanel .jp-CodeCell").first.wait_for()
    restart_kernel(page)
    run_all(page)
    first = _question(page, 0)
    first.locator(".widget-html", has_text="Correct").first.wait_for()
    assert first.locator("input[type=text]").first.input_value() == "9"
    _question(page, 2).locator(".widget-html", has_text="Correct").first.wait_for()
    assert re.search(r"\b2 / \d+ correct", page.locator(
        ".convlab-quiz .widget-html", has_text="Score").first.inner_text())
    assert page_errors(page) == []
    saved = list(lab["progress"].rglob("*.json"))
    assert saved, "no progress file was written"
