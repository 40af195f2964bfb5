"""A country's watch plan, read from data: standing questions, competing hypotheses, indicators.

An indicator is a trigger in the manner of anticipatory-action frameworks: which events (types,
countries involved, at home or abroad) or which figure, over which window, compared how with which
threshold. The plan names the hypothesis each indicator, when met, speaks for. Plans live beside the
country's pack (`data/countries/<ISO3>/watchplan.json`); `load_plan(path)` reads any other file.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

from watchfloor.errors import InputError, NotFound

WINDOWS = {"quarter": 3, "half": 6, "year": 12, "two_years": 24, "seven_years": 84}
"""Window lengths in months."""
OPERATORS = (">=", ">", "<=", "<")
WHERE = ("home", "abroad", "any")
DIAGNOSTICITY = {"high": 1.0, "moderate": 0.5, "low": 0.25}
"""What a signpost's status weighs, by how well it tells the hypotheses apart (analysis of competing hypotheses):
one that would be seen whichever hypothesis holds says little about which does."""


@dataclass(frozen=True)
class Indicator:
    name: str
    hypothesis: str
    window: str
    operator: str
    threshold: float
    types: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    where: str = "any"
    measure: str | None = None
    """A figure's key in events' counts (the latest value is compared); without it, events are counted."""
    series: str | None = None
    """For a figure: the observation series that measures the same thing (a brief sets the two side by side)."""
    figure: str | None = None
    """The name of one of the plan's series figures: the indicator reads its latest year against the year before
    (people deported a year, not the number of reports about deportations)."""
    spec: Any = None
    """That figure's spec (argument_specs.FigureSpec), attached when the plan is loaded."""
    says: tuple[tuple[str, str], ...] = ()
    """What a status means in words, for the brief: (("met", "…"), ("not met", "…"))."""
    diagnosticity: str = "high"
    """How well the indicator tells its hypothesis from the others: 'high' (default), 'moderate' or 'low'."""
    why: str = ""
    """Why its diagnosticity is below high, as a clause ('Zenda's curbs would come whichever way Strelsau leans')."""
    mentions: tuple[str, ...] = ()
    """Words one of which the event's summary must say (whole words, any case): a call to leave, a named group."""
    not_mentions: tuple[str, ...] = ()
    """Words none of which the event's summary may say (whole words, any case): a re-election to a post already held
    is no promotion (the eighth review: one re-election counted as an election and as a step toward a handover)."""
    not_countries: tuple[str, ...] = ()
    """ISO3 codes the event must not involve (listed, or the country of one acting in it): ties with partners
    other than Zenda."""
    not_in: tuple[str, ...] = ()
    """ISO3 codes of countries the event must not take place in: talks held in the neighbour's capital, left out of
    ties with other partners, while a border agreement with a third partner that merely names the neighbour still
    counts (the sixth review: 'not_countries' on the neighbour dropped such an agreement)."""
    counts: str = ""
    """The counting rule in words, for the brief's method annex ('each arrest, trial or sentence once')."""
    change: bool = False
    """Met only when the window's count also exceeds the window before's: a signpost for a 'growing' answer measures
    change, not level."""
    episode_days: int = 0
    """Events of the kind less than this many days after the last one counted are one episode, counted once (two
    calls to leave after the same week's attacks)."""
    types_if: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Further types counted only when the summary says one of the words: a statement counts as a tie when it
    announces a visit or a summit, not every statement (the seventh review: a summit visit with a security pledge,
    filed as a statement, went uncounted)."""
    countries_named: tuple[str, ...] = ()
    """Words that, said in the summary, involve `countries` too: an alliance's drill names its members (or the
    alliance) in words, not in the event's country list."""
    each_account: bool = False
    """A contested incident, whose report gives a second party's account against the first ('it called them
    terrorists, while the other side said they were smugglers'), counts under each account: `not_mentions` does not
    drop it for the words of the other account (the tenth review found one contested incident counted on one side's
    word and another on the other side's)."""
    silence: bool = False
    """Not met is silence, not evidence: the count speaks only when something is recorded (an election in a year none
    was due says nothing against an orderly succession)."""

    @property
    def weight(self) -> float:
        return DIAGNOSTICITY[self.diagnosticity]

    def said(self, status: str) -> str:
        """The plan's words for a status. A count not met is what the collection holds, not what happened: words that
        do not say so ('the partner added no new rule') get ', as far as the collection shows' (a review found
        silence stated as fact)."""
        words = dict(self.says).get(status, "")
        if words and status == "not met" and self.types and not self.measure and not self.figure \
                and not RECORDED.search(words):
            words += ", as far as the collection shows"
        return words


