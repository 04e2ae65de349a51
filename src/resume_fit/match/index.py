"""Lookups that make scoring cheap: per-role constants and per-resume skill credit.

Scoring a resume against a catalogue asks the same questions many times: which weight an item has,
how many points a component is worth, which present skill is the best narrower or broader match for
a skill id. The answers to the first kind depend only on the role, the lexicon and the scoring
settings, so ``role_index`` computes them once per role and keeps them. The answers to the second
kind depend on the resume, so ``SkillCredit`` (in ``resume_fit.match.credit``) computes each one at
most once per resume and shares it across every role. Neither changes a result:
``resume_fit.match.role_fit`` defines what they mean.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from resume_fit.lexicon import Lexicon
from resume_fit.match.credit import DEMONSTRATED, LISTED, SkillCredit, item_weight
from resume_fit.profile.header_text import GRADE, cue_words, word_set
from resume_fit.roles import COMPONENTS, Role, Scoring

# Re-exported: the credit of a skill id lives in resume_fit.match.credit.
__all__ = [
    "DEMONSTRATED",
    "LISTED",
    "RoleIndex",
    "SkillCredit",
    "normal_phrase",
    "role_index",
    "title_phrase",
]

# Role indexes are kept per (role, lexicon, scoring) objects; a process rarely holds more than a
# catalogue or two, so the table is simply emptied if something keeps making new ones.
_MAX_INDEXES = 512
_indexes: dict[tuple[int, int, int, bool], RoleIndex] = {}


@lru_cache(maxsize=4096)
def normal_phrase(text: str) -> str:
    """``text`` lower-cased, runs of other characters as one space, padded with a space each side.

    ``normal_phrase(a) in normal_phrase(b)`` is True when ``a`` occurs in ``b`` as whole words.
    """
    return " " + re.sub(r"[^a-z0-9]+", " ", text.lower()).strip() + " "


# Job-title nouns whose plural a posting uses for several openings ("AI Engineers - Madrid").
_TITLE_PLURALS = re.compile(
    r" (engineer|scientist|analyst|developer|architect|manager|researcher|specialist|lead)s "
)


# Two words joined by a slash share what follows or precedes them: "ML/AI Engineer" is an ML
# engineer and an AI engineer, "Data Analyst/Scientist" a data analyst and a data scientist.
_SLASHED = re.compile(r"([^\W\d_][\w+#.&-]*)\s*/\s*([^\W\d_][\w+#.&-]*)")


def _singular(phrase: str) -> str:
    # Run twice: adjacent matches share the space between them.
    return _TITLE_PLURALS.sub(r" \1 ", _TITLE_PLURALS.sub(r" \1 ", phrase))


@lru_cache(maxsize=4096)
def title_phrase(text: str) -> str:
    """``normal_phrase(text)`` with plural title nouns made singular, for matching job titles.

    A title with two words joined by a slash is followed by its readings with each word alone,
    after a ``|`` no phrase holds (so none matches across them): "ML/AI Engineer" gives
    " ml ai engineer | ml engineer | ai engineer ". A title with its field after a comma, a
    spaced dash or in brackets is followed by its reading with the field before the title's
    noun: "Senior Engineer, Machine Learning" gives " senior engineer machine learning | senior
    machine learning engineer ", "Software Engineer (ML)" " software engineer ml | software ml
    engineer ".
    """
    phrase = _singular(normal_phrase(text))
    readings = []
    if "/" in text:
        readings = [
            _singular(normal_phrase(_SLASHED.sub(rf"\{side}", text, count=1))) for side in (1, 2)
        ]
    found = _FIELD_AFTER.match(text)
    if found:
        head, field = found.groups()
        # In brackets after a title that names a field of its own, the field is what the job
        # serves: "Data Engineer (AI/ML)" is a data engineer, "Software Engineer (ML)" an ML one.
        bracketed = text.rstrip().endswith(")")
        if (
            head.split()
            and 0 < len(field.split()) <= _FIELD_WORDS
            and not (bracketed and word_set(head) & _own_field())
        ):
            words = head.split()
            # The noun before a grade: "Engineer II, ML Platform" is an ML platform engineer II.
            at = len(words) - 1
            while at > 0 and GRADE.fullmatch(words[at].upper()):
                at -= 1
            reordered = [*words[:at], field, *words[at:]]
            readings.append(_singular(normal_phrase(" ".join(reordered))))
    extra = [r for r in dict.fromkeys(readings) if r != phrase]
    return "|".join([phrase, *extra])


# Words a field after a title's comma may have ("Engineer, Machine Learning").
_FIELD_WORDS = 3


@lru_cache(maxsize=1)
def _own_field() -> frozenset[str]:
    """Field words that make a title name a field of its own ("data", "machine", "vision");
    software is the generic engineer's kind, not a field."""
    return cue_words()["field"] - {"software"}


