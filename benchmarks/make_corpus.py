"""Generate a folder of realistic resumes (PDF and DOCX) for the batch benchmark.

    python benchmarks/make_corpus.py benchmarks/out/corpus-300 --count 300

The resumes are synthetic but shaped like real ones: a name and contact line, a summary, two to
five jobs with dated bullet points, education, a skills list, sometimes projects and
certifications; some are ML engineers and data scientists, others are software engineers, analysts
or people from unrelated fields. PDFs come from a small hand-written PDF writer (Helvetica, the
content streams Flate-compressed like real PDFs, one or two columns, one to three pages); DOCX files
come from python-docx with headings, bullet lists and sometimes a skills table. When the licensed
real resumes in ``../shared/corpus/resumes`` are present, copies of them are mixed in too, so the
fonts and layouts of real LaTeX-made PDFs are part of the load. Same arguments, same resumes.
"""

from __future__ import annotations

import argparse
import random
import shutil
import zlib
from pathlib import Path

FIRST = [
    "Ana", "Ben", "Chen", "Dara", "Eli", "Fatima", "Gus", "Hana", "Ivan", "Jia", "Kofi", "Lena",
    "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Vik", "Wen",
    "Yusuf", "Zoe",
]  # fmt: skip
LAST = [
    "Adeyemi", "Berg", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Hoang", "Ibrahim",
    "Jensen", "Kowalski", "Li", "Mendes", "Novak", "Okafor", "Patel", "Rossi", "Sato", "Tanaka",
    "Usman", "Varga", "Wang", "Yilmaz", "Zhou",
]  # fmt: skip
COMPANIES = [
    "Acme Analytics", "Northwind Health", "Globex Bank", "Initech", "Umbrella Retail",
    "Stark Logistics", "Wayne Media", "Hooli", "Vandelay Imports", "Soylent Foods",
    "Tyrell Robotics", "Cyberdyne Systems", "Massive Dynamic", "Aperture Labs", "Oscorp Energy",
]  # fmt: skip
PROFILES = {
    "ml engineer": {
        "titles": ["Machine Learning Engineer", "Senior ML Engineer", "MLOps Engineer"],
        "skills": ["Python", "PyTorch", "TensorFlow", "scikit-learn", "Docker", "Kubernetes",
                   "MLflow", "AWS", "SageMaker", "Airflow", "SQL", "Spark", "FastAPI", "Git"],
    },
    "data scientist": {
        "titles": ["Data Scientist", "Senior Data Scientist", "Applied Scientist"],
        "skills": ["Python", "R", "SQL", "pandas", "NumPy", "scikit-learn", "XGBoost",
                   "statistics", "A/B testing", "Tableau", "causal inference", "Jupyter"],
    },
    "nlp engineer": {
        "titles": ["NLP Engineer", "Research Engineer, NLP", "LLM Engineer"],
        "skills": ["Python", "PyTorch", "Hugging Face Transformers", "spaCy", "LLMs",
                   "retrieval-augmented generation", "prompt engineering", "LangChain",
                   "vector databases", "BERT", "named entity recognition"],
    },
    "software engineer": {
        "titles": ["Software Engineer", "Backend Engineer", "Senior Software Engineer"],
        "skills": ["Java", "Go", "TypeScript", "PostgreSQL", "Redis", "Kafka", "Docker",
                   "Kubernetes", "GCP", "gRPC", "React", "CI/CD"],
    },
    "analyst": {
        "titles": ["Business Analyst", "Data Analyst", "Financial Analyst"],
        "skills": ["Excel", "SQL", "Power BI", "Tableau", "stakeholder management",
                   "forecasting", "dashboards", "communication"],
    },
    "nurse": {
        "titles": ["Registered Nurse", "Charge Nurse", "Clinical Nurse Specialist"],
        "skills": ["patient care", "triage", "electronic health records", "BLS", "ACLS",
                   "medication administration", "team leadership"],
    },
}  # fmt: skip
VERBS = ["Built", "Designed", "Led", "Shipped", "Improved", "Automated", "Migrated", "Owned"]
OBJECTS = [
    "a churn prediction model using {a} and {b}, lifting retention by {n}%",
    "the feature pipeline in {a}, cutting training time from {n} hours to {m}",
    "an internal platform on {a} and {b} serving {n} million requests a day",
    "a team of {m} engineers delivering {a} dashboards for the sales organisation",
    "monitoring and alerting with {a}, reducing incidents by {n}%",
    "the migration of legacy reports to {a}, saving {n} analyst hours a month",
    "experiments with {a} and {b} that informed the {m}-year product roadmap",
]
DEGREES = [
    "BSc Computer Science", "MSc Machine Learning", "BA Economics", "MSc Statistics",
    "PhD Computational Linguistics", "BSc Nursing", "BEng Electrical Engineering",
]  # fmt: skip
UNIVERSITIES = ["University of Lisbon", "TU Munich", "McGill University", "University of Lagos",
                "National University of Singapore", "University of Texas at Austin"]  # fmt: skip
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def make_resume(rng: random.Random) -> list[tuple[str, str]]:
    """One resume as ``(style, text)`` lines; style is title, contact, heading, text or bullet."""
    kind = rng.choice(list(PROFILES))
    profile = PROFILES[kind]
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    handle = name.lower().replace(" ", ".")
    lines = [
        ("title", name),
        (
            "contact",
            f"{handle}@example.com | +1 555 {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
            f" | linkedin.com/in/{handle.replace('.', '-')}",
        ),
        ("heading", rng.choice(["Summary", "Profile", "About Me"])),
    ]
    skills = rng.sample(profile["skills"], k=min(len(profile["skills"]), rng.randint(6, 11)))
    years_total = rng.randint(2, 16)
    lines.append(
        ("text", f"{rng.choice(profile['titles'])} with {years_total} years of experience in "
                 f"{', '.join(skills[:3])}. Known for clear communication and for turning "
                 "ambiguous problems into shipped, measurable results.")
    )  # fmt: skip
    lines.append(
        ("heading", rng.choice(["Experience", "Work Experience", "Professional Experience"]))
    )
    year = 2025
    for job in range(rng.randint(2, 5)):
        span = rng.randint(1, 4)
        start = year - span
        end = "Present" if job == 0 else f"{rng.choice(MONTHS)} {year}"
        lines.append(
            ("text", f"{rng.choice(profile['titles'])}, {rng.choice(COMPANIES)}  "
                     f"{rng.choice(MONTHS)} {start} - {end}")
        )  # fmt: skip
        for _ in range(rng.randint(3, 6)):
            a, b = rng.sample(skills, 2)
            bullet = rng.choice(OBJECTS).format(a=a, b=b, n=rng.randint(5, 60), m=rng.randint(2, 9))
            lines.append(("bullet", f"{rng.choice(VERBS)} {bullet}."))
        year = start
    if rng.random() < 0.5:
        lines.append(("heading", "Projects"))
        for _ in range(rng.randint(1, 3)):
            a, b = rng.sample(skills, 2)
            lines.append(
                (
                    "bullet",
                    f"Open-source tool combining {a} and {b}; {rng.randint(20, 900)} GitHub stars.",
                )
            )
    lines.append(("heading", "Education"))
    lines.append(
        ("text", f"{rng.choice(DEGREES)}, {rng.choice(UNIVERSITIES)}, {year - rng.randint(0, 3)}")
    )
    lines.append(("heading", rng.choice(["Skills", "Technical Skills", "Core Competencies"])))
    lines.append(("text", ", ".join(skills)))
    if rng.random() < 0.3:
        lines.append(("heading", "Certifications"))
        lines.append(
            (
                "text",
                rng.choice(
                    [
                        "AWS Certified Machine Learning - Specialty",
                        "Google Professional Data Engineer",
                        "PMP",
                        "ACLS Provider",
                    ]
                ),
            )
        )
    return lines


