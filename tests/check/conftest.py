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


@pytest.fixture
def rules_only():
    """The rules' own severities, the fitted scorer only observing: these tests pin what each rule finds
    (tests/check/test_scorer.py and the example and dev-set tests check the scorer's severities)."""
    from watchfloor.check.scorer import observing

    with observing():
        yield
