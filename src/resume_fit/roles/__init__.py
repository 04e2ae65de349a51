"""The role catalogue: the ML roles the seed articles name, read from ``lexicons/roles.toml``.

The catalogue is data a reviewer edits like code: each role lists required and preferred skills
(a requirement is one skill id or a "one of" group), an education expectation, minimum years, the
backgrounds it suits, the next career steps and its sources (seed articles, O*NET-SOC codes, ESCO
URIs). Scoring weights and credits live in its ``[scoring]`` table. Every entry is validated on
load; a bad entry raises ``DataFileError`` naming the file, the role and the field.
"""

from resume_fit.profile.education import EDUCATION_LEVELS
from resume_fit.roles.catalogue import (
    COMPONENTS,
    GATE_KINDS,
    SENIORITY_LEVELS,
    Background,
    Catalogue,
    EducationExpectation,
    LadderStep,
    Requirement,
    Role,
    RoleGate,
    Scoring,
)
from resume_fit.roles.custom import nearest_skill_ids, read_custom_catalogue
from resume_fit.roles.reader import load_catalogue, read_catalogue, unknown_skills

__all__ = [
    "COMPONENTS",
    "EDUCATION_LEVELS",
    "SENIORITY_LEVELS",
    "Background",
    "Catalogue",
    "EducationExpectation",
    "GATE_KINDS",
    "LadderStep",
    "Requirement",
    "Role",
    "RoleGate",
    "Scoring",
    "load_catalogue",
    "nearest_skill_ids",
    "read_custom_catalogue",
    "read_catalogue",
    "unknown_skills",
]