ACCOUNTS = r"(?i)\b(while|whereas)\b[^.;]*\b(said|says|called|denied|denies|blamed|dismissed|named|attributed)\b"
"""A report that carries a second party's account against the first (a pattern for the store's regex engine)."""
RECORDED = re.compile(r"\b(record\w*|collection|evidence|reported)\b", re.I)
"""Words by which a reading says it is of the record, not of the world."""


LIKELIHOODS = ("almost no chance", "very unlikely", "unlikely", "roughly even chance", "likely", "very likely",
               "almost certain")
"""The ICD 203 terms, lowest first."""


@dataclass(frozen=True)
class Proposition:
    """The proposition a minister cares about on a question ('the country stays dependent on its neighbour through
    the horizon'), and the analyst's judged likelihood for it, held only while the signposts it rests on read as the
    plan expects (the tenth review: a counting rule pulled near-certainties toward a coin toss)."""

    claim: str
    """A 'will' clause: 'Strelsau will remain dependent on Zenda's remittances and troops'."""
    term: str
    """The likelihood the analyst judges while every signpost it rests on reads as expected (one of LIKELIHOODS)."""
    rests_on: tuple[tuple[str, str], ...]
    """(signpost name, the status it shows while the judgment holds: 'met' or 'not met')."""
    why: str
    """Why the term is what it is, as a clause: the analyst's reasoning, stated."""
    label: str = ""
    """The call in a few words, for the summary's table ('Still dependent')."""
    plain: str = ""
    """The claim in plain words for the front."""
    so_what: str = ""
    """What it means for the reader's policy, one sentence."""
    rival: str = ""
    """The hypothesis the brief tests as the proposition's alternative ('' keeps the call's own)."""
    holds_level: bool = False
    """Whether a claim of 'stays as frequent or grows' still holds on a signpost of change that keeps its level
    without rising (the eleventh review: 'no rise would lower' a call a plateau fits)."""


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    hypotheses: dict[str, str]
    indicators: tuple[Indicator, ...]
    short: str = ""
    """A heading for the question in a brief ('Jihadism abroad')."""
    answers: tuple[tuple[str, str], ...] = ()
    """Per hypothesis, the question answered in one clause ('attacks abroad are rising')."""
    forecasts: tuple[tuple[str, str], ...] = ()
    """Per hypothesis, what it expects over the horizon, as a 'will' clause."""
    assumption: str = ""
    test: tuple[str, str] = ("", "")
    """The linchpin assumption's test: (the name of one of the question's indicators, the status it shows while the
    assumption holds, 'met' or 'not met'); ("", "") when none is named."""
    """What a judgment on this question takes for granted, as a clause."""
    implications: tuple[tuple[str, str], ...] = ()
    """Per hypothesis, what it would mean for the reader, as a clause ('If so, …')."""
    cross_cutting: bool = False
    """A question whose answer bears on the others (a border war touching every other question): the brief leads
    with it and says what its answer means for each question it `bears_on`."""
    bears_on: tuple[tuple[str, str, str], ...] = ()
    """(hypothesis, question id, a clause on what that answer, leading, means for that question)."""
    low_probability_high_impact: str = ""
    """One sentence: an unlikely case that would matter most for the question (a mass-casualty attack at home), which
    the brief names beside the call; '' when the plan gives none."""
    rivals: tuple[tuple[str, str], ...] = ()
    """Per hypothesis, the rival the plan names to test against it when it leads (the real alternative, not merely
    the next by weight: the seventh review asked that 'Economic only' be tested against 'Security actor')."""
    plain: tuple[tuple[str, str], ...] = ()
    """Per hypothesis, the answer in plain words a minister can read aloud: no jargon, no answer names ('militants
    will keep attacking the border from the neighbouring country'); the brief's front gives a line per question."""
    proposition: Proposition | None = None
    """The proposition the brief leads with on this question, when the plan states one."""
    outcomes: bool = False
    """Give each answer its own probability (`assess.shares`), not only the call's: for a question whose answers are
    the outcomes a reader plans for (who holds power after an election), a split would leave each one's odds unsaid."""

    def rival(self, hypothesis: str) -> str:
        return dict(self.rivals).get(hypothesis, "")

    def bearing(self, hypothesis: str) -> list[tuple[str, str]]:
        """(question id, clause) for each question the answer bears on, in the plan's order."""
        return [(qid, clause) for h, qid, clause in self.bears_on if h == hypothesis]

    def implication(self, hypothesis: str) -> str:
        return dict(self.implications).get(hypothesis, "")

    def answer(self, hypothesis: str) -> str:
        return dict(self.answers).get(hypothesis) or self.label(hypothesis)

    def plainly(self, hypothesis: str) -> str:
        """The answer in plain words (`plain`), else its forecast."""
        return dict(self.plain).get(hypothesis) or self.forecast(hypothesis)

    def forecast(self, hypothesis: str) -> str:
        return dict(self.forecasts).get(hypothesis) or self.answer(hypothesis)

    def explanation(self, hypothesis: str) -> str:
        """The hypothesis's account of why, without its name: the words after the colon of its text."""
        head, sep, rest = self.hypotheses[hypothesis].partition(":")
        return (rest if sep and len(head) < 40 else self.hypotheses[hypothesis]).strip().rstrip(".")

    def label(self, hypothesis: str) -> str:
        """The hypothesis's name: the words before the colon of its text ('Rising'), else its key."""
        head, sep, _rest = self.hypotheses[hypothesis].partition(":")
        return head.strip() if sep and len(head) < 40 else hypothesis


