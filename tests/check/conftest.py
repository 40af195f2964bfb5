import json
from pathlib import Path

import pytest

from tests import contract
from tests.conftest import EXAMPLE_REPORT

REPORTS = Path(__file__).resolve().parents[1] / "data" / "reports"
KEY = json.loads((REPORTS / "key.json").read_text(encoding="utf-8"))["reports"]


@pytest.fixture(scope="session")
def validate():
    """The contract validator: validate.check_report(TEXT_PATH, JSON_PATH) -> list of problems."""
    return contract


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE_REPORT
