"""Dask stays optional: importing resume_fit and scoring one resume or a folder never imports it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "ml_engineer.pdf"

CHECK = """
import sys
import resume_fit
from resume_fit import cli
from resume_fit.batch import score_folder
report = resume_fit.analyze(sys.argv[1])
assert report.roles, "the sample was scored"
table = score_folder([sys.argv[1]], jobs=0)
assert list(table["status"]) == ["ok"]
loaded = sorted(
    name for name in sys.modules
    if name.split(".")[0] in {"dask", "distributed", "fsspec"} or name == "resume_fit.dask"
)
print(",".join(loaded) or "none")
"""


def test_batch_dask_import_single_resume_and_local_batch_never_import_dask():
    done = subprocess.run(
        [sys.executable, "-c", CHECK, str(SAMPLE)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "none"
