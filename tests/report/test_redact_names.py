"""Where names hide, and what masking a name must not mask: invented people, every rendering.

Each case is a resume header (and a file name) shaped the way names hide in real documents; the
body repeats the name beside skills (a bullet, a possessive, a footer), so an unmasked name would
reach the evidence snippets of every rendering.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from resume_fit.report.html import render_html
from resume_fit.report.identity import find_identity
from resume_fit.report.json import render_json
from resume_fit.report.markdown import render_markdown
from resume_fit.report.redact import Identity, redact_report, redact_text

BODY = """
Experience
Machine Learning Engineer | Orbit Labs | 2021 - Present
- Trained PyTorch models in Python; {mention} served them on AWS
- Wrote SQL for {mention}'s feature pipelines

Skills
Python, SQL, Docker

{mention} — page 2 — Kubernetes
"""

# (case id, header lines, file name, how the body names the person, words that must not leak)
CASES = [
    (
        "title-first",
        "Data Scientist\nAmara Okonkwo-Reyes\namara.or@example.org",
        "cv.txt",
        "Amara Okonkwo-Reyes",
        ("amara", "okonkwo", "reyes"),
    ),
    ("title-after", "Amara Okonkwo\nSenior Data Scientist", "cv.txt", "Amara", ("amara",)),
    (
        "all-caps",
        "JOHANNA VAN DER BERG\nEngineer",
        "cv.txt",
        "Johanna van der Berg",
        ("johanna", "berg"),
    ),
    ("letter-spaced", "J O H N  S M I T H\nEngineer", "cv.txt", "John Smith", ("john", "smith")),
    (
        "letter-spaced-wide-gap",
        "J O H N   S M I T H\nEngineer",
        "cv.txt",
        "John Smith",
        ("john", "smith"),
    ),
    (
        "letter-spaced-gap-closed",
        "T O B I A S W E X F O R D\nEngineer",
        "cv.txt",
        "Tobias Wexford",
        ("tobias", "wexford"),
    ),
    (
        "title-line-before",
        "Curriculum Vitae\nTobias Wexford\nEngineer",
        "cv.txt",
        "Tobias Wexford",
        ("tobias", "wexford"),
    ),
    ("word-names", "Grace Hunter\nEngineer", "cv.txt", "Grace Hunter", ("grace", "hunter")),
    ("initials-skill-surname", "J. R. Doe\nEngineer", "cv.txt", "Doe", ("doe",)),
    ("ascii-header", "Jose Nunez\nAnalyst", "cv.txt", "José Núñez", ("jose", "nunez")),
    (
        "particles-de-la",
        "Maria de la Cruz\nAnalyst",
        "cv.txt",
        "Maria de la Cruz",
        ("maria", "cruz"),
    ),
    ("particle-bin", "Ahmad bin Ismail\nAnalyst", "cv.txt", "Ahmad", ("ahmad", "ismail")),
    ("particle-al", "Khalid al-Rashidi\nAnalyst", "cv.txt", "al-Rashidi", ("khalid", "rashidi")),
    ("apostrophe", "Siobhan O'Neil\nAnalyst", "cv.txt", "O'Neil", ("siobhan", "neil")),
    ("diacritics", "Zoë Lefèvre-Dubois\nAnalyst", "cv.txt", "Zoe Lefevre", ("zoe", "lefevre")),
    ("cyrillic", "Олена Коваленко\nAnalyst", "cv.txt", "Олена", ("олена", "коваленко")),
    ("greek", "Δημήτρης Παπαδόπουλος\nAnalyst", "cv.txt", "Παπαδόπουλος", ("παπαδόπουλος",)),
    ("chinese", "王小明\nAnalyst", "cv.txt", "王小明", ("王小明",)),
    ("chinese-given-name", "王小明\nAnalyst", "cv.txt", "小明", ("小明",)),
    ("chinese-spaced", "王 小明\nAnalyst", "cv.txt", "王 小明", ("王", "小明")),
    ("korean-given-name", "김민준\nAnalyst", "cv.txt", "민준", ("민준",)),
    ("two-lines", "TOBIAS\nWEXFORD\nEngineer", "cv.txt", "Tobias", ("tobias", "wexford")),
    ("file-name-underscores", "Engineer", "Tobias_Wexford_CV.txt", "Wexford", ("wexford",)),
    ("file-name-last-first", "Engineer", "WexfordTobiasResume.txt", "Tobias", ("tobias",)),
    ("file-name-camel", "Engineer", "tobiasWexford.txt", "Wexford", ("wexford",)),
    ("email-first-last", "Engineer\nt.wexford@example.com", "cv.txt", "T. Wexford", ("wexford",)),
    ("email-flast", "Tobias Wexford\ntwexford@example.com", "cv.txt", "Wexford", ("wexford",)),
    ("email-first-l", "Engineer\ntobias_w@example.com", "cv.txt", "Tobias", ("tobias",)),
    (
        "email-firstlast",
        "Engineer\ntobiaswexford@example.com",
        "cv.txt",
        "TobiasWexford",
        ("tobiaswexford",),
    ),
    (
        "linkedin-slug",
        "Engineer\nlinkedin.com/in/tobias-wexford-1a2b",
        "cv.txt",
        "Wexford",
        ("wexford", "1a2b"),
    ),
    (
        "github-slug",
        "Engineer\ngithub.com/tobiaswexford",
        "cv.txt",
        "tobiaswexford",
        ("tobiaswexford",),
    ),
    ("initials", "T. R. Wexford\nEngineer", "cv.txt", "T. R. Wexford", ("wexford",)),
    ("nickname", "Robert (Bob) Wexford\nEngineer", "cv.txt", "Bob", ("bob", "robert", "wexford")),
    (
        "quoted-nickname-degree",
        "Dr. Robert “Bobby” Wexford, PhD\nEngineer",
        "cv.txt",
        "Bobby",
        ("bobby", "robert", "wexford"),
    ),
    (
        "surname-comma",
        "Wexford, Tobias\nEngineer",
        "cv.txt",
        "Tobias Wexford",
        ("tobias", "wexford"),
    ),
    (
        "glued-to-title",
        "QUINLAN OKORO DATA SCIENTIST",
        "cv.txt",
        "Quinlan Okoro",
        ("quinlan", "okoro"),
    ),
    (
        "title-before-on-one-line",
        "Senior Data Scientist Quinlan Okoro",
        "cv.txt",
        "Okoro",
        ("quinlan", "okoro"),
    ),
    ("pronouns", "Quinlan Okoro (they/them)\nAnalyst", "cv.txt", "Quinlan", ("quinlan", "okoro")),
    (
        "below-a-side-column",
        "Skills\nPython\nSQL\nExcel\nTableau\nDocker\nLanguages\nEnglish\nFrench\n"
        "Quinlan Okoro-Baptiste\nq.okorobaptiste@example.com",
        "cv.txt",
        "Okoro-Baptiste",
        ("quinlan", "okoro", "baptiste"),
    ),
]


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _leaks(text: str, words: tuple[str, ...]) -> list[str]:
    """The words (accents and case ignored) found whole in ``text``."""
    folded = _fold(text)
    return [
        w for w in words if re.search(rf"(?<![^\W\d_]){re.escape(_fold(w))}(?![^\W\d_])", folded)
    ]


@pytest.fixture(scope="module")
def cases(toy_analyse):
    built = {}
    for case_id, header, source, mention, words in CASES:
        resume, report = toy_analyse(header + "\n" + BODY.format(mention=mention), source)
        built[case_id] = (report, redact_report(report, find_identity(resume)), words)
    return built


@pytest.mark.parametrize("case_id", [c[0] for c in CASES])
@pytest.mark.parametrize("render", [render_markdown, render_json, render_html])
def test_redact_name_hidden_anywhere_leaves_every_rendering(cases, case_id, render):
    plain, redacted, words = cases[case_id]
    assert _leaks(render(plain), words), "the invented case must show the name unredacted"
    assert _leaks(render(redacted), words) == []
    assert redacted.skills == plain.skills
    assert [(f.id, f.score, f.why) for f in redacted.roles] == [
        (f.id, f.score, f.why) for f in plain.roles
    ]


def test_redact_name_in_docx_header_and_properties(tmp_path):
    docx = pytest.importorskip("docx")
    from resume_fit.api import analyze

    document = docx.Document()
    document.core_properties.author = "Ingrid Halvorsen-Vik"
    document.core_properties.title = "Ingrid Halvorsen-Vik CV"
    document.sections[0].header.paragraphs[0].text = "Ingrid Halvorsen-Vik"
    document.sections[0].footer.paragraphs[0].text = "Halvorsen-Vik — page 1"
    document.add_paragraph("Data Engineer")
    document.add_paragraph("Experience")
    document.add_paragraph("Built Python and SQL pipelines for Halvorsen-Vik's analytics team.")
    document.add_paragraph("Skills")
    document.add_paragraph("Python, SQL, Airflow")
    path = tmp_path / "Ingrid_Halvorsen-Vik_CV.docx"
    document.save(path)
    plain = analyze(path)
    blind = analyze(path, redact=True)
    words = ("ingrid", "halvorsen", "vik")
    assert _leaks(render_json(plain), words)
    for render in (render_markdown, render_json, render_html):
        assert _leaks(render(blind), words) == []
    assert blind.skills == plain.skills


# ---------------------------------------------------------------------------------------------
# Over-masking: names that are also words, months or skills


WORDY = Identity(
    pseudonym="cand-x",
    name_tokens=frozenset({"moreno", "hollander"}),
    capitalised_tokens=frozenset({"april", "grace", "will", "grant", "may", "hope", "june"}),
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Dates stay dates; the name beside the surname or alone and capitalised goes.
        ("April Moreno | April 2021 - Present", "[name] | April 2021 - Present"),
        ("Joined 3 June 2019, left May 2021", "Joined 3 June 2019, left May 2021"),
        ("May - 2019 to Jun '21", "May - 2019 to Jun '21"),
        ("April led the migration", "[name] led the migration"),
        # Ordinary words in lower case are never a name.
        ("we will apply for a grant in april", "we will apply for a grant in april"),
        ("with grace and hope", "with grace and hope"),
        ("Grace Hollander's team", "[name]'s team"),
        ("GRACE HOLLANDER", "[name]"),
        ("Will Grant wrote it", "[name] wrote it"),
        ("Hollander, Grace", "[name], [name]"),
    ],
)
def test_redact_word_like_names_mask_the_name_not_the_word(text, expected):
    assert redact_text(text, WORDY) == expected


def test_redact_name_that_is_a_skill_keeps_the_skill():
    identity = Identity(pseudonym="cand-x", capitalised_tokens=frozenset({"julia", "swift"}))
    protect = frozenset({"julia", "swift", "python"})
    text = "Julia Swift | Languages: Julia, Python and Swift"
    assert redact_text(text, identity, protect=protect) == (
        "[name] | Languages: Julia, Python and Swift"
    )
    # Without the skill found, the lone capitalised word is taken for the name: privacy wins.
    assert redact_text("Languages: Julia", identity) == "Languages: [name]"


def test_redact_word_like_names_found_as_such(toy_analyse):
    resume, _ = toy_analyse("Will Grant\nApril Moreno\n" + BODY.format(mention="Will"), "cv.txt")
    identity = find_identity(resume)
    assert {"will", "grant"} <= identity.capitalised_tokens
    assert not {"will", "grant"} & identity.name_tokens


def test_redact_julia_swift_end_to_end_skills_unchanged():
    from resume_fit.api import analyze_text

    text = (
        "Julia Swift\nData Scientist | julia.swift@example.net\n\nExperience\n"
        "Data Scientist | Kestrel Analytics | 2020 - Present\n"
        "- Built forecasting models in Julia and Python; Julia Swift led the team\n\n"
        "Skills\nJulia, Python, Swift, SQL\n"
    )
    plain = analyze_text(text, "Julia_Swift_CV.txt")
    blind = analyze_text(text, "Julia_Swift_CV.txt", redact=True)
    assert blind.skills == plain.skills and blind.names == plain.names
    assert {"julia", "swift"} <= {s.id for s in plain.skills}
    assert [(f.id, f.score, f.why) for f in blind.roles] == [
        (f.id, f.score, f.why) for f in plain.roles
    ]
    snippets = [s for _, group in blind.contexts for s in group]
    assert not any("Julia Swift" in s for s in snippets)
    assert any("in Julia and Python" in s for s in snippets)
    assert "julia.swift@" not in render_json(blind)


@pytest.mark.parametrize(
    "header", ["TOMASZ WIERZBICKI RESUME", "Tomasz Wierzbicki - CV", "Tomasz Wierzbicki, Résumé"]
)
def test_redact_document_title_on_the_name_line_is_not_a_name_word(toy_analyse, header):
    # The e-mail corroborates the name line, which then gives all its words.
    text = header + "\ntomasz.wierzbicki@example.org\n" + BODY.format(mention="Tomasz")
    resume, _ = toy_analyse(text, "cv.txt")
    identity = find_identity(resume)
    names = identity.name_tokens | identity.capitalised_tokens
    assert {"tomasz", "wierzbicki"} <= names
    assert not {"resume", "cv"} & names
    assert redact_text("Resume of Tomasz Wierzbicki", identity) == "Resume of [name]"
