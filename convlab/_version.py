"""The one place the version is written.

pyproject.toml reads it (``[tool.setuptools.dynamic]``); CHANGELOG.md and CITATION.cff
must name the same version (tests/test_packaging.py checks).
"""

__version__ = "0.1.0"
