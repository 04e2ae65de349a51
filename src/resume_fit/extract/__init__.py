"""The extract stage: find lexicon skills in a resume's text, with evidence.

``extract_skills(resume)`` is the stage API; ``load_pipeline()`` gives the cached spaCy pipeline and
``build_pipeline()`` assembles one in memory (see ``pipeline.py``). Importing this package loads no
model and reads no file.
"""

from resume_fit.extract.mention import Evidence, SkillMention
from resume_fit.extract.pipeline import (
    StaleModelWarning,
    build_pipeline,
    extract_skills,
    load_pipeline,
    warm_pipeline,
)

__all__ = [
    "Evidence",
    "SkillMention",
    "StaleModelWarning",
    "build_pipeline",
    "extract_skills",
    "load_pipeline",
    "warm_pipeline",
]
