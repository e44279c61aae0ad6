"""The notebooks as files: executed in order, shaped like a lesson, and really checked by nbval.

nbval itself runs every notebook (see pyproject's addopts); these tests check what nbval
cannot: that the saved outputs exist and are clean, that every notebook follows the course's
shape, and that a wrong number in a checked cell makes nbval fail.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import subprocess
import sys

import nbformat
import numpy as np
import pytest

from .support import (
    CHECK,
    NOTEBOOK_DIR,
    ROOT,
    checked_cells,
    checked_text,
    code_cells,
    read_notebook,
)

NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))


def test_there_are_notebooks():
    assert NOTEBOOKS, "no notebooks found"
    assert NOTEBOOKS[0].name == "01_outer_product_diagonals.ipynb"


@pytest.fixture(params=NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def nb(request):
    return nbformat.read(request.param, as_version=4)


def test_saved_executed_top_to_bottom_in_a_fresh_kernel(nb):
    counts = [c.execution_count for c in code_cells(nb)]
    assert counts == list(range(1, len(counts) + 1)), (
        "execution counts must be 1, 2, 3 …: run python tools/execute_notebooks.py"
    )
    assert nb.metadata.kernelspec.name == "python3"


def test_saved_outputs_are_clean(nb):
    home = os.path.expanduser("~")
    for cell in code_cells(nb):
        for out in cell.outputs:
            assert out.output_type != "error", f"stored error in cell:\n{cell.source}"
            assert not (out.output_type == "stream" and out.name == "stderr"), (
                f"a cell printed to stderr (a warning?):\n{out.text}"
            )
            dumped = json.dumps(out)
            assert str(ROOT) not in dumped and home not in dumped, "output holds a machine path"
            assert not re.search(r" at 0x[0-9a-f]{6,}", dumped), "output holds a memory address"


def test_shaped_like_a_lesson(nb):
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    assert "By the end you will be able to" in first.source, "objectives at the top"
    assert "You will need" in first.source
    import_cells = [c for c in code_cells(nb) if re.search(r"^\s*(import|from) \w", c.source, re.M)]
    assert len(import_cells) == 1, "one import cell"
    assert import_cells[0] is code_cells(nb)[0], "the import cell comes first"
    assert any("for_notebook(" in c.source for c in code_cells(nb)), "a self-checking quiz"
    last = nb.cells[-1]
    assert last.cell_type == "markdown" and "## Summary" in last.source
    assert sum(CHECK in c.source for c in code_cells(nb)) >= 3, "numbers checked by nbval"
    assert sum("**Predict" in c.source for c in nb.cells if c.cell_type == "markdown") >= 3


SOLUTION_REGION = re.compile(
    r"^[ \t]*### BEGIN SOLUTION\n.*?^[ \t]*### END SOLUTION\n?", re.M | re.S
)


def test_notebooks_stay_thin(nb):
    """No long functions in a notebook; a learner's exercise counts without its solution
    region (the learner edition replaces that with a two-line stub), which may hold up to
    twelve lines."""
    for cell in code_cells(nb):
        source = cell.source
        for region in SOLUTION_REGION.findall(source):
            body = region.strip().splitlines()[1:-1]
            assert len(body) <= 12, f"a reference solution over 12 lines:\n{region}"
        source = SOLUTION_REGION.sub("    ### SOLUTION\n", source)
        for match in re.finditer(r"^def \w+.*?(?=^\S|\Z)", source, re.M | re.S):
            lines = match.group(0).strip().splitlines()
            assert len(lines) <= 5, f"long function in a notebook; move it to convlab:\n{lines}"


def test_thin_notebook_rule_counts_a_solution_apart():
    long_solution = "def f(x):\n    \"\"\"Doc.\"\"\"\n    ### BEGIN SOLUTION\n" + (
        "    y = x\n" * 6
    ) + "    return y\n    ### END SOLUTION\n"
    thin = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(long_solution)])
    test_notebooks_stay_thin(thin)
    fat = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell(long_solution.replace("### BEGIN SOLUTION\n", ""))]
    )
    with pytest.raises(AssertionError, match="long function"):
        test_notebooks_stay_thin(fat)


def test_notebook_01_teaches_the_outer_product_numbers():
    """The numbers notebook 01 prints, worked out here independently."""
    checked = checked_text(read_notebook("01_outer_product_diagonals.ipynb"))
    x, y = np.arange(1, 6), np.arange(6, 11)
    assert str(np.outer(x, y)) in checked
    # the sums written out by hand: z[1] = 12 + 7, z[2] = 18 + 14 + 8, ...
    for line in ["z[0] = 6", "z[1] = 12 + 7 = 19", "z[2] = 18 + 14 + 8 = 40",
                 "z[3] = 24 + 21 + 16 + 9 = 70", "z[4] = 30 + 28 + 24 + 18 + 10 = 110",
                 "z[5] = 35 + 32 + 27 + 20 = 114", "z[6] = 40 + 36 + 30 = 106",
                 "z[7] = 45 + 40 = 85", "z[8] = 50"]:
        assert line in checked
    assert "[  6  19  40  70 110 114 106  85  50]" in checked
    assert "all three equal: True" in checked
    assert f"sum of z: {x.sum() * y.sum()}" in checked
    assert str(np.convolve([1, 2, 3], [4, 5, 6])) in checked  # 4 13 28 27 18
    assert f"convolution read at t = 10: {321 * 654}" in checked
    assert f"length of the result: {len(np.convolve(x, [1, 1, 1]))}" in checked


def test_a_wrong_checked_number_fails_nbval(tmp_path):
    """Change 85 to 86 in a checked output, as the issue asks: nbval must fail."""
    source = NOTEBOOK_DIR / "01_outer_product_diagonals.ipynb"
    nb = nbformat.read(source, as_version=4)
    changed = 0
    for cell in checked_cells(nb):
        for out in cell.outputs:
            if out.output_type == "stream" and "45 + 40 = 85" in out.text:
                out.text = out.text.replace("45 + 40 = 85", "45 + 40 = 86")
                changed += 1
    assert changed == 1
    broken = tmp_path / source.name
    nbformat.write(nb, broken)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval-lax", "--nbval-current-env", "-p",
         "no:cacheprovider", "-q", "--rootdir", str(tmp_path), str(broken)],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 1, result.stdout[-2000:]
    assert "86" in result.stdout and "85" in result.stdout
    assert re.search(r"1 failed, \d+ passed", result.stdout), result.stdout[-2000:]


def test_links_between_notebooks_resolve(nb):
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for target in re.findall(r"\]\(([^)#\s]+\.ipynb)\)", cell.source):
                assert (NOTEBOOK_DIR / target).exists(), f"broken link to {target}"


def test_every_notebook_but_the_last_links_the_next():
    for current, following in itertools.pairwise(NOTEBOOKS):
        last = nbformat.read(current, as_version=4).cells[-1].source
        assert f"]({following.name})" in last, f"{current.name}: no Next link to {following.name}"
