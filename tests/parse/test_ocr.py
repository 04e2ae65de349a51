"""The optional OCR path for scanned PDFs: fake tools for the contract, real ones when present."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from pdf_writer import Page, Text, assemble_pdf, make_pdf

import resume_fit.parse.pdf  # noqa: F401 - imported up front so pdfminer's import cost is not timed
from resume_fit.config import Limits
from resume_fit.errors import LimitExceededError, NoTextError
from resume_fit.parse import parse_file
from resume_fit.parse.document import SCANNED_REASON
from resume_fit.parse.ocr import INSTALL_HINT

PAGE_ONE = """Jane Q. Example
Machine Learning Engineer, Berlin - jane@example.com

EXPERIENCE
Senior ML Engineer, Acme Corp (2019 - 2024)
« Built fraud models in Python and PyTorch that cut chargebacks by a third
"""
PAGE_TWO = """SKILLS
Python, SQL, Docker, Kubernetes, scikit-learn
\f"""

FAKE_PDFTOPPM = """#!/bin/sh
echo "$@" >> "{log}"
for last; do :; done
printf 'P5 1 1 255\\n\\377' > "$last.pgm"
"""
# Prints page one's text on its first call and page two's on the next, like a two-page scan.
# Shell builtins only, so the fakes also run with a PATH that holds nothing else.
FAKE_TESSERACT = """#!/bin/sh
echo "$@" >> "{log}"
page="{page_one}"
if [ -f "{log}.seen" ]; then page="{page_two}"; fi
: > "{log}.seen"
while IFS= read -r line || [ -n "$line" ]; do printf '%s\\n' "$line"; done < "$page"
"""


@pytest.fixture
def scan(tmp_path: Path) -> Path:
    """A two-page PDF whose pages hold only an image: no text layer at all."""
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([Page(image=True), Page(image=True)]))
    return path


def _tool(folder: Path, name: str, script: str) -> Path:
    folder.mkdir(exist_ok=True)
    tool = folder / name
    tool.write_text(script)
    tool.chmod(0o755)
    return tool


@pytest.fixture
def fake_tools(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Fake pdftoppm and tesseract first on PATH; returns the folder holding them and their logs."""
    folder = tmp_path / "bin"
    (tmp_path / "one.txt").write_text(PAGE_ONE)
    (tmp_path / "two.txt").write_text(PAGE_TWO)
    _tool(folder, "pdftoppm", FAKE_PDFTOPPM.format(log=folder / "pdftoppm.log"))
    _tool(
        folder,
        "tesseract",
        FAKE_TESSERACT.format(
            log=folder / "tesseract.log",
            page_one=tmp_path / "one.txt",
            page_two=tmp_path / "two.txt",
        ),
    )
    monkeypatch.delenv("RESUME_FIT_PDFTOPPM", raising=False)
    monkeypatch.delenv("RESUME_FIT_TESSERACT", raising=False)
    monkeypatch.setenv("PATH", str(folder))
    return folder


def test_ocr_scan_read_page_by_page_with_sections(scan: Path, fake_tools: Path) -> None:
    resume = parse_file(scan, ocr=True)
    assert resume.format == "pdf"
    assert resume.quality.method == "ocr"
    assert resume.quality.pages == 2
    assert any("OCR" in note and "recognition errors" in note for note in resume.quality.notes)
    assert resume.text.startswith("Jane Q. Example\n")
    assert "- Built fraud models in Python and PyTorch" in resume.text
    assert resume.text.index("EXPERIENCE") < resume.text.index("SKILLS")
    assert [s.kind for s in resume.sections] == ["contact", "experience", "skills"]
    skills = resume.sections[-1]
    assert "Kubernetes" in resume.text[skills.start : skills.end]
    assert resume.links[0].url == "mailto:jane@example.com"
    renders = (fake_tools / "pdftoppm.log").read_text()
    assert re.findall(r"-f (\d+) -l (\d+)", renders) == [("1", "1"), ("2", "2")]
    assert renders.count("-r 300") == 2
    reads = (fake_tools / "tesseract.log").read_text().splitlines()
    assert len(reads) == 2
    assert all(line.endswith(".pgm - -l eng") for line in reads)


