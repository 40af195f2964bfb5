"""Event words and the event families they name, for report text and for the store's event types.

"arrested", "detained" and "raids" all point at the family *arrest*; the store's
type `deportation` and the words "removed" or "expelled" at *deport*. A
report's wording and a store's type only need to share a family (or be
related families, such as a trial and a sentence) to be compared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pycountry
import regex

from watchfloor.extract.entities import armed_group_names, country_names, names_pattern

TRIGGERS: dict[str, str] = {
    "designate": r"designat(?:e|ed|es|ion)|listed\s+(?:\w+\s+){0,6}?as\s+(?:a\s+)?terrorists?|bann(?:ed|ing)|bans?|"
                 r"outlaw(?:ed)?|extremist\s+organi[sz]ation|"
                 r"terrorist\s+organi[sz]ation",
    "appoint": r"appoint(?:ed|ment|s)?|became\s+(?:president|mayor|chairman|head)|sworn\s+in|succeeded|"
               r"elected\s+(?:as\s+)?(?:the\s+)?(?:chairman|speaker|head|president\s+of)",
    "repatriate": r"repatriat(?:e|ed|es|ing|ion)|brought\s+home|flown\s+home|returned\s+from|come\s+home|"
                  r"return\s+home",
    "border": r"border\s+(?:treaty|agreement|demarcation|delimitation)|demarcat\w+|delimit\w+",
    "attack": r"attack(?:s|ed|ing|ers?)?|assault(?:s|ed)?|bomb(?:s|ing|ings|ed|ers?)?|blasts?|explosions?|"
              r"shootings?|gunm[ae]n|massacred?|ambush(?:ed|es)?|stabb(?:ed|ing)|rammed|suicide\s+bomb\w*|"
              r"opened\s+fire|terrorist\s+acts?|strikes?\s+on|hit\s+(?:a|the)\s+camp|storm(?:ed|ing)|"
              r"gunned\s+down",
    "violence": r"kill(?:ed|ing|s)?|shot\s+dead|died|deaths?|dead",
    "plot": r"plots?|plotted|plotting|conspir\w+|foil(?:ed|ing)|planned\s+(?:an?\s+)?attacks?|planning\s+attacks?",
    "arrest": r"arrest(?:s|ed|ing)?|detain(?:s|ed|ing)?|detention|detainees?|apprehend(?:ed|s)?|custody|"
              r"captur(?:e|ed|ing)|rounded\s+up|raids?|nabbed|picked\s+up",
    "deport": r"deport(?:s|ed|ing|ation|ations|ees?)?|expel(?:s|led|ling)?|expulsions?|removals?|removed|"
              r"sent\s+back|turned\s+back|returned\s+home|"
              r"flew\s+(?:(?!home\b|back\b|to\b)[\w-]+\s+){0,6}?(?:home|back)\b|"
              r"sent\s+(?:(?!home\b|back\b|to\b)[\w-]+\s+){1,6}?(?:home|back)\b",
    "extradite": r"extradit(?:e|ed|es|ing|ion)",
    "charge": r"charge[sd]?|charging|indict(?:ed|ment|s)?|prosecut(?:e|ed|ing|ion|ors?)",
    "trial": r"trials?|tried|hearings?",
    "sentence": r"sentenc(?:e|ed|es|ing)|convict(?:ed|ion|s)?|jail(?:ed|ing)|imprison(?:ed|ment)|life\s+terms?|"
                r"acquit(?:s|ted|tal)?",
    "agreement": r"agreements?|agreed|sign(?:s|ed|ing)|treat(?:y|ies)|deals?|accords?|memorand(?:um|a)|contracts?|"
                 r"pacts?",
    "approve": r"approv(?:e|ed|es|al)|ratif(?:y|ied|ies|ication)|adopt(?:ed|s)|passed",
    "base": r"military\s+bases?|bases?|outposts?|military\s+presence|garrison",
    "member": r"members?(?<!\d-member)(?<!\d-members)|membership|joined|join|joins|accession|ally|allies",
    "leave": r"withdr(?:ew|awn|awal)|pulled\s+out|quit|exit(?:ed)?|left\s+the",
    "independence": r"independence",
    "war": r"civil\s+war|war|armed\s+conflict",
    "peace": r"peace(?:\s+(?:agreement|accord|deal|talks|process))?|ceasefire|truce",
    "election": r"elections?|elected|re-elected|votes?|voted|ballots?|balloting|referendum|polls",
    "visit": r"visit(?:s|ed|ing)?|trips?|met|meeting|talks|hosted|travell?ed\s+to|arriv(?:ed|al|es|ing)|"
             r"tour(?:ed|s|ing)?|sat\s+down\s+with",
    "summit": r"summits?",
    "loan": r"loans?|lend(?:s|ing)?|lent|credit\s+line|grants?(?!\s+(?:him|her|them|it|us))|financ(?:e|ed|ing)|"
            r"fund(?:ed|ing)",
    "debt": r"debts?|owe[sd]?|owing|borrow(?:ed|ing)|eurobonds?|creditors?",
    "statement": r"said|stated|announced|told|warned|declared|described|claimed|reported",
    "deny": r"den(?:y|ied|ies|ial)|reject(?:s|ed)?|dismiss(?:es|ed)?|refut(?:e|ed)|disput(?:e|ed|es)|contest(?:s|ed)|"
            r"call(?:ed|s)?\s+(?:[\w-]+\s+){0,4}?(?:fake|false|baseless|untrue|fabricat\w+|lies)|"
            r"brand(?:ed|s)?\s+(?:[\w-]+\s+){0,4}?(?:fake|false|baseless|untrue|fabricat\w+|lies)",
    "confirm": r"confirm(?:s|ed)?|acknowledg(?:e|ed)|endors(?:e|ed|es)|corroborat(?:e|ed)|affirm(?:s|ed)?|"
               r"upheld|vouched\s+for|accepted\s+(?:the\s+)?(?:\w+\s+)?(?:reports?|claims?|account|version|estimates?|"
               r"figures?|findings?)|publicly\s+(?:accepted|agreed\s+with|backed)|"
               r"officially\s+(?:accepted|agreed\s+with|backed)",
    "claim": r"claimed\s+responsibility|claimed\s+(?:the|it)|responsibility",
    "clash": r"clash(?:es|ed)?|fighting|skirmish(?:es)?|firefights?|exchange\s+of\s+fire|border\s+conflict|fought|"
             r"engag(?:ed|ing)\s+(?:an?|the)\s+(?:[\w-]+\s+)?(?:group|militants|fighters|gunmen|intruders)",
    "urge": r"urg(?:e|ed|es|ing)|advis(?:e|ed|es|ing)|call(?:ed|s)?\s+on|recommend(?:ed|s)?",
    "operation": r"operations?|crackdown|counter-?terrorism\s+operation|manhunt",
    "protest": r"protests?|protesters|demonstrations?|rall(?:y|ies)|unrest",
    "riot": r"riots?|rioted|mutiny|uprising|rose\s+up|revolt(?:ed|s)?",
    "assassinate": r"assassinat(?:e|ed|ion)|murder(?:ed)?",
    "law": r"laws?|bills?|decrees?|amendments?|legislation|penal\s+code|constitutional\s+(?:amendments?|changes?)|"
           r"signed\s+into\s+law|took\s+effect|came\s+into\s+force|entered\s+into\s+force|registers?|regulations?",
    "project": r"construct(?:ion|ed|ing)?|buil[dt]|building|commission(?:ed|ing)|launch(?:ed|es)?|inaugurat\w+|"
               r"dam|power\s+plant|hydropower|pipeline|smelter",
    "exercise": r"exercises?|drills?|manoeuvres|maneuvers|war\s+games",
    "aid": r"aid|assistance|donat(?:e|ed|ion)|provided",
    "reinforce": r"reinforc\w+|deliver(?:ed|y|ies)|handed\s+over|tanks|armou?red\s+vehicles|new\s+vehicles|"
                 r"re-?equipped|rearmed",
    "deploy": r"deploy(?:ed|ing|s|ment|ments)?|peacekeep(?:ers|ing)|peace-?keeping\s+force|sent\s+(?:troops|forces)",
    "sanction": r"sanction(?:s|ed)?|rewards?|bounty",
    "economy": r"gdp|growth|grew|econom(?:y|ic)|inflation|poverty",
    "remittance": r"remittances?|money\s+transfers|transfers",
    "trade": r"trade|exports?|exported|imports?|imported",
    "join": r"joined|join|joining|pledged\s+allegiance|recruit(?:s|ed|ing|ment|ers?)?|defect(?:ed|ion)?",
    "cell": r"form(?:ed|ing)?\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:cell|network)|terror(?:ist)?\s+cells?",
    "disappear": r"disappear(?:ed|ance|ances)?|abduct(?:ed|ion|ions)?|kidnapp(?:ed|ing)|went\s+missing|vanished",
    "execute": r"execut(?:e|ed|ion|ions)|hanged",
    "investigate": r"investigat(?:e|ed|ion|ors?)|probe|inquiry",
    "release": r"releas(?:e|ed)|freed|pardon(?:ed|s)?|amnesty",
    "ranking": r"rank(?:ed|ing|s)?|index",
    "migration": r"migrants?|migration|migrant\s+workers|avoid\s+(?:\w+\s+)?travel\w*|travel\s+(?:advice|advisory|"
                 r"warning)|turned\s+back\s+at",
}
_TRIGGER_RE = regex.compile("|".join(f"(?P<{fam}>\\b(?:{pat})\\b)" for fam, pat in TRIGGERS.items()),
                            regex.I | regex.POSIX)
"""Leftmost-longest (POSIX) matching: where two families' words start at one place, the longer reading wins
('claimed the attack' is a claim of responsibility, not a statement), whatever the families' order."""
_WORD_START = re.compile(r"\b[^\W\d_]")
_MILITARY = re.compile(r"military|201|air|naval|outpost|garrison|" + names_pattern(
    country_names(c.alpha_3 for c in pycountry.countries)), re.I)
