"""Finding the person's name in the layouts real resumes take: invented people, invented text.

Each header is tried where the name is the first line and where a two-column or sidebar layout
puts it after contact details, a skills column and a summary, with no e-mail to corroborate it:
the name must be read in both. Places, headings, skills and company lines must not be read.
"""

from __future__ import annotations

import pytest

from resume_fit.parse.resume_text import ResumeText
from resume_fit.report.identity import find_identity, path_identity
from resume_fit.report.redact import redact_text

# What a side column or a photo box puts before the name once a PDF is read column by column.
SIDEBAR = """Contact
+44 20 7946 0321
Leeds, United Kingdom
Skills
Python
SQL
Docker
Languages
English
Portuguese
Profile
Analytical engineer who builds forecasting systems for retail and logistics teams.
"""

BODY = """
Experience
Data Engineer | Orbit Labs | 2021 - Present
- Built Python and SQL pipelines on AWS
Education
BSc Computer Science, University of Leeds, 2018
"""


def _resume(text: str, source: str = "cv.txt") -> ResumeText:
    return ResumeText(source, "text", text)


def _read(text: str, source: str = "cv.txt") -> frozenset[str]:
    identity = find_identity(_resume(text, source))
    return identity.name_tokens | identity.capitalised_tokens


# (case id, name line, folded words that must be read)
FORMS = [
    ("plain", "Marisol Quenby", {"marisol", "quenby"}),
    ("surname-first-caps", "QUENBY, Marisol", {"marisol", "quenby"}),
    ("middle-initial", "Marisol Q. Fairweather", {"marisol", "fairweather"}),
    ("first-initial", "M. Quentin Fairweather", {"quentin", "fairweather"}),
    ("double-barrelled", "Marisol Quenby-Fairweather", {"marisol", "quenby", "fairweather"}),
    ("particles-van-der", "Pieter van der Westhuizen", {"pieter", "westhuizen"}),
    ("particles-de-la", "Lucía de la Fuente", {"lucia", "fuente"}),
    ("particle-bin", "Hamid bin Yusof", {"hamid", "yusof"}),
    ("particle-al", "Faris al-Khatib", {"faris", "khatib"}),
    ("apostrophe-o", "Niamh O'Sullivan", {"niamh", "sullivan"}),
    ("apostrophe-d", "Rohan D'Costa", {"rohan", "costa"}),
    ("accents", "Zoë Lefèvre-Brossard", {"zoe", "lefevre", "brossard"}),
    ("cyrillic", "Дарья Соколова", {"дарья", "соколова"}),
    ("all-caps", "MARISOL QUENBY", {"marisol", "quenby"}),
    ("letter-spaced", "M A R I S O L   Q U E N B Y", {"marisol", "quenby"}),
    ("credentials", "Marisol Quenby, PhD, PMP", {"marisol", "quenby"}),
    ("degree-after", "Marisol Quenby MSc", {"marisol", "quenby"}),
    ("label", "Name: Marisol Quenby", {"marisol", "quenby"}),
    ("resume-of", "Resume of Marisol Quenby", {"marisol", "quenby"}),
    ("cv-dash", "CV – Marisol Quenby", {"marisol", "quenby"}),
    ("pronouns", "Marisol Quenby (she/her)", {"marisol", "quenby"}),
    ("with-phone", "Marisol Quenby +44 7700 900123", {"marisol", "quenby"}),
]


@pytest.mark.parametrize(("case_id", "line", "expected"), FORMS, ids=[f[0] for f in FORMS])
def test_name_finder_reads_name_forms_on_the_first_line(case_id, line, expected):
    assert expected <= _read(line + "\nData Engineer\n" + BODY)


@pytest.mark.parametrize(("case_id", "line", "expected"), FORMS, ids=[f[0] for f in FORMS])
def test_name_finder_reads_name_forms_after_a_sidebar_without_any_clue(case_id, line, expected):
    read = _read(SIDEBAR + line + "\nData Engineer\n" + BODY)
    assert expected <= read
    # The sidebar's places, headings, skills and the body's employer are not the name.
    assert not {"leeds", "united", "kingdom", "python", "orbit", "labs", "contact"} & read


def test_name_finder_title_line_before_the_name_after_a_sidebar():
    read = _read(SIDEBAR + "Curriculum Vitae\nMarisol Quenby\nData Engineer\n" + BODY)
    assert {"marisol", "quenby"} <= read
    assert not {"curriculum", "vitae"} & read


def test_name_finder_place_line_before_the_name_is_not_the_name():
    read = _read("Cambridge, Royaume-Uni\nRenata C. Ilhabela Souto\nData Engineer\n" + BODY)
    assert {"renata", "ilhabela", "souto"} <= read
    assert not {"cambridge", "royaume", "uni"} & read


def test_name_finder_lower_case_name_line_beats_a_place():
    text = "marisol quenby\nSenior Data Scientist\nLondon, United Kingdom | +44 7700 900123\n"
    read = _read(text + BODY)
    assert {"marisol", "quenby"} <= read
    assert not {"london", "united", "kingdom"} & read


