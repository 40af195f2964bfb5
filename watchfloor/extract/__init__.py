"""Reading a report: sentences, names, dates, numbers, event words, negation and hedging, with offsets."""

from watchfloor.extract.claims import Claim, Event, Extraction, extract
from watchfloor.extract.dates import DateFinder, DateMention
from watchfloor.extract.entities import EntityMention, Gazetteer
from watchfloor.extract.quantities import Quantity, find_quantities
from watchfloor.extract.sentences import Sentence, split_sentences

__all__ = ["Claim", "DateFinder", "DateMention", "EntityMention", "Event", "Extraction", "Gazetteer", "Quantity",
           "Sentence", "extract", "find_quantities", "split_sentences"]
