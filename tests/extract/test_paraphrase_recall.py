"""Practices written as a verb or head and its object that the paraphrase table now reads
(lexicons/extract.toml [paraphrase]; issue 10, class b): "administered the network", "monitoring
of network infrastructure", "scraped product listings", "internationalized the app". Invented
sentences."""

from __future__ import annotations

import pytest

from resume_fit.extract import extract_skills, load_pipeline


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        ("Administered the network of a forty-seat design office.", "network-administration"),
        ("Administered twelve Ubuntu servers for the lab.", "system-administration"),
        (
            "Shared the administration and monitoring of network infrastructure.",
            "network-administration",
        ),
        (
            "Shared the administration and monitoring of network infrastructure.",
            "network-monitoring",
        ),
        ("Scraped product listings from three hardware retailers.", "web-scraping"),
        ("Scraped job pages nightly into a Postgres table.", "web-scraping"),
        ("Internationalized the booking app for six markets.", "internationalization"),
        ("Refactored a Qt desktop tool to internationalize it.", "internationalization"),
    ],
)
def test_practice_written_as_verb_and_object(make_resume, text, skill_id):
    found = {m.id for m in extract_skills(make_resume(("experience", text)), load_pipeline())}
    assert skill_id in found, sorted(found)


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        ("Administered vaccines and medications on a busy ward.", "system-administration"),
        ("Administered entrance exams to 300 applicants.", "network-administration"),
        ("Scraped paint off the window frames of old houses.", "web-scraping"),
        # an object followed by another noun is a different thing: "network cables"
        ("Monitoring of network cables in the basement.", "network-monitoring"),
    ],
)
def test_other_objects_are_not_the_practice(make_resume, text, skill_id):
    found = {m.id for m in extract_skills(make_resume(("experience", text)), load_pipeline())}
    assert skill_id not in found, sorted(found)
