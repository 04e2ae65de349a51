"""The profile stage: experience timeline, years per skill, education and seniority."""

from resume_fit.profile.builder import Profile, build_profile
from resume_fit.profile.education import Degree, Education
from resume_fit.profile.field import FieldYears
from resume_fit.profile.positions import Position
from resume_fit.profile.timeline import SkillYears

__all__ = [
    "Degree",
    "Education",
    "FieldYears",
    "Position",
    "Profile",
    "SkillYears",
    "build_profile",
]
