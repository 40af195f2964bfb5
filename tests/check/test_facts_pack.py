import json
from pathlib import Path

from tests.conftest import FACTS

DATA = Path(__file__).resolve().parents[2] / "watchfloor" / "data"


def test_our_additions_pass_the_fact_schema_and_repeat_nothing(validate) -> None:
    more = DATA / "tajikistan_more.jsonl"
    assert validate.fact_problems(more) == []
    ours = [json.loads(x) for x in more.read_text(encoding="utf-8").splitlines() if x.strip()]
    given = [json.loads(x) for x in FACTS.read_text(
        encoding="utf-8").splitlines() if x.strip()]
    seen = {(f["date"], f["event_type"], f["summary"]) for f in given}
    assert ours and not [f for f in ours if (f["date"], f["event_type"], f["summary"]) in seen]
    assert all(f["source_url"].startswith(("https://", "http://")) for f in ours)
