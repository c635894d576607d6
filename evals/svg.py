"""Tiny inline-SVG charts for the HTML report (no scripts, no external files)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

COLOURS = ("#2563eb", "#f59e0b", "#10b981", "#ef4444")
Series = tuple[str, Sequence[float | None]]  # (name, one value per category)


def _legend(series: Sequence[Series], x: float, y: float) -> str:
    parts = []
    for i, (name, _) in enumerate(series):
        cx = x + i * 150
        parts.append(
            f'<rect x="{cx}" y="{y - 9}" width="10" height="10" fill="{COLOURS[i % 4]}"/>'
            f'<text x="{cx + 14}" y="{y}" font-size="11">{escape(name)}</text>'
        )
    return "".join(parts)


def hbars(
    categories: Sequence[str],
    series: Sequence[Series],
    max_value: float = 1.0,
    label_width: int | None = None,
    bar_width: int = 330,
    value_format: str = "{:.2f}",
) -> str:
    """Grouped horizontal bars: one group per category, one bar per series."""
    if label_width is None:  # about 6.2 px per character at 11 px
        label_width = max(80, int(6.2 * max((len(c) for c in categories), default=0)) + 12)
    bar_h, gap = 12, 10
    group_h = bar_h * len(series) + gap
    height = 28 + group_h * len(categories)
    width = label_width + bar_width + 60
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'font-family="sans-serif" role="img">',
        _legend(series, label_width, 12),
    ]
    for ci, category in enumerate(categories):
        y0 = 24 + ci * group_h
        out.append(
            f'<text x="{label_width - 6}" y="{y0 + group_h / 2}" font-size="11" '
            f'text-anchor="end">{escape(category)}</text>'
        )
        for si, (name, values) in enumerate(series):
            value = values[ci]
            y = y0 + si * bar_h
            if value is None:
                out.append(f'<text x="{label_width + 2}" y="{y + 10}" font-size="10">n/a</text>')
                continue
            w = max(0.0, min(1.0, value / max_value if max_value else 0)) * bar_width
            out.append(
                f'<rect x="{label_width}" y="{y}" width="{w:.1f}" height="{bar_h - 2}" '
                f'fill="{COLOURS[si % 4]}"><title>{escape(name)}: {value_format.format(value)}'
                f'</title></rect><text x="{label_width + w + 4:.1f}" y="{y + 9}" '
                f'font-size="10">{value_format.format(value)}</text>'
            )
    out.append(
        f'<line x1="{label_width}" y1="20" x2="{label_width}" y2="{height}" stroke="#888"/></svg>'
    )
    return "".join(out)


def histogram(series: Sequence[Series], bins: int = 20, unit: str = "ms") -> str:
    """Overlaid histograms of the series' values on a shared scale."""
    values = [v for _, vs in series for v in vs if v is not None]
    if not values:
        return "<p>No latencies recorded.</p>"
    lo, hi = min(values), max(values)
    ordered = sorted(values)
    clip = ordered[int(0.95 * (len(ordered) - 1))] * 1.5  # a few slow outliers: last bin
    overflow = hi > clip > lo
    if overflow:
        hi = clip
    step = (hi - lo) / bins or 1.0
    counts = []
    for _, vs in series:
        row = [0] * bins
        for v in vs:
            if v is not None:
                row[min(bins - 1, int((v - lo) / step))] += 1
        counts.append(row)
    top = max(max(r) for r in counts) or 1
    width, height, left, bottom = 620, 220, 40, 190
    col = (width - left - 10) / bins
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height + 10}" '
        f'font-family="sans-serif" role="img">',
        _legend(series, left, 12),
    ]
    for si, row in enumerate(counts):
        sub = col / len(counts)
        for b, n in enumerate(row):
            if not n:
                continue
            h = n / top * (bottom - 30)
            x = left + b * col + si * sub
            rng = f"{lo + b * step:.0f}-{lo + (b + 1) * step:.0f} {unit}"
            if overflow and b == bins - 1:
                rng = f"≥ {lo + b * step:.0f} {unit}"
            out.append(
                f'<rect x="{x:.1f}" y="{bottom - h:.1f}" width="{max(sub - 1, 1):.1f}" '
                f'height="{h:.1f}" fill="{COLOURS[si % 4]}"><title>{escape(series[si][0])}: '
                f"{n} case(s), {rng}</title></rect>"
            )
    out.append(f'<line x1="{left}" y1="{bottom}" x2="{width - 10}" y2="{bottom}" stroke="#888"/>')
    for frac in (0, 0.5, 1):
        x = left + frac * (width - left - 10)
        anchor = "start" if frac == 0 else "end" if frac == 1 else "middle"
        out.append(
            f'<text x="{x:.0f}" y="{bottom + 14}" font-size="10" text-anchor="{anchor}">'
            f"{'≥ ' if frac == 1 and overflow else ''}{lo + frac * (hi - lo):.0f} {unit}</text>"
        )
    out.append(f'<text x="4" y="{bottom - (bottom - 30)}" font-size="10">{top}</text></svg>')
    return "".join(out)