def test_ocr_reads_pdf_whose_fonts_have_no_text_mapping(tmp_path: Path, fake_tools: Path) -> None:
    page = Page(
        texts=[Text(72, 700 - 14 * i, "Senior engineer at Acme", garbled=True) for i in range(8)]
    )
    path = tmp_path / "outlined.pdf"
    path.write_bytes(make_pdf([page]))
    with pytest.raises(NoTextError, match="without a text mapping"):
        parse_file(path)
    resume = parse_file(path, ocr=True)
    assert resume.quality.method == "ocr"
    assert resume.quality.unreadable_ratio == 0.0
    assert "Senior ML Engineer, Acme Corp" in resume.text


def test_ocr_over_page_limit_refused_before_ocr(scan: Path, fake_tools: Path) -> None:
    # The PDF reader refuses files over max_pages before OCR starts, so the limit is enforced there.
    with pytest.raises(LimitExceededError) as caught:
        parse_file(scan, Limits(max_pages=1), ocr=True)
    assert "2 pages" in caught.value.reason
    assert not (fake_tools / "pdftoppm.log").exists()


def test_ocr_tools_overridden_by_environment(
    scan: Path, fake_tools: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hidden = tmp_path / "elsewhere"
    hidden.mkdir()
    for name in ("pdftoppm", "tesseract"):
        (fake_tools / name).rename(hidden / name)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setenv("RESUME_FIT_PDFTOPPM", str(hidden / "pdftoppm"))
    monkeypatch.setenv("RESUME_FIT_TESSERACT", str(hidden / "tesseract"))
    assert parse_file(scan, ocr=True).quality.method == "ocr"


@pytest.mark.parametrize(
    ("present", "overrides", "named"),
    [
        ((), {}, ["pdftoppm not on PATH", "tesseract not on PATH"]),
        (("pdftoppm",), {}, ["tesseract not on PATH"]),
        (("tesseract",), {}, ["pdftoppm not on PATH"]),
        (
            ("pdftoppm", "tesseract"),
            {"RESUME_FIT_TESSERACT": "/nonexistent/tesseract"},
            ["RESUME_FIT_TESSERACT=/nonexistent/tesseract is not an executable"],
        ),
    ],
)
def test_ocr_missing_tools_name_what_to_install(
    scan: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    present: tuple[str, ...],
    overrides: dict[str, str],
    named: list[str],
) -> None:
    folder = tmp_path / "bin"
    for name in present:
        _tool(folder, name, "#!/bin/sh\nexit 0\n")
    monkeypatch.setenv("PATH", str(folder))
    monkeypatch.delenv("RESUME_FIT_PDFTOPPM", raising=False)
    monkeypatch.delenv("RESUME_FIT_TESSERACT", raising=False)
    for variable, value in overrides.items():
        monkeypatch.setenv(variable, value)
    with pytest.raises(NoTextError) as caught:
        parse_file(scan, ocr=True)
    reason = caught.value.reason
    assert str(caught.value).startswith(str(scan))
    assert reason.startswith("no usable text layer")
    assert "no OCR engine" in reason
    assert reason.endswith(INSTALL_HINT)
    assert "apt-get install poppler-utils tesseract-ocr" in reason
    for part in named:
        assert part in reason


def test_ocr_slow_tesseract_stopped_by_time_budget(
    scan: Path, fake_tools: Path, tmp_path: Path
) -> None:
    # The sleep runs in a child of the script: stopping the tool must stop its children too.
    sleep = f'"{sys.executable}" -c "import time; time.sleep(30)"'
    _tool(fake_tools, "tesseract", f"#!/bin/sh\n{sleep}\necho late\n")
    with pytest.raises(LimitExceededError) as caught:
        parse_file(scan, Limits(timeout_seconds=2.0), ocr=True)
    assert str(caught.value).startswith(str(scan))
    assert "OCR took longer than the 2 s time budget (tesseract, page 1)" in caught.value.reason
    assert "RESUME_FIT_TIMEOUT" in caught.value.reason


@pytest.mark.parametrize(
    ("tool", "script", "expected"),
    [
        (
            "pdftoppm",
            "#!/bin/sh\necho 'Syntax Error: Could not read page' >&2\nexit 1\n",
            "pdftoppm exited with status 1 on page 1 (Syntax Error: Could not read page)",
        ),
        (
            "tesseract",
            "#!/bin/sh\necho \"Failed loading language 'eng'\" >&2\nexit 1\n",
            "tesseract exited with status 1 on page 1 (Failed loading language 'eng'); "
            "install tesseract-ocr-eng",
        ),
        ("tesseract", "echo a script without its #! line\n", "cannot run"),
        ("tesseract", "#!/bin/sh\nprintf '  \\n\\f'\n", "OCR recognised no text on its 2 page(s)"),
    ],
)
def test_ocr_tool_failure_or_blank_scan_refused(
    scan: Path, fake_tools: Path, tool: str, script: str, expected: str
) -> None:
    _tool(fake_tools, tool, script)
    with pytest.raises(NoTextError) as caught:
        parse_file(scan, ocr=True)
    assert expected in caught.value.reason


def test_ocr_not_asked_still_refuses_scan(scan: Path, fake_tools: Path) -> None:
    with pytest.raises(NoTextError) as caught:
        parse_file(scan)
    assert caught.value.reason == SCANNED_REASON
    assert not (fake_tools / "pdftoppm.log").exists()
    assert not (fake_tools / "tesseract.log").exists()


def _image_pdf(pixels: bytes, width: int, height: int) -> bytes:
    """A one-page US Letter PDF holding a grayscale image and nothing else."""
    data = zlib.compress(pixels)
    content = b"q 612 0 0 792 0 0 cm /Im1 Do Q"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream"
        % (width, height, len(data), data),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
    ]
    return assemble_pdf(objects)


