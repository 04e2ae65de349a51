"""``batch --job``: postings parsed once, a column set per posting, the cache keyed by postings."""

from __future__ import annotations

from pathlib import Path

from resume_fit.batch import records_to_frame, run_batch
from resume_fit.batch.output import posting_ids
from resume_fit.batch.runner import read_postings

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
ANALYST = "Data Analyst\nRequirements\n- SQL\n- Tableau or Power BI\n- Excel\n- A/B testing\n"
PLATFORM = "MLOps Engineer\nRequirements\n- Kubernetes\n- Docker\n- Terraform\n- MLflow\n"


def test_batch_postings_each_give_columns_and_the_best_is_job_score(tmp_path: Path) -> None:
    (tmp_path / "cv.docx").write_bytes((SAMPLES / "data_analyst.docx").read_bytes())
    postings = read_postings([ANALYST, PLATFORM])
    result = run_batch([tmp_path], jobs=0, postings=postings)
    [record] = result.records
    assert [entry["title"] for entry in record["jobs"]] == ["Data Analyst", "MLOps Engineer"]
    ids = posting_ids(postings)
    assert ids == ("posting", "posting_2")
    table = records_to_frame(result.records, jobs=ids)
    row = table.iloc[0]
    assert row["job_score"] == max(row["job_posting_score"], row["job_posting_2_score"])
    assert row["job_posting_score"] > row["job_posting_2_score"]
    assert row["job_posting_2_required"].startswith("0/")


def test_batch_postings_are_part_of_the_cache_key(tmp_path: Path) -> None:
    folder, cache = tmp_path / "cvs", tmp_path / "cache"
    folder.mkdir()
    (folder / "cv.docx").write_bytes((SAMPLES / "data_analyst.docx").read_bytes())
    first = run_batch([folder], jobs=0, cache_dir=cache, postings=read_postings([ANALYST]))
    again = run_batch([folder], jobs=0, cache_dir=cache, postings=read_postings([ANALYST]))
    other = run_batch([folder], jobs=0, cache_dir=cache, postings=read_postings([PLATFORM]))
    assert again.stats.from_cache == 1 and again.records[0]["jobs"] == first.records[0]["jobs"]
    assert other.stats.from_cache == 0
    assert other.records[0]["jobs"][0]["title"] == "MLOps Engineer"


def test_batch_without_postings_has_no_job_columns(tmp_path: Path) -> None:
    (tmp_path / "cv.docx").write_bytes((SAMPLES / "data_analyst.docx").read_bytes())
    table = records_to_frame(run_batch([tmp_path], jobs=0).records)
    assert not [c for c in table.columns if c.startswith("job")]


USER_ROLES = """
[[roles]]
id = "bi-analyst"
name = "BI Analyst"
family = "data"
summary = "Builds dashboards and reports for the business."
titles = ["bi analyst"]
required = ["sql", "tableau", "excel"]
preferred = ["python"]
"""


def test_batch_catalogue_and_postings_together_score_both_and_key_the_cache(
    tmp_path: Path,
) -> None:
    folder, cache = tmp_path / "cvs", tmp_path / "cache"
    folder.mkdir()
    (folder / "cv.docx").write_bytes((SAMPLES / "data_analyst.docx").read_bytes())
    roles = tmp_path / "my_roles.toml"
    roles.write_text(USER_ROLES, encoding="utf-8")
    both = run_batch(
        [folder], jobs=0, cache_dir=cache, catalogue=roles, postings=read_postings([ANALYST])
    )
    [record] = both.records
    assert "bi-analyst" in record["roles"]
    assert record["jobs"][0]["title"] == "Data Analyst"
    # Neither the shipped catalogue with the posting nor the user's roles alone reuse that entry.
    shipped = run_batch([folder], jobs=0, cache_dir=cache, postings=read_postings([ANALYST]))
    alone = run_batch([folder], jobs=0, cache_dir=cache, catalogue=roles)
    assert shipped.stats.from_cache == 0 and "bi-analyst" not in shipped.records[0]["roles"]
    assert alone.stats.from_cache == 0 and not alone.records[0]["jobs"]
    again = run_batch(
        [folder], jobs=0, cache_dir=cache, catalogue=roles, postings=read_postings([ANALYST])
    )
    assert again.stats.from_cache == 1


def test_batch_summaries_markdown_and_html_show_each_posting(tmp_path: Path, html_problems) -> None:
    from resume_fit.batch.summary import render_summary
    from resume_fit.batch.summary_html import render_summary_html

    (tmp_path / "cv.docx").write_bytes((SAMPLES / "data_analyst.docx").read_bytes())
    result = run_batch([tmp_path], jobs=0, postings=read_postings([ANALYST]))
    ids = posting_ids(result.postings)
    markdown = render_summary(result.records, jobs=ids, postings=result.postings)
    page = render_summary_html(result.records, jobs=ids, postings=result.postings)
    assert "## Job posting: Data Analyst (`posting`)" in markdown
    assert "| sql | required | 1 |" in markdown
    assert html_problems(page) == []
    assert "Job posting: Data Analyst (<code>posting</code>)" in page
    assert '<tr><td>sql</td><td>required</td><td class="num">1</td></tr>' in page


def test_batch_resume_with_job_scores_journal_rows_against_the_posting(
    tmp_path: Path, capsys
) -> None:
    """A journal written without --job holds rows with no job columns: they are scored again."""
    import pandas as pd

    from resume_fit.batch import journal_path, run_batch_cli

    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "analyst.docx").write_bytes((SAMPLES / "data_analyst.docx").read_bytes())
    (folder / "platform.txt").write_text(
        "Dana Reyes\nPlatform Engineer, Northwind Freight, 2019 - present\n"
        "- Ran Kubernetes clusters and Docker builds for forty services\n"
        "- Wrote Terraform modules for the staging and production networks\n"
        "Skills: Kubernetes, Docker, Terraform, Python\n"
    )
    out = tmp_path / "ranked.csv"
    # An interrupted run without --job leaves its journal (as run_batch_cli does until the end).
    first = run_batch([folder], jobs=0, journal=journal_path(out))
    assert all(record["jobs"] == [] for record in first.records)
    assert journal_path(out).exists()

    result = run_batch_cli([folder], out, jobs=0, resume=True, postings=[ANALYST])
    assert result.stats.resumed == 0 and result.stats.analysed == 2
    assert "written for no posting (--job); its 2 files are scored again" in capsys.readouterr().err
    table = pd.read_csv(out)
    assert table["job_posting_score"].notna().all()
    assert set(table["job_posting_required"].str.split("/").str[1]) == {"4"}


def test_batch_resume_with_the_same_job_reuses_the_journal(tmp_path: Path) -> None:
    from resume_fit.batch import journal_path

    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "analyst.docx").write_bytes((SAMPLES / "data_analyst.docx").read_bytes())
    journal = journal_path(tmp_path / "ranked.csv")
    postings = read_postings([ANALYST])
    first = run_batch([folder], jobs=0, journal=journal, postings=postings)
    again = run_batch([folder], jobs=0, journal=journal, resume=True, postings=postings)
    assert again.stats.resumed == 1 and again.stats.analysed == 0
    assert again.records[0]["jobs"] == first.records[0]["jobs"]
    other = run_batch(
        [folder], jobs=0, journal=journal, resume=True, postings=read_postings([PLATFORM])
    )
    assert other.stats.resumed == 0
    assert other.records[0]["jobs"][0]["title"] == "MLOps Engineer"
