"""Relations with the United States: border-security aid, the 2024 arrests and later cases, summits."""

from watchfloor.brief.sections.relations import Partner, builder

PARTNER = Partner(
    iso3="USA", kind="united_states", title="Relations with the United States",
    words=("US", r"U\.S\.", "United States", "Americans?", r"Washington(?! Post)", "FBI", "ICE", r"C5\+1",
           "State Department", "Trump", "Biden"),
)
BUILDER = builder(PARTNER)
