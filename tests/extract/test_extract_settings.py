"""lexicons/extract.toml: loads, validates, and errors name the file."""

from __future__ import annotations

import pytest

from resume_fit.errors import DataFileError
from resume_fit.extract.settings import ExtractSettings, load_settings, read_settings


def test_settings_shipped_file_loads() -> None:
    settings = load_settings()
    assert 0 < settings.fuzzy_cutoff <= 100
    assert settings.fuzzy_min_length >= 4
    assert (
        settings.confidence["fuzzy"] < settings.confidence["alias"] <= settings.confidence["exact"]
    )
    assert "to" in settings.reject_next["go"]


def test_settings_round_trip_and_digest() -> None:
    settings = load_settings()
    copy = ExtractSettings.from_dict(settings.to_dict())
    assert copy == settings
    assert copy.digest == settings.digest


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("not = [toml", "not valid TOML"),
        ("[confidence]\nexact = 1.0\n", "missing setting"),
    ],
)
def test_settings_errors_name_the_file(tmp_path, content, reason) -> None:
    path = tmp_path / "extract.toml"
    path.write_text(content)
    with pytest.raises(DataFileError, match=reason) as info:
        read_settings(path)
    assert str(path) in str(info.value)


def test_settings_bad_confidence_rejected(tmp_path) -> None:
    shipped = load_settings()
    text = (
        "[confidence]\nexact = 1.5\nalias = 0.9\nfuzzy = 0.7\nambiguous_factor = 0.8\n"
        f"[fuzzy]\nscore_cutoff = {shipped.fuzzy_cutoff}\nmin_length = 6\n"
        "[ambiguity]\ncontext_window = 8\n"
    )
    path = tmp_path / "extract.toml"
    path.write_text(text)
    with pytest.raises(DataFileError, match="exact"):
        read_settings(path)
