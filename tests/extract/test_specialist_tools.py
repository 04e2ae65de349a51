"""Tools, protocols and methods of technical specialisms (the curated tables for networks and
enterprise systems, and for scientific computing, bioinformatics, testing and build tooling):
found where resumes write them, and left alone in ordinary sentences. Invented text."""

from __future__ import annotations

import pytest

from resume_fit.extract import extract_skills, load_pipeline


def _found(make_resume, kind: str, text: str) -> set[str]:
    return {m.id for m in extract_skills(make_resume((kind, text)), load_pipeline())}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Configured OSPF and BGP on Cisco IOS routers and segmented VLANs.",
            {"ospf", "bgp", "cisco-ios", "vlan"},
        ),
        ("Ran GROMACS and LAMMPS simulations on the Slurm cluster.", {"gromacs", "lammps"}),
        ("Variant calling with GATK and Samtools on whole-genome data.", {"gatk", "samtools"}),
        ("Automated invoice processing with UiPath and Blue Prism bots.", {"uipath", "blue-prism"}),
        ("Load tests in LoadRunner and API tests in SoapUI.", {"loadrunner", "soapui"}),
        ("Built the Rust API with Axum and Tokio.", {"axum", "tokio"}),
        ("Customised SAP S/4HANA FICO and wrote ABAP reports.", {"sap-s4hana", "abap"}),
    ],
)
def test_specialist_tools_found_where_used(make_resume, text, expected):
    assert expected <= _found(make_resume, "experience", text)


@pytest.mark.parametrize(
    "text",
    [
        "Make sure the parcel arrives before the galaxy event; this is not rocket science.",
        "Organised the salmon fishing trip and the amber festival for the team.",
        "Reported every incident to management within an hour.",
        "Performed load testing of cranes and smoke testing of drains.",
        "Negotiated with the Echo Park vendors and the fiber optic installers.",
    ],
)
def test_specialist_tools_not_read_in_ordinary_sentences(make_resume, text):
    assert _found(make_resume, "experience", text) == set()
