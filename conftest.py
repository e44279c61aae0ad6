"""Options shared by the whole test run."""

import os

# Notebooks run under nbval must not read or write a learner's saved quiz progress
# (~/.convlab): the kernels nbval starts inherit this.  Tests that exercise progress
# files pass their own paths.
os.environ["CONVLAB_PROGRESS"] = "off"


def pytest_addoption(parser):
    parser.addoption(
        "--screenshots", default=None, metavar="DIR",
        help="folder for the browser tests' full-page screenshots "
        "(default: a folder under pytest's temporary directory, which pytest keeps)",
    )
