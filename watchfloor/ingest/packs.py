"""Country packs imported from a folder: `watchfloor import FOLDER` (format in docs/country-packs.md).

A pack folder holds facts.jsonl and the reference knowledge of its country (reference.json, aliases.json) and may
hold measures.json, watchplan.json and sources.json (what each fact's link is: title, publisher, date). Every file is
checked before anything is written, and a mistake names the file, the line and the field; then the names the store
lacks and the facts go in one transaction, so a bad pack leaves the store as it was. A bundled pack's names are in
every store already, so only its facts are new.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import duckdb

from watchfloor.errors import InputError
from watchfloor.ingest.base import ImportOptions, ImportResult, Progress, refused_write
from watchfloor.ingest.sources import CATALOGUE, read_catalogue, refresh_sources
from watchfloor.reference import Resolver, seed
from watchfloor.reference.catalogue import Pack, load_pack
from watchfloor.store import Store

FILES = ("facts.jsonl", "reference.json", "aliases.json", "measures.json", "watchplan.json", "sources.json")
"""Every file a pack folder may hold; a folder with none of the first three is not a pack."""
_HINT = "fix the country pack (format in docs/country-packs.md); nothing was imported"
_ENTRY = re.compile(r"^(?:[\w.]+, )?(entity|city|site|measure|question|indicator) (['\"])(.*?)\2")


def is_pack(path: Path) -> bool:
    return path.is_dir() and any((path / name).is_file() for name in FILES[:3])


def _line_of(text: str, pattern: str, start: int = 1) -> int | None:
    lines = text.splitlines()
    for n in range(start, len(lines) + 1):
        if re.search(pattern, lines[n - 1]):
            return n
    return None


def _located(exc: InputError, path: Path) -> InputError:
    """The error with the line of the entry it names ('entity "X"', 'question "q1"') and of its field, found in the
    file's text; the reference readers check the parsed JSON, which has no lines."""
    if exc.line is not None:
        return exc
    text = path.read_text(encoding="utf-8")
    message = exc.message.split(": ", 1)[1] if exc.file and exc.message.startswith(exc.file) else exc.message
    if exc.value is not None:
        message = message.rsplit(" (value: ", 1)[0]
    m = _ENTRY.match(message)
    line = None
    if m:
        key = "id" if m.group(1) == "question" else "name"
        line = _line_of(text, rf'"{key}"\s*:\s*{re.escape(json.dumps(m.group(3), ensure_ascii=False))}')
        if line is None:
            line = _line_of(text, re.escape(json.dumps(m.group(3), ensure_ascii=False)))
        if line is not None and exc.field and "/" not in exc.field:
            line = _line_of(text, rf'"{re.escape(exc.field)}"\s*:', line) or line
    return InputError(message, file=str(path), line=line, field=exc.field, value=exc.value, hint=_HINT)


def _json(path: Path) -> None:
    """A JSON file that does not parse, refused with the line of the mistake."""
    try:
        json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start + 1})", file=str(path), hint=_HINT) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg} at column {exc.colno}", file=str(path), line=exc.lineno,
                         hint=_HINT) from None


def _aliases(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise InputError("must be one object: canonical name → list of variant names", file=str(path), line=1,
                         hint=_HINT)
    text = path.read_text(encoding="utf-8")
    for name, variants in data.items():
        if not (isinstance(variants, list) and all(isinstance(v, str) and v.strip() for v in variants)):
            line = _line_of(text, rf"(?:^|[{{,])\s*{re.escape(json.dumps(name, ensure_ascii=False))}\s*:")
            raise InputError(f"{name!r} must map to a list of variant names", file=str(path), line=line, field=name,
                             value=variants, hint=_HINT)


def read_pack(folder: Path) -> Pack | None:
    """Check every file of a pack folder but its facts (the facts importer checks those line by line); its
    reference knowledge, or None when it has none (facts only)."""
    for name in FILES[1:]:
        if (folder / name).is_file():
            _json(folder / name)
    if (folder / "aliases.json").is_file():
        _aliases(folder / "aliases.json")
    if (folder / CATALOGUE).is_file():
        read_catalogue(folder / CATALOGUE)
    if (folder / "watchplan.json").is_file():
        from watchfloor.analyse.watchplan import load_plan

        try:
            load_plan(folder / "watchplan.json")
        except InputError as exc:
            raise _located(exc, folder / "watchplan.json") from None
    if not (folder / "reference.json").is_file():
        if (folder / "aliases.json").is_file() or (folder / "measures.json").is_file():
            raise InputError("a pack's aliases and measures need its reference.json, which says what each name is",
                             file=str(folder / "reference.json"), hint=_HINT)
        return None
    try:
        pack = load_pack(folder)
    except InputError as exc:
        raise _located(exc, Path(exc.file) if exc.file else folder / "reference.json") from None
    if re.fullmatch(r"[A-Z]{3}", folder.name) and folder.name != pack.iso3:
        path = folder / "reference.json"
        raise InputError(f"the folder is named {folder.name} but the pack is for {pack.iso3}", file=str(path),
                         line=_line_of(path.read_text(encoding="utf-8"), r'"iso3"\s*:'), field="iso3",
                         value=pack.iso3, hint=_HINT)
    return pack


def import_pack(store: Store, folder: Path, options: ImportOptions, progress: Progress | None = None
                ) -> list[ImportResult]:
    """Import a pack folder: its names the store lacks, then its facts, in one transaction."""
    from watchfloor.ingest import import_path

    if not is_pack(folder):
        raise InputError("is a folder but not a country pack: it holds no facts.jsonl, reference.json or "
                         "aliases.json", file=str(folder), hint="name the files inside it, or a pack folder")
    pack = read_pack(folder)
    facts = folder / "facts.jsonl"
    seed.prepare(store)
    results = []
    try:
        with store.transaction() as con:
            if pack is not None:
                entities, aliases = seed.add_pack(con, pack)
                results.append(ImportResult(path=str(folder / "reference.json"), format="reference", added=entities,
                                            rows_read=len(pack.entries) + len(pack.sites) + len(pack.cities),
                                            note=f"{aliases} new names" if aliases else "names known already"))
            if facts.is_file():
                result = import_path(store, facts, replace(options, format="facts"), Resolver(store), progress,
                                     within=True)
                if result.unchanged and (folder / CATALOGUE).is_file():
                    n = refresh_sources(con, read_catalogue(folder / CATALOGUE), reliability=options.reliability)
                    if n:
                        result.note += f"; {n} sources' titles and dates updated from {CATALOGUE}"
                results.append(result)
    except duckdb.Error as exc:
        refused = refused_write(store, exc)
        if refused is None:
            raise
        raise refused from None
    return results
