"""Options shared by the whole test run."""


def pytest_addoption(parser):
    parser.addoption(
        "--screenshots", default=None, metavar="DIR",
        help="folder for the browser tests' full-page screenshots "
        "(default: a folder under pytest's temporary directory, which pytest keeps)",
    )
