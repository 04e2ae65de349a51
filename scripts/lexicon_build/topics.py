"""Technology topics from github/explore's ``topics.jsonl`` (sources ``topic:<slug>``)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from .candidate import Candidate
from .errors import BuildError
from .labels import PAREN, is_variant, strip_version
from .settings import Settings

# Where the file is, under the taxonomy folder.
TOPICS = Path("github-explore", "topics.jsonl")


_TOPIC_CATEGORIES = (
    (
        re.compile(
            r"programming language|scripting language|query language|markup language"
            r"|\bis a (?:[\w-]+ ){0,4}language\b"
        ),
        "language",
    ),
    (re.compile(r"\bdatabase\b|\bdata store\b|key-value store"), "database"),
    (re.compile(r"\blibrary\b|\bframework\b|\btoolkit\b|\bsdk\b"), "library"),
    (
        re.compile(
            r"\bcloud\b|\boperating system\b|\bplatform\b|\bservice\b|\blinux distribution\b"
        ),
        "platform",
    ),
    (re.compile(r"\bis the study of\b|\bfield of\b|\bbranch of\b|\bscience\b"), "field"),
)


def _topic_category(display: str, description: str) -> str:
    text = description.casefold()
    for pattern, category in _TOPIC_CATEGORIES:
        if pattern.search(text):
            return category
    if display[:1].isupper() and display[1:] == display[1:].lower() and " " in display:
        return "method"  # "Data visualization", "Deep learning": a practice, not a product
    return "tool"


def read_topics(path: Path, settings: Settings) -> list[Candidate]:
    """Technology topics from github/explore, with the aliases that are spelling variants.

    Raises:
        BuildError: A line is not valid JSON; the message names the file and line.
    """
    if not path.exists():
        return []
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            topic = json.loads(line)
        except json.JSONDecodeError as error:
            raise BuildError(f"{path}:{number}", f"not valid JSON ({error.msg})") from error
        slug_ = topic.get("topic", "")
        description = (topic.get("short_description") or "").casefold()
        if slug_ in settings.exclude_topics or any(w in description for w in settings.topic_words):
            continue
        display = PAREN.sub(" ", topic.get("display_name") or slug_).strip().rstrip(".")
        display = strip_version(display or slug_)
        aliases = [a.replace("-", " ") for a in topic.get("aliases", [])]
        aliases = [a for a in aliases if is_variant(a, display) and not settings.excluded(a)]
        related = [r.replace("-", " ") for r in topic.get("related", [])[:8]]
        found.append(
            Candidate(
                display,
                _topic_category(display, description),
                [f"topic:{slug_}"],
                aliases=aliases,
                context=related,
                also=[slug_.replace("-", " ")],
            )
        )
    return found


def topic_slugs(taxonomy: Path) -> set[str] | None:
    """Every topic slug in ``topics.jsonl``, excluded or not; None when the file is absent."""
    path = taxonomy / TOPICS
    if not path.exists():
        return None
    lines = path.read_text(encoding="utf-8").splitlines()
    return {json.loads(line).get("topic", "") for line in lines if line.strip()}
