"""Document metadata: the corpus manifest first, inference from the file name and text second.

The manifest (``manifest.yaml`` in the corpus folder) is meant to be edited by hand by a business
unit officer, so it is plain YAML with one entry per file. Any field that is missing or
``unknown`` is inferred and named in ``inferred`` so the answer layer can say so.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from assistant.errors import AssistantError
from assistant.textutil import slugify

MANIFEST = "manifest.yaml"
FIELDS = ("title", "publisher", "doc_type", "published", "period")
_MONTH_NAMES = (
    "january february march april may june july august september october november december"
)
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES.split(), 1)}
_LONG_DATE = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+("
    + "|".join(m.capitalize() for m in _MONTHS)
    + r")\s+(20\d\d)\b"
)
_RANGE = re.compile(r"(?<!\d)(20\d\d)\s*[-/–]\s*(20\d\d|\d\d)(?![\d-])")
_YEAR = re.compile(r"(?<![\d£,.])(20[0-4]\d)(?![\d%,])")
_TYPES = {
    "business-plan": "business_plan",
    "annual-report": "annual_report",
    "procedure": "procedure",
    "learning": "learning_summary",
    "review": "learning_summary",
    "strategy": "strategy",
    "cabinet": "committee_report",
}


def load_manifest(corpus_dir: Path) -> dict[str, dict[str, Any]]:
    """Manifest entries keyed by file path relative to the corpus folder."""
    path = corpus_dir / MANIFEST
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise AssistantError(f"{path} is not valid YAML: {exc}") from None
    entries = {}
    for entry in data.get("documents", []) or []:
        if not isinstance(entry, dict) or "file" not in entry:
            raise AssistantError(f"{path}: every document entry needs a 'file' field: {entry!r}")
        entries[str(entry["file"])] = {k: entry[k] for k in entry if k != "file"}
    return entries


def doc_id_for(path: Path, root: Path) -> str:
    """A stable slug of the file's path inside its corpus folder (extension dropped)."""
    try:
        rel = path.resolve().relative_to(root.resolve())
    except ValueError:
        rel = Path(path.name)
    return slugify(str(rel.with_suffix(""))) or "document"


def _known(value: Any) -> str:
    text = "" if value is None else str(value).strip()
    return "" if text.lower() in {"", "unknown", "none", "null"} else text


def infer_published(name: str, text: str) -> str:
    """Latest full date in the text, else a year from the file name, else the latest year in
    the text (never a future one)."""
    this_year = date.today().year
    dates = [
        (int(y), _MONTHS[m.lower()], int(d))
        for d, m, y in _LONG_DATE.findall(text)
        if int(y) <= this_year
    ]
    if dates:
        y, m, d = max(dates)
        return f"{y:04d}-{m:02d}-{d:02d}"
    rng = _RANGE.search(name)
    if rng:
        return _range_end(rng.group(1), rng.group(2))
    years = [int(y) for y in _YEAR.findall(name)] or [
        int(y) for y in _YEAR.findall(text) if int(y) <= this_year
    ]
    return str(max(years)) if years else ""


def _range_end(start: str, end: str) -> str:
    return end if len(end) == 4 else start[:2] + end


def infer_period(name: str, text: str) -> str:
    for source in (name, text[:3000]):
        rng = _RANGE.search(source)
        if rng:
            return f"{rng.group(1)}-{_range_end(rng.group(1), rng.group(2))}"
    return ""


def infer_doc_type(name: str) -> str:
    lowered = name.lower()
    return next((t for key, t in _TYPES.items() if key in lowered), "document")


def resolve_metadata(
    path: Path, root: Path, entry: dict[str, Any] | None, title_hint: str, text: str
) -> dict[str, Any]:
    """Manifest values where known, inferred values otherwise, and which were inferred."""
    entry = entry or {}
    name = path.name
    values = {f: _known(entry.get(f)) for f in FIELDS}
    inferred = []
    fallbacks = {
        "title": lambda: title_hint.strip() or path.stem.replace("-", " ").replace("_", " "),
        "published": lambda: infer_published(name, text),
        "period": lambda: infer_period(name, text),
        "doc_type": lambda: infer_doc_type(name),
        "publisher": lambda: "",
    }
    for field, infer in fallbacks.items():
        if not values[field]:
            values[field] = infer()
            if values[field]:
                inferred.append(field)
    return {**values, "inferred": ",".join(inferred)}
