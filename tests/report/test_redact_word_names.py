"""Names that are also ordinary words or skills: masked wherever written as a name, kept as words.

Invented people whose given names and surnames are English words ("Grace Hunter", "Will Page").
Once the name is read, every capitalised, all-caps, possessive or joined occurrence of its words is
masked in every rendering, while the same words written in lower case ("by the grace of", "will")
and the skill words an evidence matched stay, and skills and scores never change.
"""

from __future__ import annotations

import re

import pytest

from resume_fit.api import analyze_text, match_posting
from resume_fit.report.html import render_html
from resume_fit.report.json import render_json
from resume_fit.report.markdown import render_markdown
from resume_fit.report.match_render import render_match_json, render_match_markdown
from resume_fit.report.redact import Identity, redact_text

TEMPLATE = """{First} {Last}
Data Scientist | {first}.{last}@example.org | github.com/{first}{last}

Summary
{First} builds forecasting models in Python and SQL for retail teams.

Experience
Data Scientist | Harrow Analytics | 2020 - Present
- {FIRST} {LAST} built Python pipelines on AWS; {Last}'s team reviewed the SQL
- Published Python notebooks as {first}_{last}_notebooks and {First}{Last}Demo with Docker
- With Python and pandas, {ordinary}

Skills
Python, SQL, Docker, AWS, pandas

{First} {Last} | {Last} CV | Python portfolio
"""

# (first, last, a sentence using both words in lower case, as the words they also are)
PEOPLE = [
    ("Grace", "Hunter", "by the grace of a late fix we found a bug hunter's bug"),
    ("Rose", "Baker", "sales rose twice after a baker shop dashboard"),
    ("Will", "Page", "we will keep each page of the report short"),
    ("Summer", "Lake", "every summer the lake sensor data doubled"),
    ("Chase", "Bank", "we did not chase every bank holiday anomaly"),
]


def _resume(first: str, last: str, ordinary: str) -> str:
    return TEMPLATE.format(
        First=first,
        Last=last,
        FIRST=first.upper(),
        LAST=last.upper(),
        first=first.lower(),
        last=last.lower(),
        ordinary=ordinary,
    )


def _name_forms(text: str, words: tuple[str, ...], skill_texts: set[str]) -> list[str]:
    """Occurrences of ``words`` written as a name (capital first, whole word or joined to
    another name word), outside the skill words of the report."""
    spans = [
        (m.start(), m.end())
        for s in skill_texts
        for m in re.finditer(rf"(?<![^\W\d_]){re.escape(s)}(?![^\W\d_])", text)
    ]
    found = []
    for word in words:
        pattern = rf"(?<![^\W\d_])(?:{word}|{word.upper()})(?![a-z])|{word.lower()}[._](?=[a-z])"
        for m in re.finditer(pattern, text):
            if not any(a <= m.start() and m.end() <= b for a, b in spans):
                found.append(text[max(0, m.start() - 20) : m.end() + 20])
    return found


@pytest.fixture(scope="module", params=PEOPLE, ids=[f"{first} {last}" for first, last, _ in PEOPLE])
def person(request):
    first, last, ordinary = request.param
    text = _resume(first, last, ordinary)
    source = f"{first}_{last}_CV.txt"
    plain = analyze_text(text, source)
    blind = analyze_text(text, source, redact=True)
    return (first, last), ordinary, plain, blind


@pytest.mark.parametrize("render", [render_markdown, render_json, render_html])
def test_redact_word_names_leave_no_name_form(person, render):
    words, _, plain, blind = person
    skill_texts = {s.name for s in plain.skills} | {
        e.text for s in plain.skills for e in s.evidence
    }
    assert _name_forms(render(plain), words, skill_texts), "the invented name must show unredacted"
    assert _name_forms(render(blind), words, skill_texts) == []


def _lower_case_uses(text: str, words: tuple[str, ...]) -> list[int]:
    """How often each word is written on its own in lower case (not joined, not in an address)."""
    return [len(re.findall(rf"(?<![\w.@]){w.lower()}(?![\w.@])", text)) for w in words]


