"""Word spaces from glyph gaps when a PDF has no space characters (issue 11, glued words)."""

from __future__ import annotations

from resume_fit.parse.segments import Glyph, build_segments

SIZE = 10.0
WIDTH = 5.0


def _glyphs(words: list[str], word_gap: float, letter_gap: float = 0.0) -> list[Glyph]:
    """Glyphs of ``words`` on one baseline, no space glyphs: words apart by ``word_gap`` points."""
    glyphs: list[Glyph] = []
    x = 0.0
    for number, word in enumerate(words):
        if number:
            x += word_gap - letter_gap
        for char in word:
            glyphs.append(Glyph(char, x, x + WIDTH, 0.0, SIZE, 0.0, SIZE))
            x += WIDTH + letter_gap
    return glyphs


def _text(glyphs: list[Glyph]) -> str:
    return " ".join(segment.text for segment in build_segments(glyphs))


def test_segments_word_gaps_are_spaces():
    assert _text(_glyphs(["Master", "in", "Computer", "Science"], 2.0)) == (
        "Master in Computer Science"
    )


def test_segments_dot_leader_does_not_glue_the_title():
    # A dot leader's spaced dots outnumber the letters; they must not set the letter gap.
    words = ["Master", "in", "Computer", "Science", *["."] * 60, "2015"]
    text = _text(_glyphs(words, 2.0))
    assert text.startswith("Master in Computer Science ")
    assert text.endswith(" 2015")


def test_segments_short_tokens_keep_their_spaces():
    # Half the gaps of a phone number are word gaps: the letter gap is the lower median.
    assert _text(_glyphs(["+33", "6", "22", "47", "37", "82"], 2.0)) == "+33 6 22 47 37 82"


def test_segments_letter_spaced_heading_stays_one_word():
    assert _text(_glyphs(["SKILLS"], 0.0, letter_gap=3.0)) == "SKILLS"
