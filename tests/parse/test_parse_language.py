"""Main-language detection from the stop-word profiles in lexicons/languages.toml."""

from __future__ import annotations

import pytest

from resume_fit.errors import DataFileError
from resume_fit.parse import parse_text
from resume_fit.parse.language import detect_language, load_profiles, read_profiles

TEXTS = {
    "en": (
        "Summary\nData engineer with six years of experience building pipelines for the "
        "finance team. I have led the move of our reports to the cloud and worked with analysts "
        "on the design of their dashboards, which are used by all of the regional offices."
    ),
    "de": (
        "Profil\nDateningenieur mit sechs Jahren Erfahrung in der Entwicklung von Pipelines für "
        "die Finanzabteilung. Ich habe die Umstellung der Berichte auf die Cloud geleitet und mit "
        "den Analysten an der Gestaltung ihrer Dashboards gearbeitet, die von allen Standorten "
        "genutzt werden."
    ),
    "fr": (
        "Profil\nIngénieur de données avec six ans d'expérience dans la création de pipelines "
        "pour le service financier. J'ai dirigé la migration des rapports vers le cloud et "
        "travaillé avec les analystes sur la conception de leurs tableaux de bord, qui sont "
        "utilisés par toutes les agences."
    ),
    "es": (
        "Perfil\nIngeniero de datos con seis años de experiencia en la creación de pipelines "
        "para el área financiera. He dirigido la migración de los informes a la nube y he "
        "trabajado con los analistas en el diseño de sus paneles, que son usados por todas las "
        "oficinas."
    ),
    "it": (
        "Profilo\nIngegnere dei dati con sei anni di esperienza nella creazione di pipeline per "
        "il reparto finanziario. Ho guidato la migrazione dei report nel cloud e ho lavorato con "
        "gli analisti alla progettazione delle loro dashboard, che sono usate da tutte le sedi."
    ),
    "nl": (
        "Profiel\nData-engineer met zes jaar ervaring in het bouwen van pipelines voor de "
        "financiële afdeling. Ik heb de overstap van de rapporten naar de cloud geleid en met de "
        "analisten aan het ontwerp van hun dashboards gewerkt, die door alle vestigingen worden "
        "gebruikt."
    ),
    "pt": (
        "Perfil\nEngenheiro de dados com seis anos de experiência na criação de pipelines para o "
        "setor financeiro. Liderei a migração dos relatórios para a nuvem e trabalhei com os "
        "analistas no desenho dos seus painéis, que são usados por todas as filiais."
    ),
}


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_language_detects_each_profiled_language(code: str) -> None:
    assert detect_language(TEXTS[code]) == code


def test_language_skills_list_alone_is_unknown() -> None:
    assert detect_language("Python, SQL, Spark, Airflow, Docker, Kubernetes, Terraform") == (
        "unknown"
    )


def test_language_on_the_parsed_resume() -> None:
    assert parse_text(TEXTS["de"]).language == "de"
    assert parse_text(TEXTS["en"]).language == "en"


def test_language_shipped_profiles_load_with_names() -> None:
    profiles = load_profiles()
    assert {"en", "de", "fr", "es", "it", "nl", "pt"} <= set(profiles.words)
    assert all(len(words) >= 80 for words in profiles.words.values())
    assert profiles.name("de") == "German"


@pytest.mark.parametrize(
    "data",
    [
        "not toml [",
        "[detect]\nmin_hits = 1\n",
        "[detect]\nmin_hits=1\nmin_lead=1\n[languages]\nen=1\n",
    ],
)
def test_language_malformed_profiles_refused(data: str) -> None:
    with pytest.raises(DataFileError):
        read_profiles(data, "bad.toml")