"""A 'base' is a military one only near such words or a country's name ('a Ruritanian base')."""
_MEMBERS_OF = re.compile(r"members?\s+of\s+(?:the\s+)?(?:group|cell|family|parliament|"
                         + "|".join(re.escape(n) for n in sorted(set(armed_group_names()), key=lambda n: (-len(n), n)))
                         + ")")
"""Members of a cell, a family or an armed group the packs name joined something; members of a bloc are members."""


def _alternatives(pattern: str) -> list[str]:
    """Top-level alternatives of a pattern ('a(?:b|c)|d' → ['a(?:b|c)', 'd'])."""
    out, depth, cur = [], 0, ""
    for ch in pattern:
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    return out + [cur]


_PREFIXES = {re.match(r"[a-z]*", alt.lower()).group()[:2] for pat in TRIGGERS.values()  # type: ignore[union-attr]
             for alt in _alternatives(pat)}
assert all(len(p) == 2 for p in _PREFIXES), "every trigger alternative must begin with two letters"

TYPE_FAMILIES: dict[str, set[str]] = {
    "attack": {"attack", "violence"}, "plot": {"plot"}, "arrest": {"arrest"}, "deportation": {"deport"},
    "extradition": {"extradite", "deport"}, "trial": {"trial", "charge"}, "sentence": {"sentence"},
    "agreement": {"agreement"}, "border_agreement": {"agreement", "border"}, "base_agreement": {"base", "agreement"},
    "membership": {"member"}, "independence": {"independence"}, "war_start": {"war"}, "war": {"war"},
    "peace_agreement": {"peace", "agreement", "war"}, "election": {"election"}, "referendum": {"election", "law"},
    "visit": {"visit"}, "diplomatic_visit": {"visit"}, "diplomatic": {"visit", "statement"},
    "summit": {"summit", "visit"}, "loan": {"loan"}, "debt_figure": {"debt"}, "economic_figure": {"economy"},
    "trade_figure": {"trade"}, "statement": {"statement"}, "policy": {"law"}, "designation": {"designate"},
    "appointment": {"appoint"}, "leadership": {"appoint"}, "repatriation": {"repatriate"},
    "unrest": {"protest", "clash"}, "protest": {"protest"}, "prison_riot": {"riot", "violence"},
    "assassination": {"assassinate", "violence"}, "security_operation": {"operation", "violence"},
    "border_clash": {"clash", "violence"}, "cross_border_fire": {"clash", "attack"},
    "military_strike": {"attack", "violence"}, "military_exercise": {"exercise"},
    "military_reinforcement": {"reinforce", "base"}, "security_assistance": {"aid"}, "aid": {"aid"},
    "project": {"project"}, "concession": {"agreement", "project"}, "reward": {"sanction"}, "defection": {"join"},
    "investigation": {"investigate"}, "report": {"statement"}, "execution": {"execute", "sentence"},
    "migration_policy": {"law", "migration", "deport"}, "migration_figure": {"migration"},
    "press_freedom": {"ranking"}, "award": {"statement"}, "riot": {"riot"}, "fight": {"clash", "violence"},
    "assault": {"attack", "violence"}, "coerce": {"arrest", "operation"}, "remittance_figure": {"remittance"},
    "deployment": {"deploy"}, "withdrawal": {"leave", "deploy"}, "takeover": {"attack", "clash"},
}
"""The families each store event type belongs to; unknown types are read word by word."""

