"""Analysis over the store: timeline, actors, indicators, risk."""
