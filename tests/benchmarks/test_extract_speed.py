"""benchmarks/extract_speed.py reports what it promises (the figures themselves are not tested)."""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]

RESUME = """Dana Whitfield
dana.whitfield@example.org

Skills
Python, SQL, PyTorch, Docker, Kubernetes

Experience
Machine Learning Engineer, Larkspur Analytics (2019 - present)
- Trained ranking models in PyTorch and served them on Kubernetes.
"""


@pytest.fixture(scope="module")
def bench(load_script) -> ModuleType:
    return load_script("benchmarks/extract_speed.py")


def test_extract_speed_reports_cpu_median_min_and_machine_load(bench, tmp_path, capsys) -> None:
    resume = tmp_path / "resume.txt"
    resume.write_text(RESUME, encoding="utf-8")
    code = bench.main(
        [str(resume), "--repeat", "3", "--two-page-repeat", "3", "--target-ms", "1e9"]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert len(re.findall(r"^machine: cores \d+, load average ", out, re.M)) == 2
    assert re.search(r"^load_pipeline: cpu \d+ ms, wall \d+ ms", out, re.M)
    assert re.search(r"^resume\.txt +\d+ chars  cpu median +[\d.]+ ms  min +[\d.]+ ms$", out, re.M)
    assert re.search(
        r"^two-page resume \(\d+ chars\), CPU over 3 runs: median [\d.]+ ms, min [\d.]+ ms,"
        r" 90th percentile [\d.]+ ms \(target 1e\+09 ms\)$",
        out,
        re.M,
    )


def test_extract_speed_fails_when_the_median_misses_the_target(bench, tmp_path, capsys) -> None:
    resume = tmp_path / "resume.txt"
    resume.write_text(RESUME, encoding="utf-8")
    code = bench.main([str(resume), "--repeat", "1", "--two-page-repeat", "1", "--target-ms", "0"])
    assert code == 1


@pytest.mark.parametrize(
    ("texts", "count"),
    [(["a" * 3000, "b" * 2000], 3), (["x" * 8000], 1), (["short"], 1167)],
)
def test_extract_speed_two_pages_repeat_the_texts_in_order(bench, texts, count) -> None:
    joined = bench.two_page_text(texts)
    assert len(joined) >= bench.TWO_PAGES
    pieces = joined.split("\n")[:-1]
    assert len(pieces) == count
    assert pieces == [texts[i % len(texts)] for i in range(count)]


def test_extract_speed_two_pages_of_nothing_is_empty(bench) -> None:
    assert bench.two_page_text([]) == ""
