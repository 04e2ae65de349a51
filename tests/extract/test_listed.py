"""Items of a skills list that no lexicon skill covers (issue 10, declared skills): reported by
name with their evidence, never scored. Invented resumes."""

from __future__ import annotations

import json

import pytest

from resume_fit import analyze_text
from resume_fit.extract import extract_skills
from resume_fit.extract.listed import METHOD, find_listed
from resume_fit.parse import parse_text
from resume_fit.report.json import render_json
from resume_fit.report.markdown import render_markdown

# Names no lexicon entry holds (invented products and practices).
HEAD = "Mira Kestrel\nmira.kestrel@example.org\n\n"
EXPERIENCE = (
    "\nEXPERIENCE\nData Scientist, Fabrikam Analytics, 2019 - 2023\n"
    "- Built churn models in Python and deployed them with Docker.\n"
)


def _listed(skills_body: str) -> list[str]:
    resume = parse_text(HEAD + "SKILLS\n" + skills_body + EXPERIENCE)
    return [item.text for item in find_listed(resume, extract_skills(resume))]


def test_unknown_items_of_a_comma_list_are_listed_and_known_ones_are_not():
    names = _listed("Python, Quillmetric, SQL, orbital ledger tuning, Docker\n")
    assert names == ["Quillmetric", "orbital ledger tuning"]


def test_a_list_label_is_taken_off_and_never_an_item():
    names = _listed(
        "Analytics tools: Quillmetric, Tableau\nData Platforms: Zephyrbase, Snowflake\n"
    )
    assert names == ["Quillmetric", "Zephyrbase"]


def test_a_group_label_alone_on_its_line_is_no_item():
    names = _listed(
        "Programming Languages\nPython, Rust, Quillmetric\nData Platforms\nZephyrbase\n"
    )
    assert "Programming Languages" not in names and "Data Platforms" not in names
    assert names == ["Quillmetric", "Zephyrbase"]


def test_spoken_languages_and_levels_are_no_items():
    names = _listed("Python, Quillmetric\nLanguages: French (native), Tagalog (B2), Basic German\n")
    assert names == ["Quillmetric"]


@pytest.mark.parametrize(
    "line",
    [
        "Team Player, Critical Thinker, Quick Learner, Python",
        "Python, Go, and a strong sense of ownership",
        "Python, Go, 2019, www.example.org, mira@example.org",
        "Python, Go, Excellent, Fluent",
        "Python, Hard-working, Detail-oriented analyst, Eye for detail",
    ],
)
def test_person_nouns_sentence_tails_dates_links_and_levels_are_no_items(line):
    assert _listed(line + "\n") == []


def test_a_single_ordinary_word_is_no_item_but_a_product_shaped_one_is():
    names = _listed("Python, Lantern, Gardening, QuillMetric, Zephyr4j\n")
    assert names == ["QuillMetric", "Zephyr4j"]


def test_a_lone_line_of_ordinary_words_amid_lists_is_a_layout_fragment():
    # A skill chart read across two columns leaves "Machine Garden" alone on a line.
    names = _listed("Python, SQL, Quillmetric\nMachine Garden\nDocker, Kubernetes\n")
    assert names == ["Quillmetric"]


def test_a_list_of_one_item_a_line_keeps_its_multiword_items():
    names = _listed("Python\norbital ledger tuning\nDocker\nharbour crane scheduling\n")
    assert names == ["orbital ledger tuning", "harbour crane scheduling"]


def test_only_skills_sections_are_read():
    resume = parse_text(HEAD + "SUMMARY\nI love Quillmetric, Zephyrbase and Python.\n" + EXPERIENCE)
    assert find_listed(resume, extract_skills(resume)) == ()


def test_evidence_points_at_the_exact_words_and_repeats_are_one_item():
    text = HEAD + "SKILLS\n• Quillmetric • Python\nTools: Quillmetric, Docker\n" + EXPERIENCE
    resume = parse_text(text)
    (item,) = find_listed(resume, extract_skills(resume))
    assert item.text == "Quillmetric"
    assert len(item.evidence) == 2
    for e in item.evidence:
        assert resume.text[e.start : e.end] == "Quillmetric"
        assert (e.section, e.method) == ("skills", METHOD)


