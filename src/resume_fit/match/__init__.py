"""Match: a resume's skills and profile against requirements, with every point explained.

One matcher, two kinds of requirements: ``credit`` credits a requirement item (exact, narrower,
broader, "one of" groups, evidence strength) for both; ``role_fit`` scores a resume against every
role of the catalogue and ``posting_fit`` against one job posting; ``index`` precomputes what a
role's score needs that does not depend on the resume, and ``plan`` turns missing skills into a
learning plan (its adjacency also drives a posting's tailoring advice).
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
