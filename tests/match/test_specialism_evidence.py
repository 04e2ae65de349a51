"""Specialism and rung evidence from what such resumes hold (issue 11, neighbours).

Invented resumes. An embedded engineer whose ML is TinyML on microcontrollers shows the ML
Hardware specialism through the narrower skills of embedded systems (STM32, RTOS, I2C), and one
meetup talk is half a research record, not a Research Engineer's. A cloud architect's reference
architectures, TOGAF and landing zones are architecture work, so the ML Solutions Architect role
his title names comes first.
"""

from __future__ import annotations

import datetime as dt

from resume_fit.api import analyze_text

AS_OF = dt.date(2026, 12, 1)
EMBEDDED = """Matthias Oberlein
Embedded Software Engineer

Profile
Firmware engineer for medical and industrial devices; lately runs small neural networks on
microcontrollers.

Experience
Embedded Software Engineer, Donautal Medizintechnik, Regensburg      Apr 2019 - Present
- Firmware in C and C++ on STM32 (ARM Cortex-M4) under FreeRTOS for infusion pumps.
- Drivers for I2C, SPI and UART sensors; bootloader with signed OTA updates.
- Ported a keyword-spotting CNN to TensorFlow Lite Micro with CMSIS-NN; int8 model in 60 KB.
Firmware Engineer, Kessler Antriebe, Passau      Sep 2014 - Mar 2019
- CAN bus motor controllers in C; hardware-in-the-loop tests; MISRA C reviews.

Skills
C, C++, STM32, FreeRTOS, ARM Cortex-M, I2C, SPI, UART, CAN bus, TensorFlow Lite Micro, TinyML,
Keras, Python, CMake, GitLab CI

Talks
TinyML on a 64 KB budget, Embedded Meetup Regensburg, 2024

Education
M.Sc. Electrical Engineering (Embedded Systems), OTH Regensburg, 2014
"""
ARCHITECT = """Henrike Saelens
Principal Cloud Solutions Architect

Experience
Principal Cloud Solutions Architect, Scheldepoort Consulting, Antwerp      Jan 2021 - Present
- Lead a guild of eight architects; own the reference architectures for AWS and Azure landing
  zones, reviewed against the AWS Well-Architected Framework.
- Designed Amazon SageMaker environments for two insurers' data science teams.
- Architected a retrieval-augmented generation assistant on Azure OpenAI with evaluation gates.
Senior Cloud Architect, Brugse Hosting, Bruges      Mar 2014 - Dec 2020
- Migrated 120 workloads from VMware to AWS with Terraform; container platforms on Amazon EKS.

Certifications
AWS Certified Solutions Architect - Professional; TOGAF 9 Certified

Skills
AWS, Azure, Terraform, Kubernetes, Python, SageMaker, Azure OpenAI, machine learning
"""


def _ranked(text: str) -> list[str]:
    return [fit.id for fit in analyze_text(text, "cv.txt", AS_OF).roles]


def test_embedded_ml_shows_the_ml_hardware_specialism():
    report = analyze_text(EMBEDDED, "cv.txt", AS_OF)
    ranked = [fit.id for fit in report.roles]
    assert ranked[0] == "ml-hardware-engineer"
    assert report.role("ml-hardware-engineer").gate_evidence == 1.0


def test_one_talk_is_half_a_research_record():
    fit = analyze_text(EMBEDDED, "cv.txt", AS_OF).role("research-engineer")
    assert fit.gate_evidence < 1.0
    assert "1 of 2 publications (0.50)" in fit.component("focus").detail


def test_architecture_work_puts_the_solutions_architect_first():
    report = analyze_text(ARCHITECT, "cv.txt", AS_OF)
    found = {s.id for s in report.skills}
    assert {"software-architecture", "togaf", "cloud-landing-zones"} <= found
    assert _ranked(ARCHITECT)[0] == "ml-solutions-architect"
