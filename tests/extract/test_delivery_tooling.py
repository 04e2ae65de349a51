"""Software-delivery tools by the short names engineers write (lexicons/curated/
delivery_tooling.toml), and software testing's "regression" (issue 10, classes 2 and 7).

Invented sentences. Database migration tools, artifact repositories, test libraries and small
front-end libraries are found by their project names; the names that are also words ("Nexus",
"Tilt", "Backstage", "Harbor") count only beside their tools, and bare "Remix" not at all. In a
QA engineer's lines "regression" is re-running a test suite, not the statistical method, and
Jenkins and Selenium vouch for each other.
"""

from __future__ import annotations

from skill_tables import found_table

CASES = [
    (
        "experience",
        "Versioned the Postgres schema with Liquibase and later Flyway.",
        {"flyway": True},
    ),
    (
        "experience",
        "Wrote Kotlin tests with MockK and WireMock stubs for the payments API.",
        {"mockk": True},
    ),
    (
        "experience",
        "Published build artefacts to Sonatype Nexus from Jenkins and Maven.",
        {"sonatype-nexus": True},
    ),
    (
        "experience",
        "Replaced lodash chains with Ramda and fp-ts in the TypeScript checkout.",
        {"ramda": True},
    ),
    (
        "experience",
        "Ran the cluster locally with Skaffold and Tilt on Kubernetes.",
        {"tilt-dev": True},
    ),
    # the words stay words
    ("summary", "The nexus of policy and practice in urban schools.", {"sonatype-nexus": False}),
    ("summary", "Sailed into the harbor at dawn with the whole crew.", {"harbor-registry": False}),
    ("summary", "Wrote on remix culture and fan video in media studies.", {"remix-run": False}),
    # software testing's regression
    (
        "experience",
        "Executed regression and exploratory testing of the billing web app.",
        {"regression": False},
    ),
    (
        "experience",
        "Kept the nightly regression suite green across three releases.",
        {"regression": False},
    ),
    (
        "experience",
        "Fit regression models on weekly sales to size the pricing effect.",
        {"regression": True},
    ),
    (
        "experience",
        "Ran the regression suite nightly in Jenkins with Selenium.",
        {"jenkins": True, "selenium": True},
    ),
]


test_delivery_tooling = found_table(CASES)
