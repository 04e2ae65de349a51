"""Practices, concepts and protocols no taxonomy made a skill, and the other names resumes give
skills the lexicon has (lexicons/curated/practice_families.toml; issue 10, classes a and b).
Invented sentences."""

from __future__ import annotations

import pytest

from resume_fit.extract import extract_skills, load_pipeline

# (section kind, text, skill id, expected)
CASES = [
    # families no taxonomy row made a skill
    (
        "experience",
        "Built a parser for scanned invoices that turns unstructured data into tables.",
        "unstructured-data",
        True,
    ),
    (
        "experience",
        "Extracted data from 4,000 supplier contracts with a layout model.",
        "data-extraction",
        True,
    ),
    (
        "experience",
        "Wrote the data aggregation jobs behind the regional sales view.",
        "data-aggregation",
        True,
    ),
    (
        "experience",
        "Replaced manual onboarding e-mails with automated workflows in Zapier.",
        "workflow-automation",
        True,
    ),
    (
        "experience",
        "Linked three school cohorts into a longitudinal dataset of reading scores.",
        "longitudinal-data-analysis",
        True,
    ),
    ("skills", "Skills: basic computer knowledge, typing, filing", "computer-literacy", True),
    (
        "experience",
        "Wrote a chat server in C with socket programming and epoll.",
        "network-programming",
        True,
    ),
    (
        "experience",
        "Synchronised the camera clocks over PTP on the factory network.",
        "precision-time-protocol",
        True,
    ),
    (
        "experience",
        "Moved the Hadoop cluster's logins to Kerberos authentication.",
        "kerberos",
        True,
    ),
    (
        "experience",
        "Added checksums to every file the uploader sends.",
        "checksums",
        True,
    ),
    ("experience", "Hold an active Top Secret clearance.", "security-clearance", True),
    (
        "experience",
        "Cut the enclosure panels on the lab's laser cutter.",
        "laser-cutting",
        True,
    ),
    (
        "experience",
        "Solved the inverse kinematics of a six-axis arm for pick-and-place.",
        "kinematics",
        True,
    ),
    (
        "experience",
        "Wrote the grammar of the query language in Bison and its lexer in Flex.",
        "gnu-bison",
        True,
    ),
    # "Bison" without a word of the trade is the animal
    ("experience", "Guided tours to the bison herd in the national park.", "gnu-bison", False),
    (
        "experience",
        "Integrated the shop with a customer data platform for audience segments.",
        "customer-data-platform",
        True,
    ),
    # other names of skills the lexicon has; an [aliases] table one made of common words (edge ML)
    # needs a word of the trade, one in the skill's own row (key performance metrics) does not
    ("skills", "ML: PyTorch, Torch Lightning, ONNX", "pytorch-lightning", True),
    ("skills", "Streaming: Kafka Streams, KSQL, Flink", "ksqldb", True),
    (
        "experience",
        "Ported the keyword spotter to embedded ML with TensorFlow Lite.",
        "tinyml",
        True,
    ),
    (
        "experience",
        "Wrote the evaluation harness for the LLM behind the support chat.",
        "llm-evaluation",
        True,
    ),
    (
        "experience",
        "Kept the product embeddings in a vector storage layer with FAISS.",
        "vector-databases",
        True,
    ),
    (
        "experience",
        "Wrote the architecture documentation of the billing platform.",
        "documentation",
        True,
    ),
    (
        "experience",
        "Defined key performance metrics for the onboarding funnel.",
        "kpis",
        True,
    ),
    (
        "experience",
        "Programmed STM32 MCUs for a soil-moisture logger.",
        "embedded-systems",
        True,
    ),
    (
        "experience",
        "Trained ranking models with distributed machine learning on Ray.",
        "distributed-training",
        True,
    ),
    # display outputs, sensors and signal parts of electronics resumes
    ("experience", "Drew a spectrum on a monitor from an FPGA with VGA output.", "vga", True),
    ("experience", "Weighed parcels with a load cell read by an Arduino.", "load-cells", True),
    (
        "experience",
        "Cleaned the ECG signal with low and high pass filters on the PCB.",
        "analog-filters",
        True,
    ),
    (
        "experience",
        "Counted wheel encoder ticks on the STM32 to estimate distance.",
        "rotary-encoders",
        True,
    ),
    ("experience", "Dimmed the LED strip with PWM from the STM32.", "pulse-width-modulation", True),
    (
        "education",
        "Coursework: Operating Systems | Computer Networks | Compilers",
        "networking",
        True,
    ),
    # short names: an abbreviation with a word of its trade nearby
    ("experience", "Topics covered: probability; stats; Python; SQL", "statistics", True),
    ("experience", "Tracked the players' stats for the school team.", "statistics", False),
    (
        "experience",
        "Wrote a DSL for search queries and its parser.",
        "domain-specific-languages",
        True,
    ),
    ("experience", "Sold DSL broadband plans door to door.", "domain-specific-languages", False),
    ("experience", "Built a weekly forecast model of hospital bed demand.", "forecasting", True),
]


@pytest.mark.parametrize(("section", "text", "skill_id", "expected"), CASES)
def test_practice_family(make_resume, section, text, skill_id, expected):
    found = {m.id for m in extract_skills(make_resume((section, text)), load_pipeline())}
    assert (skill_id in found) is expected, sorted(found)


@pytest.mark.parametrize(
    "text",
    [
        "Updated the firmware of the UART bootloader on an ARM board.",
        "Wrote firmware for a PCB with an STM32 and three sensors.",
    ],
)
def test_firmware_with_a_word_of_the_trade_is_embedded_systems(make_resume, text):
    found = {m.id for m in extract_skills(make_resume(("experience", text)), load_pipeline())}
    assert "embedded-systems" in found, sorted(found)


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        ("Ran an edge ML reading group for the design team.", "tinyml"),
    ],
)
def test_table_aliases_of_common_words_need_a_word_of_the_trade(make_resume, text, skill_id):
    found = {m.id for m in extract_skills(make_resume(("experience", text)), load_pipeline())}
    assert skill_id not in found, sorted(found)


def test_classification_beside_detection_is_the_ml_method(make_resume):
    text = "Researched vision methods for robust classification and anomaly detection."
    found = {m.id for m in extract_skills(make_resume(("experience", text)), load_pipeline())}
    assert "classification" in found, sorted(found)
