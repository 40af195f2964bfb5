"""Cited country briefs, written from the store's evidence and checked before they are shown.

    from watchfloor.brief import write_brief
    brief = write_brief(store, iso3, today=date(2026, 1, 15))   # a country's ISO3 code
    brief.markdown, brief.html(), brief.pdf(), brief.check, brief.sentences
"""

from watchfloor.brief.brief import Brief, Dropped, save_brief, write_brief
from watchfloor.brief.model import Figure, Judgment, Section, Sentence

__all__ = ["Brief", "Dropped", "Figure", "Judgment", "Section", "Sentence", "save_brief", "write_brief"]
