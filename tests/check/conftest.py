import importlib.util
import json
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_REPORT, SHARED

REPORTS = Path(__file__).resolve().parents[1] / "data" / "reports"
KEY = json.loads((REPORTS / "key.json").read_text(encoding="utf-8"))["reports"]


def _validator():
    spec = importlib.util.spec_from_file_location("shared_validate", SHARED / "schemas" / "validate.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="session")
def validate():
    """The shared contract validator: validate.check_report(TEXT_PATH, JSON_PATH) -> list of problems."""
    return _validator()


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE_REPORT
