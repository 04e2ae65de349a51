"""Phone numbers as text patterns, shared by the skill extractor (a contact line is no evidence
of a skill) and redaction (numbers to mask): a run of digits shaped like a phone number, not two
years, a date or a journal citation."""

from __future__ import annotations

import re

__all__ = ["PHONE", "is_phone", "is_year"]

# Not after a letter, dot or slash: "10.1103/PhysRevD.103.036020" is a DOI, not a number to call.
PHONE = re.compile(
    r"(?<![\w./])(?:\+|\b00|\()?\d[\d\s().·/\-–]{5,24}\d(?:\s*(?:ext\.?|x)\s*\d{1,5})?"
)
_YEAR_GROUP = re.compile(r"^(?:19|20)\d{2}$")
_CITED_YEAR = re.compile(r"\((?:19|20)\d{2}(?:\)|$)")
_DATE_SHAPE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")


def is_year(group: str) -> bool:
    """True for a four-digit year of the 1900s or 2000s."""
    return bool(_YEAR_GROUP.match(group))


def is_phone(candidate: str) -> bool:
    """True when a run of digits is shaped like a phone number, not years, a date or a citation."""
    digits = re.sub(r"\D", "", candidate)
    plus = candidate.lstrip().startswith(("+", "(", "00"))
    if not (9 <= len(digits) <= 16 or (plus and 7 <= len(digits) <= 16)):
        return False
    groups = re.findall(r"\d+", candidate)
    if all(is_year(g) for g in groups):
        return False  # "2019 - 2021", "2018 2019 2020"
    if _CITED_YEAR.search(candidate):
        return False  # "103, 035003 (2021)": a journal citation
    compact = re.sub(r"\s+", "", candidate)
    if _DATE_SHAPE.match(compact):
        return False
    if any(is_year(g) for g in groups) or not all(len(g) <= 2 for g in groups):
        # Year ranges and dates next to each other ("2019-2021 2021-2023", "01/2019 - 03/2021").
        return not all(is_year(g) or len(g) <= 2 for g in groups)
    # Pairs of digits are a number written the French way ("06 12 34 56 78", "+33 6 12 34 56
    # 78") when it opens with a trunk 0 or an international prefix; other runs of pairs are not.
    return plus or groups[0].startswith("0")
