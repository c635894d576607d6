"""Latency benchmark (a script, not a test): prints warm retrieval and answer latencies.

a) The bundled corpus, ingested into a temporary data folder: ``Assistant.retrieve(q, k=10)``
   and ``Assistant.ask(q)`` over ~40 questions of ``evals/sets/core.yaml``, 3 rounds.
b) A synthetic index of ``--chunks`` chunks (default 50,000: 500 fictional documents x 100
   chunks), written directly through ``IndexWriter`` with random unit vectors in place of
   embeddings (embedding 50k chunks and their sentences would take far too long on 2 CPU cores).
   Queries are embedded for real, so the query side costs what it costs in production.

Usage::

    .venv/bin/python benchmarks/bench_latency.py [--chunks N] [--skip-synthetic] [--json FILE]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

import numpy as np  # noqa: E402
import yaml  # noqa: E402

TARGETS_MS = {
    "bundled_retrieve_p95": 50.0,
    "bundled_ask_p95": 150.0,
    "synthetic_retrieve_p95": 250.0,
}
CHUNKS_PER_DOC = 100
DIM = 384


# -- helpers ---------------------------------------------------------------------------------
def rss_mb() -> dict[str, float]:
    """Current (VmRSS) and peak (VmHWM) resident memory of this process, in MB."""
    out: dict[str, float] = {}
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out[key] = round(int(value.split()[0]) / 1024, 1)
    except OSError:
        pass
    if "VmHWM" not in out:  # not Linux: ru_maxrss (KB on Linux, bytes on macOS)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        out["VmHWM"] = round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)
    return out


def summary(samples_ms: list[float]) -> dict[str, float]:
    arr = np.asarray(samples_ms, dtype=np.float64)
    return {
        "n": int(arr.size),
        "p50": round(float(np.percentile(arr, 50)), 1),
        "p95": round(float(np.percentile(arr, 95)), 1),
        "max": round(float(arr.max()), 1),
        "mean": round(float(arr.mean()), 1),
    }


def timed(fn: Callable[[], Any]) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


def load_average() -> str:
    """Other work on the machine inflates every figure: print the load beside them."""
    try:
        return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "load average unknown"


def verdict(value: float, target: float) -> str:
    return f"target <= {target:.0f} ms: {'OK' if value <= target else 'MISSED'}"


def print_row(label: str, s: dict[str, float], target: float | None = None) -> None:
    line = f"  {label:<22} p50 {s['p50']:7.1f} ms   p95 {s['p95']:7.1f} ms   max {s['max']:7.1f} ms"
    if target is not None:
        line += f"   [{verdict(s['p95'], target)}]"
    print(line, flush=True)


def core_questions(limit: int) -> list[str]:
    """``limit`` questions spread evenly over the core eval set (all personas and kinds)."""
    data = yaml.safe_load((REPO_ROOT / "evals" / "sets" / "core.yaml").read_text("utf-8"))
    questions = [c["question"] for c in data["cases"] if c.get("question")]
    if len(questions) <= limit:
        return questions
    step = len(questions) / limit
    return [questions[int(i * step)] for i in range(limit)]


def embed_times(questions: list[str]) -> dict[str, float]:
    """The query-embedding part of every retrieval (one round), for the breakdown."""
    from assistant.embeddings import get_embedder

    embedder = get_embedder()
    return summary([timed(lambda q=q: embedder.encode_one(q)) for q in questions])


def settings_for(corpus: Path, data: Path):  # type: ignore[no-untyped-def]
    from assistant.settings import load_settings

    return load_settings(env={}, corpus_dir=str(corpus), data_dir=str(data))


# -- a) bundled corpus -------------------------------------------------------------------------
def bench_bundled(questions: list[str], rounds: int) -> dict[str, Any]:
    from assistant import open_assistant
    from ingest.pipeline import run_ingest

    print("\n== a) bundled corpus ==", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-bundled-") as tmp:
        settings = settings_for(REPO_ROOT / "corpus", Path(tmp))
        t0 = time.perf_counter()
        report = run_ingest(settings, progress=False)
        ingest_s = time.perf_counter() - t0
        if report.failed:
            print(f"  ingest failures: {report.failed}")
        t0 = time.perf_counter()
        a = open_assistant(settings)
        open_s = time.perf_counter() - t0
        print(
            f"  ingest {ingest_s:.1f} s ({len(report.added)} documents, {report.chunks} chunks;"
            f" includes loading the embedding model), open {open_s * 1000:.0f} ms",
            flush=True,
        )
        for q in questions[:3]:  # warm-up: model, tokenizer, caches
            a.ask(q)
        retrieve_ms: list[float] = []
        ask_ms: list[float] = []
        for _ in range(rounds):
            for q in questions:
                retrieve_ms.append(timed(partial(a.retrieve, q, k=10)))
                ask_ms.append(timed(partial(a.ask, q)))
        embed_ms = embed_times(questions)
        result = {
            "documents": len(a.documents()),
            "chunks": report.chunks,
            "questions": len(questions),
            "rounds": rounds,
            "ingest_s": round(ingest_s, 2),
            "open_ms": round(open_s * 1000, 1),
            "retrieve_ms": summary(retrieve_ms),
            "ask_ms": summary(ask_ms),
            "query_embedding_ms": embed_ms,
            "rss_mb": rss_mb(),
        }
        print(f"  {len(questions)} questions x {rounds} rounds, warm ({load_average()}):")
        print_row("retrieve(q, k=10)", result["retrieve_ms"], TARGETS_MS["bundled_retrieve_p95"])
        print_row("ask(q)", result["ask_ms"], TARGETS_MS["bundled_ask_p95"])
        print_row("  of which: embed query", embed_ms)
        del a
        gc.collect()
    return result


# -- b) synthetic index ------------------------------------------------------------------------
_WORDS = (
    "safeguarding child children young people family families practitioner school police "
    "health social care referral assessment early help neglect abuse exploitation domestic "
    "partnership board subgroup audit review learning training threshold concern consent "
    "multi-agency MASH LADO designated lead strategy meeting plan protection conference "
    "escalation allegation missing education online harm parents carers voice outcome "
    "performance data quality assurance case practice guidance procedure policy priority "
    "annual report business workforce supervision contextual risk vulnerable adolescent "
    "mental wellbeing housing probation youth justice nursery childminder health visitor "
    "midwife GP hospital emergency out-of-hours duty team timescale working days record "
    "information sharing confidentiality disclosure sexual criminal county lines trafficking"
).split()
_DOC_TYPES = ("annual_report", "business_plan", "procedure", "learning_summary", "strategy")


def _sentence(rng: random.Random) -> str:
    words = rng.choices(_WORDS, k=rng.randint(8, 16))
    return " ".join(words).capitalize() + "."


def _unit_vectors(gen: np.random.Generator, n: int) -> np.ndarray:
    v = gen.standard_normal((n, DIM), dtype=np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    return v


def build_synthetic(data_dir: Path, n_chunks: int, seed: int = 7) -> dict[str, Any]:
    from assistant.index import IndexWriter
    from assistant.textutil import sha256
    from assistant.types import Chunk, ChunkMeta

    rng = random.Random(seed)
    gen = np.random.default_rng(seed)
    n_docs = max(1, -(-n_chunks // CHUNKS_PER_DOC))
    writer = IndexWriter(data_dir)
    put_s = 0.0
    n_sentences = 0
    made = 0
    for d in range(n_docs):
        doc_id = f"example-partnership-doc-{d:04d}"
        version = sha256(f"{doc_id}|synthetic|{seed}")
        year = rng.randint(2015, 2025)
        published = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        doc_type = rng.choice(_DOC_TYPES)
        period = f"{year - 1}-{year + 1}" if rng.random() < 0.6 else ""
        title = f"Example Safeguarding Partnership {doc_type.replace('_', ' ')} {year} #{d}"
        record = {
            "doc_id": doc_id,
            "doc_version": version,
            "title": title,
            "doc_type": doc_type,
            "published": published,
            "period": period,
            "publisher": "Example Safeguarding Partnership",
            "path": str(data_dir / "synthetic" / f"{doc_id}.txt"),
            "source": f"{doc_id}.txt",
            "has_pages": False,
            "inferred": "",
            "glossary": [],
        }
        chunks: list[Chunk] = []
        for pos in range(min(CHUNKS_PER_DOC, n_chunks - made)):
            sentences = [_sentence(rng) for _ in range(rng.randint(4, 6))]
            text = " ".join(sentences)
            meta = ChunkMeta(
                doc_id=doc_id,
                title=title,
                doc_type=doc_type,
                published=published,
                period=period,
                section=f"Section {pos // 10 + 1} > Part {pos % 10 + 1}",
                page=None,
                position=pos,
                content_hash=sha256(text)[:16],
                doc_version=version,
                publisher=record["publisher"],
                inferred="",
            )
            chunk_id = f"{doc_id}:{version[:12]}:{pos:04d}"
            chunks.append(Chunk(id=chunk_id, text=text, meta=meta, sentences=sentences))
        made += len(chunks)
        n_sent = sum(len(c.sentences) for c in chunks)
        n_sentences += n_sent
        chunk_vectors = _unit_vectors(gen, len(chunks))
        sentence_vectors = _unit_vectors(gen, n_sent)
        full_text = "\n\n".join(c.text for c in chunks)
        t0 = time.perf_counter()
        writer.put_document(record, chunks, chunk_vectors, sentence_vectors, full_text)
        put_s += time.perf_counter() - t0
        if (d + 1) % 100 == 0:
            print(f"  ... {d + 1}/{n_docs} documents staged", flush=True)
    t0 = time.perf_counter()
    writer.commit()
    commit_s = time.perf_counter() - t0
    del writer
    gc.collect()
    return {
        "documents": n_docs,
        "chunks": made,
        "sentences": n_sentences,
        "put_document_s": round(put_s, 1),
        "commit_s": round(commit_s, 1),
    }


def bench_synthetic(questions: list[str], rounds: int, n_chunks: int) -> dict[str, Any]:
    from assistant import open_assistant
    from assistant.embeddings import get_embedder

    print(f"\n== b) synthetic index: {n_chunks} chunks ==", flush=True)
    print(
        "  NOTE: chunk and sentence vectors are RANDOM UNIT VECTORS (float32, dim 384), not"
        " embeddings:\n  embedding this many chunks and sentences would take too long on 2 CPU"
        " cores.\n  Query vectors are real (the real model embeds each question).",
        flush=True,
    )
    get_embedder()  # loaded before the memory baseline, as in a running app
    with tempfile.TemporaryDirectory(prefix="bench-synthetic-") as tmp:
        data = Path(tmp) / "data"
        t0 = time.perf_counter()
        built = build_synthetic(data, n_chunks)
        build_s = time.perf_counter() - t0
        print(
            f"  build {build_s:.1f} s ({built['documents']} documents, {built['chunks']} chunks,"
            f" {built['sentences']} sentences; put_document {built['put_document_s']} s,"
            f" commit {built['commit_s']} s)",
            flush=True,
        )
        rss_before = rss_mb()
        t0 = time.perf_counter()
        a = open_assistant(settings_for(Path(tmp) / "corpus", data))
        open_s = time.perf_counter() - t0
        rss_after = rss_mb()
        print(
            f"  open_assistant {open_s:.2f} s; RSS {rss_before.get('VmRSS', 0):.0f} MB before"
            f" open -> {rss_after.get('VmRSS', 0):.0f} MB after (peak {rss_after['VmHWM']:.0f}"
            " MB; includes the embedding model and part a)",
            flush=True,
        )
        for q in questions[:3]:
            a.retrieve(q, k=10)
        retrieve_ms: list[float] = []
        for _ in range(rounds):
            for q in questions:
                retrieve_ms.append(timed(partial(a.retrieve, q, k=10)))
        embed_ms = embed_times(questions)
        result = {
            **built,
            "vectors": "random unit vectors (not embeddings)",
            "questions": len(questions),
            "rounds": rounds,
            "build_s": round(build_s, 1),
            "open_s": round(open_s, 2),
            "rss_mb_before_open": rss_before,
            "rss_mb_after_open": rss_after,
            "retrieve_ms": summary(retrieve_ms),
            "query_embedding_ms": embed_ms,
        }
        print(f"  {len(questions)} questions x {rounds} rounds, warm ({load_average()}):")
        print_row("retrieve(q, k=10)", result["retrieve_ms"], TARGETS_MS["synthetic_retrieve_p95"])
        print_row("  of which: embed query", embed_ms)
        del a
        gc.collect()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chunks", type=int, default=50_000, help="synthetic index size")
    parser.add_argument("--skip-synthetic", action="store_true", help="only the bundled corpus")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--questions", type=int, default=40, help="questions per round")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)

    questions = core_questions(args.questions)
    print(f"{os.cpu_count()} CPUs, {load_average()} at start", flush=True)
    results: dict[str, Any] = {
        "targets_ms": TARGETS_MS,
        "cpu_count": os.cpu_count(),
        "bundled": bench_bundled(questions, args.rounds),
    }
    if not args.skip_synthetic:
        results["synthetic"] = bench_synthetic(questions, args.rounds, args.chunks)

    results["load_average_at_end"] = load_average()
    print(f"\n== summary (warm p95 vs targets; {load_average()}) ==")
    b = results["bundled"]
    rows = [
        ("bundled retrieve", b["retrieve_ms"]["p95"], TARGETS_MS["bundled_retrieve_p95"]),
        ("bundled ask", b["ask_ms"]["p95"], TARGETS_MS["bundled_ask_p95"]),
    ]
    if "synthetic" in results:
        s = results["synthetic"]
        label = f"{s['chunks']} chunks retrieve"
        rows.append((label, s["retrieve_ms"]["p95"], TARGETS_MS["synthetic_retrieve_p95"]))
    for label, value, target in rows:
        print(f"  {label:<28} {value:8.1f} ms   [{verdict(value, target)}]")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
        print(f"\nfigures written to {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
