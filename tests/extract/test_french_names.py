"""Resumes written in French name common practices in French (lexicons/curated/french_names.toml;
issue 10, class f). Invented sentences."""

from __future__ import annotations

import pytest

from resume_fit.extract import extract_skills, load_pipeline


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        ("Analyse des données de ventes avec Python et Pandas.", "data-analysis"),
        ("Conception d'une base de données PostgreSQL pour la facturation.", "databases"),
        ("Tableaux de bord et visualisation de données sous Power BI.", "data-visualization"),
        ("Cours de génie logiciel et de programmation orientée objet.", "software-engineering"),
        (
            "Cours de génie logiciel et de programmation orientée objet.",
            "object-oriented-programming",
        ),
        (
            "Stage en apprentissage automatique appliqué à la détection de fraude.",
            "machine-learning",
        ),
        ("Modèles de vision par ordinateur pour le contrôle qualité.", "computer-vision"),
        ("Administration système et supervision réseau d'un parc Linux.", "system-administration"),
        ("Administration système et supervision réseau d'un parc Linux.", "network-monitoring"),
        ("Doctorat en réseaux informatiques, sécurité informatique.", "networking"),
        ("Doctorat en réseaux informatiques, sécurité informatique.", "cybersecurity"),
        ("Participation à la collecte des exigences avec les clients.", "requirements-gathering"),
        (
            "Calcul haute performance sur la grappe SLURM du laboratoire.",
            "high-performance-computing",
        ),
    ],
)
def test_french_name_of_a_practice(make_resume, text, skill_id):
    found = {m.id for m in extract_skills(make_resume(("experience", text)), load_pipeline())}
    assert skill_id in found, sorted(found)


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        # one ordinary French word is not the practice
        ("Gestion des réseaux de distribution d'eau potable.", "networking"),
        ("Surveillance des patients en salle de réveil.", "network-monitoring"),
    ],
)
def test_one_french_word_is_not_the_practice(make_resume, text, skill_id):
    found = {m.id for m in extract_skills(make_resume(("experience", text)), load_pipeline())}
    assert skill_id not in found, sorted(found)
