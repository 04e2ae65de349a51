"""The Markdown summary of a batch: what was scored, the shortlist per role, the common gaps.

Written for the hiring team rather than for a program: counts first, then the best candidates for
each role with their scores and what even those candidates lack, then the skills most often missing
across the folder, then every failed and skipped file with its reason. Deterministic: no timestamps,
every list sorted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from resume_fit.batch.record import STATUS_OK, Record

DEFAULT_TOP = 5
MOST_COMMON_MISSING = 15


def render_summary(
    records: Iterable[Record],
    skipped: Sequence[tuple[str, str]] = (),
    *,
    top: int | None = None,
    role: str | None = None,
    jobs: Sequence[str] = (),
    postings: Sequence[Any] = (),
) -> str:
    """Render the batch summary as Markdown.

    Args:
        records: One record per file (``path`` set).
        skipped: ``(path, reason)`` for files found but not scored.
        top: Candidates listed per role (``DEFAULT_TOP`` when None).
        role: List only this role.
        jobs: Posting ids (``batch --job``), in the order of each record's ``jobs``.
        postings: The ``JobPosting``s of ``jobs``: for each, the best candidates and, for each
            requirement, how many scored files meet it.

    Returns:
        The Markdown text, ending in a newline.
    """
    records = sorted(records, key=lambda r: r["path"])
    scored = [r for r in records if r.get("status") == STATUS_OK]
    failed = [r for r in records if r.get("status") != STATUS_OK]
    top = DEFAULT_TOP if top is None else top
    lines = [
        "# Batch summary",
        "",
        "| Files | Count |",
        "|---|---:|",
        f"| Scored | {len(scored)} |",
        f"| Failed | {len(failed)} |",
        f"| Skipped (not a resume format) | {len(skipped)} |",
        "",
    ]
    for short in posting_shortlists(scored, jobs, postings, top):
        lines += _posting_section(short)
    lines += _shortlists(scored, top, role)
    lines += _common_gaps(scored, role)
    if failed:
        lines += ["## Failed files", "", "| File | Kind | Reason |", "|---|---|---|"]
        for record in failed:
            kind, reason = record.get("error_kind", ""), record.get("error", "")
            lines.append(f"| {_cell(record['path'])} | {_cell(kind)} | {_cell(reason)} |")
        lines.append("")
    if skipped:
        lines += ["## Skipped files", "", "| File | Reason |", "|---|---|"]
        lines += [f"| {_cell(path)} | {_cell(reason)} |" for path, reason in sorted(skipped)]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


@dataclass(frozen=True)
class Shortlist:
    """The best candidates for one role and what even they lack.

    Attributes:
        role: Role id.
        name: Role name.
        ranked: The best records for the role, best first (``roles[role]`` set in each).
        gaps: ``(skill id, count)`` of the skills most often missing among them.
    """

    role: str
    name: str
    ranked: tuple[Record, ...]
    gaps: tuple[tuple[str, int], ...]


def shortlists(scored: Sequence[Record], top: int, role: str | None) -> list[Shortlist]:
    """The shortlist of every role (or only ``role``), roles sorted by name."""
    names: dict[str, str] = {}
    for record in scored:
        names.update(record.get("role_names", {}))
        for role_id in record.get("roles", {}):
            names.setdefault(role_id, role_id)
    role_ids = [role] if role is not None else sorted(names, key=lambda i: (names[i], i))
    if not role_ids or not scored:
        return []
    out = []
    for role_id in role_ids:
        ranked = sorted(
            (r for r in scored if r.get("roles", {}).get(role_id) is not None),
            key=lambda r: (-r["roles"][role_id], r["path"]),
        )[:top]
        gaps = Counter(s for r in ranked for s in r.get("missing", {}).get(role_id, []))
        out.append(
            Shortlist(
                role_id, names.get(role_id, role_id), tuple(ranked), tuple(_most_common(gaps, 8))
            )
        )
    return out


def common_gaps(scored: Sequence[Record], role: str | None) -> list[tuple[str, int]]:
    """``(skill id, files)`` most often missing for ``role`` (else each file's best role)."""
    gaps: Counter[str] = Counter()
    for record in scored:
        target = role if role is not None else record.get("top_role", "")
        gaps.update(record.get("missing", {}).get(target, []))
    return _most_common(gaps, MOST_COMMON_MISSING)


def _shortlists(scored: list[Record], top: int, role: str | None) -> list[str]:
    lists = shortlists(scored, top, role)
    if not lists:
        return []
    lines = ["## Top candidates per role", ""]
    for short in lists:
        lines += [f"### {_cell(short.name)} (`{short.role}`)", ""]
        if not short.ranked:
            lines += ["No scored file was matched against this role.", ""]
            continue
        lines += ["| Rank | File | Score | Years | Seniority |", "|---:|---|---:|---:|---|"]
        for rank, record in enumerate(short.ranked, start=1):
            years = record.get("years_experience")
            years_text = f"{years:.1f}" if isinstance(years, int | float) else ""
            lines.append(
                f"| {rank} | {_cell(record['path'])} | {record['roles'][short.role]:.1f} "
                f"| {years_text} | {_cell(record.get('seniority', ''))} |"
            )
        if short.gaps:
            listed = ", ".join(
                f"{skill} ({count} of {len(short.ranked)})" for skill, count in short.gaps
            )
            lines += ["", f"Most often missing among them: {listed}"]
        lines.append("")
    return lines


@dataclass(frozen=True)
class PostingShortlist:
    """The best candidates for one posting (``batch --job``) and who meets each requirement.

    Attributes:
        job: Posting id (the suffix of its table columns).
        title: The posting's title, or its id when it has none.
        matched: How many scored files were matched against it.
        ranked: ``(record, entry)`` of the best files, best first; ``entry`` is the record's
            ``jobs`` item for this posting.
        requirements: ``(label, kind, files meeting it)`` in the posting's order (partly met
            counts).
        unrecognised: ``(kind, text)`` of the requirements the lexicon does not know.
    """

    job: str
    title: str
    matched: int
    ranked: tuple[tuple[Record, dict[str, Any]], ...]
    requirements: tuple[tuple[str, str, int], ...]
    unrecognised: tuple[tuple[str, str], ...]


def posting_shortlists(
    scored: Sequence[Record], jobs: Sequence[str], postings: Sequence[Any], top: int
) -> list[PostingShortlist]:
    """One ``PostingShortlist`` per posting id in ``jobs`` (``postings`` in the same order)."""
    out = []
    for index, job_id in enumerate(jobs):
        posting = postings[index] if index < len(postings) else None

        def entry(record: Record, index: int = index) -> dict[str, Any] | None:
            entries = record.get("jobs") or []
            return entries[index] if index < len(entries) else None

        with_entry = [(r, e) for r in scored if (e := entry(r)) is not None]
        ranked = sorted(with_entry, key=lambda pair: (-pair[1]["score"], pair[0]["path"]))[:top]
        met = Counter(label for _, item in with_entry for label in item.get("met", []))
        requirements = tuple(
            (r.label, r.kind, met.get(r.label, 0)) for r in getattr(posting, "requirements", ())
        )
        unrecognised = tuple((u.kind, u.text) for u in getattr(posting, "unrecognised", ()))
        title = getattr(posting, "title", "") or job_id
        out.append(
            PostingShortlist(
                job_id, title, len(with_entry), tuple(ranked), requirements, unrecognised
            )
        )
    return out


def _posting_section(short: PostingShortlist) -> list[str]:
    lines = [f"## Job posting: {_cell(short.title)} (`{short.job}`)", ""]
    if not short.matched:
        return [*lines, "No scored file was matched against this posting.", ""]
    lines += [
        "| Rank | File | Score | Required met | Missing required |",
        "|---:|---|---:|---:|---|",
    ]
    for rank, (record, item) in enumerate(short.ranked, start=1):
        missing = ", ".join(item.get("missing_required", []))
        lines.append(
            f"| {rank} | {_cell(record['path'])} | {item['score']:.1f} "
            f"| {item['required_met']}/{item['required_total']} | {_cell(missing)} |"
        )
    lines.append("")
    if short.requirements:
        lines += [
            f"Requirements, and how many of the {short.matched} scored files meet them "
            "(partly met counts):",
            "",
            "| Requirement | Kind | Files meeting it |",
            "|---|---|---:|",
        ]
        lines += [
            f"| {_cell(label)} | {kind} | {count} |" for label, kind, count in short.requirements
        ]
        lines.append("")
    if short.unrecognised:
        lines += ["Unrecognised requirements (not scored):", ""]
        lines += [f"- ({kind}) {_cell(text)}" for kind, text in short.unrecognised] + [""]
    return lines


def _common_gaps(scored: list[Record], role: str | None) -> list[str]:
    gaps = common_gaps(scored, role)
    if not gaps:
        return []
    against = f"`{role}`" if role is not None else "each file's best-fitting role"
    lines = [
        "## Most common missing skills",
        "",
        f"Skills missing for {against}, counted over the {len(scored)} scored files.",
        "",
        "| Skill | Files |",
        "|---|---:|",
    ]
    lines += [f"| {skill} | {count} |" for skill, count in gaps]
    lines.append("")
    return lines


def _most_common(counts: Counter[str], limit: int) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]


def _cell(text: object) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")