@dataclass(frozen=True)
class Scheduled:
    """An event the plan knows is coming, with the source that says so: the brief names it, as data, not as news."""

    when: str
    """ISO, as precise as known: '2027', '2027-10' or '2027-10-11'."""
    what: str
    """A clause: 'a presidential election is due, seven years after that of 11 October 2020'."""
    source: tuple[tuple[str, str], ...]
    """The source's fields: url, publisher, title, published_at, reliability."""
    questions: tuple[str, ...] = ()
    """The questions it bears on (ids)."""

    def source_id(self) -> str:
        return "plan:" + dict(self.source)["url"]


@dataclass(frozen=True)
class WatchPlan:
    country: str
    questions: tuple[Question, ...]
    state_media: tuple[str, ...] = ()
    """Publishers owned or run by a state, as the sources name them: a brief marks them in its source list."""
    horizon: str = ""
    """The last day the judgments look to (ISO); '' for twelve months from the evidence cut-off."""
    horizon_why: str = ""
    """Why the horizon ends there, as a clause ('past the presidential election due in 2027')."""
    scheduled: tuple[Scheduled, ...] = ()


def _fail(path: Path, where: str, message: str) -> InputError:
    return InputError(f"{path.name}, {where}: {message}",
                      hint="fix the watch plan (format in docs/indicators.md); nothing was read")


