"""What a number counts: the same small vocabulary reads a report's words and a store's count keys.

"killing 45 people", "45 dead" and the key `killed_min` all mean the category
*killed*; "eight Ruritanian nationals were arrested" and `arrested` mean *arrested*.
Subgroups (police, inmates, attackers …) keep "nine police officers died" apart
from a total.
"""

from __future__ import annotations

from functools import lru_cache

CATEGORY_PREFIXES: dict[str, tuple[str, ...]] = {
    "killed": ("kill", "dead", "death", "died", "dies", "die", "dying", "fatalit", "slain", "massacred", "perish",
               "toll", "lives"),
    "injured": ("injur", "wound", "hurt"),
    "arrested": ("arrest", "detain", "detention", "detainee", "held", "apprehend", "captur", "custody", "nabbed"),
    "deported": ("deport", "expel", "expuls", "remov", "deportee"),
    "extradited": ("extradit",),
    "charged": ("charg", "indict"),
    "convicted": ("convict", "jailed", "imprison"),
    "defendants": ("defendant", "accused"),
    "troops": ("troop", "soldier", "servicem", "personnel"),
    "attackers": ("gunm", "attacker", "assailant", "rioter"),
    "hostages": ("hostage",),
    "repatriated": ("repatriat",),
    "displaced": ("displac", "evacuat", "refugee"),
    "migrants": ("migrant",),
    "seats": ("seat",),
    "turnout": ("turnout",),
    "votes": ("vote", "ballot"),
    "agreements": ("agreement", "document"),
    "sentenced": ("sentenc",),
    "executed": ("execut", "hanged"),
}
"""Category → word beginnings that name it, in a report or in a count key."""

NOUN_CATEGORIES = {"defendants", "troops", "attackers", "hostages", "migrants", "seats", "votes", "agreements",
                   "turnout"}
"""Categories named by who or what is counted rather than by what happened to them."""

CATEGORY_NOUNS = {"dead", "deaths", "death", "fatalities", "casualties", "detainees", "deportees", "troops",
                  "soldiers", "gunmen", "attackers", "assailants", "defendants", "hostages", "servicemen",
                  "migrants", "seats", "votes", "victims", "arrests", "deportations", "expulsions", "detentions"}
"""Nouns that say on their own what the number before them counts."""

SUBGROUPS: dict[str, tuple[str, ...]] = {
    "police": ("police", "officer", "policem", "omon"),
    "guards": ("guard",),
    "inmates": ("inmate", "prisoner"),
    "attackers": ("attacker", "gunm", "assailant", "militant", "rioter", "fighter", "insurgent", "terrorist",
                  "intruder", "infiltrator", "raider"),
    "civilians": ("civilian",),
    "soldiers": ("soldier", "servicem"),
    "workers": ("worker",),
    "children": ("child",),
    "women": ("women", "woman", "mother"),
}

KEY_QUALIFIERS = {"min": "min", "over": "min", "more": "min", "at_least": "min", "max": "max", "up_to": "max",
                  "approx": "approx", "about": "approx", "estimate": "approx", "upper": "max", "lower": "min"}
"""Count-key suffixes that turn a figure into a bound: killed_min, deported_2024_over, killed_approx."""


@lru_cache(maxsize=16384)
def category_of(word: str) -> str | None:
    """The category a single (lower-case) word names, or None."""
    w = word.lower()
    if w in ("held", "dies", "die", "died", "toll", "lives", "dead"):
        return {"held": "arrested", "toll": "killed", "lives": "killed"}.get(w, "killed")
    for cat, prefixes in CATEGORY_PREFIXES.items():
        for p in prefixes:
            if len(p) >= 4 and w.startswith(p):
                return cat
    return None


@lru_cache(maxsize=16384)
def subgroup_of(word: str) -> str | None:
    w = word.lower()
    for group, prefixes in SUBGROUPS.items():
        if any(w.startswith(p) for p in prefixes):
            return group
    return None
