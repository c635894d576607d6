"""Command line: ``python -m evals run SET`` and ``python -m evals compare OLD.json NEW.json``.

Exit codes: 0 ok; 1 the set's thresholds were missed (``run``) or, with
``--fail-on-regression``, a case regressed (``compare``); 2 bad set, usage or missing index.
The set's targets (``targets:``) are reported as met or MISSED and never change the exit code.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from evals.aggregate import (  # noqa: E402
    HEADLINE,
    all_figures,
    check_targets,
    check_thresholds,
    fmt,
    metric_names,
    target_line,
)
from evals.cases import SetError, check_against_corpus, load_set  # noqa: E402
from evals.compare import compare_reports, format_comparison, load_report  # noqa: E402
from evals.coverage import compute_coverage  # noqa: E402
from evals.report import render_html  # noqa: E402
from evals.runner import document_dates, run_cases  # noqa: E402

OK, THRESHOLDS_MISSED, BAD_INPUT = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m evals", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="run an eval set through the assistant")
    run.add_argument("set", help="a set name (core -> evals/sets/core.yaml) or a YAML path")
    run.add_argument("--json", metavar="FILE", help="write the JSON report here")
    run.add_argument("--html", metavar="FILE", help="write the HTML report here")
    run.add_argument(
        "--retriever",
        choices=("ours", "baseline", "both"),
        default="ours",
        help="our pipeline, the plain LangChain baseline, or both side by side",
    )
    run.add_argument("--split", choices=("all", "dev", "test"), default="all")
    run.add_argument("--k", type=int, default=10, help="passages retrieved per case (10)")
    run.add_argument("--no-gate", action="store_true", help="exit 0 even if thresholds are missed")
    run.add_argument(
        "--skip-invalid",
        action="store_true",
        help="drop cases that fail the corpus check instead of stopping",
    )
    run.add_argument("--no-progress", action="store_true", help="no progress bar")
    run.add_argument("--data-dir", help="index folder (default: the assistant's setting)")
    run.add_argument("--corpus-dir", help="corpus folder (default: the assistant's setting)")
    cmp = sub.add_parser("compare", help="compare two JSON reports")
    cmp.add_argument("old")
    cmp.add_argument("new")
    cmp.add_argument("--json", metavar="FILE", help="write the comparison as JSON")
    cmp.add_argument(
        "--fail-on-regression",
        action="store_true",
        help="exit 1 when a case that passed before fails now",
    )
    return parser


def _open_assistant(args: argparse.Namespace) -> Any:
    from assistant import open_assistant

    overrides = {}
    if args.data_dir:
        overrides["data_dir"] = args.data_dir
    if args.corpus_dir:
        overrides["corpus_dir"] = args.corpus_dir
    return open_assistant(**overrides)


def summary_table(report: dict[str, Any]) -> str:
    """The compact table printed at the end of a run."""
    columns = [(report["config"]["primary"], report["metrics"])]
    if report.get("baseline") and columns[0][0] != "baseline":
        columns.append(("baseline", report["baseline"]))
    heads = [f"{name}/{scope}" for name, _ in columns for scope in ("all", "test")]
    lines = [f"{'metric':32}" + "".join(f"{h:>15}" for h in heads)]
    for name in ("n_cases", "passed", "errors", *HEADLINE):
        values = [figs[scope].get(name) for _, figs in columns for scope in ("all", "test")]
        if all(v is None for v in values) or (name == "errors" and not any(values)):
            continue
        lines.append(f"{name:32}" + "".join(f"{fmt(v, name):>15}" for v in values))
    for check in report["thresholds"]:
        status = {True: "ok", False: "MISSED", None: "n/a"}[check["met"]]
        lines.append(f"threshold {check['rule']}: {fmt(check['value'], check['metric'])} {status}")
    lines += [target_line(check) for check in report.get("targets", [])]
    return "\n".join(lines)


def cmd_run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    phases: dict[str, float] = {}  # seconds per phase, for the report's config
    if args.k < 1:
        print("evals: --k must be at least 1", file=sys.stderr)
        return BAD_INPUT
    try:
        evalset = load_set(args.set, known_metrics=metric_names(args.k))
    except SetError as exc:
        print(f"evals: {exc}", file=sys.stderr)
        return BAD_INPUT
    from assistant.errors import AssistantError

    try:
        assistant = _open_assistant(args)
    except AssistantError as exc:
        print(f"evals: {exc}", file=sys.stderr)
        return BAD_INPUT
    docs = assistant.documents()
    doc_texts = {d.doc_id: assistant.document_text(d.doc_id) for d in docs}
    problems = check_against_corpus(evalset.cases, doc_texts)
    cases = evalset.cases
    if problems:
        print(
            f"evals: {evalset.path}: {len(problems)} problem(s) against the index\n  "
            + "\n  ".join(problems),
            file=sys.stderr,
        )
        if not args.skip_invalid:
            return BAD_INPUT
        cases = [c for c in cases if not check_against_corpus([c], doc_texts)]
    if args.split != "all":
        cases = [c for c in cases if c.split == args.split]
    if not cases:
        print("evals: no cases to run", file=sys.stderr)
        return BAD_INPUT

    allowed = _known_figures_text(assistant, docs)
    run = {
        "k": args.k,
        "label": "",
        "progress": not args.no_progress,
        "allowed_figures_text": allowed,
        "doc_dates": document_dates(docs),
    }
    records: dict[str, list[dict[str, Any]]] = {}
    if args.retriever in ("ours", "both"):
        phases["open"] = time.perf_counter() - started
        records["ours"] = run_cases(assistant, cases, doc_texts, **{**run, "label": "ours"})
        phases["ours"] = time.perf_counter() - started - sum(phases.values())
    baseline = None
    if args.retriever in ("baseline", "both"):
        from evals.baseline import BaselineRecipe

        baseline = BaselineRecipe.from_assistant(assistant)
        phases["baseline_build"] = time.perf_counter() - started - sum(phases.values())
        records["baseline"] = run_cases(baseline, cases, doc_texts, **{**run, "label": "baseline"})
        phases["baseline"] = time.perf_counter() - started - sum(phases.values())
        baseline.save_cache()
    primary = "ours" if "ours" in records else "baseline"

    figures = {name: all_figures(recs, args.k) for name, recs in records.items()}
    retrieved_ids = {p["id"] for r in records[primary] for p in r["retrieved"]}
    coverage = compute_coverage(
        cases,
        assistant.chunks(),
        retrieved_ids,
        args.k,
        titles={d.doc_id: d.title for d in docs},
        retrievable=baseline.chunks() if primary == "baseline" else None,
    )
    checks = check_thresholds(evalset.thresholds, figures[primary]["all"])
    missed = [c["rule"] for c in checks if c["met"] is False]
    targets = check_targets(evalset.targets, figures[primary]["all"], figures[primary]["test"])
    settings = getattr(assistant, "settings", None)
    report: dict[str, Any] = {
        "set": evalset.name,
        "timestamp": datetime.now(UTC).isoformat(timespec="seconds"),
        "config": {
            "set_path": evalset.path,
            "retriever": args.retriever,
            "primary": primary,
            "split": args.split,
            "k": args.k,
            "n_cases": len(cases),
            "python": platform.python_version(),
            "assistant_settings": _safe_settings(settings),
            "elapsed_s": None,
            "phases_s": phases,
        },
        "metrics": figures[primary],
        "thresholds": checks,
        "gate": {"ok": not missed, "missed": missed},
        "targets": targets,
        "coverage": coverage,
        "cases": records[primary],
    }
    if primary == "ours" and "baseline" in records:
        report["baseline"] = figures["baseline"]
        report["baseline_cases"] = records["baseline"]
    phases["figures"] = time.perf_counter() - started - sum(phases.values())
    report["config"]["phases_s"] = {k: round(v, 1) for k, v in phases.items()}
    report["config"]["elapsed_s"] = round(time.perf_counter() - started, 1)
    for target, content in (
        (args.json, lambda: json.dumps(report, indent=1, default=str)),
        (args.html, lambda: render_html(report)),
    ):
        if target:
            Path(target).parent.mkdir(parents=True, exist_ok=True)
            Path(target).write_text(content(), encoding="utf-8")
    passed = sum(r["passed"] for r in records[primary])
    print(
        f"{evalset.name}: {len(cases)} cases, split {args.split}, k={args.k}, "
        f"{report['config']['elapsed_s']} s"
    )
    print(summary_table(report))
    for name, recs in records.items():
        errors = [r for r in recs if r.get("error")]
        if errors:
            print(
                f"evals: {name}: {len(errors)} case(s) raised an error, first ({errors[0]['id']}):"
                f" {errors[0]['error']}",
                file=sys.stderr,
            )
    if missed and not args.no_gate:
        print(f"evals: thresholds missed: {'; '.join(missed)}", file=sys.stderr)
    print(f"evals: {passed} passed, {len(cases) - passed} failed")
    return THRESHOLDS_MISSED if missed and not args.no_gate else OK


def _known_figures_text(assistant: Any, docs: list[Any]) -> str:
    """Figures an abstention may mention without inventing them: document titles and dates,
    and the configured contacts (shown with every "cannot find" answer)."""
    parts = [f"{d.title} {getattr(d, 'published', '')} {getattr(d, 'period', '')}" for d in docs]
    settings = getattr(assistant, "settings", None)
    for name in ("contact_999", "contact_mash", "contact_out_of_hours", "contact_lado"):
        parts.append(str(getattr(settings, name, "") or ""))
    return " ".join(parts)


def _safe_settings(settings: Any) -> dict[str, Any]:
    """The assistant's settings without secrets (for the report's config)."""
    try:
        values = settings.as_dict() if settings is not None else {}
    except Exception:  # noqa: BLE001 - the report must not fail on this
        return {}
    return {k: v for k, v in values.items() if "key" not in k and "contact" not in k}


def cmd_compare(args: argparse.Namespace) -> int:
    try:
        old, new = load_report(args.old), load_report(args.new)
    except (OSError, ValueError) as exc:
        print(f"evals: {exc}", file=sys.stderr)
        return BAD_INPUT
    result = compare_reports(old, new)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(format_comparison(result))
    return THRESHOLDS_MISSED if args.fail_on_regression and result["regressions"] else OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    return cmd_run(args) if args.command == "run" else cmd_compare(args)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # output piped into head or similar
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