def test_name_finder_footer_repetition_corroborates_a_late_name():
    # A DOCX whose name is only in its page footer, read after the body of each page.
    page = BODY * 3 + "Odalys Brennock | Page {n}\n"
    text = "Senior Data Engineer\n" + SIDEBAR + "".join(page.format(n=n) for n in (1, 2, 3))
    read = _read(text + BODY * 6)
    assert {"odalys", "brennock"} <= read
    assert not {"orbit", "labs", "page"} & read


@pytest.mark.parametrize(
    ("contact", "name_line"),
    [
        ("linkedin.com/in/marisol-q-quenby-1234", "Marisol Quenby"),
        ("https://www.linkedin.com/in/quenbym", "Marisol Quenby"),
        ("github.com/marisolquenby", "Marisol Quenby"),
        ("marisolquenby.dev", "Marisol Quenby"),
        ("https://about.me/marisol.quenby", "Marisol Quenby"),
        ("m.quenby@example.org", "Marisol Quenby"),
        ("mquenby@example.org", "Marisol Quenby"),
        ("quenby.marisol@example.org", "Marisol Quenby"),
        ("marisol_quenby89@example.org", "Marisol Quenby"),
        ("mquenby at example dot org", "Marisol Quenby"),
    ],
)
def test_name_finder_profile_slugs_and_mail_locals_corroborate_a_name_anywhere(contact, name_line):
    # A company line first and a job title in capitals: only the clue tells the name.
    text = "Kestrel Quarry Ltd\n" + SIDEBAR.replace("Leeds", contact + "\nLeeds") + BODY * 2
    text += "\n" + name_line + "\n"
    read = _read(text)
    assert {"marisol", "quenby"} <= read
    assert not {"kestrel", "quarry"} & read


def test_name_finder_joined_slug_matches_the_name_line():
    identity = find_identity(_resume("Data Engineer\ngithub.com/teodorvasquez\n" + BODY
                                     + "\nTeodor Vasquez\n"))  # fmt: skip
    assert {"teodor", "vasquez"} <= identity.name_tokens | identity.capitalised_tokens


def test_name_finder_no_name_in_the_text_reads_the_file_name_not_a_company():
    read = _read(SIDEBAR + BODY, "Marisol_Quenby_CV.txt")
    assert {"marisol", "quenby"} <= read
    assert not {"orbit", "labs", "leeds", "united", "kingdom", "python"} & read


def test_name_finder_places_and_headings_alone_are_never_a_name():
    text = (
        "New York, NY\nSan Francisco Bay Area\nTechnical Skills\nWork Experience\n"
        + SIDEBAR + BODY
    )  # fmt: skip
    read = _read(text)
    assert not read & {"york", "francisco", "technical", "experience", "united", "kingdom"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Odalys Brennock | Page 2", "[name] | Page 2"),
        ("Brennock – CV", "[name] – CV"),
        ("Reviewed Brennock's pipeline", "Reviewed [name]'s pipeline"),
        ("Kind regards,\nOdalys Brennock", "Kind regards,\n[name]"),
        ("References: Brennock led the team", "References: [name] led the team"),
        ("see /home/obrennock/projects/etl", "see /home/[name]/projects/etl"),
    ],
)
def test_name_finder_name_tokens_recurring_elsewhere_are_masked(text, expected):
    resume = _resume(SIDEBAR + "Odalys Brennock\nobrennock@example.org\n" + BODY)
    assert redact_text(text, find_identity(resume)) == expected


def test_name_finder_batch_error_message_masks_a_surname_alone():
    identity = path_identity("/in/Brennock, Odalys - CV.pdf", "cand-x")
    masked = redact_text("Brennock, Odalys - CV.pdf: Brennock's file is encrypted", identity)
    assert "brennock" not in masked.lower() and "odalys" not in masked.lower()


def test_name_finder_name_of_skill_words_beside_the_contact_details():
    # "Adam", "Noah" and "White" are words of skill names; beside a phone number they are a name.
    text = SIDEBAR + "Adam Noah White\n+33 6 12 34 56 78 | Lyon\n" + BODY
    assert {"adam", "noah", "white"} <= _read(text)
    # The same words as a sidebar pair ("Python" / "SQL" beside a phone) are not.
    assert not {"python", "sql", "docker"} & _read("+44 7700 900123\nPython\nSQL\nDocker\n" + BODY)


def test_name_finder_lower_case_name_beside_contacts_below_a_sidebar():
    text = SIDEBAR + "marisol quenby\n+44 7700 900123\n" + BODY
    assert {"marisol", "quenby"} <= _read(text)


def test_name_finder_a_list_of_qualities_is_not_a_name():
    text = "Problem Solver, Team Player, Strategic Planner\nMarisol Quenby\nData Engineer\n" + BODY
    read = _read(text)
    assert {"marisol", "quenby"} <= read
    assert not {"problem", "solver", "strategic", "planner"} & read