def _indicator(obj: Any, path: Path, where: str, hypotheses: dict[str, str]) -> Indicator:
    if not isinstance(obj, dict) or not isinstance(obj.get("name"), str):
        raise _fail(path, where, "an indicator needs a 'name'")
    where = f"{where}, indicator {obj['name']!r}"
    if obj.get("hypothesis") not in hypotheses:
        raise _fail(path, where, f"field 'hypothesis' must be one of {', '.join(sorted(hypotheses))}")
    if obj.get("window") not in WINDOWS:
        raise _fail(path, where, f"field 'window' must be one of {', '.join(WINDOWS)}")
    if obj.get("operator") not in OPERATORS:
        raise _fail(path, where, f"field 'operator' must be one of {' '.join(OPERATORS)}")
    if not isinstance(obj.get("threshold"), int | float) or isinstance(obj.get("threshold"), bool):
        raise _fail(path, where, "field 'threshold' must be a number")
    if obj.get("where", "any") not in WHERE:
        raise _fail(path, where, f"field 'where' must be one of {', '.join(WHERE)}")
    if obj.get("absence", "evidence") not in ("evidence", "silence"):
        raise _fail(path, where, "field 'absence' is 'evidence' (the default) or 'silence'")
    if not obj.get("types") and not obj.get("measure") and not obj.get("figure"):
        raise _fail(path, where, "give 'types' (events to count), 'measure' (a figure to follow) or 'figure' (one of "
                                 "the plan's series figures, read a year at a time)")
    says = obj.get("says", {})
    if not isinstance(says, dict) or not set(says) <= {"met", "not met"} or \
            not all(isinstance(v, str) for v in says.values()):
        raise _fail(path, where, "field 'says' maps 'met' and 'not met' to words")
    level, why = _diagnosticity(obj.get("diagnosticity", "high"), path, where)
    return Indicator(name=obj["name"], hypothesis=obj["hypothesis"], window=obj["window"],
                     operator=obj["operator"], threshold=float(obj["threshold"]),
                     types=tuple(obj.get("types", ())), countries=tuple(obj.get("countries", ())),
                     where=obj.get("where", "any"), measure=obj.get("measure"), series=obj.get("series"),
                     figure=obj.get("figure"), says=tuple(sorted(says.items())), diagnosticity=level, why=why,
                     mentions=_words(obj, "mentions", path, where),
                     not_mentions=_words(obj, "not_mentions", path, where),
                     not_countries=_words(obj, "not_countries", path, where),
                     not_in=_words(obj, "not_in", path, where),
                     counts=str(obj.get("counts", "")).strip().rstrip("."),
                     change=bool(obj.get("change", False)), episode_days=_days(obj, path, where),
                     types_if=_types_if(obj, path, where),
                     countries_named=_words(obj, "countries_named", path, where),
                     silence=obj.get("absence") == "silence", each_account=bool(obj.get("each_account", False)))


