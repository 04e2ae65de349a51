"""Ambiguous names corroborated by the phrase itself: a technical head noun after the name, a
distinctive skill close by, a technical list label or heading (issue 10, class 2). The ordinary
senses stay rejected."""

from __future__ import annotations

import pytest

from resume_fit.extract import extract_skills, load_pipeline

# (section kind, text, skill id, expected)
CASES = [
    # trade papers named "of Origin" are no plotting program; the program with its peers is
    (
        "experience",
        "Issued the bill of lading and Certificate of Origin per shipment.",
        "origin",
        False,
    ),
    ("experience", "Plotted the spectra in Origin and MATLAB for the reports.", "origin", True),
    # an obscure language named by an everyday word is no language on a cook's or a physicist's list
    ("skills", "Fish: turbot, lobster, langoustine, oysters", "lobster", False),
    ("skills", "Physics: Processing of detector data, Grace periods", "processing", False),
    # a letter with a full stop between two words of a name is an initial, not R or V
    ("other", "Place: Bengaluru (RAHUL V. IYER)", "v", False),
    ("other", "References: Dr. Maria R. Lopez, Head of Analytics", "r", False),
    ("experience", "Built dashboards in Python and R. Tools were Tableau and Excel.", "r", True),
    # a database's streaming replication and a USB device class are no stream processing
    (
        "experience",
        "Ran backups and streaming replication for Postgres standbys.",
        "stream-processing",
        False,
    ),
    ("skills", "Interfaces: SPI, I2C, UART, USB CDC, BLE", "stream-processing", False),
    ("experience", "Built CDC pipelines with Debezium into Kafka.", "stream-processing", True),
    # a school and a contract's conditions named like a library and a compiler
    ("education", "2011 Abitur, Gymnasium am Wall, Bremen", "gymnasium", False),
    (
        "experience",
        "Trained PPO agents in Gymnasium environments with Ray RLlib.",
        "gymnasium",
        True,
    ),
    ("experience", "Settled delay claims under GCC 2015 and the FIDIC Red Book.", "gcc", False),
    # a technical head noun right after the name
    ("experience", "Tuned the Spark cluster that runs nightly scoring.", "spark", True),
    ("experience", "Automated month-end reports with Excel macros.", "excel", True),
    ("experience", "Maintained Chef cookbooks for the build farm.", "chef", True),
    ("experience", "Shipped two Unity games to the app store.", "unity", True),
    # a distinctive skill close by in the same clause
    ("experience", "Moved the billing service from Kotlin on Spring to Go.", "spring", True),
    ("experience", "Wrote scrapers and loaders, scheduled in Airflow with Spark.", "spark", True),
    # a course on it
    ("education", "Completed Intro to Stata and survey methods.", "stata", True),
    # a technical list label, and capitals in a list under it
    ("experience", "Front-end: LESS, SASS, TypeScript", "less", True),
    ("experience", "Front-end: LESS, SASS, TypeScript", "sass", True),
    # a run of distinctive tools around it, in any list
    (
        "experience",
        "Built the storefront with TypeScript, Webpack, Less, Jest and Cypress.",
        "less",
        True,
    ),
    # a method with a technical head noun
    ("experience", "Wrote a colour clustering pipeline for product photos.", "clustering", True),
    ("experience", "Ran the daily Scrum meetings for two squads.", "scrum", True),
    # any spelling of a name in a skills list, but not a short fragment
    ("skills", "Data Platforms\nBigQuery\nSnowFlake\nRedshift", "snowflake", True),
    ("skills", "Hardware: STM32, ARMv7/v8 boards", "v8", False),
    # a line of nothing but skill names, without commas, under any heading
    ("summary", "Java Spring Boot Bootstrap Angular Redis Docker", "angular", True),
    ("summary", "Java Spring Boot Bootstrap Angular Redis Docker", "bootstrap", True),
    ("experience", "Python Jupyter Pandas Seaborn", "pandas", True),
    ("summary", "Angular shapes and a bootstrap budget for Redis Cafe.", "angular", False),
    # a family's own words: security work corroborates "encryption", e-learning an "LMS"
    ("experience", "Added encryption at rest for the customer records.", "encryption", True),
    (
        "experience",
        "Rotated TLS certificates and enforced encryption in transit.",
        "encryption",
        True,
    ),
    (
        "experience",
        "Ran the LMS for 400 learners' online courses.",
        "learning-management-system",
        True,
    ),
    # an acronym goes to the sense most occupations use: a CMS is a content management system
    (
        "experience",
        "Moved the site to a headless CMS on WordPress.",
        "headless-cms",
        True,
    ),
    (
        "experience",
        "Moved the site to a headless CMS on WordPress.",
        "career-management-systems",
        False,
    ),
    # a name in lower case that is no English word is still the name, corroborated as usual
    ("experience", "Implemented the order service using java and spring.", "java", True),
    ("experience", "Drank a cup of java at the cafe before class.", "java", False),
    ("experience", "Scraped rust off the old steel frames with Python scripts.", "rust", False),
    # an English word in lower case is the tool a usage word governs when it ends its phrase
    ("experience", "Wrote the ingest jobs using spark and Airflow.", "spark", True),
    ("experience", "Rebuilt the admin frontend with react, then added tests.", "react", True),
    ("experience", "Built a price crawler for used cars using java.", "java", True),
    ("experience", "Prepared the monthly sales reports using excel", "excel", True),
    ("experience", "Kept the build scripts in python and bash for the CI.", "bash", True),
    ("experience", "Handled every ticket with swift turnaround.", "swift", False),
    ("experience", "Cut cloud spend using less memory per worker.", "less", False),
    (
        "experience",
        "Integrated the reporting tool with databases to speed it up.",
        "databases",
        False,
    ),
    # a usage word corroborates the capitalised name by itself
    ("experience", "Provisioned the build hosts via Chef.", "chef", True),
    ("experience", "Produced the quarterly forecasts using Excel.", "excel", True),
    # another spelling on a skills line is the name only as a whole item
    ("skills", "Methods: user stories, gap analysis, BPMN", "gap", False),
    ("skills", "Languages: Java 17, SQL, basic Python", "basic", False),
    ("skills", "OS: Windows Server, Linux (Ubuntu, basic)", "basic", False),
    ("skills", "Front end: html, css, less, sass", "less", True),
    # a plural in the window corroborates as its singular context word does
    ("experience", "Yield models on 300 sensor features, SHAP for root causes.", "shap", True),
    # an acronym labelling a line of tools is the practice they serve
    ("experience", "ASR: fine-tuned Whisper on call-centre audio", "speech-recognition", True),
    ("summary", "CV: available on request", "computer-vision", False),
    # the first cell of a table row labels the group in the next cell
    ("skills", "| Processing | Apache Spark, Polars |", "processing", False),
    # ... but not in capitals, where a person's name is written in headers
    ("summary", "JULIA ROBERTS reviewed the Python scripts.", "julia", False),
    ("experience", "Pair-programmed with julia on the billing service.", "julia", False),
    # a past participle of a practice: "A/B" is one token, not the letters "a" and "b"
    ("experience", "A/B tested onboarding flows for the mobile app.", "a-b-testing", True),
    # a game engine's short name before a technical head noun; the adjective stays a word
    ("experience", "Made two Unreal games for a museum.", "unreal-engine", True),
    ("summary", "The launch felt unreal to the whole team.", "unreal-engine", False),
    ("experience", "Moved the billing service from Kotlin to Ktor.", "ktor", True),
    # a hyphen glued to a name before a space is a separator that lost its space
    ("skills", "Tableau- Experience - 6 months", "tableau", True),
    ("skills", "Machine Learning- Experience - 24 months", "machine-learning", True),
    # the practice named by the thing it builds
    (
        "experience",
        "Built a topics recommendation service for the news feed.",
        "recommender-systems",
        True,
    ),
    # an alias names the skill, not a neighbour: ML engineering is machine learning, not MLOps
    ("summary", "Six years of machine learning engineering in banking.", "machine-learning", True),
    ("summary", "Six years of machine learning engineering in banking.", "mlops", False),
    # the ordinary senses are still ordinary
    ("skills", "NLP- Experience - Less than 1 year months", "less", False),
    ("summary", "Projects that spark curiosity in young learners.", "spark", False),
    ("experience", "Interned in Spring 2021 at a regional bank.", "spring", False),
    ("experience", "Finished the Spring semester with honours.", "spring", False),
    (
        "experience",
        "Assisted with data cleaning, processing, and analysis in Python.",
        "processing",
        False,
    ),
    ("experience", "Led payment processing for the card team using Python.", "processing", False),
    ("languages", "Fluent in Spanish and Portuguese.", "fluent", False),
    ("experience", "Kept the chef and kitchen staff on schedule.", "chef", False),
    ("summary", "I excel at building relationships with clients.", "excel", False),
]


