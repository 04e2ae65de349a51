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
