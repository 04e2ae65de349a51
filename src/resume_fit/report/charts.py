"""Small inline SVG charts for the HTML reports, drawn by hand: no plotting library, no script.

Each function returns one ``<svg>`` element as ``markupsafe.Markup`` with every label escaped, a
``<title>`` on each bar (a tooltip that needs no JavaScript) and ``role="img"`` with an
``aria-label``; the numbers are also in the tables beside the charts, so nothing is only in a
picture. Output is deterministic: coordinates are rounded to one decimal.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from markupsafe import Markup

# Colour-blind-safe palette (Okabe & Ito, "Color Universal Design", 2008), one per score component.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
_BAR = 18
_GAP = 6
_LABEL = 210
_PLOT = 420
_FONT = 'font-family="system-ui, sans-serif" font-size="12"'


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _text(x: float, y: float, label: str, anchor: str = "start") -> str:
    return f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}">{escape(label)}</text>'


def stacked_bars(
    rows: Sequence[tuple[str, Sequence[tuple[str, float]]]],
    maximum: float = 100.0,
    title: str = "Score by component",
) -> Markup:
    """Horizontal bars, one per row, each stacked from its parts.

    Args:
        rows: ``(label, [(part name, value), ...])``; parts in the same order in every row.
        maximum: The value a full-width bar stands for.
        title: What the chart shows (its accessible name).

    Returns:
        The SVG, with a legend of the part names under the bars.
    """
    names: list[str] = []
    for _, parts in rows:
        names += [name for name, _ in parts if name not in names]
    colour = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(names)}
    height = len(rows) * (_BAR + _GAP) + 40
    legend_width = sum(14 + 7 * len(name) + 14 for name in names)
    width = max(_LABEL + _PLOT + 50, _LABEL + legend_width)
    out = [
        f'<svg width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" {_FONT}>',
        f"<title>{escape(title)}</title>",
    ]
    scale = _PLOT / maximum if maximum > 0 else 0.0
    for i, (label, parts) in enumerate(rows):
        y = i * (_BAR + _GAP)
        out.append(_text(_LABEL - 6, y + _BAR - 5, label, "end"))
        x = float(_LABEL)
        total = 0.0
        for name, value in parts:
            if value <= 0:
                continue
            w = value * scale
            out.append(
                f'<rect x="{_n(x)}" y="{y}" width="{_n(w)}" height="{_BAR}" '
                f'fill="{colour[name]}"><title>{escape(label)}: {escape(name)} '
                f"{_n(value)}</title></rect>"
            )
            x += w
            total += value
        out.append(_text(x + 4, y + _BAR - 5, _n(round(total, 1))))
    legend_y = len(rows) * (_BAR + _GAP) + 14
    x = float(_LABEL)
    for name in names:
        out.append(
            f'<rect x="{_n(x)}" y="{legend_y - 10}" width="10" height="10" fill="{colour[name]}"/>'
        )
        out.append(_text(x + 14, legend_y, name))
        x += 14 + 7 * len(name) + 14
    out.append("</svg>")
    return Markup("".join(out))


def bars(rows: Sequence[tuple[str, float]], title: str, unit: str = "") -> Markup:
    """Horizontal bars, one per ``(label, value)``, scaled to the largest value."""
    height = max(len(rows), 1) * (_BAR + _GAP) + 10
    width = _LABEL + _PLOT + 60
    largest = max((value for _, value in rows), default=0.0)
    scale = _PLOT / largest if largest > 0 else 0.0
    out = [
        f'<svg width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" {_FONT}>',
        f"<title>{escape(title)}</title>",
    ]
    for i, (label, value) in enumerate(rows):
        y = i * (_BAR + _GAP)
        w = value * scale
        out.append(_text(_LABEL - 6, y + _BAR - 5, label, "end"))
        out.append(
            f'<rect x="{_LABEL}" y="{y}" width="{_n(w)}" height="{_BAR}" fill="{PALETTE[0]}">'
            f"<title>{escape(label)}: {_n(value)}{escape(unit)}</title></rect>"
        )
        out.append(_text(_LABEL + w + 4, y + _BAR - 5, f"{_n(value)}{unit}"))
    out.append("</svg>")
    return Markup("".join(out))


def histogram(
    values: Sequence[float], title: str, low: float = 0.0, high: float = 100.0, bins: int = 10
) -> Markup:
    """Vertical bars counting ``values`` in ``bins`` equal bins from ``low`` to ``high``.

    A value equal to ``high`` falls in the last bin; values outside the range are clamped.
    """
    counts = [0] * bins
    span = (high - low) / bins
    for value in values:
        index = int((min(max(value, low), high) - low) / span) if span > 0 else 0
        counts[min(index, bins - 1)] += 1
    plot_h, col, top = 160, 44, 22
    width, height = bins * col + 50, plot_h + top + 40
    tallest = max(counts, default=0) or 1
    out = [
        f'<svg width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" {_FONT}>',
        f"<title>{escape(title)}</title>",
        f'<line x1="30" y1="{plot_h + top}" x2="{30 + bins * col}" y2="{plot_h + top}" '
        'stroke="#444"/>',
    ]
    for i, count in enumerate(counts):
        h = plot_h * count / tallest
        x = 30 + i * col
        start, end = low + i * span, low + (i + 1) * span
        label = f"{_n(start)}-{_n(end)}"
        out.append(
            f'<rect x="{x + 3}" y="{_n(plot_h + top - h)}" width="{col - 6}" height="{_n(h)}" '
            f'fill="{PALETTE[2]}"><title>{escape(label)}: {count}</title></rect>'
        )
        if count:
            out.append(_text(x + col / 2, plot_h + top - 4 - h, str(count), "middle"))
        out.append(_text(x + col / 2, plot_h + top + 16, label, "middle"))
    out.append("</svg>")
    return Markup("".join(out))