def test_ocr_real_tools_read_rendered_scan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pdftoppm, tesseract = shutil.which("pdftoppm"), shutil.which("tesseract")
    if pdftoppm is None or tesseract is None:
        pytest.skip("poppler-utils and tesseract-ocr are not installed")
    languages = subprocess.run(
        [tesseract, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
    )
    if "eng" not in languages.stdout.split():
        pytest.skip("tesseract has no English language data")
    monkeypatch.delenv("RESUME_FIT_PDFTOPPM", raising=False)
    monkeypatch.delenv("RESUME_FIT_TESSERACT", raising=False)
    lines = [
        ("Jane Example", 20, True),
        ("Machine Learning Engineer", 14, False),
        ("Experience", 16, True),
        ("Senior Engineer at Acme Corp, 2019 - 2024", 13, False),
        ("Built fraud models in Python and PyTorch", 13, False),
        ("Skills", 16, True),
        ("Python, SQL, Docker, Kubernetes", 13, False),
    ]
    texts = [
        Text(72, 730 - 40 * row, text, size, bold) for row, (text, size, bold) in enumerate(lines)
    ]
    typed = tmp_path / "typed.pdf"
    typed.write_bytes(make_pdf([Page(texts=texts)]))
    # pdftoppm's PGM output is a tiny header and raw 8-bit gray pixels: easy to wrap as an image.
    subprocess.run(
        [pdftoppm, "-r", "100", "-gray", "-singlefile", str(typed), str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    raw = (tmp_path / "page.pgm").read_bytes()
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", raw)
    assert header is not None
    width, height = int(header[1]), int(header[2])
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(_image_pdf(raw[header.end() :], width, height))
    with pytest.raises(NoTextError):
        parse_file(scan)

    resume = parse_file(scan, Limits(timeout_seconds=120), ocr=True)

    assert resume.quality.method == "ocr"
    assert "Python" in resume.text
    assert "Experience" in resume.text
    assert "Kubernetes" in resume.text
    assert [s.kind for s in resume.sections] == ["contact", "experience", "skills"]
