"""Format sniffing, limits and refusals: every bad input gives one domain error naming the file."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from resume_fit.config import Limits
from resume_fit.errors import (
    InputNotFoundError,
    LimitExceededError,
    NoTextError,
    ResumeFitError,
    UnsupportedFormatError,
)
from resume_fit.parse import parse_file, parse_text

FILLER = (
    "Maintained nightly data pipelines, reviewed pull requests, wrote runbooks and mentored two "
    "junior engineers on testing and deployment practice."
)

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + zlib.compress(b"\x00" * 64)


def test_parse_document_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError) as caught:
        parse_file(tmp_path / "nope.pdf")
    assert str(caught.value) == f"{tmp_path / 'nope.pdf'}: no such file"


def test_parse_document_directory(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError) as caught:
        parse_file(tmp_path)
    assert "directory" in caught.value.reason


def test_parse_document_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(NoTextError) as caught:
        parse_file(path)
    assert caught.value.reason == "empty file"


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("photo.pdf", PNG, "PNG image"),
        ("cv.docx", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG image"),
        ("cv.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "legacy Office"),
        ("cv.txt", bytes(range(256)) * 4, "binary data"),
        ("cv.pdf", b"\x00\x01\x02\x03garbage\x00\x00\x00\x00\x00", "binary data"),
        ("cv.html", b"<!DOCTYPE html><html><body>CV</body></html>", "HTML page"),
    ],
)
def test_parse_document_unsupported_formats(
    tmp_path: Path, name: str, data: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UnsupportedFormatError) as caught:
        parse_file(path)
    assert expected in caught.value.reason
    assert "\n" not in str(caught.value)


def test_parse_document_pdf_content_wins_over_txt_suffix(tmp_path: Path) -> None:
    from pdf_writer import make_pdf, two_column_page

    path = tmp_path / "resume.txt"
    path.write_bytes(make_pdf([two_column_page()]))
    assert parse_file(path).format == "pdf"


def test_parse_document_text_without_suffix(tmp_path: Path) -> None:
    path = tmp_path / "resume"
    path.write_text(
        "Experience\nData engineer building Spark pipelines on AWS\n" + FILLER + "\n",
        encoding="utf-8",
    )
    resume = parse_file(path)
    assert resume.format == "text"
    assert resume.sections[0].kind == "experience"


def test_parse_document_file_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text("Skills\nPython " * 100, encoding="utf-8")
    with pytest.raises(LimitExceededError) as caught:
        parse_file(path, Limits(max_bytes=100))
    assert "100-byte limit" in caught.value.reason


def test_parse_document_limits_from_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "cv.txt"
    path.write_text("Skills\nPython " * 100, encoding="utf-8")
    monkeypatch.setenv("RESUME_FIT_MAX_BYTES", "50")
    with pytest.raises(LimitExceededError):
        parse_file(path)


@pytest.mark.parametrize(
    "text",
    [
        "\u2591\u2592\u2593\u25a0\u25a1" * 40,
        " ".join(["xkcd", "bcdfg", "qwrtp", "zxcvb", "mnbvc"] * 10),
        "ok",
    ],
)
def test_parse_document_garbage_text_refused(text: str) -> None:
    with pytest.raises(NoTextError):
        parse_text(text)


def test_parse_document_every_error_is_domain_error(tmp_path: Path) -> None:
    cases = {"a.pdf": b"%PDF-1.4\n%%EOF", "b.docx": b"PK\x03\x04broken", "c.png": PNG}
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(ResumeFitError) as caught:
            parse_file(path)
        assert caught.value.path == str(path)


def test_parse_document_quality_report(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    body = "Experience\n" + "Built and shipped recommendation models in production.\n" * 20
    path.write_text(body, encoding="utf-8")
    quality = parse_file(path).quality
    assert (quality.method, quality.pages, quality.verdict) == ("text", 1, "good")
    assert quality.chars == len(body.strip())
    assert quality.unreadable_ratio == 0.0
    assert quality.columns is False


LONG_TEXT = (
    "Dana Whitfield\nExperience\nData analyst at Fourth Coffee from 2019 to 2024, building "
    "Power BI dashboards and SQL reports for the finance team, and automating the monthly "
    "close with Python scripts that cut the reporting time in half.\n"
)


@pytest.mark.parametrize(
    ("name", "content", "found"),
    [
        ("cv.docx", LONG_TEXT.encode(), "plain text"),
        ("cv.pdf", LONG_TEXT.encode(), "plain text"),
        ("cv.pdf", b"PK\x03\x04" + bytes(64), "zip archive"),
        ("cv.docx", b"%PDF-1.4\n" + bytes(64), "a PDF"),
        ("cv.docx", b"\x89PNG\r\n\x1a\n" + bytes(64), "PNG image"),
    ],
)
def test_parse_document_suffix_promises_another_format(
    tmp_path: Path, name: str, content: bytes, found: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnsupportedFormatError) as caught:
        parse_file(path)
    message = str(caught.value)
    assert caught.value.exit_code == 4
    assert name in message and found in message and "\n" not in message


def test_parse_document_too_few_words_refused(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text("Dana Whitfield, analyst\n", encoding="utf-8")
    with pytest.raises(NoTextError, match=r"only 3 word\(s\)") as caught:
        parse_file(path)
    assert caught.value.exit_code == 7


def test_parse_document_text_named_txt_still_read(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text(LONG_TEXT, encoding="utf-8")
    assert parse_file(path).format == "text"
