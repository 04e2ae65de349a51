"""A tiny PDF writer for tests: Helvetica text at given positions, link annotations, an image-only
page, and RC4 (standard security handler, revision 2) encryption. No dependencies."""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass, field

PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
FILE_ID = bytes.fromhex("0123456789abcdef0123456789abcdef")


@dataclass
class Text:
    x: float
    y: float
    text: str
    size: float = 10.0
    bold: bool = False
    garbled: bool = False  # set in a font without a text mapping: pdfminer sees (cid:NN)
    matrix: tuple[float, ...] | None = None  # a text matrix (Tm) instead of a plain position


@dataclass
class LinkBox:
    rect: tuple[float, float, float, float]
    uri: str


@dataclass
class Page:
    texts: list[Text] = field(default_factory=list)
    links: list[LinkBox] = field(default_factory=list)
    image: bool = False
    split_glyphs: bool = False  # one text object per glyph, in reverse order (fragmented stream)


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _content(page: Page) -> bytes:
    ops: list[bytes] = []
    if page.image:
        ops.append(b"q 400 0 0 300 100 400 cm /Im1 Do Q")
    for item in page.texts:
        font = b"/F2" if item.bold else b"/F1"
        if item.garbled:
            codes = "".join(f"{ord(char):04x}" for char in item.text).encode()
            ops.append(
                b"BT /F3 %.1f Tf %.2f %.2f Td <%s> Tj ET" % (item.size, item.x, item.y, codes)
            )
            continue
        if page.split_glyphs:
            from pdfminer.fontmetrics import FONT_METRICS

            widths = FONT_METRICS["Helvetica-Bold" if item.bold else "Helvetica"][1]
            x = item.x
            glyphs = []
            for char in item.text:
                glyphs.append((x, char))
                x += widths.get(char, 556) * item.size / 1000
            for gx, char in reversed(glyphs):
                if char == " ":
                    continue
                ops.append(
                    b"BT %s %.1f Tf %.2f %.2f Td (%s) Tj ET"
                    % (font, item.size, gx, item.y, _escape(char))
                )
        elif item.matrix is not None:
            ops.append(
                b"BT %s %.1f Tf %s Tm (%s) Tj ET"
                % (
                    font,
                    item.size,
                    " ".join(f"{v:g}" for v in item.matrix).encode(),
                    _escape(item.text),
                )
            )
        else:
            ops.append(
                b"BT %s %.1f Tf %.2f %.2f Td (%s) Tj ET"
                % (font, item.size, item.x, item.y, _escape(item.text))
            )
    return b"\n".join(ops)


def _rc4(key: bytes, data: bytes) -> bytes:
    state = list(range(256))
    j = 0
    for i in range(256):
        j = (j + state[i] + key[i % len(key)]) % 256
        state[i], state[j] = state[j], state[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + state[i]) % 256
        state[i], state[j] = state[j], state[i]
        out.append(byte ^ state[(state[i] + state[j]) % 256])
    return bytes(out)


def _pad(password: str) -> bytes:
    return (password.encode("latin-1") + PAD)[:32]


