"""Small helpers for the importer tests: snapshots of the store and fixture paths."""

from __future__ import annotations

from pathlib import Path

from watchfloor.store import Store

HERE = Path(__file__).resolve().parents[1] / "data" / "ingest"
ACLED = HERE / "acled_tajikistan.csv"
GTD = HERE / "gtd_tajikistan.csv"

TABLES = ("source", "document", "passage", "event", "event_actor", "event_source", "observation", "entity")


def snapshot(store: Store) -> dict[str, int]:
    """Row counts of every table an import writes to: equal snapshots mean an unchanged store."""
    return {t: int(store.scalar(f"SELECT count(*) FROM {t}")) for t in TABLES}


def tiny_pdf(lines: list[str], title: str = "") -> bytes:
    """A valid one-page PDF holding `lines` as text (Helvetica), built by hand so tests need no PDF writer."""
    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    body = "BT /F1 12 Tf 72 720 Td 16 TL " + " ".join(f"({esc(t)}) Tj T*" for t in lines) + " ET"
    info = f"<< /Title ({esc(title)}) /Author (Test Desk) /CreationDate (D:20240322120000Z) >>" if title else "<< >>"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(body)} >>\nstream\n{body}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        info,
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
