"""Methods and named tools of ML practice and of the professions next to it (the curated tables
ml_methods_practice.toml and profession_practice.toml): found where resumes write them, and left
alone where the same words mean something else. Invented text."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rolled models out as canary releases behind Argo Rollouts.", {"canary-deployment"}),
        ("Calibrated the claims model with conformal prediction.", {"conformal-prediction"}),
        ("Cut variance in A/B tests with CUPED and sequential testing.", {"cuped"}),
        ("Mapped treatment effects with fixest and rdrobust in R.", {"fixest", "rdrobust"}),
        (
            "Built SDTM and ADaM datasets and checked them with Pinnacle 21.",
            {"sdtm", "pinnacle-21"},
        ),
        (
            "Ran fatigue and modal analysis in ANSYS on the bracket.",
            {"modal-analysis", "fatigue-analysis"},
        ),
        # a lower-case word that is a guarded name only in its own case ("Modal", the
        # platform) is a conjunct like any other
        (
            "Ran modal and fatigue analysis in ANSYS on the bracket.",
            {"modal-analysis", "fatigue-analysis"},
        ),
        ("Computed NDVI from Sentinel-2 scenes for change detection.", {"ndvi"}),
        # the forms practitioners write for concepts other tables define
        ("Tuned the ranker with Ray Tune for hyperparameter search.", {"hyperparameter-tuning"}),
        (
            "Added a pseudo-labelling step for the unlabeled transactions.",
            {"semi-supervised-learning"},
        ),
        ("Prototyped a GraphSAGE model in PyTorch Geometric.", {"graph-neural-networks"}),
        (
            "Released models by shadow scoring and staged rollout.",
            {"shadow-deployment", "canary-deployment"},
        ),
        ("Designed the bootloader and OTA updates for nRF52 boards.", {"ota-updates"}),
        ("Built DCF valuation and three-statement models for deals.", {"dcf-valuation"}),
    ],
)
def test_practice_tables_found_where_used(found_ids, text, expected):
    assert expected <= found_ids("experience", text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # business use cases of a model are no UML use-case modelling
        ("Delivered three machine learning use cases for the claims team.", "use-case-modelling"),
        # a German theatre-nurse title and a Portuguese word are no firmware or bill of materials
        ("Ausbildung als OTA im Klinikum, 2019.", "ota-updates"),
        ("Que bom ter você na equipe de dados.", "bom-management"),
        # a rota is no rostering product
        ("Coordinated the health roster for the ward's junior doctors.", "healthroster"),
    ],
)
def test_practice_tables_other_senses_stay_out(found_ids, text, absent):
    assert absent not in found_ids("experience", text)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # under a vendor, an item naming only a practice names the vendor's product ...
        ("Cloud: AWS (EC2, Auto Scaling, S3)", "ec2-auto-scaling", "autoscaling"),
        # ... and an item naming a product of its own keeps it
        ("Cloud: AWS (S3, SageMaker)", "sagemaker", "aws-sagemaker"),
    ],
)
def test_practice_tables_a_vendor_qualifies_practices_not_products(
    found_ids, text, present, absent
):
    found = found_ids("skills", text)
    assert present in found
    assert absent not in found
