"""The self-contained HTML report (inline CSS and SVG; opens from disk), built from the same
dictionary that is written as the JSON report."""

from __future__ import annotations

from html import escape
from typing import Any

from evals import svg
from evals.aggregate import HEADLINE, fmt

CSS = """
body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1200px;color:#111;padding:0 1em}
h1{margin-bottom:.2em} h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;margin:.6em 0;font-size:13px}
th,td{border:1px solid #ddd;padding:3px 7px;text-align:left;vertical-align:top}
th{background:#f3f4f6} td.n{text-align:right;font-variant-numeric:tabular-nums}
.bad{color:#b91c1c;font-weight:600} .ok{color:#047857} .muted{color:#666;font-size:12px}
.charts{display:flex;flex-wrap:wrap;gap:2em} .charts>div{flex:0 0 auto}
details{margin:.2em 0} pre{white-space:pre-wrap;margin:.2em 0;font-size:12px}
td.answer{max-width:380px} .passage{border-left:3px solid #ddd;padding-left:6px;margin:4px 0}
"""

SYSTEM_NAMES = {"ours": "our pipeline", "baseline": "plain LangChain baseline"}


def _systems(report: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    primary = report["config"]["primary"]
    out = [(primary, report["metrics"])]
    if report.get("baseline") and primary != "baseline":
        out.append(("baseline", report["baseline"]))
    return out


def _records(report: dict[str, Any], system: str) -> list[dict[str, Any]]:
    if system == report["config"]["primary"]:
        return report["cases"]
    return report.get("baseline_cases", [])


def _table(headers: list[str], rows: list[list[str]], numeric_from: int = 1) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="n">{c}</td>' if i >= numeric_from else f"<td>{c}</td>"
            for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def _summary(report: dict[str, Any]) -> str:
    systems = _systems(report)
    checks = {c["metric"]: c for c in report.get("thresholds", [])}
    keys = [k for _, f in systems for scope in ("all", "test") for k in f[scope]]
    names = [
        n
        for n in dict.fromkeys(["n_cases", "passed", *HEADLINE, *keys])
        if any(f[s].get(n) is not None for _, f in systems for s in ("all", "test"))
    ]
    headers = ["metric"] + [
        f"{SYSTEM_NAMES.get(s, s)}: {scope}" for s, _ in systems for scope in ("whole set", "test")
    ]
    rows = []
    for name in names:
        row = [escape(name)]
        for _, figures in systems:
            row += [fmt(figures["all"].get(name), name), fmt(figures["test"].get(name), name)]
        if name in checks:
            c = checks[name]
            cls = "ok" if c["met"] is not False else "bad"
            row[0] += f' <span class="{cls}">({escape(c["rule"])})</span>'
        rows.append(row)
    return _table(headers, rows)


def _targets(report: dict[str, Any]) -> str:
    """The product's targets beside our figures (and the baseline's whole-set figure)."""
    targets = report.get("targets") or []
    if not targets:
        return "<p>No targets set for this set.</p>"
    baseline = dict(_systems(report)).get("baseline", {}).get("all")
    primary = SYSTEM_NAMES.get(report["config"]["primary"], report["config"]["primary"])
    headers = ["metric", "target", f"{primary}: whole set", f"{primary}: test"]
    headers += ["baseline: whole set"] if baseline is not None else []
    rows = []
    for t in targets:
        name = t["metric"]
        row = [
            escape(name),
            f"{escape(t['op'])} {t['value']:g}",
            fmt(t["figure_all"], name),
            fmt(t["figure_test"], name),
        ]
        row += [fmt(baseline.get(name), name)] if baseline is not None else []
        mark = {True: ("ok", "met"), False: ("bad", "MISSED"), None: ("muted", "n/a")}[t["met"]]
        rows.append([*row, f'<span class="{mark[0]}">{mark[1]}</span>'])
    n_met = sum(t["met"] is True for t in targets)
    return (
        f"<p>{n_met} of {len(targets)} targets met (on the whole set and the test split). "
        "Targets are reported only; they never fail a run.</p>"
        + _table([*headers, "met"], rows, numeric_from=1)
    )


def _group_section(report: dict[str, Any], group: str) -> str:
    systems = _systems(report)
    categories = sorted({g for _, f in systems for g in f[f"by_{group}"]})

    def series(metric: str) -> list[svg.Series]:
        return [
            (SYSTEM_NAMES.get(s, s), [f[f"by_{group}"].get(c, {}).get(metric) for c in categories])
            for s, f in systems
        ]

    charts = "".join(
        f"<div><h3>{title}</h3>{svg.hbars(categories, series(metric))}</div>"
        for title, metric in (
            ("Pass rate", "pass_rate"),
            ("Evidence recall@5", "evidence_recall@5"),
            ("Key-fact recall", "key_fact_recall"),
        )
    )
    cols = [
        "n_cases",
        "pass_rate",
        "evidence_recall@5",
        "mrr",
        "key_fact_recall",
        "citation_correctness",
        "latency_p50_ms",
    ]
    rows = []
    for c in categories:
        for s, f in systems:
            for scope, key in (("all", f"by_{group}"), ("test", f"test_by_{group}")):
                figs = f.get(key, {}).get(c)
                if figs:
                    rows.append(
                        [escape(c), escape(SYSTEM_NAMES.get(s, s)), scope]
                        + [fmt(figs.get(n), n) for n in cols]
                    )
    table = _table([group, "system", "split", *cols], rows, numeric_from=3)
    return f'<div class="charts">{charts}</div>{table}'


def _coverage(cov: dict[str, Any]) -> str:
    if not cov:
        return "<p>No coverage computed.</p>"
    docs = cov["documents"]
    chart = svg.hbars(
        [d["doc_id"] for d in docs],
        [
            ("sections covered", [d["share_sections_covered"] for d in docs]),
            ("text covered (chars)", [d["share_chars_covered"] for d in docs]),
        ],
    )
    doc_rows = [
        [
            escape(d["doc_id"]),
            str(d["n_cases"]),
            f"{d['covered_sections']}/{d['n_sections']}",
            fmt(d["share_sections_covered"]),
            fmt(d["share_chars_covered"]),
            str(d["n_chunks"]),
            str(cov["never_retrieved"]["by_document"].get(d["doc_id"], 0)),
        ]
        for d in docs
    ]
    doc_table = _table(
        [
            "document",
            "cases",
            "sections covered",
            "share",
            "share of text",
            "chunks",
            "never retrieved",
        ],
        doc_rows,
    )
    top = max((s["n_cases"] for s in cov["sections"]), default=1) or 1
    sec_rows = []
    for s in cov["sections"]:
        shade = int(255 - 140 * s["n_cases"] / top)
        colour = f"rgb({shade},{255},{shade})" if s["n_cases"] else "#fee2e2"
        sec_rows.append(
            [
                escape(s["doc_id"]),
                escape(s["section"]),
                str(s["chars"]),
                f'<span style="background:{colour};padding:0 6px">{s["n_cases"]}</span>',
                escape(", ".join(s["case_ids"])),
            ]
        )
    unc_rows = [
        [escape(s["doc_id"]), escape(s["section"]), str(s["chars"]), str(s["n_chunks"])]
        for s in cov["uncovered_sections"]
    ]
    never = cov["never_retrieved"]
    never_rows = [
        [
            escape(c["id"]),
            escape(c["doc_id"]),
            escape(c["section"]),
            escape(c["preview"]),
            str(c["chars"]),
        ]
        for c in never["chunks"]
    ]
    unlocated = "".join(
        f"<li>{escape(u['case_id'])} ({escape(u['doc_id'])}): {escape(u['quote'])}</li>"
        for u in cov.get("unlocated_evidence", [])
    )
    return (
        f"<p>{cov['covered_sections']} of {cov['n_sections']} sections reached by some case's "
        f"evidence (share {fmt(cov['share_sections_covered'])}; share of text "
        f"{fmt(cov['share_chars_covered'])}). <b>{never['count']}</b> of {never['n_chunks']} "
        f"chunks are never retrieved in the top {never['k']} by any case.</p>"
        f"{chart}{doc_table}<h3>Uncovered sections, largest first</h3>"
        + _table(["document", "section", "chars", "chunks"], unc_rows, numeric_from=2)
        + "<details><summary>Every section</summary>"
        + _table(["document", "section", "chars", "cases", "case ids"], sec_rows, numeric_from=2)
        + "</details>"
        + f"<details><summary>Chunks never retrieved ({never['count']})</summary>"
        + _table(["chunk", "document", "section", "text", "chars"], never_rows, numeric_from=4)
        + "</details>"
        + (f"<h3>Evidence not located in any chunk</h3><ul>{unlocated}</ul>" if unlocated else "")
    )


def _facts(record: dict[str, Any]) -> str:
    parts = [" | ".join(escape(a) for a in fact) for fact in record.get("must_include", [])]
    out = "<br>".join(parts) or "-"
    forbidden = record.get("must_not_include") or []
    if forbidden:
        out += '<br><span class="bad">not: ' + escape("; ".join(map(str, forbidden))) + "</span>"
    if record.get("lead"):
        out += "<br><i>lead:</i> " + escape(" | ".join(record["lead"]))
    if record.get("expect_escalation") is not None:
        out += f"<br><i>escalation expected:</i> {record['expect_escalation']}"
    return out


def _failed(records: list[dict[str, Any]], label: str) -> str:
    failed = [r for r in records if not r["passed"]]
    if not failed:
        return f"<p>No failed cases for {escape(label)}.</p>"
    rows = []
    for r in failed:
        question = escape(r["question"])
        if r.get("history"):
            question = (
                f'<span class="muted">{escape(" / ".join(r["history"]))}</span><br>' + question
            )
        passages = "".join(
            f'<div class="passage"><b>{i + 1}.</b> <span class="muted">{escape(p["doc_id"])} · '
            f"{escape(p.get('section') or '')}</span><pre>{escape(p['text'])}</pre></div>"
            for i, p in enumerate(r["retrieved"])
        )
        flags = " (abstained)" if r["abstained"] else ""
        flags += " (escalated)" if r["escalated"] else ""
        rows.append(
            [
                f'{escape(r["id"])}<br><span class="muted">{escape(r["kind"])}, '
                f"{escape(r['persona'])}, {escape(r['split'])}</span>",
                question,
                f"<pre>{escape(r['answer'])}</pre>{flags}",
                _facts(r),
                escape("; ".join(r["reasons"] + r.get("notes", []))),
                f"<details><summary>{len(r['retrieved'])} passages</summary>{passages}</details>",
            ]
        )
    table = _table(["case", "question", "answer", "expected", "why", "retrieved"], rows, 9)
    return f"<p>{len(failed)} failed case(s).</p>" + table.replace("<td>", '<td class="answer">')


def render_html(report: dict[str, Any]) -> str:
    """The whole report as one HTML document."""
    cfg = report["config"]
    systems = _systems(report)
    latency = svg.histogram(
        [
            (SYSTEM_NAMES.get(s, s), [r.get("latency_ms") for r in _records(report, s)])
            for s, _ in systems
        ]
    )
    gate = report.get("gate", {})
    verdict = (
        '<span class="ok">thresholds met</span>'
        if gate.get("ok", True)
        else '<span class="bad">thresholds missed: ' + escape("; ".join(gate["missed"])) + "</span>"
    )
    primary_all = report["metrics"]["all"]
    doc = [
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>evals: "
        f"{escape(report['set'])}</title><style>{CSS}</style></head><body>",
        f"<h1>Evaluation: {escape(report['set'])}</h1>",
        f'<p class="muted">{escape(report["timestamp"])} · split {escape(cfg["split"])} · '
        f"top k {cfg['k']} · systems: {escape(', '.join(s for s, _ in systems))} · "
        f"{cfg.get('elapsed_s', 0):.0f} s</p>",
        f"<p><b>{primary_all['passed']} passed, {primary_all['failed']} failed</b> "
        f"({escape(SYSTEM_NAMES.get(cfg['primary'], cfg['primary']))}) · {verdict}</p>",
        "<h2>Summary: whole set and test split</h2>",
        _summary(report),
        "<h2>Targets</h2>",
        _targets(report),
        "<h2>By kind</h2>",
        _group_section(report, "kind"),
        "<h2>By persona</h2>",
        _group_section(report, "persona"),
        "<h2>By document</h2>",
        _group_section(report, "document"),
        "<h2>Coverage by document and section</h2>",
        _coverage(report.get("coverage", {})),
        "<h2>Latency per case</h2>",
        latency,
    ]
    for i, (s, _) in enumerate(systems):
        failed = _failed(_records(report, s), s)
        if i:  # the baseline's failures are long: folded
            failed = f"<details><summary>show</summary>{failed}</details>"
        doc += [f"<h2>Failed cases: {escape(SYSTEM_NAMES.get(s, s))}</h2>", failed]
    doc.append("</body></html>")
    return "\n".join(doc)