def test_other_skills_are_reported_and_never_scored():
    body = HEAD + "SKILLS\nPython, SQL, Docker\n" + EXPERIENCE
    listed = HEAD + "SKILLS\nPython, SQL, Docker, Quillmetric, orbital ledger tuning\n" + EXPERIENCE
    plain, extra = analyze_text(body), analyze_text(listed)
    assert [o.text for o in extra.other_skills] == ["Quillmetric", "orbital ledger tuning"]
    assert plain.other_skills == ()
    assert [s.id for s in extra.skills] == [s.id for s in plain.skills]
    assert [(f.id, f.score) for f in extra.roles] == [(f.id, f.score) for f in plain.roles]
    markdown = render_markdown(extra)
    assert "### Other skills listed" in markdown
    assert '| Quillmetric | skills: "Quillmetric" |' in markdown
    data = json.loads(render_json(extra))
    assert [o["name"] for o in data["other_skills"]] == ["Quillmetric", "orbital ledger tuning"]
    assert "### Other skills listed" not in render_markdown(plain)


def test_the_persons_name_and_a_footer_in_a_skills_section_are_no_items():
    text = (
        "Mira Kestrel\nmira.kestrel@example.org\n\nSKILLS\nPython, Quillmetric\n"
        "Mira Kestrel | Kestrel CV | Page 2\n" + EXPERIENCE
    )
    resume = parse_text(text)
    assert [i.text for i in find_listed(resume, extract_skills(resume))] == ["Quillmetric"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a bracket holding a list: its items are items; a note in brackets is cut
        ("Python (Quillmetric, Zephyrbase), SQL\n", ["Quillmetric", "Zephyrbase"]),
        ("Quillmetric (advanced), Zephyrbase (3 years)\n", ["Quillmetric", "Zephyrbase"]),
        # the last item joined by "and" or "&", with or without a comma before it
        ("Python, Docker and Quillmetric\n", ["Quillmetric"]),
        ("Python, Docker, and Quillmetric\n", ["Quillmetric"]),
        ("Python, Docker & Quillmetric\n", ["Quillmetric"]),
        # a slash between two names; "CI/CD" and "TCP/IP" stay names
        ("Quillmetric/Zephyrbase/Python\n", ["Quillmetric", "Zephyrbase"]),
        ("CI/CD, TCP/IP, Quillmetric\n", ["Quillmetric"]),
        # ordinary words ending in a group noun label a group
        ("SQL/Query Languages, Quillmetric\n", ["Quillmetric"]),
    ],
)
def test_list_shapes_give_their_items(body: str, expected: list[str]) -> None:
    assert _listed(body) == expected


def test_a_sentence_in_a_skills_section_is_not_cut_at_and():
    # Prose (a closing full stop) is not a list: "and" does not start an item there.
    assert _listed("Reliable for planning, and high commitment in duty.\n") == []


def test_a_languages_section_of_technical_names_is_read_as_a_skills_list():
    # "Languages" labelling a row of a skills table opens a "languages" section in the parse.
    text = HEAD + "SKILLS\nLanguages\nPython, Scala, SQL\nDatabases\nPostgreSQL, Quillbase\n"
    resume = parse_text(text + EXPERIENCE)
    assert [item.text for item in find_listed(resume, extract_skills(resume))] == ["Quillbase"]


def test_spoken_languages_are_never_other_skills():
    resume = parse_text(HEAD + "LANGUAGES\nEnglish (native), French (B2), Quillish\n" + EXPERIENCE)
    assert find_listed(resume, extract_skills(resume)) == ()


def test_a_heading_run_into_an_item_is_not_an_item():
    assert _listed("Quillmetric, Zephyrbase\nPersonal Interests Swimming\n") == [
        "Quillmetric",
        "Zephyrbase",
    ]
