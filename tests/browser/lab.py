"""Driving JupyterLab's page: open a notebook, Run All, wait for the kernel, read the cells.

Selectors and the kernel-ready race are as recorded in the handbook (section 7): the status
bar says "Idle" once the kernel is connected, and a Run All sent before that may be dropped,
so Run All is retried until a prompt shows that cells are running.
"""

from __future__ import annotations

import json
import re
import time
import urllib.request

RUN_MENU = '.lm-MenuBar-itemLabel:text-is("Run")'
RUN_ALL = '.lm-Menu-itemLabel:text-is("Run All Cells")'
KERNEL_MENU = '.lm-MenuBar-itemLabel:text-is("Kernel")'
PROMPTS = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputArea-prompt"
STATUS = ".jp-StatusBar-TextItem"
ERROR_TEXTS = ("Error displaying widget", "model not found", "Traceback (most recent call last)")
#: how long to wait for something the kernel has to answer (generous: a busy 2-core
#: machine takes seconds where an idle one takes milliseconds)
KERNEL_TIMEOUT = 60.0


def open_notebook(page, lab, name: str) -> None:
    page.goto(f"{lab['url']}/lab/tree/notebooks/{name}?token={lab['token']}&reset")
    page.locator(PROMPTS).first.wait_for()
    wait_for_idle(page, timeout=90)


def wait_for_idle(page, timeout: float = 120) -> None:
    page.locator(STATUS, has_text=re.compile(r"\|\s*Idle")).first.wait_for(
        timeout=timeout * 1000
    )


def prompts(page) -> list[str]:
    return [t.strip() for t in page.locator(PROMPTS).all_inner_texts()]


def run_all(page, timeout: float = 300) -> float:
    """Run every cell and wait until each has a count and the kernel is idle; return seconds."""
    start = time.monotonic()
    for _attempt in range(4):
        page.locator(RUN_MENU).click()
        page.locator(RUN_ALL).click()
        try:
            page.wait_for_function(
                """(sel) => [...document.querySelectorAll(sel)]
                    .some(p => /\\[(\\*|\\d+)\\]/.test(p.textContent))""",
                arg=PROMPTS, timeout=15_000,
            )
            break
        except Exception:  # the kernel was not connected yet: the click was dropped
            continue
    else:
        raise AssertionError("Run All never started a cell")
    page.wait_for_function(
        """(sel) => { const ps = [...document.querySelectorAll(sel)];
            return ps.length > 0 && ps.every(p => /\\[\\d+\\]/.test(p.textContent)); }""",
        arg=PROMPTS, timeout=timeout * 1000,
    )
    wait_for_idle(page)
    return time.monotonic() - start


def restart_kernel(page) -> None:
    page.locator(KERNEL_MENU).click()
    page.locator('.lm-Menu-itemLabel:text-matches("^Restart Kernel")').first.click()
    dialog_button = page.locator(".jp-Dialog-button.jp-mod-accept")
    dialog_button.wait_for()
    dialog_button.click()
    page.locator(STATUS, has_text=re.compile(r"Restarting|Idle")).first.wait_for()
    wait_for_idle(page)


def page_errors(page) -> list[str]:
    """Error outputs, stderr and widget failures visible in the open notebook."""
    found = []
    for selector in ('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]',
                     ".jp-RenderedText[data-mime-type='application/vnd.jupyter.stderr']"):
        found += page.locator(selector).all_inner_texts()
    body = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook").inner_text()
    found += [text for text in ERROR_TEXTS if text in body]
    return found


def full_page_screenshot(page, path) -> None:
    """The whole notebook in one picture: JupyterLab scrolls inside the notebook, not the page,
    so the viewport is stretched to the notebook's height for the shot."""
    height = page.evaluate(
        """() => { const n = document.querySelector(
                '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer');
            if (!n) return 0;
            n.scrollTop = 0;
            return n.scrollHeight; }"""
    )
    original = page.viewport_size
    page.set_viewport_size({"width": original["width"], "height": max(original["height"],
                                                                      int(height) + 200)})
    next_frames(page)  # the resized layout has been painted
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(original)


def next_frames(page, frames: int = 2) -> None:
    """Wait until the browser has painted `frames` more frames (an event, not a delay)."""
    page.evaluate(
        """(n) => new Promise(done => {
            const step = k => k ? requestAnimationFrame(() => step(k - 1)) : done();
            step(n); })""",
        frames,
    )


def wait_for_text_change(page, locator, old: str, timeout: float = KERNEL_TIMEOUT) -> str:
    """Wait until the element's text is no longer `old`; return the new text."""
    page.wait_for_function(
        "([el, old]) => el.textContent !== old", arg=[locator.element_handle(), old],
        timeout=timeout * 1000,
    )
    return locator.inner_text()


def canvas_pixels(canvas) -> str:
    """The canvas's current pixels, as a PNG data URL (read from the page, not a screenshot)."""
    return canvas.evaluate("c => c.toDataURL()")


def wait_for_new_pixels(page, canvas, old: str, timeout: float = KERNEL_TIMEOUT) -> bool:
    """Poll the canvas until its pixels differ from `old`; False if they never do in time."""
    try:
        page.wait_for_function(
            "([c, old]) => c.toDataURL() !== old", arg=[canvas.element_handle(), old],
            timeout=timeout * 1000, polling=100,
        )
    except Exception as error:  # playwright's TimeoutError
        if type(error).__name__ != "TimeoutError":
            raise
        return False
    return True


def shut_down_kernels(lab) -> None:
    """End every kernel session on the server, so the next test opens its notebook on a fresh
    kernel (a notebook opened again would otherwise join the kernel an earlier test left)."""
    base, token = lab["url"], lab["token"]
    with urllib.request.urlopen(f"{base}/api/sessions?token={token}", timeout=30) as answer:
        sessions = json.load(answer)
    for session in sessions:
        request = urllib.request.Request(
            f"{base}/api/sessions/{session['id']}?token={token}", method="DELETE"
        )
        with urllib.request.urlopen(request, timeout=30):
            pass