def test_redact_word_names_keep_the_lower_case_words(person):
    words, _, plain, blind = person
    for render in (render_markdown, render_json, render_html):
        uses = _lower_case_uses(render(plain), words)
        assert sum(uses) > 0
        assert _lower_case_uses(render(blind), words) == uses


def test_redact_word_names_change_no_skill_or_score(person):
    _, _, plain, blind = person
    assert blind.skills == plain.skills and blind.names == plain.names
    assert [(f.id, f.score, f.why) for f in blind.roles] == [
        (f.id, f.score, f.why) for f in plain.roles
    ]
    assert blind.plan == plain.plan


GRACE = Identity(
    pseudonym="cand-x",
    name_tokens=frozenset({"okafor"}),
    capitalised_tokens=frozenset({"grace", "hunter", "swift", "april"}),
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Grace's notebooks", "[name]'s notebooks"),
        ("HUNTER'S TEAM", "[name]'S TEAM"),
        ("Will travel; Grace leads", "Will travel; [name] leads"),
        ("see grace.hunter and hunter_grace", "see [name] and [name]"),
        ("uploaded Grace_Hunter_CV.pdf", "uploaded [name]_CV.pdf"),
        ("demo at GraceHunterDemo and gracehunter", "demo at [name]Demo and [name]"),
        ("G R A C E   H U N T E R | Analyst", "[name] | Analyst"),
        ("G R A C E H U N T E R | Analyst", "[name] | Analyst"),
        # The words themselves, in lower case or as a date, are not the name.
        ("by the grace of a bug hunter", "by the grace of a bug hunter"),
        ("grace-period and hunter-gatherer", "grace-period and hunter-gatherer"),
        ("April 2021 - Present", "April 2021 - Present"),
    ],
)
def test_redact_word_names_every_written_form(text, expected):
    assert redact_text(text, GRACE) == expected


@pytest.mark.parametrize(
    ("snippet", "skill", "expected"),
    [
        # The evidence's own skill word stays; the name beside it does not.
        ("apps in Swift for Okafor", "Swift", "apps in Swift for [name]"),
        ("Swift and Python; Grace reviewed", "Swift", "Swift and Python; [name] reviewed"),
        # Read as a skill inside the written name, it is the name.
        ("Grace Hunter | Analyst", "Grace", "[name] | Analyst"),
        ("Okafor Swift | Analyst", "Swift", "[name] | Analyst"),
    ],
)
def test_redact_word_names_snippet_keeps_only_skill_words(snippet, skill, expected):
    assert redact_text(snippet, GRACE, (skill,)) == expected


def test_redact_a_short_skill_word_keeps_only_itself_not_a_name_it_starts():
    # The skill "C" keeps "C, Rust"; the "C" inside "Chris" is no reason to keep the name.
    chris = Identity(pseudonym="cand-y", name_tokens=frozenset({"chris", "lam"}))
    snippet = "products. Chris is at home with C, Rust, RTOS scheduling"
    assert (
        redact_text(snippet, chris, ("C",))
        == "products. [name] is at home with C, Rust, RTOS scheduling"
    )


POSTING = """iOS Engineer (Swift)
Requirements
- 3+ years of Swift and Python
- Experience with SQL
Nice to have
- Chase down flaky builds with Docker
"""


def test_redact_match_keeps_posting_words_and_masks_the_candidate():
    resume = _resume("Chase", "Swift", "we will chase every swift fix").replace(
        "Data Scientist | Harrow", "iOS Engineer | Swift Chase Labs"
    )
    plain = match_posting(resume, POSTING)
    blind = match_posting(resume, POSTING, redact=True)
    assert blind.fit.score == plain.fit.score and blind.skills == plain.skills
    assert blind.posting == plain.posting, "the posting's own words are not the candidate"
    assert blind.fit.requirements == plain.fit.requirements
    assert all("Chase" not in p.organisation for p in blind.profile.positions)
    assert any("[name]" in p.organisation for p in blind.profile.positions)
    assert any("Chase" in p.organisation for p in plain.profile.positions)
    for render in (render_match_markdown, render_match_json):
        blind_text = render(blind)
        assert "(Swift)" in blind_text and "Chase down flaky builds" in blind_text
        assert "chase.swift@" not in blind_text and "Chase Swift" not in blind_text
