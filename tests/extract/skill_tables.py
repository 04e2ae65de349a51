"""One test for the tables of invented sentences the extraction tests share.

A table row is ``(section kind, text, {skill id: expected})``: the shipped pipeline reads the
text as that section of a resume, and each skill id is found or not as expected.
``found_table(CASES)`` is the parametrized test; a test module binds it to a ``test_`` name.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

Row = tuple[str, str, dict[str, bool]]


def found_table(cases: list[Row]) -> Callable[..., None]:
    """The test over ``cases``, using the ``found_ids`` fixture of ``tests/extract/conftest.py``."""

    @pytest.mark.parametrize(("section", "text", "expected"), cases)
    def test(found_ids, section: str, text: str, expected: dict[str, bool]) -> None:
        found = found_ids(section, text)
        for skill_id, present in expected.items():
            assert (skill_id in found) is present, (skill_id, sorted(found))

    return test
