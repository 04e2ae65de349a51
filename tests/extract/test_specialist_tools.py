"""Tools, protocols and methods of technical specialisms (the curated tables for networks and
enterprise systems; scientific computing, bioinformatics, testing and build tooling; embedded,
CAD, 3D and GIS work; security standards, the data stack and LLM serving): found where resumes
write them, and left alone in ordinary sentences. Invented text."""

from __future__ import annotations

import pytest


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
        ("Wrote AUTOSAR software components and tested ECUs with CANoe.", {"autosar", "canoe"}),
        (
            "Modelled the character in Blender and sculpted details in ZBrush.",
            {"blender", "zbrush"},
        ),
        ("Mapped flood zones in ArcGIS Pro and Google Earth Engine.", {"arcgis-pro"}),
        ("Rolled out MFA and SSO with Okta for 2,000 employees.", {"mfa", "sso"}),
        ("Led the ISO 27001 audit and the PCI DSS assessment.", {"iso-27001", "pci-dss"}),
        ("Signed requests with JWT and OAuth 2.0.", {"json-web-tokens", "oauth"}),
        # office products by the short names a list of them gives
        # a vendor's product opening a comma list qualifies the items after it
        (
            "Daily use of Microsoft Word, Excel, Outlook and Teams.",
            {"microsoft-outlook", "microsoft-teams"},
        ),
        ("Migrated Exchange 2013 to Exchange Online for 400 mailboxes.", {"microsoft-exchange"}),
        # a project's own short name: OPA is Open Policy Agent
        ("Enforced pod policies with OPA Gatekeeper on EKS.", {"open-policy-agent"}),
    ],
)
def test_specialist_tools_found_where_used(found_ids, text, expected):
    assert expected <= found_ids("experience", text)


@pytest.mark.parametrize(
    "text",
    [
        "Make sure the parcel arrives before the galaxy event; this is not rocket science.",
        "Organised the salmon fishing trip and the amber festival for the team.",
        "Reported every incident to management within an hour.",
        "Performed load testing of cranes and smoke testing of drains.",
        "Negotiated with the Echo Park vendors and the fiber optic installers.",
        "Prepared sauces with a blender and a food processor for 200 covers.",
        "Named inventor on two patents for kitchen equipment.",
        "Soared past the targets; stride length analysis for the running club.",
        "The outlook for the regional market stayed positive all year.",
        "Joined the London Stock Exchange graduate scheme after an Exchange semester.",
    ],
)
def test_specialist_tools_not_read_in_ordinary_sentences(found_ids, text):
    assert found_ids("experience", text) == set()


def test_specialist_tools_a_master_of_fine_arts_is_no_authentication(found_ids):
    found = found_ids("education", "MFA in Creative Writing, University of Iowa, 2015.")
    assert "mfa" not in found


@pytest.mark.parametrize(
    ("kind", "text", "absent"),
    [
        # a survey receiver's model number is no disassembler
        ("experience", "Collected GNSS points with a Trimble R2 and a data logger.", "radare2"),
        # a Brazilian postgraduate degree's kind is no monitoring tool
        ("education", "MBA in Controllership, Lato Sensu, Faculdade Central, 2016.", "sensu"),
        # a product designer is no industrial designer
        ("summary", "Eight years of product design for fintech apps.", "industrial-design"),
        # a vendor's list holds the vendor's product names only as written
        (
            "experience",
            "Wrote the memo in Microsoft Word, and the outlook for sales improved.",
            "microsoft-outlook",
        ),
        # a dataset's name is no language, and probability of default no Pure Data
        ("skills", "Data formats: COCO JSON, Pascal VOC XML, YOLO txt", "pascal"),
        ("experience", "Built PD, LGD and EAD models for the IFRS 9 provisions.", "pure-data"),
        # a billing system one reads from is no payment processing, and credit no insurance
        (
            "experience",
            "Loaded the Oracle billing system into HDFS with Sqoop.",
            "payment-processing",
        ),
        ("experience", "Reject inference for the credit underwriting models.", "underwriting"),
        # a journal's name in a publication list is no practice
        (
            "publications",
            "Okafor, B. Wage floors and strikes. Industrial Relations Studies, 2019, 12(3).",
            "labour-relations",
        ),
    ],
)
def test_specialist_tools_names_of_other_things(found_ids, kind, text, absent):
    assert absent not in found_ids(kind, text)
