"""The public surface is pinned: adding or removing a name is a decision, not an accident."""

import watchfloor


def test_public_names_are_pinned() -> None:
    assert watchfloor.__all__ == [
        "CheckReport", "FuzzyDate", "ImportOptions", "ImportResult", "InputError", "NotFound", "Period",
        "Resolver", "Store", "StoreError", "WatchfloorError", "actor_graph", "alerts", "check_file", "check_text",
        "import_path", "import_paths", "parse_iso", "relation_trend", "risk_report", "timeline", "write_brief",
    ]


def test_every_public_name_resolves() -> None:
    for name in watchfloor.__all__:
        assert getattr(watchfloor, name) is not None, name