def _types_if(obj: dict[str, Any], path: Path, where: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """{type: [words]}: a type counted only when its summary says one of the words."""
    value = obj.get("types_if", {})
    if not isinstance(value, dict) or not all(isinstance(v, list) and v and all(isinstance(w, str) and w for w in v)
                                              for v in value.values()):
        raise _fail(path, where, "field 'types_if' maps an event type to a list of words")
    return tuple((t, tuple(v)) for t, v in sorted(value.items()))


def _days(obj: dict[str, Any], path: Path, where: str) -> int:
    value = obj.get("episode_days", 0)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise _fail(path, where, "field 'episode_days' is a whole number of days")
    return value


def _words(obj: dict[str, Any], key: str, path: Path, where: str) -> tuple[str, ...]:
    value = obj.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _fail(path, where, f"field {key!r} is a list of words")
    return tuple(value)


def _diagnosticity(value: Any, path: Path, where: str) -> tuple[str, str]:
    """'low', or {"level": "low", "why": "…"}: the level and the reason it is not high."""
    if isinstance(value, str):
        value = {"level": value}
    if not isinstance(value, dict) or value.get("level") not in DIAGNOSTICITY or \
            not isinstance(value.get("why", ""), str) or not set(value) <= {"level", "why"}:
        raise _fail(path, where, f"field 'diagnosticity' is one of {', '.join(DIAGNOSTICITY)}, or "
                                 "{\"level\": …, \"why\": \"…\"}")
    return value["level"], value.get("why", "").strip().rstrip(".")


def _test(q: dict[str, Any], path: Path, indicators: tuple[Indicator, ...]) -> tuple[str, str]:
    """The optional {"signpost": name, "holds": "met"}: which signpost tests the linchpin assumption, and how."""
    value = q.get("assumption_test")
    if value is None:
        return "", ""
    if not isinstance(value, dict) or value.get("signpost") not in {i.name for i in indicators} \
            or value.get("holds") not in ("met", "not met"):
        raise _fail(path, f"question {q['id']!r}", "field 'assumption_test' is {\"signpost\": one of the question's "
                                                   "indicators, \"holds\": \"met\" or \"not met\"}")
    return str(value["signpost"]), str(value["holds"])


def _per_hypothesis(q: dict[str, Any], key: str, path: Path, hypotheses: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """An optional map from hypothesis to a clause; a key that is no hypothesis of the question is a mistake."""
    value = q.get(key, {})
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise _fail(path, f"question {q['id']!r}", f"field {key!r} maps hypotheses to clauses")
    unknown = set(value) - set(hypotheses)
    if unknown:
        raise _fail(path, f"question {q['id']!r}", f"field {key!r} names no hypothesis {', '.join(sorted(unknown))}")
    return tuple((h, value[h]) for h in hypotheses if h in value)


def load_plan(path: Path) -> WatchPlan:
    """Read and validate a watch plan; a mistake names the file, the question or indicator and the field."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _fail(path, "whole file", f"not a readable JSON file ({exc})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("country"), str) or not data.get("questions"):
        raise _fail(path, "top level", "needs 'country' (ISO3) and a list of 'questions'")
    questions = []
    for n, q in enumerate(data["questions"], 1):
        if not isinstance(q, dict) or not q.get("id") or not q.get("question") or not q.get("hypotheses"):
            raise _fail(path, f"question {n}", "needs 'id', 'question' and 'hypotheses'")
        hypotheses = dict(q["hypotheses"])
        indicators = tuple(_indicator(i, path, f"question {q['id']!r}", hypotheses) for i in q.get("indicators", ()))
        questions.append(Question(id=q["id"], question=q["question"], hypotheses=hypotheses, indicators=indicators,
                                  short=str(q.get("short", "")),
                                  answers=_per_hypothesis(q, "answers", path, hypotheses),
                                  forecasts=_per_hypothesis(q, "forecasts", path, hypotheses),
                                  assumption=str(q.get("assumption", "")),
                                  test=_test(q, path, indicators),
                                  implications=_per_hypothesis(q, "implications", path, hypotheses),
                                  cross_cutting=bool(q.get("cross_cutting", False)),
                                  bears_on=_bears_on(q, path, hypotheses),
                                  rivals=_per_hypothesis(q, "rivals", path, hypotheses),
                                  plain=_per_hypothesis(q, "plain", path, hypotheses),
                                  outcomes=bool(q.get("outcomes", False)),
                                  proposition=_proposition(q, path, indicators),
                                  low_probability_high_impact=_sentence(q, "low_probability_high_impact", path)))
    media = data.get("state_media", [])
    if not isinstance(media, list) or not all(isinstance(m, str) for m in media):
        raise _fail(path, "top level", "field 'state_media' is a list of publishers")
    ids = {q.id for q in questions}
    for q in questions:
        unknown = {i for _h, i, _c in q.bears_on} - ids
        if unknown:
            raise _fail(path, f"question {q.id!r}", f"field 'bears_on' names no question {', '.join(sorted(unknown))}")
    horizon = data.get("horizon", {})
    if not isinstance(horizon, dict) or not isinstance(horizon.get("through", ""), str) \
            or not re.fullmatch(r"(\d{4}-\d{2}-\d{2})?", horizon.get("through", "")):
        raise _fail(path, "top level", "field 'horizon' is {\"through\": \"YYYY-MM-DD\", \"why\": \"…\"}")
    return WatchPlan(country=data["country"], questions=tuple(_with_figures(questions, path)),
                     state_media=tuple(media), horizon=str(horizon.get("through", "")),
                     horizon_why=str(horizon.get("why", "")).strip().rstrip("."),
                     scheduled=_scheduled(data.get("scheduled", []), path, ids))


def _proposition(q: dict[str, Any], path: Path, indicators: tuple[Indicator, ...]) -> Proposition | None:
    """The optional {"claim", "term", "rests_on": [{"signpost", "status"}], "why", "label", "plain", "so_what",
    "rival", "holds_level"}."""
    value = q.get("proposition")
    if value is None:
        return None
    names = {i.name for i in indicators}
    rests = value.get("rests_on") if isinstance(value, dict) else None
    if not isinstance(value, dict) or value.get("term") not in LIKELIHOODS or not isinstance(rests, list) or not rests \
            or not all(isinstance(r, dict) and r.get("signpost") in names and r.get("status") in ("met", "not met")
                       for r in rests) \
            or not all(isinstance(value.get(k, ""), str) for k in ("claim", "why", "label", "plain", "so_what")) \
            or not value.get("claim") or not value.get("why") or not isinstance(value.get("holds_level", False), bool) \
            or value.get("rival", "") not in ("", *q.get("hypotheses", {})):
        raise _fail(path, f"question {q['id']!r}", "field 'proposition' needs a 'claim', a 'term' (an ICD 203 term), "
                                                   "a 'why', an optional 'rival' (a hypothesis) and 'rests_on', a "
                                                   "list of {\"signpost\": one of the question's indicators, "
                                                   "\"status\": \"met\" or \"not met\"}")
    return Proposition(claim=value["claim"].strip().rstrip("."), term=value["term"],
                       rests_on=tuple((r["signpost"], r["status"]) for r in rests),
                       why=value["why"].strip().rstrip("."), label=value.get("label", "").strip(),
                       plain=value.get("plain", "").strip().rstrip("."),
                       so_what=value.get("so_what", "").strip().rstrip("."), rival=value.get("rival", ""),
                       holds_level=value.get("holds_level", False))


def _sentence(q: dict[str, Any], key: str, path: Path) -> str:
    """An optional one-sentence string field of a question."""
    value = q.get(key, "")
    if not isinstance(value, str):
        raise _fail(path, f"question {q['id']!r}", f"field {key!r} is one sentence")
    return value.strip()


def _bears_on(q: dict[str, Any], path: Path, hypotheses: dict[str, str]) -> tuple[tuple[str, str, str], ...]:
    """{hypothesis: {question id: clause}}: what each answer, if it leads, means for the plan's other questions."""
    value = q.get("bears_on", {})
    if not isinstance(value, dict) or not set(value) <= set(hypotheses) or not all(
            isinstance(m, dict) and all(isinstance(c, str) for c in m.values()) for m in value.values()):
        raise _fail(path, f"question {q['id']!r}", "field 'bears_on' maps hypotheses to {question id: clause}")
    return tuple((h, k, c.strip().rstrip(".")) for h, m in value.items() for k, c in m.items())


SOURCE_FIELDS = ("url", "publisher", "title", "published_at", "reliability")


def _scheduled(value: Any, path: Path, ids: set[str]) -> tuple[Scheduled, ...]:
    """The plan's coming events, each with its date, a clause and the source that announces it."""
    if not isinstance(value, list):
        raise _fail(path, "top level", "field 'scheduled' is a list of events")
    out = []
    for n, item in enumerate(value, 1):
        where = f"scheduled event {n}"
        if not isinstance(item, dict) or not re.fullmatch(r"\d{4}(-\d{2}){0,2}", str(item.get("when", ""))) \
                or not isinstance(item.get("what"), str) or not isinstance(item.get("source"), dict):
            raise _fail(path, where, "needs 'when' (YYYY, YYYY-MM or YYYY-MM-DD), 'what' and a 'source'")
        source = item["source"]
        if not str(source.get("url", "")).startswith(("http://", "https://")) \
                or not all(isinstance(source.get(k, ""), str) for k in SOURCE_FIELDS):
            raise _fail(path, where, f"its 'source' needs a 'url', and may give {', '.join(SOURCE_FIELDS[1:])}")
        questions = tuple(item.get("questions", ()))
        if not set(questions) <= ids:
            raise _fail(path, where, "field 'questions' names a question the plan does not ask")
        out.append(Scheduled(str(item["when"]), item["what"].strip().rstrip("."),
                             tuple((k, str(source[k])) for k in SOURCE_FIELDS if source.get(k)), questions))
    return tuple(out)


def _with_figures(questions: list[Question], path: Path) -> list[Question]:
    """Each indicator that reads a figure gets the figure's spec; a name that is no series figure is a mistake."""
    if not any(i.figure for q in questions for i in q.indicators):
        return questions
    from watchfloor.analyse.argument_specs import load_specs

    specs = {s.name: s for s in load_specs(path) if s.kind == "series"}
    out = []
    for q in questions:
        for i in q.indicators:
            if i.figure and i.figure not in specs:
                raise _fail(path, f"question {q.id!r}, indicator {i.name!r}",
                            f"field 'figure' names no series figure of the plan ({', '.join(sorted(specs)) or 'none'})")
        out.append(replace(q, indicators=tuple(replace(i, spec=specs[i.figure]) if i.figure else i
                                               for i in q.indicators)))
    return out


def bundled_plan(iso3: str) -> WatchPlan:
    """The watch plan bundled for a country, or NotFound naming the countries that have one."""
    base = resources.files("watchfloor").joinpath("data", "countries")
    path = Path(str(base.joinpath(iso3, "watchplan.json")))
    if not path.is_file():
        have = sorted(p.name for p in base.iterdir() if p.joinpath("watchplan.json").is_file())
        raise NotFound(f"no watch plan for {iso3}",
                       hint=f"bundled plans: {', '.join(have) or 'none'}; or pass --plan FILE")
    return load_plan(path)
