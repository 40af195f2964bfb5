"""The figures and tables a key judgment argues with: the plan's figure specs drawn from the store, each under its
question with a caption that cites what it draws and says where the data are thin.

Drawing is `watchfloor.analyse`'s (series_chart, incident_map, outcome_table); this module only chooses the words and
the citations. A figure with nothing to draw is left out, not drawn empty: the brief shows what the store supports.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from watchfloor.analyse.argument_specs import FigureSpec
from watchfloor.brief.evidence import Evidence
from watchfloor.brief.integrations import strip_xml_prolog
from watchfloor.brief.model import Figure, Row, Sentence, Table
from watchfloor.brief.text import fmt_number, join, number_word
from watchfloor.store import Store

if TYPE_CHECKING:
    from watchfloor.analyse.incident_map import Incident
    from watchfloor.analyse.series_chart import Point, Series  # imported when read: it brings matplotlib

log = logging.getLogger(__name__)

THIN = 4
"""A series with fewer points than this is called thin in its caption."""


@dataclass(eq=False)
class Exhibit:
    """A figure or a table placed under the judgment it supports, with its cited caption."""

    name: str
    caption: Sentence
    figure: Figure | None = None
    table: Table | None = None


def build(store: Store, ev: Evidence, specs: list[FigureSpec], period_label: str) -> dict[str, list[Exhibit]]:
    """Question id → its exhibits, in the plan's order. A figure that fails to draw is logged and left out: a broken
    figure must not cost the analyst the brief."""
    out: dict[str, list[Exhibit]] = {}
    for spec in specs:
        try:
            made = _make(store, ev, spec, period_label)
        except Exception as exc:  # noqa: BLE001 - any drawing failure costs the figure, not the brief
            log.warning("figure %s could not be drawn: %s", spec.name, exc)
            continue
        if made is not None:
            out.setdefault(spec.question, []).append(made)
    kinds = {(s.question, s.name): s for s in specs}
    for question, made_for in out.items():
        timeline = next((x for x in made_for if kinds[(question, x.name)].kind == "timeline"), None)
        if timeline is None:
            continue
        for m in (x for x in made_for if kinds[(question, x.name)].kind == "map"):
            reconcile(store, timeline, kinds[(question, timeline.name)], m)
    return out


def reconcile(store: Store, timeline: Exhibit, spec: FigureSpec, shown: Exhibit) -> None:
    """The map's caption says how its incidents differ from the timeline's of the same question, over the same
    period, and why (the eighth review found a timeline of four incidents beside a map of seven, unexplained): the
    ones the timeline leaves out, a kind it does not count or a report its filter's words do not match, and the ones
    it draws that the map does not (too far from the border). Said in the caption, which both figures' readers see."""
    drawn, mapped = list(timeline.caption.events), list(shown.caption.events)
    extra = [e for e in mapped if e not in drawn]
    missing = [e for e in drawn if e not in mapped]
    if not extra and not missing:
        shown.caption.text += "; the timeline above draws the same incidents"
        shown.caption.template = shown.caption.text
        if shown.figure is not None:
            shown.figure.caption = shown.caption.text
        return
    rows = {r["id"]: r for r in store.query("SELECT id, type, date, date_precision FROM event WHERE id IN "
                                            "(SELECT unnest(?))", [extra + missing])}

    def name(e: str) -> str:
        from watchfloor.dates import from_parts

        r = rows[e]
        return f"the {r['type'].replace('_', ' ')} of {from_parts(r['date'], r['date_precision']).human()}"

    kinds = [e for e in extra if e in rows and spec.events.types and rows[e]["type"] not in spec.events.types]
    words = [e for e in extra if e in rows and e not in kinds]
    parts = [f"the timeline above counts {number_word(len(mapped) - len(extra))} of them over the same period"]
    if kinds:
        parts.append(f"{join(name(e) for e in kinds)} {'is' if len(kinds) == 1 else 'are'} of a kind it does not "
                     "count")
    if words:
        parts.append(f"{join(name(e) for e in words)} {'is' if len(words) == 1 else 'are'} left out by its filter "
                     f"(a report naming {join(spec.events.mentions, 'or')})" if spec.events.mentions else
                     f"{join(name(e) for e in words)} {'is' if len(words) == 1 else 'are'} left out by its filter")
    if [e for e in missing if e in rows]:
        parts.append(f"it also draws {join(name(e) for e in missing if e in rows)}, which the map leaves out, "
                     "further from the border than the map reaches")
    shown.caption.text += "; " + "; ".join(parts)
    shown.caption.template = shown.caption.text
    if shown.figure is not None:
        shown.figure.caption = shown.caption.text


