"""DOCX parsing on documents built with python-docx: tables, text boxes, headers, hyperlinks."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from resume_fit.config import Limits
from resume_fit.errors import LimitExceededError, UnreadableDocumentError, UnsupportedFormatError
from resume_fit.parse import parse_file

FILLER = (
    "Maintained nightly data pipelines, reviewed pull requests, wrote runbooks and mentored two "
    "junior engineers on testing and deployment practice."
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    f'xmlns:w="{W}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _text_box_run(text: str) -> str:
    """A run holding a text box twice: DrawingML in mc:Choice and VML in mc:Fallback."""
    paragraph = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
    return (
        f"<w:r {NAMESPACES}><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
        f"<wps:wsp><wps:txbx><w:txbxContent>{paragraph}</w:txbxContent></wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{paragraph}</w:txbxContent>"
        "</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def _add_hyperlink(paragraph: docx.text.paragraph.Paragraph, url: str, text: str) -> None:
    rid = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = parse_xml(
        f'<w:hyperlink {NAMESPACES} xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
        f'2006/relationships" r:id="{rid}"><w:r><w:t>{text}</w:t></w:r></w:hyperlink>'
    )
    paragraph._p.append(link)


@pytest.fixture
def rich_docx(tmp_path: Path) -> Path:
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Alex Rivera | alex@example.com | +1 555 0100"
    section.footer.paragraphs[0].text = "References available on request"
    contact = document.add_paragraph("Find me: ")
    _add_hyperlink(contact, "https://github.com/arivera", "GitHub")
    document.add_heading("Professional Experience", level=1)
    document.add_paragraph("Data Analyst, Northwind Traders (2019 - 2023)")
    document.add_paragraph("Automated weekly sales reporting", style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Reporting stack"
    inner = table.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "Tableau dashboards"
    inner.cell(0, 1).text = "PostgreSQL reporting"
    document.add_heading("Technical Skills", level=1)
    skills = document.add_paragraph("Listed in the box: ")
    skills._p.append(parse_xml(_text_box_run("Excel modelling and Power BI")))
    document.add_heading("Education", level=1)
    document.add_paragraph("BSc Statistics, University of Leeds")
    new_section = document.add_section()
    new_section.header.is_linked_to_previous = False
    new_section.header.paragraphs[0].text = "Second section header"
    document.add_paragraph("Languages")
    document.add_paragraph("Spanish (fluent)")
    path = tmp_path / "analyst.docx"
    document.save(path)
    return path


def test_parse_word_reads_everything_in_order(rich_docx: Path) -> None:
    resume = parse_file(rich_docx)
    text = resume.text
    order = [
        "Alex Rivera | alex@example.com",
        "Second section header",
        "Find me: GitHub",
        "Professional Experience",
        "Data Analyst, Northwind Traders",
        "Reporting stack",
        "Tableau dashboards",
        "PostgreSQL reporting",
        "Technical Skills",
        "Excel modelling and Power BI",
        "Education",
        "Spanish (fluent)",
        "References available on request",
    ]
    positions = [text.index(item) for item in order]
    assert positions == sorted(positions)
    assert resume.format == "docx"
    assert resume.quality.method == "docx"


def test_parse_word_text_box_alternate_content_read_once(rich_docx: Path) -> None:
    resume = parse_file(rich_docx)
    assert resume.text.count("Excel modelling and Power BI") == 1


def test_parse_word_table_cells_on_own_lines(rich_docx: Path) -> None:
    lines = parse_file(rich_docx).text.split("\n")
    assert "Tableau dashboards" in lines
    assert "PostgreSQL reporting" in lines


def test_parse_word_list_paragraphs_become_bullets(rich_docx: Path) -> None:
    assert "\n- Automated weekly sales reporting\n" in parse_file(rich_docx).text


def test_parse_word_headers_footers_once(rich_docx: Path) -> None:
    text = parse_file(rich_docx).text
    assert text.count("Alex Rivera") == 1
    assert text.count("References available on request") == 1


def test_parse_word_hyperlinks_and_sections(rich_docx: Path) -> None:
    resume = parse_file(rich_docx)
    assert resume.links[0].url == "https://github.com/arivera"
    assert resume.links[0].text == "GitHub"
    assert "mailto:alex@example.com" in [link.url for link in resume.links]
    kinds = [s.kind for s in resume.sections]
    assert kinds[:4] == ["contact", "experience", "skills", "education"]
    assert "languages" in kinds
    start = resume.text.index("Excel modelling")
    assert resume.section_kind_at(start) == "skills"


def test_parse_word_zip_bomb_refused_before_decompressing(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document/>")
        archive.writestr("word/media/padding.bin", b"\0" * 20_000_000)
    assert path.stat().st_size < 100_000
    with pytest.raises(LimitExceededError) as caught:
        parse_file(path)
    assert "zip bomb" in caught.value.reason


def test_parse_word_unzipped_size_limit(rich_docx: Path) -> None:
    with pytest.raises(LimitExceededError) as caught:
        parse_file(rich_docx, Limits(max_unzipped_bytes=1000))
    assert "decompress" in caught.value.reason


def test_parse_word_corrupt_docx_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")
        archive.writestr("word/document.xml", "<w:document><w:body><w:p>")
    with pytest.raises(UnreadableDocumentError) as caught:
        parse_file(path)
    assert caught.value.path == str(path)


def test_parse_word_truncated_docx_refused(rich_docx: Path, tmp_path: Path) -> None:
    data = rich_docx.read_bytes()
    path = tmp_path / "truncated.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(UnreadableDocumentError):
        parse_file(path)


@pytest.mark.parametrize(
    ("member", "expected"),
    [("xl/workbook.xml", "XLSX"), ("notes.txt", "zip archive"), ("ppt/presentation.xml", "PPTX")],
)
def test_parse_word_other_zip_kinds_refused(tmp_path: Path, member: str, expected: str) -> None:
    path = tmp_path / "thing.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(member, "hello")
    with pytest.raises(UnsupportedFormatError) as caught:
        parse_file(path)
    assert expected in caught.value.reason


def test_parse_word_body_walk_skips_deleted_text(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Skills", level=1)
    paragraph = document.add_paragraph("Python")
    deleted = parse_xml(f"<w:del {NAMESPACES}><w:r><w:delText> COBOL</w:delText></w:r></w:del>")
    paragraph._p.append(deleted)
    inserted = parse_xml(f"<w:ins {NAMESPACES}><w:r><w:t> and Rust</w:t></w:r></w:ins>")
    paragraph._p.append(inserted)
    assert paragraph._p.find(qn("w:ins")) is not None
    document.add_paragraph(FILLER)
    path = tmp_path / "tracked.docx"
    document.save(path)
    text = parse_file(path).text
    assert "Python and Rust" in text
    assert "COBOL" not in text


def test_parse_word_hyperlink_field_code(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Contact", level=1)
    paragraph = document.add_paragraph()
    for xml in (
        '<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r {ns}><w:instrText xml:space="preserve"> HYPERLINK "https://gitlab.com/kim" '
        "</w:instrText></w:r>",
        '<w:r {ns}><w:fldChar w:fldCharType="separate"/></w:r>',
        "<w:r {ns}><w:t>my GitLab</w:t></w:r>",
        '<w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml.format(ns=NAMESPACES)))
    document.add_paragraph("Platform engineer maintaining CI runners and Terraform modules.")
    document.add_paragraph(FILLER)
    path = tmp_path / "fields.docx"
    document.save(path)
    resume = parse_file(path)
    assert "my GitLab" in resume.text
    assert "HYPERLINK" not in resume.text
    assert resume.links[0].url == "https://gitlab.com/kim"


DOCUMENT_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{doctype}'
    f'<w:document xmlns:w="{W}"><w:body>'
    "<w:p><w:r><w:t>Experience</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>Platform engineer &payload; running Kubernetes clusters and Terraform "
    "modules for twelve product teams, with on-call rotations and runbooks.</w:t></w:r></w:p>"
    "</w:body></w:document>"
)
BILLION_LAUGHS = (
    '<!DOCTYPE w:document [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + '<!ENTITY payload "&lol9;">]>'
)


def _docx_with_document_xml(tmp_path: Path, doctype: str, name: str) -> Path:
    base = tmp_path / "base.docx"
    docx.Document().save(base)
    path = tmp_path / name
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = DOCUMENT_XML.format(doctype=doctype).encode()
            target.writestr(item, data)
    return path


@pytest.mark.parametrize(
    ("name", "doctype"),
    [
        ("laughs.docx", BILLION_LAUGHS),
        ("xxe_file.docx", '<!DOCTYPE w:document [<!ENTITY payload SYSTEM "file:///etc/passwd">]>'),
        (
            "xxe_url.docx",
            '<!DOCTYPE w:document [<!ENTITY payload SYSTEM "http://198.51.100.7/x">]>',
        ),
    ],
)
def test_parse_word_entity_declarations_refused(tmp_path: Path, name: str, doctype: str) -> None:
    path = _docx_with_document_xml(tmp_path, doctype, name)
    with pytest.raises(UnreadableDocumentError, match="declares a DTD") as caught:
        parse_file(path)
    assert caught.value.exit_code == 5 and name in str(caught.value)


def test_parse_word_entities_never_expanded_by_the_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_network: None
) -> None:
    """Without the DTD check, the XML reader itself neither expands nor fetches entities: it
    refuses the part (lxml will not build a tree with unresolved entity references) or reads
    the text without them, and never opens a socket (``no_network`` makes any connect fail)."""
    from resume_fit.parse import word
    from resume_fit.parse.extraction import Deadline

    monkeypatch.setattr(word, "refuse_dtds", lambda path: None)
    for doctype in (
        BILLION_LAUGHS,
        '<!DOCTYPE w:document [<!ENTITY payload SYSTEM "file:///etc/passwd">]>',
    ):
        path = _docx_with_document_xml(tmp_path, doctype, "inner.docx")
        try:
            text = word.read_docx(path, Deadline(path, 10)).text
        except UnreadableDocumentError as error:
            assert "corrupt DOCX" in str(error)
            continue
        assert "lol" not in text and "root:" not in text
        assert len(text) < 1000


def test_parse_word_all_caps_runs_read_in_capitals(tmp_path: Path) -> None:
    document = docx.Document()
    heading = document.add_paragraph()
    run = heading.add_run("Achievements and Publications")
    run.font.all_caps = True
    document.add_paragraph(
        "Best paper award at a regional workshop on applied statistics for a study of retail "
        "demand forecasting with gradient boosted trees and hierarchical reconciliation."
    )
    path = tmp_path / "caps.docx"
    document.save(path)
    resume = parse_file(path)
    assert "ACHIEVEMENTS AND PUBLICATIONS" in resume.text
    assert [s.kind for s in resume.sections] == ["publications"]
