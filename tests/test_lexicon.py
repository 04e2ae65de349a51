"""Tests for the shipped skill lexicon, its loader, and the script that builds it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import ModuleType

import pytest

from resume_fit.errors import DataFileError
from resume_fit.lexicon import CATEGORIES, Skill, load_lexicon, parse_lexicon, read_lexicon

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


@pytest.fixture(scope="module")
def by_form(lexicon) -> dict[str, list[str]]:
    """Every surface form (case-folded) -> the ids of the skills that claim it."""
    forms: dict[str, list[str]] = {}
    for skill in lexicon.values():
        for form in skill.surface_forms:
            forms.setdefault(form.casefold(), []).append(skill.id)
    return forms


@pytest.fixture(scope="module")
def builder(load_script) -> ModuleType:
    return load_script("scripts/build_lexicon.py")


# --- the shipped lexicon -------------------------------------------------------------------------


def test_lexicon_shipped_size_and_categories(lexicon):
    assert len(lexicon) >= 2500
    assert {s.category for s in lexicon.values()} == set(CATEGORIES)


def test_lexicon_every_skill_has_a_known_source(lexicon):
    kinds = {"seed", "curated", "onet", "esco", "esco-label", "topic", "linguist", "ref"}
    for skill in lexicon.values():
        assert skill.sources, skill.id
        assert {s.split(":", 1)[0] for s in skill.sources} <= kinds, skill.id
        for source in skill.sources:
            if source.startswith("seed:"):
                assert source in {"seed:000", "seed:001", "seed:002", "seed:003"}, skill.id


def test_lexicon_no_surface_form_claimed_twice(by_form):
    shared = {form: ids for form, ids in by_form.items() if len(ids) > 1}
    assert shared == {}


def test_lexicon_ids_are_kebab_slugs(lexicon):
    for skill_id in lexicon:
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", skill_id), skill_id


def test_lexicon_ambiguous_skills_have_context(lexicon):
    missing = [s.id for s in lexicon.values() if s.ambiguous and not s.context]
    assert missing == []


def test_lexicon_ambiguous_forms_are_surface_forms(lexicon):
    for skill in lexicon.values():
        forms = {f.casefold() for f in skill.surface_forms}
        assert {f.casefold() for f in skill.ambiguous_forms} <= forms, skill.id


def test_lexicon_names_carry_no_version(lexicon):
    versioned = [s.name for s in lexicon.values() if re.search(r"\s\d+\.(?:\d+|x)\b", s.name)]
    assert versioned == []


# What the seed articles name (and the ecosystem around it), by the id other modules rely on.
SEED_SKILLS = [
    ("python", "language"),
    ("r", "language"),
    ("sql", "language"),
    ("java", "language"),
    ("go", "language"),
    ("rust", "language"),
    ("c", "language"),
    ("cpp", "language"),
    ("csharp", "language"),
    ("bash", "language"),
    ("zsh", "language"),
    ("command-line", "tool"),
    ("pytorch", "library"),
    ("tensorflow", "library"),
    ("scikit-learn", "library"),
    ("keras", "library"),
    ("xgboost", "library"),
    ("hugging-face", "library"),
    ("spacy", "library"),
    ("nltk", "library"),
    ("opencv", "library"),
    ("matplotlib", "library"),
    ("seaborn", "library"),
    ("pandas", "library"),
    ("numpy", "library"),
    ("tableau", "tool"),
    ("aws", "platform"),
    ("gcp", "platform"),
    ("azure", "platform"),
    ("cloud-computing", "method"),
    ("docker", "tool"),
    ("kubernetes", "tool"),
    ("ci-cd", "method"),
    ("devops", "method"),
    ("mlops", "method"),
    ("mlflow", "tool"),
    ("dvc", "tool"),
    ("tfx", "tool"),
    ("jenkins", "tool"),
    ("git", "tool"),
    ("github", "platform"),
    ("airflow", "tool"),
    ("prefect", "tool"),
    ("spark", "tool"),
    ("hadoop", "tool"),
    ("bigquery", "platform"),
    ("redshift", "platform"),
    ("amazon-s3", "platform"),
    ("nosql", "database"),
    ("etl", "method"),
    ("data-warehousing", "method"),
    ("data-lakes", "method"),
    ("stream-processing", "method"),
    ("api-development", "method"),
    ("machine-learning", "field"),
    ("deep-learning", "field"),
    ("natural-language-processing", "field"),
    ("computer-vision", "field"),
    ("reinforcement-learning", "method"),
    ("generative-ai", "field"),
    ("large-language-models", "method"),
    ("retrieval-augmented-generation", "method"),
    ("prompt-engineering", "method"),
    ("foundation-models", "method"),
    ("fine-tuning", "method"),
    ("transformers", "method"),
    ("convolutional-neural-networks", "method"),
    ("generative-adversarial-networks", "method"),
    ("linear-algebra", "method"),
    ("probability", "method"),
    ("optimization", "method"),
    ("statistics", "field"),
    ("hypothesis-testing", "method"),
    ("a-b-testing", "method"),
    ("exploratory-data-analysis", "method"),
    ("data-visualization", "method"),
    ("regression", "method"),
    ("linear-regression", "method"),
    ("logistic-regression", "method"),
    ("classification", "method"),
    ("clustering", "method"),
    ("k-means", "method"),
    ("random-forest", "method"),
    ("anomaly-detection", "method"),
    ("recommender-systems", "method"),
    ("object-detection", "method"),
    ("face-recognition", "method"),
    ("sentiment-analysis", "method"),
    ("machine-translation", "method"),
    ("chatbots", "method"),
    ("speech-recognition", "method"),
    ("model-monitoring", "method"),
    ("drift-detection", "method"),
    ("model-versioning", "method"),
    ("model-deployment", "method"),
    ("responsible-ai", "method"),
    ("ai-fairness", "method"),
    ("bias-auditing", "method"),
    ("explainable-ai", "method"),
    ("ai-governance", "method"),
    ("policy-development", "method"),
    ("agile", "method"),
    ("product-lifecycle", "method"),
    ("product-strategy", "method"),
    ("product-roadmap", "method"),
    ("kpis", "method"),
    ("customer-empathy", "soft_skill"),
    ("communication", "soft_skill"),
    ("leadership", "soft_skill"),
    ("stakeholder-management", "soft_skill"),
    ("problem-solving", "soft_skill"),
    ("critical-thinking", "soft_skill"),
    ("research-methods", "method"),
    ("academic-publishing", "method"),
    ("philosophy", "field"),
    ("sociology", "field"),
    ("law", "field"),
    ("jax", "library"),
    ("lightgbm", "library"),
    ("catboost", "library"),
    ("polars", "library"),
    ("dbt", "tool"),
    ("snowflake", "platform"),
    ("databricks", "platform"),
    ("kafka", "tool"),
    ("flink", "tool"),
    ("terraform", "tool"),
    ("sagemaker", "platform"),
    ("vertex-ai", "platform"),
    ("azure-ml", "platform"),
    ("langchain", "library"),
    ("llamaindex", "library"),
    ("pinecone", "database"),
    ("faiss", "library"),
    ("weaviate", "database"),
    ("chroma", "database"),
    ("pgvector", "database"),
    ("onnx", "library"),
    ("tensorrt", "library"),
    ("cuda", "library"),
    ("triton-inference-server", "tool"),
    ("ray", "tool"),
    ("kubeflow", "tool"),
    ("weights-and-biases", "tool"),
    ("fastapi", "library"),
    ("flask", "library"),
    ("django", "library"),
    ("react", "library"),
    ("postgresql", "database"),
    ("mysql", "database"),
    ("mongodb", "database"),
    ("redis", "database"),
    ("elasticsearch", "database"),
    ("power-bi", "tool"),
    ("looker", "tool"),
    ("excel", "tool"),
]


@pytest.mark.parametrize(("skill_id", "category"), SEED_SKILLS)
def test_lexicon_required_skill_present(lexicon, skill_id, category):
    assert skill_id in lexicon
    assert lexicon[skill_id].category == category


@pytest.mark.parametrize(
    ("form", "skill_id"),
    [
        ("k8s", "kubernetes"),
        ("sklearn", "scikit-learn"),
        ("scikit learn", "scikit-learn"),
        ("tf", "tensorflow"),
        ("tensorflow 2", "tensorflow"),
        ("Tensor Flow", "tensorflow"),
        ("GCP", "gcp"),
        ("Google Cloud Platform", "gcp"),
        ("Google Cloud", "gcp"),
        ("Amazon Web Services", "aws"),
        ("LLMs", "large-language-models"),
        ("large language models", "large-language-models"),
        ("LLM", "large-language-models"),
        ("A/B testing", "a-b-testing"),
        ("AB testing", "a-b-testing"),
        ("split testing", "a-b-testing"),
        ("A/B tests", "a-b-testing"),
        ("RAG", "retrieval-augmented-generation"),
        ("retrieval augmented generation", "retrieval-augmented-generation"),
        ("NLP", "natural-language-processing"),
        ("computer vision", "computer-vision"),
        ("EDA", "exploratory-data-analysis"),
        ("CI/CD", "ci-cd"),
        ("CI CD", "ci-cd"),
        ("continuous integration", "ci-cd"),
        ("HF", "hugging-face"),
        ("huggingface", "hugging-face"),
        ("Hugging Face Transformers", "hugging-face"),
        ("Golang", "go"),
        ("Postgres", "postgresql"),
        ("Microsoft Excel", "excel"),
        ("PySpark", "pyspark"),
        ("W&B", "weights-and-biases"),
        ("Spark", "spark"),
        ("Apache Airflow", "airflow"),
        ("ML", "machine-learning"),
        # an acronym O*NET writes after two names belongs to the one more occupations list
        ("CMS", "content-management-system"),
        ("DCS", "distributed-control-system"),
        ("OMS", "outage-management-system"),
        ("LMS", "learning-management-system"),
    ],
)
def test_lexicon_alias_resolves(by_form, form, skill_id):
    assert by_form.get(form.casefold()) == [skill_id]


@pytest.mark.parametrize(
    "word",
    [
        "CV",
        "ran",
        "top",
        "users",
        "data",
        "software",
        "management",
        "research",
        "access",
        "bridge",
        "word",
        "teams",
        "outlook",
        "analysis",
        "design",
        "I",
        "a",
    ],
)
def test_lexicon_generic_word_is_not_a_skill(by_form, word):
    assert word.casefold() not in by_form


@pytest.mark.parametrize(
    ("skill_id", "form", "needs"),
    [
        ("go", "Go", True),
        ("go", "Golang", False),
        ("r", "R", True),
        ("c", "C", True),
        ("excel", "Excel", True),
        ("excel", "Microsoft Excel", False),
        ("spark", "Spark", True),
        ("spark", "Apache Spark", False),
        ("swift", "Swift", True),
        ("react", "React", True),
        ("react", "ReactJS", False),
        ("rust", "Rust", True),
        ("julia", "Julia", True),
        ("flask", "Flask", True),
        ("express", "Express", True),
        ("spring", "Spring", True),
        ("spring", "Spring Boot", False),
        ("java", "Java", True),
        ("ruby", "Ruby", True),
        ("pandas", "pandas", True),
        ("hive", "Hive", True),
        ("pig", "Pig", True),
        ("storm", "Storm", True),
        ("beam", "Beam", True),
        ("plotly-dash", "Dash", True),
        ("kafka", "Kafka", True),
        ("machine-learning", "ML", True),
        ("machine-learning", "machine learning", False),
        ("artificial-intelligence", "AI", True),
        ("command-line", "shell", True),
        ("python", "Python", False),
        ("cpp", "C++", False),
        ("kubernetes", "Kubernetes", False),
        ("scikit-learn", "scikit-learn", False),
        ("dotnet", ".NET", True),
        ("dotnet", "dotnet", False),
    ],
)
def test_lexicon_ambiguity_flags(lexicon, skill_id, form, needs):
    skill = lexicon[skill_id]
    assert skill.needs_context(form) is needs
    if needs:
        assert skill.context, f"{skill_id} needs context words"


@pytest.mark.parametrize(
    ("skill_id", "ancestors"),
    [
        ("pytorch", {"deep-learning", "machine-learning", "artificial-intelligence"}),
        ("keras", {"deep-learning", "machine-learning"}),
        ("xgboost", {"gradient-boosting", "machine-learning"}),
        ("bigquery", {"data-warehousing", "gcp", "cloud-computing"}),
        ("retrieval-augmented-generation", {"large-language-models", "generative-ai"}),
        ("mlflow", {"mlops"}),
        ("k-means", {"clustering", "unsupervised-learning", "machine-learning"}),
        ("a-b-testing", {"hypothesis-testing", "statistics"}),
        ("github-actions", {"ci-cd", "devops"}),
    ],
)
def test_lexicon_ancestors_give_partial_credit(lexicon, skill_id, ancestors):
    assert ancestors <= set(lexicon.ancestors(skill_id))


def test_lexicon_ancestors_nearest_first_and_children(lexicon):
    assert lexicon.ancestors("pytorch")[0] in lexicon["pytorch"].parents
    assert "pytorch" in lexicon.children("deep-learning")
    assert lexicon.children("pytorch") == tuple(sorted(lexicon.children("pytorch")))


# --- loader and validation -----------------------------------------------------------------------


def _line(**fields: object) -> str:
    record = {"id": "x", "name": "X", "category": "tool", "sources": ["curated"], **fields}
    return json.dumps(record)


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (["{not json"], r"skills\.jsonl:1: not valid JSON"),
        ([_line(category="framework")], r"skills\.jsonl:1: skill 'x': category 'framework'"),
        ([_line(parents=["nowhere"])], r"skill 'x' names unknown parent 'nowhere'"),
        ([_line(), _line(name="X again")], r"skill 'x' is defined twice"),
        (
            [_line(id="a", parents=["b"]), _line(id="b", parents=["a"])],
            r"skill '[ab]' is its own ancestor",
        ),
        ([_line(aliases="k8s")], r"skills\.jsonl:1: skill 'x': 'aliases' must be a list"),
        ([_line(ambiguous="yes")], r"skill 'x': 'ambiguous' must be true or false"),
        ([_line(colour="red")], r"skill 'x': unknown keys \['colour'\]"),
        (['{"id": "x", "category": "tool"}'], r"skill 'x': 'name' must be a non-empty string"),
    ],
)
def test_lexicon_validation_names_file_and_entry(tmp_path, lines, message):
    path = tmp_path / "skills.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=message) as caught:
        read_lexicon(path)
    assert str(path) in str(caught.value)


def test_lexicon_missing_file_is_a_data_error(tmp_path):
    with pytest.raises(DataFileError, match="cannot read the lexicon"):
        read_lexicon(tmp_path / "absent.jsonl")


def test_lexicon_version_changes_with_content():
    one = parse_lexicon(_line().encode(), "a.jsonl")
    two = parse_lexicon(_line(aliases=["ex"]).encode(), "a.jsonl")
    assert one.version != two.version


def test_skill_surface_forms_and_needs_context():
    skill = Skill(
        id="go",
        name="Go",
        category="language",
        aliases=("Golang", "GO", "go lang"),
        ambiguous=True,
        ambiguous_forms=("Go",),
        context=("golang",),
    )
    assert skill.surface_forms == ("Go", "Golang", "go lang")
    assert skill.needs_context("GO") and not skill.needs_context("golang")
    everything = Skill(id="x", name="Spark", category="tool", ambiguous=True)
    assert everything.needs_context("spark")
    plain = Skill(id="y", name="Docker", category="tool")
    assert not plain.needs_context("Docker")


# --- the build script on a toy taxonomy ----------------------------------------------------------

TOY_CURATED = {
    "overrides.toml": """