def _make(store: Store, ev: Evidence, spec: FigureSpec, period_label: str) -> Exhibit | None:
    until = ev.end.end
    since = ev.start.start if spec.span == "period" else None
    if spec.kind == "series":
        return _series(store, ev, spec, until, since)
    if spec.kind == "map":
        return _map(store, ev, spec, until, period_label)
    if spec.kind == "timeline":
        return _timeline(store, ev, spec, until, since)
    return _table(store, ev, spec, until, since)


def _timeline(store: Store, ev: Evidence, spec: FigureSpec, until: dt.date, since: dt.date | None) -> Exhibit | None:
    from watchfloor.analyse.incident_timeline import build_timeline, read_moments

    moments = read_moments(store, spec, ev.iso3, until, since)
    if not moments:
        return None
    n = len(moments)
    first, last = moments[0].day.year, moments[-1].day.year
    # a figure of the period names the period, not the years its incidents happen to fall in (the eighth review read
    # '2025: four incidents' beside a map of January 2025 to April 2026 as a different count)
    span = (str(first) if first == last else f"{first} to {last}") if since is None else \
        period_words(since, until)
    notes = [f"{number_word(n)} incident{'' if n == 1 else 's'}, each on the date it happened, not the date it was "
             "reported"]
    marked = sum(m.marked for m in moments)
    if marked and spec.mark_label:
        notes.append(f"{number_word(marked)} {spec.mark_label}, as diamonds")
    vague = [m for m in moments if len(m.when.split()) < 3]
    if vague:
        middle = "month" if len(vague[0].when.split()) == 2 else "year"
        notes.append(join(f"the {m.type.replace('_', ' ')} of {m.when}" for m in vague)
                     + f" {'is' if len(vague) == 1 else 'are'} drawn mid-{middle}")
    fig, left_out = build_timeline(moments, spec, spec.title, (since, until) if since is not None else None)
    if left_out:
        labels = f"{number_word(left_out)} label{'' if left_out == 1 else 's'}"
        notes.append(f"{labels} left out for want of room, the newest placed first")
    ids = [m.id for m in moments]
    cited = sources_of(store, ev, ids)
    if not cited:
        return None
    text = f"{spec.title}, {span}: " + "; ".join(notes)
    return Exhibit(spec.name, Sentence(text, cited, tuple(ids)), figure=Figure(spec.name, text, _svg(fig)))


def period_words(since: dt.date, until: dt.date) -> str:
    """'January 2025 to 17 April 2026', 'January 2024 to December 2025': the period a figure reads, as the map's
    caption gives it."""
    start = since.strftime("%B %Y") if since.day == 1 else f"{since.day} {since.strftime('%B %Y')}"
    last = (until + dt.timedelta(days=1)).day == 1  # the last day of its month: the month names it
    end = until.strftime("%B %Y") if last else f"{until.day} {until.strftime('%B %Y')}"
    return f"{start} to {end}"


