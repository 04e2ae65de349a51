"""Match: a resume's skills and profile against requirements, with every point explained.

``role_fit`` scores a resume against every role of the catalogue, ``index`` precomputes what does
not depend on the resume, and ``plan`` turns the missing skills into a learning plan.
"""

from resume_fit.match.plan import LearningPlan, build_plan
from resume_fit.match.role_fit import (
    DEMONSTRATED,
    LISTED,
    RequirementResult,
    RoleFit,
    ScoreComponent,
    match_roles,
    present_skills,
    score_role,
    skill_usage,
)

__all__ = [
    "DEMONSTRATED",
    "LISTED",
    "LearningPlan",
    "RequirementResult",
    "RoleFit",
    "ScoreComponent",
    "build_plan",
    "match_roles",
    "present_skills",
    "score_role",
    "skill_usage",
]
