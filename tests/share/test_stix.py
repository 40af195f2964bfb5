import json
from pathlib import Path

import stix2

from watchfloor.analyse.timeline import Period, timeline
from watchfloor.dates import parse_iso
from watchfloor.share import export_bundle
from watchfloor.store import Store


def test_bundle_is_valid_stix_with_one_report_per_event(demo_db: Store) -> None:
    period = Period(parse_iso("2024"), parse_iso("2024"))
    bundle = export_bundle(demo_db, "TJK", period)
    parsed = stix2.parse(json.dumps(bundle), allow_custom=True)
    assert parsed.type == "bundle"
    reports = [o for o in bundle["objects"] if o["type"] == "report"]
    assert len(reports) == len(timeline(demo_db, "TJK", period))
    crocus = next(r for r in reports
                  if "Crocus City Hall" in r["description"] and r["x_watchfloor_date"] == "2024-03-22")
    assert crocus["published"].startswith("2024-03-22")
    assert crocus["external_references"][0]["url"].startswith("http")
    ids = {o["id"] for o in bundle["objects"]}
    assert all(ref in ids for r in reports for ref in r["object_refs"])
    iskp = next(o for o in bundle["objects"] if o["type"] == "intrusion-set"
                and o["name"] == "Islamic State Khorasan Province")
    assert {"ISIS-K", "ISKP"} <= set(iskp["aliases"])
    assert any(o["type"] == "location" and o.get("country") == "TJ" for o in bundle["objects"])


def test_export_is_deterministic(demo_db: Store) -> None:
    assert export_bundle(demo_db, "TJK") == export_bundle(demo_db, "TJK")


def test_cli_writes_a_bundle(cli, demo_db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "tj.json"
    res = cli("--db", demo_db_path, "export", "tajikistan", "--since", "2024-06", "--until", "2024-06", "-o", out)
    assert res.code == 0 and "STIX objects" in res.err
    bundle = json.loads(out.read_text())
    assert bundle["type"] == "bundle" and any(o["type"] == "report" for o in bundle["objects"])
