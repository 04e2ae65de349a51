"""A skill wished for is not a skill had (issue 11, rungs and weight of evidence; issue 10,
class 4): "a growing interest in machine learning and AI", "eager to learn Kubernetes". The
same skill shown elsewhere still counts, and a wish that governs a doing ("passionate about
building Kafka pipelines") leaves the skill it names."""

from __future__ import annotations

from skill_tables import found_table

CASES = [
    (
        "summary",
        "Backend engineer with a growing interest in machine learning and artificial intelligence.",
        {"machine-learning": False, "artificial-intelligence": False},
    ),
    (
        "summary",
        "Eager to learn Kubernetes and Terraform in a platform team.",
        {"kubernetes": False, "terraform": False},
    ),
    ("summary", "Curious about MLOps; keen to explore LLM agents.", {"mlops": False}),
    (
        "summary",
        "Looking to transition into data science after six years of QA.",
        {"data-science": False},
    ),
    (
        "experience",
        "Built churn models in Python and scikit-learn; interested in MLOps.",
        {"python": True, "scikit-learn": True, "mlops": False},
    ),
    (
        "summary",
        "Passionate about building scalable Kafka pipelines on AWS.",
        {"kafka": True, "aws": True},
    ),
    (
        "summary",
        "Data scientist with an interest in causal inference, who ran 40 A/B tests.",
        {"a-b-testing": True},
    ),
]

test_usage_wishes = found_table(CASES)


def test_a_wish_does_not_hide_the_same_skill_shown_elsewhere(found_ids) -> None:
    text = "Interested in machine learning.\n\nExperience\n- Trained machine learning models."
    assert "machine-learning" in found_ids("summary", text)
