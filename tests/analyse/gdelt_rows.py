"""GDELT 2.0 event rows in the real 61-column layout, and a loader for tests of the bilateral trend.

The loader uses the GDELT importer when it exists (watchfloor.ingest.gdelt); until then it writes the
same columns the importer fills (dataset 'gdelt', actor1_iso3, actor2_iso3, goldstein, tone, mentions)
with plain SQL, so the analysis is tested on the real layout either way.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
from pathlib import Path

from watchfloor.store import Store


def line(gid: int, sqldate: str, a1: str, a2: str, goldstein: float, mentions: int, tone: float,
         root: str = "04") -> str:
    cols = [""] * 61
    cols[0], cols[1], cols[2], cols[3] = str(gid), sqldate, sqldate[:6], sqldate[:4]
    cols[4] = f"{int(sqldate[:4]) + (int(sqldate[4:6]) - 1) / 12:.4f}"
    cols[5], cols[6], cols[7] = a1, f"{a1} ACTOR", a1
    cols[15], cols[16], cols[17] = a2, f"{a2} ACTOR", a2
    cols[25], cols[26], cols[27], cols[28], cols[29] = "1", f"{root}2", f"{root}2", root, "1"
    cols[30], cols[31], cols[32], cols[33], cols[34] = f"{goldstein}", str(mentions), "1", str(mentions), f"{tone}"
    cols[59], cols[60] = sqldate + "120000", f"https://example.org/news/{gid}"
    return "\t".join(cols)


def load(store: Store, path: Path) -> None:
    if importlib.util.find_spec("watchfloor.ingest.gdelt") is not None:
        from watchfloor.ingest import ImportOptions, import_path

        import_path(store, path, ImportOptions(format="gdelt", quiet=True))
        return
    rows = []
    with path.open(encoding="utf-8") as f:
        for r in csv.reader(f, delimiter="\t"):
            date = dt.date(int(r[1][:4]), int(r[1][4:6]), int(r[1][6:8]))
            countries = [c for c in (r[7], r[17]) if c]
            rows.append((f"gdelt-{r[0]}", "gdelt", date, "day", r[26], r[7] or None, countries, f"GDELT event {r[0]}",
                         r[7] or None, r[17] or None, float(r[30]) if r[30] else None,
                         float(r[34]) if r[34] else None, int(r[31]) if r[31] else None, r[60]))
    with store.transaction() as con:
        con.executemany("INSERT INTO event (id, dataset, date, date_precision, type, country_iso3, countries, summary, "
                        "actor1_iso3, actor2_iso3, goldstein, tone, mentions, source_url) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