# --- a minimal PDF writer -------------------------------------------------------------------------

PAGE_W, PAGE_H, MARGIN = 612, 792, 54
SIZES = {"title": 20, "contact": 9, "heading": 12, "text": 10, "bullet": 10}
FONTS = {"title": "F2", "heading": "F2"}


def _wrap(text: str, size: float, width: float) -> list[str]:
    limit = max(10, int(width / (0.52 * size)))  # Helvetica's average glyph is ~0.52 em
    out, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > limit:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*out, line] if line else out


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def pdf_bytes(lines: list[tuple[str, str]], two_columns: bool) -> bytes:
    """Lay the resume out on Letter pages and return a valid, Flate-compressed PDF."""
    pages: list[list[bytes]] = [[]]
    sidebar: list[tuple[str, str]] = []
    if two_columns:
        # Skills and education go to a left sidebar, as in many designed templates.
        cut = next(
            i for i, (style, _) in enumerate(lines) if style == "heading" and "Educ" in lines[i][1]
        )
        sidebar, lines = lines[cut:], lines[:cut]
    x0, width = (
        (MARGIN + 170, PAGE_W - 2 * MARGIN - 170) if two_columns else (MARGIN, PAGE_W - 2 * MARGIN)
    )

    def flow(items: list[tuple[str, str]], x: float, w: float, page: int) -> None:
        y = PAGE_H - MARGIN
        for style, text in items:
            size = SIZES[style]
            if style == "heading":
                y -= 6
            prefix = "- " if style == "bullet" else ""
            for part in _wrap(prefix + text, size, w - (10 if prefix else 0)):
                y -= size * 1.3
                if y < MARGIN:
                    page += 1
                    if page == len(pages):
                        pages.append([])
                    y = PAGE_H - MARGIN - size * 1.3
                font = FONTS.get(style, "F1")
                indent = 10 if prefix and not part.startswith("- ") else 0
                pages[page].append(
                    b"BT /%s %d Tf %.1f %.1f Td (%s) Tj ET"
                    % (font.encode(), size, x + indent, y, _escape(part))
                )

    flow(lines, x0, width, 0)
    if sidebar:
        flow(sidebar, MARGIN, 160, 0)
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, filled in below
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    ]
    kids = []
    for content in pages:
        stream = zlib.compress(b"\n".join(content))
        objects.append(
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(stream), stream)
        )
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>"
            % (PAGE_W, PAGE_H, len(objects))
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def write_docx(lines: list[tuple[str, str]], path: Path, rng: random.Random) -> None:
    """Write the resume as a Word document with real headings, bullets and maybe a table."""
    import docx

    document = docx.Document()
    document.core_properties.author = lines[0][1]
    skills_as_table = rng.random() < 0.4
    for index, (style, text) in enumerate(lines):
        if style == "title":
            document.add_heading(text, level=0)
        elif style == "heading":
            document.add_heading(text, level=1)
        elif style == "bullet":
            document.add_paragraph(text, style="List Bullet")
        elif (
            skills_as_table
            and index > 0
            and "Skill" in lines[index - 1][1] + lines[index - 1][0]
            and lines[index - 1][0] == "heading"
        ):
            items = [s.strip() for s in text.split(",")]
            table = document.add_table(rows=(len(items) + 2) // 3, cols=3)
            for i, item in enumerate(items):
                table.cell(i // 3, i % 3).text = item
        else:
            document.add_paragraph(text)
    document.save(path)


def build(folder: str | Path, count: int, seed: int = 7, real: Path | None = None) -> list[Path]:
    """Create ``count`` resumes in ``folder`` (about 60% PDF, 40% DOCX) and return their paths.

    Real corpus PDFs (when ``real`` exists) are copied in as part of the count, up to 10%.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    made: list[Path] = []
    real_pdfs = sorted(real.rglob("*.pdf")) if real is not None and real.is_dir() else []
    n_real = min(len(real_pdfs) * 3, count // 10) if real_pdfs else 0
    for i in range(n_real):
        source = real_pdfs[i % len(real_pdfs)]
        target = folder / f"real-{i:04d}-{source.name}"
        shutil.copyfile(source, target)
        made.append(target)
    for i in range(count - n_real):
        lines = make_resume(rng)
        stem = f"{i:05d}-{lines[0][1].lower().replace(' ', '-')}"
        sub = folder / f"batch-{i // 100:02d}"
        sub.mkdir(exist_ok=True)
        if rng.random() < 0.6:
            target = sub / f"{stem}.pdf"
            target.write_bytes(pdf_bytes(lines, two_columns=rng.random() < 0.3))
        else:
            target = sub / f"{stem}.docx"
            write_docx(lines, target, rng)
        made.append(target)
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--real", type=Path, default=Path("../shared/corpus/resumes"))
    args = parser.parse_args()
    made = build(args.folder, args.count, args.seed, args.real)
    print(f"wrote {len(made)} files to {args.folder}")


if __name__ == "__main__":
    main()
