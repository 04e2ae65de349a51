"""Where Word draws a DOCX's floating text boxes: page geometry and anchor positions, in points.

Templates built from floating text boxes keep their text in ``wp:anchor`` drawings whose XML
order says nothing about where they sit: the headings of a sidebar may all come first. Each
anchor has a horizontal and a vertical position (``wp:positionH``/``wp:positionV``) relative to
the page, the margin, the column or the anchoring paragraph, as an offset in EMUs or an alignment
("left", "center"...), and a size (``wp:extent``). Grouped shapes (``wpg:wgp``) place each member
through the group's child coordinate space. Old-style VML boxes (``w:pict``, read only where no
DrawingML choice exists) carry the same in a CSS-like ``style``.

Coordinates here run from the page's top-left corner downwards, in points; ``word`` turns the
boxes into the segments ``layout`` orders, so DOCX and PDF share one notion of reading order.
Nothing here renders text: line heights and widths are estimates from the font size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

EMU_PER_PT = 12_700
TWIPS_PER_PT = 20
LINE_HEIGHT_EM = 1.2  # single spacing in Word's common fonts
PARAGRAPH_SPACE_EM = 0.6  # space after a paragraph in the default styles
CHAR_WIDTH_EM = 0.5  # mean advance of a proportional font's characters
DEFAULT_SIZE_PT = 11.0

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_VML_LENGTH_RE = re.compile(r"^(-?[\d.]+)\s*(pt|in|cm|mm|px|emu|pc)?$")
_VML_UNITS = {"pt": 1.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "px": 0.75, "pc": 12.0}


@dataclass(frozen=True)
class PageGeometry:
    """A section's page size and margins, in points."""

    width: float = 612.0
    height: float = 792.0
    left: float = 72.0
    right: float = 72.0
    top: float = 72.0
    bottom: float = 72.0

    @property
    def content_width(self) -> float:
        """Width between the left and right margins."""
        return max(self.width - self.left - self.right, 72.0)


@dataclass(frozen=True)
class Box:
    """A rectangle on the page (top-left origin, points) holding one text box's content."""

    x: float
    y: float
    width: float
    height: float
    content: Any  # the w:txbxContent element


def page_geometry(section_properties: Any) -> PageGeometry:
    """Read ``w:pgSz`` and ``w:pgMar`` of a ``w:sectPr`` (Letter with 1-inch margins if absent)."""
    if section_properties is None:
        return PageGeometry()
    values: dict[str, float] = {}
    for child in section_properties:
        name = _local(child)
        if name == "pgSz":
            values["width"] = _twips(child.get(f"{{{_W}}}w"), 612.0)
            values["height"] = _twips(child.get(f"{{{_W}}}h"), 792.0)
        elif name == "pgMar":
            for side in ("left", "right", "top", "bottom"):
                values[side] = abs(_twips(child.get(f"{{{_W}}}{side}"), 72.0))
    geometry = PageGeometry(**values)
    if geometry.width <= 0 or geometry.height <= 0:
        return PageGeometry()
    return geometry


def placed_boxes(drawing: Any, page: PageGeometry, paragraph_top: float) -> list[Box] | None:
    """The text boxes of one ``w:drawing`` or ``w:pict`` with their place on the page.

    Args:
        drawing: The ``w:drawing`` (DrawingML) or ``w:pict`` (VML) element.
        page: The section's page geometry.
        paragraph_top: Where the anchoring paragraph starts (points from the top of the first
            page, estimated from the text above it).

    Returns:
        The boxes (several for a group), or None when the drawing is not positioned (an inline
        drawing, an anchor without a position): its text then stays in the text flow.
    """
    for child in drawing:
        name = _local(child)
        if name == "anchor" and _namespace(child) == _WP:
            frame = _anchor_frame(child, page, paragraph_top)
            if frame is None:
                return None
            boxes: list[Box] = []
            for graphic in child.iter(f"{{{_A}}}graphicData"):
                for shape in graphic:
                    boxes.extend(_shape_boxes(shape, frame, None))
                break
            return boxes
        if name == "shape" or name == "rect" or name == "roundrect":
            box = _vml_box(child, page, paragraph_top)
            return None if box is None else [box]
    return None