def sources_of(store: Store, ev: Evidence, events: list[str], extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The source ids behind some events (as the brief holds them, else from the store) and further sources, each
    made known to the brief's numbering."""
    out: list[str] = []
    missing = []
    for e in events:
        fact = ev.fact(e)
        if fact is not None:
            out += fact.source_ids
        else:
            missing.append(e)
    wanted = [*extra]
    if missing:
        wanted += [r["source_id"] for r in store.query(
            "SELECT es.event_id, es.source_id FROM event_source es JOIN source s ON s.id = es.source_id "
            "WHERE es.event_id IN (SELECT unnest(?)) ORDER BY es.event_id, s.reliability, s.id", [missing])]
    unknown = [s for s in wanted if s not in ev.sources]
    if unknown:
        from watchfloor.analyse.timeline import source_shape

        for r in store.query("SELECT * FROM source WHERE id IN (SELECT unnest(?)) ORDER BY id", [unknown]):
            ev.sources.setdefault(r["id"], source_shape(r))
    return tuple(dict.fromkeys([*out, *(s for s in wanted if s in ev.sources)]))


def _svg(fig: object) -> str:
    from watchfloor.analyse.figures import to_svg

    return strip_xml_prolog(to_svg(fig))  # type: ignore[arg-type]


def _series(store: Store, ev: Evidence, spec: FigureSpec, until: dt.date, since: dt.date | None) -> Exhibit | None:
    from watchfloor.analyse.series_chart import build_series_chart, disagreements, points_text, read_series

    series = read_series(store, spec, ev.iso3, until, since)
    drawn = [s for s in series if s.points]
    if not drawn:
        return None
    years = sorted({int(p.x) for s in drawn for p in s.points})
    span = str(years[0]) if years[0] == years[-1] else f"{years[0]} to {years[-1]}"
    notes = []
    for s in drawn:
        n = len({p.x for p in s.points})  # two reports of one date (competing values) are one date of data
        if n < THIN:
            notes.append(f"“{s.label}” rests on {number_word(n)} figure{'' if n == 1 else 's'} only "
                         f"({points_text(s.points)})")
    missing = [s.label for s in series if not s.points]
    if missing:
        notes.append(f"the collection holds nothing for {join(f'“{m}”' for m in missing)}")
    notes += [note for s in drawn if (note := _two_values(ev, s, spec.unit))]
    if spec.compare and len(drawn) > 1:
        differ = disagreements(drawn)
        notes.append(f"the sources disagree for {points_text(differ)}, marked by dotted lines" if differ
                     else "the sources agree wherever both give a figure")
        read_from = ev.start.value.year - 2  # the years the Competing Values annex lists for a series (competing.find)
        if any(int(p.x) < read_from for p in differ):
            notes.append(f"the Competing Values annex lists those from {read_from} on, the years the judgments read")
    if spec.style == "lines" and any(p.annual for s in drawn for p in s.points):  # bars fill their year
        notes.append("a figure for a whole year is drawn mid-year")
    events = [e for s in drawn for e in s.events]
    extra = tuple(src for s in drawn for src in s.sources if not s.events)
    cited = sources_of(store, ev, events, extra)
    if not cited:
        return None
    text = f"{spec.title}, {span}" + (": " + "; ".join(notes) if notes else "")
    figure = Figure(spec.name, text, _svg(build_series_chart(series, spec, spec.title)))
    return Exhibit(spec.name, Sentence(text, cited, tuple(dict.fromkeys(events))), figure=figure)


def _two_values(ev: Evidence, series: Series, unit: str) -> str:
    """Where one series holds two reports' values for one date more than 2% apart, both with who gives them: the
    figure draws a disagreement, and its caption must say so."""
    from watchfloor.analyse.series_chart import DISAGREE, QUALIFIER_WORDS, points_text

    by_x: dict[float, list[Point]] = {}
    for p in series.points:
        by_x.setdefault(p.x, []).append(p)
    parts = []
    for pts in by_x.values():
        top = max(p.value for p in pts)
        if len(pts) > 1 and top - min(p.value for p in pts) > DISAGREE * top:
            parts.append(f"for {points_text(pts[:1])}: " + join(
                f"{QUALIFIER_WORDS.get(p.qualifier, '')}{with_unit(p.value, unit)} according to {_publisher(ev, p)}"
                for p in pts))
    return f"the reports behind “{series.label}” differ {'; '.join(parts)}" if parts else ""


def with_unit(v: float, unit: str) -> str:
    """A figure's value as a caption writes it: '31% of GDP', '$0.82bn', '11,000'."""
    if unit.startswith("%"):
        return f"{fmt_number(v)}{unit}"
    return f"${fmt_number(v)}bn" if unit == "US$ bn" else fmt_number(v)


def _publisher(ev: Evidence, p: Point) -> str:
    return str(ev.sources.get(p.sources[0], {}).get("publisher") or "one report") if p.sources else "one report"


def _map(store: Store, ev: Evidence, spec: FigureSpec, until: dt.date, period_label: str) -> Exhibit | None:
    from watchfloor.analyse.incident_map import build_incident_map, read_incidents

    incidents, unplaced = read_incidents(store, spec, ev.iso3, until, ev.start.start)
    if not incidents:
        return None
    listed = [i for i in unplaced if i.recent]  # the period's: named in the figure's list, marked not drawn
    n, drawn = len(incidents) + len(listed), len(incidents)
    recent = sum(i.recent for i in incidents) + len(listed)
    notes = [f"{number_word(n)} incident{'' if n == 1 else 's'}, numbered by date"
             + (f", the {number_word(recent)} of {period_label} in colour" if recent < n
                else f", all of {period_label}")]
    approx = sum(not i.exact for i in incidents)
    if approx:
        notes.append(f"{'all ' + number_word(approx) if approx == drawn else number_word(approx)} drawn hollow, at the "
                     "district, town or stretch of border their report names, not at the spot")
    kinds: dict[tuple[float, float], set[tuple[bool, bool]]] = {}
    for i in incidents:
        kinds.setdefault((round(i.lon or 0, 2), round(i.lat or 0, 2)), set()).add((i.recent, i.marked))
    if any(len(k) > 1 for k in kinds.values()):  # incident_map._groups: no marker hides one of another kind
        notes.append("incidents of different kinds at one place are drawn side by side, not at two places")
    if unplaced:
        # why each is not drawn, in its own words: a report that names only the country gives no place to draw;
        # one that names a place the map's list lacks (a district across the border) is another case
        countries = {str(r["name"]) for r in store.query("SELECT name FROM entity WHERE kind = 'country'")}
        whole = [i for i in unplaced if i.location.strip() in countries or not i.location.strip()]
        unknown = [i for i in unplaced if i not in whole]

        def which(items: list[Incident]) -> str:
            return join(f"the {i.type.replace('_', ' ')} of {i.when} ({i.location or 'no place given'})"
                        for i in items)

        listed_words = "listed beside the map but " if listed else ""
        if unknown:
            named = "the place its report names is" if len(unknown) == 1 else "the places their reports name are"
            notes.append(f"{which(unknown)} {'is' if len(unknown) == 1 else 'are'} {listed_words}not drawn, for "
                         f"{named} not on the map's list of places with coordinates")
        if whole:
            notes.append(f"{which(whole)} {'is' if len(whole) == 1 else 'are'} {listed_words}not drawn, for "
                         f"{'its report names' if len(whole) == 1 else 'their reports name'} no place finer than the "
                         "country")
    notes.append("the frame shows the whole shared border" if spec.near else "")
    ids = [i.id for i in incidents] + [i.id for i in unplaced]
    cited = sources_of(store, ev, ids)
    if not cited:
        return None
    text = f"{spec.title}: " + "; ".join(x for x in notes if x)
    svg = _svg(build_incident_map(incidents, spec, ev.iso3, spec.title, period_label, listed))
    return Exhibit(spec.name, Sentence(text, cited, tuple(ids)), figure=Figure(spec.name, text, svg))


def _table(store: Store, ev: Evidence, spec: FigureSpec, until: dt.date, since: dt.date | None) -> Exhibit | None:
    from watchfloor.analyse.outcome_table import outcome_table

    table = outcome_table(store, spec, ev.iso3, until, since)
    if not table.rows or table.first is None or table.last is None:
        return None
    rows = []
    yearly = any(r.year is not None for r in table.rows)
    for r in table.rows:
        cells = tuple(str(len(r.cells.get(o, []))) if r.cells.get(o) else "–" for o in table.outcomes)
        rows.append(Row(((str(r.year),) if yearly else ()) + (ev.country_name(r.country), *cells),
                        sources_of(store, ev, r.events)))
    span = str(table.first.year) if table.first.year == table.last.year else \
        f"{table.first.year} to {table.last.year}"
    # say plainly what is counted (the ninth review read 'Convicted 1' where one verdict jailed three people, and a
    # table of two years cited for a signpost of one)
    notes = ["each cell counts records, not people: one verdict on several defendants is one record, however many "
             "it convicts"]
    if (until - table.first).days > 366:
        notes.append(f"the table covers {period_words(table.first, until)}, more than the year to the cut-off, so "
                     "it also holds records from the year before")
    for _e, found in table.mixed:
        notes.append(f"one record that gives both {join(o for o in found)} counts once, as "
                     f"{found[0]}")
    if yearly:
        notes.append("a row per country and year of the records, a case closed later counted in its outcome's year")
    if table.closed:
        k = len(table.closed)
        notes.append(f"{number_word(k)} record{'' if k == 1 else 's'} once pending {'is' if k == 1 else 'are'} "
                     "counted at the outcome a later record of the same case gives (a verdict or deportation in the "
                     "same country naming the same person, court or place)")
    notes.append("a matter recorded twice without such a link (at an arrest and at its verdict, say) counts twice")
    if table.unclassified:
        k = len(table.unclassified)
        notes.append(f"{number_word(k)} more record{'' if k == 1 else 's'} name{'s' if k == 1 else ''} no outcome")
    events = [e for r in table.rows for e in r.events]
    text = f"{spec.title}, records of {span}: " + "; ".join(notes)
    caption = Sentence(text, sources_of(store, ev, events + table.unclassified), tuple(events))
    return Exhibit(spec.name, caption, table=Table((*(("Year",) if yearly else ()), "Country",
                                                    *(o.capitalize() for o in table.outcomes)), rows))
