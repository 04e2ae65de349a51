"""A degree's subject as credit: "PhD in Statistics" meets a role's statistics requirement.

Extraction leaves a degree's field out of the skills found (issue 10, class 5: "B.Sc. Computer
Science" names the degree, it is not a skill the person showed), and the education component only
compares degree levels. So a statistician's PhD met no "statistics" requirement: on an invented
"Senior Data Scientist" with a PhD in Statistics, Data Scientist lost a fifth of its required
credit (and, gated by it, of its title, experience and education) and ranked under NLP Engineer.

Scoring reads the field of every degree in the profile back as skills of the lexicon's subject
categories (``[usage] subject_categories`` of ``lexicons/extract.toml``, the same categories
extraction treats as degree subjects: Statistics, Computer Science, Mathematics, Machine Learning
...). A field matches a skill's name or alias whole, case and punctuation aside
("Electrical and Computer Engineering"), else part by part where it joins several
("Mathematics and Statistics", "Physics / Astronomy", "Economics with Econometrics"). A skill found
in the text itself keeps its own usage; a subject adds only what the text did not show, with usage
``"degree"``, whose evidence strength is ``Scoring.degree_evidence``.
"""

from __future__ import annotations

import re

from resume_fit.extract.settings import load_settings
from resume_fit.lexicon import Lexicon
from resume_fit.match.credit import DEGREE
from resume_fit.profile.education import Education

__all__ = ["DEGREE", "degree_subjects"]

# Where a compound field splits into its subjects.
_JOINS = re.compile(r"\s*(?:,|;|&|/|\+|\(|\)|\band\b|\bwith\b|\bplus\b)\s*", re.IGNORECASE)
_NOISE = re.compile(r"[^\w\s]+")


def _key(text: str) -> str:
    return " ".join(_NOISE.sub(" ", text.casefold()).split())


# Per lexicon object, by identity (a lexicon is immutable and unhashable); the entry holds the
# lexicon, so its id cannot be reused while it is kept.
_indexes: dict[int, tuple[Lexicon, dict[str, str]]] = {}


def _subject_index(lexicon: Lexicon) -> dict[str, str]:
    kept = _indexes.get(id(lexicon))
    if kept is not None:
        return kept[1]
    categories = frozenset(load_settings().usage_subject_categories)
    index: dict[str, str] = {}
    for skill_id in sorted(lexicon):
        skill = lexicon[skill_id]
        if skill.category not in categories:
            continue
        for form in skill.surface_forms:
            index.setdefault(_key(form), skill_id)
    if len(_indexes) >= 4:
        _indexes.clear()
    _indexes[id(lexicon)] = (lexicon, index)
    return index


def _field_subjects(field: str, index: dict[str, str]) -> list[str]:
    whole = index.get(_key(field))
    if whole is not None:
        return [whole]
    found = []
    for part in _JOINS.split(field):
        skill_id = index.get(_key(part))
        if skill_id is not None and skill_id not in found:
            found.append(skill_id)
    return found


def degree_subjects(education: Education, lexicon: Lexicon) -> dict[str, str]:
    """Skill id -> the degree line it was read from, for every degree's field that names a subject.

    Args:
        education: The profile's education record (every degree, with its field as written).
        lexicon: The skills; only those of the subject categories are looked up.

    Returns:
        In degree order; a subject two degrees share keeps the first degree's line.
    """
    index = _subject_index(lexicon)
    subjects: dict[str, str] = {}
    for degree in education.degrees:
        if not degree.field:
            continue
        for skill_id in _field_subjects(degree.field, index):
            subjects.setdefault(skill_id, degree.text)
    return subjects
