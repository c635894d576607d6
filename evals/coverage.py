"""Coverage of the corpus by a set: which sections its evidence reaches, which it never does,
and which stored chunks no case ever retrieved.

A section is a (document, heading path) pair of the index's chunks; its size is the characters of
its chunks. An evidence quote *reaches* every section holding a chunk it is found in
(``metrics.evidence_found``, so a quote straddling two chunks reaches both).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from evals.cases import Case
from evals.metrics import evidence_found

NO_HEADING = "(no heading)"


def _sections(chunks: Sequence[Any]) -> dict[tuple[str, str], dict[str, Any]]:
    sections: dict[tuple[str, str], dict[str, Any]] = {}
    for chunk in sorted(chunks, key=lambda c: (c.meta.doc_id, c.meta.position)):
        key = (chunk.meta.doc_id, chunk.meta.section or NO_HEADING)
        entry = sections.setdefault(
            key,
            {"doc_id": key[0], "section": key[1], "chars": 0, "n_chunks": 0, "case_ids": []},
        )
        entry["chars"] += len(chunk.text)
        entry["n_chunks"] += 1
    return sections


def compute_coverage(
    cases: Iterable[Case],
    chunks: Sequence[Any],
    retrieved_ids: Iterable[str],
    k: int,
    titles: dict[str, str] | None = None,
    retrievable: Sequence[Any] | None = None,
) -> dict[str, Any]:
    """Coverage figures (JSON-ready) from the cases, every stored chunk, and the ids of the chunks
    retrieved in the top ``k`` by any case. ``retrievable``: the chunks those ids refer to when
    they are not the index's (the baseline's own chunks)."""
    sections = _sections(chunks)
    by_doc: dict[str, list[Any]] = {}
    for chunk in chunks:
        by_doc.setdefault(chunk.meta.doc_id, []).append(chunk)
    unlocated = []
    for case in cases:
        for doc_id, quote in case.evidence_pairs:
            hits = {
                c.meta.section or NO_HEADING
                for c in by_doc.get(doc_id, [])
                if evidence_found(quote, c.text)
            }
            if not hits:
                unlocated.append({"case_id": case.id, "doc_id": doc_id, "quote": quote[:120]})
            for section in hits:
                ids = sections[(doc_id, section)]["case_ids"]
                if case.id not in ids:
                    ids.append(case.id)
    for entry in sections.values():
        entry["n_cases"] = len(entry["case_ids"])

    documents = []
    for doc_id in sorted(by_doc):
        entries = [s for s in sections.values() if s["doc_id"] == doc_id]
        covered = [s for s in entries if s["n_cases"]]
        case_ids = {cid for s in entries for cid in s["case_ids"]}
        chars = sum(s["chars"] for s in entries)
        documents.append(
            {
                "doc_id": doc_id,
                "title": (titles or {}).get(doc_id, doc_id),
                "n_sections": len(entries),
                "covered_sections": len(covered),
                "share_sections_covered": len(covered) / len(entries) if entries else None,
                "chars": chars,
                "share_chars_covered": sum(s["chars"] for s in covered) / chars if chars else None,
                "n_cases": len(case_ids),
                "n_chunks": len(by_doc[doc_id]),
            }
        )

    seen = set(retrieved_ids)
    pool = list(chunks if retrievable is None else retrievable)
    never = [c for c in pool if c.id not in seen]
    all_sections = list(sections.values())
    covered_all = [s for s in all_sections if s["n_cases"]]
    total_chars = sum(s["chars"] for s in all_sections)
    return {
        "n_sections": len(all_sections),
        "covered_sections": len(covered_all),
        "share_sections_covered": len(covered_all) / len(all_sections) if all_sections else None,
        "share_chars_covered": (
            sum(s["chars"] for s in covered_all) / total_chars if total_chars else None
        ),
        "documents": documents,
        "sections": all_sections,
        "uncovered_sections": sorted(
            (s for s in all_sections if not s["n_cases"]), key=lambda s: -s["chars"]
        ),
        "unlocated_evidence": unlocated,
        "never_retrieved": {
            "k": k,
            "count": len(never),
            "n_chunks": len(pool),
            "share": len(never) / len(pool) if pool else None,
            "by_document": {d: sum(c.meta.doc_id == d for c in never) for d in sorted(by_doc)},
            "chunks": [
                {
                    "id": c.id,
                    "doc_id": c.meta.doc_id,
                    "section": c.meta.section or NO_HEADING,
                    "chars": len(c.text),
                    "preview": " ".join(c.text.split())[:160],
                }
                for c in never
            ],
        },
    }