[exclude]
names = ["data", "software"]
topic_description_words = ["video game"]
[onet]
occupations = ["15-"]
[onet.commodities]
43232110 = "tool"
43232605 = "tool"
43232806 = "platform"
[onet.parents]
43232806 = "cloud-computing"
[normalise]
vendors = ["Microsoft", "Amazon"]
generic_suffixes = ["software"]
verbs = ["use", "perform"]
[esco]
max_words = 4
[linguist]
types = ["programming"]
[ambiguity]
max_short_length = 2
person_names = ["julia"]
[ambiguity.context]
language = ["programming", "code"]
library = ["python", "library"]
tool = ["software"]
""",
    "common_words.txt": "# toy list\nspark\nexcel\nprophet\nsketch\n",
    "toy.toml": """
category = "method"
[skills.machine-learning]
name = "Machine learning"
category = "field"
aliases = ["ML"]
sources = ["seed:000"]
ambiguous = true
ambiguous_forms = ["ML"]
context = ["model"]
[skills.cloud-computing]
name = "Cloud computing"
sources = ["seed:000"]
[skills.aws]
name = "AWS"
category = "platform"
aliases = ["Amazon Web Services"]
parents = ["cloud-computing"]
sources = ["seed:000"]
[skills.excel]
name = "Excel"
category = "tool"
aliases = ["Microsoft Excel"]
[skills.computer-vision]
name = "Computer vision"
category = "field"
parents = ["machine-learning"]
sources = ["seed:002"]
[groups.toy-libraries]
category = "library"
parents = ["machine-learning"]
items = ["Prophet", { name = "Scikit Thing", aliases = ["sk-thing"] }, "Sketch (design tool)"]
""",
}

TOY_ONET = "\n".join(
    "\t".join(row)
    for row in [
        ["O*NET-SOC Code", "Example", "Commodity Code", "Commodity Title", "Hot Technology", "x"],
        ["15-2051.00", "Amazon Web Services AWS software", "43232806", "Cloud-based", "Y", "N"],
        ["15-2051.00", "Microsoft Excel", "43232110", "Spreadsheet software", "Y", "N"],
        ["15-2051.00", "Minitab Statistical Software 21.4", "43232605", "Analytical", "N", "N"],
        ["15-2051.00", "Data analysis software", "43232605", "Analytical", "N", "N"],
        ["29-1141.00", "Epic Systems", "43232610", "Medical software", "Y", "N"],
    ]
)
TOY_ESCO = (
    "conceptType,conceptUri,preferredLabel,status,skillType,reuseLevel,altLabels,description\n"
    "KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/cv,computer vision,released,"
    "knowledge,sector-specific,tensorflow | keras | machine vision,Image understanding.\n"
    "KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/kd,KDevelop,released,knowledge,"
    "sector-specific,K Develop | IDE software,An IDE.\n"
    "KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/ml,use machine learning,released,"
    "skill/competence,cross-sector,utilise machine learning,Apply ML.\n"
)
TOY_TOPICS = [
    {
        "topic": "julia",
        "display_name": "Julia",
        "aliases": ["julia-language", "julialang"],
        "related": ["python"],
        "short_description": "Julia is a programming language.",
    },
    {
        "topic": "tetris",
        "display_name": "Tetris",
        "aliases": [],
        "related": [],
        "short_description": "A genre of video game.",
    },
]
TOY_LINGUIST = """# comment
---
Python:
  type: programming
  aliases:
  - python3
  - rusthon