RELATED: dict[str, set[str]] = {
    "attack": {"violence", "clash", "assassinate", "plot", "riot", "claim"},
    "violence": {"attack", "clash", "operation",
                                                                             "assassinate", "riot"},
    "arrest": {"investigate", "charge", "operation", "plot", "disappear"},
    "disappear": {"arrest", "deport"}, "charge": {"trial", "sentence", "arrest"},
    "trial": {"charge", "sentence"}, "sentence": {"trial", "charge", "execute"},
    "deport": {"extradite", "migration"}, "extradite": {"deport", "arrest"},
    "agreement": {"approve", "member", "border", "base", "peace", "loan", "project"},
    "approve": {"agreement", "law", "loan", "base"}, "base": {"agreement", "reinforce"}, "war": {"peace", "clash"},
    "peace": {"war", "agreement"}, "visit": {"summit", "statement"}, "summit": {"visit", "agreement"},
    "loan": {"debt", "aid", "approve", "project"}, "debt": {"loan", "economy"},
    "clash": {"attack", "operation", "border", "violence"}, "operation": {"clash", "arrest", "violence"},
    "law": {"approve", "designate", "election"}, "designate": {"law", "sanction"}, "join": {"member"},
    "member": {"join", "agreement"}, "plot": {"attack", "arrest", "cell"},
    "cell": {"plot", "join", "trial", "sentence"}, "repatriate": {"deport"},
    "economy": {"remittance", "debt", "trade"}, "remittance": {"economy", "migration"}, "trade": {"economy"},
    "protest": {"clash", "riot"}, "riot": {"protest", "violence"}, "border": {"agreement", "clash"},
    "migration": {"deport", "remittance"}, "deny": {"statement", "law", "base"},
    "confirm": {"statement", "law", "base"}, "urge": {"statement"},
    "appoint": {"election"}, "election": {"appoint"}, "deploy": {"operation", "exercise", "member", "join"},
    "leave": {"deploy", "member"},
}
SINGLETON_FAMILIES = {"independence", "war", "peace", "border"}
"""Families where a country has one such event: naming the country picks the event."""
WEAK_FAMILIES = {"statement", "violence", "visit", "member", "aid", "economy", "ranking", "border", "project"}
"""Families whose words are too common to pick an event on their own."""


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    text: str
    family: str