def _anchor_frame(
    anchor: Any, page: PageGeometry, paragraph_top: float
) -> tuple[float, float, float, float] | None:
    extent = next((c for c in anchor if _local(c) == "extent"), None)
    width = _emu(extent.get("cx") if extent is not None else None)
    height = _emu(extent.get("cy") if extent is not None else None)
    horizontal = next((c for c in anchor if _local(c) == "positionH"), None)
    vertical = next((c for c in anchor if _local(c) == "positionV"), None)
    if horizontal is None or vertical is None:
        return None
    page_index = int(max(paragraph_top, 0.0) // page.height)
    page_top = page_index * page.height
    x = _position(horizontal, width, _horizontal_area(horizontal.get("relativeFrom"), page))
    y = _position(
        vertical,
        height,
        _vertical_area(vertical.get("relativeFrom"), page, page_top, paragraph_top),
    )
    if x is None or y is None:
        return None
    return x, y, width, height


def _horizontal_area(relative: str | None, page: PageGeometry) -> tuple[float, float]:
    if relative == "page":
        return 0.0, page.width
    if relative == "leftMargin":
        return 0.0, page.left
    if relative == "rightMargin":
        return page.width - page.right, page.width
    # margin, column, character, insideMargin, outsideMargin: the text column's edges
    return page.left, page.width - page.right


def _vertical_area(
    relative: str | None, page: PageGeometry, page_top: float, paragraph_top: float
) -> tuple[float, float]:
    if relative == "page":
        return page_top, page_top + page.height
    if relative in {"margin", "insideMargin", "outsideMargin"}:
        return page_top + page.top, page_top + page.height - page.bottom
    if relative == "topMargin":
        return page_top, page_top + page.top
    if relative == "bottomMargin":
        return page_top + page.height - page.bottom, page_top + page.height
    # paragraph, line: from where the anchoring paragraph starts
    return paragraph_top, paragraph_top + page.height


def _position(element: Any, size: float, area: tuple[float, float]) -> float | None:
    for child in element:
        name = _local(child)
        text = (child.text or "").strip()
        if name == "posOffset":
            try:
                return area[0] + int(text) / EMU_PER_PT
            except ValueError:
                return None
        if name == "align":
            if text in {"left", "top", "inside"}:
                return area[0]
            if text in {"right", "bottom", "outside"}:
                return area[1] - size
            if text == "center":
                return (area[0] + area[1] - size) / 2
            return area[0]
        if name == "pctPosHOffset" or name == "pctPosVOffset":
            try:
                return area[0] + (area[1] - area[0]) * int(text) / 100_000
            except ValueError:
                return None
    return None


# An affine map from a shape's coordinates to the page: x' = sx * x + tx, y' = sy * y + ty.
_Transform = tuple[float, float, float, float]


def _shape_boxes(
    shape: Any, frame: tuple[float, float, float, float], transform: _Transform | None
) -> list[Box]:
    """Boxes of a ``wps:wsp`` (one) or a ``wpg:wgp``/``wpg:grpSp`` group (one per member)."""
    name = _local(shape)
    if name == "wsp":
        content = next(iter(shape.iter(f"{{{_W}}}txbxContent")), None)
        if content is None:
            return []
        x, y, width, height = frame
        if transform is not None:
            offset, extent = _xfrm(shape)
            if offset is not None and extent is not None:
                sx, sy, tx, ty = transform
                x, y = sx * offset[0] + tx, sy * offset[1] + ty
                width, height = sx * extent[0], sy * extent[1]
        return [Box(x, y, width, height, content)]
    if name in {"wgp", "grpSp"}:
        inner = _group_transform(shape, frame, transform)
        boxes: list[Box] = []
        for member in shape:
            if _local(member) in {"wsp", "grpSp"}:
                boxes.extend(_shape_boxes(member, frame, inner))
        return boxes
    return []


def _group_transform(
    group: Any, frame: tuple[float, float, float, float], outer: _Transform | None
) -> _Transform:
    """The map from a group's child coordinates to the page."""
    properties = next((c for c in group if _local(c) == "grpSpPr"), None)
    xfrm = (
        next((c for c in properties if _local(c) == "xfrm"), None)
        if properties is not None
        else None
    )
    values: dict[str, tuple[float, float]] = {}
    if xfrm is not None:
        for child in xfrm:
            first, second = ("x", "y") if _local(child) in {"off", "chOff"} else ("cx", "cy")
            try:
                values[_local(child)] = (float(child.get(first, 0)), float(child.get(second, 0)))
            except ValueError:
                continue
    offset = values.get("off", (0.0, 0.0))
    extent = values.get("ext")
    child_offset = values.get("chOff", (0.0, 0.0))
    child_extent = values.get("chExt") or extent
    if outer is None:
        # The top group fills the anchor's frame.
        x, y, width, height = frame
        if not child_extent or child_extent[0] <= 0 or child_extent[1] <= 0:
            return 1 / EMU_PER_PT, 1 / EMU_PER_PT, x, y
        sx, sy = width / child_extent[0], height / child_extent[1]
        return sx, sy, x - sx * child_offset[0], y - sy * child_offset[1]
    osx, osy, otx, oty = outer
    if not extent or not child_extent or child_extent[0] <= 0 or child_extent[1] <= 0:
        return outer
    # A nested group: its box in the parent's child space, its own child space inside it.
    sx = osx * extent[0] / child_extent[0]
    sy = osy * extent[1] / child_extent[1]
    tx = osx * offset[0] + otx - sx * child_offset[0]
    ty = osy * offset[1] + oty - sy * child_offset[1]
    return sx, sy, tx, ty


def _xfrm(shape: Any) -> tuple[tuple[float, float] | None, tuple[float, float] | None]:
    for properties in shape:
        if _local(properties) != "spPr":
            continue
        for xfrm in properties:
            if _local(xfrm) != "xfrm":
                continue
            offset = extent = None
            for child in xfrm:
                try:
                    if _local(child) == "off":
                        offset = (float(child.get("x", 0)), float(child.get("y", 0)))
                    elif _local(child) == "ext":
                        extent = (float(child.get("cx", 0)), float(child.get("cy", 0)))
                except ValueError:
                    continue
            return offset, extent
    return None, None


def _vml_box(shape: Any, page: PageGeometry, paragraph_top: float) -> Box | None:
    """A VML shape with ``position:absolute`` in its style, placed like an anchor."""
    style = {}
    for item in (shape.get("style") or "").split(";"):
        key, _, value = item.partition(":")
        style[key.strip().lower()] = value.strip().lower()
    if style.get("position") != "absolute":
        return None
    content = next(iter(shape.iter(f"{{{_W}}}txbxContent")), None)
    if content is None:
        return None
    lengths = [
        _vml_length(style.get(key)) for key in ("margin-left", "margin-top", "width", "height")
    ]
    if any(value is None for value in lengths):
        return None
    left, top, width, height = (value or 0.0 for value in lengths)
    page_index = int(max(paragraph_top, 0.0) // page.height)
    horizontal = _horizontal_area(style.get("mso-position-horizontal-relative", "column"), page)
    vertical = _vertical_area(
        style.get("mso-position-vertical-relative", "paragraph"),
        page,
        page_index * page.height,
        paragraph_top,
    )
    return Box(horizontal[0] + left, vertical[0] + top, width, height, content)


def _vml_length(value: str | None) -> float | None:
    if value is None:
        return None
    match = _VML_LENGTH_RE.match(value)
    if match is None:
        return None
    number = float(match[1])
    unit = match[2] or "px"
    if unit == "emu":
        return number / EMU_PER_PT
    return number * _VML_UNITS[unit]


def text_height(text: str, size: float, width: float) -> float:
    """Estimated height of a paragraph's text set in ``width`` points at ``size`` points."""
    lines = max(1, -(-int(len(text) * CHAR_WIDTH_EM * size) // max(int(width), 1)))
    return lines * LINE_HEIGHT_EM * size


def text_width(text: str, size: float, width: float) -> float:
    """Estimated width of one line of text, at most ``width``."""
    return min(max(len(text), 1) * CHAR_WIDTH_EM * size, max(width, 1.0))


def _emu(value: str | None) -> float:
    try:
        return max(int(value or 0), 0) / EMU_PER_PT
    except ValueError:
        return 0.0


def _twips(value: str | None, default: float) -> float:
    try:
        return int(float(value)) / TWIPS_PER_PT if value is not None else default
    except ValueError:
        return default


def _local(element: Any) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _namespace(element: Any) -> str:
    tag = element.tag
    return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else ""