def test_name_finder_a_line_written_twice_in_a_row_is_no_running_footer():
    text = SIDEBAR + "Marisol Quenby\n" + BODY + "Kestrel Fund Assessor\nKestrel Fund Assessor\n"
    read = _read(text)
    assert {"marisol", "quenby"} <= read
    assert not {"kestrel", "assessor"} & read


def test_name_finder_mostly_places_is_a_place():
    read = _read("Central Florida Orlando\nMarisol Quenby\nData Engineer\n" + BODY)
    assert {"marisol", "quenby"} <= read
    assert not {"central", "florida"} & read


def test_name_finder_a_skill_acronym_makes_no_name():
    text = "Data Engineer\n+44 7700 900123\nSkills\nOOP Relational\nDocument DB\n" + BODY
    assert not {"oop", "relational"} & _read(text, "Marisol_Quenby_CV.txt")


def test_name_finder_items_of_a_one_per_line_list_are_no_name():
    interests = "Interests\nComputer Vision\nSoftware Engineering\nTinker Gadgets\nLinear Algebra\n"
    read = _read("Data Engineer\n" + interests + BODY, "Marisol_Quenby_CV.txt")
    assert {"marisol", "quenby"} <= read
    assert not {"tinker", "gadgets"} & read


def test_name_finder_a_lone_two_word_line_far_down_is_no_name():
    text = "Data Engineer\n" + BODY * 4 + "Awards\nKestrel Inspiration Prize\n"
    read = _read(text, "Marisol_Quenby_CV.txt")
    assert {"marisol", "quenby"} <= read
    assert not {"kestrel", "inspiration", "prize"} & read


def test_name_finder_site_names_in_the_body_are_no_clue():
    text = (
        "Marisol Quenby\nData Engineer\n"
        + BODY
        + "Published in doi.org/10.1000/xyz, see kestrelquarry.com\n"
    )
    read = _read(text)
    assert {"marisol", "quenby"} <= read
    assert not {"doi", "kestrelquarry"} & read


def test_name_finder_docx_name_in_a_table_cell_after_a_skills_cell(tmp_path):
    docx = pytest.importorskip("docx")
    from resume_fit.parse import parse_file

    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Skills\nPython\nSQL\nLanguages\nEnglish\nPortuguese"
    table.cell(0, 1).text = "Marisol Quenby\nData Engineer\n+44 7700 900123"
    document.add_paragraph("Experience")
    document.add_paragraph("Data Engineer | Orbit Labs | 2021 - Present")
    document.add_paragraph("Built Python and SQL pipelines on AWS for the retail forecasting team.")
    document.add_paragraph("Education")
    document.add_paragraph("BSc Computer Science, University of Leeds, 2018")
    path = tmp_path / "cv.docx"
    document.save(path)
    identity = find_identity(parse_file(path))
    read = identity.name_tokens | identity.capitalised_tokens
    assert {"marisol", "quenby"} <= read
    assert not {"python", "english", "portuguese", "orbit"} & read


def test_name_finder_a_second_name_shaped_line_at_the_top_is_masked_as_well():
    # A first line that is not the name (a banner, a town no word list knows) takes the
    # first-line weight; the name after it is a runner-up whose uncommon words are read too.
    text = "Kestrelmoor Quay\nLiesl Ovanesyan\nData Analyst\n" + BODY
    identity = find_identity(_resume(text))
    assert {"liesl", "ovanesyan"} <= identity.name_tokens | identity.capitalised_tokens
    masked = redact_text("Reviewed by Liesl Ovanesyan; Ovanesyan's notes", identity)
    assert "Liesl" not in masked and "Ovanesyan" not in masked


def test_name_finder_runners_up_keep_dictionary_words_and_months():
    # Other short capitalised lines at the top are words, not names: they stay readable.
    text = "Marisol Quenby\nEconomics Minor\nExpected June 2026\nPortland Health Collective\n"
    read = _read(text + BODY)
    assert {"marisol", "quenby"} <= read
    assert not {"economics", "minor", "expected", "june", "health", "collective"} & read


def test_name_finder_runners_up_are_not_read_when_an_e_mail_names_the_person():
    text = "Kestrelmoor Quay\nLiesl Ovanesyan\nliesl.ovanesyan@example.com\n" + BODY
    read = _read(text)
    assert {"liesl", "ovanesyan"} <= read
    assert "kestrelmoor" not in read


def test_name_finder_a_runner_up_of_name_words_is_masked_where_written_as_a_name():
    # "Grace Hunter" ranked second: both are name words ("word_names"), masked only as a name.
    text = "Kestrelmoor Quay\nGrace Hunter\nData Analyst\n" + BODY
    identity = find_identity(_resume(text))
    masked = redact_text("Grace Hunter wrote it by the grace of the hunter", identity)
    assert masked == "[name] wrote it by the grace of the hunter"