@pytest.mark.parametrize(("section", "text", "skill_id", "expected"), CASES)
def test_phrase_context(make_resume, section, text, skill_id, expected):
    found = {m.id for m in extract_skills(make_resume((section, text)), load_pipeline())}
    assert (skill_id in found) is expected, sorted(found)


# The same mechanisms on the toy lexicon, where the context words are known: none of these
# phrases has one of the skill's own context words, so only the phrase can corroborate.
TOY_CASES = [
    ("experience", "Shipped three Rust services to production.", "rust", True),
    ("experience", "Kept the Julia notebooks for the pricing team tidy.", "julia", True),
    ("experience", "Rewrote the parser from Python to Rust last year.", "rust", True),
    ("experience", "Frontend: REACT, TypeScript tooling", "react", True),
    ("experience", "Shipped three rust services to production.", "rust", False),
    ("experience", "Took the Spring 2021 internship in Lisbon.", "spring", False),
    ("experience", "Asked Julia to review the pricing notes.", "julia", False),
    ("summary", "Teams react to changes in the market quickly.", "react", False),
]


@pytest.mark.parametrize(("section", "text", "skill_id", "expected"), TOY_CASES)
def test_phrase_context_toy(toy_nlp, make_resume, section, text, skill_id, expected):
    found = {m.id for m in extract_skills(make_resume((section, text)), toy_nlp)}
    assert (skill_id in found) is expected, sorted(found)
