import pytest

from tests.conftest import EXAMPLE_REPORT


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE_REPORT.read_text(encoding="utf-8")
