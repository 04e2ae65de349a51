"""Side columns set on the main column's baselines, read as columns (issue 10, layouts).

Invented pages. A left side column of terse items (a skills list, languages, a contact block)
whose lines share the main column's leading looked like a label grid (dates or labels beside
entries) and was read row by row, gluing "Docker" to a job title; it is a column when it runs on
for many item rows, or holds many items in blocks of its own. A name that ends inside the gutter
no longer hides it. Date columns, places set right of their entries and bullet glyphs are still
read with the rows beside them.
"""

from __future__ import annotations

from pathlib import Path

from pdf_writer import Page, Text, make_pdf

from resume_fit.parse import parse_file

MAIN = [
    ("EXPERIENCE", True),
    ("Senior Data Engineer", True),
    ("Nordlicht Energie GmbH, Hamburg | Mar 2021 - Present", False),
    ("- Built the metering pipeline in Spark and Airflow on AWS.", False),
    ("- Cut nightly batch time from six hours to forty minutes.", False),
    ("Data Engineer", True),
    ("Hafenblick Logistik, Bremen | Jun 2017 - Feb 2021", False),
    ("- Moved reporting from cron scripts to dbt models on Postgres.", False),
    ("- Wrote the data contracts for the parcel-tracking events.", False),
    ("EDUCATION", True),
    ("MSc Computer Science, University of Kiel, 2017", False),
]


def _page(
    side: list[tuple[float, str, bool]], name: str = "Lena Vogt", *, right: float = 220
) -> Page:
    texts = [Text(40, 752, name, 20, bold=True), Text(40, 730, "Data Engineer", 11)]
    y = 700.0
    for text, bold in MAIN:
        texts.append(Text(right, y, text, 10, bold=bold))
        y -= 13
    texts += [Text(40, y_, text, 9, bold=bold) for y_, text, bold in side]
    return Page(texts=texts)


def _read(tmp_path: Path, page: Page) -> str:
    path = tmp_path / "cv.pdf"
    path.write_bytes(make_pdf([page]))
    return parse_file(path).text


def test_a_long_run_of_skill_items_beside_the_entries_is_a_column(tmp_path: Path) -> None:
    items = ["SKILLS", "Python", "SQL", "Apache Spark", "Airflow", "dbt", "Docker", "Kubernetes",
             "Terraform", "Postgres", "Kafka"]  # fmt: skip
    side = [(700.0 - 13 * i, item, i == 0) for i, item in enumerate(items)]
    text = _read(tmp_path, _page(side))
    assert "Senior Data Engineer\nNordlicht Energie GmbH" in text
    assert "Python\nSQL\nApache Spark" in text


def test_short_blocks_of_items_under_their_own_headings_are_a_column(tmp_path: Path) -> None:
    blocks = [["CONTACT", "Hamburg, Germany", "lena.vogt@example.org"],
              ["LANGUAGES", "German", "English", "Danish"],
              ["TOOLS", "Spark", "Airflow", "dbt"],
              ["INTERESTS", "Sailing", "Chess"]]  # fmt: skip
    side, y = [], 700.0
    for block in blocks:
        for i, item in enumerate(block):
            side.append((y, item, i == 0))
            y -= 13
        y -= 13  # a blank row between the side column's blocks
    text = _read(tmp_path, _page(side))
    assert "Senior Data Engineer\nNordlicht Energie GmbH" in text
    assert "LANGUAGES\nGerman\nEnglish\nDanish" in text


def test_a_name_ending_inside_the_gutter_does_not_hide_it(tmp_path: Path) -> None:
    items = ["SKILLS", "Python", "SQL", "Apache Spark", "Airflow", "dbt", "Docker", "Kubernetes",
             "Terraform", "Postgres", "Kafka"]  # fmt: skip
    side = [(700.0 - 13 * i, item, i == 0) for i, item in enumerate(items)]
    # At 20 points the name runs past the side column's edge into the gutter.
    text = _read(tmp_path, _page(side, name="Magdalena Vogt-Andersen"))
    assert "Senior Data Engineer\nNordlicht Energie GmbH" in text


def test_dates_beside_entries_are_still_read_row_by_row(tmp_path: Path) -> None:
    side = [(687.0, "2021 - now", False), (622.0, "2017 - 2021", False)]
    text = _read(tmp_path, _page(side, right=140))
    assert "2021 - now Senior Data Engineer" in text


def test_places_set_right_of_their_entries_stay_with_them(tmp_path: Path) -> None:
    texts, y = [Text(40, 752, "Lena Vogt", 20, bold=True)], 700.0
    for i in range(12):
        texts.append(Text(40, y, f"Talk {i + 1}: data contracts for event streams at a meetup"))
        texts.append(Text(470, y, ["Hamburg", "Bremen", "Kiel"][i % 3]))
        y -= 13
    text = _read(tmp_path, Page(texts=texts))
    # Row by row: each place beside its own talk (a trailer goes before a long line).
    assert "Hamburg\nTalk 1: data contracts" in text
    assert "Bremen\nTalk 2: data contracts" in text
