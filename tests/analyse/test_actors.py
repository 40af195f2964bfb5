"""The actor graph on the bundled pack: typed relations with China, Russia and the United States."""

import io

import networkx as nx

from watchfloor.analyse.actors import actor_graph, graph_to_dict, to_graphml
from watchfloor.analyse.relations import derive
from watchfloor.analyse.timeline import Period
from watchfloor.dates import parse_bound


def _typed(d):
    return {(e["source"], e["type"], e["target"]): e for e in d["edges"] if e["type"] != "co_occurs"}


def test_tajikistan_graph_names_the_three_powers_with_typed_relations(demo_db):
    d = graph_to_dict(actor_graph(demo_db, "TJK"))
    names = {n["name"] for n in d["nodes"]}
    assert {"China", "Russia", "United States", "Tajikistan"} <= names
    typed = _typed(d)
    debt = typed[("country:TJK", "owes_debt_to", "country:CHN")]
    assert debt["unit"] == "USD bn" and debt["weight"] >= 4 and debt["sources"] >= 1 and debt["events"]
    assert ("country:TJK", "hosts_base_of", "country:RUS") in typed
    assert ("country:TJK", "hosts_base_of", "country:CHN") in typed
    assert ("country:USA", "arrested_nationals_of", "country:TJK") in typed
    assert ("country:RUS", "deported_nationals_of", "country:TJK") in typed
    assert ("group:islamic-state-khorasan-province", "attacked", "country:RUS") in typed
    member = [k for k in typed if k[1] == "member_of" and k[0] == "country:TJK"]
    assert member, "Tajikistan is a member of the CSTO in the pack"
    co = [e for e in d["edges"] if e["type"] == "co_occurs"]
    assert all(e["weight"] == len(e["events"]) for e in co)


def test_period_limits_the_graph(demo_db):
    g = actor_graph(demo_db, "TJK", Period(parse_bound("2024-06"), parse_bound("2024-06")))
    d = graph_to_dict(g)
    assert ("country:USA", "arrested_nationals_of", "country:TJK") in _typed(d)
    assert not any(k[1] == "hosts_base_of" for k in _typed(d))


def test_graphml_parses(demo_db):
    text = to_graphml(actor_graph(demo_db, "TJK", Period(parse_bound("2024"), parse_bound("2024"))))
    g = nx.read_graphml(io.StringIO(text))
    assert g.nodes["country:CHN"]["name"] == "China"
    assert any(d.get("type") == "attacked" for _, _, d in g.edges(data=True))


def test_relation_rules():
    event = {"id": "e1", "date": "2024-03-22", "type": "attack", "country_iso3": "RUS", "countries": ["RUS", "TJK"],
             "counts": None}
    actors = [{"entity_id": "group:iskp", "name": "ISKP", "kind": "armed_group", "iso3": None},
              {"entity_id": "group:taliban", "name": "Taliban", "kind": "armed_group", "iso3": None}]
    rels = derive(event, actors, ["s1"])
    assert [(r.subject, r.predicate, r.object) for r in rels] == [("group:iskp", "attacked", "country:RUS")]
    debt = {"id": "e2", "date": "2025-01-01", "type": "debt_figure", "country_iso3": "TJK", "countries": ["TJK"],
            "counts": '{"owed_to_china_usd_m": 820, "external_debt_usd_bn": 3.2}'}
    (r,) = derive(debt, [], ["s2"])
    assert (r.subject, r.predicate, r.object, r.value, r.unit) == ("country:TJK", "owes_debt_to", "country:CHN",
                                                                   0.82, "USD bn")
