"""The pattern index: every occurrence of every skill form, as spaCy's PhraseMatcher finds them."""

from __future__ import annotations

import pytest
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from resume_fit.extract.patterns import PatternIndex, SkillEntry, written_forms
from resume_fit.extract.serialise import guess_tokens


def _index(settings, *entries: SkillEntry) -> PatternIndex:
    tokens = {written: guess_tokens(written) for e in entries for _, written in written_forms(e)}
    return PatternIndex(entries, tokens, settings)


def _found(index: PatternIndex, text: str) -> list[tuple[int, int, str]]:
    lowers = [word.lower() for word in text.split(" ")]
    return [(start, end, skill_id) for start, end, skill_id, _ in index.find(lowers)]


TEXTS = [
    "Built LLMs and LLM tooling with PyTorch, pytorch and PYTORCH.",
    "Machine learning and deep learning on Amazon Web Services; amazon-web-services tags.",
    "Skills: Go, Rust, C++/Java, R. Spark, Apache Spark, Spark SQL and PySpark.",
    "Ruby on Rails, Ruby, Microsoft Excel, MS Excel, Excel and Access.",
    "A/B testing, AB testing and split testing with scikit-learn and sklearn.",
    "Spring Boot and Spring Framework; React.js, ReactJS and React; Express.js.",
    "apache spark sql machine learning",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_patterns_find_what_the_phrase_matcher_finds(toy_nlp, text) -> None:
    # The reference: spaCy's case-insensitive PhraseMatcher over the same pattern tokens.
    matcher = toy_nlp.get_pipe("resume_fit_skills")
    reference = PhraseMatcher(toy_nlp.vocab, attr="LOWER")
    for entry in matcher.entries.values():
        docs = []
        for _, written in written_forms(entry):
            words, spaces = matcher._tokens[written]
            docs.append(Doc(toy_nlp.vocab, words=list(words), spaces=list(spaces)))
        reference.add(entry.id, docs)
    doc = toy_nlp.make_doc(text)
    lowers = [token.lower_ for token in doc]
    expected = sorted(
        {(start, end, toy_nlp.vocab.strings[key]) for key, start, end in reference(doc)}
    )
    found = [(start, end, skill_id) for start, end, skill_id, _ in matcher._patterns.find(lowers)]
    assert found == expected


def test_patterns_find_overlapping_and_nested_matches(settings) -> None:
    index = _index(
        settings,
        SkillEntry("apache-spark", "Apache Spark", "tool", ("Apache Spark", "Spark", "Spark SQL")),
        SkillEntry("sql", "SQL", "language", ("SQL",)),
    )
    assert _found(index, "apache spark sql") == [
        (0, 2, "apache-spark"),
        (1, 2, "apache-spark"),
        (1, 3, "apache-spark"),
        (2, 3, "sql"),
    ]


def test_patterns_find_every_skill_sharing_a_form(settings) -> None:
    index = _index(
        settings,
        SkillEntry("ms-access", "Microsoft Access", "database", ("Microsoft Access", "Access")),
        SkillEntry("access-control", "access control", "method", ("access control", "access")),
    )
    assert _found(index, "MS Access") == [(1, 2, "access-control"), (1, 2, "ms-access")]


def test_patterns_find_no_form_cut_short_by_the_end_of_the_text(settings) -> None:
    index = _index(
        settings,
        SkillEntry("ml", "machine learning", "field", ("machine learning",)),
        SkillEntry("mlops", "machine learning ops", "method", ("machine learning ops",)),
    )
    assert _found(index, "machine learning ops") == [(0, 2, "ml"), (0, 3, "mlops")]
    assert _found(index, "applied machine learning") == [(1, 3, "ml")]
    assert _found(index, "machine") == []


def test_patterns_find_hyphenated_tag_spelling(settings) -> None:
    index = _index(settings, SkillEntry("aws", "AWS", "platform", ("AWS", "Amazon Web Services")))
    assert _found(index, "amazon - web - services") == [(0, 5, "aws")]


def test_patterns_form_info_follows_the_lexicon(settings) -> None:
    go = SkillEntry("go", "Go", "language", ("Go", "Golang"), True, (), ("Go",))
    index = _index(settings, go)
    ((skill_id, info),) = index.get(("go",))
    assert (skill_id, info.is_name, info.form_class) == ("go", True, "word")
    assert info.case_keys == frozenset({("Go",)})
    assert not info.any_case
    ((_, alias),) = index.get(("golang",))
    assert (alias.is_name, alias.form_class, alias.any_case) == (False, "plain", False)
    assert index.get(("python",)) == ()


def test_patterns_state_round_trips_and_finds_the_same(settings) -> None:
    index = _index(
        settings,
        SkillEntry("apache-spark", "Apache Spark", "tool", ("Apache Spark", "Spark", "Spark SQL")),
        SkillEntry("go", "Go", "language", ("Go", "Golang"), True, (), ("Go",)),
        SkillEntry("aws", "AWS", "platform", ("AWS", "Amazon Web Services")),
    )
    state = index.to_state()
    # Strings only under each key: reading a saved index makes no tuples or lists per key.
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in state["keys"].items())
    copy = PatternIndex.from_state(state)
    assert copy == index
    assert copy.fuzzy_forms == index.fuzzy_forms
    text = "Go and golang on amazon - web - services with apache spark sql"
    assert _found(copy, text) == _found(index, text)
    assert copy.get(("go",)) == index.get(("go",))
    assert copy.get(("nothing",)) == ()


def test_patterns_state_rejects_a_token_holding_the_key_separator(settings) -> None:
    from resume_fit.extract.patterns import KEY_SEPARATOR

    index = _index(settings, SkillEntry("odd", "odd", "tool", (f"o{KEY_SEPARATOR}dd",)))
    with pytest.raises(ValueError, match="separator"):
        index.to_state()
