"""No jargon from the course's sources: the learner has never seen those articles.

The course was written from a handful of short articles.  Their facts carry over,
but a learner who reads "seed 002's image" or "the seed's blur" meets a name for
something they have never seen.  Say what the thing is (the "Hi" image, the
rounded blur) or cite a publication as a textbook would.  Seeded random
generators (``default_rng(seed)``, "seeded noise") are fine: that is another word.
"""

from __future__ import annotations

import json
import re

import nbformat
import pytest

from .support import NOTEBOOK_DIR, ROOT

JARGON = re.compile(
    r"\bseed[ _-]?0\d\d\b|\bseed's\b|\bseeds'|\bseed articles?\b|\bsource articles?\b|\bseed\d{3}",
    re.IGNORECASE,
)

NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
MODULES = sorted((ROOT / "convlab").rglob("*.py"))


def _hits(text: str, where: str) -> list[str]:
    return [
        f"{where}, line {n}: {line.strip()[:120]}"
        for n, line in enumerate(text.splitlines(), start=1)
        if JARGON.search(line)
    ]


def _output_text(output) -> str:
    if output.get("output_type") == "stream":
        return "".join(output.get("text", ""))
    data = output.get("data", {})
    return "\n".join(
        "".join(value) if isinstance(value, list) else str(value)
        for mime, value in data.items()
        if mime.startswith("text/")
    )


@pytest.mark.parametrize(
    ("text", "caught"),
    [
        ("as seed 002 prints it", True),
        ("Seed 000 calls this kernel", True),
        ("the seed's blur", True),
        ("seed002_image()", True),
        ("one of the course's source articles", True),
        ("the seed article", True),
        ("The seeds' vertical-edge kernel", True),
        ("seed_001: 3x3", True),
        ("np.random.default_rng(seed)", False),
        ("seeded random noise", False),
        ("random_image(seed=0)", False),
        ("a fixed seed, so you get the same pixels", False),
        ("seed 7 gives the same image", False),
    ],
)
def test_the_pattern_catches_the_jargon_and_nothing_else(text, caught):
    assert bool(JARGON.search(text)) is caught


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_no_notebook_names_the_source_articles(path):
    nb = nbformat.read(path, as_version=4)
    hits = []
    for i, cell in enumerate(nb.cells):
        hits += _hits(cell.source, f"cell {i} source")
        for output in cell.get("outputs", []):
            hits += _hits(_output_text(output), f"cell {i} output")
        hits += _hits(json.dumps(cell.get("metadata", {})), f"cell {i} metadata")
    assert not hits, f"{path.name} names the source articles:\n" + "\n".join(hits)


def test_no_module_names_the_source_articles():
    hits = []
    for path in MODULES:
        hits += _hits(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    assert not hits, "convlab/ names the source articles:\n" + "\n".join(hits)
