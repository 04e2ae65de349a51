"""resume-fit: read a resume, find its skills, and tell which machine-learning roles it fits.

Importing the package does no work: the spaCy pipeline, the lexicon and the catalogue load on first
use. The public API::

    import resume_fit
    report = resume_fit.analyze("cv.pdf")
    print(report.roles[0].name, report.roles[0].score)
    print(resume_fit.render_markdown(report))
    match = resume_fit.match_posting("cv.pdf", "posting.txt")
    print(match.fit.score, resume_fit.render_match_markdown(match))
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = [
    "__version__",
    "analyze",
    "analyze_text",
    "match_posting",
    "render_json",
    "render_markdown",
    "render_match_json",
    "render_match_markdown",
]
_LAZY = frozenset(__all__) - {"__version__"}

if TYPE_CHECKING:
    from resume_fit.api import (
        analyze,
        analyze_text,
        match_posting,
        render_json,
        render_markdown,
        render_match_json,
        render_match_markdown,
    )


def __getattr__(name: str) -> Any:
    # Lazy re-exports keep `import resume_fit` free of spaCy and pdfminer imports.
    if name in _LAZY:
        from resume_fit import api

        return getattr(api, name)
    raise AttributeError(f"module 'resume_fit' has no attribute {name!r}")