def assemble_pdf(objects: list[bytes]) -> bytes:
    """Serialise numbered objects (1-based, object 1 the catalog) with an xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def make_pdf(
    pages: list[Page],
    *,
    user_password: str | None = None,
    owner_password: str = "owner",
    width: float = 612,
    height: float = 792,
) -> bytes:
    """Build a PDF. With ``user_password`` set (even ""), the file is RC4-40 encrypted."""
    objects: dict[int, bytes] = {}
    streams: dict[int, bytes] = {}
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[3] = (
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    objects[4] = (
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    )
    objects[5] = (
        b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length 4 >>"
    )
    streams[5] = b"\x00\xff\xff\x00"
    objects[6] = (
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Garbled /Encoding /Identity-H "
        b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Garbled "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 "
        b"/FontDescriptor << /Type /FontDescriptor /FontName /Garbled /Flags 4 "
        b"/FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 "
        b"/StemV 80 >> >>] >>"
    )
    kids = []
    number = 7
    for page in pages:
        page_no, content_no = number, number + 1
        number += 2
        annots = []
        for link in page.links:
            objects[number] = (
                b"<< /Type /Annot /Subtype /Link /Rect [%.1f %.1f %.1f %.1f] /Border [0 0 0] "
                b"/A << /S /URI /URI (%s) >> >>" % (*link.rect, _escape(link.uri))
            )
            annots.append(b"%d 0 R" % number)
            number += 1
        annot_entry = b" /Annots [" + b" ".join(annots) + b"]" if annots else b""
        objects[page_no] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 6 0 R >> /XObject << /Im1 5 0 R >> >> "
            b"/Contents %d 0 R%s >>" % (width, height, content_no, annot_entry)
        )
        content = _content(page)
        objects[content_no] = b"<< /Length %d >>" % len(content)
        streams[content_no] = content
        kids.append(b"%d 0 R" % page_no)
    objects[2] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(kids)

    encrypt_no = None
    key = b""
    if user_password is not None:
        permissions = -4
        owner_key = hashlib.md5(_pad(owner_password)).digest()[:5]
        o_value = _rc4(owner_key, _pad(user_password))
        digest = hashlib.md5(
            _pad(user_password) + o_value + struct.pack("<i", permissions) + FILE_ID
        ).digest()
        key = digest[:5]
        u_value = _rc4(key, PAD)
        encrypt_no = number
        objects[encrypt_no] = b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>" % (
            o_value.hex().encode(),
            u_value.hex().encode(),
            permissions,
        )
        for obj_no in list(streams):
            object_key = hashlib.md5(key + struct.pack("<i", obj_no)[:3] + b"\x00\x00").digest()[
                :10
            ]
            streams[obj_no] = _rc4(object_key, streams[obj_no])
        for obj_no in list(objects):
            if b"/URI (" in objects[obj_no]:
                object_key = hashlib.md5(
                    key + struct.pack("<i", obj_no)[:3] + b"\x00\x00"
                ).digest()[:10]
                start = objects[obj_no].index(b"/URI (") + 6
                end = objects[obj_no].index(b") >> >>")
                uri = objects[obj_no][start:end].replace(b"\\(", b"(").replace(b"\\)", b")")
                objects[obj_no] = (
                    objects[obj_no][: start - 1]
                    + b"<"
                    + _rc4(object_key, uri).hex().encode()
                    + b">"
                    + objects[obj_no][end + 1 :]
                )

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for obj_no in sorted(objects):
        offsets[obj_no] = len(out)
        out += b"%d 0 obj\n" % obj_no + objects[obj_no]
        if obj_no in streams:
            out += b"\nstream\n" + streams[obj_no] + b"\nendstream"
        out += b"\nendobj\n"
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for obj_no in range(1, size):
        out += (
            b"%010d 00000 n \n" % offsets[obj_no] if obj_no in offsets else b"0000000000 65535 f \n"
        )
    trailer = b"<< /Size %d /Root 1 0 R /ID [<%s> <%s>]" % (
        size,
        FILE_ID.hex().encode(),
        FILE_ID.hex().encode(),
    )
    if encrypt_no is not None:
        trailer += b" /Encrypt %d 0 R" % encrypt_no
    out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def two_column_page() -> Page:
    """A resume page: full-width header, a left sidebar and a main column with aligned baselines."""
    texts = [
        Text(72, 740, "Jane Q. Example - Machine Learning Engineer - jane@example.com", 12),
        Text(72, 700, "SKILLS", 12, bold=True),
        Text(330, 700, "EXPERIENCE", 12, bold=True),
    ]
    left = [
        "Python, PyTorch and",
        "scikit-learn for",
        "tabular modelling",
        "Docker and Kubernetes",
        "for model serving",
        "SQL and dbt pipelines",
    ]
    right = [
        "Senior ML Engineer, Acme Corp",
        "Built a fraud model that cut",
        "chargebacks by a third in",
        "one quarter across Europe",
        "Led a team of four engineers",
        "shipping weekly releases",
    ]
    for index, (a, b) in enumerate(zip(left, right, strict=True)):
        texts.append(Text(72, 680 - 14 * index, a))
        texts.append(Text(330, 680 - 14 * index, b))
    return Page(texts=texts)
