"""A pack's sources.json: real titles, publishers, dates and canonical URLs in the source table, checked on import,
and fact ids that do not move (they hash the link the fact gives, not the canonical one)."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import FACTS, PACKAGE_DATA
from watchfloor.ingest import ImportOptions, import_paths
from watchfloor.ingest.sources import read_catalogue, source_id
from watchfloor.store import Store

MLI = PACKAGE_DATA / "countries" / "MLI"
TJK = PACKAGE_DATA / "countries" / "TJK"
LEGACY = (FACTS, PACKAGE_DATA / "tajikistan_more.jsonl")
TABLES = ("event", "event_source", "source", "import_log")
PUBLISHERS = json.loads((PACKAGE_DATA / "publishers.json").read_text(encoding="utf-8"))["publishers"]

CRISIS_BACKLASH = ("https://vlast.kz/english/59517-the-mass-murder-near-moscow-sparks-backlash-against-central-"
                   "asians-in-russia.html")
DRONE_CAMP = "https://www.globaltimes.cn/page/202511/1349271.shtml"
IRISH_MIRROR = ("https://irishtimes-irishtimes-prod.web.arc-cdn.net/world/asia-pacific/2024/04/21/islamic-state-"
                "terror-group-draws-half-its-recruits-from-tiny-tajikistan")
COUP_2012 = "http://www.abc.net.au/news/2012-03-23/mali-military-coup/3907750"
STAGING_HOST = ("https://stg-www.hindustantimes.com/india-news/5-indians-working-in-mali-kidnapped-amid-deepening-"
                "unrest-backed-by-al-qaeda-linked-group-101762578409621.html")

IDS_BEFORE = {
    CRISIS_BACKLASH: ["fact-372dbc340cf3d9ad"],
    DRONE_CAMP: ["fact-e84900cb1733b7ad"],
    IRISH_MIRROR: ["fact-f45119cd444d997b"],
    COUP_2012: ["fact-977e2848508f6410"],
    STAGING_HOST: ["fact-62e0cb865b92f1dd", "fact-806325f7fd42cdf0"],
}
"""Event ids of facts citing these links, as the store had them before the packs had a sources.json."""


def _links(*files: Path) -> set[str]:
    return {json.loads(line)["source_url"] for f in files for line in f.read_text(encoding="utf-8").splitlines()
            if line.strip()}


def _counts(path: Path) -> dict[str, int]:
    with Store.open(path, read_only=True) as store:
        return {t: int(store.scalar(f"SELECT count(*) FROM {t}")) for t in TABLES}


def _source(store: Store, link: str) -> dict:
    rows = store.query("SELECT title, publisher, url, CAST(published_at AS VARCHAR) AS published, reliability "
                       "FROM source WHERE id = ?", [source_id(link)])
    assert len(rows) == 1, link
    return rows[0]


@pytest.mark.parametrize(("catalogue", "facts"), [(TJK, LEGACY), (MLI, (MLI / "facts.jsonl",))],
                         ids=["TJK", "MLI"])
def test_every_link_of_a_bundled_pack_is_described_and_its_outlet_graded(catalogue: Path,
                                                                         facts: tuple[Path, ...]) -> None:
    described = read_catalogue(catalogue / "sources.json")
    assert set(described) == _links(*facts)
    for link, meta in described.items():
        assert meta.title.strip() and meta.publisher.strip()
        assert meta.title.casefold() != link.rstrip("/").rsplit("/", 1)[-1].casefold(), link
        for url in filter(None, (link, meta.canonical)):
            parts = url.split("/")[2].lower().split(".")
            assert any(".".join(parts[i:]) in PUBLISHERS for i in range(len(parts) - 1)), \
                f"{url}: its domain is not in publishers.json"


@pytest.fixture
def mali_store(db_path: Path) -> Path:
    with Store.open(db_path) as store:
        import_paths(store, [MLI], ImportOptions(quiet=True))
    return db_path


def test_titles_dates_and_canonical_urls_land_in_the_source_table(mali_store: Path) -> None:
    with Store.open(mali_store) as store:
        coup = _source(store, COUP_2012)
        assert coup == {"title": "Mali military coup", "publisher": "ABC (Australian Broadcasting Corporation)",
                        "url": COUP_2012, "published": "2012-03-23", "reliability": "B"}
        staged = _source(store, STAGING_HOST)
        assert staged["url"].startswith("https://www.hindustantimes.com/india-news/5-indians-working-in-mali")
        assert staged["publisher"] == "Hindustan Times" and staged["reliability"] == "C"
        described = read_catalogue(MLI / "sources.json")
        rows = store.query("SELECT id, title, CAST(published_at AS VARCHAR) AS published FROM source "
                           "WHERE kind = 'article'")
        by_id = {r["id"]: r for r in rows}
        for link, meta in described.items():
            assert by_id[source_id(link)]["title"] == meta.title
            assert by_id[source_id(link)]["published"] == meta.published
        dated = sum(1 for meta in described.values() if meta.published)
        assert dated >= 40 and store.scalar("SELECT count(published_at) FROM source WHERE kind = 'article'") == dated


def test_a_legacy_fact_file_takes_its_titles_from_the_bundled_pack(db_path: Path) -> None:
    with Store.open(db_path) as store:
        import_paths(store, list(LEGACY), ImportOptions(quiet=True))
        backlash = _source(store, CRISIS_BACKLASH)
        assert backlash["title"] == "The mass murder near Moscow sparks backlash against Central Asians in Russia"
        assert backlash["publisher"] == "Vlast.kz" and backlash["reliability"] == "C"
        drone = _source(store, DRONE_CAMP)
        assert drone["title"] != "1349271.shtml" and drone["publisher"] == "Global Times"
        mirror = _source(store, IRISH_MIRROR)
        assert mirror["url"].startswith("https://www.irishtimes.com/world/asia-pacific/2024/04/21/")
        assert mirror["published"] == "2024-04-21"
        assert not store.scalar("SELECT count(*) FROM source WHERE url LIKE '%arc-cdn.net%'")


def test_fact_ids_do_not_change(mali_store: Path) -> None:
    with Store.open(mali_store) as store:
        import_paths(store, list(LEGACY), ImportOptions(quiet=True))
        for link, ids in IDS_BEFORE.items():
            found = [r["event_id"] for r in store.query(
                "SELECT event_id FROM event_source WHERE source_id = ? ORDER BY event_id", [source_id(link)])]
            assert found == ids, link
        want = set()
        for f in (*LEGACY, MLI / "facts.jsonl"):
            for line in f.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    o = json.loads(line)
                    key = "|".join([o["date"], o["event_type"], o["summary"], o["source_url"]])
                    want.add("fact-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16])
        have = {r["id"] for r in store.query("SELECT id FROM event WHERE dataset = 'facts'")}
        assert have == want


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    return Path(shutil.copytree(MLI, tmp_path / "MLI"))


def _break(path: Path, old: str, new: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if COUP_2012 in line)


@pytest.mark.parametrize(("old", "new", "field", "says"), [
    ('"published": "2012-03-23"', '"published": "23/03/2012"', "published", "must be a date YYYY-MM-DD"),
    ('"published": "2012-03-23"', '"published": "2012-02-30"', "published", "must be a date YYYY-MM-DD"),
    ('{"title": "Mali military coup", ', '{', "title", "required field is missing"),
    ('"title": "Mali military coup"', '"title": 7', "title", "must be a string"),
    ('"title": "Mali military coup"', '"title": "  "', "title", "must not be empty"),
    ('"title": "Mali military coup"', '"titel": "Mali military coup"', "titel", "unknown field"),
    ('"published": "2012-03-23"}', '"published": "2012-03-23", "canonical": "abc.net.au/x"}', "canonical",
     "must be an http(s) link"),
    ('"published": "2012-03-23"}', '"published": "2012-03-23", "title_checked": "yes"}', "title_checked",
     "must be true or false"),
])
def test_a_bad_sources_json_is_refused_with_file_line_and_field(cli, db_path: Path, broken: Path, old: str,
                                                                new: str, field: str, says: str) -> None:
    Store.open(db_path).close()
    before = _counts(db_path)
    path = broken / "sources.json"
    line = _break(path, old, new)
    res = cli("--db", db_path, "import", broken, "--quiet")
    assert res.code == 2, res.out
    message = " ".join(res.err.split())
    assert f"{path}, line {line}, field {field!r}: link {COUP_2012}: {says}" in message, message
    assert "fix the pack's sources.json (format in docs/country-packs.md); nothing was imported" in message
    assert "Traceback" not in res.err
    assert _counts(db_path) == before


def test_a_sources_json_that_is_not_json_or_has_no_sources_is_refused(cli, db_path: Path, broken: Path) -> None:
    path = broken / "sources.json"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"sources": {', '"sources": {,', 1), encoding="utf-8")
    res = cli("--db", db_path, "import", broken, "--quiet")
    assert res.code == 2 and f"{path}, line 3: invalid JSON" in " ".join(res.err.split()), res.err
    path.write_text('{"about": "nothing"}', encoding="utf-8")
    res = cli("--db", db_path, "import", broken, "--quiet")
    assert res.code == 2 and "field 'sources'" in res.err, res.err


def test_a_bad_sources_json_beside_a_fact_file_refuses_the_file(cli, db_path: Path, tmp_path: Path) -> None:
    facts = tmp_path / "facts.jsonl"
    facts.write_text(json.dumps({"date": "2024-05-02", "event_type": "attack", "summary": "A post was attacked.",
                                 "source_url": "https://example.org/a"}) + "\n", encoding="utf-8")
    (tmp_path / "sources.json").write_text(json.dumps({"sources": {"https://example.org/a": {
        "title": "A post attacked", "publisher": "Example", "published": "May 2024"}}}), encoding="utf-8")
    res = cli("--db", db_path, "import", facts, "--quiet")
    assert res.code == 2 and "field 'published'" in res.err and "must be a date" in res.err, res.err
    (tmp_path / "sources.json").write_text(json.dumps({"sources": {"https://example.org/a": {
        "title": "A post attacked", "publisher": "Example", "published": "2024-05-03"}}}), encoding="utf-8")
    res = cli("--db", db_path, "import", facts, "--quiet")
    assert res.code == 0, res.err
    with Store.open(db_path, read_only=True) as store:
        assert _source(store, "https://example.org/a") == {
            "title": "A post attacked", "publisher": "Example", "url": "https://example.org/a",
            "published": "2024-05-03", "reliability": "F"}


def test_a_store_loaded_before_the_sources_json_catches_up(cli, mali_store: Path) -> None:
    with Store.open(mali_store) as store:
        store.con.execute("UPDATE source SET title = 'mali military coup', published_at = NULL, reliability = 'F' "
                          "WHERE id = ?", [source_id(COUP_2012)])
    res = cli("--db", mali_store, "import", MLI, "--quiet")
    assert res.code == 0 and "already imported" in res.out, res.err
    with Store.open(mali_store, read_only=True) as store:
        coup = _source(store, COUP_2012)
    assert (coup["title"], coup["published"], coup["reliability"]) == ("Mali military coup", "2012-03-23", "B")