Zig:
  type: programming
Markdown:
  type: prose
"""


def _toy_tree(root: Path) -> tuple[Path, Path, Path]:
    curated = root / "curated"
    curated.mkdir()
    for name, text in TOY_CURATED.items():
        (curated / name).write_text(text.lstrip(), encoding="utf-8")
    taxonomy = root / "shared" / "taxonomy"
    (taxonomy / "onet-29.2").mkdir(parents=True)
    (taxonomy / "onet-29.2" / "Technology Skills.txt").write_text(TOY_ONET, encoding="utf-8")
    (taxonomy / "esco-1.2.0").mkdir()
    (taxonomy / "esco-1.2.0" / "digitalSkillsCollection_en.csv").write_text(
        TOY_ESCO, encoding="utf-8"
    )
    (taxonomy / "github-explore").mkdir()
    (taxonomy / "github-explore" / "topics.jsonl").write_text(
        "\n".join(json.dumps(t) for t in TOY_TOPICS) + "\n", encoding="utf-8"
    )
    (taxonomy / "linguist").mkdir()
    (taxonomy / "linguist" / "languages.yml").write_text(TOY_LINGUIST, encoding="utf-8")
    return root / "shared", curated, root / "out" / "skills.jsonl"


@pytest.fixture
def toy_build(tmp_path, builder):
    shared, curated, out = _toy_tree(tmp_path)
    args = ["--shared", str(shared), "--curated", str(curated), "--out", str(out), "--quiet"]
    assert builder.main(args) == 0
    return read_lexicon(out), out, args


def test_build_toy_merges_vendor_names_into_curated(toy_build):
    lexicon, _, _ = toy_build
    assert "onet:43232806" in lexicon["aws"].sources
    assert "onet:43232110" in lexicon["excel"].sources
    assert lexicon["aws"].aliases == ("Amazon Web Services",)  # curated wins: nothing added


def test_build_toy_strips_versions_and_drops_descriptions(toy_build):
    lexicon, _, _ = toy_build
    assert lexicon["minitab-statistical"].name == "Minitab Statistical"
    assert not [s for s in lexicon.values() if "analysis" in s.name.casefold()]
    assert "epic-systems" not in lexicon  # a medical commodity, not read


def test_build_toy_esco_altlabels_are_curated_not_copied(toy_build):
    lexicon, _, _ = toy_build
    cv = lexicon["computer-vision"]
    assert "esco:http://data.europa.eu/esco/skill/cv" in cv.sources
    assert "tensorflow" not in {a.casefold() for a in cv.aliases}
    assert lexicon["kdevelop"].aliases == ("K Develop",)
    assert "esco:http://data.europa.eu/esco/skill/ml" in lexicon["machine-learning"].sources


def test_build_toy_topics_and_linguist(toy_build):
    lexicon, _, _ = toy_build
    julia = lexicon["julia"]
    assert julia.category == "language" and julia.sources == ("topic:julia",)
    assert julia.needs_context("Julia") and "julia language" in {
        a.casefold() for a in julia.aliases
    }
    assert "tetris" not in lexicon
    assert lexicon["python"].sources == ("linguist:Python",)
    assert lexicon["python"].aliases == ()  # "python3" is a version, "rusthon" another thing
    assert "zig" in lexicon and "markdown" not in lexicon


def test_build_toy_ambiguity_from_common_words(toy_build):
    lexicon, _, _ = toy_build
    assert lexicon["prophet"].needs_context("Prophet")
    assert lexicon["prophet"].context  # category defaults when the curated table gives none
    assert not lexicon["scikit-thing"].ambiguous
    assert lexicon["machine-learning"].needs_context("ML")
    assert not lexicon["machine-learning"].needs_context("machine learning")


def test_build_toy_drops_display_qualifiers(toy_build):
    lexicon, _, _ = toy_build
    sketch = lexicon["sketch"]
    assert sketch.name == "Sketch" and sketch.needs_context("Sketch")


def test_build_toy_is_deterministic(toy_build, builder):
    _, out, args = toy_build
    first = out.read_bytes()
    assert builder.main(args) == 0
    assert out.read_bytes() == first
    lines = first.decode().splitlines()
    assert [json.loads(line)["id"] for line in lines] == sorted(
        json.loads(line)["id"] for line in lines
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[skills]\nxx = { name = "AWS", category = "platform" }\n',
            r"toy2\.toml: skills\.xx: skill 'xx': 'AWS' is already a name or alias of 'aws'",
        ),
        (
            '[skills]\nyy = { name = "Y", category = "gadget" }\n',
            r"skills\.yy: skill 'yy': category 'gadget'",
        ),
        (
            '[skills]\nzz = { name = "Z", category = "tool", parents = ["nope"] }\n',
            r"unknown parent 'nope'",
        ),
        ('[skills]\nBad_Id = { name = "B", category = "tool" }\n', r"id must be a kebab-case slug"),
        ("[skills\n", r"toy2\.toml: not valid TOML"),
        (
            '[skills]\nqq = { name = "Q", category = "tool", sources = ["topic:nope"] }\n',
            r"skills\.qq: skill 'qq' cites 'topic:nope', which is not in",
        ),
    ],
)
def test_build_toy_curated_errors_name_file_and_entry(tmp_path, builder, capsys, text, message):
    shared, curated, out = _toy_tree(tmp_path)
    (curated / "toy2.toml").write_text(text, encoding="utf-8")
    code = builder.main(["--shared", str(shared), "--curated", str(curated), "--out", str(out)])
    assert code == 1
    assert re.search(message, capsys.readouterr().err)
    assert not out.exists()


def test_build_missing_shared_folder_is_an_error(tmp_path, builder, capsys):
    out = tmp_path / "skills.jsonl"
    code = builder.main(["--shared", str(tmp_path / "nowhere"), "--out", str(out)])
    assert code == 1
    assert "no taxonomy/ folder" in capsys.readouterr().err
    assert not out.exists()


def test_build_shipped_lexicon_is_current(shared_dir, tmp_path, builder):
    out = tmp_path / "skills.jsonl"
    assert builder.main(["--shared", str(shared_dir), "--out", str(out), "--quiet"]) == 0
    shipped = (REPO / "lexicons" / "skills.jsonl").read_bytes()
    assert out.read_bytes() == shipped, (
        "lexicons/skills.jsonl is stale: run scripts/build_lexicon.py"
    )


# --- coverage (issue 10, class 7): families, short names, variants, ambiguity of every form ---

CURATED = REPO / "lexicons" / "curated"


def test_lexicon_grew_past_eight_thousand_sourced_skills(lexicon):
    assert len(lexicon) >= 8000
    kinds = {"seed", "curated", "onet", "esco", "esco-label", "topic", "linguist", "ref"}
    for skill in lexicon.values():
        assert skill.sources and {s.split(":", 1)[0] for s in skill.sources} <= kinds, skill.id
        for source in skill.sources:
            if source.startswith("ref:"):
                assert source.startswith("ref:https://"), skill.id


def _reviewed_plain_ids() -> set[str]:
    """Curated rows where a person set ``ambiguous``: which forms are guarded is decided."""
    import tomllib

    ids = set()
    for path in CURATED.glob("*.toml"):
        table = tomllib.loads(path.read_text(encoding="utf-8"))
        ids |= {i for i, row in table.get("skills", {}).items() if "ambiguous" in row}
    return ids


def test_lexicon_no_form_is_a_plain_english_word_without_the_flag(lexicon):
    words = {
        line.strip().casefold()
        for line in (CURATED / "common_words.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    reviewed = _reviewed_plain_ids()
    unflagged = [
        (skill.id, form)
        for skill in lexicon.values()
        if skill.id not in reviewed
        for form in skill.surface_forms
        if " " not in form and form.casefold() in words and not skill.needs_context(form)
    ]
    assert unflagged == []


@pytest.mark.parametrize(
    ("form", "skill_id"),
    [
        # security tools
        ("Burp Suite", "burp-suite"),
        ("sqlmap", "sqlmap"),
        ("Metasploit", "metasploit"),
        ("Nmap", "nmap"),
        ("Wireshark", "wireshark"),
        ("Nessus", "nessus"),
        ("Hashcat", "hashcat"),
        # observability agents
        ("Filebeat", "filebeat"),
        ("Telegraf", "telegraf"),
        ("collectd", "collectd"),
        ("Fluent Bit", "fluent-bit"),
        # cloud services by their short names
        ("Route 53", "amazon-route-53"),
        ("CloudFront", "amazon-cloudfront"),
        ("ElastiCache", "amazon-elasticache"),
        ("Cloud Run", "google-cloud-run"),
        ("Lambda", "aws-lambda"),
        ("Fargate", "aws-fargate"),
        ("Pub/Sub", "google-cloud-pub-sub"),
        # HashiCorp
        ("HashiCorp Consul", "consul"),
        ("HashiCorp Vault", "hashicorp-vault"),
        ("Terragrunt", "terragrunt"),
        # older ML libraries
        ("Theano", "theano"),
        ("Caffe", "caffe"),
        ("CNTK", "microsoft-cognitive-toolkit"),
        # ML techniques
        ("TF-IDF", "tf-idf"),
        ("one-hot encoding", "one-hot-encoding"),
        ("AdaBoost", "adaboost"),
        ("Q-learning", "q-learning"),
        ("matrix factorisation", "matrix-factorization"),
        ("L1/L2 regularisation", "regularization"),
        ("multi-head attention", "attention-mechanism"),
        # bookkeeping and office software
        ("QuickBooks", "quickbooks"),
        ("Xero", "xero"),
        ("Microsoft Outlook", "microsoft-outlook"),
        # O*NET under the names people write
        ("Microsoft Excel", "excel"),
        ("Excel", "excel"),
    ],
)
def test_lexicon_family_spot_checks(by_form, form, skill_id):
    assert by_form.get(form.casefold()) == [skill_id]


@pytest.mark.parametrize(
    ("form", "skill_id"),
    [
        ("AWS Certified Solutions Architect – Associate", "aws-solutions-architect-associate"),
        ("AWS Certified Solutions Architect - Associate", "aws-solutions-architect-associate"),
        ("AWS Certified Solutions Architect Associate", "aws-solutions-architect-associate"),
        (
            "AWS Certified Solutions Architect — Professional",
            "aws-solutions-architect-professional",
        ),
        ("AWS Certified Machine Learning – Specialty", "aws-certified-ml-specialty"),
    ],
)
def test_lexicon_certification_levels_and_dashes(lexicon, by_form, form, skill_id):
    assert by_form.get(form.casefold()) == [skill_id]
    assert "aws-solutions-architect" in lexicon.ancestors("aws-solutions-architect-associate")


@pytest.mark.parametrize(
    ("form", "skill_id"),
    [
        ("sci-kit learn", "scikit-learn"),
        ("Tensor Flow", "tensorflow"),
        ("un-supervised learning", "unsupervised-learning"),
        ("semisupervised learning", "semi-supervised-learning"),
        ("A/B tested", "a-b-testing"),
        ("containerised", "containerization"),
        ("containerized", "containerization"),
        ("regularization", "regularization"),
        ("data modelling", "data-modeling"),
        ("data modeling", "data-modeling"),
    ],
)
def test_lexicon_spelling_variants_resolve_to_the_canonical_id(by_form, form, skill_id):
    assert by_form.get(form.casefold()) == [skill_id]


@pytest.mark.parametrize(
    ("skill_id", "form"),
    [
        ("aws-lambda", "Lambda"),
        ("attention-mechanism", "attention"),
        ("consul", "Consul"),
        ("thc-hydra", "Hydra"),
        ("storage-area-network", "SAN"),  # a taxonomy acronym: also "San Diego"
        ("chef", "Chef"),
        ("puppet", "Puppet"),
    ],
)
def test_lexicon_new_word_forms_need_corroboration(lexicon, skill_id, form):
    assert lexicon[skill_id].needs_context(form)
    assert lexicon[skill_id].context


@pytest.mark.parametrize(
    ("skill_id", "ancestor"),
    [
        ("burp-suite", "cybersecurity"),
        ("filebeat", "monitoring"),
        ("amazon-cloudfront", "aws"),
        ("theano", "deep-learning"),
        ("adaboost", "machine-learning"),
        ("q-learning", "reinforcement-learning"),
        ("xero", "bookkeeping"),
    ],
)
def test_lexicon_families_give_partial_credit(lexicon, skill_id, ancestor):
    assert ancestor in lexicon.ancestors(skill_id)


@pytest.mark.parametrize("name", ["Videoconferencing", "Biostatistical"])
def test_lexicon_kinds_of_software_are_not_products(lexicon, name):
    assert slug_of(name) not in lexicon


def slug_of(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")


# --- the build's coverage rules on a toy taxonomy ------------------------------------------------

TOY_RULES = """
[variants]
spellings = [["isation", "ization"], ["modelling", "modeling"]]
spelling_categories = ["method"]
prefixes = ["un"]
prefix_categories = ["method"]
"""

TOY_FAMILY = """
category = "method"
[skills.unsupervised-learning]
name = "Unsupervised learning"
parents = ["machine-learning"]
sources = ["seed:000"]
[skills.data-modelling]
name = "Data modelling"
sources = ["seed:000"]
[skills.tokenisation]
name = "Tokenisation"
sources = ["seed:000"]
[skills.cert-family]
name = "Cloud Certified Architect"
category = "certification"
[skills.cert-associate]
name = "Cloud Certified Architect - Associate"
category = "certification"
parents = ["cert-family"]
sources = ["ref:https://example.org/certification/"]
[aliases]
cloud-computing = ["Cloud Run"]
"""


@pytest.fixture
def toy_rules(tmp_path, builder):
    shared, curated, out = _toy_tree(tmp_path)
    overrides = curated / "overrides.toml"
    overrides.write_text(overrides.read_text(encoding="utf-8") + TOY_RULES, encoding="utf-8")
    (curated / "family.toml").write_text(TOY_FAMILY, encoding="utf-8")
    words = curated / "common_words.txt"
    words.write_text(words.read_text(encoding="utf-8") + "supervised\ncloud\nrun\n")
    args = ["--shared", str(shared), "--curated", str(curated), "--out", str(out), "--quiet"]
    assert builder.main(args) == 0
    return read_lexicon(out), curated, args


def test_build_toy_variant_rules(toy_rules):
    lexicon, _, _ = toy_rules
    forms = {f.casefold(): s.id for s in lexicon.values() for f in s.surface_forms}
    assert forms["un-supervised learning"] == "unsupervised-learning"
    assert forms["data modeling"] == "data-modelling"
    assert forms["tokenization"] == "tokenisation"
    assert forms["cloud certified architect – associate"] == "cert-associate"
    assert forms["cloud certified architect associate"] == "cert-associate"
    assert "pre-sentation" not in forms  # a prefix only before a word


def test_build_toy_aliases_table_and_its_ambiguity(toy_rules):
    lexicon, _, _ = toy_rules
    cloud = lexicon["cloud-computing"]
    assert "Cloud Run" in cloud.aliases
    assert cloud.needs_context("Cloud Run")  # two common words: guarded like any other form


def test_build_toy_aliases_table_rejects_unknown_ids(toy_rules, builder, capsys):
    _, curated, args = toy_rules
    (curated / "bad.toml").write_text('[aliases]\nnowhere = ["X thing"]\n', encoding="utf-8")
    assert builder.main(args) == 1
    assert "aliases.nowhere: 'nowhere' is not a curated skill" in capsys.readouterr().err


@pytest.mark.parametrize("form", ["AWS EKS", "AWS CloudFront", "GCP Cloud Run", "Azure AKS"])
def test_lexicon_platform_prefix_does_not_swallow_the_platform(by_form, form):
    # "AWS EKS" is found as AWS plus EKS: using a platform's service is using the platform.
    assert form.casefold() not in by_form
    assert form.split(" ", 1)[1].casefold() in by_form


@pytest.mark.parametrize("form", ["Agile/Scrum", "Unix/Linux", "R/RStudio", "EKS/GKE/AKS"])
def test_lexicon_slashed_pair_of_skills_is_no_alias(by_form, form):
    # Each part is found as its own skill; an alias over the pair would hide the second one.
    assert form.casefold() not in by_form
    assert all(part.casefold() in by_form for part in form.split("/"))


@pytest.mark.parametrize("form", ["HVAC/R", "PD/LGD/EAD"])
def test_lexicon_slashed_pair_kept_when_its_parts_mean_something_else(by_form, form):
    assert form.casefold() in by_form  # [normalise] joined_keep: "R" here is no language


def test_build_toy_checks_esco_label_citations(tmp_path, builder, capsys):
    """An ``esco-label:`` source must be a preferred label of the ESCO skill-labels file."""
    shared, curated, out = _toy_tree(tmp_path)
    labels = shared / "taxonomy" / "esco-skill-labels"
    labels.mkdir()
    (labels / "skills_en.csv").write_text(
        'preferredLabel,altLabels,skillType\ninfection control,"infection prevention",knowledge\n',
        encoding="utf-8",
    )
    args = ["--shared", str(shared), "--curated", str(curated), "--out", str(out)]
    row = '[skills]\nic = {{ name = "Infection control", category = "method", sources = ["{}"] }}\n'
    (curated / "toy2.toml").write_text(row.format("esco-label:infection control"), "utf-8")
    assert builder.main(args) == 0
    (curated / "toy2.toml").write_text(row.format("esco-label:infection prevention"), "utf-8")
    assert builder.main(args) == 1
    assert "cites 'esco-label:infection prevention', which is not in" in capsys.readouterr().err
