"""Near misses stay misspellings: another product's longer name, or a name and an acronym, is no
misspelling of a shipped form (issue 10, class 3)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "skill_id", "expected"),
    [
        # a longer name that begins with the whole of a shorter one is another product
        ("Commissioned RAN sites with Huawei iManager U2020.", "autonomy-imanage-worksite", False),
        # a doubled last letter is still a slip of the keys
        ("Data in Postgress behind the reporting API.", "postgresql", True),
        # a name and an acronym after it: the acronym is no half of a misspelling
        ("Ran portable X-ray on Carestream DRX units.", "carestream-dental", False),
        # a misspelling is still read as the name it misspells
        ("Deployed the scoring jobs on Kubernates and Docker.", "kubernetes", True),
    ],
)
def test_near_misses_are_misspellings_only(found_ids, text, skill_id, expected) -> None:
    assert (skill_id in found_ids("experience", text)) is expected
