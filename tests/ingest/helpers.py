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
    return pdf_file([o.encode("latin-1") for o in objects], "/Root 1 0 R /Info 6 0 R")


def pdf_file(objects: list[bytes], trailer: str) -> bytes:
    """A PDF from its numbered objects (1, 2, …) and the trailer's entries besides /Size, with a correct xref."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} {trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _page_objects(content: bytes, *, compress: bool = False, pages: int = 1) -> list[bytes]:
    """Catalog, page tree, `pages` pages all drawing one content stream, and a font."""
    import zlib

    data = zlib.compress(content, 9) if compress else content
    stream, font = 3 + pages, 4 + pages
    kids = " ".join(f"{3 + i} 0 R" for i in range(pages))
    return [b"<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
            *[f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {stream} 0 R "
              f"/Resources << /Font << /F1 {font} 0 R >> >> >>".encode() for _ in range(pages)],
            f"<< /Length {len(data)}{' /Filter /FlateDecode' if compress else ''} >>\nstream\n".encode() + data
            + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]


def pdf_bomb(size: int, pages: int = 1) -> bytes:
    """A small PDF whose one content stream (drawn by every page) inflates to `size` bytes of blanks."""
    import zlib

    squeeze = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    data = b"".join(squeeze.compress(chunk) for _ in range(size // len(chunk))) + squeeze.flush()
    objects = _page_objects(b"", pages=pages)
    stream = 2 + pages
    objects[stream] = (f"<< /Length {len(data)} /Filter /FlateDecode >>\nstream\n".encode() + data
                       + b"\nendstream")
    return pdf_file(objects, "/Root 1 0 R")


def aes256_pdf() -> bytes:
    """A PDF encrypted with AES-256 (/V 5 /R 6) and the user password "pw".

    pypdf writes AES only when the `cryptography` package is installed, which watchfloor does not need; without
    it the file is built by hand with random keys, which no password opens (all a reader without it sees)."""
    import io
    import os

    from pypdf import PdfWriter
    from pypdf.errors import DependencyError

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    try:
        writer.encrypt("pw", algorithm="AES-256")
        buf = io.BytesIO()
        writer.write(buf)
        return buf.getvalue()
    except DependencyError:
        pass
    objects = _page_objects(b"BT /F1 12 Tf 72 720 Td (Secret) Tj ET")
    objects.append(("<< /Filter /Standard /V 5 /R 6 /Length 256 /P -1028 /EncryptMetadata true "
                    "/CF << /StdCF << /AuthEvent /DocOpen /CFM /AESV3 /Length 32 >> >> /StmF /StdCF /StrF /StdCF "
                    f"/O <{os.urandom(48).hex()}> /U <{os.urandom(48).hex()}> /OE <{os.urandom(32).hex()}> "
                    f"/UE <{os.urandom(32).hex()}> /Perms <{os.urandom(16).hex()}> >>").encode())
    file_id = os.urandom(16).hex()
    return pdf_file(objects, f"/Root 1 0 R /Encrypt {len(objects)} 0 R /ID [<{file_id}> <{file_id}>]")
