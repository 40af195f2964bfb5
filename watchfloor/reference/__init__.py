"""Reference data: countries, groups, organisations, people and places with their aliases."""

from watchfloor.reference.names import normalise
from watchfloor.reference.resolver import Resolver

__all__ = ["Resolver", "normalise"]