# A title with its field after a comma, a spaced dash or in brackets: "Engineer, Machine
# Learning", "Software Engineer - ML", "Software Engineer (Machine Learning)".
_FIELD_AFTER = re.compile(r"^(.*?\S)\s*(?:,|\s[-–—]\s|\()\s*([^,()\-–—]*[^\s,()\-–—])\s*\)?\s*$")


@dataclass(frozen=True)
class RoleIndex:
    """What scoring one role needs that does not depend on the resume.

    Attributes:
        role: The role.
        lexicon: The lexicon the weights and names were read from.
        scoring: The settings the weights were read from.
        points: Points per component name (``COMPONENTS``), adding up to 100.
        required_weights: Weight of each required item in the means (``soft_skill_weight`` for an
            item made only of soft skills, else 1), in catalogue order.
        preferred_weights: Likewise for the preferred items.
        required_items: ``(options, label)`` of each required item, in catalogue order.
        preferred_items: Likewise for the preferred items.
        item_names: Display name of each required item by its options ("PyTorch or TensorFlow").
        titles: ``(title, title_phrase(title))`` for each of the role's titles.
    """

    role: Role
    lexicon: Lexicon
    scoring: Scoring
    points: Mapping[str, float]
    required_weights: tuple[float, ...]
    preferred_weights: tuple[float, ...]
    required_items: tuple[tuple[tuple[str, ...], str], ...]
    preferred_items: tuple[tuple[tuple[str, ...], str], ...]
    item_names: Mapping[tuple[str, ...], str]
    titles: tuple[tuple[str, str], ...]


def _group_name(options: tuple[str, ...], lexicon: Lexicon) -> str:
    names = [lexicon[o].name if o in lexicon else o for o in options]
    if len(names) > 3:
        names = [*names[:2], "…"]
    return " or ".join(names)


def role_index(role: Role, lexicon: Lexicon, scoring: Scoring, posting: bool = False) -> RoleIndex:
    """The resume-independent data for scoring ``role``, computed once per role object.

    Roles, lexicons and settings are immutable, so the index is kept for the very objects it was
    built from (by identity) and rebuilt for any other.

    Args:
        role: The role.
        lexicon: For item weights (soft skills) and item names.
        scoring: For the soft-skill weight and the posting title factor.
        posting: Score a job posting: its title weighs ``posting_title_factor`` times the
            ``title`` weight, a resume's ``resume_title_factor`` times (before the weights are
            normalised to 100 points).

    Returns:
        The index.
    """
    # The index holds the three objects, so while it is kept their ids cannot be reused.
    key = (id(role), id(lexicon), id(scoring), posting)
    index = _indexes.get(key)
    if index is not None:
        return index
    weights = dict(role.weights)
    factor = scoring.posting_title_factor if posting else scoring.resume_title_factor
    weights["title"] = weights.get("title", 0.0) * factor
    total = sum(weights.values())
    index = RoleIndex(
        role=role,
        lexicon=lexicon,
        scoring=scoring,
        points={name: weights.get(name, 0.0) * 100 / total for name in COMPONENTS},
        required_weights=tuple(item_weight(i.options, lexicon, scoring) for i in role.required),
        preferred_weights=tuple(item_weight(i.options, lexicon, scoring) for i in role.preferred),
        required_items=tuple((i.options, i.label) for i in role.required),
        preferred_items=tuple((i.options, i.label) for i in role.preferred),
        item_names={i.options: _group_name(i.options, lexicon) for i in role.required},
        titles=tuple((t, title_phrase(t)) for t in role.titles),
    )
    if len(_indexes) >= _MAX_INDEXES:
        _indexes.clear()
    _indexes[key] = index
    return index
