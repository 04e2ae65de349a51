"""The batch on the real pipeline: a TXT and a DOCX resume, scored in worker processes."""

from __future__ import annotations

import tempfile
from pathlib import Path

TEXT = """Jane Doe
jane@example.com

Summary
Machine learning engineer with 6 years of experience building NLP systems.

Experience
Senior ML Engineer, Acme Corp, Jan 2019 - Present
- Trained PyTorch models for text classification and deployed them with Docker and Kubernetes.
- Built data pipelines in Python and SQL; tracked experiments with MLflow.

Education
MSc Computer Science, 2018

Skills
Python, PyTorch, scikit-learn, SQL, Docker, Kubernetes, AWS
"""


def test_batch_real_pipeline_scores_txt_and_docx(tmp_path: Path):
    import docx

    from resume_fit.batch import score_folder

    (tmp_path / "jane.txt").write_text(TEXT, encoding="utf-8")
    document = docx.Document()
    for line in TEXT.splitlines():
        document.add_paragraph(line)
    document.save(tmp_path / "jane.docx")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "photo.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    (tmp_path / "corrupt.pdf").write_bytes(b"%PDF-1.4 garbage")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "short.txt").write_text("Jane Doe, ML engineer, Python\n", encoding="utf-8")
    (tmp_path / "text.docx").write_text(TEXT, encoding="utf-8")

    frame = score_folder(tmp_path, jobs=2)
    rows = frame.set_index(frame["path"].map(lambda p: Path(p).name))
    assert sorted(rows.index) == sorted(
        [
            "broken.docx",
            "corrupt.pdf",
            "empty.txt",
            "jane.docx",
            "jane.txt",
            "photo.pdf",
            "short.txt",
            "text.docx",
        ]
    )
    expected_kinds = {
        "broken.docx": "corrupt",
        "corrupt.pdf": "corrupt",
        "photo.pdf": "not a resume format",
        "empty.txt": "no text",
        "short.txt": "no text",
        "text.docx": "not a resume format",
    }
    for name, kind in expected_kinds.items():
        assert rows.loc[name, "status"] == "error"
        assert rows.loc[name, "error_kind"] == kind, rows.loc[name, "error"]
    for name in ("jane.txt", "jane.docx"):
        assert rows.loc[name, "status"] == "ok", rows.loc[name, "error"]
        assert {"python", "pytorch", "docker"} <= set(rows.loc[name, "skills"])
        assert rows.loc[name, "top_score"] > 0
    assert rows.loc["jane.txt", "skills"] == rows.loc["jane.docx", "skills"]


def test_batch_real_score_file_matches_the_full_report(tmp_path: Path):
    from resume_fit.api import analyze
    from resume_fit.batch.record import report_record
    from resume_fit.batch.score import score_file

    resume = tmp_path / "jane.txt"
    resume.write_text(TEXT, encoding="utf-8")
    report = analyze(resume)

    light = score_file(resume, reference_date=report.reference_date)
    assert light.roles == report.roles
    assert light.skills == report.skills
    assert report_record(light) == report_record(report)


def _folder_of_resumes(tmp_path: Path) -> Path:
    import docx

    folder = tmp_path / "cvs"
    folder.mkdir()
    for number, tool in enumerate(("Docker", "Kubernetes", "Airflow", "Spark")):
        text = TEXT.replace("Jane Doe", f"Candidate {number}").replace("Docker", tool)
        (folder / f"candidate{number}.txt").write_text(text, encoding="utf-8")
    document = docx.Document()
    for line in TEXT.splitlines():
        document.add_paragraph(line)
    document.save(folder / "jane.docx")
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.4 garbage")
    return folder


def test_batch_real_head_start_parses_from_the_end_like_parse_file(tmp_path: Path):
    import multiprocessing

    from resume_fit.batch.headstart import HeadStart
    from resume_fit.config import Limits
    from resume_fit.parse import parse_file

    folder = _folder_of_resumes(tmp_path)
    tasks = [(str(path), path) for path in sorted(folder.iterdir())]
    before = set(Path(tempfile.gettempdir()).glob("resume-fit-headstart-*"))
    head_start = HeadStart(tasks, Limits(), multiprocessing.get_context("fork"), processes=2)
    parsed = head_start.finish(wait=60)

    assert set(parsed) == {key for key, _ in tasks}
    refused = parsed[str(folder / "corrupt.pdf")]
    assert refused["status"] == "error" and refused["error_kind"] == "corrupt"
    for key, path in tasks:
        if path.suffix != ".pdf":
            assert parsed[key] == parse_file(path, Limits())
    # Its private folder of results is gone.
    assert set(Path(tempfile.gettempdir()).glob("resume-fit-headstart-*")) == before


def test_batch_real_head_start_stopped_at_once_loses_nothing(tmp_path: Path):
    import multiprocessing

    from resume_fit.batch.headstart import HeadStart
    from resume_fit.config import Limits

    folder = _folder_of_resumes(tmp_path)
    tasks = [(str(path), path) for path in sorted(folder.iterdir())]
    parsed = HeadStart(tasks, Limits(), multiprocessing.get_context("fork")).finish()
    # Stopped before it could do much: whatever it returns is whole, and only files it was given.
    assert set(parsed) <= {key for key, _ in tasks}
    for result in parsed.values():
        assert isinstance(result, dict) or result.text


def test_batch_real_parsed_text_scores_like_its_file(tmp_path: Path):
    import datetime as dt

    from resume_fit.batch.pool import WorkerPool
    from resume_fit.batch.score import score_file
    from resume_fit.config import Limits
    from resume_fit.parse import parse_file

    folder = _folder_of_resumes(tmp_path)
    paths = sorted(p for p in folder.iterdir() if p.suffix != ".pdf")
    day = dt.date(2026, 11, 22)
    pool = WorkerPool(2, score_file, Limits(), day)
    tasks = [(f"path:{p.name}", p) for p in paths]
    tasks += [(f"text:{p.name}", parse_file(p, Limits())) for p in paths]
    records = dict(pool.imap(tasks))
    for path in paths:
        assert records[f"path:{path.name}"]["status"] == "ok"
        assert records[f"text:{path.name}"] == records[f"path:{path.name}"]


def test_batch_real_rows_do_not_depend_on_the_head_start(tmp_path: Path):
    import datetime as dt

    from resume_fit.batch import run_batch

    folder = _folder_of_resumes(tmp_path)
    day = dt.date(2026, 11, 22)
    in_process = run_batch([folder], jobs=0, reference_date=day, progress=False)
    workers = run_batch([folder], jobs=2, reference_date=day, progress=False)
    one = run_batch([folder], jobs=1, reference_date=day, progress=False)
    assert workers.records == in_process.records == one.records
    assert 0 <= workers.stats.parsed_ahead <= workers.stats.files
    assert one.stats.parsed_ahead == 0  # --jobs 1: one busy process at a time, no head start
