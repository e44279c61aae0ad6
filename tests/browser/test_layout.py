"""Every figure fits its cell on a small laptop: JupyterLab at 1366×768, file browser open.

After Run All, every picture and canvas inside a cell's output area must end within that
output area (a live ipympl canvas does not shrink: a figure wider than the column is cut
off or needs a horizontal scroll), no output area may need horizontal scrolling, and the
notebook itself may not scroll sideways.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .lab import open_notebook, run_all, shut_down_kernels

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
LAPTOP = {"width": 1366, "height": 768}
#: Explorers that must be on show in a notebook (by its number), each in its own code cell
#: with exactly this source: the test below measures their live canvas where learners see it.
EXPLORER_CELLS = {"08": ["FrequencyExplorer()"]}

#: Width of the live canvas in code cell ``index`` and of its output area (0 if none).
CANVAS_IN_CELL = """(index) => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const cell = panel.querySelectorAll('.jp-CodeCell')[index];
  const canvas = cell && cell.querySelector('.jupyter-matplotlib-canvas-div canvas');
  if (!canvas) return {canvas: 0, area: 0};
  const area = canvas.closest('.jp-OutputArea-output').getBoundingClientRect();
  const box = canvas.getBoundingClientRect();
  return {canvas: box.width, right: box.right, area: area.width, areaRight: area.right};
}"""


def code_cell_index(name: str, source: str) -> int:
    """Index among the notebook's code cells of the one whose source is exactly ``source``."""
    nb = json.loads((ROOT / "notebooks" / name).read_text())
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    sources = ["".join(c["source"]).strip() for c in code]
    assert source in sources, f"{name} has no code cell that is exactly {source!r}"
    return sources.index(source)


#: Returns every overflow in the visible notebook, and the widest output area seen.
OVERFLOWS = """() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const found = [];
  let column = 0;
  panel.querySelectorAll('.jp-OutputArea-output').forEach((out, index) => {
    const area = out.getBoundingClientRect();
    column = Math.max(column, area.width);
    out.querySelectorAll('img, canvas').forEach((el) => {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > area.right + 0.5) {
        found.push(`output ${index}: ${el.tagName.toLowerCase()} ${Math.round(box.width)} px `
                   + `wide ends ${Math.round(box.right - area.right)} px past its output area`);
      }
    });
    if (out.scrollWidth > out.clientWidth + 1) {
      found.push(`output ${index} scrolls sideways (${out.scrollWidth} > ${out.clientWidth})`);
    }
  });
  const outer = panel.querySelector('.jp-WindowedPanel-outer') || panel;
  if (outer.scrollWidth > outer.clientWidth + 1) {
    found.push(`the notebook scrolls sideways (${outer.scrollWidth} > ${outer.clientWidth})`);
  }
  return {found, column};
}"""


@pytest.fixture
def laptop(browser, lab):
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()
    shut_down_kernels(lab)


def _open_file_browser(page) -> None:
    browser_panel = page.locator(".jp-FileBrowser").first
    if not browser_panel.is_visible():
        page.locator('.jp-SideBar.jp-mod-left [data-id="filebrowser"]').first.click()
    browser_panel.wait_for(state="visible")


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_figure_fits_its_output_area_on_a_laptop(laptop, lab, name):
    open_notebook(laptop, lab, name)
    _open_file_browser(laptop)
    run_all(laptop)
    # every canvas has been sized by its first frame before measuring
    laptop.wait_for_function(
        """() => [...document.querySelectorAll(
              '.jp-NotebookPanel:not(.lm-mod-hidden) .jupyter-matplotlib-canvas-div canvas')]
              .every(c => c.getBoundingClientRect().width > 0)"""
    )
    result = laptop.evaluate(OVERFLOWS)
    assert result["column"] > 0, "no output area measured"
    for source in EXPLORER_CELLS.get(name[:2], []):
        shown = laptop.evaluate(CANVAS_IN_CELL, code_cell_index(name, source))
        assert shown["canvas"] > 0, f"{name}: the cell {source!r} shows no live canvas"
        assert shown["right"] <= shown["areaRight"] + 0.5, f"{name}: {source!r} overflows"
    assert result["found"] == [], (
        f"{name}, output column {result['column']:.0f} px:\n" + "\n".join(result["found"])
    )