def _matches(text: str, start: int, end: int):  # type: ignore[no-untyped-def]
    """Trigger matches, tried only where a word begins with a trigger's first two letters (fast)."""
    pos = start
    for w in _WORD_START.finditer(text, start, end):
        s = w.start()
        if s < pos or text[s:s + 2].lower() not in _PREFIXES:
            continue
        m = _TRIGGER_RE.match(text, s, end)
        if m:
            pos = m.end()
            yield m


def find_triggers(text: str, start: int, end: int) -> list[Trigger]:
    out = []
    for m in _matches(text, start, end):
        fam = m.lastgroup or ""
        word = m.group().lower()
        if fam == "base" and not _MILITARY.search(text[max(start, m.start() - 40):m.end() + 40]):
            continue
        if fam == "member" and word in ("members", "member") and _MEMBERS_OF.search(text[m.start():m.end() + 20]):
            fam = "join"
        out.append(Trigger(m.start(), m.end(), m.group(), fam))
    return out


def families_of_type(event_type: str) -> set[str]:
    """Families of a store event type; types we do not know are read word by word ('border_clash')."""
    if event_type in TYPE_FAMILIES:
        return set(TYPE_FAMILIES[event_type])
    fams: set[str] = set()
    for word in re.split(r"[_\s]+", event_type.lower()):
        fams |= TYPE_FAMILIES.get(word, set())
        for t in find_triggers(word, 0, len(word)):
            fams.add(t.family)
    return fams


def family_score(claim: set[str], event: set[str]) -> float:
    """1 when a strong family is shared, 0.6 for a related or only weak one, 0 otherwise."""
    shared = claim & event
    if shared - WEAK_FAMILIES:
        return 1.0
    if shared:
        return 0.6
    if any(RELATED.get(f, set()) & event for f in claim - WEAK_FAMILIES):
        return 0.6
    return 0.0
