"""The timeline marks events that happened abroad, and binds its ids as one list parameter when they are many."""

from watchfloor.analyse import timeline as timeline_module
from watchfloor.analyse.timeline import timeline


def test_demo_crocus_attack_is_abroad_for_tajikistan(demo_db):
    events = timeline(demo_db, "TJK")
    crocus = next(e for e in events if e["id"] == "fact-372dbc340cf3d9ad")
    assert crocus["country"] == "RUS" and "TJK" in crocus["countries"] and crocus["abroad"] is True
    home = [e for e in events if e["country"] == "TJK"]
    assert home and not any(e["abroad"] for e in home)
    assert all(e["abroad"] == (e["country"] not in (None, "TJK")) for e in events)
    assert "abroad" not in timeline(demo_db, None, limit=3)[0]


def test_many_ids_go_as_one_list_parameter(demo_db, monkeypatch):
    few = timeline(demo_db, "TJK")
    monkeypatch.setattr(timeline_module, "FEW", 3)
    many = timeline(demo_db, "TJK")
    assert len(many) == len(few) > 3 and many == few
    assert any(e["actors"] for e in many) and any(e["sources"] for e in many)
